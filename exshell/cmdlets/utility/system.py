"""System cmdlets: Get-Date, New-TimeSpan, Start-Sleep, Get-Credential, ConvertTo-SecureString, New-Object.

Contract:
  * Get-Date returns a local ``datetime`` (or a string with -Format/-UFormat,
    .NET custom and standard formats through exshell.language.formatting);
    New-TimeSpan returns a ``timedelta`` (End - Start, or the -Days/-Hours/... sum).
  * Get-Credential asks through ``session.host.ui`` (``read_line`` for the user
    name, ``read_secret`` for the password); a non-interactive shell gets a
    terminating error that says how to build a credential instead.
  * New-Object builds PSCustomObjects (-Property), PSCredential, ArrayList,
    Hashtable, DateTime, TimeSpan, SecureString and any type the language can
    cast to; unknown types give PowerShell's TypeNotFound record.
"""
from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any, Callable

from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, ParamSet, cmdlet
from exshell.errors import ErrorRecord, PSRuntimeError
from exshell.language.values import ArrayList, Hashtable, PSObject, SwitchParameter
from exshell.types.common import in_range


def _record(text: str, error_id: str, category: str, command: str, reason: str,
            target: Any = None) -> ErrorRecord:
    from exshell.language.conversions import to_string
    return ErrorRecord(
        message=text, error_id=error_id, category=category, target_object=target,
        target_name=to_string(target) if target is not None else "",
        target_type="String" if isinstance(target, str) else "", activity=command, reason=reason,
        command_type_name="Microsoft.PowerShell.Commands." + command.replace("-", "") + "Command")


# -------------------------------------------------------------------- Get-Date

_UFORMAT = {  # Unix date(1) specifiers PowerShell's -UFormat supports -> .NET custom format
    "a": "ddd", "A": "dddd", "b": "MMM", "B": "MMMM", "d": "dd", "D": "MM/dd/yy", "e": "%d",
    "F": "yyyy-MM-dd", "h": "MMM", "H": "HH", "I": "hh", "m": "MM", "M": "mm", "p": "tt",
    "r": "hh:mm:ss tt", "R": "HH:mm", "S": "ss", "T": "HH:mm:ss", "y": "yy", "Y": "yyyy",
    "n": "\n", "t": "\t", "%": "%",
}


