"""Side-effect-free view of a script's commands, for ``--check`` and tab completion.

Contract:
    command_elements(command: ast.CommandAst) -> list[CommandElement] | None
        The binder's input for one command, built from the syntax tree without
        evaluating anything: literal constants, strings, barewords, $true,
        $false, $null, arrays and hashtables of literals become values
        (numbers as ``ArgumentNumber`` so their text survives); anything else
        (variables, expressions, expandable strings, script blocks) becomes an
        element with ``literal=False``, which the binder counts as bound
        without converting.  None when the arguments cannot be known at all
        (``@splat`` of a variable: its keys are parameter names).
    bind_command(command, metadata, pipeline_position=1, pipeline_length=1)
        -> BindResult | None
        Binds one command in the binder's check mode (no prompting, no
        conversion of non-literal values): raises the binder's
        ParameterBindingError exactly as a run would; None when the arguments
        are unknowable (see above).  --check and completion share it.
    literal_value(expression) -> (value, is_literal)
    walk(node) -> iterator over every AST node below and including ``node``
    defined_function_names(script) -> set of lower-cased function names

The argument values produced here are exactly what the evaluator would pass for
the same literals, so a binding check here and a real run agree.
"""
from __future__ import annotations

from dataclasses import fields
from typing import Any, Iterator, Optional

from exshell.invocation import (
    NO_ARGUMENT, ArgumentElement, CommandElement, InvocationInfo, ParameterElement,
)
from exshell.language import ast
from exshell.language.values import ArgumentNumber, Hashtable, OrderedHashtable

_CONSTANT_VARIABLES = {"true": True, "false": False, "null": None}


