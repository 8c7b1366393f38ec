"""exshell's own advice after PowerShell's error messages ("did you mean", versions, paste damage).

Contract: each function takes an ``ErrorRecord`` and appends zero or more
lines to ``record.hints`` (never changing ``record.message``, so scripts that
match PowerShell's text still work); calling one twice adds nothing new.

    for_binding_error(record, metadata, typed_name)
        unknown parameter: a parameter of another Exchange version (or of the
        later cmdlet that replaced this one), else the closest declared names
        and the sibling cmdlets (same noun) that have it; enum values: the
        closest valid names; a string given to a Boolean parameter: how to
        write $true/$false; a parameter left without its value: what stands
        where the value should be; a ``<Placeholder>`` of a syntax line left
        in the command.
    for_unknown_command(record, name, candidates=None)
        a later-version cmdlet and its Exchange 2010 counterpart, a reference
        cmdlet exshell lacks, a dash pasted as an en dash, the closest names
        (of ``candidates``, by default ``known_command_names()``).
    for_parse_error(record, source=None)
        paste damage before the error: a documentation ``<Placeholder>`` left
        in the line, a backtick followed by spaces at the end of the error's
        line or the line before it, a typographic quote inside a word that
        ended a string of its own quote family early.  En dashes before
        parameter names are fine in PowerShell and get no hint.
    for_broken_continuation(record, extent)
        the same backtick damage, for errors of a command (used by --check).

``metadata`` is the binder's CommandMetadata (exshell/binder/metadata.py); only
``name`` and ``parameters`` (canonical name -> parameter metadata with
``aliases`` and, when declared, ``versions``) are read, defensively, so this
module also works with the partial objects tests build.
"""
from __future__ import annotations

import difflib
import re
from typing import Any, Iterable, Optional

from exshell.errors import ErrorRecord
from exshell.language.ast import Extent, Source

_DASHES = "\u2013\u2014\u2015"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b"
_DOUBLE_QUOTES = "\u201c\u201d\u201e"
_ENUM_TEXT = re.compile(
    r"identifier name (?P<value>.*?) to a valid enumerator name\..*?try again:\s*(?P<names>.*)",
    re.S,
)
_BACKTICK_THEN_SPACES = re.compile(r"`[ \t]+\r?$", re.M)
# The next word after a parameter token, skipping blanks and line continuations.
_NEXT_WORD = re.compile(r"(?:[ \t]|`\r?\n)*([^\s]*)")
# "<Connector Name>" in a syntax line of the documentation, pasted as is.
_PLACEHOLDER = re.compile(r"<[A-Za-z][\w .-]*>")
_MAX_SUGGESTIONS = 3
_CUTOFF = 0.75         # difflib similarity below which a name is not suggested
_CLOSE_TO_BEST = 0.05  # suggestions must score within this of the best one


# ----------------------------------------------------------------- binding

def for_binding_error(record: ErrorRecord, metadata: Any, typed_name: str) -> None:
    """Hints for a ParameterBindingException record of the command ``metadata`` describes."""
    _add_placeholder_hint(record)
    if record.error_id == "MissingArgument":
        _add_missing_value_hint(record)
        return
    if record.error_id == "NamedParameterNotFound":
        typed = typed_name.lstrip("-" + _DASHES).split(":", 1)[0]
        if not _add_version_hint(record, metadata, typed):
            _add_did_you_mean(record, typed, _parameter_names(metadata), prefix="-")
            _add_sibling_hint(record, metadata, typed)
        return
    enum = _ENUM_TEXT.search(record.message)
    if enum:
        _add_enum_hint(record, enum.group("value"), enum.group("names"))
        return
    if "'System.Boolean'" in record.message and "'System.String'" in record.message:
        _add(record, "Boolean parameters take $true or $false (with the dollar sign), "
                     "or 1 or 0; the words true and false are strings.")


