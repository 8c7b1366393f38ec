"""Statements, pipelines, commands, functions and script blocks."""
from __future__ import annotations

import pytest

from exshell.language import ast
from exshell.language.parser import parse
from test_parse_support import shape

SEED = ('New-SendConnector -Name "Subsidiary Send Connector" -Usage Custom -AddressSpace '
        '"*.contoso.com;5","*.fabrikam.com;8" -DNSRoutingEnabled $false -SmartHosts '
        '192.168.10.1 -MaxMessageSize 20MB')


def test_seed_example_command():
    assert shape(SEED) == (
        'cmd(New-SendConnector -Name "Subsidiary Send Connector" -Usage Custom -AddressSpace '
        '["*.contoso.com;5", "*.fabrikam.com;8"] -DNSRoutingEnabled $false -SmartHosts '
        '192.168.10.1 -MaxMessageSize #20971520)')
    command = parse(SEED).end[0].elements[0]
    assert command.command_name == "New-SendConnector"
    assert command.elements[-1].text == "20MB"
    assert command.extent.text == SEED


@pytest.mark.parametrize("text, expected", [
    ("Get-Date", "cmd(Get-Date)"),
    ("gci | sort | select -First 1", "cmd(gci) | cmd(sort) | cmd(select -First #1)"),
    ("1, 2 | sort", "[#1, #2] | cmd(sort)"),
    ("$x | sort", "$x | cmd(sort)"),
    ("& $sb 1 2", "&cmd($sb #1 #2)"),
    ("& 'C:\\my tools\\x.exe' -a", "&cmd('C:\\my tools\\x.exe' -a)"),
    ("& { 1 }", "&cmd({#1})"),
    ("&$sb", "&cmd($sb)"),
    (". .\\lib.ps1", ".cmd(.\\lib.ps1)"),
    (". { $x = 1 }", ".cmd({$x = #1})"),
    (".\\run.ps1 -a", "cmd(.\\run.ps1 -a)"),
    ("C:\\tools\\x.exe /q", "cmd(C:\\tools\\x.exe /q)"),
    ("'quoted'", "'quoted'"),
    ("Get-X 2>&1", "cmd(Get-X) 2>&1"),
    ("Get-X > out.txt", "cmd(Get-X) 1>out.txt"),
    ("Get-X >> out.txt", "cmd(Get-X) 1>>out.txt"),
    ("Get-X 2> err.txt", "cmd(Get-X) 2>err.txt"),
    ("Get-X *> all.txt", "cmd(Get-X) *>all.txt"),
    ("Get-X 2>$null", "cmd(Get-X) 2>$null"),
    ("$x > file.txt", "$x 1>file.txt"),
    ("Get-X -a 1 > f 2>&1", "cmd(Get-X -a #1) 1>f 2>&1"),
])
def test_pipelines_and_commands(text, expected):
    assert shape(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("$x = 1", "$x = #1"),
    ("$x += 1", "$x += #1"),
    ("$x -= 1", "$x -= #1"),
    ("$x *= 2", "$x *= #2"),
    ("$x /= 2", "$x /= #2"),
    ("$x %= 2", "$x %= #2"),
    ("$x ??= 2", "$x ??= #2"),
    ("$a, $b = 1, 2", "[$a, $b] = [#1, #2]"),
    ("$null = Get-X", "$null = cmd(Get-X)"),
    ("[int]$x = '5'", "cast[int]($x) = '5'"),
    ("$h.a = 1", "$h.a = #1"),
    ("$a[0] = 1", "$a[#0] = #1"),
    ("$x = $y = 2", "$x = $y = #2"),
    ("$x = Get-X | sort", "$x = cmd(Get-X) | cmd(sort)"),
    ("$x = if ($y) { 1 } else { 2 }", "$x = if($y){#1} else{#2}"),
    ("$x = foreach ($i in 1..2) { $i }", "$x = foreach($i in (.. #1 #2)){$i}"),
    ("$env:X = 'y'", "$env:X = 'y'"),
])
def test_assignments(text, expected):
    assert shape(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("if ($x) { 1 }", "if($x){#1}"),
    ("if ($x) { 1 } else { 2 }", "if($x){#1} else{#2}"),
    ("if ($x) { 1 } elseif ($y) { 2 } elseif ($z) { 3 } else { 4 }",
     "if($x){#1} elseif($y){#2} elseif($z){#3} else{#4}"),
    ("if ($x) {\n 1\n}\nelse {\n 2\n}", "if($x){#1} else{#2}"),
    ("if ($x) { 1 }\n\nelseif ($y) { 2 }", "if($x){#1} elseif($y){#2}"),
    ("if ($x)\n{\n 1\n}", "if($x){#1}"),
    ("if (Test-Path x) { 1 }", "if(cmd(Test-Path x)){#1}"),
    ("if ($x = Get-Y) { $x }", "if($x = cmd(Get-Y)){$x}"),
    ("if ($x) { 1 }\nelse2", "if($x){#1}; cmd(else2)"),
    ("if ($x) {}", "if($x){}"),
    ("foreach ($i in $list) { $i }", "foreach($i in $list){$i}"),
    ("foreach ($f in Get-ChildItem) { $f }", "foreach($f in cmd(Get-ChildItem)){$f}"),
    ("foreach ($i in 1..3)\n{\n $i\n}", "foreach($i in (.. #1 #3)){$i}"),
    ("for ($i = 0; $i -lt 3; $i++) { $i }", "for($i = #0; (lt $i #3); (post++u $i)){$i}"),
    ("for (;;) { break }", "for(None; None; None){break}"),
    ("while ($true) { continue }", "while($true){continue}"),
    ("do { $i++ } while ($i -lt 3)", "do{(post++u $i)}while((lt $i #3))"),
    ("do { $i++ } until ($i -ge 3)", "do{(post++u $i)}until((ge $i #3))"),
    ("do {\n 1\n}\nwhile ($x)", "do{#1}while($x)"),
    (":outer foreach ($a in $b) { break outer }", ":outer foreach($a in $b){break outer}"),
    (":l while (1) { continue l }", ":l while(#1){continue l}"),
    ("switch ($x) { 1 { 'one' } 2 { 'two' } }", "switch($x){#1{'one'} #2{'two'}}"),
    ("switch -wildcard ($x) { 'a*' { 1 } default { 2 } }",
     "switch -wildcard($x){'a*'{#1} default{#2}}"),
    ("switch -Regex -CaseSensitive ($x) {\n '^a' { 1 }\n 'default' { 2 }\n}",
     "switch -casesensitive -regex($x){'^a'{#1} 'default'{#2}}"),
    ("switch -exact ($x) { abc { 1 } { $_ -gt 5 } { 2 } }",
     "switch -exact($x){abc{#1} {(gt $_ #5)}{#2}}"),
    ("switch ($x) {\n\n 1 {1}\n\n}", "switch($x){#1{#1}}"),
    ("try { 1 } catch { 2 }", "try{#1} catch{#2}"),
    ("try { 1 } finally { 3 }", "try{#1} finally{#3}"),
    ("try { 1 } catch [System.IO.IOException], [System.Exception] { 2 } catch { 3 } finally { 4 }",
     "try{#1} catch[System.IO.IOException][System.Exception]{#2} catch{#3} finally{#4}"),
    ("try {\n 1\n}\ncatch {\n 2\n}\nfinally {\n 3\n}", "try{#1} catch{#2} finally{#3}"),
    ("throw", "throw"),
    ("throw 'bad'", "throw 'bad'"),
    ("return", "return"),
    ("return $x + 1", "return (+ $x #1)"),
    ("return Get-X", "return cmd(Get-X)"),
    ("exit", "exit"),
    ("exit 3", "exit #3"),
    ("break", "break"),
    ("continue", "continue"),
])
def test_control_flow(text, expected):
    assert shape(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("function f { 1 }", "function f{#1}"),
    ("function Get-Thing { 1 }", "function Get-Thing{#1}"),
    ("function f($a, [int]$b = 2) { $a }", "function f{param($a, [int]$b=#2) $a}"),
    ("function f {\n param($a)\n $a\n}", "function f{param($a) $a}"),
    ("function f { param([Parameter(Mandatory)][string]$Name, [switch]$Force) }",
     "function f{param([Parameter(Mandatory)][string]$Name, [switch]$Force)}"),
    ("function f {\n [CmdletBinding()]\n param(\n  [Parameter(Mandatory=$true, Position=0)]\n"
     "  [ValidateSet('a','b')]\n  [string]$Name\n )\n $Name\n}",
     "function f{[CmdletBinding()] param([Parameter(Mandatory=$true, Position=#0)]"
     "[ValidateSet('a', 'b')][string]$Name) $Name}"),
    ("function f { begin { 1 } process { $_ } end { 3 } }",
     "function f{begin{#1} process{$_} end{#3}}"),
    ("function f {\n param($a)\n begin { 1 }\n process { 2 }\n}",
     "function f{param($a) begin{#1} process{#2}}"),
    ("filter double { $_ * 2 }", "filter double{(* $_ #2)}"),
    ("function f{1}", "function f{#1}"),
    ("function f() {}", "function f{param()}"),
])
def test_functions(text, expected):
    assert shape(text) == expected


