"""Number literals and the pieces of text scanning the lexer shares.

Contract: ``scan_number(text, pos)`` recognises a PowerShell numeric literal
at ``pos`` and returns ``(end, value)``, where ``value`` is typed as
PowerShell types it (exshell.language.values) or ``BAD_NUMBER`` when the text
is shaped like a number but its suffix/multiplier does not fit the type
(``500sgb``); ``None`` when no number starts there.  Whether the number is
accepted depends on what follows it, which only the lexer knows.

Also here: the compiled patterns for whitespace, variables, generic-token runs
and type names, ``backtick_escape`` (the escape table of double-quoted
text), and ``add_piece``/``tidy_pieces``, the one way expandable text is built
from literal runs and expansions.  Every pattern is anchored at a position with ``.match(text, pos)`` and
contains no nested quantifiers, so scanning stays linear on huge lines.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, Optional

from exshell.language.values import BigInteger, Byte, Int16, Int64, SByte, UInt16, UInt32, UInt64

BAD_NUMBER = object()

_NUMBER = re.compile(
    r"""(?:0[xX](?P<hex>[0-9a-fA-F]+)
         |(?P<int>\d+)(?:\.(?!\.)(?P<frac>\d*))?
         |\.(?P<lead>\d+))
        (?P<exp>[eE][+\-\u2013\u2014\u2015]?\d+)?
        (?P<suffix>[lLdDnNsSyY]|[uU][lLsSyY]?)?
        (?P<mult>[kKmMgGtTpP][bB])?""",
    re.VERBOSE,
)

_MULTIPLIERS = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40, "p": 1 << 50}

# suffix -> (python type, minimum, maximum)
_INTEGER_SUFFIXES: dict[str, tuple[type, int, int]] = {
    "l": (Int64, -(1 << 63), (1 << 63) - 1),
    "s": (Int16, -(1 << 15), (1 << 15) - 1),
    "y": (SByte, -128, 127),
    "us": (UInt16, 0, (1 << 16) - 1),
    "uy": (Byte, 0, 255),
    "ul": (UInt64, 0, (1 << 64) - 1),
    "n": (BigInteger, -(1 << 4096), 1 << 4096),
}

_DECIMAL_MAX = Decimal("79228162514264337593543950335")
_INT32_MIN, _INT32_MAX = -(1 << 31), (1 << 31) - 1
_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1


def fit_integer(n: int) -> Any:
    """PowerShell's default typing of an integer literal: Int32, Int64, Decimal, Double."""
    if _INT32_MIN <= n <= _INT32_MAX:
        return n
    if _INT64_MIN <= n <= _INT64_MAX:
        return Int64(n)
    if -_DECIMAL_MAX <= n <= _DECIMAL_MAX:
        return Decimal(n)
    return float(n)


def _typed_integer(n: int, suffix: str) -> Any:
    if suffix == "u":
        if 0 <= n <= 0xFFFFFFFF:
            return UInt32(n)
        suffix = "ul"
    if suffix == "d":
        return Decimal(n)
    kind, low, high = _INTEGER_SUFFIXES[suffix]
    if not low <= n <= high:
        return BAD_NUMBER
    return kind(n)


def scan_number(text: str, pos: int) -> Optional[tuple[int, Any]]:
    match = _NUMBER.match(text, pos)
    if match is None:
        return None
    hex_digits, int_digits, frac, lead, exp, suffix, mult = match.group(
        "hex", "int", "frac", "lead", "exp", "suffix", "mult")
    suffix = suffix.lower() if suffix else ""
    multiplier = _MULTIPLIERS[mult[0].lower()] if mult else 1
    end = match.end()
    if hex_digits is not None:
        return end, _hex_value(hex_digits, suffix, multiplier)
    if frac is not None or lead is not None or exp is not None:
        return end, _real_value(int_digits or "0", frac if frac is not None else lead,
                                exp, suffix, multiplier)
    n = int(int_digits) * multiplier
    if not suffix:
        return end, fit_integer(n)
    return end, _typed_integer(n, suffix)


