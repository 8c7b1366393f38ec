"""MultiValuedProperty<T>: Exchange's list-valued properties and their edits.

Contract:
  * ``MultiValued(T)`` returns the (cached) parameter type; ``T`` is anything
    with ``convert`` (value types, identity types, Enum classes from
    exshell/types/enums.py) or ``str``/``int``.
  * ``MultiValued(T).convert(value)``:
      - a scalar or a list gives a replacement ``MultiValuedProperty`` (elements
        converted by T; a repeated element fails with Exchange's
        "is already present in the collection" text);
      - a hashtable ``@{Add="a","b"; Remove="c"}`` (keys Add/Remove, any case)
        gives a ``MultiValuedEdit``: ``edit.apply(existing)`` returns the new
        property (adds skip values already there; removing a missing value is
        allowed);
      - ``$null`` gives the empty property (clears it, as in Exchange).
  * ``MultiValuedProperty``: a read-only ``list`` subclass (the pipeline, ``[i]``,
    ``.Count``, ``-join`` and ``+=`` treat it as the collection it is; Python's
    mutating methods raise TypeError, while scripts' ``.Add()``/``.Remove()``/``.Clear()``
    edit the fetched copy as in the Exchange Management Shell); display ``{a, b}`` / ``{}``; hashable; equality
    with a list of equal elements; ``to_json()`` lists the elements' texts and
    ``MultiValued(T).from_json(list)`` reads them back.
"""
from __future__ import annotations

from typing import Any, Iterable

from exshell.cmdlets.base import ConversionError
from exshell.errors import message
from exshell.language.values import ArgumentNumber
from exshell.types.common import cast_failure, fail, text_of

ADD_KEY = "Add"
REMOVE_KEY = "Remove"

_PRIMITIVE_DOTNET = {str: "System.String", int: "System.Int32"}


_READ_ONLY = ("A MultiValuedProperty value is read-only; assign a new list or an "
              "@{Add=...; Remove=...} edit to the parameter instead.")


class MultiValuedProperty(list):
    """An ordered collection without duplicates.

    It is a (read-only) list so that everything PowerShell does with
    collections works on it: the pipeline unrolls it, ``[0]``, ``.Count``,
    ``-contains``, ``-join``, ``+=`` (which builds a new array) and Measure-Object.
    """

    __slots__ = ("element_type",)

    def __init__(self, items: Iterable[Any] = (), element_type: Any = None):
        list.__init__(self, items)
        object.__setattr__(self, "element_type", element_type)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("MultiValuedProperty values are immutable")

    def _read_only(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError(_READ_ONLY)

    append = extend = insert = remove = pop = clear = sort = reverse = _read_only
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _read_only

    @property
    def dotnet_name(self) -> str:
        return MultiValued(self.element_type).dotnet_name if self.element_type else \
            "Microsoft.Exchange.Data.MultiValuedProperty`1[System.Object]"

    def __eq__(self, other: Any) -> bool:
        if isinstance(other, (list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __ne__(self, other: Any) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(self))

    def __str__(self) -> str:
        return "{" + ", ".join(str(item) for item in self) + "}"

    def __repr__(self) -> str:
        return f"MultiValuedProperty({list(self)!r})"

    def __reduce__(self) -> Any:
        return (MultiValuedProperty, (list(self), self.element_type))

    def __copy__(self) -> "MultiValuedProperty":
        return self

    def __deepcopy__(self, memo: Any) -> "MultiValuedProperty":
        return self

    def to_json(self) -> list[Any]:
        return [_json_of(item) for item in self]

    def to_list(self) -> list[Any]:
        return list(self)

    @property
    def Count(self) -> int:  # noqa: N802 - the .NET property scripts read
        return len(self)

    def ps_methods(self) -> dict[str, Any]:
        return {"Contains": lambda item: item in self or str(item) in {str(own) for own in self},
                "ToArray": lambda: list(self), "ToString": self.__str__,
                "Add": self._script_add, "Remove": self._script_remove, "Clear": self._script_clear}

    # The Exchange 2007/2010 idiom edits a property of a fetched object in place
    # ($c = Get-SendConnector X; $c.AddressSpaces.Add("b.com"); Set-SendConnector X
    # -AddressSpaces $c.AddressSpaces).  Only these script-called methods change the
    # collection; Python code still sees it as read-only.
    def _element(self, value: Any) -> Any:
        if self.element_type is None:
            return value
        try:
            return MultiValued(self.element_type).convert_element(value)
        except ConversionError as failure:
            raise ValueError(str(failure)) from None

    def _script_add(self, value: Any) -> None:
        item = self._element(value)
        if item in self:
            raise ValueError(message("ValueAlreadyPresent", value if isinstance(value, str) else item))
        list.append(self, item)

    def _script_remove(self, value: Any) -> bool:
        item = self._element(value)
        if item in self:
            list.remove(self, item)
            return True
        return False

    def _script_clear(self) -> None:
        list.clear(self)

    def ps_type_names(self) -> list[str]:
        return [self.dotnet_name, "System.Object"]


class MultiValuedEdit:
    """``@{Add=...; Remove=...}``: a change to apply to the stored property."""

    __slots__ = ("added", "removed", "element_type")

    def __init__(self, added: Iterable[Any], removed: Iterable[Any], element_type: Any):
        object.__setattr__(self, "added", tuple(added))
        object.__setattr__(self, "removed", tuple(removed))
        object.__setattr__(self, "element_type", element_type)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("MultiValuedEdit values are immutable")

    def apply(self, existing: Iterable[Any] | None) -> MultiValuedProperty:
        items = [item for item in (existing or ()) if item not in self.removed]
        for item in self.added:
            if item not in items and item not in self.removed:
                items.append(item)
        return MultiValuedProperty(items, self.element_type)

    def __eq__(self, other: Any) -> bool:
        if isinstance(other, MultiValuedEdit):
            return (self.added, self.removed) == (other.added, other.removed)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.added, self.removed))

    def __str__(self) -> str:
        parts = []
        if self.added:
            parts.append(f"{ADD_KEY}={', '.join(str(i) for i in self.added)}")
        if self.removed:
            parts.append(f"{REMOVE_KEY}={', '.join(str(i) for i in self.removed)}")
        return "@{" + "; ".join(parts) + "}"

    def __repr__(self) -> str:
        return f"MultiValuedEdit(added={list(self.added)!r}, removed={list(self.removed)!r})"


