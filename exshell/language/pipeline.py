"""Pipelines: turning command ASTs into processors, streaming objects, redirections,
and running functions and script blocks.

Contract:
    PipelineRunner(evaluator)
    .run(node: PipelineAst, emit)                 run a pipeline; its output goes to emit
    .invoke_block(block, args, input, dollar_under, new_scope) -> list
        run a ScriptBlock (``& $sb``, ``$sb.Invoke()``, Where-Object's filter)
    FunctionProcessor                             the invocation.CommandProcessor of script
                                                  functions, filters and script blocks

Streaming follows exshell/invocation.py: begin() for every processor, the upstream
objects through process(), then end() for every processor in order.  Cmdlet
processors come from exshell.binder.processor.make_processor; functions bind with
the same binder (CommandMetadata.from_function), so both follow one set of rules.
"""
from __future__ import annotations

import os
from typing import Any, Callable, Optional

from exshell.errors import (CommandNotFoundError, ErrorRecord, ExitSignal, PSRuntimeError,
                            ReturnSignal, StopUpstreamSignal, message)
from exshell.invocation import (NO_ARGUMENT, ArgumentElement, CommandInfo, InvocationInfo,
                                ParameterElement)
from exshell.language import ast
from exshell.language import conversions as conv
from exshell.language.script_blocks import run_simple_block
from exshell.language.values import (AUTOMATION_NULL, ArgumentNumber, Hashtable, ScriptBlock,
                                     unwrap)

Emit = Callable[[Any], None]
NO_INPUT = AUTOMATION_NULL


def command_not_found(name: str, extent: Any) -> CommandNotFoundError:
    record = ErrorRecord(
        message=message("CommandNotFoundException", name), error_id="CommandNotFoundException",
        category="ObjectNotFound", target_object=name, target_name=name, target_type="String",
        reason="CommandNotFoundException", extent=extent,
        exception_type="System.Management.Automation.CommandNotFoundException")
    try:
        from exshell.binder import hints
        hints.for_unknown_command(record, name)
    except (ImportError, AttributeError):
        pass
    return CommandNotFoundError(record)


def _is_literal(node: Any) -> bool:
    if isinstance(node, (ast.ConstantExpressionAst, ast.StringConstantAst, ast.ScriptBlockExpressionAst)):
        return True
    if isinstance(node, ast.ArrayLiteralAst):
        return all(_is_literal(element) for element in node.elements)
    return False


class _ExpressionSource:
    """The value of a leading expression, enumerated into the pipeline (a range
    arrives as a Python range and is produced lazily)."""

    def __init__(self, value: Any):
        self.value = value

    def items(self) -> Any:
        value = self.value
        if value is AUTOMATION_NULL or value is _void():
            return []
        if isinstance(value, list):
            return list(value)
        if isinstance(value, range):
            return value
        return [value]


def _void() -> Any:
    from exshell.language.members import _VOID
    return _VOID


