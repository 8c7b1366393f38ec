"""Type names: .NET names of values and targets, type literals ([int], [string[]]),
and the registry other packages extend.

Contract (re-exported by exshell.language.conversions, where callers import them):
    resolve_type(name) -> target          raises PSRuntimeError (TypeNotFound)
    register_type(name, pytype)           [name] (and pytype.dotnet_name) resolve to pytype
    dotnet_name(target) -> str            'System.Int32', 'System.String[]'
    type_name(value) / short_type_name(value)   what $x.GetType().FullName / .Name show
Marker classes stand for .NET types that are used only for their static members
([math], [convert], [environment]) or that convert specially ([psobject], [regex]).
"""
from __future__ import annotations

import enum
import re
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from exshell.cmdlets.base import ArrayOf
from exshell.errors import ErrorRecord, PSRuntimeError, message
from exshell.language.values import (
    ArgumentNumber, ArrayList, BigInteger, Byte, Char, Guid, Hashtable, Int16, Int64,
    OrderedHashtable, PSObject, SByte, ScriptBlock, SwitchParameter, TypedArray, UInt16, UInt32,
    UInt64, Version, PSReference,
)


# ------------------------------------------------------------ static classes
# Types that exist only for their static members ([math]::Round, [guid]::NewGuid()).

class StaticClass:
    """Marker base for classes used only as ``[name]::Member`` targets."""


class MathClass(StaticClass):
    pass


class ConvertClass(StaticClass):
    pass


class EnvironmentClass(StaticClass):
    pass


class PathClass(StaticClass):
    """[System.IO.Path]"""


class FileClass(StaticClass):
    """[System.IO.File]"""


class DirectoryClass(StaticClass):
    """[System.IO.Directory]"""


class DnsClass(StaticClass):
    """[System.Net.Dns]"""


class PSObjectMarker:
    """``[psobject]``: a cast that leaves the value as it is."""


class RegexClass:
    """``[regex]``: values are compiled Python patterns (re.Pattern)."""


class IntegerMarker:
    """Integer .NET types that are plain Python ints under a different name."""


# [System.StringSplitOptions] for String.Split ("None" cannot be a class-body name).
StringSplitOptions = enum.Enum("StringSplitOptions", [("None", 0), ("RemoveEmptyEntries", 1)])


# --------------------------------------------------------------- type names
# One table: Python type -> .NET full name.  Order matters for isinstance
# lookups (bool before int, subclasses before bases).

_DOTNET_NAMES: list[tuple[Any, str]] = [
    (bool, "System.Boolean"),
    (Int64, "System.Int64"),
    (Int16, "System.Int16"),
    (Byte, "System.Byte"),
    (SByte, "System.SByte"),
    (UInt16, "System.UInt16"),
    (UInt32, "System.UInt32"),
    (UInt64, "System.UInt64"),
    (BigInteger, "System.Numerics.BigInteger"),
    (int, "System.Int32"),
    (float, "System.Double"),
    (Decimal, "System.Decimal"),
    (Char, "System.Char"),
    (Guid, "System.Guid"),
    (str, "System.String"),
    (OrderedHashtable, "System.Collections.Specialized.OrderedDictionary"),
    (Hashtable, "System.Collections.Hashtable"),
    (PSObject, "System.Management.Automation.PSCustomObject"),
    (ScriptBlock, "System.Management.Automation.ScriptBlock"),
    (SwitchParameter, "System.Management.Automation.SwitchParameter"),
    (datetime, "System.DateTime"),
    (timedelta, "System.TimeSpan"),
    (re.Pattern, "System.Text.RegularExpressions.Regex"),
    (ErrorRecord, "System.Management.Automation.ErrorRecord"),
    (PSReference, "System.Management.Automation.PSReference"),
    (ArrayList, "System.Collections.ArrayList"),
    (list, "System.Object[]"),
    (dict, "System.Collections.Hashtable"),
    (MathClass, "System.Math"),
    (PathClass, "System.IO.Path"),
    (FileClass, "System.IO.File"),
    (DirectoryClass, "System.IO.Directory"),
    (DnsClass, "System.Net.Dns"),
    (StringSplitOptions, "System.StringSplitOptions"),
    (ConvertClass, "System.Convert"),
    (EnvironmentClass, "System.Environment"),
    (PSObjectMarker, "System.Management.Automation.PSObject"),
    (RegexClass, "System.Text.RegularExpressions.Regex"),
    (object, "System.Object"),
]
_NAME_BY_TYPE = {pytype: name for pytype, name in _DOTNET_NAMES}

# Short spellings PowerShell accepts (type accelerators), lower case.
_ACCELERATORS: dict[str, Any] = {
    "int": int, "int32": int, "long": Int64, "int64": Int64, "short": Int16, "int16": Int16,
    "byte": Byte, "sbyte": SByte, "uint16": UInt16, "ushort": UInt16, "uint32": UInt32,
    "uint": UInt32, "uint64": UInt64, "ulong": UInt64, "bigint": BigInteger,
    "double": float, "float": float, "single": float, "decimal": Decimal, "bool": bool,
    "boolean": bool, "string": str, "char": Char, "object": object, "array": list,
    "hashtable": Hashtable, "ordered": OrderedHashtable, "psobject": PSObjectMarker,
    "pscustomobject": PSObject, "scriptblock": ScriptBlock, "switch": SwitchParameter,
    "switchparameter": SwitchParameter, "datetime": datetime, "timespan": timedelta,
    "guid": Guid, "regex": RegexClass, "math": MathClass, "convert": ConvertClass,
    "environment": EnvironmentClass, "version": Version, "io.path": PathClass,
    "io.file": FileClass, "io.directory": DirectoryClass, "net.dns": DnsClass,
    "stringsplitoptions": StringSplitOptions, "ref": PSReference, "void": type(None), "errorrecord": ErrorRecord,
    "collections.hashtable": Hashtable, "collections.arraylist": ArrayList, "arraylist": ArrayList,
    "collections.specialized.ordereddictionary": OrderedHashtable,
    "management.automation.pscustomobject": PSObject,
    "management.automation.psobject": PSObjectMarker,
    "management.automation.scriptblock": ScriptBlock,
    "management.automation.switchparameter": SwitchParameter,
    "management.automation.errorrecord": ErrorRecord,
    "text.regularexpressions.regex": RegexClass, "numerics.biginteger": BigInteger,
}
_REGISTERED: dict[str, Any] = {}


