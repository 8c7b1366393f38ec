"""exshell --check: problems found without running anything, one line each.

Unit cases use small cmdlets declared here (so they do not depend on the
Exchange declarations); the acceptance cases at the end use the real ones.
"""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from exshell import check
from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, ParamSet, cmdlet
from exshell.language.values import SwitchParameter

REPO = Path(__file__).resolve().parent.parent


@cmdlet("New-Widget", should_process=True, command_type_name="Test.NewWidget")
class NewWidget(Cmdlet):
    Name = Param(str, mandatory=True, position=1)
    Size = Param(int)
    Enabled = Param(bool)
    Tags = Param(ArrayOf(str))
    Force = Param(SwitchParameter)


@cmdlet("Get-Widget", command_type_name="Test.GetWidget")
class GetWidget(Cmdlet):
    Identity = Param(str, position=1, from_pipeline=True)


@cmdlet("Set-Widget", command_type_name="Test.SetWidget")
class SetWidget(Cmdlet):
    Identity = Param(str, mandatory=True, position=1, from_pipeline=True)
    Size = Param(int)


@cmdlet("Move-Widget", command_type_name="Test.MoveWidget", default_set="ByName")
class MoveWidget(Cmdlet):
    Name = Param(str, sets={"ByName": ParamSet(mandatory=True, position=1)})
    Id = Param(int, sets={"ById": ParamSet(mandatory=True)})
    Target = Param(str)


TEST_CMDLETS = {cls.info.name.lower(): cls for cls in (NewWidget, GetWidget, SetWidget, MoveWidget)}


@pytest.fixture
def widgets(monkeypatch):
    monkeypatch.setattr(check, "_resolve_cmdlet", lambda name: TEST_CMDLETS.get(name.lower()))


def lines(text, path="t.ps1"):
    return [problem.format() for problem in check.check_text(text, path)]


@pytest.mark.parametrize("text", [
    "New-Widget -Name a -Size 5 -Enabled $false -Tags x,y -Force",
    "New-Widget a -Si 5",                              # positional and a unique prefix
    "new-widget -NAME a -Confirm:$false -WhatIf",
    "New-Widget -Name $name -Size $size",              # variables are not guessed
    "New-Widget -Name \"$prefix-1\" -Enabled ($x -eq 1)",
    "Get-Widget | Set-Widget -Size 2",                 # pipeline input can fill Identity
    "$list | Set-Widget -Size 2",
    "Move-Widget a -Target b",
    "Move-Widget -Id 4",
    "Do-Thing -Anything 1\nfunction Do-Thing { 'x' }",  # functions count wherever they are defined
    "& $command -Foo\n. .\\helper.ps1\n.\\setup.ps1 -Any thing",
    "New-Widget @params",                              # splatted variables are not guessed
    "if ($true) { foreach ($i in 1..3) { New-Widget -Name \"w$i\" } }",
])
def test_clean_scripts_have_no_problems(widgets, text):
    assert lines(text) == []


@pytest.mark.parametrize("text, at, error_id, message", [
    ("New-Widget -Name a -Colour red", "-Colour", "NamedParameterNotFound",
     "A parameter cannot be found that matches parameter name 'Colour'."),
    ("New-Widget -Name a -Size", "-Size", "MissingArgument",
     "Missing an argument for parameter 'Size'. Specify a parameter of type 'System.Int32' and try again."),
    ("New-Widget -Name a -Size abc", "abc", "CannotConvertArgumentNoMessage",
     "Cannot bind parameter 'Size'. Cannot convert value \"abc\" to type \"System.Int32\". "
     "Error: \"Input string was not in a correct format.\""),
    ("New-Widget -Name a -Enabled false", "false", "CannotConvertArgument",
     "Cannot convert 'System.String' to the type 'System.Boolean' required by parameter 'Enabled'."),
    ("New-Widget -Size 3", "New-Widget", "MissingMandatoryParameter",
     "Cannot process command because of one or more missing mandatory parameters: Name."),
    ("Set-Widget -Size 3", "Set-Widget", "MissingMandatoryParameter",
     "Cannot process command because of one or more missing mandatory parameters: Identity."),
    # PowerShell underlines the whole command for a stray positional argument
    ("New-Widget a b", "New-Widget", "PositionalParameterNotFound",
     "A positional parameter cannot be found that accepts argument 'b'."),
    ("Move-Widget -Name a -Id 3", "Move-Widget", "AmbiguousParameterSet",
     "Parameter set cannot be resolved using the specified named parameters. One or more parameters "
     "issued cannot be used together or an insufficient number of parameters were provided."),
    ("\n  Get-Wodget x", "Get-Wodget", "CommandNotFoundException",
     "The term 'Get-Wodget' is not recognized as the name of a cmdlet, function, script file, or "
     "operable program. Check the spelling of the name, or if a path was included, verify that the "
     "path is correct and try again."),
])
def test_each_problem_is_one_line_with_position_and_id(widgets, text, at, error_id, message):
    offset = text.index(at)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    assert lines(text) == [f"t.ps1:{line}:{column}: {error_id}: {message}"]


