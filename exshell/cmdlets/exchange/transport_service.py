"""Get-TransportService and Set-TransportService: the Exchange 2013+ names of
Get-/Set-TransportServer, run against the same per-server objects so that
documentation written for later versions works as pasted.

Parameters that Exchange 2010's Set-TransportServer also has are bindable;
parameters only later versions have stay declared with ``versions=LATER`` so
the hint engine can say which version has them.
"""
from __future__ import annotations

from exshell import types as T
from exshell.cmdlets.base import Param, cmdlet
from exshell.cmdlets.exchange.common import LATER, ExchangeGet, ExchangeSet, ref_type
from exshell.cmdlets.exchange.transport_server import TransportServerCmdlet


@cmdlet(
    "Get-TransportService",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.GetTransportService",
    synopsis=("The Exchange 2013+ name of Get-TransportServer; here it reads the same per-server "
              "transport settings."),
)
class GetTransportService(TransportServerCmdlet, ExchangeGet):
    Identity = Param(T.TransportServerIdParameter, position=1, from_pipeline=True)
    DomainController = Param(T.Fqdn)


@cmdlet(
    "Set-TransportService",
    should_process=True,
    confirm_impact="Medium",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.SetTransportService",
    synopsis=("The Exchange 2013+ name of Set-TransportServer; here it changes the same per-server "
              "transport settings."),
)
class SetTransportService(TransportServerCmdlet, ExchangeSet):
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
    QueueLogMaxAge = Param(T.EnhancedTimeSpan, versions=LATER)
    QueueLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    QueueLogMaxFileSize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    QueueLogPath = Param(ref_type("LocalLongFullPath"), versions=LATER)
    QueueMaxIdleTime = Param(T.EnhancedTimeSpan)
    ReceiveProtocolLogMaxAge = Param(T.EnhancedTimeSpan)
    ReceiveProtocolLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize))
    ReceiveProtocolLogMaxFileSize = Param(T.Unlimited(T.ByteQuantifiedSize))
    ReceiveProtocolLogPath = Param(ref_type("LocalLongFullPath"))
    RecipientValidationCacheEnabled = Param(bool)
    ReplayDirectoryPath = Param(ref_type("LocalLongFullPath"))
    RequestBrokerLogEnabled = Param(bool, versions=LATER)
    RequestBrokerLogMaxAge = Param(T.EnhancedTimeSpan, versions=LATER)
    RequestBrokerLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    RequestBrokerLogMaxFileSize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    RequestBrokerLogPath = Param(ref_type("LocalLongFullPath"), versions=LATER)
    ResourceLogEnabled = Param(bool, versions=LATER)
    ResourceLogMaxAge = Param(T.EnhancedTimeSpan, versions=LATER)
    ResourceLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    ResourceLogMaxFileSize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    ResourceLogPath = Param(ref_type("LocalLongFullPath"), versions=LATER)
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
    TransportHttpLogEnabled = Param(bool, versions=LATER)
    TransportHttpLogMaxAge = Param(T.EnhancedTimeSpan, versions=LATER)
    TransportHttpLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    TransportHttpLogMaxFileSize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    TransportHttpLogPath = Param(ref_type("LocalLongFullPath"), versions=LATER)
    TransportMaintenanceLogEnabled = Param(bool, versions=LATER)
    TransportMaintenanceLogMaxAge = Param(T.EnhancedTimeSpan, versions=LATER)
    TransportMaintenanceLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize),
                                                    versions=LATER)
    TransportMaintenanceLogMaxFileSize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    TransportMaintenanceLogPath = Param(ref_type("LocalLongFullPath"), versions=LATER)
    TransportSyncAccountsPoisonAccountThreshold = Param(int, versions=LATER)
    TransportSyncAccountsPoisonDetectionEnabled = Param(bool, versions=LATER)
    TransportSyncAccountsPoisonItemThreshold = Param(int, versions=LATER)
    TransportSyncAccountsSuccessivePoisonItemThreshold = Param(int, versions=LATER)
    TransportSyncEnabled = Param(bool, versions=LATER)
    TransportSyncExchangeEnabled = Param(bool, versions=LATER)
    TransportSyncHubHealthLogEnabled = Param(bool, versions=LATER)
    TransportSyncHubHealthLogFilePath = Param(ref_type("LocalLongFullPath"), versions=LATER)
    TransportSyncHubHealthLogMaxAge = Param(T.EnhancedTimeSpan, versions=LATER)
    TransportSyncHubHealthLogMaxDirectorySize = Param(T.ByteQuantifiedSize, versions=LATER)
    TransportSyncHubHealthLogMaxFileSize = Param(T.ByteQuantifiedSize, versions=LATER)
    TransportSyncImapEnabled = Param(bool, versions=LATER)
    TransportSyncLogEnabled = Param(bool, versions=LATER)
    TransportSyncLogFilePath = Param(ref_type("LocalLongFullPath"), versions=LATER)
    TransportSyncLogLoggingLevel = Param(ref_type("SyncLogLoggingLevel"), versions=LATER)
    TransportSyncLogMaxAge = Param(T.EnhancedTimeSpan, versions=LATER)
    TransportSyncLogMaxDirectorySize = Param(T.ByteQuantifiedSize, versions=LATER)
    TransportSyncLogMaxFileSize = Param(T.ByteQuantifiedSize, versions=LATER)
    TransportSyncMaxDownloadItemsPerConnection = Param(int, versions=LATER)
    TransportSyncMaxDownloadSizePerConnection = Param(T.ByteQuantifiedSize, versions=LATER)
    TransportSyncMaxDownloadSizePerItem = Param(T.ByteQuantifiedSize, versions=LATER)
    TransportSyncPopEnabled = Param(bool, versions=LATER)
    TransportSyncRemoteConnectionTimeout = Param(T.EnhancedTimeSpan, versions=LATER)
    UseDowngradedExchangeServerAuth = Param(bool)
    WindowsLiveHotmailTransportSyncEnabled = Param(bool, versions=LATER)
    WlmLogMaxAge = Param(T.EnhancedTimeSpan, versions=LATER)
    WlmLogMaxDirectorySize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    WlmLogMaxFileSize = Param(T.Unlimited(T.ByteQuantifiedSize), versions=LATER)
    WlmLogPath = Param(ref_type("LocalLongFullPath"), versions=LATER)
