"""Expressions through text: operators, .NET numeric typing, members, casts, formatting."""
from decimal import Decimal

import pytest

from exshell.language.values import Hashtable, Int64, PSObject

from language_testkit import new_session


def run(text):
    session = new_session()
    outputs, _failed = session.run(text)
    return outputs


def run_one(text):
    outputs = run(text)
    assert len(outputs) == 1, outputs
    return outputs[0]


@pytest.mark.parametrize("text, expected", [
    ("1+1", [2]), ("1 + 2 * 3", [7]), ("(1 + 2) * 3", [9]), ("7 / 2", [3.5]), ("6 / 2", [3]),
    ("-5 % 3", [-2]), ("5 % -3", [2]), ("2 - 5", [-3]), ('"a" + 1', ["a1"]), ('1 + "2"', [3]),
    ('"ab" * 3', ["ababab"]), ("1,2 + 3,4", [1, 2, 3, 4]), ("(1,2) * 2", [1, 2, 1, 2]),
    ('"5" - 2', [3]), ("$null + 1", [1]), ("1.5 + 1", [2.5]), ("-(3)", [-3]), ("+'4'", [4]),
    ("0x10 + 1", [17]), ("1kb", [1024]), ("20MB", [20971520]),
    ("10 -band 6", [2]), ("10 -bor 5", [15]), ("10 -bxor 3", [9]), ("-bnot 0", [-1]),
    ("$true + $true", [2]),
])
def test_arithmetic(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, type_name", [
    ("(2147483647+1).GetType().Name", "Double"), ("(1+1).GetType().Name", "Int32"),
    ("(7/2).GetType().Name", "Double"), ("(6/2).GetType().Name", "Int32"),
    ("(9223372036854775807 + 1).GetType().Name", "Double"), ("(1d + 1).GetType().Name", "Decimal"),
    ("(1L).GetType().Name", "Int64"), ("'x'.GetType().FullName", "System.String"),
    ("(1,2).GetType().Name", "Object[]"), ("@{}.GetType().Name", "Hashtable"),
    ("([ordered]@{}).GetType().Name", "OrderedDictionary"), ("(1.5).GetType().Name", "Double"),
    ("$true.GetType().Name", "Boolean"), ("[pscustomobject]@{a=1} | % { $_.GetType().Name }", "PSCustomObject"),
    ("(2147483647 * 2).GetType().Name", "Double"), ("([int]::MaxValue).GetType().Name", "Int32"),
])
def test_numeric_typing(text, type_name):
    assert run(text) == [type_name]


def test_divide_by_zero_is_an_error_record():
    session = new_session()
    outputs, failed = session.run("1/0; 'next'")
    assert outputs == ["next"]
    assert session.error_list[0].message == "Attempted to divide by zero."


