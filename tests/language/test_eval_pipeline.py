"""Pipelines, command invocation, script files, redirections and output streaming."""
import pytest

from exshell.errors import ErrorRecord
from exshell.language.values import ArgumentNumber

from language_testkit import new_session


def run(text, session=None):
    session = session or new_session()
    outputs, _failed = session.run(text)
    return outputs


def test_arrays_unroll_one_level_into_the_pipeline():
    assert run("@(1,@(2,3)) | % { $_.GetType().Name }") == ["Int32", "Object[]"]


def test_comma_prevents_unrolling():
    assert run(",(1,2,3) | % { $_.Count }") == [3]


def test_streaming_order_begin_process_end():
    text = ("function a { begin { 'a-begin' } process { \"a$_\" } end { 'a-end' } }\n"
            "function b { begin { 'b-begin' } process { \"b:$_\" } end { 'b-end' } }\n"
            "1,2 | a | b")
    assert run(text) == ["b-begin", "b:a-begin", "b:a1", "b:a2", "b:a-end", "b-end"]


def test_numeric_literal_arguments_keep_their_text_for_untyped_capture():
    session = new_session()
    run("function f { $args[0] }", session)
    assert run("f 20MB", session) == [20971520]
    elements = session.evaluator.pipelines.command_elements(
        __import__("exshell.language.parser", fromlist=["parse"]).parse("x 20MB").end[0].elements[0].elements[1:])
    assert isinstance(elements[0].value, ArgumentNumber) and elements[0].value.text == "20MB"
    assert elements[0].literal


def test_variable_arguments_are_not_literal():
    from exshell.language.parser import parse
    session = new_session()
    run("$v = 5", session)
    command = parse("x $v -P:$v -Q 1").end[0].elements[0]
    elements = session.evaluator.pipelines.command_elements(command.elements[1:])
    assert [getattr(e, "literal") for e in elements] == [False, False, True, True]


def test_splatted_hashtable_becomes_named_parameters():
    from exshell.language.parser import parse
    session = new_session()
    run("$p = @{Name='x'; Force=$true}", session)
    command = parse("x @p").end[0].elements[0]
    elements = session.evaluator.pipelines.command_elements(command.elements[1:])
    assert [(e.name, e.argument, e.splatted) for e in elements] == [("Name", "x", True), ("Force", True, True)]


def test_call_operator_with_command_name_string():
    assert run("function hello { 'hi' }; & 'hello'; $n = 'hello'; & $n") == ["hi", "hi"]


def test_script_file_invocation_and_dot_sourcing(tmp_path):
    library = tmp_path / "lib.ps1"
    library.write_text("$fromLib = 'loaded'\nfunction Get-Lib { 'lib' }\n", encoding="utf-8")
    session = new_session()
    assert run(f"& '{library}'; $fromLib", session) == [None]
    assert run(f". '{library}'; $fromLib; Get-Lib", session) == ["loaded", "lib"]


def test_exit_in_called_script_sets_last_exit_code(tmp_path):
    script = tmp_path / "inner.ps1"
    script.write_text("'inner'\nexit 4\n'never'\n", encoding="utf-8")
    assert run(f"& '{script}'; $LASTEXITCODE; 'after'") == ["inner", 4, "after"]


def test_run_file_gives_args_and_script_root(tmp_path):
    script = tmp_path / "s.ps1"
    script.write_text("$args[0]\n$PSScriptRoot -eq '" + str(tmp_path) + "'\n", encoding="utf-8")
    outputs, failed = new_session().run_file(str(script), args=["first"])
    assert outputs == ["first", True] and not failed


def test_redirect_to_null_discards_output():
    assert run("1,2 > $null; 'x'") == ["x"]


def test_all_streams_redirect(tmp_path):
    target = tmp_path / "all.txt"
    session = new_session()
    assert run(f"function f {{ 'out'; Write-Error 'bad' }}; f *> '{target}'", session) == []
    text = target.read_text(encoding="utf-8")
    assert "out" in text and "bad" in text


