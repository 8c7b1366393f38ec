"""Measure-Object and Group-Object through the engine."""
from __future__ import annotations

import pytest

from test_utility_kit import shell  # noqa: F401 - fixture


def props(value):
    return dict(value.ps_properties().items())


def test_measure_counts_objects(shell):
    result = shell.ok("1..4 | Measure-Object").values[0]
    assert props(result) == {"Count": 4, "Average": None, "Sum": None, "Maximum": None,
                             "Minimum": None, "Property": None}


def test_measure_statistics_of_a_property(shell):
    result = props(shell.ok("$people | measure Size -Sum -Average -Maximum -Minimum").values[0])
    assert result == {"Count": 3, "Average": 22 / 3, "Sum": 22.0, "Maximum": 12.0, "Minimum": 3.0,
                      "Property": "Size"}


def test_measure_prints_the_list_view(shell):
    assert shell.ok("1,2,3 | measure -Sum").text == (
        "\nCount    : 3\nAverage  :\nSum      : 6\nMaximum  :\nMinimum  :\nProperty :\n\n\n")


def test_measure_missing_property_is_an_error(shell):
    outcome = shell.run("$people | measure Nope")
    assert 'The property "Nope" cannot be found in the input for any objects.' in outcome.errors


def test_measure_non_numeric_input(shell):
    outcome = shell.run("'a' | measure -Sum")
    assert 'Input object "a" is not numeric.' in outcome.errors


def test_measure_text(shell):
    result = props(shell.ok("'one two', 'three' | measure -Line -Word -Character").values[0])
    assert (result["Lines"], result["Words"], result["Characters"]) == (2, 3, 12)


def test_group_by_property_in_order_of_first_appearance(shell):
    groups = shell.ok("$people | Group-Object Kind").values
    assert [(g.get("Name"), g.get("Count"), [p.get("Name") for p in g.get("Group")]) for g in groups] == \
        [("a", 2, ["alpha", "gamma"]), ("b", 1, ["beta"])]


def test_group_table_view(shell):
    assert shell.ok("'a','b','a' | group").text == (
        "\nCount Name                      Group\n"
        "----- ----                      -----\n"
        "    2 a                         {a, a}\n"
        "    1 b                         {b}\n\n\n")


@pytest.mark.parametrize("script, names", [
    ("'a','A','b' | group", ["a", "b"]),
    ("'a','A','b' | group -CaseSensitive", ["a", "A", "b"]),
    ("$people | group { $_.Size -gt 5 }", ["True", "False"]),
    ("$people | group Kind, { $_.Size -gt 5 }", ["a, True", "b, False"]),
])
def test_group_keys(shell, script, names):
    assert [g.get("Name") for g in shell.ok(script).values] == names


def test_group_no_element_and_hashtable(shell):
    group = shell.ok("$people | group Kind -NoElement").values[0]
    assert "Group" not in group.ps_properties() and group.get("Count") == 2
    table = shell.ok("$people | group Kind -AsHashTable").values[0]
    assert [p.get("Name") for p in table["a"]] == ["alpha", "gamma"]