def register_type(name: str, pytype: Any) -> None:
    """Make ``[name]`` resolve to ``pytype`` (full .NET names and short names alike)."""
    _REGISTERED[name.lower()] = pytype
    full = getattr(pytype, "dotnet_name", None)
    if isinstance(full, str):
        _REGISTERED[full.lower()] = pytype


# Types other packages define, resolved only when a script names them (so a plain
# command never imports those modules): lower-case name -> "module:attribute".
_LAZY_TYPES = {
    "system.management.automation.actionpreference": "exshell.binder.common:ActionPreference",
    "management.automation.actionpreference": "exshell.binder.common:ActionPreference",
    "actionpreference": "exshell.binder.common:ActionPreference",
}


def _builtin(lowered: str) -> Any:
    """PowerShell's own accelerators and System.* spellings (these win over registrations)."""
    if lowered in _ACCELERATORS:
        return _ACCELERATORS[lowered]
    if lowered.startswith("system.") and lowered[7:] in _ACCELERATORS:
        return _ACCELERATORS[lowered[7:]]
    if lowered.startswith(("collections.generic.list[", "system.collections.generic.list[")):
        return ArrayList
    if lowered.startswith(("collections.generic.dictionary[", "system.collections.generic.dictionary[")):
        return Hashtable
    return None


_TYPE_PACKAGES_LOADED: list[bool] = []  # exshell/types registered its names (once per process)


def _load_type_packages() -> None:
    """Exchange value types register themselves on first need, so plain commands
    never import exshell/types."""
    if _TYPE_PACKAGES_LOADED:
        return
    _TYPE_PACKAGES_LOADED.append(True)
    try:
        from exshell.types.registry import register_with_language
        register_with_language()
    except ImportError:
        pass


def _lookup_simple(name: str) -> Any:
    lowered = name.strip().lower()
    found = _builtin(lowered)
    if found is not None:
        return found
    if lowered in _LAZY_TYPES:
        import importlib
        module_name, _, attribute = _LAZY_TYPES[lowered].partition(":")
        try:
            return getattr(importlib.import_module(module_name), attribute)
        except (ImportError, AttributeError):
            return None
    if lowered not in _REGISTERED:
        _load_type_packages()
    return _REGISTERED.get(lowered)


def resolve_type(name: str) -> Any:
    """The conversion target for a type literal; TypeNotFound when unknown."""
    text = name.strip()
    if text.endswith("[]"):
        element = resolve_type(text[:-2])
        return list if element is object else ArrayOf(element)
    found = _lookup_simple(text)
    if found is None:
        record = ErrorRecord(
            message=message("TypeNotFound", text), error_id="TypeNotFound",
            category="InvalidOperation", target_name=text, reason="RuntimeException")
        raise PSRuntimeError(record)
    return found


def dotnet_name(target: Any) -> str:
    """The .NET name of a conversion target (for messages)."""
    if isinstance(target, ArrayOf):
        return dotnet_name(target.element) + "[]"
    if target is list:
        return "System.Object[]"
    if isinstance(target, type) and target in _NAME_BY_TYPE:
        return _NAME_BY_TYPE[target]
    name = getattr(target, "dotnet_name", None)
    if isinstance(name, enum.Enum):
        name = name.value
    if isinstance(name, str):
        return name
    if isinstance(target, type):
        for pytype, full in _DOTNET_NAMES:
            if issubclass(target, pytype) and pytype is not object:
                return full
        foreign = _FOREIGN_NAMES.get((target.__module__, target.__name__))
        if foreign is not None:
            return foreign
        return f"System.{target.__name__}"
    return str(target)


# Python classes other modules hand us (the store's uuid.UUID object ids), by module and
# class name so that naming them costs no import.
_FOREIGN_NAMES = {("uuid", "UUID"): "System.Guid"}


def type_name(value: Any) -> str:
    """Full .NET type name of a value, as ``$x.GetType().FullName``."""
    if isinstance(value, ArgumentNumber):
        value = value.value
    if isinstance(value, TypedArray):
        return dotnet_name(value.element_type) + "[]"
    names = getattr(value, "ps_type_names", None)
    if callable(names):
        listed = names()
        if listed:
            return listed[0]
    if isinstance(value, enum.Enum):
        return dotnet_name(type(value))
    for pytype, full in _DOTNET_NAMES:
        if isinstance(value, pytype) and pytype is not object:
            return full
    return dotnet_name(type(value))


def short_type_name(value: Any) -> str:
    full = type_name(value)
    head = full.split("[", 1)[0] if not full.endswith("[]") else full
    if full.endswith("[]"):
        return full.rsplit(".", 1)[-1]
    return head.rsplit(".", 1)[-1] + full[len(head):]
