"""``exshell --check``: validate scripts without running them or touching the store.

Contract:
    check_text(text, path) -> list[Problem]
        Problems of one script, in source order: parse errors (which stop the
        check, as they stop a run); unknown commands (not a cmdlet, an alias or
        a function defined anywhere in the same text); binding of each command
        against its declaration, using the real binder in check mode (names,
        prefixes, positions, parameter sets, missing arguments, conversion of
        literal values, mandatory parameters that pipeline input cannot fill,
        piped objects no parameter is left to take);
        and the Exchange rules that depend only on the command's own arguments
        (New-* objects built offline through the same code and validators a
        run uses, or a cmdlet's own ``check_rules`` hook).
    main_check(paths, out=sys.stdout, err=sys.stderr) -> int
        Prints ``FILE:LINE:COL: ErrorId: message`` per problem (``-`` reads
        standard input and is reported as ``-``), each hint on its own
        indented line after it; returns 0 when every file is clean, else 1.

Values that come from variables or expressions are never guessed: the pseudo
binder (exshell/binder/pseudo.py) hands them over as non-literal, and the
binder counts them as bound without converting them.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, TextIO

from exshell import errors
from exshell.binder import hints, pseudo
from exshell.invocation import InvocationInfo
from exshell.language import ast

# Command names that name files or programs rather than commands: --check
# cannot know what they accept, so it leaves them alone.
_PATH_MARKERS = ("\\", "/")
_PROGRAM_SUFFIXES = (".ps1", ".exe", ".cmd", ".bat", ".com", ".msc")


@dataclass
class Problem:
    """One finding: where, PowerShell's error id, its message, exshell's hints."""

    path: str
    line: int
    column: int
    error_id: str
    message: str
    hints: list[str] = field(default_factory=list)
    record: Optional[errors.ErrorRecord] = field(default=None, repr=False, compare=False)

    def format(self) -> str:
        one_line = " ".join(part.strip() for part in self.message.splitlines() if part.strip())
        return f"{self.path}:{self.line}:{self.column}: {self.error_id}: {one_line}"


# ------------------------------------------------------------------ checking

def check_text(text: str, path: str = "-") -> list[Problem]:
    """Every problem --check finds in ``text`` (reported under the name ``path``)."""
    from exshell.language.parser import parse

    source_path = None if path == "-" else path
    try:
        script = parse(text, source_path)
    except errors.ParseError as failure:
        problems = []
        for record in failure.errors:
            hints.for_parse_error(record)
            problems.append(_problem(path, record, None))
        return problems
    except errors.PSRuntimeError as failure:  # anything else the parser refused
        return [_problem(path, failure.record, None)]
    return _ScriptChecker(path, script).run()


class _ScriptChecker:
    """One script's walk: functions first (they count wherever they are defined),
    then every pipeline's commands in source order."""

    def __init__(self, path: str, script: ast.ScriptBlockAst):
        self.path = path
        self.script = script
        self.problems: list[Problem] = []
        self.functions: dict[str, list[ast.FunctionDefinitionAst]] = {}
        # name (lower case) -> (metadata or None, known): scripts repeat commands a lot
        self.resolved: dict[str, tuple[Any, bool]] = {}

    def run(self) -> list[Problem]:
        nodes = list(pseudo.walk(self.script))
        for node in nodes:
            if type(node) is ast.FunctionDefinitionAst:
                self.functions.setdefault(node.name.lower(), []).append(node)
        for node in nodes:
            if type(node) is ast.PipelineAst:
                self._check_pipeline(node)
        self.problems.sort(key=lambda problem: (problem.line, problem.column))
        return self.problems

    def _check_pipeline(self, pipeline: ast.PipelineAst) -> None:
        length = len(pipeline.elements)
        for index, element in enumerate(pipeline.elements):
            if type(element) is ast.CommandAst:
                self._check_command(element, index + 1, length)

    def _check_command(self, command: ast.CommandAst, position: int, length: int) -> None:
        head = command.elements[0]
        if command.invocation_operator is not None or type(head) is not ast.StringConstantAst:
            return
        name = head.value
        lowered = name.lower()
        resolved = self.resolved.get(lowered)
        if resolved is None:
            resolved = self.resolved[lowered] = self._metadata_for(name)
        metadata, known = resolved
        if not known:
            if not _names_a_file(name):
                defined = [d[0].name for d in self.functions.values()]
                self._report(_command_not_found(name, head.extent, defined), command)
            return
        if metadata is None:
            return
        try:
            result = pseudo.bind_command(command, metadata, position, length)
        except errors.PSRuntimeError as failure:
            self._report(failure.record, command)
            return
        except Exception:  # noqa: BLE001 - a binder defect must not stop the whole check
            return
        if result is None:
            return
        if position > 1 and metadata.kind == "Cmdlet":
            self._check_pipeline_input(metadata, result, command)
        for record in _rule_records(metadata, result, result.invocation):
            self._report(record, command)

    def _check_pipeline_input(self, metadata: Any, result: Any, command: ast.CommandAst) -> None:
        """Objects piped into a cmdlet whose pipeline parameters are all taken already
        cannot bind: PowerShell fails on the first one (InputObjectNotBound)."""
        takers = [p for p in metadata.parameters.values() if not p.is_common and p.takes_pipeline]
        if any(p.name not in result.bound for p in takers):
            return
        record = metadata.binding_error("InputObjectNotBound", command.extent).record
        if takers:
            names = ", ".join(f"-{p.name}" for p in takers)
            record.hints.append(f"{metadata.name} takes pipeline input only through {names}, "
                                f"which the command line already sets.")
        else:
            record.hints.append(f"{metadata.name} does not take pipeline input.")
        self._report(record, command)

    def _metadata_for(self, name: str) -> tuple[Any, bool]:
        """(metadata or None, known): None metadata means known but not checkable."""
        from exshell.binder.metadata import CommandMetadata

        lowered = name.lower()
        definitions = self.functions.get(lowered)
        if definitions is not None:
            if len(definitions) != 1:
                return None, True   # redefined: which one runs depends on the flow
            return _function_metadata(definitions[0]), True
        try:
            cmdlet_class = _resolve_cmdlet(name)
        except ImportError:
            return None, True   # declared, but its module cannot load here: not checkable
        if cmdlet_class is None:
            return None, False
        return CommandMetadata.from_cmdlet(cmdlet_class), True

    def _report(self, record: errors.ErrorRecord, command: ast.CommandAst) -> None:
        hints.for_broken_continuation(record, command.extent)
        self.problems.append(_problem(self.path, record, command.extent))


