"""Per-server transport settings: Get-TransportServer, Set-TransportServer.

Each Hub Transport or Edge server of the organization has one TransportServer
object (DNS adapters, retry and expiry intervals, outbound connection limits,
pickup and replay directories, log paths and limits).  Exchange 2013 and later
call the same objects TransportService (transport_service.py declares those
names over the same handlers).
"""
from __future__ import annotations

from exshell import types as T
from exshell.cmdlets.base import Param, cmdlet
from exshell.cmdlets.exchange.common import LATER, ExchangeGet, ExchangeSet, ref_type


class TransportServerCmdlet:
    kind = "TransportServer"
    label = "transport server"


@cmdlet(
    "Get-TransportServer",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.GetTransportServer",
    synopsis="Shows the transport settings of each Hub Transport or Edge server, or of one.",
)
class GetTransportServer(TransportServerCmdlet, ExchangeGet):
    Identity = Param(T.TransportServerIdParameter, position=1, from_pipeline=True)
    DomainController = Param(T.Fqdn)


class TransportServerSettings:
    """The parameters Set-TransportServer and Set-TransportService both have, in the
    reference's order; Set-TransportService adds the later versions' own settings."""

    Identity = Param(T.ServerIdParameter, mandatory=True, position=1, from_pipeline=True)
    ActiveUserStatisticsLogMaxAge = Param(T.EnhancedTimeSpan)
    ActiveUserStatisticsLogMaxDirectorySize = Param(T.ByteQuantifiedSize)
    ActiveUserStatisticsLogMaxFileSize = Param(T.ByteQuantifiedSize)
    ActiveUserStatisticsLogPath = Param(ref_type("LocalLongFullPath"))
    AgentLogEnabled = Param(bool, versions=LATER)
    AgentLogMaxAge = Param(T.EnhancedTimeSpan, versions=LATER)
    AgentLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    AgentLogMaxFileSize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    AgentLogPath = Param(ref_type("LocalLongFullPath"), versions=LATER)
    AntispamAgentsEnabled = Param(bool)
    ConnectivityLogEnabled = Param(bool)
    ConnectivityLogMaxAge = Param(T.EnhancedTimeSpan)
    ConnectivityLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize))
    ConnectivityLogMaxFileSize = Param(T.Unlimited(T.ByteQuantifiedSize))
    ConnectivityLogPath = Param(ref_type("LocalLongFullPath"))
    ContentConversionTracingEnabled = Param(bool)
    DelayNotificationTimeout = Param(T.EnhancedTimeSpan)
    DnsLogEnabled = Param(bool, versions=LATER)
    DnsLogMaxAge = Param(T.EnhancedTimeSpan, versions=LATER)
    DnsLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    DnsLogMaxFileSize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    DnsLogPath = Param(ref_type("LocalLongFullPath"), versions=LATER)
    DomainController = Param(T.Fqdn)
    ExternalDNSAdapterEnabled = Param(bool)
    ExternalDNSAdapterGuid = Param(ref_type("Guid"))
    ExternalDNSProtocolOption = Param(T.ProtocolOption)
    ExternalDNSServers = Param(T.MultiValued(T.IPAddress))
    ExternalIPAddress = Param(T.IPAddress)
    InternalDNSAdapterEnabled = Param(bool)
    InternalDNSAdapterGuid = Param(ref_type("Guid"))
    InternalDNSProtocolOption = Param(T.ProtocolOption)
    InternalDNSServers = Param(T.MultiValued(T.IPAddress))
    IntraOrgConnectorProtocolLoggingLevel = Param(T.ProtocolLoggingLevel)
    IntraOrgConnectorSmtpMaxMessagesPerConnection = Param(int)
    IrmLogEnabled = Param(bool)
    IrmLogMaxAge = Param(T.EnhancedTimeSpan)
    IrmLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize))
    IrmLogMaxFileSize = Param(T.ByteQuantifiedSize)
    IrmLogPath = Param(ref_type("LocalLongFullPath"))
    MaxConcurrentMailboxDeliveries = Param(int)
    MaxConcurrentMailboxSubmissions = Param(int)
    MaxConnectionRatePerMinute = Param(int)
    MaxOutboundConnections = Param(T.Unlimited(int))
    MaxPerDomainOutboundConnections = Param(T.Unlimited(int))
    MessageExpirationTimeout = Param(T.EnhancedTimeSpan)
    MessageRetryInterval = Param(T.EnhancedTimeSpan)
    MessageTrackingLogEnabled = Param(bool)
    MessageTrackingLogMaxAge = Param(T.EnhancedTimeSpan)
    MessageTrackingLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize))
    MessageTrackingLogMaxFileSize = Param(T.ByteQuantifiedSize)
    MessageTrackingLogPath = Param(ref_type("LocalLongFullPath"))
    MessageTrackingLogSubjectLoggingEnabled = Param(bool)
    OutboundConnectionFailureRetryInterval = Param(T.EnhancedTimeSpan)
    PickupDirectoryMaxHeaderSize = Param(T.ByteQuantifiedSize)
    PickupDirectoryMaxMessagesPerMinute = Param(int)
    PickupDirectoryMaxRecipientsPerMessage = Param(int)
    PickupDirectoryPath = Param(ref_type("LocalLongFullPath"))
    PipelineTracingEnabled = Param(bool)
    PipelineTracingPath = Param(ref_type("LocalLongFullPath"))
    PipelineTracingSenderAddress = Param(T.SmtpAddress)
    PoisonMessageDetectionEnabled = Param(bool)
    PoisonThreshold = Param(int)
    QueueMaxIdleTime = Param(T.EnhancedTimeSpan)
    QueueLogMaxAge = Param(T.EnhancedTimeSpan, versions=LATER)
    QueueLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    QueueLogMaxFileSize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    QueueLogPath = Param(ref_type("LocalLongFullPath"), versions=LATER)
    ReceiveProtocolLogMaxAge = Param(T.EnhancedTimeSpan)
    ReceiveProtocolLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize))
    ReceiveProtocolLogMaxFileSize = Param(T.Unlimited(T.ByteQuantifiedSize))
    ReceiveProtocolLogPath = Param(ref_type("LocalLongFullPath"))
    RecipientValidationCacheEnabled = Param(bool)
    ReplayDirectoryPath = Param(ref_type("LocalLongFullPath"))
    RootDropDirectoryPath = Param(str)
    RoutingTableLogMaxAge = Param(T.EnhancedTimeSpan)
    RoutingTableLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize))
    RoutingTableLogPath = Param(ref_type("LocalLongFullPath"))
    SendProtocolLogMaxAge = Param(T.EnhancedTimeSpan)
    SendProtocolLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize))
    SendProtocolLogMaxFileSize = Param(T.Unlimited(T.ByteQuantifiedSize))
    SendProtocolLogPath = Param(ref_type("LocalLongFullPath"))
    ServerStatisticsLogMaxAge = Param(T.EnhancedTimeSpan)
    ServerStatisticsLogMaxDirectorySize = Param(T.ByteQuantifiedSize)
    ServerStatisticsLogMaxFileSize = Param(T.ByteQuantifiedSize)
    ServerStatisticsLogPath = Param(ref_type("LocalLongFullPath"))
    TransientFailureRetryCount = Param(int)
    TransientFailureRetryInterval = Param(T.EnhancedTimeSpan)
    UseDowngradedExchangeServerAuth = Param(bool)
    WlmLogMaxAge = Param(T.EnhancedTimeSpan, versions=LATER)
    WlmLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    WlmLogMaxFileSize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    WlmLogPath = Param(ref_type("LocalLongFullPath"), versions=LATER)


@cmdlet(
    "Set-TransportServer",
    should_process=True,
    confirm_impact="Medium",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.SetTransportServer",
    synopsis=("Changes the transport settings of one server: DNS, retry and expiry, connection "
              "limits, logs."),
)
class SetTransportServer(TransportServerCmdlet, TransportServerSettings, ExchangeSet):
    """Every parameter comes from TransportServerSettings."""
