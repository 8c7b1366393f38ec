"""The Send connector (SmtpSendConnectorConfig) with its Exchange 2010 defaults and rules.

Contract: ``SendConnector`` is the stored object of New-/Get-/Set-/Remove-
SendConnector.  Its fields are every property Get-SendConnector shows, in
Exchange 2010's Format-List order, with 2010 defaults.  ``check_rules`` holds
every rule of send_connector_rules.md that depends on the connector alone;
``check_in`` the ones that need the organization (source servers exist and are
all Hub or all Edge, the linked Receive connector exists, Edge connectors use
SMTP spaces only).  ``usage_from_switches`` is the one place the usage selectors
of New-SendConnector are reconciled; ``USAGE_DEFAULTS`` what each usage seeds.

Two page statements are advisory here, because the pages' own examples break
them: SmartHostAuthMechanism "applies only" to smart-host connectors (example 2
of New-SendConnector sets BasicAuth on a DNS-routed connector) and TlsDomain
"is used only" with DomainValidation; both produce a warning, not an error.
The page's ambiguous "TlsDomain is required if DomainValidation / if
DNSRoutingEnabled is $false" is read as both at once (a smart-host connector
validating the smart host's domain), which is also what transport_semantics.md
describes; requiring it for every smart-host connector would reject the seed
example.
"""
from __future__ import annotations

from typing import Any, ClassVar, Optional

from pydantic import Field

from exshell.store.models.base import (
    ROUTING_GROUP, SEND_CONNECTOR_BASES, Directory, ExchangeObject, escape_cn, fail, first_or_none,
)
from exshell.store.models.fields import (
    AddressSpaceList, FqdnValue, IPAddressValue, SizeOrUnlimited, SmartHostList,
    SmtpDomainWithSubdomainsValue, Text, TextList, TimeSpan, enum,
)

SMTP = "SMTP"
BASIC_AUTH_MECHANISMS = ("BasicAuth", "BasicAuthRequireTLS")
USAGE_SWITCHES = ("Custom", "Internal", "Internet", "Partner")
#: usage type -> properties it seeds when the command does not set them.  The 2010
#: pages tie usage to permissions only; the EMC wizard of the same era describes
#: Partner connectors as domain-secured (mutual TLS), the one property default a
#: usage type changes here.
USAGE_DEFAULTS: dict[str, dict[str, Any]] = {
    "Custom": {},
    "Internet": {},
    "Partner": {"DomainSecureEnabled": True},
    "Internal": {},
}


