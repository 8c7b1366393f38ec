"""The SQLite file behind the organization store: location, connection, schema, migrations.

Contract:
  * ``store_path(path=None)`` - where the store lives: ``path``, else the file
    named by ``EXSHELL_STORE``, else ``platformdirs.user_data_dir('exshell')/exshell.db``.
  * ``Database(path, create_folder=False)`` - one connection per process and
    file (its folder must exist unless ``create_folder``), WAL journal,
    30 s busy timeout (so two shells writing at once wait for each other instead
    of failing with "database is locked"), file mode 0600, schema migrated to
    ``SCHEMA_VERSION`` on open.
  * ``Database.transaction()`` - ``BEGIN IMMEDIATE`` ... ``COMMIT``, ``ROLLBACK`` on
    any exception.  Re-entrant: a nested ``with`` is a savepoint inside the outer
    transaction (undone alone if it fails), so a cmdlet that calls helpers which
    open their own transaction still commits once.  IMMEDIATE takes the write lock up front, which makes a Set-* read-
    modify-write atomic across processes (no lost updates).

Schema (one generic table; every kind of object is JSON of its pydantic model):

    objects(id, kind, guid, container, server_key, name_key, name, dn_key, data, revision)
      unique (kind, guid); unique (container, server_key, name_key): the
      directory's rule that two objects in one container cannot share a name;
      index (kind, name_key) for identity look-ups without table scans.
    meta(key, value)          organization facts (AD domain, organization name)
    schema_version(version)   one row per applied migration

``MIGRATIONS`` is append-only: version 1 is the first released schema; each
later entry moves a file one version on.  Never edit a released entry.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from exshell.store.errors import StoreUnavailable

BUSY_TIMEOUT_SECONDS = 30.0

# (version, statements).  Version 1 is the first released schema.
MIGRATIONS: list[tuple[int, tuple[str, ...]]] = [
    (1, (
        """CREATE TABLE objects (
               id         INTEGER PRIMARY KEY,
               kind       TEXT NOT NULL,
               guid       TEXT NOT NULL,
               container  TEXT NOT NULL,
               server_key TEXT NOT NULL DEFAULT '',
               name_key   TEXT NOT NULL,
               name       TEXT NOT NULL,
               dn_key     TEXT NOT NULL,
               data       TEXT NOT NULL
           )""",
        "CREATE UNIQUE INDEX objects_kind_guid ON objects(kind, guid)",
        "CREATE UNIQUE INDEX objects_container_name ON objects(container, server_key, name_key)",
        "CREATE INDEX objects_kind_name ON objects(kind, name_key)",
        "CREATE INDEX objects_dn ON objects(dn_key)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    )),
    # Version 2: a per-object revision and an organization-wide configuration
    # revision, so a long-running delivery engine can tell cheaply whether the
    # configuration it loaded is still current.
    (2, (
        "ALTER TABLE objects ADD COLUMN revision INTEGER NOT NULL DEFAULT 1",
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('config_revision', '0')",
    )),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]


def store_path(path: Optional[str | os.PathLike] = None) -> Path:
    """The store file: explicit path, else $EXSHELL_STORE, else the per-user data folder."""
    if path:
        return Path(path).expanduser()
    from_env = os.environ.get("EXSHELL_STORE")
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs  # only when no explicit location is given

    return Path(platformdirs.user_data_dir("exshell")) / "exshell.db"


def _create_private_file(path: Path, create_folder: bool) -> None:
    """Create ``path`` with mode 0600 before SQLite opens it (SQLite would use the umask).

    SQLite gives the -wal and -shm files the mode of the main file, so making the
    main file private keeps the journal private too.  Only the per-user data
    folder is created when missing: a folder someone named (EXSHELL_STORE) that
    does not exist is a mistake to report, not a tree to build.
    """
    if create_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


class Database:
    """One SQLite connection with WAL, a busy timeout and re-entrant transactions."""

    def __init__(self, path: Path, create_folder: bool = False):
        self.path = Path(path)
        self._depth = 0
        self._lock = threading.RLock()
        try:
            _create_private_file(self.path, create_folder)
            os.chmod(self.path, 0o600)
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so Python's
            # sqlite3 module never opens a hidden transaction behind our back.
            self.connection = sqlite3.connect(
                str(self.path), timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None,
                check_same_thread=False, cached_statements=256,
            )
            self.connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            mode = self.connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreUnavailable(
                    f"The configuration store '{self.path}' can't use write-ahead logging "
                    f"(journal mode is '{mode}').", "StoreJournalMode", target=str(self.path))
            # WAL + NORMAL: a commit is durable against process crashes and costs no fsync.
            self.connection.execute("PRAGMA synchronous = NORMAL")
            self.migrate()
        except sqlite3.Error as exc:
            raise StoreUnavailable(
                f"The configuration store '{self.path}' couldn't be opened: {exc}.",
                target=str(self.path)) from None
        except OSError as exc:
            raise StoreUnavailable(
                f"The configuration store '{self.path}' couldn't be created: {exc.strerror}.",
                target=str(self.path)) from None

    # ---------------------------------------------------------------- schema
    def schema_version(self) -> int:
        row = self.connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ).fetchone()
        if row is None:
            return 0
        value = self.connection.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
        return int(value or 0)

    def migrate(self, target: int = SCHEMA_VERSION) -> int:
        """Bring the file to ``target``; returns the version it had before.

        Runs under an immediate transaction and re-reads the version inside it,
        so two processes opening a new file at once migrate it exactly once.
        """
        found = self.schema_version()
        if found > SCHEMA_VERSION:
            raise StoreUnavailable(
                f"The configuration store '{self.path}' has schema version {found}, written by a "
                f"newer exshell; this version understands up to {SCHEMA_VERSION}.",
                "StoreSchemaTooNew", target=str(self.path))
        if found >= target:
            return found
        with self.transaction():
            before = self.schema_version()
            if before == 0 and self.connection.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").fetchone():
                # Tables but no schema_version: some other program's database.
                raise StoreUnavailable(
                    f"The file '{self.path}' is an SQLite database of another program, not an "
                    "exshell configuration store.", "StoreForeignDatabase", target=str(self.path))
            if before == 0:
                self.connection.execute(
                    "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                    "applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
            for version, statements in MIGRATIONS:
                if before < version <= target:
                    for statement in statements:
                        self.connection.execute(statement)
                    self.connection.execute(
                        "INSERT INTO schema_version(version) VALUES (?)", (version,))
        return before

    # ----------------------------------------------------------- transactions
    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @contextmanager
    def transaction(self) -> Iterator["Database"]:
        """BEGIN IMMEDIATE ... COMMIT; a nested use joins the outer transaction."""
        with self._lock:
            if self._depth:
                # Nested: a savepoint, so a failing inner step (an add whose rule fails
                # after a sibling was adjusted) is undone even if the caller goes on.
                savepoint = f"sp{self._depth}"
                self.execute(f"SAVEPOINT {savepoint}")
                self._depth += 1
                try:
                    yield self
                except BaseException:
                    self.execute(f"ROLLBACK TO {savepoint}")
                    self.execute(f"RELEASE {savepoint}")
                    raise
                else:
                    self.execute(f"RELEASE {savepoint}")
                finally:
                    self._depth -= 1
                return
            try:
                self.connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreUnavailable(
                    f"The configuration store '{self.path}' is busy: {exc}.",
                    "StoreBusy", target=str(self.path)) from None
            self._depth = 1
            try:
                yield self
            except BaseException:
                self._depth = 0
                if self.connection.in_transaction:
                    self.connection.execute("ROLLBACK")
                raise
            else:
                self._depth = 0
                self.execute("COMMIT")

    # ------------------------------------------------------------ shorthands
    def execute(self, sql: str, parameters: tuple = ()) -> sqlite3.Cursor:
        """Run one statement; an operational failure (read-only file, full disk, a lock
        held past the busy timeout) becomes StoreUnavailable instead of a traceback.
        IntegrityError passes through: the repository explains those itself."""
        try:
            return self.connection.execute(sql, parameters)
        except sqlite3.OperationalError as exc:
            raise StoreUnavailable(
                f"The configuration store '{self.path}' couldn't be read or written: {exc}.",
                "StoreOperationFailed", target=str(self.path)) from None

    def meta(self, key: str) -> Optional[str]:
        row = self.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def close(self) -> None:
        self.connection.close()