def _resolve_cmdlet(name: str) -> Optional[type]:
    from exshell.cmdlets import registry

    found = registry.lookup(name)
    if found is not None:
        return found
    aliases = getattr(registry, "ALIASES", {})
    target = aliases.get(name) or aliases.get(name.lower())
    if target is None:
        lowered = name.lower()
        target = next((value for key, value in aliases.items() if key.lower() == lowered), None)
    return registry.lookup(target) if target else None


def _function_metadata(definition: ast.FunctionDefinitionAst) -> Any:
    from exshell.binder.metadata import CommandMetadata

    body = definition.body
    attributes = list(body.attributes or [])
    cmdlet_binding = any(a.type_name.lower() in ("cmdletbinding", "system.management.automation."
                                                 "cmdletbindingattribute") for a in attributes)
    try:
        return CommandMetadata.from_function(definition.name, body.params or [], cmdlet_binding,
                                             attributes)
    except errors.PSRuntimeError:
        return None  # the function's own declaration is broken; a run reports that


def _rule_records(metadata: Any, result: Any, invocation: InvocationInfo) -> list[errors.ErrorRecord]:
    """Exchange rules that depend only on this command's arguments.

    A cmdlet class may define ``check_rules(bound, unconverted, invocation)``
    returning error records.  Otherwise, for the New-* Exchange cmdlets, the
    object the command would create is built offline exactly as a run builds
    it (the cmdlet's own ``bound_properties``/``adjust_new`` and
    ``build_object``, which runs the store model's validators), so each rule
    stays in its one place.  Rules run only
    when every property value is a literal: a value --check does not know
    could satisfy or break any of them.
    """
    implementation = getattr(metadata, "implementation", None)
    if implementation is None or not getattr(getattr(implementation, "info", None), "exchange", False):
        return []
    checker = getattr(implementation, "check_rules", None)
    try:
        if checker is not None:
            return list(checker(result.bound, result.unconverted, invocation) or [])
        return _new_object_rules(implementation, result, invocation)
    except errors.PSRuntimeError as failure:
        record = failure.record
        to_record = getattr(failure, "to_record", None)
        if callable(to_record):
            record = to_record(implementation.info.command_type_name, invocation.extent,
                               implementation.info.name)
        if record.extent is None:
            record.extent = invocation.extent
        return [record]
    except Exception:  # noqa: BLE001 - anything needing the store or a live session is not checkable
        return []


