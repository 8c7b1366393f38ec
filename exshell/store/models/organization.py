"""The organization-wide transport settings (Get-/Set-TransportConfig) and Foreign connectors.

Contract:
  * ``TransportConfig`` is a singleton (name 'Transport Settings'); the store
    creates it with the organization, so Get-TransportConfig always finds it.
    Defaults are Exchange 2010's (MaxSendSize/MaxReceiveSize 10 MB,
    MaxRecipientEnvelopeLimit 5000, the six monitored DSN codes ...).
  * ``ForeignConnector`` (New-/Get-/Set-/Remove-ForeignConnector): a connector
    that hands messages to a drop directory for a non-SMTP gateway; it lives in
    the routing group's Connections container with the Send connectors, so the
    two kinds share one name space, as in Active Directory.
"""
from __future__ import annotations

import re
from typing import Any, ClassVar

from exshell.store.models.base import (
    AD_CONFIGURATION_BASES, EXCHANGE_2010_VERSION, ROUTING_GROUP, SEND_CONNECTOR_BASES, Directory,
    ExchangeObject, escape_cn, fail, first_or_none,
)
from exshell.store.models.fields import (
    AddressSpaceList, ByteSize, CountOrUnlimited, IPRangeList, SizeOrUnlimited, SmtpAddressValue,
    SmtpDomainList, SmtpDomainValue, SmtpDomainWithSubdomainsList, Text, TextList, TimeSpan, enum,
)

TRANSPORT_SETTINGS = "Transport Settings"
MONITORED_DSN_CODES = ["5.4.8", "5.4.6", "5.4.4", "5.2.4", "5.2.0", "5.1.4"]
_DSN_CODE = re.compile(r"^[245]\.\d{1,3}\.\d{1,3}$")


class TransportConfig(ExchangeObject):
    KIND: ClassVar[str] = "TransportConfig"
    CONTAINER: ClassVar[str] = "Transport Settings"
    TYPE_NAMES: ClassVar[tuple[str, ...]] = (
        "Microsoft.Exchange.Data.Directory.SystemConfiguration.TransportConfigContainer",
    ) + AD_CONFIGURATION_BASES
    OBJECT_CLASS: ClassVar[tuple[str, ...]] = ("top", "container", "msExchTransportSettings")
    OBJECT_CATEGORY: ClassVar[str] = "ms-Exch-Transport-Settings"
    RANGES: ClassVar[dict[str, tuple[Any, Any]]] = {
        "ExternalDsnMaxMessageAttachSize": (0, 2147483647),
        "InternalDsnMaxMessageAttachSize": (0, 2147483647),
        "MaxReceiveSize": (0, 2147482624),
        "MaxSendSize": (0, 2147482624),
        "MaxRecipientEnvelopeLimit": (0, 2147483647),
        "MaxDumpsterSizePerDatabase": (0, 2199023254528),
        "MaxDumpsterTime": ("00:00:00", "24855.03:14:07"),
        "ShadowHeartbeatRetryCount": (1, 15),
    }

    Name: str = TRANSPORT_SETTINGS
    ClearCategories: bool = True
    ConvertDisclaimerWrapperToEml: bool = False
    DSNConversionMode: enum("DSNConversionOption") = "UseExchangeDSNs"
    ExternalDelayDsnEnabled: bool = True
    ExternalDsnDefaultLanguage: Text = None
    ExternalDsnLanguageDetectionEnabled: bool = True
    ExternalDsnMaxMessageAttachSize: ByteSize = "10MB"
    ExternalDsnReportingAuthority: SmtpDomainValue = None
    ExternalDsnSendHtml: bool = True
    ExternalPostmasterAddress: SmtpAddressValue = None
    GenerateCopyOfDSNFor: TextList = MONITORED_DSN_CODES
    HygieneSuite: str = "Standard"
    InternalDelayDsnEnabled: bool = True
    InternalDsnDefaultLanguage: Text = None
    InternalDsnLanguageDetectionEnabled: bool = True
    InternalDsnMaxMessageAttachSize: ByteSize = "10MB"
    InternalDsnReportingAuthority: SmtpDomainValue = None
    InternalDsnSendHtml: bool = True
    InternalSMTPServers: IPRangeList = []
    JournalingReportNdrTo: SmtpAddressValue = None
    LegacyJournalingMigrationEnabled: bool = False
    MaxDumpsterSizePerDatabase: ByteSize = "18MB"
    MaxDumpsterTime: TimeSpan = "7.00:00:00"
    MaxReceiveSize: SizeOrUnlimited = "10MB"
    MaxRecipientEnvelopeLimit: CountOrUnlimited = 5000
    MaxSendSize: SizeOrUnlimited = "10MB"
    MigrationEnabled: bool = False
    OpenDomainRoutingEnabled: bool = False
    OrganizationFederatedMailbox: Text = None
    OtherWellKnownObjects: TextList = []
    PreserveReportBodypart: bool = True
    Rfc2231EncodingEnabled: bool = False
    ShadowHeartbeatRetryCount: int = 12
    ShadowHeartbeatTimeoutInterval: TimeSpan = "00:15:00"
    ShadowMessageAutoDiscardInterval: TimeSpan = "2.00:00:00"
    ShadowRedundancyEnabled: bool = True
    SupervisionTags: TextList = ["Reject", "Allow"]
    TLSReceiveDomainSecureList: SmtpDomainWithSubdomainsList = []
    TLSSendDomainSecureList: SmtpDomainList = []
    VerifySecureSubmitEnabled: bool = False
    VoicemailJournalingEnabled: bool = True
    HeaderPromotionModeSetting: enum("HeaderPromotionMode") = "NoCreate"
    Xexch50Enabled: bool = True
    ExchangeVersion: str = EXCHANGE_2010_VERSION

    def distinguished_name(self, directory: Directory) -> str:
        return f"CN={TRANSPORT_SETTINGS},{directory.organization_dn}"

    def check_rules(self) -> list[str]:
        warnings = super().check_rules()
        for code in self.GenerateCopyOfDSNFor:
            if not _DSN_CODE.match(str(code)):
                fail(f'"{code}" isn\'t a valid delivery status notification code. Use the '
                     "enhanced status code form class.subject.detail, for example 5.7.1.",
                     "InvalidDsnCode", target=code)
        return warnings


