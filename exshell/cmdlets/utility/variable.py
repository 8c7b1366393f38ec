"""Variable cmdlets: Get-Variable, Set-Variable, Clear-Variable, Remove-Variable.

Contract: they work on the session's scopes (exshell.language.scopes) as seen from
the caller - a cmdlet runs in its caller's scope, so ``session.current_scope`` is
where an unqualified name lives.  ``-Scope`` takes Global, Script, Local, Private or
a number of levels up.  Get-Variable writes PSVariable objects (Name, Value, shown as
PowerShell's ``Name / Value`` table) or, with -ValueOnly, the values.  A name
without wildcards that matches nothing is PowerShell's VariableNotFound error;
-Option ReadOnly/Constant makes later assignments fail with VariableNotWritable.
"""
from __future__ import annotations

from typing import Any, Optional

from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, cmdlet
from exshell.errors import ErrorRecord, message
from exshell.host.format import Column, register_view
from exshell.language.values import PSObject, SwitchParameter

VARIABLE_TYPE = "System.Management.Automation.PSVariable"
register_view(VARIABLE_TYPE, table=[Column("Name", width=30), Column("Value")])

_SCOPE_HELP = "Global, Script, Local, Private, or how many scopes up (0 = the current one)."
_OPTIONS = ["None", "ReadOnly", "Constant", "Private", "AllScope", "Unspecified"]


def _scope(cmdlet: Cmdlet, scope_text: Optional[str]) -> Any:
    session = cmdlet.context
    current = session.current_scope
    if not scope_text:
        return current
    lowered = scope_text.strip().lower()
    if lowered == "global":
        return session.global_scope
    if lowered == "script":
        return current.script_scope()
    if lowered in ("local", "private"):
        return current
    if lowered.isdigit():
        scope = current
        for _ in range(int(lowered)):
            if scope.parent is None:
                break
            scope = scope.parent
        else:
            return scope
    cmdlet.throw_terminating_error(ErrorRecord(
        message=f"The scope number '{scope_text}' exceeds the number of active scopes.",
        error_id="ArgumentOutOfRange", category="InvalidArgument", target_object=scope_text,
        activity=cmdlet.info.name, reason="ArgumentOutOfRangeException",
        command_type_name=cmdlet.info.command_type_name,
        exception_type="System.ArgumentOutOfRangeException"))


def _visible(scope: Any, local_only: bool) -> dict[str, Any]:
    """lower-case name -> Variable, nearest scope first (what the name resolves to)."""
    found: dict[str, Any] = {}
    while scope is not None:
        for key, variable in scope.variables.items():
            found.setdefault(key, variable)
        if local_only:
            break
        scope = scope.parent
    return found


def _matcher(patterns: Any) -> Any:
    from exshell.language.regex import wildcard_to_regex
    compiled = [wildcard_to_regex(str(p)) for p in patterns or []]
    return lambda name: not compiled or any(p.match(name) for p in compiled)


def _variable_object(variable: Any) -> PSObject:
    options = "Constant" if getattr(variable, "read_only", False) else "None"
    return PSObject([("Name", variable.name), ("Value", variable.value), ("Description", ""),
                     ("Options", options), ("Visibility", "Public")],
                    [VARIABLE_TYPE, "System.Object"])


class _VariableCmdlet(Cmdlet):
    """What the four cmdlets share: resolving -Name (wildcards) in -Scope."""

    def _matches(self, names: Any, include_all: bool = False) -> list[Any]:
        scope = _scope(self, self.Scope)
        visible = _visible(scope, local_only=bool(self.Scope))
        chosen: list[Any] = []
        from exshell.language.regex import has_wildcard
        for name in (names or (["*"] if include_all else [])):
            matches = _matcher([name])
            found = [variable for key, variable in sorted(visible.items()) if matches(variable.name)]
            if not found and not has_wildcard(name):
                self.write_error(self._not_found(name))
            chosen.extend(variable for variable in found if variable not in chosen)
        excluded = _matcher(self.Exclude) if self.Exclude else None
        return [variable for variable in chosen if excluded is None or not excluded(variable.name)]

    def _not_found(self, name: str) -> ErrorRecord:
        return ErrorRecord(
            message=f"Cannot find a variable with the name '{name}'.", error_id="VariableNotFound",
            category="ObjectNotFound", target_object=name, target_name=name, target_type="String",
            activity=self.info.name, reason="ItemNotFoundException",
            command_type_name=self.info.command_type_name,
            exception_type="System.Management.Automation.ItemNotFoundException")

    def _not_writable(self, name: str) -> ErrorRecord:
        return ErrorRecord(
            message=f"Cannot overwrite variable {name} because it is read-only or constant.",
            error_id="VariableNotWritable", category="WriteError", target_object=name,
            target_name=name, target_type="String", activity=self.info.name,
            reason="SessionStateUnauthorizedAccessException",
            command_type_name=self.info.command_type_name)


@cmdlet("Get-Variable", command_type_name="Microsoft.PowerShell.Commands.GetVariableCommand",
        synopsis="Lists variables and their values, or gets one variable's value.",
        examples=[("Get-Variable -Name Conn* -ValueOnly", "The values of the variables named Conn...."),
                  ("Get-Variable", "Every variable visible here.")])