def _new_object_rules(implementation: type, result: Any, invocation: InvocationInfo) -> list:
    """Build the new object the way ExchangeNew.process does, minus the store."""
    from exshell.cmdlets.exchange.common import ExchangeNew, build_object

    if not issubclass(implementation, ExchangeNew):
        return []
    handler = implementation()
    handler.bound = dict(result.bound)
    handler.runtime = _OfflineRuntime()
    properties = handler.bound_properties()
    if any(name in result.unconverted for name in properties):
        return []
    handler.adjust_new(properties)
    build_object(implementation.kind, properties)
    return []


class _NotCheckable(Exception):
    """The rule needs the organization's stored objects: --check skips it."""


class _OfflineStore:
    """What a New-* handler gets for a store under --check: the name of the local
    server (a default some cmdlets fill in; computed, never read from disk) and
    nothing else - any other request means the rule needs real data."""

    def local_server(self) -> Any:
        from types import SimpleNamespace

        from exshell.store.servers import local_server_name

        return SimpleNamespace(Name=local_server_name())

    def __getattr__(self, name: str) -> Any:
        raise _NotCheckable(name)


class _OfflineRuntime:
    """A cmdlet runtime that refuses all I/O; only the offline store is reachable."""

    def __init__(self) -> None:
        from types import SimpleNamespace

        store = _OfflineStore()
        self.context = SimpleNamespace(store=lambda: store)
        self.current_input = None

    def __getattr__(self, name: str) -> Any:
        raise _NotCheckable(name)


def _command_not_found(name: str, extent: ast.Extent, defined: list[str]) -> errors.ErrorRecord:
    record = errors.ErrorRecord(
        message=errors.message("CommandNotFoundException", name),
        error_id="CommandNotFoundException", category="ObjectNotFound", target_object=name,
        target_name=name, target_type="String", reason="CommandNotFoundException",
        extent=extent, exception_type="System.Management.Automation.CommandNotFoundException")
    try:
        hints.for_unknown_command(record, name, hints.known_command_names() + defined)
    except Exception:  # noqa: BLE001 - hints are extras; never lose the problem itself
        pass
    return record


def _names_a_file(name: str) -> bool:
    lowered = name.lower()
    return any(marker in name for marker in _PATH_MARKERS) or lowered.endswith(_PROGRAM_SUFFIXES)


def _problem(path: str, record: errors.ErrorRecord, fallback: Optional[ast.Extent]) -> Problem:
    extent = record.extent or fallback
    line, column = extent.source.position(extent.start) if extent is not None else (1, 1)
    return Problem(path, line, column, record.error_id, record.message, list(record.hints), record)


# ------------------------------------------------------------------- the CLI

def read_script(path: str, stdin: Optional[TextIO] = None) -> str:
    """The text of ``path`` ('-' = standard input), decoded as a run decodes it."""
    from exshell.host.scriptfile import decode_script_bytes, read_script_text

    if path == "-":
        stream = stdin or sys.stdin
        buffer = getattr(stream, "buffer", None)
        return decode_script_bytes(buffer.read()) if buffer is not None else stream.read()
    return read_script_text(path)


def main_check(paths: Iterable[str], out: Optional[TextIO] = None,
               err: Optional[TextIO] = None) -> int:
    """Check each path, print the problems, return the exit code (0 clean, 1 otherwise)."""
    out = out or sys.stdout
    err = err or sys.stderr
    failed = False
    for path in list(paths) or ["-"]:
        try:
            text = read_script(path)
        except OSError as failure:
            err.write(f"{path}: cannot read: {failure.strerror or failure}\n")
            failed = True
            continue
        try:
            problems = check_text(text, path)
        except Exception as failure:  # noqa: BLE001 - an engine defect must not print a traceback
            err.write(f"{path}: the check could not complete: {type(failure).__name__}: {failure}\n")
            failed = True
            continue
        for problem in problems:
            failed = True
            out.write(problem.format() + "\n")
            for hint in problem.hints:
                out.write(f"    {hint}\n")
    return 1 if failed else 0
