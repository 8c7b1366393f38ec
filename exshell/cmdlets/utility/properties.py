"""Property arguments of the utility cmdlets: names, wildcards, calculated properties.

Contract: ``resolve_properties(specs, sample, session, allowed_keys)`` turns the
``-Property`` argument of Select-Object, Sort-Object, Group-Object and the
Format-* cmdlets into ``format.Column`` objects (label + how to read the value
from an object).  A spec is

  * a name, possibly with wildcards (expanded against ``sample``'s properties);
  * a hashtable ``@{Name|N|Label|L = 'x'; Expression|E = {...} | 'Prop'}`` plus,
    per cmdlet, ``Width``/``Alignment``/``FormatString`` (Format-*) or
    ``Ascending``/``Descending`` (Sort-Object);
  * a script block (Sort-Object/Group-Object ``{ $_.Name.Length }``).

Script blocks run through ``session.invoke_script_block(sb, dollar_under=obj)``.
Bad hashtable keys raise PowerShell's ``IllegalKey``-style error record.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence

from exshell.errors import ErrorRecord, PSRuntimeError
from exshell.host.format import Column, expand_names, get_property
from exshell.language.values import Hashtable, ScriptBlock

NAME_KEYS = ("name", "n", "label", "l")
EXPRESSION_KEYS = ("expression", "e")
SELECT_KEYS = NAME_KEYS + EXPRESSION_KEYS
FORMAT_KEYS = SELECT_KEYS + ("width", "alignment", "formatstring")
SORT_KEYS = ("expression", "e", "ascending", "descending")


def single_or_list(outputs: list) -> Any:
    """A script block's output as one value: nothing -> None, one -> it, more -> a list."""
    if not outputs:
        return None
    return outputs[0] if len(outputs) == 1 else list(outputs)


def script_getter(block: ScriptBlock, session: Any):
    def evaluate(obj: Any) -> Any:
        return single_or_list(session.invoke_script_block(block, dollar_under=obj))
    return evaluate


def property_error(text: str, error_id: str) -> PSRuntimeError:
    return PSRuntimeError(ErrorRecord(
        message=text, error_id=error_id, category="InvalidArgument",
        reason="NotSupportedException", exception_type="System.NotSupportedException"))


def _key_of(table: Hashtable, keys: Sequence[str]) -> Optional[str]:
    for key in table:
        if str(key).lower() in keys:
            return key
    return None


def calculated_column(table: Hashtable, session: Any, allowed_keys: Sequence[str]) -> Column:
    """A ``@{Name=...; Expression=...}`` spec as a Column (sort facts go in ``align``)."""
    for key in table:
        if str(key).lower() not in allowed_keys:
            raise property_error(f'The "{key}" key is not valid.', "DictionaryKeyIllegal")
    expression_key = _key_of(table, EXPRESSION_KEYS)
    if expression_key is None:
        raise property_error("Missing an Expression key in a calculated property.",
                             "DictionaryKeyMandatoryEntry")
    expression = table[expression_key]
    name_key = _key_of(table, NAME_KEYS)
    if isinstance(expression, ScriptBlock):
        source: Any = script_getter(expression, session)
        label = str(expression)
    else:
        source = str(expression)
        label = source
    if name_key is not None:
        label = str(table[name_key])
    column = Column(label, source)
    width = table.get("Width")
    if width is not None:
        column.width = int(getattr(width, "value", width))
    alignment = table.get("Alignment")
    if alignment is not None:
        column.align = str(alignment).lower()
    format_string = table.get("FormatString")
    if format_string is not None:
        column.format_string = str(format_string)
    return column


def resolve_properties(specs: Optional[Iterable[Any]], sample: Any, session: Any,
                       allowed_keys: Sequence[str] = SELECT_KEYS) -> list[Column]:
    """Columns for ``specs`` against ``sample`` (wildcards expand in its property order)."""
    columns: list[Column] = []
    seen: set[str] = set()

    def add(column: Column) -> None:
        if column.label.lower() not in seen:
            seen.add(column.label.lower())
            columns.append(column)

    for spec in specs or ():
        if isinstance(spec, Hashtable):
            add(calculated_column(spec, session, allowed_keys))
        elif isinstance(spec, ScriptBlock):
            add(Column(str(spec), script_getter(spec, session)))
        else:
            for column in expand_names([str(spec)], sample):
                add(column)
    return columns


def excluded(names: Optional[Iterable[str]]):
    """A predicate: is a property name matched by any ``-ExcludeProperty`` pattern?"""
    from exshell.language.regex import wildcard_to_regex
    patterns = [wildcard_to_regex(str(name)) for name in names or ()]
    return lambda label: any(pattern.match(label) for pattern in patterns)


def read(obj: Any, name: str) -> Any:
    """Property ``name`` of ``obj`` (the one rule the utility cmdlets use)."""
    return get_property(obj, name)
