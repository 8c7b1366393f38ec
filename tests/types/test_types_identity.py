"""Identity parameter types: raw text, wildcards, Server\\Name, pipeline objects."""
import pytest

from exshell.cmdlets.base import ConversionError
from exshell.language.values import ArgumentNumber, PSObject
from exshell.types.identity import (
    IDENTITY_TYPES, MessageIdentity, QueueIdentity, ReceiveConnectorIdParameter,
    SendConnectorIdParameter, ServerIdParameter,
)


def test_keeps_text_and_matches_case_insensitively():
    identity = SendConnectorIdParameter.convert("Contoso Send")
    assert identity.raw == "Contoso Send" and str(identity) == "Contoso Send"
    assert identity.matches("contoso send") and not identity.matches("Contoso Send 2")
    assert not identity.has_wildcard


@pytest.mark.parametrize("pattern, name, expected", [
    ("Contoso*", "Contoso Send", True),
    ("*send*", "Contoso Send Connector", True),
    ("*.com", "Contoso Send", False),
    ("a*b", "aXXb", True),
    ("a*b", "aXXbc", False),
    ("[x]", "[x]", True),
])
def test_wildcards(pattern, name, expected):
    assert SendConnectorIdParameter.convert(pattern).matches(name) is expected


def test_receive_connector_server_split():
    scoped = ReceiveConnectorIdParameter.convert("HUB01\\Default HUB01")
    assert (scoped.server, scoped.name) == ("HUB01", "Default HUB01")
    assert scoped.matches("Default HUB01", server="hub01")
    assert scoped.matches("HUB01\\Default HUB01")
    assert not scoped.matches("Default HUB01", server="HUB02")
    bare = ReceiveConnectorIdParameter.convert("Default*")
    assert bare.server is None and bare.matches("Default HUB01", server="HUB02")


def test_pipeline_objects_give_identity_then_name():
    by_identity = PSObject([("Name", "Internet"), ("Identity", "HUB01\\Internet")])
    assert ReceiveConnectorIdParameter.convert(by_identity).raw == "HUB01\\Internet"
    by_name = PSObject([("Name", "Partner")])
    assert SendConnectorIdParameter.convert(by_name).raw == "Partner"

    class Connector:
        Identity = SendConnectorIdParameter("To Internet")

    assert SendConnectorIdParameter.convert(Connector()).raw == "To Internet"


def test_other_inputs_and_errors():
    assert ServerIdParameter.convert(ArgumentNumber(1, "01")).raw == "01"
    assert ServerIdParameter.convert(SendConnectorIdParameter("X")).raw == "X"
    assert ServerIdParameter.convert(None) is None
    with pytest.raises(ConversionError, match='The identity "" isn\'t valid'):
        ServerIdParameter.convert("  ")
    with pytest.raises(ConversionError, match="ServerIdParameter"):
        ServerIdParameter.convert(PSObject([("Other", 1)]))


def test_guid_detection_and_type_names():
    assert ServerIdParameter.convert("0b8e6f59-9a6b-4e0a-9c1e-3f1f1f1f1f1f").is_guid
    assert not ServerIdParameter.convert("HUB01").is_guid
    assert SendConnectorIdParameter.dotnet_name == (
        "Microsoft.Exchange.Configuration.Tasks.SendConnectorIdParameter")
    assert IDENTITY_TYPES["QueueIdentity"].dotnet_name == (
        "Microsoft.Exchange.Data.QueueViewer.QueueIdentity")
    assert SendConnectorIdParameter("a") == SendConnectorIdParameter("A")
    assert SendConnectorIdParameter("a") != ServerIdParameter("a")


@pytest.mark.parametrize("text, server, queue, number", [
    ("Mailbox01\\contoso.com", "Mailbox01", "contoso.com", None),
    ("Mailbox01\\1234", "Mailbox01", "1234", 1234),
    ("Submission", None, "Submission", None),
])
def test_queue_identity(text, server, queue, number):
    identity = QueueIdentity.convert(text)
    assert (identity.server, identity.queue, identity.queue_number) == (server, queue, number)


@pytest.mark.parametrize("text, server, queue, number", [
    ("Mailbox01\\contoso.com\\1234", "Mailbox01", "contoso.com", 1234),
    ("contoso.com\\77", None, "contoso.com", 77),
    ("5", None, None, 5),
])
def test_message_identity(text, server, queue, number):
    identity = MessageIdentity.convert(text)
    assert (identity.server, identity.queue, identity.message_id) == (server, queue, number)


@pytest.mark.parametrize("type_, bad", [
    (QueueIdentity, "a\\b\\c"), (QueueIdentity, "Mailbox01\\"),
    (MessageIdentity, "Mailbox01\\contoso.com\\abc"), (MessageIdentity, "a\\b\\c\\1"),
])
def test_queue_and_message_identity_errors(type_, bad):
    with pytest.raises(ConversionError, match="isn't a valid (queue|message) identity"):
        type_.convert(bad)
