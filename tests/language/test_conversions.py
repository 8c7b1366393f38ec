"""PowerShell's conversions, string forms, truthiness and comparison (exshell.language.conversions)."""
from datetime import datetime, timedelta
from decimal import Decimal
import enum

import pytest

from exshell.cmdlets.base import ArrayOf
from exshell.errors import PSRuntimeError
from exshell.language import conversions as conv
from exshell.language.conversions import PSInvalidCastError, convert_to, to_bool, to_string
from exshell.language.values import (ArgumentNumber, Char, Hashtable, Int64, OrderedHashtable,
                                     PSObject, SwitchParameter, TypedArray)


@pytest.mark.parametrize("value, expected", [
    (1e16, "1E+16"), (1e-5, "1E-05"), (0.0001, "0.0001"), (0.1, "0.1"), (1.5, "1.5"),
    (0.1 + 0.2, "0.3"), (1e15, "1E+15"), (1e14, "100000000000000"), (10 / 3, "3.33333333333333"),
    (3.141592653589793, "3.14159265358979"), (1 / 3, "0.333333333333333"), (-0.0, "0"),
    (9.223372036854776e18, "9.22337203685478E+18"), (2 ** 0.5, "1.4142135623731"),
    (100.0, "100"), (-2.5, "-2.5"), (2.5e-7, "2.5E-07"), (float("nan"), "NaN"),
    (float("inf"), "Infinity"), (float("-inf"), "-Infinity"), (123456.789, "123456.789"),
    (1.7976931348623157e308, "1.79769313486232E+308"),
])
def test_double_text_is_dotnet_framework_g15(value, expected):
    assert to_string(value) == expected


@pytest.mark.parametrize("value, expected", [
    (None, ""), (True, "True"), (False, "False"), (42, "42"), (Int64(5), "5"),
    (Decimal("1.0"), "1.0"), (Decimal("1.50"), "1.50"), ([1, "a", 2.5], "1 a 2.5"),
    (Hashtable([("a", 1)]), "System.Collections.Hashtable"),
    (OrderedHashtable([("a", 1)]), "System.Collections.Specialized.OrderedDictionary"),
    (PSObject([("a", 1), ("b", "x")]), "@{a=1; b=x}"),
    (datetime(2018, 1, 5, 15, 0, 0), "01/05/2018 15:00:00"),
    (timedelta(minutes=15), "00:15:00"), (timedelta(days=1, hours=2), "1.02:00:00"),
    (ArgumentNumber(20971520, "20MB"), "20MB"), (SwitchParameter(True), "True"),
    ([1, [2, 3]], "1 System.Object[]"),
])
def test_to_string(value, expected):
    assert to_string(value) == expected


def test_to_string_uses_given_separator():
    assert to_string([1, 2], ofs="-") == "1-2"


@pytest.mark.parametrize("value, expected", [
    ("", False), ("False", True), ("0", True), (0, False), (1, True), (0.0, False),
    (None, False), ([], False), ([0], False), ([1], True), ([0, 0], True), ([[]], False),
    (SwitchParameter(False), False), (Hashtable(), True), (Decimal(0), False),
])
def test_truthiness(value, expected):
    assert to_bool(value) is expected


@pytest.mark.parametrize("value, target, expected", [
    ("0x10", int, 16), (" 42 ", int, 42), ("1e3", int, 1000), (2.5, int, 2), (3.5, int, 4),
    ("", int, 0), (None, int, 0), (True, int, 1), ("-7", int, -7), ([5], int, 5),
    ("1.5", float, 1.5), ("", float, 0.0), (3, float, 3.0),
    ("1.10", Decimal, Decimal("1.10")), (2, Decimal, Decimal(2)),
    (5, str, "5"), (None, str, ""), (ArgumentNumber(20971520, "20MB"), str, "20MB"),
    (ArgumentNumber(20971520, "20MB"), Int64, Int64(20971520)),
    ("a", Char, Char("a")), (65, Char, Char("A")),
    ("x", bool, True), ("", bool, False), (0, bool, False),
    (1, list, [1]), ([1, 2], list, [1, 2]), (None, list, None),
    ("00:15:00", timedelta, timedelta(minutes=15)), ("1.00:00:00", timedelta, timedelta(days=1)),
    ("2018-01-05", datetime, datetime(2018, 1, 5)),
    ("01/05/2018 15:00:00", datetime, datetime(2018, 1, 5, 15)),
])
def test_convert_to(value, target, expected):
    result = convert_to(value, target)
    assert result == expected
    assert type(result) is type(expected)


def test_array_target_converts_element_wise_and_wraps_scalars():
    result = convert_to(["1", 2], ArrayOf(int))
    assert result == [1, 2] and isinstance(result, TypedArray)
    assert convert_to("7", ArrayOf(int)) == [7]
    assert conv.type_name(convert_to("a", ArrayOf(str))) == "System.String[]"


def test_hashtable_to_pscustomobject_keeps_order():
    obj = convert_to(OrderedHashtable([("b", 1), ("a", 2)]), PSObject)
    assert list(obj.ps_properties()) == ["b", "a"]


@pytest.mark.parametrize("value, target, text", [
    ("abc", int, 'Cannot convert value "abc" to type "System.Int32". Error: '
                 '"Input string was not in a correct format."'),
    ("20MB", int, 'Cannot convert value "20MB" to type "System.Int32". Error: '
                  '"Input string was not in a correct format."'),
    ("99999999999", int, 'Cannot convert value "99999999999" to type "System.Int32". Error: '
                         '"Value was either too large or too small for an Int32."'),
    (None, datetime, 'Cannot convert null to type "System.DateTime".'),
    ([1, 2], int, 'Cannot convert the "1 2" value of type "System.Object[]" to type "System.Int32".'),
    ("ab", Char, 'Cannot convert value "ab" to type "System.Char". Error: '
                 '"String must be exactly one character long."'),
    ("x", datetime, 'Cannot convert value "x" to type "System.DateTime". Error: '
                    '"String was not recognized as a valid DateTime."'),
])
def test_conversion_failures_carry_powershell_texts(value, target, text):
    with pytest.raises(PSInvalidCastError) as caught:
        convert_to(value, target)
    assert caught.value.record.message == text


