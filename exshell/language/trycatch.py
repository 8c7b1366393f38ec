"""try/catch/finally and throw.

Contract:
    run_try(evaluator, node, emit)     catches error records in flight (PSRuntimeError),
                                       matching ``catch [Type]`` against the record's
                                       inner exception type (1/0 -> DivideByZeroException),
                                       then its exception type and base types; ``$_`` is the
                                       ErrorRecord inside the catch; finally always runs
    throw_error(evaluator, value, extent) -> PSRuntimeError (script-terminating)
        ``throw "text"``: a RuntimeException whose message and id are the text;
        ``throw $record`` rethrows a record; bare ``throw`` in a catch rethrows the
        caught record, elsewhere it is ScriptHalted.
"""
from __future__ import annotations

from typing import Any, Callable

from exshell.errors import BreakSignal, ContinueSignal, ErrorRecord, PSRuntimeError, message
from exshell.language import ast
from exshell.language import conversions as conv
from exshell.language.values import AUTOMATION_NULL

# exception type -> its base types (most derived first); anything not listed
# derives directly from System.Exception.
_BASES = {
    "system.management.automation.runtimeexception": ["system.systemexception"],
    "system.management.automation.parameterbindingexception": [
        "system.management.automation.runtimeexception", "system.systemexception"],
    "system.management.automation.commandnotfoundexception": [
        "system.management.automation.runtimeexception", "system.systemexception"],
    "system.management.automation.methodinvocationexception": [
        "system.management.automation.methodexception",
        "system.management.automation.runtimeexception", "system.systemexception"],
    "system.management.automation.parseexception": [
        "system.management.automation.runtimeexception", "system.systemexception"],
    "system.management.automation.scriptcalldepthexception": [
        "system.management.automation.runtimeexception", "system.systemexception"],
    "system.management.automation.psinvalidcastexception": [
        "system.invalidcastexception", "system.systemexception"],
    "system.management.automation.actionpreferencestopexception": [
        "system.management.automation.runtimeexception", "system.systemexception"],
    "system.management.automation.itemnotfoundexception": [
        "system.management.automation.sessionstateexception",
        "system.management.automation.runtimeexception", "system.systemexception"],
    # plain .NET exceptions that records carry as their inner exception
    "system.dividebyzeroexception": ["system.arithmeticexception", "system.systemexception"],
    "system.overflowexception": ["system.arithmeticexception", "system.systemexception"],
    "system.argumentoutofrangeexception": ["system.argumentexception", "system.systemexception"],
    "system.argumentnullexception": ["system.argumentexception", "system.systemexception"],
    "system.argumentexception": ["system.systemexception"],
    "system.formatexception": ["system.systemexception"],
    "system.invalidcastexception": ["system.systemexception"],
    "system.invalidoperationexception": ["system.systemexception"],
    "system.notsupportedexception": ["system.systemexception"],
    "system.indexoutofrangeexception": ["system.systemexception"],
    "system.collections.generic.keynotfoundexception": ["system.systemexception"],
    "system.io.filenotfoundexception": ["system.io.ioexception", "system.systemexception"],
    "system.io.directorynotfoundexception": ["system.io.ioexception", "system.systemexception"],
    "system.io.ioexception": ["system.systemexception"],
}


def _chain_of(exception_type: str) -> list[str]:
    own = exception_type.lower()
    return [own] + _BASES.get(own, []) + ["system.exception", "system.object"]


def _type_chain(record: ErrorRecord) -> list[str]:
    return _chain_of(record.exception_type or "System.Management.Automation.RuntimeException")


def _catch_names(type_name: str) -> set[str]:
    lowered = type_name.strip().lower()
    names = {lowered}
    if not lowered.startswith("system."):
        names.add("system." + lowered)
        names.add("system.management.automation." + lowered)
    return names


def catch_matches(clause: ast.CatchClauseAst, record: ErrorRecord) -> bool:
    """True when ``clause`` handles ``record``: untyped, or one of its types is the
    exception's type, a base type, or (PowerShell looks there first) the wrapped
    inner exception's type or one of its bases."""
    if not clause.type_names:
        return True
    if record.inner_exception_type and _chain_matches(clause, _chain_of(record.inner_exception_type)):
        return True
    return _chain_matches(clause, _type_chain(record))


def _handler_for(clauses: list, record: ErrorRecord) -> Any:
    """The catch clause for ``record``: PowerShell first looks for a clause that takes the
    wrapped inner exception, and only then one that takes the exception itself."""
    if record.inner_exception_type:
        inner_chain = _chain_of(record.inner_exception_type)
        for clause in clauses:
            if clause.type_names and _chain_matches(clause, inner_chain):
                return clause
    chain = _type_chain(record)
    for clause in clauses:
        if not clause.type_names or _chain_matches(clause, chain):
            return clause
    return None


def _chain_matches(clause: Any, chain: list[str]) -> bool:
    return _names_match(clause.type_names, chain)


def _names_match(type_names: list[str], chain: list[str]) -> bool:
    short_names = {name.rsplit(".", 1)[-1] for name in chain}
    for type_name in type_names:
        wanted = _catch_names(type_name)
        if wanted & set(chain):
            return True
        if "." not in type_name and type_name.lower() in short_names:
            return True
    return False


