"""ByteQuantifiedSize: an exact byte count written with a unit (``20MB``, ``"1.5 GB"``).

Contract:
  * ``ByteQuantifiedSize.convert(value)`` accepts an int (bytes), an
    ``ArgumentNumber`` (its source text is parsed, so ``20MB`` keeps its unit;
    PowerShell already multiplied the value out, which gives the same bytes), a
    string ``"20MB"``, ``"20 MB"``, ``"1.5GB"``, ``"20971520"``, the display form
    ``"20 MB (20,971,520 bytes)"`` (so ``convert(str(x)) == x``), or another
    instance.  Units B KB MB GB TB are binary (1 KB = 1024 bytes) and
    case-insensitive; a bare number means bytes.
  * Display is Exchange's: ``20 MB (20,971,520 bytes)``, ``1.5 GB (...)``,
    ``0 B (0 bytes)``: the largest unit not above the value, at most four
    significant digits, then the exact count.
  * Values are immutable, hashable, ordered by bytes; ``to_bytes()`` gives the count.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import total_ordering
from typing import Any

from exshell.cmdlets.base import ConversionError
from exshell.language.values import ArgumentNumber
from exshell.types.common import equals_text, fail, reject_null, text_of

# unit -> bytes; ordered from the largest so display picks the biggest fitting unit.
UNIT_BYTES: dict[str, int] = {
    "TB": 1024 ** 4,
    "GB": 1024 ** 3,
    "MB": 1024 ** 2,
    "KB": 1024,
    "B": 1,
}

MAX_BYTES = 2 ** 64 - 1  # Exchange stores the count as UInt64

_QUANTITY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMGT]?B)?\s*$", re.IGNORECASE)
# The display form; only the exact count in parentheses matters when reading it back.
_DISPLAY = re.compile(r"^\s*\d+(?:\.\d+)?\s*[KMGT]?B\s*\(\s*([\d,]+)\s*bytes\s*\)\s*$", re.IGNORECASE)


@total_ordering
class ByteQuantifiedSize:
    """An exact number of bytes."""

    dotnet_name = "Microsoft.Exchange.Data.ByteQuantifiedSize"
    reference_name = "ByteQuantifiedSize"

    __slots__ = ("_bytes",)

    def __init__(self, byte_count: int):
        if not 0 <= byte_count <= MAX_BYTES:
            fail("InvalidByteQuantifiedSize", byte_count)
        object.__setattr__(self, "_bytes", int(byte_count))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("ByteQuantifiedSize values are immutable")

    # -- construction
    @classmethod
    def convert(cls, value: Any) -> "ByteQuantifiedSize":
        if isinstance(value, ByteQuantifiedSize):
            return value
        if value is None:
            reject_null(cls.dotnet_name)
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 0 or value > MAX_BYTES:
                fail("InvalidByteQuantifiedSize", value)
            return cls(value)
        if isinstance(value, ArgumentNumber):
            return cls._from_argument_number(value)
        return cls.parse(text_of(value, cls.dotnet_name))

    @classmethod
    def _from_argument_number(cls, number: ArgumentNumber) -> "ByteQuantifiedSize":
        """The written text decides (``20MB``); literals whose text is no size
        (``0x100``, ``1e6``) fall back to their value as a byte count."""
        try:
            return cls.parse(number.text)
        except ConversionError:
            value = number.value
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_BYTES:
                return cls(value)
            raise

    @classmethod
    def parse(cls, text: str) -> "ByteQuantifiedSize":
        display = _DISPLAY.match(text)
        if display:
            return cls(int(display.group(1).replace(",", "")))
        match = _QUANTITY.match(text)
        if not match:
            fail("InvalidByteQuantifiedSize", text)
        number, unit = match.group(1), (match.group(2) or "B").upper()
        try:
            exact = Decimal(number) * UNIT_BYTES[unit]
        except InvalidOperation:  # pragma: no cover - the pattern admits only digits
            fail("InvalidByteQuantifiedSize", text)
        if exact != exact.to_integral_value() or exact > MAX_BYTES:
            # "1.3B" or fractions that do not land on a whole byte are not sizes.
            if exact > MAX_BYTES or unit == "B":
                fail("InvalidByteQuantifiedSize", text)
            exact = exact.to_integral_value()
        return cls(int(exact))

    @classmethod
    def from_unit(cls, amount: int | float, unit: str) -> "ByteQuantifiedSize":
        """``from_unit(10, "MB")``: a convenience for declarations and defaults."""
        return cls(int(Decimal(str(amount)) * UNIT_BYTES[unit.upper()]))

    # -- reading
    def to_bytes(self) -> int:
        return self._bytes

    def to_kb(self) -> int:
        return self._bytes // UNIT_BYTES["KB"]

    def to_mb(self) -> int:
        return self._bytes // UNIT_BYTES["MB"]

    def ps_properties(self) -> dict[str, Any]:
        return {}

    def ps_methods(self) -> dict[str, Any]:
        """.NET methods scripts call (``$size.ToMB()``); each unit rounds down."""
        methods: dict[str, Any] = {
            f"To{unit if unit != 'B' else 'Bytes'}": (lambda size=size: self._bytes // size)
            for unit, size in UNIT_BYTES.items()
        }
        methods["ToString"] = self.__str__
        return methods

    def ps_type_names(self) -> list[str]:
        return [self.dotnet_name, "System.ValueType", "System.Object"]

    def to_json(self) -> int:
        return self._bytes

    # -- display
    def unit_form(self) -> str:
        """``20 MB``: the short part before the exact count."""
        for unit, size in UNIT_BYTES.items():
            if self._bytes >= size or unit == "B":
                return f"{_four_significant(Decimal(self._bytes) / size)} {unit}"
        raise AssertionError("unreachable")  # pragma: no cover

    def __str__(self) -> str:
        return f"{self.unit_form()} ({self._bytes:,} bytes)"

    def __repr__(self) -> str:
        return f"ByteQuantifiedSize({self._bytes})"

    # -- comparison
    def __eq__(self, other: Any) -> bool:
        if isinstance(other, ByteQuantifiedSize):
            return self._bytes == other._bytes
        return equals_text(self, other)

    def __lt__(self, other: Any) -> bool:
        if isinstance(other, ByteQuantifiedSize):
            return self._bytes < other._bytes
        if isinstance(other, int) and not isinstance(other, bool):
            return self._bytes < other
        return NotImplemented

    def __gt__(self, other: Any) -> bool:
        if isinstance(other, ByteQuantifiedSize):
            return self._bytes > other._bytes
        if isinstance(other, int) and not isinstance(other, bool):
            return self._bytes > other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("ByteQuantifiedSize", self._bytes))


def _four_significant(amount: Decimal) -> str:
    """At most four significant digits, never dropping integer digits, no trailing zeros."""
    integer_digits = len(str(int(amount))) if amount >= 1 else 1
    decimals = max(0, 4 - integer_digits)
    rounded = round(amount, decimals)
    text = f"{rounded:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
