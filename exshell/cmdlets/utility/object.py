"""The object-pipeline cmdlets: Where-Object, ForEach-Object, Select-Object,
Sort-Object (Measure-Object and Group-Object live in measure.py).

Contract: each is one declaration (parameter sets and positions as PowerShell
5.1 has them, positions 1-based as base.py wants) plus its handler.  Property
reads go through properties.read (one rule); comparisons use the language's
own operator semantics (exshell.language.conversions / regex), so
``Where Prop -eq value`` and ``{ $_.Prop -eq value }`` agree.
"""
from __future__ import annotations

from functools import cmp_to_key
from typing import Any, Callable

from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, ParamSet, cmdlet
from exshell.cmdlets.utility.properties import (
    SELECT_KEYS, SORT_KEYS, excluded, read, resolve_properties, single_or_list,
)
from exshell.cmdlets.utility.where_operators import OPERATORS, apply_operator
from exshell.errors import ErrorRecord
from exshell.host.format import Column, display_value, object_properties, type_names
from exshell.language.values import Hashtable, PSObject, ScriptBlock, SwitchParameter

# ---------------------------------------------------------------- Where-Object


@cmdlet("Where-Object", default_set="EqualSet",
        command_type_name="Microsoft.PowerShell.Commands.WhereObjectCommand",
        synopsis="Passes on only the pipeline objects that satisfy a condition.",
        examples=[("Get-SendConnector | Where-Object { $_.Enabled }",
                   "Keeps the Send connectors that are enabled."),
                  ("Get-AcceptedDomain | Where DomainType -eq Authoritative",
                   "Keeps the authoritative accepted domains, using the property form.")])
class WhereObject(Cmdlet):
    InputObject = Param(object, from_pipeline=True,
                        help="The object to test; normally it arrives through the pipeline.")
    FilterScript = Param(ScriptBlock, sets={"ScriptBlockSet": ParamSet(mandatory=True, position=1)},
                         help="A script block run for each object; $_ is the object.")
    Property = Param(str, sets={name: ParamSet(mandatory=True, position=1)
                                for name in ["EqualSet", *(op.set_name for op in OPERATORS)]},
                     help="The name of the property to compare.")
    Value = Param(object, sets={name: ParamSet(position=2)
                                for name in ["EqualSet", *(op.set_name for op in OPERATORS)]},
                  help="The value to compare the property with.")

    def process(self) -> None:
        obj = self.InputObject
        if self.parameter_set == "ScriptBlockSet":
            from exshell.language.conversions import to_bool
            outputs = self.context.invoke_script_block(self.FilterScript, dollar_under=obj)
            if to_bool(single_or_list(outputs)):
                self.write_object(obj)
            return
        value = read(obj, self.Property)
        operator = next((op for op in OPERATORS if self.is_bound(op.switch)), None)
        if operator is None:
            from exshell.language.conversions import to_bool
            passes = (apply_operator("EQ", value, self.Value) if self.is_bound("Value")
                      else to_bool(value))
        else:
            passes = apply_operator(operator.switch, value, self.Value)
        if passes:
            self.write_object(obj)


def _declare_operator_switches() -> None:
    """One switch per operator, mandatory in its own parameter set (as PowerShell's)."""
    for operator in OPERATORS:
        param = Param(SwitchParameter, sets={operator.set_name: ParamSet(mandatory=True)},
                      help=f"Uses the -{operator.switch.lower()} operator.")
        if operator.switch == "EQ":
            param.sets = {"EqualSet": ParamSet()}  # `Where Prop` alone tests truth in this set
        param.__set_name__(WhereObject, operator.switch)
        setattr(WhereObject, operator.switch, param)


_declare_operator_switches()


# -------------------------------------------------------------- ForEach-Object

@cmdlet("ForEach-Object", default_set="ScriptBlockSet",
        command_type_name="Microsoft.PowerShell.Commands.ForEachObjectCommand",
        synopsis="Runs a script block, or reads a member, for each pipeline object.",
        examples=[("Get-SendConnector | ForEach-Object { $_.Name }", "Lists the connector names."),
                  ("Get-ReceiveConnector | % Identity", "Reads one property of each object.")])
