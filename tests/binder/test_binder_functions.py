"""Script functions: metadata from param() ASTs and how their arguments bind."""
from __future__ import annotations

from typing import Any, Optional

import pytest

from binder_testkit import split
from exshell import errors
from exshell.binder.binder import bind_arguments
from exshell.binder.metadata import CommandMetadata
from exshell.cmdlets.base import ArrayOf
from exshell.language import ast
from exshell.language.values import SwitchParameter

SOURCE = ast.Source("param()")
EXTENT = ast.Extent(SOURCE, 0, 7)


def constant(value: Any) -> ast.ExpressionAst:
    if isinstance(value, str):
        return ast.StringConstantAst(EXTENT, value, "single")
    if isinstance(value, bool):
        return ast.VariableExpressionAst(EXTENT, "true" if value else "false")
    return ast.ConstantExpressionAst(EXTENT, value, str(value))


def attribute(kind: str, *positional: Any, **named: Any) -> ast.AttributeAst:
    return ast.AttributeAst(
        EXTENT, kind, [constant(v) for v in positional],
        {key: (None if value is None else constant(value)) for key, value in named.items()})


def parameter(name: str, type_name: Optional[str] = None, *attributes: ast.AttributeAst,
              default: Any = None) -> ast.ParameterAst:
    return ast.ParameterAst(EXTENT, name, type_name,
                            constant(default) if default is not None else None, list(attributes))


def bind(metadata: CommandMetadata, line: str):
    _, elements, invocation = split(line)
    return bind_arguments(metadata, elements, None, invocation)


def failure(metadata: CommandMetadata, line: str) -> errors.ParameterBindingError:
    with pytest.raises(errors.ParameterBindingError) as caught:
        bind(metadata, line)
    return caught.value


SIMPLE = CommandMetadata.from_function(
    "Add-Thing", [parameter("a", "int"), parameter("b"), parameter("flag", "switch")], False)


def test_simple_function_positions_follow_declaration_order():
    result = bind(SIMPLE, "Add-Thing 1 two")
    assert result.bound == {"a": 1, "b": "two"}
    assert SIMPLE.parameters["flag"].is_switch


def test_simple_function_extra_arguments_go_to_args_in_order():
    result = bind(SIMPLE, "Add-Thing 1 two three -unknown four")
    assert result.bound == {"a": 1, "b": "two"}
    assert result.unbound_args == ["three", "-unknown", "four"]


@pytest.mark.parametrize("line, bound, leftovers", [
    ("Add-Thing 5 -zz", {"a": 5}, ["-zz"]),
    ("Add-Thing -zz 5", {"a": 5}, ["-zz"]),
    ("Add-Thing -zz 5 six", {"a": 5, "b": "six"}, ["-zz"]),
    ("Add-Thing -a 1 -q 7 8", {"a": 1, "b": 7}, ["-q", 8]),
    ("Add-Thing -q:7 8", {"a": 8}, ["-q", 7]),
])
def test_simple_function_unknown_parameter_goes_to_args_not_to_a_position(line, bound, leftovers):
    result = bind(SIMPLE, line)
    assert result.bound == bound
    assert result.unbound_args == leftovers


def test_simple_function_has_no_common_parameters():
    assert "ErrorAction" not in SIMPLE.parameters
    assert not SIMPLE.is_advanced


def test_untyped_parameter_keeps_numbers_as_numbers():
    result = bind(SIMPLE, "Add-Thing -b 20MB")
    assert result.bound["b"] == 20971520


def test_script_function_errors_are_transformation_errors():
    error = failure(SIMPLE, "Add-Thing abc")
    assert error.record.message == (
        "Cannot process argument transformation on parameter 'a'. Cannot convert value \"abc\" "
        "to type \"System.Int32\". Error: \"Input string was not in a correct format.\"")
    assert error.record.fully_qualified_error_id == "ParameterArgumentTransformationError,Add-Thing"


def test_script_bool_parameter_error():
    metadata = CommandMetadata.from_function("Set-Flag", [parameter("on", "bool")], False)
    error = failure(metadata, "Set-Flag 'yes'")
    assert error.record.message == (
        "Cannot process argument transformation on parameter 'on'. Cannot convert value \"yes\" "
        "to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, "
        "such as $True, $False, 1 or 0.")


