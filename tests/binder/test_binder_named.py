"""Named and positional binding, pairing, parameter sets and mandatory parameters."""
from __future__ import annotations

import pytest

from binder_testkit import (GetWidget, InvokeRest, NewWidget, column, split)
from exshell import errors
from exshell.binder.binder import bind_arguments
from exshell.binder.metadata import CommandMetadata
from exshell.language.values import SwitchParameter

WIDGET = CommandMetadata.from_cmdlet(NewWidget)
GET = CommandMetadata.from_cmdlet(GetWidget)
REST = CommandMetadata.from_cmdlet(InvokeRest)


def bind(line: str, metadata=WIDGET, **options):
    _, elements, invocation = split(line)
    return bind_arguments(metadata, elements, None, invocation, **options)


def failure(line: str, metadata=WIDGET, **options) -> errors.ParameterBindingError:
    with pytest.raises(errors.ParameterBindingError) as caught:
        bind(line, metadata, **options)
    return caught.value


@pytest.mark.parametrize("line, expected", [
    ("New-Widget -Name a -AddressSpaces x", {"Name": "a", "AddressSpaces": ["x"]}),
    ("New-Widget -name a -addressspaces x,y", {"Name": "a", "AddressSpaces": ["x", "y"]}),
    ("New-Widget -Name a -AddressSpace x", {"Name": "a", "AddressSpaces": ["x"]}),
    ("New-Widget -Na a -Ad x", {"Name": "a", "AddressSpaces": ["x"]}),
    ("New-Widget a -AddressSpaces x", {"Name": "a", "AddressSpaces": ["x"]}),
    ("New-Widget -AddressSpaces x a", {"Name": "a", "AddressSpaces": ["x"]}),
    ("New-Widget -Name:a -AddressSpaces:x", {"Name": "a", "AddressSpaces": ["x"]}),
    ("New-Widget a -AddressSpaces x -Note hi", {"Name": "a", "AddressSpaces": ["x"],
                                                "Comment": "hi"}),
    ("New-Widget a -AddressSpaces x -Comment -hi", {"Name": "a", "AddressSpaces": ["x"],
                                                    "Comment": "-hi"}),
])
def test_named_and_positional_binding(line, expected):
    assert bind(line).bound == expected


def test_switch_takes_no_value_and_colon_value_sets_it():
    result = bind("New-Widget a -AddressSpaces x -Force")
    assert result.bound["Force"] == SwitchParameter(True)
    result = bind("New-Widget a -AddressSpaces x -Force:$false")
    assert result.bound["Force"] == SwitchParameter(False)


def test_switch_followed_by_value_leaves_it_positional():
    error = failure("New-Widget a -AddressSpaces x -Force $false")
    assert error.record.error_id == "PositionalParameterNotFound"
    assert error.record.message == \
        "A positional parameter cannot be found that accepts argument 'False'."


def test_bool_parameter_takes_the_next_value():
    assert bind("New-Widget a -AddressSpaces x -DNSRoutingEnabled $false").bound[
        "DNSRoutingEnabled"] is False


@pytest.mark.parametrize("line, message, col", [
    ("New-Widget a -Zap 1",
     "A parameter cannot be found that matches parameter name 'Zap'.", 14),
    ("New-Widget a -C 1",
     "Parameter cannot be processed because the parameter name 'C' is ambiguous. "
     "Possible matches include: -Count -Comment -Confirm.", 14),
    ("New-Widget -Name a -AddressSpaces x -Name b",
     "Cannot bind parameter because parameter 'Name' is specified more than once. To provide "
     "multiple values to parameters that can accept multiple values, use the array syntax. "
     "For example, \"-parameter value1,value2,value3\".", 37),
    ("New-Widget a -AddressSpaces x -Name b",
     "A positional parameter cannot be found that accepts argument 'a'.", 1),
    ("New-Widget a -AddressSpaces x -Count",
     "Missing an argument for parameter 'Count'. Specify a parameter of type 'System.Int32' "
     "and try again.", 31),
    ("New-Widget a -AddressSpaces -Count 5",
     "Missing an argument for parameter 'AddressSpaces'. Specify a parameter of type "
     "'System.String[]' and try again.", 14),
    ("New-Widget a -AddressSpaces x y",
     "A positional parameter cannot be found that accepts argument 'y'.", 1),
])
def test_binding_errors_have_powershell_texts_and_columns(line, message, col):
    error = failure(line)
    assert error.record.message == message
    assert column(error) == col
    assert error.record.activity == "New-Widget"
    assert error.record.fully_qualified_error_id.endswith(",Tests.NewWidget")
    assert error.record.reason == "ParameterBindingException"
    assert error.record.category == "InvalidArgument"