class _Unknown:
    """Placeholder for a value --check does not compute (shown only in debugging)."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return f"<not evaluated: {self.text}>"

    def __str__(self) -> str:
        return self.text


def literal_value(expression: Any, top_level: bool = True) -> tuple[Any, bool]:
    """The value of a literal expression and True, or a placeholder and False."""
    kind = type(expression)
    if kind is ast.StringConstantAst:
        return expression.value, True
    if kind is ast.ConstantExpressionAst:
        if top_level:
            text = expression.text or _display_text(expression.value)
            return ArgumentNumber(expression.value, text), True
        return expression.value, True
    if kind is ast.VariableExpressionAst and not expression.splatted:
        name = expression.name.lower()
        if name in _CONSTANT_VARIABLES:
            return _CONSTANT_VARIABLES[name], True
    elif kind is ast.ArrayLiteralAst:
        # A comma list written as an argument keeps each number's text, as a run does.
        return _list_of(expression.elements, top_level)
    elif kind is ast.ArrayExpressionAst:
        # @('a','b') holds statements; literal only when each is a literal expression.
        values: list[Any] = []
        for statement in expression.statements:
            inner = _statement_expression(statement)
            if inner is None:
                return _unknown(expression), False
            value, is_literal = literal_value(inner, top_level=False)
            if not is_literal:
                return _unknown(expression), False
            if isinstance(value, list):
                values.extend(value)
            else:
                values.append(value)
        return values, True
    elif kind is ast.HashtableAst:
        return _hashtable_of(expression, Hashtable)
    elif kind is ast.ConvertExpressionAst and expression.type_name.lower() == "ordered" \
            and type(expression.operand) is ast.HashtableAst:
        return _hashtable_of(expression.operand, OrderedHashtable)
    elif kind is ast.ParenExpressionAst:
        inner = _statement_expression(expression.pipeline)
        if inner is not None:
            value, is_literal = literal_value(inner, top_level=False)
            if is_literal:
                return value, True
    return _unknown(expression), False


def _display_text(value: Any) -> str:
    from exshell.language.conversions import to_string

    return to_string(value)


def _list_of(elements: list[Any], numbers_keep_text: bool = False) -> tuple[Any, bool]:
    values = []
    for element in elements:
        value, is_literal = literal_value(element, top_level=numbers_keep_text
                                          and type(element) is ast.ConstantExpressionAst)
        if not is_literal:
            return _unknown(element), False
        values.append(value)
    return values, True


def _hashtable_of(table: ast.HashtableAst, factory: type) -> tuple[Any, bool]:
    result = factory()
    for key_ast, value_statement in table.pairs:
        key, key_literal = literal_value(key_ast, top_level=False)
        inner = _statement_expression(value_statement)
        if not key_literal or inner is None:
            return _unknown(table), False
        value, value_literal = literal_value(inner, top_level=False)
        if not value_literal:
            return _unknown(table), False
        result[key] = value
    return result, True


def _statement_expression(statement: Any) -> Optional[Any]:
    """The expression of a statement that is just one expression (``'a'`` in ``@{k='a'}``)."""
    if type(statement) is ast.PipelineAst and len(statement.elements) == 1:
        element = statement.elements[0]
        if type(element) is ast.CommandExpressionAst and not element.redirections:
            return element.expression
        return None
    if isinstance(statement, ast.ExpressionAst):
        return statement
    return None


def _unknown(expression: Any) -> _Unknown:
    return _Unknown(expression.extent.text if getattr(expression, "extent", None) else "")


def command_elements(command: ast.CommandAst) -> Optional[list[CommandElement]]:
    """The elements after the command name, as the binder receives them."""
    elements: list[CommandElement] = []
    for node in command.elements[1:]:
        if isinstance(node, ast.RedirectionAst):
            continue
        if type(node) is ast.CommandParameterAst:
            if node.argument is None:
                elements.append(ParameterElement(node.name, NO_ARGUMENT, node.text, node.extent))
            else:
                value, is_literal = literal_value(node.argument)
                elements.append(ParameterElement(
                    node.name, value, node.text, node.extent,
                    argument_extent=node.argument.extent, literal=is_literal))
            continue
        if type(node) is ast.VariableExpressionAst and node.splatted:
            return None
        value, is_literal = literal_value(node)
        elements.append(ArgumentElement(value, node.extent, literal=is_literal))
    return elements


def bind_command(command: ast.CommandAst, metadata: Any, pipeline_position: int = 1,
                 pipeline_length: int = 1) -> Any:
    """The binder's check-mode result for ``command``; see the module docstring."""
    elements = command_elements(command)
    if elements is None:
        return None
    head = command.elements[0]
    name = head.value if type(head) is ast.StringConstantAst else metadata.name
    invocation = InvocationInfo(
        command_name=name, extent=command.extent, name_extent=head.extent,
        pipeline_position=pipeline_position, pipeline_length=pipeline_length,
        expecting_input=pipeline_position > 1)
    from exshell.binder.binder import bind_arguments

    return bind_arguments(metadata, elements, None, invocation, check_mode=True)


def walk(node: Any) -> Iterator[Any]:
    """Every AST node reachable from ``node`` (pre-order), lists and tuples included."""
    stack = [node]
    pop, push, extend = stack.pop, stack.append, stack.extend
    child_fields = _CHILD_FIELDS
    while stack:
        current = pop()
        if isinstance(current, ast.Ast):
            yield current
            names = child_fields.get(type(current))
            if names is None:
                names = _child_fields_of(type(current))
            for name in reversed(names):
                value = getattr(current, name)
                if value is not None:
                    push(value)
        elif isinstance(current, (list, tuple)):
            extend(reversed(current))
        elif isinstance(current, dict):
            for key, value in reversed(list(current.items())):
                push(value)
                push(key)


# Fields whose declared type can never hold a node are not visited.
_SCALAR_ANNOTATIONS = {"str", "bool", "int", "Any", "Optional[str]", "set[str]", "Extent",
                       "Optional[Extent]"}
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def _child_fields_of(node_type: type) -> tuple[str, ...]:
    names = tuple(f.name for f in fields(node_type)
                  if f.name != "extent" and str(f.type) not in _SCALAR_ANNOTATIONS)
    _CHILD_FIELDS[node_type] = names
    return names


def defined_function_names(script: Any) -> set[str]:
    """Names (lower case) of every function or filter defined anywhere in ``script``."""
    return {node.name.lower() for node in walk(script) if type(node) is ast.FunctionDefinitionAst}
