"""PowerShell's value conversions: casts, string forms, truthiness, comparison, type names.

Contract (used by the evaluator, the binder, the cmdlets and the formatter):
    convert_to(value, target, ofs=' ') -> value   cast ``[target]value``; raises PSInvalidCastError
    to_string(value, ofs=' ') -> str             PowerShell's string conversion ("$x", [string]$x)
    to_bool(value) -> bool                       truthiness (if, -not, [bool])
    to_number(value) -> int | float | Decimal     operand of arithmetic; raises PSInvalidCastError
    equals(left, right, case_sensitive=False)    -eq: the left operand's type decides
    compare(left, right, case_sensitive=False)   -lt/-gt and Sort-Object: -1, 0, 1;
                                                 raises PSInvalidCastError when incomparable
    type_name(value) / short_type_name(value)    'System.Int32' / 'Int32'
    resolve_type(name) -> target                 [int], [string[]], System.* spellings;
                                                 raises PSRuntimeError (TypeNotFound)
    register_type(name, pytype)                  lets exshell/types add Exchange types
    dotnet_name(target) -> str                   .NET name of a conversion target

A target is a Python type from the values.py table, ``ArrayOf(T)``, an Enum
class, or any object implementing base.ParameterType (``convert``/``dotnet_name``).
"""
from __future__ import annotations

import enum
import re
from datetime import datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any

from exshell.cmdlets.base import ArrayOf, ConversionError
from exshell.errors import ErrorRecord, PSRuntimeError, message
from exshell.language.values import (
    ArgumentNumber, ArrayList, BigInteger, Guid, PSReference, Byte, Char, Hashtable, Int16, Int64, OrderedHashtable, PSObject,
    SByte, ScriptBlock, SwitchParameter, TypedArray, UInt16, UInt32, UInt64,
)


class PSInvalidCastError(PSRuntimeError):
    """A failed conversion.  ``inner`` is the part after 'Error: ' (or the whole
    message) so the binder can embed it in its own messages."""

    def __init__(self, text: str, inner: str = "", error_id: str = "InvalidCastException"):
        record = ErrorRecord(
            message=text, error_id=error_id, category="InvalidArgument",
            reason="PSInvalidCastException",
            exception_type="System.Management.Automation.PSInvalidCastException")
        super().__init__(record)
        self.inner = inner or text


# Type names live in typenames.py; they are re-exported here because every caller
# thinks of them as part of "conversions".
from exshell.language.typenames import (  # noqa: E402,F401
    ConvertClass, DirectoryClass, DnsClass, EnvironmentClass, FileClass, IntegerMarker, MathClass,
    PathClass, PSObjectMarker, RegexClass, StringSplitOptions,
    StaticClass, dotnet_name, register_type, resolve_type, short_type_name, type_name,
)


# ----------------------------------------------------------------- strings

def to_string(value: Any, ofs: str = " ") -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, ArgumentNumber):
        return value.text
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        from exshell.language.formatting import format_double
        return format_double(value)
    if isinstance(value, Decimal):
        from exshell.language.formatting import format_decimal
        return format_decimal(value)
    if isinstance(value, list):
        return ofs.join(_element_string(item) for item in value)
    if isinstance(value, OrderedHashtable):
        return "System.Collections.Specialized.OrderedDictionary"
    if isinstance(value, dict):
        return "System.Collections.Hashtable"
    if isinstance(value, PSObject):
        pairs = "; ".join(f"{key}={_element_string(item)}"
                          for key, item in value.ps_properties().items())
        return "@{" + pairs + "}"
    if isinstance(value, SwitchParameter):
        return "True" if value.is_present else "False"
    if isinstance(value, datetime):
        return value.strftime("%m/%d/%Y %H:%M:%S")
    if isinstance(value, timedelta):
        from exshell.language.formatting import format_timespan
        return format_timespan(value)
    if isinstance(value, enum.Enum):
        return enum_text(value)
    if isinstance(value, re.Pattern):
        return value.pattern
    if isinstance(value, type):
        return dotnet_name(value)
    if type(value).__str__ is not object.__str__:
        return str(value)
    return type_name(value)


def _element_string(item: Any) -> str:
    """Elements nested in an array or object show their type name, not their content."""
    if isinstance(item, list):
        return type_name(item)
    return to_string(item)


