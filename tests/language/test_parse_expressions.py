"""Expressions: precedence, operators, members, indexing, casts, literals
(powershell_language.md section 2)."""
from __future__ import annotations

import pytest

from exshell.language import ast
from exshell.language.parser import parse
from test_parse_support import shape


@pytest.mark.parametrize("text, expected", [
    # precedence, lowest first: logical < bitwise < comparison < additive <
    # multiplicative < -f < .. < , < unary
    ("1 + 2 * 3", "(+ #1 (* #2 #3))"),
    ("1 * 2 + 3", "(+ (* #1 #2) #3)"),
    ("1 - 2 - 3", "(- (- #1 #2) #3)"),
    ("8 / 2 % 3", "(% (/ #8 #2) #3)"),
    ("1 + 2 -eq 3", "(eq (+ #1 #2) #3)"),
    ("$a -eq 1 -and $b -ne 2", "(and (eq $a #1) (ne $b #2))"),
    ("$a -or $b -and $c", "(and (or $a $b) $c)"),
    ("1 -band 2 -eq 2", "(band #1 (eq #2 #2))"),
    ("$a -and 1 -bor 2", "(and $a (bor #1 #2))"),
    ("'{0}' -f 1 + 2", "(+ (f '{0}' #1) #2)"),
    ("1..3 -f 2", "(f (.. #1 #3) #2)"),
    ("1,2 + 3,4", "(+ [#1, #2] [#3, #4])"),
    ("1,2..3", "(.. [#1, #2] #3)"),
    ("1, 2, 3", "[#1, #2, #3]"),
    ("(1, 2), 3", "[paren([#1, #2]), #3]"),
    (", 1", "(,u #1)"),
    ("-not $a -eq $b", "(eq (notu $a) $b)"),
    ("!$a", "(!u $a)"),
    ("-bnot 5", "(bnotu #5)"),
    ("-split 'a b'", "(splitu 'a b')"),
    ("-join $a", "(joinu $a)"),
    ("$a -split ','", "(split $a ',')"),
    ("$a -csplit ','", "(csplit $a ',')"),
    ("$a -join ','", "(join $a ',')"),
    ("- $x", "(-u $x)"),
    ("+ $x", "(+u $x)"),
    ("$x++", "(post++u $x)"),
    ("$x--", "(post--u $x)"),
    ("++$x", "(++u $x)"),
    ("--$x", "(--u $x)"),
    ("1 - -5", "(- #1 #-5)"),
    ("1 \u2013 2", "(- #1 #2)"),
    ("$a \u2013eq 1", "(eq $a #1)"),
])
def test_operator_precedence(text, expected):
    assert shape(text) == expected


@pytest.mark.parametrize("operator", [
    "eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch", "contains",
    "notcontains", "in", "notin", "replace",
])
@pytest.mark.parametrize("prefix", ["", "c", "i"])
def test_comparison_operators_normalise_to_lower_case(operator, prefix):
    node = parse(f"$a -{(prefix + operator).upper()} $b").end[0].elements[0].expression
    assert isinstance(node, ast.BinaryExpressionAst)
    assert node.operator == prefix + operator


