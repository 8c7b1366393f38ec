"""``$PSCmdlet`` inside advanced functions ([CmdletBinding()]).

Contract: ScriptCmdlet(function_processor) exposes, through ``ps_methods()`` and
``ps_properties()``, what scripts call: ShouldProcess(target[, action]),
ShouldContinue(query, caption), WriteObject, WriteError, WriteWarning, WriteVerbose,
ThrowTerminatingError, and the ParameterSetName / MyInvocation properties.

ShouldProcess/ShouldContinue follow exactly the cmdlet rules: the methods are the
cmdlet processor's own (exshell.binder.processor.CmdletProcessor), borrowed so that
-WhatIf, -Confirm and $ConfirmPreference have one implementation.
"""
from __future__ import annotations

from typing import Any

from exshell.errors import ErrorRecord, PSRuntimeError
from exshell.language import conversions as conv
from exshell.language.values import Hashtable


def _borrowed(name: str) -> Any:
    from exshell.binder.processor import CmdletProcessor
    return getattr(CmdletProcessor, name)


class ScriptCmdlet:
    def __init__(self, processor: Any):
        self.function = processor
        self.session = processor.session
        self.metadata = processor.metadata
        self.invocation = processor.invocation
        self.common = {name: value for name, value in processor.result.bound.items()
                       if processor.metadata.parameters[name].is_common}
        self._confirm_all = None

    # the cmdlet processor's ShouldProcess machinery reads these names
    def _should_process(self, description: str) -> bool:
        return _borrowed("_should_process")(self, description)

    def _confirmation_needed(self) -> bool:
        return _borrowed("_confirmation_needed")(self)

    def _require_interactive(self, description: str) -> None:
        return _borrowed("_require_interactive")(self, description)

    def _complete(self, record: ErrorRecord) -> ErrorRecord:
        if not record.activity:
            record.activity = self.metadata.name
        if record.extent is None:
            record.extent = getattr(self.invocation, "extent", None)
        return record

    def should_process(self, target: Any, action: Any = None) -> bool:
        action_text = conv.to_string(action) if action is not None else self.metadata.name
        description = f'Performing the operation "{action_text}" on target "{conv.to_string(target)}".'
        return self._should_process(description)

    def should_continue(self, query: Any, caption: Any) -> bool:
        return _borrowed("should_continue")(self, conv.to_string(query), conv.to_string(caption))

    def write_error(self, record: Any) -> None:
        if not isinstance(record, ErrorRecord):
            record = ErrorRecord(message=conv.to_string(record), error_id="WriteError")
        self.session.write_error(self._complete(record))

    def throw_terminating_error(self, record: Any) -> None:
        if not isinstance(record, ErrorRecord):
            record = ErrorRecord(message=conv.to_string(record), error_id="ThrowTerminatingError")
        raise PSRuntimeError(self._complete(record))

    def ps_methods(self) -> dict[str, Any]:
        ui = self.session.host.ui
        return {
            "ShouldProcess": self.should_process,
            "ShouldContinue": self.should_continue,
            "WriteObject": lambda value, *rest: self.function.downstream(value),
            "WriteError": self.write_error,
            "WriteWarning": lambda text: ui.write_warning_line(conv.to_string(text)),
            "WriteVerbose": lambda text: ui.write_verbose_line(conv.to_string(text))
            if conv.to_string(self.session.get_variable("VerbosePreference")).lower() == "continue" else None,
            "ThrowTerminatingError": self.throw_terminating_error,
        }

    def ps_properties(self) -> Hashtable:
        return Hashtable([("ParameterSetName", self.function.result.parameter_set or "__AllParameterSets"),
                          ("MyInvocation", self.function.scope.local("MyInvocation").value
                           if self.function.scope and self.function.scope.local("MyInvocation") else None)])

    def ps_type_names(self) -> list[str]:
        return ["System.Management.Automation.PSScriptCmdlet", "System.Management.Automation.PSCmdlet",
                "System.Object"]
