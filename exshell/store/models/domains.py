"""Accepted domains and remote domains, with their Exchange 2010 defaults and rules.

Contract:
  * ``AcceptedDomain``: domain names are unique; exactly one accepted domain is
    the default once any exists (the first one created becomes it; making
    another the default clears the flag elsewhere: ``check_in`` does that);
    the default domain can't be removed (the organization always has one:
    setup creates it, see ``servers.organization_accepted_domain``).
  * ``RemoteDomain``: domain names are unique; the built-in ``Default`` (``*``)
    exists from the start (``default_remote_domain()``) and can't be removed.
    The built-in Default keeps the on-premises values the page gives it
    (auto replies and auto forwards off, iso-8859-1 character sets); new remote
    domains get the field defaults.
"""
from __future__ import annotations

from typing import Any, ClassVar, Optional

from exshell.store.models.base import (
    AD_CONFIGURATION_BASES, Directory, ExchangeObject, escape_cn, fail,
)
from exshell.store.models.fields import CountOrUnlimited, SmtpDomainWithSubdomainsValue, Text, enum

DEFAULT_REMOTE_DOMAIN = "Default"

#: The character sets Set-RemoteDomain -CharacterSet / -NonMimeCharacterSet accept
#: (the page's list; Exchange compares them case-insensitively).
CHARACTER_SETS = (
    "big5", "din_66003", "euc-jp", "euc-kr", "gb18030", "gb2312", "hz-gb-2312", "iso-2022-jp",
    "iso-2022-kr", "iso-8859-1", "iso-8859-13", "iso-8859-15", "iso-8859-2", "iso-8859-3",
    "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8", "iso-8859-9", "koi8-r",
    "koi8-u", "ks_c_5601-1987", "ns_4551-1", "sen_850200_b", "shift_jis", "utf-7", "utf-8",
    "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
    "windows-1255", "windows-1256", "windows-1257", "windows-1258", "windows-874",
)


class AcceptedDomain(ExchangeObject):
    KIND: ClassVar[str] = "AcceptedDomain"
    CONTAINER: ClassVar[str] = "Accepted Domains"
    TYPE_NAMES: ClassVar[tuple[str, ...]] = (
        "Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomain",
    ) + AD_CONFIGURATION_BASES
    OBJECT_CLASS: ClassVar[tuple[str, ...]] = ("top", "msExchAcceptedDomain")
    OBJECT_CATEGORY: ClassVar[str] = "ms-Exch-Accepted-Domain"

    DomainName: SmtpDomainWithSubdomainsValue
    DomainType: enum("AcceptedDomainType") = "Authoritative"
    Default: bool = False
    AuthenticationType: Text = None
    LiveIdInstanceType: Text = None
    PendingRemoval: bool = False
    PendingCompletion: bool = False
    FederatedOrganizationLink: Text = None
    MailFlowPartner: Text = None
    OutboundOnly: bool = False
    PendingFederatedAccountNamespace: bool = False
    PendingFederatedDomain: bool = False
    IsCoexistenceDomain: bool = False
    AddressBookEnabled: Optional[bool] = None

    def check_rules(self) -> list[str]:
        warnings = super().check_rules()
        if self.DomainName is None:
            fail("The DomainName property can't be empty.", "DomainNameRequired", target=self.Name)
        if self.AddressBookEnabled is None:
            # Exchange's default depends on the type: only authoritative domains are in the GAL.
            self.AddressBookEnabled = str(self.DomainType) == "Authoritative"
        return warnings

    def distinguished_name(self, directory: Directory) -> str:
        return (f"CN={escape_cn(self.Name)},CN=Accepted Domains,CN=Transport Settings,"
                f"{directory.organization_dn}")

    def check_in(self, store: Any) -> list[str]:
        others = [other for other in store.list("AcceptedDomain") if other.Guid != self.Guid]
        for other in others:
            if _same_domain(other.DomainName, self.DomainName):
                fail(f'The accepted domain "{other.Name}" already uses the domain name '
                     f'"{self.DomainName}". Each accepted domain must have a unique domain name.',
                     "AcceptedDomainNameInUse", target=str(self.DomainName))
        if not others:
            self.Default = True
        elif self.Default:
            for other in others:
                if other.Default:
                    store.update(other.with_changes(Default=False), checked=False)
        elif not any(other.Default for other in others):
            self.Default = True
        return []

    def check_removal(self, store: Any) -> None:
        if self.Default:
            fail(f'The accepted domain "{self.Name}" is the default accepted domain and can\'t be '
                 "removed. Make another accepted domain the default (Set-AcceptedDomain "
                 "-MakeDefault $true) first.", "DefaultAcceptedDomainRemoval", target=self.Name)


