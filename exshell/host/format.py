"""The formatter: how objects become text (Out-Default, Out-String, Format-*).

Contract:
    format_default(objects, width_or_host=120, limit=None) -> str
        What Out-Default prints for a sequence of pipeline output: the text ends
        with a newline when it is not empty; the caller writes it as is.
    register_view(type_name, table=None, list=None, kind=None, group_by=None, autosize=False)
        A default view for objects whose ps_type_names() contains type_name
        (the Exchange cmdlets register theirs: Get-SendConnector's table...).
    build_table / build_list / build_wide(objects, columns=None, ...) -> list[FormatDocument]
        What Format-Table/-List/-Wide emit; a FormatDocument renders itself at a
        width, so ``Get-X | Format-List | Out-String -Width 200`` lays out late.
    display_value(value) -> str      a value as it reads inside a table or list
    object_properties(value) -> list[(name, value)]   the properties a view shows
    get_property(value, name)        one property (None when missing)

Shapes follow PowerShell 5.1 / the Exchange Management Shell:
  * primitives print one a line (strings as they are, numbers as .NET prints
    them, nothing for $null); a DateTime alone prints in the long form between
    blank lines, as its PowerShell view does;
  * an object uses its registered view, else a table when it has at most four
    properties and a list otherwise; a hashtable is the Name/Value table;
  * consecutive objects of one shape share a table header;
  * a table is ``\\n`` + header + dashes + rows + ``\\n\\n`` and a list is ``\\n`` +
    entries separated by blank lines + ``\\n\\n`` (each line ending in ``\\n``).
The text layout itself lives in exshell/host/format_layout.py, reading an object's
properties in exshell/host/format_properties.py.
"""
from __future__ import annotations

import enum
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Callable, Iterable, Optional, Sequence, Union

from exshell.host.format_layout import (
    TableColumn, layout_list_entry, layout_table, layout_wide,
)
from exshell.errors import ErrorRecord
from exshell.host.format_properties import get_property, object_properties  # noqa: F401 - re-exported
from exshell.language.values import (
    ArgumentNumber, AutomationNull, Guid, Hashtable, PSObject, ScriptBlock, SwitchParameter,
)

FORMAT_ENUMERATION_LIMIT = 4   # $FormatEnumerationLimit's default
MAX_PROPERTIES_FOR_TABLE = 4   # PowerShell's rule for objects without a view

Getter = Union[str, Callable[[Any], Any]]


# ----------------------------------------------------------------- value text

def date_text(moment: datetime) -> str:
    """en-US ``M/d/yyyy h:mm:ss tt``, as the Exchange Management Shell shows dates."""
    from exshell.language.formatting import format_datetime
    return format_datetime(moment, "G")


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _has_own_str(value: Any) -> bool:
    return type(value).__str__ is not object.__str__


def scalar_text(value: Any) -> str:
    """A single (non-collection) value as text: the language's string conversion,
    except that dates read as the en-US console shows them and values that define
    their own text (Exchange enums and value types) keep it."""
    if isinstance(value, datetime):
        return date_text(value)
    if isinstance(value, enum.Enum) and type(value).__str__ not in (enum.Enum.__str__, enum.Flag.__str__):
        return str(value)
    from exshell.language.conversions import to_string
    return to_string(value)


def _is_collection(value: Any) -> bool:
    return isinstance(value, (list, tuple, set, frozenset, Hashtable)) or (
        not isinstance(value, (str, bytes, dict, PSObject)) and not _has_own_str(value)
        and hasattr(value, "__iter__") and not hasattr(value, "ps_properties"))


def display_value(value: Any, limit: int = FORMAT_ENUMERATION_LIMIT) -> str:
    """A property value inside a view: collections as ``{a, b, c, d...}``.

    Objects that define their own text (Exchange's MultiValuedProperty prints
    ``{a, b}`` itself) keep it.
    """
    if _is_collection(value):
        items = list(value.keys() if isinstance(value, Hashtable) else value)
        if limit < 0:  # $FormatEnumerationLimit = -1 shows every element
            limit = len(items)
        shown = [_element_text(item) for item in items[:limit]]
        more = "..." if len(items) > limit else ""
        return "{" + ", ".join(shown) + more + "}"
    return scalar_text(value)


