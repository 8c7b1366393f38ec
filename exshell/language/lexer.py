"""The contextual PowerShell lexer plugged into Lark's LALR parser.

Contract: ``PowerShellLexer`` is passed to ``Lark(lexer=...)``; ``parse`` hands
Lark a ``LexJob`` (not a string) and Lark calls ``lex(lexer_state,
parser_state)``, which yields ``tokens.Tok`` objects one at a time while the
parser consumes them.  Lexical errors raise ``LexError`` (id, offsets, message
arguments, whether more input could complete the text).

How the scanning mode is chosen (powershell_language.md section 1):

* Every bracket the lexer emits opens a *frame* (``(``, ``$(``, ``@(``, ``{``,
  ``@{``, ``[`` index, method-call and attribute parentheses).  A frame is in
  *command mode* from the moment a command name (or ``&`` / ``.``) is emitted
  in it until the statement ends (newline, ``;``, ``|``) - exactly the span in
  which PowerShell's tokenizer runs in Command mode.  In command mode
  arguments are scanned as generic tokens, parameters, numbers-or-barewords.
* Outside command mode, the LALR state decides: if it accepts ``CMDNAME`` a
  statement may start here (keywords, a command name, or an expression);
  otherwise the scan is in expression mode (operators, members, keys).
  Keywords and member names are only produced where the state accepts them,
  so ``echo if in default`` and ``$x.end`` need no special cases.  Because
  LALR merges look-ahead sets, a state that can only reduce is first
  "settled" (its reductions replayed on a scratch stack) before asking.
* A newline ends a statement only in frames that hold statement lists
  (script, blocks, ``$( )``, ``@( )``, hashtables, switch bodies); it is
  dropped after ``|``, ``,``, an operator or an opening bracket, where the
  parser cannot use it, and before ``else``/``elseif``/``catch``/``finally``.
"""
from __future__ import annotations

from typing import Any, Iterator, Optional

from lark.lexer import Lexer

from exshell.language import ast
from exshell.language import lexer_literals as lit
from exshell.language.lexer_expression import (
    MAX_NESTING, MAX_TOKENS, ExpressionScanner, LexError, is_terminator,
)
from exshell.language.tokens import (
    CONTINUATION_KEYWORDS, DASHES, DOUBLE_QUOTES, KEYWORD_TERMINALS, KEYWORDS,
    NEWLINE_SKIPPED_AFTER, NUMBER_FOLLOWERS_IN_EXPRESSION, PRIMARY_END_TERMINALS,
    SINGLE_QUOTES, UNARY_DASH_OPERATORS, Tok,
)

_FRAME_CLOSERS = {"paren": ")", "subexpr": ")", "arrayexpr": ")", "call": ")", "attr": ")",
                  "block": "}", "hash": "}", "switch": "}", "index": "]"}


# Frames holding statement lists, where a newline ends a statement; inside
# ( ), [ ] and argument lists it is only whitespace.
_STATEMENT_FRAMES = frozenset({"script", "block", "subexpr", "arrayexpr", "hash", "switch"})

_STATEMENT_ENDS = frozenset({"NEWLINE", "SEMI", "PIPE"})

