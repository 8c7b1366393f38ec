"""Aggregating cmdlets: Measure-Object and Group-Object.

Contract: Measure-Object writes GenericMeasureInfo objects (Count, Average, Sum,
Maximum, Minimum, Property; statistics not asked for are $null, numbers are
Doubles as in PowerShell 5.1) or, with -Line/-Word/-Character, TextMeasureInfo
objects.  Group-Object writes GroupInfo objects (Values, Count, Group, Name)
in order of first appearance, or one hashtable with -AsHashTable.
"""
from __future__ import annotations

from typing import Any, Optional

from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, cmdlet
from exshell.cmdlets.utility.properties import SELECT_KEYS, read, resolve_properties
from exshell.errors import ErrorRecord
from exshell.host.format import Column, register_view
from exshell.language.values import Hashtable, PSObject, SwitchParameter

MEASURE_TYPE = "Microsoft.PowerShell.Commands.GenericMeasureInfo"
TEXT_MEASURE_TYPE = "Microsoft.PowerShell.Commands.TextMeasureInfo"
GROUP_TYPE = "Microsoft.PowerShell.Commands.GroupInfo"

register_view(GROUP_TYPE, table=[Column("Count", width=5, align="right"),
                                 Column("Name", width=25), Column("Group")])


class _Statistics:
    """Running figures for one measured property."""

    def __init__(self) -> None:
        self.count = 0
        self.total = 0.0
        self.maximum: Any = None
        self.minimum: Any = None
        self.lines = self.words = self.characters = 0


@cmdlet("Measure-Object", default_set="GenericMeasure",
        command_type_name="Microsoft.PowerShell.Commands.MeasureObjectCommand",
        synopsis="Counts pipeline objects and computes sums, averages and extremes of properties.",
        examples=[("Get-SendConnector | Measure-Object", "Counts the Send connectors."),
                  ("Get-Queue | Measure-Object MessageCount -Sum -Maximum",
                   "Adds up the messages waiting in every queue.")])
class MeasureObject(Cmdlet):
    InputObject = Param(object, from_pipeline=True, help="An object to measure.")
    Property = Param(ArrayOf(str), position=1, help="Properties to measure (wildcards allowed).")
    Sum = Param(SwitchParameter, sets=["GenericMeasure"], help="Adds the values up.")
    Average = Param(SwitchParameter, sets=["GenericMeasure"], help="Averages the values.")
    Maximum = Param(SwitchParameter, sets=["GenericMeasure"], help="Finds the largest value.")
    Minimum = Param(SwitchParameter, sets=["GenericMeasure"], help="Finds the smallest value.")
    Line = Param(SwitchParameter, sets=["TextMeasure"], help="Counts lines of text.")
    Word = Param(SwitchParameter, sets=["TextMeasure"], help="Counts words of text.")
    Character = Param(SwitchParameter, sets=["TextMeasure"], help="Counts characters of text.")
    IgnoreWhiteSpace = Param(SwitchParameter, sets=["TextMeasure"],
                             help="Leaves white space out of the character count.")

    def begin(self) -> None:
        self._stats: dict[str, _Statistics] = {}
        self._order: list[str] = []
        self._seen_any = False

    def _stat(self, name: str) -> _Statistics:
        if name.lower() not in self._stats:
            self._stats[name.lower()] = _Statistics()
            self._order.append(name)
        return self._stats[name.lower()]

    def process(self) -> None:
        obj = self.InputObject
        if obj is None and not self.is_bound("InputObject"):
            return
        self._seen_any = True
        if not self.Property:
            self._add(self._stat(""), obj)
            return
        for column in resolve_properties(self.Property, obj, self.context, SELECT_KEYS):
            value = read(obj, column.label)
            if value is None and not _has(obj, column.label):
                continue
            self._add(self._stat(column.label), value)

    def _add(self, stat: _Statistics, value: Any) -> None:
        stat.count += 1
        if self.parameter_set == "TextMeasure":
            from exshell.language.conversions import to_string
            text = to_string(value)
            stat.lines += len(text.splitlines()) if text else 0
            stat.words += len(text.split())
            stat.characters += len("".join(text.split())) if self.IgnoreWhiteSpace else len(text)
            return
        if not (self.Sum or self.Average or self.Maximum or self.Minimum):
            return
        number = self._number(value)
        if number is None:
            return
        stat.total += number
        if stat.maximum is None or number > stat.maximum:
            stat.maximum = number
        if stat.minimum is None or number < stat.minimum:
            stat.minimum = number

    def _number(self, value: Any) -> Optional[float]:
        from exshell.errors import PSRuntimeError
        from exshell.language.conversions import convert_to, to_string
        try:
            return float(convert_to(value, float))
        except (PSRuntimeError, TypeError, ValueError):
            self.write_error(ErrorRecord(
                message=f'Input object "{to_string(value)}" is not numeric.',
                error_id="NonNumericInputObject", category="InvalidType", target_object=value,
                target_name=to_string(value), target_type="String", activity="Measure-Object",
                reason="PSInvalidOperationException",
                command_type_name="Microsoft.PowerShell.Commands.MeasureObjectCommand"))
            return None

    def end(self) -> None:
        names = self._order or ([] if self.Property else [""])
        for requested in self.Property or ():
            from exshell.language.regex import has_wildcard
            if not has_wildcard(requested) and requested.lower() not in self._stats \
                    and self._seen_any:
                self.write_error(ErrorRecord(
                    message=f'The property "{requested}" cannot be found in the input for any objects.',
                    error_id="GenericMeasurePropertyNotFound", category="InvalidArgument",
                    target_name=requested, activity="Measure-Object", reason="PSArgumentException",
                    command_type_name="Microsoft.PowerShell.Commands.MeasureObjectCommand"))
        for name in names:
            stat = self._stats.get(name.lower()) or _Statistics()
            self.write_object(self._result(name, stat))

    def _result(self, name: str, stat: _Statistics) -> PSObject:
        if self.parameter_set == "TextMeasure":
            pairs = [("Lines", stat.lines if self.Line else None),
                     ("Words", stat.words if self.Word else None),
                     ("Characters", stat.characters if self.Character else None),
                     ("Property", name or None)]
            return PSObject(pairs, [TEXT_MEASURE_TYPE, "Microsoft.PowerShell.Commands.MeasureInfo",
                                    "System.Object"])
        has_numbers = stat.maximum is not None
        pairs = [
            ("Count", stat.count),
            ("Average", stat.total / stat.count if self.Average and has_numbers else None),
            ("Sum", stat.total if self.Sum and has_numbers else None),
            ("Maximum", stat.maximum if self.Maximum else None),
            ("Minimum", stat.minimum if self.Minimum else None),
            ("Property", name or None),
        ]
        return PSObject(pairs, [MEASURE_TYPE, "Microsoft.PowerShell.Commands.MeasureInfo",
                                "System.Object"])


