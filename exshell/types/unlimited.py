"""Unlimited<T>: a bounded value of T or the word ``unlimited``.

Contract:
  * ``Unlimited(T)`` returns the (cached) parameter type for ``Unlimited<T>``;
    ``T`` is a value type with ``convert`` (ByteQuantifiedSize) or a .NET integer
    primitive (``int`` = Int32, ``UInt32``, ``Int64``) for counts such as
    ResultSize or MaxProtocolErrors.
  * ``Unlimited(T).convert(value)`` accepts ``unlimited`` (any case), an
    ``UnlimitedValue``, or anything ``T`` accepts; returns an ``UnlimitedValue``.
  * ``UnlimitedValue``: ``is_unlimited``, ``value`` (None when unlimited),
    display ``Unlimited`` or T's display, ordering with unlimited greatest,
    equal to a bare T value when bounded.  ``Unlimited(T).UNLIMITED`` is the
    unlimited value of that type.
"""
from __future__ import annotations

import re
from functools import total_ordering
from typing import Any

from exshell.cmdlets.base import ConversionError
from exshell.language.values import ArgumentNumber, Int64, UInt32
from exshell.types.common import cast_failure, fail, reject_null, text_of

UNLIMITED_WORD = "Unlimited"

# .NET integer primitives allowed as T: python type -> (dotnet name, min, max)
_INTEGER_TYPES: dict[type, tuple[str, int, int]] = {
    int: ("System.Int32", -(2 ** 31), 2 ** 31 - 1),
    UInt32: ("System.UInt32", 0, 2 ** 32 - 1),
    Int64: ("System.Int64", -(2 ** 63), 2 ** 63 - 1),
}
_INTEGER_TEXT = re.compile(r"^\s*[+-]?\d+\s*$")


@total_ordering
class UnlimitedValue:
    """One value of Unlimited<T>."""

    __slots__ = ("value", "value_type")

    def __init__(self, value: Any, value_type: Any):
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "value_type", value_type)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Unlimited values are immutable")

    @property
    def is_unlimited(self) -> bool:
        return self.value is None

    @property
    def conversion_type(self) -> "UnlimitedType":
        """What the other operand of a comparison converts to (``$size -lt '20MB'``)."""
        return Unlimited(self.value_type)

    def __str__(self) -> str:
        return UNLIMITED_WORD if self.value is None else str(self.value)

    def __repr__(self) -> str:
        return f"UnlimitedValue({self.value!r})"

    def to_json(self) -> Any:
        if self.value is None:
            return UNLIMITED_WORD
        to_json = getattr(self.value, "to_json", None)
        return to_json() if callable(to_json) else self.value

    def ps_properties(self) -> dict[str, Any]:
        return {"IsUnlimited": self.is_unlimited, "Value": self.value}

    def ps_methods(self) -> dict[str, Any]:
        return {"ToString": self.__str__}

    def ps_type_names(self) -> list[str]:
        return [Unlimited(self.value_type).dotnet_name, "System.ValueType", "System.Object"]

    def _other_value(self, other: Any) -> tuple[bool, Any]:
        """(is_unlimited, bounded value) of a comparable operand, or raise TypeError."""
        if isinstance(other, (str, ArgumentNumber)):
            # PowerShell converts the text to the left operand's type ("unlimited", "20MB").
            other = Unlimited(self.value_type).convert(other)
        if isinstance(other, UnlimitedValue):
            return other.is_unlimited, other.value
        return False, other

    def __eq__(self, other: Any) -> bool:
        try:
            other_unlimited, other_value = self._other_value(other)
        except ConversionError:
            return False
        if self.is_unlimited or other_unlimited:
            return self.is_unlimited and other_unlimited
        return self.value == other_value

    def __lt__(self, other: Any) -> bool:
        try:
            other_unlimited, other_value = self._other_value(other)
        except ConversionError:
            return NotImplemented
        if self.is_unlimited:
            return False
        if other_unlimited:
            return True
        return self.value < other_value

    def __hash__(self) -> int:
        return hash(UNLIMITED_WORD) if self.value is None else hash(self.value)


class UnlimitedType:
    """The parameter type ``Unlimited<T>`` (build it with ``Unlimited(T)``)."""

    reference_name = "Unlimited"

    def __init__(self, value_type: Any):
        self.value_type = value_type
        self.dotnet_name = f"Microsoft.Exchange.Data.Unlimited`1[{_dotnet_name_of(value_type)}]"
        self.UNLIMITED = UnlimitedValue(None, value_type)

    def __repr__(self) -> str:
        return f"Unlimited({getattr(self.value_type, '__name__', self.value_type)})"

    def convert(self, value: Any) -> UnlimitedValue:
        if isinstance(value, UnlimitedValue):
            if value.value_type is self.value_type or value.is_unlimited:
                return value if value.value_type is self.value_type else self.UNLIMITED
            return self.bounded(value.value)
        if value is None:
            reject_null(self.dotnet_name)
        if isinstance(value, (str, ArgumentNumber)):
            if text_of(value, self.dotnet_name).strip().lower() == "unlimited":
                return self.UNLIMITED
        return self.bounded(value)

    def bounded(self, value: Any) -> UnlimitedValue:
        """A bounded value of this type from anything T accepts."""
        if self.value_type in _INTEGER_TYPES:
            return UnlimitedValue(_convert_integer(value, self.value_type), self.value_type)
        return UnlimitedValue(self.value_type.convert(value), self.value_type)

    def from_json(self, data: Any) -> UnlimitedValue:
        return self.convert(data)


_CACHE: dict[Any, UnlimitedType] = {}


def Unlimited(value_type: Any) -> UnlimitedType:  # noqa: N802 - reads as the .NET generic
    """The parameter type ``Unlimited<value_type>`` (one object per T)."""
    found = _CACHE.get(value_type)
    if found is None:
        found = _CACHE[value_type] = UnlimitedType(value_type)
    return found


def _dotnet_name_of(value_type: Any) -> str:
    if value_type in _INTEGER_TYPES:
        return _INTEGER_TYPES[value_type][0]
    return value_type.dotnet_name


def _convert_integer(value: Any, value_type: type) -> int:
    dotnet, low, high = _INTEGER_TYPES[value_type]
    if isinstance(value, ArgumentNumber):
        value = value.value
    if isinstance(value, bool):
        cast_failure(value, dotnet)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            _out_of_range(value, dotnet)
        value = round(value)  # .NET rounds half to even, as Python does
    if isinstance(value, str):
        if not _INTEGER_TEXT.match(value):
            _bad_integer(value, dotnet)
        value = int(value.strip())
    if not isinstance(value, int):
        cast_failure(value, dotnet)
    if not low <= value <= high:
        _out_of_range(value, dotnet)
    return value_type(value) if value_type is not int else int(value)


def _out_of_range(value: Any, dotnet: str) -> None:
    short = dotnet.split(".")[-1]
    article = "an" if short[0] in "AEIOU" else "a"
    fail("InvalidCastExceptionWithInnerException", value, dotnet,
         f"Value was either too large or too small for {article} {short}.")


def _bad_integer(text: str, dotnet: str) -> None:
    fail("InvalidCastExceptionWithInnerException", text, dotnet,
         "Input string was not in a correct format.")