class MultiValuedType:
    """The parameter type ``MultiValuedProperty<T>`` (build it with ``MultiValued(T)``)."""

    reference_name = "MultiValuedProperty"

    def __init__(self, element_type: Any):
        self.element_type = element_type
        element_dotnet = _PRIMITIVE_DOTNET.get(element_type) or element_type.dotnet_name
        self.dotnet_name = f"Microsoft.Exchange.Data.MultiValuedProperty`1[{element_dotnet}]"

    def __repr__(self) -> str:
        return f"MultiValued({getattr(self.element_type, '__name__', self.element_type)})"

    def convert(self, value: Any) -> MultiValuedProperty | MultiValuedEdit:
        if value is None:
            return MultiValuedProperty((), self.element_type)
        if isinstance(value, MultiValuedEdit):
            return value
        if isinstance(value, MultiValuedProperty) and value.element_type is self.element_type:
            return value
        if isinstance(value, dict):
            return self._edit(value)
        if isinstance(value, (list, tuple, MultiValuedProperty)):
            return self.replacement(value)
        return self.replacement([value])

    def replacement(self, values: Iterable[Any]) -> MultiValuedProperty:
        """A new property from ``values``; a repeated value is an error."""
        items: list[Any] = []
        for raw in values:
            if raw is None:
                continue
            item = self.convert_element(raw)
            if item in items:
                fail("ValueAlreadyPresent", raw if isinstance(raw, str) else item)
            items.append(item)
        return MultiValuedProperty(items, self.element_type)

    def convert_element(self, value: Any) -> Any:
        element_type = self.element_type
        if element_type is str:
            return text_of(value, "System.String")
        if element_type is int:
            if isinstance(value, ArgumentNumber):
                value = value.value
            if isinstance(value, int) and not isinstance(value, bool):
                return int(value)
            if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
                return int(value)
            cast_failure(value, "System.Int32")
        try:
            return element_type.convert(value)
        except ConversionError as failure:
            if failure.value_text is not None:
                raise
            # Exchange converts element by element: name the element and its type.
            raise ConversionError(str(failure), value_text=_shown(value),
                                  type_name=element_type.dotnet_name) from None

    def _edit(self, table: dict) -> MultiValuedEdit:
        added: list[Any] = []
        removed: list[Any] = []
        for key, operand in table.items():
            name = str(key).lower()
            if name == ADD_KEY.lower():
                target = added
            elif name == REMOVE_KEY.lower():
                target = removed
            else:
                fail("UnknownMultiValuedOperation", key, ADD_KEY, REMOVE_KEY)
            for raw in _as_list(operand):
                item = self.convert_element(raw)
                if item not in target:
                    target.append(item)
        return MultiValuedEdit(added, removed, self.element_type)

    def from_json(self, data: Iterable[Any]) -> MultiValuedProperty:
        return self.replacement(list(data))


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, MultiValuedProperty)):
        return [item for item in value if item is not None]
    return [value]


def _shown(value: Any) -> str:
    if isinstance(value, ArgumentNumber):
        return value.text
    return str(value)


def _json_of(item: Any) -> Any:
    if isinstance(item, (str, int)) and not hasattr(item, "to_json"):
        return item
    return str(item)


_CACHE: dict[Any, MultiValuedType] = {}


def MultiValued(element_type: Any) -> MultiValuedType:  # noqa: N802 - reads as the .NET generic
    """The parameter type ``MultiValuedProperty<element_type>`` (one object per T)."""
    found = _CACHE.get(element_type)
    if found is None:
        found = _CACHE[element_type] = MultiValuedType(element_type)
    return found