@pytest.mark.parametrize("text, expected", [
    ("1,2,3 -gt 1", [2, 3]), ("1,2,3 -eq 2", [2]), ("'a','b','A' -eq 'a'", ["a", "A"]),
    ("'a','b','A' -ceq 'a'", ["a"]), ("'ABC' -eq 'abc'", [True]), ("'ABC' -ceq 'abc'", [False]),
    ("'ABC' -ieq 'abc'", [True]), ("5 -gt '10'", [False]), ("'5' -gt 10", [True]),
    ("1 -ne 2", [True]), ("2 -ge 2", [True]), ("1 -le 0", [False]), ("'a' -lt 'B'", [True]),
    ("'abc' -like 'a*'", [True]), ("'abc' -like 'A?C'", [True]), ("'abc' -clike 'A*'", [False]),
    ("'abc' -notlike 'b*'", [True]), ("'b' -like '[a-c]'", [True]),
    ("'x.contoso.com' -like '*.contoso.com'", [True]),
    ("1,2,3 -contains 2", [True]), ("1,2,3 -notcontains 5", [True]), ("2 -in 1,2,3", [True]),
    ("'A' -in 'a','b'", [True]), ("'A' -cin 'a','b'", [False]), ("5 -notin 1,2", [True]),
    ("$null -eq $null", [True]), ("$null -eq 0", [False]), ("'1' -eq 1", [True]),
    ("@(1,$null,2) -ne $null", [1, 2]),
])
def test_comparison(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("'abc' -match 'B'", [True]), ("'abc' -cmatch 'B'", [False]), ("'abc' -notmatch 'x'", [True]),
    ("'a1','b','c2' -match '\\d'", ["a1", "c2"]),
    ("if ('user@contoso.com' -match '^(?<user>[^@]+)@(.+)$') { $Matches.user; $Matches[1]; $Matches[0] }",
     ["user", "contoso.com", "user@contoso.com"]),
    ("'Hello World' -replace 'o', '0'", ["Hell0 W0rld"]), ("'abc' -replace 'B'", ["ac"]),
    ("'John Smith' -replace '(\\w+) (\\w+)', '$2, $1'", ["Smith, John"]),
    ("'a-b' -replace '(?<x>a)', '${x}${x}'", ["aa-b"]), ("'ABC' -creplace 'b', 'x'", ["ABC"]),
    ("'a,b,,c' -split ','", ["a", "b", "", "c"]), ("'a1b2c' -split '\\d'", ["a", "b", "c"]),
    ("'a,b,c' -split ',', 2", ["a", "b,c"]), ("-split ' a  b '", ["a", "b"]),
    ("'aXbxc' -csplit 'x'", ["aXb", "c"]), ("1,2,3 -join '-'", ["1-2-3"]), ("-join ('a','b')", ["ab"]),
])
def test_regex_operators(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("'{0:N2}' -f 1234.567", ["1,234.57"]), ("'{0,5}|' -f 'ab'", ["   ab|"]), ("'{0,-5}|' -f 'ab'", ["ab   |"]),
    ("'{0:D3}' -f 7", ["007"]), ("'{0:X}' -f 255", ["FF"]), ("'{0:x4}' -f 255", ["00ff"]),
    ("'{{{0}}}' -f 1", ["{1}"]), ("'{0} and {1}' -f 'a', 'b'", ["a and b"]), ("'{0:P1}' -f 0.125", ["12.5 %"]),
    ("'{0:F3}' -f 2.5", ["2.500"]), ("'{0:0.00}' -f 3.14159", ["3.14"]), ("'{0:#,##0}' -f 1234567", ["1,234,567"]),
    ("'{0:yyyy-MM-dd}' -f [datetime]'2018-01-05'", ["2018-01-05"]), ("(12.5).ToString('N1')", ["12.5"]),
    ("(255).ToString('X2')", ["FF"]), ("[string]::Format('{0}-{1}', 1, 2)", ["1-2"]),
])
def test_format_operator(text, expected):
    assert run(text) == expected


def test_format_error_reports_bad_template():
    session = new_session()
    session.run("'{0} {1}' -f 1")
    assert session.error_list[0].error_id == "FormatError"