def _has(obj: Any, name: str) -> bool:
    from exshell.host.format import object_properties
    if isinstance(obj, Hashtable):
        return name in obj
    return any(key.lower() == name.lower() for key, _ in object_properties(obj))


@cmdlet("Group-Object", command_type_name="Microsoft.PowerShell.Commands.GroupObjectCommand",
        synopsis="Puts pipeline objects with equal property values into groups.",
        examples=[("Get-ReceiveConnector | Group-Object Server", "Counts receive connectors per server."),
                  ("Get-AcceptedDomain | Group-Object DomainType -NoElement",
                   "Shows how many domains of each type exist.")])
class GroupObject(Cmdlet):
    InputObject = Param(object, from_pipeline=True, help="An object to group.")
    Property = Param(ArrayOf(object), position=1,
                     help="Properties (or calculated properties) whose values form the groups.")
    NoElement = Param(SwitchParameter, help="Leaves the member objects out of the output.")
    AsHashTable = Param(SwitchParameter, sets=["HashTable"], aliases=["AHT"],
                        help="Outputs one hashtable: group key -> members.")
    AsString = Param(SwitchParameter, sets=["HashTable"], help="Uses the key text as hashtable key.")
    CaseSensitive = Param(SwitchParameter, help="Distinguishes upper and lower case in keys.")

    def begin(self) -> None:
        self._groups: dict[Any, tuple[list, list]] = {}

    def process(self) -> None:
        from exshell.language.conversions import to_string
        obj = self.InputObject
        if obj is None:
            return
        if self.Property:
            columns = resolve_properties(self.Property, obj, self.context, SELECT_KEYS)
            values = [column.value_of(obj) for column in columns]
        else:
            values = [obj]
        key = tuple(to_string(value) if self.CaseSensitive else to_string(value).lower()
                    for value in values)
        if key not in self._groups:
            self._groups[key] = (values, [])
        self._groups[key][1].append(obj)

    def end(self) -> None:
        from exshell.language.conversions import to_string
        if self.AsHashTable:
            table = Hashtable()
            for values, members in self._groups.values():
                key: Any = ", ".join(to_string(v) for v in values)
                if not self.AsString and len(values) == 1:
                    key = values[0]
                table[key] = members
            self.write_object(table)
            return
        for values, members in self._groups.values():
            name = ", ".join(to_string(value) for value in values)
            pairs = [("Values", list(values)), ("Count", len(members))]
            if not self.NoElement:
                pairs.append(("Group", list(members)))
            pairs.append(("Name", name))
            type_name = GROUP_TYPE if not self.NoElement else GROUP_TYPE + "NoElement"
            self.write_object(PSObject(pairs, [type_name, "System.Object"]))


register_view(GROUP_TYPE + "NoElement",
              table=[Column("Count", width=5, align="right"), Column("Name")])
