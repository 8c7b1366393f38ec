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
from exshell.language.lexer_command import CommandScanner
from exshell.language.lexer_expression import (
    MAX_NESTING, MAX_TOKENS, ExpressionScanner, LexError, is_terminator,
)
from exshell.language.tokens import (
    CONTINUATION_KEYWORDS, DOUBLE_QUOTES, KEYWORD_TERMINALS, KEYWORDS, NEWLINE_SKIPPED_AFTER,
    PRIMARY_END_TERMINALS, SINGLE_QUOTES, Tok,
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


class LexJob(CommandScanner, ExpressionScanner):
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

class PowerShellLexer(Lexer):
    """Lark's custom-lexer hook: the text Lark receives is a ``LexJob``."""

    __future_interface__ = 2

    def __init__(self, lexer_conf: Any):
        self.lexer_conf = lexer_conf

    def lex(self, lexer_state: Any, parser_state: Any) -> Iterator[Tok]:
        job: LexJob = lexer_state.text
        return job.tokens(parser_state)
