"""Network value types: Fqdn, IPAddress, IPRange, IPBinding, SmartHost.

Contract:
  * ``Fqdn``: a DNS host name (single labels such as ``HUB01`` allowed), checked
    by smtp.is_domain_name; compares case-insensitively.
  * ``IPAddress``: IPv4 or IPv6 (``ipaddress`` module); display is the
    canonical text (IPv6 compressed); ``.address`` is the ipaddress object.
  * ``IPRange``: ``192.168.1.10`` (single), ``10.0.0.1-10.0.0.50`` (range) or
    ``10.0.0.0/24`` (CIDR; host bits are cleared); display canonical in the form
    given; ``first``, ``last``, ``contains(ip)``, ``kind``.
  * ``IPBinding``: ``10.1.1.1:25``, ``0.0.0.0:25``, ``[::]:25``, ``[::1]:587``;
    port 1-65535; display ``address:port`` with IPv6 in brackets.
  * ``SmartHost``: an FQDN or an IP address (``192.168.10.1`` or
    ``[192.168.10.1]``); ``is_ip_address``, ``address``, ``domain``; an IP smart
    host displays bracketed, as Exchange lists it (``[192.168.10.1]``).
  All are immutable, hashable and read back their display (``convert(str(x)) == x``).
"""
from __future__ import annotations

import re
from typing import Any, Optional

from exshell.types.common import TextValue, fail
from exshell.types.smtp import DomainNameValue, is_domain_name

_MAX_PORT = 65535


def parse_ip(text: str) -> Any:
    """An ``ipaddress`` object for ``text`` or None (no error)."""
    import ipaddress

    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


class Fqdn(DomainNameValue):
    """A fully qualified (or single-label) DNS host name."""

    dotnet_name = "Microsoft.Exchange.Data.Fqdn"
    reference_name = "Fqdn"
    _INVALID = "InvalidFqdn"
    __slots__ = ()

    @classmethod
    def _is_valid(cls, text: str) -> bool:
        # A trailing root dot is allowed; an IP address is not a host name.
        return is_domain_name(text.rstrip(".")) and parse_ip(text) is None


class IPAddress(TextValue):
    """System.Net.IPAddress."""

    dotnet_name = "System.Net.IPAddress"
    reference_name = "IPAddress"
    __slots__ = ()

    @classmethod
    def parse(cls, text: str) -> "IPAddress":
        address = parse_ip(text)
        if address is None:
            fail("InvalidIPAddress")
        return cls(str(address))

    @property
    def address(self) -> Any:
        return parse_ip(self._text)

    @property
    def is_ipv6(self) -> bool:
        return ":" in self._text

    @property
    def address_family(self) -> str:
        return "InterNetworkV6" if self.is_ipv6 else "InterNetwork"

    def ps_properties(self) -> dict[str, Any]:
        """System.Net.IPAddress's nine properties, as PowerShell lists them (Address is
        the IPv4 bytes read little-endian; it and ScopeId are empty where .NET throws)."""
        address = self.address
        v6 = self.is_ipv6
        packed = address.packed if address is not None else b""
        return {
            "Address": None if v6 else int.from_bytes(packed, "little"),
            "AddressFamily": self.address_family,
            "ScopeId": _scope_number(address) if v6 else None,
            "IsIPv6Multicast": bool(v6 and address.is_multicast),
            "IsIPv6LinkLocal": bool(v6 and address.is_link_local),
            "IsIPv6SiteLocal": bool(v6 and address.is_site_local),
            "IsIPv6Teredo": bool(v6 and address.teredo is not None),
            "IsIPv4MappedToIPv6": bool(v6 and address.ipv4_mapped is not None),
            "IPAddressToString": self._text,
        }


def _scope_number(address: Any) -> int:
    scope = getattr(address, "scope_id", None) or ""
    return int(scope) if scope.isdigit() else 0


