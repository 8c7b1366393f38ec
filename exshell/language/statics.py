"""Static members of .NET types: ``[math]::Round(2.5)``, ``[int]::MaxValue``, ``[string]::Join``.

Contract:
    get_static(target, name) -> value                  ``[T]::Name``
    invoke_static(target, name, args, ctx) -> value    ``[T]::Name(args)``
    regex_instance_method(pattern, name, args)         methods of a [regex] value
``target`` is what conversions.resolve_type returns.  Unknown members raise the
same records as instance members (MethodNotFound); unknown properties read $null.
"""
from __future__ import annotations

import enum
import math
import os
import re
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from exshell.language import conversions as conv
from exshell.language import formatting
from exshell.language.members import RegexMatch, TypeInfo, invocation_failure, method_error
from exshell.language.regex import compile_regex, translate_replacement
from exshell.language.values import (
    BigInteger, Byte, Char, Guid, PSReference, ScriptBlock, Int16, Int64, SByte, UInt16, UInt32, UInt64, unwrap,
)

_RANGES = {
    int: (-2**31, 2**31 - 1), Int64: (-2**63, 2**63 - 1), Int16: (-2**15, 2**15 - 1),
    Byte: (0, 255), SByte: (-128, 127), UInt16: (0, 65535), UInt32: (0, 2**32 - 1),
    UInt64: (0, 2**64 - 1),
}


def _number(value: Any) -> Any:
    return conv.to_number(unwrap(value))


def _round(args: list) -> Any:
    value = _number(args[0])
    digits = conv.convert_to(args[1], int) if len(args) > 1 and not isinstance(unwrap(args[1]), str) else 0
    away = any(conv.to_string(arg).lower() == "awayfromzero" for arg in args[1:])
    if isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if away:
        from decimal import ROUND_HALF_UP
        exact = Decimal(value) if isinstance(value, float) else value
        rounded = exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
        return float(rounded) if isinstance(value, float) else rounded
    return formatting.round_half_even(value, digits)


def _as_float_result(value: Any) -> Any:
    return value if isinstance(value, Decimal) else float(value)


def _min_max(args: list, pick: Any) -> Any:
    a, b = _number(args[0]), _number(args[1])
    result = pick(a, b)
    if isinstance(a, float) or isinstance(b, float):
        return float(result)
    return result


_MATH = {
    "round": _round,
    "floor": lambda a: _as_float_result(math.floor(_number(a[0]))) if not isinstance(
        _number(a[0]), Decimal) else Decimal(math.floor(_number(a[0]))),
    "ceiling": lambda a: _as_float_result(math.ceil(_number(a[0]))) if not isinstance(
        _number(a[0]), Decimal) else Decimal(math.ceil(_number(a[0]))),
    "truncate": lambda a: float(math.trunc(_number(a[0]))),
    "abs": lambda a: abs(_number(a[0])),
    "max": lambda a: _min_max(a, max),
    "min": lambda a: _min_max(a, min),
    "pow": lambda a: math.pow(float(_number(a[0])), float(_number(a[1]))),
    "sqrt": lambda a: math.sqrt(float(_number(a[0]))) if _number(a[0]) >= 0 else float("nan"),
    "log": lambda a: (math.log(float(_number(a[0]))) if len(a) == 1
                      else math.log(float(_number(a[0])), float(_number(a[1])))),
    "log10": lambda a: math.log10(float(_number(a[0]))),
    "exp": lambda a: math.exp(float(_number(a[0]))),
    "sin": lambda a: math.sin(float(_number(a[0]))),
    "cos": lambda a: math.cos(float(_number(a[0]))),
    "tan": lambda a: math.tan(float(_number(a[0]))),
    "sign": lambda a: (_number(a[0]) > 0) - (_number(a[0]) < 0),
}

_MATH_CONSTANTS = {"pi": math.pi, "e": math.e}