class PipelineRunner:
    def __init__(self, evaluator: Any):
        self.evaluator = evaluator
        self.session = evaluator.session

    # ------------------------------------------------------------ elements
    def command_elements(self, nodes: list) -> list:
        evaluator = self.evaluator
        elements: list = []
        for node in nodes:
            if isinstance(node, ast.CommandParameterAst):
                if node.argument is not None:
                    argument = self._argument_value(node.argument)
                    elements.append(ParameterElement(
                        node.name, argument, node.text, node.extent, node.argument.extent,
                        literal=_is_literal(node.argument)))
                else:
                    elements.append(ParameterElement(node.name, NO_ARGUMENT, node.text, node.extent))
            elif isinstance(node, ast.VariableExpressionAst) and node.splatted:
                self._splat(evaluator.read_variable(node.name), node, elements)
            elif isinstance(node, ast.RedirectionAst):
                continue
            else:
                elements.append(ArgumentElement(self._argument_value(node), node.extent,
                                                literal=_is_literal(node)))
        return elements

    def _argument_value(self, node: Any) -> Any:
        if isinstance(node, ast.ConstantExpressionAst):
            return ArgumentNumber(node.value, node.text or conv.to_string(node.value))
        if isinstance(node, ast.ArrayLiteralAst):
            return [self._argument_value(element) for element in node.elements]
        value = self.evaluator.eval(node)
        return None if value is _void() else value

    @staticmethod
    def _splat(value: Any, node: Any, elements: list) -> None:
        value = unwrap(value)
        if isinstance(value, dict):
            for key, item in value.items():
                elements.append(ParameterElement(conv.to_string(key), item, f"-{key}:", node.extent,
                                                 node.extent, splatted=True, literal=False))
        elif isinstance(value, list):
            for item in value:
                elements.append(ArgumentElement(item, node.extent, splatted=True, literal=False))
        elif value is not None:
            elements.append(ArgumentElement(value, node.extent, splatted=True, literal=False))

    # ------------------------------------------------------------ resolving
    def _processor(self, node: ast.CommandAst, position: int, length: int) -> Any:
        head = node.elements[0]
        dot = node.invocation_operator == "."
        if isinstance(head, ast.StringConstantAst) and (node.invocation_operator is None or head.kind == "bare"
                                                        or isinstance(head, ast.StringConstantAst)):
            target: Any = head.value
        else:
            target = unwrap(self.evaluator.eval(head))
        invocation = InvocationInfo(
            command_name=target if isinstance(target, str) else getattr(target, "name", ""),
            extent=node.extent, name_extent=head.extent, pipeline_position=position + 1,
            pipeline_length=length, expecting_input=position > 0)
        elements = self.command_elements(node.elements[1:])
        if isinstance(target, ScriptBlock):
            invocation.command_name = ""
            return FunctionProcessor(self, "", target.ast, elements, invocation, dot_source=dot)
        if isinstance(target, CommandInfo):
            info = target
        elif isinstance(target, str):
            info = self.session.resolve_command(target)
            if info is None:
                script = _script_path(target)
                if script is not None:
                    return self._script_file_processor(script, elements, invocation, dot)
                raise command_not_found(target, head.extent)
        else:
            raise PSRuntimeError(ErrorRecord(
                message=message("ArgumentNotScriptBlock", node.invocation_operator or "&"),
                error_id="BadExpression", category="InvalidOperation", reason="RuntimeException",
                extent=head.extent))
        invocation.command_name = info.name
        if info.kind == "Cmdlet":
            from exshell.binder.processor import make_processor
            return make_processor(info, elements, self.session, invocation)
        return FunctionProcessor(self, info.name, info.implementation, elements, invocation,
                                 dot_source=dot, is_filter=info.kind == "Filter", info=info)

    def _script_file_processor(self, path: str, elements: list, invocation: InvocationInfo,
                               dot: bool) -> "FunctionProcessor":
        from exshell.host.scriptfile import read_script_text
        from exshell.language.parser import parse
        script = parse(read_script_text(path), path)
        return FunctionProcessor(self, os.path.basename(path), script, elements, invocation,
                                 dot_source=dot, is_script=True)

    # -------------------------------------------------------------- running
    def run(self, node: ast.PipelineAst, emit: Emit) -> None:
        redirections = [r for element in node.elements for r in element.redirections]
        if redirections:
            from exshell.language.redirection import run_redirected
            run_redirected(self, node, redirections, emit)
            return
        self.run_plain(node, emit)

    def run_plain(self, node: ast.PipelineAst, emit: Emit) -> None:
        source: Optional[_ExpressionSource] = None
        processors: list = []
        elements = node.elements
        length = len(elements)
        for position, element in enumerate(elements):
            if isinstance(element, ast.CommandExpressionAst):
                source = _ExpressionSource(self._source_value(element.expression, length > 1))
            else:
                processors.append(self._processor(element, position, length))
        if not processors:
            if source is not None:
                for item in source.items():
                    emit(item)
            return
        try:
            self._stream(processors, source, emit)
        except PSRuntimeError as error:
            # -ErrorAction Stop turns a command's non-terminating error into one that ends
            # the script, not just this statement (PowerShell's "script-terminating").
            if any(_stops_on_error(processor) for processor in processors):
                error.script_terminating = True  # type: ignore[attr-defined]
            raise

    def _source_value(self, expression: Any, piped: bool) -> Any:
        """A leading ``a..b`` feeding commands stays a lazy range; anything else is evaluated."""
        if piped and isinstance(expression, ast.BinaryExpressionAst) and expression.operator == "..":
            from exshell.language import operators
            evaluator = self.evaluator
            left = evaluator._operand(evaluator.eval(expression.left))
            right = evaluator._operand(evaluator.eval(expression.right))
            return operators.range_iter(left, right)
        return self.evaluator.eval(expression)

    @staticmethod
    def _stream(processors: list, source: Optional[_ExpressionSource], emit: Emit) -> None:
        try:
            # Output written while begin blocks run waits until every command has begun,
            # as in PowerShell (a downstream command's begin runs before it sees input).
            buffers: list[list] = [[] for _ in processors]
            for processor, buffer in zip(processors, buffers):
                processor.downstream = buffer.append
            for processor in processors:
                processor.begin()
            for upstream, downstream in zip(processors, processors[1:]):
                upstream.downstream = downstream.process
            processors[-1].downstream = emit
            for processor, buffer in reversed(list(zip(processors, buffers))):
                for item in buffer:
                    processor.downstream(item)
            if source is not None:
                process = processors[0].process
                for item in source.items():
                    process(item)
            next_to_end = 0
        except StopUpstreamSignal as signal:
            next_to_end = _stopping_position(processors, signal)
        # End blocks run in order; a stop raised while they run (a later
        # Select-Object -First fed by an earlier end block) skips the commands before it.
        while next_to_end < len(processors):
            try:
                while next_to_end < len(processors):
                    next_to_end += 1
                    processors[next_to_end - 1].end()
            except StopUpstreamSignal as signal:
                next_to_end = max(_stopping_position(processors, signal), next_to_end)

    # -------------------------------------------------------- script blocks
    def invoke_block(self, block: Any, args: list, input: Any, dollar_under: Any,
                     new_scope: bool) -> list:
        from exshell.session import NO_INPUT as SESSION_NO_INPUT
        if not isinstance(block, ScriptBlock):
            raise PSRuntimeError(ErrorRecord(
                message=message("ArgumentNotScriptBlock", "&"), error_id="BadExpression",
                category="InvalidOperation", reason="RuntimeException"))
        has_input = input is not SESSION_NO_INPUT and input is not AUTOMATION_NULL
        body = block.ast
        if (not new_scope and not has_input and not args and body.params is None
                and body.begin is None and body.process is None and not body.attributes):
            return run_simple_block(self.evaluator, body, dollar_under)
        elements = [ArgumentElement(arg, None, literal=False) for arg in args]
        invocation = InvocationInfo(command_name="", expecting_input=has_input)
        produced: list = []
        processor = FunctionProcessor(self, "", block.ast, elements, invocation,
                                      dot_source=not new_scope)
        if dollar_under is not SESSION_NO_INPUT and dollar_under is not AUTOMATION_NULL:
            processor.dollar_under = dollar_under
        elif dollar_under is AUTOMATION_NULL:
            pass
        processor.downstream = produced.append
        processor.begin()
        if has_input:
            for item in (input if isinstance(input, list) else [input]):
                processor.process(item)
        processor.end()
        return produced


