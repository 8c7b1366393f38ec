""".NET text forms of numbers and dates: ToString(), format strings and the -f operator.

Contract:
    format_double(x) -> str        .NET Framework Double.ToString(): 15 significant digits,
                                   scientific ('1E+16', '1E-05') outside 1e-5 <= |x| < 1e15
    format_double_roundtrip(x)     ToString("R"): G15 if it reads back exactly, else G17
    format_decimal(d) -> str       System.Decimal.ToString(): keeps the scale ('1.0')
    format_with(value, spec) -> str  value.ToString(spec) for numbers and datetimes
                                   (standard C D E F G N P R X and custom 0 # . , % formats)
    composite_format(template, args) -> str   the -f operator / [string]::Format
                                   ({0}, {0,5}, {0:N2}, {{ }}); raises FormatError

Culture: display follows en-US (PowerShell's usual culture for Exchange shells);
there is no culture machinery, so one table of symbols below is all there is.
"""
from __future__ import annotations

import math
from datetime import datetime, timedelta
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Callable, Optional

# en-US symbols used by the N, C and P formats and by dates.
GROUP_SEPARATOR = ","
DECIMAL_POINT = "."
CURRENCY_SYMBOL = "$"
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class FormatError(Exception):
    """A malformed format string; the text is .NET's FormatException message."""