def test_script_string_parameter_joins_arrays():
    metadata = CommandMetadata.from_function("Say", [parameter("text", "string")], False)
    assert bind(metadata, "Say a,b").bound == {"text": "a b"}


ADVANCED = CommandMetadata.from_function("Get-Report", [
    parameter("Name", "string", attribute("Parameter", Mandatory=None, Position=0)),
    parameter("Count", "int[]", attribute("Alias", "n")),
    parameter("Mode", "string", attribute("ValidateSet", "Fast", "Slow")),
    parameter("Item", None, attribute("Parameter", ValueFromPipeline=True)),
], False)


def test_advanced_function_facts():
    assert ADVANCED.is_advanced
    assert "ErrorAction" in ADVANCED.parameters
    assert ADVANCED.parameters["Count"].type == ArrayOf(int)
    assert ADVANCED.parameters["Name"].position_in(None) == 1
    assert ADVANCED.parameters["Count"].position_in(None) is None
    assert ADVANCED.parameters["Item"].takes_pipeline


def test_advanced_function_binding():
    result = bind(ADVANCED, "Get-Report rep -n 1,2 -Mode fast")
    assert result.bound == {"Name": "rep", "Count": [1, 2], "Mode": "fast"}


def test_advanced_function_rejects_extra_arguments():
    error = failure(ADVANCED, "Get-Report rep extra")
    assert error.record.error_id == "PositionalParameterNotFound"
    assert error.record.fully_qualified_error_id == "PositionalParameterNotFound,Get-Report"


def test_advanced_function_mandatory_and_validate_set():
    assert failure(ADVANCED, "Get-Report").record.message.endswith("parameters: Name.")
    assert failure(ADVANCED, "Get-Report x -Mode warp").record.error_id == \
        "ParameterArgumentValidationError"


def test_cmdlet_binding_switch_makes_a_function_advanced():
    metadata = CommandMetadata.from_function("f", [parameter("x")], True)
    assert metadata.is_advanced and "Verbose" in metadata.parameters


def test_should_process_attribute_adds_whatif_and_confirm():
    metadata = CommandMetadata.from_function(
        "Remove-It", [parameter("x")], True, [attribute("CmdletBinding", SupportsShouldProcess=None)])
    assert metadata.supports_should_process
    assert {"WhatIf", "Confirm"} <= set(metadata.parameters)


def test_defaults_are_recorded_not_evaluated():
    metadata = CommandMetadata.from_function("f", [parameter("x", "int", default=5)], False)
    assert metadata.parameters["x"].has_default
    assert isinstance(metadata.parameters["x"].default, ast.ConstantExpressionAst)


def test_unknown_parameter_type_is_type_not_found():
    with pytest.raises(errors.PSRuntimeError) as caught:
        CommandMetadata.from_function("f", [parameter("x", "NoSuchType")], False)
    assert caught.value.record.message == "Unable to find type [NoSuchType]."


def test_switch_parameter_defaults_to_present_when_named():
    assert bind(SIMPLE, "Add-Thing -flag").bound == {"flag": SwitchParameter(True)}


def test_transformation_and_validation_errors_show_their_exception_kind():
    transformation = failure(SIMPLE, "Add-Thing abc").record
    assert transformation.category_info == \
        "InvalidData: (:) [Add-Thing], ParameterBindingArgumentTransformationException"
    validation = failure(ADVANCED, "Get-Report x -Mode warp").record
    assert validation.category_info == \
        "InvalidData: (:) [Get-Report], ParameterBindingValidationException"


def test_positional_binding_false_makes_parameters_named_only():
    metadata = CommandMetadata.from_function(
        "f", [parameter("x")], True, [attribute("CmdletBinding", PositionalBinding=False)])
    assert metadata.parameters["x"].position_in(None) is None
    assert failure(metadata, "f value").record.error_id == "PositionalParameterNotFound"


def test_allow_empty_string_attribute():
    metadata = CommandMetadata.from_function("f", [
        parameter("x", "string", attribute("Parameter", Mandatory=None),
                  attribute("AllowEmptyString"))], False)
    assert bind(metadata, "f ''").bound == {"x": ""}
