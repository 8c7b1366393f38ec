"""The formatter on plain Python objects: exact text at widths 80 and 120."""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from exshell.errors import ErrorRecord
from exshell.host.format import (
    Column, FormatDocument, build_list, build_table, build_wide, display_value, format_default,
    get_property, register_view,
)
from exshell.host.format_layout import TableColumn, layout_list_entry, layout_table, truncate
from exshell.language.values import Hashtable, PSObject


def obj(*pairs, type_name=None):
    return PSObject(list(pairs), [type_name, "System.Object"] if type_name else None)


class Exchangey:
    """An object shaped like the store's models: ps_properties + ps_type_names."""

    def __init__(self, type_name, **properties):
        self._type = type_name
        self._properties = Hashtable(properties.items())

    def ps_properties(self):
        return self._properties

    def ps_type_names(self):
        return [self._type, "System.Object"]


class Multi:
    """Stands for an Exchange value with its own display text."""

    def __init__(self, *items):
        self.items = items

    def __iter__(self):
        return iter(self.items)

    def __str__(self):
        return "{" + ", ".join(self.items) + "}"


# ------------------------------------------------------------------ primitives

@pytest.mark.parametrize("values, text", [
    (["a", "b"], "a\nb\n"),
    ([1, 2.5, True, False], "1\n2.5\nTrue\nFalse\n"),
    ([None, "x", None], "x\n"),
    ([1e16, 0.1, Decimal("1.0")], "1E+16\n0.1\n1.0\n"),
    ([[1, [2, 3]]], "1\n2 3\n"),
    ([], ""),
])
def test_primitives_print_one_per_line(values, text):
    assert format_default(values, 80) == text


def test_datetime_alone_prints_long_form_between_blank_lines():
    assert format_default([datetime(2018, 1, 5, 15, 0, 0)], 80) == \
        "\nFriday, January 5, 2018 3:00:00 PM\n\n\n"


# ------------------------------------------------------------------- tables

def test_small_objects_share_one_content_sized_table():
    objects = [obj(("Name", "alpha"), ("Id", 12)), obj(("Name", "b"), ("Id", 3456))]
    assert format_default(objects, 80) == (
        "\nName    Id\n"
        "----    --\n"
        "alpha   12\n"
        "b     3456\n\n\n")


def test_a_different_shape_starts_a_new_table():
    objects = [obj(("A", 1)), obj(("B", 2))]
    assert format_default(objects, 80) == "\nA\n-\n1\n\n\n\nB\n-\n2\n\n\n"


def test_hashtable_is_the_name_value_table_with_a_thirty_column_name():
    text = format_default([Hashtable([("a", 1), ("bb", "x")])], 80)
    assert text == (
        "\nName                           Value\n"
        "----                           -----\n"
        "a                              1\n"
        "bb                             x\n\n\n")


@pytest.mark.parametrize("width, cut", [(80, 45), (120, 85)])
def test_long_values_in_a_spread_table_end_with_three_dots(width, cut):
    text = format_default([Hashtable([("k", "x" * 300)])], width)
    row = text.split("\n")[3]
    assert row == "k" + " " * 30 + "x" * cut + "..."
    assert len(row) == width - 1


def test_numbers_right_aligned_strings_left():
    lines = format_default([obj(("Name", "a"), ("Size", 5)), obj(("Name", "bbb"), ("Size", 1234))],
                           80).split("\n")
    assert lines[1:5] == ["Name Size", "---- ----", "a       5", "bbb  1234"]


@pytest.mark.parametrize("width, lines", [
    (80, ["Identity                  AddressSpaces              Enabled",
          "--------                  -------------              -------",
          "Subsidiary Send Connector {SMTP:*.contoso.com;5, ... True"]),
    (120, ["Identity                                AddressSpaces                           Enabled",
           "--------                                -------------                           -------",
           "Subsidiary Send Connector               {SMTP:*.contoso.com;5, SMTP:*.fabrik... True"]),
])
def test_registered_view_columns_share_the_screen(width, lines):
    register_view("Test.Connector", table=["Identity", "AddressSpaces", "Enabled"])
    item = Exchangey("Test.Connector", Identity="Subsidiary Send Connector", Name="x",
                     AddressSpaces=Multi("SMTP:*.contoso.com;5", "SMTP:*.fabrikam.com;8"),
                     Enabled=True, Comment=None, Port=25)
    text = format_default([item, item], width)
    assert text == "\n" + "\n".join(lines + lines[2:]) + "\n\n\n"


