"""ByteQuantifiedSize and Unlimited<T>: parsing, display, round trips, ordering, errors."""
import pytest

from exshell.cmdlets.base import ConversionError
from exshell.language.values import ArgumentNumber, UInt32
from exshell.types.bytesize import ByteQuantifiedSize
from exshell.types.common import in_range
from exshell.types.unlimited import Unlimited, UnlimitedValue

MB = 1024 * 1024


@pytest.mark.parametrize("given, byte_count", [
    (ArgumentNumber(20 * MB, "20MB"), 20 * MB),
    ("20MB", 20 * MB),
    ("20 MB", 20 * MB),
    ("20mb", 20 * MB),
    ("20971520", 20 * MB),
    (20971520, 20 * MB),
    ("1.5GB", 1610612736),
    ("500KB", 512000),
    ("0", 0),
    ("10 B", 10),
    ("2TB", 2 * 1024 ** 4),
    ("20 MB (20,971,520 bytes)", 20 * MB),
    (ArgumentNumber(10485760, "10485760"), 10 * MB),
    (ArgumentNumber(256, "0x100"), 256),
    (ArgumentNumber(1000000.0, "1e6"), 1000000),
])
def test_accepted_inputs(given, byte_count):
    assert ByteQuantifiedSize.convert(given).to_bytes() == byte_count


@pytest.mark.parametrize("byte_count, shown", [
    (20 * MB, "20 MB (20,971,520 bytes)"),
    (10 * MB, "10 MB (10,485,760 bytes)"),
    (1610612736, "1.5 GB (1,610,612,736 bytes)"),
    (512000, "500 KB (512,000 bytes)"),
    (0, "0 B (0 bytes)"),
    (1023, "1023 B (1,023 bytes)"),
    (1357172855, "1.264 GB (1,357,172,855 bytes)"),
    (256000000, "244.1 MB (256,000,000 bytes)"),
    (2147483647, "2 GB (2,147,483,647 bytes)"),
])
def test_display_is_exchange_style(byte_count, shown):
    assert str(ByteQuantifiedSize(byte_count)) == shown


@pytest.mark.parametrize("byte_count", [0, 1, 1023, 1024, 20 * MB, 1357172855, 2 ** 40 + 7])
def test_round_trip_through_display(byte_count):
    size = ByteQuantifiedSize(byte_count)
    assert ByteQuantifiedSize.convert(str(size)) == size


@pytest.mark.parametrize("bad", ["20QB", "MB", "-5", "twenty", "1.5.2MB", "20 M B", "0.5B"])
def test_rejected_inputs_name_the_value(bad):
    with pytest.raises(ConversionError) as caught:
        ByteQuantifiedSize.convert(bad)
    assert str(caught.value) == (
        f'The value "{bad}" isn\'t a valid size. Enter a number with an optional unit of B, KB, '
        'MB, GB or TB, for example 20MB or "20 MB".')


def test_null_is_not_a_size():
    with pytest.raises(ConversionError, match='Cannot convert null to type "Microsoft.Exchange.Data.ByteQuantifiedSize"'):
        ByteQuantifiedSize.convert(None)


def test_ordering_and_hashing():
    small, big = ByteQuantifiedSize.convert("1MB"), ByteQuantifiedSize.convert("1GB")
    assert small < big and big > small and small <= small
    assert len({small, ByteQuantifiedSize(MB)}) == 1


def test_unlimited_accepts_word_any_case_and_sizes():
    size_type = Unlimited(ByteQuantifiedSize)
    for word in ("unlimited", "Unlimited", "UNLIMITED"):
        assert size_type.convert(word).is_unlimited
    limited = size_type.convert(ArgumentNumber(20 * MB, "20MB"))
    assert not limited.is_unlimited and limited.value.to_bytes() == 20 * MB
    assert str(limited) == "20 MB (20,971,520 bytes)"
    assert str(size_type.convert("unlimited")) == "Unlimited"