def _string_static(name: str, args: list, ctx: Any) -> Any:
    if name == "join":
        separator = conv.to_string(args[0])
        items: list = []
        for arg in args[1:]:
            items.extend(arg if isinstance(arg, list) else [arg])
        return separator.join(conv.to_string(item) for item in items)
    if name == "isnullorempty":
        return args[0] is None or conv.to_string(args[0]) == ""
    if name == "isnullorwhitespace":
        return args[0] is None or conv.to_string(args[0]).strip() == ""
    if name == "format":
        values = args[1:]
        if len(values) == 1 and isinstance(values[0], list):
            values = values[0]
        try:
            return formatting.composite_format(conv.to_string(args[0]), list(values), conv.to_string)
        except formatting.FormatError as error:
            raise invocation_failure("Format", args, str(error)) from None
    if name == "concat":
        items = []
        for arg in args:
            items.extend(arg if isinstance(arg, list) else [arg])
        return "".join(conv.to_string(item) for item in items)
    if name == "compare":
        ignore = len(args) > 2 and conv.to_bool(args[2])
        return conv.compare(conv.to_string(args[0]), conv.to_string(args[1]), case_sensitive=not ignore)
    if name == "equals":
        return conv.to_string(args[0]) == conv.to_string(args[1])
    raise method_error("MethodNotFound", "string", name)


def _datetime_static(name: str, args: list) -> Any:
    if name in ("parse", "parseexact"):
        return conv.parse_datetime(conv.to_string(args[0]))
    if name == "daysinmonth":
        import calendar
        return calendar.monthrange(conv.convert_to(args[0], int), conv.convert_to(args[1], int))[1]
    if name == "isleapyear":
        import calendar
        return calendar.isleap(conv.convert_to(args[0], int))
    raise method_error("MethodNotFound", "datetime", name)


def _timespan_static(name: str, args: list) -> Any:
    units = {"fromdays": "days", "fromhours": "hours", "fromminutes": "minutes",
             "fromseconds": "seconds", "frommilliseconds": "milliseconds"}
    if name in units:
        return timedelta(**{units[name]: float(_number(args[0]))})
    if name == "fromticks":
        return timedelta(microseconds=conv.convert_to(args[0], Int64) / 10)
    if name == "parse":
        return conv.parse_timespan(conv.to_string(args[0]))
    raise method_error("MethodNotFound", "timespan", name)


def _char_static(name: str, args: list) -> Any:
    text = conv.to_string(args[0])
    if len(args) > 1:
        text = text[conv.convert_to(args[1], int)]
    checks = {"isdigit": str.isdigit, "isletter": str.isalpha, "isupper": str.isupper,
              "islower": str.islower, "iswhitespace": str.isspace, "isletterordigit": str.isalnum,
              "ispunctuation": lambda c: not c.isalnum() and not c.isspace() and c.isprintable()}
    if name in checks:
        return bool(text) and checks[name](text[0])
    if name == "toupper":
        return Char(text.upper())
    if name == "tolower":
        return Char(text.lower())
    raise method_error("MethodNotFound", "char", name)


def _regex_static(name: str, args: list) -> Any:
    if name == "escape":
        return re.sub(r"([\\*+?|{}\[\]()^$.#\s])", lambda m: "\\" + {"\t": "t", "\n": "n", "\r": "r",
                                                                     "\f": "f"}.get(m.group(1), m.group(1)),
                      conv.to_string(args[0]))
    if name == "unescape":
        return re.sub(r"\\(.)", r"\1", conv.to_string(args[0]))
    case_sensitive = not any("ignorecase" in conv.to_string(arg).lower() for arg in args[2:])
    pattern = compile_regex(conv.to_string(args[1]), case_sensitive)
    return regex_instance_method(pattern, name, [args[0]] + list(args[2:]))


def regex_instance_method(pattern: re.Pattern, name: str, args: list) -> Any:
    text = conv.to_string(args[0]) if args else ""
    if name == "ismatch":
        return pattern.search(text) is not None
    if name == "match":
        return RegexMatch(pattern.search(text))
    if name == "matches":
        return [RegexMatch(found) for found in pattern.finditer(text)]
    if name == "replace":
        return pattern.sub(translate_replacement(conv.to_string(args[1])), text)
    if name == "split":
        return pattern.split(text)
    raise method_error("MethodNotFound", "regex", name)


