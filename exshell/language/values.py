"""The value model: how PowerShell/.NET values are represented in Python.

Contract shared by the evaluator, the binder, the cmdlets and the formatter:

    .NET type            Python representation
    -------------------  -----------------------------------------------------
    System.Int32         int (a plain ``int`` whose value fits Int32)
    System.Int64         Int64 (subclass of int)
    System.Byte/Int16/.. Byte, Int16, UInt32, UInt64, SByte (int subclasses)
    System.Double        float
    System.Decimal       decimal.Decimal
    System.Boolean       bool
    System.String        str
    System.Char          Char (subclass of str, length 1)
    System.Object[]      list   (arrays are lists; PowerShell arrays are mutable in place)
    ArrayList, List[T]   ArrayList (list subclass; .Add() grows it)
    Hashtable            Hashtable (case-insensitive keys, insertion order)
    OrderedDictionary    OrderedHashtable
    PSCustomObject       PSObject (ordered, case-insensitive properties)
    T[] (typed array)    TypedArray (a list remembering its element type: [string[]])
    ScriptBlock          ScriptBlock (ast + defining scope; run through its session)
    SwitchParameter      SwitchParameter
    $null                None
    DateTime             datetime.datetime; TimeSpan datetime.timedelta
    System.Guid          Guid (str subclass: the canonical lower-case 8-4-4-4-12 text)
    System.Version       Version
    [ref]                PSReference

Objects of other classes (Exchange configuration objects, error records...)
expose their PowerShell properties through ``ps_properties()`` returning an
ordered mapping name -> value, and their .NET type names through
``ps_type_names()`` (most derived first).  The formatter and ``Get-Member`` read
only those two hooks, so any future object (queue rows, tracking entries) joins
the pipeline by implementing them.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Optional


class Int64(int):
    """A System.Int64 value (``[long]``, literals beyond Int32, ``1L``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Int64({int(self)})"


class Int16(int):
    __slots__ = ()


class Byte(int):
    __slots__ = ()


class SByte(int):
    __slots__ = ()


class UInt16(int):
    __slots__ = ()


class UInt32(int):
    __slots__ = ()


class UInt64(int):
    __slots__ = ()


class BigInteger(int):
    __slots__ = ()


class Char(str):
    __slots__ = ()


class Guid(str):
    """A System.Guid; the text form is the value (cheap, and compares like PowerShell's)."""

    __slots__ = ()

    @classmethod
    def parse(cls, text: str) -> "Guid":
        """Guid from '{...}', '(...)', 32 hex digits or the dashed form; ValueError otherwise."""
        digits = text.strip().strip("{}()").replace("-", "").lower()
        if len(digits) != 32 or any(c not in "0123456789abcdef" for c in digits):
            raise ValueError(text)
        return cls(f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}")

    @classmethod
    def new(cls) -> "Guid":
        import os
        raw = bytearray(os.urandom(16))
        raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
        raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
        return cls.parse(raw.hex())


class Version:
    """System.Version ($PSVersionTable.PSVersion, [version]'5.1'): Major.Minor[.Build[.Revision]]."""

    __slots__ = ("parts",)

    def __init__(self, text: str):
        pieces = str(text).strip().split(".")
        if not 2 <= len(pieces) <= 4 or not all(piece.isdigit() for piece in pieces):
            raise ValueError(text)
        self.parts = tuple(int(piece) for piece in pieces)

    def _field(self, index: int) -> int:
        return self.parts[index] if index < len(self.parts) else -1

    def ps_properties(self) -> "Hashtable":
        return Hashtable([("Major", self.parts[0]), ("Minor", self.parts[1]), ("Build", self._field(2)),
                          ("Revision", self._field(3))])

    def ps_type_names(self) -> list[str]:
        return ["System.Version", "System.Object"]

    def _key(self) -> tuple:
        return tuple(self._field(i) for i in range(4))

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Version) and self._key() == other._key()

    def __lt__(self, other: "Version") -> bool:
        return self._key() < other._key()

    def __gt__(self, other: "Version") -> bool:
        return self._key() > other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        return ".".join(map(str, self.parts))

    def __repr__(self) -> str:
        return f"Version({str(self)!r})"

    @classmethod
    def convert(cls, value: Any) -> "Version":
        if isinstance(value, Version):
            return value
        from exshell.cmdlets.base import ConversionError
        try:
            return cls(str(unwrap(value)))
        except ValueError:
            raise ConversionError("Version string portion was too short or too long.") from None

    dotnet_name = "System.Version"


