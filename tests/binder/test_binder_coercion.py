"""Bind-time conversion: PowerShell's rules and exact error texts."""
from __future__ import annotations

import pytest

from binder_testkit import NewWidget, Usage, column, split
from exshell import errors
from exshell.binder.binder import bind_arguments
from exshell.binder.metadata import CommandMetadata
from exshell.cmdlets.base import ArrayOf, Cmdlet, ConversionError, Param, cmdlet

WIDGET = CommandMetadata.from_cmdlet(NewWidget)
PREFIX = "New-Widget a -AddressSpaces x "


def bind(tail: str, metadata=WIDGET):
    _, elements, invocation = split(PREFIX + tail)
    return bind_arguments(metadata, elements, None, invocation).bound


def failure(tail: str, metadata=WIDGET) -> errors.ParameterBindingError:
    with pytest.raises(errors.ParameterBindingError) as caught:
        bind(tail, metadata)
    return caught.value


@pytest.mark.parametrize("tail, name, expected", [
    ("-MaxSize 20MB", "MaxSize", "20MB"),
    ("-Count 20MB", "Count", 20971520),
    ("-Count '42'", "Count", 42),
    ("-Enabled $true", "Enabled", True),
    ("-Enabled 0", "Enabled", False),
    ("-Enabled 1", "Enabled", True),
    ("-Usage custom", "Usage", Usage.Custom),
    ("-Usage Inter", None, None),  # a prefix of two names is no match
    ("-Usage Interna", "Usage", Usage.Internal),
    ("-Usage p", "Usage", Usage.Partner),
    ("-Tags red,GREEN", "Tags", ["red", "GREEN"]),
    ("-Comment $null", "Comment", None),
])
def test_conversions(tail, name, expected):
    if name is None:
        assert failure(tail).record.error_id == "CannotConvertArgumentNoMessage"
        return
    assert bind(tail)[name] == expected


@pytest.mark.parametrize("tail, message", [
    ("-Enabled 'false'",
     "Cannot convert 'System.String' to the type 'System.Boolean' required by parameter "
     "'Enabled'. "),
    ("-Enabled a,b",
     "Cannot convert 'System.Object[]' to the type 'System.Boolean' required by parameter "
     "'Enabled'. Specified method is not supported."),
    ("-Comment a,b",
     "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter "
     "'Comment'. Specified method is not supported."),
    ("-Count abc",
     "Cannot bind parameter 'Count'. Cannot convert value \"abc\" to type \"System.Int32\". "
     "Error: \"Input string was not in a correct format.\""),
    ("-Usage Bogus",
     "Cannot bind parameter 'Usage'. Cannot convert value \"Bogus\" to type "
     "\"Microsoft.Exchange.Data.Directory.SystemConfiguration.UsageType\". Error: \"Unable to "
     "match the identifier name Bogus to a valid enumerator name. Specify one of the following "
     "enumerator names and try again:\nCustom, Internal, Internet, Partner\""),
    ("-Tags blue",
     "Cannot validate argument on parameter 'Tags'. The argument \"blue\" does not belong to "
     "the set \"red,green\" specified by the ValidateSet attribute. Supply an argument that is "
     "in the set and then try the command again."),
])
def test_conversion_errors(tail, message):
    assert failure(tail).record.message == message


def test_conversion_error_points_at_the_argument():
    error = failure("-Count abc")
    assert column(error) == len(PREFIX + "-Count ") + 1


def test_bool_error_id_for_cmdlets():
    assert failure("-Enabled 'false'").record.error_id == "CannotConvertArgument"


def test_switch_rejects_strings():
    error = failure("-Force:yes")
    assert error.record.message == (
        "Cannot convert 'System.String' to the type "
        "'System.Management.Automation.SwitchParameter' required by parameter 'Force'. ")


@pytest.mark.parametrize("tail", ["-Count $null", "-Usage $null"])
def test_value_types_reject_null(tail):
    assert failure(tail).record.message.endswith("because it is null.")


def test_bool_takes_null_as_false():
    assert bind("-Enabled $null")["Enabled"] is False


