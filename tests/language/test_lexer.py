"""Tokenizer behaviour seen through the parse tree: command mode vs expression
mode, generic tokens, parameters, numbers, comments and continuations
(powershell_language.md section 1)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from exshell.language import ast
from exshell.language.lexer_literals import BAD_NUMBER, scan_number
from exshell.language.parser import parse
from exshell.language.values import BigInteger, Byte, Int16, Int64, SByte, UInt16, UInt32, UInt64
from test_parse_support import shape


def command_elements(text: str) -> list:
    pipeline = parse(text).end[0]
    return pipeline.elements[0].elements


@pytest.mark.parametrize("text, expected", [
    # generic tokens: only whitespace and & ( ) , ; { | } end a bareword
    ("echo *.contoso.com", "cmd(echo *.contoso.com)"),
    ("echo 192.168.10.1", "cmd(echo 192.168.10.1)"),
    ("echo C:\\x\\y", "cmd(echo C:\\x\\y)"),
    ("echo contoso.com:25", "cmd(echo contoso.com:25)"),
    ("echo a#b", "cmd(echo a#b)"),
    ("echo a #b", "cmd(echo a)"),
    ("echo 10.1.1.1,10.1.1.2", "cmd(echo [10.1.1.1, 10.1.1.2])"),
    ("echo a,b c", "cmd(echo [a, b] c)"),
    ("echo a=b<c>", "cmd(echo a=b<c>)"),
    ("echo [int]", "cmd(echo [int])"),
    ("echo a(b)", "cmd(echo a paren(cmd(b)))"),
    ("echo a;echo b", "cmd(echo a); cmd(echo b)"),
    ("echo a|echo", "cmd(echo a) | cmd(echo)"),
    ("New-SendConnector -Name x", "cmd(New-SendConnector -Name x)"),
    ("echo a\"b c\"d", "cmd(echo ab cd)"),
    ("echo a'b c'd", "cmd(echo ab cd)"),
    ("echo a$x", 'cmd(echo expand("a" $x))'),
    ("echo $x-y", 'cmd(echo expand($x "-y"))'),
    ("echo a`,b", "cmd(echo a,b)"),
    # keywords in argument position are plain strings
    ("echo if in default foreach", "cmd(echo if in default foreach)"),
    ("gci | foreach { $_ }", "cmd(gci) | cmd(foreach {$_})"),
    ("gci | % { $_ } | ? { $_ }", "cmd(gci) | cmd(% {$_}) | cmd(? {$_})"),
    # numbers in argument mode are numbers only when a terminator follows
    ("echo 20MB", "cmd(echo #20971520)"),
    ("echo 20M 7z.exe 1.5GBx 1_6", "cmd(echo 20M 7z.exe 1.5GBx 1_6)"),
    ("echo 0x10 1e3 .5", "cmd(echo #16 #1000.0:float #0.5:float)"),
    ("echo -5 +5", "cmd(echo -5 +5)"),
    ("echo 500sgb", "cmd(echo 500sgb)"),
    ("echo 2+2", "cmd(echo 2+2)"),
    ("Write-Output $a + 1", "cmd(Write-Output $a + #1)"),
    # primary expressions as arguments
    ("echo $a.b $x[0] (1+2) $(3) @(4) @{a=1} {5}",
     "cmd(echo $a.b $x[#0] paren((+ #1 #2)) $(#3) @(#4) @{a=#1} {#5})"),
    ("echo $a .b", "cmd(echo $a .b)"),
    ("echo \"abc\".Length", 'cmd(echo "abc".Length)'),
    ("echo $s.Replace('a','b')", "cmd(echo $s.Replace('a', 'b'))"),
    ("echo (Get-Date).Year", "cmd(echo paren(cmd(Get-Date)).Year)"),
    # splatting
    ("echo @args @h", "cmd(echo @args @h)"),
    ("echo a@b", "cmd(echo a@b)"),
])
def test_command_mode_tokens(text, expected):
    assert shape(text) == expected


@pytest.mark.parametrize("text, name, argument", [
    ("gcm -Name", "Name", None),
    ("gcm -IPv6Address", "IPv6Address", None),
    ("gcm \u2013Name", "Name", None),
    ("gcm \u2014Name", "Name", None),
    ("gcm \u2015Name", "Name", None),
    ("gcm -_x", "_x", None),
    ("gcm -Foo=bar", "Foo=bar", None),
    ("gcm -Name:value", "Name", "value"),
    ("gcm -Name:$false", "Name", "$false"),
    ("gcm -Name: 1,2", "Name", "[#1, #2]"),
    ("gcm -Name:(1+2)", "Name", "paren((+ #1 #2))"),
])
def test_parameters(text, name, argument):
    parameter = command_elements(text)[1]
    assert isinstance(parameter, ast.CommandParameterAst)
    assert parameter.name == name
    assert (None if parameter.argument is None else
            shape(f"echo {parameter.argument.extent.text}").removeprefix("cmd(echo ")[:-1]
            if argument != "value" else parameter.argument.value) == argument


def test_parameter_keeps_its_written_text_and_extent():
    parameter = command_elements("Get-X \u2013Identity:abc")[1]
    assert parameter.text == "\u2013Identity:"
    assert parameter.extent.text == "\u2013Identity:abc"


@pytest.mark.parametrize("text, expected", [
    ("echo - a", "cmd(echo - a)"),
    ("echo -- -x -y", "cmd(echo -x -y)"),
    ("echo -5", "cmd(echo -5)"),
    ("echo -foo\"bar\"", "cmd(echo -foobar)"),
    ("echo -a -- -b | echo -c", "cmd(echo -a -b) | cmd(echo -c)"),
    # stop-parsing: the rest of the line is one verbatim argument
    ("echo --% a b $x \"c\"", 'cmd(echo a b $x "c")'),
    ("echo --%", "cmd(echo)"),
    ("echo --% a | sort", "cmd(echo a) | cmd(sort)"),
    ("echo --% a\necho b", "cmd(echo a); cmd(echo b)"),
    ("echo --%a", "cmd(echo --%a)"),
])
def test_dash_arguments(text, expected):
    assert shape(text) == expected


@pytest.mark.parametrize("text, value, kind", [
    ("1", 1, int), ("2147483647", 2147483647, int), ("2147483648", 2147483648, Int64),
    ("9223372036854775808", Decimal("9223372036854775808"), Decimal),
    ("100000000000000000000000000000", 1e29, float),
    ("0x10", 16, int), ("0XfF", 255, int), ("0x1d", 29, int),
    ("0x80000000", -2147483648, int), ("0xFFFFFFFF", -1, int),
    ("0x100000000", 4294967296, Int64), ("0xFFFFFFFFFFFFFFFF", -1, int),
    ("1.5", 1.5, float), (".5", 0.5, float), ("1e3", 1000.0, float), ("5e-2", 0.05, float),
    ("5e\u20132", 0.05, float), ("1.", 1.0, float),
    ("10l", 10, Int64), ("10L", 10, Int64), ("1.5d", Decimal("1.5"), Decimal), ("1d", Decimal(1), Decimal),
    ("5n", 5, BigInteger), ("5s", 5, Int16), ("5y", 5, SByte), ("5u", 5, UInt32),
    ("5000000000u", 5000000000, UInt64), ("5ul", 5, UInt64), ("5us", 5, UInt16), ("5uy", 5, Byte),
    ("1kb", 1024, int), ("1KB", 1024, int), ("20MB", 20971520, int), ("2gb", 2147483648, Int64),
    ("1tb", 1 << 40, Int64), ("1pb", 1 << 50, Int64), ("1.5GB", 1610612736.0, float),
    ("1lkb", 1024, Int64), ("1dkb", Decimal(1024), Decimal), ("1ulkb", 1024, UInt64),
])
def test_number_values_and_types(text, value, kind):
    end, result = scan_number(text, 0)
    assert end == len(text)
    assert result == value and type(result) is kind


@pytest.mark.parametrize("text", ["0xFFFFy", "500sgb", "1uykb", "300uy", "1.5l"])
def test_out_of_range_numbers_are_bad(text):
    assert scan_number(text, 0)[1] is BAD_NUMBER


@pytest.mark.parametrize("text, consumed", [("20M", 2), ("1ll", 2), ("1..5", 1), ("1_6", 1)])
def test_number_scan_stops_before_non_number_text(text, consumed):
    assert scan_number(text, 0)[0] == consumed


def test_numeric_constant_keeps_source_text():
    constant = parse("$x = 20MB").end[0].value.elements[0].expression
    assert (constant.value, constant.text) == (20971520, "20MB")


@pytest.mark.parametrize("text, expected", [
    ("1+1", "(+ #1 #1)"),
    ("1..5", "(.. #1 #5)"),
    ("7z.exe", "cmd(7z.exe)"),
    ("-5", "#-5"),
    ("-2147483648", "#-2147483648"),
    ("- 5", "(-u #5)"),
    ("$x -5", "(- $x #5)"),
    ("1 -band 3", "(band #1 #3)"),
])
def test_statement_start_numbers(text, expected):
    assert shape(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("'abc'", "'abc'"),
    ("'it''s'", "'it's'"),
    ("\u2018smart\u2019", "'smart'"),
    ("'it\u2019s'", None),  # ends at the smart quote, leaving s' unterminated
    ('"abc"', '"abc"'),
    ('"say ""hi"""', '"say "hi""'),
    ('\u201csmart\u201d', '"smart"'),
    ('"\u201equote\u201d"', None),
    ('"tab`there"', '"tab\there"'),
    ('"`0`a`b`e`f`n`r`t`v"', '"\0\a\b\x1b\f\n\r\t\v"'),
    ('"`u{263A}"', '"\u263a"'),
    ('"`$x`"`q"', '"$x"q"'),
    ("'no `t escape'", "'no `t escape'"),
    ('"cost: $"', '"cost: $"'),
    ('"a $x b"', 'expand("a " $x " b")'),
    ('"${a b}!"', 'expand($a b "!")'),
    ('"$env:PATH;"', 'expand($env:PATH ";")'),
    ('"$host:8080"', "expand($host:8080)"),
    ('"$x.Name"', 'expand($x ".Name")'),
    ('"$($x.Name)"', "expand($($x.Name))"),
    ('"a $("b") c"', 'expand("a " $("b") " c")'),
    ('"$_ and $$"', 'expand($_ " and " $$)'),
])
def test_strings(text, expected):
    if expected is None:
        with pytest.raises(Exception):
            parse(text)
        return
    assert shape(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("@'\nline1\nline2\n'@", "@'line1\nline2'@"),
    ("@'  \r\nverbatim $x `t\r\n'@", "@'verbatim $x `t'@"),
    ("@'\n'@", "@''@"),
    ('@"\nvalue $x `t ""q""\n"@', r'expand("value " $x " \t ""q""")'),
    ('@"\nplain\n"@', '@"plain"@'),
    ("@\u201c\nsmart\n\u201d@", '@"smart"@'),
])
def test_here_strings(text, expected):
    assert shape(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("echo a # comment", "cmd(echo a)"),
    ("echo a <# block\n comment #> b", "cmd(echo a b)"),
    ("# only a comment", ""),
    ("echo a`\nb", "cmd(echo a b)"),
    ("echo a`\r\nb", "cmd(echo a b)"),
    ("echo a ` \nb", "cmd(echo a); cmd(b)"),
    ("echo a\n\n\necho b", "cmd(echo a); cmd(echo b)"),
    ("echo a\r\necho b", "cmd(echo a); cmd(echo b)"),
    ("1 +\n2", "(+ #1 #2)"),
    ("1 -eq\n1", "(eq #1 #1)"),
    ("gci |\n  sort", "cmd(gci) | cmd(sort)"),
    ("echo a,\n b", "cmd(echo [a, b])"),
    ("$x =\n 5", "$x = #5"),
    ("(\n1\n)", "paren(#1)"),
    ("@(\n1\n2\n)", "@(#1; #2)"),
    ("\ufeffecho bom", "cmd(echo bom)"),
])
def test_comments_continuations_and_newlines(text, expected):
    assert shape(text) == expected