def test_function_parameter_details():
    function = parse("function f { param([Parameter(Mandatory)][int]$Count = 3) }").end[0]
    assert isinstance(function, ast.FunctionDefinitionAst)
    parameter = function.body.params[0]
    assert (parameter.name, parameter.type_name) == ("Count", "int")
    assert parameter.default.value == 3
    attribute = parameter.attributes[0]
    assert attribute.type_name == "Parameter"
    assert attribute.named_args == {"Mandatory": None}


def test_script_level_param_block_and_attributes():
    script = parse("[CmdletBinding()]\nparam([string]$Name = 'x')\n\"hi $Name\"")
    assert [a.type_name for a in script.attributes] == ["CmdletBinding"]
    assert [p.name for p in script.params] == ["Name"]
    assert len(script.end) == 1


def test_named_blocks_at_script_level():
    script = parse("begin { 1 }\nprocess { 2 }\nend { 3 }")
    assert (len(script.begin), len(script.process), len(script.end)) == (1, 1, 1)


@pytest.mark.parametrize("text, expected", [
    ("", ""),
    ("\n\n", ""),
    (";;", ""),
    ("1;2", "#1; #2"),
    ("1\n2", "#1; #2"),
    ("{ 1; 2 }", "{#1; #2}"),
    ("Get-X; if ($a) { 1 }; Get-Y", "cmd(Get-X); if($a){#1}; cmd(Get-Y)"),
    # a statement ending in a block needs no terminator before the next one
    ("if ($x) { 1 } 2", "if($x){#1}; #2"),
    ("function f {} f", "function f{}; cmd(f)"),
    ("try { 1 } catch { 2 } Write-Host x", "try{#1} catch{#2}; cmd(Write-Host x)"),
    ("foreach ($i in $a) { $i } 'done'", "foreach($i in $a){$i}; 'done'"),
    ("if ($x) { 1 } else { 2 } if ($y) { 3 }", "if($x){#1} else{#2}; if($y){#3}"),
])
def test_statement_separators(text, expected):
    assert shape(text) == expected