def _convert_static(name: str, args: list) -> Any:
    targets = {"toint32": int, "toint64": Int64, "toint16": Int16, "tobyte": Byte, "todouble": float,
               "todecimal": Decimal, "toboolean": bool, "tostring": str, "tochar": Char}
    if name in targets and len(args) == 2 and name != "tostring":
        return conv.convert_to(int(conv.to_string(args[0]), conv.convert_to(args[1], int)), targets[name])
    if name == "tostring" and len(args) == 2:
        value, base = conv.convert_to(args[0], Int64), conv.convert_to(args[1], int)
        return {2: format(value, "b"), 8: format(value, "o"), 10: str(value), 16: format(value, "x")}[base]
    if name in targets:
        if name == "toboolean" and isinstance(unwrap(args[0]), str):
            text = conv.to_string(args[0]).strip().lower()
            if text in ("true", "false"):
                return text == "true"
            raise invocation_failure("ToBoolean", args, "String was not recognized as a valid Boolean.")
        return conv.convert_to(args[0], targets[name])
    if name == "tobase64string":
        import base64
        data = bytes(conv.convert_to(item, int) for item in args[0])
        return base64.b64encode(data).decode("ascii")
    if name == "frombase64string":
        import base64
        return [Byte(b) for b in base64.b64decode(conv.to_string(args[0]))]
    raise method_error("MethodNotFound", "convert", name)


def _environment_property(name: str) -> Any:
    return {
        "newline": "\n", "machinename": __import__("socket").gethostname().split(".")[0].upper(),
        "username": os.environ.get("USER", os.environ.get("USERNAME", "")),
        "currentdirectory": os.getcwd(), "processorcount": os.cpu_count() or 1,
        "osversion": "Microsoft Windows NT 6.1.7601 Service Pack 1", "is64bitprocess": True,
        "tickcount": int(__import__("time").monotonic() * 1000) & 0x7FFFFFFF,
        "userdomainname": os.environ.get("USERDOMAIN", "CONTOSO"),
    }.get(name)


def get_static(target: Any, name: str) -> Any:
    lowered = name.lower()
    if target in _RANGES and lowered in ("maxvalue", "minvalue"):
        low, high = _RANGES[target]
        return target(high if lowered == "maxvalue" else low) if target is not int else (
            high if lowered == "maxvalue" else low)
    if target is float:
        return {"maxvalue": 1.7976931348623157e308, "minvalue": -1.7976931348623157e308,
                "epsilon": 5e-324, "nan": float("nan"), "positiveinfinity": float("inf"),
                "negativeinfinity": float("-inf")}.get(lowered)
    if target is Decimal:
        return {"maxvalue": Decimal("79228162514264337593543950335"),
                "minvalue": Decimal("-79228162514264337593543950335"), "zero": Decimal(0),
                "one": Decimal(1)}.get(lowered)
    if target is conv.MathClass:
        return _MATH_CONSTANTS.get(lowered)
    if target is str and lowered == "empty":
        return ""
    if target is datetime:
        if lowered == "now":
            return datetime.now()
        if lowered == "utcnow":
            return datetime.utcnow()
        if lowered == "today":
            return datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
        if lowered == "minvalue":
            return datetime(1, 1, 1)
        if lowered == "maxvalue":
            return datetime(9999, 12, 31, 23, 59, 59, 999999)
    if target is timedelta:
        return {"zero": timedelta(0), "maxvalue": timedelta.max, "minvalue": timedelta.min}.get(lowered)
    if target is Guid and lowered == "empty":
        return Guid("00000000-0000-0000-0000-000000000000")
    if target is conv.EnvironmentClass:
        return _environment_property(lowered)
    if isinstance(target, type) and issubclass(target, enum.Enum):
        for member_name, member in target.__members__.items():
            if member_name.lower() == lowered:
                return member
        return None
    return _class_attribute(target, lowered)


def _class_attribute(target: Any, lowered: str) -> Any:
    for attribute in dir(target):
        if not attribute.startswith("_") and attribute.lower() == lowered:
            return getattr(target, attribute)
    return None


def _construct(target: Any, args: list) -> Any:
    """``[T]::new(...)`` for the types scripts commonly build that way."""
    from exshell.language.values import ArrayList, Hashtable, OrderedHashtable, PSObject
    numbers = [conv.convert_to(arg, int) for arg in args] if target in (datetime, timedelta) else []
    if target is datetime:
        return datetime(*numbers)
    if target is timedelta:
        if len(numbers) == 1:
            return timedelta(microseconds=numbers[0] / 10)
        if len(numbers) == 3:
            return timedelta(hours=numbers[0], minutes=numbers[1], seconds=numbers[2])
        days, hours, minutes, seconds = (numbers + [0, 0, 0, 0])[:4]
        milliseconds = numbers[4] if len(numbers) > 4 else 0
        return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds,
                         milliseconds=milliseconds)
    if target is ArrayList or target is list:
        return ArrayList(args[0] if args and isinstance(args[0], list) else [])
    if target in (Hashtable, OrderedHashtable):
        return target()
    if target is PSObject:
        return PSObject()
    if target is str and args:
        return conv.to_string(args[0]) * (conv.convert_to(args[1], int) if len(args) > 1 else 1)
    if target is Guid:
        return Guid.parse(conv.to_string(args[0])) if args else Guid("00000000-0000-0000-0000-000000000000")
    raise method_error("MethodNotFound", conv.dotnet_name(target), "new")


