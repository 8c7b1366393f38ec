"""Syntax lines and help text generated from a command's declaration.

Contract (pure: metadata in, text out; Get-Command -Syntax, Get-Help and -?
all use it):
    type_label(param_type) -> str            'String', 'Int32[]', 'MultiValuedProperty'
    syntax_lines(metadata) -> list[str]      one line per parameter set, PowerShell's shape:
        New-SendConnector [-Name] <String> -AddressSpaces <MultiValuedProperty> [-Comment <String>] ... [<CommonParameters>]
    help_text(metadata, info, aliases, full=False, examples=False, parameter=None) -> str

Order inside a syntax line follows PowerShell: positional parameters by
position, then mandatory named ones, then the optional ones in declaration
order, -WhatIf/-Confirm, and ``[<CommonParameters>]`` last.  Help sections
follow PowerShell 5.1's console help (NAME, SYNOPSIS, SYNTAX, DESCRIPTION,
PARAMETERS with Required?/Position?/Accept pipeline input?/Accept wildcard
characters?, ALIASES, REMARKS).
"""
from __future__ import annotations

import enum
import textwrap
from typing import Any, Optional

from exshell.cmdlets.base import ALL_SETS, ArrayOf

COMMON_NOTE = ("This cmdlet supports the common parameters: Verbose, Debug, ErrorAction, "
               "ErrorVariable, WarningAction, WarningVariable, OutBuffer, PipelineVariable, and "
               "OutVariable. For more information, see about_CommonParameters "
               "(https:/go.microsoft.com/fwlink/?LinkID=113216).")


def type_label(param_type: Any) -> str:
    """The short type name PowerShell's syntax shows inside ``<...>``."""
    if isinstance(param_type, ArrayOf):
        return type_label(param_type.element) + "[]"
    reference = getattr(param_type, "reference_name", None)
    if isinstance(reference, str) and reference:
        return reference
    from exshell.language.conversions import dotnet_name
    name = dotnet_name(param_type)
    head = name.split("`", 1)[0]
    if name.endswith("[]") and "`" not in name:
        head = name[:-2]
        return head.rsplit(".", 1)[-1] + "[]"
    return head.rsplit(".", 1)[-1]


def _choices(parameter: Any) -> Optional[list[str]]:
    if parameter.values:
        return list(parameter.values)
    if isinstance(parameter.type, type) and issubclass(parameter.type, enum.Enum):
        # __members__ keeps zero-valued flags (None, Default) that iteration skips
        return [name for name, member in parameter.type.__members__.items() if member.name == name]
    return None


def _parameter_token(parameter: Any, position: Optional[int], mandatory: bool) -> str:
    name = f"-{parameter.name}"
    if position is not None:
        name = f"[{name}]"
    if parameter.is_switch:
        text = name
    else:
        choices = _choices(parameter)
        value = "{" + " | ".join(choices) + "}" if choices else f"<{type_label(parameter.type)}>"
        text = f"{name} {value}"
    return text if mandatory else f"[{text}]"


def _set_parameters(metadata: Any, set_name: str) -> list[tuple[Any, Any]]:
    chosen = []
    for parameter in metadata.parameters.values():
        if parameter.is_common or parameter.dont_show:
            continue
        facts = parameter.facts(set_name) if set_name != ALL_SETS else parameter.sets.get(ALL_SETS)
        if facts is None and set_name == ALL_SETS and parameter.sets:
            facts = next(iter(parameter.sets.values()))
        if facts is not None:
            chosen.append((parameter, facts))
    return chosen


def syntax_line(metadata: Any, set_name: str) -> str:
    return " ".join(syntax_parts(metadata, set_name))


def syntax_parts(metadata: Any, set_name: str) -> list[str]:
    """The command name and one token per parameter (``[-Name] <String>`` stays whole)."""
    chosen = _set_parameters(metadata, set_name)
    positional = sorted((p for p in chosen if p[1].position is not None), key=lambda p: p[1].position)
    named = [p for p in chosen if p[1].position is None]
    ordered = positional + [p for p in named if p[1].mandatory] + [p for p in named if not p[1].mandatory]
    parts = [metadata.name]
    for parameter, facts in ordered:
        parts.append(_parameter_token(parameter, facts.position, facts.mandatory))
    for name in ("WhatIf", "Confirm"):
        if name in metadata.parameters:
            parts.append(f"[-{name}]")
    if metadata.is_advanced:
        parts.append("[<CommonParameters>]")
    return parts


def _ordered_sets(metadata: Any) -> list[str]:
    sets = list(metadata.parameter_sets)
    if metadata.default_set in sets:
        sets.remove(metadata.default_set)
        sets.insert(0, metadata.default_set)
    return sets


def syntax_lines(metadata: Any) -> list[str]:
    return [syntax_line(metadata, set_name) for set_name in _ordered_sets(metadata)]


