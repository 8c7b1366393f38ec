"""Helpers admin scripts use: Add-Member, New-TimeSpan, Select-String, the variable
cmdlets, Get-Alias, Get-Command's Parameters/ParameterSets, Format-Wide's columns."""
from __future__ import annotations

from datetime import timedelta

import pytest

from test_utility_kit import UtilityShell, shell  # noqa: F401 - fixture


# ------------------------------------------------------------------ Add-Member

@pytest.mark.parametrize("text, expected", [
    ("$o = New-Object PSObject; $o | Add-Member -MemberType NoteProperty -Name X -Value 1; $o.X", [1]),
    ("$o = [pscustomobject]@{a=1}; $o | Add-Member NoteProperty b 2; $o.b", [2]),
    ("$o = [pscustomobject]@{a=1}; ($o | Add-Member -NotePropertyName c -NotePropertyValue 3 -PassThru).c", [3]),
    ("$o = [pscustomobject]@{}; $o | Add-Member -NotePropertyMembers @{x=1}; $o.x", [1]),
    ("$h = @{a=1}; $h | Add-Member NoteProperty extra 5; $h.extra; $h.Count", [5, 1]),
    ("$o = [pscustomobject]@{a=1}; $o | Add-Member NoteProperty a 9 -Force; $o.a", [9]),
])
def test_add_member(shell, text, expected):
    assert shell.ok(text).values == expected


def test_add_member_to_a_non_custom_object_is_seen_by_every_reference(shell):
    outcome = shell.ok("$d = Get-Date; $same = $d; $d | Add-Member NoteProperty Tag 'x'; $same.Tag")
    assert outcome.values == ["x"]


def test_add_member_refuses_an_existing_name_without_force(shell):
    outcome = shell.run("$o = [pscustomobject]@{a=1}; $o | Add-Member NoteProperty a 2; $o.a")
    assert outcome.values == [1]
    assert "Cannot add a member with the name \"a\" because a member with that name already exists." \
        in outcome.errors


def test_add_member_says_which_member_types_it_cannot_add(shell):
    outcome = shell.run("[pscustomobject]@{} | Add-Member ScriptMethod S { 1 }")
    assert "only NoteProperty and ScriptProperty" in outcome.errors


@pytest.mark.parametrize("text, expected", [
    ("$o = [pscustomobject]@{a=2}; $o | Add-Member ScriptProperty Double { $this.a * 2 }; "
     "$o.Double; $o.a = 5; $o.Double", [4, 10]),
    ("$d = Get-Date '2020-01-01'; $d | Add-Member -MemberType ScriptProperty -Name Y -Value { $this.Year }; "
     "$d.Y; $null -eq $this", [2020, True]),
    ("$o = [pscustomobject]@{a=2}; $o | Add-Member ScriptProperty D { $this.a + 1 }; "
     "($o | Select-Object D).D", [3]),
])
def test_add_member_script_property(shell, text, expected):
    assert shell.ok(text).values == expected


def test_script_property_shows_its_value_in_views(shell):
    text = shell.ok("$o = [pscustomobject]@{a=2}; $o | Add-Member ScriptProperty D { $this.a * 3 }; "
                    "$o | Format-List").text
    assert "D : 6" in text


# ------------------------------------------------------------------ New-TimeSpan

@pytest.mark.parametrize("text, expected", [
    ("New-TimeSpan -Days 7", timedelta(days=7)),
    ("New-TimeSpan -Hours 2 -Minutes 30 -Seconds 5", timedelta(hours=2, minutes=30, seconds=5)),
    ("New-TimeSpan -Start '2020-01-01' -End '2020-01-03 12:00'", timedelta(days=2, hours=12)),
    ("New-TimeSpan '2020-01-03' '2020-01-01'", timedelta(days=-2)),
])
def test_new_timespan(shell, text, expected):
    assert shell.ok(text).values == [expected]


def test_new_timespan_start_defaults_end_to_now(shell):
    value = shell.ok("New-TimeSpan -Start (Get-Date).AddHours(-1)").values[0]
    assert timedelta(minutes=59) < value < timedelta(minutes=61)


# ------------------------------------------------------------------ Select-String