def uformat(moment: datetime, spec: str) -> str:
    from exshell.language.formatting import format_datetime
    output = []
    index = 0
    while index < len(spec):
        char = spec[index]
        if char == "%" and index + 1 < len(spec):
            letter = spec[index + 1]
            index += 2
            if letter == "j":
                output.append(f"{moment.timetuple().tm_yday:03d}")
            elif letter == "u":
                output.append(str(moment.isoweekday()))
            elif letter == "w":
                output.append(str(moment.isoweekday() % 7))
            elif letter == "s":
                output.append(str(int(moment.timestamp())))
            elif letter == "Z":
                offset = moment.astimezone().utcoffset() or timedelta(0)
                hours = int(offset.total_seconds() // 3600)
                output.append(f"{hours:+03d}")
            elif letter in _UFORMAT:
                mapped = _UFORMAT[letter]
                output.append(mapped if letter in "nt%" else format_datetime(moment, mapped))
            else:
                output.append(letter)
            continue
        output.append(char)
        index += 1
    return "".join(output)


@cmdlet("Get-Date", default_set="net", command_type_name="Microsoft.PowerShell.Commands.GetDateCommand",
        synopsis="Gets the current date and time, or a date built from parts, optionally as text.",
        examples=[("Get-Date -Format yyyyMMdd", "Today as 20180105, for file names."),
                  ("(Get-Date).AddDays(-7)", "The moment one week ago.")])
class GetDate(Cmdlet):
    Date = Param(datetime, position=1, from_pipeline=True, from_pipeline_by_name=True,
                 aliases=["LastWriteTime"], help="The date to use instead of now.")
    Year = Param(int, validate=in_range(1, 9999), help="Replaces the year.")
    Month = Param(int, validate=in_range(1, 12), help="Replaces the month.")
    Day = Param(int, validate=in_range(1, 31), help="Replaces the day of the month.")
    Hour = Param(int, validate=in_range(0, 23), help="Replaces the hour.")
    Minute = Param(int, validate=in_range(0, 59), help="Replaces the minute.")
    Second = Param(int, validate=in_range(0, 59), help="Replaces the second.")
    Millisecond = Param(int, validate=in_range(0, 999), help="Replaces the millisecond.")
    DisplayHint = Param(str, values=["Date", "Time", "DateTime"],
                        help="Accepted for compatibility; the value is always a full date and time.")
    Format = Param(str, sets=["net"], help="A .NET format string such as yyyy-MM-dd or 'D'.")
    UFormat = Param(str, sets=["UFormat"], help="A Unix date format such as %Y%m%d.")

    def process(self) -> None:
        moment = self.Date if self.Date is not None else datetime.now()
        try:
            moment = self._adjusted(moment)
        except ValueError:  # e.g. -Month 2 -Day 31: each part valid, the date not
            self.throw_terminating_error(_record(
                "Year, Month, and Day parameters describe an un-representable DateTime.",
                "GetDateArgumentOutOfRange", "InvalidArgument", "Get-Date",
                "ArgumentOutOfRangeException"))
            return
        if self.Format is not None:
            from exshell.language.conversions import to_string
            from exshell.language.formatting import FormatError, format_with
            try:
                self.write_object(format_with(moment, self.Format, to_string))
            except FormatError as failure:
                self.throw_terminating_error(_record(str(failure), "FormatException", "InvalidArgument",
                                                     "Get-Date", "FormatException", self.Format))
            return
        if self.UFormat is not None:
            self.write_object(uformat(moment, self.UFormat))
            return
        self.write_object(moment)

    def _adjusted(self, moment: datetime) -> datetime:
        changes = {field.lower(): getattr(self, field) for field in
                   ("Year", "Month", "Day", "Hour", "Minute", "Second") if self.is_bound(field)}
        if self.is_bound("Millisecond"):
            changes["microsecond"] = self.Millisecond * 1000
        return moment.replace(**changes) if changes else moment


# ----------------------------------------------------------------- New-TimeSpan

@cmdlet("New-TimeSpan", default_set="Date",
        command_type_name="Microsoft.PowerShell.Commands.NewTimeSpanCommand",
        synopsis="Makes a time span: between two dates, or from days, hours, minutes and seconds.",
        examples=[("New-TimeSpan -Start $queue.DateReceived", "How long ago a message arrived."),
                  ("Set-TransportConfig -MaxDumpsterTime (New-TimeSpan -Days 7)", "Seven days.")])
class NewTimeSpan(Cmdlet):
    Start = Param(datetime, sets={"Date": ParamSet(position=1, from_pipeline_by_name=True)},
                  aliases=["LastWriteTime"], help="The start (default: now).")
    End = Param(datetime, sets={"Date": ParamSet(position=2)}, help="The end (default: now).")
    Days = Param(int, sets=["Time"], help="Days in the span.")
    Hours = Param(int, sets=["Time"], help="Hours in the span.")
    Minutes = Param(int, sets=["Time"], help="Minutes in the span.")
    Seconds = Param(int, sets=["Time"], help="Seconds in the span.")

    def process(self) -> None:
        if self.parameter_set == "Time":
            self.write_object(timedelta(days=self.Days or 0, hours=self.Hours or 0,
                                        minutes=self.Minutes or 0, seconds=self.Seconds or 0))
            return
        now = datetime.now()
        start = self.Start if self.Start is not None else now
        end = self.End if self.End is not None else now
        if start.tzinfo is not None and end.tzinfo is None:
            end = end.astimezone(start.tzinfo)
        elif end.tzinfo is not None and start.tzinfo is None:
            start = start.astimezone(end.tzinfo)
        self.write_object(end - start)


# ----------------------------------------------------------------- Start-Sleep

@cmdlet("Start-Sleep", default_set="Seconds",
        command_type_name="Microsoft.PowerShell.Commands.StartSleepCommand",
        synopsis="Waits for the given time before the script goes on.",
        examples=[("Start-Sleep -Seconds 5", "Pauses five seconds.")])
class StartSleep(Cmdlet):
    Seconds = Param(float, sets={"Seconds": ParamSet(mandatory=True, position=1)},
                    help="How many seconds to wait.")
    Milliseconds = Param(int, sets={"Milliseconds": ParamSet(mandatory=True)}, aliases=["ms"],
                         help="How many milliseconds to wait.")

    def process(self) -> None:
        seconds = self.Seconds if self.parameter_set == "Seconds" else (self.Milliseconds or 0) / 1000
        if seconds and seconds > 0:
            time.sleep(float(seconds))


# -------------------------------------------------------------- Get-Credential

def _can_prompt(session: Any) -> bool:
    options = getattr(session, "options", None)
    host = getattr(session, "host", None)
    return bool(host is not None and getattr(host, "interactive", False)
                and not getattr(options, "non_interactive", False))


@cmdlet("Get-Credential", default_set="CredentialSet",
        command_type_name="Microsoft.PowerShell.Commands.GetCredentialCommand",
        synopsis="Asks for a user name and password and returns them as a credential.",
        examples=[("$cred = Get-Credential", "Asks for a user name and password."),
                  ('Set-SendConnector "To Partner" -AuthenticationCredential (Get-Credential contoso\\relay)',
                   "Asks only for the password of a known account.")])
class GetCredential(Cmdlet):
    Credential = Param(object, sets={"CredentialSet": ParamSet(position=1)},
                       help="A user name to ask the password for, or a credential to return as is.")
    Message = Param(str, sets=["MessageSet"], help="The text shown above the prompt.")
    UserName = Param(str, sets={"MessageSet": ParamSet(position=1)}, help="The user name to fill in.")
    Title = Param(str, sets=["MessageSet"], help="The caption shown above the message.")

    def process(self) -> None:
        from exshell.types.credential import PSCredential
        if isinstance(self.Credential, PSCredential):
            self.write_object(self.Credential)
            return
        session = self.context
        if not _can_prompt(session):
            self.throw_terminating_error(_record(
                "Get-Credential cannot ask for a user name and password because the shell is not "
                "interactive. Build the credential instead: New-Object "
                "System.Management.Automation.PSCredential(\"user\", (ConvertTo-SecureString "
                "\"password\" -AsPlainText -Force))", "CouldNotPromptForCredential", "InvalidOperation",
                "Get-Credential", "PSInvalidOperationException"))
            return
        ui = session.host.ui
        ui.write_line(self.Title or "PowerShell credential request")
        ui.write_line(self.Message or "Enter your credentials.")
        user = self.UserName or (str(self.Credential) if self.Credential is not None else "")
        if not user:
            user = ui.read_line("User: ")
            if user is None:
                return
        password = ui.read_secret(f"Password for user {user}: ")
        if password is None:
            return
        self.write_object(PSCredential(user, password))


# ------------------------------------------------------- ConvertTo-SecureString

@cmdlet("ConvertTo-SecureString", default_set="Secure",
        command_type_name="Microsoft.PowerShell.Commands.ConvertToSecureStringCommand",
        synopsis="Turns text into a SecureString (with -AsPlainText -Force for plain passwords).",
        examples=[('$pw = ConvertTo-SecureString "P@ssw0rd" -AsPlainText -Force',
                   "A password for New-Object System.Management.Automation.PSCredential.")])
class ConvertToSecureString(Cmdlet):
    String = Param(str, mandatory=True, position=1, from_pipeline=True,
                   help="The text to protect.")
    AsPlainText = Param(SwitchParameter, sets={"PlainText": ParamSet(mandatory=True)},
                        help="Takes the text as a plain password.")
    Force = Param(SwitchParameter, sets=["PlainText"],
                  help="Confirms that plain text input is intended.")
    SecureKey = Param(object, sets={"Secure": ParamSet(position=2)},
                      help="Key of an encrypted standard string (not supported on this platform).")
    Key = Param(ArrayOf(int), sets=["Open"], help="Key of an encrypted standard string (not supported).")

    def process(self) -> None:
        from exshell.types.credential import SecureString
        if self.parameter_set == "PlainText":
            if not self.Force:
                self.throw_terminating_error(_record(
                    "The system cannot protect plain text input. To suppress this warning and convert "
                    "the plain text to a SecureString, reissue the command specifying the Force "
                    "parameter. For more information ,type: get-help ConvertTo-SecureString.",
                    "ImportSecureString", "InvalidArgument", "ConvertTo-SecureString",
                    "ArgumentException"))
                return
            self.write_object(SecureString(self.String or ""))
            return
        self.write_error(_record(
            "Input string was not in a correct format. Only -AsPlainText input can be converted "
            "here: encrypted standard strings need the Windows data protection keys.",
            "ImportSecureString", "InvalidArgument", "ConvertTo-SecureString", "FormatException",
            "System.Security.SecureString"))


# ------------------------------------------------------------------ New-Object

def _arguments(values: Any) -> list:
    from exshell.language.values import unwrap
    if values is None:
        return []
    return [unwrap(value) for value in values]


def _new_credential(args: list) -> Any:
    from exshell.types.credential import PSCredential, SecureString
    if len(args) != 2:
        raise _constructor_error(f'Cannot find an overload for "PSCredential" and the argument count: "{len(args)}".',
                                 "ConstructorInvokedThrowException")
    user, password = args
    if not isinstance(password, SecureString):
        from exshell.language.conversions import short_type_name, to_string
        raise _constructor_error(
            f'Cannot convert argument "password", with value: "{to_string(password)}", for '
            f'"PSCredential" to type "System.Security.SecureString": "Cannot convert the '
            f'"{to_string(password)}" value of type "{short_type_name(password)}" to type '
            f'"System.Security.SecureString"."', "ConstructorInvokedThrowException")
    from exshell.language.conversions import to_string
    return PSCredential(to_string(user), password)


def _new_datetime(args: list) -> Any:
    from exshell.language.conversions import convert_to
    if not args:
        return datetime(1, 1, 1)
    try:
        return datetime(*[int(convert_to(a, int)) for a in args[:7]])
    except (ValueError, TypeError):
        raise _constructor_error(
            f'Exception calling ".ctor" with "{len(args)}" argument(s): "Year, Month, and Day '
            'parameters describe an un-representable DateTime."', "ConstructorInvokedThrowException") from None


def _new_timespan(args: list) -> Any:
    from exshell.language.conversions import convert_to
    numbers = [int(convert_to(a, int)) for a in args]
    if len(numbers) == 1:
        return timedelta(microseconds=numbers[0] / 10)
    if len(numbers) == 3:
        return timedelta(hours=numbers[0], minutes=numbers[1], seconds=numbers[2])
    if len(numbers) >= 4:
        days, hours, minutes, seconds = numbers[:4]
        ms = numbers[4] if len(numbers) > 4 else 0
        return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds, milliseconds=ms)
    return timedelta(0)


