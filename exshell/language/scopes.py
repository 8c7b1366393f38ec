"""Variable and function scopes.

Contract: a ``Scope`` holds variables (case-insensitive names) and functions, and
points at its parent.  PowerShell scoping is dynamic: a function or script block
runs in a new child of the *caller's* current scope, so lookups walk the chain of
callers.  ``is_script`` marks the scope that ``$script:`` names (the global scope
for -Command text, the file's scope for a script run).

A variable may carry a type constraint (``[int]$x = 5``): later assignments are
converted to it, as PowerShell's ArgumentTypeConverterAttribute does.
"""
from __future__ import annotations

from typing import Any, Iterator, Optional


class Variable:
    __slots__ = ("name", "value", "constraint", "read_only")

    def __init__(self, name: str, value: Any = None, constraint: Any = None,
                 read_only: bool = False):
        self.name = name
        self.value = value
        self.constraint = constraint
        self.read_only = read_only


class Scope:
    __slots__ = ("parent", "variables", "functions", "is_script", "aliases")

    def __init__(self, parent: Optional["Scope"] = None, is_script: bool = False):
        self.parent = parent
        self.variables: dict[str, Variable] = {}
        self.functions: dict[str, Any] = {}
        self.aliases: dict[str, str] = {}
        self.is_script = is_script

    def chain(self) -> Iterator["Scope"]:
        scope: Optional[Scope] = self
        while scope is not None:
            yield scope
            scope = scope.parent

    def find(self, name: str) -> Optional[Variable]:
        key = name.lower()
        for scope in self.chain():
            variable = scope.variables.get(key)
            if variable is not None:
                return variable
        return None

    def find_folded(self, key: str) -> Optional[Variable]:
        """``find`` for a name already in lower case (the evaluator's hot path)."""
        scope: Optional[Scope] = self
        while scope is not None:
            variable = scope.variables.get(key)
            if variable is not None:
                return variable
            scope = scope.parent
        return None

    def local(self, name: str) -> Optional[Variable]:
        return self.variables.get(name.lower())

    def set_local(self, name: str, value: Any, constraint: Any = None) -> Variable:
        key = name.lower()
        variable = self.variables.get(key)
        if variable is None:
            variable = Variable(name, value, constraint)
            self.variables[key] = variable
        else:
            variable.value = value
            if constraint is not None:
                variable.constraint = constraint
        return variable

    def remove(self, name: str) -> bool:
        return self.variables.pop(name.lower(), None) is not None

    def find_function(self, name: str) -> Any:
        key = name.lower()
        for scope in self.chain():
            found = scope.functions.get(key)
            if found is not None:
                return found
        return None

    def find_alias(self, name: str) -> Optional[str]:
        key = name.lower()
        for scope in self.chain():
            found = scope.aliases.get(key)
            if found is not None:
                return found
        return None

    def script_scope(self) -> "Scope":
        last = self
        for scope in self.chain():
            if scope.is_script:
                return scope
            last = scope
        return last

    def global_scope(self) -> "Scope":
        last = self
        for scope in self.chain():
            last = scope
        return last