def test_missing_argument_record_id_has_no_binder_suffix():
    assert failure("New-Widget a -Count").record.error_id == "MissingArgument"


def test_parameter_only_in_other_versions_is_not_found():
    error = failure("New-Widget a -AddressSpaces x -Legacy y")
    assert error.record.error_id == "NamedParameterNotFound"
    assert error.record.target_object == "Legacy"


def test_double_dash_ends_parameters():
    result = bind("Invoke-Rest -- -First", REST)
    assert result.bound["First"] == "-First"


def test_remaining_arguments_are_collected():
    result = bind("Invoke-Rest a b c", REST)
    assert result.bound == {"First": "a", "Rest": ["b", "c"]}


# ------------------------------------------------------------ parameter sets

@pytest.mark.parametrize("line, expected_set", [
    ("New-Widget a -AddressSpaces x", "AddressSpaces"),
    ("New-Widget a -LinkedConnector l", "Linked"),
    ("Get-Widget", "Identity"),
    ("Get-Widget x", "Identity"),
    ("Get-Widget -Server s", "Server"),
    ("Get-Widget -ResultSize 5", "Identity"),
])
def test_parameter_set_resolution(line, expected_set):
    metadata = GET if line.startswith("Get") else WIDGET
    assert bind(line, metadata).parameter_set == expected_set


def test_parameters_of_two_sets_cannot_be_combined():
    error = failure("New-Widget a -AddressSpaces x -LinkedConnector l")
    assert error.record.error_id == "AmbiguousParameterSet"
    assert error.record.message.startswith("Parameter set cannot be resolved using the specified "
                                           "named parameters.")


def test_server_set_positional_goes_to_identity_set_only():
    error = failure("Get-Widget -Server s x", GET)
    assert error.record.error_id == "PositionalParameterNotFound"


# ------------------------------------------------------------ mandatory

@pytest.mark.parametrize("line, listing", [
    ("New-Widget", " Name AddressSpaces"),
    ("New-Widget a", " AddressSpaces"),
    ("New-Widget -AddressSpaces x", " Name"),
    ("New-Widget -LinkedConnector l", " Name"),
])
def test_missing_mandatory_parameters(line, listing):
    error = failure(line)
    assert error.record.message == ("Cannot process command because of one or more missing "
                                    f"mandatory parameters:{listing}.")
    assert error.record.error_id == "MissingMandatoryParameter"
    assert column(error) == 1


def test_pipeline_fillable_parameter_is_not_reported_missing():
    from binder_testkit import SetWidget

    metadata = CommandMetadata.from_cmdlet(SetWidget)
    _, elements, invocation = split("Set-Widget -Enabled $false")
    invocation.expecting_input = True
    result = bind_arguments(metadata, elements, None, invocation, check_mode=True)
    assert result.bound == {"Enabled": False}
    invocation.expecting_input = False
    with pytest.raises(errors.ParameterBindingError) as caught:
        bind_arguments(metadata, elements, None, invocation, check_mode=True)
    assert caught.value.record.message.endswith("parameters: Identity.")


def test_check_mode_binds_variables_without_converting_them():
    result = bind("New-Widget a -AddressSpaces x -Count $n -Enabled $flag", check_mode=True)
    assert result.unconverted == {"Count", "Enabled"}
    assert str(result.bound["Count"]) == "$n"


def test_check_mode_still_converts_literals():
    error = failure("New-Widget a -AddressSpaces x -Count abc", check_mode=True)
    assert error.record.error_id == "CannotConvertArgumentNoMessage"


def test_common_parameters_bind_with_aliases_and_enum_prefix():
    result = bind("New-Widget a -AddressSpaces x -ea si -wi -ev problems")
    assert result.bound["ErrorAction"].name == "SilentlyContinue"
    assert result.bound["WhatIf"] == SwitchParameter(True)
    assert result.bound["ErrorVariable"] == "problems"


def test_declared_default_set_is_reported_even_without_parameters_in_it():
    from exshell.cmdlets.base import Cmdlet, Param, cmdlet

    @cmdlet("Get-Plain", default_set="Default")
    class GetPlain(Cmdlet):
        Name = Param(str, position=1)

    metadata = CommandMetadata.from_cmdlet(GetPlain)
    assert bind("Get-Plain x", metadata).parameter_set == "Default"