def _add_version_hint(record: ErrorRecord, metadata: Any, typed: str) -> bool:
    """A parameter of this cmdlet in a later version, or of the later cmdlet that
    replaced it (Set-TransportService for Set-TransportServer)."""
    command = getattr(metadata, "name", "") or record.activity
    table = _versions_table()
    if table is None:
        return False
    canonical = table["by_lower_name"].get(command.lower())
    if canonical is None:
        return False
    name = _unique_match(typed, table["cmdlets"][canonical]["parameters"])
    if name is not None:
        versions = table["cmdlets"][canonical]["parameters"][name]
        if "2010" in versions:
            return False
        if versions:
            _add(record, f"-{name} is a parameter of {canonical} in {_version_phrase(versions)} "
                         f"only; Exchange 2010 does not have it.")
        else:
            _add(record, f"-{name} is not a parameter of {canonical} in Exchange 2010.")
        return True
    for later, earlier in table["equivalents_2010"].items():
        if earlier != canonical:
            continue
        facts = table["cmdlets"][later]
        name = _unique_match(typed, facts["parameters"])
        if name is not None:
            _add(record, f"-{name} is a parameter of {later}, the {_version_phrase(facts['versions'])} "
                         f"successor of {canonical}; Exchange 2010 has no such setting.")
            return True
    return False


def _add_sibling_hint(record: ErrorRecord, metadata: Any, typed: str) -> None:
    """A parameter another verb of the same noun takes (Set-SendConnector -Usage:
    only New-SendConnector has it), so pasted lines mixing the two are explained."""
    command = getattr(metadata, "name", "") or record.activity
    table = _versions_table()
    if table is None or "-" not in command:
        return
    noun = command.split("-", 1)[1].lower()
    lowered = typed.lower()
    owners = []
    for name, facts in table["cmdlets"].items():
        if name.lower() == command.lower() or name.split("-", 1)[1].lower() != noun:
            continue
        exact = next((p for p in facts["parameters"] if p.lower() == lowered), None)
        if exact is not None and "2010" in facts["parameters"][exact]:
            owners.append((name, exact))
    if owners:
        names = " and ".join(name for name, _ in owners)
        _add(record, f"-{owners[0][1]} belongs to {names}; {command} does not take it.")


def _unique_match(typed: str, parameters: dict[str, list[str]]) -> Optional[str]:
    """The parameter ``typed`` names exactly or as a unique prefix, else None."""
    lowered = typed.lower()
    exact = [name for name in parameters if name.lower() == lowered]
    matches = exact or [name for name in parameters if name.lower().startswith(lowered)]
    return matches[0] if len(matches) == 1 else None


def _add_missing_value_hint(record: ErrorRecord) -> None:
    """Say what took the value's place: the next parameter, or the end of the command."""
    extent = record.extent
    if extent is None:
        return
    text = extent.source.text
    written = text[extent.start:extent.end]
    rest = _NEXT_WORD.match(text, extent.end)
    following = rest.group(1) if rest else ""
    if following[:1] in "-" + _DASHES and len(following) > 1:
        _add(record, f"{written} is followed by {following}, another parameter, so it got no "
                     f"value: put its value right after {written}.")
    elif not following or following[0] in ";|}\r\n":
        _add(record, f"Nothing follows {written} in this command: put its value right after it.")


def _add_enum_hint(record: ErrorRecord, typed_value: str, names_text: str) -> None:
    valid = [name.strip() for name in re.split(r"[,\n]", names_text) if name.strip()]
    unmatched = [part.strip() for part in typed_value.split(",") if part.strip()]
    lowered_valid = {name.lower() for name in valid}
    for part in unmatched:
        if part.lower() in lowered_valid:
            continue
        _add_did_you_mean(record, part, valid, prefix="")


def _add_did_you_mean(record: ErrorRecord, typed: str, names: Iterable[str], prefix: str) -> None:
    close = closest(typed, names)
    if not close:
        return
    shown = ", ".join(prefix + name for name in close)
    if len(close) == 1:
        _add(record, f"Did you mean {shown}?")
    else:
        _add(record, f"Did you mean one of: {shown}?")