@pytest.mark.parametrize("text, expected", [
    ("1..5", [1, 2, 3, 4, 5]), ("3..1", [3, 2, 1]), ("-1..1", [-1, 0, 1]),
    ("$a = 10,20,30,40; $a[0]", [10]), ("$a = 10,20,30,40; $a[-1]", [40]),
    ("$a = 10,20,30,40; $a[1..2]", [20, 30]), ("$a = 10,20,30,40; $a[0,2]", [10, 30]),
    ("$a = 10,20,30; $a[5]", [None]), ("'hello'[1]", ["e"]), ("$h = @{a=1; b=2}; $h['b']", [2]),
    ("$h = @{a=1}; $h.a", [1]), ("$h = @{a=1}; $h.Count", [1]), ("$null.Count", [0]), ("(5).Count", [1]),
    ("'abc'.Length", [3]), ("(1,'ab').Length", [2]), ("@('a','bcd').Length", [2]),
    ("(@{n='x'},@{n='y'}).n", ["x", "y"]), ("$a = @(); $a.Count", [0]),
])
def test_ranges_indexing_and_members(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("' x '.Trim()", ["x"]), ("'xxaxx'.Trim('x')", ["a"]), ("'  a'.TrimStart()", ["a"]), ("'a  '.TrimEnd()", ["a"]),
    ("'abc'.ToUpper()", ["ABC"]), ("'ABC'.ToLower()", ["abc"]), ("'a,b;c'.Split(',;')", ["a", "b", "c"]),
    ("'a,b'.Split(',')[1]", ["b"]), ("'abc'.Replace('b', 'X')", ["aXc"]), ("'abc'.Contains('b')", [True]),
    ("'abc'.Contains('B')", [False]), ("'abc'.StartsWith('ab')", [True]), ("'abc'.EndsWith('bc')", [True]),
    ("'abc'.IndexOf('c')", [2]), ("'abcdef'.Substring(2)", ["cdef"]), ("'abcdef'.Substring(1, 2)", ["bc"]),
    ("'5'.PadLeft(3, '0')", ["005"]), ("'a'.PadRight(3) + '|'", ["a  |"]), ("'ac'.Insert(1, 'b')", ["abc"]),
    ("'abcd'.Remove(1, 2)", ["ad"]), ("'abc'.Equals('abc')", [True]), ("'b'.CompareTo('a')", [1]),
    ("(1,2,3).Contains(2)", [True]), ("(1,2,3).IndexOf(3)", [2]), ("(1,2,3).Count", [3]),
    ("$h = @{a=1}; $h.ContainsKey('A')", [True]), ("$h = @{}; $h.Add('k', 5); $h.k", [5]),
    ("$h = @{a=1; b=2}; $h.Remove('a'); $h.Keys", ["b"]), ("$h = @{a=1}; $h.Clear(); $h.Count", [0]),
    ("$h = @{a=1}; $h.Values", [1]), ("(3.14159).ToString('F2')", ["3.14"]), ("(5).ToString()", ["5"]),
    ("(1,2).Where({ $_ -gt 1 })", [2]), ("(1,2).ForEach({ $_ * 10 })", [10, 20]),
])
def test_methods(text, expected):
    assert run(text) == expected


def test_method_on_null_is_an_error():
    session = new_session()
    session.run("$x = $null; $x.Trim()")
    assert session.error_list[0].message == "You cannot call a method on a null-valued expression."


def test_missing_method_names_the_type():
    session = new_session()
    session.run("'abc'.NoSuch()")
    assert session.error_list[0].message == (
        "Method invocation failed because [System.String] does not contain a method named 'NoSuch'.")


