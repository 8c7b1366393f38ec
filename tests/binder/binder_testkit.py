"""Shared helpers for the binder tests: small test cmdlets, a command-line splitter
that builds binder elements with real source extents, and a fake session/host.

The splitter understands just what the tests write: ``-Name``, ``-Name:value``,
barewords, 'single'/"double" quoted strings, comma lists without spaces,
numbers with multipliers (as ArgumentNumber), ``$true``/``$false``/``$null``,
``$var`` (an unknown, non-literal value) and ``--``.
"""
from __future__ import annotations

import enum
import re
from typing import Any, Optional

from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, ParamSet, cmdlet
from exshell.invocation import NO_ARGUMENT, ArgumentElement, InvocationInfo, ParameterElement
from exshell.language.ast import Extent, Source
from exshell.language.values import ArgumentNumber, SwitchParameter

_TOKEN = re.compile(r"""(?:"[^"]*"|'[^']*'|[^\s,'"]+)(?:,(?:"[^"]*"|'[^']*'|[^\s,'"]+))*""")
_NUMBER = re.compile(r"^(\d+)(kb|mb|gb)?$", re.IGNORECASE)
_MULTIPLIERS = {None: 1, "kb": 1024, "mb": 1024 ** 2, "gb": 1024 ** 3}


class Variable:
    """Stands for ``$name``: a value the check mode must not guess."""

    def __init__(self, name: str):
        self.name = name

    def __str__(self) -> str:
        return "$" + self.name


def _value(text: str, single: bool) -> tuple[Any, bool]:
    if text[:1] in "\"'":
        return text[1:-1], True
    lowered = text.lower()
    if lowered in ("$true", "$false", "$null"):
        return {"$true": True, "$false": False, "$null": None}[lowered], True
    if text.startswith("$"):
        return Variable(text[1:]), False
    number = _NUMBER.match(text)
    if number:
        value = int(number.group(1)) * _MULTIPLIERS[(number.group(2) or "").lower() or None]
        return (ArgumentNumber(value, text) if single else value), True
    return text, True


def _argument(text: str) -> tuple[Any, bool]:
    parts = re.findall(r""""[^"]*"|'[^']*'|[^,]+""", text)
    if len(parts) == 1:
        return _value(parts[0], True)
    values = [_value(p, False) for p in parts]
    return [v for v, _ in values], all(literal for _, literal in values)


def split(command_line: str) -> tuple[str, list, InvocationInfo]:
    """(command name, elements, invocation) for a one-line command."""
    source = Source(command_line)
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(command_line)]
    name, name_start, name_end = tokens[0]
    elements: list = []
    for text, start, end in tokens[1:]:
        extent = Extent(source, start, end)
        if text == "--":
            elements.append(ParameterElement("-", NO_ARGUMENT, "--", extent))
        elif re.match(r"^-[A-Za-z_?]", text):
            head, colon, rest = text.partition(":")
            if colon:
                value, literal = _argument(rest) if rest else (NO_ARGUMENT, True)
                arg_start = start + len(head) + 1
                elements.append(ParameterElement(
                    head[1:], value, head + ":", Extent(source, start, start + len(head) + 1),
                    Extent(source, arg_start, end), literal=literal))
            else:
                elements.append(ParameterElement(text[1:], NO_ARGUMENT, text, extent))
        else:
            value, literal = _argument(text)
            elements.append(ArgumentElement(value, extent, literal=literal))
    invocation = InvocationInfo(name, Extent(source, name_start, len(command_line)),
                                Extent(source, name_start, name_end))
    return name, elements, invocation


def column(error: Any) -> int:
    """The 1-based column an error points at (``At line:1 char:N``)."""
    return error.record.extent.start_column


# ------------------------------------------------------------ test cmdlets

class Usage(enum.Enum):
    Custom = 0
    Internal = 1
    Internet = 2
    Partner = 3


Usage.dotnet_name = "Microsoft.Exchange.Data.Directory.SystemConfiguration.UsageType"


@cmdlet("New-Widget", should_process=True, confirm_impact="Medium", default_set="AddressSpaces",
        command_type_name="Tests.NewWidget")
