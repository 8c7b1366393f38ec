"""New-/Get-/Set-/Remove-SendConnector end to end through the exshell command:
the seed example persists and shows as in the EMS, every rule of
send_connector_rules.md refuses with an error and changes nothing, multi-valued
edits, -WhatIf, unknown identities."""
from __future__ import annotations

import pytest

from test_exchange_support import SEED, list_value, shell, table_rows  # noqa: F401 - fixture

SEED_LIST = 'Get-SendConnector "Subsidiary Send Connector" | Format-List'


def test_seed_example_persists_and_lists_like_the_ems(shell):
    created = shell.run_process("-Command", SEED)
    assert created.code == 0 and not created.err, created.text
    second_process = shell.run_process("-Command", SEED_LIST)
    assert second_process.code == 0 and not second_process.err, second_process.text
    for out in (second_process.out, shell.ok(SEED_LIST), shell.ok(f"{SEED_LIST} | Out-String")):
        assert list_value(out, "AddressSpaces") == "{SMTP:*.contoso.com;5, SMTP:*.fabrikam.com;8}"
        assert list_value(out, "SmartHosts") == "{[192.168.10.1]}"  # IP smart hosts bracketed, as EMS lists them
        assert list_value(out, "DNSRoutingEnabled") == "False"
        assert list_value(out, "MaxMessageSize") == "20 MB (20,971,520 bytes)"
        assert list_value(out, "ConnectionInactivityTimeOut") == "00:10:00"
        assert list_value(out, "Enabled") == "True"
        assert list_value(out, "Port") == "25"
        assert list_value(out, "Identity") == "Subsidiary Send Connector"


def test_default_table_view_shows_identity_address_spaces_enabled(shell):
    shell.ok(SEED)
    out = shell.ok("Get-SendConnector")
    lines = table_rows(out)
    assert lines[0].split() == ["Identity", "AddressSpaces", "Enabled"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].startswith("Subsidiary Send Connector")
    assert "{SMTP:*.contoso.com;5, SMTP:*.fabrikam.com;8}" in lines[2] and lines[2].rstrip().endswith("True")


# (what the command breaks, the command, a fragment of the error it must give)
RULE_BREAKERS = [
    ("two usage selectors", 'New-SendConnector -Name X -Internet -Usage Partner -AddressSpaces contoso.com',
     "can't be used together"),
    ("two usage switches", 'New-SendConnector -Name X -Custom -Internal -AddressSpaces contoso.com',
     "can't be used together"),
    ("smart hosts with DNS routing", 'New-SendConnector -Name X -AddressSpaces contoso.com -SmartHosts 10.0.0.1',
     "DNSRoutingEnabled"),
    ("DNS routing off without smart hosts",
     'New-SendConnector -Name X -AddressSpaces contoso.com -DNSRoutingEnabled $false', "SmartHosts"),
    ("basic auth without a credential",
     'New-SendConnector -Name X -AddressSpaces contoso.com -DNSRoutingEnabled $false -SmartHosts 10.0.0.1 '
     '-SmartHostAuthMechanism BasicAuth', "AuthenticationCredential"),
    ("wildcard inside a label", 'New-SendConnector -Name X -AddressSpaces "*contoso.com"', "*contoso.com"),
    ("cost above 100", 'New-SendConnector -Name X -AddressSpaces "contoso.com;101"', "101"),
    ("cost below 1", 'New-SendConnector -Name X -AddressSpaces "contoso.com;0"', "contoso.com;0"),
    ("non-SMTP space without smart hosts",
     'New-SendConnector -Name X -AddressSpaces "X400:c=US;a=Fabrikam;P=Contoso;5"', "SmartHosts"),
    ("linked receive connector with address spaces",
     'New-SendConnector -Name X -AddressSpaces contoso.com -LinkedReceiveConnector "EXCH01\\Default EXCH01"',
     "Parameter set cannot be resolved"),
    ("IgnoreSTARTTLS with RequireTLS",
     'New-SendConnector -Name X -AddressSpaces contoso.com -RequireTLS $true -IgnoreSTARTTLS $true',
     "IgnoreSTARTTLS"),
    ("TlsAuthLevel without RequireTLS",
     'New-SendConnector -Name X -AddressSpaces contoso.com -TlsAuthLevel EncryptionOnly', "TlsAuthLevel"),
    ("domain validation without TlsDomain",
     'New-SendConnector -Name X -AddressSpaces contoso.com -RequireTLS $true -TlsAuthLevel DomainValidation '
     '-DNSRoutingEnabled $false -SmartHosts 10.0.0.1', "TlsDomain"),
    ("domain secure on a smart host connector",
     'New-SendConnector -Name X -AddressSpaces contoso.com -DomainSecureEnabled $true -DNSRoutingEnabled $false '
     '-SmartHosts 10.0.0.1', "DomainSecureEnabled"),
    ("port out of range", 'New-SendConnector -Name X -AddressSpaces contoso.com -Port 70000', "65535"),
    ("timeout out of range",
     'New-SendConnector -Name X -AddressSpaces contoso.com -ConnectionInactivityTimeOut 2.00:00:00',
     "ConnectionInactivityTimeOut"),
    ("size above the limit", 'New-SendConnector -Name X -AddressSpaces contoso.com -MaxMessageSize 3GB',
     "MaxMessageSize"),
    ("name taken twice", 'New-SendConnector -Name X -AddressSpaces contoso.com\n'
     'New-SendConnector -Name X -AddressSpaces fabrikam.com', "X"),
]


