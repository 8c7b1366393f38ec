"""Receive connectors: New-, Get-, Set-, Remove-ReceiveConnector.

A Receive connector is one SMTP listener of a transport server: the local
bindings it listens on and the remote IP ranges it accepts.  Its identity is
``SERVER\\Name``.  Rules on the connector (a binding and remote-range pair used
twice on one server, permission group and authentication combinations) are
store model validators.  This module adds the usage selectors of
New-ReceiveConnector, whose parameter sets follow the page's syntax blocks
(Internet may omit RemoteIPRanges, Internal and Client may omit Bindings, -Usage
may omit both; the store model's usage table seeds what was omitted), the
local server as the default -Server, and the -Server filter of
Get-ReceiveConnector.
"""
from __future__ import annotations

from typing import Any, Iterable

from exshell import types as T
from exshell.cmdlets.base import Param, ParamSet, cmdlet
from exshell.cmdlets.exchange.common import (
    LATER, ExchangeGet, ExchangeNew, ExchangeRemove, ExchangeSet, local_server, ref_type,
)
from exshell.language.values import SwitchParameter

USAGE_SWITCHES = ("Custom", "Internet", "Internal", "Client", "Partner")
_REQUIRED, _OPTIONAL = ParamSet(mandatory=True), ParamSet()
#: parameter set -> mandatory flag of Bindings and RemoteIPRanges, per New-ReceiveConnector's
#: syntax blocks; the omitted one's value comes from the store's usage table.
LISTENER_SETS = {
    "Bindings": {"Custom": _REQUIRED, "Partner": _REQUIRED, "Internet": _REQUIRED,
                 "Internal": _OPTIONAL, "Client": _OPTIONAL, "UsageType": _OPTIONAL},
    "RemoteIPRanges": {"Custom": _REQUIRED, "Partner": _REQUIRED, "Internal": _REQUIRED,
                       "Client": _REQUIRED, "Internet": _OPTIONAL, "UsageType": _OPTIONAL},
}


class ReceiveConnectorCmdlet:
    kind = "ReceiveConnector"
    label = "Receive connector"


class NewReceiveConnectorBase(ReceiveConnectorCmdlet, ExchangeNew):
    def adjust_new(self, properties: dict[str, Any]) -> None:
        from exshell.store.models.receive_connector import usage_properties

        switches = {name: bool(self.bound.get(name)) for name in USAGE_SWITCHES}
        defaults = usage_properties(self.bound.get("Usage"), self.bound, **switches)
        for name, value in defaults.items():
            properties.setdefault(name, value)
        server = self.bound.get("Server")
        # The server must exist; its FQDN or any case of its name stores as the name.
        properties["Server"] = (self.store.get("ExchangeServer", server).Name if server is not None
                                else local_server(self.store))


class GetReceiveConnectorBase(ReceiveConnectorCmdlet, ExchangeGet):
    def select(self, identity: Any) -> Iterable[Any]:
        server = self.bound.get("Server")
        if server is None:
            return super().select(identity)
        # An unknown server is an error, not an empty list (as in Exchange).
        name = self.store.get("ExchangeServer", server).Name
        return self.store.find(self.kind, identity, server=name)


