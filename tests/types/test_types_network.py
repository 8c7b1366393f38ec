"""Network types: Fqdn, IPAddress, IPRange, IPBinding, SmartHost."""
import pytest

from exshell.cmdlets.base import ConversionError
from exshell.types.network import Fqdn, IPAddress, IPBinding, IPRange, SmartHost


@pytest.mark.parametrize("type_, given, shown", [
    (Fqdn, "mail.contoso.com", "mail.contoso.com"),
    (Fqdn, "HUB01", "HUB01"),
    (Fqdn, " edge-1.contoso.com ", "edge-1.contoso.com"),
    (IPAddress, "192.168.10.1", "192.168.10.1"),
    (IPAddress, "::1", "::1"),
    (IPAddress, "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
    (IPRange, "192.168.0.1", "192.168.0.1"),
    (IPRange, "10.0.0.1-10.0.0.50", "10.0.0.1-10.0.0.50"),
    (IPRange, "10.0.0.0/24", "10.0.0.0/24"),
    (IPRange, "10.0.0.7/24", "10.0.0.0/24"),
    (IPRange, "0.0.0.0-255.255.255.255", "0.0.0.0-255.255.255.255"),
    (IPRange, "fe80::/64", "fe80::/64"),
    (IPBinding, "10.1.1.1:25", "10.1.1.1:25"),
    (IPBinding, "0.0.0.0:25", "0.0.0.0:25"),
    (IPBinding, "[::]:25", "[::]:25"),
    (IPBinding, "[::1]:587", "[::1]:587"),
    (SmartHost, "192.168.10.1", "[192.168.10.1]"),
    (SmartHost, "[10.0.0.1]", "[10.0.0.1]"),
    (SmartHost, "smarthost.contoso.com", "smarthost.contoso.com"),
    (SmartHost, "[::1]", "[::1]"),
])
def test_accepted_and_round_trip(type_, given, shown):
    value = type_.convert(given)
    assert str(value) == shown
    assert type_.convert(str(value)) == value


@pytest.mark.parametrize("type_, bad, text", [
    (Fqdn, "bad_name.contoso.com", '"bad_name.contoso.com" isn\'t a valid fully qualified domain name (FQDN).'),
    (Fqdn, "10.0.0.1", '"10.0.0.1" isn\'t a valid fully qualified domain name (FQDN).'),
    (Fqdn, "", '"" isn\'t a valid fully qualified domain name (FQDN).'),
    (IPAddress, "10.0.0.256", "An invalid IP address was specified."),
    (IPAddress, "mail.contoso.com", "An invalid IP address was specified."),
    (IPRange, "10.0.0.5-10.0.0.1",
     'The IP address range "10.0.0.5-10.0.0.1" isn\'t valid because its start address is greater than its end address.'),
    (IPRange, "10.0.0.1-::1", 'The IP address range "10.0.0.1-::1" mixes IPv4 and IPv6 addresses.'),
    (IPRange, "10.0.0.0/33",
     '"10.0.0.0/33" isn\'t a valid IP address range. Enter a single address (192.168.1.10), a range '
     '(192.168.1.10-192.168.1.20) or a CIDR block (192.168.1.0/24).'),
    (IPBinding, "10.1.1.1", '"10.1.1.1" isn\'t a valid IP binding. Enter an IP address and a port '
     'separated by a colon, for example 10.1.1.1:25, 0.0.0.0:25 or [::]:25.'),
    (IPBinding, "::1:25", '"::1:25" isn\'t a valid IP binding. Enter an IP address and a port '
     'separated by a colon, for example 10.1.1.1:25, 0.0.0.0:25 or [::]:25.'),
    (IPBinding, "10.1.1.1:0", 'The port "0" isn\'t valid. The port must be an integer from 1 through 65535.'),
    (IPBinding, "10.1.1.1:70000", 'The port "70000" isn\'t valid. The port must be an integer from 1 through 65535.'),
    (SmartHost, "[mail.contoso.com]", '"[mail.contoso.com]" isn\'t a valid smart host. Enter a fully '
     'qualified domain name such as mail.contoso.com, or an IP address such as 192.168.1.10 or [192.168.1.10].'),
    (SmartHost, "smart host", '"smart host" isn\'t a valid smart host. Enter a fully qualified domain '
     'name such as mail.contoso.com, or an IP address such as 192.168.1.10 or [192.168.1.10].'),
])
def test_rejected(type_, bad, text):
    with pytest.raises(ConversionError) as caught:
        type_.convert(bad)
    assert str(caught.value) == text


def test_ip_range_contains():
    block = IPRange.convert("192.168.0.0/16")
    assert block.contains("192.168.10.1") and not block.contains("10.0.0.1")
    assert not block.contains("::1")
    span = IPRange.convert("10.0.0.1-10.0.0.50")
    assert span.contains(IPAddress.convert("10.0.0.50")) and not span.contains("10.0.0.51")
    assert IPRange.convert("10.0.0.1").kind == IPRange.SINGLE
    assert str(span.first) == "10.0.0.1" and str(span.last) == "10.0.0.50"


def test_binding_and_smart_host_parts():
    binding = IPBinding.convert("[::]:25")
    assert binding.port == 25 and str(binding.address) == "::"
    ip_host = SmartHost.convert("192.168.10.1")
    assert ip_host.is_ip_address and ip_host.host == "192.168.10.1" and ip_host.domain is None
    name_host = SmartHost.convert("Mail.Contoso.com")
    assert not name_host.is_ip_address and name_host.host == "Mail.Contoso.com"
    assert name_host == SmartHost.convert("mail.contoso.com")


def test_null_clears_reference_types_and_type_names():
    assert Fqdn.convert(None) is None
    assert Fqdn.dotnet_name == "Microsoft.Exchange.Data.Fqdn"
    assert IPAddress.dotnet_name == "System.Net.IPAddress"
    assert SmartHost.reference_name == "SmartHost"


def test_ipaddress_has_the_nine_dotnet_properties():
    from exshell.types.network import IPAddress
    v4 = IPAddress.convert("10.0.0.1").ps_properties()
    assert list(v4) == ["Address", "AddressFamily", "ScopeId", "IsIPv6Multicast", "IsIPv6LinkLocal",
                        "IsIPv6SiteLocal", "IsIPv6Teredo", "IsIPv4MappedToIPv6", "IPAddressToString"]
    assert (v4["Address"], v4["AddressFamily"], v4["ScopeId"]) == (16777226, "InterNetwork", None)
    v6 = IPAddress.convert("fe80::1").ps_properties()
    assert (v6["Address"], v6["AddressFamily"], v6["ScopeId"], v6["IsIPv6LinkLocal"]) == \
        (None, "InterNetworkV6", 0, True)
