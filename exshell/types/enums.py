"""Enum types of the Exchange 2010 transport cmdlets, with PowerShell's enum conversion.

Contract:
  * Every enum is a Python ``enum.Enum`` (``ExchangeEnum``) or ``enum.Flag``
    (``ExchangeFlags``) subclass with class attributes ``dotnet_name`` and
    ``reference_name`` (the JSON "type" string) and a classmethod
    ``convert(value)`` doing what PowerShell does for enum parameters:
    case-insensitive names, a unique prefix accepted (``-Usage cust``), numbers
    and numeric strings by value, and for flags ``"Tls, BasicAuth"`` or a list.
    Failures carry PowerShell's EnumNotMatched / EnumAmbiguousMatch texts.
  * ``str(member)`` is .NET's ``Enum.ToString()``: the name, or for flags the
    ``"A, B"`` list (an exact composite name such as ``All`` wins); ``convert``
    reads it back.
  * Member names are .NET's (``None`` included), so reach them with
    ``AuthMechanisms["None"]`` or ``AuthMechanisms.convert("None")``.
  * ``ENUMS`` lists every enum class defined here; the value lists come from the
    reference's "accepted_values" (Exchange 2010 values where versions differ;
    ``NON_2010_VALUES`` records later additions so hints can name them).
"""
from __future__ import annotations

import enum
from typing import Any, Iterable

from exshell.errors import message
from exshell.language.values import ArgumentNumber
from exshell.types.common import cast_failure, fail, reject_null


class _EnumConversion:
    """PowerShell's string/number -> enum rules, shared by plain and flags enums."""

    @classmethod
    def convert(cls, value: Any) -> Any:
        if isinstance(value, cls):
            return value
        if value is None:
            reject_null(cls.dotnet_name)  # type: ignore[attr-defined]
        if isinstance(value, ArgumentNumber):
            value = value.value
        if isinstance(value, bool):
            cast_failure(value, cls.dotnet_name)  # type: ignore[attr-defined]
        if isinstance(value, int):
            return cls._from_number(int(value), str(value))
        if isinstance(value, (list, tuple)):
            parts = [cls.convert(item) for item in value]
            return cls._combine(parts, ", ".join(str(p) for p in value))
        if not isinstance(value, str):
            if isinstance(value, enum.Enum):
                return cls.convert(str(value))
            cast_failure(value, cls.dotnet_name)  # type: ignore[attr-defined]
        names = value.split(",") if cls._is_flags() else [value]
        members = [cls._by_name(name.strip(), value) for name in names]
        return cls._combine(members, value)

    @classmethod
    def _is_flags(cls) -> bool:
        return issubclass(cls, enum.Flag)

    @classmethod
    def _by_name(cls, name: str, whole_text: str) -> Any:
        if name.lstrip("+-").isdigit():
            return cls._from_number(int(name), whole_text)
        members = cls.__members__  # type: ignore[attr-defined]
        folded = name.lower()
        for member_name, member in members.items():
            if member_name.lower() == folded:
                return member
        candidates = [n for n in members if n.lower().startswith(folded)] if folded else []
        if len(candidates) == 1:
            return members[candidates[0]]
        if len(candidates) > 1:
            fail("EnumAmbiguousMatch", name, ", ".join(candidates))
        fail("EnumNotMatched", name, ", ".join(members))

    @classmethod
    def _from_number(cls, number: int, text: str) -> Any:
        try:
            return cls(number)  # type: ignore[call-arg]
        except ValueError:
            fail("EnumNotMatched", text, ", ".join(cls.__members__))  # type: ignore[attr-defined]

    @classmethod
    def _combine(cls, members: list[Any], text: str) -> Any:
        if len(members) == 1:
            return members[0]
        if not members or not cls._is_flags():
            fail("EnumNotMatched", text, ", ".join(cls.__members__))  # type: ignore[attr-defined]
        combined = members[0]
        for member in members[1:]:
            combined = combined | member
        return combined

    def to_json(self) -> str:
        return str(self)

    def ps_type_names(self) -> list[str]:
        return [self.dotnet_name, "System.Enum", "System.ValueType", "System.Object"]  # type: ignore[attr-defined]


class ExchangeEnum(_EnumConversion, enum.Enum):
    """A plain .NET enum."""

    def __str__(self) -> str:
        return self.name

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


