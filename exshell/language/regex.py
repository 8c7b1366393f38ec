""".NET regular expressions on Python's ``re``: pattern and replacement translation.

Contract:
    compile_regex(pattern, case_sensitive=False) -> re.Pattern   raises PSRuntimeError
        (InvalidRegularExpression) for a bad pattern
    translate_replacement(text) -> str     .NET ``$1``/``${name}``/``$$``/``$0`` to Python's ``\\g<...>``
    wildcard_to_regex(pattern, case_sensitive=False) -> re.Pattern  -like wildcards (* ? [a-z], backtick escapes)
    match_groups(match) -> Hashtable       what $Matches holds after -match

.NET and Python syntax are close; the differences that matter in scripts are
named groups ``(?<n>...)``, back references ``\\k<n>``, ``\\z`` and replacement tokens.
"""
from __future__ import annotations

import re
import warnings
from functools import lru_cache

from exshell.errors import ErrorRecord, PSRuntimeError, message
from exshell.language.values import Hashtable

_NAMED_GROUP = re.compile(r"\(\?<(?![=!])([A-Za-z_][A-Za-z0-9_]*)>|\(\?'([A-Za-z_][A-Za-z0-9_]*)'")
_BACKREF = re.compile(r"\\k<([A-Za-z_][A-Za-z0-9_]*)>")


def _translate_pattern(pattern: str) -> str:
    out = []
    index = 0
    in_class = False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            pair = pattern[index:index + 2]
            if pair == "\\z":
                out.append("\\Z")
            elif pair == "\\Z":
                out.append("(?=\\n?\\Z)")
            else:
                backref = _BACKREF.match(pattern, index)
                if backref and not in_class:
                    out.append(f"(?P={backref.group(1)})")
                    index = backref.end()
                    continue
                out.append(pair)
            index += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
            out.append(char)
            index += 1
            continue
        if char == "[":
            in_class = True
            out.append(char)
            if pattern[index + 1:index + 2] == "^":
                out.append("^")
                index += 1
            if pattern[index + 1:index + 2] == "]":
                out.append("\\]")
                index += 1
            index += 1
            continue
        named = _NAMED_GROUP.match(pattern, index)
        if named:
            out.append(f"(?P<{named.group(1) or named.group(2)}>")
            index = named.end()
            continue
        out.append(char)
        index += 1
    return "".join(out)


@lru_cache(maxsize=512)
def compile_regex(pattern: str, case_sensitive: bool = False) -> re.Pattern:
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        # Python warns (on stderr, naming this file) about constructs that may
        # change meaning in its future versions, such as "[[" sets; a user of
        # a PowerShell shell must not see that, and .NET reads them literally.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return re.compile(_translate_pattern(pattern), flags)
    except (re.error, RecursionError, OverflowError) as error:
        record = ErrorRecord(
            message=message("InvalidRegularExpression", pattern), error_id="InvalidRegularExpression",
            category="InvalidOperation", target_name=pattern, reason="RuntimeException",
            hints=[f"exshell's regular expression engine cannot use this pattern: {error}."])
        raise PSRuntimeError(record) from None


def translate_replacement(text: str) -> str:
    out = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            out.append("\\\\")
            index += 1
            continue
        if char == "$" and index + 1 < len(text):
            following = text[index + 1]
            if following == "$":
                out.append("$")
                index += 2
                continue
            if following == "&":
                out.append("\\g<0>")
                index += 2
                continue
            if following.isdigit():
                end = index + 1
                while end < len(text) and text[end].isdigit():
                    end += 1
                out.append(f"\\g<{text[index + 1:end]}>")
                index = end
                continue
            if following == "{":
                close = text.find("}", index)
                if close > 0:
                    out.append(f"\\g<{text[index + 2:close]}>")
                    index = close + 1
                    continue
        out.append(char)
        index += 1
    return "".join(out)


@lru_cache(maxsize=512)
def wildcard_to_regex(pattern: str, case_sensitive: bool = False) -> re.Pattern:
    out = ["\\A"]
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "`" and index + 1 < len(pattern):
            out.append(re.escape(pattern[index + 1]))
            index += 2
            continue
        if char == "*":
            out.append(".*")
        elif char == "?":
            out.append(".")
        elif char == "[":
            close = pattern.find("]", index + 1)
            if close < 0:
                out.append("\\[")
            else:
                body = pattern[index + 1:close]
                negate = body.startswith("!") or body.startswith("^")
                if negate:
                    body = body[1:]
                escaped = "".join("\\" + c if c in "\\^]" else c for c in body)
                out.append(f"[{'^' if negate else ''}{escaped}]")
                index = close + 1
                continue
        else:
            out.append(re.escape(char))
        index += 1
    out.append("\\Z")
    return re.compile("".join(out), re.DOTALL | (0 if case_sensitive else re.IGNORECASE))


def has_wildcard(text: str) -> bool:
    return any(char in text for char in "*?[")


def match_groups(match: re.Match) -> Hashtable:
    """$Matches: group 0 and every group that took part.  .NET numbers the unnamed
    groups first (1, 2, ...) and keys named groups by name only."""
    groups = Hashtable()
    names = {index: name for name, index in match.re.groupindex.items()}
    unnamed = [index for index in range(1, match.re.groups + 1) if index not in names]
    keyed: list[tuple[object, int]] = [(name, index) for index, name in sorted(names.items())]
    keyed += [(number, index) for number, index in enumerate(unnamed, start=1)]
    for key, index in reversed(keyed):
        value = match.group(index)
        if value is not None:
            groups[key] = value
    groups[0] = match.group(0)
    return groups
