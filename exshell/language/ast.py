"""The syntax tree of PowerShell text: what the parser builds and the evaluator walks.

Contract: exshell/language/build.py (a Lark transformer) creates these nodes while
parsing; nothing else creates them.  Nodes hold no behaviour beyond positions, so
the evaluator, the pseudo-binder of ``--check`` and the console's completion can
all walk the same tree.

Names follow PowerShell's own AST (``CommandAst``, ``PipelineAst`` ...) so the
spec in powershell_language.md reads across directly.  Positions are offsets
into a shared ``Source``; line and column are computed only when an error or a
hint needs them, which keeps parsing cheap.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Optional, Union


class Source:
    """The text of one script or command line, with its file name (or None)."""

    __slots__ = ("text", "path", "_line_starts")

    def __init__(self, text: str, path: Optional[str] = None):
        self.text = text
        self.path = path
        self._line_starts: Optional[list[int]] = None

    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            text = self.text
            index = text.find("\n")
            while index != -1:
                starts.append(index + 1)
                index = text.find("\n", index + 1)
            self._line_starts = starts
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset."""
        starts = self.line_starts()
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        starts = self.line_starts()
        begin = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[begin:end].rstrip("\r")


@dataclass(slots=True)
class Extent:
    """A span of source text: [start, end) offsets into ``source.text``."""

    source: Source
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.source.text[self.start:self.end]

    @property
    def start_line(self) -> int:
        return self.source.position(self.start)[0]

    @property
    def start_column(self) -> int:
        return self.source.position(self.start)[1]

    @property
    def end_line(self) -> int:
        return self.source.position(max(self.start, self.end - 1))[0]

    @property
    def end_column(self) -> int:
        return self.source.position(self.end)[1]

    def to(self, other: "Extent") -> "Extent":
        """The span from the start of self to the end of other."""
        return Extent(self.source, self.start, other.end)


# ----------------------------------------------------------------- base classes

@dataclass(slots=True)
class Ast:
    extent: Extent


@dataclass(slots=True)
class StatementAst(Ast):
    pass


@dataclass(slots=True)
class ExpressionAst(Ast):
    pass


# ------------------------------------------------------------ script structure

@dataclass(slots=True)
class AttributeAst(Ast):
    """``[Parameter(Mandatory, Position=0)]``, ``[ValidateSet('a','b')]``, ``[CmdletBinding()]``.

    ``named_args`` maps a name to its expression, or to None when only the name
    was written (``Mandatory`` alone means ``$true``).
    """

    type_name: str
    positional_args: list[ExpressionAst] = field(default_factory=list)
    named_args: dict[str, Optional[ExpressionAst]] = field(default_factory=dict)


@dataclass(slots=True)
class ParameterAst(Ast):
    """One parameter of a ``param()`` block or of ``function f($a, [int]$b = 2)``.

    ``type_name`` is the last type constraint (``[int]``, ``[switch]``), None if untyped.
    """

    name: str
    type_name: Optional[str] = None
    default: Optional[ExpressionAst] = None
    attributes: list[AttributeAst] = field(default_factory=list)


@dataclass(slots=True)
class ScriptBlockAst(Ast):
    """A script, a function body or a ``{ ... }`` literal.

    Without named blocks the statements are the ``end`` block, as in PowerShell.
    ``attributes`` are those written before ``param(`` (``[CmdletBinding()]``).
    """

    params: Optional[list[ParameterAst]] = None
    begin: Optional[list[StatementAst]] = None
    process: Optional[list[StatementAst]] = None
    end: Optional[list[StatementAst]] = None
    attributes: list[AttributeAst] = field(default_factory=list)


# ----------------------------------------------------------------- statements

@dataclass(slots=True)
class RedirectionAst(Ast):
    pass


@dataclass(slots=True)
class FileRedirectionAst(RedirectionAst):
    """``> file``, ``2>> file``, ``*> file``: stream is '1', '2', '3', ... or '*'."""

    stream: str
    target: ExpressionAst
    append: bool = False


@dataclass(slots=True)
class MergingRedirectionAst(RedirectionAst):
    """``2>&1``: ``from_stream`` is merged into ``to_stream`` (always '1' today)."""

    from_stream: str
    to_stream: str = "1"


@dataclass(slots=True)
class CommandParameterAst(Ast):
    """``-Name`` or ``-Name:value`` in a command.

    ``name`` is without the dash (any of the four dash characters); ``argument`` is
    set only for the colon form.  ``text`` is the token as written, for errors.
    """

    name: str
    argument: Optional[ExpressionAst] = None
    text: str = ""


