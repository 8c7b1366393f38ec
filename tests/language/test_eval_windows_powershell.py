"""Windows PowerShell 5.1 behaviours that differ from PowerShell 7 or are easy to miss:
discarding with $null/[void], G15 doubles, Int32 overflow to Double, trap, catch by inner type."""
import pytest

from language_testkit import new_session, stderr_of


def run(text):
    session = new_session()
    outputs, _failed = session.run(text)
    return outputs, stderr_of(session)


@pytest.mark.parametrize("text, expected", [
    ("$null = 'hidden'; 'a'", ["a"]),
    ("$null = Get-Date; 'a'", ["a"]),
    ("[void]('x'); [void](1 + 2); 'a'", ["a"]),
    ("$null = 1, 2 | ForEach-Object { $_ }; $null -eq $null", [True]),
    ("[int]$null = 5; $null -eq $null", [True]),
])
def test_null_assignment_discards_the_value(text, expected):
    outputs, errors = run(text)
    assert outputs == expected
    assert errors == ""


def test_true_stays_read_only():
    _outputs, errors = run("$true = 1")
    assert "Cannot overwrite variable true because it is read-only or constant." in errors


@pytest.mark.parametrize("text, expected", [
    ("0.1 + 0.2", "0.3"), ("10 / 3", "3.33333333333333"), ("[math]::PI", "3.14159265358979"),
    ("1 / 3", "0.333333333333333"), ("[long]::MaxValue + 1", "9.22337203685478E+18"),
    ("1e16", "1E+16"), ("0.1", "0.1"), ("0.00001", "1E-05"), ("0.0001", "0.0001"),
    ("[int]::MaxValue + 1", "2147483648"), ("[int]::MaxValue * [int]::MaxValue", "4.61168601413242E+18"),
    ("(0.1 + 0.2).ToString('R')", "0.30000000000000004"), ("'{0:R}' -f 0.5", "0.5"),
])
def test_numbers_print_as_windows_powershell(text, expected):
    outputs, _ = run(f'"$({text})"')
    assert outputs == [expected]


@pytest.mark.parametrize("text, expected", [
    ("(2147483647 + 1).GetType().Name", "Double"), ("(100000 * 100000).GetType().Name", "Double"),
    ("(-2147483648 - 1).GetType().Name", "Double"), ("(2147483647).GetType().Name", "Int32"),
    ("(2147483648).GetType().Name", "Int64"), ("(9223372036854775808).GetType().Name", "Decimal"),
    ("([long]5 + [int]::MaxValue).GetType().Name", "Int64"),
])
def test_integer_overflow_promotes_to_double(text, expected):
    assert run(text)[0] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("try { 1/0 } catch [System.DivideByZeroException] { 'dz' } catch { 'other' }", ["dz"]),
    ("try { 1/0 } catch [ArithmeticException] { 'arith' }", ["arith"]),
    ("try { 1/0 } catch [System.Management.Automation.RuntimeException] { 'rt' } catch { 'any' }", ["rt"]),
    ("try { 1/0 } catch { $_.Exception.InnerException.GetType().FullName }", ["System.DivideByZeroException"]),
    ("try { [int]::Parse('x') } catch [FormatException] { 'format' }", ["format"]),
    ("try { [int]'x' } catch [InvalidCastException] { 'cast' }", ["cast"]),
    ("try { 'abc'.Substring(5) } catch [ArgumentException] { 'arg' }", ["arg"]),
    ("try { throw 'x' } catch [DivideByZeroException] { 'no' } catch { 'thrown' }", ["thrown"]),
    ("try { '{0} {1}' -f 'a' } catch [FormatException] { 'fmt' }", ["fmt"]),
])
def test_catch_matches_the_wrapped_dotnet_exception(text, expected):
    assert run(text)[0] == expected


def test_method_failure_is_named_after_the_wrapped_exception():
    session = new_session()
    session.run("[int]::Parse('x')")
    record = session.error_list[0]
    assert record.message == ('Exception calling "Parse" with "1" argument(s): '
                              '"Input string was not in a correct format."')
    assert record.fully_qualified_error_id == "FormatException"


def test_format_operator_error_gives_the_dotnet_reason_and_the_template():
    session = new_session()
    session.run("'{0} {1}' -f 'a'")
    record = session.error_list[0]
    assert record.message == ("Error formatting a string: Index (zero based) must be greater than or "
                              "equal to zero and less than the size of the argument list..")
    assert record.category_info == "InvalidOperation: ({0} {1}:String) [], RuntimeException"
    assert record.fully_qualified_error_id == "FormatError"


