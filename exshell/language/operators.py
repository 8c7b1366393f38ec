"""PowerShell operators on Python values: arithmetic with .NET numeric typing,
comparison (scalar and array-filtering forms), -like/-match/-replace/-split/-join,
-is/-as, -f, ranges and bitwise operators.

Contract:
    binary(op, left, right, ctx) -> value   ``op`` as the AST spells it ('+', 'eq', 'ceq', 'f'...)
    unary(op, operand, ctx) -> value        '-', '+', '!', 'not', 'bnot', ',', 'split', 'join'
    arith(op, left, right) -> value         '+', '-', '*', '/', '%' only
    is_instance(value, target) -> bool      the -is test
``ctx`` gives ``ctx.ofs`` (for string conversion) and ``ctx.set_matches(hashtable)``
(-match writes $Matches).  '-and'/'-or' short-circuit in the evaluator; here they
are plain.  Failures raise errors.PSRuntimeError records.  The regex and formatting modules are
imported by the operators that need them, keeping ``1+1`` cheap to start.
"""
from __future__ import annotations

import enum
import math
from datetime import datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal, DivisionByZero, InvalidOperation, localcontext
from typing import Any

from exshell.cmdlets.base import ArrayOf
from exshell.errors import ErrorRecord, PSRuntimeError, message
from exshell.language import conversions as conv
from exshell.language.values import (
    BigInteger, Char, Hashtable, Int64, OrderedHashtable, PSObject,
    SwitchParameter, TypedArray, UInt64, unwrap,
)

_MAX_RANGE = 50_000_000


def runtime_error(error_id: str, *args: Any, category: str = "InvalidOperation",
                  reason: str = "RuntimeException") -> PSRuntimeError:
    return PSRuntimeError(ErrorRecord(message=message(error_id, *args), error_id=error_id,
                                      category=category, reason=reason))


# --------------------------------------------------------------- arithmetic

def _numeric_kind(value: Any) -> str:
    if isinstance(value, float):
        return "double"
    if isinstance(value, Decimal):
        return "decimal"
    if isinstance(value, BigInteger):
        return "bigint"
    if isinstance(value, (Int64, UInt64)) or (isinstance(value, int) and not -2**31 <= value < 2**31):
        return "long"
    return "int"


def _typed_int(number: int, kind: str) -> Any:
    if kind == "bigint":
        return BigInteger(number)
    if kind == "int":
        # Windows PowerShell 5.1: an Int32 result that overflows becomes a Double, not an Int64
        return int(number) if -2**31 <= number < 2**31 else float(number)
    if -2**63 <= number < 2**63:
        return Int64(number)
    return float(number)


def _combine(left: Any, right: Any) -> str:
    kinds = {_numeric_kind(left), _numeric_kind(right)}
    for kind in ("double", "decimal", "bigint", "long"):
        if kind in kinds:
            return kind
    return "int"


def _divide_by_zero() -> PSRuntimeError:
    return PSRuntimeError(ErrorRecord(
        message=message("RuntimeException.DivideByZero"), error_id="RuntimeException",
        category="NotSpecified", reason="RuntimeException",
        inner_exception_type="System.DivideByZeroException"))


_DECIMAL_MANTISSA_LIMIT = 2 ** 96  # System.Decimal keeps a 96-bit integer and a scale


def _decimal_quotient(a: Decimal, b: Decimal) -> Decimal:
    """a / b as System.Decimal gives it: 29 significant digits when they fit in its
    96-bit mantissa (10d/3 -> 3.3333333333333333333333333333), else 28; never more
    than 28 decimal places (1d/3 -> 0.3333333333333333333333333333)."""
    with localcontext() as context:
        context.prec = 29
        quotient = a / b
    if abs(int(quotient.scaleb(-quotient.as_tuple().exponent))) >= _DECIMAL_MANTISSA_LIMIT:
        with localcontext() as context:
            context.prec = 28
            quotient = a / b
    exponent = quotient.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -28:  # at most 28 decimal places
        quotient = quotient.quantize(Decimal(1).scaleb(-28), rounding=ROUND_HALF_EVEN)
    return quotient


