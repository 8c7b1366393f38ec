"""Fixtures for the store tests: a fresh store file per test, a fixed server and domain."""
from __future__ import annotations

import pytest

from exshell.store.repository import close_stores, open_store


@pytest.fixture
def store_file(tmp_path, monkeypatch):
    path = tmp_path / "org.db"
    monkeypatch.setenv("EXSHELL_STORE", str(path))
    monkeypatch.setenv("EXSHELL_SERVER", "EXCH01")
    monkeypatch.setenv("EXSHELL_DOMAIN", "contoso.com")
    yield path
    close_stores()


@pytest.fixture
def store(store_file):
    return open_store()