def test_mandatory_string_rejects_null_and_empty():
    _, elements, invocation = split("New-Widget $null -AddressSpaces x")
    with pytest.raises(errors.ParameterBindingError) as caught:
        bind_arguments(WIDGET, elements, None, invocation)
    assert caught.value.record.message == "Cannot bind argument to parameter 'Name' because it is null."
    _, elements, invocation = split("New-Widget '' -AddressSpaces x")
    with pytest.raises(errors.ParameterBindingError) as caught:
        bind_arguments(WIDGET, elements, None, invocation)
    assert caught.value.record.message == \
        "Cannot bind argument to parameter 'Name' because it is an empty string."


# ------------------------------------------- Exchange-style value types

class PortType:
    """A tiny ParameterType: a TCP port."""

    dotnet_name = "Tests.Port"
    reference_name = "Port"

    @staticmethod
    def convert(value):
        text = str(value)
        if not text.isdigit():
            raise ConversionError(f"'{text}' is not a port number.")
        return int(text)


def _below_1000(value):
    for item in value if isinstance(value, list) else [value]:
        if item >= 1000:
            raise ConversionError(f"The port {item} is out of range (0-999).")


@cmdlet("Set-Port", command_type_name="Tests.SetPort")
class SetPort(Cmdlet):
    Port = Param(PortType, position=1)
    Ports = Param(ArrayOf(PortType), validate=_below_1000)


PORTS = CommandMetadata.from_cmdlet(SetPort)


def _port_failure(line: str) -> str:
    _, elements, invocation = split(line)
    with pytest.raises(errors.ParameterBindingError) as caught:
        bind_arguments(PORTS, elements, None, invocation)
    return caught.value.record.message


def test_parameter_type_converts_argument_numbers_and_lists():
    _, elements, invocation = split("Set-Port 25 -Ports 25,587")
    bound = bind_arguments(PORTS, elements, None, invocation).bound
    assert bound == {"Port": 25, "Ports": [25, 587]}


@pytest.mark.parametrize("line, message", [
    ("Set-Port abc", "Cannot bind parameter 'Port'. Cannot convert value \"abc\" to type "
                     "\"Tests.Port\". Error: \"'abc' is not a port number.\""),
    ("Set-Port -Ports 25,x", "Cannot bind parameter 'Ports'. Cannot convert value \"x\" to type "
                             "\"Tests.Port\". Error: \"'x' is not a port number.\""),
    ("Set-Port -Ports 25,1200", "Cannot validate argument on parameter 'Ports'. The port 1200 is "
                                "out of range (0-999)."),
    ("Set-Port 25,26", "Cannot convert 'System.Object[]' to the type 'Tests.Port' required by "
                       "parameter 'Port'. Specified method is not supported."),
])
def test_parameter_type_errors(line, message):
    assert _port_failure(line) == message


class Fragile:
    """A value type whose parser fails with a plain Python exception."""

    dotnet_name = "Tests.Fragile"
    reference_name = "Fragile"

    @staticmethod
    def convert(value):
        return int(str(value), 16)


@cmdlet("Set-Fragile", command_type_name="Tests.SetFragile")
class SetFragile(Cmdlet):
    Value = Param(Fragile, position=1)


def test_plain_exceptions_from_value_types_become_binding_errors():
    _, elements, invocation = split("Set-Fragile zz")
    with pytest.raises(errors.ParameterBindingError) as caught:
        bind_arguments(CommandMetadata.from_cmdlet(SetFragile), elements, None, invocation)
    assert caught.value.record.message.startswith(
        "Cannot bind parameter 'Value'. Cannot convert value \"zz\" to type \"Tests.Fragile\".")


@cmdlet("Say-Thing", command_type_name="Tests.SayThing")
class SayThing(Cmdlet):
    Text = Param(str, mandatory=True, position=1, allow_empty=True, allow_null=True)
    Title = Param(str, allow_empty=False)


@pytest.mark.parametrize("line, bound", [
    ("Say-Thing ''", {"Text": ""}),
    ("Say-Thing $null", {"Text": None}),
])
def test_declared_allow_null_and_empty_let_mandatory_parameters_take_them(line, bound):
    _, elements, invocation = split(line)
    assert bind_arguments(CommandMetadata.from_cmdlet(SayThing), elements, None,
                          invocation).bound == bound


def test_not_null_or_empty_applies_to_optional_parameters_too():
    _, elements, invocation = split("Say-Thing x -Title ''")
    with pytest.raises(errors.ParameterBindingError) as caught:
        bind_arguments(CommandMetadata.from_cmdlet(SayThing), elements, None, invocation)
    assert caught.value.record.message == \
        "Cannot bind argument to parameter 'Title' because it is an empty string."
