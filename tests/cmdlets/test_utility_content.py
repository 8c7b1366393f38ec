"""Get-Content, Set-Content, Add-Content, Test-Path through the engine."""
from __future__ import annotations

import pytest

from test_utility_kit import shell  # noqa: F401 - fixture


@pytest.fixture
def folder(shell, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_set_add_get_round_trip(shell, folder):
    shell.ok("'a','b' | Set-Content t.txt; Add-Content t.txt 'c'")
    assert (folder / "t.txt").read_text() == "a\nb\nc\n"
    assert shell.ok("Get-Content t.txt").values == ["a", "b", "c"]
    assert shell.ok("gc t.txt -Raw").values == ["a\nb\nc\n"]
    assert shell.ok("cat t.txt -TotalCount 2").values == ["a", "b"]
    assert shell.ok("type t.txt -Tail 2").values == ["b", "c"]
    assert shell.ok("(Get-Content t.txt).Count").values == [3]


def test_set_content_value_parameter_and_no_newline(shell, folder):
    shell.ok("Set-Content -Path v.txt -Value 1, 2")
    assert (folder / "v.txt").read_text() == "1\n2\n"
    shell.ok("Set-Content v.txt 'x' -NoNewline")
    assert (folder / "v.txt").read_text() == "x"


def test_get_content_reads_crlf_and_boms(shell, folder):
    (folder / "w.txt").write_bytes(b"\xef\xbb\xbfone\r\ntwo\r\n")
    assert shell.ok("Get-Content w.txt").values == ["one", "two"]
    (folder / "u.txt").write_bytes("\ufeffhi\n".encode("utf-16-le"))
    assert shell.ok("Get-Content u.txt").values == ["hi"]


def test_get_content_wildcards(shell, folder):
    (folder / "a1.log").write_text("x\n")
    (folder / "a2.log").write_text("y\n")
    assert shell.ok("Get-Content a*.log").values == ["x", "y"]


def test_get_content_missing_file(shell, folder):
    outcome = shell.run("Get-Content nope.txt; 'next'")
    assert outcome.values == ["next"]
    assert f"Cannot find path '{folder / 'nope.txt'}' because it does not exist." in outcome.errors
    assert "PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand" in outcome.errors


@pytest.mark.parametrize("script, expected", [
    ("Test-Path here.txt", [True]),
    ("Test-Path nope.txt", [False]),
    ("Test-Path here.txt, nope.txt", [True, False]),
    ("Test-Path . -PathType Container", [True]),
    ("Test-Path here.txt -PathType Container", [False]),
    ("Test-Path here.txt -PathType Leaf", [True]),
    ("Test-Path *.txt", [True]),
    ("'here.txt' | Test-Path", [True]),
])
def test_test_path(shell, folder, script, expected):
    (folder / "here.txt").write_text("x")
    assert shell.ok(script).values == expected


def test_set_content_what_if_writes_nothing(shell, folder):
    outcome = shell.ok("Set-Content w.txt 'x' -WhatIf")
    assert not (folder / "w.txt").exists()
    assert "What if:" in outcome.host


def test_write_failures_use_dotnet_wording(shell, folder):
    missing = folder / "no" / "such" / "x.txt"
    assert f"Could not find a part of the path '{missing}'." in shell.run(f"Set-Content '{missing}' 'a'").errors
    assert f"Could not find a part of the path '{missing}'." in shell.run(f"'a' | Out-File '{missing}'").errors