def test_script_extent_is_the_whole_text():
    text = "Get-X\n"
    assert parse(text).extent.text == text


def test_path_is_recorded_in_the_source():
    script = parse("Get-X", path="/tmp/a.ps1")
    assert script.end[0].extent.source.path == "/tmp/a.ps1"


@pytest.mark.parametrize("text", [
    "foreach ($i in 1..3) { $i }",
    "for ($i = 0; $i -lt 3; $i++) { $i }",
    "while ($x) { $x-- }",
    "do { 1 } until ($x)",
    "if ($a) { 1 } elseif ($b) { 2 } else { 3 }",
    "try { 1 } catch [X] { 2 } finally { 3 }",
    "switch ($x) { 1 { 'a' } }",
    "function f([int]$a = 1) { $a }",
    "$x = Get-Foo -Name 'a b' | Where { $_ }",
    ":outer while (1) { break outer }",
])
def test_statement_extents_span_the_whole_statement(text):
    assert parse(text).end[0].extent.text == text


def test_clause_and_element_extents():
    switch = parse("switch ($x) { 1 { 'a' } }").end[0]
    assert switch.clauses[0].extent.text == "1 { 'a' }"
    command = parse("Get-X -List 1,2,$y.z -Sw:$false").end[0].elements[0]
    assert [e.extent.text for e in command.elements] == [
        "Get-X", "-List", "1,2,$y.z", "-Sw:$false"]


MULTI_LINE = """# comment
$h = @{
    Name = 'a'   # trailing comment
    Size = 20MB
}
if ($h.Size -gt 1MB) {
    Get-X -Name $h.Name `
        -Verbose
}
else {
    @"
body $($h.Name)
"@
}
try { 1 }
catch { 2 }
"""


def test_crlf_and_lf_scripts_parse_alike():
    from test_parse_support import render

    lf = render(parse(MULTI_LINE).end)
    assert lf == render(parse(MULTI_LINE.replace("\n", "\r\n")).end)
    assert lf.startswith("$h = @{Name='a'; Size=#20971520}; if((gt $h.Size #1048576))")


@pytest.mark.parametrize("text, type_name, body_count", [
    ("trap { 'x'; continue }", None, 2), ("trap [System.Exception] { }", "System.Exception", 0),
    # the grammar allows new lines around the type literal
    ("trap\n[DivideByZeroException]\n{ 1 }", "DivideByZeroException", 1),
])
def test_trap_statement(text, type_name, body_count):
    trap = parse(text).end[0]
    assert isinstance(trap, ast.TrapStatementAst)
    assert trap.type_name == type_name and len(trap.body) == body_count