class NewWidget(Cmdlet):
    Name = Param(str, mandatory=True, position=1)
    AddressSpaces = Param(ArrayOf(str), sets={"AddressSpaces": ParamSet(mandatory=True)})
    LinkedConnector = Param(str, sets={"Linked": ParamSet(mandatory=True)})
    Usage = Param(Usage)
    Count = Param(int)
    MaxSize = Param(str)
    Enabled = Param(bool)
    DNSRoutingEnabled = Param(bool)
    Force = Param(SwitchParameter)
    Tags = Param(ArrayOf(str), values=["red", "green"])
    Comment = Param(str, aliases=["Note"])
    Legacy = Param(str, versions=("2013", "2016"))


@cmdlet("Set-Widget", should_process=True, command_type_name="Tests.SetWidget")
class SetWidget(Cmdlet):
    Identity = Param(str, mandatory=True, position=1, from_pipeline=True)
    Enabled = Param(bool)
    Comment = Param(str, from_pipeline_by_name=True)


@cmdlet("Get-Widget", default_set="Identity", command_type_name="Tests.GetWidget")
class GetWidget(Cmdlet):
    Identity = Param(str, position=1, sets=["Identity"])
    Server = Param(str, sets=["Server"], mandatory=True)
    ResultSize = Param(int)


@cmdlet("Test-Pipe", command_type_name="Tests.TestPipe")
class PipeTester(Cmdlet):
    Number = Param(int, sets={"ByNumber": ParamSet(mandatory=True, from_pipeline=True)})
    Text = Param(str, sets={"ByText": ParamSet(mandatory=True, from_pipeline=True)})
    Name = Param(str, from_pipeline_by_name=True, aliases=["Label"])


@cmdlet("Invoke-Rest", command_type_name="Tests.InvokeRest")
class InvokeRest(Cmdlet):
    First = Param(str, position=1)
    Rest = Param(ArrayOf(object), remaining=True)


# ------------------------------------------------------------ fake session

class FakeUI:
    def __init__(self, answers: Optional[list] = None, choices: Optional[list] = None):
        self.lines: list[str] = []
        self.prompts: list[str] = []
        self.answers = list(answers or [])
        self.choices = list(choices or [])
        self.choice_requests: list[tuple] = []

    def write(self, text: str) -> None:
        self.lines.append(text)

    def write_line(self, text: str = "") -> None:
        self.lines.append(text)

    def write_error_line(self, text: str) -> None:
        self.lines.append("ERROR:" + text)

    def write_warning_line(self, text: str) -> None:
        self.lines.append("WARNING: " + text)

    def write_verbose_line(self, text: str) -> None:
        self.lines.append("VERBOSE: " + text)

    def write_debug_line(self, text: str) -> None:
        self.lines.append("DEBUG: " + text)

    def read_line(self, prompt: str) -> Optional[str]:
        self.prompts.append(prompt)
        return self.answers.pop(0) if self.answers else None

    def prompt_for_choice(self, caption: str, message: str, choices: list, default: int) -> int:
        self.choice_requests.append((caption, message, list(choices), default))
        return self.choices.pop(0) if self.choices else default


class FakeHost:
    def __init__(self, interactive: bool = False, ui: Optional[FakeUI] = None):
        self.interactive = interactive
        self.ui = ui or FakeUI()
        self.width = 120


class FakeOptions:
    def __init__(self, non_interactive: bool = False):
        self.non_interactive = non_interactive


class FakeSession:
    """Only what the binder and processor use: variables, host, error reporting."""

    def __init__(self, interactive: bool = False, answers: Optional[list] = None,
                 choices: Optional[list] = None, non_interactive: bool = False):
        self.host = FakeHost(interactive, FakeUI(answers, choices))
        self.options = FakeOptions(non_interactive)
        self.variables: dict[str, Any] = {}
        self.reported: list[tuple] = []
        self.ignored: list = []

    def get_variable(self, name: str) -> Any:
        return self.variables.get(name.lower())

    def set_variable(self, name: str, value: Any) -> None:
        self.variables[name.lower()] = value

    def report_error(self, record: Any, show: bool = True) -> None:
        self.reported.append((record, show))

    def write_error(self, record: Any, action: Any = None) -> None:
        self.ignored.append(record)
