"""Properties, methods and indexing of values (``$x.Name``, ``$s.Trim()``, ``$a[0]``).

Contract:
    get_member(value, name) -> value            property read; member enumeration over arrays;
                                                 missing members read as $null (PowerShell's
                                                 non-strict mode)
    set_member(value, name, new_value)          property write (hashtable keys, PSObject properties)
    invoke_method(value, name, args, ctx) -> value   instance methods (methods.py); MethodNotFound
    get_index(value, index) / set_index(value, index, new_value)
    TypeInfo(target, name)                      what ``[int]`` and ``.GetType()`` give

Static members (``[math]::Round``) live in exshell/language/statics.py.  Every
method is looked up case-insensitively in one table per receiver kind.
"""
from __future__ import annotations

import enum
import re
from datetime import datetime, timedelta
from typing import Any

from exshell.errors import ErrorRecord, PSRuntimeError, message
from exshell.language import conversions as conv
from exshell.language.values import (
    ArgumentNumber, ArrayList, Char, Guid, Hashtable, Int64, PSObject, PSReference, ScriptBlock,
    TypedArray, note_properties, property_value, unwrap,
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
        """.NET's Type.Name: no namespace, and a generic type keeps only its arity
        ('MultiValuedProperty`1'), not its type arguments."""
        full = self.full_name
        if "[" in full and not full.endswith("[]"):
            full = full.split("[", 1)[0]
        return full.rsplit(".", 1)[-1]

    def ps_properties(self) -> Hashtable:
        # the four columns PowerShell's default view of a type shows
        return Hashtable([("IsPublic", True), ("IsSerial", True), ("Name", self.name),
                          ("BaseType", "System.Object")])

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


# .NET message openings -> the exception type that carries them; a method failure wraps
# that exception, and ``catch [FormatException]`` must see it.
_INNER_TYPES_BY_TEXT = (
    ("Input string was not in a correct format", "System.FormatException"),
    ("String was not recognized as a valid", "System.FormatException"),
    ("Index (zero based) must be", "System.FormatException"),
    ("Input string was not in", "System.FormatException"),
    ("Index was out of range", "System.ArgumentOutOfRangeException"),
    ("startIndex cannot be", "System.ArgumentOutOfRangeException"),
    ("Index and length must", "System.ArgumentOutOfRangeException"),
    ("Length cannot be less than zero", "System.ArgumentOutOfRangeException"),
    ("Item has already been added", "System.ArgumentException"),
    ("Collection was of a fixed size", "System.NotSupportedException"),
    ("Could not find file", "System.IO.FileNotFoundException"),
    ("Could not find a part of the path", "System.IO.DirectoryNotFoundException"),
    ("Attempted to divide by zero", "System.DivideByZeroException"),
    ("Value was either too large or too small", "System.OverflowException"),
)


def _inner_type_of(text: str) -> str:
    for opening, type_name in _INNER_TYPES_BY_TEXT:
        if text.startswith(opening):
            return type_name
    return ""


def invocation_failure(name: str, args: list, inner: str, inner_type: str = "") -> PSRuntimeError:
    """'Exception calling "name" with "n" argument(s): "inner"'; ``inner_type`` (else
    guessed from the .NET text) is the wrapped exception that catch clauses match."""
    inner_type = inner_type or _inner_type_of(inner)
    if inner_type:  # PowerShell names the error after the wrapped exception
        error_id = inner_type.rsplit(".", 1)[-1]
    else:
        error_id = "MethodInvocationException" if not inner.startswith("Exception") else "DotNetMethodException"
    return PSRuntimeError(ErrorRecord(
        message=message("MethodInvocationException", name, len(args), inner),
        error_id=error_id, category="NotSpecified", reason="MethodInvocationException",
        exception_type="System.Management.Automation.MethodInvocationException",
        inner_exception_type=inner_type))


# --------------------------------------------------------------- properties

def _datetime_property(moment: datetime, name: str) -> Any:
    from exshell.language.formatting import DAY_NAMES
    table = {
        "year": moment.year, "month": moment.month, "day": moment.day, "hour": moment.hour,
        "minute": moment.minute, "second": moment.second, "millisecond": moment.microsecond // 1000,
        "dayofweek": DAY_NAMES[moment.weekday()], "dayofyear": moment.timetuple().tm_yday,
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


def _exception_object(record: ErrorRecord) -> PSObject:
    inner = None
    if record.inner_exception_type:
        inner = PSObject([("Message", record.message), ("InnerException", None)],
                         type_names=[record.inner_exception_type, "System.Exception", "System.Object"])
    return PSObject([("Message", record.message), ("InnerException", inner)],
                    type_names=[record.exception_type, "System.Exception", "System.Object"])


def _error_property(record: ErrorRecord, name: str) -> Any:
    table = {
        "exception": _exception_object(record),
        "categoryinfo": PSObject([("Category", record.category), ("Activity", record.activity),
                                  ("Reason", record.reason), ("TargetName", record.target_name),
                                  ("TargetType", record.target_type)],
                                 type_names=["System.Management.Automation.ErrorCategoryInfo"]),
        "fullyqualifiederrorid": record.fully_qualified_error_id,
        "targetobject": record.target_object,
        "errordetails": None,
        "invocationinfo": _invocation_info(record),
        "scriptstacktrace": "",
        "message": record.message,
    }
    return table.get(name, _MISSING)


_MISSING = object()


def _invocation_info(record: ErrorRecord) -> Any:
    extent = record.extent
    if extent is None:
        return None
    from exshell.host.errorview import position_message
    return PSObject([("MyCommand", record.activity or None), ("ScriptLineNumber", extent.start_line),
                     ("OffsetInLine", extent.start_column), ("Line", extent.source.line_text(extent.start_line)),
                     ("PositionMessage", position_message(extent)), ("ScriptName", extent.source.path or ""),
                     ("InvocationName", record.activity)],
                    type_names=["System.Management.Automation.InvocationInfo", "System.Object"])


def _own_property(value: Any, name: str) -> Any:
    """A property of a single (non-array) value, or _MISSING."""
    lowered = name.lower()
    notes = note_properties(value)
    if notes is not None and name in notes:
        return property_value(value, notes[name])
    if isinstance(value, dict):
        if name in value:
            return value[name]
        if lowered in ("count", "keys", "values", "issynchronized", "isreadonly", "isfixedsize"):
            return {"count": len(value), "keys": list(value.keys()), "values": list(value.values()),
                    "issynchronized": False, "isreadonly": False, "isfixedsize": False}[lowered]
        return _MISSING
    if isinstance(value, PSObject):
        props = value.ps_properties()
        return property_value(value, props[name]) if name in props else _MISSING
    if isinstance(value, str):
        if lowered == "length":
            return len(value)
        if lowered == "guid" and type(value) is Guid:  # types.ps1xml's Guid.Guid property
            return str(value)
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
            return _as_script_value(props[name])
        for key in props:
            if isinstance(key, str) and key.lower() == lowered:
                return _as_script_value(props[key])
    return _MISSING


def _as_script_value(value: Any) -> Any:
    """An Exchange object's property as scripts see it: the store's uuid.UUID ids become
    System.Guid values (compare with text, bind to -Identity, name their type)."""
    if type(value).__module__ == "uuid":
        return Guid.parse(str(value))
    return value


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
        members = [(key, item, kind) for key, item in items]
        notes = note_properties(base)
        if notes is not None:
            members += [(key, item, "NoteProperty") for key, item in notes.items()]
        return MemberCollection(
            PSObject([("Name", key), ("Value", item), ("MemberType", member_kind), ("IsSettable", True),
                      ("TypeNameOfValue", conv.type_name(item) if item is not None else "System.Object")],
                     type_names=["System.Management.Automation.PSNoteProperty", "System.Object"])
            for key, item, member_kind in members)

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
    if lowered == "pstypenames":
        return _type_names(value)
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
    if isinstance(value, PSReference) and name.lower() == "value":
        value.value = new_value
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


_VOID = object()  # a method returning void: the caller writes nothing


def is_void(value: Any) -> bool:
    return value is _VOID


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


def _unusable_key(key: Any) -> PSRuntimeError:
    """Arrays and hashtables cannot be keys here (Python dictionaries need hashable keys)."""
    return PSRuntimeError(ErrorRecord(
        message=f"A {conv.type_name(key)} cannot be used as a hash table key.",
        error_id="InvalidHashtableKey", category="InvalidArgument", reason="ArgumentException"))


class MemberCollection(list):
    """``$x.PSObject.Properties``: a list that also takes a property name as its index."""

    def by_name(self, name: str) -> Any:
        lowered = name.lower()
        return next((member for member in self if str(member.get("Name")).lower() == lowered), None)


def _index_one(value: Any, index: Any) -> Any:
    if isinstance(value, MemberCollection) and isinstance(index, str):
        return value.by_name(index)
    if isinstance(value, dict):
        try:
            return value.get(index)
        except TypeError:
            raise _unusable_key(index) from None
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
        try:
            value[index] = new_value
        except TypeError:
            raise _unusable_key(index) from None
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



def invoke_method(value: Any, name: str, args: list, ctx: Any) -> Any:
    """Instance methods (exshell/language/methods.py), imported on first call."""
    from exshell.language.methods import invoke_method as invoke
    return invoke(value, name, args, ctx)


__all__ = ["TypeInfo", "RegexMatch", "get_member", "set_member", "invoke_method", "get_index",
           "set_index", "is_void", "ensure_type_info", "ArgumentNumber"]
