"""Parse errors: PowerShell's error ids, positions and the incomplete-input flag.

The cases live in tests/data/parse_errors.tsv, one per line:
``input<TAB>ErrorId<TAB>line<TAB>column<TAB>incomplete``; in the input column
``\\n`` stands for a newline and ``\\t`` for a tab, ``#`` starts a comment line.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from exshell.errors import MESSAGES, ParseError
from exshell.language.parser import is_incomplete, parse

TABLE = Path(__file__).resolve().parents[1] / "data" / "parse_errors.tsv"


def _rows() -> list[tuple[str, str, int, int, bool]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        text, error_id, row, column, incomplete = line.split("\t")
        text = text.replace("\\n", "\n").replace("\\t", "\t")
        rows.append((text, error_id, int(row), int(column), incomplete == "true"))
    return rows


@pytest.mark.parametrize("text, error_id, line, column, incomplete", _rows())
def test_parse_error_table(text, error_id, line, column, incomplete):
    with pytest.raises(ParseError) as caught:
        parse(text)
    record = caught.value.errors[0]
    assert record.error_id == error_id
    assert (record.extent.start_line, record.extent.start_column) == (line, column)
    assert caught.value.incomplete is incomplete
    assert is_incomplete(text) is incomplete


def test_every_table_id_has_a_message():
    assert {row[1] for row in _rows()} <= set(MESSAGES)


@pytest.mark.parametrize("text, message", [
    ("1 +", "You must provide a value expression following the '+' operator."),
    ("'abc", "The string is missing the terminator: '."),
    ('"abc', 'The string is missing the terminator: ".'),
    ("{", "Missing closing '}' in statement block or type definition."),
    ("gcm -a:", "Parameter -a: requires an argument."),
    ("1 2", "Unexpected token '2' in expression or statement."),
    ("@{a=1;A=2}", "Duplicate keys 'A' are not allowed in hash literals."),
    ("0xFFFFy", "The numeric constant 0xFFFFy is not valid."),
])
def test_messages_are_powershells(text, message):
    with pytest.raises(ParseError) as caught:
        parse(text)
    assert caught.value.errors[0].message == message


def test_parse_error_records_are_parser_errors():
    with pytest.raises(ParseError) as caught:
        parse("1 +")
    record = caught.value.errors[0]
    assert record.is_parse_error
    assert record.category == "ParserError"
    assert record.fully_qualified_error_id == "ExpectedValueExpression"


@pytest.mark.parametrize("text", [
    "Get-X `", "Get-X `\n", "Get-X |", "if ($x) {", "'open", "@\"\nbody", "(1 +", "1 -and",
    "$h = @{", "<# comment",
])
def test_console_continuation_inputs_are_incomplete(text):
    assert is_incomplete(text)


@pytest.mark.parametrize("text", ["Get-X", "1 2", "", "if ($x) { 1 }", ")", "gcm -a:"])
def test_complete_or_wrong_inputs_are_not_incomplete(text):
    assert not is_incomplete(text)
