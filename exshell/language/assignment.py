"""Assignment statements and ++/--: where a value goes (variable, property, element).

Contract:
    assign(evaluator, node: AssignmentStatementAst) -> value assigned
    increment(evaluator, node: UnaryExpressionAst) -> value of the expression
        (prefix: the new value; postfix: the old one)
Compound operators (+= -= *= /= %=) reuse operators.arith, so ``$a += 1`` and
``$a = $a + 1`` can never disagree; ``??=`` assigns only when the target is $null.
"""
from __future__ import annotations

from typing import Any

from exshell.errors import ErrorRecord, PSRuntimeError
from exshell.language import ast
from exshell.language import conversions as conv
from exshell.language import members, operators
from exshell.language.values import unwrap


def _invalid_target(node: ast.Ast) -> PSRuntimeError:
    return PSRuntimeError(ErrorRecord(
        message="The assignment expression is not valid. The input to an assignment operator must be "
                "an object that is able to accept assignments, such as a variable or a property.",
        error_id="InvalidLeftHandSide", category="ParserError", reason="ParseException",
        extent=node.extent))


class _Target:
    """One assignable place: read its current value, write a new one."""

    def __init__(self, evaluator: Any, node: ast.ExpressionAst):
        self.evaluator = evaluator
        self.node = node
        self.constraint: Any = None
        if isinstance(node, ast.ConvertExpressionAst):
            self.constraint = conv.resolve_type(node.type_name)
            node = node.operand
            self.node = node
        if isinstance(node, ast.VariableExpressionAst):
            self.kind = "variable"
        elif isinstance(node, ast.MemberExpressionAst):
            self.kind = "member"
            self.owner = evaluator._operand(evaluator.eval(node.target))
            self.name = evaluator._member_name(node.member)
        elif isinstance(node, ast.IndexExpressionAst):
            self.kind = "index"
            self.owner = evaluator._operand(evaluator.eval(node.target))
            self.index = evaluator._operand(evaluator.eval(node.index))
        else:
            raise _invalid_target(node)

    def read(self) -> Any:
        if self.kind == "variable":
            return self.evaluator.read_variable(self.node.name)
        if self.kind == "member":
            return members.get_member(self.owner, self.name)
        return members.get_index(self.owner, self.index)

    def write(self, value: Any) -> Any:
        if self.kind == "variable":
            if self.constraint is not None:
                return self.evaluator.constrain_variable(self.node.name, self.constraint, value)
            self.evaluator.write_variable(self.node.name, value)
            return value
        if self.constraint is not None:
            value = conv.convert_to(value, self.constraint, self.evaluator.ofs)
        if self.kind == "member":
            if isinstance(self.node, ast.MemberExpressionAst) and self.node.static:
                raise _invalid_target(self.node)
            members.set_member(self.owner, self.name, value)
        else:
            members.set_index(self.owner, self.index, value)
        return value


def assign(evaluator: Any, node: ast.AssignmentStatementAst) -> Any:
    op = node.operator
    if isinstance(node.target, ast.ArrayLiteralAst):
        if op != "=":
            raise _invalid_target(node.target)
        value = evaluator.statement_value(node.value)
        return _assign_many(evaluator, node.target.elements, value)
    target = _Target(evaluator, node.target)
    if op == "=":
        value = evaluator.statement_value(node.value)
        return target.write(unwrap(value) if _is_argument_number(value) else value)
    current = target.read()
    if op == "??=":
        if current is not None:
            return current
        return target.write(evaluator.statement_value(node.value))
    value = evaluator.statement_value(node.value)
    return target.write(operators.arith(op[0], current, value, evaluator.ofs))


def _is_argument_number(value: Any) -> bool:
    return type(value).__name__ == "ArgumentNumber"


def _assign_many(evaluator: Any, targets: list, value: Any) -> Any:
    items = list(value) if isinstance(value, list) else [value]
    for position, target_node in enumerate(targets):
        target = _Target(evaluator, target_node)
        if position == len(targets) - 1:
            rest = items[position:]
            target.write(None if not rest else (rest[0] if len(rest) == 1 else rest))
        else:
            target.write(items[position] if position < len(items) else None)
    return value


def increment(evaluator: Any, node: ast.UnaryExpressionAst) -> Any:
    target = _Target(evaluator, node.operand)
    old = target.read()
    delta = 1 if node.operator in ("++", "post++") else -1
    new = operators.arith("+", 0 if old is None else old, delta, evaluator.ofs)
    target.write(new)
    return old if node.operator.startswith("post") else new
