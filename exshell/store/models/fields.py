"""Pydantic field types that hold exshell's Exchange value types (exshell/types).

Contract: each alias here is ``Annotated[Any, BeforeValidator, PlainSerializer]``:
  * validating accepts an instance of the value type, anything the type's
    ``convert`` accepts (what a cmdlet bound), or the JSON form written by the
    serializer (what the store read back: ``from_json`` when the type has one);
  * serializing writes ``to_json()`` when the value type offers it, else ``str()``
    (every value type round-trips through its display text), lists element-wise.
A value the type rejects raises ``store.errors.ValidationError`` carrying the
type's own message, so a bad default or a damaged row never shows a traceback.

Value types are looked up by name on first use, so importing the models does
not import every value type module and the models work as soon as exshell/types
provides the name.
"""
from __future__ import annotations

import importlib
from enum import Enum
from typing import Annotated, Any, Callable, Optional

from pydantic import BeforeValidator, PlainSerializer

from exshell.cmdlets.base import ConversionError
from exshell.store.errors import ValidationError

# exshell/types modules searched for a name, in order.
_TYPE_MODULES = (
    "exshell.types", "exshell.types.bytesize", "exshell.types.unlimited", "exshell.types.timespan",
    "exshell.types.address_space", "exshell.types.smtp", "exshell.types.network",
    "exshell.types.multivalued", "exshell.types.enums", "exshell.types.credential",
    "exshell.types.identity", "exshell.types.registry",
)
_resolved: dict[str, Any] = {}


def value_type(name: str) -> Any:
    """The exshell/types class or constructor called ``name`` (e.g. 'ByteQuantifiedSize')."""
    found = _resolved.get(name)
    if found is not None:
        return found
    for module_name in _TYPE_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        found = getattr(module, name, None)
        if found is None:
            found = getattr(module, "REFERENCE_TYPES", {}).get(name)
        if found is not None:
            _resolved[name] = found
            return found
    raise LookupError(f"exshell.types provides no value type named {name!r}")


