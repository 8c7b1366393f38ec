"""New-/Get-/Set-/Remove-ReceiveConnector end to end: SERVER\\Name identities,
usage defaults, the binding/remote-range rule, the -Server filter."""
from __future__ import annotations

import pytest

from test_exchange_support import list_value, shell, table_rows  # noqa: F401 - fixture

CUSTOM = ("New-ReceiveConnector -Name Test -Usage Custom -Bindings 10.10.1.1:25 "
          "-RemoteIPRanges 192.168.0.1-192.168.0.24")


def test_new_connector_has_server_identity_and_given_values(shell):
    shell.ok(CUSTOM)
    out = shell.ok(r'Get-ReceiveConnector "EXCH01\Test" | Format-List')
    assert list_value(out, "Identity") == r"EXCH01\Test"
    assert list_value(out, "Bindings") == "{10.10.1.1:25}"
    assert list_value(out, "RemoteIPRanges") == "{192.168.0.1-192.168.0.24}"
    assert list_value(out, "Enabled") == "True"


def test_plain_name_identity_and_default_table_view(shell):
    shell.ok(CUSTOM)
    out = shell.ok("Get-ReceiveConnector Test")
    lines = table_rows(out)
    assert lines[0].split() == ["Identity", "Bindings", "Enabled"]
    assert lines[2].startswith("EXCH01\\Test") and "{10.10.1.1:25}" in lines[2]


def test_server_filter_lists_that_servers_connectors(shell):
    shell.ok(CUSTOM + "\nNew-TransportServer -Name HUB02 -Role HubTransport\n"
             "New-ReceiveConnector -Name Other -Server HUB02 -Usage Custom -Bindings 10.10.1.2:25 "
             "-RemoteIPRanges 10.0.0.0/24")
    mine = shell.ok("Get-ReceiveConnector -Server EXCH01 | ForEach-Object { $_.Identity }").split("\n")
    assert r"EXCH01\Test" in mine and not any(name.startswith("HUB02") for name in mine)
    theirs = shell.ok("Get-ReceiveConnector -Server HUB02 | ForEach-Object { $_.Identity }").split("\n")
    assert r"HUB02\Other" in theirs and all(name.startswith("HUB02\\") for name in theirs if name)


def test_same_binding_and_remote_range_twice_on_one_server_is_refused(shell):
    shell.ok(CUSTOM)
    result = shell.run("New-ReceiveConnector -Name Test2 -Usage Custom -Bindings 10.10.1.1:25 "
                       "-RemoteIPRanges 192.168.0.1-192.168.0.24")
    assert "Bindings" in result.err and "RemoteIPRanges" in result.err
    assert "Test2" not in shell.ok("Get-ReceiveConnector | ForEach-Object { $_.Name }")


def test_usage_types_seed_permission_groups(shell):
    shell.ok("New-ReceiveConnector -Name Part -Partner -Bindings 10.10.1.6:25 -RemoteIPRanges 10.9.0.0/16")
    out = shell.ok(r"Get-ReceiveConnector Part | Format-List")
    assert list_value(out, "PermissionGroups") == "Partners"


def test_two_usage_selectors_are_refused(shell):
    # Each usage switch is its own parameter set, so the binder refuses the mix.
    result = shell.run("New-ReceiveConnector -Name X -Usage Custom -Partner -Bindings 10.10.1.7:25 "
                       "-RemoteIPRanges 10.1.0.0/16")
    assert "Parameter set cannot be resolved" in result.err
    assert "X" not in shell.ok("Get-ReceiveConnector | ForEach-Object { $_.Name }").split()


def test_set_changes_banner_and_timeout_and_pipeline_set_works(shell):
    shell.ok(CUSTOM)
    shell.ok('Set-ReceiveConnector -Identity Test -Banner "220 SMTP OK" -ConnectionTimeout 00:15:00')
    out = shell.ok("Get-ReceiveConnector Test | Format-List")
    assert list_value(out, "Banner") == "220 SMTP OK"
    assert list_value(out, "ConnectionTimeout") == "00:15:00"
    shell.ok("Get-ReceiveConnector Test | Set-ReceiveConnector -Enabled $false")
    assert list_value(shell.ok("Get-ReceiveConnector Test | Format-List"), "Enabled") == "False"


def test_remove_and_unknown_identity(shell):
    shell.ok(CUSTOM)
    shell.ok("Remove-ReceiveConnector -Identity Test -Confirm:$false")
    result = shell.run("Get-ReceiveConnector -Identity Test")
    assert "couldn't be found" in result.err


def test_server_given_by_fqdn_stores_the_server_name_and_unknown_server_fails(shell):
    shell.ok("New-ReceiveConnector -Name R1 -Server exch01.contoso.com -Usage Custom -Bindings 10.9.9.9:25 "
             "-RemoteIPRanges 10.0.0.0/8")
    assert list_value(shell.ok("Get-ReceiveConnector R1 | Format-List"), "Identity") == r"EXCH01\R1"
    result = shell.run("New-ReceiveConnector -Name R2 -Server NOPE -Usage Custom -Bindings 10.9.9.8:25 "
                       "-RemoteIPRanges 10.0.0.0/8")
    assert "object 'NOPE' couldn't be found" in result.err
    assert "R2" not in shell.ok("Get-ReceiveConnector | ForEach-Object { $_.Name }").split()


