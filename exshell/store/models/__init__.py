"""Typed pydantic models of the Exchange 2010 transport configuration objects.

``KINDS`` is the one table of stored object classes (kind name -> model);
``model_for(kind)`` accepts a kind name (any case) or a model class.
"""
from __future__ import annotations

from typing import Any

from exshell.store.errors import StoreError
from exshell.store.models.base import Directory, ExchangeObject
from exshell.store.models.domains import AcceptedDomain, RemoteDomain, default_remote_domain
from exshell.store.models.organization import ForeignConnector, TransportConfig
from exshell.store.models.receive_connector import ReceiveConnector, usage_properties
from exshell.store.models.send_connector import SendConnector, usage_from_switches
from exshell.store.models.server import ExchangeServer, TransportServer

KINDS: dict[str, type[ExchangeObject]] = {
    model.KIND.lower(): model
    for model in (SendConnector, ReceiveConnector, TransportConfig, TransportServer,
                  ExchangeServer, AcceptedDomain, RemoteDomain, ForeignConnector)
}


def model_for(kind: Any) -> type[ExchangeObject]:
    if isinstance(kind, type) and issubclass(kind, ExchangeObject):
        return kind
    found = KINDS.get(str(kind).lower())
    if found is None:
        raise StoreError(f"The configuration store has no object class named '{kind}'.",
                         "UnknownObjectClass")
    return found


__all__ = [
    "KINDS", "model_for", "Directory", "ExchangeObject", "SendConnector", "ReceiveConnector",
    "TransportConfig", "TransportServer", "ExchangeServer", "AcceptedDomain", "RemoteDomain",
    "ForeignConnector", "default_remote_domain", "usage_from_switches", "usage_properties",
]
