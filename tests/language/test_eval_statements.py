"""Statements through text: loops, switch, functions, scopes, script blocks, splatting."""
import pytest

from language_testkit import new_session


def run(text):
    outputs, _failed = new_session().run(text)
    return outputs


@pytest.mark.parametrize("text, expected", [
    ("if ($true) { 1 } else { 2 }", [1]), ("if (0) { 1 } elseif ('x') { 2 } else { 3 }", [2]),
    ("if ($null) { 1 }", []), ("if (@()) { 'a' } else { 'b' }", ["b"]),
    ("foreach ($i in 1..3) { $i * 2 }", [2, 4, 6]), ("foreach ($i in $null) { 'never' }", []),
    ("foreach ($i in 5) { $i }", [5]), ("for ($i = 0; $i -lt 3; $i++) { $i }", [0, 1, 2]),
    ("$i = 0; while ($i -lt 3) { $i; $i++ }", [0, 1, 2]),
    ("$i = 0; do { $i; $i++ } while ($i -lt 2)", [0, 1]), ("$i = 0; do { $i; $i++ } until ($i -ge 2)", [0, 1]),
    ("foreach ($i in 1..5) { if ($i -eq 2) { continue }; if ($i -eq 4) { break }; $i }", [1, 3]),
    (":outer foreach ($a in 1..3) { foreach ($b in 1..3) { if ($b -eq 2) { continue outer }; \"$a$b\" } }",
     ["11", "21", "31"]),
    (":outer foreach ($a in 1..3) { foreach ($b in 1..3) { if ($a -eq 2) { break outer }; \"$a$b\" } }",
     ["11", "12", "13"]),
])
def test_control_flow(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("switch (2) { 1 { 'one' } 2 { 'two' } default { 'other' } }", ["two"]),
    ("switch (5) { 1 { 'one' } default { 'other' } }", ["other"]),
    ("switch (1,2,3) { 2 { 'two' } default { $_ } }", [1, "two", 3]),
    ("switch ('abc') { 'ABC' { 'ci' } }", ["ci"]),
    ("switch -casesensitive ('abc') { 'ABC' { 'no' } 'abc' { 'yes' } }", ["yes"]),
    ("switch -wildcard ('mail.contoso.com') { '*.contoso.com' { 'contoso' } '*.com' { 'com' } }",
     ["contoso", "com"]),
    ("switch -regex ('a12') { '(\\d+)' { $Matches[1] } }", ["12"]),
    ("switch (1,2,3) { 2 { break } default { $_ } }", [1]),
    ("switch (1,2,3) { 2 { continue } { $_ -gt 0 } { \"p$_\" } }", ["p1", "p3"]),
    ("switch ('x') { { $_ -eq 'x' } { 'block' } }", ["block"]),
    ("switch -exact ('a*') { 'a*' { 'exact' } }", ["exact"]),
])
def test_switch(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("function f($a, $b) { $a + $b }; f 1 2", [3]),
    ("function f { param($Name = 'def') \"hi $Name\" }; f; f -Name x; f y", ["hi def", "hi x", "hi y"]),
    ("function f { $args.Count; $args[0] }; f a b", [2, "a"]),
    ("function f([int]$n) { $n.GetType().Name }; f '5'", ["Int32"]),
    ("function f([switch]$Force) { [bool]$Force }; f; f -Force; f -Force:$false", [False, True, False]),
    ("function f { return 5; 'not' }; f", [5]), ("function f { 1; return; 2 }; f", [1]),
    ("function f { 'a'; 'b' }; $r = f; $r.Count", [2]),
    ("filter double { $_ * 2 }; 1,2,3 | double", [2, 4, 6]),
    ("function f { begin { 'b' } process { \"p$_\" } end { 'e' } }; 1,2 | f", ["b", "p1", "p2", "e"]),
    ("function f { $input | % { $_ + 1 } }; 1,2 | f", [2, 3]),
    ("function f { param([Parameter(ValueFromPipeline)]$x) process { $x * 3 } }; 1,2 | f", [3, 6]),
    ("function Get-Thing { 'thing' }; Get-Thing", ["thing"]),
    ("function f($n) { if ($n -le 1) { 1 } else { $n * (f ($n - 1)) } }; f 5", [120]),
])
def test_functions(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("$x = 1; function f { $x }; f", [1]),
    ("$x = 1; function f { $x = 2; $x }; f; $x", [2, 1]),
    ("$x = 1; function f { $script:x = 2 }; f; $x", [2]),
    ("function f { $global:g = 7 }; f; $g", [7]),
    ("$x = 1; & { $x = 5 }; $x", [1]), ("$x = 1; . { $x = 5 }; $x", [5]),
    ("$sb = { param($a) $a * 2 }; & $sb 4", [8]), ("$sb = { $args[0] }; $sb.Invoke(3)", [3]),
    ("$sb = { 'hi' }; & $sb", ["hi"]), ("& { $_ } ", [None]),
    ("1,2 | & { process { $_ + 1 } }", [2, 3]),
])
def test_scopes_and_script_blocks(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("$a, $b = 1, 2; $b; $a", [2, 1]), ("$a, $b = 1, 2, 3; $b.Count", [2]),
    ("$x = 5; $x += 2; $x", [7]), ("$x = 5; $x -= 2; $x", [3]), ("$x = 5; $x *= 2; $x", [10]),
    ("$x = 5; $x /= 2; $x", [2.5]), ("$x = 5; $x %= 2; $x", [1]), ("$s = 'a'; $s += 'b'; $s", ["ab"]),
    ("$a = @(); $a += 1; $a += 2; $a.Count", [2]), ("$x = $null; $x ??= 3; $x", [3]),
    ("$i = 1; $i++; $i", [2]), ("$i = 1; $i--; $i", [0]), ("$i = 1; ++$i", []), ("$i = 1; (++$i)", [2]), ("$i = 1; ($i++)", [1]),
    ("$h = @{}; $h.a = 1; $h['b'] = 2; $h.a + $h.b", [3]), ("$a = 1,2,3; $a[1] = 9; $a", [1, 9, 3]),
    ("$o = [pscustomobject]@{n=1}; $o.n = 5; $o.n", [5]), ("$null = 5", []), ("[void](5)", []),
    ("$x = ($y = 3); $x + $y", [6]), ("$a = ,1; $a.Count", [1]),
])
def test_assignment(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("function f($Name, $Count) { \"$Name $Count\" }; $p = @{Name='x'; Count=2}; f @p", ["x 2"]),
    ("function f($a, $b) { \"$a-$b\" }; $p = 'x', 'y'; f @p", ["x-y"]),
    ("1,2,3 | ForEach-Object { $_ * 2 }", [2, 4, 6]), ("1..6 | Where-Object { $_ % 2 -eq 0 }", [2, 4, 6]),
    ("$a = 1,2; ,$a | ForEach-Object { $_.Count }", [2]), ("@(1,2) | % { $_ }", [1, 2]),
    ("'a','b' | % { $_.ToUpper() }", ["A", "B"]),
])
def test_pipelines_and_splatting(text, expected):
    assert run(text) == expected


