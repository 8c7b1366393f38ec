"""Lark syntax errors -> PowerShell parse error records.

Contract: ``from_lark_error(error, job)`` turns Lark's ``UnexpectedInput``
raised while parsing ``job`` (a lexer.LexJob) into an ``errors.ParseError``
whose record carries PowerShell's error id, message arguments and extent, and
whose ``incomplete`` flag is set when the text simply ended too early.

The decision uses what PowerShell's recursive-descent parser knows at the
same point: the token before the failure (an operator with no operand, a
pipe with no command, ``-Name:`` with no value), the keyword whose statement
is being parsed, and the innermost open bracket.  Positions follow
PowerShell: "after the token" errors point just past it, a missing ``}``
points at its ``{``, other errors at the offending token.
"""
from __future__ import annotations

from typing import Any, Optional

from exshell.errors import ParseError, parse_error
from exshell.language import ast
from exshell.language.tokens import BINARY_OPERATOR_TERMINALS, EXPRESSION_START_TERMINALS, Tok

_MISSING_CLOSER = {
    "block": "MissingEndCurlyBrace", "hash": "MissingEndCurlyBrace",
    "switch": "MissingEndCurlyBrace", "paren": "MissingEndParenthesisInExpression",
    "call": "MissingEndParenthesisInExpression", "attr": "MissingEndParenthesisInExpression",
    "subexpr": "MissingEndParenthesisInSubexpression",
    "arrayexpr": "MissingEndParenthesisInSubexpression", "index": "MissingEndSquareBracket",
}

_CLOSER_TOKENS = {"RPAREN": ")", "RBRACE": "}", "RBRACKET": "]"}
_OPENER_TOKENS = frozenset({"LPAREN", "CALL_LPAREN", "LBRACE", "SWITCH_LBRACE", "DOLLAR_PAREN",
                            "AT_PAREN", "AT_BRACE", "LBRACKET_IDX"})
_FRAME_CLOSER = {"block": "}", "hash": "}", "switch": "}", "index": "]"}

# keyword -> (error when its "(" is missing, error when its block is missing)
_KEYWORD_ERRORS: dict[str, tuple[Optional[tuple], Optional[tuple]]] = {
    "IF": (("MissingOpenParenthesisInIfStatement", True), ("MissingStatementBlock", True)),
    "ELSEIF": (("MissingOpenParenthesisInIfStatement", True), ("MissingStatementBlock", True)),
    "ELSE": (None, ("MissingStatementBlockAfterElse", False)),
    "FOREACH": (("MissingOpenParenthesisAfterKeyword", True), ("MissingForeachStatementBody", False)),
    "WHILE": (("MissingOpenParenthesisAfterKeyword", True), ("MissingLoopStatement", True)),
    "FOR": (("MissingOpenParenthesisAfterKeyword", True), ("MissingLoopStatement", True)),
    "SWITCH": (("MissingOpenParenthesisAfterKeyword", True), ("MissingCurlyBraceInSwitchStatement", False)),
    "DO": (None, ("MissingLoopStatement", True)),
    "TRY": (None, ("MissingTryStatementBlock", False)),
    "FUNCTION": (None, ("MissingFunctionBody", False)),
    "FILTER": (None, ("MissingFunctionBody", False)),
    "CATCH": (None, ("MissingStatementBlock", True)),
    "FINALLY": (None, ("MissingStatementBlock", True)),
}


