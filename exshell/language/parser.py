"""PowerShell text -> ScriptBlockAst: the parser entry points.

Public API:

    parse(text, path=None) -> ast.ScriptBlockAst
        raises errors.ParseError(errors=[ErrorRecord...], incomplete=bool)
    is_incomplete(text) -> bool
        True when more lines could complete the text (open quote, bracket or
        here-string, trailing pipe, backtick or binary operator): the console
        asks for a continuation line instead of reporting an error.

The grammar is grammar/powershell.lark (or the copy an installed wheel keeps
in exshell/grammar/), compiled once by Lark's LALR generator and cached on
disk so start-up only deserialises it.  The lexer is exshell.language.lexer,
the tree is built during the parse by exshell.language.build; Lark's
syntax errors become PowerShell error ids in exshell.language.parse_errors.

One parse runs at a time (a lock: the builder holds the current source), and
a ``$( )`` inside a string is parsed in place by a nested run over the same
source.  Nesting deeper than lexer_expression.MAX_NESTING, or deep enough to
exhaust Python's stack, is reported as the parse error ``NestingTooDeep``;
more than lexer_expression.MAX_TOKENS tokens as ``ScriptTooLarge``.
"""
from __future__ import annotations

import gc
import operator
import os
import threading
from pathlib import Path
from typing import Any, Optional

from exshell.errors import ParseError, parse_error
from exshell.language import ast
from exshell.language.build import AstBuilder
from exshell.language.lexer import LexJob, PowerShellLexer
from exshell.language.lexer_expression import MAX_NESTING, LexError

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_GRAMMAR_CANDIDATES = (
    _PACKAGE_DIR / "grammar" / "powershell.lark",
    _PACKAGE_DIR.parent / "grammar" / "powershell.lark",
)

_lock = threading.RLock()
_builder = AstBuilder()
_lark: Any = None


def grammar_path() -> Path:
    for candidate in _GRAMMAR_CANDIDATES:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("grammar/powershell.lark not found next to the exshell package")


def _cache_file(grammar_text: str) -> Optional[str]:
    """A writable cache path keyed by the grammar text, or None (no caching)."""
    import hashlib

    import lark

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    directory = os.path.join(base, "exshell")
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError:
        return None
    if not os.access(directory, os.W_OK):
        return None
    digest = hashlib.sha256((grammar_text + lark.__version__).encode()).hexdigest()[:16]
    return os.path.join(directory, f"grammar-{digest}.lark-cache")


def _parser() -> Any:
    global _lark
    if _lark is None:
        from lark import Lark

        grammar_text = grammar_path().read_text(encoding="utf-8")
        options = dict(parser="lalr", lexer=PowerShellLexer, transformer=_builder,
                       start="start", maybe_placeholders=False)
        cache = _cache_file(grammar_text)
        try:
            _lark = Lark(grammar_text, cache=cache or False, **options)
        except OSError:
            _lark = Lark(grammar_text, **options)
        _tune_callbacks(_lark)
    return _lark


_first_child = operator.itemgetter(0)


def _tune_callbacks(lark_parser: Any) -> None:
    """Make Lark's reduce callbacks cheap to find and to call.

    Every reduction looks its rule up in the callbacks dict (hash, then
    equality) and compares it in an assertion; ``Rule`` defines both in
    Python, and a grammar loaded from the cache even holds equal-but-distinct
    copies of each rule.  After the tables are built nothing needs structural
    equality any more, so each rule object becomes one shared instance of a
    subclass that hashes and compares by identity (in C).
    """
    try:
        from lark.grammar import Rule

        class IdentityRule(Rule):
            __slots__ = ()
            __eq__ = object.__eq__
            __ne__ = object.__ne__
            __hash__ = object.__hash__

        inner = lark_parser.parser.parser.parser
        callbacks = inner.callbacks
        for rule in list(callbacks):
            # One-child pass-through rules (`?rule: other`) only hand their
            # child on; a C-level getter does that cheaper than Lark's wrapper.
            if rule.options.expand1 and not rule.alias and len(rule.expansion) == 1:
                callbacks[rule] = _first_child
        canonical = {rule: rule for rule in callbacks}
        for actions in inner.parse_table.states.values():
            for terminal, (action, argument) in list(actions.items()):
                if not isinstance(argument, int) and argument in canonical:
                    actions[terminal] = (action, canonical[argument])
        changed = []
        try:
            for rule in callbacks:
                rule.__class__ = IdentityRule
                changed.append(rule)
        except TypeError:
            # All or nothing: the dict below hashes by identity.
            for rule in changed:
                rule.__class__ = Rule
            return
        inner.callbacks = {rule: callback for rule, callback in callbacks.items()}
    except AttributeError:
        return