def _indent(text: str, spaces: int, width: int = 80) -> list[str]:
    lines = []
    for paragraph in text.split("\n"):
        wrapped = textwrap.wrap(paragraph, width - spaces) or [""]
        lines.extend(" " * spaces + piece if piece else "" for piece in wrapped)
    return lines


def _wrap_syntax(parts: list[str], width: int) -> list[str]:
    """A syntax line broken between parameters, continuation lines indented alike."""
    limit = max(20, width - 5)
    lines: list[str] = []
    current = ""
    for part in parts:
        if current and len(current) + 1 + len(part) > limit:
            lines.append("    " + current)
            current = part
        else:
            current = f"{current} {part}" if current else part
    lines.append("    " + current)
    return lines


def _pipeline_text(parameter: Any) -> str:
    by_value = any(f.from_pipeline for f in parameter.sets.values())
    by_name = any(f.from_pipeline_by_name for f in parameter.sets.values())
    kinds = [kind for kind, on in (("ByValue", by_value), ("ByPropertyName", by_name)) if on]
    return f"True ({', '.join(kinds)})" if kinds else "False"


def parameter_block(parameter: Any) -> list[str]:
    value = "" if parameter.is_switch else f" <{type_label(parameter.type)}>"
    lines = [f"    -{parameter.name}{value}"]
    if parameter.help:
        lines.extend(_indent(parameter.help, 8))
    lines.append("")
    positions = sorted({f.position for f in parameter.sets.values() if f.position is not None})
    facts = [
        ("Required?", "true" if parameter.mandatory_anywhere else "false"),
        ("Position?", ", ".join(str(p) for p in positions) if positions else "named"),
        ("Default value", ""),
        ("Accept pipeline input?", _pipeline_text(parameter)),
        ("Accept wildcard characters?", "true" if parameter.wildcards else "false"),
    ]
    if parameter.aliases:
        facts.append(("Aliases", ", ".join(parameter.aliases)))
    lines.extend(f"        {label.ljust(28)} {text}".rstrip() for label, text in facts)
    lines.append("")
    return lines


def matching_parameters(metadata: Any, pattern_text: str) -> list[Any]:
    """The command's own parameters whose names match a wildcard pattern."""
    from exshell.language.regex import wildcard_to_regex
    pattern = wildcard_to_regex(pattern_text)
    return [p for p in metadata.parameters.values() if not p.is_common and pattern.match(p.name)]


def _examples(info: Any) -> list[str]:
    lines = []
    for number, (code, what) in enumerate(getattr(info, "examples", None) or [], start=1):
        lines.append(f"    -------------------------- EXAMPLE {number} --------------------------")
        lines.append("")
        lines.append(f"    PS C:\\>{code}")
        lines.append("")
        lines.extend(_indent(what, 4))
        lines.append("")
        lines.append("")
    return lines


def help_text(metadata: Any, info: Any, aliases: list[str], *, full: bool = False,
              examples: bool = False, parameter: Optional[str] = None, width: int = 80) -> str:
    """Get-Help's text for one command (ends with a newline), wrapped to ``width``
    columns as the console help is."""
    name = metadata.name
    if parameter is not None:
        chosen = matching_parameters(metadata, parameter)
        return "\n".join([""] + [line for p in chosen for line in parameter_block(p)]) + "\n"
    synopsis = getattr(info, "synopsis", "") or name
    description = getattr(info, "description", "") or synopsis
    lines = ["", "NAME", f"    {name}", ""]
    if examples:
        lines += ["SYNOPSIS", *_indent(synopsis, 4), "", *_examples(info)]
        return "\n".join(lines) + "\n"
    lines += ["SYNOPSIS", *_indent(synopsis, 4), "", ""]
    lines += ["SYNTAX"]
    for set_name in _ordered_sets(metadata):
        lines += _wrap_syntax(syntax_parts(metadata, set_name), width) + [""]
    lines += ["", "DESCRIPTION", *_indent(description, 4), "", ""]
    if full:
        lines += ["PARAMETERS"]
        for candidate in metadata.parameters.values():
            if not candidate.is_common and not candidate.dont_show:
                lines += parameter_block(candidate)
        if metadata.is_advanced:
            lines += ["    <CommonParameters>", *_indent(COMMON_NOTE, 8), "", ""]
        output_type = getattr(info, "output_type", None)
        lines += ["INPUTS", "", "OUTPUTS", *([f"    {output_type}"] if output_type else []), ""]
        lines += ["EXAMPLES", *_examples(info)]
    if aliases:
        lines += ["ALIASES", *(f"    {alias}" for alias in aliases), "", ""]
    lines += ["REMARKS"]
    if not full:
        lines += [f'    To see the examples, type: "get-help {name} -examples".',
                  f'    For more information, type: "get-help {name} -detailed".',
                  f'    For technical information, type: "get-help {name} -full".']
    else:
        lines += [f'    To see the examples, type: "get-help {name} -examples".']
    lines.append("")
    return "\n".join(lines) + "\n"