class IPRange(TextValue):
    """An address, an ``a-b`` range, or a CIDR block."""

    dotnet_name = "Microsoft.Exchange.Data.IPRange"
    reference_name = "IPRange"
    __slots__ = ()

    SINGLE, RANGE, CIDR = "SingleAddress", "IPAddressRange", "IPAddressAndMask"

    @classmethod
    def parse(cls, text: str) -> "IPRange":
        import ipaddress

        original = text.strip()
        if "/" in original:
            try:
                network = ipaddress.ip_network(original, strict=False)
            except ValueError:
                fail("InvalidIPRange", original)
            return cls(str(network))
        if "-" in original:
            start_text, _, end_text = original.partition("-")
            start, end = parse_ip(start_text), parse_ip(end_text)
            if start is None or end is None:
                fail("InvalidIPRange", original)
            if start.version != end.version:
                fail("IPRangeFamilyMismatch", original)
            if int(start) > int(end):
                fail("IPRangeReversed", original)
            return cls(f"{start}-{end}")
        single = parse_ip(original)
        if single is None:
            fail("InvalidIPRange", original)
        return cls(str(single))

    @property
    def kind(self) -> str:
        if "/" in self._text:
            return self.CIDR
        return self.RANGE if "-" in self._text else self.SINGLE

    @property
    def first(self) -> Any:
        import ipaddress

        if "/" in self._text:
            return ipaddress.ip_network(self._text).network_address
        return parse_ip(self._text.partition("-")[0])

    @property
    def last(self) -> Any:
        import ipaddress

        if "/" in self._text:
            return ipaddress.ip_network(self._text).broadcast_address
        return parse_ip(self._text.rpartition("-")[2])

    def contains(self, address: Any) -> bool:
        """Is ``address`` (text, IPAddress or ipaddress object) inside the range?"""
        if isinstance(address, IPAddress):
            address = address.address
        elif isinstance(address, str):
            address = parse_ip(address)
        if address is None or address.version != self.first.version:
            return False
        return int(self.first) <= int(address) <= int(self.last)

    def ps_properties(self) -> dict[str, Any]:
        return {"LowerBound": str(self.first), "UpperBound": str(self.last),
                "RangeFormat": self.kind}


class IPBinding(TextValue):
    """A local address and TCP port a Receive connector listens on."""

    dotnet_name = "Microsoft.Exchange.Data.IPBinding"
    reference_name = "IPBinding"
    __slots__ = ()

    _BRACKETED = re.compile(r"^\[([^\]]+)\]:(\S*)$")

    @classmethod
    def parse(cls, text: str) -> "IPBinding":
        original = text.strip()
        bracketed = cls._BRACKETED.match(original)
        if bracketed:
            address_text, port_text = bracketed.groups()
        else:
            address_text, colon, port_text = original.rpartition(":")
            if not colon or ":" in address_text:
                fail("InvalidIPBinding", original)
        address = parse_ip(address_text)
        if address is None:
            fail("InvalidIPBinding", original)
        if not port_text.isdigit() or not 1 <= int(port_text) <= _MAX_PORT:
            fail("InvalidIPBindingPort", port_text)
        shown = f"[{address}]" if address.version == 6 else str(address)
        return cls(f"{shown}:{int(port_text)}")

    @property
    def address(self) -> Any:
        return parse_ip(self._text.rpartition(":")[0].strip("[]"))

    @property
    def port(self) -> int:
        return int(self._text.rpartition(":")[2])

    def ps_properties(self) -> dict[str, Any]:
        return {"Address": str(self.address), "Port": self.port}


class SmartHost(TextValue):
    """Where a smart-host Send connector relays: a host name or an IP address."""

    dotnet_name = "Microsoft.Exchange.Data.SmartHost"
    reference_name = "SmartHost"
    __slots__ = ()

    @classmethod
    def parse(cls, text: str) -> "SmartHost":
        original = text.strip()
        inner = original[1:-1] if original.startswith("[") and original.endswith("]") else None
        if inner is not None:
            address = parse_ip(inner)
            if address is None:
                fail("InvalidSmartHost", original)
            return cls(f"[{address}]")
        address = parse_ip(original)
        if address is not None:
            return cls(f"[{address}]")
        if not is_domain_name(original.rstrip(".")):
            fail("InvalidSmartHost", original)
        return cls(original)

    @property
    def is_ip_address(self) -> bool:
        return self._text.startswith("[")

    @property
    def address(self) -> Optional[Any]:
        """The ipaddress object of an IP smart host (None for a host name)."""
        return parse_ip(self._text[1:-1]) if self.is_ip_address else None

    @property
    def domain(self) -> Optional[str]:
        """The host name of an FQDN smart host (None for an IP address)."""
        return None if self.is_ip_address else self._text

    @property
    def host(self) -> str:
        """What to connect to: the bare IP text or the host name."""
        return self._text[1:-1] if self.is_ip_address else self._text

    def ps_properties(self) -> dict[str, Any]:
        return {"IsIPAddress": self.is_ip_address, "Address": self.address,
                "Domain": self.domain}

