"""Stream-writing cmdlets: Write-Host, Write-Output, Write-Warning, Write-Error,
Write-Verbose, Write-Debug, Write-Information.

Contract: each writes to one stream through the cmdlet runtime (base.Cmdlet
helpers), so preferences (-WarningAction, $VerbosePreference, -ErrorAction)
apply as for any cmdlet; Write-Debug follows -Debug / $DebugPreference and
Write-Information -InformationAction / $InformationPreference (both silent by default).  Write-Error builds a non-terminating ErrorRecord
whose FullyQualifiedErrorId is -ErrorId or PowerShell's
``Microsoft.PowerShell.Commands.WriteErrorException``.
"""
from __future__ import annotations

import os
from typing import Any

from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, ParamSet, cmdlet
from exshell.errors import ErrorRecord
from exshell.language.values import SwitchParameter

CONSOLE_COLORS = ["Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta",
                  "DarkYellow", "Gray", "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta",
                  "Yellow", "White"]

ERROR_CATEGORIES = [
    "NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected", "InvalidArgument",
    "InvalidData", "InvalidOperation", "InvalidResult", "InvalidType", "MetadataError",
    "NotImplemented", "NotInstalled", "ObjectNotFound", "OperationStopped", "OperationTimeout",
    "SyntaxError", "ParserError", "PermissionDenied", "ResourceBusy", "ResourceExists",
    "ResourceUnavailable", "ReadError", "WriteError", "FromStdErr", "SecurityError",
    "ProtocolError", "ConnectionError", "AuthenticationError", "LimitsExceeded", "QuotaExceeded",
    "NotEnabled",
]


def host_text(value: Any, separator: str) -> str:
    """Write-Host's text: collections are spread out and joined with the separator."""
    from exshell.language.conversions import to_string
    if isinstance(value, (list, tuple)):
        return separator.join(host_text(item, separator) for item in value)
    return to_string(value)


@cmdlet("Write-Host", command_type_name="Microsoft.PowerShell.Commands.WriteHostCommand",
        synopsis="Prints text on the console, outside the pipeline.",
        examples=[('Write-Host "Connector created" -ForegroundColor Green', "Prints a status line.")])
class WriteHost(Cmdlet):
    Object = Param(object, position=1, from_pipeline=True, remaining=True, aliases=["Msg", "Message"],
                   help="What to print; several values are joined by the separator.")
    NoNewline = Param(SwitchParameter, help="Does not end the line.")
    Separator = Param(object, help="Placed between the printed values (default: a space).")
    ForegroundColor = Param(str, values=CONSOLE_COLORS, help="Text color (accepted; output is plain).")
    BackgroundColor = Param(str, values=CONSOLE_COLORS, help="Background color (accepted; output is plain).")

    def process(self) -> None:
        from exshell.language.conversions import to_string
        separator = " " if self.Separator is None else to_string(self.Separator)
        value = self.Object
        if isinstance(value, list) and len(value) == 1 and self.is_bound("Object"):
            value = value[0]
        self.write_host(host_text(value, separator), not self.NoNewline)


@cmdlet("Write-Output", command_type_name="Microsoft.PowerShell.Commands.WriteOutputCommand",
        synopsis="Sends objects down the pipeline (what a bare value on a line does).",
        examples=[('Write-Output "done"', "Outputs a string.")])
class WriteOutput(Cmdlet):
    InputObject = Param(ArrayOf(object), position=1, mandatory=True, from_pipeline=True,
                        remaining=True, allow_null=True, allow_empty=True,
                        help="The objects to output.")
    NoEnumerate = Param(SwitchParameter, help="Outputs a collection as one object.")

    def process(self) -> None:
        values = self.InputObject
        if values is None:
            self.write_object(None)
            return
        if self.NoEnumerate:
            self.write_object(values if len(values) != 1 else values[0])
            return
        for value in values:
            self.write_object(value, enumerate_collection=True)


@cmdlet("Write-Warning", command_type_name="Microsoft.PowerShell.Commands.WriteWarningCommand",
        synopsis="Prints a warning (WARNING: ...) on the warning stream.",
        examples=[('Write-Warning "The smart host does not answer"', "Prints a warning line.")])
class WriteWarning(Cmdlet):
    Message = Param(str, position=1, mandatory=True, from_pipeline=True, aliases=["Msg"],
                    allow_empty=True, help="The warning text.")

    def process(self) -> None:
        self.write_warning(self.Message or "")


@cmdlet("Write-Verbose", command_type_name="Microsoft.PowerShell.Commands.WriteVerboseCommand",
        synopsis="Prints a detail message (VERBOSE: ...) when verbose output is on.",
        examples=[('Write-Verbose "Reading connectors" -Verbose', "Prints a verbose line.")])
class WriteVerbose(Cmdlet):
    Message = Param(str, position=1, mandatory=True, from_pipeline=True, aliases=["Msg"],
                    allow_empty=True, help="The verbose text.")

    def process(self) -> None:
        self.write_verbose(self.Message or "")


def _stream_wanted(cmdlet: Cmdlet, switch: str, preference_variable: str) -> str:
    """'show', 'stop' or '' for a stream governed by -<switch> and $<preference_variable>."""
    common = getattr(cmdlet.runtime, "common", None) or {}
    preference = common[switch] if switch in common else cmdlet.context.get_variable(preference_variable)
    if isinstance(preference, (bool, SwitchParameter)):  # -Debug
        return "show" if preference else ""
    name = str(getattr(preference, "name", preference) or "SilentlyContinue").lower()
    if name == "stop":
        return "stop"
    return "show" if name in ("continue", "inquire") else ""