class ForEachObject(Cmdlet):
    InputObject = Param(object, from_pipeline=True, help="The object to work on.")
    Begin = Param(ScriptBlock, sets=["ScriptBlockSet"], help="Runs once before the first object.")
    Process = Param(ArrayOf(ScriptBlock), sets={"ScriptBlockSet": ParamSet(mandatory=True, position=1)},
                    help="Runs for each object; $_ is the object.")
    End = Param(ScriptBlock, sets=["ScriptBlockSet"], help="Runs once after the last object.")
    RemainingScripts = Param(ArrayOf(ScriptBlock), sets=["ScriptBlockSet"], remaining=True,
                             help="Further script blocks (begin, process and end by position).")
    MemberName = Param(str, sets={"PropertyAndMethodSet": ParamSet(mandatory=True, position=1)},
                       help="A property to read or a method to call on each object.")
    ArgumentList = Param(ArrayOf(object), sets=["PropertyAndMethodSet"], aliases=["Args"],
                         remaining=True, help="Arguments of the method named by -MemberName.")

    def begin(self) -> None:
        self._begin, self._process, self._end = self._blocks()
        if self._begin is not None:
            self._emit(self.context.invoke_script_block(self._begin))

    def _blocks(self) -> tuple:
        if self.parameter_set == "PropertyAndMethodSet":
            return None, [], None
        scripts = list(self.Process or []) + list(self.RemainingScripts or [])
        begin, end = self.Begin, self.End
        if self.is_bound("RemainingScripts") and not self.is_bound("Begin") and len(scripts) >= 2:
            # `% {begin} {process}` and `% {begin} {process} {end}`, as PowerShell reads them
            begin, scripts = scripts[0], scripts[1:]
            if len(scripts) >= 2 and not self.is_bound("End"):
                end, scripts = scripts[-1], scripts[:-1]
        return begin, scripts, end

    def _emit(self, outputs: list) -> None:
        for item in outputs:
            self.write_object(item)

    def process(self) -> None:
        obj = self.InputObject
        if self.parameter_set == "PropertyAndMethodSet":
            self._member(obj)
            return
        for block in self._process:
            self._emit(self.context.invoke_script_block(block, dollar_under=obj))

    def _member(self, obj: Any) -> None:
        """A property's value, else the result of the method of that name."""
        from exshell.errors import PSRuntimeError
        from exshell.language.members import invoke_method, is_void
        if not self.is_bound("ArgumentList"):
            value = read(obj, self.MemberName)
            if value is not None:
                self.write_object(value, enumerate_collection=True)
                return
        try:
            result = invoke_method(obj, self.MemberName, list(self.ArgumentList or []),
                                   _MethodContext(self.context))
        except PSRuntimeError as failure:
            if failure.record.error_id in ("MethodNotFound", "InvokeMethodOnNull"):
                return  # neither a property nor a method: PowerShell outputs nothing
            raise
        if result is not None and not is_void(result):
            self.write_object(result, enumerate_collection=True)

    def end(self) -> None:
        if self._end is not None:
            self._emit(self.context.invoke_script_block(self._end))


class _MethodContext:
    """What the language's method calls need: $OFS and the session."""

    ofs = " "

    def __init__(self, session: Any):
        self.session = session


# --------------------------------------------------------------- Select-Object

def selected_object(obj: Any, columns: list[Column], skip: Callable[[str], bool]) -> PSObject:
    """A PSCustomObject named ``Selected.<type>``; the source's own type names are not
    kept, so the source type's views do not apply to it (as in PowerShell)."""
    names = type_names(obj)
    pairs = [(column.label, column.value_of(obj)) for column in columns if not skip(column.label)]
    return PSObject(pairs, ["Selected." + names[0], "System.Management.Automation.PSCustomObject",
                            "System.Object"])


@cmdlet("Select-Object", default_set="DefaultParameter",
        command_type_name="Microsoft.PowerShell.Commands.SelectObjectCommand",
        synopsis="Picks properties of objects, or some of the objects, from the pipeline.",
        examples=[("Get-SendConnector | Select-Object Name, MaxMessageSize",
                   "Keeps two properties of each connector."),
                  ("Get-ReceiveConnector | Select-Object -ExpandProperty Bindings",
                   "Outputs the bindings themselves rather than objects holding them.")])