class SendConnector(ExchangeObject):
    KIND: ClassVar[str] = "SendConnector"
    CONTAINER: ClassVar[str] = "Connections"
    TYPE_NAMES: ClassVar[tuple[str, ...]] = (
        "Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig",
    ) + SEND_CONNECTOR_BASES
    OBJECT_CLASS: ClassVar[tuple[str, ...]] = ("top", "msExchRoutingSMTPConnector")
    OBJECT_CATEGORY: ClassVar[str] = "ms-Exch-Routing-SMTP-Connector"
    SECRET_FIELDS: ClassVar[tuple[str, ...]] = ("AuthenticationCredential",)
    PROPERTY_ORDER: ClassVar[tuple[str, ...]] = (
        "AddressSpaces", "AuthenticationCredential", "Comment", "ConnectedDomains",
        "ConnectionInactivityTimeOut", "DNSRoutingEnabled", "DomainSecureEnabled", "Enabled",
        "ErrorPolicies", "ForceHELO", "Fqdn", "HomeMTA", "HomeMtaServerId", "Identity",
        "IgnoreSTARTTLS", "IsCoexistenceConnector", "IsScopedConnector", "IsSmtpConnector",
        "LinkedReceiveConnector", "MaxMessageSize", "Name", "Port", "ProtocolLoggingLevel",
        "RequireOorg", "RequireTLS", "SmartHostAuthMechanism", "SmartHosts", "SmartHostsString",
        "SmtpMaxMessagesPerConnection", "SourceIPAddress", "SourceRoutingGroup",
        "SourceTransportServers", "TlsAuthLevel", "TlsDomain", "UseExternalDNSServersEnabled",
    )
    RANGES: ClassVar[dict[str, tuple[Any, Any]]] = {
        "Port": (0, 65535),
        "ConnectionInactivityTimeOut": ("00:00:01", "1.00:00:00"),
        "MaxMessageSize": (0, 2147483647),
        "SmtpMaxMessagesPerConnection": (1, 2147483647),
    }

    AddressSpaces: AddressSpaceList = []
    # Never serialized by pydantic: the repository seals it (exshell/store/secrets.py).
    AuthenticationCredential: Optional[Any] = Field(default=None, exclude=True)
    Comment: Text = None
    ConnectedDomains: TextList = []
    ConnectionInactivityTimeOut: TimeSpan = "00:10:00"
    DNSRoutingEnabled: bool = True
    DomainSecureEnabled: bool = False
    Enabled: bool = True
    ErrorPolicies: enum("ErrorPolicies") = "Default"
    ForceHELO: bool = False
    Fqdn: FqdnValue = None
    HomeMTA: str = "Microsoft MTA"
    HomeMtaServerId: Text = None
    IgnoreSTARTTLS: bool = False
    IsCoexistenceConnector: bool = False
    IsScopedConnector: bool = False
    LinkedReceiveConnector: Text = None
    MaxMessageSize: SizeOrUnlimited = "10MB"
    Port: int = 25
    ProtocolLoggingLevel: enum("ProtocolLoggingLevel") = "None"
    RequireOorg: bool = False
    RequireTLS: bool = False
    SmartHostAuthMechanism: enum("SmartHostAuthMechanism") = "None"
    SmartHosts: SmartHostList = []
    SmtpMaxMessagesPerConnection: int = 20
    SourceIPAddress: IPAddressValue = "0.0.0.0"
    SourceRoutingGroup: str = ROUTING_GROUP
    SourceTransportServers: TextList = []
    TlsAuthLevel: enum("TlsAuthLevel") = None
    TlsDomain: SmtpDomainWithSubdomainsValue = None
    UseExternalDNSServersEnabled: bool = False

    # ------------------------------------------------------------- computed
    @property
    def IsSmtpConnector(self) -> bool:  # noqa: N802
        return True

    @property
    def SmartHostsString(self) -> str:  # noqa: N802
        return ",".join(str(host) for host in self.SmartHosts)

    def distinguished_name(self, directory: Directory) -> str:
        return f"CN={escape_cn(self.Name)},{directory.connections_dn}"

    # ---------------------------------------------------------------- rules
    def check_rules(self) -> list[str]:
        warnings = super().check_rules()
        auth = str(self.SmartHostAuthMechanism)
        has_smart_hosts = len(self.SmartHosts) > 0
        has_spaces = len(self.AddressSpaces) > 0

        if has_smart_hosts and self.DNSRoutingEnabled:
            fail("The SmartHosts parameter can't be used while DNSRoutingEnabled is $true. Set "
                 "DNSRoutingEnabled to $false in the same command to route through smart hosts.",
                 "SmartHostsRequireDnsRoutingDisabled", target=self.Name)
        if not self.DNSRoutingEnabled and not has_smart_hosts:
            fail("The SmartHosts parameter is required when DNSRoutingEnabled is $false. Specify "
                 "at least one smart host in the same command.",
                 "DnsRoutingDisabledRequiresSmartHosts", target=self.Name)

        if self.LinkedReceiveConnector:
            if has_spaces:
                fail("You can't use the AddressSpaces parameter when the Send connector is linked "
                     "to a Receive connector (LinkedReceiveConnector).",
                     "LinkedConnectorWithAddressSpaces", target=self.Name)
            if self.DNSRoutingEnabled or not has_smart_hosts:
                fail("A Send connector linked to a Receive connector must route through smart "
                     "hosts: set DNSRoutingEnabled to $false and specify SmartHosts.",
                     "LinkedConnectorRequiresSmartHosts", target=self.Name)
            if not getattr(self.MaxMessageSize, "is_unlimited", False):
                fail("A Send connector linked to a Receive connector must have MaxMessageSize "
                     "set to unlimited.", "LinkedConnectorRequiresUnlimitedSize", target=self.Name)
        elif not has_spaces:
            fail("The AddressSpaces parameter is required unless the Send connector is linked to "
                 "a Receive connector with the LinkedReceiveConnector parameter.",
                 "AddressSpacesRequired", target=self.Name)

        for space in self.AddressSpaces:
            if not space.is_smtp and (self.DNSRoutingEnabled or not has_smart_hosts):
                fail(f'The address space "{space}" isn\'t an SMTP address space. A Send connector '
                     "with non-SMTP address spaces must route through smart hosts: specify "
                     "SmartHosts and set DNSRoutingEnabled to $false.",
                     "NonSmtpAddressSpaceRequiresSmartHosts", target=str(space))

        if auth in BASIC_AUTH_MECHANISMS and self.AuthenticationCredential is None:
            fail(f"The SmartHostAuthMechanism value {auth} requires an authentication credential. "
                 "Use the AuthenticationCredential parameter (for example, "
                 "-AuthenticationCredential (Get-Credential)).",
                 "BasicAuthRequiresCredential", target=self.Name)
        if auth != "None" and self.DNSRoutingEnabled:
            warnings.append(f"The SmartHostAuthMechanism value {auth} is used only when the Send "
                            "connector routes mail through smart hosts (DNSRoutingEnabled $false); "
                            "this connector uses DNS routing.")

        if self.RequireTLS and self.IgnoreSTARTTLS:
            fail("IgnoreSTARTTLS must be $false when RequireTLS is $true.",
                 "RequireTlsWithIgnoreStartTls", target=self.Name)
        if self.TlsAuthLevel is not None and (self.IgnoreSTARTTLS or not self.RequireTLS):
            fail("The TlsAuthLevel parameter can't be set when IgnoreSTARTTLS is $true or "
                 "RequireTLS is $false.", "TlsAuthLevelRequiresTls", target=self.Name)
        if (str(self.TlsAuthLevel) == "DomainValidation" and not self.DNSRoutingEnabled
                and self.TlsDomain is None):
            fail("The TlsDomain parameter is required when TlsAuthLevel is DomainValidation on a "
                 "Send connector that routes through smart hosts (DNSRoutingEnabled $false).",
                 "DomainValidationRequiresTlsDomain", target=self.Name)
        if self.TlsDomain is not None and str(self.TlsAuthLevel) != "DomainValidation":
            warnings.append("The TlsDomain value is used only when TlsAuthLevel is "
                            "DomainValidation.")

        if self.DomainSecureEnabled:
            if not self.DNSRoutingEnabled or self.IgnoreSTARTTLS:
                fail("Mutual TLS authentication (DomainSecureEnabled $true) requires "
                     "DNSRoutingEnabled $true and IgnoreSTARTTLS $false.",
                     "DomainSecureRequiresDnsAndTls", target=self.Name)
            for space in self.AddressSpaces:
                if space.is_smtp and "*" in space.address:
                    fail(f'The address space "{space}" contains the wildcard character (*), which '
                         "isn't supported for domains configured for mutual TLS authentication "
                         "(DomainSecureEnabled $true).",
                         "DomainSecureWildcardAddressSpace", target=str(space))
        return warnings

    def check_in(self, store: Any) -> list[str]:
        from exshell.store.servers import local_server_name, server_roles

        if len(self.SourceTransportServers) == 0:
            # Exchange makes the server the connector is created on its source server.
            roles = dict([store.server_role(local_server_name())])
        else:
            roles = server_roles(store, self.SourceTransportServers)
        if list(self.SourceTransportServers) != list(roles):  # as registered (name case)
            self.set_converted("SourceTransportServers", list(roles))
        edge = [name for name, role in roles.items() if role == "Edge"]
        hub = [name for name, role in roles.items() if role != "Edge"]
        if edge and hub:
            fail("The source transport servers of a Send connector must be all Hub Transport "
                 f"servers or all Edge Transport servers. \"{hub[0]}\" is a Hub Transport server "
                 f"and \"{edge[0]}\" is an Edge Transport server.",
                 "MixedSourceTransportServers", target=self.Name)
        if edge:
            for space in self.AddressSpaces:
                if not space.is_smtp:
                    fail(f'The address space "{space}" isn\'t valid on an Edge Transport server. '
                         "Send connectors on Edge Transport servers accept only SMTP address "
                         "spaces.", "EdgeRequiresSmtpAddressSpace", target=str(space))
        if self.LinkedReceiveConnector:
            linked = store.get("ReceiveConnector", self.LinkedReceiveConnector)
            if linked.Identity != self.LinkedReceiveConnector:
                self.LinkedReceiveConnector = linked.Identity
        home = first_or_none(self.SourceTransportServers)
        if self.HomeMtaServerId != home:
            self.HomeMtaServerId = home
        return []


def usage_from_switches(usage: Text = None, **switches: bool) -> str:
    """The usage type from New-SendConnector's -Usage and -Custom/-Internal/-Internet/-Partner.

    At most one selector may be given; none means Custom.  ``switches`` maps a
    switch name to whether it was present.
    """
    chosen = [name for name in USAGE_SWITCHES if switches.get(name)]
    given = chosen + (["Usage"] if usage is not None else [])
    if len(given) > 1:
        fail(f"The {given[0]} and {given[1]} parameters can't be used together. Specify only one "
             "usage type (Custom, Internal, Internet, Partner or Usage).",
             "UsageTypeConflict")
    if usage is not None:
        return str(usage)
    return chosen[0] if chosen else "Custom"