def _hex_value(digits: str, suffix: str, multiplier: int) -> Any:
    n = int(digits, 16)
    if suffix:
        if suffix == "d" or suffix == "n":
            return BAD_NUMBER if suffix == "d" else BigInteger(n * multiplier)
        return _typed_integer(n * multiplier, suffix)
    # Eight hex digits are an Int32 bit pattern, sixteen an Int64 one.
    if len(digits.lstrip("0")) <= 8:
        if n > _INT32_MAX:
            n -= 1 << 32
        return fit_integer(n * multiplier)
    if len(digits.lstrip("0")) <= 16:
        if n > _INT64_MAX:
            n -= 1 << 64
        return fit_integer(n * multiplier)
    return BAD_NUMBER


def _real_value(whole: str, frac: str, exp: Optional[str], suffix: str, multiplier: int) -> Any:
    literal = f"{whole}.{frac or '0'}"
    if exp:
        literal += "e" + exp[1:].replace("\u2013", "-").replace("\u2014", "-").replace("\u2015", "-")
    if suffix == "d":
        try:
            value = Decimal(literal) * multiplier
        except InvalidOperation:
            return BAD_NUMBER
        return value if abs(value) <= _DECIMAL_MAX else BAD_NUMBER
    number = float(literal) * multiplier
    if not suffix:
        return number
    # An integer suffix on a real literal is valid only for a whole value.
    if number != int(number):
        return BAD_NUMBER
    return _typed_integer(int(number), suffix)


# ------------------------------------------------------------------ patterns

# Whitespace other than line breaks.
WHITESPACE = re.compile(r"[^\S\r\n]+")

# A run of characters that can neither end a bareword nor need special care
# (quotes, `$`, backtick).
GENERIC_RUN = re.compile("[^\\s&(),;{|}'\"\u2018\u2019\u201a\u201b\u201c\u201d\u201e$`\\x00]+")

# Variable name after `$`: an optional scope/drive prefix, then name characters.
VARIABLE_NAME = re.compile(r"(?:[\w?]+:(?=[\w?]))?[\w?]+")

# Parameter name after the dash (ends at whitespace, `{}();,|&.[:` and quotes).
PARAMETER_NAME = re.compile("[^\\s{}();,|&.\\[:\\x00'\"\u2018\u2019\u201a\u201b\u201c\u201d\u201e]+")

WORD = re.compile(r"[\w]+")

# Type name characters inside `[...]` (generic arguments are handled by nesting).
TYPE_NAME_RUN = re.compile(r"[\w.`+]+")

LINE_BREAK = re.compile(r"\r\n|\r|\n")


_SIMPLE_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r",
    "t": "\t", "v": "\v",
}

_UNICODE_ESCAPE = re.compile(r"u\{([0-9a-fA-F]{1,6})\}")


def backtick_escape(text: str, pos: int) -> tuple[str, int]:
    """The character a backtick at ``pos - 1`` escapes and the position after it.

    ``pos`` indexes the character after the backtick (the caller checked it exists).
    """
    char = text[pos]
    simple = _SIMPLE_ESCAPES.get(char)
    if simple is not None:
        return simple, pos + 1
    if char == "u":
        match = _UNICODE_ESCAPE.match(text, pos)
        if match:
            code = int(match.group(1), 16)
            if code <= 0x10FFFF:
                return chr(code), match.end()
    return char, pos + 1


def add_piece(parts: list[Any], literal: list[str], piece: Any) -> None:
    """Add one piece of expandable text to ``parts``.

    Text joins the pending literal run in ``literal``; an expansion (an AST
    node) first closes that run into ``parts`` so the text keeps its order.
    The caller appends the last run, ``"".join(literal)``, when the text ends.
    """
    if isinstance(piece, str):
        literal.append(piece)
    else:
        parts.append("".join(literal))
        literal.clear()
        parts.append(piece)


def tidy_pieces(parts: list[Any]) -> list[Any]:
    """Drop empty literal pieces; a text without expansions becomes one string."""
    kept = [part for part in parts if part != ""]
    if all(isinstance(part, str) for part in kept):
        return ["".join(kept)]
    return kept