def _try_parse(target: Any, text: Any, reference: Any) -> bool:
    """``[int]::TryParse($s, [ref]$n)``: True and the value through the reference, or False."""
    from exshell.errors import PSRuntimeError
    try:
        value = conv.convert_to(conv.to_string(text), target)
    except PSRuntimeError:
        value, ok = conv.convert_to(None, target) if target is not datetime else datetime(1, 1, 1), False
    else:
        ok = True
    if isinstance(reference, PSReference):
        reference.value = value
    return ok


def _create_script_block(text: str, ctx: Any) -> Any:
    """``[scriptblock]::Create(text)``: parse now, run later in the caller's session."""
    from exshell.language.parser import parse
    block = parse(text)
    return ScriptBlock(block, ctx.session.current_scope, ctx.session, text)


def invoke_static(target: Any, name: str, args: list, ctx: Any) -> Any:
    args = [unwrap(arg) for arg in args]
    lowered = name.lower()
    try:
        if lowered == "new":
            return _construct(target, args)
        if target is conv.MathClass:
            if lowered in _MATH:
                return _MATH[lowered](args)
        elif target is str:
            return _string_static(lowered, args, ctx)
        elif target is datetime:
            return _datetime_static(lowered, args)
        elif target is timedelta:
            return _timespan_static(lowered, args)
        elif target is Char:
            return _char_static(lowered, args)
        elif target is conv.RegexClass:
            return _regex_static(lowered, args)
        elif target is conv.ConvertClass:
            return _convert_static(lowered, args)
        elif target is Guid:
            if lowered == "newguid":
                return Guid.new()
            if lowered == "parse":
                return conv.convert_to(args[0], Guid)
        elif target is conv.EnvironmentClass:
            if lowered == "getenvironmentvariable":
                return os.environ.get(conv.to_string(args[0]))
        elif target in _RANGES or target in (float, Decimal, bool, BigInteger, datetime, timedelta):
            if lowered == "parse":
                return _parse(name, target, args)
            if lowered == "tryparse" and len(args) == 2:
                return _try_parse(target, args[0], args[1])
        elif target in (conv.PathClass, conv.FileClass, conv.DirectoryClass, conv.DnsClass):
            from exshell.language.statics_io import invoke_io
            return invoke_io(target, lowered, args)
        elif target is ScriptBlock and lowered == "create":
            return _create_script_block(conv.to_string(args[0]), ctx)
        elif isinstance(target, type) and issubclass(target, enum.Enum):
            if lowered == "getnames":
                return list(target.__members__)
            if lowered == "parse":
                return conv.convert_enum(args[-1], target)
        attribute = _class_attribute(target, lowered)
        if callable(attribute):
            return attribute(*args)
    except (IndexError, ValueError, TypeError, ZeroDivisionError, OverflowError) as error:
        if isinstance(error, IndexError):
            raise method_error("MethodCountCouldNotFindBest", name, len(args)) from None
        raise invocation_failure(name, args, str(error)) from None
    raise method_error("MethodNotFound", conv.dotnet_name(target), name)


def _parse(name: str, target: Any, args: list) -> Any:
    """[T]::Parse(text): a bad text is a method failure wrapping .NET's FormatException
    (or OverflowException), not a cast error."""
    try:
        return conv.convert_to(conv.to_string(args[0]), target)
    except conv.PSInvalidCastError as error:
        inner = error.inner
        if "too large or too small" in inner:
            raise invocation_failure(name, args, inner, "System.OverflowException") from None
        if target is bool:
            inner = "String was not recognized as a valid Boolean."
        elif target is datetime:
            inner = "String was not recognized as a valid DateTime."
        elif not inner.startswith("Input string"):
            inner = "Input string was not in a correct format."
        raise invocation_failure(name, args, inner, "System.FormatException") from None


__all__ = ["get_static", "invoke_static", "regex_instance_method", "TypeInfo", "Char", "BigInteger"]
