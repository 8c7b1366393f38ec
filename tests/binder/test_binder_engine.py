"""Binding through the whole engine: text -> parser -> evaluator -> binder -> cmdlet."""
from __future__ import annotations

import pytest

from binder_testkit import FakeHost, FakeOptions
from exshell.session import Session


def session(interactive: bool = False, answers=None) -> Session:
    host = FakeHost(interactive)
    host.ui.answers = list(answers or [])
    return Session(host=host, options=FakeOptions(non_interactive=not interactive))


def run(text: str, shell: Session | None = None):
    shell = shell or session()
    outputs, had_error = shell.run(text)
    return outputs, had_error, shell


def errors_of(shell: Session) -> list:
    return [line for line in shell.host.ui.lines if line.startswith("ERROR:")]


@pytest.mark.parametrize("text, expected", [
    ("1..4 | Where-Object { $_ -gt 2 }", [3, 4]),
    ("'b','a','c' | Sort-Object", ["a", "b", "c"]),
    ("'b','a','c' | Sort -Desc", ["c", "b", "a"]),
    ("Write-Output 20MB", [20971520]),
    ("function f([string]$s) { $s }; f 20MB", ["20MB"]),
    ("function f { $args.Count }; f a b c", [3]),
    # a simple function hands unknown -names to $args and still binds the value
    ("function f { param([int]$n) $n }; f -z 1", [1]),
    ("function f { param([int]$n) $args }; f -z 1", ["-z"]),
    ("function f { param([int]$n) \"$n/$($args -join ',')\" }; f 2 -z -y 3", ["2/-z,-y,3"]),
])
def test_commands_bind_and_run(text, expected):
    outputs, had_error, _ = run(text)
    assert (outputs, had_error) == (expected, False)


def test_unknown_parameter_error_points_at_the_parameter():
    _, had_error, shell = run("Sort-Object -Bogus")
    assert had_error
    record = shell.error_list[0]
    assert record.message == "A parameter cannot be found that matches parameter name 'Bogus'."
    assert record.extent.start_column == 13
    assert record.fully_qualified_error_id == \
        "NamedParameterNotFound,Microsoft.PowerShell.Commands.SortObjectCommand"


@pytest.mark.parametrize("text", [
    "function f { [CmdletBinding()] param([int]$n) $n }; f -z 1",
    "function f { param([Parameter()][int]$n) $n }; f -z 1",
])
def test_advanced_function_rejects_unknown_names(text):
    outputs, had_error, shell = run(text)
    assert (outputs, had_error) == ([], True)
    assert shell.error_list[0].fully_qualified_error_id == "NamedParameterNotFound,f"


def test_binding_error_ends_only_its_statement():
    outputs, _, _ = run("Sort-Object -Bogus; 'next'")
    assert outputs == ["next"]


def test_error_action_stop_is_catchable():
    outputs, _, _ = run("try { Write-Error 'boom' -ErrorAction Stop } catch { 'caught' }")
    assert outputs == ["caught"]


def test_silently_continue_records_without_showing():
    outputs, _, shell = run("Write-Error 'quiet' -ea SilentlyContinue; $Error.Count")
    assert outputs == [1]
    assert errors_of(shell) == []


def test_out_variable_and_error_variable():
    outputs, _, _ = run("Write-Output 5 -OutVariable o | Out-Null; "
                        "Write-Error x -ErrorVariable e -ea SilentlyContinue; $o; $e.Count")
    assert outputs == [5, 1]


def test_warning_goes_to_the_host():
    _, _, shell = run("Write-Warning 'careful'")
    assert "WARNING: careful" in shell.host.ui.lines


def test_advanced_function_pipeline_binding():
    text = ("function Get-Twice { param([Parameter(ValueFromPipeline=$true)][int]$n) "
            "process { $n * 2 } }; 1,2,3 | Get-Twice")
    outputs, had_error, _ = run(text)
    assert (outputs, had_error) == ([2, 4, 6], False)


def test_mandatory_parameter_is_prompted_interactively():
    shell = session(interactive=True, answers=["hello"])
    text = "function Say { param([Parameter(Mandatory=$true)][string]$Text) $Text }; Say"
    outputs, _, _ = run(text, shell)
    assert outputs == ["hello"]
    assert "Supply values for the following parameters:" in shell.host.ui.lines
    assert shell.host.ui.prompts == ["Text: "]


def test_mandatory_parameter_missing_non_interactively():
    text = "function Say { param([Parameter(Mandatory=$true)][string]$Text) $Text }; Say"
    _, had_error, shell = run(text)
    assert had_error
    assert shell.error_list[0].message == (
        "Cannot process command because of one or more missing mandatory parameters: Text.")


@pytest.mark.parametrize("action", ["Ignore", "SilentlyContinue"])
def test_dollar_question_is_false_after_a_quiet_error(action):
    outputs, _, _ = run(f"Write-Error 'x' -ErrorAction {action}; $?")
    assert outputs == [False]
