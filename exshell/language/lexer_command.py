"""Command-mode (argument) and statement-start scanning for the PowerShell lexer.

Contract: ``CommandScanner`` is a base class of lexer.LexJob.  It scans what
PowerShell's tokenizer reads in Command mode - barewords (generic tokens, with
quotes, ``$`` and backticks inside), parameters, numbers that must end at a
terminator, redirections, splatting, ``--`` and ``--%`` - and the first token
of a statement (keyword, command name, or the start of an expression).  It
relies on the LexJob attributes ``text``, ``frames``, ``prev_type`` and
``parameters_ended`` and on the methods ``_punctuation``, ``_variable_at``,
``_scan_expression``, ``_scan_single_quoted``, ``_scan_double_quoted`` and
``_expansion``.
"""
from __future__ import annotations

from typing import Any, Optional

from exshell.language import lexer_literals as lit
from exshell.language.lexer_expression import LexError, is_terminator
from exshell.language.tokens import (
    DASHES, DOUBLE_QUOTES, KEYWORDS, NUMBER_FOLLOWERS_IN_EXPRESSION, SINGLE_QUOTES,
    UNARY_DASH_OPERATORS, Tok,
)

_REDIRECTION_STARTS = frozenset(">123456*")


class CommandScanner:
    text: str
    frames: list[list[Any]]

    def _scan_argument(self, pos: int, char: str) -> Tok:
        if char.isalpha():
            return self._scan_generic(pos, "GENERIC")
        if char in DASHES:
            return self._scan_dash_argument(pos)
        text = self.text
        if char in _REDIRECTION_STARTS:
            redirect = self._scan_redirection(pos, char)
            if redirect is not None:
                return redirect
        if char.isdigit() or (char == "." and text[pos + 1:pos + 2].isdigit()):
            scanned = lit.scan_number(text, pos)
            if scanned is not None:
                end, value = scanned
                if value is not lit.BAD_NUMBER and is_terminator(text[end:end + 1]):
                    return Tok("NUMBER", text[pos:end], pos, end, value)
            return self._scan_generic(pos, "GENERIC")
        if char == "@" and text[pos + 1:pos + 2] not in ("(", "{", "") \
                and text[pos + 1] not in SINGLE_QUOTES and text[pos + 1] not in DOUBLE_QUOTES:
            match = lit.VARIABLE_NAME.match(text, pos + 1)
            if match and is_terminator(text[match.end():match.end() + 1]):
                return Tok("SPLAT", text[pos:match.end()], pos, match.end(), match.group())
            return self._scan_generic(pos, "GENERIC")
        if char == "&":
            return Tok("AMP", "&", pos, pos + 1)
        if char == "$" and not text.startswith("$(", pos):
            end, name = self._variable_at(pos)
            follower = text[end:end + 1]
            if name is None or not (is_terminator(follower) or follower in ".[:"):
                return self._scan_generic(pos, "GENERIC")
            return Tok("VARIABLE", text[pos:end], pos, end, name)
        if char in SINGLE_QUOTES or char in DOUBLE_QUOTES:
            token = self._punctuation(pos, char, ())
            follower = text[token.end_pos:token.end_pos + 1]
            if is_terminator(follower) or follower in ".[":
                return token
            return self._scan_generic(pos, "GENERIC")
        token = self._punctuation(pos, char, ())
        if token is not None:
            return token
        return self._scan_generic(pos, "GENERIC")

    def _scan_dash_argument(self, pos: int) -> Tok:
        text = self.text
        nxt = text[pos + 1:pos + 2]
        # After a comma the element is a value even if it looks like a
        # parameter (`-SortOrder: +FromAddress,-Size`).
        if not self.parameters_ended and self.prev_type != "COMMA" \
                and nxt and (nxt.isalpha() or nxt in "_?"):
            match = lit.PARAMETER_NAME.match(text, pos + 1)
            end = match.end()
            follower = text[end:end + 1]
            if follower and (follower in SINGLE_QUOTES or follower in DOUBLE_QUOTES):
                return self._scan_generic(pos, "GENERIC")
            name = match.group()
            if follower == ":":
                return Tok("PARAM_COLON", text[pos:end + 1], pos, end + 1, name)
            return Tok("PARAMETER", text[pos:end], pos, end, name)
        if nxt and nxt in DASHES and text[pos + 2:pos + 3] == "%" and is_terminator(text[pos + 3:pos + 4]):
            return self._scan_stop_parsing(pos)
        if nxt and nxt in DASHES and is_terminator(text[pos + 2:pos + 3]) and not self.parameters_ended:
            self.parameters_ended = True
            return Tok("END_OF_PARAMS", text[pos:pos + 2], pos, pos + 2)
        return self._scan_generic(pos, "GENERIC")

    def _scan_stop_parsing(self, pos: int) -> Tok:
        """``--%``: the rest of the line (up to ``|`` or a newline) is one
        verbatim argument; the marker itself is never passed on."""
        text = self.text
        end = pos + 3
        while end < len(text) and text[end] not in "|\r\n":
            end += 1
        verbatim = text[pos + 3:end].strip()
        if not verbatim:
            return Tok("END_OF_PARAMS", text[pos:end], pos, end)
        return Tok("GENERIC", text[pos:end], pos, end, verbatim)

    def _scan_redirection(self, pos: int, char: str) -> Optional[Tok]:
        text = self.text
        if char == ">":
            stream, start = "1", pos
        elif char in "123456*" and text[pos + 1:pos + 2] == ">":
            stream, start = char, pos
            pos += 1
        else:
            return None
        end = pos + 1
        append = text[end:end + 1] == ">"
        if append:
            end += 1
        if not append and text[end:end + 1] == "&" and text[end + 1:end + 2] in ("1", "2"):
            return Tok("MERGE_REDIRECT", text[start:end + 2], start, end + 2, stream)
        if not self.frames[-1][1]:
            self.argument_next = True   # `$x > file`: the target is a bareword
        return Tok("REDIRECT", text[start:end], start, end, (stream, append))

    def _scan_generic(self, pos: int, kind: str) -> Tok:
        """A bareword: everything up to a terminator, quotes and `$` included."""
        text = self.text
        run = lit.GENERIC_RUN.match(text, pos)
        end = run.end() if run else pos
        if is_terminator(text[end:end + 1]):
            if kind == "CMDNAME":
                self.frames[-1][1] = True
            if end == pos:
                raise LexError("UnexpectedToken", pos, pos + 1, text[pos])
            return Tok(kind, text[pos:end], pos, end, text[pos:end])
        parts: list[Any] = []
        literal: list[str] = [text[pos:end]]
        length = len(text)
        while end < length:
            char = text[end]
            if is_terminator(char):
                break
            if char == "`":
                if end + 1 >= length or text[end + 1] in "\r\n":
                    break
                escaped, end = lit.backtick_escape(text, end + 1)
                literal.append(escaped)
            elif char in SINGLE_QUOTES:
                end, value = self._scan_single_quoted(end)
                literal.append(value)
            elif char in DOUBLE_QUOTES:
                end, inner = self._scan_double_quoted(end)
                for piece in inner:
                    lit.add_piece(parts, literal, piece)
            elif char == "$":
                piece, end = self._expansion(end)
                lit.add_piece(parts, literal, piece)
            else:
                run = lit.GENERIC_RUN.match(text, end)
                literal.append(run.group())
                end = run.end()
        parts.append("".join(literal))
        if kind == "CMDNAME":
            self.frames[-1][1] = True
        parts = lit.tidy_pieces(parts)
        if len(parts) == 1 and isinstance(parts[0], str):
            return Tok(kind, text[pos:end], pos, end, parts[0])
        return Tok(kind, text[pos:end], pos, end, parts)

    # ------------------------------------------------------------ statement start

    def _scan_statement_start(self, pos: int, char: str, accepts: Any) -> Tok:
        text = self.text
        if char.isalpha() or char == "_":
            match = lit.WORD.match(text, pos)
            end = match.end()
            if is_terminator(text[end:end + 1]):
                keyword = KEYWORDS.get(match.group().lower())
                if keyword is not None and keyword in accepts:
                    return Tok(keyword, match.group(), pos, end)
            return self._scan_generic(pos, "CMDNAME")
        if char.isdigit():
            scanned = lit.scan_number(text, pos)
            if scanned is not None:
                end, value = scanned
                follower = text[end:end + 1]
                if is_terminator(follower) or follower in NUMBER_FOLLOWERS_IN_EXPRESSION:
                    return self._scan_expression(pos, char, accepts)
            return self._scan_generic(pos, "CMDNAME")
        if char == "&":
            self.frames[-1][1] = True
            return Tok("AMP", "&", pos, pos + 1)
        if char == ".":
            nxt = text[pos + 1:pos + 2]
            if nxt.isdigit():
                return self._scan_expression(pos, char, accepts)
            if is_terminator(nxt) or nxt in "$'\"&" or nxt in SINGLE_QUOTES or nxt in DOUBLE_QUOTES:
                self.frames[-1][1] = True
                return Tok("DOT_SOURCE", ".", pos, pos + 1)
            return self._scan_generic(pos, "CMDNAME")
        if char == ":" and "LABEL" in accepts:
            match = lit.WORD.match(text, pos + 1)
            if match:
                return Tok("LABEL", text[pos:match.end()], pos, match.end(), match.group())
        if char in DASHES:
            match = lit.WORD.match(text, pos + 1)
            if match and match.group().lower() not in UNARY_DASH_OPERATORS \
                    and not match.group().isdigit():
                return self._scan_generic(pos, "CMDNAME")
            return self._scan_expression(pos, char, accepts)
        if char in "$@'\"([{!+,}" or char in SINGLE_QUOTES or char in DOUBLE_QUOTES \
                or char == ")" or char == ";" or char == "|" or char == ">":
            return self._scan_expression(pos, char, accepts)
        if char in "*123456" and text[pos + 1:pos + 2] == ">":
            return self._scan_expression(pos, char, accepts)
        return self._scan_generic(pos, "CMDNAME")
