"""The Receive connector with its Exchange 2010 defaults, usage types and rules.

Contract: ``ReceiveConnector`` is the stored object of New-/Get-/Set-/Remove-
ReceiveConnector; its Identity is ``Server\\Name`` and its name is unique per
server.  ``USAGE_DEFAULTS`` is the one table of what each usage type assigns
(permission groups, authentication, the binding or remote range it fills in);
``usage_properties(usage, bound)`` applies it for New-ReceiveConnector, filling in
the Bindings or RemoteIPRanges a usage defaults and requiring the ones it does not.
``check_rules`` holds the AuthMechanism combinations and ranges; ``check_in``
refuses a binding + remote-range pair already served by another connector of
the same server ("Multiple Receive connectors on the same server can have
overlapping remote IP address ranges as long as one IP address range is
completely overlapped by another").
"""
from __future__ import annotations

import ipaddress
from typing import Any, ClassVar, Optional

from exshell.store.models.base import (
    AD_CONFIGURATION_BASES, Directory, ExchangeObject, escape_cn, fail,
)
from exshell.store.models.fields import (
    ByteSize, CountOrUnlimited, FqdnValue, IPBindingList, IPRangeList, Text, TextList, TimeSpan,
    enum,
)

ALL_IPV4 = "0.0.0.0-255.255.255.255"
ALL_IPV6 = "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"

#: usage -> what New-ReceiveConnector seeds for it: permission groups, authentication
#: methods, and Exchange 2010's value for whichever of Bindings/RemoteIPRanges the
#: usage's parameter set leaves optional (the page's syntax blocks: Internet needs
#: only Bindings, Internal and Client only RemoteIPRanges, Custom and Partner both).
#: A listener property a usage has no default for is required with that usage.
USAGE_DEFAULTS: dict[str, dict[str, Any]] = {
    "Custom": {"PermissionGroups": "None", "AuthMechanism": "Tls"},
    "Partner": {"PermissionGroups": "Partners", "AuthMechanism": "Tls"},
    "Internet": {"PermissionGroups": "AnonymousUsers", "AuthMechanism": "Tls",
                 "RemoteIPRanges": [ALL_IPV4, ALL_IPV6]},
    "Internal": {"PermissionGroups": "ExchangeServers, ExchangeLegacyServers",
                 "AuthMechanism": "Tls, ExchangeServer", "Bindings": ["0.0.0.0:25"]},
    # 587: the port of the Client receive connector Exchange 2010 setup creates.
    "Client": {"PermissionGroups": "ExchangeUsers",
               "AuthMechanism": "Tls, Integrated, BasicAuth, BasicAuthRequireTLS",
               "Bindings": ["0.0.0.0:587"]},
}
LISTENER_PROPERTIES = ("Bindings", "RemoteIPRanges")
USAGE_SWITCHES = ("Custom", "Internal", "Internet", "Client", "Partner")