def _parameter_names(metadata: Any) -> list[str]:
    """Names a user may type for the command: bindable parameters and their aliases."""
    parameters = getattr(metadata, "parameters", None) or {}
    items = parameters.items() if hasattr(parameters, "items") else (
        (getattr(p, "name", ""), p) for p in parameters)
    names: list[str] = []
    for name, parameter in items:
        if not _bindable(parameter):
            continue
        names.append(getattr(parameter, "name", None) or name)
        names.extend(getattr(parameter, "aliases", ()) or ())
    return names


def _bindable(parameter: Any) -> bool:
    bindable = getattr(parameter, "bindable", None)
    if isinstance(bindable, bool):
        return bindable
    versions = getattr(parameter, "versions", None)
    return not versions or "2010" in versions


# -------------------------------------------------------- unknown commands

def for_unknown_command(record: ErrorRecord, name: str,
                        candidates: Optional[Iterable[str]] = None) -> None:
    """Hints for a CommandNotFoundException record of the command ``name``."""
    if any(dash in name for dash in _DASHES):
        fixed = "".join("-" if ch in _DASHES else ch for ch in name)
        _add(record, f"The name contains a typographic dash; cmdlet names use '-' "
                     f"({fixed}).")
    table = _versions_table()
    if table is not None:
        canonical = table["by_lower_name"].get(name.lower())
        if canonical is not None:
            _add_reference_cmdlet_hint(record, canonical, table)
            return
    if candidates is None:
        candidates = known_command_names()
    _add_did_you_mean(record, name, candidates, prefix="")


def _add_reference_cmdlet_hint(record: ErrorRecord, canonical: str, table: dict) -> None:
    versions = table["cmdlets"][canonical]["versions"]
    equivalents: dict[str, Optional[str]] = table["equivalents_2010"]
    if "2010" in versions:
        _add(record, f"{canonical} is an Exchange 2010 cmdlet that exshell does not provide.")
        return
    where = _version_phrase(versions)
    if canonical in equivalents and equivalents[canonical]:
        _add(record, f"{canonical} is the name used by {where}; on Exchange 2010 use "
                     f"{equivalents[canonical]}.")
    else:
        _add(record, f"{canonical} exists only in {where}; Exchange 2010 has no equivalent.")


def known_command_names() -> list[str]:
    """Every cmdlet name and alias exshell knows (the default did-you-mean candidates)."""
    try:
        from exshell.cmdlets import registry
    except ImportError:
        return []
    names = list(registry.all_cmdlet_names())
    names.extend(getattr(registry, "ALIASES", {}).keys())
    return names


# ------------------------------------------------------------ paste damage

def for_parse_error(record: ErrorRecord, source: Any = None) -> None:
    """Hints for a parse error: paste damage at or before the error position."""
    source = _as_source(source, record)
    if source is None:
        return
    error_end = record.extent.end if record.extent is not None else len(source.text)
    # A broken continuation shows up at once: on the cut line or the orphaned next one.
    starts = source.line_starts()
    error_line = source.position(min(error_end, len(source.text)))[0]
    window_start = starts[max(error_line - 2, 0)]
    window_end = starts[error_line] if error_line < len(starts) else len(source.text)
    _add_backtick_hints(record, source, window_start, window_end)
    _add_smart_quote_hints(record, source, error_end)
    _add_placeholder_hint(record)


def for_broken_continuation(record: ErrorRecord, extent: Extent) -> None:
    """A command's error when its last line, or the line before it, ends in a backtick
    and spaces: the command was cut short, or is the orphaned rest of one."""
    source = extent.source
    starts = source.line_starts()
    first_line = source.position(extent.start)[0]
    last_line = source.position(max(extent.start, extent.end - 1))[0]
    begin = starts[max(first_line - 2, 0)]
    end = starts[last_line] if last_line < len(starts) else len(source.text)
    _add_backtick_hints(record, source, begin, end)


def _add_backtick_hints(record: ErrorRecord, source: Source, begin: int, end: int) -> None:
    for match in _BACKTICK_THEN_SPACES.finditer(source.text, begin, end):
        line, column = source.position(match.start())
        _add(record, f"Line {line} ends with a backtick followed by spaces (char {column}): "
                     f"the backtick escapes the space, not the line break, so the command "
                     f"ends on that line. Delete the spaces after the backtick.")