def _element_text(value: Any) -> str:
    if _is_collection(value):
        from exshell.language.conversions import type_name
        return type_name(value)
    return scalar_text(value)


# ------------------------------------------------------------- object adapter

def type_names(value: Any) -> list[str]:
    if hasattr(value, "ps_type_names"):
        return list(value.ps_type_names())
    from exshell.language.conversions import type_name
    return [type_name(value)]


def is_scalar(value: Any) -> bool:
    """Printed on a line of its own rather than through a view."""
    if type(value) is Guid:  # PowerShell shows a Guid as a one-column table
        return False
    if isinstance(value, (str, bool, int, float, Decimal, datetime, ArgumentNumber,
                          SwitchParameter, ScriptBlock, enum.Enum)):
        return True
    if isinstance(value, (Hashtable, PSObject, timedelta)) or hasattr(value, "ps_properties"):
        return False
    return True


# ------------------------------------------------------------------------ views

class Column:
    """One column of a table or one line of a list: a label and where its value comes from.

    ``source`` is a property name (defaults to the label) or a callable(obj).
    ``align`` is 'left', 'right' or '' (numbers right, the rest left).
    """

    __slots__ = ("label", "source", "width", "align", "format_string")

    def __init__(self, label: str, source: Optional[Getter] = None, width: int = 0,
                 align: str = "", format_string: str = ""):
        self.label = label
        self.source = source
        self.width = width
        self.align = align
        self.format_string = format_string

    def __repr__(self) -> str:
        return f"Column({self.label!r}, width={self.width})"

    def value_of(self, obj: Any) -> Any:
        source = self.label if self.source is None else self.source
        if callable(source):
            return source(obj)
        return get_property(obj, source)

    def text_of(self, obj: Any, limit: int = FORMAT_ENUMERATION_LIMIT) -> str:
        value = self.value_of(obj)
        if self.format_string and value is not None:
            from exshell.language.conversions import to_string
            from exshell.language.formatting import FormatError, format_with
            try:
                return format_with(value, self.format_string, to_string)
            except FormatError:
                pass
        return display_value(value, limit)


def as_column(spec: Union[str, Column, tuple]) -> Column:
    if isinstance(spec, Column):
        return spec
    if isinstance(spec, tuple):
        return Column(*spec)
    return Column(str(spec))


class View:
    """A registered default view; ``kind`` is 'table', 'list' or 'text' (the value's own text)."""

    __slots__ = ("kind", "table", "list", "group_by", "autosize")

    def __init__(self, kind: str, table: Optional[Sequence[Column]] = None,
                 list: Optional[Sequence[Column]] = None, group_by: Optional[str] = None,
                 autosize: bool = False):
        self.kind = kind
        self.table = table
        self.list = list
        self.group_by = group_by
        self.autosize = autosize


_VIEWS: dict[str, View] = {}


def register_view(type_name: str, table: Optional[Sequence[Any]] = None,
                  list: Optional[Sequence[Any]] = None, kind: Optional[str] = None,
                  group_by: Optional[str] = None, autosize: bool = False) -> None:
    """Declare the default display of a .NET type name (case-insensitive).

    ``table``/``list`` are column specs: a property name, a ``Column``, or a
    tuple (label, source[, width[, align]]).  ``kind`` picks the default view
    when both are given (default: table if there is one); ``kind='text'``
    prints the object as its own text, one a line (SecureString does).  Table columns
    without widths share the screen unless ``autosize``.
    """
    chosen = kind or ("table" if table else "list")
    _VIEWS[type_name.lower()] = View(
        kind=chosen,
        table=[as_column(spec) for spec in table] if table else None,
        list=[as_column(spec) for spec in list] if list else None,
        group_by=group_by,
        autosize=autosize,
    )