def enum_text(value: enum.Enum) -> str:
    """Enum.ToString(): the name; a flags combination as .NET lists it ('A, B')."""
    if isinstance(value, enum.Flag):
        from exshell.types.enums import flags_text
        return flags_text(value)
    return str(value.name)


# ------------------------------------------------------------------- truth

def to_bool(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, ArgumentNumber):
        value = value.value
    if isinstance(value, str):
        return len(value) > 0
    if isinstance(value, (int, float, Decimal)):
        return value != 0
    if isinstance(value, SwitchParameter):
        return value.is_present
    if isinstance(value, list):
        if not value:
            return False
        if len(value) == 1:
            only = value[0]
            return True if isinstance(only, list) and only else to_bool(only)
        return True
    if isinstance(value, enum.Enum):
        raw = value.value
        return bool(raw) if isinstance(raw, int) else True
    return True


# ----------------------------------------------------------------- numbers

_INT_RANGES: dict[Any, tuple[int, int]] = {
    int: (-2**31, 2**31 - 1), Int64: (-2**63, 2**63 - 1), Int16: (-2**15, 2**15 - 1),
    Byte: (0, 255), SByte: (-128, 127), UInt16: (0, 2**16 - 1), UInt32: (0, 2**32 - 1),
    UInt64: (0, 2**64 - 1),
}
_NUMBER_TEXT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_HEX_TEXT = re.compile(r"([+-]?)0[xX]([0-9a-fA-F]+)")
BAD_FORMAT = "Input string was not in a correct format."


def _cast_failure(value: Any, target: Any, inner: str) -> PSInvalidCastError:
    shown = to_string(value)
    return PSInvalidCastError(
        message("InvalidCastExceptionWithInnerException", shown, dotnet_name(target), inner), inner)


def _type_failure(value: Any, target: Any) -> PSInvalidCastError:
    return PSInvalidCastError(
        message("InvalidCastException", to_string(value), type_name(value), dotnet_name(target)))


def parse_number_text(text: str) -> Any:
    """A string as a number (int, Int64, Decimal or float) the way PowerShell's
    arithmetic reads it; None when it is not a number."""
    stripped = text.strip()
    if not stripped:
        return 0
    hex_match = _HEX_TEXT.fullmatch(stripped)
    if hex_match:
        number = int(hex_match.group(2), 16)
        if len(hex_match.group(2)) <= 8 and number >= 2**31:
            number -= 2**32
        number = -number if hex_match.group(1) == "-" else number
        return int_result(number)
    if not _NUMBER_TEXT.fullmatch(stripped):
        return None
    if re.fullmatch(r"[+-]?\d+", stripped):
        if len(stripped) > 30:  # beyond Decimal: a Double, as .NET parses it (maybe Infinity)
            return float(stripped)
        return int_result(int(stripped))
    try:
        return float(stripped)
    except ValueError:
        return None


_SUFFIXED_TEXT = re.compile(r"(?P<number>[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(?P<type>[ld])?"
                            r"(?P<multiplier>[kmgtp]b)?", re.IGNORECASE)