def test_server_filter_with_an_unknown_server_is_an_error(shell):
    assert "object 'NOPE' couldn't be found" in shell.run("Get-ReceiveConnector -Server NOPE").err


# (the command's usage selector and listener parameter, the property its usage fills in,
#  Exchange 2010's default for it): the page's syntax blocks leave that one optional.
USAGE_SET_DEFAULTS = [
    ("-Internal -RemoteIPRanges 10.0.0.0/8", "Bindings", "{0.0.0.0:25}"),
    ("-Client -RemoteIPRanges 192.168.1.0/24", "Bindings", "{0.0.0.0:587}"),
    ("-Usage Internal -RemoteIPRanges 10.0.0.0/8", "Bindings", "{0.0.0.0:25}"),
    ("-Usage Client -RemoteIPRanges 192.168.1.0/24", "Bindings", "{0.0.0.0:587}"),
    ("-Internet -Bindings 0.0.0.0:2525", "RemoteIPRanges",
     "{0.0.0.0-255.255.255.255, ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff}"),
    ("-Usage Internet -Bindings 0.0.0.0:2525", "RemoteIPRanges",
     "{0.0.0.0-255.255.255.255, ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff}"),
]


@pytest.mark.parametrize("selector, name, expected", USAGE_SET_DEFAULTS,
                         ids=[row[0] for row in USAGE_SET_DEFAULTS])
def test_a_usage_fills_in_the_listener_property_it_leaves_optional(shell, selector, name, expected):
    shell.ok(f"New-ReceiveConnector -Name U {selector}")
    assert list_value(shell.ok(r"Get-ReceiveConnector U | Format-List"), name) == expected


def test_internet_connector_on_port_25_once_the_default_connector_is_gone(shell):
    # Exchange's Default connector already serves 0.0.0.0:25 for every address, so an
    # Internet connector on the same binding conflicts with it until it is removed.
    conflict = shell.run("New-ReceiveConnector -Name X -Internet -Bindings 0.0.0.0:25")
    assert r'Receive connector "EXCH01\Default EXCH01"' in conflict.err, conflict.text
    shell.ok(r'Remove-ReceiveConnector "EXCH01\Default EXCH01" -Confirm:$false' "\n"
             "New-ReceiveConnector -Name X -Internet -Bindings 0.0.0.0:25")
    out = shell.ok(r"Get-ReceiveConnector X | Format-List")
    assert list_value(out, "Bindings") == "{0.0.0.0:25}"
    assert list_value(out, "PermissionGroups") == "AnonymousUsers"


def test_a_given_value_wins_over_the_usage_default(shell):
    shell.ok("New-ReceiveConnector -Name U -Client -Bindings 10.1.1.1:465 -RemoteIPRanges 10.0.0.0/8")
    assert list_value(shell.ok(r"Get-ReceiveConnector U | Format-List"), "Bindings") == "{10.1.1.1:465}"


@pytest.mark.parametrize("command, missing", [
    ("New-ReceiveConnector -Name U -Internet", "Bindings"),
    ("New-ReceiveConnector -Name U -Internal", "RemoteIPRanges"),
    ("New-ReceiveConnector -Name U -Client", "RemoteIPRanges"),
    ("New-ReceiveConnector -Name U -Partner -Bindings 0.0.0.0:2525", "RemoteIPRanges"),
    ("New-ReceiveConnector -Name U -Bindings 0.0.0.0:2525", "RemoteIPRanges"),
])
def test_a_mandatory_listener_property_of_the_set_is_asked_for(shell, command, missing):
    result = shell.run(command)
    assert f"missing mandatory parameters: {missing}" in result.err, result.text
    assert "U" not in shell.ok("Get-ReceiveConnector | ForEach-Object { $_.Name }").split()


@pytest.mark.parametrize("usage, missing", [("Custom", "Bindings"), ("Partner", "RemoteIPRanges"),
                                            ("Internet", "Bindings"), ("Client", "RemoteIPRanges")])
def test_usage_parameter_without_a_default_reports_what_is_required(shell, usage, missing):
    other = "-RemoteIPRanges 10.0.0.0/8" if missing == "Bindings" else "-Bindings 0.0.0.0:2525"
    if usage in ("Internet", "Client"):
        other = ""
    result = shell.run(f"New-ReceiveConnector -Name U -Usage {usage} {other}")
    assert f"The {missing} parameter is required for the {usage} usage type." in result.err, result.text
    assert "U" not in shell.ok("Get-ReceiveConnector | ForEach-Object { $_.Name }").split()


def test_binding_conflict_names_the_clashing_range_of_the_bindings_family(shell):
    result = shell.run('Set-ReceiveConnector "EXCH01\\Client EXCH01" -Bindings 0.0.0.0:25')
    assert 'conflict with the settings on Receive connector "EXCH01\\Default EXCH01"' in result.err
    assert "(binding 0.0.0.0:25)" in result.err
    assert "(remote IP range 0.0.0.0-255.255.255.255)" in result.err
    result = shell.run('Set-ReceiveConnector "EXCH01\\Client EXCH01" -Bindings "[::]:25"')
    assert "(remote IP range ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff)" in result.err