def numeric_op(op: str, left: Any, right: Any) -> Any:
    kind = _combine(left, right)
    if kind == "double":
        a, b = float(left), float(right)
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            if b == 0:
                if a == 0 or a != a:
                    return float("nan")
                return math.copysign(float("inf"), a) * math.copysign(1.0, b)
            return a / b
        if b == 0:
            return float("nan")
        return math.fmod(a, b)
    if kind == "decimal":
        a = left if isinstance(left, Decimal) else Decimal(left)
        b = right if isinstance(right, Decimal) else Decimal(right)
        try:
            if op == "+":
                result = a + b
            elif op == "-":
                result = a - b
            elif op == "*":
                result = a * b
            elif op == "/":
                if b == 0:
                    raise _divide_by_zero()
                result = _decimal_quotient(a, b)
            else:
                if b == 0:
                    raise _divide_by_zero()
                result = a.__mod__(b)
        except (DivisionByZero, InvalidOperation):
            raise _divide_by_zero() from None
        return result
    a, b = int(left), int(right)
    if op == "+":
        return _typed_int(a + b, kind)
    if op == "-":
        return _typed_int(a - b, kind)
    if op == "*":
        return _typed_int(a * b, kind)
    if b == 0:
        raise _divide_by_zero()
    if op == "/":
        if a % b == 0:
            return _typed_int(a // b, kind)
        return a / b
    remainder = abs(a) % abs(b)
    return _typed_int(-remainder if a < 0 else remainder, kind)


def _as_number(value: Any) -> Any:
    if isinstance(value, Char):
        return ord(value)
    return conv.to_number(value)


_PLAIN_NUMBERS = (int, float)  # exact types only: bool, Int64 ... take the full path
_MAX_REPEAT = 100_000_000  # elements or characters one repetition may build


def _check_size(size: int) -> None:
    """A huge repetition fails as .NET runs out of memory, instead of exhausting ours."""
    if size > _MAX_REPEAT:
        raise PSRuntimeError(ErrorRecord(
            message="Exception of type 'System.OutOfMemoryException' was thrown.",
            error_id="System.OutOfMemoryException", category="OperationStopped",
            reason="OutOfMemoryException", exception_type="System.OutOfMemoryException"))


def _op_name(op: str) -> str:
    return {"+": "op_Addition", "-": "op_Subtraction", "*": "op_Multiply", "/": "op_Division",
            "%": "op_Modulus"}[op]


def arith(op: str, left: Any, right: Any, ofs: str = " ") -> Any:
    if type(left) in _PLAIN_NUMBERS and type(right) in _PLAIN_NUMBERS:  # the common case, first
        return numeric_op(op, left, right)
    left, right = unwrap(left), unwrap(right)
    if left is None:
        if op == "+":
            if isinstance(right, list):
                return list(right)
            return right
        if op == "*":
            return None
        left = 0
    if isinstance(left, list):
        if op == "+":
            return list(left) + (list(right) if isinstance(right, list) else [right])
        if op == "*":
            count = conv.convert_to(right, int)
            _check_size(len(left) * count)
            return list(left) * max(count, 0)
        raise runtime_error("MethodNotFound", "System.Object[]", _op_name(op), category="InvalidOperation")
    if isinstance(left, dict):
        if op == "+":
            if not isinstance(right, dict):
                raise runtime_error("AddHashTableToNonHashTable")
            merged = type(left)(left.items())
            for key, value in right.items():
                if key in merged:
                    raise PSRuntimeError(ErrorRecord(
                        message=f"Item has already been added. Key in dictionary: '{key}'  "
                                f"Key being added: '{key}'",
                        error_id="System.ArgumentException", category="NotSpecified",
                        reason="ArgumentException"))
                merged[key] = value
            return merged
        raise runtime_error("MethodNotFound", conv.type_name(left), _op_name(op))
    if isinstance(left, str) and not isinstance(left, Char):
        if op == "+":
            return left + conv.to_string(right, ofs)
        if op == "*":
            count = conv.convert_to(right, int)
            _check_size(len(left) * count)
            return left * max(count, 0)
    if isinstance(left, datetime):
        try:
            if op == "+" and isinstance(right, timedelta):
                return left + right
            if op == "-" and isinstance(right, (datetime, timedelta)):
                return left - right
            if op in "+-":
                ticks = timedelta(microseconds=conv.convert_to(right, Int64) / 10)
                return left + ticks if op == "+" else left - ticks
        except OverflowError:
            raise PSRuntimeError(ErrorRecord(
                message="The added or subtracted value results in an un-representable DateTime.",
                error_id="ArgumentOutOfRangeException", category="NotSpecified",
                reason="ArgumentOutOfRangeException")) from None
    if isinstance(left, timedelta):
        if op in "+-" and isinstance(right, timedelta):
            return left + right if op == "+" else left - right
    if isinstance(left, (PSObject, Hashtable)) or hasattr(left, "ps_properties") or isinstance(
            left, (SwitchParameter,)) and op != "+":
        raise runtime_error("MethodNotFound", conv.type_name(left), _op_name(op))
    a = _as_number(left)
    if isinstance(right, list):
        raise runtime_error("OperatorNotSupported", conv.type_name(left), op, "System.Object[]")
    b = _as_number(right)
    return numeric_op(op, a, b)


# --------------------------------------------------------------- comparison

_COMPARISON = {"eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch",
               "contains", "notcontains", "in", "notin", "replace", "split"}


def split_operator(op: str) -> tuple[str, bool]:
    """('ceq' -> ('eq', True)); 'ieq' and 'eq' are case-insensitive."""
    if len(op) > 1 and op[0] in "ci" and op[1:] in _COMPARISON:
        return op[1:], op[0] == "c"
    return op, False


def _scalar_compare(base: str, left: Any, right: Any, case: bool, ctx: Any) -> bool:
    if base == "eq":
        return conv.equals(left, right, case)
    if base == "ne":
        return not conv.equals(left, right, case)
    if base in ("gt", "ge", "lt", "le"):
        if left is None or right is None:
            order = conv.compare(left, right, case)
        else:
            order = conv.compare(left, right, case)
        return {"gt": order > 0, "ge": order >= 0, "lt": order < 0, "le": order <= 0}[base]
    if base in ("like", "notlike"):
        from exshell.language.regex import wildcard_to_regex
        pattern = wildcard_to_regex(conv.to_string(right, ctx.ofs), case)
        found = pattern.match(conv.to_string(left, ctx.ofs)) is not None
        return found if base == "like" else not found
    raise AssertionError(base)


_NUMBER_COMPARISONS = {"eq": lambda a, b: a == b, "ne": lambda a, b: a != b, "gt": lambda a, b: a > b,
                       "ge": lambda a, b: a >= b, "lt": lambda a, b: a < b, "le": lambda a, b: a <= b}


def compare_op(base: str, left: Any, right: Any, case: bool, ctx: Any) -> Any:
    if type(left) in _PLAIN_NUMBERS and type(right) in _PLAIN_NUMBERS and base in _NUMBER_COMPARISONS:
        return _NUMBER_COMPARISONS[base](left, right)  # the common case, first
    from exshell.language.regex import compile_regex, match_groups
    left, right = unwrap(left), unwrap(right)
    if base in ("contains", "notcontains", "in", "notin"):
        collection, item = (left, right) if base in ("contains", "notcontains") else (right, left)
        items = collection if isinstance(collection, list) else [collection]
        found = any(conv.equals(element, item, case) for element in items)
        return found if base in ("contains", "in") else not found
    if base in ("match", "notmatch"):
        pattern = compile_regex(conv.to_string(right, ctx.ofs), case)
        if isinstance(left, list):
            keep = base == "match"
            return [element for element in left
                    if (pattern.search(conv.to_string(element, ctx.ofs)) is not None) == keep]
        found = pattern.search(conv.to_string(left, ctx.ofs))
        if found is not None:
            ctx.set_matches(match_groups(found))
        return (found is not None) if base == "match" else found is None
    if isinstance(left, list):
        return [element for element in left if _scalar_compare(base, element, right, case, ctx)]
    return _scalar_compare(base, left, right, case, ctx)


def replace_op(left: Any, right: Any, case: bool, ctx: Any) -> Any:
    from exshell.language.regex import compile_regex, translate_replacement
    right = unwrap(right)
    if isinstance(right, list):
        if len(right) > 2:
            raise runtime_error("OperatorNotSupported", "System.Object[]", "-replace", "System.Object[]")
        pattern_text = conv.to_string(right[0], ctx.ofs) if right else ""
        replacement = conv.to_string(right[1], ctx.ofs) if len(right) > 1 else ""
    else:
        pattern_text, replacement = conv.to_string(right, ctx.ofs), ""
    pattern = compile_regex(pattern_text, case)
    python_replacement = translate_replacement(replacement)

    def apply(value: Any) -> str:
        try:
            return pattern.sub(python_replacement, conv.to_string(value, ctx.ofs))
        except (IndexError, Exception) as error:  # a $n naming a group that does not exist
            if isinstance(error, PSRuntimeError):
                raise
            return pattern.sub(lambda m: _safe_expand(m, replacement), conv.to_string(value, ctx.ofs))

    left = unwrap(left)
    if isinstance(left, list):
        return [apply(element) for element in left]
    return apply(left)


def _safe_expand(match: Any, replacement: str) -> str:
    """.NET leaves a reference to a missing group as literal text."""
    import re as _re

    def group_text(ref: Any) -> str:
        name = ref.group(1) or ref.group(2)
        try:
            key: Any = int(name) if name.isdigit() else name
            return match.group(key) or ""
        except (IndexError, _re.error):
            return ref.group(0)

    return _re.sub(r"\$(?:(\d+)|\{([^}]*)\})", group_text, replacement).replace("$$", "$")


def split_op(left: Any, right: Any, case: bool, ctx: Any) -> list:
    from exshell.language.regex import compile_regex
    import re
    right = unwrap(right)
    limit = 0
    options = ""
    if isinstance(right, list):
        pattern_text = conv.to_string(right[0], ctx.ofs) if right else " "
        if len(right) > 1:
            limit = conv.convert_to(right[1], int)
        if len(right) > 2:  # 'SimpleMatch', 'IgnoreCase', 'RegexMatch', ... (comma separated)
            options = conv.to_string(right[2], ctx.ofs).lower()
    else:
        pattern_text = conv.to_string(right, ctx.ofs)
    if "simplematch" in options:
        pattern_text = re.escape(pattern_text)
    if "ignorecase" in options:
        case = False
    pattern = compile_regex(pattern_text, case)
    results: list = []
    for value in (left if isinstance(left, list) else [left]):
        text = conv.to_string(value, ctx.ofs)
        pieces = pattern.split(text, maxsplit=max(limit - 1, 0)) if limit != 1 else [text]
        # Python includes captured groups like .NET does; drop unmatched (None) groups
        results.extend(piece if piece is not None else "" for piece in pieces)
    return results


def join_op(left: Any, right: Any, ctx: Any) -> str:
    left = unwrap(left)
    items = left if isinstance(left, list) else [left]
    return conv.to_string(right, ctx.ofs).join(conv.to_string(item, ctx.ofs) for item in items)


def format_op(left: Any, right: Any, ctx: Any) -> str:
    from exshell.language import formatting
    args = list(right) if isinstance(right, list) else [right]
    template = conv.to_string(left, ctx.ofs)
    try:
        return formatting.composite_format(template, args, lambda v: conv.to_string(v, ctx.ofs))
    except formatting.FormatError as error:
        # PowerShell shows .NET's reason and names the template as the target
        raise PSRuntimeError(ErrorRecord(
            message=message("FormatError", str(error)), error_id="FormatError",
            category="InvalidOperation", reason="RuntimeException", target_object=template,
            target_name=template, target_type="String",
            inner_exception_type="System.FormatException")) from None


# ------------------------------------------------------------------ types

_EXACT_TYPES = (int, Int64, float, Decimal, bool, str, Char)


def is_instance(value: Any, target: Any) -> bool:
    value = unwrap(value)
    if value is None:
        return False
    if target is object or target is conv.PSObjectMarker:
        return True
    if isinstance(target, ArrayOf):
        return isinstance(value, TypedArray) and value.element_type == target.element
    if target is list:
        return isinstance(value, list)
    if target in _EXACT_TYPES or (isinstance(target, type) and issubclass(target, int)
                                  and target is not bool):
        return type(value) is target
    if target is Hashtable:
        return isinstance(value, Hashtable) and not isinstance(value, OrderedHashtable)
    if target is PSObject:
        return isinstance(value, PSObject)
    if target is conv.RegexClass:
        import re
        return isinstance(value, re.Pattern)
    if isinstance(target, type):
        return isinstance(value, target)
    names = getattr(value, "ps_type_names", None)
    if callable(names):
        return conv.dotnet_name(target) in names()
    return False


def as_op(value: Any, target: Any, ctx: Any) -> Any:
    try:
        return conv.convert_to(value, target, ctx.ofs)
    except PSRuntimeError:
        return None


# ------------------------------------------------------------------ others

def range_op(left: Any, right: Any) -> list:
    return list(range_iter(left, right))


def range_iter(left: Any, right: Any) -> range:
    """The numbers of ``left..right`` without building them (a pipeline takes them one
    by one, so ``1..10000000 | Select-Object -First 2`` stops at once)."""
    start = conv.convert_to(left, int)
    stop = conv.convert_to(right, int)
    if abs(stop - start) >= _MAX_RANGE:
        raise runtime_error("RangeTooBig")
    step = 1 if stop >= start else -1
    return range(start, stop + step, step)


def _bit_operand(value: Any) -> int:
    value = unwrap(value)
    if isinstance(value, enum.Enum):
        return int(value.value)
    if isinstance(value, float) or isinstance(value, Decimal):
        return conv.convert_to(value, Int64)
    return int(_as_number(value))


def bitwise(op: str, left: Any, right: Any) -> Any:
    a, b = _bit_operand(left), _bit_operand(right)
    result = {"band": a & b, "bor": a | b, "bxor": a ^ b}[op]
    kind = _combine(a, b)
    if isinstance(unwrap(left), enum.Enum) and type(unwrap(left)) is type(unwrap(right)):
        return type(unwrap(left))(result)
    return _typed_int(result, kind)


def binary(op: str, left: Any, right: Any, ctx: Any) -> Any:
    if op in ("+", "-", "*", "/", "%"):
        # $OFS matters only when something is turned into a string
        return arith(op, left, right, ctx.ofs if isinstance(left, str) else " ")
    if op == "..":
        return range_op(left, right)
    if op == "f":
        return format_op(left, right, ctx)
    if op in ("and", "or", "xor"):
        a, b = conv.to_bool(left), conv.to_bool(right)
        return {"and": a and b, "or": a or b, "xor": a != b}[op]
    if op in ("band", "bor", "bxor"):
        return bitwise(op, left, right)
    if op in ("shl", "shr"):
        value, count = _bit_operand(left), _bit_operand(right) & 63
        kind = _numeric_kind(value)
        bits = 32 if kind == "int" else 64
        shifted = value << (count % bits) if op == "shl" else value >> (count % bits)
        if op == "shl":  # wrap like the .NET integer of the left operand
            shifted &= (1 << bits) - 1
            if shifted >= 1 << (bits - 1):
                shifted -= 1 << bits
        return _typed_int(shifted, kind)
    if op == "join":
        return join_op(left, right, ctx)
    if op in ("is", "isnot"):
        result = is_instance(left, right)
        return result if op == "is" else not result
    if op == "as":
        return as_op(left, right, ctx)
    base, case = split_operator(op)
    if base == "replace":
        return replace_op(left, right, case, ctx)
    if base == "split":
        return split_op(left, right, case, ctx)
    if base in _COMPARISON:
        return compare_op(base, left, right, case, ctx)
    raise runtime_error("OperatorNotSupported", conv.type_name(left), "-" + op, conv.type_name(right))


def unary(op: str, operand: Any, ctx: Any) -> Any:
    if op in ("!", "not"):
        return not conv.to_bool(operand)
    if op == ",":
        return [operand]
    if op == "-":
        value = unwrap(operand)
        if isinstance(value, list):
            raise runtime_error("OperatorNotSupported", "", "-", "System.Object[]")
        return arith("*", _as_number(value), -1) if not isinstance(value, float) else -value
    if op == "+":
        return _as_number(unwrap(operand))
    if op == "bnot":
        value = _bit_operand(operand)
        return _typed_int(~value, _numeric_kind(value))
    if op == "split":
        results: list = []
        for value in (operand if isinstance(operand, list) else [operand]):
            results.extend(conv.to_string(value, ctx.ofs).split())
        return results
    if op == "join":
        items = operand if isinstance(operand, list) else [operand]
        return "".join(conv.to_string(item, ctx.ofs) for item in items)
    raise runtime_error("OperatorNotSupported", "", op, conv.type_name(operand))