def view_for(value: Any) -> Optional[View]:
    if not _VIEWS:
        return None
    for name in type_names(value):
        view = _VIEWS.get(name.lower())
        if view is None and "`" in name:  # a generic type's view may be registered for all T
            view = _VIEWS.get(name.split("[", 1)[0].lower())
        if view is not None:
            return view
    return None


# PowerShell's own views for types every shell shows.
register_view("System.Collections.DictionaryEntry",
              table=[Column("Name", width=30), Column("Value")])
register_view("System.Security.SecureString", kind="text")
register_view("System.Net.NetworkCredential", table=[Column("UserName"), Column("Domain")])
# Unlimited<T> prints as its text ('Unlimited', '10 MB (10,485,760 bytes)'), as in the EMS.
register_view("Microsoft.Exchange.Data.Unlimited`1", kind="text")


# ------------------------------------------------------------ format documents

class FormatDocument:
    """A laid-out-later view: what Format-* emit and what Out-Default renders.

    ``kind`` 'table' uses columns/rows, 'list' uses entries, 'wide' uses items.
    """

    __slots__ = ("kind", "columns", "rows", "entries", "items", "autosize", "wrap",
                 "hide_headers", "column_count", "group_label", "group_value")

    def __init__(self, kind: str, *, columns: Optional[list[TableColumn]] = None,
                 rows: Optional[list[list[str]]] = None,
                 entries: Optional[list[list[tuple[str, str]]]] = None,
                 items: Optional[list[str]] = None, autosize: bool = False, wrap: bool = False,
                 hide_headers: bool = False, column_count: int = 0, group_label: str = "",
                 group_value: str = ""):
        self.kind = kind
        self.columns = columns or []
        self.rows = rows or []
        self.entries = entries or []
        self.items = items or []
        self.autosize = autosize
        self.wrap = wrap
        self.hide_headers = hide_headers
        self.column_count = column_count
        self.group_label = group_label
        self.group_value = group_value

    def ps_type_names(self) -> list[str]:
        return ["Microsoft.PowerShell.Commands.Internal.Format.FormatStartData", "System.Object"]

    def ps_properties(self) -> Hashtable:
        return Hashtable([("ClassId2e4f51ef21dd47e99d3c952918aff9cd",
                           "033ecb2bc07a4d43b5ef94ed5a35d280")])

    def render(self, screen_width: int = 120) -> str:
        head = f"\n   {self.group_label}: {self.group_value}\n" if self.group_label else ""
        if self.kind == "table":
            lines = layout_table(self.columns, self.rows, screen_width, autosize=self.autosize,
                                 wrap=self.wrap, hide_headers=self.hide_headers)
            body = "\n" + "".join(line + "\n" for line in lines)
        elif self.kind == "list":
            blocks = ["".join(line + "\n" for line in layout_list_entry(entry, screen_width))
                      for entry in self.entries]
            body = "\n" + "\n".join(blocks)
        else:
            lines = layout_wide(self.items, screen_width, self.column_count, self.autosize)
            body = "\n" + "".join(line + "\n" for line in lines)
        return head + body + "\n\n"

    def __str__(self) -> str:
        return self.render().strip("\n")


def expand_names(names: Iterable[Any], sample: Any) -> list[Column]:
    """Property specs (names with wildcards or Columns) resolved against ``sample``."""
    from exshell.language.regex import has_wildcard, wildcard_to_regex
    columns: list[Column] = []
    available = [name for name, _ in object_properties(sample)]
    for spec in names:
        if isinstance(spec, Column):
            columns.append(spec)
        elif has_wildcard(str(spec)):
            pattern = wildcard_to_regex(str(spec))
            columns.extend(Column(name, listed(name)) for name in available if pattern.match(name))
        else:
            columns.append(Column(str(spec)))
    return columns


def _default_columns(sample: Any, kind: str) -> list[Column]:
    view = view_for(sample)
    if view is not None:
        chosen = view.table if kind == "table" else view.list
        if chosen:
            return chosen
    return [Column(name, listed(name)) for name, _ in object_properties(sample)]


