"""Which exshell type stands for each type name of the Exchange reference, and
the ``[type]`` names the language learns from exshell/types.

Contract:
  * ``REFERENCE_TYPES``: reference "type" string (as in exchange-cmdlets.json,
    e.g. 'ByteQuantifiedSize', 'Unlimited', 'MultiValuedProperty', 'String[]')
    -> the Param type to declare: a Python primitive (str, bool, int, UInt32,
    datetime, timedelta, SwitchParameter), an ``ArrayOf``, an exshell type, or the
    generic constructors ``Unlimited`` / ``MultiValued`` (their instances carry
    reference names 'Unlimited' / 'MultiValuedProperty').
  * ``reference_name_of(param_type)``: the reference string a declared Param
    type corresponds to (for the conformance test and help text).
  * ``register_with_language()``: teaches exshell.language.conversions the
    ``[PSCredential]``, ``[securestring]`` and Exchange type names so casts and
    ``-is`` work; returns False when the language module is not there yet.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from exshell.cmdlets.base import ArrayOf
from exshell.language.values import Byte, Int64, SwitchParameter, UInt32
from exshell.types import enums, scalars
from exshell.types.address_space import AddressSpace
from exshell.types.bytesize import ByteQuantifiedSize
from exshell.types.credential import PSCredential, SecureString
from exshell.types.identity import IDENTITY_TYPES
from exshell.types.multivalued import MultiValued, MultiValuedType
from exshell.types.network import Fqdn, IPAddress, IPBinding, IPRange, SmartHost
from exshell.types.smtp import SmtpAddress, SmtpDomain, SmtpDomainWithSubdomains, SmtpX509Identifier
from exshell.types.timespan import EnhancedTimeSpan
from exshell.types.unlimited import Unlimited, UnlimitedType

# Python primitives and the reference names they answer to (first name is canonical).
PRIMITIVE_NAMES: dict[Any, tuple[str, ...]] = {
    str: ("String",),
    bool: ("Boolean", "System.Boolean"),
    int: ("Int32",),
    Int64: ("Int64",),
    UInt32: ("UInt32",),
    Byte: ("Byte",),
    datetime: ("DateTime",),
    timedelta: ("TimeSpan",),
    SwitchParameter: ("SwitchParameter",),
}

_VALUE_TYPES: tuple[Any, ...] = (
    ByteQuantifiedSize, EnhancedTimeSpan, AddressSpace, Fqdn, IPAddress, IPRange, IPBinding,
    SmartHost, SmtpAddress, SmtpDomain, SmtpDomainWithSubdomains, SmtpX509Identifier,
    PSCredential, SecureString, scalars.Guid, scalars.Uri, scalars.CultureInfo,
    scalars.LocalLongFullPath, scalars.LongPath, scalars.ProductKey,
    scalars.QueueViewerSortOrderEntry, scalars.ADAcePresentationObject,
    scalars.ExtensibleMessageInfo, scalars.ExtensibleQueueInfo, scalars.X509Certificate2,
)

# Where one reference name covers several exshell enums (send and receive
# connectors both call theirs "UsageType"), the superset answers for the name.
_ENUM_FOR_SHARED_NAME = {
    "UsageType": enums.ReceiveConnectorUsageType,
    "AuthMechanisms": enums.AuthMechanisms,
}


def _build() -> dict[str, Any]:
    table: dict[str, Any] = {}
    for python_type, names in PRIMITIVE_NAMES.items():
        for name in names:
            table[name] = python_type
    for value_type in _VALUE_TYPES:
        table[value_type.reference_name] = value_type
    table.update(IDENTITY_TYPES)
    for enum_type in enums.ENUMS:
        table.setdefault(enum_type.reference_name, enum_type)
    table.update(_ENUM_FOR_SHARED_NAME)
    table["Unlimited"] = Unlimited
    table["MultiValuedProperty"] = MultiValued
    for element in ("String", "Byte", "ADSchemaObjectIdParameter", "ExtendedRightIdParameter",
                    "ActiveDirectoryRights", "QueueViewerSortOrderEntry"):
        table[element + "[]"] = ArrayOf(table[element])
    return table


REFERENCE_TYPES: dict[str, Any] = _build()


def reference_name_of(param_type: Any) -> str:
    """The reference "type" string for a declared Param type ('' when unknown)."""
    if isinstance(param_type, ArrayOf):
        inner = reference_name_of(param_type.element)
        return inner + "[]" if inner else ""
    if isinstance(param_type, (UnlimitedType, MultiValuedType)):
        return param_type.reference_name
    if param_type is Unlimited:
        return "Unlimited"
    if param_type is MultiValued:
        return "MultiValuedProperty"
    names = PRIMITIVE_NAMES.get(param_type)
    if names:
        return names[0]
    return getattr(param_type, "reference_name", "") or ""


# [type] names the language resolves to exshell types, beyond each type's own
# dotnet_name (register_type adds that one itself).
_LANGUAGE_NAMES: dict[str, Any] = {
    "PSCredential": PSCredential,
    "System.Management.Automation.PSCredential": PSCredential,
    "Management.Automation.PSCredential": PSCredential,
    "securestring": SecureString,
    "System.Security.SecureString": SecureString,
    "Security.SecureString": SecureString,
    "ipaddress": IPAddress,
    "System.Net.IPAddress": IPAddress,
    "guid": scalars.Guid,
    "uri": scalars.Uri,
    "cultureinfo": scalars.CultureInfo,
}


def register_with_language() -> bool:
    """Register the type names with exshell.language.conversions (if present)."""
    try:
        from exshell.language.conversions import register_type
    except ImportError:
        return False
    for name, python_type in _LANGUAGE_NAMES.items():
        register_type(name, python_type)
    for value_type in (*_VALUE_TYPES, *IDENTITY_TYPES.values(), *enums.ENUMS):
        if isinstance(value_type, type):
            register_type(value_type.dotnet_name, value_type)
            if _unclaimed(value_type.reference_name):
                register_type(value_type.reference_name, value_type)
    return True


def _unclaimed(short_name: str) -> bool:
    """Short names that would shadow PowerShell's own accelerators stay unregistered."""
    return short_name.lower() not in {"string", "object", "int", "guid", "uri", "contenttype",
                                      "timespan", "datetime"}
