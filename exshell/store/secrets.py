"""Encryption of credential passwords kept in the store (AuthenticationCredential).

Contract: ``SecretBox.for_store(db_path)`` opens (or creates) the key file
``<db file>.key`` beside the database; ``box.seal(text) -> str`` and
``box.open(sealed) -> str`` encrypt and decrypt one password.  ``open`` raises
``StoreUnavailable`` when the key file does not match (a copied database without
its key), never returns garbage.

Threat model, honestly: the key is a random 32-byte file with mode 0600 next to
the database (itself 0600).  This protects a password against a plain read of
the database file: a backup, a copy mailed for support, ``strings exshell.db``,
a grep over the disk.  It does not protect against anyone who can read the key
file too (the same user, root, a backup holding both files); on this machine
that person could run exshell and use the credential anyway.  No external
crypto package is available, so the cipher is built from the standard library:

  * keys: enc_key = HMAC-SHA256(master, "exshell-enc"), mac_key = HMAC-SHA256(master, "exshell-mac")
  * keystream: HMAC-SHA256(enc_key, nonce || counter) blocks (a PRF in counter mode)
  * ciphertext: plaintext XOR keystream; tag: HMAC-SHA256(mac_key, nonce || ciphertext)[:16]
  * sealed form: "v1:" + base64(nonce(16) || ciphertext || tag(16))

A fresh random nonce per seal means the same password never seals to the same text.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import Any

from exshell.store.errors import StoreUnavailable

KEY_BYTES = 32
NONCE_BYTES = 16
TAG_BYTES = 16
PREFIX = "v1:"


def key_path_for(db_path: Path) -> Path:
    return Path(str(db_path) + ".key")


def _load_or_create_key(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    key = secrets.token_bytes(KEY_BYTES)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: if another process created the key first, use theirs.
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return path.read_bytes()
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key


class SecretBox:
    """Seals and opens short secrets with a per-store random key."""

    def __init__(self, master_key: bytes):
        if len(master_key) != KEY_BYTES:
            raise StoreUnavailable("The credential key file of the configuration store is damaged.",
                                   "CredentialKeyDamaged")
        self._enc_key = hmac.new(master_key, b"exshell-enc", hashlib.sha256).digest()
        self._mac_key = hmac.new(master_key, b"exshell-mac", hashlib.sha256).digest()

    @classmethod
    def for_store(cls, db_path: Path) -> "SecretBox":
        try:
            return cls(_load_or_create_key(key_path_for(Path(db_path))))
        except OSError as exc:
            raise StoreUnavailable(
                f"The credential key file of the configuration store couldn't be read: "
                f"{exc.strerror}.", "CredentialKeyUnavailable") from None

    def _keystream(self, nonce: bytes, length: int) -> bytes:
        blocks = []
        for counter in range((length + 31) // 32):
            blocks.append(hmac.new(self._enc_key, nonce + counter.to_bytes(8, "big"),
                                   hashlib.sha256).digest())
        return b"".join(blocks)[:length]

    def seal(self, plaintext: str) -> str:
        data = plaintext.encode("utf-8")
        nonce = secrets.token_bytes(NONCE_BYTES)
        cipher = bytes(a ^ b for a, b in zip(data, self._keystream(nonce, len(data))))
        tag = hmac.new(self._mac_key, nonce + cipher, hashlib.sha256).digest()[:TAG_BYTES]
        return PREFIX + base64.b64encode(nonce + cipher + tag).decode("ascii")

    def open(self, sealed: str) -> str:
        if not sealed.startswith(PREFIX):
            raise StoreUnavailable("A stored credential has an unknown format.",
                                   "CredentialFormat")
        try:
            raw = base64.b64decode(sealed[len(PREFIX):], validate=True)
        except ValueError:
            raise StoreUnavailable("A stored credential is damaged.", "CredentialFormat") from None
        if len(raw) < NONCE_BYTES + TAG_BYTES:
            raise StoreUnavailable("A stored credential is damaged.", "CredentialFormat")
        nonce, cipher, tag = raw[:NONCE_BYTES], raw[NONCE_BYTES:-TAG_BYTES], raw[-TAG_BYTES:]
        expected = hmac.new(self._mac_key, nonce + cipher, hashlib.sha256).digest()[:TAG_BYTES]
        if not hmac.compare_digest(tag, expected):
            raise StoreUnavailable(
                "A stored credential can't be decrypted with this store's key file "
                "(the database was copied without its .key file, or the key was replaced).",
                "CredentialKeyMismatch")
        plain = bytes(a ^ b for a, b in zip(cipher, self._keystream(nonce, len(cipher))))
        return plain.decode("utf-8")


# ---------------------------------------------------------------- credentials
def credential_parts(credential: Any) -> tuple[str, str]:
    """(user name, clear password) of a PSCredential from exshell/types."""
    user = getattr(credential, "user_name", None) or getattr(credential, "UserName", None) or ""
    reveal = getattr(credential, "get_network_credential_password", None)
    password = reveal() if callable(reveal) else ""
    return str(user), str(password or "")


def make_credential(user: str, password: str) -> Any:
    """A PSCredential holding ``password`` as a SecureString."""
    from exshell.store.models.fields import value_type

    secure = value_type("SecureString")(password)
    return value_type("PSCredential")(user, secure)


def seal_credential(box: SecretBox, credential: Any) -> dict[str, str]:
    """The stored form of a credential: the user name in clear, the password sealed."""
    user, password = credential_parts(credential)
    return {"UserName": user, "Password": box.seal(password)}


def open_credential(box: SecretBox, stored: dict[str, str]) -> Any:
    return make_credential(stored.get("UserName", ""), box.open(stored.get("Password", "")))
