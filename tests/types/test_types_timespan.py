"""EnhancedTimeSpan: .NET TimeSpan text, display, round trips, range helper."""
from datetime import timedelta

import pytest

from exshell.cmdlets.base import ConversionError
from exshell.language.values import ArgumentNumber
from exshell.types.timespan import EnhancedTimeSpan

FORMAT_ERROR = "String was not recognized as a valid TimeSpan."
OVERFLOW_ERROR = ("The TimeSpan could not be parsed because at least one of the numeric "
                  "components is out of range or contains too many digits.")


@pytest.mark.parametrize("given, shown, seconds", [
    ("00:15:00", "00:15:00", 900),
    ("1.00:00:00", "1.00:00:00", 86400),
    ("1:02:03:04", "1.02:03:04", 93784),
    ("1.02:03", "1.02:03:00", 93780),
    ("7", "7.00:00:00", 604800),
    ("0:5", "00:05:00", 300),
    ("-00:00:01", "-00:00:01", -1),
    ("00:00:00.5", "00:00:00.5000000", 0.5),
    ("2.12:30:45.1234567", "2.12:30:45.1234567", 217845.1234567),
    (" 00:00:30 ", "00:00:30", 30),
    (timedelta(minutes=10), "00:10:00", 600),
    (ArgumentNumber(2, "2"), "2.00:00:00", 172800),
])
def test_accepted_inputs(given, shown, seconds):
    span = EnhancedTimeSpan.convert(given)
    assert str(span) == shown
    assert span.total_seconds == pytest.approx(seconds)


@pytest.mark.parametrize("bad, text", [
    ("abc", FORMAT_ERROR),
    ("10.5", FORMAT_ERROR),
    ("1:2:3:4:5", FORMAT_ERROR),
    ("", FORMAT_ERROR),
    ("25:00:00", OVERFLOW_ERROR),
    ("00:60:00", OVERFLOW_ERROR),
    ("00:00:61", OVERFLOW_ERROR),
    ("00:00:00.12345678", OVERFLOW_ERROR),
])
def test_rejected_inputs(bad, text):
    with pytest.raises(ConversionError) as caught:
        EnhancedTimeSpan.convert(bad)
    assert str(caught.value) == text


@pytest.mark.parametrize("text", ["00:00:01", "1.00:00:00", "-3.04:05:06.0000001", "00:00:00"])
def test_round_trip(text):
    span = EnhancedTimeSpan.convert(text)
    assert EnhancedTimeSpan.convert(str(span)) == span


def test_ordering_equality_and_timedelta():
    short, long = EnhancedTimeSpan.convert("00:01:00"), EnhancedTimeSpan.convert("01:00:00")
    assert short < long and sorted([long, short]) == [short, long]
    assert short == timedelta(minutes=1)
    assert long.to_timedelta() == timedelta(hours=1)
    assert len({short, EnhancedTimeSpan.convert("0:1")}) == 1


def test_range_helper_uses_validate_range_texts():
    validate = EnhancedTimeSpan.in_range("00:00:01", "1.00:00:00")
    validate(EnhancedTimeSpan.convert("00:15:00"))
    validate(EnhancedTimeSpan.convert("1.00:00:00"))
    with pytest.raises(ConversionError) as too_big:
        validate(EnhancedTimeSpan.convert("2.00:00:00"))
    assert str(too_big.value) == (
        "The 2.00:00:00 argument is greater than the maximum allowed range of 1.00:00:00. "
        "Supply an argument that is less than or equal to 1.00:00:00 and then try the command again.")
    with pytest.raises(ConversionError) as too_small:
        validate(EnhancedTimeSpan.convert("00:00:00"))
    assert str(too_small.value).startswith(
        "The 00:00:00 argument is less than the minimum allowed range of 00:00:01.")


def test_null_fails_and_type_names():
    with pytest.raises(ConversionError, match="Cannot convert null"):
        EnhancedTimeSpan.convert(None)
    assert EnhancedTimeSpan.dotnet_name == "Microsoft.Exchange.Data.EnhancedTimeSpan"
    assert EnhancedTimeSpan.reference_name == "EnhancedTimeSpan"


def test_timespan_properties_for_scripts():
    properties = EnhancedTimeSpan.convert("1.02:03:04.5").ps_properties()
    assert (properties["Days"], properties["Hours"], properties["Minutes"],
            properties["Seconds"], properties["Milliseconds"]) == (1, 2, 3, 4, 500)
    assert properties["TotalMinutes"] == pytest.approx(1563.075)