class ForeignConnector(ExchangeObject):
    KIND: ClassVar[str] = "ForeignConnector"
    CONTAINER: ClassVar[str] = "Connections"
    TYPE_NAMES: ClassVar[tuple[str, ...]] = (
        "Microsoft.Exchange.Data.Directory.SystemConfiguration.ForeignConnector",
    ) + SEND_CONNECTOR_BASES
    OBJECT_CLASS: ClassVar[tuple[str, ...]] = ("top", "mailGateway", "msExchForeignConnector")
    OBJECT_CATEGORY: ClassVar[str] = "ms-Exch-Foreign-Connector"
    PROPERTY_ORDER: ClassVar[tuple[str, ...]] = (
        "DropDirectory", "DropDirectoryQuota", "RelayDsnRequired", "Disabled", "AddressSpaces",
        "ConnectedDomains", "IsScopedConnector", "IsSmtpConnector", "Comment", "Enabled",
        "MaxMessageSize", "HomeMTA", "HomeMtaServerId", "SourceRoutingGroup",
        "SourceTransportServers", "Identity", "Name",
    )
    RANGES: ClassVar[dict[str, tuple[Any, Any]]] = {
        "MaxMessageSize": (0, 2147483647),
        "DropDirectoryQuota": (1, 2147483647),
    }

    DropDirectory: Text = None
    DropDirectoryQuota: SizeOrUnlimited = "unlimited"
    RelayDsnRequired: bool = False
    AddressSpaces: AddressSpaceList = []
    ConnectedDomains: TextList = []
    IsScopedConnector: bool = False
    Comment: Text = None
    Enabled: bool = True
    MaxMessageSize: SizeOrUnlimited = "unlimited"
    HomeMTA: str = "Microsoft MTA"
    HomeMtaServerId: Text = None
    SourceRoutingGroup: str = ROUTING_GROUP
    SourceTransportServers: TextList = []

    @property
    def Disabled(self) -> bool:  # noqa: N802 - the legacy inverse of Enabled that 2010 shows
        return not self.Enabled

    @property
    def IsSmtpConnector(self) -> bool:  # noqa: N802
        return False

    def distinguished_name(self, directory: Directory) -> str:
        return f"CN={escape_cn(self.Name)},{directory.connections_dn}"

    def check_rules(self) -> list[str]:
        warnings = super().check_rules()
        if len(self.AddressSpaces) == 0:
            fail("The AddressSpaces property of a Foreign connector can't be empty.",
                 "AddressSpacesRequired", target=self.Name)
        if self.DropDirectory is not None and re.search(r'[<>"|?*]', self.DropDirectory):
            fail(f'The drop directory "{self.DropDirectory}" isn\'t a valid path.',
                 "InvalidDropDirectory", target=self.DropDirectory)
        return warnings

    def check_in(self, store: Any) -> list[str]:
        from exshell.store.servers import server_roles

        if len(self.SourceTransportServers) == 0:
            self.set_converted("SourceTransportServers", [store.local_server_name()])
        roles = server_roles(store, self.SourceTransportServers)
        self.set_converted("SourceTransportServers", list(roles))
        for name, role in roles.items():
            if role == "Edge":
                fail(f'"{name}" is an Edge Transport server. Foreign connectors run on Hub '
                     "Transport servers only.", "ForeignConnectorOnEdge", target=self.Name)
        self.HomeMtaServerId = first_or_none(self.SourceTransportServers)
        return []
