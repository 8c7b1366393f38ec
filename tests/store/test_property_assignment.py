"""``ps_set_property``: what ``$obj.Property = value`` does to a stored Exchange object
(in memory only; conversions through the property's type; PowerShell's errors)."""
from __future__ import annotations

import pytest

from exshell.errors import PSRuntimeError
from exshell.store.models import ReceiveConnector, RemoteDomain, SendConnector


def connector() -> SendConnector:
    return SendConnector(Name="Out", AddressSpaces=["contoso.com"])


@pytest.mark.parametrize("name, value, shown", [
    ("Port", 2525, "2525"),
    ("port", "2526", "2526"),                      # any case; text converts like a cast
    ("Enabled", 0, "False"),
    ("Comment", 5, "5"),
    ("MaxMessageSize", "20MB", "20 MB (20,971,520 bytes)"),
    ("ConnectionInactivityTimeOut", "00:05:00", "00:05:00"),
    ("SmartHosts", ["192.168.10.1", "mail.contoso.com"], "{[192.168.10.1], mail.contoso.com}"),
])
def test_values_convert_through_the_property_type(name, value, shown):
    obj = connector()
    obj.ps_set_property(name, value)
    field = obj.settable_field(name)
    text = getattr(obj, field)
    from exshell.language.conversions import to_string

    rendered = ("{" + ", ".join(str(v) for v in text) + "}") if isinstance(text, list) else to_string(text)
    assert rendered == shown


def test_appending_to_a_multivalued_property_gives_the_typed_collection():
    obj = connector()
    obj.ps_set_property("AddressSpaces", list(obj.AddressSpaces) + ["*.litware.com;3"])
    assert [str(space) for space in obj.AddressSpaces] == ["SMTP:contoso.com;1",
                                                           "SMTP:*.litware.com;3"]
    assert type(obj.AddressSpaces).__name__ == "MultiValuedProperty"
    assert obj.ps_properties()["AddressSpaces"] == obj.AddressSpaces  # the view follows


@pytest.mark.parametrize("name", ["Identity", "Guid", "WhenCreated", "WhenChanged", "WhenCreatedUTC",
                                  "DistinguishedName", "ObjectClass", "IsValid", "ExchangeVersion",
                                  "OriginatingServer", "identity"])
def test_read_only_properties_refuse_with_powershells_text(name):
    obj = connector()
    with pytest.raises(PSRuntimeError) as caught:
        obj.ps_set_property(name, "x")
    record = caught.value.record
    assert record.error_id == "PropertyAssignmentException"
    assert record.message.endswith("' is a ReadOnly property.")
    assert record.message.lower() == f"'{name.lower()}' is a readonly property."


def test_unknown_property_is_not_found():
    with pytest.raises(PSRuntimeError) as caught:
        connector().ps_set_property("Bogus", 1)
    assert caught.value.record.error_id == "PropertyNotFound"
    assert caught.value.record.message == ("The property 'Bogus' cannot be found on this object. "
                                           "Verify that the property exists and can be set.")


@pytest.mark.parametrize("make, name, value, inner", [
    (connector, "Port", "abc",
     'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a '
     'correct format."'),
    (connector, "AddressSpaces", ["bad space x"], 'The SMTP address space "bad space x" isn'),
    (connector, "MaxMessageSize", "lots", "lots"),
    (lambda: RemoteDomain(Name="C", DomainName="c.com"), "AllowedOOFType", "Sometimes", "Sometimes"),
])
def test_conversion_failures_are_exception_setting_records(make, name, value, inner):
    obj = make()
    before = getattr(obj, name)
    with pytest.raises(PSRuntimeError) as caught:
        obj.ps_set_property(name, value)
    record = caught.value.record
    assert record.error_id == "ExceptionWhenSetting"
    assert record.reason == "SetValueInvocationException"
    assert record.message.startswith(f'Exception setting "{name}": "')
    assert inner in record.message
    assert getattr(obj, name) == before


def test_assignment_skips_the_rules_until_a_set_cmdlet_writes_it():
    obj = ReceiveConnector(Name="R", Server="EXCH01", Bindings=["0.0.0.0:25"],
                           RemoteIPRanges=["10.0.0.0/8"])
    obj.ps_set_property("Banner", "hello")  # Set-ReceiveConnector would refuse (no 220)
    assert obj.Banner == "hello" and obj.IsValid is False


def test_the_evaluator_finds_the_hook_under_its_lookup_name():
    assert SendConnector.set_ps_property is SendConnector.ps_set_property
