"""Identity parameter types (``SendConnectorIdParameter`` ...): how a cmdlet is
told which object to act on.

Contract:
  * Each identity type keeps the text as given (``raw``) and resolves nothing:
    the cmdlet looks the object up.  ``convert(value)`` accepts text, an
    ``ArgumentNumber`` (its text), a GUID (System.Guid, or the store's uuid.UUID),
    another identity, or a pipeline object with an
    ``Identity`` (else ``Name``) property, read through ``ps_properties()`` or a
    plain attribute; ``$null`` stays None.
  * ``has_wildcard`` (``*``, the only wildcard Exchange identities take),
    ``matches(name)`` (case-insensitive, wildcard aware), ``is_guid``.
  * ``ReceiveConnectorIdParameter`` (and the certificate/queue identities)
    split ``Server\\Name``: ``server`` (None when absent) and ``name``.
  * ``QueueIdentity`` = ``[Server\\]Queue``; ``MessageIdentity`` =
    ``[[Server\\]Queue\\]MessageId`` (the id is an integer).
  * ``IDENTITY_TYPES`` maps each reference name to its class.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Optional

from exshell.language.values import ArgumentNumber
from exshell.types.common import cast_failure, equals_text, fail

_GUID = re.compile(r"^\{?[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\}?$")
_TASKS = "Microsoft.Exchange.Configuration.Tasks."
_QUEUES = "Microsoft.Exchange.Data.QueueViewer."


@lru_cache(maxsize=256)
def wildcard_pattern(text: str) -> "re.Pattern[str]":
    """A case-insensitive full-match regex for an Exchange ``*`` wildcard."""
    return re.compile("^" + ".*".join(re.escape(part) for part in text.split("*")) + "$",
                      re.IGNORECASE | re.DOTALL)


def identity_text_of(value: Any) -> Optional[str]:
    """The identity text a pipeline object offers (Identity, else Name), or None."""
    properties = None
    reader = getattr(value, "ps_properties", None)
    if callable(reader):
        properties = reader()
    for name in ("Identity", "Name"):
        found = None
        if properties is not None and name in properties:
            found = properties.get(name)
        elif hasattr(value, name):
            found = getattr(value, name)
        if found is not None:
            raw = getattr(found, "raw", None)
            return str(raw if raw is not None else found)
    return None


class IdParameter:
    """Base of the identity types."""

    dotnet_name = _TASKS + "IdParameter"
    reference_name = "IdParameter"
    __slots__ = ("raw",)

    def __init__(self, raw: str):
        object.__setattr__(self, "raw", raw)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("identity values are immutable")

    @classmethod
    def convert(cls, value: Any) -> Any:
        if isinstance(value, cls):
            return value
        if value is None:
            return None
        if isinstance(value, IdParameter):
            return cls.parse(value.raw)
        if isinstance(value, ArgumentNumber):
            return cls.parse(value.text)
        if isinstance(value, str):
            return cls.parse(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls.parse(str(value))
        if type(value).__module__ == "uuid":  # an object's Guid as the store hands it out
            return cls.parse(str(value))
        text = identity_text_of(value)
        if text is None:
            cast_failure(value, cls.dotnet_name)
        return cls.parse(text)

    @classmethod
    def parse(cls, text: str) -> Any:
        text = text.strip()
        if not text:
            fail("InvalidIdentity", text)
        return cls(text)

    @property
    def has_wildcard(self) -> bool:
        return "*" in self.raw

    @property
    def is_guid(self) -> bool:
        return bool(_GUID.match(self.raw))

    def matches(self, name: str) -> bool:
        """Does an object called ``name`` answer to this identity?"""
        if name is None:
            return False
        if self.has_wildcard:
            return bool(wildcard_pattern(self.raw).match(str(name)))
        return self.raw.lower() == str(name).lower()

    def __str__(self) -> str:
        return self.raw

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.raw!r})"

    def __eq__(self, other: Any) -> bool:
        if type(other) is type(self):
            return self.raw.lower() == other.raw.lower()
        return equals_text(self, other)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.raw.lower()))

    def to_json(self) -> str:
        return self.raw

    def ps_type_names(self) -> list[str]:
        return [self.dotnet_name, "System.Object"]


class ServerScopedIdParameter(IdParameter):
    """An identity that may be written ``Server\\Name``."""

    __slots__ = ()

    @property
    def server(self) -> Optional[str]:
        head, sep, _ = self.raw.partition("\\")
        return head if sep else None

    @property
    def name(self) -> str:
        return self.raw.partition("\\")[2] if "\\" in self.raw else self.raw

    def matches(self, name: str, server: Optional[str] = None) -> bool:
        """``name`` may be the bare object name (with ``server`` given apart) or
        ``Server\\Name``; a server in the identity must then match too."""
        name = str(name)
        if "\\" in name and server is None:
            server, name = name.split("\\", 1)
        if self.server is not None:
            if server is None or not _text_matches(self.server, server):
                return False
        return _text_matches(self.name, name)


def _text_matches(pattern: str, text: str) -> bool:
    if "*" in pattern:
        return bool(wildcard_pattern(pattern).match(text))
    return pattern.lower() == text.lower()


class QueueIdentity(ServerScopedIdParameter):
    """``[Server\\]Queue``: a next-hop domain, a queue number or a well-known queue."""

    dotnet_name = _QUEUES + "QueueIdentity"
    reference_name = "QueueIdentity"
    __slots__ = ()

    @classmethod
    def parse(cls, text: str) -> "QueueIdentity":
        text = text.strip()
        parts = text.split("\\")
        if not text or len(parts) > 2 or not all(part.strip() for part in parts):
            fail("InvalidQueueIdentity", text)
        return cls(text)

    @property
    def queue(self) -> str:
        return self.name

    @property
    def queue_number(self) -> Optional[int]:
        return int(self.name) if self.name.isdigit() else None


class MessageIdentity(IdParameter):
    """``[[Server\\]Queue\\]MessageId``."""

    dotnet_name = _QUEUES + "MessageIdentity"
    reference_name = "MessageIdentity"
    __slots__ = ()

    @classmethod
    def parse(cls, text: str) -> "MessageIdentity":
        text = text.strip()
        parts = text.split("\\")
        if (not text or len(parts) > 3 or not all(part.strip() for part in parts)
                or not (parts[-1].isdigit() or "*" in parts[-1])):
            fail("InvalidMessageIdentity", text)
        return cls(text)

    @property
    def server(self) -> Optional[str]:
        parts = self.raw.split("\\")
        return parts[0] if len(parts) == 3 else None

    @property
    def queue(self) -> Optional[str]:
        parts = self.raw.split("\\")
        return parts[-2] if len(parts) >= 2 else None

    @property
    def message_id(self) -> Optional[int]:
        last = self.raw.split("\\")[-1]
        return int(last) if last.isdigit() else None


def _define(name: str, base: type = IdParameter, namespace: str = _TASKS) -> type:
    created = type(name, (base,), {"__slots__": (), "dotnet_name": namespace + name,
                                   "reference_name": name,
                                   "__doc__": f"The {name} identity type."})
    created.__module__ = __name__
    return created


SendConnectorIdParameter = _define("SendConnectorIdParameter")
ReceiveConnectorIdParameter = _define("ReceiveConnectorIdParameter", ServerScopedIdParameter)
ServerIdParameter = _define("ServerIdParameter")
TransportServerIdParameter = _define("TransportServerIdParameter")
MailboxTransportServerIdParameter = _define("MailboxTransportServerIdParameter")
FrontendTransportServerIdParameter = _define("FrontendTransportServerIdParameter")
AcceptedDomainIdParameter = _define("AcceptedDomainIdParameter")
RemoteDomainIdParameter = _define("RemoteDomainIdParameter")
ForeignConnectorIdParameter = _define("ForeignConnectorIdParameter")
RoutingGroupConnectorIdParameter = _define("RoutingGroupConnectorIdParameter")
OrganizationIdParameter = _define("OrganizationIdParameter")
MailboxPolicyIdParameter = _define("MailboxPolicyIdParameter")
AdSiteIdParameter = _define("AdSiteIdParameter")
DatabaseIdParameter = _define("DatabaseIdParameter")
ADRawEntryIdParameter = _define("ADRawEntryIdParameter")
ADSchemaObjectIdParameter = _define("ADSchemaObjectIdParameter")
ExtendedRightIdParameter = _define("ExtendedRightIdParameter")
SecurityPrincipalIdParameter = _define("SecurityPrincipalIdParameter")
ExchangeCertificateIdParameter = _define("ExchangeCertificateIdParameter", ServerScopedIdParameter)
TransportAgentObjectId = _define("TransportAgentObjectId")

__all__ = ["IdParameter", "ServerScopedIdParameter", "QueueIdentity", "MessageIdentity",
           "IDENTITY_TYPES", "identity_text_of", "wildcard_pattern",
           "SendConnectorIdParameter", "ReceiveConnectorIdParameter", "ServerIdParameter",
           "TransportServerIdParameter", "MailboxTransportServerIdParameter",
           "FrontendTransportServerIdParameter", "AcceptedDomainIdParameter",
           "RemoteDomainIdParameter", "ForeignConnectorIdParameter",
           "RoutingGroupConnectorIdParameter", "OrganizationIdParameter",
           "MailboxPolicyIdParameter", "AdSiteIdParameter", "DatabaseIdParameter",
           "ADRawEntryIdParameter", "ADSchemaObjectIdParameter", "ExtendedRightIdParameter",
           "SecurityPrincipalIdParameter", "ExchangeCertificateIdParameter",
           "TransportAgentObjectId"]

IDENTITY_TYPES: dict[str, type] = {
    cls.reference_name: cls for cls in (
        SendConnectorIdParameter, ReceiveConnectorIdParameter, ServerIdParameter,
        TransportServerIdParameter, MailboxTransportServerIdParameter,
        FrontendTransportServerIdParameter, AcceptedDomainIdParameter, RemoteDomainIdParameter,
        ForeignConnectorIdParameter, RoutingGroupConnectorIdParameter, OrganizationIdParameter,
        MailboxPolicyIdParameter, AdSiteIdParameter, DatabaseIdParameter, ADRawEntryIdParameter,
        ADSchemaObjectIdParameter, ExtendedRightIdParameter, SecurityPrincipalIdParameter,
        ExchangeCertificateIdParameter, TransportAgentObjectId, QueueIdentity, MessageIdentity,
    )
}