@pytest.mark.parametrize("text, expected, error_shown", [
    ("trap { \"trapped: $_\"; continue }; throw 'boom'; 'after trap'", ["trapped: boom", "after trap"], False),
    ("trap { 'in trap' }; 1/0; 'after'", ["in trap", "after"], True),
    ("trap { 'in trap'; break }; 1/0; 'never'", ["in trap"], True),
    ("trap [System.DivideByZeroException] { 'dz'; continue }; trap { 'other'; continue }; 1/0; throw 'x'; 'end'",
     ["dz", "other", "end"], False),
    ("function f { trap { 'in f'; continue }; throw 'boom'; 'f after' }; f; 'main after'",
     ["in f", "f after", "main after"], False),
    ("function g { throw 'inner' }; trap { \"top: $_\"; continue }; g; 'next'", ["top: inner", "next"], False),
    ("trap { $x = 5; continue }; $x = 1; throw 'e'; $x", [1], False),
    ("trap { continue }; Write-Error 'soft'; 'goes on'", ["goes on"], True),
    ("trap { 'trapped'; continue }; [int]'abc'; 'after'", ["trapped", "after"], False),
])
def test_trap(text, expected, error_shown):
    outputs, errors = run(text)
    assert outputs == expected
    assert bool(errors) == error_shown


def test_trap_break_ends_the_script_with_the_error():
    session = new_session()
    _, failed = session.run("trap { break }; throw 'stop here'; 'never'")
    assert failed and session.error_list[0].message == "stop here"


def test_switch_file_reads_the_lines_of_a_file(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("alpha\r\nbeta\ngamma\n", encoding="utf-8")
    outputs, errors = run(f"$p = '{path}'\n"
                          f"switch -file {path} {{ 'beta' {{ 'B' }} default {{ \"other $_\" }} }}\n"
                          "switch -regex -file $p { '^g' { \"g:$_\" } }\n"
                          "switch -file ($p) -casesensitive { 'ALPHA' { 'no' } 'alpha' { 'yes' } }")
    assert errors == ""
    assert outputs == ["other alpha", "B", "other gamma", "g:gamma", "yes"]


def test_stop_parsing_token_is_not_an_argument():
    outputs, _ = run("echo --% a b")
    assert outputs and all("--%" not in str(item) for item in outputs)


@pytest.mark.parametrize("text", ["-not " * 20000 + "1", "$a" + ".b" * 50000, "[int]" * 20000 + "1"])
def test_call_depth_overflow_fails_the_script(text):
    session = new_session()
    outputs, failed = session.run(text + "\n'not reached'")
    assert failed
    assert "not reached" not in outputs
    assert session.error_list[0].message == "The script failed due to call depth overflow."


@pytest.mark.parametrize("text, expected", [
    ("$d.ToString()", "1/2/2020 3:04:05 PM"), ("'{0}' -f $d", "1/2/2020 3:04:05 PM"),
    ("\"$d\"", "01/02/2020 15:04:05"), ("[string]$d", "01/02/2020 15:04:05"),
    ("$d.ToString('yyyy-MM-dd')", "2020-01-02"),
])
def test_dates_use_the_current_culture_except_in_string_conversion(text, expected):
    outputs, _ = run(f"$d = [datetime]'2020-01-02 15:04:05'; {text}")
    assert outputs == [expected]


def test_cast_failure_is_a_runtime_exception_named_like_powershell():
    session = new_session()
    session.run("[int]'x'")
    record = session.error_list[0]
    assert record.message == ('Cannot convert value "x" to type "System.Int32". '
                              'Error: "Input string was not in a correct format."')
    assert record.category_info == "InvalidArgument: (:) [], RuntimeException"
    assert record.fully_qualified_error_id == "InvalidCastFromStringToInteger"


@pytest.mark.parametrize("text, expected", [
    ("(1).pstypenames", ["System.Int32", "System.Object"]),
    ("([pscustomobject]@{}).pstypenames[0]", ["System.Management.Automation.PSCustomObject"]),
])
def test_pstypenames(text, expected):
    assert run(text)[0] == expected


def test_deserialized_objects_are_psobjects_to_gettype():
    from exshell.language.values import PSObject
    session = new_session()
    session.set_variable("d", PSObject([("Name", "A")], ["Deserialized.Foo.Bar", "Deserialized.System.Object"]))
    outputs, _ = session.run("$d.GetType().FullName; $d.pstypenames[0]")
    assert outputs == ["System.Management.Automation.PSObject", "Deserialized.Foo.Bar"]


@pytest.mark.parametrize("text, expected", [
    ("10d / 3", "3.3333333333333333333333333333"), ("20d / 3", "6.6666666666666666666666666667"),
    ("1d / 3", "0.3333333333333333333333333333"), ("1d / 7", "0.1428571428571428571428571429"),
    ("10d / 4", "2.5"),
])
def test_decimal_division_keeps_system_decimal_precision(text, expected):
    assert run(f'"$({text})"')[0] == [expected]