@dataclass(slots=True)
class CommandAst(Ast):
    """A command invocation: ``elements[0]`` names the command.

    ``elements[0]`` is a ``StringConstantAst`` (bareword or quoted name) or, after
    ``&``/``.``, any expression (a script block, a variable...).  The remaining
    elements are ``CommandParameterAst`` or argument expressions; a bareword
    argument is a ``StringConstantAst`` with ``kind='bare'``; a comma list is one
    ``ArrayLiteralAst``; ``@name`` is a ``VariableExpressionAst`` with ``splatted``.
    ``invocation_operator`` is None, '&' or '.'.
    """

    elements: list[Ast]
    invocation_operator: Optional[str] = None
    redirections: list[RedirectionAst] = field(default_factory=list)

    @property
    def command_name(self) -> Optional[str]:
        head = self.elements[0]
        if isinstance(head, StringConstantAst):
            return head.value
        return None


@dataclass(slots=True)
class CommandExpressionAst(Ast):
    """An expression standing as a pipeline element (only the first may be one)."""

    expression: ExpressionAst
    redirections: list[RedirectionAst] = field(default_factory=list)


@dataclass(slots=True)
class PipelineAst(StatementAst):
    """``a | b | c``; a lone expression statement is a one-element pipeline."""

    elements: list[Union[CommandAst, CommandExpressionAst]]


@dataclass(slots=True)
class AssignmentStatementAst(StatementAst):
    """``target op value``: op is '=', '+=', '-=', '*=', '/=', '%=' or '??='.

    ``target`` is a variable, member, index, a cast of a variable (``[int]$x = 1``)
    or an ``ArrayLiteralAst`` of those (``$a, $b = 1, 2``).  ``value`` is a statement
    (a pipeline, or another assignment, or an ``if``...).
    """

    target: ExpressionAst
    operator: str
    value: StatementAst


@dataclass(slots=True)
class IfStatementAst(StatementAst):
    clauses: list[tuple[PipelineAst, list[StatementAst]]]
    else_body: Optional[list[StatementAst]] = None


@dataclass(slots=True)
class LoopStatementAst(StatementAst):
    label: Optional[str] = None


@dataclass(slots=True)
class ForEachStatementAst(StatementAst):
    variable: "VariableExpressionAst"
    iterable: PipelineAst
    body: list[StatementAst]
    label: Optional[str] = None


@dataclass(slots=True)
class ForStatementAst(StatementAst):
    initializer: Optional[StatementAst]
    condition: Optional[StatementAst]
    iterator: Optional[StatementAst]
    body: list[StatementAst]
    label: Optional[str] = None


@dataclass(slots=True)
class WhileStatementAst(StatementAst):
    condition: StatementAst
    body: list[StatementAst]
    label: Optional[str] = None


@dataclass(slots=True)
class DoStatementAst(StatementAst):
    """``do {} while (c)`` (``until`` False) or ``do {} until (c)`` (``until`` True)."""

    body: list[StatementAst]
    condition: StatementAst
    until: bool = False
    label: Optional[str] = None


@dataclass(slots=True)
class SwitchClauseAst(Ast):
    condition: ExpressionAst
    body: list[StatementAst]


@dataclass(slots=True)
class SwitchStatementAst(StatementAst):
    """``switch -wildcard ($x) { 'a*' {...} default {...} }``.

    ``flags`` holds the lower-cased option names without dash: 'regex',
    'wildcard', 'exact', 'casesensitive', 'file'.
    """

    value: PipelineAst
    clauses: list[SwitchClauseAst]
    default: Optional[list[StatementAst]] = None
    flags: set[str] = field(default_factory=set)
    label: Optional[str] = None


@dataclass(slots=True)
class FunctionDefinitionAst(StatementAst):
    name: str
    body: ScriptBlockAst
    is_filter: bool = False


@dataclass(slots=True)
class CatchClauseAst(Ast):
    """``catch [System.Exception], [Foo] { }``; empty ``type_names`` catches all."""

    type_names: list[str]
    body: list[StatementAst]


@dataclass(slots=True)
class TryStatementAst(StatementAst):
    body: list[StatementAst]
    catches: list[CatchClauseAst] = field(default_factory=list)
    finally_body: Optional[list[StatementAst]] = None


@dataclass(slots=True)
class TrapStatementAst(StatementAst):
    """``trap [Type] { }``: handles terminating errors of the statements of the script
    block it stands in (wherever it stands); ``type_name`` None traps every error."""

    body: list[StatementAst]
    type_name: Optional[str] = None


@dataclass(slots=True)
class ThrowStatementAst(StatementAst):
    pipeline: Optional[StatementAst] = None


@dataclass(slots=True)
class ReturnStatementAst(StatementAst):
    pipeline: Optional[StatementAst] = None


@dataclass(slots=True)
class ExitStatementAst(StatementAst):
    pipeline: Optional[StatementAst] = None


@dataclass(slots=True)
class BreakStatementAst(StatementAst):
    label: Optional[str] = None


@dataclass(slots=True)
class ContinueStatementAst(StatementAst):
    label: Optional[str] = None


# ---------------------------------------------------------------- expressions

