"""Foreign connectors: New-, Get-, Set-, Remove-ForeignConnector.

A Foreign connector hands mail for its address spaces to a non-SMTP gateway
(a fax server, an X.400 system) by writing it into a drop directory.  The
rules on the connector are store model validators; the cmdlets add nothing
beyond the shared New/Get/Set/Remove behaviour.
"""
from __future__ import annotations

from exshell import types as T
from exshell.cmdlets.base import Param, cmdlet
from exshell.cmdlets.exchange.common import ExchangeGet, ExchangeNew, ExchangeRemove, ExchangeSet
from exshell.language.values import SwitchParameter


class ForeignConnectorCmdlet:
    kind = "ForeignConnector"
    label = "Foreign connector"


@cmdlet(
    "New-ForeignConnector",
    should_process=True,
    confirm_impact="Medium",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.NewForeignConnector",
    synopsis=("Creates a Foreign connector that hands mail for its address spaces to a non-SMTP "
              "gateway through a drop directory."),
)
class NewForeignConnector(ForeignConnectorCmdlet, ExchangeNew):
    Name = Param(str, mandatory=True, position=1)
    AddressSpaces = Param(T.MultiValued(T.AddressSpace), mandatory=True)
    DomainController = Param(T.Fqdn)
    IsScopedConnector = Param(bool)
    SourceTransportServers = Param(T.MultiValued(T.ServerIdParameter))


@cmdlet(
    "Get-ForeignConnector",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.GetForeignConnector",
    synopsis="Lists Foreign connectors, or the ones matching Identity.",
)
class GetForeignConnector(ForeignConnectorCmdlet, ExchangeGet):
    Identity = Param(T.ForeignConnectorIdParameter, position=1, from_pipeline=True)
    DomainController = Param(T.Fqdn)


@cmdlet(
    "Set-ForeignConnector",
    should_process=True,
    confirm_impact="Medium",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.SetForeignConnector",
    synopsis=("Changes a Foreign connector: address spaces, drop directory and its quota, size "
              "limit."),
)
class SetForeignConnector(ForeignConnectorCmdlet, ExchangeSet):
    Identity = Param(T.ForeignConnectorIdParameter, mandatory=True, position=1, from_pipeline=True)
    AddressSpaces = Param(T.MultiValued(T.AddressSpace))
    Comment = Param(str)
    DomainController = Param(T.Fqdn)
    DropDirectory = Param(str)
    DropDirectoryQuota = Param(T.Unlimited(T.ByteQuantifiedSize))
    Enabled = Param(bool)
    Force = Param(SwitchParameter)
    IsScopedConnector = Param(bool)
    MaxMessageSize = Param(T.Unlimited(T.ByteQuantifiedSize))
    Name = Param(str)
    RelayDsnRequired = Param(bool)
    SourceTransportServers = Param(T.MultiValued(T.ServerIdParameter))


@cmdlet(
    "Remove-ForeignConnector",
    should_process=True,
    confirm_impact="High",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.RemoveForeignConnector",
    synopsis="Deletes a Foreign connector after confirmation.",
)
class RemoveForeignConnector(ForeignConnectorCmdlet, ExchangeRemove):
    Identity = Param(T.ForeignConnectorIdParameter, mandatory=True, position=1, from_pipeline=True)
    DomainController = Param(T.Fqdn)