@pytest.mark.parametrize("rule, command, fragment", RULE_BREAKERS, ids=[r[0] for r in RULE_BREAKERS])
def test_every_rule_refuses_with_an_error_and_changes_nothing(shell, rule, command, fragment):
    result = shell.run(command)
    assert fragment in result.err, result.text
    assert "Traceback" not in result.text
    listing = shell.ok("Get-SendConnector | Format-List Name, AddressSpaces")
    if rule == "name taken twice":
        assert list_value(listing, "Name") == "X"
        assert list_value(listing, "AddressSpaces") == "{SMTP:contoso.com;1}"
    else:
        assert listing.strip() == ""


def test_set_rule_breaker_leaves_the_connector_unchanged(shell):
    shell.ok(SEED)
    result = shell.run('Set-SendConnector "Subsidiary Send Connector" -DNSRoutingEnabled $true -Port 26')
    assert "DNSRoutingEnabled" in result.err
    out = shell.ok(SEED_LIST)
    assert list_value(out, "DNSRoutingEnabled") == "False"
    assert list_value(out, "Port") == "25"


def test_address_space_add_and_remove_edit_only_that_entry(shell):
    shell.ok(SEED)
    shell.ok('Set-SendConnector "Subsidiary Send Connector" -AddressSpaces @{Add="*.litware.com;3"}')
    assert list_value(shell.ok(SEED_LIST), "AddressSpaces") == (
        "{SMTP:*.contoso.com;5, SMTP:*.fabrikam.com;8, SMTP:*.litware.com;3}")
    shell.ok('Set-SendConnector "Subsidiary Send Connector" -AddressSpaces @{Remove="*.litware.com;3"}')
    assert list_value(shell.ok(SEED_LIST), "AddressSpaces") == (
        "{SMTP:*.contoso.com;5, SMTP:*.fabrikam.com;8}")


def test_a_list_replaces_the_address_spaces(shell):
    shell.ok(SEED)
    shell.ok('Set-SendConnector "Subsidiary Send Connector" -AddressSpaces "contoso.com;2","fabrikam.com;3"')
    assert list_value(shell.ok(SEED_LIST), "AddressSpaces") == "{SMTP:contoso.com;2, SMTP:fabrikam.com;3}"


def test_set_changes_only_bound_properties_and_writes_nothing(shell):
    shell.ok(SEED)
    out = shell.ok('Set-SendConnector "Subsidiary Send Connector" -MaxMessageSize 10MB '
                   '-ConnectionInactivityTimeOut 00:15:00')
    assert out.strip() == ""
    listed = shell.ok(SEED_LIST)
    assert list_value(listed, "MaxMessageSize") == "10 MB (10,485,760 bytes)"
    assert list_value(listed, "ConnectionInactivityTimeOut") == "00:15:00"
    assert list_value(listed, "SmartHosts") == "{[192.168.10.1]}"


def test_pipeline_set_disables_every_connector(shell):
    shell.ok('New-SendConnector -Name A -AddressSpaces a.com\nNew-SendConnector -Name B -AddressSpaces b.com')
    shell.ok("Get-SendConnector | Set-SendConnector -Enabled $false")
    assert shell.ok("Get-SendConnector | ForEach-Object { $_.Enabled }").split() == ["False", "False"]


def test_whatif_prints_and_changes_nothing(shell):
    out = shell.ok("New-SendConnector -Name W -AddressSpaces w.com -WhatIf")
    assert 'What if: Creating Send connector "W".' in out
    assert shell.ok("Get-SendConnector").strip() == ""
    shell.ok("New-SendConnector -Name W -AddressSpaces w.com")
    out = shell.ok("Set-SendConnector W -Port 587 -WhatIf\nRemove-SendConnector W -WhatIf")
    assert 'What if: Setting Send connector "W".' in out
    assert 'What if: Removing Send connector "W".' in out
    assert list_value(shell.ok("Get-SendConnector W | Format-List"), "Port") == "25"