@dataclass(slots=True)
class ConstantExpressionAst(ExpressionAst):
    """A number literal.

    ``value`` is already typed (see exshell.language.values: plain int is Int32,
    ``Int64``, ``Decimal``, float is Double...).  ``text`` is the literal as
    written (``20MB``); in argument mode the evaluator passes a value that
    remembers this text, so a [string] parameter receives "20MB".
    """

    value: Any
    text: str = ""


@dataclass(slots=True)
class StringConstantAst(ExpressionAst):
    """A string without expansions.

    ``kind`` is 'bare' (a bareword/generic token), 'single', 'double' (a double
    quoted string with nothing to expand), 'here_single' or 'here_double'.
    ``value`` has quotes removed and escapes applied.
    """

    value: str
    kind: str = "bare"


@dataclass(slots=True)
class ExpandableStringAst(ExpressionAst):
    """A double-quoted string (or bareword) with ``$var`` / ``$(...)`` inside.

    ``parts`` alternate literal text (escapes already applied) and expressions
    (``VariableExpressionAst`` or ``SubExpressionAst``); the evaluator
    concatenates their string forms.
    """

    parts: list[Union[str, ExpressionAst]]
    kind: str = "double"


@dataclass(slots=True)
class VariableExpressionAst(ExpressionAst):
    """``$name``, ``${any name}``, ``$env:PATH``, ``$script:x``; ``@name`` when ``splatted``.

    ``name`` keeps any scope or drive prefix as written (``env:PATH``).
    """

    name: str
    splatted: bool = False


@dataclass(slots=True)
class TypeExpressionAst(ExpressionAst):
    """``[int]`` used as a value (``[int]::MaxValue``, ``$x -is [string]``)."""

    type_name: str


@dataclass(slots=True)
class ConvertExpressionAst(ExpressionAst):
    """``[int]"42"``, ``[ordered]@{...}``, ``[string[]]$x``."""

    type_name: str
    operand: ExpressionAst


@dataclass(slots=True)
class BinaryExpressionAst(ExpressionAst):
    """``left op right``.

    ``operator`` is normalised to lower case without the dash for named
    operators: 'eq', 'ceq', 'ieq', 'like', 'and', 'f', 'replace', 'split', ...;
    symbols stay as written: '+', '-', '*', '/', '%', '..'.  Any of the four
    dash characters is accepted in source and normalised here.
    """

    operator: str
    left: ExpressionAst
    right: ExpressionAst


@dataclass(slots=True)
class UnaryExpressionAst(ExpressionAst):
    """Prefix operators 'not', '!', '-', '+', 'bnot', ',', 'split', 'join',
    '++', '--' (prefix), and postfix 'post++' / 'post--'."""

    operator: str
    operand: ExpressionAst


@dataclass(slots=True)
class ArrayLiteralAst(ExpressionAst):
    """``1, 2, 3`` (expression mode) or ``a,b`` (argument mode)."""

    elements: list[ExpressionAst]


@dataclass(slots=True)
class ArrayExpressionAst(ExpressionAst):
    """``@( statements )``: always an array."""

    statements: list[StatementAst]


@dataclass(slots=True)
class SubExpressionAst(ExpressionAst):
    """``$( statements )``."""

    statements: list[StatementAst]


@dataclass(slots=True)
class ParenExpressionAst(ExpressionAst):
    """``( pipeline )``: also holds an assignment, ``($x = 5)``."""

    pipeline: StatementAst


@dataclass(slots=True)
class HashtableAst(ExpressionAst):
    """``@{ key = value; ... }``; keys are expressions (a bareword key is a
    ``StringConstantAst``), values are statements."""

    pairs: list[tuple[ExpressionAst, StatementAst]]


@dataclass(slots=True)
class ScriptBlockExpressionAst(ExpressionAst):
    script_block: ScriptBlockAst


@dataclass(slots=True)
class MemberExpressionAst(ExpressionAst):
    """``$x.Name``, ``[int]::MaxValue`` (``static``), ``$x.$name`` (member is an expression)."""

    target: ExpressionAst
    member: Union[str, ExpressionAst]
    static: bool = False


@dataclass(slots=True)
class InvokeMemberExpressionAst(ExpressionAst):
    """``$s.Replace('a','b')``, ``[math]::Round(2.5)``."""

    target: ExpressionAst
    member: Union[str, ExpressionAst]
    arguments: list[ExpressionAst] = field(default_factory=list)
    static: bool = False


@dataclass(slots=True)
class IndexExpressionAst(ExpressionAst):
    """``$a[0]``, ``$a[1..3]``, ``$a[-1]``, ``$h['key']``."""

    target: ExpressionAst
    index: ExpressionAst


@dataclass(slots=True)
class ErrorExpressionAst(ExpressionAst):
    """Placeholder the parser leaves where text could not be parsed (completion only)."""

    text: str = ""
