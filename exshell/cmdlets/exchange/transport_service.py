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
from exshell.cmdlets.exchange.transport_server import (
    TransportServerCmdlet, TransportServerSettings,
)


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
class SetTransportService(TransportServerCmdlet, TransportServerSettings, ExchangeSet):
    # The settings Exchange 2010 lacks (declared for the version hints).
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
    WindowsLiveHotmailTransportSyncEnabled = Param(bool, versions=LATER)
