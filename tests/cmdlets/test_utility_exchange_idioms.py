"""Exchange Management Shell idioms: an object's Guid as its identity, $env:COMPUTERNAME."""
from test_exchange_support import shell  # noqa: F401 - fixture


def test_guid_of_a_connector_finds_it_by_argument_and_by_pipeline(shell):  # noqa: F811
    result = shell.run("New-SendConnector -Name A -AddressSpaces a.com | Out-Null\n"
                       "$g = (Get-SendConnector A).Guid\n"
                       "$g.GetType().FullName\n"
                       "(Get-SendConnector $g).Name\n"
                       "($g | Get-SendConnector).Name\n"
                       "(Get-SendConnector -Identity \"$g\").Name\n"
                       "(Get-SendConnector A).AddressSpaces.GetType().Name")
    assert result.err == ""
    assert result.out.split() == ["System.Guid", "A", "A", "A", "MultiValuedProperty`1"]


def test_env_computername_defaults_to_the_local_exchange_server(shell, monkeypatch):  # noqa: F811
    monkeypatch.delenv("COMPUTERNAME", raising=False)
    out = shell.ok("$env:COMPUTERNAME\n"
                   "Set-TransportServer $env:COMPUTERNAME -MaxOutboundConnections 500\n"
                   "\"$((Get-TransportServer $env:COMPUTERNAME).MaxOutboundConnections)\"")
    assert out.split() == ["EXCH01", "500"]


def test_env_computername_keeps_a_defined_value(shell, monkeypatch):  # noqa: F811
    monkeypatch.setenv("COMPUTERNAME", "OTHER")
    assert shell.ok("\"$env:COMPUTERNAME\"").strip() == "OTHER"
