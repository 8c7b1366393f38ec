"""Shared harness of the Exchange cmdlet tests: run scripts through the real
``exshell`` command against a private store, the way a user runs them.

``ExchangeShell(tmp_path).run(script)`` returns ``Result(code, out, err)``;
every run is a fresh process on the same store file, so a test sees exactly
what persists.  The module holds one smoke test of the harness itself.
"""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXSHELL = Path(sys.executable).with_name("exshell")


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


class ExchangeShell:
    def __init__(self, folder: Path, server: str = "EXCH01"):
        self.folder = folder
        self.env = dict(os.environ, EXSHELL_STORE=str(folder / "org.db"), EXSHELL_SERVER=server,
                        COLUMNS="200")

    def run(self, script: str, *extra: str) -> Result:
        path = self.folder / "script.ps1"
        path.write_text(script, encoding="utf-8")
        command = [str(EXSHELL), "-NoProfile", "-NonInteractive", *extra, str(path)]
        done = subprocess.run(command, capture_output=True, text=True, env=self.env, cwd=self.folder,
                              timeout=60)
        return Result(done.returncode, done.stdout, done.stderr)

    def ok(self, script: str) -> str:
        """Run and insist on no error at all; returns standard output."""
        result = self.run(script)
        assert result.code == 0 and not result.err.strip(), result.text
        return result.out


@pytest.fixture
def shell(tmp_path: Path) -> ExchangeShell:
    return ExchangeShell(tmp_path)


SEED = ('New-SendConnector -Name "Subsidiary Send Connector" -Usage Custom '
        '-AddressSpace "*.contoso.com;5","*.fabrikam.com;8" -DNSRoutingEnabled $false '
        '-SmartHosts 192.168.10.1 -MaxMessageSize 20MB')


def test_harness_runs_against_a_private_store(shell):
    assert shell.ok("1 + 1").strip() == "2"
