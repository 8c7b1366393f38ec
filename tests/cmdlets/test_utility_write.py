"""Write-Host/-Output/-Warning/-Verbose/-Error through the engine."""
from __future__ import annotations

import pytest

from test_utility_kit import shell  # noqa: F401 - fixture


@pytest.mark.parametrize("script, printed", [
    ("Write-Host 'hello'", "hello\n"),
    ("Write-Host 'a' -NoNewline; Write-Host 'b'", "ab\n"),
    ("Write-Host (1,2,3) -Separator ','", "1,2,3\n"),
    ("Write-Host 'ok' -ForegroundColor Green", "ok\n"),
    ("Write-Host", "\n"),
    ("'p' | Write-Host", "p\n"),
])
def test_write_host_prints_outside_the_pipeline(shell, script, printed):
    outcome = shell.ok(script)
    assert outcome.values == [] and outcome.host == printed


def test_write_host_joins_several_arguments(shell):
    assert shell.ok("Write-Host 'a' 'b'").host == "a b\n"


@pytest.mark.parametrize("script, values", [
    ("Write-Output 1", [1]),
    ("Write-Output 1,2", [1, 2]),
    ("echo 'x'", ["x"]),
    ("Write-Output 1,2 -NoEnumerate | % { $_.Count }", [2]),
    ("1,2 | Write-Output", [1, 2]),
])
def test_write_output(shell, script, values):
    assert shell.ok(script).values == values


def test_write_warning_and_verbose(shell):
    outcome = shell.ok("Write-Warning 'careful'; Write-Verbose 'quiet'; Write-Verbose 'loud' -Verbose")
    assert "WARNING: careful" in outcome.host + outcome.errors
    assert "VERBOSE: loud" in outcome.host + outcome.errors
    assert "quiet" not in outcome.host + outcome.errors


def test_write_error_is_non_terminating(shell):
    outcome = shell.run("Write-Error 'boom'; 'after'")
    assert outcome.values == ["after"]
    assert "Write-Error : boom" in outcome.errors
    assert "NotSpecified: (:) [Write-Error], WriteErrorException" in outcome.errors


def test_write_error_fields(shell):
    shell.run("Write-Error -Message 'gone' -Category ObjectNotFound -ErrorId NoConnector -TargetObject 'X'")
    record = shell.ok("$Error[0]").values[0]
    assert (record.message, record.category, record.error_id, record.target_object) == \
        ("gone", "ObjectNotFound", "NoConnector", "X")


def test_write_error_stop_is_catchable(shell):
    assert shell.ok("try { Write-Error 'bad' -ErrorAction Stop } catch { 'caught ' + $_ }").values == \
        ["caught bad"]


# ---------------------------------------- Write-Error is attributed to its caller

@pytest.mark.parametrize("script, prefix, fqid", [
    ("Write-Error 'boom'", "Write-Error : boom",
     "Microsoft.PowerShell.Commands.WriteErrorException"),
    ("function f { Write-Error 'boom' }; f", "f : boom",
     "Microsoft.PowerShell.Commands.WriteErrorException,f"),
    ("function f { Write-Error 'boom' -ErrorId Custom }; f", "f : boom", "Custom,f"),
    ("filter h { Write-Error 'boom' }; 1 | h", "h : boom",
     "Microsoft.PowerShell.Commands.WriteErrorException,h"),
])
def test_write_error_names_the_function_it_came_from(shell, script, prefix, fqid):
    outcome = shell.run(script + "; $Error[0].FullyQualifiedErrorId")
    assert outcome.values == [fqid]
    assert outcome.errors.startswith(prefix + "\n")
    assert "[Write-Error], WriteErrorException" in outcome.errors


def test_write_error_in_a_script_names_the_script_path(shell, tmp_path):
    script = tmp_path / "report.ps1"
    script.write_text("Write-Error 'from script'\n")
    outcome = shell.run(f"& '{script}'; $Error[0].FullyQualifiedErrorId")
    assert outcome.values == ["Microsoft.PowerShell.Commands.WriteErrorException,report.ps1"]
    assert outcome.errors.startswith(f"{script} : from script\n")
