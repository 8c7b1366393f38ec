"""Typed access to the stored objects by identity: the API cmdlets use.

Contract (``store = open_store(path=None)``; one ``Store`` per process and file):

    with store.transaction():           # one per cmdlet invocation; nested uses join it
        obj = store.get("SendConnector", "Contoso")       # name (any case), GUID, DN
        store.update(obj.with_changes(Enabled=False))     # rules + WhenChanged bump
    store.find("SendConnector", "Cont*")  # Get-*: wildcards -> matches (maybe none);
                                          # no wildcard -> [get()] (NotFound if absent)
    store.list("ReceiveConnector", server="EXCH01")
    store.add(model)                      # rules, uniqueness, DN; returns the stored model
    store.remove("AcceptedDomain", "Contoso")   # returns the removed model

Identities: a model instance, an identity parameter (``.raw``), or text: a GUID,
a distinguished name, ``Server\\Name`` for receive connectors, a server's FQDN
for servers, a domain name for accepted and remote domains, else the name
(case-insensitive).  An identity that matches nothing raises ``NotFound`` with
Exchange 2010's text; one matching several raises ``AmbiguousIdentity``.

The organization (AD domain, Transport Settings, the Default remote domain)
and the local server are created on first use (``exshell.store.servers``).
Reading outside ``transaction()`` is fine for Get-*; write only inside one.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Optional

from exshell.store.db import Database, store_path
from exshell.store.errors import AlreadyExists, AmbiguousIdentity, NotFound, StoreError
from exshell.store.errors import ambiguous_message, not_found_message
from exshell.store.models import KINDS, Directory, ExchangeObject, model_for
from exshell.store.models.base import TRUSTED

_GUID = re.compile(r"^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                   r"[0-9a-fA-F]{12}\}?$")
_WILDCARD = re.compile(r"[*?\[]")
_COLUMNS = "kind, data, guid, revision"
_SERVER_KINDS = ("exchangeserver", "transportserver")
_DOMAIN_KINDS = ("accepteddomain", "remotedomain")

_stores: dict[Path, "Store"] = {}


def open_store(path: Optional[str | os.PathLike] = None) -> "Store":
    """The process's Store for ``path`` (default: $EXSHELL_STORE or the user data folder)."""
    resolved = store_path(path).resolve()
    store = _stores.get(resolved)
    if store is None:
        # Only the per-user default location has a folder we may create.
        default_location = not path and not os.environ.get("EXSHELL_STORE")
        store = _stores[resolved] = Store(Database(resolved, create_folder=default_location))
    return store


def close_stores() -> None:
    """Close every open store (tests, and processes that switch stores)."""
    for store in list(_stores.values()):
        store.db.close()
    _stores.clear()


def identity_text(identity: Any) -> str:
    """The text an identity stands for (model, identity parameter, or plain value)."""
    if isinstance(identity, ExchangeObject):
        return str(identity.Identity)
    raw = getattr(identity, "raw", None)
    if raw is not None:
        return str(raw)
    return str(identity).strip()


def wildcard_regex(pattern: str) -> re.Pattern[str]:
    """A Get-* identity pattern as a case-insensitive, whole-string regex, by the
    language's one wildcard rule (exshell/language/regex.py)."""
    from exshell.language.regex import wildcard_to_regex

    return wildcard_to_regex(pattern)