class GetVariable(_VariableCmdlet):
    Name = Param(ArrayOf(str), position=1, from_pipeline_by_name=True, wildcards=True,
                 help="Variable names (wildcards allowed); all variables when omitted.")
    ValueOnly = Param(SwitchParameter, help="Writes only the values.")
    Include = Param(ArrayOf(str), wildcards=True, help="Keeps only these names.")
    Exclude = Param(ArrayOf(str), wildcards=True, help="Leaves out these names.")
    Scope = Param(str, help=_SCOPE_HELP)

    def process(self) -> None:
        included = _matcher(self.Include) if self.Include else None
        for variable in self._matches(self.Name, include_all=True):
            if included is not None and not included(variable.name):
                continue
            self.write_object(variable.value if self.ValueOnly else _variable_object(variable),
                              enumerate_collection=bool(self.ValueOnly))


@cmdlet("Set-Variable", command_type_name="Microsoft.PowerShell.Commands.SetVariableCommand",
        synopsis="Sets a variable's value (created if needed), optionally in another scope.",
        examples=[("Set-Variable -Name MaxSize -Value 20MB -Option ReadOnly", "A read-only setting."),
                  ("Set-Variable -Name count -Value 0 -Scope Global", "A global counter.")])
class SetVariable(_VariableCmdlet):
    Name = Param(ArrayOf(str), mandatory=True, position=1, from_pipeline_by_name=True,
                 help="The variable names.")
    Value = Param(object, position=2, from_pipeline=True, from_pipeline_by_name=True,
                  help="The value to store.")
    Option = Param(str, values=_OPTIONS, help="ReadOnly or Constant stop later changes.")
    Force = Param(SwitchParameter, help="Changes a read-only variable too.")
    PassThru = Param(SwitchParameter, help="Writes the variable object.")
    Description = Param(str, help="Accepted for compatibility.")
    Include = Param(ArrayOf(str), wildcards=True, help="Accepted for compatibility.")
    Exclude = Param(ArrayOf(str), wildcards=True, help="Accepted for compatibility.")
    Scope = Param(str, help=_SCOPE_HELP)

    def process(self) -> None:
        scope = _scope(self, self.Scope)
        value = self.Value
        for name in self.Name:
            existing = scope.local(name)
            if existing is not None and existing.read_only and not self.Force:
                self.write_error(self._not_writable(name))
                continue
            if existing is not None and existing.constraint is not None:
                from exshell.language.conversions import convert_to
                value = convert_to(self.Value, existing.constraint)
            variable = scope.set_local(name, value)
            if self.Option and self.Option.lower() in ("readonly", "constant"):
                variable.read_only = True
            if self.PassThru:
                self.write_object(_variable_object(variable))


@cmdlet("Clear-Variable", command_type_name="Microsoft.PowerShell.Commands.ClearVariableCommand",
        synopsis="Sets variables to $null, keeping them.",
        examples=[("Clear-Variable -Name report", "Empties $report.")])
class ClearVariable(_VariableCmdlet):
    Name = Param(ArrayOf(str), mandatory=True, position=1, from_pipeline_by_name=True, wildcards=True,
                 help="The variable names (wildcards allowed).")
    Force = Param(SwitchParameter, help="Clears a read-only variable too.")
    PassThru = Param(SwitchParameter, help="Writes the variable objects.")
    Include = Param(ArrayOf(str), wildcards=True, help="Clears only these names.")
    Exclude = Param(ArrayOf(str), wildcards=True, help="Leaves these names alone.")
    Scope = Param(str, help=_SCOPE_HELP)

    def process(self) -> None:
        for variable in self._matches(self.Name):
            if variable.read_only and not self.Force:
                self.write_error(self._not_writable(variable.name))
                continue
            variable.value = None
            if self.PassThru:
                self.write_object(_variable_object(variable))


@cmdlet("Remove-Variable", command_type_name="Microsoft.PowerShell.Commands.RemoveVariableCommand",
        synopsis="Deletes variables.",
        examples=[("Remove-Variable -Name temp*", "Deletes the variables whose names start with temp.")])
class RemoveVariable(_VariableCmdlet):
    Name = Param(ArrayOf(str), mandatory=True, position=1, from_pipeline_by_name=True, wildcards=True,
                 help="The variable names (wildcards allowed).")
    Force = Param(SwitchParameter, help="Deletes a read-only variable too.")
    Include = Param(ArrayOf(str), wildcards=True, help="Deletes only these names.")
    Exclude = Param(ArrayOf(str), wildcards=True, help="Leaves these names alone.")
    Scope = Param(str, help=_SCOPE_HELP)

    def process(self) -> None:
        scope = _scope(self, self.Scope)
        for variable in self._matches(self.Name):
            if variable.read_only and not self.Force:
                self.write_error(self._not_writable(variable.name))
                continue
            # the variable goes from the scope that holds it (the nearest one)
            holder = scope
            while holder is not None and holder.local(variable.name) is not variable:
                holder = holder.parent
            if holder is not None:
                holder.remove(variable.name)


__all__ = ["GetVariable", "SetVariable", "ClearVariable", "RemoveVariable", "message"]
