"""Accepted domains and remote domains end to end: the default accepted domain,
MakeDefault, the built-in Default remote domain, pipelines and table views."""
from __future__ import annotations

from test_exchange_support import list_value, shell, table_rows  # noqa: F401 - fixture


def test_fresh_store_has_the_organization_default_accepted_domain(shell):
    rows = table_rows(shell.ok("Get-AcceptedDomain"))
    assert rows[0].split() == ["Name", "DomainName", "DomainType", "Default"]
    assert [row.split() for row in rows[2:]] == [
        ["contoso.com", "contoso.com", "Authoritative", "True"]]
    out = shell.ok("Get-AcceptedDomain | Where{$_.DomainType -eq 'Authoritative'} | "
                   "ForEach-Object { $_.Name + '=' + $_.DomainName + '=' + $_.Default }")
    assert out.split() == ["contoso.com=contoso.com=True"]


def test_organization_domain_follows_the_environment(shell, monkeypatch):
    monkeypatch.setenv("EXSHELL_DOMAIN", "Litware.Example")
    assert shell.ok("(Get-AcceptedDomain).Name; \"$((Get-AcceptedDomain).DomainName)\"").split() == [
        "litware.example", "litware.example"]


def test_organization_domain_from_a_dotted_server_name(shell, monkeypatch):
    monkeypatch.delenv("EXSHELL_DOMAIN", raising=False)
    monkeypatch.setenv("EXSHELL_SERVER", "HUB01.corp.fabrikam.com")
    assert shell.ok("(Get-AcceptedDomain).Name").split() == ["corp.fabrikam.com"]


def test_new_accepted_domain_is_listed_with_the_ems_columns(shell):
    shell.ok("New-AcceptedDomain -DomainName Fabrikam.com -DomainType Authoritative -Name Fabrikam")
    rows = table_rows(shell.ok("Get-AcceptedDomain"))
    assert rows[0].split() == ["Name", "DomainName", "DomainType", "Default"]
    assert ["Fabrikam", "Fabrikam.com", "Authoritative", "False"] in [r.split() for r in rows]


def test_make_default_moves_the_default_mark(shell):
    shell.ok("New-AcceptedDomain -DomainName fabrikam.com -Name Fabrikam -DomainType InternalRelay")
    shell.ok("Set-AcceptedDomain -Identity Fabrikam -MakeDefault $true")
    out = shell.ok("Get-AcceptedDomain | ForEach-Object { $_.Name + '=' + $_.Default }")
    assert sorted(out.split()) == ["Fabrikam=True", "contoso.com=False"]
    shell.ok("Set-AcceptedDomain contoso.com -MakeDefault $true")
    out = shell.ok("Get-AcceptedDomain | ForEach-Object { $_.Name + '=' + $_.Default }")
    assert sorted(out.split()) == ["Fabrikam=False", "contoso.com=True"]


def test_where_filter_on_domain_type(shell):
    shell.ok("New-AcceptedDomain -DomainName fabrikam.com -Name Fabrikam -DomainType ExternalRelay\n"
             "New-AcceptedDomain -DomainName litware.com -Name Litware")
    out = shell.ok("Get-AcceptedDomain | Where{$_.DomainType -eq 'Authoritative'} | ForEach-Object { $_.Name }")
    assert sorted(out.split()) == ["Litware", "contoso.com"]


def test_duplicate_domain_name_is_refused(shell):
    result = shell.run("New-AcceptedDomain -DomainName Contoso.com -Name Again")
    assert 'The accepted domain "contoso.com" already uses the domain name "Contoso.com".' in result.err
    assert shell.ok("Get-AcceptedDomain | ForEach-Object { $_.Name }").split() == ["contoso.com"]