@pytest.fixture
def log(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.log").write_text("hello\nerror: disk full\nok\nERROR again\n", encoding="utf-8")
    return tmp_path / "app.log"


def test_select_string_in_files_prints_file_line_text(shell, log):
    outcome = shell.ok("Select-String -Path app.log -Pattern error")
    assert outcome.text.split("\n") == ["app.log:2:error: disk full", "app.log:4:ERROR again", ""]
    assert [m.line_number for m in outcome.values] == [2, 4]


@pytest.mark.parametrize("text, expected", [
    ("(Select-String -Path app.log -Pattern error -CaseSensitive).LineNumber", [2]),
    ("(Select-String -Path *.log -Pattern 'o' -List).LineNumber", [1]),
    ("(Select-String -Path app.log -Pattern ok -NotMatch).LineNumber", [1, 2, 4]),
    ("Select-String -Path app.log -Pattern disk -Quiet", [True]),
    ("Select-String -Path app.log -Pattern zzz -Quiet", [False]),
    ("(Select-String -Path app.log -Pattern 'r+' -AllMatches)[0].Matches.Count", [2]),
    ("(Select-String -Path app.log -Pattern error)[0].Filename", ["app.log"]),
    ("'abc', 'xyz' | Select-String b | ForEach-Object { \"$_\" }", ["abc"]),
    ("'a.c', 'abc' | Select-String -SimpleMatch 'a.c' | ForEach-Object { $_.Line }", ["a.c"]),
    ("('x1', 'y2' | sls '\\d').Count", [2]),
])
def test_select_string_options(shell, log, text, expected):
    assert shell.ok(text).values == expected


def test_select_string_missing_file(shell, log):
    outcome = shell.run("Select-String -Path nope.log -Pattern x")
    assert "Cannot find path" in outcome.errors and "nope.log' because it does not exist." in outcome.errors


# ------------------------------------------------------------------ variables

@pytest.mark.parametrize("text, expected", [
    ("$a = 1; Get-Variable a -ValueOnly", [1]),
    ("$abc = 1; $abd = 2; (Get-Variable ab* | ForEach-Object Name)", ["abc", "abd"]),
    ("Set-Variable -Name q -Value 5; $q", [5]),
    ("function f { Set-Variable g 9 -Scope Global }; f; $g", [9]),
    ("function f { Set-Variable s 3 -Scope 1 }; f; $s", [3]),
    ("$r = 1; Remove-Variable r; $null -eq $r", [True]),
    ("$c = 'x'; Clear-Variable c; $null -eq $c; (Get-Variable c).Name", [True, "c"]),
    ("$v = 1; function f { $v = 2; Get-Variable v -ValueOnly -Scope 1 }; f", [1]),
])
def test_variable_cmdlets(shell, text, expected):
    assert shell.ok(text).values == expected


def test_get_variable_table_and_missing_name(shell):
    outcome = shell.run("$zz = 1; Get-Variable zz; Get-Variable nope")
    assert outcome.text.split("\n")[1].split() == ["Name", "Value"]
    assert "Cannot find a variable with the name 'nope'." in outcome.errors
    assert "VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand" in outcome.errors


def test_read_only_variables(shell):
    outcome = shell.run("Set-Variable k 1 -Option ReadOnly; $k = 2; Set-Variable k 3; $k; "
                        "Set-Variable k 4 -Force; $k")
    assert outcome.values == [1, 4]
    assert outcome.errors.count("Cannot overwrite variable k because it is read-only or constant.") == 2


# ------------------------------------------------------------------ Get-Alias / Get-Command

def test_get_alias(shell):
    outcome = shell.ok("Get-Alias gc, gcm")
    assert [(v.get("Name"), v.get("Definition")) for v in outcome.values] == \
        [("gc", "Get-Content"), ("gcm", "Get-Command")]
    assert outcome.text.split("\n")[1].split() == ["CommandType", "Name", "Definition"]
    assert "Alias           gc                                  Get-Content" in outcome.text
    names = [v.get("Name") for v in shell.ok("Get-Alias -Definition Get-Content").values]
    assert names == ["cat", "gc", "type"]
    assert "Cannot find alias because alias 'nope' does not exist." in shell.run("Get-Alias nope").errors


def test_get_command_parameters_and_sets(shell):
    values = shell.ok("$c = Get-Command Get-Date; $c.Parameters.Count -gt 10; "
                      "$c.Parameters['Format'].ParameterType.FullName; "
                      "($c.ParameterSets | ForEach-Object Name) -join ','; "
                      "$c.Parameters['Date'].Aliases").values
    assert values == [True, "System.String", "net,UFormat", "LastWriteTime"]
    function = shell.ok("function f([int]$n) {}; (Get-Command f).Parameters['n'].ParameterType.Name").values
    assert function == ["Int32"]


def test_mixed_command_types_share_one_table(shell):
    outcome = shell.ok("function My-Fn {}; Get-Command fl, My-Fn, Get-Date")
    assert outcome.text.count("CommandType") == 1


# ------------------------------------------------------------------ Format-Wide

def test_format_wide_uses_two_columns_by_default(shell):
    lines = [line for line in shell.ok("1..5 | Format-Wide").text.split("\n") if line.strip()]
    assert [line.split() for line in lines] == [["1", "2"], ["3", "4"], ["5"]]


# ------------------------------------------------------------------ Write-Debug / Write-Information

@pytest.mark.parametrize("text, expected", [
    ("Write-Debug 'hidden'", ""),
    ("Write-Debug 'shown' -Debug", "DEBUG: shown\n"),
    ("$DebugPreference = 'Continue'; Write-Debug 'pref'", "DEBUG: pref\n"),
    ("Write-Information 'hidden'", ""),
    ("Write-Information 'shown' -InformationAction Continue", "shown\n"),
    ("Write-Information 'no' -InformationAction SilentlyContinue", ""),
    ("$InformationPreference = 'Continue'; Write-Information 'pref'", "pref\n"),
])
def test_debug_and_information_streams(shell, text, expected):
    assert shell.ok(text).host == expected


def test_debug_preference_stop_ends_the_command(shell):
    outcome = shell.run("$DebugPreference = 'Stop'; Write-Debug 'halt'")
    assert 'preference variable "DebugPreference" or common parameter is set to Stop: halt' in outcome.errors


# ------------------------------------------------------------------ $MyInvocation in scripts

def test_my_invocation_of_a_script_names_its_path(shell, tmp_path):
    script = tmp_path / "who.ps1"
    script.write_text("$MyInvocation.MyCommand.Path\n$MyInvocation.MyCommand.Name\n", encoding="utf-8")
    assert shell.ok(f"& '{script}'").values == [str(script), "who.ps1"]
    assert shell.session.run_file(str(script))[0] == [str(script), "who.ps1"]