@pytest.mark.parametrize("text, expected_hint", [
    ("Get-Widget | Set-Widget x -Size 2", "Set-Widget takes pipeline input only through -Identity, "
                                          "which the command line already sets."),
    ("Get-Widget | New-Widget -Name a", "New-Widget does not take pipeline input."),
])
def test_piped_objects_with_no_parameter_left_to_take_them_are_reported(widgets, text, expected_hint):
    (problem,) = check.check_text(text, "p.ps1")
    assert (problem.column, problem.error_id) == (text.index(text.split("| ")[1]) + 1, "InputObjectNotBound")
    assert problem.hints == [expected_hint]


def test_parse_errors_are_reported_and_stop_the_check(widgets):
    found = check.check_text('New-Widget -Name "open\nGet-Wodget', "s.ps1")
    assert [(p.line, p.column, p.error_id) for p in found] == [(1, 18, "TerminatorExpectedAtEndOfString")]


def test_problems_come_in_source_order_from_every_statement(widgets):
    text = "New-Widget -Size 1\nfunction f { Get-Wodget }\nNew-Widget x -Bogus\n"
    assert [(p.line, p.error_id) for p in check.check_text(text, "x")] == [
        (1, "MissingMandatoryParameter"), (2, "CommandNotFoundException"), (3, "NamedParameterNotFound")]


def test_advanced_functions_defined_in_the_file_are_bound(widgets):
    text = "function Add-Thing { [CmdletBinding()] param([int]$Count) }\nAdd-Thing -Cuont 3\n"
    assert [(p.line, p.error_id) for p in check.check_text(text, "x")] == [(2, "NamedParameterNotFound")]


def test_did_you_mean_hint_travels_with_the_problem(widgets):
    (problem,) = check.check_text("New-Widget -Name a -Sise 4", "x")
    assert problem.hints == ["Did you mean -Size?"]


def test_broken_continuation_is_pointed_out(widgets):
    text = "New-Widget -Name a `  \n  -Size 4\n"
    found = check.check_text(text, "x")
    assert found and any("backtick followed by spaces" in hint for p in found for hint in p.hints)


def test_main_check_prints_problems_and_hints_and_returns_1(widgets, tmp_path):
    bad = tmp_path / "bad.ps1"
    bad.write_text("New-Widget -Name a -Sise 4\n", encoding="utf-8")
    good = tmp_path / "good.ps1"
    good.write_text("New-Widget -Name a\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert check.main_check([str(good)], out, err) == 0 and out.getvalue() == ""
    assert check.main_check([str(good), str(bad)], out, err) == 1
    assert out.getvalue().splitlines() == [
        f"{bad}:1:20: NamedParameterNotFound: A parameter cannot be found that matches parameter name 'Sise'.",
        "    Did you mean -Size?",
    ]


def test_main_check_reads_standard_input_as_dash(widgets, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"New-Widget -Size 1\n"), encoding="utf-8"))
    out = io.StringIO()
    assert check.main_check(["-"], out, io.StringIO()) == 1
    assert out.getvalue().startswith("-:1:1: MissingMandatoryParameter:")


def test_unreadable_file_is_reported_on_stderr(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    assert check.main_check([str(tmp_path / "missing.ps1")], out, err) == 1
    assert "missing.ps1: cannot read" in err.getvalue()


@pytest.mark.parametrize("data", [
    "New-Widget -Name caf\u00e9\n".encode("utf-8-sig"),
    "New-Widget -Name caf\u00e9\n".encode("utf-16"),
    "New-Widget -Name caf\u00e9\n".encode("cp1252"),
])
def test_scripts_in_windows_encodings_are_read(widgets, tmp_path, data):
    script = tmp_path / "enc.ps1"
    script.write_bytes(data)
    assert check.read_script(str(script)) == "New-Widget -Name caf\u00e9\n"


# ------------------------------------------------------ acceptance (real cmdlets)

SEED = ('New-SendConnector -Name "Subsidiary Send Connector" -Usage Custom '
        '-AddressSpace "*.contoso.com;5","*.fabrikam.com;8" -DNSRoutingEnabled $false '
        '-SmartHosts 192.168.10.1 -MaxMessageSize 20MB')
SEED_DAMAGED = SEED.replace("-SmartHosts 192.168.10.1", "-SmartHosts")


def test_seed_example_with_its_smart_host_passes():
    assert lines(SEED, "seed.ps1") == []


def test_seed_damaged_copy_reports_the_missing_smart_host_at_its_column():
    from exshell.binder.metadata import CommandMetadata
    from exshell.cmdlets import registry

    smart_hosts = CommandMetadata.from_cmdlet(registry.lookup("New-SendConnector")).parameters["SmartHosts"]
    column = SEED_DAMAGED.index("-SmartHosts") + 1
    assert lines(SEED_DAMAGED, "seed.ps1") == [
        f"seed.ps1:1:{column}: MissingArgument: Missing an argument for parameter 'SmartHosts'. "
        f"Specify a parameter of type '{smart_hosts.type_name}' and try again."]
    assert "MultiValuedProperty" in smart_hosts.type_name and "SmartHost" in smart_hosts.type_name


def test_exshell_command_line_runs_the_check(tmp_path):
    script = tmp_path / "damaged.ps1"
    script.write_text(SEED_DAMAGED + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "exshell.cli", "--check", str(script)],
                         capture_output=True, text=True, cwd=REPO, timeout=60)
    assert run.returncode == 1
    assert f"{script}:1:{SEED_DAMAGED.index('-SmartHosts') + 1}: MissingArgument:" in run.stdout


