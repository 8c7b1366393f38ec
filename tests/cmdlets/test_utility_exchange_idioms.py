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


def test_multivalued_property_joins_with_spaces_in_strings_but_lists_in_braces(shell):  # noqa: F811
    out = shell.ok("New-SendConnector -Name C -AddressSpaces a.com,b.com | Out-Null\n"
                   "$c = Get-SendConnector C\n"
                   "\"$($c.AddressSpaces)\"\n"
                   "$c.AddressSpaces -join ','\n"
                   "$c | Format-List AddressSpaces")
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines == ["SMTP:a.com;1 SMTP:b.com;1", "SMTP:a.com;1,SMTP:b.com;1",
                     "AddressSpaces : {SMTP:a.com;1, SMTP:b.com;1}"]


def test_modifying_a_multivalued_property_of_a_fetched_object(shell):  # noqa: F811
    # the Exchange 2010 documentation's "Modifying Multivalued Properties" idioms
    out = shell.ok("New-SendConnector -Name M -AddressSpaces a.com | Out-Null\n"
                   "$c = Get-SendConnector M\n"
                   "$c.AddressSpaces.Add('z.com')\n"
                   "Set-SendConnector M -AddressSpaces $c.AddressSpaces\n"
                   "(Get-SendConnector M).AddressSpaces -join ','\n"
                   "$c.AddressSpaces.Remove('a.com')\n"
                   "$c.AddressSpaces -join ','")
    assert out.split() == ["SMTP:a.com;1,SMTP:z.com;1", "True", "SMTP:z.com;1"]
    result = shell.run("$c = Get-SendConnector M; $c.AddressSpaces.Add('z.com')")
    assert 'The value "z.com" is already present in the collection.' in result.err
