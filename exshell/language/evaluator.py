"""The tree-walking evaluator: statements and expressions of exshell.language.ast.

Contract:
    Evaluator(session)
    .run_script(ast, sink=None, args=None, is_file=False) -> (outputs, had_error)
    .exec_block(statements, emit)      run statements; every output object goes to emit(obj)
    .eval(expression) -> value         an expression's value
    .read_variable(name, default) / .write_variable(name, value)   scope-qualified names
                                       (exshell/language/variables.py)
    .invoke_script_block(sb, args, input, dollar_under, new_scope) -> list
Pipelines, commands, functions and redirections are in pipeline.py (and redirection.py);
assignment, switch and try/catch each have their own module.

Output: statements write objects to an ``emit`` callback; arrays unroll one level
when written.  ``$?`` is set when a statement ends: False when it reported an error.

Errors: a PSRuntimeError raised while a statement runs ends that statement only
(it is reported and the next statement runs), unless it is script-terminating
(``throw``, -ErrorAction Stop, $ErrorActionPreference = 'Stop') or a ``try``
encloses it; those travel up to the enclosing catch or end the script.
"""
from __future__ import annotations

import os
from typing import Any, Callable, Optional

from exshell.errors import (BreakSignal, ContinueSignal, ErrorRecord, ExitSignal, FlowControl,
                            PSRuntimeError, ReturnSignal, message)
from exshell.language import ast
from exshell.language import conversions as conv
from exshell.language import members, operators
from exshell.language.output_gate import OutputGate
from exshell.language.trycatch import exec_trapped, traps_of
from exshell.language.variables import VariableAccess
from exshell.language.values import (AUTOMATION_NULL, Hashtable, OrderedHashtable, PSObject, PSReference,
                                     ScriptBlock, unwrap)

Emit = Callable[[Any], None]
_VOID = members._VOID


def call_depth_record(extent: Any) -> ErrorRecord:
    return ErrorRecord(message=message("CallDepthOverflow"), error_id="CallDepthOverflow",
                       category="InvalidOperation", reason="ScriptCallDepthException",
                       extent=extent,
                       exception_type="System.Management.Automation.ScriptCallDepthException")


def internal_error_record(failure: Exception, extent: Any) -> ErrorRecord:
    text = str(failure) or type(failure).__name__
    return ErrorRecord(message=text, error_id=type(failure).__name__, category="NotSpecified",
                       reason=type(failure).__name__, extent=extent)


def mark_script_terminating(error: PSRuntimeError) -> PSRuntimeError:
    error.script_terminating = True  # type: ignore[attr-defined]
    return error


def collect(values: list) -> Any:
    """Pipeline output as a value: nothing -> $null, one object -> it, more -> an array."""
    if not values:
        return None
    return values[0] if len(values) == 1 else values


def enumerate_output(value: Any, emit: Emit) -> None:
    """Write a value to the pipeline: arrays unroll one level."""
    if value is _VOID or value is AUTOMATION_NULL:
        return
    if isinstance(value, list):
        for item in value:
            emit(item)
    else:
        emit(value)