def test_merged_errors_flow_as_records_in_order():
    outputs = run("function f { 'a'; Write-Error 'e1'; 'b' }; f 2>&1")
    assert outputs[0] == "a" and isinstance(outputs[1], ErrorRecord) and outputs[2] == "b"
    assert outputs[1].message == "e1"


def test_unknown_command_in_middle_of_pipeline_stops_that_statement():
    session = new_session()
    assert run("1,2 | Get-Nothing | % { $_ }; 'next'", session) == ["next"]
    assert session.error_list[0].error_id == "CommandNotFoundException"


def test_binding_error_ends_only_the_statement():
    session = new_session()
    assert run("function f { [CmdletBinding()] param($a) $a }; f -NoSuch 1; 'next'", session) == ["next"]
    assert session.error_list[0].error_id == "NamedParameterNotFound"


def test_pipeline_by_property_name():
    text = ("function f { param([Parameter(ValueFromPipelineByPropertyName)]$Name) process { \"n=$Name\" } }\n"
            "[pscustomobject]@{Name='a'}, [pscustomobject]@{Name='b'} | f")
    assert run(text) == ["n=a", "n=b"]


def test_psboundparameters():
    assert run("function f($a, $b) { $PSBoundParameters.Count; $PSBoundParameters.ContainsKey('b') }; f -a 1") == [1, False]


def test_write_host_interleaves_with_output_through_the_sink():
    session = new_session()
    lines = []

    def sink(objects):
        lines.extend(str(o) for o in objects)
        session.host.ui.write("".join(f"{o}\n" for o in objects))

    session.run("'one'; Write-Host 'two'; 'three'", sink=sink)
    assert session.host.ui.stdout.getvalue() == "one\ntwo\nthree\n"


def test_pscmdlet_should_process_obeys_whatif_and_confirm():
    session = new_session()
    text = ("function Remove-Thing { [CmdletBinding(SupportsShouldProcess=$true)] param($Name)\n"
            "  if ($PSCmdlet.ShouldProcess($Name, 'Remove')) { \"removed $Name\" } }\n"
            "Remove-Thing a; Remove-Thing b -WhatIf; Remove-Thing c -Confirm:$false")
    assert run(text, session) == ["removed a", "removed c"]
    assert 'What if: Performing the operation "Remove" on target "b".' in session.host.ui.stdout.getvalue()


def test_pscmdlet_exists_only_in_advanced_functions():
    assert run("function f { $PSCmdlet -eq $null }; f") == [True]
    assert run("function g { [CmdletBinding()] param() $PSCmdlet.ParameterSetName }; g") == ["__AllParameterSets"]


def test_objects_stream_one_at_a_time_through_the_pipeline():
    session = new_session()
    run("1..3 | % { Write-Host \"a$_\"; $_ } | % { Write-Host \"b$_\" }", session)
    assert session.host.ui.stdout.getvalue().split() == ["a1", "b1", "a2", "b2", "a3", "b3"]


@pytest.mark.parametrize("args, expected", [
    ([], "default x1 loud=False rest="), (["-Name", "bob", "-Count", "3"], "bob x3 loud=False rest="),
    (["alice", "2", "-Loud"], "alice x2 loud=True rest="), (["-Name:carl"], "carl x1 loud=False rest="),
])
def test_script_param_block_takes_command_line_arguments(tmp_path, args, expected):
    script = tmp_path / "p.ps1"
    script.write_text('param([string]$Name = "default", [int]$Count = 1, [switch]$Loud)\n'
                      '"$Name x$Count loud=$Loud rest=$args"\n', encoding="utf-8")
    outputs, failed = new_session().run_file(str(script), args=args)
    assert outputs == [expected] and not failed


def test_script_parameter_binding_error_ends_the_run(tmp_path):
    script = tmp_path / "p.ps1"
    script.write_text("param([int]$Count)\n'ran'\n", encoding="utf-8")
    session = new_session()
    outputs, failed = session.run_file(str(script), args=["-Count", "abc"])
    assert outputs == [] and failed and session.terminated


def test_called_script_knows_its_root(tmp_path):
    script = tmp_path / "where.ps1"
    script.write_text("$PSScriptRoot\n", encoding="utf-8")
    assert run(f"& '{script}'") == [str(tmp_path)]