def _new_secure_string(args: list) -> Any:
    from exshell.types.credential import SecureString
    return SecureString("")


def _new_list(args: list) -> Any:
    if args and isinstance(args[0], (list, tuple)):
        return ArrayList(args[0])
    return ArrayList()


def _new_hashtable(args: list) -> Any:
    return Hashtable(args[0].items()) if args and isinstance(args[0], dict) else Hashtable()


_PSOBJECT_NAMES = {"psobject", "pscustomobject", "object", "system.object",
                   "system.management.automation.psobject",
                   "system.management.automation.pscustomobject"}

CONSTRUCTORS: dict[str, Callable[[list], Any]] = {
    "pscredential": _new_credential,
    "system.management.automation.pscredential": _new_credential,
    "system.collections.arraylist": _new_list,
    "collections.arraylist": _new_list,
    "system.collections.hashtable": _new_hashtable,
    "hashtable": _new_hashtable,
    "datetime": _new_datetime,
    "system.datetime": _new_datetime,
    "timespan": _new_timespan,
    "system.timespan": _new_timespan,
    "securestring": _new_secure_string,
    "system.security.securestring": _new_secure_string,
}


def _constructor_error(text: str, error_id: str) -> PSRuntimeError:
    return PSRuntimeError(_record(text, error_id, "InvalidOperation", "New-Object",
                                  "MethodException"))