class ReceiveConnector(ExchangeObject):
    KIND: ClassVar[str] = "ReceiveConnector"
    CONTAINER: ClassVar[str] = "SMTP Receive Connectors"
    TYPE_NAMES: ClassVar[tuple[str, ...]] = (
        "Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector",
    ) + AD_CONFIGURATION_BASES
    OBJECT_CLASS: ClassVar[tuple[str, ...]] = ("top", "msExchSmtpReceiveConnector")
    OBJECT_CATEGORY: ClassVar[str] = "ms-Exch-Smtp-Receive-Connector"
    RANGES: ClassVar[dict[str, tuple[Any, Any]]] = {
        "MaxHeaderSize": (1, 2147483647),
        "MaxHopCount": (1, 500),
        "MaxLocalHopCount": (0, 50),
        "MaxLogonFailures": (0, 10),
        "MaxInboundConnection": (1, 2147483647),
        "MaxInboundConnectionPerSource": (1, 10000),
        "MaxInboundConnectionPercentagePerSource": (1, 100),
        "MaxProtocolErrors": (0, 2147483647),
        "MaxRecipientsPerMessage": (1, 512000),
        "MessageRateLimit": (1, 2147483647),
    }

    AuthMechanism: enum("AuthMechanisms") = "Tls"
    Banner: Text = None
    BinaryMimeEnabled: bool = True
    Bindings: IPBindingList = []
    ChunkingEnabled: bool = True
    DefaultDomain: Text = None
    DeliveryStatusNotificationEnabled: bool = True
    EightBitMimeEnabled: bool = True
    BareLinefeedRejectionEnabled: bool = False
    DomainSecureEnabled: bool = False
    EnhancedStatusCodesEnabled: bool = True
    LongAddressesEnabled: bool = False
    OrarEnabled: bool = False
    SuppressXAnonymousTls: bool = False
    AdvertiseClientSettings: bool = False
    Fqdn: FqdnValue = None
    Comment: Text = None
    Enabled: bool = True
    ConnectionTimeout: TimeSpan = "00:10:00"
    ConnectionInactivityTimeout: TimeSpan = "00:05:00"
    MessageRateLimit: CountOrUnlimited = "unlimited"
    MessageRateSource: enum("MessageRateSourceFlags") = "IPAddress"
    MaxInboundConnection: CountOrUnlimited = 5000
    MaxInboundConnectionPerSource: CountOrUnlimited = 20
    MaxInboundConnectionPercentagePerSource: int = 2
    MaxHeaderSize: ByteSize = "64KB"
    MaxHopCount: int = 30
    MaxLocalHopCount: int = 8
    MaxLogonFailures: int = 3
    MaxMessageSize: ByteSize = "10MB"
    MaxProtocolErrors: CountOrUnlimited = 5
    MaxRecipientsPerMessage: int = 200
    PermissionGroups: enum("PermissionGroups") = "None"
    PipeliningEnabled: bool = True
    ProtocolLoggingLevel: enum("ProtocolLoggingLevel") = "None"
    RemoteIPRanges: IPRangeList = []
    RequireEHLODomain: bool = False
    RequireTLS: bool = False
    EnableAuthGSSAPI: bool = False
    ExtendedProtectionPolicy: enum("ExtendedProtectionPolicySetting") = "None"
    SizeEnabled: enum("SizeMode") = "Enabled"
    TarpitInterval: TimeSpan = "00:00:05"
    MaxAcknowledgementDelay: TimeSpan = "00:00:30"
    # Entries look like 'contoso.com:AcceptOorgProtocol' (domain plus capabilities).
    TlsDomainCapabilities: TextList = []
    Server: Text

    @property
    def Identity(self) -> str:  # noqa: N802
        return f"{self.Server}\\{self.Name}"

    def server_key(self) -> str:
        return self.Server.lower()

    def distinguished_name(self, directory: Directory) -> str:
        return (f"CN={escape_cn(self.Name)},CN=SMTP Receive Connectors,CN=Protocols,"
                f"CN={escape_cn(self.Server)},{directory.servers_dn}")

    # ---------------------------------------------------------------- rules
    def check_rules(self) -> list[str]:
        warnings = super().check_rules()
        if len(self.Bindings) == 0:
            fail("The Bindings property can't be empty. Specify at least one local IP address "
                 "and port (for example, 0.0.0.0:25).", "BindingsRequired", target=self.Identity)
        if len(self.RemoteIPRanges) == 0:
            fail("The RemoteIPRanges property can't be empty. Specify at least one remote IP "
                 "address, range or CIDR block.", "RemoteIPRangesRequired", target=self.Identity)
        mechanisms = set(_flag_names(self.AuthMechanism))
        # "None only by itself" can't be seen here: None is the flags' zero, so
        # "None, Tls" already converted to Tls; the enum conversion owns that rule.
        if "BasicAuthRequireTLS" in mechanisms and not {"BasicAuth", "Tls"} <= mechanisms:
            fail("The AuthMechanism value BasicAuthRequireTLS also requires the values BasicAuth "
                 "and Tls.", "BasicAuthRequireTlsIncomplete", target=self.Identity)
        if "ExternalAuthoritative" in mechanisms:
            if mechanisms - {"ExternalAuthoritative", "Tls"}:
                fail("The AuthMechanism value ExternalAuthoritative can be combined only with Tls.",
                     "ExternalAuthoritativeCombined", target=self.Identity)
            if "ExchangeServers" not in _flag_names(self.PermissionGroups):
                fail("The AuthMechanism value ExternalAuthoritative requires the PermissionGroups "
                     "value ExchangeServers.", "ExternalAuthoritativeRequiresExchangeServers",
                     target=self.Identity)
        if self.RequireTLS and "Tls" not in mechanisms:
            fail("The AuthMechanism value Tls is required when RequireTLS is $true.",
                 "RequireTlsWithoutTlsMechanism", target=self.Identity)
        if self.Banner is not None and not self.Banner.startswith("220"):
            fail(f'The banner "{self.Banner}" isn\'t valid. A custom SMTP banner must start with '
                 'the 220 response code, for example "220 mail.contoso.com".',
                 "BannerMustStartWith220", target=self.Identity)
        if self.BinaryMimeEnabled and not self.ChunkingEnabled:
            warnings.append("BinaryMimeEnabled is $true but ChunkingEnabled is $false: BINARYMIME "
                            "is advertised only when CHUNKING is enabled.")
        return warnings

    def check_in(self, store: Any) -> list[str]:
        server = store.get("ExchangeServer", self.Server)
        self.Server = server.Name
        if self.Fqdn is None:
            self.set_converted("Fqdn", server.Fqdn)
        if self.DefaultDomain:
            self.DefaultDomain = store.get("AcceptedDomain", self.DefaultDomain).Name
        warnings = []
        if self.SuppressXAnonymousTls and not store.get(
                "TransportServer", server.Name).UseDowngradedExchangeServerAuth:
            warnings.append(f"SuppressXAnonymousTls takes effect only when "
                            f"UseDowngradedExchangeServerAuth is $true on server {server.Name} "
                            "(Set-TransportServer).")
        for other in store.list("ReceiveConnector", server=server.Name):
            if other.Guid == self.Guid or other.server_key() != self.server_key():
                continue
            conflict = _conflicting_pair(self, other)
            if conflict:
                binding, remote = conflict
                fail(f'The values that you specified for the Bindings and RemoteIPRanges '
                     f'parameters conflict with the settings on Receive connector '
                     f'"{other.Identity}". A Receive connector must have a unique combination of '
                     f'local IP address and port (binding {binding}) and remote IP address range '
                     f'(remote IP range {remote}).', "ReceiveConnectorBindingConflict",
                     target=self.Identity)
        return warnings


    def check_removal(self, store: Any) -> None:
        for sender in store.list("SendConnector"):
            if (sender.LinkedReceiveConnector or "").lower() == self.Identity.lower():
                fail(f'The Receive connector "{self.Identity}" is linked to the Send connector '
                     f'"{sender.Name}" and can\'t be removed. Clear the Send connector\'s '
                     "LinkedReceiveConnector setting or remove the Send connector first.",
                     "LinkedReceiveConnectorRemoval", target=self.Identity)


