"""The exshell command as a user runs it: output, errors and exit codes (pwsh rules)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXSHELL = str(Path(sys.executable).with_name("exshell"))


def run(*args, stdin=None, env_extra=None, tmp_path=None):
    env = dict(os.environ)
    env["EXSHELL_PROFILE"] = os.devnull + ".none"
    if tmp_path is not None:
        env["EXSHELL_STORE"] = str(tmp_path / "store.db")
    env.update(env_extra or {})
    return subprocess.run([EXSHELL, *args], input=stdin, capture_output=True, text=True,
                          timeout=60, env=env)


@pytest.mark.parametrize(
    "command, stdout",
    [
        ("1+1", "2\n"),
        ("1e16", "1E+16\n"),
        ("0.1", "0.1\n"),
        ("1,2,3", "1\n2\n3\n"),
        ("'a' + 'b'", "ab\n"),
        ("$true", "True\n"),
        ("$null", ""),
        ("20MB", "20971520\n"),
    ],
)
def test_command_prints_values_as_powershell(command, stdout):
    result = run("-NoProfile", "-NonInteractive", "-Command", command)
    assert result.stdout == stdout
    assert result.returncode == 0


def test_exit_sets_the_exit_code():
    assert run("-Command", "exit 3").returncode == 3


def test_unknown_command_reports_and_fails():
    result = run("-NonInteractive", "-Command", "Get-Bogus")
    assert result.returncode == 1
    assert "The term 'Get-Bogus' is not recognized as the name of a cmdlet" in result.stderr
    assert "CommandNotFoundException" in result.stderr
    assert "Traceback" not in result.stderr


def test_command_exit_code_follows_the_last_statement():
    assert run("-NonInteractive", "-Command", "Get-Bogus; 1").returncode == 0
    assert run("-NonInteractive", "-Command", "1; Get-Bogus").returncode == 1


def test_parse_error_runs_nothing_and_exits_1():
    result = run("-NonInteractive", "-Command", "Write-Output ran; if ($true) {")
    assert result.returncode == 1
    assert "ran" not in result.stdout
    assert "Missing closing '}'" in result.stderr
    assert "MissingEndCurlyBrace" in result.stderr


def test_uncaught_throw_ends_the_script_with_1():
    result = run("-NonInteractive", "-Command", "throw 'boom'; 'after'")
    assert result.returncode == 1
    assert "boom" in result.stderr
    assert "after" not in result.stdout


def test_script_file_receives_args(tmp_path):
    script = tmp_path / "greet.ps1"
    script.write_text('"count=$($args.Count)"\nforeach ($a in $args) { "arg:$a" }\n')
    result = run(str(script), "one", "two")
    assert result.stdout == "count=2\narg:one\narg:two\n"
    assert result.returncode == 0
    result = run("-File", str(script), "x")
    assert result.stdout == "count=1\narg:x\n"


def test_script_exit_code(tmp_path):
    script = tmp_path / "e.ps1"
    script.write_text("'before'\nexit 7\n'after'\n")
    result = run(str(script))
    assert result.stdout == "before\n"
    assert result.returncode == 7


def test_command_from_standard_input():
    result = run("-NonInteractive", "-Command", "-", stdin="$x = 5\n$x * 2\n")
    assert result.stdout == "10\n"
    assert result.returncode == 0


def test_missing_script_file():
    result = run("no-such-file.ps1")
    assert result.returncode != 0
    assert "not recognized" in result.stderr


@pytest.mark.parametrize("text", [
    "\x00\x01\x02\xff garbage ((((",
    "(" * 10000 + "1" + ")" * 10000,
    "{" * 5000,
    "\"unterminated",
    "@'\nhere",
    "$(" * 3000,
])
def test_broken_input_never_shows_a_traceback(text):
    result = run("-NonInteractive", "-Command", "-", stdin=text)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)


def test_profile_runs_unless_noprofile(tmp_path):
    profile = tmp_path / "profile.ps1"
    profile.write_text("$fromProfile = 'yes'\n")
    env = {"EXSHELL_PROFILE": str(profile)}
    assert run("-Command", "$fromProfile", env_extra=env).stdout == "yes\n"
    assert run("-NoProfile", "-Command", "$fromProfile", env_extra=env).stdout == ""


def test_piped_input_without_command_runs_each_statement_without_prompts():
    result = run("-NoProfile", stdin='1+1\nif ($true) {\n"in"\n}\n"after"\n')
    assert result.stdout == "2\nin\nafter\n"
    assert result.returncode == 0
