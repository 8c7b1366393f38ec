"""ConvertTo-/ConvertFrom-Json and the CSV cmdlets through the engine."""
from __future__ import annotations

from datetime import datetime

import pytest

from exshell.language.values import Int64, PSObject
from test_utility_kit import shell  # noqa: F401 - fixture


def test_convert_to_json_pretty(shell):
    assert shell.ok("$people | select -First 2 Name, Size | ConvertTo-Json").values == [
        '[\n  {\n    "Name": "alpha",\n    "Size": 12\n  },\n  {\n    "Name": "beta",\n    "Size": 3\n  }\n]']


@pytest.mark.parametrize("script, text", [
    ("@{a=1} | ConvertTo-Json -Compress", '{"a":1}'),
    ("ConvertTo-Json -InputObject @(1, 'x', $true, $null) -Compress", '[1,"x",true,null]'),
    ("1.5, 2.0 | ConvertTo-Json -Compress", "[1.5,2]"), ("(0.1 + 0.2) | ConvertTo-Json", "0.30000000000000004"),
    ("'quote\"back\\' | ConvertTo-Json", '"quote\\"back\\\\"'),
    ("@{} | ConvertTo-Json", "{}"),
    ("ConvertTo-Json -InputObject @() -Compress", "[]"),
    ("[datetime]'2018-01-05 15:00:00' | ConvertTo-Json", '"2018-01-05T15:00:00"'),
    ("1 | ConvertTo-Json -AsArray -Compress", "[1]"),
])
def test_convert_to_json_values(shell, script, text):
    assert shell.ok(script).values == [text]


def test_convert_to_json_depth_truncates_with_a_warning(shell):
    outcome = shell.run("@{a=@{b=@{c=@{d=1}}}} | ConvertTo-Json -Compress")
    assert outcome.values == ['{"a":{"b":{"c":"System.Collections.Hashtable"}}}']
    assert "Resulting JSON is truncated as serialization has exceeded the set depth of 2." in \
        outcome.host + outcome.errors
    assert shell.ok("@{a=@{b=@{c=@{d=1}}}} | ConvertTo-Json -Compress -Depth 5").values == \
        ['{"a":{"b":{"c":{"d":1}}}}']


def test_convert_from_json_objects(shell):
    values = shell.ok("'{\"Name\":\"a\",\"Cost\":5,\"Big\":5000000000,\"Tags\":[1,2],"
                      "\"When\":\"2018-01-05T15:00:00\",\"Sub\":{\"X\":null}}' | ConvertFrom-Json").values
    item = values[0]
    assert isinstance(item, PSObject)
    assert [item.get(k) for k in ("Name", "Cost", "Tags", "When")] == \
        ["a", 5, [1, 2], datetime(2018, 1, 5, 15, 0, 0)]
    assert isinstance(item.get("Big"), Int64)
    assert item.get("Sub").get("X") is None


def test_convert_from_json_array_enumerates_and_lines_join(shell):
    assert [v.get("a") for v in shell.ok("'[{\"a\":1},', '{\"a\":2}]' | ConvertFrom-Json").values] == [1, 2]
    table = shell.ok("'{\"a\":1}' | ConvertFrom-Json -AsHashtable").values[0]
    assert table["A"] == 1


def test_convert_from_json_bad_text(shell):
    outcome = shell.run("'{oops' | ConvertFrom-Json")
    assert "Conversion from JSON failed with error:" in outcome.errors


def test_json_round_trip(shell):
    assert shell.ok("($people | ConvertTo-Json | ConvertFrom-Json)[2].Name").values == ["gamma"]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_export_csv_writes_type_line_and_quotes(shell, folder):
    shell.ok("$people | Export-Csv p.csv")
    assert (folder / "p.csv").read_text() == (
        '#TYPE System.Management.Automation.PSCustomObject\n"Name","Size","Kind"\n'
        '"alpha","12","a"\n"beta","3","b"\n"gamma","7","a"\n')


def test_export_csv_without_type_and_with_delimiter(shell, folder):
    shell.ok("$people | select Name, Size -First 1 | Export-Csv p.csv -NoTypeInformation -Delimiter ';'")
    assert (folder / "p.csv").read_text() == '"Name";"Size"\n"alpha";"12"\n'


def test_export_csv_append_keeps_the_header(shell, folder):
    shell.ok("$people | select -First 1 | Export-Csv p.csv -NoTypeInformation")
    shell.ok("$people | select -Last 1 | Export-Csv p.csv -NoTypeInformation -Append")
    assert (folder / "p.csv").read_text() == \
        '"Name","Size","Kind"\n"alpha","12","a"\n"gamma","7","a"\n'


def test_import_csv(shell, folder):
    (folder / "d.csv").write_text('#TYPE Selected.Thing\n"Name","DomainName"\n"Contoso","contoso.com"\n'
                                  'Fabrikam,"fab,rikam.com"\n')
    values = shell.ok("Import-Csv d.csv").values
    assert [(v.get("Name"), v.get("DomainName")) for v in values] == \
        [("Contoso", "contoso.com"), ("Fabrikam", "fab,rikam.com")]
    assert values[0].ps_type_names()[0] == "CSV:Selected.Thing"
    assert shell.ok("Import-Csv d.csv | where Name -eq 'Contoso' | % DomainName").values == ["contoso.com"]


def test_import_csv_with_header_and_missing_file(shell, folder):
    (folder / "h.csv").write_text("a,b\n")
    assert [v.get("X") for v in shell.ok("Import-Csv h.csv -Header X, Y").values] == ["a"]
    assert "does not exist" in shell.run("Import-Csv nope.csv").errors


def test_convert_to_and_from_csv(shell):
    lines = shell.ok("$people | select Name, Size -First 2 | ConvertTo-Csv -NoTypeInformation").values
    assert lines == ['"Name","Size"', '"alpha","12"', '"beta","3"']
    values = shell.ok("'Name,Cost', 'a,5' | ConvertFrom-Csv").values
    assert [(v.get("Name"), v.get("Cost")) for v in values] == [("a", "5")]


def test_multi_valued_values_become_json_arrays(shell):
    class Multi:
        def __init__(self, *items):
            self.items = items

        def __iter__(self):
            return iter(self.items)

        def __str__(self):
            return "{" + ", ".join(self.items) + "}"

    shell.set("m", PSObject([("Spaces", Multi("SMTP:a;1", "SMTP:b;2"))]))
    assert shell.ok("$m | ConvertTo-Json -Compress").values == ['{"Spaces":["SMTP:a;1","SMTP:b;2"]}']
