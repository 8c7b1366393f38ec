"""Instance methods of values: strings, arrays, hashtables, dates, time spans,
script blocks, regexes, and objects that publish ``ps_methods()``.

Contract: invoke_method(value, name, args, ctx) -> value
    ``name`` matches case-insensitively; a void method returns members._VOID so the
    caller writes nothing; unknown methods raise MethodNotFound; failures inside a
    method become MethodInvocationException records ('Exception calling "X" ...').
``ctx`` is the evaluator (for $OFS and for running script blocks).
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Callable

from exshell.errors import PSRuntimeError
from exshell.language import conversions as conv
from exshell.language import formatting
from exshell.language.members import (_MISSING, _VOID, TypeInfo, _NamedType, invocation_failure,
                                      method_error)
from exshell.language.values import (ArrayList, Char, Int64, PSObject, ScriptBlock, TypedArray,
                                     unwrap)


def _arg_string(args: list, index: int, default: str = "") -> str:
    return conv.to_string(args[index]) if len(args) > index else default


def _arg_int(args: list, index: int) -> int:
    return conv.convert_to(args[index], int)


def _chars(args: list) -> "str | None":
    if not args:
        return None
    joined = []
    for arg in args:
        for item in (arg if isinstance(arg, list) else [arg]):
            joined.append(conv.to_string(item))
    return "".join(joined)


def _split(text: str, args: list) -> list:
    if not args:
        return text.split() if False else re.split(r"\s", text)
    separators = args[0]
    count = _arg_int(args, 1) if len(args) > 1 and not isinstance(unwrap(args[1]), str) else -1
    remove_empty = any(conv.to_string(arg).lower() == "removeemptyentries" for arg in args[1:])
    if isinstance(separators, list):
        parts_sep = [conv.to_string(item) for item in separators]
        if all(len(item) == 1 for item in parts_sep):
            chars = "".join(parts_sep)
            pattern = "[" + re.escape(chars) + "]"
        else:
            pattern = "|".join(re.escape(item) for item in parts_sep)
    else:
        chars = conv.to_string(separators)
        if not chars:
            return [text]
        pattern = "[" + re.escape(chars) + "]"
    pieces = re.split(pattern, text, maxsplit=count - 1 if count > 0 else 0)
    if remove_empty:
        pieces = [piece for piece in pieces if piece]
    return pieces


def _substring(text: str, args: list) -> str:
    start = _arg_int(args, 0)
    if start < 0 or start > len(text):
        raise invocation_failure("Substring", args,
                                 "startIndex cannot be larger than length of string.\nParameter name: startIndex")
    if len(args) > 1:
        length = _arg_int(args, 1)
        if length < 0 or start + length > len(text):
            raise invocation_failure("Substring", args,
                                     "Index and length must refer to a location within the string.\n"
                                     "Parameter name: length")
        return text[start:start + length]
    return text[start:]


def _index_of(text: str, args: list, last: bool = False) -> int:
    needle = unwrap(args[0])
    needle = conv.to_string(needle)
    if last:
        return text.rfind(needle)
    start = _arg_int(args, 1) if len(args) > 1 else 0
    return text.find(needle, start)


def _remove(text: str, args: list) -> str:
    start = _arg_int(args, 0)
    if len(args) > 1:
        return text[:start] + text[start + _arg_int(args, 1):]
    return text[:start]


def _pad(text: str, args: list, left: bool) -> str:
    width = _arg_int(args, 0)
    fill = _arg_string(args, 1, " ")[:1] or " "
    return text.rjust(width, fill) if left else text.ljust(width, fill)


_STRING_METHODS: dict[str, Callable[[str, list], Any]] = {
    "toupper": lambda s, a: s.upper(),
    "tolower": lambda s, a: s.lower(),
    "toupperinvariant": lambda s, a: s.upper(),
    "tolowerinvariant": lambda s, a: s.lower(),
    "trim": lambda s, a: s.strip(_chars(a)),
    "trimstart": lambda s, a: s.lstrip(_chars(a)),
    "trimend": lambda s, a: s.rstrip(_chars(a)),
    "split": _split,
    "replace": lambda s, a: s.replace(_arg_string(a, 0), _arg_string(a, 1)),
    "contains": lambda s, a: _arg_string(a, 0) in s,
    "startswith": lambda s, a: s.lower().startswith(_arg_string(a, 0).lower())
    if len(a) > 1 and "ignorecase" in _arg_string(a, 1).lower() else s.startswith(_arg_string(a, 0)),
    "endswith": lambda s, a: s.lower().endswith(_arg_string(a, 0).lower())
    if len(a) > 1 and "ignorecase" in _arg_string(a, 1).lower() else s.endswith(_arg_string(a, 0)),
    "indexof": lambda s, a: _index_of(s, a),
    "lastindexof": lambda s, a: _index_of(s, a, last=True),
    "indexofany": lambda s, a: min((s.find(c) for c in _chars(a) or "" if c in s), default=-1),
    "substring": _substring,
    "padleft": lambda s, a: _pad(s, a, True),
    "padright": lambda s, a: _pad(s, a, False),
    "insert": lambda s, a: s[:_arg_int(a, 0)] + _arg_string(a, 1) + s[_arg_int(a, 0):],
    "remove": _remove,
    "tochararray": lambda s, a: [Char(c) for c in s],
    "compareto": lambda s, a: conv.compare(s, a[0], case_sensitive=True),
    "normalize": lambda s, a: s,
    "chars": lambda s, a: Char(s[_arg_int(a, 0)]),
    "clone": lambda s, a: s,
}


def _list_methods(items: list, name: str, args: list) -> Any:
    if name == "contains":
        return any(conv.equals(item, args[0], case_sensitive=True) for item in items)
    if name == "indexof":
        for index, item in enumerate(items):
            if conv.equals(item, args[0], case_sensitive=True):
                return index
        return -1
    if name == "clone":
        return type(items)(items) if not isinstance(items, TypedArray) else TypedArray(items, items.element_type)
    if isinstance(items, ArrayList):
        if name == "add":
            items.append(args[0] if args else None)
            return len(items) - 1
        if name == "addrange":
            items.extend(args[0] if isinstance(args[0], list) else [args[0]])
            return _VOID
        if name == "remove":
            for index, item in enumerate(items):
                if conv.equals(item, args[0], case_sensitive=True):
                    del items[index]
                    break
            return _VOID
        if name == "removeat":
            del items[_arg_int(args, 0)]
            return _VOID
        if name == "insert":
            items.insert(_arg_int(args, 0), args[1])
            return _VOID
        if name == "clear":
            items.clear()
            return _VOID
        if name == "toarray":
            return list(items)
        if name == "sort":
            from functools import cmp_to_key
            items.sort(key=cmp_to_key(conv.compare))
            return _VOID
        if name == "reverse":
            items.reverse()
            return _VOID
    elif name in ("add", "remove", "removeat", "insert", "clear"):
        raise invocation_failure(name.capitalize() if name != "removeat" else "RemoveAt", args,
                                 "Collection was of a fixed size.")
    return _MISSING


def _dict_methods(table: dict, name: str, args: list) -> Any:
    if name in ("containskey", "contains"):
        return args[0] in table
    if name == "containsvalue":
        return any(conv.equals(value, args[0]) for value in table.values())
    if name == "add":
        if args[0] in table:
            raise invocation_failure("Add", args, f"Item has already been added. Key in dictionary: "
                                                  f"'{conv.to_string(args[0])}'  Key being added: "
                                                  f"'{conv.to_string(args[0])}'")
        table[args[0]] = args[1] if len(args) > 1 else None
        return _VOID
    if name == "remove":
        table.pop(args[0], None)
        return _VOID
    if name == "clear":
        table.clear()
        return _VOID
    if name == "clone":
        return table.copy()
    if name == "getenumerator":
        return [PSObject([("Name", key), ("Key", key), ("Value", value)],
                         type_names=["System.Collections.DictionaryEntry", "System.Object"])
                for key, value in table.items()]
    return _MISSING


def _datetime_methods(moment: datetime, name: str, args: list) -> Any:
    amount = lambda: conv.convert_to(args[0], float)  # noqa: E731
    adders = {"adddays": "days", "addhours": "hours", "addminutes": "minutes",
              "addseconds": "seconds", "addmilliseconds": "milliseconds"}
    if name in adders:
        return moment + timedelta(**{adders[name]: amount()})
    if name in ("addmonths", "addyears"):
        months = conv.convert_to(args[0], int) * (12 if name == "addyears" else 1)
        total = moment.year * 12 + moment.month - 1 + months
        year, month = divmod(total, 12)
        import calendar
        day = min(moment.day, calendar.monthrange(year, month + 1)[1])
        return moment.replace(year=year, month=month + 1, day=day)
    if name == "addticks":
        return moment + timedelta(microseconds=conv.convert_to(args[0], Int64) / 10)
    if name == "add":
        return moment + conv.convert_to(args[0], timedelta)
    if name == "subtract":
        other = unwrap(args[0])
        return moment - (other if isinstance(other, datetime) else conv.convert_to(other, timedelta))
    if name == "touniversaltime":
        return moment.astimezone().astimezone(__import__("datetime").timezone.utc).replace(tzinfo=None)
    if name == "tolocaltime":
        return moment
    if name == "toshortdatestring":
        return formatting.format_datetime(moment, "d")
    if name == "tolongdatestring":
        return formatting.format_datetime(moment, "D")
    if name == "toshorttimestring":
        return formatting.format_datetime(moment, "t")
    if name == "tolongtimestring":
        return formatting.format_datetime(moment, "T")
    return _MISSING


def _timespan_methods(span: timedelta, name: str, args: list) -> Any:
    if name == "add":
        return span + conv.convert_to(args[0], timedelta)
    if name == "subtract":
        return span - conv.convert_to(args[0], timedelta)
    if name == "negate":
        return -span
    if name == "duration":
        return abs(span)
    return _MISSING


def invoke_method(value: Any, name: str, args: list, ctx: Any) -> Any:
    value = unwrap(value)
    args = [unwrap(arg) for arg in args]
    lowered = name.lower()
    if value is None:
        raise method_error("InvokeMethodOnNull")
    if lowered == "gettype" and not args:
        if not isinstance(value, (TypedArray,)) and not hasattr(value, "ps_type_names"):
            return TypeInfo(type(value))
        name = conv.type_name(value)
        # a deserialized object (Import-Clixml) is a property bag: .NET sees a PSObject
        return _NamedType("System.Management.Automation.PSObject" if name.startswith("Deserialized.")
                          else name)
    if lowered == "tostring":
        if args:
            try:
                return formatting.format_with(value, conv.to_string(args[0]), lambda v: conv.to_string(v, ctx.ofs))
            except formatting.FormatError as error:
                raise invocation_failure("ToString", args, str(error)) from None
        if isinstance(value, datetime):  # the current culture (en-US), unlike "$d"'s invariant one
            return formatting.format_with(value, "G", conv.to_string)
        return conv.to_string(value, ctx.ofs)
    if lowered == "equals" and len(args) == 1:
        return conv.equals(value, args[0], case_sensitive=True) if not isinstance(value, list) else value is args[0]
    if lowered == "gethashcode" and not args:
        try:
            return hash(value) & 0x7FFFFFFF
        except TypeError:
            return id(value) & 0x7FFFFFFF
    result: Any = _MISSING
    try:
        if isinstance(value, str) and lowered in _STRING_METHODS:
            result = _STRING_METHODS[lowered](value, args)
        elif isinstance(value, list):
            own = _python_method(value, lowered)  # a typed collection's own methods come first
            result = own(*args) if own is not None else _list_methods(value, lowered, args)
            if own is not None and result is None:
                result = _VOID
        elif isinstance(value, dict):
            result = _dict_methods(value, lowered, args)
        elif isinstance(value, datetime):
            result = _datetime_methods(value, lowered, args)
        elif isinstance(value, timedelta):
            result = _timespan_methods(value, lowered, args)
        elif isinstance(value, ScriptBlock):
            if lowered in ("invoke", "invokereturnasis"):
                # Invoke() returns a collection, even of one object
                return ctx.session.invoke_script_block(value, args=args, new_scope=True)
            if lowered == "getnewclosure":
                return value
        elif isinstance(value, (int, float, Decimal)) and lowered == "compareto":
            return conv.compare(value, args[0])
        elif isinstance(value, re.Pattern):
            from exshell.language.statics import regex_instance_method
            result = regex_instance_method(value, lowered, args)
        else:
            method = _python_method(value, lowered)
            if method is not None:
                result = method(*args)
    except PSRuntimeError:
        raise
    except (IndexError, ValueError, TypeError, KeyError) as error:
        if isinstance(error, IndexError) and not args:
            raise method_error("MethodCountCouldNotFindBest", name, len(args)) from None
        raise invocation_failure(name, args, str(error) or type(error).__name__) from None
    if result is _MISSING:
        raise method_error("MethodNotFound", conv.type_name(value), name)
    return result


def _python_method(value: Any, lowered: str) -> Any:
    """Objects from exshell/types may expose .NET-style methods through ``ps_methods()``."""
    table = getattr(value, "ps_methods", None)
    if callable(table):
        for method_name, method in table().items():
            if method_name.lower() == lowered:
                return method
    return None
