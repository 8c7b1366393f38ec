"""Properties, methods and indexing of values (``$x.Name``, ``$s.Trim()``, ``$a[0]``).

Contract:
    get_member(value, name) -> value            property read; member enumeration over arrays;
                                                 missing members read as $null (PowerShell's
                                                 non-strict mode)
    set_member(value, name, new_value)          property write (hashtable keys, PSObject properties)
    invoke_method(value, name, args, ctx) -> value   instance methods; raises MethodNotFound
    get_index(value, index) / set_index(value, index, new_value)
    TypeInfo(target, name)                      what ``[int]`` and ``.GetType()`` give

Static members (``[math]::Round``) live in exshell/language/statics.py.  Every
method is looked up case-insensitively in one table per receiver kind.
"""
from __future__ import annotations

import enum
import re
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Callable

from exshell.errors import ErrorRecord, PSRuntimeError, message
from exshell.language import conversions as conv
from exshell.language import formatting
from exshell.language.values import (
    ArgumentNumber, ArrayList, Char, Hashtable, Int64, PSObject, ScriptBlock, TypedArray, unwrap,
)


class TypeInfo:
    """A System.Type value: the conversion target plus its display names."""

    __slots__ = ("target",)

    def __init__(self, target: Any):
        self.target = target

    @property
    def full_name(self) -> str:
        return conv.dotnet_name(self.target)

    @property
    def name(self) -> str:
        return self.full_name.rsplit(".", 1)[-1]

    def ps_properties(self) -> Hashtable:
        return Hashtable([("IsPublic", True), ("IsSerial", True), ("Name", self.name),
                          ("BaseType", "System.Object"), ("FullName", self.full_name)])

    def ps_type_names(self) -> list[str]:
        return ["System.RuntimeType", "System.Type", "System.Object"]

    def __str__(self) -> str:
        return self.full_name

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, TypeInfo) and self.full_name == other.full_name

    def __hash__(self) -> int:
        return hash(self.full_name)


class RegexMatch:
    """System.Text.RegularExpressions.Match (from [regex]::Match/Matches)."""

    def __init__(self, match: "re.Match | None", group: Any = 0):
        self.match = match
        self.group = group

    def ps_properties(self) -> Hashtable:
        found = self.match
        value = found.group(self.group) if found else ""
        return Hashtable([
            ("Groups", [RegexMatch(found, index) for index in range(found.re.groups + 1)] if found and self.group == 0 else []),
            ("Success", found is not None and value is not None),
            ("Name", str(self.group)),
            ("Index", found.start(self.group) if found else 0),
            ("Length", len(value or "")),
            ("Value", value or ""),
        ])

    def ps_type_names(self) -> list[str]:
        return ["System.Text.RegularExpressions.Match", "System.Object"]

    def __str__(self) -> str:
        return (self.match.group(self.group) or "") if self.match else ""


def method_error(error_id: str, *args: Any) -> PSRuntimeError:
    return PSRuntimeError(ErrorRecord(
        message=message(error_id, *args), error_id=error_id, category="InvalidOperation",
        reason="RuntimeException"))


def invocation_failure(name: str, args: list, inner: str) -> PSRuntimeError:
    return PSRuntimeError(ErrorRecord(
        message=message("MethodInvocationException", name, len(args), inner),
        error_id="MethodInvocationException" if not inner.startswith("Exception") else "DotNetMethodException",
        category="NotSpecified", reason="MethodInvocationException",
        exception_type="System.Management.Automation.MethodInvocationException"))


# --------------------------------------------------------------- properties