class Evaluator(VariableAccess):
    def __init__(self, session: Any):
        self.session = session
        self._pipelines: Any = None

    @property
    def pipelines(self) -> Any:
        """The command runner, created on the first command (plain expressions never need it)."""
        if self._pipelines is None:
            from exshell.language.pipeline import PipelineRunner
            self._pipelines = PipelineRunner(self)
        return self._pipelines

    # ------------------------------------------------------ operator context
    @property
    def ofs(self) -> str:
        value = self.read_variable("OFS", " ")
        return " " if value is None else conv.to_string(value)

    def set_matches(self, table: Hashtable) -> None:
        self.session.current_scope.set_local("Matches", table)

    def to_string(self, value: Any) -> str:
        return conv.to_string(value, self.ofs)

    # ----------------------------------------------------------- top level
    def run_script(self, script: ast.ScriptBlockAst, sink: Optional[Callable[[list], None]] = None,
                   args: Optional[list] = None, is_file: bool = False) -> tuple[list, bool]:
        session = self.session
        outputs: list = []
        had_error = False
        # A script file given to the shell (or the profile) runs in the global scope,
        # as pwsh dot-sources its profile; its variables outlive the run.
        scope = session.current_scope
        session.terminated = False
        if is_file:
            scope.set_local("PSScriptRoot", os.path.dirname(script.extent.source.path or ""))
            scope.set_local("PSCommandPath", script.extent.source.path or "")
            if script.extent.source.path:
                from exshell.language.pipeline import script_invocation
                scope.set_local("MyInvocation", script_invocation(script.extent.source.path))
        saved = session.current_scope
        session.current_scope = scope
        gate = OutputGate(session, sink) if sink is not None else None
        try:
            if script.params is not None:
                from exshell.language.script_blocks import bind_script_arguments
                bind_script_arguments(self, script, list(args or []))
            elif args is not None:
                scope.set_local("args", list(args))
            statements = _script_statements(script)
            traps = traps_of(statements)
            for statement in statements:
                produced: list = []
                try:
                    if traps:  # straight to the gate: a trap's output precedes the error it reports
                        exec_trapped(self, statement, traps,
                                     gate.pending.append if gate is not None else produced.append)
                    else:
                        self.exec_statement_guarded(statement, produced.append)
                finally:
                    if gate is not None:
                        gate.pending.extend(produced)
                    else:
                        outputs.extend(produced)
            had_error = not session.last_status
        except ExitSignal as signal:
            session.exit_code = signal.code
            had_error = signal.code != 0
        except PSRuntimeError as error:
            session.report_error(error.record)
            session.terminated = True
            had_error = True
        except RecursionError:
            session.report_error(call_depth_record(None))
            session.terminated = True
            had_error = True
        except FlowControl:
            # break/continue/return outside any loop or function end the script quietly
            had_error = not session.last_status
        except Exception as failure:  # never a traceback for the user
            session.report_error(internal_error_record(failure, None))
            session.terminated = True
            had_error = True
        finally:
            session.current_scope = saved
            if gate is not None:
                gate.close()
        return outputs, had_error

    # ----------------------------------------------------------- statements
    def exec_block(self, statements: Optional[list], emit: Emit) -> None:
        if not statements:
            return
        traps = traps_of(statements)
        for statement in statements:
            if traps:
                exec_trapped(self, statement, traps, emit)
            else:
                self.exec_statement_guarded(statement, emit)

    def exec_statement_guarded(self, statement: ast.StatementAst, emit: Emit) -> None:
        """Run one statement; a statement-terminating error is reported and we go on."""
        session = self.session
        errors_before = session.error_count
        try:
            self.exec_statement(statement, emit)
            # $? tells whether the statement wrote any error
            session.last_status = session.error_count == errors_before
        except PSRuntimeError as error:
            self._statement_failed(error, statement)
        except RecursionError:
            overflow = mark_script_terminating(PSRuntimeError(call_depth_record(statement.extent)))
            self._statement_failed(overflow, statement)
        except (FlowControl, KeyboardInterrupt):
            raise
        except Exception as failure:  # an engine bug must reach the user as an error, not a traceback
            self._statement_failed(PSRuntimeError(internal_error_record(failure, statement.extent)),
                                   statement)

    def _statement_failed(self, error: PSRuntimeError, statement: ast.StatementAst) -> None:
        session = self.session
        if getattr(error, "script_terminating", False) or session.try_depth > 0:
            raise error
        preference = self._error_preference()
        if preference == "stop":
            raise mark_script_terminating(error)
        if error.record.extent is None:
            error.record.extent = statement.extent
        # $ErrorActionPreference governs statement-terminating errors too (only quieter)
        session.report_error(error.record, show=preference not in ("silentlycontinue", "ignore"))

    def _error_preference(self) -> str:
        value = self.read_variable("ErrorActionPreference")
        return conv.to_string(getattr(value, "name", value)).lower()

    def exec_statement(self, statement: ast.StatementAst, emit: Emit) -> None:
        handler = _STATEMENTS.get(type(statement))
        if handler is None:
            raise operators.runtime_error("OperatorNotSupported", type(statement).__name__, "", "")
        handler(self, statement, emit)

    def _pipeline(self, node: ast.PipelineAst, emit: Emit) -> None:
        elements = node.elements
        if len(elements) == 1 and isinstance(elements[0], ast.CommandExpressionAst) and \
                not elements[0].redirections:
            expression = elements[0].expression
            if isinstance(expression, ast.UnaryExpressionAst) and expression.operator in (
                    "++", "--", "post++", "post--"):
                self.eval(expression)
                return
            enumerate_output(self.eval(expression), emit)
            return
        self.pipelines.run(node, emit)

    def statement_value(self, statement: ast.StatementAst) -> Any:
        """The value a statement gives on the right of '=' (no unrolling of a lone expression)."""
        if isinstance(statement, ast.PipelineAst) and len(statement.elements) == 1:
            element = statement.elements[0]
            if isinstance(element, ast.CommandExpressionAst) and not element.redirections:
                value = self.eval(element.expression)
                return None if value is _VOID else value
        if isinstance(statement, ast.AssignmentStatementAst):
            return self._assign(statement)
        produced: list = []
        self.exec_statement(statement, produced.append)
        return collect(produced)

    def _assignment(self, node: ast.AssignmentStatementAst, emit: Emit) -> None:
        self._assign(node)

    def _assign(self, node: ast.AssignmentStatementAst) -> Any:
        from exshell.language.assignment import assign
        return assign(self, node)

    def _if(self, node: ast.IfStatementAst, emit: Emit) -> None:
        for condition, body in node.clauses:
            if conv.to_bool(self.statement_value(condition)):
                self.exec_block(body, emit)
                return
        if node.else_body is not None:
            self.exec_block(node.else_body, emit)

    def _loop_body(self, body: list, emit: Emit, label: Optional[str]) -> bool:
        """Run a loop body; False when the loop must stop (break)."""
        try:
            self.exec_block(body, emit)
        except BreakSignal as signal:
            if _label_matches(signal.label, label):
                return False
            raise
        except ContinueSignal as signal:
            if _label_matches(signal.label, label):
                return True
            raise
        return True

    def _foreach(self, node: ast.ForEachStatementAst, emit: Emit) -> None:
        value = self.statement_value(node.iterable)
        items = _iterate(value)
        name = node.variable.name
        for item in items:
            self.write_variable(name, item)
            if not self._loop_body(node.body, emit, node.label):
                break

    def _for(self, node: ast.ForStatementAst, emit: Emit) -> None:
        if node.initializer is not None:
            self._discard(node.initializer)
        while node.condition is None or conv.to_bool(self.statement_value(node.condition)):
            if not self._loop_body(node.body, emit, node.label):
                break
            if node.iterator is not None:
                self._discard(node.iterator)

    def _discard(self, statement: ast.StatementAst) -> None:
        self.exec_statement(statement, lambda _value: None)

    def _while(self, node: ast.WhileStatementAst, emit: Emit) -> None:
        while conv.to_bool(self.statement_value(node.condition)):
            if not self._loop_body(node.body, emit, node.label):
                break

    def _do(self, node: ast.DoStatementAst, emit: Emit) -> None:
        while True:
            if not self._loop_body(node.body, emit, node.label):
                break
            result = conv.to_bool(self.statement_value(node.condition))
            if result == node.until:
                break

    def _switch(self, node: ast.SwitchStatementAst, emit: Emit) -> None:
        from exshell.language.switch import run_switch
        run_switch(self, node, emit)

    def _function(self, node: ast.FunctionDefinitionAst, emit: Emit) -> None:
        from exshell.invocation import CommandInfo
        kind = "Filter" if node.is_filter else "Function"
        scope_name, name = self._split_name(node.name)  # function global:f / script:f
        scope = self._scope_for(scope_name if scope_name in ("global", "script") else None)
        info = CommandInfo(name=name, kind=kind, implementation=node.body,
                           closure=scope, definition=_block_text(node.body))
        scope.functions[name.lower()] = info

    def _try(self, node: ast.TryStatementAst, emit: Emit) -> None:
        from exshell.language.trycatch import run_try
        run_try(self, node, emit)

    def _throw(self, node: ast.ThrowStatementAst, emit: Emit) -> None:
        from exshell.language.trycatch import throw_error
        value = self.statement_value(node.pipeline) if node.pipeline is not None else AUTOMATION_NULL
        raise throw_error(self, value, node.extent)

    def _return(self, node: ast.ReturnStatementAst, emit: Emit) -> None:
        if node.pipeline is not None:
            self.exec_statement(node.pipeline, emit)
        raise ReturnSignal()

    def _exit(self, node: ast.ExitStatementAst, emit: Emit) -> None:
        code = 0
        if node.pipeline is not None:
            value = self.statement_value(node.pipeline)
            try:
                code = conv.convert_to(value, int) if value is not None else 0
            except PSRuntimeError:
                code = 0
        raise ExitSignal(code)

    def _break(self, node: ast.BreakStatementAst, emit: Emit) -> None:
        raise BreakSignal(node.label)

    def _continue(self, node: ast.ContinueStatementAst, emit: Emit) -> None:
        raise ContinueSignal(node.label)

    # ---------------------------------------------------------- expressions
    def eval(self, node: ast.ExpressionAst) -> Any:
        handler = _EXPRESSIONS.get(type(node))
        if handler is None:
            raise operators.runtime_error("OperatorNotSupported", type(node).__name__, "", "")
        try:
            return handler(self, node)
        except PSRuntimeError as error:
            # the innermost expression that failed is what the error display underlines
            if error.record.extent is None:
                error.record.extent = node.extent
            raise

    def _constant(self, node: ast.ConstantExpressionAst) -> Any:
        return node.value

    def _string(self, node: ast.StringConstantAst) -> Any:
        return node.value

    def _expandable(self, node: ast.ExpandableStringAst) -> str:
        parts = []
        for part in node.parts:
            if isinstance(part, str):
                parts.append(part)
            else:
                value = self.eval(part)
                parts.append("" if value is _VOID else self.to_string(value))
        return "".join(parts)

    def _variable(self, node: ast.VariableExpressionAst) -> Any:
        return self.read_variable(node.name)

    def _type(self, node: ast.TypeExpressionAst) -> Any:
        return members.TypeInfo(conv.resolve_type(node.type_name))

    def _convert(self, node: ast.ConvertExpressionAst) -> Any:
        lowered = node.type_name.strip().lower()
        if lowered == "void":
            self.eval(node.operand)
            return _VOID
        if lowered in ("ordered", "pscustomobject") and isinstance(node.operand, ast.HashtableAst):
            table = self._hashtable(node.operand, ordered=True)
            return table if lowered == "ordered" else PSObject(table.items())
        target = conv.resolve_type(node.type_name)
        if target is PSReference and isinstance(node.operand, ast.VariableExpressionAst):
            return PSReference(variable=self.variable_for_reference(node.operand.name))
        value = self.eval(node.operand)
        try:
            return conv.convert_to(None if value is _VOID else value, target, self.ofs)
        except conv.PSInvalidCastError as failure:
            raise _cast_expression_failure(failure, value, target) from None

    def _binary(self, node: ast.BinaryExpressionAst) -> Any:
        # Walk the left spine iteratively: long chains (1+1+1+...) must not exhaust
        # the Python stack, since the parser builds them left-deep.
        spine = [node]
        while isinstance(spine[-1].left, ast.BinaryExpressionAst):
            spine.append(spine[-1].left)
        value = self.eval(spine[-1].left)
        for current in reversed(spine):
            value = self._apply_binary(current, value)
        return value

    def _apply_binary(self, node: ast.BinaryExpressionAst, left_value: Any) -> Any:
        op = node.operator
        if op in ("and", "or"):
            left = conv.to_bool(left_value)
            if op == "and" and not left:
                return False
            if op == "or" and left:
                return True
            return conv.to_bool(self.eval(node.right))
        left = self._operand(left_value)
        right = self._operand(self.eval(node.right))
        if op in ("is", "isnot", "as"):
            right = members.ensure_type_info(right)
        return operators.binary(op, left, right, self)

    @staticmethod
    def _operand(value: Any) -> Any:
        return None if value is _VOID else value

    def _unary(self, node: ast.UnaryExpressionAst) -> Any:
        op = node.operator
        if op in ("++", "--", "post++", "post--"):
            from exshell.language.assignment import increment
            return increment(self, node)
        return operators.unary(op, self._operand(self.eval(node.operand)), self)

    def _array_literal(self, node: ast.ArrayLiteralAst) -> list:
        return [self._operand(self.eval(element)) for element in node.elements]

    def _array_expression(self, node: ast.ArrayExpressionAst) -> list:
        produced: list = []
        self.exec_block(node.statements, produced.append)
        return produced

    def _subexpression(self, node: ast.SubExpressionAst) -> Any:
        produced: list = []
        self.exec_block(node.statements, produced.append)
        return collect(produced)

    def _paren(self, node: ast.ParenExpressionAst) -> Any:
        return self.statement_value(node.pipeline)

    def _hashtable(self, node: ast.HashtableAst, ordered: bool = False) -> Hashtable:
        table = OrderedHashtable() if ordered else Hashtable()
        for key_node, value_node in node.pairs:
            key = self._operand(self.eval(key_node))
            table[unwrap(key)] = self.statement_value(value_node)
        return table

    def _scriptblock(self, node: ast.ScriptBlockExpressionAst) -> ScriptBlock:
        return ScriptBlock(node.script_block, self.session.current_scope, self.session,
                           _block_text(node.script_block, node.extent))

    def _member_name(self, member: Any) -> str:
        if isinstance(member, str):
            return member
        return self.to_string(self.eval(member))

    def _member(self, node: ast.MemberExpressionAst) -> Any:
        target = self._operand(self.eval(node.target))
        name = self._member_name(node.member)
        if node.static or (isinstance(target, members.TypeInfo) and node.static):
            from exshell.language import statics
            return statics.get_static(members.ensure_type_info(target), name)
        return members.get_member(target, name)

    def _invoke_member(self, node: ast.InvokeMemberExpressionAst) -> Any:
        target = self._operand(self.eval(node.target))
        name = self._member_name(node.member)
        args = [self._operand(self.eval(arg)) for arg in node.arguments]
        if node.static:
            from exshell.language import statics
            return statics.invoke_static(members.ensure_type_info(target), name, args, self)
        lowered = name.lower()
        if lowered in ("where", "foreach") and args and isinstance(args[0], ScriptBlock):
            from exshell.language.script_blocks import where_or_foreach
            return where_or_foreach(self, _iterate(target), lowered, args[0])
        return members.invoke_method(target, name, args, self)

    def _index(self, node: ast.IndexExpressionAst) -> Any:
        target = self._operand(self.eval(node.target))
        index = self._operand(self.eval(node.index))
        return members.get_index(target, index)

    def _error_expression(self, node: ast.ErrorExpressionAst) -> Any:
        raise operators.runtime_error("OperatorNotSupported", "", node.text, "")

    # --------------------------------------------------------- script blocks
    def invoke_script_block(self, block: Any, args: list, input: Any, dollar_under: Any,
                            new_scope: bool) -> list:
        return self.pipelines.invoke_block(block, args, input, dollar_under, new_scope)