class SelectObject(Cmdlet):
    InputObject = Param(object, from_pipeline=True, help="The object to select from.")
    Property = Param(ArrayOf(object), position=1,
                     help="Properties to keep: names, wildcards or @{Name=...; Expression=...}.")
    ExcludeProperty = Param(ArrayOf(str), help="Properties to leave out (wildcards allowed).")
    ExpandProperty = Param(str, help="A property whose value is output instead of the object.")
    Unique = Param(SwitchParameter, help="Outputs each distinct object once (case-sensitive).")
    Last = Param(int, sets=["DefaultParameter"], help="How many objects to keep from the end.")
    First = Param(int, sets=["DefaultParameter"], help="How many objects to keep from the start.")
    Skip = Param(int, sets=["DefaultParameter"], help="How many objects to skip first.")
    Index = Param(ArrayOf(int), sets=["IndexParameter"], help="Which objects to keep, by index (0-based).")

    def begin(self) -> None:
        self._objects: list[Any] = []
        # Without -Last, -Index or -Unique every object can go on as it arrives, and
        # once -First is satisfied the upstream commands are stopped (PowerShell's
        # StopUpstreamCommandsException), so `1..10000000 | Select -First 2` is instant.
        self._streaming = not (self.is_bound("Last") or self.is_bound("Index") or self.Unique)
        self._to_skip = max(self.Skip or 0, 0)
        self._to_pass = max(self.First, 0) if self.is_bound("First") else None
        self._skip_properties = excluded(self.ExcludeProperty)

    def process(self) -> None:
        if not (self.InputObject is not None or self.is_bound("InputObject")):
            return
        if not self._streaming:
            self._objects.append(self.InputObject)
            return
        if self._to_pass is not None and self._to_pass <= 0:
            self._stop_upstream()
            return
        if self._to_skip:
            self._to_skip -= 1
            return
        results: list[Any] = []
        self._shape(self.InputObject, results)
        for item in results:
            self.write_object(item)
        if self._to_pass is not None:
            self._to_pass -= 1
            if self._to_pass <= 0:
                self._stop_upstream()

    def _stop_upstream(self) -> None:
        runtime = self.runtime
        if getattr(runtime, "expecting_input", False):
            from exshell.errors import StopUpstreamSignal
            raise StopUpstreamSignal(runtime)

    def _shape(self, obj: Any, results: list) -> None:
        """One chosen object as output: its selected properties, or the expanded one."""
        if self.Property:
            columns = resolve_properties(self.Property, obj, self.context, SELECT_KEYS)
            obj = selected_object(obj, columns, self._skip_properties)
        if self.ExpandProperty:
            self._expand(obj, results)
        else:
            results.append(obj)

    def _chosen(self) -> list[Any]:
        objects = self._objects
        if self.is_bound("Index"):
            count = len(objects)
            return [objects[i] for i in self.Index if -count <= i < count]
        skip = max(self.Skip or 0, 0)
        first = max(self.First, 0) if self.is_bound("First") else None
        last = max(self.Last, 0) if self.is_bound("Last") else None
        if last is not None and first is None:
            # with -Last, -Skip counts from the end (PowerShell's rule)
            kept = objects[:len(objects) - skip] if skip else objects
            return kept[len(kept) - last:] if last else []
        kept = objects[skip:]
        if first is None:
            return kept
        if last is None:
            return kept[:first]
        # -First and -Last together: the head, then the tail, each object once
        chosen = sorted(set(range(min(first, len(kept)))) |
                        set(range(max(len(kept) - last, 0), len(kept))))
        return [kept[i] for i in chosen]

    def end(self) -> None:
        if self._streaming:
            return
        results: list[Any] = []
        for obj in self._chosen():
            self._shape(obj, results)
        if self.Unique:
            results = _distinct(results)
        for item in results:
            self.write_object(item)

    def _expand(self, obj: Any, results: list) -> bool:
        name = self.ExpandProperty
        if not any(key.lower() == name.lower() for key, _ in object_properties(obj)) \
                and not isinstance(obj, (Hashtable, str)):
            self.write_error(ErrorRecord(
                message=f'Property "{name}" cannot be found.', error_id="ExpandPropertyNotFound",
                category="InvalidArgument", target_object=obj,
                target_name=display_value(obj), target_type=type_names(obj)[0],
                activity="Select-Object", reason="PSArgumentException",
                command_type_name="Microsoft.PowerShell.Commands.SelectObjectCommand"))
            return False
        value = read(obj, name)
        if isinstance(value, (list, tuple)) or (hasattr(value, "__iter__") and not isinstance(
                value, (str, Hashtable, PSObject)) and not hasattr(value, "ps_properties")):
            results.extend(value)
        elif value is not None:
            results.append(value)
        return True


