"""Where-Object, ForEach-Object, Select-Object, Sort-Object through the engine."""
from __future__ import annotations

import pytest

from test_utility_kit import shell  # noqa: F401 - fixture


def names(outcome):
    return [v.get("Name") if hasattr(v, "get") else v for v in outcome.values]


@pytest.mark.parametrize("script, expected", [
    ("1..5 | Where-Object { $_ -gt 3 }", [4, 5]),
    ("1..5 | ? { $_ % 2 }", [1, 3, 5]),
    ("1..5 | where { $PSItem -le 2 }", [1, 2]),
    ("'abc','de','' | Where-Object Length -gt 2", ["abc"]),
    ("'abc','de','' | where Length", ["abc", "de"]),
    ("'abc','de' | where Length -eq 2", ["de"]),
    ("'abc','de' | Where-Object -Property Length -EQ -Value 3", ["abc"]),
    ("'Mail','mail2','x' | where { $_ } | where Length -ge 4", ["Mail", "mail2"]),
])
def test_where_object_forms(shell, script, expected):
    assert shell.ok(script).values == expected


@pytest.mark.parametrize("operator, value, expected", [
    ("-eq", "'ALPHA'", ["alpha"]),
    ("-ceq", "'ALPHA'", []),
    ("-ne", "'alpha'", ["beta", "gamma"]),
    ("-like", "'*a'", ["alpha", "beta", "gamma"]),
    ("-notlike", "'g*'", ["alpha", "beta"]),
    ("-match", "'^[ab]'", ["alpha", "beta"]),
    ("-notmatch", "'ta$'", ["alpha", "gamma"]),
    ("-in", "'beta','gamma'", ["beta", "gamma"]),
    ("-notin", "'beta','gamma'", ["alpha"]),
    ("-clike", "'A*'", []),
])
def test_where_property_operators(shell, operator, value, expected):
    assert names(shell.ok(f"$people | Where-Object Name {operator} {value}")) == expected


@pytest.mark.parametrize("operator, value, expected", [
    ("-gt", "5", ["alpha", "gamma"]), ("-lt", "5", ["beta"]), ("-ge", "7", ["alpha", "gamma"]),
    ("-le", "7", ["beta", "gamma"]),
])
def test_where_numeric_operators(shell, operator, value, expected):
    assert names(shell.ok(f"$people | where Size {operator} {value}")) == expected


def test_where_contains_on_a_collection_property(shell):
    shell.set("boxes", [__import__("exshell.language.values", fromlist=["PSObject"]).PSObject(
        [("Name", "a"), ("Tags", ["x", "y"])])])
    assert names(shell.ok("$boxes | where Tags -contains 'Y'")) == ["a"]
    assert shell.ok("$boxes | where Tags -notcontains 'y'").values == []


@pytest.mark.parametrize("script, expected", [
    ("1..3 | ForEach-Object { $_ * 10 }", [10, 20, 30]),
    ("1..2 | % { $_; $_ }", [1, 1, 2, 2]),
    ("1..2 | % -Begin { 'b' } -Process { $_ } -End { 'e' }", ["b", 1, 2, "e"]),
    ("1..2 | % { 'b' } { $_ } { 'e' }", ["b", 1, 2, "e"]),
    ("'ab','cde' | % Length", [2, 3]),
    ("'ab','cd' | ForEach-Object ToUpper", ["AB", "CD"]),
    ("'a-b' | % Split '-'", ["a", "b"]),
    ("'x' | % -MemberName Replace -ArgumentList 'x','y'", ["y"]),
    ("1,(2,3) | foreach { $_ }", [1, 2, 3]),
])
def test_foreach_object(shell, script, expected):
    assert shell.ok(script).values == expected


def test_select_properties_and_calculated(shell):
    outcome = shell.ok("$people | Select-Object Name, @{Name='Double'; Expression={ $_.Size * 2 }}")
    assert [(v.get("Name"), v.get("Double")) for v in outcome.values] == \
        [("alpha", 24), ("beta", 6), ("gamma", 14)]
    assert outcome.values[0].ps_type_names()[0] == "Selected.System.Management.Automation.PSCustomObject"


