"""Comparison as PowerShell's operators and Sort-Object see it.

Contract (re-exported by exshell.language.conversions):
    equals(left, right, case_sensitive=False) -> bool   -eq for scalars; the left operand's
                                                        type decides how the right converts
    compare(left, right, case_sensitive=False) -> int   -1/0/1; raises PSInvalidCastError
                                                        ('Could not compare ...') when the right
                                                        side cannot become the left's type
Strings compare case-insensitively by default, in a culture-like order (lower case
before upper case when they differ only by case).
"""
from __future__ import annotations

import enum
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from exshell.errors import PSRuntimeError, message
from exshell.language import conversions as conv
from exshell.language.values import ArgumentNumber, PSObject, SwitchParameter



def _fold(text: str) -> str:
    return text.casefold()


def _string_order(left: str, right: str, case_sensitive: bool) -> int:
    """Culture-like order: case-insensitive first; lower case before upper case as a tie break."""
    folded_left, folded_right = _fold(left), _fold(right)
    if folded_left != folded_right:
        return -1 if folded_left < folded_right else 1
    if not case_sensitive or left == right:
        return 0
    for a, b in zip(left, right):
        if a != b:
            return -1 if a.islower() else 1
    return 0


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _coerce_right(left: Any, right: Any) -> Any:
    """The right operand converted to the left operand's type (raises on failure)."""
    if isinstance(left, bool):
        return conv.to_bool(right)
    if _is_number(left):
        if _is_number(right):
            return right
        if isinstance(right, bool):
            return int(right)
        if isinstance(right, str):
            number = conv.parse_number_text(right)
            if number is None or not right.strip():
                raise conv._cast_failure(right, type(left), conv.BAD_FORMAT)
            return number
        return conv.to_number(right)
    if isinstance(left, datetime):
        return conv.convert_to(right, datetime)
    if isinstance(left, timedelta):
        return conv.convert_to(right, timedelta)
    if isinstance(left, enum.Enum):
        return conv.convert_enum(right, type(left))
    target = getattr(left, "conversion_type", None)  # a generic value (Unlimited<T>) names its type
    if target is not None and right is not None and not isinstance(right, type(left)):
        return conv.convert_to(right, target)
    converter = getattr(type(left), "convert", None)
    if callable(converter) and right is not None and not isinstance(right, type(left)):
        # value types that know how to parse (Version, ByteQuantifiedSize ...) read the right side
        return conv.convert_to(right, type(left))
    return right


def equals(left: Any, right: Any, case_sensitive: bool = False) -> bool:
    """``left -eq right`` for scalars: the left operand's type decides the comparison."""
    left = left.value if isinstance(left, ArgumentNumber) else left
    right = right.value if isinstance(right, ArgumentNumber) else right
    if left is None or right is None:
        return left is None and right is None
    if isinstance(left, str):
        right_text = conv.to_string(right)
        return left == right_text if case_sensitive else _fold(left) == _fold(right_text)
    try:
        coerced = _coerce_right(left, right)
    except PSRuntimeError:
        return False
    if isinstance(left, SwitchParameter):
        return bool(left) == conv.to_bool(right)
    if isinstance(left, (list, dict, PSObject)) or hasattr(left, "ps_properties"):
        return left is coerced or (type(left).__eq__ is not object.__eq__ and left == coerced
                                   and not isinstance(left, (list, dict)))
    try:
        return bool(left == coerced)
    except TypeError:
        return False


def compare(left: Any, right: Any, case_sensitive: bool = False) -> int:
    """Order of two scalars (-1, 0, 1); None sorts first.  Raises conv.PSInvalidCastError
    ('Could not compare ...') when the right side cannot become the left's type."""
    left = left.value if isinstance(left, ArgumentNumber) else left
    right = right.value if isinstance(right, ArgumentNumber) else right
    if left is None or right is None:
        if left is None and right is None:
            return 0
        if left is None:
            return 0 if right == "" else -1
        return 0 if left == "" else 1
    if isinstance(left, str):
        return _string_order(left, conv.to_string(right), case_sensitive)
    try:
        coerced = _coerce_right(left, right)
    except conv.PSInvalidCastError as error:
        failure = conv.PSInvalidCastError(
            message("ComparisonFailure", conv.to_string(left), conv.to_string(right), error.record.message),
            error.inner, error_id="ComparisonFailure")
        # PowerShell reports it as a RuntimeException wrapping the cast failure
        record = failure.record
        record.category, record.reason = "InvalidOperation", "RuntimeException"
        record.exception_type = "System.Management.Automation.RuntimeException"
        record.inner_exception_type = "System.Management.Automation.PSInvalidCastException"
        raise failure from None
    if isinstance(left, bool):
        left, coerced = int(left), int(coerced)
    if isinstance(left, enum.Enum):
        left, coerced = left.value, coerced.value
    try:
        return -1 if left < coerced else (1 if left > coerced else 0)
    except TypeError:
        return _string_order(conv.to_string(left), conv.to_string(right), case_sensitive)
