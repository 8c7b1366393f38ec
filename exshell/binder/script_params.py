"""Parameters of script functions: from ``param()`` ASTs to ``ParameterMetadata``.

Reads the attributes PowerShell scripts use on parameters - ``[Parameter(...)]``,
``[Alias()]``, ``[ValidateSet()]``, ``[ValidateRange()]``, ``[ValidateNotNull()]``,
``[ValidateNotNullOrEmpty()]``, ``[AllowNull()]``, ``[AllowEmptyString()]`` - and
``[CmdletBinding(...)]`` on the block.  Attribute arguments must be constants
(as in PowerShell, where they are compile-time values).

Positions: script positions are 0-based in source; they are stored 1-based
like cmdlet declarations so every consumer compares them the same way.  When
no parameter declares a Position, parameters get positions in declaration
order (PowerShell's PositionalBinding default, which
``[CmdletBinding(PositionalBinding=$false)]`` turns off), switches excepted.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from exshell import errors
from exshell.cmdlets.base import ALL_SETS, ConversionError, ParamSet
from exshell.language import ast
from exshell.language.values import SwitchParameter

_SWITCH_NAMES = {"switch", "switchparameter", "system.management.automation.switchparameter"}
_NOT_CONSTANT = object()


@dataclass
class BuiltParameters:
    parameters: dict
    is_advanced: bool
    supports_should_process: bool
    default_set: Optional[str]
    confirm_impact: str


def build_function_parameters(params: list, block_attributes: list,
                              cmdlet_binding: bool) -> BuiltParameters:
    from exshell.binder.metadata import ParameterMetadata

    binding_attribute = _find(block_attributes, "cmdletbinding")
    is_advanced = cmdlet_binding or binding_attribute is not None or any(
        _find(p.attributes, "parameter") is not None for p in params
    )
    supports_should_process = False
    default_set: Optional[str] = None
    confirm_impact = "Medium"
    positional_binding = True
    if binding_attribute is not None:
        named = _named_constants(binding_attribute)
        positional_binding = named.get("positionalbinding", True) is not False
        supports_should_process = bool(named.get("supportsshouldprocess", False))
        default_set = named.get("defaultparametersetname")
        confirm_impact = str(named.get("confirmimpact", "Medium"))

    any_position = False
    parameters: dict[str, ParameterMetadata] = {}
    for parameter_ast in params:
        metadata = _one_parameter(parameter_ast, ParameterMetadata)
        if any(f.position is not None for f in metadata.sets.values()):
            any_position = True
        parameters[metadata.name] = metadata

    if not any_position and positional_binding:
        position = 1
        for metadata in parameters.values():
            if metadata.is_switch:
                continue
            metadata.sets = {name: _with_position(facts, position)
                             for name, facts in metadata.sets.items()}
            position += 1
    return BuiltParameters(parameters, is_advanced, supports_should_process, default_set,
                           confirm_impact)


def _with_position(facts: ParamSet, position: int) -> ParamSet:
    return ParamSet(facts.mandatory, position, facts.from_pipeline, facts.from_pipeline_by_name)


def _one_parameter(parameter_ast: ast.ParameterAst, factory: Any) -> Any:
    param_type = resolve_parameter_type(parameter_ast.type_name, parameter_ast.extent)
    sets: dict[str, ParamSet] = {}
    aliases: list[str] = []
    accepted: Optional[list[str]] = None
    validators: list[Any] = []
    allow_null: Optional[bool] = None
    allow_empty: Optional[bool] = None
    remaining = False
    for attribute in parameter_ast.attributes:
        kind = attribute.type_name.lower()
        if kind.endswith("attribute"):
            kind = kind[: -len("attribute")]
        if kind == "parameter":
            named = _named_constants(attribute)
            position = named.get("position")
            facts = ParamSet(
                mandatory=bool(named.get("mandatory", False)),
                position=int(position) + 1 if isinstance(position, int) else None,
                from_pipeline=bool(named.get("valuefrompipeline", False)),
                from_pipeline_by_name=bool(named.get("valuefrompipelinebypropertyname", False)),
            )
            remaining = remaining or bool(named.get("valuefromremainingarguments", False))
            sets[str(named.get("parametersetname", ALL_SETS))] = facts
        elif kind == "alias":
            aliases.extend(str(v) for v in _positional_constants(attribute))
        elif kind == "validateset":
            accepted = [str(v) for v in _positional_constants(attribute)]
        elif kind == "validaterange":
            bounds = _positional_constants(attribute)
            if len(bounds) == 2:
                validators.append(_range_validator(bounds[0], bounds[1]))
        elif kind == "validatenotnull":
            allow_null = False
        elif kind == "validatenotnullorempty":
            allow_null = False
            allow_empty = False
        elif kind == "allownull":
            allow_null = True
        elif kind == "allowemptystring":
            allow_empty = True
    if not sets:
        sets = {ALL_SETS: ParamSet()}
    return factory(
        name=parameter_ast.name, type=param_type, sets=sets, aliases=tuple(aliases),
        values=accepted, validate=_combine(validators), remaining=remaining,
        allow_null=allow_null, allow_empty=allow_empty,
        has_default=parameter_ast.default is not None, default=parameter_ast.default,
        declaration=parameter_ast,
    )


def resolve_parameter_type(type_name: Optional[str], extent: Any = None) -> Any:
    """The parameter type for a script type constraint such as 'int' or 'string[]'.

    Untyped parameters take anything (``object``).  Unknown names raise the
    TypeNotFound error PowerShell reports when the function is invoked.
    """
    if not type_name:
        return object
    text = type_name.strip()
    if text.lower() in _SWITCH_NAMES:
        return SwitchParameter
    from exshell.language import conversions

    return conversions.resolve_type(text)


def _find(attributes: list, kind: str) -> Optional[ast.AttributeAst]:
    for attribute in attributes:
        name = attribute.type_name.lower()
        if name == kind or name == kind + "attribute":
            return attribute
    return None


def _constant(expression: Optional[ast.ExpressionAst]) -> Any:
    """The value of a constant attribute argument; a bare name (None) means $true."""
    if expression is None:
        return True
    if isinstance(expression, ast.ConstantExpressionAst):
        return expression.value
    if isinstance(expression, ast.StringConstantAst):
        return expression.value
    if isinstance(expression, ast.VariableExpressionAst):
        lowered = expression.name.lower()
        if lowered in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[lowered]
    if isinstance(expression, ast.UnaryExpressionAst) and expression.operator == "-":
        inner = _constant(expression.operand)
        if isinstance(inner, (int, float)):
            return -inner
    if isinstance(expression, ast.ArrayLiteralAst):
        return [_constant(e) for e in expression.elements]
    return _NOT_CONSTANT


def _named_constants(attribute: ast.AttributeAst) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, expression in attribute.named_args.items():
        value = _constant(expression)
        if value is not _NOT_CONSTANT:
            result[key.lower()] = value
    return result


def _positional_constants(attribute: ast.AttributeAst) -> list[Any]:
    found: list[Any] = []
    for expression in attribute.positional_args:
        value = _constant(expression)
        if isinstance(value, list):
            found.extend(value)
        elif value is not _NOT_CONSTANT:
            found.append(value)
    return found


def _range_validator(low: Any, high: Any) -> Any:
    def check(value: Any) -> None:
        try:
            number = float(value)
        except (TypeError, ValueError):
            return
        if number < float(low):
            raise ConversionError(errors.message("ValidateRangeTooSmall", value, low))
        if number > float(high):
            raise ConversionError(errors.message("ValidateRangeTooBig", value, high))
    return check


def _combine(validators: list[Any]) -> Any:
    if not validators:
        return None
    if len(validators) == 1:
        return validators[0]

    def check_all(value: Any) -> None:
        for validator in validators:
            validator(value)
    return check_all
