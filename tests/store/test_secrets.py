"""Credentials: sealed in the file, key file 0600, never displayed, wrong key detected."""
from __future__ import annotations

import os
import stat

import pytest

from exshell.store.errors import StoreUnavailable
from exshell.store.models import SendConnector
from exshell.store.repository import close_stores, open_store
from exshell.store.secrets import SecretBox, key_path_for
from exshell.types import PSCredential

PASSWORD = "Tr0ub4dor&3-unique-marker"


def smart_host_connector():
    return SendConnector(Name="Secure Relay", AddressSpaces=["contoso.com"],
                         DNSRoutingEnabled=False, SmartHosts=["relay.contoso.com"],
                         SmartHostAuthMechanism="BasicAuthRequireTLS",
                         AuthenticationCredential=PSCredential("CONTOSO\\relay", PASSWORD))


def _all_store_bytes(path):
    data = b""
    for suffix in ("", "-wal", "-shm"):
        candidate = str(path) + suffix
        if os.path.exists(candidate):
            with open(candidate, "rb") as handle:
                data += handle.read()
    return data


def test_password_is_not_in_the_database_files(store, store_file):
    store.add(smart_host_connector())
    raw = _all_store_bytes(store_file)
    assert PASSWORD.encode() not in raw
    assert PASSWORD.encode("utf-16-le") not in raw
    assert b"CONTOSO\\\\relay" in raw  # the user name is not secret


def test_credential_round_trips_through_the_store(store, store_file):
    store.add(smart_host_connector())
    close_stores()
    loaded = open_store(store_file).get("SendConnector", "Secure Relay")
    credential = loaded.AuthenticationCredential
    assert credential.UserName == "CONTOSO\\relay"
    assert credential.get_network_credential_password() == PASSWORD
    assert str(loaded.ps_properties()["AuthenticationCredential"]) == \
        "System.Management.Automation.PSCredential"


def test_key_file_is_private(store, store_file):
    store.add(smart_host_connector())
    key = key_path_for(store_file)
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    assert len(key.read_bytes()) == 32


def test_sealing_is_randomized_and_reversible(tmp_path):
    box = SecretBox.for_store(tmp_path / "x.db")
    first, second = box.seal("pw"), box.seal("pw")
    assert first != second and first.startswith("v1:")
    assert box.open(first) == box.open(second) == "pw"
    assert box.open(box.seal("")) == ""
    assert box.open(box.seal("ü" * 100)) == "ü" * 100


def test_database_copied_without_its_key_reports_a_mismatch(store, store_file):
    store.add(smart_host_connector())
    close_stores()
    key_path_for(store_file).write_bytes(os.urandom(32))
    with pytest.raises(StoreUnavailable) as caught:
        open_store(store_file).get("SendConnector", "Secure Relay")
    assert caught.value.error_id == "CredentialKeyMismatch"


@pytest.mark.parametrize("sealed", ["plain", "v1:!!!", "v1:AAAA"])
def test_damaged_sealed_values_are_errors(tmp_path, sealed):
    with pytest.raises(StoreUnavailable):
        SecretBox.for_store(tmp_path / "y.db").open(sealed)
