"""Accepted domains: New-, Get-, Set-, Remove-AcceptedDomain.

An accepted domain is an SMTP namespace the organization receives mail for:
Authoritative (its mailboxes live here), InternalRelay or ExternalRelay.
Exactly one accepted domain is the default (the postmaster address and the
default e-mail address policy use it); the store model keeps that true (the
first domain becomes the default, a new default clears the old one, the
default can't be removed).  ``Set-AcceptedDomain -MakeDefault $true`` asks for
the move.
"""
from __future__ import annotations

from typing import Any

from exshell import types as T
from exshell.cmdlets.base import Param, cmdlet
from exshell.cmdlets.exchange.common import (
    LATER, ExchangeGet, ExchangeNew, ExchangeRemove, ExchangeSet,
)
from exshell.language.values import UInt32


class AcceptedDomainCmdlet:
    kind = "AcceptedDomain"
    label = "accepted domain"


class SetAcceptedDomainBase(AcceptedDomainCmdlet, ExchangeSet):
    def adjust_set(self, current: Any, changes: dict[str, Any]) -> None:
        # MakeDefault $true moves the default mark here (the model clears it on the
        # old default in the same transaction); $false has no effect, as in Exchange.
        if self.bound.get("MakeDefault"):
            changes["Default"] = True


@cmdlet(
    "New-AcceptedDomain",
    should_process=True,
    confirm_impact="Medium",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.NewAcceptedDomain",
    synopsis="Adds an SMTP domain the organization accepts mail for (authoritative or relay).",
)
class NewAcceptedDomain(AcceptedDomainCmdlet, ExchangeNew):
    Name = Param(str, mandatory=True, position=1)
    DomainName = Param(T.SmtpDomainWithSubdomains, mandatory=True)
    DomainController = Param(T.Fqdn)
    DomainType = Param(T.AcceptedDomainType)


@cmdlet(
    "Get-AcceptedDomain",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.GetAcceptedDomain",
    synopsis="Lists accepted domains, or the ones matching Identity.",
)
class GetAcceptedDomain(AcceptedDomainCmdlet, ExchangeGet):
    Identity = Param(T.AcceptedDomainIdParameter, position=1, from_pipeline=True)
    DomainController = Param(T.Fqdn)
    ResultSize = Param(T.Unlimited(UInt32), versions=LATER)


@cmdlet(
    "Set-AcceptedDomain",
    should_process=True,
    confirm_impact="Medium",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.SetAcceptedDomain",
    synopsis="Changes an accepted domain, for example its type or whether it is the default.",
)
class SetAcceptedDomain(SetAcceptedDomainBase):
    Identity = Param(T.AcceptedDomainIdParameter, mandatory=True, position=1, from_pipeline=True)
    AddressBookEnabled = Param(bool)
    CanHaveCloudCache = Param(bool, versions=LATER)
    DomainController = Param(T.Fqdn)
    DomainType = Param(T.AcceptedDomainType)
    EnableNego2Authentication = Param(bool, versions=LATER)
    MakeDefault = Param(bool)
    MailFlowRegion = Param(str, versions=LATER)
    MatchSubDomains = Param(bool, versions=LATER)
    Name = Param(str)
    OutboundOnly = Param(bool, versions=LATER)
    PendingCompletion = Param(bool, versions=LATER)
    PendingRemoval = Param(bool)
    SendingFromDomainDisabled = Param(bool, versions=LATER)
    SendingToDomainDisabled = Param(bool, versions=LATER)


@cmdlet(
    "Remove-AcceptedDomain",
    should_process=True,
    confirm_impact="High",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.RemoveAcceptedDomain",
    synopsis="Deletes an accepted domain after confirmation.",
)
class RemoveAcceptedDomain(AcceptedDomainCmdlet, ExchangeRemove):
    Identity = Param(T.AcceptedDomainIdParameter, mandatory=True, position=1, from_pipeline=True)
    DomainController = Param(T.Fqdn)
