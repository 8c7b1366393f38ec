"""Formatter details: Format-List leaves out properties an object lacks, a Guid shows as
PowerShell's one-column table, Unlimited values and NetworkCredential have their views."""
import io

import pytest

from exshell.host.format import format_default
from exshell.session import Session, SessionOptions, StdioHost, StdioUI

GUID = "a70e2f4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b"


def run(text):
    ui = StdioUI(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO())
    session = Session(host=StdioHost(ui=ui, interactive=False, width=80),
                      options=SessionOptions(non_interactive=True))
    outputs, _ = session.run(text)
    return outputs


def lines_of(text):
    return [line for line in format_default(run(text), 80).split("\n") if line.strip()]


@pytest.mark.parametrize("text, expected", [
    ("[pscustomobject]@{a=1} | Format-List a, zzz", ["a : 1"]),
    ("[pscustomobject]@{a=1} | Format-List a, @{n='x'; e={2}}", ["a : 1", "x : 2"]),
    ("[pscustomobject]@{a=1} | Format-Table a, zzz", ["a zzz", "- ---", "1"]),
    (f"[guid]'{GUID}'", ["Guid", "----", GUID]),
    (f"[guid]'{GUID}' | Format-List", [f"Guid : {GUID}"]),
])
def test_views(text, expected):
    assert lines_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    (f"([guid]'{GUID}').Guid", [GUID]),
    ("$o = [pscustomobject]@{Port=25}; $o.psobject.Properties['port'].Value", [25]),
    ("$o = [pscustomobject]@{Port=25}; $o.psobject.Properties[0].Name", ["Port"]),
    ("$d = Get-Date; $d | Add-Member NoteProperty Tag 1; ($d.psobject.Properties | Where-Object Name -eq Tag).Value",
     [1]),
])
def test_member_access(text, expected):
    assert run(text) == expected