def usage_properties(usage: Text, bound: dict[str, Any], **switches: bool) -> dict[str, Any]:
    """The properties New-ReceiveConnector gets from its usage type.

    ``usage`` is the -Usage value (or None); ``switches`` says which of
    -Custom/-Internal/-Internet/-Client/-Partner were present; ``bound`` holds
    the other bound parameters.  Returns the defaults to apply under ``bound``
    (bound values win).  Raises ValidationError for conflicting selectors and
    for a Bindings/RemoteIPRanges the usage needs but has no default for
    (reachable through -Usage, whose parameter set makes both optional).
    """
    chosen = [name for name in USAGE_SWITCHES if switches.get(name)]
    given = chosen + (["Usage"] if usage is not None else [])
    if len(given) > 1:
        fail(f"The {given[0]} and {given[1]} parameters can't be used together. Specify only one "
             "usage type (Custom, Internal, Internet, Client, Partner or Usage).",
             "UsageTypeConflict")
    name = str(usage) if usage is not None else (chosen[0] if chosen else "Custom")
    facts = USAGE_DEFAULTS[name]
    for parameter in LISTENER_PROPERTIES:
        if parameter not in bound and parameter not in facts:
            fail(f"The {parameter} parameter is required for the {name} usage type.",
                 f"Usage{name}Requires{parameter}")
    return dict(facts)


# ------------------------------------------------------------ binding overlap
def _flag_names(value: Any) -> list[str]:
    names = getattr(value, "names", None)
    if callable(names):
        return list(names())
    return [part.strip() for part in str(value).split(",") if part.strip()]


def _binding_parts(binding: Any) -> tuple[Any, int]:
    text = str(binding)
    host, _, port = text.rpartition(":")
    host = host.strip("[]")
    return ipaddress.ip_address(host), int(port)


def _bindings_overlap(first: Any, second: Any) -> bool:
    address_a, port_a = _binding_parts(first)
    address_b, port_b = _binding_parts(second)
    if port_a != port_b or address_a.version != address_b.version:
        return False
    return address_a == address_b or address_a.is_unspecified or address_b.is_unspecified


def ip_range_bounds(value: Any) -> tuple[int, int, int]:
    """(version, first, last) of an IP range text: single address, a-b, or CIDR."""
    text = str(value).strip()
    if "/" in text:
        network = ipaddress.ip_network(text, strict=False)
        return network.version, int(network.network_address), int(network.broadcast_address)
    if "-" in text:
        low, high = (ipaddress.ip_address(part.strip()) for part in text.split("-", 1))
        return low.version, int(low), int(high)
    single = ipaddress.ip_address(text.split("%", 1)[0])
    return single.version, int(single), int(single)


def _ranges_conflict(first: Any, second: Any) -> bool:
    """Equal ranges, or ranges that overlap without one containing the other."""
    version_a, low_a, high_a = ip_range_bounds(first)
    version_b, low_b, high_b = ip_range_bounds(second)
    if version_a != version_b or high_a < low_b or high_b < low_a:
        return False
    if (low_a, high_a) == (low_b, high_b):
        return True
    a_in_b = low_b <= low_a and high_a <= high_b
    b_in_a = low_a <= low_b and high_b <= high_a
    return not (a_in_b or b_in_a)


def _conflicting_pair(mine: ReceiveConnector, other: ReceiveConnector) -> Optional[tuple[str, str]]:
    for binding in mine.Bindings:
        if not any(_bindings_overlap(binding, theirs) for theirs in other.Bindings):
            continue
        # Name a remote range of the binding's own address family when one clashes:
        # an IPv4 listener meets IPv4 clients (the message should not cite ::/0 for it).
        version = _binding_parts(binding)[0].version
        remotes = sorted(mine.RemoteIPRanges, key=lambda r: ip_range_bounds(r)[0] != version)
        for remote in remotes:
            if any(_ranges_conflict(remote, theirs) for theirs in other.RemoteIPRanges):
                return str(binding), str(remote)
    return None