def run_try(evaluator: Any, node: ast.TryStatementAst, emit: Callable[[Any], None]) -> None:
    session = evaluator.session
    try:
        session.try_depth += 1
        try:
            evaluator.exec_block(node.body, emit)
        finally:
            session.try_depth -= 1
    except PSRuntimeError as error:
        record = error.record
        clause = _handler_for(node.catches, record)
        if clause is None:
            raise
        if record not in session.error_list:
            session.error_list.insert(0, record)
        _run_catch(evaluator, clause, record, emit)
    finally:
        if node.finally_body is not None:
            evaluator.exec_block(node.finally_body, emit)


def _run_catch(evaluator: Any, clause: ast.CatchClauseAst, record: ErrorRecord,
               emit: Callable[[Any], None]) -> None:
    scope = evaluator.session.current_scope
    saved = scope.local("_")
    saved_value = saved.value if saved is not None else None
    scope.set_local("_", record)
    scope.set_local("PSItem", record)
    try:
        evaluator.exec_block(clause.body, emit)
    finally:
        scope.set_local("_", saved_value)
        scope.set_local("PSItem", saved_value)


# ------------------------------------------------------------------ trap

def traps_of(statements: list) -> list:
    """The trap statements of a statement list (they apply wherever they stand)."""
    return [statement for statement in statements if type(statement) is ast.TrapStatementAst]


def exec_trapped(evaluator: Any, statement: ast.StatementAst, traps: list,
                 emit: Callable[[Any], None]) -> None:
    """Run one statement of a block that has traps: a terminating error (statement- or
    script-terminating, from here or from commands it calls) goes to the trap."""
    session = evaluator.session
    try:
        session.try_depth += 1  # errors must reach us rather than be reported in place
        try:
            evaluator.exec_statement_guarded(statement, emit)
        finally:
            session.try_depth -= 1
    except PSRuntimeError as error:
        _run_trap(evaluator, traps, error, emit)


def _trap_for(traps: list, record: ErrorRecord) -> Any:
    chains = [_type_chain(record)]
    if record.inner_exception_type:
        chains.insert(0, _chain_of(record.inner_exception_type))
    for chain in chains:
        for trap in traps:
            if trap.type_name and _names_match([trap.type_name], chain):
                return trap
    return next((trap for trap in traps if not trap.type_name), None)


def _run_trap(evaluator: Any, traps: list, error: PSRuntimeError, emit: Callable[[Any], None]) -> None:
    """PowerShell's trap: the body runs in its own scope with ``$_`` the error; then
    ``continue`` goes on quietly with the next statement, ``break`` ends the script
    with the error, and neither reports the error and goes on."""
    from exshell.language.scopes import Scope
    trap = _trap_for(traps, error.record)
    if trap is None:
        raise error
    session = evaluator.session
    record = error.record
    session.error_list.insert(0, record)
    saved = session.current_scope
    scope = Scope(parent=saved)
    scope.set_local("_", record)
    scope.set_local("PSItem", record)
    session.current_scope = scope
    outcome = "report"
    try:
        evaluator.exec_block(trap.body, emit)
    except ContinueSignal:
        outcome = "continue"
    except BreakSignal:
        outcome = "break"
    finally:
        session.current_scope = saved
        if record in session.error_list:
            session.error_list.remove(record)
    if outcome == "break":
        error.script_terminating = True  # type: ignore[attr-defined]
        raise error
    if outcome == "continue":
        session.error_list.insert(0, record)
        session.last_status = False
        return
    if record.extent is None:
        record.extent = trap.extent
    session.report_error(record)


def throw_error(evaluator: Any, value: Any, extent: Any) -> PSRuntimeError:
    if value is AUTOMATION_NULL:
        current = evaluator.read_variable("_")
        if isinstance(current, ErrorRecord):
            error = PSRuntimeError(current)
        else:
            error = PSRuntimeError(ErrorRecord(
                message="ScriptHalted", error_id="ScriptHalted", category="OperationStopped",
                reason="RuntimeException", extent=extent))
    elif isinstance(value, ErrorRecord):
        error = PSRuntimeError(value)
    else:
        text = conv.to_string(value, evaluator.ofs) if value is not None else "ScriptHalted"
        exception_type = "System.Management.Automation.RuntimeException"
        if hasattr(value, "ps_type_names") and not isinstance(value, (str,)):
            names = value.ps_type_names()
            if names and names[0].endswith("Exception"):
                exception_type = names[0]
                props = value.ps_properties()
                text = conv.to_string(props.get("Message", text))
        error = PSRuntimeError(ErrorRecord(
            message=text, error_id=text if value is not None else "ScriptHalted",
            category="OperationStopped", target_object=value, target_name=text,
            target_type=conv.short_type_name(value) if value is not None else "",
            reason="RuntimeException", extent=extent, exception_type=exception_type))
    error.script_terminating = True  # type: ignore[attr-defined]
    return error


__all__ = ["run_try", "throw_error", "catch_matches", "message", "traps_of", "exec_trapped"]