@cmdlet(
    "New-ReceiveConnector",
    should_process=True,
    confirm_impact="Medium",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.NewReceiveConnector",
    default_set="Custom",
    synopsis=("Creates a Receive connector on a transport server: the listener and the remote "
              "addresses it accepts mail from."),
)
class NewReceiveConnector(NewReceiveConnectorBase):
    Name = Param(str, mandatory=True, position=1)
    # The page's syntax blocks (not the catalogue, which marks both mandatory everywhere):
    # a usage that defaults one of Bindings/RemoteIPRanges leaves it optional.
    Bindings = Param(T.MultiValued(T.IPBinding), sets=LISTENER_SETS["Bindings"])
    Client = Param(SwitchParameter, sets=['Client'], mandatory=True)
    Internal = Param(SwitchParameter, sets=['Internal'], mandatory=True)
    Internet = Param(SwitchParameter, sets=['Internet'], mandatory=True)
    Partner = Param(SwitchParameter, sets=['Partner'], mandatory=True)
    RemoteIPRanges = Param(T.MultiValued(T.IPRange), sets=LISTENER_SETS["RemoteIPRanges"])
    Usage = Param(T.UsageType, sets=['UsageType'], mandatory=True)
    AdvertiseClientSettings = Param(bool)
    AuthMechanism = Param(T.AuthMechanisms)
    AuthTarpitInterval = Param(T.EnhancedTimeSpan, versions=LATER)
    Banner = Param(str)
    BinaryMimeEnabled = Param(bool)
    ChunkingEnabled = Param(bool)
    Comment = Param(str)
    ConnectionInactivityTimeout = Param(T.EnhancedTimeSpan)
    ConnectionTimeout = Param(T.EnhancedTimeSpan)
    Custom = Param(SwitchParameter, sets=['Custom'])
    DefaultDomain = Param(T.AcceptedDomainIdParameter)
    DeliveryStatusNotificationEnabled = Param(bool)
    DomainController = Param(T.Fqdn)
    DomainSecureEnabled = Param(bool)
    EightBitMimeEnabled = Param(bool)
    EnableAuthGSSAPI = Param(bool)
    Enabled = Param(bool)
    EnhancedStatusCodesEnabled = Param(bool)
    ExtendedProtectionPolicy = Param(ref_type("ExtendedProtectionPolicySetting"))
    Fqdn = Param(T.Fqdn)
    LongAddressesEnabled = Param(bool)
    MaxAcknowledgementDelay = Param(T.EnhancedTimeSpan)
    MaxHeaderSize = Param(T.ByteQuantifiedSize)
    MaxHopCount = Param(int)
    MaxInboundConnection = Param(T.Unlimited(int))
    MaxInboundConnectionPercentagePerSource = Param(int)
    MaxInboundConnectionPerSource = Param(T.Unlimited(int))
    MaxLocalHopCount = Param(int)
    MaxLogonFailures = Param(int)
    MaxMessageSize = Param(T.ByteQuantifiedSize)
    MaxProtocolErrors = Param(T.Unlimited(int))
    MaxRecipientsPerMessage = Param(int)
    MessageRateLimit = Param(T.Unlimited(int))
    MessageRateSource = Param(ref_type("MessageRateSourceFlags"))
    OrarEnabled = Param(bool)
    PermissionGroups = Param(T.PermissionGroups)
    PipeliningEnabled = Param(bool)
    ProtocolLoggingLevel = Param(T.ProtocolLoggingLevel)
    RejectReservedSecondLevelRecipientDomains = Param(bool, versions=LATER)
    RejectReservedTopLevelRecipientDomains = Param(bool, versions=LATER)
    RejectSingleLabelRecipientDomains = Param(bool, versions=LATER)
    RequireEHLODomain = Param(bool)
    RequireTLS = Param(bool)
    Server = Param(T.ServerIdParameter, from_pipeline=True)
    ServiceDiscoveryFqdn = Param(T.Fqdn, versions=LATER)
    SizeEnabled = Param(T.SizeMode)
    SuppressXAnonymousTls = Param(bool)
    TarpitInterval = Param(T.EnhancedTimeSpan)
    TlsCertificateName = Param(ref_type("SmtpX509Identifier"), versions=LATER)
    TlsDomainCapabilities = Param(T.MultiValued(ref_type("SmtpReceiveDomainCapabilities")))
    TransportRole = Param(T.ServerRole, versions=LATER)


@cmdlet(
    "Get-ReceiveConnector",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.GetReceiveConnector",
    default_set="Identity",
    synopsis=("Lists Receive connectors, all of them, those of one server, or those matching "
              "Identity."),
)
class GetReceiveConnector(GetReceiveConnectorBase):
    Identity = Param(T.ReceiveConnectorIdParameter,
                     sets=['Identity'], position=1, from_pipeline=True)
    DomainController = Param(T.Fqdn)
    Server = Param(T.ServerIdParameter, sets=['Server'], from_pipeline=True)


