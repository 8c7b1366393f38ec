"""GUIDs as identities and .NET type names of Exchange values."""
import uuid

import pytest

from exshell.language import conversions as conv
from exshell.language.members import TypeInfo, get_member
from exshell.language.values import Guid, PSObject
from exshell.types.identity import ReceiveConnectorIdParameter, SendConnectorIdParameter

TEXT = "a70e2f4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b"


@pytest.mark.parametrize("value", [uuid.UUID(TEXT), Guid.parse(TEXT), TEXT, "{" + TEXT + "}"])
def test_a_guid_in_any_form_is_an_identity(value):
    identity = SendConnectorIdParameter.convert(value)
    assert identity.is_guid
    assert TEXT in identity.raw


def test_receive_connector_identity_takes_a_uuid():
    assert ReceiveConnectorIdParameter.convert(uuid.UUID(TEXT)).is_guid


def test_store_uuid_reads_as_system_guid():
    class Stored:
        def ps_properties(self):
            return {"Guid": uuid.UUID(TEXT)}

    value = get_member(Stored(), "Guid")
    assert isinstance(value, Guid) and value == TEXT
    assert conv.type_name(value) == "System.Guid"
    assert conv.type_name(uuid.UUID(TEXT)) == "System.Guid"


@pytest.mark.parametrize("full, name", [
    ("Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.AddressSpace]",
     "MultiValuedProperty`1"),
    ("Microsoft.Exchange.Data.Unlimited`1[Microsoft.Exchange.Data.ByteQuantifiedSize]", "Unlimited`1"),
    ("System.Object[]", "Object[]"), ("System.String", "String"),
])
def test_type_name_of_generic_types_keeps_only_the_arity(full, name):
    class Named:
        dotnet_name = full

    assert TypeInfo(Named).name == name