def _add_smart_quote_hints(record: ErrorRecord, source: Source, error_end: int) -> None:
    """The last typographic quote before the error that sits inside a word of a string
    of its own quote family (only there does it end the string early)."""
    text = source.text
    starts = source.line_starts()
    found: Optional[int] = None
    for index in range(min(error_end + 1, len(text))):
        ch = text[index]
        family = _SINGLE_QUOTES + "'" if ch in _SINGLE_QUOTES else (
            _DOUBLE_QUOTES + '"' if ch in _DOUBLE_QUOTES else None)
        if family is None:
            continue
        before = text[index - 1] if index > 0 else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if not (before.isalnum() and after.isalnum()):
            continue
        line_start = starts[source.position(index)[0] - 1]
        opened = sum(1 for c in text[line_start:index] if c in family)
        if opened % 2 == 1:
            found = index
    if found is None:
        return
    ch = text[found]
    line, column = source.position(found)
    kind = "single" if ch in _SINGLE_QUOTES else "double"
    _add(record, f"The typographic quote {ch} (U+{ord(ch):04X}) inside a word at line "
                 f"{line} char {column} counts as a {kind} quote in PowerShell and ends "
                 f"the string there. Type it twice to keep it in the text, or use a "
                 f"plain apostrophe.")


def _add_placeholder_hint(record: ErrorRecord) -> None:
    """A syntax line's ``<Placeholder>`` on the error's line: it needs a real value."""
    extent = record.extent
    if extent is None:
        return
    line_text = extent.source.line_text(extent.source.position(extent.start)[0])
    placeholder = _PLACEHOLDER.search(line_text)
    if placeholder:
        _add(record, f"{placeholder.group(0)} is a placeholder from a syntax description; "
                     f"replace each <...> with a real value.")


def _as_source(source: Any, record: ErrorRecord) -> Optional[Source]:
    if isinstance(source, Source):
        return source
    if isinstance(source, str):
        return Source(source)
    return record.extent.source if record.extent is not None else None


# ------------------------------------------------------------------ helpers

def closest(typed: str, names: Iterable[str], limit: int = _MAX_SUGGESTIONS) -> list[str]:
    """The names closest to ``typed`` (case-insensitive), best first, without duplicates.

    Only names about as close as the best one are kept, so a clear typo gets one
    answer rather than a list of loosely similar names.
    """
    by_lower: dict[str, str] = {}
    for name in names:
        by_lower.setdefault(name.lower(), name)
    lowered = typed.lower()
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(lowered)
    scored = []
    for candidate in by_lower:
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() < _CUTOFF or matcher.quick_ratio() < _CUTOFF:
            continue
        score = matcher.ratio()
        if score >= _CUTOFF:
            scored.append((score, candidate))
    scored.sort(key=lambda item: (-item[0], item[1]))
    if not scored:
        return []
    best = scored[0][0]
    return [by_lower[c] for score, c in scored[:limit] if score >= best - _CLOSE_TO_BEST]


def _version_phrase(versions: list[str]) -> str:
    """['2013', '2016', 'SE'] -> 'Exchange 2013, 2016 and SE'."""
    labels = [v for v in versions if v not in ("Online", "Security add-on")]
    cloud = [v for v in versions if v in ("Online", "Security add-on")]
    parts: list[str] = []
    if labels:
        parts.append("Exchange " + _join(labels))
    if "Online" in cloud:
        parts.append("Exchange Online")
    if "Security add-on" in cloud:
        parts.append("the built-in security add-on")
    return _join(parts) if parts else "other Exchange versions"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _versions_table() -> Optional[dict]:
    try:
        from exshell.data import version_table

        return version_table()
    except (ImportError, OSError, ValueError):
        return None


def _add(record: ErrorRecord, text: str) -> None:
    if text not in record.hints:
        record.hints.append(text)
