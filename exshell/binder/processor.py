"""Command processors for cmdlets: bind, run the handler, route its streams.

``make_processor(command_info, elements, session, invocation)`` binds the
command-line arguments at once (so a binding error stops the pipeline before
anything runs, as in PowerShell) and returns a ``CmdletProcessor`` that the
pipeline runner drives through ``begin`` / ``process(input)`` / ``end``
(exshell/invocation.py).  The processor is the handler's ``runtime``
(base.CmdletRuntime):

  * output: ``write_object`` to ``downstream`` (optionally enumerating a
    collection), also into -OutVariable and -PipelineVariable;
  * errors: ``write_error`` obeys -ErrorAction / $ErrorActionPreference (Stop
    raises, SilentlyContinue records in $Error only, Ignore drops, Continue
    shows), and -ErrorVariable; ``throw_terminating_error`` raises;
  * warnings / verbose: "WARNING: " and "VERBOSE: " lines governed by
    -WarningAction/$WarningPreference and -Verbose/$VerbosePreference;
  * ShouldProcess: -WhatIf prints what would happen; -Confirm, or a
    ConfirmImpact at or above $ConfirmPreference, asks on an interactive host
    and fails clearly (instead of waiting forever) on a non-interactive one.

Handlers see only their own parameters in ``bound``; the common parameters are
in ``runtime.common``.  A handler's own bug (any exception that is not an
error record in flight) becomes a terminating error record, never a traceback.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from exshell import errors
from exshell.binder.binder import BindResult, bind_arguments, bind_pipeline_input
from exshell.binder.metadata import CommandMetadata
from exshell.invocation import ArgumentElement, CommandInfo, ParameterElement
from exshell.binder import streams

_IMPACT_LEVELS = {"none": 0, "low": 1, "medium": 2, "high": 3}
CONFIRM_CHOICES = ["&Yes", "Yes to &All", "&No", "No to A&ll"]
_YES, _YES_TO_ALL, _NO, _NO_TO_ALL = range(4)


def make_processor(command_info: CommandInfo, elements: list, session: Any,
                   invocation: Any) -> "CmdletProcessor":
    """A processor for a 'Cmdlet' command; raises ParameterBindingError on bad arguments."""
    if _asks_for_help(elements):
        return _help_processor(command_info, session, invocation)
    return CmdletProcessor(command_info.implementation, elements, session, invocation)


def _asks_for_help(elements: list) -> bool:
    return any(isinstance(e, ParameterElement) and e.name == "?" for e in elements)


def _help_processor(command_info: CommandInfo, session: Any, invocation: Any) -> "CmdletProcessor":
    """``Cmd -?`` runs ``Get-Help Cmd``, as PowerShell does."""
    from exshell.cmdlets import registry

    help_class = registry.lookup("Get-Help")
    if help_class is None:
        record = errors.ErrorRecord(
            message=errors.message("CommandNotFoundException", "Get-Help"),
            error_id="CommandNotFoundException", category="ObjectNotFound",
            target_name="Get-Help", target_type="String", reason="CommandNotFoundException",
            extent=getattr(invocation, "extent", None))
        raise errors.CommandNotFoundError(record)
    argument = ArgumentElement(command_info.name, getattr(invocation, "name_extent", None))
    return CmdletProcessor(help_class, [argument], session, invocation)


class CmdletProcessor:
    """Runs one cmdlet at one pipeline position (see the module docstring)."""

    def __init__(self, cmdlet_class: type, elements: list, session: Any, invocation: Any):
        self.metadata = CommandMetadata.from_cmdlet(cmdlet_class)
        self.session = session
        self.invocation = invocation
        self.downstream: Callable[[Any], None] = _discard
        self.context = session
        self.current_input: Any = None
        self.result: BindResult = bind_arguments(self.metadata, elements, session, invocation)
        self.common = {name: value for name, value in self.result.bound.items()
                       if self.metadata.parameters[name].is_common}
        self.cmdlet = cmdlet_class()
        self.cmdlet.runtime = self
        self._use(self.result)
        self._processed = False
        self._confirm_all: Optional[bool] = None
        self._error_list: Optional[list] = None
        self._warning_list: Optional[list] = None
        self._out_list: Optional[list] = None

    # -------------------------------------------------- the runner's protocol
    def begin(self) -> None:
        self._error_list = streams.capture_list(self.session, self.common.get("ErrorVariable"))
        self._warning_list = streams.capture_list(self.session,
                                                  self.common.get("WarningVariable"))
        self._out_list = streams.capture_list(self.session, self.common.get("OutVariable"))
        self._guard(self.cmdlet.begin)

    def process(self, input_object: Any) -> None:
        if not self.expecting_input:
            self._run_process_once()
            return
        try:
            per_object = bind_pipeline_input(self.metadata, self.result, input_object)
        except errors.ParameterBindingError as error:
            self.write_error(error.record)
            return
        self._use(per_object)
        self.current_input = input_object
        try:
            self._guard(self.cmdlet.process)
        finally:
            self.current_input = None

    def end(self) -> None:
        if not self.expecting_input:
            self._run_process_once()
        else:
            # the last object's bindings stay between process calls (each call
            # replaces them); end sees the command line's alone
            self._use(self.result)
        self._guard(self.cmdlet.end)

    @property
    def expecting_input(self) -> bool:
        return bool(getattr(self.invocation, "expecting_input", False))

    def _run_process_once(self) -> None:
        if not self._processed:
            self._processed = True
            self._guard(self.cmdlet.process)

    def _use(self, result: BindResult) -> None:
        parameters = self.metadata.parameters
        self.cmdlet.bound = {name: value for name, value in result.bound.items()
                             if not parameters[name].is_common}
        self.cmdlet.parameter_set = result.parameter_set or ""

    def _guard(self, step: Callable[[], None]) -> None:
        """Run a handler step; its own failures become error records."""
        try:
            step()
        except (errors.PSRuntimeError, errors.FlowControl):
            raise
        except RecursionError:
            raise
        except KeyboardInterrupt:
            raise
        except Exception as failure:  # a handler bug must not reach the user as a traceback
            raise errors.PSRuntimeError(self._record_for_exception(failure)) from failure

    def _record_for_exception(self, failure: Exception) -> errors.ErrorRecord:
        from exshell.cmdlets.base import ConversionError

        category = "InvalidArgument" if isinstance(failure, ConversionError) else "NotSpecified"
        text = str(failure) or type(failure).__name__
        return self._complete(errors.ErrorRecord(
            message=errors.message("CmdletInternalError", text),
            error_id=type(failure).__name__, category=category,
            reason=type(failure).__name__))

    def _complete(self, record: errors.ErrorRecord) -> errors.ErrorRecord:
        """Fill in what a handler may leave out: the command and where it was invoked."""
        if not record.activity:
            record.activity = self.metadata.name
        if not record.command_type_name and record.invocation_name is None:
            record.command_type_name = self.metadata.command_type_name
        if record.extent is None:
            record.extent = getattr(self.invocation, "extent", None)
        return record

    # ----------------------------------------------------- CmdletRuntime
    def write_object(self, value: Any, enumerate_collection: bool = False) -> None:
        if enumerate_collection and streams.is_enumerable(value):
            for item in value:
                self._emit(item)
        else:
            self._emit(value)

    def _emit(self, value: Any) -> None:
        if self._out_list is not None:
            self._out_list.append(value)
        pipeline_variable = self.common.get("PipelineVariable")
        if pipeline_variable:
            streams.set_variable(self.session, pipeline_variable, value)
        self.downstream(value)

    def write_error(self, record: errors.ErrorRecord) -> None:
        record = self._complete(record)
        action = streams.preference(self.session, self.common, "ErrorAction",
                                    "ErrorActionPreference", "Continue")
        if action == "Ignore":
            streams.ignore_error(self.session, record)
            return
        if self._error_list is not None:
            self._error_list.append(record)
        if action == "Stop":
            raise errors.PSRuntimeError(record)
        streams.report_error(self.session, record, show=action != "SilentlyContinue")

    def throw_terminating_error(self, record: errors.ErrorRecord) -> None:
        raise errors.PSRuntimeError(self._complete(record))

    def write_warning(self, text: str) -> None:
        action = streams.preference(self.session, self.common, "WarningAction",
                                    "WarningPreference", "Continue")
        if action == "Ignore":
            return
        if self._warning_list is not None:
            self._warning_list.append(text)
        if action == "Stop":
            record = self._complete(errors.ErrorRecord(
                message=errors.message("ActionPreferenceStop", "WarningPreference", text),
                error_id="ActionPreferenceStop", category="OperationStopped",
                reason="ActionPreferenceStopException"))
            raise errors.PSRuntimeError(record)
        if action != "SilentlyContinue":
            streams.show_warning(self.session, text)

    def write_verbose(self, text: str) -> None:
        if streams.verbose_enabled(self.session, self.common):
            streams.show_verbose(self.session, text)

    def write_host(self, text: str, newline: bool = True) -> None:
        ui = self.session.host.ui
        if newline:
            ui.write_line(text)
        else:
            ui.write(text)

    def should_process(self, target: str, action: str) -> bool:
        description = f'Performing the operation "{action}" on target "{target}".'
        return self._should_process(description)

    def should_process_description(self, description: str) -> bool:
        """ShouldProcess with a whole sentence (Exchange's ``Removing Send connector "X".``)."""
        return self._should_process(description)

    def _should_process(self, description: str) -> bool:
        if streams.what_if_enabled(self.session, self.common):
            self.session.host.ui.write_line(f"What if: {description}")
            return False
        if not self._confirmation_needed():
            return True
        if self._confirm_all is not None:
            return self._confirm_all
        self._require_interactive(description)
        choice = self.session.host.ui.prompt_for_choice(
            "Confirm", f"Are you sure you want to perform this action?\n{description}",
            CONFIRM_CHOICES, _YES)
        if choice == _YES_TO_ALL:
            self._confirm_all = True
        elif choice == _NO_TO_ALL:
            self._confirm_all = False
        return choice in (_YES, _YES_TO_ALL)

    def should_continue(self, query: str, caption: str) -> bool:
        if self._confirm_all is not None:
            return self._confirm_all
        self._require_interactive(query)
        choice = self.session.host.ui.prompt_for_choice(caption, query, CONFIRM_CHOICES, _YES)
        if choice == _YES_TO_ALL:
            self._confirm_all = True
        elif choice == _NO_TO_ALL:
            self._confirm_all = False
        return choice in (_YES, _YES_TO_ALL)

    def _confirmation_needed(self) -> bool:
        if not self.metadata.supports_should_process:
            return False
        if "Confirm" in self.common:
            return bool(self.common["Confirm"])
        threshold = streams.confirm_threshold(self.session)
        impact = _IMPACT_LEVELS.get(self.metadata.confirm_impact.lower(), 2)
        return threshold > 0 and impact >= threshold

    def _require_interactive(self, description: str) -> None:
        if streams.can_ask(self.session):
            return
        record = self._complete(errors.ErrorRecord(
            message=errors.message("ConfirmNotPossible", description),
            error_id="ConfirmNotPossible", category="InvalidOperation",
            reason="HostException"))
        raise errors.PSRuntimeError(record)


def _discard(_value: Any) -> None:
    pass