def _identity_key(obj: Any) -> Any:
    """Select-Object -Unique compares the selected values, case-sensitively."""
    if isinstance(obj, PSObject) or hasattr(obj, "ps_properties"):
        return tuple((name, display_value(value)) for name, value in object_properties(obj))
    return (type(obj).__name__, display_value(obj))


def _distinct(objects: list) -> list:
    seen: set = set()
    kept = []
    for obj in objects:
        key = _identity_key(obj)
        if key not in seen:
            seen.add(key)
            kept.append(obj)
    return kept


# ----------------------------------------------------------------- Sort-Object

def safe_compare(left: Any, right: Any, case_sensitive: bool) -> int:
    from exshell.errors import PSRuntimeError
    from exshell.language.conversions import compare, to_string
    if isinstance(left, (list, tuple)):
        left = display_value(left)
    if isinstance(right, (list, tuple)):
        right = display_value(right)
    try:
        return compare(left, right, case_sensitive)
    except PSRuntimeError:
        return compare(to_string(left), to_string(right), case_sensitive)


def sort_key_value(obj: Any) -> Any:
    """What an object without -Property sorts by: itself, or its text."""
    if isinstance(obj, (PSObject, Hashtable)) or hasattr(obj, "ps_properties"):
        return display_value(obj)
    return obj


@cmdlet("Sort-Object", default_set="Default",
        command_type_name="Microsoft.PowerShell.Commands.SortObjectCommand",
        synopsis="Orders pipeline objects by their value or by properties.",
        examples=[("Get-SendConnector | Sort-Object Name", "Lists the connectors by name."),
                  ("Get-Queue | Sort-Object MessageCount -Descending", "Busiest queues first.")])
class SortObject(Cmdlet):
    InputObject = Param(object, from_pipeline=True, help="An object to sort.")
    Property = Param(ArrayOf(object), position=1,
                     help="Properties (or @{Expression=...; Descending=$true}) to sort by.")
    Descending = Param(SwitchParameter, help="Sorts from the largest to the smallest.")
    Unique = Param(SwitchParameter, help="Keeps one object of each distinct key.")
    CaseSensitive = Param(SwitchParameter, help="Distinguishes upper and lower case.")

    def begin(self) -> None:
        self._objects: list[Any] = []

    def process(self) -> None:
        if self.InputObject is not None:
            self._objects.append(self.InputObject)

    def _keys(self) -> list[tuple[Callable[[Any], Any], bool]]:
        descending = bool(self.Descending)
        if not self.Property:
            return [(sort_key_value, descending)]
        sample = self._objects[0] if self._objects else None
        keys = []
        for spec in self.Property:
            direction = descending
            if isinstance(spec, Hashtable):
                from exshell.language.conversions import to_bool
                if "Descending" in spec:
                    direction = to_bool(spec["Descending"])
                elif "Ascending" in spec:
                    direction = not to_bool(spec["Ascending"])
                spec = Hashtable([(k, v) for k, v in spec.items()
                                  if str(k).lower() not in ("ascending", "descending")])
            for column in resolve_properties([spec], sample, self.context, SORT_KEYS):
                keys.append((column.value_of, direction))
        return keys

    def end(self) -> None:
        keys = self._keys()
        case_sensitive = bool(self.CaseSensitive)
        rows = [([getter(obj) for getter, _ in keys], obj) for obj in self._objects]

        def order(left: tuple, right: tuple) -> int:
            for index, (_, descending) in enumerate(keys):
                result = safe_compare(left[0][index], right[0][index], case_sensitive)
                if result:
                    return -result if descending else result
            return 0

        rows.sort(key=cmp_to_key(order))
        if self.Unique:
            unique_rows: list = []
            for row in rows:
                if not unique_rows or order(unique_rows[-1], row) != 0:
                    unique_rows.append(row)
            rows = unique_rows
        for _, obj in rows:
            self.write_object(obj)