class ExchangeFlags(_EnumConversion, enum.Flag):
    """A [Flags] .NET enum."""

    @classmethod
    def _missing_(cls, value: Any) -> Any:
        # Combinations get .NET's "A, B" as their name, so code reading ``.name``
        # (not only ``str``) shows what PowerShell shows.
        member = super()._missing_(value)
        if member is not None and member._name_ not in cls.__members__:
            member._name_ = flags_text(member)
        return member

    def __str__(self) -> str:
        return flags_text(self)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    @property
    def names(self) -> list[str]:
        """The member names this value is made of (as ``str`` lists them)."""
        text = str(self)
        return [part.strip() for part in text.split(",")]


def flags_text(value: enum.Flag) -> str:
    """.NET's ToString of a flags value: an exact name, else the greedy decomposition."""
    members = type(value).__members__
    for name, member in members.items():
        if member.value == value.value:
            return name
    remaining = value.value
    chosen: list[tuple[int, str]] = []
    for name, member in sorted(members.items(), key=lambda item: -item[1].value):
        if member.value and member.value & remaining == member.value:
            chosen.append((member.value, name))
            remaining &= ~member.value
    return ", ".join(name for _, name in sorted(chosen)) or str(value.value)


def _define(base: type, name: str, dotnet_name: str, values: Iterable[Any],
            reference_name: str | None = None) -> Any:
    """Create an enum class; ``values`` are names (numbered 0.. or bits 1, 2, 4 ...
    after an optional zero member for flags) or (name, number) pairs."""
    numbered: list[tuple[str, int]] = []
    next_bit = 1
    for index, item in enumerate(values):
        if isinstance(item, tuple):
            numbered.append(item)
        elif base is ExchangeFlags:
            if item in ("None", "Default") and index == 0:
                numbered.append((item, 0))
            else:
                numbered.append((item, next_bit))
                next_bit <<= 1
        else:
            numbered.append((item, index))
    created = base(name, numbered, module=__name__, qualname=name)
    # The binder calls a type's own ``convert``; give each enum class one so
    # PowerShell's ambiguity and flags rules above apply at bind time.
    created.convert = vars(_EnumConversion)["convert"]
    created.dotnet_name = dotnet_name
    created.reference_name = reference_name or name
    ENUMS.append(created)
    return created


ENUMS: list[Any] = []

_DATA = "Microsoft.Exchange.Data."
_SYSCONFIG = "Microsoft.Exchange.Data.Directory.SystemConfiguration."
_QUEUES = "Microsoft.Exchange.Data.QueueViewer."
_TASKS = "Microsoft.Exchange.Management.SystemConfigurationTasks."

# ---- connectors
SendConnectorUsageType = _define(
    ExchangeEnum, "SendConnectorUsageType", _TASKS + "NewSendConnector+UsageType",
    ["Custom", "Internal", "Internet", "Partner"], reference_name="UsageType")
ReceiveConnectorUsageType = _define(
    ExchangeEnum, "ReceiveConnectorUsageType", _TASKS + "NewReceiveConnector+UsageType",
    ["Custom", "Internet", "Internal", "Client", "Partner"], reference_name="UsageType")
AuthMechanisms = _define(
    ExchangeFlags, "AuthMechanisms", _SYSCONFIG + "AuthMechanisms",
    ["None", "Tls", "Integrated", "BasicAuth", "BasicAuthRequireTLS", "ExchangeServer",
     "ExternalAuthoritative"])
SmartHostAuthMechanism = _define(
    ExchangeEnum, "SmartHostAuthMechanism", _SYSCONFIG + "SmtpSendConnectorConfig+AuthMechanisms",
    ["None", "BasicAuth", "BasicAuthRequireTLS", "ExchangeServer", "ExternalAuthoritative"],
    reference_name="AuthMechanisms")
PermissionGroups = _define(
    ExchangeFlags, "PermissionGroups", _DATA + "PermissionGroups",
    ["None", "AnonymousUsers", "ExchangeUsers", "ExchangeServers", "ExchangeLegacyServers",
     "Partners", "Custom"])
ProtocolLoggingLevel = _define(
    ExchangeEnum, "ProtocolLoggingLevel", _DATA + "ProtocolLoggingLevel", ["None", "Verbose"])