class PSReference:
    """``[ref]$x``: reads and writes ``.Value`` through to the variable (or holds a value)."""

    __slots__ = ("variable", "_value")

    def __init__(self, variable: Any = None, value: Any = None):
        self.variable = variable  # a scopes.Variable, or None for [ref] of a plain value
        self._value = value

    @property
    def value(self) -> Any:
        return self.variable.value if self.variable is not None else self._value

    @value.setter
    def value(self, new_value: Any) -> None:
        if self.variable is not None:
            self.variable.value = new_value
        else:
            self._value = new_value

    def ps_properties(self) -> "Hashtable":
        return Hashtable([("Value", self.value)])

    def ps_type_names(self) -> list[str]:
        return ["System.Management.Automation.PSReference", "System.Object"]

    def __str__(self) -> str:
        return "System.Management.Automation.PSReference"


class ArgumentNumber:
    """A numeric literal passed as a command argument: the value plus its source text.

    PowerShell wraps such a literal so that a [string] parameter (or any
    conversion through string) receives the text as written (``20MB`` stays
    "20MB"), while a numeric parameter receives the number.  The binder unwraps
    it; anywhere else (a script function's untyped parameter, ``$args``) it
    behaves as ``value``: use ``unwrap()``.
    """

    __slots__ = ("value", "text")

    def __init__(self, value: Any, text: str):
        self.value = value
        self.text = text

    def __repr__(self) -> str:
        return f"ArgumentNumber({self.value!r}, {self.text!r})"

    def __str__(self) -> str:
        return self.text

    def __eq__(self, other: Any) -> bool:
        return unwrap(self) == unwrap(other)

    def __hash__(self) -> int:
        return hash(self.value)


def unwrap(value: Any) -> Any:
    """The plain value behind an ArgumentNumber (anything else is returned as is)."""
    return value.value if isinstance(value, ArgumentNumber) else value


class Hashtable(dict):
    """A PowerShell hashtable: keys compare case-insensitively when they are strings.

    Keys keep their original case for display; lookups fold case.
    """

    __slots__ = ("_folded",)

    def __init__(self, items: Optional[Iterable[tuple[Any, Any]]] = None):
        super().__init__()
        self._folded: dict[Any, Any] = {}
        if items:
            for key, value in items:
                self[key] = value

    @staticmethod
    def _fold(key: Any) -> Any:
        return key.lower() if isinstance(key, str) else key

    def __setitem__(self, key: Any, value: Any) -> None:
        folded = self._fold(key)
        original = self._folded.get(folded, _MISSING)
        if original is not _MISSING:
            super().__setitem__(original, value)
        else:
            self._folded[folded] = key
            super().__setitem__(key, value)

    def __getitem__(self, key: Any) -> Any:
        original = self._folded.get(self._fold(key), _MISSING)
        if original is _MISSING:
            raise KeyError(key)
        return super().__getitem__(original)

    def get(self, key: Any, default: Any = None) -> Any:
        original = self._folded.get(self._fold(key), _MISSING)
        if original is _MISSING:
            return default
        return super().__getitem__(original)

    def __contains__(self, key: object) -> bool:
        return self._fold(key) in self._folded

    def __delitem__(self, key: Any) -> None:
        original = self._folded.pop(self._fold(key))
        super().__delitem__(original)

    def pop(self, key: Any, *default: Any) -> Any:
        folded = self._fold(key)
        if folded not in self._folded:
            if default:
                return default[0]
            raise KeyError(key)
        original = self._folded.pop(folded)
        return super().pop(original)

    def original_key(self, key: Any) -> Any:
        return self._folded.get(self._fold(key), key)

    def copy(self) -> "Hashtable":
        return type(self)(self.items())

    def clear(self) -> None:
        super().clear()
        self._folded.clear()

    def update(self, other: Any = (), **kwargs: Any) -> None:  # type: ignore[override]
        items = other.items() if hasattr(other, "items") else other
        for key, value in items:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def setdefault(self, key: Any, default: Any = None) -> Any:
        if key not in self:
            self[key] = default
        return self[key]


class OrderedHashtable(Hashtable):
    """``[ordered]@{...}``: System.Collections.Specialized.OrderedDictionary."""

    __slots__ = ()


_MISSING = object()


class PSObject:
    """A PSCustomObject: ordered properties with case-insensitive names.

    ``type_names`` lists .NET-style type names, most derived first
    (``System.Management.Automation.PSCustomObject`` by default).
    """

    __slots__ = ("_properties", "type_names")

    def __init__(self, properties: Optional[Iterable[tuple[str, Any]]] = None,
                 type_names: Optional[list[str]] = None):
        self._properties = Hashtable(properties or ())
        self.type_names = type_names or [
            "System.Management.Automation.PSCustomObject",
            "System.Object",
        ]

    def ps_properties(self) -> Hashtable:
        return self._properties

    def ps_type_names(self) -> list[str]:
        return self.type_names

    def get(self, name: str, default: Any = None) -> Any:
        return self._properties.get(name, default)

    def set(self, name: str, value: Any) -> None:
        self._properties[name] = value

    def has(self, name: str) -> bool:
        return name in self._properties

    def __iter__(self) -> Iterator[str]:
        return iter(self._properties)

    def __repr__(self) -> str:
        inner = "; ".join(f"{k}={v!r}" for k, v in self._properties.items())
        return f"PSObject({inner})"


