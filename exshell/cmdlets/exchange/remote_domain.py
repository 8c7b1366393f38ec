"""Remote domains: New-, Get-, Set-, Remove-RemoteDomain.

A remote domain entry sets how mail to a domain outside the organization is
formatted (TNEF, MIME content type, character sets, line wrapping) and which
automatic messages may go there (out-of-office replies, forwards, delivery
and non-delivery reports).  The entry named Default for ``*`` always exists;
the model refuses its removal.

Remove-RemoteDomain is not in the reference parameter table; its declaration
follows the Exchange 2010 help (Identity at position 1 from the pipeline,
DomainController) as the other Remove- cmdlets do.
"""
from __future__ import annotations

from exshell import types as T
from exshell.cmdlets.base import Param, cmdlet
from exshell.cmdlets.exchange.common import (
    LATER, ExchangeGet, ExchangeNew, ExchangeRemove, ExchangeSet, ref_type,
)
from exshell.language.values import UInt32


class RemoteDomainCmdlet:
    kind = "RemoteDomain"
    label = "remote domain"


@cmdlet(
    "New-RemoteDomain",
    should_process=True,
    confirm_impact="Medium",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.NewRemoteDomain",
    synopsis=("Adds a remote domain entry: message formatting and reply settings for mail to that "
              "domain."),
)
class NewRemoteDomain(RemoteDomainCmdlet, ExchangeNew):
    Name = Param(str, mandatory=True, position=1)
    DomainName = Param(T.SmtpDomainWithSubdomains, mandatory=True)
    DomainController = Param(T.Fqdn)


@cmdlet(
    "Get-RemoteDomain",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.GetRemoteDomain",
    synopsis="Lists remote domain entries, or the ones matching Identity.",
)
class GetRemoteDomain(RemoteDomainCmdlet, ExchangeGet):
    Identity = Param(T.RemoteDomainIdParameter, position=1, from_pipeline=True)
    DomainController = Param(T.Fqdn)
    ResultSize = Param(T.Unlimited(UInt32), versions=LATER)


@cmdlet(
    "Set-RemoteDomain",
    should_process=True,
    confirm_impact="Medium",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.SetRemoteDomain",
    synopsis=("Changes how mail to a remote domain is formatted and which automatic messages it "
              "gets."),
)
class SetRemoteDomain(RemoteDomainCmdlet, ExchangeSet):
    Identity = Param(T.RemoteDomainIdParameter, mandatory=True, position=1, from_pipeline=True)
    AllowedOOFType = Param(T.AllowedOOFType)
    AutoForwardEnabled = Param(bool)
    AutoReplyEnabled = Param(bool)
    ByteEncoderTypeFor7BitCharsets = Param(ref_type("ByteEncoderTypeFor7BitCharsetsEnum"))
    CharacterSet = Param(str)
    ContentType = Param(ref_type("ContentType"))
    DeliveryReportEnabled = Param(bool)
    DisplaySenderName = Param(bool)
    DomainController = Param(T.Fqdn)
    IsCoexistenceDomain = Param(bool)
    IsInternal = Param(bool)
    LineWrapSize = Param(T.Unlimited(int))
    MeetingForwardNotificationEnabled = Param(bool)
    MessageCountThreshold = Param(int, versions=LATER)
    Name = Param(str)
    NDRDiagnosticInfoEnabled = Param(bool)
    NDREnabled = Param(bool)
    NonMimeCharacterSet = Param(str)
    PreferredInternetCodePageForShiftJis = Param(ref_type("PreferredInternetCodePageForShiftJisEnum"),
                                                )
    RequiredCharsetCoverage = Param(int)
    TargetDeliveryDomain = Param(bool)
    TNEFEnabled = Param(bool)
    TrustedMailInboundEnabled = Param(bool)
    TrustedMailOutboundEnabled = Param(bool)
    UseSimpleDisplayName = Param(bool)


@cmdlet(
    "Remove-RemoteDomain",
    should_process=True,
    confirm_impact="High",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.RemoveRemoteDomain",
    synopsis="Deletes a remote domain entry after confirmation (the Default entry stays).",
)
class RemoveRemoteDomain(RemoteDomainCmdlet, ExchangeRemove):
    Identity = Param(T.RemoteDomainIdParameter, mandatory=True, position=1, from_pipeline=True)
    DomainController = Param(T.Fqdn)
