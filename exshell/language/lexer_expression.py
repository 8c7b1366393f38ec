"""Expression-mode scanning and string literals for the PowerShell lexer.

Contract: ``ExpressionScanner`` is the base class of ``lexer.LexJob``; it adds
the scanners that do not depend on command mode: operators, numbers in
expression position, member names and keys, type literals and attributes,
single/double-quoted strings and here-strings with their ``$`` expansions.
It relies on the ``LexJob`` attributes ``text``, ``source``, ``subparse`` and
the methods ``_open``, ``_punctuation``, ``_scan_generic``,
``_scan_redirection`` and ``_variable_at``.

``LexError`` (the lexer's one exception) and ``is_terminator`` live here so
both halves of the lexer share them.
"""
from __future__ import annotations

import re
from typing import Any

from exshell.language import ast
from exshell.language import lexer_literals as lit
from exshell.language.tokens import (
    DASH_OPERATORS, DASHES, DOUBLE_QUOTES, KEYWORDS, NUMBER_FOLLOWERS_IN_EXPRESSION,
    SINGLE_QUOTES, SWITCH_FLAGS, TERMINATOR_PUNCTUATION, Tok,
)

# Frames nested deeper than this are refused with a parse error: the tree of
# such input could not be walked by any recursive consumer.
MAX_NESTING = 200

# Tokens (and string expansions) one parse may produce.  Python needs a few
# microseconds and a few hundred bytes per token, so a dense 50 MB line would
# take minutes and gigabytes; this bound (far above any real script: 10,000
# cmdlet lines are ~150,000 tokens) turns that into a prompt parse error.
MAX_TOKENS = 1_000_000


class LexError(Exception):
    """A lexical error at [start, end) with a ParserStrings id and message args."""

    def __init__(self, error_id: str, start: int, end: int, *args: Any, incomplete: bool = False):
        super().__init__(error_id)
        self.error_id = error_id
        self.start = start
        self.end = end
        self.message_args = args
        self.incomplete = incomplete


_COMMON_TERMINATORS = frozenset(" \t\r\n\0" + TERMINATOR_PUNCTUATION)


def is_terminator(char: str) -> bool:
    """True for the characters that end a bareword (and for end of text)."""
    return char in _COMMON_TERMINATORS or char == "" or char.isspace()


_SINGLE_RUN = re.compile("[^'\u2018\u2019\u201a\u201b]*")
_DOUBLE_RUN = re.compile('[^"\u201c\u201d\u201e`$]*')
_HERE_RUN = re.compile("[^`$]*")
_HERE_FOOTER = {
    "single": re.compile("(?:\r\n|\r|\n)['\u2018\u2019\u201a\u201b]@"),
    "double": re.compile('(?:\r\n|\r|\n)["\u201c\u201d\u201e]@'),
}
_HERE_FOOTER_INDENTED = {
    "single": re.compile("(?:\r\n|\r|\n)[ \t]+['\u2018\u2019\u201a\u201b]@"),
    "double": re.compile('(?:\r\n|\r|\n)[ \t]+["\u201c\u201d\u201e]@'),
}
_HEADER_BLANKS = re.compile(r"[ \t]*")

_SIMPLE_OPERATORS = {
    "+": "PLUS", "*": "STAR", "/": "SLASH", "%": "PERCENT", "!": "BANG", "=": "ASSIGN",
}