ErrorPolicies = _define(
    ExchangeFlags, "ErrorPolicies", _DATA + "ErrorPolicies",
    ["Default", "DowngradeDnsFailures", "DowngradeAuthFailures"])
TlsAuthLevel = _define(
    ExchangeEnum, "TlsAuthLevel", _DATA + "TlsAuthLevel",
    ["EncryptionOnly", "CertificateValidation", "DomainValidation"])
TenantConnectorType = _define(
    ExchangeEnum, "TenantConnectorType", _DATA + "TenantConnectorType", ["Default", "XPremises"])
SizeMode = _define(
    ExchangeEnum, "SizeMode", _SYSCONFIG + "SizeMode",
    ["Disabled", "Enabled", "EnabledWithoutValue"])
MessageRateSourceFlags = _define(
    ExchangeFlags, "MessageRateSourceFlags", _SYSCONFIG + "MessageRateSourceFlags",
    [("None", 0), ("IPAddress", 1), ("User", 2), ("All", 3)])
ExtendedProtectionPolicySetting = _define(
    ExchangeEnum, "ExtendedProtectionPolicySetting", _SYSCONFIG + "ExtendedProtectionPolicySetting",
    ["None", "Allow", "Require"])
ServerRole = _define(
    ExchangeFlags, "ServerRole", _SYSCONFIG + "ServerRole",
    ["None", "Cafe", "Mailbox", "ClientAccess", "UnifiedMessaging", "HubTransport", "Edge", "All",
     "Monitoring", "CentralAdmin", "CentralAdminDatabase", "DomainController",
     "WindowsDeploymentServer", "ProvisionedServer", "LanguagePacks", "FrontendTransport",
     "CafeArray", "FfoWebService", "OSP", "ARR", "ManagementFrontEnd", "ManagementBackEnd",
     "SCOM", "CentralAdminFrontEnd", "NAT", "DHCP"])

# ---- domains
AcceptedDomainType = _define(
    ExchangeEnum, "AcceptedDomainType", _SYSCONFIG + "AcceptedDomainType",
    ["Authoritative", "ExternalRelay", "InternalRelay"])
AllowedOOFType = _define(
    ExchangeEnum, "AllowedOOFType", _SYSCONFIG + "AllowedOOFType",
    ["External", "InternalLegacy", "ExternalLegacy", "None"])
ContentType = _define(
    ExchangeEnum, "ContentType", _SYSCONFIG + "ContentType",
    ["MimeHtmlText", "MimeText", "MimeHtml"])
ByteEncoderTypeFor7BitCharsetsEnum = _define(
    ExchangeEnum, "ByteEncoderTypeFor7BitCharsetsEnum",
    _SYSCONFIG + "ByteEncoderTypeFor7BitCharsetsEnum",
    ["Use7Bit", "UseQP", "UseBase64", "UseQPHtmlDetectTextPlain", "UseBase64HtmlDetectTextPlain",
     "UseQPHtml7BitTextPlain", "UseBase64Html7BitTextPlain", "Undefined"])
PreferredInternetCodePageForShiftJisEnum = _define(
    ExchangeEnum, "PreferredInternetCodePageForShiftJisEnum",
    _SYSCONFIG + "PreferredInternetCodePageForShiftJisEnum",
    [("Undefined", 0), ("Iso2022Jp", 50220), ("Esc2022Jp", 50221), ("Sio2022Jp", 50222)])

# ---- transport configuration and servers
DSNConversionOption = _define(
    ExchangeEnum, "DSNConversionOption", _SYSCONFIG + "DSNConversionOption",
    ["UseExchangeDSNs", "PreserveDSNBody", "DoNotConvert"])
HeaderPromotionMode = _define(
    ExchangeEnum, "HeaderPromotionMode", _DATA + "HeaderPromotionMode",
    ["NoCreate", "MayCreate", "MustCreate"])
ShadowMessagePreference = _define(
    ExchangeEnum, "ShadowMessagePreference", _DATA + "ShadowMessagePreference",
    ["PreferRemote", "LocalOnly", "RemoteOnly"])
ProtocolOption = _define(
    ExchangeEnum, "ProtocolOption", _SYSCONFIG + "ProtocolOption",
    ["Any", "UseUdpOnly", "UseTcpOnly"])