def _stopping_position(processors: list, signal: StopUpstreamSignal) -> int:
    """Where the command that asked upstream to stop sits; not here: re-raise it, since it
    belongs to an enclosing pipeline."""
    for index, processor in enumerate(processors):
        if processor is signal.source:
            return index
    raise signal


def _script_path(name: str) -> Optional[str]:
    if not (name.lower().endswith(".ps1") or name.startswith(("./", ".\\", "/"))):
        return None
    candidate = name.replace("\\", os.sep)
    if os.path.isfile(candidate):
        return os.path.abspath(candidate)
    return None


_UNSET = object()
_AUTOMATIC_LOCALS = ("_", "PSItem", "args", "input", "MyInvocation", "PSBoundParameters", "PSCmdlet",
                     "PSScriptRoot", "PSCommandPath")
_PREFERENCE_PARAMETERS = [("ErrorAction", "ErrorActionPreference"),
                          ("WarningAction", "WarningPreference"),
                          ("InformationAction", "InformationPreference")]


class FunctionProcessor:
    """Runs a function, filter, script file or script block at one pipeline position."""

    def __init__(self, runner: PipelineRunner, name: str, body: ast.ScriptBlockAst, elements: list,
                 invocation: InvocationInfo, dot_source: bool = False, is_filter: bool = False,
                 info: Optional[CommandInfo] = None, is_script: bool = False):
        self.runner = runner
        self.evaluator = runner.evaluator
        self.session = runner.session
        self.name = name
        self.body = body
        self.invocation = invocation
        self.dot_source = dot_source
        self.is_filter = is_filter
        self.is_script = is_script
        self.downstream: Emit = lambda _value: None
        self.dollar_under: Any = _UNSET
        self.metadata = self._metadata(info)
        from exshell.binder.binder import bind_arguments
        self.result = bind_arguments(self.metadata, elements, self.session, invocation)
        self.scope: Any = None
        self.saved_automatic: Optional[dict] = None
        self.collected: list = []
        self.processed = False
        self.takes_pipeline = any(p.takes_pipeline for p in self.metadata.parameters.values()
                                  if not p.is_common)

    def _metadata(self, info: Optional[CommandInfo]) -> Any:
        from exshell.binder.metadata import CommandMetadata
        if info is not None and info._metadata is not None:
            return info._metadata
        cache = self.session.metadata_cache
        key = id(self.body)
        cached = cache.get(key)
        if cached is None or cached[0] is not self.body:
            body = self.body
            binding = any(a.type_name.lower() == "cmdletbinding" for a in body.attributes)
            metadata = CommandMetadata.from_function(self.name or "ScriptBlock", body.params or [],
                                                     binding, body.attributes)
            cached = (body, metadata)
            cache[key] = cached
        if info is not None:
            info._metadata = cached[1]
        return cached[1]

    # ------------------------------------------------------------ scope
    def _enter(self) -> Any:
        session = self.session
        saved = session.current_scope
        if self.scope is not None:
            session.current_scope = self.scope
        return saved

    def _make_scope(self) -> None:
        from exshell.language.scopes import Scope
        session = self.session
        if self.dot_source:
            self.scope = session.current_scope
            self.saved_automatic = {name: self.scope.local(name) for name in _AUTOMATIC_LOCALS}
            self.saved_automatic = {name: (variable.value if variable is not None else _UNSET)
                                    for name, variable in self.saved_automatic.items()}
        else:
            self.scope = Scope(parent=session.current_scope, is_script=self.is_script)
        scope = self.scope
        saved = session.current_scope
        session.current_scope = scope
        try:
            self._bind_variables(self.result)
            scope.set_local("args", [_plain(a) for a in self.result.unbound_args])
            if self.dollar_under is not _UNSET:
                scope.set_local("_", self.dollar_under)
                scope.set_local("PSItem", self.dollar_under)
            kind = "ExternalScript" if self.is_script else ("Filter" if self.is_filter else
                                                             "Function" if self.name else "Script")
            script_path = (self.body.extent.source.path or "") if self.is_script else ""
            scope.set_local("MyInvocation", _my_invocation(self.invocation, self.name, kind, script_path))
            self._set_preferences(scope)
            if self.is_script:
                path = self.body.extent.source.path or ""
                scope.set_local("PSScriptRoot", os.path.dirname(path))
                scope.set_local("PSCommandPath", path)
            if getattr(self.metadata, "is_advanced", False):
                from exshell.language.script_cmdlet import ScriptCmdlet
                scope.set_local("PSCmdlet", ScriptCmdlet(self))
        finally:
            session.current_scope = saved

    def _set_preferences(self, scope: Any) -> None:
        """An advanced function's -ErrorAction/-WarningAction/-Verbose/-WhatIf become its
        local preference variables, so the cmdlets it calls obey them (as in PowerShell)."""
        bound = self.result.bound
        for parameter, variable in _PREFERENCE_PARAMETERS:
            if parameter in bound:
                value = bound[parameter]
                scope.set_local(variable, getattr(value, "name", value))
        if "Verbose" in bound:
            scope.set_local("VerbosePreference", "Continue" if bound["Verbose"] else "SilentlyContinue")
        if "WhatIf" in bound:
            scope.set_local("WhatIfPreference", bool(bound["WhatIf"]))

    def _bind_variables(self, result: Any) -> None:
        bind_parameter_variables(self.evaluator, self.metadata, result, self.dot_source)

    def _run_block(self, statements: Optional[list]) -> None:
        if not statements:
            return
        session = self.session
        saved = self._enter()
        session.call_depth += 1
        try:
            from exshell.session import MAX_CALL_DEPTH
            if session.call_depth > MAX_CALL_DEPTH:
                from exshell.language.evaluator import call_depth_record, mark_script_terminating
                raise mark_script_terminating(PSRuntimeError(call_depth_record(self.invocation.extent)))
            self.evaluator.exec_block(statements, self.downstream)
        except ReturnSignal:
            pass
        except ExitSignal as signal:
            if not self.is_script:
                raise
            # `exit N` in a called script ends that script only and sets $LASTEXITCODE
            session.global_scope.set_local("LASTEXITCODE", signal.code)
        finally:
            session.call_depth -= 1
            session.current_scope = saved

    # ------------------------------------------------------------ protocol
    def begin(self) -> None:
        self._make_scope()
        self._run_block(self.body.begin)

    def process(self, input_object: Any) -> None:
        self.processed = True
        scope = self.scope
        scope.set_local("_", input_object)
        scope.set_local("PSItem", input_object)
        if self.takes_pipeline:
            from exshell.binder.binder import bind_pipeline_input
            from exshell.errors import ParameterBindingError
            try:
                per_object = bind_pipeline_input(self.metadata, self.result, input_object)
            except ParameterBindingError as error:
                self.session.report_error(error.record)
                return
            saved = self._enter()
            try:
                self._bind_variables(per_object)
            finally:
                self.session.current_scope = saved
        if self.body.process is not None:
            self._run_block(self.body.process)
        elif self.is_filter and self.body.begin is None and self.body.end is not None:
            self._run_block(self.body.end)
        else:
            self.collected.append(input_object)

    def end(self) -> None:
        try:
            self._end()
        finally:
            self._restore_automatic()

    def _restore_automatic(self) -> None:
        """A dot-sourced block (ForEach-Object's, Where-Object's) leaves the caller's
        $_, $args and friends as they were."""
        if not self.dot_source or self.saved_automatic is None:
            return
        for name, value in self.saved_automatic.items():
            if value is _UNSET:
                self.scope.remove(name)
            else:
                self.scope.set_local(name, value)
        self.saved_automatic = None

    def _end(self) -> None:
        if self.body.process is not None and not self.processed and not self.invocation.expecting_input:
            self._run_block(self.body.process)
        if self.is_filter and self.body.process is None and self.body.begin is None:
            if not self.processed and not self.invocation.expecting_input:
                self._run_block(self.body.end)
            return
        if self.body.end:
            self.scope.set_local("input", list(self.collected))
            if self.body.process is not None or not self.invocation.expecting_input:
                if self.dollar_under is _UNSET:
                    self.scope.set_local("_", None)
                    self.scope.set_local("PSItem", None)
            self._run_block(self.body.end)