class ExpressionScanner:
    text: str
    source: ast.Source

    # ------------------------------------------------------------ expression mode

    def _scan_expression(self, pos: int, char: str, accepts: Any) -> Tok:
        text = self.text
        if "FUNC_NAME" in accepts:
            if is_terminator(char):  # `function {`: PowerShell's "Missing name after function keyword."
                keyword = getattr(self, "last_keyword", None)
                after = keyword.end_pos if keyword is not None else pos
                raise LexError("MissingNameAfterKeyword", after, after,
                               keyword.value if keyword is not None else "function")
            return self._scan_generic(pos, "FUNC_NAME")
        if char == "$":
            if text.startswith("$(", pos):
                self._open("subexpr", pos)
                return Tok("DOLLAR_PAREN", "$(", pos, pos + 2)
            return self._scan_variable(pos)
        nxt = text[pos + 1:pos + 2]
        if char.isdigit():
            if nxt == ">" and char in "123456":
                return self._scan_redirection(pos, char)
            return self._scan_expression_number(pos)
        if char == ">" or (char == "*" and nxt == ">"):
            return self._scan_redirection(pos, char)
        token = self._punctuation(pos, char, accepts)
        if token is not None:
            return token
        if char == "." and nxt.isdigit():
            return self._scan_expression_number(pos)
        if char in DASHES:
            return self._scan_dash_operator(pos, nxt, accepts)
        if char in _SIMPLE_OPERATORS:
            if char == "+" and nxt == "+":
                return Tok("PLUSPLUS", "++", pos, pos + 2, "++")
            if nxt == "=" and char in "+*/%":
                return Tok("ASSIGN_OP", char + "=", pos, pos + 2, char + "=")
            return Tok(_SIMPLE_OPERATORS[char], char, pos, pos + 1, char)
        if char == "." and nxt == ".":
            return Tok("DOTDOT", "..", pos, pos + 2, "..")
        if char == "[":
            return self._scan_type(pos)
        if char == "]":
            # The payload tells whether this `]` ends an index (a primary
            # expression, so `.`/`[` may follow) or an attribute.
            if self.frames[-1][0] == "index":
                self.closed_frame = self.frames.pop()
                return Tok("RBRACKET", "]", pos, pos + 1, True)
            return Tok("RBRACKET", "]", pos, pos + 1, False)
        if char == ":" and nxt == ":":
            return Tok("COLONCOLON", "::", pos, pos + 2)
        if char == "?" and text.startswith("??=", pos):
            return Tok("ASSIGN_OP", "??=", pos, pos + 3, "??=")
        if char == "&":
            return Tok("AMP", "&", pos, pos + 1)
        if char == "@":
            match = lit.VARIABLE_NAME.match(text, pos + 1)
            if match:
                raise LexError("SplattingNotPermitted", pos, match.end(), match.group())
        if char.isalpha() or char == "_":
            match = lit.WORD.match(text, pos)
            word = match.group()
            keyword = KEYWORDS.get(word.lower())
            if keyword is not None and keyword in accepts:
                return Tok(keyword, word, pos, match.end())
            if "MEMBER" in accepts or "LABEL" in accepts:
                return Tok("MEMBER", word, pos, match.end(), word)
            end = match.end()
            run = lit.GENERIC_RUN.match(text, end)
            if run:
                end = run.end()
            raise LexError("UnexpectedToken", pos, end, text[pos:end])
        raise LexError("UnexpectedToken", pos, pos + 1, char)

    def _scan_expression_number(self, pos: int) -> Tok:
        text = self.text
        scanned = lit.scan_number(text, pos)
        end = pos
        if scanned is not None:
            end, value = scanned
            follower = text[end:end + 1]
            if value is not lit.BAD_NUMBER and (
                    is_terminator(follower) or follower in NUMBER_FOLLOWERS_IN_EXPRESSION):
                return Tok("NUMBER", text[pos:end], pos, end, value)
        run = lit.GENERIC_RUN.match(text, end)
        if run:
            end = run.end()
        raise LexError("BadNumericConstant", pos, end, text[pos:end])

    def _scan_dash_operator(self, pos: int, nxt: str, accepts: Any) -> Tok:
        text = self.text
        if nxt and nxt.isalpha():
            match = lit.WORD.match(text, pos + 1)
            name = match.group().lower()
            end = match.end()
            if name == "file" and "SWITCH_FILE" in accepts:
                self.argument_next = True  # the path after it reads as a command argument
                return Tok("SWITCH_FILE", text[pos:end], pos, end, name)
            if "SWITCH_FLAG" in accepts and name in SWITCH_FLAGS:
                return Tok("SWITCH_FLAG", text[pos:end], pos, end, name)
            kind = DASH_OPERATORS.get(name)
            if kind is None:
                if "ASSIGN" in accepts and self.frames[-1][0] == "hash":
                    # `@{Content-Type = 1}`: a key with a dash must be quoted
                    raise LexError("MissingEqualsInHashLiteral", pos, end)
                raise LexError("UnexpectedToken", pos, end, text[pos:end])
            return Tok(kind, text[pos:end], pos, end, name)
        if nxt and nxt in DASHES:
            return Tok("MINUSMINUS", text[pos:pos + 2], pos, pos + 2, "--")
        if nxt == "=":
            return Tok("ASSIGN_OP", text[pos:pos + 2], pos, pos + 2, "-=")
        return Tok("MINUS", text[pos], pos, pos + 1, "-")

    def _scan_type(self, pos: int) -> Tok:
        """``[Type]`` (with generic arguments and array ranks) or ``[Attribute(``."""
        text = self.text
        length = len(text)
        i = pos + 1
        while i < length and text[i] in " \t":
            i += 1
        name_start = i
        depth = 0
        while i < length:
            run = lit.TYPE_NAME_RUN.match(text, i)
            if run:
                i = run.end()
                if i >= length:
                    break
            char = text[i]
            if char == "[":
                depth += 1
            elif char == "]":
                if depth == 0:
                    break
                depth -= 1
            elif char in ", \t" and depth > 0:
                pass
            elif char in " \t":
                j = i
                while j < length and text[j] in " \t":
                    j += 1
                if text[j:j + 1] == "]":
                    i = j
                    break
                break
            else:
                break
            i += 1
        name = text[name_start:i].strip()
        if i >= length:
            raise LexError("MissingEndSquareBracket", pos, length, incomplete=True)
        if not name:
            raise LexError("MissingTypename", pos, i + 1)
        if text[i] == "]":
            return Tok("TYPE", text[pos:i + 1], pos, i + 1, name)
        if text[i] == "(" and depth == 0:
            self._open("attr", i)
            return Tok("ATTR_OPEN", text[pos:i + 1], pos, i + 1, name)
        raise LexError("MissingEndSquareBracket", i, i + 1)

    # ------------------------------------------------------------ strings

    def _spend_token(self, pos: int) -> None:
        budget = self.budget
        budget[0] -= 1
        if budget[0] < 0:
            raise LexError("ScriptTooLarge", pos, pos + 1, MAX_TOKENS)

    def _unterminated(self, start: int, closer: str) -> LexError:
        """The error for a string opened at ``start`` that the script ends inside."""
        return LexError("TerminatorExpectedAtEndOfString", start, len(self.text), closer,
                        incomplete=True)

    def _string_run(self, plain_run: re.Pattern[str], i: int, start: int, closer: str) -> tuple[str, int]:
        """The plain characters at ``i`` of a string opened at ``start``, and where they stop.

        They stop at a character that needs a decision (a quote, backtick or
        ``$``); running into the end of the script instead means the string is
        unterminated.
        """
        run = plain_run.match(self.text, i)
        if run.end() >= len(self.text):
            raise self._unterminated(start, closer)
        return run.group(), run.end()

    def _scan_single_quoted(self, pos: int) -> tuple[int, str]:
        text = self.text
        length = len(text)
        pieces = []
        i = pos + 1
        while True:
            piece, i = self._string_run(_SINGLE_RUN, i, pos, "'")
            pieces.append(piece)
            if i + 1 < length and text[i + 1] in SINGLE_QUOTES:
                pieces.append(text[i])
                i += 2
                continue
            return i + 1, "".join(pieces)

    def _scan_double_quoted(self, pos: int) -> tuple[int, list[Any]]:
        text = self.text
        length = len(text)
        parts: list[Any] = []
        literal: list[str] = []
        i = pos + 1
        while True:
            piece, i = self._string_run(_DOUBLE_RUN, i, pos, '"')
            literal.append(piece)
            char = text[i]
            if char == "`":
                if i + 1 >= length:
                    raise self._unterminated(pos, '"')
                escaped, i = lit.backtick_escape(text, i + 1)
                literal.append(escaped)
            elif char == "$":
                piece, i = self._expansion(i)
                lit.add_piece(parts, literal, piece)
            elif i + 1 < length and text[i + 1] in DOUBLE_QUOTES:
                literal.append(char)
                i += 2
            else:
                parts.append("".join(literal))
                return i + 1, lit.tidy_pieces(parts)

    def _expand_range(self, start: int, stop: int) -> list[Any]:
        """Expansions in a double here-string body [start, stop)."""
        text = self.text
        parts: list[Any] = []
        literal: list[str] = []
        i = start
        while i < stop:
            run = _HERE_RUN.match(text, i, stop)
            literal.append(run.group())
            i = run.end()
            if i >= stop:
                break
            if text[i] == "`":
                if i + 1 >= stop:
                    literal.append("`")
                    i += 1
                    continue
                escaped, i = lit.backtick_escape(text, i + 1)
                literal.append(escaped)
            else:
                piece, i = self._expansion(i)
                lit.add_piece(parts, literal, piece)
        parts.append("".join(literal))
        return lit.tidy_pieces(parts)

    def _expansion(self, pos: int) -> tuple[Any, int]:
        """What a `$` inside expandable text stands for: an AST node or itself."""
        text = self.text
        if text.startswith("$(", pos):
            statements, close = self.subparse(self, pos + 2)
            extent = ast.Extent(self.source, pos, close + 1)
            return ast.SubExpressionAst(extent, statements), close + 1
        end, name = self._variable_at(pos, in_string=True)
        if name is None:
            return "$", pos + 1
        self._spend_token(pos)
        return ast.VariableExpressionAst(ast.Extent(self.source, pos, end), name), end

    def _scan_here_string(self, pos: int) -> Tok:
        text = self.text
        length = len(text)
        kind = "single" if text[pos + 1] in SINGLE_QUOTES else "double"
        footer = "'@" if kind == "single" else '"@'
        i = _HEADER_BLANKS.match(text, pos + 2).end()
        if i >= length:
            raise self._unterminated(pos, footer)
        if text[i] not in "\r\n":
            line_end = lit.LINE_BREAK.search(text, i)
            stop = line_end.start() if line_end else length
            raise LexError("UnexpectedCharactersAfterHereStringHeader", i, stop)
        body_start = i + (2 if text.startswith("\r\n", i) else 1)
        quotes = SINGLE_QUOTES if kind == "single" else DOUBLE_QUOTES
        if text[body_start:body_start + 1] and text[body_start] in quotes \
                and text[body_start + 1:body_start + 2] == "@":
            body_end, end = body_start, body_start + 2
        else:
            match = _HERE_FOOTER[kind].search(text, body_start)
            if match is None:
                indented = _HERE_FOOTER_INDENTED[kind].search(text, body_start)
                if indented is not None:
                    raise LexError("WhitespaceBeforeHereStringFooter", indented.start() + 1,
                                   indented.end())
                raise self._unterminated(pos, footer)
            body_end, end = match.start(), match.end()
        if kind == "single":
            return Tok("STRING", text[pos:end], pos, end, (text[body_start:body_end], "here_single"))
        parts = self._expand_range(body_start, body_end)
        return self._string_token(pos, end, parts, "here_double")
