"""Running script code outside the command-processor protocol.

Contract:
    run_simple_block(evaluator, body, dollar_under) -> list
        the common case of ForEach-Object / Where-Object / .Where() / switch conditions:
        a block without param() or named blocks, run in the caller's scope with only
        ``$_`` (``$PSItem``) set and ``$args``/``$input`` empty; the caller's values of
        those four are put back afterwards.  Same effect as the general path (a
        pipeline.FunctionProcessor) without binding or a new scope, so a pipeline of
        100,000 objects costs a fraction of the time.
    where_or_foreach(evaluator, items, name, block) -> list
        the ``.Where({ })`` / ``.ForEach({ })`` methods of collections
    bind_script_arguments(evaluator, script, args)
        a script file's param() block takes the command-line arguments (``-Name value``
        or positional), bound by the binder as a function's are.
"""
from __future__ import annotations

import os
from typing import Any, Optional

from exshell.errors import PSRuntimeError, ReturnSignal
from exshell.language import ast
from exshell.language.scopes import Variable
from exshell.language.values import AUTOMATION_NULL, unwrap

_SESSION_FACTS: Optional[tuple] = None  # (MAX_CALL_DEPTH, NO_INPUT), read once: session imports us

# (key in Scope.variables, name) of the automatic variables a simple block sets
_SIMPLE_BLOCK_LOCALS = (("_", "_"), ("psitem", "PSItem"), ("args", "args"), ("input", "input"))


def _load_session_facts() -> tuple:
    global _SESSION_FACTS
    from exshell.session import MAX_CALL_DEPTH, NO_INPUT as SESSION_NO_INPUT
    _SESSION_FACTS = (MAX_CALL_DEPTH, SESSION_NO_INPUT)
    return _SESSION_FACTS


def run_simple_block(evaluator: Any, body: ast.ScriptBlockAst, dollar_under: Any) -> list:
    session = evaluator.session
    max_depth, no_input = _SESSION_FACTS or _load_session_facts()
    variables = session.current_scope.variables
    current = None if dollar_under is no_input or dollar_under is AUTOMATION_NULL else dollar_under
    # this runs once per pipeline object: plain loops over the four names, no helpers
    saved = [variables.get(key) for key, _ in _SIMPLE_BLOCK_LOCALS]
    old_values = [variable.value if variable is not None else None for variable in saved]
    for (key, name), variable, value in zip(_SIMPLE_BLOCK_LOCALS, saved, (current, current, [], [])):
        if variable is None:
            variables[key] = Variable(name, value)
        else:
            variable.value = value
    produced: list = []
    session.call_depth += 1
    try:
        if session.call_depth > max_depth:
            from exshell.language.evaluator import call_depth_record, mark_script_terminating
            raise mark_script_terminating(PSRuntimeError(call_depth_record(body.extent)))
        evaluator.exec_block(body.end, produced.append)
    except ReturnSignal:
        pass
    finally:
        session.call_depth -= 1
        for (key, _name), variable, value in zip(_SIMPLE_BLOCK_LOCALS, saved, old_values):
            if variable is None:
                variables.pop(key, None)
            else:
                variable.value = value
                variables[key] = variable
    return produced


def where_or_foreach(evaluator: Any, items: list, name: str, block: Any) -> list:
    from exshell.language import conversions as conv
    from exshell.language.evaluator import collect
    results: list = []
    for item in items:
        produced = evaluator.invoke_script_block(block, [], AUTOMATION_NULL, item, False)
        if name == "where":
            if conv.to_bool(collect(produced)):
                results.append(item)
        else:
            results.extend(produced)
    return results


def bind_script_arguments(evaluator: Any, script: ast.ScriptBlockAst, args: list) -> None:
    from exshell.binder.binder import bind_arguments
    from exshell.binder.metadata import CommandMetadata
    from exshell.invocation import NO_ARGUMENT, ArgumentElement, InvocationInfo, ParameterElement
    from exshell.language import conversions as conv
    from exshell.language.pipeline import bind_parameter_variables
    elements: list = []
    for arg in args:
        text = conv.to_string(arg)
        if text.startswith("-") and len(text) > 1 and (text[1].isalpha() or text[1] == "_"):
            name, colon, value = text[1:].partition(":")
            elements.append(ParameterElement(name, value if colon else NO_ARGUMENT, text))
        else:
            elements.append(ArgumentElement(arg))
    path = script.extent.source.path or ""
    binding = any(a.type_name.lower() == "cmdletbinding" for a in script.attributes)
    metadata = CommandMetadata.from_function(os.path.basename(path) or "script", script.params,
                                             binding, script.attributes)
    invocation = InvocationInfo(command_name=os.path.basename(path))
    session = evaluator.session
    result = bind_arguments(metadata, elements, session, invocation)
    bind_parameter_variables(evaluator, metadata, result, keep_existing=False)
    session.current_scope.set_local("args", [unwrap(a) for a in result.unbound_args])
