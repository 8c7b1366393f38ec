"""An object's Guid works as its identity, as in the Exchange Management Shell."""
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