@pytest.mark.parametrize("text, expected", [
    ("[string]::Join(',', (1,2,3))", ["1,2,3"]), ("[string]::IsNullOrEmpty('')", [True]),
    ("[string]::IsNullOrEmpty($null)", [True]), ("[string]::IsNullOrEmpty('a')", [False]),
    ("[math]::Round(2.5)", [2.0]), ("[math]::Round(3.5)", [4.0]), ("[math]::Round(2.675, 2)", [2.67]),
    ("[math]::Round(1.2345, 2)", [1.23]), ("[math]::Floor(2.7)", [2.0]), ("[math]::Ceiling(2.1)", [3.0]),
    ("[math]::Abs(-3)", [3]), ("[math]::Max(1, 5)", [5]), ("[math]::Min(1, 5)", [1]), ("[math]::Pow(2, 10)", [1024.0]),
    ("[math]::Sqrt(16)", [4.0]), ("[int]::MaxValue", [2147483647]), ("[long]::MaxValue", [Int64(9223372036854775807)]),
    ("[int]::MinValue", [-2147483648]), ("[char]::IsDigit('5')", [True]), ("[regex]::Escape('a.b*')", ["a\\.b\\*"]),
    ("([regex]::Matches('a1b22', '\\d+')).Count", [2]), ("[datetime]::Parse('2018-01-05').Year", [2018]),
    ("([guid]::NewGuid()).ToString().Length", [36]), ("[math]::PI -gt 3.14", [True]),
    ("[timespan]::FromMinutes(90).TotalHours", [1.5]),
])
def test_static_members(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("[int]'42'", [42]), ("[int]'0x10'", [16]), ("[int]2.5", [2]), ("[int]3.5", [4]), ("[string]5", ["5"]),
    ("[bool]'False'", [True]), ("[bool]0", [False]), ("[bool]''", [False]), ("[array]5", [5]),
    ("([array]5).Count", [1]), ("[double]'1.5'", [1.5]), ("[decimal]'1.10'", [Decimal("1.10")]),
    ("[char]65", ["A"]), ("[long]5", [Int64(5)]), ("'5' -as [int]", [5]), ("'x' -as [int]", [None]),
    ("5 -is [int]", [True]), ("5 -is [string]", [False]), ("'a' -isnot [int]", [True]),
    ("(1,2) -is [array]", [True]), ("$null -is [object]", [False]), ("[string[]]$x = 1,2; $x[0].GetType().Name", ["String"]),
    ("[int]$i = '7'; $i = '8'; $i.GetType().Name", ["Int32"]), ("[datetime]'2018-01-05' -is [datetime]", [True]),
    ("[string](1,2,3)", ["1 2 3"]), ("$OFS = '-'; [string](1,2,3)", ["1-2-3"]), ("\"$(1,2)\"", ["1 2"]),
])
def test_casts_and_type_operators(text, expected):
    assert run(text) == expected


def test_failed_cast_is_an_error_with_powershell_text():
    session = new_session()
    session.run("[int]'abc'")
    assert session.error_list[0].message == (
        'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."')


def test_unknown_type_is_reported():
    session = new_session()
    session.run("[NoSuchType]5")
    assert session.error_list[0].message == "Unable to find type [NoSuchType]."


@pytest.mark.parametrize("text, expected", [
    ("$true -and $false", [False]), ("$true -or $false", [True]), ("$true -xor $true", [False]),
    ("-not $true", [False]), ("!0", [True]), ("!''", [True]), ("-not @()", [True]),
    ("$false -and (1/0)", [False]), ("$true -or (1/0)", [True]),
])
def test_logical_operators(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('$n = "World"; "Hello $n"', ["Hello World"]), ('$a = 1,2; "v: $a"', ["v: 1 2"]),
    ('"sum: $(1 + 2)"', ["sum: 3"]), ("$h = @{a=1}; \"$($h.a)\"", ["1"]), ("'$n'", ["$n"]),
    ('"a`tb"', ["a\tb"]), ('$x = 5; "$x.Length"', ["5.Length"]),
])
def test_strings(text, expected):
    assert run(text) == expected


def test_ordered_hashtable_keeps_insertion_order():
    value = run_one("[ordered]@{z=1; a=2}")
    assert list(value.keys()) == ["z", "a"]


def test_pscustomobject_literal():
    value = run_one("[pscustomobject]@{Name='x'; Cost=5}")
    assert isinstance(value, PSObject)
    assert list(value.ps_properties().items()) == [("Name", "x"), ("Cost", 5)]


def test_hashtable_addition_merges_and_rejects_duplicates():
    assert run("$h = @{a=1} + @{b=2}; $h.Count") == [2]
    session = new_session()
    session.run("@{a=1} + 1")
    assert session.error_list[0].message == "A hash table can only be added to another hash table."


def test_env_variables_read_and_write(monkeypatch):
    monkeypatch.setenv("EXSHELL_TEST_VAR", "abc")
    assert run("$env:EXSHELL_TEST_VAR") == ["abc"]
    run("$env:EXSHELL_TEST_VAR = 'xyz'")
    import os
    assert os.environ["EXSHELL_TEST_VAR"] == "xyz"