_MULTIPLIERS = {"kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30, "tb": 1 << 40, "pb": 1 << 50}


def parse_arithmetic_text(text: str) -> Any:
    """A string as arithmetic reads it: like parse_number_text, plus the literal suffixes
    (``'1kb' / 1`` is 1024 in Windows PowerShell, while ``[int]'1kb'`` fails)."""
    number = parse_number_text(text)
    if number is not None:
        return number
    match = _SUFFIXED_TEXT.fullmatch(text.strip())
    if match is None or not (match.group("type") or match.group("multiplier")):
        return None
    base_text = match.group("number")
    kind = (match.group("type") or "").lower()
    if kind == "d":
        base: Any = Decimal(base_text)
    elif re.fullmatch(r"[+-]?\d+", base_text):
        base = int(base_text)
    else:
        base = float(base_text)
    multiplier = _MULTIPLIERS.get((match.group("multiplier") or "").lower(), 1)
    value = base * multiplier
    if isinstance(value, int):
        return Int64(value) if kind == "l" else int_result(value)
    if isinstance(value, float) and value.is_integer() and not match.group("type") and "." not in base_text \
            and "e" not in base_text.lower():
        return int_result(int(value))
    return value


def int_result(number: int) -> Any:
    """An integer typed like PowerShell types results: Int32, else Int64, else Decimal, else Double."""
    if -2**31 <= number <= 2**31 - 1:
        return int(number)
    if -2**63 <= number <= 2**63 - 1:
        return Int64(number)
    if abs(number) < 79228162514264337593543950336:
        return Decimal(number)
    return float(number)


def to_number(value: Any) -> Any:
    """An operand for arithmetic: numbers stay, bool/None/strings/chars convert."""
    if isinstance(value, ArgumentNumber):
        value = value.value
    if value is None:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float, Decimal)):
        return value
    if isinstance(value, Char):
        return ord(value)
    if isinstance(value, str):
        number = parse_arithmetic_text(value)
        if number is None:
            raise _cast_failure(value, int, BAD_FORMAT)
        return number
    if isinstance(value, SwitchParameter):
        return int(value.is_present)
    if isinstance(value, enum.Enum) and isinstance(value.value, int):
        return value.value
    if isinstance(value, list) and len(value) == 1:
        return to_number(value[0])
    raise _type_failure(value, int)