class SwitchParameter:
    """``[switch]``: present or not; ``-Force:$false`` gives an explicit False."""

    __slots__ = ("is_present",)

    def __init__(self, is_present: bool = True):
        self.is_present = bool(is_present)

    def __bool__(self) -> bool:
        return self.is_present

    def __eq__(self, other: Any) -> bool:
        return bool(self) == bool(other)

    def __hash__(self) -> int:
        return hash(self.is_present)

    def __repr__(self) -> str:
        return f"SwitchParameter({self.is_present})"


class TypedArray(list):
    """An array with an element type (``[string[]]$x``, ``[int[]]``): still a list,
    but ``GetType()`` reports ``System.String[]`` and later conversions keep it."""

    __slots__ = ("element_type",)

    def __init__(self, items: Iterable[Any] = (), element_type: Any = object):
        super().__init__(items)
        self.element_type = element_type


class ArrayList(list):
    """System.Collections.ArrayList (and generic List[T]): a growable list whose
    ``Add`` returns the new index (PowerShell prints it unless discarded)."""

    __slots__ = ()


class ScriptBlock:
    """A ``{ ... }`` value: the parsed body, the scope it was created in, and the
    session that runs it.  ``str()`` is the source text between the braces, as in
    PowerShell.  ``invoke(*args)`` runs it in a new child scope and returns the
    output list (the same as ``& $sb @args``)."""

    __slots__ = ("ast", "closure", "session", "text", "is_filter")

    def __init__(self, ast: Any, closure: Any = None, session: Any = None, text: str = "",
                 is_filter: bool = False):
        self.ast = ast
        self.closure = closure
        self.session = session
        self.text = text
        self.is_filter = is_filter

    def invoke(self, *args: Any) -> list:
        return self.session.invoke_script_block(self, args=args, new_scope=True)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"ScriptBlock({self.text!r})"


class AutomationNull:
    """``[System.Management.Automation.Internal.AutomationNull]::Value``: a command
    that wrote nothing.  Only used where "no output" must differ from $null."""

    __slots__ = ()


AUTOMATION_NULL = AutomationNull()


# ------------------------------------------------------------ note properties
# Add-Member on an object that is not a PSCustomObject (an Exchange object, a
# hashtable...): PowerShell keeps the extra members on the object's PSObject
# wrapper, so every variable holding the object sees them.  Here they live in this
# table, keyed by the object's identity (the object is kept alive with its notes so
# its id cannot be reused); members.get_member and the formatter read them.
_NOTE_PROPERTIES: dict[int, tuple[Any, "Hashtable"]] = {}


def note_properties(value: Any) -> Optional["Hashtable"]:
    """The note properties Add-Member gave ``value`` (None when it has none)."""
    if not _NOTE_PROPERTIES:
        return None
    entry = _NOTE_PROPERTIES.get(id(value))
    return entry[1] if entry is not None and entry[0] is value else None


def add_note_property(value: Any, name: str, item: Any) -> None:
    entry = _NOTE_PROPERTIES.get(id(value))
    if entry is None or entry[0] is not value:
        entry = (value, Hashtable())
        _NOTE_PROPERTIES[id(value)] = entry
    entry[1][name] = item


class ScriptProperty:
    """Add-Member -MemberType ScriptProperty: a property whose value a script block
    computes on each read, with ``$this`` the object that owns it."""

    __slots__ = ("getter",)

    def __init__(self, getter: "ScriptBlock"):
        self.getter = getter

    def value_for(self, owner: Any) -> Any:
        session = self.getter.session
        scope = session.current_scope
        saved = scope.local("this")
        saved_value = saved.value if saved is not None else None
        scope.set_local("this", owner)
        try:
            produced = session.invoke_script_block(self.getter, new_scope=True)
        finally:
            if saved is None:
                scope.remove("this")
            else:
                saved.value = saved_value
        if not produced:
            return None
        return produced[0] if len(produced) == 1 else produced

    def __repr__(self) -> str:
        return f"ScriptProperty({self.getter.text!r})"


def property_value(owner: Any, value: Any) -> Any:
    """A stored property as scripts read it (script properties are computed)."""
    return value.value_for(owner) if isinstance(value, ScriptProperty) else value