def test_positional_tie_between_sets_prefers_the_parameter_the_value_already_fits():
    from exshell.cmdlets.base import Cmdlet, Param, ParamSet, cmdlet
    from exshell.invocation import ArgumentElement, InvocationInfo
    from exshell.language.values import ScriptBlock

    @cmdlet("Filter-Thing", default_set="Property")
    class FilterThing(Cmdlet):
        Script = Param(ScriptBlock, sets={"Script": ParamSet(mandatory=True, position=1)})
        Property = Param(str, sets={"Property": ParamSet(mandatory=True, position=1)})

    metadata = CommandMetadata.from_cmdlet(FilterThing)
    block = ScriptBlock(None, text=" $_ ")
    result = bind_arguments(metadata, [ArgumentElement(block)], None,
                            InvocationInfo("Filter-Thing"))
    assert (result.bound, result.parameter_set) == ({"Script": block}, "Script")
    result = bind_arguments(metadata, [ArgumentElement("Name")], None,
                            InvocationInfo("Filter-Thing"))
    assert (result.bound, result.parameter_set) == ({"Property": "Name"}, "Property")


def test_explicit_argument_wins_over_a_splatted_one():
    from exshell.invocation import ArgumentElement, InvocationInfo, ParameterElement

    elements = [ParameterElement("Name", "splatted", "-Name:", splatted=True),
                ParameterElement("AddressSpaces", ["s"], "-AddressSpaces:", splatted=True),
                ParameterElement("Name", text="-Name"), ArgumentElement("explicit")]
    result = bind_arguments(WIDGET, elements, None, InvocationInfo("New-Widget"))
    assert result.bound == {"Name": "explicit", "AddressSpaces": ["s"]}


def test_two_explicit_bindings_still_clash():
    from exshell.invocation import InvocationInfo, ParameterElement

    elements = [ParameterElement("Name", "a", "-Name:"), ParameterElement("Name", "b", "-Name:")]
    with pytest.raises(errors.ParameterBindingError) as caught:
        bind_arguments(WIDGET, elements, None, InvocationInfo("New-Widget"))
    assert caught.value.record.error_id == "ParameterAlreadyBound"


def test_positional_remaining_parameter_collects_every_value():
    from exshell.cmdlets.base import Cmdlet, Param, cmdlet

    @cmdlet("Write-Thing")
    class WriteThing(Cmdlet):
        Object = Param(object, position=1, remaining=True)
        Separator = Param(str)

    metadata = CommandMetadata.from_cmdlet(WriteThing)
    assert bind("Write-Thing a", metadata).bound == {"Object": "a"}
    assert bind("Write-Thing a b c -Separator x", metadata).bound == {
        "Object": ["a", "b", "c"], "Separator": "x"}


# ------------------------------------------- default set before the satisfied one

@pytest.mark.parametrize("line, expected_set", [
    ("New-Widget a -AddressSpaces x", "AddressSpaces"),
    ("New-Widget a -LinkedConnector l", "Linked"),
])
def test_sets_resolve_from_the_parameters_given(line, expected_set):
    assert bind(line).parameter_set == expected_set


def test_default_set_wins_over_a_set_whose_mandatory_parameters_are_all_bound():
    from exshell.cmdlets.base import Cmdlet, Param, cmdlet

    @cmdlet("New-Route", default_set="Spaces", command_type_name="Tests.NewRoute")
    class NewRoute(Cmdlet):
        Name = Param(str, mandatory=True, position=1)
        Spaces = Param(str, sets=["Spaces"], mandatory=True)
        Linked = Param(str, sets=["Linked"])

    metadata = CommandMetadata.from_cmdlet(NewRoute)
    error = failure("New-Route x", metadata)
    assert error.record.error_id == "MissingMandatoryParameter"
    assert error.record.message == ("Cannot process command because of one or more missing "
                                    "mandatory parameters: Spaces.")
    assert bind("New-Route x -Linked r", metadata).parameter_set == "Linked"


def test_without_a_default_set_the_one_satisfied_set_is_chosen():
    from exshell.cmdlets.base import Cmdlet, Param, cmdlet

    @cmdlet("New-Hop", command_type_name="Tests.NewHop")
    class NewHop(Cmdlet):
        Name = Param(str, mandatory=True, position=1)
        Spaces = Param(str, sets=["Spaces"], mandatory=True)
        Linked = Param(str, sets=["Linked"])

    assert bind("New-Hop x", CommandMetadata.from_cmdlet(NewHop)).parameter_set == "Linked"
