"""The organization configuration store: SQLite file, typed models, Exchange rules.

Entry points (imported lazily, so ``import exshell.store`` costs nothing until
a cmdlet actually needs the store; pydantic loads only then):

    from exshell.store import open_store
    store = open_store()                       # $EXSHELL_STORE or the per-user data file
    with store.transaction():                  # one per cmdlet invocation
        connector = store.get("SendConnector", "Contoso")
        store.update(connector.with_changes(Enabled=False))

Modules: db (file, schema, migrations, transactions), repository (Store: typed
get/find/list/add/update/remove), models (pydantic models and their rules),
servers (organization bootstrap, local and added transport servers), secrets
(credential encryption), errors (the exceptions cmdlets turn into records).
"""
from __future__ import annotations

from typing import Any

_EXPORTS = {
    "open_store": "exshell.store.repository",
    "close_stores": "exshell.store.repository",
    "Store": "exshell.store.repository",
    "add_transport_server": "exshell.store.servers",
    "local_server_name": "exshell.store.servers",
    "StoreError": "exshell.store.errors",
    "ValidationError": "exshell.store.errors",
    "NotFound": "exshell.store.errors",
    "AmbiguousIdentity": "exshell.store.errors",
    "AlreadyExists": "exshell.store.errors",
    "StoreUnavailable": "exshell.store.errors",
}


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'exshell.store' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)


__all__ = sorted(_EXPORTS)