def test_select_calculated_with_short_keys_and_string_expression(shell):
    outcome = shell.ok("$people | select @{n='Who'; e='Name'}, @{l='S'; e={ $_.Size }} -First 1")
    assert list(outcome.values[0].ps_properties().items()) == [("Who", "alpha"), ("S", 12)]


@pytest.mark.parametrize("script, expected", [
    ("1..10 | Select-Object -First 3", [1, 2, 3]),
    ("1..10 | select -Last 2", [9, 10]),
    ("1..10 | select -Skip 8", [9, 10]),
    ("1..10 | select -First 2 -Skip 3", [4, 5]),
    ("1..5 | select -Index 0, 4", [1, 5]),
    ("1..10 | select -Last 2 -Skip 1", [8, 9]),
    ("1..10 | select -First 2 -Last 2", [1, 2, 9, 10]),
    ("1..3 | select -First 2 -Last 2", [1, 2, 3]),
    ("1..3 | select -Last 0", []),
    ("'a','b','a','A' | select -Unique", ["a", "b", "A"]),
])
def test_select_slicing(shell, script, expected):
    assert shell.ok(script).values == expected


def test_select_star_and_exclude(shell):
    outcome = shell.ok("$people | select * -ExcludeProperty Kind -First 1")
    assert list(outcome.values[0].ps_properties()) == ["Name", "Size"]
    outcome = shell.ok("$people | select N* -First 1")
    assert list(outcome.values[0].ps_properties()) == ["Name"]


def test_select_expand_property(shell):
    assert shell.ok("$people | Select-Object -ExpandProperty Name").values == ["alpha", "beta", "gamma"]
    shell.set("box", __import__("exshell.language.values", fromlist=["PSObject"]).PSObject(
        [("Items", [1, 2])]))
    assert shell.ok("$box | select -ExpandProperty Items").values == [1, 2]


def test_select_expand_missing_property_is_an_error(shell):
    outcome = shell.run("$people | select -ExpandProperty Nope")
    assert outcome.values == []
    assert 'Property "Nope" cannot be found.' in outcome.errors


def test_select_output_prints_as_table(shell):
    assert shell.ok("$people | select Name, Size").text == (
        "\nName  Size\n----  ----\nalpha   12\nbeta     3\ngamma    7\n\n\n")


@pytest.mark.parametrize("script, expected", [
    ("3,1,2 | Sort-Object", [1, 2, 3]),
    ("3,1,2 | sort -Descending", [3, 2, 1]),
    ("'b','A','a','c' | sort -Unique", ["A", "b", "c"]),
    ("'b','a','B' | sort -CaseSensitive -Unique", ["a", "b", "B"]),
    ("10, 9, 100 | sort", [9, 10, 100]),
    ("'10','9','100' | sort", ["10", "100", "9"]),
])
def test_sort_values(shell, script, expected):
    assert shell.ok(script).values == expected


def test_sort_by_property_and_expression(shell):
    assert names(shell.ok("$people | Sort-Object Size")) == ["beta", "gamma", "alpha"]
    assert names(shell.ok("$people | sort Size -Descending")) == ["alpha", "gamma", "beta"]
    assert names(shell.ok("$people | sort Kind, Name")) == ["alpha", "gamma", "beta"]
    assert names(shell.ok("$people | sort { $_.Name.Length }, Name")) == ["beta", "alpha", "gamma"]
    assert names(shell.ok("$people | sort @{Expression='Kind'; Descending=$true}, Name")) == \
        ["beta", "alpha", "gamma"]


def test_sort_is_stable_for_equal_keys(shell):
    assert names(shell.ok("$people | sort Kind")) == ["alpha", "gamma", "beta"]


def test_selected_objects_do_not_inherit_the_source_view(shell):
    from exshell.host.format import register_view

    class Model:
        def ps_properties(self):
            return {"Identity": "Conn", "Name": "Conn", "Enabled": True, "Port": 25, "Fqdn": "x"}

        def ps_type_names(self):
            return ["Test.SelectSource", "System.Object"]

    register_view("Test.SelectSource", table=["Identity", "Enabled"])
    shell.set("m", Model())
    outcome = shell.ok("$m | select Name, Port")
    assert outcome.values[0].ps_type_names() == [
        "Selected.Test.SelectSource", "System.Management.Automation.PSCustomObject", "System.Object"]
    assert outcome.text == "\nName Port\n---- ----\nConn   25\n\n\n"
