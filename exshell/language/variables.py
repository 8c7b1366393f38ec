"""Variable reads and writes with PowerShell's scope qualifiers.

Contract (mixed into the Evaluator; the session exposes them as get_/set_variable):
    read_variable(name, default=None)   ``$x``, ``$script:x``, ``$global:x``, ``$env:PATH``;
                                        $true/$false/$null, ``$?`` and ``$PWD`` are computed
    write_variable(name, value)         assignment; an unqualified name creates the variable
                                        in the current scope (PowerShell's copy-on-write),
                                        keeping the type constraint of one it shadows
    constrain_variable(name, target, value)   ``[int]$x = ...``: convert and remember the type
``$env:`` reads and writes the process environment (shared by every session, as in
PowerShell); $env:COMPUTERNAME, when undefined, is the local Exchange server's name.
Everything else lives in the session's scopes.
"""
from __future__ import annotations

import os
from typing import Any, Optional

from exshell.errors import ErrorRecord, PSRuntimeError
from exshell.language import conversions as conv

_CONSTANTS = {"true": True, "false": False, "null": None}
_QUALIFIERS = ("global", "script", "local", "private", "env", "variable", "using", "function")


class VariableAccess:
    session: Any
    ofs: str
    to_string: Any

    def _split_name(self, name: str) -> tuple[Optional[str], str]:
        if ":" in name:
            prefix, _, rest = name.partition(":")
            lowered = prefix.lower()
            if lowered in _QUALIFIERS:
                return lowered, rest
        return None, name

    def read_variable(self, name: str, default: Any = None) -> Any:
        if ":" not in name:
            lowered = name.lower()
            if lowered in _CONSTANTS:
                return _CONSTANTS[lowered]
            if lowered == "?":
                return self.session.last_status
            if lowered == "pwd":
                return os.getcwd()
            variable = self.session.current_scope.find_folded(lowered)
            return default if variable is None else variable.value
        scope_name, bare = self._split_name(name)
        lowered = bare.lower()
        if scope_name == "env":
            return _env_get(bare)
        if scope_name is None or scope_name in ("variable", "using", "local", "private"):
            if lowered in _CONSTANTS:
                return _CONSTANTS[lowered]
            if lowered == "?":
                return self.session.last_status
            if lowered == "pwd":
                return os.getcwd()
        if scope_name == "function":
            return self.session.current_scope.find_function(bare)
        scope = self._scope_for(scope_name)
        variable = scope.local(bare) if scope_name in ("local", "private") else scope.find(bare)
        if variable is None:
            return default
        return variable.value

    def _scope_for(self, scope_name: Optional[str]) -> Any:
        current = self.session.current_scope
        if scope_name == "global":
            return self.session.global_scope
        if scope_name == "script":
            return current.script_scope()
        return current

    def write_variable(self, name: str, value: Any) -> None:
        scope_name, bare = self._split_name(name)
        if scope_name == "env":
            if value is None or value == "":
                os.environ.pop(bare, None)
            else:
                os.environ[bare] = self.to_string(value)
            return
        if scope_name in (None, "global", "script", "local", "private") and bare.lower() == "null":
            return  # `$null = ...` is PowerShell's idiom for discarding a value
        if scope_name is None and bare.lower() in _CONSTANTS:
            raise PSRuntimeError(ErrorRecord(
                message=f"Cannot overwrite variable {bare} because it is read-only or constant.",
                error_id="VariableNotWritable", category="WriteError", target_name=bare,
                reason="SessionStateUnauthorizedAccessException"))
        scope = self._scope_for(scope_name)
        variable = scope.local(bare)
        if variable is not None and variable.read_only:  # Set-Variable -Option ReadOnly/Constant
            raise PSRuntimeError(ErrorRecord(
                message=f"Cannot overwrite variable {bare} because it is read-only or constant.",
                error_id="VariableNotWritable", category="WriteError", target_name=bare,
                reason="SessionStateUnauthorizedAccessException"))
        if scope_name is None and variable is None:
            # assignment without a scope creates the variable locally (copy-on-write)
            found = scope.find(bare)
            constraint = found.constraint if found is not None else None
            scope.set_local(bare, conv.convert_to(value, constraint) if constraint else value, constraint)
            return
        if variable is not None and variable.constraint is not None:
            value = conv.convert_to(value, variable.constraint, self.ofs)
        scope.set_local(bare, value)

    def variable_for_reference(self, name: str) -> Any:
        """The variable ``[ref]$name`` points at (created empty if it does not exist yet)."""
        scope_name, bare = self._split_name(name)
        scope = self._scope_for(scope_name)
        found = scope.find(bare)
        return found if found is not None else scope.set_local(bare, None)

    def constrain_variable(self, name: str, target: Any, value: Any) -> Any:
        scope_name, bare = self._split_name(name)
        converted = conv.convert_to(value, target, self.ofs)
        if bare.lower() == "null":
            return converted
        self._scope_for(scope_name).set_local(bare, converted, constraint=target)
        return converted


def _env_get(name: str) -> Any:
    if name in os.environ:
        return os.environ[name]
    lowered = name.lower()
    for key, value in os.environ.items():
        if key.lower() == lowered:
            return value
    default = _ENV_DEFAULTS.get(lowered)
    return default() if default is not None else None


def _computer_name() -> str:
    # the store's rule for the local Exchange server (EXSHELL_SERVER, else the host name)
    from exshell.store.servers import local_server_name
    return local_server_name()


# Windows variables admin scripts rely on, when this environment does not define them
# (``Set-TransportServer $env:COMPUTERNAME ...``).
_ENV_DEFAULTS = {"computername": _computer_name}
