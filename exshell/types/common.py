"""Shared plumbing of the Exchange value types: reading argument text, failing
with the right message, range validators for ``Param(validate=...)``.

Contract:
  * ``fail(error_id, *args)`` raises ``ConversionError`` with the text from
    exshell.errors.MESSAGES (the one table of texts).
  * ``text_of(value, dotnet_name)`` gives the text a value stands for when a type
    parses text: an ``ArgumentNumber`` gives its source text (``20MB``), a str
    itself, an int/float its invariant form; anything else fails with .NET's
    InvalidCastException wording.
  * ``in_range(minimum, maximum)`` returns a validator callable(value) raising
    ``ConversionError`` with PowerShell's ValidateRange texts.  It understands
    every value shape the types produce: Unlimited (unlimited always passes),
    multi-valued (each element), sizes, time spans, plain numbers.
  * ``TextValue``: base of the types whose identity is a validated text;
    ``PatternTextValue``: one whose text must match a regular expression.
"""
from __future__ import annotations

from typing import Any, Callable, NoReturn

from exshell.cmdlets.base import ConversionError
from exshell.errors import message
from exshell.language.values import ArgumentNumber

# .NET names of the Python values a conversion can meet (for cast messages only).
_DOTNET_NAMES_BY_PYTHON_TYPE = {
    "str": "System.String",
    "int": "System.Int32",
    "Int64": "System.Int64",
    "float": "System.Double",
    "bool": "System.Boolean",
    "Decimal": "System.Decimal",
    "list": "System.Object[]",
    "tuple": "System.Object[]",
    "Hashtable": "System.Collections.Hashtable",
    "OrderedHashtable": "System.Collections.Specialized.OrderedDictionary",
    "dict": "System.Collections.Hashtable",
    "PSObject": "System.Management.Automation.PSCustomObject",
    "ScriptBlock": "System.Management.Automation.ScriptBlock",
    "datetime": "System.DateTime",
    "timedelta": "System.TimeSpan",
}


def fail(error_id: str, *args: Any) -> NoReturn:
    """Raise the ConversionError whose text is MESSAGES[error_id]."""
    raise ConversionError(message(error_id, *args))


def dotnet_type_of(value: Any) -> str:
    """The .NET type name PowerShell would report for ``value`` (best effort)."""
    dotnet = getattr(type(value), "dotnet_name", None)
    if isinstance(dotnet, str):
        return dotnet
    type_names = getattr(value, "ps_type_names", None)
    if callable(type_names):
        names = type_names()
        if names:
            return names[0]
    return _DOTNET_NAMES_BY_PYTHON_TYPE.get(type(value).__name__, "System.Object")


def cast_failure(value: Any, dotnet_name: str) -> NoReturn:
    """Fail as .NET does when no conversion path exists."""
    shown = value if isinstance(value, str) else _display(value)
    fail("InvalidCastException", shown, dotnet_type_of(value), dotnet_name)


def _display(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "System.Object[]"
    if isinstance(value, dict):
        return dotnet_type_of(value)
    return str(value)


def text_of(value: Any, dotnet_name: str) -> str:
    """The text of a scalar argument for types that parse text."""
    if isinstance(value, ArgumentNumber):
        return value.text
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        cast_failure(value, dotnet_name)
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return str(int(value)) if value.is_integer() else repr(value)
    cast_failure(value, dotnet_name)


def reject_null(dotnet_name: str) -> NoReturn:
    """Value types (.NET structs) cannot hold $null."""
    fail("InvalidCastFromNull", dotnet_name)


def in_range(minimum: Any, maximum: Any) -> Callable[[Any], None]:
    """A ``Param(validate=...)`` callable enforcing ``minimum <= value <= maximum``.

    ``minimum``/``maximum`` are values of the parameter's element type (ints for
    counts and ports, ByteQuantifiedSize, EnhancedTimeSpan); messages show them
    in their display form, as PowerShell's ValidateRange does.
    """

    def validate(value: Any) -> None:
        for element in _elements(value):
            if element < minimum:
                fail("ValidateRangeTooSmall", element, minimum)
            if element > maximum:
                fail("ValidateRangeTooBig", element, maximum)

    validate.minimum = minimum  # type: ignore[attr-defined]
    validate.maximum = maximum  # type: ignore[attr-defined]
    return validate


def _elements(value: Any) -> list[Any]:
    """The comparable scalars inside a bound value (unlimited and null skip checks)."""
    if value is None:
        return []
    if isinstance(value, ArgumentNumber):
        return [value.value]
    if getattr(value, "is_unlimited", False):
        return []
    if hasattr(value, "is_unlimited"):  # a bounded Unlimited value
        return _elements(value.value)
    if isinstance(value, (list, tuple)) or hasattr(value, "element_type"):
        found: list[Any] = []
        for item in value:
            found.extend(_elements(item))
        return found
    return [value]


class TextValue:
    """Base of the value types whose identity is a validated text (domains,
    addresses, FQDNs, paths).

    Subclasses set ``dotnet_name``/``reference_name`` and implement
    ``parse(text)`` returning an instance (or failing); ``_key`` is what equality
    and hashing use (lower-cased text by default: DNS names and SMTP addresses
    compare case-insensitively).  ``$null`` converts to None: these are .NET
    reference types, so a parameter may be cleared with $null.
    """

    dotnet_name = "System.Object"
    reference_name = "Object"
    __slots__ = ("_text",)

    def __init__(self, text: str):
        object.__setattr__(self, "_text", text)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} values are immutable")

    @classmethod
    def convert(cls, value: Any) -> Any:
        if isinstance(value, cls):
            return value
        if value is None:
            return None
        return cls.parse(text_of(value, cls.dotnet_name))

    @classmethod
    def parse(cls, text: str) -> Any:  # pragma: no cover - every subclass overrides
        raise NotImplementedError

    @property
    def _key(self) -> Any:
        return self._text.lower()

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._text!r})"

    def __eq__(self, other: Any) -> bool:
        if type(other) is type(self):
            return self._key == other._key
        return equals_text(self, other)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._key))

    def to_json(self) -> str:
        return str(self)

    def ps_type_names(self) -> list[str]:
        return [self.dotnet_name, "System.Object"]


class PatternTextValue(TextValue):
    """A TextValue whose text must match the regular expression ``_FORM``.

    Subclasses set ``_FORM`` and ``_INVALID`` (the error id, given the stripped
    text); ``_accept(match)`` turns a match into the stored text (the matched
    text unchanged by default; override to normalise case or pick a group).
    """

    _FORM: Any
    _INVALID: str
    __slots__ = ()

    @classmethod
    def parse(cls, text: str) -> Any:
        text = text.strip()
        match = cls._match(text)
        if not match:
            fail(cls._INVALID, text)
        return cls(cls._accept(match))

    @classmethod
    def _match(cls, text: str) -> Any:
        return cls._FORM.match(text)

    @classmethod
    def _accept(cls, match: Any) -> str:
        return match.string


def equals_text(value: Any, other: Any) -> Any:
    """``value == "text"`` as PowerShell compares it: the text is converted to the
    value's type first (``$spaces -contains "contoso.com"``); text that does not
    convert is simply unequal.  NotImplemented for non-text operands.

    Hashes stay those of the typed values, so mixing typed values and strings as
    keys of one dict is not supported (PowerShell hashtables do not do it either).
    """
    if not isinstance(other, (str, ArgumentNumber)):
        return NotImplemented
    try:
        return type(value).convert(other) == value
    except ConversionError:
        return False