_INTEGER_TARGETS = frozenset({"System.Int32", "System.Int64", "System.Int16", "System.Byte",
                              "System.SByte", "System.UInt16", "System.UInt32", "System.UInt64"})


def _cast_expression_failure(failure: Any, value: Any, target: Any) -> Any:
    """A failed ``[T]value`` is a RuntimeException wrapping the cast failure, named as
    PowerShell names it (InvalidCastFromStringToInteger for ``[int]'x'``)."""
    record = failure.record
    record.reason = "RuntimeException"
    record.exception_type = "System.Management.Automation.RuntimeException"
    record.inner_exception_type = "System.Management.Automation.PSInvalidCastException"
    if isinstance(value, str) and conv.dotnet_name(target) in _INTEGER_TARGETS:
        record.error_id = "InvalidCastFromStringToInteger"
    return failure


def _label_matches(signal_label: Optional[str], loop_label: Optional[str]) -> bool:
    if signal_label is None:
        return True
    return loop_label is not None and signal_label.lower() == loop_label.lower()


def _iterate(value: Any) -> list:
    """What foreach and .ForEach() walk: arrays element-wise, $null never, scalars once."""
    value = unwrap(value)
    if value is None or value is _VOID or value is AUTOMATION_NULL:
        return []
    if isinstance(value, list):
        return list(value)
    return [value]