def listed(name: str) -> Callable[[Any], Any]:
    """A getter reading ``name`` from the object's property listing (what views show),
    rather than through member access (error records list display texts there)."""
    folded = name.lower()

    def read(obj: Any) -> Any:
        if not isinstance(obj, ErrorRecord):
            return get_property(obj, name)
        for key, value in object_properties(obj):
            if key.lower() == folded:
                return value
        return None
    return read


def _right_aligned(column: Column, first: Any, from_view: bool) -> bool:
    """Declared alignment wins; generated tables right-align numeric columns
    (judged by the first row), registered views are left-aligned by default."""
    if column.align:
        return column.align.lower() == "right"
    return not from_view and is_number(column.value_of(first))


def _group_runs(objects: list[Any], group_by: Optional[Getter]) -> list[tuple[str, list[Any]]]:
    if not group_by:
        return [("", objects)]
    key = Column("", group_by)
    runs: list[tuple[str, list[Any]]] = []
    for obj in objects:
        text = key.text_of(obj)
        if runs and runs[-1][0] == text:
            runs[-1][1].append(obj)
        else:
            runs.append((text, [obj]))
    return runs


def build_table(objects: Sequence[Any], columns: Optional[Sequence[Any]] = None, *,
                autosize: Optional[bool] = None, wrap: bool = False, hide_headers: bool = False,
                group_by: Optional[Getter] = None, group_label: str = "",
                limit: int = FORMAT_ENUMERATION_LIMIT) -> list[FormatDocument]:
    """Format-Table: one document per group; columns come from the first object."""
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return []
    sample = objects[0]
    view = view_for(sample)
    from_view = bool(view and view.table and not columns)
    resolved = expand_names(columns, sample) if columns else _default_columns(sample, "table")
    if not resolved:
        return []
    asked_to_fit = autosize is True
    if autosize is None:
        autosize = not from_view or bool(view and view.autosize)
    if group_by is None and view is not None and columns is None and view.group_by:
        group_by, group_label = view.group_by, view.group_by
    documents = []
    for group_value, members in _group_runs(objects, group_by):
        # -AutoSize overrides a view's widths; a calculated property's Width still counts
        table_columns = [TableColumn(c.label, 0 if asked_to_fit and from_view else c.width,
                                     _right_aligned(c, members[0], from_view))
                         for c in resolved]
        rows = [[c.text_of(obj, limit) for c in resolved] for obj in members]
        documents.append(FormatDocument("table", columns=table_columns, rows=rows,
                                        autosize=autosize, wrap=wrap, hide_headers=hide_headers,
                                        group_label=group_label if group_by else "",
                                        group_value=group_value))
    return documents


def build_list(objects: Sequence[Any], columns: Optional[Sequence[Any]] = None,
               limit: int = FORMAT_ENUMERATION_LIMIT) -> list[FormatDocument]:
    """Format-List: every object an entry; ``*`` or no columns lists every property."""
    entries = []
    for obj in objects:
        if obj is None:
            continue
        resolved = expand_names(columns, obj) if columns else _default_columns(obj, "list")
        if columns:  # a named property the object does not have is left out (not an empty line)
            resolved = [c for c in resolved if _has_column(obj, c)]
        entries.append([(c.label, c.text_of(obj, limit)) for c in resolved])
    return [FormatDocument("list", entries=entries)] if entries else []


def _has_column(obj: Any, column: Column) -> bool:
    if column.source is not None:  # calculated, or a property the object listed
        return True
    names = {name.lower() for name, _ in object_properties(obj)}
    return not names or column.label.lower() in names


def build_wide(objects: Sequence[Any], column: Optional[Any] = None, *, column_count: int = 0,
               autosize: bool = False) -> list[FormatDocument]:
    """Format-Wide: one property (by default the first, or the value itself) per cell."""
    items = []
    for obj in objects:
        if obj is None:
            continue
        if column is not None:
            items.append(as_column(column).text_of(obj))
        elif is_scalar(obj):
            items.append(scalar_text(obj))
        else:
            properties = _default_columns(obj, "table")
            items.append(properties[0].text_of(obj) if properties else scalar_text(obj))
    return [FormatDocument("wide", items=items, column_count=column_count,
                           autosize=autosize)] if items else []


