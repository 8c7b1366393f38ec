"""One store transaction per cmdlet invocation: a New-/Set-/Remove- that ends in
a terminating error (a warning under -WarningAction Stop, a Confirm that can't
be asked, any exception after the write) leaves the store exactly as it was."""
from __future__ import annotations

import pytest

from exshell.cmdlets.exchange.common import ExchangeCmdlet
from exshell.errors import ErrorRecord, PSRuntimeError
from test_exchange_support import shell  # noqa: F401 - fixture

RECEIVE = ("New-ReceiveConnector -Name R -Server EXCH01 -Usage Custom -Bindings 10.0.0.1:25 "
           "-RemoteIPRanges 192.168.1.0/24 | Out-Null")


# ------------------------------------------------------------ real warnings that stop
def test_new_send_connector_stopped_by_its_warning_is_not_saved(shell):
    result = shell.run('New-SendConnector -Name SA -AddressSpaces s.com '
                       '-SmartHostAuthMechanism ExternalAuthoritative -WarningAction Stop; "ok? $?"')
    assert "ActionPreferenceStop" in result.err
    assert shell.ok("@(Get-SendConnector).Count").strip() == "0"


def test_warning_preference_stop_also_undoes_the_new_object(shell):
    shell.run('$WarningPreference = "Stop"; New-SendConnector -Name SA -AddressSpaces s.com '
              '-SmartHostAuthMechanism ExternalAuthoritative')
    assert shell.ok("@(Get-SendConnector).Count").strip() == "0"


def test_set_send_connector_stopped_by_its_warning_changes_nothing(shell):
    shell.ok("New-SendConnector -Name SB -AddressSpaces s.com | Out-Null")
    result = shell.run("Set-SendConnector SB -TlsDomain x.com -WarningAction Stop")
    assert "ActionPreferenceStop" in result.err
    assert shell.ok('"[$((Get-SendConnector SB).TlsDomain)]"').strip() == "[]"


def test_set_transport_server_stopped_by_its_warning_changes_nothing(shell):
    before = shell.ok("(Get-TransportServer EXCH01).MaxOutboundConnections").strip()
    result = shell.run("Set-TransportServer EXCH01 -MaxOutboundConnections 10 -WarningAction Stop")
    assert "ActionPreferenceStop" in result.err
    assert shell.ok("(Get-TransportServer EXCH01).MaxOutboundConnections").strip() == before


def test_set_exchange_server_product_key_stopped_by_its_warning_changes_nothing(shell):
    before = shell.ok('"[$((Get-ExchangeServer EXCH01).ProductID)]"')
    result = shell.run("Set-ExchangeServer EXCH01 -ProductKey 12345-12345-12345-12345-ABCDE "
                       "-WarningAction Stop")
    assert "ActionPreferenceStop" in result.err
    assert shell.ok('"[$((Get-ExchangeServer EXCH01).ProductID)]"') == before


def test_a_warning_that_continues_keeps_the_change(shell):
    result = shell.run("New-SendConnector -Name SC -AddressSpaces s.com "
                       "-SmartHostAuthMechanism ExternalAuthoritative | Out-Null")
    assert "WARNING:" in result.text
    assert shell.ok("(Get-SendConnector SC).Name").strip() == "SC"


# ------------------------------------------- any exception after the write, every kind
def _stop(self, obj):
    """In place of the step that follows every New-/Set- write: end the command, as a
    warning under -WarningAction Stop does."""
    raise PSRuntimeError(ErrorRecord(message="stopped after the write",
                                     error_id="ActionPreferenceStop", category="OperationStopped"))


NEW_CASES = [
    ("SendConnector", "", "New-SendConnector -Name T -AddressSpaces t.com", "@(Get-SendConnector).Count"),
    ("ReceiveConnector", "", RECEIVE, "@(Get-ReceiveConnector).Count"),
    ("AcceptedDomain", "", "New-AcceptedDomain -Name F -DomainName f.com -DomainType Authoritative",
     "@(Get-AcceptedDomain).Count"),
    ("AcceptedDomain default", "New-AcceptedDomain -Name F -DomainName f.com | Out-Null",
     "Set-AcceptedDomain F -MakeDefault $true",
     "(Get-AcceptedDomain | Where {$_.Default}).Name"),
    ("RemoteDomain", "", "New-RemoteDomain -Name C -DomainName c.com", "@(Get-RemoteDomain).Count"),
    ("ForeignConnector", "", 'New-ForeignConnector -Name Fax -AddressSpaces "FAX:*;1"',
     "@(Get-ForeignConnector).Count"),
]