@pytest.mark.parametrize("text, expected", [
    ("$o = [pscustomobject]@{a=1;b=2}; $o.PSObject.Properties | % { \"$($_.Name)=$($_.Value)\" }", ["a=1", "b=2"]),
    ("[datetime]::new(2018,1,5).DayOfWeek", ["Friday"]), ("[timespan]::new(1,2,3).TotalMinutes", [62.05]),
    ("$l = [System.Collections.ArrayList]::new(); $l.Add(5); $l.Count", [0, 1]),
    ("[System.Management.Automation.ActionPreference]::Stop -eq 'stop'", [True]),
    ("$d = [datetime]'2018-01-05'; $d.AddDays(1).Day", [6]), ("([datetime]'2018-01-31').AddMonths(1).Day", [28]),
    ("(([datetime]'2018-01-02') - ([datetime]'2018-01-01')).TotalHours", [24.0]),
    ("([datetime]'2018-01-05 15:04:05').ToString('yyyy-MM-dd HH:mm:ss')", ["2018-01-05 15:04:05"]),
    ("([timespan]'01:30:00').TotalMinutes", [90.0]),
])
def test_dotnet_helpers_scripts_use(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("1 -shl 4", [16]), ("-16 -shr 2", [-4]), ("1 -shl 31", [-2147483648]),
    ("'a','B' -ccontains 'b'", [False]), ("'a','B' -icontains 'b'", [True]), ("'a' -cnotin 'A'", [True]),
    ("'A-B' -isplit 'b'", ["A-", ""]), ("'aBc' -creplace '[A-Z]', '_'", ["a_c"]),
    ("'x' -isnot [string]", [False]), ("@() -eq 1", []), ("$null -ne $null", [False]),
    ("10 -gt 9.5", [True]), ("'10' -gt '9'", [False]), ("[datetime]'2018-01-02' -gt '2018-01-01'", [True]),
])
def test_more_operator_variants(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("$PSVersionTable.PSVersion.Major", [5]), ("$PSVersionTable.PSVersion -ge [version]'3.0'", [True]),
    ("$PSVersionTable.PSVersion -ge '3.0'", [True]), ("[version]'1.2.3' -lt [version]'1.10'", [True]),
    ("[Microsoft.Exchange.Data.ByteQuantifiedSize]'20MB' -gt '10MB'", [True]),
    ("[Microsoft.Exchange.Data.ByteQuantifiedSize]'20MB' -eq 20MB", [True]),
])
def test_value_types_compare_with_text_on_the_right(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("'1kb' / 1", [1024]), ("10 - '1gb'", [-1073741814]), ("'2d' * 1", ["2d"]), ("'1.5' / 1", [1.5]),
    ("1024 -eq '1kb'", [False]),
])
def test_arithmetic_reads_numeric_suffixes_in_strings_but_casts_do_not(text, expected):
    assert run(text) == expected
    session = new_session()
    session.run("[int]'1kb'")
    assert session.error_list[0].message.startswith('Cannot convert value "1kb" to type "System.Int32".')


@pytest.mark.parametrize("text, expected", [
    ("$n = 0; [int]::TryParse('42', [ref]$n); $n", [True, 42]), ("$n = 5; [int]::TryParse('x', [ref]$n); $n", [False, 0]),
    ("$sb = [scriptblock]::Create('1 + $args[0]'); & $sb 2", [3]),
    ("[System.IO.Path]::GetFileName('C:\\dir\\file.txt')", ["file.txt"]), ("[IO.Path]::GetExtension('a/b.ps1')", [".ps1"]),
    ("'a,,b'.Split(',', [StringSplitOptions]::RemoveEmptyEntries)", ["a", "b"]),
    ("[System.IO.Directory]::Exists('/')", [True]),
])
def test_more_static_members(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("'a.b.c' -split '.', 0, 'SimpleMatch'", ["a", "b", "c"]), ("'a.b.c' -split '.', 2, 'SimpleMatch'", ["a", "b.c"]),
    ("'aXbxc' -csplit 'x', 0, 'IgnoreCase'", ["a", "b", "c"]),
])
def test_split_options(text, expected):
    assert run(text) == expected