# ---------------------------------------------------------------- Out-Default

def dictionary_entries(table: Hashtable) -> list[PSObject]:
    """A hashtable as PowerShell displays it: one DictionaryEntry (Name, Value) per key."""
    return [PSObject([("Name", key), ("Value", value)],
                     ["System.Collections.DictionaryEntry", "System.Object"])
            for key, value in table.items()]


def _shape(obj: Any) -> tuple:
    """Objects with equal shapes share one table (or one list block)."""
    view = view_for(obj)
    names = tuple(name.lower() for name, _ in object_properties(obj))
    if view is not None:
        return (view.kind, id(view), names if view.kind == "list" else ())
    kind = "table" if len(names) <= MAX_PROPERTIES_FOR_TABLE else "list"
    return (kind, None, names)


def _shown_as_text(obj: Any) -> bool:
    view = view_for(obj)
    return view is not None and view.kind == "text"


def _render_scalar(value: Any) -> str:
    if isinstance(value, datetime):
        from exshell.language.formatting import format_datetime
        return "\n" + format_datetime(value, "F") + "\n\n\n"
    if isinstance(value, ErrorRecord):
        try:
            from exshell.host.errorview import render
            return render(value).rstrip("\n") + "\n"
        except ImportError:
            return str(value) + "\n"
    return scalar_text(value) + "\n"


def _flatten(objects: Iterable[Any]) -> Iterable[Any]:
    for obj in objects:
        if isinstance(obj, (list, tuple)):
            yield from obj
        else:
            yield obj


def enumeration_limit(session: Any) -> int:
    """$FormatEnumerationLimit of a session (4 unless the user changed it)."""
    getter = getattr(session, "get_variable", None)
    value = getter("FormatEnumerationLimit") if callable(getter) else None
    try:
        return int(getattr(value, "value", value)) if value is not None else FORMAT_ENUMERATION_LIMIT
    except (TypeError, ValueError):
        return FORMAT_ENUMERATION_LIMIT


def format_default(objects: Iterable[Any], width_or_host: Any = 120,
                   limit: Optional[int] = None) -> str:
    """The text Out-Default prints for ``objects`` (see the module docstring).

    ``width_or_host`` is a width, a host (its ``width``) or a session (its host's
    width and its $FormatEnumerationLimit).
    """
    if limit is None:
        limit = enumeration_limit(width_or_host)
    host = getattr(width_or_host, "host", None)
    width = getattr(host if host is not None else width_or_host, "width", width_or_host) or 120
    output: list[str] = []
    run: list[Any] = []
    run_shape: Optional[tuple] = None

    def flush() -> None:
        nonlocal run, run_shape
        if run:
            kind = run_shape[0] if run_shape else "table"
            documents = (build_list(run, limit=limit) if kind == "list"
                         else build_table(run, limit=limit))
            output.extend(document.render(width) for document in documents)
        run, run_shape = [], None

    for obj in _flatten(objects):
        if obj is None or isinstance(obj, AutomationNull):
            continue
        if isinstance(obj, FormatDocument):
            flush()
            output.append(obj.render(width))
            continue
        if isinstance(obj, Hashtable) and not hasattr(obj, "ps_properties"):
            entries = dictionary_entries(obj)
            if not entries:
                continue
            shape = _shape(entries[0])
            if shape != run_shape:
                flush()
                run_shape = shape
            run.extend(entries)
            continue
        if is_scalar(obj) or _shown_as_text(obj):
            flush()
            output.append(_render_scalar(obj))
            continue
        shape = _shape(obj)
        if not shape[2] and shape[1] is None:
            flush()
            if not isinstance(obj, PSObject):  # an empty custom object prints nothing
                output.append(scalar_text(obj) + "\n")
            continue
        if shape != run_shape:
            flush()
            run_shape = shape
        run.append(obj)
    flush()
    return "".join(output)