def to_json_value(value: Any) -> Any:
    """The JSON form of a typed value (the serializer of every alias)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        if isinstance(value, Enum):
            return str(value)
        return value
    to_json = getattr(value, "to_json", None)
    if to_json is not None:
        return to_json()
    if isinstance(value, Enum):
        return str(value)
    if isinstance(value, (list, tuple)) or hasattr(value, "element_type"):
        return [to_json_value(item) for item in value]
    return str(value)


_SERIALIZER = PlainSerializer(to_json_value, when_used="always")


#: Most distinct texts one field's memo keeps (defaults and stored values repeat a lot).
MEMO_LIMIT = 4096


def _memo_key(value: Any) -> Any:
    """A hashable key for text input (a default, a stored scalar or list), else None."""
    if type(value) is str:
        return value
    if type(value) is list and all(type(item) is str for item in value):
        return tuple(value)
    return None


def _make_validator(resolve: Callable[[], Any]) -> Callable[[Any], Any]:
    # Text converts to the same immutable value every time (value types are
    # immutable; MultiValuedProperty is read-only), so each field remembers what
    # the texts it met became: a model's defaults and a row's values convert once.
    memo: dict[Any, Any] = {}

    def validate(value: Any) -> Any:
        if value is None:
            return None
        key = _memo_key(value)
        if key is not None:
            known = memo.get(key)
            if known is not None:
                return known
        target = resolve()
        try:
            # A list is the stored form of a multi-valued property (its to_json()).
            if isinstance(value, list) and hasattr(target, "from_json"):
                converted = target.from_json(value)
            else:
                converted = target.convert(value)
                if hasattr(converted, "apply"):  # @{Add=...} on a new object edits the empty list
                    converted = converted.apply(None)
        except ConversionError as exc:
            raise ValidationError(str(exc), "InvalidPropertyValue", target=value) from None
        if key is not None and len(memo) < MEMO_LIMIT:
            memo[key] = converted
        return converted

    return validate


def _typed(resolve: Callable[[], Any]) -> Any:
    return Annotated[Any, BeforeValidator(_make_validator(resolve)), _SERIALIZER]


def scalar(name: str) -> Any:
    """A field of the value type ``name``; None passes through (an unset property)."""
    return _typed(lambda: value_type(name))


def unlimited(element: str | type) -> Any:
    """``Unlimited<element>``: element is a value type name or ``int`` for counts."""
    def resolve() -> Any:
        inner = value_type(element) if isinstance(element, str) else element
        return value_type("Unlimited")(inner)
    return _typed(resolve)


def multi_valued(element: str | type) -> Any:
    """``MultiValuedProperty<element>``: element is a value type name or ``str``."""
    def resolve() -> Any:
        inner = value_type(element) if isinstance(element, str) else element
        return value_type("MultiValued")(inner)
    return _typed(resolve)


def to_text(value: Any) -> Optional[str]:
    """The text of a string-typed property: identities keep the text they were given
    (``raw``), stored objects give their Identity, numbers their source text."""
    if value is None or isinstance(value, str):
        return value
    raw = getattr(value, "raw", None)
    if raw is None:
        raw = getattr(value, "text", None) if type(value).__name__ == "ArgumentNumber" else None
    if raw is None and hasattr(value, "ps_properties") and hasattr(value, "Identity"):
        raw = value.Identity
    return str(value if raw is None else raw)


_text_lists: dict[Any, Any] = {}


def _text_list(value: Any) -> Any:
    key = _memo_key(value)
    if key is not None:
        known = _text_lists.get(key)
        if known is None:
            known = _text_list_of(value)
            if len(_text_lists) < MEMO_LIMIT:
                _text_lists[key] = known
        return known
    return _text_list_of(value)


def _text_list_of(value: Any) -> Any:
    if hasattr(value, "apply"):
        value = value.apply(None)
    if value is None:
        items: list[Any] = []
    elif isinstance(value, (list, tuple)) or hasattr(value, "element_type"):
        items = [to_text(item) for item in value if item is not None]
    else:
        items = [to_text(value)]
    try:
        return value_type("MultiValued")(str).replacement(items)
    except ConversionError as exc:
        raise ValidationError(str(exc), "InvalidPropertyValue", target=value) from None


#: A string property (accepts identity parameters and objects, keeps their text).
Text = Annotated[Optional[str], BeforeValidator(to_text)]
#: MultiValuedProperty<string>: names of servers, DSN codes, tags.
TextList = Annotated[Any, BeforeValidator(_text_list), _SERIALIZER]

# The aliases the models use (one per Exchange value type they store).
ByteSize = scalar("ByteQuantifiedSize")
SizeOrUnlimited = unlimited("ByteQuantifiedSize")
CountOrUnlimited = unlimited(int)
TimeSpan = scalar("EnhancedTimeSpan")
FqdnValue = scalar("Fqdn")
GuidValue = scalar("Guid")
IPAddressValue = scalar("IPAddress")
SmtpAddressValue = scalar("SmtpAddress")
SmtpDomainValue = scalar("SmtpDomain")
SmtpDomainWithSubdomainsValue = scalar("SmtpDomainWithSubdomains")
AddressSpaceList = multi_valued("AddressSpace")
SmartHostList = multi_valued("SmartHost")
IPRangeList = multi_valued("IPRange")
IPBindingList = multi_valued("IPBinding")
IPAddressList = multi_valued("IPAddress")
SmtpDomainList = multi_valued("SmtpDomain")
SmtpDomainWithSubdomainsList = multi_valued("SmtpDomainWithSubdomains")


def enum(name: str) -> Any:
    """A field of the Exchange enum type ``name`` (as exchange-cmdlets.json names it)."""
    return scalar(name)
