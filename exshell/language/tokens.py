"""Token objects and the fixed tables of the PowerShell lexicon.

Contract: the lexer (exshell/language/lexer.py) produces ``Tok`` objects whose
``type`` is one of the terminal names declared in grammar/powershell.lark; the
AST builder (exshell/language/build.py) reads ``value`` (source text) and
``payload`` (already decoded meaning: a number, a string, a parameter name...).
Every character class and word list the lexer relies on lives here, once.
"""
from __future__ import annotations

from typing import Any


class Tok:
    """A token as Lark's LALR parser needs it, plus a decoded ``payload``.

    Lark reads only ``type`` while parsing and the position fields when it
    reports an error or builds its end token; a plain slotted class is much
    cheaper to create than ``lark.Token`` (a str subclass).
    """

    __slots__ = ("type", "value", "start_pos", "end_pos", "payload")

    # Lark copies these into its end-of-input token; exshell computes line and
    # column from offsets only when an error needs them.
    line = column = end_line = end_column = None

    def __init__(self, type: str, value: str, start: int, end: int, payload: Any = None):
        self.type = type
        self.value = value
        self.start_pos = start
        self.end_pos = end
        self.payload = payload

    def __repr__(self) -> str:
        return f"Tok({self.type}, {self.value!r}, {self.start_pos})"

    def __str__(self) -> str:
        return self.value


# The four characters PowerShell accepts as a dash, the quote families.
DASHES = "-\u2013\u2014\u2015"
SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"
DOUBLE_QUOTES = '"\u201c\u201d\u201e'
QUOTES = SINGLE_QUOTES + DOUBLE_QUOTES

# Characters that end a bareword (CharTraits.ForceStartNewToken) besides whitespace.
TERMINATOR_PUNCTUATION = "&(),;{|}"

# After a number in expression mode these also end it (operators may follow).
NUMBER_FOLLOWERS_IN_EXPRESSION = "!#%*+-./<=>],[" + DASHES[1:]

# Keywords: word -> terminal.  Only recognised where the parser accepts them.
KEYWORDS: dict[str, str] = {
    "if": "IF", "elseif": "ELSEIF", "else": "ELSE", "foreach": "FOREACH", "in": "IN",
    "for": "FOR", "while": "WHILE", "do": "DO", "until": "UNTIL", "switch": "SWITCH",
    "function": "FUNCTION", "filter": "FILTER", "param": "PARAM", "begin": "BEGIN",
    "process": "PROCESS", "end": "END", "try": "TRY", "catch": "CATCH",
    "finally": "FINALLY", "throw": "THROW", "return": "RETURN", "exit": "EXIT",
    "break": "BREAK", "continue": "CONTINUE", "trap": "TRAP",
}

KEYWORD_TERMINALS = frozenset(KEYWORDS.values())

# Keywords that may follow a closing brace on the next line (the lexer looks
# past newlines for them so `}` NEWLINE `else` stays one statement).
CONTINUATION_KEYWORDS = frozenset({"ELSE", "ELSEIF", "CATCH", "FINALLY"})


def _with_case_variants(names: list[str]) -> list[str]:
    return names + ["c" + n for n in names] + ["i" + n for n in names]


# Dash operators: normalised name -> terminal (precedence group in the grammar).
DASH_OPERATORS: dict[str, str] = {}
for _name in ("and", "or", "xor"):
    DASH_OPERATORS[_name] = "OP_LOGIC"
for _name in ("band", "bor", "bxor", "shl", "shr"):
    DASH_OPERATORS[_name] = "OP_BITWISE"
for _name in _with_case_variants(["eq", "ne", "gt", "ge", "lt", "le", "like", "notlike",
                                  "match", "notmatch", "contains", "notcontains", "in",
                                  "notin", "replace"]):
    DASH_OPERATORS[_name] = "OP_COMPARE"
for _name in ("is", "isnot", "as"):
    DASH_OPERATORS[_name] = "OP_COMPARE"
for _name in ("split", "csplit", "isplit", "join"):
    DASH_OPERATORS[_name] = "OP_SPLITJOIN"
DASH_OPERATORS["f"] = "OP_FORMAT"
DASH_OPERATORS["not"] = "OP_NOT"
DASH_OPERATORS["bnot"] = "OP_BNOT"

# Dash operators that may open an expression statement (unary ones).
UNARY_DASH_OPERATORS = frozenset({"not", "bnot", "split", "join"})

SWITCH_FLAGS = frozenset({"regex", "wildcard", "exact", "casesensitive", "file"})

# Terminals after which a newline is only whitespace (the expression goes on).
NEWLINE_SKIPPED_AFTER = frozenset({
    "PIPE", "COMMA", "LPAREN", "CALL_LPAREN", "LBRACE", "SWITCH_LBRACE", "DOLLAR_PAREN",
    "AT_PAREN", "AT_BRACE", "LBRACKET_IDX", "ASSIGN", "ASSIGN_OP", "OP_LOGIC",
    "OP_BITWISE", "OP_COMPARE", "OP_SPLITJOIN", "OP_FORMAT", "PLUS", "MINUS", "STAR",
    "SLASH", "PERCENT", "DOTDOT", "OP_NOT", "OP_BNOT", "BANG", "ATTR_OPEN",
})

# Binary operator terminals: a missing right operand is ExpectedValueExpression.
BINARY_OPERATOR_TERMINALS = frozenset({
    "OP_LOGIC", "OP_BITWISE", "OP_COMPARE", "OP_SPLITJOIN", "OP_FORMAT", "PLUS", "MINUS",
    "STAR", "SLASH", "PERCENT", "DOTDOT", "ASSIGN", "ASSIGN_OP",
})

# Terminals that start an expression (not a command): illegal after `|`.
EXPRESSION_START_TERMINALS = frozenset({
    "NUMBER", "STRING", "EXPSTRING", "VARIABLE", "LPAREN", "DOLLAR_PAREN", "AT_PAREN",
    "AT_BRACE", "TYPE", "OP_NOT", "OP_BNOT", "BANG", "MINUS", "PLUS", "PLUSPLUS",
    "MINUSMINUS", "LBRACE",
})

# Tokens that can end a primary expression: `.`, `::`, `[` and `(` directly
# after them (no whitespace) are member access, indexing or a method call.
PRIMARY_END_TERMINALS = frozenset({
    "VARIABLE", "RPAREN", "RBRACKET", "STRING", "EXPSTRING", "TYPE", "MEMBER", "RBRACE",
    "NUMBER",
})