def _preference_stop(cmdlet: Cmdlet, variable: str, text: str) -> None:
    cmdlet.throw_terminating_error(ErrorRecord(
        message=f'The running command stopped because the preference variable "{variable}" or common '
                f"parameter is set to Stop: {text}",
        error_id="ActionPreferenceStop", category="OperationStopped", activity=cmdlet.info.name,
        reason="ParentContainsErrorRecordException", command_type_name=cmdlet.info.command_type_name,
        exception_type="System.Management.Automation.ActionPreferenceStopException"))


@cmdlet("Write-Debug", command_type_name="Microsoft.PowerShell.Commands.WriteDebugCommand",
        synopsis="Prints a debugging message (DEBUG: ...) when $DebugPreference or -Debug asks for it.",
        examples=[('Write-Debug "Connector count: $($c.Count)" -Debug', "Prints a debug line.")])
class WriteDebug(Cmdlet):
    Message = Param(str, position=1, mandatory=True, from_pipeline=True, aliases=["Msg"],
                    allow_empty=True, help="The debug text.")

    def process(self) -> None:
        wanted = _stream_wanted(self, "Debug", "DebugPreference")
        if wanted == "stop":
            _preference_stop(self, "DebugPreference", self.Message or "")
        elif wanted:
            self.context.host.ui.write_debug_line(self.Message or "")


@cmdlet("Write-Information", command_type_name="Microsoft.PowerShell.Commands.WriteInformationCommand",
        synopsis="Prints an informational message when $InformationPreference or -InformationAction asks for it.",
        examples=[('Write-Information "Done" -InformationAction Continue', "Prints Done.")])
class WriteInformation(Cmdlet):
    MessageData = Param(object, position=1, mandatory=True, aliases=["Msg", "Message"],
                        help="The information to show.")
    Tags = Param(ArrayOf(str), position=2, help="Accepted for compatibility.")

    def process(self) -> None:
        from exshell.language.conversions import to_string
        text = to_string(self.MessageData)
        wanted = _stream_wanted(self, "InformationAction", "InformationPreference")
        if wanted == "stop":
            _preference_stop(self, "InformationPreference", text)
        elif wanted:
            self.context.host.ui.write_line(text)


@cmdlet("Write-Error", default_set="NoException",
        command_type_name="Microsoft.PowerShell.Commands.WriteErrorCommand",
        synopsis="Reports a non-terminating error on the error stream.",
        examples=[('Write-Error "Connector not found" -Category ObjectNotFound',
                   "Writes an error record; the script goes on.")])
class WriteError(Cmdlet):
    Message = Param(str, sets={"NoException": ParamSet(mandatory=True, position=1, from_pipeline=True),
                               "WithException": ParamSet()}, aliases=["Msg"],
                    help="The error text.")
    Exception = Param(object, sets={"WithException": ParamSet(mandatory=True)},
                      help="An exception object carrying the error.")
    ErrorRecord = Param(ErrorRecord, sets={"ErrorRecord": ParamSet(mandatory=True)},
                        help="A complete error record to write again.")
    Category = Param(str, sets=["NoException", "WithException"], values=ERROR_CATEGORIES,
                     help="The error category (default NotSpecified).")
    ErrorId = Param(str, sets=["NoException", "WithException"], help="An identifier for the error.")
    TargetObject = Param(object, sets=["NoException", "WithException"],
                         help="The object the error is about.")
    RecommendedAction = Param(str, help="What the user should do about it.")
    CategoryActivity = Param(str, aliases=["Activity"], help="Overrides the activity shown.")
    CategoryReason = Param(str, aliases=["Reason"], help="Overrides the reason shown.")
    CategoryTargetName = Param(str, aliases=["TargetName"], help="Overrides the target name shown.")
    CategoryTargetType = Param(str, aliases=["TargetType"], help="Overrides the target type shown.")

    def process(self) -> None:
        if self.parameter_set == "ErrorRecord":
            self.write_error(self.ErrorRecord)
            return
        from exshell.language.conversions import short_type_name, to_string
        text = self.Message
        if text is None and self.Exception is not None:
            text = to_string(self.Exception)
        target = self.TargetObject
        record = ErrorRecord(
            message=text or "",
            error_id=self.ErrorId or "Microsoft.PowerShell.Commands.WriteErrorException",
            category=self.Category or "NotSpecified",
            target_object=target,
            target_name=self.CategoryTargetName or (to_string(target) if target is not None else ""),
            target_type=self.CategoryTargetType or (short_type_name(target) if target is not None else ""),
            activity=self.CategoryActivity or "Write-Error",
            reason=self.CategoryReason or "WriteErrorException",
            exception_type="Microsoft.PowerShell.Commands.WriteErrorException",
        )
        record.invocation_name, record.command_type_name = _caller(self.context)
        if self.RecommendedAction:
            record.hints.append(self.RecommendedAction)
        self.write_error(record)


def _caller(session: Any) -> tuple[str, str]:
    """(name shown before the message, FullyQualifiedErrorId suffix) of the code that
    called Write-Error.  Windows PowerShell attributes the record to the function
    (``f : text``, ``...,f``) or script (``C:\\s.ps1 : text``, ``...,s.ps1``) it came
    from; at top level the id has no suffix and the view keeps ``Write-Error``."""
    invocation = session.get_variable("MyInvocation") if session is not None else None
    getter = getattr(invocation, "get", None)
    command = getter("MyCommand") if callable(getter) else None
    kind = getattr(command, "kind", "")
    name = getattr(command, "name", "") or ""
    if kind in ("Function", "Filter") and name:
        return name, name
    path = getattr(command, "path", "") or ""
    if kind == "ExternalScript" and path:
        return path, os.path.basename(path)
    return "", ""