def test_exit_sets_exit_code_and_stops():
    session = new_session()
    outputs, failed = session.run("'a'; exit 3; 'b'")
    assert outputs == ["a"] and session.exit_code == 3 and failed


def test_exit_zero_is_success():
    session = new_session()
    outputs, failed = session.run("exit")
    assert session.exit_code == 0 and not failed


def test_sink_gets_output_of_consecutive_statements_together():
    session = new_session()
    batches = []
    outputs, _ = session.run("1; 2,3", sink=batches.append)
    assert batches == [[1, 2, 3]] and outputs == []


def test_sink_is_flushed_before_anything_else_reaches_the_host():
    session = new_session()
    batches = []

    def sink(objects):
        batches.append(objects)
        session.host.ui.write("".join(f"{o}\n" for o in objects))

    session.run("1; Write-Host 'between'; 2,3; Get-Nothing; 4", sink=sink)
    assert batches == [[1], [2, 3], [4]]
    assert session.host.ui.stdout.getvalue() == "1\nbetween\n2\n3\n4\n"


def test_deep_recursion_is_an_error_not_a_traceback():
    session = new_session()
    outputs, failed = session.run("function f { f }; f; 'after'")
    assert failed
    assert session.error_list[0].message == "The script failed due to call depth overflow."


def test_variables_of_several_sessions_are_independent():
    first, second = new_session(), new_session()
    first.run("$shared = 1")
    assert second.run("$shared")[0] == [None]


def test_args_of_a_script_run():
    session = new_session()
    outputs, _ = session.run("$args[1]", args=["a", "b"])
    assert outputs == ["b"]


@pytest.mark.parametrize("text, expected", [
    ("$n = 0; 1..3 | ForEach-Object { $n += $_ }; $n", [6]),
    ("$seen = @(); 1,2 | Where-Object { $seen += $_; $true } | Out-Null; $seen.Count", [2]),
    ("function f { $args[0]; 1..2 | % { $_ }; $args[0] }; f 'a'", ["a", 1, 2, "a"]),
    ("$_ = 'outer'; 1 | % { $_ }; $_", [1, "outer"]),
    ("$x = 1; $sb = { $x = 2 }; $sb.Invoke(); $x", [1]),
])
def test_cmdlet_script_blocks_run_in_the_callers_scope(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("function f { $MyInvocation.MyCommand.Name; \"$($MyInvocation.MyCommand)\" }; f", ["f", "f"]),
    ("function g { function global:h { 'h' } }; g; h", ["h"]),
    ("function g { function inner { 'i' } }; g; Get-Command inner -ErrorAction SilentlyContinue | % { 'visible' }", []),
])
def test_function_scoping_and_invocation_info(text, expected):
    assert run(text) == expected


def test_set_alias_through_the_session():
    session = new_session()
    session.run("function Get-Thing { 'thing' }")
    session.set_alias("gt", "Get-Thing")
    assert session.run("gt")[0] == ["thing"]


@pytest.mark.parametrize("text, expected", [
    ("$a = 1; $r = [ref]$a; $r.Value = 5; $a", [5]),
    ("function inc([ref]$n) { $n.Value++ }; $c = 1; inc ([ref]$c); $c", [2]),
    ("$x = [ref]3; $x.Value", [3]),
])
def test_references(text, expected):
    assert run(text) == expected