def bind_parameter_variables(evaluator: Any, metadata: Any, result: Any, keep_existing: bool) -> None:
    """Bound parameters (and defaults of unbound ones) become variables of the current
    scope, typed as declared; ``keep_existing`` (dot-sourcing) leaves variables that
    already exist untouched when no argument was given."""
    scope = evaluator.session.current_scope
    for name, parameter in metadata.parameters.items():
        if parameter.is_common:
            continue
        if name in result.bound:
            scope.set_local(name, _plain(result.bound[name]), constraint=_constraint(parameter))
        elif scope.local(name) is None or not keep_existing:
            scope.set_local(name, _parameter_default(evaluator, parameter), constraint=_constraint(parameter))
    scope.set_local("PSBoundParameters", Hashtable((k, v) for k, v in result.bound.items()))


def _parameter_default(evaluator: Any, parameter: Any) -> Any:
    if parameter.has_default and parameter.default is not None:
        if isinstance(parameter.default, ast.StatementAst):
            return evaluator.statement_value(parameter.default)
        return evaluator.eval(parameter.default)
    if parameter.is_switch:
        from exshell.language.values import SwitchParameter
        return SwitchParameter(False)
    target = _constraint(parameter)
    if target is None:
        return None
    try:
        return conv.convert_to(None, target)
    except PSRuntimeError:
        return None