def parse(text: str, path: Optional[str] = None) -> ast.ScriptBlockAst:
    """Parse a whole script or command line (see the module docstring)."""
    source = ast.Source(text, path)
    # The parse allocates many small acyclic objects; letting the cyclic
    # collector rescan them all repeatedly would make big scripts quadratic.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse_source(source)
    finally:
        if collecting:
            gc.enable()


def _parse_source(source: ast.Source) -> ast.ScriptBlockAst:
    text = source.text
    with _lock:
        saved_source, saved_errors = _builder.source, _builder.errors
        _builder.source, _builder.errors = source, []
        try:
            script = _run(LexJob(source, 0, subparse=_subparse))
            found = _builder.errors
        except RecursionError:
            raise ParseError([parse_error("NestingTooDeep", ast.Extent(source, 0, 0), "")]) \
                from None
        finally:
            _builder.source, _builder.errors = saved_source, saved_errors
    if found:
        records = [parse_error(error_id, ast.Extent(source, start, end), *args)
                   for error_id, start, end, args in found]
        # A try block at the very end may still get its catch on the next line.
        incomplete = all(error_id == "MissingCatchOrFinally" and not text[end:].strip()
                         for error_id, start, end, args in found)
        raise ParseError(records, incomplete=incomplete)
    script.extent = ast.Extent(source, 0, len(text))
    return script


def is_incomplete(text: str) -> bool:
    """Whether the console should read another line before running ``text``."""
    stripped = text.rstrip(" \t")
    if stripped.endswith("`") or stripped.endswith("`\n") or stripped.endswith("`\r\n"):
        return True
    try:
        parse(text)
    except ParseError as error:
        return error.incomplete
    return False


def _run(job: LexJob) -> ast.ScriptBlockAst:
    """Run Lark on one job, turning every failure into a ParseError."""
    from lark.exceptions import UnexpectedInput

    from exshell.language.parse_errors import from_lark_error

    try:
        return _parser().parse(job)
    except LexError as error:
        extent = ast.Extent(job.source, error.start, error.end)
        record = parse_error(error.error_id, extent, *error.message_args)
        raise ParseError([record], incomplete=error.incomplete) from None
    except UnexpectedInput as error:
        raise from_lark_error(error, job) from None


def _subparse(outer: LexJob, start: int) -> tuple[list[ast.StatementAst], int]:
    """Parse the statements of a ``$( )`` inside a string; returns them and the `)` offset."""
    depth = outer.depth + len(outer.frames)
    if depth > MAX_NESTING:
        extent = ast.Extent(outer.source, start - 2, start)
        raise ParseError([parse_error("NestingTooDeep", extent)])
    job = LexJob(outer.source, start, subparse=_subparse, stop_at_close=True,
                 depth=depth, budget=outer.budget)
    try:
        script = _run(job)
    except ParseError as error:
        # The `)` that ended the subexpression is not the end of the text.
        if job.stopped_at is not None:
            error.incomplete = False
        raise
    if job.stopped_at is None:
        extent = ast.Extent(outer.source, start - 2, start)
        raise ParseError([parse_error("MissingEndParenthesisInSubexpression", extent)],
                         incomplete=True)
    return script.end or [], job.stopped_at
