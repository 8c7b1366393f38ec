"""Accepted domains and remote domains end to end: the default accepted domain,
MakeDefault, the built-in Default remote domain, pipelines and table views."""
from __future__ import annotations

import re

from test_exchange_support import shell  # noqa: F401 - fixture


def _value(out: str, name: str) -> str:
    match = re.search(rf"^{name}\s+: (.*)$", out, re.MULTILINE)
    assert match, f"{name} missing from:\n{out}"
    return match.group(1).strip()


def _rows(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.strip()]


def test_new_accepted_domain_is_listed_with_the_ems_columns(shell):
    shell.ok("New-AcceptedDomain -DomainName Contoso.com -DomainType Authoritative -Name Contoso")
    rows = _rows(shell.ok("Get-AcceptedDomain"))
    assert rows[0].split() == ["Name", "DomainName", "DomainType", "Default"]
    assert rows[2].split() == ["Contoso", "Contoso.com", "Authoritative", "True"]


def test_make_default_moves_the_default_mark(shell):
    shell.ok("New-AcceptedDomain -DomainName contoso.com -Name Contoso\n"
             "New-AcceptedDomain -DomainName fabrikam.com -Name Fabrikam -DomainType InternalRelay")
    shell.ok("Set-AcceptedDomain -Identity Fabrikam -MakeDefault $true")
    out = shell.ok("Get-AcceptedDomain | ForEach-Object { $_.Name + '=' + $_.Default }")
    assert sorted(out.split()) == ["Contoso=False", "Fabrikam=True"]


def test_where_filter_on_domain_type(shell):
    shell.ok("New-AcceptedDomain -DomainName contoso.com -Name Contoso\n"
             "New-AcceptedDomain -DomainName fabrikam.com -Name Fabrikam -DomainType ExternalRelay")
    out = shell.ok("Get-AcceptedDomain | Where{$_.DomainType -eq 'Authoritative'} | ForEach-Object { $_.Name }")
    assert out.split() == ["Contoso"]


def test_duplicate_domain_name_and_default_removal_are_refused(shell):
    shell.ok("New-AcceptedDomain -DomainName contoso.com -Name Contoso\n"
             "New-AcceptedDomain -DomainName fabrikam.com -Name Fabrikam")
    result = shell.run("New-AcceptedDomain -DomainName contoso.com -Name Again")
    assert "contoso.com" in result.err
    result = shell.run("Remove-AcceptedDomain Contoso -Confirm:$false")
    assert "default" in result.err
    shell.ok("Remove-AcceptedDomain Fabrikam -Confirm:$false")
    assert shell.ok("Get-AcceptedDomain | ForEach-Object { $_.Name }").split() == ["Contoso"]


def test_default_remote_domain_exists_and_cannot_be_removed(shell):
    rows = _rows(shell.ok("Get-RemoteDomain"))
    assert rows[0].split() == ["Name", "DomainName", "AllowedOOFType"]
    assert rows[2].split()[:2] == ["Default", "*"]
    result = shell.run("Remove-RemoteDomain Default -Confirm:$false")
    assert "Default" in result.err
    assert _rows(shell.ok("Get-RemoteDomain"))[2].startswith("Default")


def test_new_and_set_remote_domain(shell):
    shell.ok("New-RemoteDomain -DomainName *.contoso.com -Name Contoso")
    shell.ok("Set-RemoteDomain Contoso -AllowedOOFType None -DeliveryReportEnabled $false -TNEFEnabled $true")
    out = shell.ok("Get-RemoteDomain -Identity Contoso | Format-List")
    assert _value(out, "DomainName") == "*.contoso.com"
    assert _value(out, "AllowedOOFType") == "None"
    assert _value(out, "DeliveryReportEnabled") == "False"
    assert _value(out, "TNEFEnabled") == "True"


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
