"""Format-Table/-List/-Wide and the Out-* cmdlets through the engine."""
from __future__ import annotations

import pytest

from exshell.host.format import FormatDocument
from test_utility_kit import UtilityShell, people, shell  # noqa: F401 - fixture


def test_format_list_all_properties(shell):
    assert shell.ok("$people | select -First 2 | Format-List").text == (
        "\nName : alpha\nSize : 12\nKind : a\n\nName : beta\nSize : 3\nKind : b\n\n\n")


def test_format_list_chosen_and_wildcard_properties(shell):
    assert shell.ok("$people | select -First 1 | fl Name, S*").text == "\nName : alpha\nSize : 12\n\n\n"
    assert shell.ok("$people | select -First 1 | fl *").text.count(" : ") == 3


def test_format_table_properties_autosize(shell):
    assert shell.ok("$people | Format-Table Name, Kind -AutoSize").text == (
        "\nName  Kind\n----  ----\nalpha a\nbeta  b\ngamma a\n\n\n")


def test_format_table_calculated_column_with_width_and_alignment(shell):
    text = shell.ok("$people | ft Name, @{Label='Twice'; Expression={ $_.Size * 2 }; Width=7; "
                    "Alignment='Left'}").text
    assert text.split("\n")[1:5] == ["Name  Twice", "----  -----", "alpha 24", "beta  6"]


def test_format_table_hide_headers_and_wrap(shell):
    assert shell.ok("$people | ft Name -HideTableHeaders").text == "\nalpha\nbeta\ngamma\n\n\n"
    shell.set("long", __import__("exshell.language.values", fromlist=["PSObject"]).PSObject(
        [("Name", "n"), ("Note", "word " * 30)]))
    wrapped = shell.ok("$long | ft Name, Note -Wrap").text
    assert "..." not in wrapped and len(wrapped.strip("\n").split("\n")) > 3


def test_format_table_group_by(shell):
    text = shell.ok("$people | sort Kind | ft Name -GroupBy Kind").text
    assert text == ("\n   Kind: a\n\nName\n----\nalpha\ngamma\n\n\n"
                    "\n   Kind: b\n\nName\n----\nbeta\n\n\n")


def test_format_wide_columns(shell):
    assert shell.ok("$people | Format-Wide Name -Column 3").text.split("\n")[1].split() == \
        ["alpha", "beta", "gamma"]


def test_format_cmdlets_emit_format_documents(shell):
    values = shell.ok("$people | fl").values
    assert len(values) == 1 and isinstance(values[0], FormatDocument)


def test_strings_pass_through_format_table(shell):
    assert shell.ok("'a','b' | ft").text == "a\nb\n"


def test_out_string_renders_once_with_width():
    wide = UtilityShell(width=200)
    wide.set("people", people())
    text = wide.ok("$people | fl | Out-String").values
    assert text == ["\nName : alpha\nSize : 12\nKind : a\n\nName : beta\nSize : 3\nKind : b\n\n"
                    "Name : gamma\nSize : 7\nKind : a\n\n\n"]
    narrow = wide.ok("[pscustomobject]@{Name='x' * 50; Id=1} | ft -AutoSize | Out-String -Width 30").values[0]
    assert max(len(line) for line in narrow.split("\n")) <= 29


def test_out_string_stream_gives_lines(shell):
    assert shell.ok("$people | ft Name | Out-String -Stream").values == \
        ["", "Name", "----", "alpha", "beta", "gamma"]


def test_out_null_discards(shell):
    assert shell.ok("1..3 | Out-Null").values == []


def test_out_default_and_out_host_print_on_the_host(shell):
    outcome = shell.ok("$people | select -First 1 Name | Out-Default; 'x' | Out-Host")
    assert outcome.values == []
    assert outcome.host == "\nName\n----\nalpha\n\n\nx\n"


def test_out_file_writes_formatted_text(shell, tmp_path):
    path = tmp_path / "out.txt"
    shell.ok(f"$people | ft Name | Out-File '{path}'")
    assert path.read_text() == "\nName\n----\nalpha\nbeta\ngamma\n\n\n"
    shell.ok(f"'more' | Out-File '{path}' -Append")
    assert path.read_text().endswith("gamma\n\n\nmore\n")


@pytest.mark.parametrize("encoding, head", [
    ("Unicode", b"\xff\xfeh\x00"), ("UTF8", b"\xef\xbb\xbfh"), ("ASCII", b"h"), ("UTF8NoBOM", b"h"),
])
def test_out_file_encodings(shell, tmp_path, encoding, head):
    path = tmp_path / "e.txt"
    shell.ok(f"'hi' | Out-File '{path}' -Encoding {encoding}")
    assert path.read_bytes().startswith(head)


def test_out_file_no_clobber(shell, tmp_path):
    path = tmp_path / "keep.txt"
    path.write_text("old")
    outcome = shell.run(f"'new' | Out-File '{path}' -NoClobber")
    assert "already exists" in outcome.errors and path.read_text() == "old"


def test_format_list_of_an_error_record(shell):
    shell.run("Write-Error 'boom' -ErrorId Broken")
    text = shell.ok("$Error[0] | Format-List * -Force").text
    assert "Exception             : Microsoft.PowerShell.Commands.WriteErrorException: boom\n" in text
    assert "CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException\n" in text
    assert shell.ok("$Error[0] | select -ExpandProperty Exception | % Message").values == ["boom"]


def test_hashtables_format_as_name_value_entries(shell):
    assert shell.ok("@{Port=25} | Format-List").text == "\nName  : Port\nValue : 25\n\n\n"
    assert shell.ok("@{Port=25} | ft -AutoSize").text == "\nName Value\n---- -----\nPort 25\n\n\n"


def test_format_enumeration_limit_is_honoured(shell):
    shell.set("box", __import__("exshell.language.values", fromlist=["PSObject"]).PSObject(
        [("Items", [1, 2, 3, 4, 5, 6])]))
    assert shell.ok("$box | fl").text == "\nItems : {1, 2, 3, 4...}\n\n\n"
    assert shell.ok("$FormatEnumerationLimit = -1; $box | fl").text == "\nItems : {1, 2, 3, 4, 5, 6}\n\n\n"
    assert shell.ok("$FormatEnumerationLimit = 2; $box | Out-String").values == ["\nItems\n-----\n{1, 2...}\n\n\n"]