@pytest.mark.parametrize("text, error_id", [
    ("New-SendConnector -Name z -AddressSpaces contoso.com -SmartHosts 10.0.0.1",
     "SmartHostsRequireDnsRoutingDisabled"),
    ("New-SendConnector -Name z -AddressSpaces contoso.com -DNSRoutingEnabled $false",
     "DnsRoutingDisabledRequiresSmartHosts"),
    ("New-SendConnector -Name z -AddressSpaces contoso.com -Internet -Partner", "UsageTypeConflict"),
])
def test_exchange_rules_on_the_command_own_arguments_are_checked(text, error_id):
    found = check.check_text(text, "r.ps1")
    assert [(p.line, p.column, p.error_id) for p in found] == [(1, 1, error_id)]


@pytest.mark.parametrize("text", [
    "New-SendConnector -Name z -AddressSpaces contoso.com -DNSRoutingEnabled $false -SmartHosts $hosts",
    "New-SendConnector -Name z -AddressSpaces $spaces -SmartHosts 10.0.0.1",
    "Set-SendConnector z -SmartHosts 10.0.0.1",   # the stored connector decides; --check cannot know
])
def test_rules_are_not_guessed_when_a_value_or_the_stored_object_is_unknown(text):
    assert check.check_text(text, "r.ps1") == []


@pytest.mark.parametrize("text, at", [
    ('New-SendConnector -Name a -AddressSpaces "*.contoso.com;500" -DNSRoutingEnabled $false -SmartHosts h',
     '"*.contoso.com;500"'),
    ('New-SendConnector -Name a -AddressSpaces "*contoso.com" -DNSRoutingEnabled $false -SmartHosts h',
     '"*contoso.com"'),
])
def test_address_space_cost_and_wildcard_shape_are_checked(text, at):
    (problem,) = check.check_text(text, "r.ps1")
    assert (problem.column, problem.error_id) == (text.index(at) + 1, "CannotConvertArgumentNoMessage")


def test_an_engine_failure_is_reported_without_a_traceback(monkeypatch, tmp_path):
    script = tmp_path / "x.ps1"
    script.write_text("Get-Date\n", encoding="utf-8")

    def broken(text, path):
        raise RuntimeError("boom")

    monkeypatch.setattr(check, "check_text", broken)
    out, err = io.StringIO(), io.StringIO()
    assert check.main_check([str(script)], out, err) == 1
    assert err.getvalue() == f"{script}: the check could not complete: RuntimeError: boom\n"


def test_unknown_command_suggestions_include_functions_of_the_script(widgets):
    text = "function Update-Connectors { 'x' }\nUpdate-Conectors\n"
    (problem,) = check.check_text(text, "f.ps1")
    assert problem.error_id == "CommandNotFoundException"
    assert problem.hints == ["Did you mean Update-Connectors?"]


FRAGMENTS = ["New-SendConnector", "Get-SendConnector", "|", "-Name", "-AddressSpaces", "-SmartHosts",
             "\"*.contoso.com;5\"", ",", "$false", "$x", "{", "}", "(", ")", "@{Add='a'}", "20MB", "`\n",
             "\u2013Name", "'it\u2019s'", ";", "\n", "-Usage", "Custom", "Where", "{$_.Name}", "-", "@p",
             "function f {", "param($a)", "[int]", "1..3", "\"$(1)\"", "<Name>", "#c", "-Confirm:$false"]


def test_no_input_makes_the_check_itself_fail():
    import random

    generator = random.Random(20261127)
    for _ in range(300):
        text = " ".join(generator.choice(FRAGMENTS) for _ in range(generator.randint(1, 14)))
        problems = check.check_text(text, "fuzz.ps1")
        assert all(p.line >= 1 and p.column >= 1 and p.error_id for p in problems), text