SET_CASES = [
    ("SendConnector", "New-SendConnector -Name T -AddressSpaces t.com | Out-Null",
     "Set-SendConnector T -Port 2525 -Comment changed", '"$((Get-SendConnector T).Port)"'),
    ("ReceiveConnector", RECEIVE, 'Set-ReceiveConnector "EXCH01\\R" -Comment changed',
     '"[$((Get-ReceiveConnector "EXCH01\\R").Comment)]"'),
    ("AcceptedDomain", "", "Set-AcceptedDomain contoso.com -DomainType InternalRelay",
     '"$((Get-AcceptedDomain contoso.com).DomainType)"'),
    ("RemoteDomain", "", "Set-RemoteDomain Default -AutoReplyEnabled $true",
     '"$((Get-RemoteDomain Default).AutoReplyEnabled)"'),
    ("ForeignConnector", 'New-ForeignConnector -Name Fax -AddressSpaces "FAX:*;1" | Out-Null',
     "Set-ForeignConnector Fax -Comment changed", '"[$((Get-ForeignConnector Fax).Comment)]"'),
    ("TransportConfig", "", "Set-TransportConfig -MaxRecipientEnvelopeLimit 100",
     '"$((Get-TransportConfig).MaxRecipientEnvelopeLimit)"'),
    ("TransportServer", "", "Set-TransportServer EXCH01 -MaxOutboundConnections 500",
     '"$((Get-TransportServer EXCH01).MaxOutboundConnections)"'),
    ("TransportService", "", "Set-TransportService EXCH01 -MaxOutboundConnections 500",
     '"$((Get-TransportService EXCH01).MaxOutboundConnections)"'),
    ("ExchangeServer", "", "Set-ExchangeServer EXCH01 -ErrorReportingEnabled $true",
     '"[$((Get-ExchangeServer EXCH01).ErrorReportingEnabled)]"'),
]


@pytest.mark.parametrize("kind, setup, command, probe", NEW_CASES + SET_CASES,
                         ids=[f"{'New' if case in NEW_CASES else 'Set'}-{case[0]}"
                              for case in NEW_CASES + SET_CASES])
def test_exception_after_the_write_rolls_back(shell, kind, setup, command, probe):
    if setup:
        shell.ok(setup)
    before = shell.ok(probe)
    # A patch context of its own: undoing it must not undo the fixture's store settings.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ExchangeCmdlet, "warn_about", _stop)
        result = shell.run(command)
    assert "stopped after the write" in result.err
    assert shell.ok(probe) == before
    # and without the stop, the same command does change what the probe shows
    shell.ok(command + " | Out-Null")
    assert shell.ok(probe) != before


REMOVE_CASES = [
    ("SendConnector", "New-SendConnector -Name T -AddressSpaces t.com | Out-Null",
     "Remove-SendConnector T", "@(Get-SendConnector).Count"),
    ("ReceiveConnector", RECEIVE, 'Remove-ReceiveConnector "EXCH01\\R"',
     "@(Get-ReceiveConnector).Count"),
    ("AcceptedDomain", "New-AcceptedDomain -Name F -DomainName f.com | Out-Null",
     "Remove-AcceptedDomain F", "@(Get-AcceptedDomain).Count"),
    ("RemoteDomain", "New-RemoteDomain -Name C -DomainName c.com | Out-Null",
     "Remove-RemoteDomain C", "@(Get-RemoteDomain).Count"),
    ("ForeignConnector", 'New-ForeignConnector -Name Fax -AddressSpaces "FAX:*;1" | Out-Null',
     "Remove-ForeignConnector Fax", "@(Get-ForeignConnector).Count"),
]


@pytest.mark.parametrize("kind, setup, command, probe", REMOVE_CASES,
                         ids=[case[0] for case in REMOVE_CASES])
def test_remove_that_cannot_confirm_or_fails_after_deleting_changes_nothing(
        shell, kind, setup, command, probe):
    from exshell.store.repository import Store

    shell.ok(setup)
    before = shell.ok(probe)
    # Non-interactive: the confirmation can't be asked, the command stops.
    assert shell.run(command).code == 1
    assert shell.ok(probe) == before
    # An exception raised after the row is deleted, inside the transaction.
    real_remove = Store.remove

    def remove_then_fail(self, *args, **kwargs):
        real_remove(self, *args, **kwargs)
        raise PSRuntimeError(ErrorRecord(message="failed after deleting", error_id="Stopped"))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Store, "remove", remove_then_fail)
        assert "failed after deleting" in shell.run(command + " -Confirm:$false").err
    assert shell.ok(probe) == before
    shell.ok(command + " -Confirm:$false")
    assert shell.ok(probe) != before