class RemoteDomain(ExchangeObject):
    KIND: ClassVar[str] = "RemoteDomain"
    CONTAINER: ClassVar[str] = "Internet Message Formats"
    TYPE_NAMES: ClassVar[tuple[str, ...]] = (
        "Microsoft.Exchange.Data.Directory.SystemConfiguration.DomainContentConfig",
    ) + AD_CONFIGURATION_BASES
    OBJECT_CLASS: ClassVar[tuple[str, ...]] = ("top", "msExchDomainContentConfig")
    OBJECT_CATEGORY: ClassVar[str] = "ms-Exch-Domain-Content-Config"
    RANGES: ClassVar[dict[str, tuple[Any, Any]]] = {"LineWrapSize": (0, 132)}

    DomainName: SmtpDomainWithSubdomainsValue
    IsInternal: bool = False
    TargetDeliveryDomain: bool = False
    ByteEncoderTypeFor7BitCharsets: enum("ByteEncoderTypeFor7BitCharsetsEnum") = "Undefined"
    CharacterSet: Text = None
    NonMimeCharacterSet: Text = None
    AllowedOOFType: enum("AllowedOOFType") = "External"
    AutoReplyEnabled: bool = True
    AutoForwardEnabled: bool = True
    DeliveryReportEnabled: bool = True
    NDREnabled: bool = True
    MeetingForwardNotificationEnabled: bool = True
    ContentType: enum("ContentType") = "MimeHtmlText"
    DisplaySenderName: bool = True
    PreferredInternetCodePageForShiftJis: enum("PreferredInternetCodePageForShiftJisEnum") = \
        "Undefined"
    RequiredCharsetCoverage: Optional[int] = None
    TNEFEnabled: Optional[bool] = None
    LineWrapSize: CountOrUnlimited = "unlimited"
    TrustedMailOutboundEnabled: bool = False
    TrustedMailInboundEnabled: bool = False
    UseSimpleDisplayName: bool = False
    NDRDiagnosticInfoEnabled: bool = True
    IsCoexistenceDomain: bool = False

    def check_rules(self) -> list[str]:
        warnings = super().check_rules()
        if self.DomainName is None:
            fail("The DomainName property can't be empty.", "DomainNameRequired", target=self.Name)
        for name in ("CharacterSet", "NonMimeCharacterSet"):
            value = getattr(self, name)
            if value is None or value == "":
                continue
            known = value.strip().lower()
            if known not in CHARACTER_SETS:
                fail(f'"{value}" isn\'t a valid value for the {name} property. Valid values are: '
                     f'{", ".join(CHARACTER_SETS)}, or $null.', "InvalidCharacterSet", target=value)
            if known != value:
                setattr(self, name, known)
        if self.RequiredCharsetCoverage is not None and not 0 <= self.RequiredCharsetCoverage <= 100:
            fail(f"The value of property 'RequiredCharsetCoverage' is out of range: "
                 f"{self.RequiredCharsetCoverage}. The valid range is from 0 to 100.",
                 "PropertyValueOutOfRange", target=self.RequiredCharsetCoverage)
        return warnings

    def distinguished_name(self, directory: Directory) -> str:
        return (f"CN={escape_cn(self.Name)},CN=Internet Message Formats,CN=Global Settings,"
                f"{directory.organization_dn}")

    def check_in(self, store: Any) -> list[str]:
        for other in store.list("RemoteDomain"):
            if other.Guid != self.Guid and _same_domain(other.DomainName, self.DomainName):
                fail(f'The remote domain "{other.Name}" already uses the domain name '
                     f'"{self.DomainName}". Each remote domain must have a unique domain name.',
                     "RemoteDomainNameInUse", target=str(self.DomainName))
        return []

    def check_removal(self, store: Any) -> None:
        if self.Name.lower() == DEFAULT_REMOTE_DOMAIN.lower():
            fail(f'The remote domain "{self.Name}" is the built-in default remote domain and '
                 "can't be removed.", "DefaultRemoteDomainRemoval", target=self.Name)


def default_remote_domain() -> RemoteDomain:
    """The built-in remote domain every organization has: Default, '*'."""
    return RemoteDomain(
        Name=DEFAULT_REMOTE_DOMAIN, DomainName="*", CharacterSet="iso-8859-1",
        NonMimeCharacterSet="iso-8859-1", AutoReplyEnabled=False, AutoForwardEnabled=False,
    )


def _same_domain(first: Any, second: Any) -> bool:
    return str(first).lower() == str(second).lower()