def _to_integer(value: Any, target: Any) -> int:
    low, high = _INT_RANGES.get(target, _INT_RANGES[int])
    short = dotnet_name(target).split(".")[-1]
    too_big = f"Value was either too large or too small for {'an' if short[0] in 'AEIOUaeiou' else 'a'} {short}."
    original = value
    if isinstance(value, str) and not isinstance(value, Char):
        parsed = parse_number_text(value)
        if parsed is None:
            raise _cast_failure(original, target, BAD_FORMAT)
        value = parsed
    elif isinstance(value, Char):
        value = ord(value)
    elif isinstance(value, enum.Enum) and isinstance(value.value, int):
        value = value.value
    elif isinstance(value, SwitchParameter):
        value = int(value.is_present)
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise _cast_failure(original, target, too_big)
        value = int(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
    elif isinstance(value, Decimal):
        value = int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
    if not isinstance(value, int):
        raise _type_failure(original, target)
    if not low <= value <= high:
        raise _cast_failure(original, target, too_big)
    return value if target is int else target(value)


def _to_double(value: Any) -> float:
    original = value
    if isinstance(value, str) and not isinstance(value, Char):
        stripped = value.strip()
        if not stripped:
            return 0.0
        parsed = parse_number_text(stripped)
        if parsed is None:
            lowered = stripped.lower()
            if lowered in ("infinity", "+infinity", "-infinity", "nan"):
                return float(lowered.replace("infinity", "inf"))
            raise _cast_failure(original, float, BAD_FORMAT)
        value = parsed
    if isinstance(value, Char):
        raise _type_failure(original, float)
    if isinstance(value, (bool, int, float, Decimal)):
        return float(value)
    if isinstance(value, SwitchParameter):
        return float(value.is_present)
    raise _type_failure(original, float)


def _to_decimal(value: Any) -> Decimal:
    original = value
    if isinstance(value, str) and not isinstance(value, Char):
        stripped = value.strip()
        if not stripped:
            return Decimal(0)
        try:
            return Decimal(stripped)
        except InvalidOperation:
            parsed = parse_number_text(stripped)
            if parsed is None:
                raise _cast_failure(original, Decimal, BAD_FORMAT) from None
            value = parsed
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # .NET converts a double to decimal keeping 15 significant digits
        return Decimal(format(value, ".15g")) if value == value else Decimal(0)
    if isinstance(value, Decimal):
        return value
    raise _type_failure(original, Decimal)


def _to_char(value: Any) -> Char:
    if isinstance(value, str):
        if len(value) == 1:
            return Char(value)
        raise _cast_failure(value, Char, "String must be exactly one character long.")
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 0xFFFF:
        return Char(chr(value))
    raise _type_failure(value, Char)


# ------------------------------------------------------------- dates/times

_DATE_FORMATS = [
    "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p",
    "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d", "%Y/%m/%d %H:%M:%S",
    "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%B %d %Y", "%A, %B %d, %Y",
    "%H:%M:%S", "%H:%M",
]


def parse_datetime(text: str) -> datetime:
    stripped = " ".join(text.strip().split())
    candidate = stripped[:-1] + "+0000" if stripped.endswith("Z") else stripped
    for pattern in _DATE_FORMATS:
        try:
            moment = datetime.strptime(candidate, pattern)
        except ValueError:
            continue
        if pattern.startswith("%H"):
            today = datetime.now()
            moment = moment.replace(year=today.year, month=today.month, day=today.day)
        return moment
    raise _cast_failure(text, datetime, "String was not recognized as a valid DateTime.")


_TIMESPAN_TEXT = re.compile(
    r"(?P<neg>-)?(?:(?P<days>\d+)\.)?(?P<hours>\d+):(?P<minutes>\d+)(?::(?P<seconds>\d+)"
    r"(?:\.(?P<fraction>\d{1,7}))?)?")


def parse_timespan(text: str) -> timedelta:
    stripped = text.strip()
    if stripped.lstrip("-").isdigit():
        span = timedelta(days=int(stripped.lstrip("-")))
        return -span if stripped.startswith("-") else span
    match = _TIMESPAN_TEXT.fullmatch(stripped)
    if not match or int(match.group("hours")) > 23 or int(match.group("minutes")) > 59 or int(
            match.group("seconds") or 0) > 59:
        raise _cast_failure(text, timedelta, "String was not recognized as a valid TimeSpan.")
    fraction = (match.group("fraction") or "").ljust(7, "0")
    span = timedelta(days=int(match.group("days") or 0), hours=int(match.group("hours")),
                     minutes=int(match.group("minutes")), seconds=int(match.group("seconds") or 0),
                     microseconds=int(fraction) // 10)
    return -span if match.group("neg") else span


# ------------------------------------------------------------------- enums

def convert_enum(value: Any, target: Any) -> Any:
    """Case-insensitive names, unique prefixes, numbers, and 'A, B' lists for flags."""
    if isinstance(value, target):
        return value
    if isinstance(value, ArgumentNumber):
        value = value.value
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return target(value)
        except ValueError:
            raise _type_failure(value, target) from None
    if isinstance(value, list) and issubclass(target, enum.Flag):
        result = None
        for item in value:
            member = convert_enum(item, target)
            result = member if result is None else result | member
        return result
    if value is None:
        raise PSInvalidCastError(message("InvalidCastFromNull", dotnet_name(target)))
    text = to_string(value).strip()
    if "," in text and issubclass(target, enum.Flag):
        return convert_enum([part for part in text.split(",")], target)
    members = list(target.__members__.items())
    lowered = text.lower()
    exact = [member for name, member in members if name.lower() == lowered]
    if exact:
        return exact[0]
    prefixed = {member for name, member in members if name.lower().startswith(lowered) and lowered}
    if len(prefixed) == 1:
        return prefixed.pop()
    if len(prefixed) > 1:
        candidates = ", ".join(name for name, member in members if member in prefixed)
        raise _cast_failure(text, target, message("EnumAmbiguousMatch", text, candidates))
    names = ", ".join(name for name, _ in members)
    inner = message("EnumNotMatched", text, names)
    raise _cast_failure(text, target, inner)


# ----------------------------------------------------------------- convert

def _first_if_single(value: list, target: Any) -> Any:
    if len(value) == 1:
        return value[0]
    raise _type_failure(value, target)


def convert_to(value: Any, target: Any, ofs: str = " ") -> Any:
    """``[target]value`` with PowerShell's rules; see the module docstring."""
    if target is object or target is PSObjectMarker or target is None:
        return value.value if isinstance(value, ArgumentNumber) else value
    if target is str:
        if isinstance(value, ArgumentNumber):
            return value.text
        return to_string(value, ofs)
    if isinstance(target, ArrayOf):
        if value is None:
            return None
        if isinstance(value, str) and target.element is Char:
            return TypedArray((Char(c) for c in value), Char)
        # elements convert one by one, so a literal 20MB still reaches [string[]] as "20MB"
        items = value if isinstance(value, list) else [value]
        return TypedArray((convert_to(item, target.element, ofs) for item in items), target.element)
    if isinstance(value, ArgumentNumber):
        if getattr(target, "convert", None) is not None and not (
                isinstance(target, type) and issubclass(target, enum.Enum)):
            return _convert_custom(value, target)
        value = value.value
    if target is list:
        if value is None:
            return None
        return value if isinstance(value, list) else [value]
    if target is ArrayList:
        if value is None:
            return ArrayList()
        return ArrayList(value if isinstance(value, list) else [value])
    if target is type(None):
        return None
    if target is bool:
        return to_bool(value)
    if target is SwitchParameter:
        return SwitchParameter(to_bool(value))
    if value is None:
        return _convert_null(target)
    if isinstance(value, list) and target not in (Hashtable, OrderedHashtable, PSObject):
        value = _first_if_single(value, target)
    if isinstance(target, type):
        if target in _INT_RANGES:
            return _to_integer(value, target)
        if target is BigInteger:
            if isinstance(value, (float, Decimal)):
                return BigInteger(int(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)))
            number = to_number(value)
            return BigInteger(int(number))
        if target is float:
            return _to_double(value)
        if target is Decimal:
            return _to_decimal(value)
        if target is Char:
            return _to_char(value)
        if issubclass(target, enum.Enum):
            return convert_enum(value, target)
        if target is datetime:
            if isinstance(value, datetime):
                return value
            if isinstance(value, str):
                return parse_datetime(value)
            if isinstance(value, int) and not isinstance(value, bool):
                try:
                    return datetime(1, 1, 1) + timedelta(microseconds=value // 10)
                except OverflowError:
                    raise _cast_failure(value, target, "Ticks must be between DateTime.MinValue.Ticks "
                                                       "and DateTime.MaxValue.Ticks.") from None
            raise _type_failure(value, target)
        if target is timedelta:
            if isinstance(value, timedelta):
                return value
            if isinstance(value, str):
                return parse_timespan(value)
            if isinstance(value, int) and not isinstance(value, bool):
                try:
                    return timedelta(microseconds=value / 10)
                except OverflowError:
                    raise _cast_failure(value, target, "TimeSpan overflowed because the duration is "
                                                       "too long.") from None
            raise _type_failure(value, target)
        if target is OrderedHashtable:
            if isinstance(value, dict):
                return OrderedHashtable(value.items())
            raise _type_failure(value, target)
        if target is Hashtable:
            if isinstance(value, Hashtable):
                return value
            if isinstance(value, dict):
                return Hashtable(value.items())
            raise _type_failure(value, target)
        if target is PSObject:
            if isinstance(value, dict):
                return PSObject(value.items())
            return value
        if target is Guid:
            if isinstance(value, Guid):
                return value
            try:
                return Guid.parse(to_string(value))
            except ValueError:
                raise _cast_failure(value, target, "Guid should contain 32 digits with 4 dashes "
                                                   "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).") from None
        if target is RegexClass:
            if isinstance(value, re.Pattern):
                return value
            from exshell.language.regex import compile_regex
            return compile_regex(to_string(value), case_sensitive=False)
        if target is PSReference:
            return value if isinstance(value, PSReference) else PSReference(value=value)
        if target is ScriptBlock:
            if isinstance(value, ScriptBlock):
                return value
            raise _type_failure(value, target)
        if getattr(target, "convert", None) is None and isinstance(value, target):
            return value
    if getattr(target, "convert", None) is not None:
        return _convert_custom(value, target)
    raise _type_failure(value, target)


def _convert_null(target: Any) -> Any:
    if isinstance(target, type):
        if target in _INT_RANGES:
            return 0 if target is int else target(0)
        if target is float:
            return 0.0
        if target is Decimal:
            return Decimal(0)
        if target is Char:
            return Char("\0")
        if target in (Hashtable, OrderedHashtable, PSObject, ScriptBlock, RegexClass):
            return None
    raise PSInvalidCastError(message("InvalidCastFromNull", dotnet_name(target)),
                             error_id="InvalidCastFromNull")


def _convert_custom(value: Any, target: Any) -> Any:
    try:
        return target.convert(value)
    except ConversionError as error:
        raise _cast_failure(value, target, str(error)) from None
    except PSInvalidCastError:
        raise


from exshell.language.comparison import compare, equals  # noqa: E402,F401  (re-export)