def test_registered_view_with_autosize_fits_the_content():
    register_view("Test.Compact", table=["Identity", "Enabled"], autosize=True)
    item = Exchangey("Test.Compact", Identity="Inbound", Enabled=False, Port=25)
    assert format_default([item], 80) == "\nIdentity Enabled\n-------- -------\nInbound  False\n\n\n"


def test_wrap_continues_long_values_on_more_lines():
    columns = [TableColumn("Name", 6), TableColumn("Note", 10)]
    lines = layout_table(columns, [["a", "one two three four"]], 80, wrap=True)
    assert lines == ["Name   Note", "----   ----", "a      one two", "       three four"]


def test_autosize_shrinks_the_widest_column_to_fit():
    columns = [TableColumn("A"), TableColumn("B")]
    lines = layout_table(columns, [["x" * 50, "y" * 50]], 60, autosize=True)
    assert max(len(line) for line in lines) <= 59
    assert lines[2].endswith("...")


@pytest.mark.parametrize("text, width, shown", [
    ("abcdef", 6, "abcdef"), ("abcdefg", 6, "abc..."), ("ab", 2, "ab"), ("abcdef", 3, "abc"),
    ("first\nsecond", 20, "first..."),
])
def test_truncate(text, width, shown):
    assert truncate(text, width) == shown


# --------------------------------------------------------------------- lists

def test_objects_with_more_than_four_properties_are_lists():
    item = obj(("Name", "x"), ("Port", 25), ("Enabled", True), ("Comment", None), ("Fqdn", "mail"))
    assert format_default([item, item], 80) == (
        "\nName    : x\nPort    : 25\nEnabled : True\nComment :\nFqdn    : mail\n"
        "\nName    : x\nPort    : 25\nEnabled : True\nComment :\nFqdn    : mail\n\n\n")


def test_list_values_wrap_under_the_value_column():
    lines = layout_list_entry([("Name", "z" * 100), ("Id", "1")], 80)
    assert lines[0] == "Name : " + "z" * 72
    assert lines[1] == "       " + "z" * 28
    assert lines[2] == "Id   : 1"


def test_list_with_multiline_value_keeps_its_breaks_indented():
    assert layout_list_entry([("Banner", "220 hello\nsecond")], 80) == \
        ["Banner : 220 hello", "         second"]


def test_format_list_star_and_wildcards():
    item = obj(("GenerateCopyOfDSNFor", ["5.4.8"]), ("MaxSendSize", "10 MB"), ("ExternalDsnLanguage", None))
    everything = build_list([item], ["*"])[0]
    assert [label for label, _ in everything.entries[0]] == \
        ["GenerateCopyOfDSNFor", "MaxSendSize", "ExternalDsnLanguage"]
    dsn = build_list([item], ["*DSN*"])[0]
    assert dsn.render(80) == "\nGenerateCopyOfDSNFor : {5.4.8}\nExternalDsnLanguage  :\n\n\n"


# -------------------------------------------------------------- value display

@pytest.mark.parametrize("value, text", [
    (None, ""), (True, "True"), (False, "False"), (5, "5"), (2.5, "2.5"),
    ([1, 2, 3], "{1, 2, 3}"), ([1, 2, 3, 4, 5], "{1, 2, 3, 4...}"), ([], "{}"),
    (Hashtable([("a", 1), ("b", 2)]), "{a, b}"),
    (Multi("SMTP:*.contoso.com;5", "SMTP:*.fabrikam.com;8"), "{SMTP:*.contoso.com;5, SMTP:*.fabrikam.com;8}"),
    (datetime(2018, 1, 5, 15, 0, 0), "1/5/2018 3:00:00 PM"),
    (timedelta(minutes=15), "00:15:00"), (timedelta(days=1), "1.00:00:00"),
    ([[1, 2], 3], "{System.Object[], 3}"),
])
def test_display_value(value, text):
    assert display_value(value) == text


def test_get_property_is_case_insensitive_and_null_when_missing():
    item = Exchangey("T", MaxMessageSize="10 MB")
    assert get_property(item, "maxmessagesize") == "10 MB"
    assert get_property(item, "Nope") is None
    assert get_property("abc", "Length") == 3


# --------------------------------------------------------- format documents

def test_format_documents_render_late_at_any_width():
    objects = [obj(("Name", "a" * 70), ("Id", 1))]
    document = build_table(objects, autosize=False)[0]
    assert isinstance(document, FormatDocument)
    narrow, wide = document.render(40), document.render(200)
    assert "..." in narrow and "..." not in wide
    assert format_default([document], 40) == narrow