def test_remove_with_confirm_false_deletes(shell):
    shell.ok(SEED)
    shell.ok('Remove-SendConnector "Subsidiary Send Connector" -Confirm:$false')
    assert shell.ok("Get-SendConnector").strip() == ""


def test_remove_without_confirmation_fails_clearly_when_non_interactive(shell):
    shell.ok(SEED)
    result = shell.run('Remove-SendConnector "Subsidiary Send Connector"')
    assert result.err.strip() and "Traceback" not in result.text
    assert "Subsidiary Send Connector" in shell.ok("Get-SendConnector")


def test_unknown_identity_gives_exchange_not_found_error(shell):
    result = shell.run('Get-SendConnector "Nope"')
    assert "The operation couldn't be performed because object 'Nope' couldn't be found on" in result.err
    assert "ManagementObjectNotFoundException" in result.err
    assert "Microsoft.Exchange.Management.SystemConfigurationTasks.GetSendConnector" in result.err
    result = shell.run('Set-SendConnector "Nope" -Port 26')
    assert "couldn't be found" in result.err


def test_wildcard_and_guid_identities(shell):
    shell.ok('New-SendConnector -Name "To Contoso" -AddressSpaces contoso.com\n'
             'New-SendConnector -Name "To Fabrikam" -AddressSpaces fabrikam.com')
    assert shell.ok('Get-SendConnector "To C*" | ForEach-Object { $_.Name }').split("\n")[0] == "To Contoso"
    assert shell.ok('Get-SendConnector "Nothing*"').strip() == ""
    out = shell.ok('$g = (Get-SendConnector "To Fabrikam").Guid\nGet-SendConnector "$g" | ForEach-Object { $_.Name }')
    assert out.strip() == "To Fabrikam"


def test_usage_partner_seeds_domain_secure(shell):
    shell.ok("New-SendConnector -Name P -Partner -AddressSpaces partner.com")
    assert list_value(shell.ok("Get-SendConnector P | Format-List"), "DomainSecureEnabled") == "True"


@pytest.mark.parametrize("usage", ["Custom", "Internal", "Internet", "Partner"])
def test_usage_takes_the_four_send_usage_types(shell, usage):
    shell.ok(f"New-SendConnector -Name U -Usage {usage} -AddressSpaces u.contoso.com")
    assert shell.ok("(Get-SendConnector U).Name").strip() == "U"


def test_usage_client_is_a_receive_usage_and_is_refused_at_binding(shell):
    result = shell.run("New-SendConnector -Name U -Usage Client -AddressSpaces u.contoso.com")
    assert "Cannot bind parameter 'Usage'" in result.err, result.text
    assert "Custom, Internal, Internet, Partner" in result.err, result.text
    assert "U" not in shell.ok("Get-SendConnector | ForEach-Object { $_.Name }").split()


def test_smart_host_auth_on_dns_routed_connector_warns_but_creates(shell):
    # The page's own example 2 sets BasicAuth on a DNS-routed connector: advisory only.
    result = shell.run("New-SendConnector -Name X -AddressSpaces contoso.com -SmartHostAuthMechanism ExchangeServer")
    assert "WARNING:" in result.text and "SmartHostAuthMechanism" in result.text
    assert shell.ok("Get-SendConnector | ForEach-Object { $_.Name }").split() == ["X"]


def test_two_shells_editing_address_spaces_at_once_lose_no_update(shell):
    import subprocess

    from test_exchange_support import EXSHELL

    shell.ok("New-SendConnector -Name Shared -AddressSpaces base.example")
    processes = []
    for side in ("a", "b"):
        script = shell.folder / f"edits-{side}.ps1"
        script.write_text("".join(f'Set-SendConnector Shared -AddressSpaces @{{Add="{side}{i}.example"}}\n'
                                  for i in range(200)), encoding="utf-8")
        processes.append(subprocess.Popen(
            [str(EXSHELL), "-NoProfile", "-NonInteractive", str(script)], stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True))
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0 and not err, err
    count = shell.ok("(Get-SendConnector Shared).AddressSpaces.Count")
    assert count.strip() == "401"


def test_remove_asks_in_exchange_words_and_no_keeps_the_connector(shell):
    shell.ok(SEED)
    declined = shell.run('Remove-SendConnector "Subsidiary Send Connector"', answers=("N",))
    assert "Confirm" in declined.out
    assert "Are you sure you want to perform this action?" in declined.out
    assert 'Removing Send connector "Subsidiary Send Connector".' in declined.out
    assert "Subsidiary Send Connector" in shell.ok("Get-SendConnector")
    accepted = shell.run('Remove-SendConnector "Subsidiary Send Connector"', answers=("Y",))
    assert accepted.code == 0 and not accepted.err
    assert shell.ok("Get-SendConnector").strip() == ""
