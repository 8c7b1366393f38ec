"""Reading the properties the formatter shows (part of exshell.host.format, which
re-exports both functions).

Contract:
    object_properties(value) -> list[(name, value)]   the properties a view shows, in
        declaration order, then the note properties Add-Member gave the value
    get_property(value, name)    one property, case-insensitive (None when missing)
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from exshell.errors import ErrorRecord
from exshell.language.values import Guid, Hashtable, ScriptProperty, note_properties, property_value


_TIMESPAN_PROPERTIES = ("Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks",
                        "TotalDays", "TotalHours", "TotalMinutes", "TotalSeconds",
                        "TotalMilliseconds")


def _timespan_properties(span: timedelta) -> list[tuple[str, Any]]:
    ticks = (span.days * 86400 + span.seconds) * 10_000_000 + span.microseconds * 10
    sign = -1 if ticks < 0 else 1
    magnitude = abs(ticks)
    seconds_total = magnitude // 10_000_000
    values = [
        sign * (seconds_total // 86400), sign * (seconds_total // 3600 % 24),
        sign * (seconds_total // 60 % 60), sign * (seconds_total % 60),
        sign * (magnitude // 10_000 % 1000), ticks,
        ticks / 864e9, ticks / 36e9, ticks / 6e8, ticks / 1e7, ticks / 1e4,
    ]
    return list(zip(_TIMESPAN_PROPERTIES, values))


def object_properties(value: Any) -> list[tuple[str, Any]]:
    """The (name, value) pairs a view of ``value`` shows, in declaration order (and the
    note properties Add-Member gave it, last)."""
    notes = note_properties(value)
    pairs = _own_properties(value) + list(notes.items()) if notes is not None else _own_properties(value)
    if any(isinstance(item, ScriptProperty) for _, item in pairs):
        pairs = [(name, property_value(value, item)) for name, item in pairs]
    return pairs


def _own_properties(value: Any) -> list[tuple[str, Any]]:
    if type(value) is Guid:
        return [("Guid", str(value))]
    if hasattr(value, "ps_properties"):
        return list(value.ps_properties().items())
    if isinstance(value, Hashtable):
        return [("" if key is None else str(key), item) for key, item in value.items()]
    if isinstance(value, timedelta):
        return _timespan_properties(value)
    if isinstance(value, str):
        return [("Length", len(value))]
    if isinstance(value, ErrorRecord):
        return _error_properties(value)
    return []


def _error_properties(record: ErrorRecord) -> list[tuple[str, Any]]:
    """What ``$Error[0] | Format-List * -Force`` shows, as PowerShell 5.1 lists it."""
    return [
        ("PSMessageDetails", None),
        ("Exception", f"{record.exception_type}: {record.message}"),
        ("TargetObject", record.target_object),
        ("CategoryInfo", record.category_info),
        ("FullyQualifiedErrorId", record.fully_qualified_error_id),
        ("ErrorDetails", None),
        ("InvocationInfo", None),
        ("ScriptStackTrace", ""),
        ("PipelineIterationInfo", []),
    ]


def get_property(value: Any, name: str) -> Any:
    """Property ``name`` of ``value`` (case-insensitive), None when it has none.

    Objects that list their properties answer from that list only; other values
    (strings, dates, error records) go through the language's member access.
    """
    if value is None:
        return None
    notes = note_properties(value)
    if notes is not None and name in notes:
        return property_value(value, notes[name])
    if isinstance(value, Hashtable):
        return value.get(name)
    if hasattr(value, "ps_properties"):
        properties = value.ps_properties()
        found = properties.get(name) if isinstance(properties, Hashtable) else None
        if found is not None:
            return property_value(value, found)
        folded = name.lower()
        for key, item in properties.items():
            if str(key).lower() == folded:
                return property_value(value, item)
        return None
    if isinstance(value, timedelta):
        return dict((key.lower(), item) for key, item in _timespan_properties(value)).get(name.lower())
    if isinstance(value, (list, tuple)):
        return None
    from exshell.language.members import get_member
    return get_member(value, name)