# Characters that may begin whitespace, a comment or a line continuation.
_BLANK_STARTS = frozenset(" \t\v\f\xa0\x85\0#<`\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                          "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")

_REDIRECTION_STARTS = frozenset(">123456*")

_REDUCTION_CACHE: dict[tuple[int, Any], Any] = {}


def _single_reduction(states: Any, state: Any) -> Any:
    """The rule a state reduces by whatever comes next, or None if it can shift."""
    key = (id(states), state)
    try:
        return _REDUCTION_CACHE[key]
    except KeyError:
        pass
    rules = set()
    for terminal, (action, argument) in states[state].items():
        if not (terminal.isupper() or terminal == "$END"):
            continue
        if getattr(action, "name", str(action)) == "Shift":
            rules = set()
            break
        rules.add(argument)
    rule = rules.pop() if len(rules) == 1 else None
    _REDUCTION_CACHE[key] = rule
    return rule


class LexJob(ExpressionScanner):
    """The state of lexing one text (or one ``$( )`` inside a string).

    ``stop_at_close`` makes the lexer end at an unmatched ``)``: that is how a
    subexpression inside a string is parsed in place, with positions in the
    same source.  ``subparse`` is the parser's callback for that.
    """

    def __init__(self, source: ast.Source, pos: int = 0, subparse: Any = None,
                 stop_at_close: bool = False, depth: int = 0,
                 budget: Optional[list[int]] = None):
        self.source = source
        # Tokens left for the whole parse, shared with nested string parses.
        self.budget = budget if budget is not None else [MAX_TOKENS]
        self.text = source.text
        self.pos = pos
        self.subparse = subparse
        self.stop_at_close = stop_at_close
        self.stopped_at: Optional[int] = None
        self.depth = depth
        # frame: [kind, in_command, command_mode_default, open_offset]
        self.frames: list[list[Any]] = [["script", False, False, pos]]
        self.prev_type: Optional[str] = None
        self.prev_end = pos
        # For error reports: the last two tokens, the last keyword and the
        # frame the last closing bracket ended.
        self.current: Optional[Tok] = None
        self.previous: Optional[Tok] = None
        self.last_keyword: Optional[Tok] = None
        self.closed_frame: Optional[list[Any]] = None
        self.argument_next = False      # the target after a redirection operator
        self.parameters_ended = False   # after `--`

    # ------------------------------------------------------------ frames

    def _open(self, kind: str, offset: int, command_mode: bool = False) -> None:
        if len(self.frames) + self.depth > MAX_NESTING:
            raise LexError("NestingTooDeep", offset, offset + 1, MAX_NESTING)
        self.frames.append([kind, command_mode, command_mode, offset])

    def _close(self, closer: str) -> None:
        frames = self.frames
        if len(frames) > 1 and _FRAME_CLOSERS[frames[-1][0]] == closer:
            self.closed_frame = frames.pop()
        else:
            self.closed_frame = None

    # ------------------------------------------------------------ main loop

    def tokens(self, parser_state: Any) -> Iterator[Tok]:
        self.parser_state = parser_state
        states = parser_state.parse_conf.states
        stack = parser_state.state_stack
        text = self.text
        length = len(text)
        budget = self.budget
        skip_blank = self._skip_blank
        scan_token = self._scan_token
        while True:
            pos = self.pos
            # One plain space between tokens is by far the commonest gap.
            if pos < length and text[pos] == " ":
                pos += 1
            if pos < length and text[pos] in _BLANK_STARTS:
                pos = skip_blank(pos)
            self.pos = pos
            if pos >= length:
                return
            char = text[pos]
            if char == "\n" or char == "\r":
                end = pos + 2 if text.startswith("\r\n", pos) else pos + 1
                accepts = self._settled(states[stack[-1]])
                if self.prev_type in NEWLINE_SKIPPED_AFTER or "NEWLINE" not in accepts \
                        or self.frames[-1][0] not in _STATEMENT_FRAMES \
                        or self._continuation_keyword_follows(end, accepts):
                    self.pos = end
                    continue
                token = Tok("NEWLINE", text[pos:end], pos, end)
            elif char == ")" and self.stop_at_close and len(self.frames) == 1:
                self.stopped_at = pos
                return
            else:
                token = scan_token(pos, char, states[stack[-1]])
            budget[0] -= 1
            if budget[0] < 0:
                raise LexError("ScriptTooLarge", pos, pos + 1, MAX_TOKENS)
            kind = token.type
            self.previous = self.current
            self.current = token
            self.prev_type = kind
            self.prev_end = self.pos = token.end_pos
            if kind in _STATEMENT_ENDS:
                frame = self.frames[-1]
                frame[1] = frame[2]
                self.parameters_ended = False
            elif kind in KEYWORD_TERMINALS and kind != "IN":
                self.last_keyword = token
            yield token

    def _skip_blank(self, pos: int) -> int:
        """Skip spaces, comments and backtick line continuations."""
        text = self.text
        length = len(text)
        while pos < length:
            char = text[pos]
            if char == "#":
                newline = text.find("\n", pos)
                pos = length if newline < 0 else newline
                if pos > 0 and text[pos - 1] == "\r":
                    pos -= 1
            elif char == "<" and text.startswith("<#", pos):
                close = text.find("#>", pos + 2)
                if close < 0:
                    raise LexError("MissingTerminatorMultiLineComment", pos, length, incomplete=True)
                pos = close + 2
            elif char == "`":
                after = text[pos + 1:pos + 2]
                if after == "":
                    raise LexError("IncompleteString", pos, pos + 1, incomplete=True)
                if after == "\n" or after == " " or after == "\t":
                    pos += 2
                elif after == "\r":
                    pos += 3 if text.startswith("\n", pos + 2) else 2
                else:
                    return pos
            elif char == "\ufeff" or char == "\0":
                pos += 1
            elif char == "\n" or char == "\r" or not char.isspace():
                return pos
            else:
                match = lit.WHITESPACE.match(text, pos)
                pos = match.end()
        return pos

    def _continuation_keyword_follows(self, pos: int, accepts: Any) -> bool:
        """After `}`: is the next word (past newlines) else/elseif/catch/finally?"""
        if not any(kind in accepts for kind in CONTINUATION_KEYWORDS):
            return False
        text = self.text
        while True:
            pos = self._skip_blank(pos)
            if pos < len(text) and text[pos] in "\r\n":
                pos += 1
                continue
            break
        match = lit.WORD.match(text, pos)
        if not match:
            return False
        keyword = KEYWORDS.get(match.group().lower())
        return keyword in CONTINUATION_KEYWORDS and keyword in accepts \
            and is_terminator(text[match.end():match.end() + 1])

    # ------------------------------------------------------------ dispatch

    def _scan_token(self, pos: int, char: str, accepts: Any) -> Tok:
        prev_type = self.prev_type
        if pos == self.prev_end:
            # Member access, static access, indexing and calls bind only
            # without whitespace after a primary expression.
            if prev_type == "DOT" or prev_type == "COLONCOLON":
                return self._scan_member_name(pos, char)
            if prev_type in PRIMARY_END_TERMINALS \
                    and (prev_type != "RBRACKET" or self.current.payload):
                token = self._scan_postfix(pos, char)
                if token is not None:
                    return token
        if self.frames[-1][1]:
            if char.isalpha():
                return self._scan_generic(pos, "GENERIC")
            return self._scan_argument(pos, char)
        if self.argument_next:
            self.argument_next = False
            return self._scan_argument(pos, char)
        if "CMDNAME" in accepts:
            # Merged LALR lookaheads only ever add terminals, so settling is
            # needed only when a statement start seems possible.
            accepts = self._settled(accepts)
            if "CMDNAME" in accepts:
                return self._scan_statement_start(pos, char, accepts)
        return self._scan_expression(pos, char, accepts)

    def _settled(self, accepts: Any) -> Any:
        """The terminals acceptable once pending reductions are done.

        LALR merges states with equal cores, so a state that can only reduce
        (``terms: SEMI .``) lists every terminal that may follow that rule
        anywhere - a statement start included, even inside a hashtable.
        Applying its one reduction (and any that follow) on a scratch copy of
        the top of the stack gives the state the parser will really be in.
        """
        parser_state = self.parser_state
        states = parser_state.parse_conf.states
        stack = parser_state.state_stack
        state = stack[-1]
        rule = _single_reduction(states, state)
        if rule is None:
            return accepts
        depth = len(stack)
        pushed: list[Any] = []
        while rule is not None:
            size = len(rule.expansion)
            if size <= len(pushed):
                del pushed[len(pushed) - size:]
            else:
                depth -= size - len(pushed)
                pushed = []
            base = pushed[-1] if pushed else stack[depth - 1]
            goto = states[base].get(rule.origin.name)
            if goto is None:    # cannot happen on a valid stack; be safe
                return accepts
            state = goto[1]
            pushed.append(state)
            rule = _single_reduction(states, state)
        return states[state]

    def _scan_postfix(self, pos: int, char: str) -> Optional[Tok]:
        text = self.text
        nxt = text[pos + 1:pos + 2]
        if char == ".":
            if nxt == ".":
                return None
            if nxt and (nxt.isalnum() or nxt in "_$('\"" or nxt in SINGLE_QUOTES or nxt in DOUBLE_QUOTES):
                return Tok("DOT", ".", pos, pos + 1)
            if not self.frames[-1][1] and (nxt == "" or nxt.isspace()):
                raise LexError("MissingPropertyName", pos + 1, pos + 1)
            return None
        if char == ":" and nxt == ":":
            return Tok("COLONCOLON", "::", pos, pos + 2)
        if char == "[" and self.prev_type != "TYPE":
            self._open("index", pos)
            return Tok("LBRACKET_IDX", "[", pos, pos + 1)
        if char == "(" and self.prev_type == "MEMBER":
            self._open("call", pos)
            return Tok("CALL_LPAREN", "(", pos, pos + 1)
        return None

    def _scan_member_name(self, pos: int, char: str) -> Tok:
        if char.isalnum() or char == "_":
            match = lit.WORD.match(self.text, pos)
            return Tok("MEMBER", match.group(), pos, match.end(), match.group())
        token = self._punctuation(pos, char, ())
        if token is None:
            raise LexError("MissingPropertyName", pos, pos + 1)
        return token

    # ------------------------------------------------------------ shared pieces

    def _punctuation(self, pos: int, char: str, accepts: Any) -> Optional[Tok]:
        """Brackets and separators, identical in every mode."""
        text = self.text
        if char == "(":
            self._open("paren", pos)
            return Tok("LPAREN", "(", pos, pos + 1)
        if char == ")":
            self._close(")")
            return Tok("RPAREN", ")", pos, pos + 1)
        if char == "{":
            if "SWITCH_LBRACE" in accepts:
                self._open("switch", pos, command_mode=True)
                return Tok("SWITCH_LBRACE", "{", pos, pos + 1)
            self._open("block", pos)
            return Tok("LBRACE", "{", pos, pos + 1)
        if char == "}":
            self._close("}")
            return Tok("RBRACE", "}", pos, pos + 1)
        if char == ";":
            return Tok("SEMI", ";", pos, pos + 1)
        if char == "|":
            return Tok("PIPE", "|", pos, pos + 1)
        if char == ",":
            return Tok("COMMA", ",", pos, pos + 1)
        if char == "$":
            if text.startswith("$(", pos):
                self._open("subexpr", pos)
                return Tok("DOLLAR_PAREN", "$(", pos, pos + 2)
            return self._scan_variable(pos)
        if char == "@":
            nxt = text[pos + 1:pos + 2]
            if nxt == "(":
                self._open("arrayexpr", pos)
                return Tok("AT_PAREN", "@(", pos, pos + 2)
            if nxt == "{":
                self._open("hash", pos)
                return Tok("AT_BRACE", "@{", pos, pos + 2)
            if nxt and (nxt in SINGLE_QUOTES or nxt in DOUBLE_QUOTES):
                return self._scan_here_string(pos)
            return None
        if char in SINGLE_QUOTES:
            end, value = self._scan_single_quoted(pos)
            return Tok("STRING", text[pos:end], pos, end, (value, "single"))
        if char in DOUBLE_QUOTES:
            end, parts = self._scan_double_quoted(pos)
            return self._string_token(pos, end, parts, "double")
        return None

    def _string_token(self, pos: int, end: int, parts: list[Any], kind: str) -> Tok:
        if len(parts) <= 1 and (not parts or isinstance(parts[0], str)):
            return Tok("STRING", self.text[pos:end], pos, end, (parts[0] if parts else "", kind))
        return Tok("EXPSTRING", self.text[pos:end], pos, end, (parts, kind))

    def _scan_variable(self, pos: int) -> Tok:
        end, name = self._variable_at(pos)
        if name is None:
            raise LexError("InvalidVariableReference", pos, pos + 1)
        return Tok("VARIABLE", self.text[pos:end], pos, end, name)

    def _variable_at(self, pos: int, in_string: bool = False) -> tuple[int, Optional[str]]:
        """Name of the variable whose `$` is at pos; (pos+1, None) if none.

        In a double-quoted string ``"$name:"`` (a drive colon with no name
        after it) is an error, as in PowerShell.
        """
        text = self.text
        nxt = text[pos + 1:pos + 2]
        if nxt == "{":
            close = text.find("}", pos + 2)
            if close < 0:
                raise LexError("IncompleteString", pos, len(text), incomplete=True)
            return close + 1, text[pos + 2:close]
        if nxt == "$" or nxt == "^":
            return pos + 2, nxt
        match = lit.VARIABLE_NAME.match(text, pos + 1)
        if match is None:
            return pos + 1, None
        end = match.end()
        if in_string and text[end:end + 1] == ":" and text[end + 1:end + 2] != ":" \
                and ":" not in match.group():
            raise LexError("InvalidVariableReferenceWithDrive", pos, end + 1)
        return end, match.group()

    # ------------------------------------------------------------ command mode

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
                    if isinstance(piece, str):
                        literal.append(piece)
                    else:
                        parts.append("".join(literal))
                        literal = []
                        parts.append(piece)
            elif char == "$":
                piece, end = self._expansion(end)
                if isinstance(piece, str):
                    literal.append(piece)
                else:
                    parts.append("".join(literal))
                    literal = []
                    parts.append(piece)
            else:
                run = lit.GENERIC_RUN.match(text, end)
                literal.append(run.group())
                end = run.end()
        parts.append("".join(literal))
        if kind == "CMDNAME":
            self.frames[-1][1] = True
        parts = [p for p in parts if p != ""]
        if all(isinstance(p, str) for p in parts):
            return Tok(kind, text[pos:end], pos, end, "".join(parts))
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



class PowerShellLexer(Lexer):
    """Lark's custom-lexer hook: the text Lark receives is a ``LexJob``."""

    __future_interface__ = 2

    def __init__(self, lexer_conf: Any):
        self.lexer_conf = lexer_conf

    def lex(self, lexer_state: Any, parser_state: Any) -> Iterator[Tok]:
        job: LexJob = lexer_state.text
        return job.tokens(parser_state)