class _Context:
    """What is known at the failure point."""

    def __init__(self, error: Any, job: Any):
        self.job = job
        self.source: ast.Source = job.source
        token = error.token
        self.at_end = getattr(token, "type", "$END") == "$END" or not isinstance(token, Tok)
        if self.at_end:
            self.offending: Optional[Tok] = None
            self.last: Optional[Tok] = job.current
        else:
            self.offending = token
            self.last = job.previous if job.current is token else job.current
        self.expected: set[str] = set(getattr(error, "expected", ()) or ())
        # The bracket the failure happened in (a closer that already ended
        # its frame still belongs to it).
        frames = job.frames
        frame = frames[-1] if len(frames) > 1 else None
        if self.offending is not None and job.current is self.offending:
            if self.offending.type in _CLOSER_TOKENS and job.closed_frame is not None:
                frame = job.closed_frame
            elif self.offending.type in _OPENER_TOKENS and frame is not None \
                    and frame[3] == self.offending.start_pos:
                # The offending bracket opened its own frame: look outside it.
                frame = frames[-2] if len(frames) > 2 else None
        self.frame = frame

    def extent(self, start: int, end: Optional[int] = None) -> ast.Extent:
        return ast.Extent(self.source, start, start if end is None else end)

    def after_last(self) -> ast.Extent:
        end = self.last.end_pos if self.last is not None else 0
        return self.extent(end)

    def at_offending(self) -> ast.Extent:
        token = self.offending
        return self.extent(token.start_pos, token.end_pos)


def from_lark_error(error: Any, job: Any) -> ParseError:
    context = _Context(error, job)
    error_id, extent, args, incomplete = _classify(context)
    return ParseError([parse_error(error_id, extent, *args)], incomplete=incomplete)


def _classify(c: _Context) -> tuple[str, ast.Extent, tuple, bool]:
    last = c.last
    last_type = last.type if last is not None else None
    offending_type = c.offending.type if c.offending is not None else None
    treat_as_end = c.at_end or offending_type == "NEWLINE"
    incomplete = c.at_end

    if c.frame is not None and c.frame[0] == "hash":
        if last_type == "ASSIGN":
            return "MissingStatementInHashLiteral", c.after_last(), (), incomplete
        if "ASSIGN" in c.expected and last_type not in ("SEMI", "NEWLINE", "AT_BRACE"):
            where = c.after_last() if treat_as_end else c.at_offending()
            return "MissingEqualsInHashLiteral", where, (), incomplete
    if last_type in BINARY_OPERATOR_TERMINALS:
        return "ExpectedValueExpression", c.after_last(), (last.value,), incomplete
    if last_type == "PARAM_COLON":
        return "ParameterRequiresArgument", c.extent(last.start_pos, last.end_pos), \
            (last.value,), False
    if last_type == "PIPE":
        if offending_type in EXPRESSION_START_TERMINALS:
            return "ExpressionsMustBeFirstInPipeline", c.at_offending(), (), False
        return "EmptyPipeElement", c.after_last(), (), incomplete
    if offending_type == "PIPE" and last_type in (None, "NEWLINE", "SEMI", "LBRACE", "LPAREN",
                                                  "DOLLAR_PAREN", "AT_PAREN"):
        return "EmptyPipeElement", c.at_offending(), (), False
    if (offending_type == "COMMA" and last_type == "SPLAT") \
            or (offending_type == "SPLAT" and last_type == "COMMA"):
        splat = last if last_type == "SPLAT" else c.offending
        return "SplattingNotPermittedInArgumentList", \
            c.extent(splat.start_pos, splat.end_pos), (splat.payload,), False
    if offending_type == "COMMA" and ("GENERIC" in c.expected or last_type == "COMMA"):
        return "MissingArgument", c.at_offending(), (), False
    if last_type == "COMMA":
        return "MissingExpression", c.after_last(), (",",), incomplete
    keyword = _keyword_error(c, treat_as_end)
    if keyword is not None:
        return keyword
    clause = _incomplete_clause(c, last_type, offending_type)
    if clause is not None:
        return clause
    condition = _unclosed_condition(c)
    if condition is not None:
        return condition
    if offending_type in _CLOSER_TOKENS and c.frame is not None:
        expected_closer = _FRAME_CLOSER.get(c.frame[0], ")")
        if expected_closer != _CLOSER_TOKENS[offending_type]:
            return _missing_closer(c, c.frame, False)
    if treat_as_end and c.frame is not None and c.job.frames[-1] is c.frame:
        return _missing_closer(c, c.frame, incomplete)
    if c.at_end:
        return "MissingExpression", c.after_last(), (last.value if last else "",), True
    if offending_type == "NEWLINE":
        return "UnexpectedToken", c.after_last(), ("newline",), False
    return "UnexpectedToken", c.at_offending(), (c.offending.value,), False