@pytest.mark.parametrize("text, expected", [
    ("$x -is [string]", "(is $x [string])"),
    ("$x -isnot [int]", "(isnot $x [int])"),
    ("$x -as [int]", "(as $x [int])"),
    ("$a -xor $b", "(xor $a $b)"),
    ("$a -bxor $b", "(bxor $a $b)"),
    ("$x -replace 'a','b'", "(replace $x ['a', 'b'])"),
])
def test_other_binary_operators(text, expected):
    assert shape(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("$x.Name", "$x.Name"),
    ("$x.Name.Length", "$x.Name.Length"),
    ("$x.$name", "$x.$name"),
    ("$x.'odd name'", "$x.odd name"),
    ("$s.ToUpper()", "$s.ToUpper()"),
    ("$s.Replace('a', 'b')", "$s.Replace('a', 'b')"),
    ("$s.Split(',')[0]", "$s.Split(',')[#0]"),
    ("$x.GetType().FullName", "$x.GetType().FullName"),
    ("[string]::Join(',', $a)", "[string]::Join(',', $a)"),
    ("[math]::Round(2.5)", "[math]::Round(#2.5:float)"),
    ("[math]::Max($a + 1, $b)", "[math]::Max((+ $a #1), $b)"),
    ("[int]::MaxValue", "[int]::MaxValue"),
    ("[datetime]::Now", "[datetime]::Now"),
    ("$x::MaxValue", "$x::MaxValue"),
    ("$a[0]", "$a[#0]"),
    ("$a[-1]", "$a[#-1]"),
    ("$a[1..3]", "$a[(.. #1 #3)]"),
    ("$a[0,2]", "$a[[#0, #2]]"),
    ("$h['key']", "$h['key']"),
    ("$a[0][1]", "$a[#0][#1]"),
    ("$a[0].Name", "$a[#0].Name"),
    ("'abc'.Length", "'abc'.Length"),
    ("(1,2).Count", "paren([#1, #2]).Count"),
    ("@(1).Count", "@(#1).Count"),
    ("@{a=1}.a", "@{a=#1}.a"),
    ("$x.end", "$x.end"),
    ("$x.if", "$x.if"),
    ("$(1).x", "$(#1).x"),
])
def test_member_access_indexing_and_calls(text, expected):
    assert shape(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("[int]", "[int]"),
    ("[int]'42'", "cast[int]('42')"),
    ("[int] '42'", "cast[int]('42')"),
    ("[int]-5", "cast[int](#-5)"),
    ("[string[]]$x", "cast[string[]]($x)"),
    ("[int[,]]$x", "cast[int[,]]($x)"),
    ("[System.Collections.Generic.List[string]]$x", "cast[System.Collections.Generic.List[string]]($x)"),
    ("[System.Collections.Generic.Dictionary[string, int]]::new()",
     "[System.Collections.Generic.Dictionary[string, int]]::new()"),
    ("[ordered]@{a=1; b=2}", "cast[ordered](@{a=#1; b=#2})"),
    ("[bool]$x -and $y", "(and cast[bool]($x) $y)"),
    ("[int][string]5", "cast[int](cast[string](#5))"),
    ("[ int ]5", "cast[int](#5)"),
])
def test_types_and_casts(text, expected):
    assert shape(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("$true", "$true"),
    ("$null", "$null"),
    ("$env:PATH", "$env:PATH"),
    ("$script:x", "$script:x"),
    ("$global:y", "$global:y"),
    ("${a b}", "$a b"),
    ("$_", "$_"),
    ("$?", "$?"),
    ("$$", "$$"),
    ("$^", "$^"),
    ("@()", "@()"),
    ("@(1; 2)", "@(#1; #2)"),
    ("$(1; 2)", "$(#1; #2)"),
    ("(1)", "paren(#1)"),
    ("($x = 5)", "paren($x = #5)"),
    ("{ $_ }", "{$_}"),
    ("{}", "{}"),
    ("{ param($a) $a }", "{param($a) $a}"),
])
def test_primary_expressions(text, expected):
    assert shape(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("@{}", "@{}"),
    ("@{ a = 1 }", "@{a=#1}"),
    ("@{ a = 1; b = 2 }", "@{a=#1; b=#2}"),
    ("@{ a = 1\n b = 2 }", "@{a=#1; b=#2}"),
    ("@{\n a = 1\n\n b = 2\n}", "@{a=#1; b=#2}"),
    ("@{ 'Content-Type' = 'x' }", "@{'Content-Type'='x'}"),
    ("@{ \"k\" = 1 }", '@{"k"=#1}'),
    ("@{ 1 = 'one' }", "@{#1='one'}"),
    ("@{ $k = 1 }", "@{$k=#1}"),
    ("@{ (1+1) = 2 }", "@{paren((+ #1 #1))=#2}"),
    ("@{ a = Get-Date }", "@{a=cmd(Get-Date)}"),
    ("@{ a = 1, 2 }", "@{a=[#1, #2]}"),
    ("@{ a = if ($x) { 1 } }", "@{a=if($x){#1}}"),
    ("@{ a = @{ b = 1 } }", "@{a=@{b=#1}}"),
    ("@{ a = { $_ } }", "@{a={$_}}"),
    ("@{ if = 1; in = 2 }", "@{if=#1; in=#2}"),
    ("@{ Name = $item.Name; Size = 1 }", "@{Name=$item.Name; Size=#1}"),
])
def test_hashtables(text, expected):
    assert shape(text) == expected


def test_expression_extents_cover_their_text():
    node = parse("$a.b($c) + [int]'5'").end[0].elements[0].expression
    assert node.extent.text == "$a.b($c) + [int]'5'"
    assert node.left.extent.text == "$a.b($c)"
    assert node.right.extent.text == "[int]'5'"


def test_extent_line_and_column():
    node = parse("\n  $x = 1").end[0]
    assert (node.extent.start_line, node.extent.start_column) == (2, 3)