def _datetime_property(moment: datetime, name: str) -> Any:
    table = {
        "year": moment.year, "month": moment.month, "day": moment.day, "hour": moment.hour,
        "minute": moment.minute, "second": moment.second, "millisecond": moment.microsecond // 1000,
        "dayofweek": formatting.DAY_NAMES[moment.weekday()], "dayofyear": moment.timetuple().tm_yday,
        "date": moment.replace(hour=0, minute=0, second=0, microsecond=0),
        "timeofday": timedelta(hours=moment.hour, minutes=moment.minute, seconds=moment.second,
                               microseconds=moment.microsecond),
        "ticks": Int64((moment - datetime(1, 1, 1, tzinfo=moment.tzinfo)) // timedelta(microseconds=1) * 10),
        "kind": "Local" if moment.tzinfo is None else "Utc",
    }
    return table.get(name, _MISSING)


def _timespan_property(span: timedelta, name: str) -> Any:
    total = span.total_seconds()
    sign = -1 if total < 0 else 1
    magnitude = abs(span)
    whole = int(magnitude.total_seconds())
    table = {
        "days": sign * magnitude.days, "hours": sign * ((whole // 3600) % 24),
        "minutes": sign * ((whole // 60) % 60), "seconds": sign * (whole % 60),
        "milliseconds": sign * (magnitude.microseconds // 1000),
        "totaldays": total / 86400, "totalhours": total / 3600, "totalminutes": total / 60,
        "totalseconds": total, "totalmilliseconds": total * 1000,
        "ticks": Int64(span // timedelta(microseconds=1) * 10),
    }
    return table.get(name, _MISSING)


def _error_property(record: ErrorRecord, name: str) -> Any:
    table = {
        "exception": PSObject([("Message", record.message)],
                              type_names=[record.exception_type, "System.Exception", "System.Object"]),
        "categoryinfo": PSObject([("Category", record.category), ("Activity", record.activity),
                                  ("Reason", record.reason), ("TargetName", record.target_name),
                                  ("TargetType", record.target_type)],
                                 type_names=["System.Management.Automation.ErrorCategoryInfo"]),
        "fullyqualifiederrorid": record.fully_qualified_error_id,
        "targetobject": record.target_object,
        "errordetails": None,
        "invocationinfo": None,
        "scriptstacktrace": "",
        "message": record.message,
    }
    return table.get(name, _MISSING)


_MISSING = object()


def _own_property(value: Any, name: str) -> Any:
    """A property of a single (non-array) value, or _MISSING."""
    lowered = name.lower()
    if isinstance(value, dict):
        if name in value:
            return value[name]
        if lowered in ("count", "keys", "values", "issynchronized", "isreadonly", "isfixedsize"):
            return {"count": len(value), "keys": list(value.keys()), "values": list(value.values()),
                    "issynchronized": False, "isreadonly": False, "isfixedsize": False}[lowered]
        return _MISSING
    if isinstance(value, PSObject):
        props = value.ps_properties()
        return props[name] if name in props else _MISSING
    if isinstance(value, str):
        if lowered == "length":
            return len(value)
        return _MISSING
    if isinstance(value, datetime):
        return _datetime_property(value, lowered)
    if isinstance(value, timedelta):
        return _timespan_property(value, lowered)
    if isinstance(value, ErrorRecord):
        return _error_property(value, lowered)
    if isinstance(value, TypeInfo):
        return {"name": value.name, "fullname": value.full_name, "isarray": value.full_name.endswith("[]"),
                "basetype": "System.Object"}.get(lowered, _MISSING)
    if isinstance(value, enum.Enum):
        if lowered == "value__":
            return value.value
        return _MISSING
    if isinstance(value, ScriptBlock):
        if lowered in ("ast", "startposition"):
            return value.ast
        return _MISSING
    getter = getattr(value, "ps_properties", None)
    if callable(getter):
        props = getter()
        if name in props:
            return props[name]
        for key in props:
            if isinstance(key, str) and key.lower() == lowered:
                return props[key]
    return _MISSING


class PSObjectView:
    """``$x.PSObject``: the adapter view scripts use to list properties generically."""

    def __init__(self, base: Any):
        self.base = base

    def properties(self) -> list:
        base = self.base
        if isinstance(base, PSObject):
            items = list(base.ps_properties().items())
        elif isinstance(base, dict):
            items = [("Count", len(base)), ("Keys", list(base.keys())), ("Values", list(base.values()))]
        elif hasattr(base, "ps_properties"):
            items = list(base.ps_properties().items())
        elif isinstance(base, str):
            items = [("Length", len(base))]
        else:
            items = []
        kind = "NoteProperty" if isinstance(base, PSObject) else "Property"
        return [PSObject([("Name", key), ("Value", item), ("MemberType", kind), ("IsSettable", True),
                          ("TypeNameOfValue", conv.type_name(item) if item is not None else "System.Object")],
                         type_names=["System.Management.Automation.PSNoteProperty", "System.Object"])
                for key, item in items]

    def ps_properties(self) -> Hashtable:
        return Hashtable([("Properties", self.properties()), ("BaseObject", self.base),
                          ("TypeNames", _type_names(self.base)), ("ImmediateBaseObject", self.base)])

    def ps_type_names(self) -> list[str]:
        return ["System.Management.Automation.PSObject", "System.Object"]

    def ps_methods(self) -> dict:
        return {"Copy": lambda: PSObject(self.base.ps_properties().items())
                if isinstance(self.base, PSObject) else self.base}


def _type_names(value: Any) -> list[str]:
    names = getattr(value, "ps_type_names", None)
    if callable(names):
        return list(names())
    return [conv.type_name(value), "System.Object"]


def get_member(value: Any, name: str) -> Any:
    value = unwrap(value)
    lowered = name.lower()
    if value is None:
        return 0 if lowered in ("count", "length") else None
    if lowered == "psobject":
        return PSObjectView(value)
    if isinstance(value, list):
        if lowered in ("count", "length", "longlength"):
            return len(value)
        if lowered == "rank":
            return 1
        if lowered in ("issynchronized", "isreadonly"):
            return False
        if lowered == "isfixedsize":
            return not isinstance(value, ArrayList)
        results: list = []
        for element in value:
            found = get_member(element, name) if not isinstance(element, list) else get_member(element, name)
            if found is None:
                continue
            if isinstance(found, list):
                results.extend(found)
            else:
                results.append(found)
        if not results:
            return None
        return results[0] if len(results) == 1 else results
    found = _own_property(value, name)
    if found is not _MISSING:
        return found
    if lowered in ("count", "length"):
        return 1
    return None


def set_member(value: Any, name: str, new_value: Any) -> None:
    value = unwrap(value)
    if isinstance(value, dict):
        value[name] = new_value
        return
    if isinstance(value, PSObject):
        if value.has(name):
            value.set(name, new_value)
            return
    setter = getattr(value, "set_ps_property", None)
    if callable(setter):
        setter(name, new_value)
        return
    if isinstance(value, list):
        for element in value:
            set_member(element, name, new_value)
        return
    raise PSRuntimeError(ErrorRecord(
        message=message("PropertyAssignmentNotFound", name), error_id="PropertyNotFound",
        category="InvalidOperation", reason="RuntimeException"))


# ------------------------------------------------------------------ methods

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


_VOID = object()  # a method returning void: the caller writes nothing


def is_void(value: Any) -> bool:
    return value is _VOID


def invoke_method(value: Any, name: str, args: list, ctx: Any) -> Any:
    value = unwrap(value)
    args = [unwrap(arg) for arg in args]
    lowered = name.lower()
    if value is None:
        raise method_error("InvokeMethodOnNull")
    if lowered == "gettype" and not args:
        return TypeInfo(type(value)) if not isinstance(value, (TypedArray,)) and not hasattr(
            value, "ps_type_names") else _NamedType(conv.type_name(value))
    if lowered == "tostring":
        if args:
            try:
                return formatting.format_with(value, conv.to_string(args[0]), lambda v: conv.to_string(v, ctx.ofs))
            except formatting.FormatError as error:
                raise invocation_failure("ToString", args, str(error)) from None
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
            result = _list_methods(value, lowered, args)
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


class _NamedType(TypeInfo):
    """GetType() of values whose .NET name comes from the value itself."""

    __slots__ = ("_name",)

    def __init__(self, full_name: str):
        super().__init__(object)
        self._name = full_name

    @property
    def full_name(self) -> str:
        return self._name


# ----------------------------------------------------------------- indexing

def _normalise_index(index: Any) -> Any:
    index = unwrap(index)
    if isinstance(index, list):
        return [unwrap(item) for item in index]
    return index


def _index_one(value: Any, index: Any) -> Any:
    if isinstance(value, dict):
        return value.get(index)
    if isinstance(value, (list, str)):
        try:
            position = conv.convert_to(index, int)
        except PSRuntimeError:
            return None
        if -len(value) <= position < len(value):
            item = value[position]
            return Char(item) if isinstance(value, str) else item
        return None
    getter = getattr(value, "__getitem__", None)
    if getter is not None and not isinstance(value, (PSObject,)) and hasattr(value, "__len__"):
        try:
            return value[conv.convert_to(index, int)]
        except (IndexError, PSRuntimeError, TypeError, KeyError):
            return None
    # a scalar indexes like a one-element array
    try:
        position = conv.convert_to(index, int)
    except PSRuntimeError:
        raise method_error("CannotIndex", conv.type_name(value)) from None
    return value if position in (0, -1) else None


def get_index(value: Any, index: Any) -> Any:
    value = unwrap(value)
    index = _normalise_index(index)
    if value is None:
        raise PSRuntimeError(ErrorRecord(message=message("NullArray"), error_id="NullArray",
                                         category="InvalidOperation", reason="RuntimeException"))
    if isinstance(index, list):
        results = []
        for item in index:
            found = _index_one(value, item)
            if found is not None or isinstance(value, dict):
                results.append(found)
        return results
    return _index_one(value, index)


def set_index(value: Any, index: Any, new_value: Any) -> None:
    value = unwrap(value)
    index = _normalise_index(index)
    if value is None:
        raise PSRuntimeError(ErrorRecord(message=message("NullArray"), error_id="NullArray",
                                         category="InvalidOperation", reason="RuntimeException"))
    if isinstance(value, dict):
        value[index] = new_value
        return
    if isinstance(value, list):
        position = conv.convert_to(index, int)
        if not -len(value) <= position < len(value):
            raise PSRuntimeError(ErrorRecord(message=message("IndexOutOfRange"), error_id="IndexOutOfRange",
                                             category="OperationStopped", reason="IndexOutOfRangeException"))
        if isinstance(value, TypedArray):
            new_value = conv.convert_to(new_value, value.element_type)
        value[position] = new_value
        return
    raise method_error("CannotIndex", conv.type_name(value))


def ensure_type_info(value: Any) -> Any:
    """The conversion target behind a type operand (``[int]``, a TypeInfo or a type-name string)."""
    value = unwrap(value)
    if isinstance(value, TypeInfo):
        return value.target
    if isinstance(value, str):
        return conv.resolve_type(value)
    return value


__all__ = ["TypeInfo", "RegexMatch", "get_member", "set_member", "invoke_method", "get_index",
           "set_index", "is_void", "ensure_type_info", "ArgumentNumber"]