def test_unlimited_type_names():
    assert Unlimited(ByteQuantifiedSize).dotnet_name == (
        "Microsoft.Exchange.Data.Unlimited`1[Microsoft.Exchange.Data.ByteQuantifiedSize]")
    assert Unlimited(ByteQuantifiedSize).reference_name == "Unlimited"
    assert Unlimited(int).dotnet_name == "Microsoft.Exchange.Data.Unlimited`1[System.Int32]"
    assert Unlimited(ByteQuantifiedSize) is Unlimited(ByteQuantifiedSize)


def test_unlimited_ordering_puts_unlimited_last():
    size_type = Unlimited(ByteQuantifiedSize)
    values = [size_type.convert(v) for v in ("unlimited", "10MB", "1KB")]
    assert [str(v) for v in sorted(values)] == [
        "1 KB (1,024 bytes)", "10 MB (10,485,760 bytes)", "Unlimited"]
    assert size_type.convert("10MB") == ByteQuantifiedSize.convert("10MB")
    assert size_type.convert("unlimited") == size_type.UNLIMITED


@pytest.mark.parametrize("text", ["Unlimited", "20 MB (20,971,520 bytes)", "0 B (0 bytes)"])
def test_unlimited_round_trip(text):
    size_type = Unlimited(ByteQuantifiedSize)
    assert str(size_type.convert(text)) == text


def test_unlimited_counts():
    count_type = Unlimited(int)
    assert count_type.convert(ArgumentNumber(1000, "1000")).value == 1000
    assert count_type.convert("250").value == 250
    assert count_type.convert("Unlimited").is_unlimited
    assert Unlimited(UInt32).convert(5).value == 5
    with pytest.raises(ConversionError, match='Input string was not in a correct format'):
        count_type.convert("lots")
    with pytest.raises(ConversionError, match='too large or too small'):
        Unlimited(UInt32).convert(-1)


def test_unlimited_bad_size_uses_the_size_message():
    with pytest.raises(ConversionError, match='"20QB" isn\'t a valid size'):
        Unlimited(ByteQuantifiedSize).convert("20QB")


def test_range_validator_on_sizes_skips_unlimited():
    validate = in_range(ByteQuantifiedSize(0), ByteQuantifiedSize(2147483647))
    size_type = Unlimited(ByteQuantifiedSize)
    validate(size_type.convert("unlimited"))
    validate(size_type.convert("1GB"))
    with pytest.raises(ConversionError) as caught:
        validate(size_type.convert("3GB"))
    assert str(caught.value) == (
        "The 3 GB (3,221,225,472 bytes) argument is greater than the maximum allowed range of "
        "2 GB (2,147,483,647 bytes). Supply an argument that is less than or equal to "
        "2 GB (2,147,483,647 bytes) and then try the command again.")


def test_values_are_immutable():
    size = ByteQuantifiedSize(1)
    with pytest.raises(AttributeError):
        size._bytes = 2
    assert isinstance(Unlimited(ByteQuantifiedSize).convert("1KB"), UnlimitedValue)


def test_dotnet_methods_for_scripts():
    methods = ByteQuantifiedSize.convert("1.5GB").ps_methods()
    assert methods["ToMB"]() == 1536 and methods["ToGB"]() == 1
    assert methods["ToBytes"]() == 1610612736 and methods["ToKB"]() == 1572864
    assert methods["ToString"]() == "1.5 GB (1,610,612,736 bytes)"


def test_values_equal_their_text():
    assert ByteQuantifiedSize.convert("20MB") == "20 MB"
    assert ByteQuantifiedSize.convert("20MB") != "junk"
    size_type = Unlimited(ByteQuantifiedSize)
    assert size_type.convert("unlimited") == "Unlimited"
    assert size_type.convert("10MB") == "10485760"
    assert size_type.convert("10MB") != "unlimited"
    assert size_type.convert("10MB") < "1GB"
