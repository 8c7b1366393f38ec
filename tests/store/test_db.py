"""The SQLite file: location, WAL, busy timeout, file mode, migrations, transactions."""
from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from exshell.store.db import MIGRATIONS, SCHEMA_VERSION, Database, store_path
from exshell.store.errors import StoreUnavailable
from exshell.store.models import SendConnector
from exshell.store.repository import close_stores, open_store


def test_path_comes_from_argument_then_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("EXSHELL_STORE", str(tmp_path / "env.db"))
    assert store_path(tmp_path / "explicit.db") == tmp_path / "explicit.db"
    assert store_path() == tmp_path / "env.db"


def test_path_defaults_to_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("EXSHELL_STORE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert store_path() == tmp_path / "exshell" / "exshell.db"


def test_new_file_is_private_and_in_wal_mode(store, store_file):
    store.add(SendConnector(Name="Journal", AddressSpaces=["journal.example"]))
    for suffix in ("", "-wal", "-shm"):
        assert stat.S_IMODE(os.stat(str(store_file) + suffix).st_mode) == 0o600, suffix
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 30000


def test_existing_file_with_loose_mode_is_tightened(tmp_path):
    path = tmp_path / "loose.db"
    path.write_bytes(b"")
    os.chmod(path, 0o644)
    Database(path).close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_new_file_has_current_schema_version(store):
    assert store.db.schema_version() == SCHEMA_VERSION == MIGRATIONS[-1][0]


def _make_version_1_file(path):
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                       "applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
    for statement in MIGRATIONS[0][1]:
        connection.execute(statement)
    connection.execute("INSERT INTO schema_version(version) VALUES (1)")
    connection.commit()
    connection.close()


def test_version_1_file_is_migrated_and_keeps_its_objects(tmp_path, monkeypatch):
    path = tmp_path / "v1.db"
    monkeypatch.setenv("EXSHELL_SERVER", "EXCH01")
    monkeypatch.setenv("EXSHELL_DOMAIN", "contoso.com")
    _make_version_1_file(path)
    connector = SendConnector(Name="Old", AddressSpaces=["old.example"],
                              SourceTransportServers=["EXCH01"])
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO objects(kind, guid, container, server_key, name_key, name, dn_key, data) "
        "VALUES ('SendConnector', ?, 'Connections', '', 'old', 'Old', 'cn=old', ?)",
        (str(connector.Guid), connector.model_dump_json()))
    connection.commit()
    connection.close()
    try:
        store = open_store(path)
        assert store.db.schema_version() == SCHEMA_VERSION
        columns = [row[1] for row in store.db.execute("PRAGMA table_info(objects)")]
        assert "revision" in columns
        assert [str(s) for s in store.get("SendConnector", "old").AddressSpaces] == \
            ["SMTP:old.example;1"]
        assert store.config_revision > 0  # the organization bootstrap wrote after migrating
    finally:
        close_stores()


def test_transaction_rolls_back_on_error(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add(SendConnector(Name="Doomed", AddressSpaces=["doomed.example"]))
            raise RuntimeError("cmdlet failed")
    assert not store.exists("SendConnector", "Doomed")


def test_rule_failure_inside_transaction_changes_nothing(store):
    from exshell.store.errors import ValidationError

    with pytest.raises(ValidationError):
        with store.transaction():
            store.add(SendConnector(Name="First", AddressSpaces=["first.example"]))
            store.add(SendConnector(Name="Second", AddressSpaces=["second.example"],
                                    SmartHosts=["10.0.0.1"]))
    assert store.find("SendConnector", "*") == []


def test_nested_transactions_commit_once(store):
    with store.transaction():
        with store.transaction():
            store.add(SendConnector(Name="Inner", AddressSpaces=["inner.example"]))
        assert store.db.in_transaction
    assert not store.db.in_transaction
    assert store.exists("SendConnector", "Inner")


def test_unopenable_path_reports_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreUnavailable) as caught:
        Database(blocker / "sub" / "org.db")
    assert "couldn't be created" in str(caught.value)


def test_second_connection_waits_instead_of_failing(store, store_file):
    other = Database(store_file)
    try:
        with store.transaction():
            store.add(SendConnector(Name="Held", AddressSpaces=["held.example"]))
            # The other connection would need the write lock now; with the lock held it
            # must not fail immediately, so check its busy timeout instead of blocking.
            assert other.execute("PRAGMA busy_timeout").fetchone()[0] == 30000
        with other.transaction():
            pass
    finally:
        other.close()


def test_file_from_a_newer_exshell_is_refused(store_file):
    Database(store_file).close()
    connection = sqlite3.connect(store_file)
    connection.execute("INSERT INTO schema_version(version) VALUES (?)", (SCHEMA_VERSION + 1,))
    connection.commit()
    connection.close()
    with pytest.raises(StoreUnavailable) as caught:
        Database(store_file)
    assert caught.value.error_id == "StoreSchemaTooNew"


def test_read_only_file_reports_a_store_error_not_a_traceback(store, store_file):
    from exshell.store.db import Database

    store.add(SendConnector(Name="Before", AddressSpaces=["before.example"]))
    readonly = Database.__new__(Database)
    readonly.path = store_file
    readonly._depth = 0
    readonly._lock = store.db._lock
    readonly.connection = sqlite3.connect(f"file:{store_file}?mode=ro", uri=True,
                                          isolation_level=None)
    try:
        with pytest.raises(StoreUnavailable) as caught:
            readonly.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')")
        assert caught.value.error_id == "StoreOperationFailed"
        assert "couldn't be read or written" in caught.value.message
    finally:
        readonly.connection.close()


def test_failed_inner_step_is_undone_even_if_the_caller_continues(store):
    from exshell.store.errors import ValidationError

    with store.transaction():
        store.add(SendConnector(Name="Kept", AddressSpaces=["kept.example"]))
        try:
            with store.transaction():
                store.add(SendConnector(Name="Dropped", AddressSpaces=["dropped.example"]))
                store.add(SendConnector(Name="Broken", AddressSpaces=[]))
        except ValidationError:
            pass
    assert [c.Name for c in store.find("SendConnector", "*")] == ["Kept"]


def test_a_named_store_in_a_missing_folder_is_refused_not_created(tmp_path):
    target = tmp_path / "missing" / "dir" / "org.db"
    with pytest.raises(StoreUnavailable) as caught:
        Database(target)
    assert "couldn't be created" in str(caught.value)
    assert not (tmp_path / "missing").exists()


def test_the_default_location_creates_its_folder(tmp_path):
    target = tmp_path / "data" / "exshell" / "exshell.db"
    Database(target, create_folder=True).close()
    assert target.exists()


def test_another_programs_sqlite_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(StoreUnavailable) as caught:
        Database(path)
    assert caught.value.error_id == "StoreForeignDatabase"
    assert "not an exshell configuration store" in str(caught.value)
    tables = [row[0] for row in sqlite3.connect(path).execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert tables == ["customers"]
