"""The organization's transport settings: Get-TransportConfig, Set-TransportConfig.

There is one TransportConfig object per organization (size limits, DSN
settings, TLS domain-secure lists, journaling report address, ...).  Its
Identity names the organization, so whatever Identity a command gives, it
reaches that one object.
"""
from __future__ import annotations

from typing import Any, Iterable

from exshell import types as T
from exshell.cmdlets.base import Param, cmdlet
from exshell.cmdlets.exchange.common import LATER, ExchangeGet, ExchangeSet, ref_type
from exshell.language.values import SwitchParameter, UInt32


class TransportConfigCmdlet:
    kind = "TransportConfig"
    label = "transport configuration"

    def select(self, identity: Any) -> Iterable[Any]:
        return [self.store.transport_config()]

    def resolve(self, identity: Any) -> Any:
        return self.store.transport_config()


@cmdlet(
    "Get-TransportConfig",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.GetTransportConfig",
    synopsis=("Shows the organization-wide transport settings (size limits, DSN, TLS domain lists, "
              "journaling)."),
)
class GetTransportConfig(TransportConfigCmdlet, ExchangeGet):
    Identity = Param(T.OrganizationIdParameter, position=1, from_pipeline=True)
    DomainController = Param(T.Fqdn)


@cmdlet(
    "Set-TransportConfig",
    should_process=True,
    confirm_impact="Medium",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.SetTransportConfig",
    synopsis="Changes the organization-wide transport settings.",
)
class SetTransportConfig(TransportConfigCmdlet, ExchangeSet):
    Identity = Param(T.OrganizationIdParameter, position=1, from_pipeline=True)
    AddressBookPolicyRoutingEnabled = Param(bool, versions=LATER)
    AgentGeneratedMessageLoopDetectionInSubmissionEnabled = Param(bool, versions=LATER)
    AgentGeneratedMessageLoopDetectionInSmtpEnabled = Param(bool, versions=LATER)
    AllowLegacyTLSClients = Param(bool, versions=LATER)
    ClearCategories = Param(bool)
    ConvertDisclaimerWrapperToEml = Param(bool)
    DiagnosticsAggregationServicePort = Param(int, versions=LATER)
    DomainController = Param(T.Fqdn)
    DSNConversionMode = Param(T.DSNConversionOption)
    ExternalDelayDsnEnabled = Param(bool)
    ExternalDsnDefaultLanguage = Param(ref_type("CultureInfo"))
    ExternalDsnLanguageDetectionEnabled = Param(bool)
    ExternalDsnMaxMessageAttachSize = Param(T.ByteQuantifiedSize)
    ExternalDsnReportingAuthority = Param(T.SmtpDomain)
    ExternalDsnSendHtml = Param(bool)
    ExternalPostmasterAddress = Param(T.SmtpAddress)
    Force = Param(SwitchParameter, versions=LATER)
    GenerateCopyOfDSNFor = Param(T.MultiValued(ref_type("EnhancedStatusCode")))
    HeaderPromotionModeSetting = Param(ref_type("HeaderPromotionMode"))
    InternalDelayDsnEnabled = Param(bool)
    InternalDsnDefaultLanguage = Param(ref_type("CultureInfo"))
    InternalDsnLanguageDetectionEnabled = Param(bool)
    InternalDsnMaxMessageAttachSize = Param(T.ByteQuantifiedSize)
    InternalDsnReportingAuthority = Param(T.SmtpDomain)
    InternalDsnSendHtml = Param(bool)
    InternalSMTPServers = Param(T.MultiValued(T.IPRange))
    JournalMessageExpirationDays = Param(int, versions=LATER)
    JournalingReportNdrTo = Param(T.SmtpAddress)
    LegacyJournalingMigrationEnabled = Param(bool)
    MaxAllowedAgentGeneratedMessageDepth = Param(UInt32, versions=LATER)
    MaxAllowedAgentGeneratedMessageDepthPerAgent = Param(UInt32, versions=LATER)
    MaxDumpsterSizePerDatabase = Param(T.ByteQuantifiedSize)
    MaxDumpsterTime = Param(T.EnhancedTimeSpan)
    MaxReceiveSize = Param(T.Unlimited(T.ByteQuantifiedSize))
    MaxRecipientEnvelopeLimit = Param(T.Unlimited(int))
    MaxRetriesForLocalSiteShadow = Param(int, versions=LATER)
    MaxRetriesForRemoteSiteShadow = Param(int, versions=LATER)
    MaxSendSize = Param(T.Unlimited(T.ByteQuantifiedSize))
    MessageExpiration = Param(T.EnhancedTimeSpan, versions=LATER)
    PreventDuplicateJournalingEnabled = Param(bool, versions=LATER)
    QueueDiagnosticsAggregationInterval = Param(T.EnhancedTimeSpan, versions=LATER)
    RejectMessageOnShadowFailure = Param(bool, versions=LATER)
    ReplyAllStormBlockDurationHours = Param(int, versions=LATER)
    ReplyAllStormDetectionMinimumRecipients = Param(int, versions=LATER)
    ReplyAllStormDetectionMinimumReplies = Param(int, versions=LATER)
    ReplyAllStormProtectionEnabled = Param(bool, versions=LATER)
    Rfc2231EncodingEnabled = Param(bool)
    SafetyNetHoldTime = Param(T.EnhancedTimeSpan, versions=LATER)
    ShadowHeartbeatFrequency = Param(T.EnhancedTimeSpan, versions=LATER)
    ShadowHeartbeatRetryCount = Param(int)
    ShadowHeartbeatTimeoutInterval = Param(T.EnhancedTimeSpan)
    ShadowMessageAutoDiscardInterval = Param(T.EnhancedTimeSpan)
    ShadowMessagePreferenceSetting = Param(ref_type("ShadowMessagePreference"), versions=LATER)
    ShadowRedundancyEnabled = Param(bool)
    ShadowResubmitTimeSpan = Param(T.EnhancedTimeSpan, versions=LATER)
    SmtpClientAuthenticationDisabled = Param(bool, versions=LATER)
    SupervisionTags = Param(T.MultiValued(str))
    TLSReceiveDomainSecureList = Param(T.MultiValued(T.SmtpDomainWithSubdomains))
    TLSSendDomainSecureList = Param(T.MultiValued(T.SmtpDomain))
    TransportRuleAttachmentTextScanLimit = Param(T.ByteQuantifiedSize, versions=LATER)
    VerifySecureSubmitEnabled = Param(bool)
    VoicemailJournalingEnabled = Param(bool)
    Xexch50Enabled = Param(bool)
