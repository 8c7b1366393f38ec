"""Editing fetched objects as the Exchange documentation teaches ("Modifying
Multivalued Properties"): change the object in memory, then hand the value to a
Set- cmdlet.  Nothing reaches the store until the Set- cmdlet runs."""
from __future__ import annotations

from test_exchange_support import shell  # noqa: F401 - fixture

SETUP = "New-SendConnector -Name X -AddressSpaces contoso.com | Out-Null\n"


def test_append_to_address_spaces_then_set(shell):
    out = shell.ok(SETUP + '$c = Get-SendConnector X\n'
                   '$c.AddressSpaces += "*.litware.com;3"\n'
                   '$c.AddressSpaces.GetType().Name\n'
                   '$c.AddressSpaces -join ","\n'
                   '(Get-SendConnector X).AddressSpaces -join ","\n'
                   'Set-SendConnector X -AddressSpaces $c.AddressSpaces\n'
                   '(Get-SendConnector X).AddressSpaces -join ","')
    assert out.splitlines() == [
        "MultiValuedProperty`1",
        "SMTP:contoso.com;1,SMTP:*.litware.com;3",
        "SMTP:contoso.com;1",                              # not written yet
        "SMTP:contoso.com;1,SMTP:*.litware.com;3",         # written by Set-SendConnector
    ]
    # and a new process sees it
    assert shell.ok("(Get-SendConnector X).AddressSpaces.Count").strip() == "2"


def test_receive_connector_remote_ip_ranges_idiom(shell):
    out = shell.ok('$r = Get-ReceiveConnector "EXCH01\\Default EXCH01"\n'
                   '$r.RemoteIPRanges += "10.0.0.1"\n'
                   'Set-ReceiveConnector "EXCH01\\Default EXCH01" -RemoteIPRanges $r.RemoteIPRanges\n'
                   '(Get-ReceiveConnector "EXCH01\\Default EXCH01").RemoteIPRanges -join ","')
    assert out.strip().endswith(",10.0.0.1")


def test_scalar_assignment_is_in_memory_only(shell):
    out = shell.ok(SETUP + '$c = Get-SendConnector X; $c.Port = 2525; $c.Port; '
                   '(Get-SendConnector X).Port; $c.Port.GetType().Name')
    assert out.split() == ["2525", "25", "Int32"]


def test_assigned_object_value_feeds_set(shell):
    out = shell.ok(SETUP + '$c = Get-SendConnector X; $c.Port = "2525"; '
                   'Set-SendConnector X -Port $c.Port; (Get-SendConnector X).Port')
    assert out.strip() == "2525"


def test_read_only_property_error(shell):
    result = shell.run(SETUP + '$c = Get-SendConnector X; $c.Identity = "Y"; $c.Guid = $null; "after"')
    assert "'Identity' is a ReadOnly property." in result.err
    assert "'Guid' is a ReadOnly property." in result.err
    assert "PropertyAssignmentException" in result.err
    assert result.out.strip() == "after"


def test_conversion_error_is_exception_setting(shell):
    result = shell.run(SETUP + '$c = Get-SendConnector X; $c.Port = "abc"; '
                       '$c.AddressSpaces += "bad space x"; $c.Port; $c.AddressSpaces.Count')
    assert ('Exception setting "Port": "Cannot convert value "abc" to type "System.Int32". '
            'Error: "Input string was not in a correct format.""') in result.err
    assert 'Exception setting "AddressSpaces": "The SMTP address space "bad space x"' in result.err
    assert "SetValueInvocationException" in result.err
    assert result.out.split() == ["25", "1"]


def test_unknown_property_error(shell):
    result = shell.run(SETUP + '$c = Get-SendConnector X; $c.NoSuchThing = 1')
    assert ("The property 'NoSuchThing' cannot be found on this object. Verify that the property "
            "exists and can be set.") in result.err
