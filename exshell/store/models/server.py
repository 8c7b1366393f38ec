"""Exchange servers and their transport settings (Get-ExchangeServer, Get-/Set-TransportServer).

Contract: one registered server is two stored objects with the same Guid and
DN, as in Active Directory where both cmdlets read the same server object:
``ExchangeServer`` (role, edition, version, site, the Set-ExchangeServer
settings) and ``TransportServer`` (the per-server transport settings, shown by
Get-TransportServer and by Get-TransportService, the 2013+ name).  Defaults
are Exchange 2010's for a Hub Transport server; ``EDGE_DEFAULTS`` overrides the
values the pages give differently for Edge.  ``exshell.store.servers`` creates
the pair; nothing else should.
"""
from __future__ import annotations

from typing import Any, ClassVar, Optional

from exshell.store.models.base import (
    AD_CONFIGURATION_BASES, EXCHANGE_2010_VERSION, Directory, ExchangeObject, escape_cn,
)
from exshell.store.models.fields import (
    ByteSize, CountOrUnlimited, GuidValue, IPAddressList, IPAddressValue, SizeOrUnlimited,
    SmtpAddressValue, Text, TextList, TimeSpan, enum,
)

ADMIN_DISPLAY_VERSION = "Version 14.3 (Build 123.4)"
INSTALL_PATH = "C:\\Program Files\\Microsoft\\Exchange Server\\V14\\"
TRANSPORT_ROLES = INSTALL_PATH + "TransportRoles\\"
LOGS = TRANSPORT_ROLES + "Logs\\"
ZERO_GUID = "00000000-0000-0000-0000-000000000000"
HUB = "HubTransport"
EDGE = "Edge"
SERVER_ROLES = (HUB, EDGE)

# Transport settings whose Edge default differs from the Hub default (pages' words).
EDGE_DEFAULTS: dict[str, Any] = {
    "AntispamAgentsEnabled": True,
    "RecipientValidationCacheEnabled": True,
    "TransientFailureRetryInterval": "00:10:00",
    "OutboundConnectionFailureRetryInterval": "00:30:00",
}


class ServerObject(ExchangeObject):
    """The directory facts ExchangeServer and TransportServer share: both are views of
    one Active Directory server object (its object class, category and DN)."""

    OBJECT_CLASS: ClassVar[tuple[str, ...]] = ("top", "server", "msExchExchangeServer")
    OBJECT_CATEGORY: ClassVar[str] = "ms-Exch-Exchange-Server"

    def distinguished_name(self, directory: Directory) -> str:
        return f"CN={escape_cn(self.Name)},{directory.servers_dn}"


class ExchangeServer(ServerObject):
    KIND: ClassVar[str] = "ExchangeServer"
    CONTAINER: ClassVar[str] = "Servers"
    TYPE_NAMES: ClassVar[tuple[str, ...]] = (
        "Microsoft.Exchange.Data.Directory.Management.ExchangeServer",
        "Microsoft.Exchange.Data.Directory.ADPresentationObject",
    ) + AD_CONFIGURATION_BASES

    DataPath: str = INSTALL_PATH + "Mailbox"
    Domain: str = ""
    Edition: str = "Standard"
    ExchangeLegacyDN: str = ""
    ExchangeLegacyServerRole: int = 0
    Fqdn: str = ""
    CustomerFeedbackEnabled: Optional[bool] = None
    InternetWebProxy: Text = None
    IsHubTransportServer: bool = True
    IsClientAccessServer: bool = False
    IsExchange2007OrLater: bool = True
    IsEdgeServer: bool = False
    IsMailboxServer: bool = False
    IsMemberOfCluster: str = "No"
    IsProvisionedServer: bool = False
    IsUnifiedMessagingServer: bool = False
    NetworkAddress: TextList = []
    OrganizationalUnit: str = ""
    AdminDisplayVersion: str = ADMIN_DISPLAY_VERSION
    Site: str = ""
    ServerRole: enum("ServerRole") = HUB
    ErrorReportingEnabled: Optional[bool] = None
    StaticDomainControllers: TextList = []
    StaticGlobalCatalogs: TextList = []
    StaticConfigDomainController: Text = None
    StaticExcludedDomainControllers: TextList = []
    CurrentDomainControllers: TextList = []
    CurrentGlobalCatalogs: TextList = []
    CurrentConfigDomainController: Text = None
    ProductID: Text = None
    IsExchange2007TrialEdition: bool = False
    IsExpiredExchange2007TrialEdition: bool = False
    RemainingTrialPeriod: TimeSpan = "00:00:00"
    IsValidReplicationTarget: bool = True
    ExchangeVersion: str = EXCHANGE_2010_VERSION

    @property
    def role(self) -> str:
        """'Edge' or 'HubTransport' (the distinction SourceTransportServers cares about)."""
        return EDGE if self.IsEdgeServer else HUB