def _missing_closer(c: _Context, frame: list, incomplete: bool) -> tuple[str, ast.Extent, tuple, bool]:
    error_id = _MISSING_CLOSER.get(frame[0], "MissingEndParenthesisInExpression")
    if error_id == "MissingEndCurlyBrace":
        return error_id, c.extent(frame[3], frame[3] + 1), (), incomplete
    if c.offending is not None and not incomplete:
        return error_id, c.extent(c.offending.start_pos), (), incomplete
    return error_id, c.after_last(), (), incomplete


def _keyword_error(c: _Context, treat_as_end: bool) -> Optional[tuple[str, ast.Extent, tuple, bool]]:
    """Errors about a statement keyword missing its '(' or its block."""
    last = c.last
    keyword = c.job.last_keyword
    if last is None or keyword is None:
        return None
    incomplete = c.at_end
    if last is keyword:
        paren_error, block_error = _KEYWORD_ERRORS.get(keyword.type, (None, None))
        if paren_error is not None and "LPAREN" in c.expected:
            error_id, with_name = paren_error
            return error_id, c.after_last(), (keyword.value,) if with_name else (), incomplete
        if block_error is not None and ("LBRACE" in c.expected or "SWITCH_LBRACE" in c.expected):
            error_id, with_name = block_error
            return error_id, c.after_last(), (keyword.value,) if with_name else (), incomplete
        if keyword.type in ("FUNCTION", "FILTER") and "FUNC_NAME" in c.expected:
            return "MissingNameAfterKeyword", c.after_last(), (keyword.value,), incomplete
        return None
    if last.type in ("RPAREN", "FUNC_NAME") and ("LBRACE" in c.expected or "SWITCH_LBRACE" in c.expected):
        _paren, block_error = _KEYWORD_ERRORS.get(keyword.type, (None, None))
        if block_error is not None:
            error_id, with_name = block_error
            return error_id, c.after_last(), (keyword.value,) if with_name else (), incomplete
    if last.type == "RBRACE" and keyword.type == "DO" and ("WHILE" in c.expected or "UNTIL" in c.expected):
        return "MissingWhileOrUntilInDoWhile", c.after_last(), (), incomplete
    return None


def _incomplete_clause(c: _Context, last_type: Optional[str], offending_type: Optional[str]
                       ) -> Optional[tuple[str, ast.Extent, tuple, bool]]:
    """Parts PowerShell names: foreach's 'in', a switch clause's block, an index."""
    keyword = c.job.last_keyword
    if keyword is not None and keyword.type == "FOREACH" and last_type == "VARIABLE" and "IN" in c.expected:
        return "MissingInInForeach", c.after_last(), (), c.at_end
    frame = c.frame
    if frame is not None and frame[0] == "switch" and "LBRACE" in c.expected \
            and last_type not in ("SWITCH_LBRACE", "NEWLINE", "SEMI", "RBRACE"):
        return "MissingSwitchStatementClause", c.after_last(), (), c.at_end
    if last_type == "LBRACKET_IDX" and (c.at_end or offending_type in ("RBRACKET", "NEWLINE")):
        return "MissingArrayIndexExpression", c.after_last(), (), c.at_end
    return None


_CONDITION_KEYWORDS = frozenset({"IF", "ELSEIF", "WHILE", "SWITCH", "FOREACH", "FOR", "UNTIL"})


def _unclosed_condition(c: _Context) -> Optional[tuple[str, ast.Extent, tuple, bool]]:
    """``if ($x -eq 1 {``: the '(' right after a statement keyword is still open."""
    keyword = c.job.last_keyword
    frame = c.frame
    if keyword is None or frame is None or frame[0] != "paren" or c.at_end \
            or keyword.type not in _CONDITION_KEYWORDS or "RPAREN" not in c.expected:
        return None
    if c.job.text[keyword.end_pos:frame[3]].strip():
        return None
    if c.offending is not None and c.offending.type == "RPAREN":
        return None
    return "MissingEndParenthesisAfterStatement", c.after_last(), (keyword.value,), False
