"""Send connectors: New-, Get-, Set-, Remove-SendConnector.

A Send connector is the route outbound mail takes for the address spaces it
names.  The rules on the connector itself (smart hosts versus DNS routing, TLS
combinations, authentication credentials, source servers) are validators of
the store model, which also reconciles the usage selectors of
New-SendConnector (-Usage, -Custom, -Internal, -Internet, -Partner) and holds
the table of property defaults a usage type seeds; this module applies them.
"""
from __future__ import annotations

from typing import Any

from exshell import types as T
from exshell.cmdlets.base import Param, cmdlet
from exshell.cmdlets.exchange.common import (
    LATER, ExchangeGet, ExchangeNew, ExchangeRemove, ExchangeSet, local_server, ref_type,
)
from exshell.language.values import SwitchParameter

class SendConnectorCmdlet:
    kind = "SendConnector"
    label = "Send connector"


class NewSendConnectorBase(SendConnectorCmdlet, ExchangeNew):
    def adjust_new(self, properties: dict[str, Any]) -> None:
        from exshell.store.models.send_connector import USAGE_DEFAULTS, usage_from_switches

        switches = {name: bool(self.bound.get(name)) for name in USAGE_DEFAULTS}
        usage = usage_from_switches(self.bound.get("Usage"), **switches)
        for name, value in USAGE_DEFAULTS[usage].items():
            properties.setdefault(name, value)
        # As the EMC wizard and the cmdlet do on a Hub: the server you work on sends.
        properties.setdefault("SourceTransportServers", [local_server(self.store)])


@cmdlet(
    "New-SendConnector",
    should_process=True,
    confirm_impact="Medium",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.NewSendConnector",
    default_set="AddressSpaces",
    synopsis=("Creates a Send connector: the route outbound mail takes for the address spaces it "
              "names."),
)
class NewSendConnector(NewSendConnectorBase):
    Name = Param(str, mandatory=True, position=1)
    AddressSpaces = Param(T.MultiValued(T.AddressSpace), sets=['AddressSpaces'], mandatory=True)
    AuthenticationCredential = Param(T.PSCredential)
    CloudServicesMailEnabled = Param(bool, sets=['AddressSpaces'], versions=LATER)
    Comment = Param(str)
    ConnectionInactivityTimeOut = Param(T.EnhancedTimeSpan)
    ConnectorType = Param(ref_type("TenantConnectorType"), sets=['AddressSpaces'], versions=LATER)
    Custom = Param(SwitchParameter)
    DNSRoutingEnabled = Param(bool)
    DomainController = Param(T.Fqdn)
    DomainSecureEnabled = Param(bool)
    Enabled = Param(bool)
    ErrorPolicies = Param(T.ErrorPolicies)
    Force = Param(SwitchParameter)
    ForceHELO = Param(bool)
    Fqdn = Param(T.Fqdn)
    FrontendProxyEnabled = Param(bool, sets=['AddressSpaces'], versions=LATER)
    IgnoreSTARTTLS = Param(bool)
    Internal = Param(SwitchParameter)
    Internet = Param(SwitchParameter)
    IsCoexistenceConnector = Param(bool)
    IsScopedConnector = Param(bool, sets=['AddressSpaces'])
    LinkedReceiveConnector = Param(T.ReceiveConnectorIdParameter, sets=['LinkedReceiveConnector'])
    MaxMessageSize = Param(T.Unlimited(T.ByteQuantifiedSize))
    Partner = Param(SwitchParameter)
    Port = Param(int)
    ProtocolLoggingLevel = Param(T.ProtocolLoggingLevel)
    RequireOorg = Param(bool)
    RequireTLS = Param(bool)
    SmartHostAuthMechanism = Param(T.SmartHostAuthMechanism)
    SmartHosts = Param(T.MultiValued(T.SmartHost))
    SmtpMaxMessagesPerConnection = Param(int)
    SourceIPAddress = Param(T.IPAddress)
    SourceTransportServers = Param(T.MultiValued(T.ServerIdParameter))
    TlsAuthLevel = Param(T.TlsAuthLevel)
    TlsCertificateName = Param(ref_type("SmtpX509Identifier"),
                               sets=['AddressSpaces'], versions=LATER)
    TlsDomain = Param(T.SmtpDomainWithSubdomains)
    Usage = Param(T.SendConnectorUsageType)  # the send usages: no Client (a receive usage)
    UseExternalDNSServersEnabled = Param(bool)


@cmdlet(
    "Get-SendConnector",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.GetSendConnector",
    synopsis="Lists Send connectors, or the ones whose name or GUID matches Identity.",
)
class GetSendConnector(SendConnectorCmdlet, ExchangeGet):
    Identity = Param(T.SendConnectorIdParameter, position=1, from_pipeline=True)
    DomainController = Param(T.Fqdn)


@cmdlet(
    "Set-SendConnector",
    should_process=True,
    confirm_impact="Medium",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.SetSendConnector",
    synopsis="Changes settings of an existing Send connector.",
)
class SetSendConnector(SendConnectorCmdlet, ExchangeSet):
    Identity = Param(T.SendConnectorIdParameter, mandatory=True, position=1, from_pipeline=True)
    AddressSpaces = Param(T.MultiValued(T.AddressSpace))
    AuthenticationCredential = Param(T.PSCredential)
    CloudServicesMailEnabled = Param(bool, versions=LATER)
    Comment = Param(str)
    ConnectorType = Param(ref_type("TenantConnectorType"), versions=LATER)
    ConnectionInactivityTimeOut = Param(T.EnhancedTimeSpan)
    DNSRoutingEnabled = Param(bool)
    DomainController = Param(T.Fqdn)
    DomainSecureEnabled = Param(bool)
    Enabled = Param(bool)
    ErrorPolicies = Param(T.ErrorPolicies)
    Force = Param(SwitchParameter)
    ForceHELO = Param(bool)
    Fqdn = Param(T.Fqdn)
    FrontendProxyEnabled = Param(bool, versions=LATER)
    IgnoreSTARTTLS = Param(bool)
    IsCoexistenceConnector = Param(bool)
    IsScopedConnector = Param(bool)
    LinkedReceiveConnector = Param(T.ReceiveConnectorIdParameter)
    MaxMessageSize = Param(T.Unlimited(T.ByteQuantifiedSize))
    Name = Param(str)
    Port = Param(int)
    ProtocolLoggingLevel = Param(T.ProtocolLoggingLevel)
    RequireOorg = Param(bool)
    RequireTLS = Param(bool)
    SmartHostAuthMechanism = Param(T.SmartHostAuthMechanism)
    SmartHosts = Param(T.MultiValued(T.SmartHost))
    SmtpMaxMessagesPerConnection = Param(int)
    SourceIPAddress = Param(T.IPAddress)
    SourceTransportServers = Param(T.MultiValued(T.ServerIdParameter))
    TlsAuthLevel = Param(T.TlsAuthLevel)
    TlsCertificateName = Param(ref_type("SmtpX509Identifier"), versions=LATER)
    TlsDomain = Param(T.SmtpDomainWithSubdomains)
    UseExternalDNSServersEnabled = Param(bool)


@cmdlet(
    "Remove-SendConnector",
    should_process=True,
    confirm_impact="High",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.RemoveSendConnector",
    synopsis="Deletes a Send connector after confirmation.",
)
class RemoveSendConnector(SendConnectorCmdlet, ExchangeRemove):
    Identity = Param(T.SendConnectorIdParameter, mandatory=True, position=1, from_pipeline=True)
    DomainController = Param(T.Fqdn)