@cmdlet("New-Object", default_set="Net", command_type_name="Microsoft.PowerShell.Commands.NewObjectCommand",
        synopsis="Creates an object of a .NET type, or a custom object from a hashtable.",
        examples=[('New-Object System.Management.Automation.PSCredential("contoso\\relay", $pw)',
                   "A credential for smart host authentication."),
                  ("New-Object PSObject -Property @{Name='a'; Cost=5}", "A custom object.")])
class NewObject(Cmdlet):
    TypeName = Param(str, sets={"Net": ParamSet(mandatory=True, position=1)},
                     help="The .NET type to create (PSObject, PSCredential, ArrayList, Hashtable ...).")
    ArgumentList = Param(ArrayOf(object), sets={"Net": ParamSet(position=2)}, aliases=["Args"],
                         help="Arguments of the type's constructor.")
    ComObject = Param(str, sets={"Com": ParamSet(mandatory=True, position=1)},
                      help="A COM class name (COM does not exist on this platform).")
    Property = Param(Hashtable, help="Property values to set on the new object.")
    Strict = Param(SwitchParameter, sets=["Com"], help="Accepted with -ComObject.")

    def process(self) -> None:
        if self.parameter_set == "Com":
            self.throw_terminating_error(_record(
                f"Retrieving the COM class factory for component with CLSID {{{self.ComObject}}} "
                "failed: COM is not available on this platform.", "NoCOMClassIdentified",
                "ResourceUnavailable", "New-Object", "COMException", self.ComObject))
            return
        try:
            created = self._create(self.TypeName.strip().strip("[]"), _arguments(self.ArgumentList))
        except PSRuntimeError as failure:
            record = failure.record
            record.activity = record.activity or "New-Object"
            record.command_type_name = "Microsoft.PowerShell.Commands.NewObjectCommand"
            self.throw_terminating_error(record)
            return
        if self.Property:
            created = self._apply_properties(created)
        self.write_object(created)

    def _create(self, name: str, args: list) -> Any:
        folded = name.lower()
        if folded in _PSOBJECT_NAMES:
            return PSObject()
        if folded.startswith("system.collections.generic.list"):
            return _new_list(args)
        constructor = CONSTRUCTORS.get(folded)
        if constructor is not None:
            return constructor(args)
        from exshell.language.conversions import convert_to, resolve_type
        try:
            target = resolve_type(name)
        except PSRuntimeError:
            raise PSRuntimeError(_record(
                f"Cannot find type [{name}]: verify that the assembly containing this type is loaded.",
                "TypeNotFound", "InvalidType", "New-Object", "PSArgumentException", name)) from None
        if len(args) == 1:
            return convert_to(args[0], target)
        if not args and isinstance(target, type):
            try:
                return target()
            except TypeError:
                pass
        raise _constructor_error(
            f'Cannot find an overload for "{name.split(".")[-1]}" and the argument count: "{len(args)}".',
            "ConstructorInvokedThrowException")

    def _apply_properties(self, created: Any) -> Any:
        from exshell.language.members import set_member
        if isinstance(created, PSObject):
            for key, value in self.Property.items():
                created.set(str(key), value)
            return created
        for key, value in self.Property.items():
            set_member(created, str(key), value)
        return created