def _stops_on_error(processor: Any) -> bool:
    common = getattr(processor, "common", None)
    if common is None:  # a function: its -ErrorAction lives in its result
        result = getattr(processor, "result", None)
        common = result.bound if result is not None else {}
    action = common.get("ErrorAction")
    return action is not None and str(getattr(action, "name", action)).lower() == "stop"


def _plain(value: Any) -> Any:
    """A bound argument as script code sees it: numeric literals lose their source text."""
    value = unwrap(value)
    if isinstance(value, list) and any(isinstance(item, ArgumentNumber) for item in value):
        return type(value)(unwrap(item) for item in value) if type(value) is list else [
            unwrap(item) for item in value]
    return value


def _constraint(parameter: Any) -> Any:
    target = getattr(parameter, "type", None)
    if target is None or target is object:
        return None
    return target


class CommandReference:
    """``$MyInvocation.MyCommand``: shows as the command name, with Name/CommandType
    (and, for a script, Path and Definition: the script's full path)."""

    def __init__(self, name: str, kind: str, path: str = ""):
        self.name = name
        self.kind = kind
        self.path = path

    def ps_properties(self) -> Hashtable:
        properties = [("Name", self.name), ("CommandType", self.kind)]
        if self.kind == "ExternalScript":
            properties += [("Path", self.path), ("Definition", self.path)]
        return Hashtable(properties)

    def ps_type_names(self) -> list[str]:
        return [f"System.Management.Automation.{self.kind}Info", "System.Object"]

    def __str__(self) -> str:
        return self.name


def script_invocation(path: str) -> Any:
    """$MyInvocation of a script file the shell itself runs (``exshell x.ps1``)."""
    return _my_invocation(InvocationInfo(command_name=path), os.path.basename(path), "ExternalScript", path)


def _my_invocation(invocation: InvocationInfo, name: str, kind: str = "Function",
                   script_path: str = "") -> Any:
    from exshell.language.values import PSObject
    line = invocation.extent.text if invocation.extent is not None else ""
    path = (invocation.extent.source.path or "") if invocation.extent is not None else ""
    return PSObject([("MyCommand", CommandReference(name, kind, script_path)),
                     ("InvocationName", invocation.command_name), ("Line", line),
                     ("PipelinePosition", invocation.pipeline_position),
                     ("PipelineLength", invocation.pipeline_length), ("ScriptName", path),
                     ("ScriptLineNumber", invocation.extent.start_line if invocation.extent else 0)],
                    type_names=["System.Management.Automation.InvocationInfo", "System.Object"])