class Store:
    """Typed get/find/list/add/update/remove over one Database."""

    def __init__(self, db: Database):
        self.db = db
        self.path = db.path
        self._directory: Optional[Directory] = None
        self._secret_box: Any = None
        self._ready = False
        self._local_server_checked: set[str] = set()
        # (kind, guid) -> (row JSON, model): rows this process wrote or read, so a
        # Set-* right after New-*, or Get-* over unchanged objects, skips re-parsing.
        # Keyed on the exact JSON, a row changed by anyone (or rolled back) misses.
        self._cache: dict[tuple[str, str], tuple[str, ExchangeObject]] = {}
        # Name (any case, or FQDN) -> (registered name, role) of servers looked up: a
        # server is never renamed, re-roled or removed, so only a rolled-back
        # registration (forgotten with the rollback) could make an entry wrong.
        self._server_roles: dict[str, tuple[str, str]] = {}

    # ----------------------------------------------------------- lifecycle
    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        """One atomic unit of work (BEGIN IMMEDIATE); a failing body changes nothing."""
        self._prepare()
        try:
            with self.db.transaction():
                yield self
        except BaseException:
            self._server_roles.clear()
            raise

    def _prepare(self) -> None:
        """Create the organization and register the local server once per process."""
        if self._ready:
            return
        from exshell.store import servers

        self._ready = True
        try:
            with self.db.transaction():
                servers.ensure_organization(self)
                servers.ensure_local_server(self)
        except BaseException:
            self._ready = False
            self._server_roles.clear()
            raise

    @property
    def directory(self) -> Directory:
        if self._directory is None:
            domain = self.db.meta("domain")
            organization = self.db.meta("organization")
            if domain is None or organization is None:
                return Directory()
            self._directory = Directory(domain=domain, organization=organization)
        return self._directory

    @property
    def config_revision(self) -> int:
        """Bumped by every write: a cheap "has the configuration changed?" check."""
        return int(self.db.meta("config_revision") or 0)

    def server_role(self, identity: Any) -> tuple[str, str]:
        """(name as registered, 'HubTransport' or 'Edge') of a server, without loading
        its model: source-server checks run on every connector write."""
        self._prepare()
        text = identity_text(identity)
        key = text.lower()
        known = self._server_roles.get(key)
        if known is not None:
            return known
        for candidate in (key, key.split(".", 1)[0]):
            row = self.db.execute(
                "SELECT name, json_extract(data, '$.IsEdgeServer') FROM objects "
                "WHERE kind = 'ExchangeServer' AND name_key = ?", (candidate,)).fetchone()
            if row is not None:
                known = self._server_roles[key] = (row[0], "Edge" if row[1] else "HubTransport")
                return known
        raise NotFound(not_found_message(text, self.directory.domain_controller), target=text)

    def local_server_name(self) -> str:
        """The registered name of the server this process runs as."""
        from exshell.store import servers

        return self.server_role(servers.local_server_name())[0]

    def local_server(self) -> Any:
        """The ExchangeServer this process runs as (registered on first use)."""
        from exshell.store import servers

        self._prepare()
        return self.get("ExchangeServer", servers.local_server_name())

    def transport_config(self) -> Any:
        return self.get("TransportConfig")

    # --------------------------------------------------------------- reads
    def get(self, kind: Any, identity: Any = None) -> Any:
        """The one object ``identity`` names (the singleton when identity is None)."""
        self._prepare()
        model = model_for(kind)
        if identity is None:
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM objects WHERE kind = ? ORDER BY id LIMIT 2",
                (model.KIND,)).fetchall()
            if len(rows) == 1:
                return self._load(rows[0])
            if not rows:
                raise NotFound(not_found_message(model.KIND, self.directory.domain_controller),
                               target=model.KIND)
            raise AmbiguousIdentity(ambiguous_message(model.KIND), target=model.KIND)
        if isinstance(identity, model) and identity.Guid:
            rows = self._rows_by_guid(model, str(identity.Guid))
        else:
            rows = self._rows_for(model, identity_text(identity))
        if not rows:
            raise NotFound(not_found_message(identity_text(identity),
                                             self.directory.domain_controller),
                           target=identity_text(identity))
        if len(rows) > 1:
            raise AmbiguousIdentity(ambiguous_message(identity_text(identity)),
                                    target=identity_text(identity))
        return self._load(rows[0])

    def exists(self, kind: Any, identity: Any) -> bool:
        try:
            self.get(kind, identity)
        except NotFound:
            return False
        return True

    def list(self, kind: Any, server: Optional[str] = None) -> list[Any]:
        """Every object of ``kind`` in creation order (only ``server``'s when given)."""
        self._prepare()
        model = model_for(kind)
        if server is None:
            rows = self.db.execute(f"SELECT {_COLUMNS} FROM objects WHERE kind = ? ORDER BY id",
                                   (model.KIND,)).fetchall()
        else:
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM objects WHERE kind = ? AND server_key = ? ORDER BY id",
                (model.KIND, self._server_key(server))).fetchall()
        return [self._load(row) for row in rows]

    def find(self, kind: Any, pattern: Any = None, server: Optional[str] = None) -> list[Any]:
        """Get-*'s lookup: all (pattern None), wildcard matches, or exactly one object."""
        if pattern is None:
            return self.list(kind, server)
        text = identity_text(pattern)
        if not _WILDCARD.search(text):
            found = self.get(kind, pattern)
            if server is not None and found.server_key() != self._server_key(server):
                raise NotFound(not_found_message(text, self.directory.domain_controller),
                               target=text)
            return [found]
        model = model_for(kind)
        server_pattern = None
        if model.KIND == "ReceiveConnector" and "\\" in text:
            server_text, text = text.split("\\", 1)
            server_pattern = wildcard_regex(server_text)
        name_pattern = wildcard_regex(text)
        matches = []
        for obj in self.list(kind, server):
            if server_pattern is not None and not server_pattern.match(obj.Server):
                continue
            if name_pattern.match(obj.Name) or (model.KIND.lower() in _DOMAIN_KINDS
                                                and name_pattern.match(str(obj.DomainName))):
                matches.append(obj)
        return matches

    # -------------------------------------------------------------- writes
    def add(self, obj: ExchangeObject) -> ExchangeObject:
        """Store a new object after every rule holds; returns it (DN, times filled in)."""
        self._prepare()
        with self._writing():
            now = datetime.now(timezone.utc)
            obj.WhenCreatedUTC = now
            obj.WhenChangedUTC = now
            self._check(obj)
            obj.place(self.directory)
            try:
                # The unique indexes enforce GUID and name uniqueness; a conflict is
                # explained afterwards, so the common case costs one statement.
                data = self._dump(obj)
                self.db.execute(
                    "INSERT INTO objects(kind, guid, container, server_key, name_key, name, "
                    "dn_key, data, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
                    (obj.KIND, str(obj.Guid), obj.CONTAINER, obj.server_key(), obj.Name.lower(),
                     obj.Name, obj.DistinguishedName.lower(), data))
            except sqlite3.IntegrityError:
                if self._rows_by_guid(type(obj), str(obj.Guid)):
                    raise AlreadyExists(f"An object with the GUID {obj.Guid} already exists.",
                                        target=str(obj.Guid)) from None
                self._check_unique_name(obj)
                raise
            self._bump_revision()
            self._remember(obj, data)
        return obj

    def update(self, obj: ExchangeObject, checked: bool = True) -> ExchangeObject:
        """Write a changed object back (bumps WhenChanged).  ``checked=False`` skips the
        rule checks, for a rule that adjusts a sibling (the default accepted domain)."""
        self._prepare()
        with self._writing():
            obj.WhenChangedUTC = datetime.now(timezone.utc)
            if checked:
                self._check(obj)
            obj.place(self.directory)
            data = self._dump(obj)
            guid = str(obj.Guid)
            placement = (obj.CONTAINER, obj.server_key(), obj.Name.lower(), obj.Name,
                         obj.DistinguishedName.lower())
            # Most updates keep the name and place: rewriting only the data leaves the
            # four indexes untouched (fewer pages per commit).  A rename takes the full path.
            returned = self.db.execute(
                "UPDATE objects SET data = ?, revision = revision + 1 WHERE kind = ? AND guid = ? "
                "AND container = ? AND server_key = ? AND name_key = ? AND name = ? AND dn_key = ? "
                "RETURNING revision", (data, obj.KIND, guid) + placement).fetchone()
            if returned is None:
                try:
                    returned = self.db.execute(
                        "UPDATE objects SET container = ?, server_key = ?, name_key = ?, name = ?, "
                        "dn_key = ?, data = ?, revision = revision + 1 WHERE kind = ? AND guid = ? "
                        "RETURNING revision", placement + (data, obj.KIND, guid)).fetchone()
                except sqlite3.IntegrityError:
                    self._check_unique_name(obj)
                    raise
            if returned is None:
                raise NotFound(not_found_message(obj.Identity, self.directory.domain_controller),
                               target=str(obj.Identity))
            self._bump_revision()
            self._remember(obj, data)
        return obj

    def remove(self, kind: Any, identity: Any) -> ExchangeObject:
        """Delete the object ``identity`` names; returns it."""
        self._prepare()
        with self.db.transaction():
            obj = self.get(kind, identity)
            obj.check_removal(self)
            self.db.execute("DELETE FROM objects WHERE kind = ? AND guid = ?",
                            (obj.KIND, str(obj.Guid)))
            self._cache.pop((obj.KIND, str(obj.Guid)), None)
            self._bump_revision()
        return obj

    # ------------------------------------------------------------- helpers
    def _check(self, obj: ExchangeObject) -> None:
        # A model built or changed through validation has just passed its own rules
        # (and kept their warnings); only the organization-wide ones are left to run.
        warnings = obj.warnings if obj.rules_checked else obj.check_rules()
        warnings += obj.check_in(self)
        obj._warnings = warnings
        obj._valid = True

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """The transaction a write runs in: the caller's when there is one (add and
        update change rows only in their last statements, so they need no savepoint
        of their own), else a new one."""
        if self.db.in_transaction:
            yield
        else:
            with self.db.transaction():
                yield

    def _check_unique_name(self, obj: ExchangeObject) -> None:
        row = self.db.execute(
            "SELECT kind, name FROM objects WHERE container = ? AND server_key = ? AND "
            "name_key = ? AND NOT (kind = ? AND guid = ?)",
            (obj.CONTAINER, obj.server_key(), obj.Name.lower(), obj.KIND, str(obj.Guid)),
        ).fetchone()
        if row is not None:
            raise AlreadyExists(
                f"Active Directory operation failed on {self.directory.domain_controller}. "
                f"The object '{obj.DistinguishedName}' already exists.",
                "ObjectAlreadyExists", target=obj.Name)

    def _bump_revision(self) -> None:
        self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
                        "WHERE key = 'config_revision'")

    def _server_key(self, server: Any) -> str:
        text = identity_text(server)
        try:
            return self.get("ExchangeServer", text).Name.lower()
        except NotFound:
            return text.lower()

    def _rows_by_guid(self, model: type[ExchangeObject], guid: str) -> list[Any]:
        return self.db.execute(f"SELECT {_COLUMNS} FROM objects WHERE kind = ? AND guid = ?",
                               (model.KIND, guid)).fetchall()

    def _rows_for(self, model: type[ExchangeObject], text: str) -> list[Any]:
        kind = model.KIND
        if _GUID.match(text):
            rows = self._rows_by_guid(model, str(uuid.UUID(text.strip("{}"))))
            if rows:
                return rows
        if text.lower().startswith("cn="):
            rows = self.db.execute(f"SELECT {_COLUMNS} FROM objects WHERE kind = ? AND dn_key = ?",
                                   (kind, text.lower())).fetchall()
            if rows:
                return rows
        if kind == "ReceiveConnector" and "\\" in text:
            server, name = text.split("\\", 1)
            return self.db.execute(
                f"SELECT {_COLUMNS} FROM objects WHERE kind = ? AND server_key = ? "
                "AND name_key = ?", (kind, self._server_key(server), name.lower())).fetchall()
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM objects WHERE kind = ? AND name_key = ? ORDER BY id",
            (kind, text.lower())).fetchall()
        if rows:
            return rows
        if kind.lower() in _SERVER_KINDS and "." in text:
            # A server's FQDN names it too (Set-ExchangeServer -Identity ex01.contoso.com).
            return self._rows_for(model, text.split(".", 1)[0])
        if kind.lower() in _DOMAIN_KINDS:
            return [row for row in self.db.execute(
                f"SELECT {_COLUMNS} FROM objects WHERE kind = ? ORDER BY id", (kind,))
                if json.loads(row[1]).get("DomainName", "").lower() == text.lower()]
        return []

    # ------------------------------------------------------- serialization
    def _dump(self, obj: ExchangeObject) -> str:
        secret_values = [(name, getattr(obj, name)) for name in obj.SECRET_FIELDS
                         if getattr(obj, name) is not None]
        if not secret_values:
            return obj.model_dump_json()
        from exshell.store.secrets import seal_credential

        data = json.loads(obj.model_dump_json())
        for name, value in secret_values:
            data[name] = seal_credential(self._secrets(), value)
        return json.dumps(data, separators=(",", ":"))

    def _remember(self, obj: ExchangeObject, data: str) -> None:
        self._cache[(obj.KIND, str(obj.Guid))] = (data, obj.model_copy())

    def _load(self, row: Any) -> Any:
        kind, data, guid, _revision = row
        cached = self._cache.get((kind, guid))
        if cached is not None and cached[0] == data:
            return cached[1].model_copy()
        obj = self._parse(kind, data)
        self._cache[(kind, guid)] = (data, obj.model_copy())
        return obj

    def _parse(self, kind: str, data: str) -> Any:
        model = KINDS[kind.lower()]
        try:
            if model.SECRET_FIELDS and any(f'"{name}":{{' in data for name in model.SECRET_FIELDS):
                from exshell.store.secrets import open_credential

                raw = json.loads(data)
                secrets = {name: raw.pop(name) for name in model.SECRET_FIELDS if name in raw}
                obj = model.model_validate(raw, context=TRUSTED)
                for name, sealed in secrets.items():
                    if sealed is not None:
                        setattr(obj, name, open_credential(self._secrets(), sealed))
                return obj
            return model.model_validate_json(data, context=TRUSTED)
        except StoreError:
            raise
        except ValueError as exc:  # pydantic's ValidationError: a damaged or foreign row
            raise StoreError(f"A stored {kind} object couldn't be read: {exc}",
                             "StoredObjectDamaged") from None

    def _secrets(self) -> Any:
        if self._secret_box is None:
            from exshell.store.secrets import SecretBox

            self._secret_box = SecretBox.for_store(self.path)
        return self._secret_box
