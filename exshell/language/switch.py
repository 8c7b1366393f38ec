"""The switch statement: matching each input against the clauses.

Contract: run_switch(evaluator, node: SwitchStatementAst, emit)
  * the value is evaluated once; an array is matched element by element, $null once;
    with -file the value names a file whose lines are matched;
  * ``$_`` is the current element while clauses and bodies run (restored after);
  * a clause condition that is a script block is a test run with ``$_``; otherwise
    it compares with -regex (sets $Matches), -wildcard (-like) or equality
    (-exact, the default), case-insensitive unless -casesensitive;
  * every matching clause runs; ``default`` runs when none did;
  * ``break`` leaves the switch, ``continue`` moves to the next element.
"""
from __future__ import annotations

from typing import Any, Callable

from exshell.errors import BreakSignal, ContinueSignal
from exshell.language import ast
from exshell.language import conversions as conv
from exshell.language.regex import compile_regex, match_groups, wildcard_to_regex
from exshell.language.values import AUTOMATION_NULL, ScriptBlock, unwrap


def _items(value: Any) -> list:
    value = unwrap(value)
    if isinstance(value, list):
        return list(value)
    if value is AUTOMATION_NULL:
        return []
    return [value]


def _file_lines(evaluator: Any, value: Any) -> list:
    """``switch -file path``: the file's lines are the input."""
    import os
    from exshell.errors import ErrorRecord, PSRuntimeError
    path = os.path.expanduser(evaluator.to_string(value))
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read().splitlines()
    except OSError:
        raise PSRuntimeError(ErrorRecord(
            message=f"Cannot find path '{os.path.abspath(path)}' because it does not exist.",
            error_id="PathNotFound", category="ObjectNotFound", target_name=path,
            reason="ItemNotFoundException")) from None


def _clause_matches(evaluator: Any, node: ast.SwitchStatementAst, clause: ast.SwitchClauseAst,
                    item: Any) -> bool:
    case_sensitive = "casesensitive" in node.flags
    condition = evaluator.eval(clause.condition)
    if isinstance(condition, ScriptBlock):
        produced = evaluator.invoke_script_block(condition, [], AUTOMATION_NULL, item, False)
        return conv.to_bool(produced[0] if len(produced) == 1 else produced)
    if "regex" in node.flags:
        found = compile_regex(evaluator.to_string(condition), case_sensitive).search(
            evaluator.to_string(item))
        if found is not None:
            evaluator.set_matches(match_groups(found))
        return found is not None
    if "wildcard" in node.flags:
        pattern = wildcard_to_regex(evaluator.to_string(condition), case_sensitive)
        return pattern.match(evaluator.to_string(item)) is not None
    if isinstance(item, str) or isinstance(condition, str):
        return conv.equals(evaluator.to_string(item), condition, case_sensitive)
    return conv.equals(item, condition, case_sensitive)


def run_switch(evaluator: Any, node: ast.SwitchStatementAst, emit: Callable[[Any], None]) -> None:
    scope = evaluator.session.current_scope
    saved = scope.local("_")
    saved_value = saved.value if saved is not None else None
    try:
        value = evaluator.statement_value(node.value)
        items = _file_lines(evaluator, value) if "file" in node.flags else _items(value)
        for item in items:
            scope.set_local("_", item)
            scope.set_local("PSItem", item)
            try:
                matched = False
                for clause in node.clauses:
                    if _clause_matches(evaluator, node, clause, item):
                        matched = True
                        evaluator.exec_block(clause.body, emit)
                if not matched and node.default is not None:
                    evaluator.exec_block(node.default, emit)
            except ContinueSignal as signal:
                if signal.label is not None and (node.label is None or signal.label.lower() != node.label.lower()):
                    raise
                continue
            except BreakSignal as signal:
                if signal.label is not None and (node.label is None or signal.label.lower() != node.label.lower()):
                    raise
                break
    finally:
        if saved is not None:
            scope.set_local("_", saved_value)
            scope.set_local("PSItem", saved_value)
        else:
            scope.remove("_")
            scope.remove("PSItem")
