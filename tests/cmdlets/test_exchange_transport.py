"""Organization and server objects end to end: TransportConfig, TransportServer
(and its later name TransportService), ExchangeServer, New-TransportServer,
and Foreign connectors."""
from __future__ import annotations

import pytest

from test_exchange_support import list_value, shell, table_rows  # noqa: F401 - fixture


def test_transport_config_defaults_and_multi_valued_set(shell):
    out = shell.ok("Get-TransportConfig")
    assert list_value(out, "MaxSendSize") == "10 MB (10,485,760 bytes)"
    assert list_value(out, "MaxReceiveSize") == "10 MB (10,485,760 bytes)"
    shell.ok("Set-TransportConfig -GenerateCopyOfDSNFor 5.7.1,5.7.2,5.7.3\n"
             "Set-TransportConfig -JournalingReportNdrTo journalingndr@contoso.com")
    out = shell.ok("Get-TransportConfig | Format-List *DSN*")
    assert list_value(out, "GenerateCopyOfDSNFor") == "{5.7.1, 5.7.2, 5.7.3}"
    assert "MaxSendSize" not in out
    assert list_value(shell.ok("Get-TransportConfig | Format-List"), "JournalingReportNdrTo") == (
        "journalingndr@contoso.com")


def test_transport_server_is_the_local_server_and_set_changes_it(shell):
    assert shell.ok("Get-TransportServer | ForEach-Object { $_.Name }").split() == ["EXCH01"]
    shell.ok("Set-TransportServer EXCH01 -TransientFailureRetryCount 3 -TransientFailureRetryInterval 00:00:30\n"
             'Set-TransportServer EXCH01 -ReceiveProtocolLogPath "C:\\SMTP Protocol Logs\\Receive.log"')
    out = shell.ok("Get-TransportServer EXCH01 | Format-List")
    assert list_value(out, "TransientFailureRetryCount") == "3"
    assert list_value(out, "TransientFailureRetryInterval") == "00:00:30"
    assert list_value(out, "ReceiveProtocolLogPath") == "C:\\SMTP Protocol Logs\\Receive.log"


def test_transport_service_names_reach_the_same_objects(shell):
    shell.ok("Set-TransportService EXCH01 -DelayNotificationTimeout 13:00:00")
    out = shell.ok("Get-TransportServer EXCH01 | Format-List")
    assert list_value(out, "DelayNotificationTimeout") == "13:00:00"
    assert shell.ok("Get-TransportService | ForEach-Object { $_.Name }").split() == ["EXCH01"]


@pytest.mark.parametrize("command", ["Set-TransportServer", "Set-TransportService"])
def test_both_names_check_the_model_range_of_a_shared_setting(shell, command):
    result = shell.run(f"{command} EXCH01 -PoisonThreshold 11")
    assert result.code == 1
    assert "The 11 argument is greater than the maximum allowed range of 10" in result.err
    assert list_value(shell.ok("Get-TransportServer EXCH01 | Format-List"), "PoisonThreshold") == "2"


def test_a_later_only_parameter_is_refused_with_a_version_hint(shell):
    result = shell.run("Set-TransportService EXCH01 -AgentLogEnabled $true")
    assert "A parameter cannot be found that matches parameter name 'AgentLogEnabled'." in result.err


def test_new_transport_server_registers_servers_for_source_lists(shell):
    shell.ok("New-TransportServer -Name HUB02 -Role HubTransport\nNew-TransportServer EDGE01 -Role Edge")
    names = shell.ok("Get-ExchangeServer | ForEach-Object { $_.Name }").split()
    assert sorted(names) == ["EDGE01", "EXCH01", "HUB02"]
    shell.ok("New-SendConnector -Name Hubs -AddressSpaces contoso.com -SourceTransportServers EXCH01,HUB02")
    result = shell.run("New-SendConnector -Name Mixed -AddressSpaces contoso.com "
                       "-SourceTransportServers HUB02,EDGE01")
    assert "all Hub Transport servers or all Edge Transport servers" in result.err
    assert shell.ok("Get-TransportServer HUB02 | ForEach-Object { $_.Name }").strip() == "HUB02"


def test_exchange_server_table_and_set(shell):
    rows = table_rows(shell.ok("Get-ExchangeServer"))
    assert rows[0].split() == ["Name", "Site", "ServerRole", "Edition", "AdminDisplayVersion"]
    assert rows[2].startswith("EXCH01")
    shell.ok("Set-ExchangeServer -Identity 'EXCH01' -CustomerFeedbackEnabled $true\n"
             "Set-ExchangeServer -Identity EXCH01 -ErrorReportingEnabled $false")
    out = shell.ok("Get-ExchangeServer -Identity EXCH01 | Format-List")
    assert list_value(out, "CustomerFeedbackEnabled") == "True"
    assert list_value(out, "ErrorReportingEnabled") == "False"
    assert "couldn't be found" in shell.run("Get-ExchangeServer NOPE").err


def test_foreign_connector_lifecycle(shell):
    shell.ok("New-TransportServer -Name Hub01 -Role HubTransport\nNew-TransportServer -Name Hub02\n"
             'New-ForeignConnector -Name "Fax Connector" -AddressSpaces "X400:c=US;a=Fabrikam;P=Contoso;5" '
             "-SourceTransportServers Hub01,Hub02")
    rows = table_rows(shell.ok("Get-ForeignConnector"))
    assert rows[0].split() == ["Identity", "AddressSpaces", "Enabled"]
    assert rows[2].startswith("Fax Connector") and "X400:c=US;a=Fabrikam;P=Contoso;5" in rows[2]
    shell.ok('Set-ForeignConnector "Fax Connector" -MaxMessageSize 10MB')
    out = shell.ok('Get-ForeignConnector "Fax Connector" | Format-List')
    assert list_value(out, "MaxMessageSize") == "10 MB (10,485,760 bytes)"
    shell.ok('Remove-ForeignConnector "Fax Connector" -Confirm:$false')
    assert shell.ok("Get-ForeignConnector").strip() == ""