def test_table_columns_from_calculated_getters():
    document = build_table([obj(("Id", 2))], [Column("Twice", lambda o: get_property(o, "Id") * 2)])[0]
    assert document.render(80) == "\nTwice\n-----\n    4\n\n\n"


def test_group_by_prints_a_header_per_group():
    objects = [obj(("Kind", "a"), ("N", 1)), obj(("Kind", "a"), ("N", 2)), obj(("Kind", "b"), ("N", 3))]
    documents = build_table(objects, ["N"], group_by="Kind", group_label="Kind")
    assert [d.render(80) for d in documents] == [
        "\n   Kind: a\n\nN\n-\n1\n2\n\n\n", "\n   Kind: b\n\nN\n-\n3\n\n\n"]


def test_wide_view_two_columns_by_default():
    document = build_wide(["alpha", "beta", "gamma"])[0]
    lines = document.render(21).split("\n")
    assert lines[1:3] == ["alpha     beta", "gamma"]


def test_list_view_registration_shows_every_property():
    register_view("Test.Config", list=None, kind="list")
    item = Exchangey("Test.Config", A=1, B=2)
    assert format_default([item], 80) == "\nA : 1\nB : 2\n\n\n"


def test_error_records_in_output_render_as_errors():
    record = ErrorRecord(message="boom", error_id="X")
    assert "boom" in format_default([record], 80)


def test_text_views_print_the_object_text():
    from exshell.types.credential import SecureString
    assert format_default([SecureString("hidden")], 80) == "System.Security.SecureString\n"


def test_flag_enums_from_exchange_types_show_their_names():
    from exshell.types import enums
    flags = [value for value in vars(enums).values()
             if isinstance(value, type) and issubclass(value, __import__("enum").Flag)
             and value is not __import__("enum").Flag and len(list(value)) >= 2]
    members = list(flags[0])
    combined = members[-1] | members[-2]
    assert display_value(combined) == str(combined)


def test_empty_custom_object_prints_nothing_and_plain_objects_print_their_text():
    class Plain:
        def __str__(self):
            return "plain text"

    assert format_default([PSObject(), Plain()], 80) == "plain text\n"


def test_autosize_overrides_view_widths():
    entries = [PSObject([("Name", "k"), ("Value", "v")], ["System.Collections.DictionaryEntry"])]
    assert build_table(entries, autosize=True)[0].render(80) == "\nName Value\n---- -----\nk    v\n\n\n"
    assert build_table(entries)[0].render(80).split("\n")[1] == "Name" + " " * 27 + "Value"


ODD_VALUES = [None, "", "x" * 500, "a\nb\r\nc", "\t", b"bytes", {1, 2}, (1, 2), [], [[[]]],
              Hashtable([(None, 1), (1, 2)]), PSObject(), float("nan"), float("inf"), -0.0,
              Decimal("1e-30"), 10 ** 30, datetime(1, 1, 1), timedelta(days=-3, seconds=5), object(),
              "\u00fc\u6f22\u5b57" * 30]


@pytest.mark.parametrize("seed", range(3))
def test_odd_values_and_widths_never_break_the_formatter(seed):
    import random
    rng = random.Random(seed)
    for _ in range(200):
        objects = []
        for _ in range(rng.randint(0, 5)):
            pick = rng.random()
            if pick < 0.3:
                objects.append(rng.choice(ODD_VALUES))
            elif pick < 0.7:
                objects.append(PSObject([(rng.choice(["A", "B", "a", "Long" * 10]), rng.choice(ODD_VALUES))
                                         for _ in range(rng.randint(0, 6))]))
            else:
                objects.append(Hashtable([(rng.choice(["k", None, 5]), rng.choice(ODD_VALUES))
                                          for _ in range(rng.randint(0, 3))]))
        width = rng.choice([1, 5, 20, 80, 300])
        assert isinstance(format_default(objects, width), str)
        documents = (build_table(objects, autosize=rng.choice([True, None]), wrap=rng.choice([True, False]))
                     + build_list(objects) + build_wide(objects, column_count=rng.randint(0, 4)))
        for document in documents:
            assert document.render(width).endswith("\n\n\n")


def test_automation_null_prints_nothing():
    from exshell.language.values import AUTOMATION_NULL
    assert format_default([AUTOMATION_NULL, "x"], 80) == "x\n"