def _block_text(block: ast.ScriptBlockAst, extent: Any = None) -> str:
    text = (extent or block.extent).text
    if text.startswith("{") and text.endswith("}"):
        return text[1:-1]
    return text


def _script_statements(script: ast.ScriptBlockAst) -> list:
    """A script's statements; named blocks of a script run begin, process, end in order."""
    statements: list = []
    for block in (script.begin, script.process, script.end):
        if block:
            statements.extend(block)
    return statements


_STATEMENTS: dict[type, Callable[..., None]] = {
    ast.PipelineAst: Evaluator._pipeline,
    ast.AssignmentStatementAst: Evaluator._assignment,
    ast.IfStatementAst: Evaluator._if,
    ast.ForEachStatementAst: Evaluator._foreach,
    ast.ForStatementAst: Evaluator._for,
    ast.WhileStatementAst: Evaluator._while,
    ast.DoStatementAst: Evaluator._do,
    ast.SwitchStatementAst: Evaluator._switch,
    ast.FunctionDefinitionAst: Evaluator._function,
    ast.TryStatementAst: Evaluator._try,
    ast.TrapStatementAst: lambda _evaluator, _node, _emit: None,  # acts through exec_block
    ast.ThrowStatementAst: Evaluator._throw,
    ast.ReturnStatementAst: Evaluator._return,
    ast.ExitStatementAst: Evaluator._exit,
    ast.BreakStatementAst: Evaluator._break,
    ast.ContinueStatementAst: Evaluator._continue,
}

_EXPRESSIONS: dict[type, Callable[..., Any]] = {
    ast.ConstantExpressionAst: Evaluator._constant,
    ast.StringConstantAst: Evaluator._string,
    ast.ExpandableStringAst: Evaluator._expandable,
    ast.VariableExpressionAst: Evaluator._variable,
    ast.TypeExpressionAst: Evaluator._type,
    ast.ConvertExpressionAst: Evaluator._convert,
    ast.BinaryExpressionAst: Evaluator._binary,
    ast.UnaryExpressionAst: Evaluator._unary,
    ast.ArrayLiteralAst: Evaluator._array_literal,
    ast.ArrayExpressionAst: Evaluator._array_expression,
    ast.SubExpressionAst: Evaluator._subexpression,
    ast.ParenExpressionAst: Evaluator._paren,
    ast.HashtableAst: Evaluator._hashtable,
    ast.ScriptBlockExpressionAst: Evaluator._scriptblock,
    ast.MemberExpressionAst: Evaluator._member,
    ast.InvokeMemberExpressionAst: Evaluator._invoke_member,
    ast.IndexExpressionAst: Evaluator._index,
    ast.ErrorExpressionAst: Evaluator._error_expression,
}