def test_default_accepted_domain_cannot_be_removed(shell):
    result = shell.run("Remove-AcceptedDomain contoso.com -Confirm:$false")
    assert ('The accepted domain "contoso.com" is the default accepted domain and can\'t be '
            "removed.") in result.err
    assert "DefaultAcceptedDomainRemoval" in result.err
    result = shell.run("Get-AcceptedDomain | Remove-AcceptedDomain -Confirm:$false")
    assert "default accepted domain" in result.err
    assert shell.ok("Get-AcceptedDomain | ForEach-Object { $_.Name }").split() == ["contoso.com"]


def test_old_default_can_be_removed_once_another_is_the_default(shell):
    shell.ok("New-AcceptedDomain -DomainName fabrikam.com -Name Fabrikam\n"
             "Set-AcceptedDomain Fabrikam -MakeDefault $true\n"
             "Remove-AcceptedDomain contoso.com -Confirm:$false")
    out = shell.ok("Get-AcceptedDomain | ForEach-Object { $_.Name + '=' + $_.Default }")
    assert out.split() == ["Fabrikam=True"]


def test_default_remote_domain_exists_and_cannot_be_removed(shell):
    rows = table_rows(shell.ok("Get-RemoteDomain"))
    assert rows[0].split() == ["Name", "DomainName", "AllowedOOFType"]
    assert rows[2].split()[:2] == ["Default", "*"]
    result = shell.run("Remove-RemoteDomain Default -Confirm:$false")
    assert "Default" in result.err
    assert table_rows(shell.ok("Get-RemoteDomain"))[2].startswith("Default")


def test_new_and_set_remote_domain(shell):
    shell.ok("New-RemoteDomain -DomainName *.contoso.com -Name Contoso")
    shell.ok("Set-RemoteDomain Contoso -AllowedOOFType None -DeliveryReportEnabled $false -TNEFEnabled $true")
    out = shell.ok("Get-RemoteDomain -Identity Contoso | Format-List")
    assert list_value(out, "DomainName") == "*.contoso.com"
    assert list_value(out, "AllowedOOFType") == "None"
    assert list_value(out, "DeliveryReportEnabled") == "False"
    assert list_value(out, "TNEFEnabled") == "True"


def test_pipeline_where_set_remote_domain(shell):
    shell.ok("New-RemoteDomain -DomainName contoso.com -Name Contoso")
    shell.ok("Get-RemoteDomain | Where {$_.AutoReplyEnabled -eq $false} | "
             "Set-RemoteDomain -AutoForwardEnabled $false -NDREnabled $false")
    out = shell.ok("Get-RemoteDomain | ForEach-Object { $_.Name + '=' + $_.NDREnabled }")
    assert "Default=False" in out.split()


def test_remove_remote_domain_and_unknown_identity(shell):
    shell.ok("New-RemoteDomain -DomainName contoso.com -Name Contoso\nRemove-RemoteDomain Contoso -Confirm:$false")
    assert "couldn't be found" in shell.run("Get-RemoteDomain Contoso").err
    assert "couldn't be found" in shell.run("Set-AcceptedDomain Nope -MakeDefault $true").err


def test_remote_domain_character_sets_are_checked(shell):
    result = shell.run("Set-RemoteDomain Default -CharacterSet txt")
    assert '"txt" isn\'t a valid value for the CharacterSet property.' in result.err
    assert "InvalidCharacterSet" in result.err
    assert list_value(shell.ok("Get-RemoteDomain Default | Format-List"), "CharacterSet") == "iso-8859-1"
    shell.ok("Set-RemoteDomain Default -CharacterSet UTF-8 -NonMimeCharacterSet $null")
    out = shell.ok("Get-RemoteDomain Default | Format-List")
    assert list_value(out, "CharacterSet") == "utf-8"
    assert shell.ok('"[$((Get-RemoteDomain Default).NonMimeCharacterSet)]"').strip() == "[]"
    result = shell.run("Set-RemoteDomain Default -NonMimeCharacterSet latin")
    assert '"latin" isn\'t a valid value for the NonMimeCharacterSet property.' in result.err