class TransportServer(ServerObject):
    KIND: ClassVar[str] = "TransportServer"
    CONTAINER: ClassVar[str] = "Transport Servers"
    TYPE_NAMES: ClassVar[tuple[str, ...]] = (
        "Microsoft.Exchange.Data.Directory.SystemConfiguration.TransportServer",
        "Microsoft.Exchange.Data.Directory.ADPresentationObject",
    ) + AD_CONFIGURATION_BASES
    RANGES: ClassVar[dict[str, tuple[Any, Any]]] = {
        "DelayNotificationTimeout": ("00:00:01", "30.00:00:00"),
        "MaxConcurrentMailboxDeliveries": (1, 256),
        "MaxConcurrentMailboxSubmissions": (1, 256),
        "MaxConnectionRatePerMinute": (1, 2147483647),
        "MaxOutboundConnections": (1, 2147483647),
        "MaxPerDomainOutboundConnections": (1, 2147483647),
        "MessageExpirationTimeout": ("00:00:05", "90.00:00:00"),
        "MessageRetryInterval": ("00:00:01", "1.00:00:00"),
        "OutboundConnectionFailureRetryInterval": ("00:00:01", "20.00:00:00"),
        "PickupDirectoryMaxHeaderSize": (32768, 2147483647),
        "PickupDirectoryMaxMessagesPerMinute": (1, 20000),
        "PickupDirectoryMaxRecipientsPerMessage": (1, 10000),
        "PoisonThreshold": (1, 10),
        "QueueMaxIdleTime": ("00:00:05", "01:00:00"),
        "TransientFailureRetryCount": (0, 15),
        "TransientFailureRetryInterval": ("00:00:01", "12:00:00"),
        "MessageTrackingLogMaxFileSize": (1, 4294967296),
    }

    ActiveUserStatisticsLogMaxAge: TimeSpan = "30.00:00:00"
    ActiveUserStatisticsLogMaxDirectorySize: ByteSize = "250MB"
    ActiveUserStatisticsLogMaxFileSize: ByteSize = "10MB"
    ActiveUserStatisticsLogPath: Text = LOGS + "ActiveUsersStats"
    AntispamAgentsEnabled: bool = False
    ConnectivityLogEnabled: bool = True
    ConnectivityLogMaxAge: TimeSpan = "30.00:00:00"
    ConnectivityLogMaxDirectorySize: SizeOrUnlimited = "1000MB"
    ConnectivityLogMaxFileSize: SizeOrUnlimited = "10MB"
    ConnectivityLogPath: Text = LOGS + "Connectivity"
    ContentConversionTracingEnabled: bool = False
    DelayNotificationTimeout: TimeSpan = "04:00:00"
    ExternalDNSAdapterEnabled: bool = True
    ExternalDNSAdapterGuid: GuidValue = ZERO_GUID
    ExternalDNSProtocolOption: enum("ProtocolOption") = "Any"
    ExternalDNSServers: IPAddressList = []
    ExternalIPAddress: IPAddressValue = None
    InternalDNSAdapterEnabled: bool = True
    InternalDNSAdapterGuid: GuidValue = ZERO_GUID
    InternalDNSProtocolOption: enum("ProtocolOption") = "Any"
    InternalDNSServers: IPAddressList = []
    IntraOrgConnectorProtocolLoggingLevel: enum("ProtocolLoggingLevel") = "None"
    IntraOrgConnectorSmtpMaxMessagesPerConnection: int = 20
    IrmLogEnabled: bool = True
    IrmLogMaxAge: TimeSpan = "30.00:00:00"
    IrmLogMaxDirectorySize: SizeOrUnlimited = "250MB"
    IrmLogMaxFileSize: ByteSize = "10MB"
    IrmLogPath: Text = INSTALL_PATH + "Logging\\IRMLogs"
    MaxConcurrentMailboxDeliveries: int = 20
    MaxConcurrentMailboxSubmissions: int = 20
    MaxConnectionRatePerMinute: int = 1200
    MaxOutboundConnections: CountOrUnlimited = 1000
    MaxPerDomainOutboundConnections: CountOrUnlimited = 20
    MessageExpirationTimeout: TimeSpan = "2.00:00:00"
    MessageRetryInterval: TimeSpan = "00:01:00"
    MessageTrackingLogEnabled: bool = True
    MessageTrackingLogMaxAge: TimeSpan = "30.00:00:00"
    MessageTrackingLogMaxDirectorySize: SizeOrUnlimited = "1000MB"
    MessageTrackingLogMaxFileSize: ByteSize = "10MB"
    MessageTrackingLogPath: Text = LOGS + "MessageTracking"
    MessageTrackingLogSubjectLoggingEnabled: bool = True
    OutboundConnectionFailureRetryInterval: TimeSpan = "00:10:00"
    PickupDirectoryMaxHeaderSize: ByteSize = "64KB"
    PickupDirectoryMaxMessagesPerMinute: int = 100
    PickupDirectoryMaxRecipientsPerMessage: int = 100
    PickupDirectoryPath: Text = TRANSPORT_ROLES + "Pickup"
    PipelineTracingEnabled: bool = False
    PipelineTracingPath: Text = LOGS + "PipelineTracing"
    PipelineTracingSenderAddress: SmtpAddressValue = None
    PoisonMessageDetectionEnabled: bool = True
    PoisonThreshold: int = 2
    QueueMaxIdleTime: TimeSpan = "00:03:00"
    ReceiveProtocolLogMaxAge: TimeSpan = "30.00:00:00"
    ReceiveProtocolLogMaxDirectorySize: SizeOrUnlimited = "250MB"
    ReceiveProtocolLogMaxFileSize: SizeOrUnlimited = "10MB"
    ReceiveProtocolLogPath: Text = LOGS + "ProtocolLog\\SmtpReceive"
    RecipientValidationCacheEnabled: bool = False
    ReplayDirectoryPath: Text = TRANSPORT_ROLES + "Replay"
    RootDropDirectoryPath: Text = None
    RoutingTableLogMaxAge: TimeSpan = "7.00:00:00"
    RoutingTableLogMaxDirectorySize: SizeOrUnlimited = "50MB"
    RoutingTableLogPath: Text = LOGS + "Routing"
    SendProtocolLogMaxAge: TimeSpan = "30.00:00:00"
    SendProtocolLogMaxDirectorySize: SizeOrUnlimited = "250MB"
    SendProtocolLogMaxFileSize: SizeOrUnlimited = "10MB"
    SendProtocolLogPath: Text = LOGS + "ProtocolLog\\SmtpSend"
    ServerStatisticsLogMaxAge: TimeSpan = "30.00:00:00"
    ServerStatisticsLogMaxDirectorySize: ByteSize = "250MB"
    ServerStatisticsLogMaxFileSize: ByteSize = "10MB"
    ServerStatisticsLogPath: Text = LOGS + "ServerStats"
    TransientFailureRetryCount: int = 6
    TransientFailureRetryInterval: TimeSpan = "00:05:00"
    UseDowngradedExchangeServerAuth: bool = False
    ExchangeVersion: str = EXCHANGE_2010_VERSION

    def check_rules(self) -> list[str]:
        warnings = super().check_rules()
        if (not getattr(self.MaxOutboundConnections, "is_unlimited", False)
                and not getattr(self.MaxPerDomainOutboundConnections, "is_unlimited", False)
                and self.MaxPerDomainOutboundConnections.value > self.MaxOutboundConnections.value):
            warnings.append("MaxPerDomainOutboundConnections is larger than MaxOutboundConnections;"
                            " the server-wide limit applies first.")
        retries = self.TransientFailureRetryCount * self.TransientFailureRetryInterval.total_seconds
        if self.DelayNotificationTimeout.total_seconds <= retries:
            warnings.append("DelayNotificationTimeout should be longer than "
                            "TransientFailureRetryCount x TransientFailureRetryInterval, or delay "
                            "notifications are sent before the fast retries end.")
        return warnings
