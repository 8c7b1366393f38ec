"""One shell session (a PowerShell runspace): variables, commands, host, error stream.

Contract (what the runner, the console and the cmdlets use):
    Session(host=None, options=None)
    session.run(text, path=None, sink=None, args=None) -> (outputs: list, had_error: bool)
        parses and runs ``text``; without ``sink`` every output object is returned in
        ``outputs``; with ``sink`` output is handed to ``sink(list)`` in batches: the
        objects of consecutive statements together (one Out-Default, one table), and
        always before anything else is written to the host (Write-Host, errors,
        prompts), so order is kept; ``outputs`` is then empty.  ``had_error`` is True after a parse
        error, a terminating error, or when the last statement failed ($? false).
        ``session.exit_code`` holds the code of ``exit N`` (None if no exit ran);
        ``session.terminated`` tells whether an uncaught terminating error ended the run.
    session.invoke_script_block(sb, args=(), input=NO_INPUT, dollar_under=NO_INPUT,
                                new_scope=False) -> list
        runs a ScriptBlock (Where-Object, ForEach-Object, calculated properties) in the
        caller's scope as PowerShell does for those cmdlets
    session.get_variable(name, default=None) / set_variable(name, value, scope=None)
    session.resolve_command(name) -> invocation.CommandInfo | None   alias, function, cmdlet
    session.set_alias(name, target, scope=None) / session.functions()  (Set-Alias, Get-Command)
    session.report_error(record, show=True)   a non-terminating error: $Error, $? false, display
    session.write_error(record, action=None)  same, obeying -ErrorAction/$ErrorActionPreference
    session.host (StdioHost by default), session.options (non_interactive, no_profile)
    session.store()                          the configuration store, opened on first use

No module-level mutable state: several sessions can live in one process.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any, Callable, Optional

from exshell.errors import ErrorRecord, ExitSignal, FlowControl, ParseError, PSRuntimeError
from exshell.invocation import CommandInfo
from exshell.language.scopes import Scope
from exshell.language.values import ArrayList, Hashtable, PSObject, Version

NO_INPUT = object()


# --------------------------------------------------------------------- host

class StdioUI:
    """The host's user interface on plain standard streams."""

    def __init__(self, stdin: Any = None, stdout: Any = None, stderr: Any = None):
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr

    def write(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()

    def write_line(self, text: str = "") -> None:
        self.write(text + "\n")

    def write_error_line(self, text: str) -> None:
        self.stdout.flush()
        self.stderr.write(text + "\n")
        self.stderr.flush()

    def write_warning_line(self, text: str) -> None:
        self.write_line(text if text.startswith("WARNING: ") else f"WARNING: {text}")

    def write_verbose_line(self, text: str) -> None:
        self.write_line(text if text.startswith("VERBOSE: ") else f"VERBOSE: {text}")

    def write_debug_line(self, text: str) -> None:
        self.write_line(text if text.startswith("DEBUG: ") else f"DEBUG: {text}")

    def read_line(self, prompt: str = "") -> Optional[str]:
        if prompt:
            self.write(prompt)
        line = self.stdin.readline()
        if not line:
            return None
        return line.rstrip("\r\n")

    def read_secret(self, prompt: str = "") -> str:
        if self.stdin is sys.stdin and sys.stdin.isatty():
            import getpass
            return getpass.getpass(prompt)
        return self.read_line(prompt) or ""

    def prompt_for_choice(self, caption: str, message: str, choices: list[str], default: int) -> int:
        """PowerShell's choice prompt: '[Y] Yes  [N] No  [?] Help (default is "Y"):'."""
        keys = []
        labels = []
        for choice in choices:
            marker = choice.find("&")
            key = choice[marker + 1].upper() if marker >= 0 and marker + 1 < len(choice) else choice[:1]
            keys.append(key)
            labels.append(f"[{key}] {choice.replace('&', '')}")
        if caption:
            self.write_line(caption)
        if message:
            self.write_line(message)
        line = "  ".join(labels) + f'  [?] Help (default is "{keys[default]}"): '
        while True:
            answer = self.read_line(line)
            if answer is None:
                return default
            answer = answer.strip().upper()
            if not answer:
                return default
            if answer in keys:
                return keys.index(answer)
            if answer == "?":
                for key, choice in zip(keys, choices):
                    self.write_line(f"{key} - {choice.replace('&', '')}")


class StdioHost:
    """The plain host: interactive when stdin is a terminal; width from the terminal."""

    name = "ConsoleHost"

    def __init__(self, ui: Optional[StdioUI] = None, interactive: Optional[bool] = None,
                 width: Optional[int] = None):
        self.ui = ui or StdioUI()
        if interactive is None:
            try:
                interactive = sys.stdin.isatty()
            except (AttributeError, ValueError):
                interactive = False
        self.interactive = interactive
        if width is None:
            import shutil
            width = shutil.get_terminal_size((120, 50)).columns
        self.width = width

    def ps_properties(self) -> Hashtable:
        return Hashtable([("Name", self.name), ("Version", "5.1.14409.1018"),
                          ("CurrentCulture", "en-US"), ("CurrentUICulture", "en-US")])

    def ps_type_names(self) -> list[str]:
        return ["System.Management.Automation.Internal.Host.InternalHost", "System.Object"]

    def __str__(self) -> str:
        return "System.Management.Automation.Internal.Host.InternalHost"


@dataclass
class SessionOptions:
    non_interactive: bool = False
    no_profile: bool = False


# Automatic variables whose starting values are constants.
_PREFERENCES = {
    "ErrorActionPreference": "Continue", "WarningPreference": "Continue",
    "VerbosePreference": "SilentlyContinue", "DebugPreference": "SilentlyContinue",
    "ProgressPreference": "Continue", "InformationPreference": "SilentlyContinue",
    "WhatIfPreference": False, "ConfirmPreference": "High", "ErrorView": "NormalView",
    "OFS": " ", "FormatEnumerationLimit": 4, "MaximumHistoryCount": 4096,
    "LASTEXITCODE": 0,
}

MAX_CALL_DEPTH = 100  # PowerShell 2.0's limit, the engine Exchange 2010 runs on
_PYTHON_RECURSION_LIMIT = 8000


class Session:
    def __init__(self, host: Any = None, options: Optional[SessionOptions] = None):
        self.host = host or StdioHost()
        self.options = options or SessionOptions()
        self.global_scope = Scope(is_script=True)
        self.current_scope = self.global_scope
        self.error_list: list = ArrayList()  # $Error: an ArrayList, so $Error.Clear() works
        self.error_count = 0  # errors reported so far; statements compare it to set $?
        self._last_status = True
        self.exit_code: Optional[int] = None
        self.terminated = False  # the last run ended by an uncaught terminating error
        self.try_depth = 0
        self.call_depth = 0
        self.error_redirects: list[Callable[[Any], None]] = []
        self.metadata_cache: dict[int, Any] = {}
        self._store: Any = None
        self._builtin_aliases: Optional[dict[str, str]] = None
        self._evaluator: Any = None
        self._init_variables()

    @property
    def last_status(self) -> bool:
        """``$?``: whether the previous statement succeeded."""
        return self._last_status

    @last_status.setter
    def last_status(self, value: bool) -> None:
        # Setting it False anywhere (an ignored error, say) counts as an error of the
        # running statement, which is what decides $? when the statement ends.
        self._last_status = bool(value)
        if not value:
            self.error_count += 1

    # ------------------------------------------------------------ variables
    def _init_variables(self) -> None:
        scope = self.global_scope
        for name, value in _PREFERENCES.items():
            scope.set_local(name, value)
        scope.set_local("Error", self.error_list)
        scope.set_local("HOME", os.path.expanduser("~"))
        scope.set_local("Host", self.host)
        scope.set_local("PID", os.getpid())
        scope.set_local("ShellId", "Microsoft.PowerShell")
        scope.set_local("PSVersionTable", Hashtable([
            ("PSVersion", Version("5.1.14409.1018")), ("PSEdition", "Desktop"),
            ("PSCompatibleVersions", ["1.0", "2.0", "3.0", "4.0", "5.0", "5.1.14409.1018"]),
            ("BuildVersion", "10.0.14409.1018"), ("CLRVersion", "4.0.30319.42000"),
            ("WSManStackVersion", "3.0"), ("PSRemotingProtocolVersion", "2.3"),
            ("SerializationVersion", "1.1.0.1"),
        ]))
        scope.set_local("args", [])
        scope.set_local("MyInvocation", PSObject([("MyCommand", ""), ("Line", ""),
                                                  ("ScriptName", ""), ("InvocationName", "")]))

    def get_variable(self, name: str, default: Any = None) -> Any:
        return self.evaluator.read_variable(name, default)

    def set_variable(self, name: str, value: Any, scope: Optional[str] = None) -> None:
        self.evaluator.write_variable(f"{scope}:{name}" if scope else name, value)

    # ----------------------------------------------------------- commands
    def resolve_command(self, name: str) -> Optional[CommandInfo]:
        """Alias, then function, then cmdlet (PowerShell's precedence)."""
        from exshell.cmdlets import registry

        target = self.current_scope.find_alias(name)
        if target is None:
            if self._builtin_aliases is None:
                self._builtin_aliases = {alias.lower(): command for alias, command in registry.ALIASES.items()}
            target = self._builtin_aliases.get(name.lower())
        if target is not None:
            resolved = self.resolve_command(target) if target.lower() != name.lower() else None
            if resolved is not None:
                return resolved
        function = self.current_scope.find_function(name)
        if function is not None:
            return function
        cmdlet_class = registry.lookup(name)
        if cmdlet_class is not None:
            return CommandInfo(name=cmdlet_class.info.name, kind="Cmdlet",
                               implementation=cmdlet_class,
                               module="Microsoft.PowerShell.Utility" if not cmdlet_class.info.exchange
                               else "Microsoft.Exchange.Management.PowerShell.E2010")
        return None

    def set_alias(self, name: str, target: str, scope: Optional[str] = None) -> None:
        """Set-Alias/New-Alias: ``name`` now runs ``target`` (current scope unless 'Global'/'Script')."""
        where = self.current_scope
        if scope and scope.lower() == "global":
            where = self.global_scope
        elif scope and scope.lower() == "script":
            where = self.current_scope.script_scope()
        where.aliases[name.lower()] = target

    def functions(self) -> list[CommandInfo]:
        """Every function visible from the current scope (for Get-Command)."""
        seen: dict[str, CommandInfo] = {}
        for scope in self.current_scope.chain():
            for key, info in scope.functions.items():
                seen.setdefault(key, info)
        return list(seen.values())

    # ------------------------------------------------------------- errors
    def report_error(self, record: ErrorRecord, show: bool = True) -> None:
        self.error_list.insert(0, record)
        del self.error_list[256:]
        self.last_status = False
        if self.error_redirects:
            self.error_redirects[-1](record)
            return
        if show:
            self.render_error(record)

    def write_error(self, record: ErrorRecord, action: Optional[str] = None) -> None:
        preference = (action or str(self.get_variable("ErrorActionPreference") or "Continue")).lower()
        if preference == "ignore":
            self.last_status = False
            return
        if preference == "stop":
            raise PSRuntimeError(record)
        self.report_error(record, show=preference != "silentlycontinue")

    def render_error(self, record: ErrorRecord) -> None:
        try:
            from exshell.host import errorview
            text = errorview.render(record, self)
        except ImportError:
            text = record.message
        self.host.ui.write_error_line(text)

    # ------------------------------------------------------------ running
    @property
    def evaluator(self) -> Any:
        if self._evaluator is None:
            from exshell.language.evaluator import Evaluator
            self._evaluator = Evaluator(self)
        return self._evaluator

    def run(self, text: str, path: Optional[str] = None, sink: Optional[Callable[[list], None]] = None,
            args: Optional[list] = None) -> tuple[list, bool]:
        from exshell.language.parser import parse

        # Each PowerShell call level costs a few dozen Python frames; leave room for
        # MAX_CALL_DEPTH levels so the engine's own limit is the one users meet.
        if sys.getrecursionlimit() < _PYTHON_RECURSION_LIMIT:
            sys.setrecursionlimit(_PYTHON_RECURSION_LIMIT)
        try:
            script = parse(text, path)
        except ParseError as error:
            for record in error.errors:
                self.error_list.insert(0, record)
            self.last_status = False
            self.terminated = True
            self._render_parse_errors(error)
            return [], True
        except RecursionError:
            from exshell.language.evaluator import call_depth_record
            self.report_error(call_depth_record(None))
            return [], True
        return self.evaluator.run_script(script, sink=sink, args=args, is_file=path is not None)

    def _render_parse_errors(self, error: ParseError) -> None:
        try:
            from exshell.host import errorview
            text = errorview.render_parse_errors(error.errors, self)
        except ImportError:
            text = "\n".join(record.message for record in error.errors)
        self.host.ui.write_error_line(text)

    def run_file(self, path: str, args: Optional[list] = None,
                 sink: Optional[Callable[[list], None]] = None) -> tuple[list, bool]:
        from exshell.host.scriptfile import read_script_text
        text = read_script_text(path)
        return self.run(text, path=os.path.abspath(path), sink=sink, args=args or [])

    def invoke_script_block(self, sb: Any, args: Any = (), input: Any = NO_INPUT,
                            dollar_under: Any = NO_INPUT, new_scope: bool = False) -> list:
        """Run ``sb`` for a cmdlet.  Like ForEach-Object and Where-Object in PowerShell the
        block runs in the caller's scope (``$n = 0; 1..3 | % { $n += $_ }`` counts),
        with ``$_``/``$args`` restored afterwards; ``new_scope=True`` isolates it."""
        return self.evaluator.invoke_script_block(sb, list(args), input, dollar_under, new_scope)

    # -------------------------------------------------------------- store
    def store(self) -> Any:
        if self._store is None:
            from exshell.store import open_store
            self._store = open_store()
        return self._store


__all__ = ["Session", "SessionOptions", "StdioHost", "StdioUI", "NO_INPUT", "ExitSignal",
           "FlowControl", "MAX_CALL_DEPTH"]