@cmdlet(
    "Set-ReceiveConnector",
    should_process=True,
    confirm_impact="Medium",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.SetReceiveConnector",
    synopsis="Changes settings of an existing Receive connector.",
)
class SetReceiveConnector(ReceiveConnectorCmdlet, ExchangeSet):
    Identity = Param(T.ReceiveConnectorIdParameter, mandatory=True, position=1, from_pipeline=True)
    AdvertiseClientSettings = Param(bool)
    AuthMechanism = Param(T.AuthMechanisms)
    AuthTarpitInterval = Param(T.EnhancedTimeSpan, versions=LATER)
    Banner = Param(str)
    BareLinefeedRejectionEnabled = Param(bool)
    BinaryMimeEnabled = Param(bool)
    Bindings = Param(T.MultiValued(T.IPBinding))
    ChunkingEnabled = Param(bool)
    Comment = Param(str)
    ConnectionInactivityTimeout = Param(T.EnhancedTimeSpan)
    ConnectionTimeout = Param(T.EnhancedTimeSpan)
    DefaultDomain = Param(T.AcceptedDomainIdParameter)
    DeliveryStatusNotificationEnabled = Param(bool)
    DomainController = Param(T.Fqdn)
    DomainSecureEnabled = Param(bool)
    EightBitMimeEnabled = Param(bool)
    EnableAuthGSSAPI = Param(bool)
    Enabled = Param(bool)
    EnhancedStatusCodesEnabled = Param(bool)
    ExtendedProtectionPolicy = Param(ref_type("ExtendedProtectionPolicySetting"))
    Fqdn = Param(T.Fqdn)
    LongAddressesEnabled = Param(bool)
    MaxAcknowledgementDelay = Param(T.EnhancedTimeSpan)
    MaxHeaderSize = Param(T.ByteQuantifiedSize)
    MaxHopCount = Param(int)
    MaxInboundConnection = Param(T.Unlimited(int))
    MaxInboundConnectionPercentagePerSource = Param(int)
    MaxInboundConnectionPerSource = Param(T.Unlimited(int))
    MaxLocalHopCount = Param(int)
    MaxLogonFailures = Param(int)
    MaxMessageSize = Param(T.ByteQuantifiedSize)
    MaxProtocolErrors = Param(T.Unlimited(int))
    MaxRecipientsPerMessage = Param(int)
    MessageRateLimit = Param(T.Unlimited(int))
    MessageRateSource = Param(ref_type("MessageRateSourceFlags"))
    Name = Param(str)
    OrarEnabled = Param(bool)
    PermissionGroups = Param(T.PermissionGroups)
    PipeliningEnabled = Param(bool)
    ProtocolLoggingLevel = Param(T.ProtocolLoggingLevel)
    RejectReservedSecondLevelRecipientDomains = Param(bool, versions=LATER)
    RejectReservedTopLevelRecipientDomains = Param(bool, versions=LATER)
    RejectSingleLabelRecipientDomains = Param(bool, versions=LATER)
    RemoteIPRanges = Param(T.MultiValued(T.IPRange))
    RequireEHLODomain = Param(bool)
    RequireTLS = Param(bool)
    ServiceDiscoveryFqdn = Param(T.Fqdn, versions=LATER)
    SizeEnabled = Param(T.SizeMode)
    SmtpUtf8Enabled = Param(bool, versions=LATER)
    SuppressXAnonymousTls = Param(bool)
    TarpitInterval = Param(T.EnhancedTimeSpan)
    TlsCertificateName = Param(ref_type("SmtpX509Identifier"), versions=LATER)
    TlsDomainCapabilities = Param(T.MultiValued(ref_type("SmtpReceiveDomainCapabilities")))
    TransportRole = Param(T.ServerRole, versions=LATER)


@cmdlet(
    "Remove-ReceiveConnector",
    should_process=True,
    confirm_impact="High",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.RemoveReceiveConnector",
    synopsis="Deletes a Receive connector after confirmation.",
)
class RemoveReceiveConnector(ReceiveConnectorCmdlet, ExchangeRemove):
    Identity = Param(T.ReceiveConnectorIdParameter, mandatory=True, position=1, from_pipeline=True)
    DomainController = Param(T.Fqdn)
