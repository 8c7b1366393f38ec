"""The shared pieces of the Exchange cmdlets: default views follow the store
models' type names, property ranges come from the models, bound values the
model cannot hold are refused, and deserialized objects keep their views."""
from __future__ import annotations

import pytest

from exshell.cmdlets.base import ConversionError
from exshell.cmdlets.exchange import common, views
from exshell.store.errors import ValidationError
from exshell.store.models import KINDS

from test_exchange_support import SEED, shell  # noqa: F401 - fixture


def test_every_view_names_a_stored_object_type():
    first_type_names = {model.TYPE_NAMES[0] for model in KINDS.values()}
    assert set(views.DEFAULT_VIEWS) == first_type_names


@pytest.mark.parametrize("kind, name, good, bad, fragment", [
    ("SendConnector", "Port", 25, 70000, "maximum allowed range of 65535"),
    ("ReceiveConnector", "MaxHopCount", 500, 0, "minimum allowed range of 1"),
    ("TransportServer", "TransientFailureRetryCount", 15, 16, "maximum allowed range of 15"),
])
def test_model_range_checks_use_the_models_table(kind, name, good, bad, fragment):
    check = common.ModelRange(kind, name)
    check(good)
    with pytest.raises(ConversionError) as caught:
        check(bad)
    assert fragment in str(caught.value)


@pytest.mark.parametrize("kind, name, bad, error_id, bound", [
    ("SendConnector", "Port", 70000, "ValidateRangeTooBig", 65535),
    ("ReceiveConnector", "MaxHopCount", 0, "ValidateRangeTooSmall", 1),
])
def test_model_range_texts_are_the_message_tables(kind, name, bad, error_id, bound):
    # One place per text: the binder's ValidateRange wording comes from errors.MESSAGES.
    from exshell.errors import message

    with pytest.raises(ConversionError) as caught:
        common.ModelRange(kind, name)(bad)
    assert str(caught.value) == message(error_id, bad, bound)


def test_out_of_range_argument_through_the_cmdlet_names_the_parameter(shell):
    from exshell.errors import message

    result = shell.run("New-SendConnector -Name X -AddressSpaces contoso.com -Port 70000")
    assert "Cannot validate argument on parameter 'Port'" in result.err, result.text
    assert message("ValidateRangeTooBig", 70000, 65535) in result.err.replace("\n", " ")


def test_model_range_without_a_range_accepts_anything():
    common.ModelRange("SendConnector", "Comment")("any text at all")


def test_declarations_carry_model_ranges_on_property_parameters_only():
    from exshell.cmdlets.exchange.send_connector import NewSendConnector, SetSendConnector

    assert isinstance(NewSendConnector.Port.validate, common.ModelRange)
    assert isinstance(SetSendConnector.ConnectionInactivityTimeOut.validate, common.ModelRange)
    assert SetSendConnector.Identity.validate is None


def test_a_property_the_model_lacks_is_refused_not_dropped():
    with pytest.raises(ValidationError) as caught:
        common.build_object("RemoteDomain", {"Name": "X", "DomainName": "x.com", "NoSuchThing": 1})
    assert "NoSuchThing" in str(caught.value)


def test_a_missing_required_property_reads_as_an_exchange_message():
    with pytest.raises(ValidationError) as caught:
        common.build_object("AcceptedDomain", {"Name": "X"})
    assert str(caught.value) == "The DomainName property can't be empty."


def test_imported_objects_show_in_the_same_default_table(shell):
    shell.ok(SEED)
    shell.ok("Get-SendConnector | Export-Clixml b.xml")
    direct = shell.ok("Get-SendConnector")
    imported = shell.ok("Import-Clixml b.xml")
    assert imported == direct


def test_whatif_on_export_clixml_writes_no_file(shell):
    shell.ok(SEED)
    out = shell.ok("Get-SendConnector | Export-Clixml nothing.xml -WhatIf")
    assert 'What if: Performing the operation "Export-Clixml" on target' in out
    assert not (shell.folder / "nothing.xml").exists()
