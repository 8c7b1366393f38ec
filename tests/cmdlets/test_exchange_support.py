"""Shared harness of the Exchange cmdlet tests: run scripts as a user does,
against a private store.

``shell.run(script)`` runs the script in a fresh Session (a new shell, as a new
``exshell`` process would be: nothing but the store file carries over) and
returns ``Result(code, out, err)`` with the text the console would show; the
store connection is closed afterwards, so the next run reads what persisted.
``shell.run_process(...)`` runs the real ``exshell`` command in a subprocess for
the tests that must prove persistence across processes.  The module holds the
smoke tests of the harness itself.
"""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

EXSHELL = Path(sys.executable).with_name("exshell")

SEED = ('New-SendConnector -Name "Subsidiary Send Connector" -Usage Custom '
        '-AddressSpace "*.contoso.com;5","*.fabrikam.com;8" -DNSRoutingEnabled $false '
        '-SmartHosts 192.168.10.1 -MaxMessageSize 20MB')


def list_value(out: str, name: str) -> str:
    """The value Format-List shows for property ``name`` (fails the test when absent)."""
    match = re.search(rf"^{name}\s+: (.*)$", out, re.MULTILINE)
    assert match, f"{name} missing from:\n{out}"
    return match.group(1).strip()


def table_rows(out: str) -> list[str]:
    """The non-blank lines of a table view: header, dashes, then one line per object."""
    return [line for line in out.splitlines() if line.strip()]


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
        self.store = folder / "org.db"
        self.server = server

    def run(self, script: str, answers: tuple[str, ...] = ()) -> Result:
        from exshell.host.runner import output_printer
        from exshell.session import Session, SessionOptions, StdioHost, StdioUI
        from exshell.store import close_stores

        out, err = io.StringIO(), io.StringIO()
        interactive = bool(answers)
        ui = StdioUI(stdin=io.StringIO("".join(a + "\n" for a in answers)), stdout=out, stderr=err)
        session = Session(StdioHost(ui=ui, interactive=interactive, width=200),
                          SessionOptions(non_interactive=not interactive))
        try:
            _, had_error = session.run(script, sink=output_printer(session))
        finally:
            close_stores()
        return Result(1 if had_error else 0, out.getvalue(), err.getvalue())

    def ok(self, script: str) -> str:
        """Run and insist on no error at all; returns standard output."""
        result = self.run(script)
        assert result.code == 0 and not result.err.strip(), result.text
        return result.out

    def run_process(self, *arguments: str) -> Result:
        env = dict(os.environ, EXSHELL_STORE=str(self.store), EXSHELL_SERVER=self.server,
                   COLUMNS="200")
        done = subprocess.run([str(EXSHELL), "-NoProfile", "-NonInteractive", *arguments],
                              capture_output=True, text=True, env=env, cwd=self.folder, timeout=120)
        return Result(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def shell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ExchangeShell:
    harness = ExchangeShell(tmp_path)
    monkeypatch.setenv("EXSHELL_STORE", str(harness.store))
    monkeypatch.setenv("EXSHELL_SERVER", harness.server)
    monkeypatch.chdir(tmp_path)
    return harness


def test_harness_runs_against_a_private_store(shell):
    assert shell.ok("1 + 1").strip() == "2"
    shell.ok("New-AcceptedDomain -Name Fabrikam -DomainName fabrikam.com")
    assert shell.store.exists()
    assert shell.ok("Get-AcceptedDomain | ForEach-Object { $_.Name }").split() == [
        "contoso.com", "Fabrikam"]