SyncLogLoggingLevel = _define(
    ExchangeEnum, "SyncLogLoggingLevel", _DATA + "SyncLogLoggingLevel",
    ["None", "Error", "Information", "Verbose", "RawData", "Debugging"])
TransportService = _define(
    ExchangeEnum, "TransportService", "Microsoft.Exchange.Management.AgentTasks.TransportService",
    ["Hub", "Edge", "FrontEnd", "MailboxSubmission", "MailboxDelivery"])

# ---- queues
QueueViewerIncludesAndExcludes = _define(
    ExchangeFlags, "QueueViewerIncludesAndExcludes", _QUEUES + "QueueViewerIncludesAndExcludes",
    ["None", "Internal", "External"])
DetailsLevel = _define(
    ExchangeEnum, "DetailsLevel", _QUEUES + "DetailsLevel", ["None", "Normal", "Verbose"])
QueueDigestGroupBy = _define(
    ExchangeEnum, "QueueDigestGroupBy", _QUEUES + "QueueDigestGroupBy",
    ["NextHopDomain", "NextHopCategory", "NextHopKey", "DeliveryType", "Status", "RiskLevel",
     "LastError", "ServerName", "OutboundIPPool"])

# Queue viewer output (Get-Queue / Get-Message Status, DeliveryType) and filters.
QueueStatus = _define(
    ExchangeEnum, "QueueStatus", _QUEUES + "QueueStatus",
    ["None", "Active", "Ready", "Retry", "Suspended", "Connecting"])
MessageStatus = _define(
    ExchangeEnum, "MessageStatus", _QUEUES + "MessageStatus",
    ["None", "Active", "Ready", "Retry", "Suspended", "PendingSuspend", "PendingRemove", "Locked"])
DeliveryType = _define(
    ExchangeEnum, "DeliveryType", _DATA + "DeliveryType",
    ["Undefined", "DnsConnectorDelivery", "MapiDelivery", "NonSmtpGatewayDelivery",
     "SmartHostConnectorDelivery", "SmtpRelayToRemoteAdSite", "SmtpRelayToTiRg",
     "SmtpRelayWithinAdSite", "SmtpRelayWithinAdSiteToEdge", "Unreachable", "ShadowRedundancy",
     "DeliveryAgent"])

# ---- certificates and permissions
AllowedServices = _define(
    ExchangeFlags, "AllowedServices", _TASKS + "AllowedServices",
    ["None", "IMAP", "POP", "UM", "IIS", "SMTP", "Federation", "UMCallRouter"])
ActiveDirectorySecurityInheritance = _define(
    ExchangeEnum, "ActiveDirectorySecurityInheritance",
    "System.DirectoryServices.ActiveDirectorySecurityInheritance",
    ["None", "All", "Descendents", "SelfAndChildren", "Children"])
ActiveDirectoryRights = _define(
    ExchangeFlags, "ActiveDirectoryRights", "System.DirectoryServices.ActiveDirectoryRights",
    [("CreateChild", 0x1), ("DeleteChild", 0x2), ("ListChildren", 0x4), ("Self", 0x8),
     ("ReadProperty", 0x10), ("WriteProperty", 0x20), ("DeleteTree", 0x40), ("ListObject", 0x80),
     ("ExtendedRight", 0x100), ("Delete", 0x10000), ("ReadControl", 0x20000),
     ("GenericExecute", 0x20004), ("GenericWrite", 0x20028), ("GenericRead", 0x20094),
     ("WriteDacl", 0x40000), ("WriteOwner", 0x80000), ("GenericAll", 0xF01FF),
     ("Synchronize", 0x100000), ("AccessSystemSecurity", 0x1000000)])

# Values the reference lists only for later Exchange versions: enum name -> value names.
NON_2010_VALUES: dict[str, tuple[str, ...]] = {
    "ErrorPolicies": ("DowngradeCustomFailures", "UpgradeCustomFailures"),
    "QueueStatus": ("Connecting",),
}


__all__ = ["ExchangeEnum", "ExchangeFlags", "ENUMS", "NON_2010_VALUES", "flags_text",
           "enum_not_matched_text"] + [enum_type.__name__ for enum_type in ENUMS]


def enum_not_matched_text(enum_type: Any, name: str) -> str:
    """The EnumNotMatched inner text for ``name`` (used by completion and hints)."""
    return message("EnumNotMatched", name, ", ".join(enum_type.__members__))
