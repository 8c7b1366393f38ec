"""Error behaviour: $?, $Error, try/catch/finally, throw, -ErrorAction, command not found."""
import pytest

from exshell.errors import ErrorRecord

from language_testkit import new_session, stderr_of


def run(text):
    session = new_session()
    outputs, failed = session.run(text)
    return outputs, failed, session


def test_unknown_command_continues_with_next_statement():
    outputs, failed, session = run("Get-Nothing -x 1\n'after'")
    assert outputs == ["after"]
    record = session.error_list[0]
    assert record.error_id == "CommandNotFoundException"
    assert record.category == "ObjectNotFound"
    assert record.target_name == "Get-Nothing"
    assert record.message.startswith("The term 'Get-Nothing' is not recognized as the name of a cmdlet")
    assert record.extent.text == "Get-Nothing"
    assert "Get-Nothing" in stderr_of(session)


def test_dollar_question_reflects_last_statement():
    outputs, _, _ = run("Get-Nothing; $?; 1; $?")
    assert outputs == [False, 1, True]


def test_error_list_is_newest_first():
    outputs, _, session = run("[int]'a'; Get-Nothing; $Error.Count; $Error[0].FullyQualifiedErrorId")
    assert outputs == [2, "CommandNotFoundException"]


@pytest.mark.parametrize("text, expected", [
    ("try { throw 'boom' } catch { \"caught $_\" }", ["caught boom"]),
    ("try { throw 'boom' } catch { $_.Exception.Message }", ["boom"]),
    ("try { 1/0 } catch { 'div' } finally { 'fin' }", ["div", "fin"]),
    ("try { 'ok' } finally { 'fin' }", ["ok", "fin"]),
    ("try { Get-Nothing } catch [System.Management.Automation.CommandNotFoundException] { 'cnf' }", ["cnf"]),
    ("try { throw 'x' } catch [System.Management.Automation.RuntimeException] { 'rt' }", ["rt"]),
    ("try { throw 'x' } catch [System.Exception] { 'ex' }", ["ex"]),
    ("try { [int]'a' } catch [System.InvalidCastException] { 'cast' } catch { 'other' }", ["cast"]),
    ("try { throw 'x' } catch [System.InvalidCastException] { 'cast' } catch { 'other' }", ["other"]),
    ("try { try { throw 'in' } catch { throw } } catch { \"outer $_\" }", ["outer in"]),
    ("function f { throw 'deep' }; try { f } catch { $_.FullyQualifiedErrorId }", ["deep"]),
    ("try { $null.Foo() } catch { 'null call' }", ["null call"]),
    ("try { throw } catch { $_.FullyQualifiedErrorId }", ["ScriptHalted"]),
])
def test_try_catch(text, expected):
    outputs, _, _ = run(text)
    assert outputs == expected


def test_uncaught_throw_ends_the_script():
    outputs, failed, session = run("'a'; throw 'stop here'; 'b'")
    assert outputs == ["a"] and failed
    assert session.error_list[0].message == "stop here"
    assert session.error_list[0].category == "OperationStopped"


def test_throw_inside_function_ends_the_script():
    outputs, failed, _ = run("function f { throw 'x' }; f; 'after'")
    assert outputs == [] and failed


def test_error_action_preference_stop_makes_errors_terminating():
    outputs, failed, _ = run("$ErrorActionPreference = 'Stop'; Get-Nothing; 'after'")
    assert outputs == [] and failed


def test_error_action_preference_stop_is_catchable():
    outputs, _, _ = run("$ErrorActionPreference = 'Stop'; try { [int]'a' } catch { 'caught' }; 'after'")
    assert outputs == ["caught", "after"]


def test_write_error_obeys_silently_continue():
    session = new_session()
    record = ErrorRecord(message="quiet", error_id="Q")
    session.write_error(record, action="SilentlyContinue")
    assert session.error_list[0] is record and stderr_of(session) == ""
    session.write_error(ErrorRecord(message="gone", error_id="G"), action="Ignore")
    assert session.error_list[0] is record


def test_merge_redirection_puts_errors_in_output():
    outputs, _, session = run("$r = Get-Nothing 2>&1; $r.GetType().Name")
    assert outputs == ["ErrorRecord"]
    assert stderr_of(session) == ""


def test_output_redirection_writes_a_file(tmp_path):
    target = tmp_path / "out.txt"
    outputs, _, _ = run(f"1,2 > '{target}'; 3 >> '{target}'")
    assert outputs == []
    assert target.read_text(encoding="utf-8").split() == ["1", "2", "3"]


def test_error_redirection_to_file(tmp_path):
    target = tmp_path / "err.txt"
    outputs, _, session = run(f"Get-Nothing 2> '{target}'; 'x'")
    assert outputs == ["x"]
    assert "Get-Nothing" in target.read_text(encoding="utf-8")
    assert stderr_of(session) == ""


def test_parse_error_runs_nothing():
    outputs, failed, session = run("'a'; if (")
    assert outputs == [] and failed
    assert session.error_list[0].is_parse_error


def test_error_record_members_scripts_read():
    outputs, _, _ = run("try { 1/0 } catch { $_.InvocationInfo.ScriptLineNumber; $_.CategoryInfo.Reason; "
                        "$_.Exception.GetType().FullName }")
    assert outputs == [1, "RuntimeException", "System.Management.Automation.RuntimeException"]


def test_error_variable_can_be_cleared():
    outputs, _, _ = run("[int]'x'; $Error.Count; $Error.Clear(); $Error.Count")
    assert outputs == [1, 0]


def test_error_action_stop_on_a_command_ends_the_script():
    outputs, failed, session = run("Write-Error 'bad' -ErrorAction Stop; 'after'")
    assert outputs == [] and failed and session.terminated
    assert session.error_list[0].message == "bad"


def test_error_action_stop_is_catchable():
    outputs, _, _ = run("try { Write-Error 'bad' -ErrorAction Stop; 'not here' } catch { \"caught $_\" }; 'after'")
    assert outputs == ["caught bad", "after"]


def test_statement_terminating_error_inside_script_called_under_try_aborts_it():
    outputs, _, _ = run("function inner { 1/0; 'rest of inner' }; try { inner; 'rest' } catch { 'ouch' }")
    assert outputs == ["ouch"]


def test_silently_continue_preference_hides_statement_errors_but_records_them():
    outputs, _, session = run("$ErrorActionPreference = 'SilentlyContinue'; Get-Nothing; 1/0; 'after'; $Error.Count")
    assert outputs == ["after", 2]
    assert stderr_of(session) == ""