class Color(enum.Enum):
    Red = 1
    Green = 2
    Gray = 3


@pytest.mark.parametrize("text, member", [("red", Color.Red), ("GREEN", Color.Green),
                                          ("Gra", Color.Gray), (2, Color.Green)])
def test_enum_names_fold_case_and_accept_unique_prefixes(text, member):
    assert convert_to(text, Color) is member


def test_enum_mismatch_lists_the_names():
    with pytest.raises(PSInvalidCastError) as caught:
        convert_to("Blue", Color)
    assert "Unable to match the identifier name Blue to a valid enumerator name." in caught.value.inner
    assert caught.value.inner.endswith("\nRed, Green, Gray")


def test_ambiguous_enum_prefix_lists_the_candidates():
    with pytest.raises(PSInvalidCastError) as caught:
        convert_to("G", Color)
    assert caught.value.inner == ("The identifier name G cannot be processed due to the inability to "
                                  "differentiate between the following enumerator names: Green, Gray. "
                                  "Try a more specific identifier name.")


@pytest.mark.parametrize("name, expected", [
    ("int", "System.Int32"), ("String", "System.String"), ("string[]", "System.String[]"),
    ("System.Int64", "System.Int64"), ("long", "System.Int64"), ("hashtable", "System.Collections.Hashtable"),
    ("datetime", "System.DateTime"), ("timespan", "System.TimeSpan"), ("bool", "System.Boolean"),
    ("decimal", "System.Decimal"), ("double", "System.Double"), ("array", "System.Object[]"),
    ("object", "System.Object"), ("char", "System.Char"), ("byte", "System.Byte"),
    ("System.Collections.Generic.List[string]", "System.Collections.ArrayList"),
])
def test_resolve_type_accepts_accelerators_and_full_names(name, expected):
    assert conv.dotnet_name(conv.resolve_type(name)) == expected


def test_unknown_type_is_type_not_found():
    with pytest.raises(PSRuntimeError) as caught:
        conv.resolve_type("Foo.Bar")
    assert caught.value.record.error_id == "TypeNotFound"
    assert caught.value.record.message == "Unable to find type [Foo.Bar]."


def test_register_type_adds_short_and_full_names():
    class Size:
        dotnet_name = "Microsoft.Exchange.Data.ByteQuantifiedSizeTest"

        @staticmethod
        def convert(value):
            return ("size", value)

    conv.register_type("ByteQuantifiedSizeTest", Size)
    assert conv.resolve_type("bytequantifiedsizetest") is Size
    assert conv.resolve_type("Microsoft.Exchange.Data.ByteQuantifiedSizeTest") is Size
    assert convert_to("5", Size) == ("size", "5")


@pytest.mark.parametrize("value, full, short", [
    (1, "System.Int32", "Int32"), (Int64(1), "System.Int64", "Int64"), (1.0, "System.Double", "Double"),
    ("s", "System.String", "String"), ([1], "System.Object[]", "Object[]"), (True, "System.Boolean", "Boolean"),
    (Hashtable(), "System.Collections.Hashtable", "Hashtable"), (Decimal(1), "System.Decimal", "Decimal"),
    (PSObject(), "System.Management.Automation.PSCustomObject", "PSCustomObject"),
])
def test_type_names(value, full, short):
    assert conv.type_name(value) == full
    assert conv.short_type_name(value) == short


@pytest.mark.parametrize("left, right, expected", [
    ("ABC", "abc", True), (1, "1", True), ("1", 1.0, True), (1, "x", False), (None, None, True),
    (1, None, False), (None, 0, False), (True, "False", True), (1.0, 1, True), ("a", "b", False),
])
def test_equals_left_operand_decides(left, right, expected):
    assert conv.equals(left, right) is expected


def test_equals_case_sensitive():
    assert conv.equals("A", "a", case_sensitive=True) is False


@pytest.mark.parametrize("left, right, expected", [
    (5, "10", -1), ("5", 10, 1), ("a", "B", -1), (2, 1.5, 1), (None, 1, -1), (1, 1, 0),
])
def test_compare(left, right, expected):
    assert conv.compare(left, right) == expected


def test_compare_failure_message():
    with pytest.raises(PSInvalidCastError) as caught:
        conv.compare(5, "abc")
    assert caught.value.record.message.startswith('Could not compare "5" to "abc". Error: ')


def test_exchange_types_resolve_on_first_use_and_accelerators_win():
    assert conv.dotnet_name(conv.resolve_type("Microsoft.Exchange.Data.ByteQuantifiedSize")) == (
        "Microsoft.Exchange.Data.ByteQuantifiedSize")
    assert conv.dotnet_name(conv.resolve_type("guid")) == "System.Guid"
    assert conv.resolve_type("guid") is conv.resolve_type("System.Guid")


def test_numeric_literal_text_survives_element_wise_string_arrays():
    assert convert_to(ArgumentNumber(20971520, "20MB"), ArrayOf(str)) == ["20MB"]
    assert convert_to([ArgumentNumber(1, "1"), ArgumentNumber(1024, "1kb")], ArrayOf(str)) == ["1", "1kb"]
    assert convert_to(ArgumentNumber(1024, "1kb"), ArrayOf(int)) == [1024]