def format_double(value: float, precision: int = 15) -> str:
    """.NET Framework's Double.ToString(): at most 15 significant digits ("G15").

    Windows PowerShell 5.1 shows doubles this way (0.1+0.2 -> 0.3, 10/3 ->
    3.33333333333333); PowerShell 7's shortest round-trip digits are not the target."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"  # .NET Framework prints negative zero as plain 0
    mantissa, _, exponent_text = f"{value:.{precision - 1}e}".partition("e")
    negative = mantissa.startswith("-")
    digits = mantissa.lstrip("-").replace(".", "").rstrip("0") or "0"
    return _place_point(negative, digits, int(exponent_text), precision)


def format_double_roundtrip(value: float) -> str:
    """Double.ToString("R") on .NET Framework: G15 when it reads back exactly, else G17."""
    if math.isnan(value) or math.isinf(value) or value == 0:
        return format_double(value)
    text = format_double(value)
    if float(text) == value:
        return text
    return format_double(value, 17)


def _place_point(negative: bool, digits: str, sci_exponent: int, precision: int) -> str:
    """Significant digits -> the "G" layout: scientific outside 1e-4 <= |x| < 10**precision."""
    prefix = "-" if negative else ""
    if sci_exponent >= precision or sci_exponent < -4:
        mantissa = digits[0]
        if len(digits) > 1:
            mantissa += "." + digits[1:]
        exp_sign = "+" if sci_exponent >= 0 else "-"
        return f"{prefix}{mantissa}E{exp_sign}{abs(sci_exponent):02d}"
    if sci_exponent < 0:
        return f"{prefix}0.{'0' * (-sci_exponent - 1)}{digits}"
    integer_part = digits[:sci_exponent + 1].ljust(sci_exponent + 1, "0")
    fraction = digits[sci_exponent + 1:]
    return f"{prefix}{integer_part}.{fraction}" if fraction else f"{prefix}{integer_part}"


def format_decimal(value: Decimal) -> str:
    if value.is_nan():
        return "NaN"
    text = format(value, "f")
    return "0" if text in ("-0",) else text


# ----------------------------------------------------------------- numbers

def _as_decimal(value: Any) -> Decimal:
    if isinstance(value, float):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value
    return Decimal(int(value))


def _group(integer_digits: str) -> str:
    groups = []
    while len(integer_digits) > 3:
        groups.insert(0, integer_digits[-3:])
        integer_digits = integer_digits[:-3]
    groups.insert(0, integer_digits)
    return GROUP_SEPARATOR.join(groups)


def _fixed(value: Any, decimals: int, grouping: bool) -> str:
    number = _as_decimal(value)
    quantum = Decimal(1).scaleb(-decimals)
    rounded = number.quantize(quantum, rounding=ROUND_HALF_UP) if number.is_finite() else number
    negative = rounded < 0
    text = format(abs(rounded), "f")
    integer, _, fraction = text.partition(".")
    if grouping:
        integer = _group(integer)
    body = integer + (DECIMAL_POINT + fraction if decimals > 0 else "")
    return ("-" if negative else "") + body


def _exponential(value: Any, decimals: int, upper: bool, min_exp_digits: int = 3) -> str:
    number = _as_decimal(value)
    if number == 0:
        mantissa, exponent = "0" + ("." + "0" * decimals if decimals else ""), 0
        negative = False
    else:
        negative = number < 0
        number = abs(number)
        exponent = number.adjusted()
        scaled = number.scaleb(-exponent).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        if scaled >= 10:
            exponent += 1
            scaled = (scaled / 10).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        mantissa = format(scaled, "f")
    letter = "E" if upper else "e"
    exp_sign = "+" if exponent >= 0 else "-"
    return f"{'-' if negative else ''}{mantissa}{letter}{exp_sign}{abs(exponent):0{min_exp_digits}d}"


def _general(value: Any, precision: Optional[int], upper: bool) -> str:
    if precision is None or precision == 0:
        if isinstance(value, float):
            return format_double(value)
        if isinstance(value, Decimal):
            return format_decimal(value)
        return str(int(value))
    number = _as_decimal(value)
    if number == 0:
        return "0"
    exponent = number.adjusted()
    rounded = number.quantize(Decimal(1).scaleb(exponent - precision + 1), rounding=ROUND_HALF_UP)
    exponent = rounded.adjusted()
    if exponent >= precision or exponent < -4:
        text = _exponential(rounded, precision - 1, upper, min_exp_digits=2)
        mantissa, _, exp = text.partition("E" if upper else "e")
        if "." in mantissa:
            mantissa = mantissa.rstrip("0").rstrip(".")
        return f"{mantissa}{'E' if upper else 'e'}{exp}"
    text = format(rounded, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _integral_check(value: Any, letter: str) -> int:
    if isinstance(value, (float, Decimal)) or isinstance(value, bool):
        raise FormatError("Format specifier was invalid.")
    return int(value)


def _standard_number(value: Any, letter: str, precision: Optional[int]) -> Optional[str]:
    upper = letter.isupper()
    kind = letter.upper()
    if kind == "D":
        number = _integral_check(value, letter)
        digits = str(abs(number)).rjust(precision or 0, "0")
        return ("-" if number < 0 else "") + digits
    if kind == "X":
        number = _integral_check(value, letter)
        if number < 0:
            number &= (1 << 64) - 1 if number < -(1 << 31) or int.bit_length(number) > 32 else (1 << 32) - 1
        digits = format(number, "X" if upper else "x")
        return digits.rjust(precision or 0, "0")
    if kind == "F":
        return _fixed(value, 2 if precision is None else precision, grouping=False)
    if kind == "N":
        return _fixed(value, 2 if precision is None else precision, grouping=True)
    if kind == "C":
        text = _fixed(value, 2 if precision is None else precision, grouping=True)
        return f"({CURRENCY_SYMBOL}{text[1:]})" if text.startswith("-") else CURRENCY_SYMBOL + text
    if kind == "P":
        text = _fixed(_as_decimal(value) * 100, 2 if precision is None else precision, grouping=True)
        return f"{text} %"
    if kind == "E":
        return _exponential(value, 6 if precision is None else precision, upper)
    if kind == "G":
        return _general(value, precision, upper)
    if kind == "R":
        if isinstance(value, float):
            return format_double_roundtrip(value)
        return _general(value, None, upper)
    return None


def _custom_number(value: Any, spec: str) -> str:
    """Custom numeric formats: 0 and # placeholders, '.', ',' grouping, '%', quoted literals.

    Sections separated by ';' pick the positive/negative/zero form."""
    sections = _split_sections(spec)
    number = _as_decimal(value)
    section = sections[0]
    use_sign = True
    if len(sections) > 1 and number < 0:
        section, use_sign = sections[1], False
    if len(sections) > 2 and number == 0:
        section = sections[2]
    literal_parts: list[tuple[str, str]] = []  # (kind, text) kind: 'lit' or 'fmt'
    index = 0
    pattern = ""
    while index < len(section):
        char = section[index]
        if char in "'\"":
            end = section.find(char, index + 1)
            end = len(section) if end < 0 else end
            literal_parts.append(("lit", section[index + 1:end]))
            index = end + 1
            continue
        if char == "\\" and index + 1 < len(section):
            literal_parts.append(("lit", section[index + 1]))
            index += 2
            continue
        if char in "0#.,%":
            literal_parts.append(("fmt", char))
        else:
            literal_parts.append(("lit", char))
        index += 1
    pattern = "".join(text for kind, text in literal_parts if kind == "fmt")
    if "%" in pattern:
        number *= 100
    integer_pattern, _, fraction_pattern = pattern.replace("%", "").partition(".")
    grouping = "," in integer_pattern.strip(",")
    # trailing commas scale by 1000 each
    scale_commas = len(integer_pattern) - len(integer_pattern.rstrip(","))
    number /= Decimal(1000) ** scale_commas
    integer_pattern = integer_pattern.replace(",", "")
    fraction_pattern = fraction_pattern.replace(",", "")
    max_decimals = len(fraction_pattern)
    min_decimals = len(fraction_pattern.rstrip("#"))
    rounded = abs(number).quantize(Decimal(1).scaleb(-max_decimals), rounding=ROUND_HALF_UP)
    text = format(rounded, "f")
    integer_digits, _, fraction_digits = text.partition(".")
    fraction_digits = fraction_digits.rstrip("0").ljust(min_decimals, "0")
    min_integer = len(integer_pattern) - len(integer_pattern.lstrip("#"))
    min_integer = integer_pattern.count("0")
    integer_digits = integer_digits.lstrip("0")
    integer_digits = integer_digits.rjust(min_integer, "0")
    if grouping and integer_digits:
        integer_digits = _group(integer_digits)
    number_text = integer_digits + (DECIMAL_POINT + fraction_digits if fraction_digits else "")
    # place the number where the first placeholder was, keep the literals around it
    output = []
    placed = False
    for kind, part in literal_parts:
        if kind == "lit":
            output.append(part)
        elif part == "%":
            if not placed:
                output.append(number_text)
                placed = True
            output.append("%")
        elif not placed:
            output.append(number_text)
            placed = True
    result = "".join(output)
    if use_sign and number < 0 and rounded != 0:
        result = "-" + result
    return result


def _split_sections(spec: str) -> list[str]:
    sections, current, quote = [], [], None
    for char in spec:
        if quote:
            current.append(char)
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
            current.append(char)
        elif char == ";":
            sections.append("".join(current))
            current = []
        else:
            current.append(char)
    sections.append("".join(current))
    return sections


def format_number(value: Any, spec: str) -> str:
    if not spec:
        return _general(value, None, True)
    letter, rest = spec[0], spec[1:]
    if letter.isalpha() and (rest == "" or rest.isdigit()):
        precision = int(rest) if rest else None
        text = _standard_number(value, letter, precision)
        if text is not None:
            return text
        raise FormatError("Format specifier was invalid.")
    return _custom_number(value, spec)


# ------------------------------------------------------------------- dates

_DATE_STANDARD = {
    "d": "MM/dd/yyyy" if False else "M/d/yyyy",
    "D": "dddd, MMMM d, yyyy",
    "t": "h:mm tt",
    "T": "h:mm:ss tt",
    "f": "dddd, MMMM d, yyyy h:mm tt",
    "F": "dddd, MMMM d, yyyy h:mm:ss tt",
    "g": "M/d/yyyy h:mm tt",
    "G": "M/d/yyyy h:mm:ss tt",
    "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
    "o": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    "O": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    "M": "MMMM d",
    "m": "MMMM d",
    "y": "MMMM yyyy",
    "Y": "MMMM yyyy",
}


def _date_field(moment: datetime, letter: str, count: int) -> str:
    if letter == "y":
        return str(moment.year % 100).rjust(2, "0") if count <= 2 else str(moment.year).rjust(count, "0")
    if letter == "M":
        if count >= 4:
            return MONTH_NAMES[moment.month - 1]
        if count == 3:
            return MONTH_NAMES[moment.month - 1][:3]
        return str(moment.month).rjust(count, "0")
    if letter == "d":
        if count >= 4:
            return DAY_NAMES[moment.weekday()]
        if count == 3:
            return DAY_NAMES[moment.weekday()][:3]
        return str(moment.day).rjust(count, "0")
    if letter == "H":
        return str(moment.hour).rjust(min(count, 2), "0")
    if letter == "h":
        return str(moment.hour % 12 or 12).rjust(min(count, 2), "0")
    if letter == "m":
        return str(moment.minute).rjust(min(count, 2), "0")
    if letter == "s":
        return str(moment.second).rjust(min(count, 2), "0")
    if letter in "fF":
        digits = f"{moment.microsecond:06d}0"[:count]
        return digits.rstrip("0") if letter == "F" else digits
    if letter == "t":
        marker = "AM" if moment.hour < 12 else "PM"
        return marker[:count]
    if letter == "K":
        offset = moment.utcoffset()
        if offset is None:
            return ""
        return "Z" if offset == timedelta(0) else _offset_text(offset, 3)
    if letter == "z":
        offset = moment.utcoffset() or (datetime.now().astimezone().utcoffset() or timedelta(0))
        return _offset_text(offset, count)
    return letter * count


def _offset_text(offset: timedelta, count: int) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    if count == 1:
        return f"{sign}{hours}"
    if count == 2:
        return f"{sign}{hours:02d}"
    return f"{sign}{hours:02d}:{minutes:02d}"


def format_datetime(moment: datetime, spec: str) -> str:
    if len(spec) == 1:
        if spec not in _DATE_STANDARD:
            raise FormatError("Input string was not in a correct format.")
        spec = _DATE_STANDARD[spec]
    elif spec.startswith("%") and len(spec) == 2:
        spec = spec[1]
    output = []
    index = 0
    while index < len(spec):
        char = spec[index]
        if char in "'\"":
            end = spec.find(char, index + 1)
            end = len(spec) if end < 0 else end
            output.append(spec[index + 1:end])
            index = end + 1
        elif char == "\\" and index + 1 < len(spec):
            output.append(spec[index + 1])
            index += 2
        elif char in "yMdHhmsfFtKz":
            count = 1
            while index + count < len(spec) and spec[index + count] == char:
                count += 1
            output.append(_date_field(moment, char, count))
            index += count
        elif char == "/":
            output.append("/")
            index += 1
        elif char == ":":
            output.append(":")
            index += 1
        else:
            output.append(char)
            index += 1
    return "".join(output)


def format_timespan(span: timedelta, spec: str = "") -> str:
    """TimeSpan.ToString(): [-][d.]hh:mm:ss[.fffffff] (the constant 'c' format)."""
    total_ticks = (span.days * 86400 + span.seconds) * 10_000_000 + span.microseconds * 10
    negative = total_ticks < 0
    total_ticks = abs(total_ticks)
    seconds, ticks = divmod(total_ticks, 10_000_000)
    minutes, second = divmod(seconds, 60)
    hours, minute = divmod(minutes, 60)
    days, hour = divmod(hours, 24)
    text = f"{hour:02d}:{minute:02d}:{second:02d}"
    if days:
        text = f"{days}.{text}"
    if ticks:
        text += f".{ticks:07d}"
    return ("-" if negative else "") + text


# -------------------------------------------------------- composite format

def format_with(value: Any, spec: str, to_string: Callable[[Any], str]) -> str:
    """``value.ToString(spec)`` where the type supports format strings, else to_string."""
    from exshell.language.values import ArgumentNumber
    if isinstance(value, ArgumentNumber):
        value = value.value
    if isinstance(value, bool):
        return to_string(value)
    if isinstance(value, (int, float, Decimal)):
        try:
            return format_number(value, spec)
        except (InvalidOperation, OverflowError, ValueError):
            raise FormatError("Format specifier was invalid.") from None
    if isinstance(value, datetime):
        return format_datetime(value, spec)
    if isinstance(value, timedelta):
        return format_timespan(value, spec)
    return to_string(value)


def composite_format(template: str, args: list, to_string: Callable[[Any], str]) -> str:
    """``template -f args``: .NET String.Format rules."""
    output: list[str] = []
    index = 0
    length = len(template)
    bad = "Input string was not in a correct format."
    while index < length:
        char = template[index]
        if char == "{":
            if index + 1 < length and template[index + 1] == "{":
                output.append("{")
                index += 2
                continue
            end = template.find("}", index)
            if end < 0:
                raise FormatError(bad)
            item = template[index + 1:end]
            index = end + 1
            head, _, spec = item.partition(":")
            number_text, _, alignment_text = head.partition(",")
            number_text = number_text.strip()
            if not number_text.isdigit():
                raise FormatError(bad)
            position = int(number_text)
            if position >= len(args):
                raise FormatError(
                    "Index (zero based) must be greater than or equal to zero and less than "
                    "the size of the argument list.")
            value = args[position]
            if not spec and isinstance(value, datetime):
                spec = "G"  # -f formats in the current culture (en-US), "$d" in the invariant one
            text = format_with(value, spec, to_string) if spec else to_string(value)
            if alignment_text.strip():
                try:
                    width = int(alignment_text.strip())
                except ValueError:
                    raise FormatError(bad) from None
                text = text.rjust(width) if width > 0 else text.ljust(-width)
            output.append(text)
        elif char == "}":
            if index + 1 < length and template[index + 1] == "}":
                output.append("}")
                index += 2
                continue
            raise FormatError(bad)
        else:
            next_brace = min((pos for pos in (template.find("{", index), template.find("}", index))
                              if pos >= 0), default=length)
            output.append(template[index:next_brace])
            index = next_brace
    return "".join(output)


def round_half_even(value: Any, digits: int = 0) -> Any:
    """[math]::Round: banker's rounding on the exact value (doubles stay doubles)."""
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return value
        return float(Decimal(value).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN))
    if isinstance(value, Decimal):
        return value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
    return value
