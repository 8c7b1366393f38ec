"""The opening lines of Exchange Management Shell scripts: snap-ins, modules,
execution policy and Connect-ExchangeServer.

Scripts written for EMS 2007/2010 start by loading the Exchange snap-in and
connecting to a server.  In exshell the Exchange cmdlets are built in and the
organization is the local store, so these lines behave as PowerShell does in
a shell where the snap-in is already part of the session:

  * ``Add-PSSnapin <Exchange snap-in>`` (E2010, the 2007 Admin and Support
    snap-ins, the 2013+ SnapIn) and the core PowerShell snap-ins succeed
    silently (``-PassThru`` writes the snap-in); any other name gives
    PowerShell's "is not installed on this machine" error.  Wildcards match
    the installed names.
  * ``Get-PSSnapin`` lists the loaded snap-ins: the core ones and the
    Exchange 2010 snap-in (``-Registered``: only the Exchange one, as core
    snap-ins are never "registered").
  * ``Connect-ExchangeServer -Auto`` / ``-ServerFqdn X`` (RemoteExchange.ps1's
    command) opens the local store and checks the server is one of the
    organization's; it prints nothing (verbose lines with -Verbose).  An
    unknown server gets Exchange's "couldn't be found" error.
  * ``Set-ExecutionPolicy`` does what pwsh does on Linux and macOS: a
    terminating "Operation is not supported on this platform." error
    (PlatformNotSupportedException); execution policy does not exist here.
  * ``Import-Module`` loads nothing: the core modules are already loaded
    (silently accepted), any other name gives PowerShell's
    Modules_ModuleNotFound error.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, ParamSet, cmdlet
from exshell.errors import ErrorRecord, message
from exshell.language.values import PSObject, SwitchParameter

EXCHANGE_SNAPIN = "Microsoft.Exchange.Management.PowerShell.E2010"

#: snap-in name -> description, for every snap-in this shell has built in.
#: Only the Exchange 2010 snap-in is "registered" (the core ones ship with PowerShell).
CORE_SNAPINS = {
    "Microsoft.PowerShell.Core": "Cmdlets that manage the shell itself: commands, help, jobs.",
    "Microsoft.PowerShell.Utility": "Cmdlets that format, select, sort and convert objects.",
    "Microsoft.PowerShell.Management": "Cmdlets that work with files, items and locations.",
    "Microsoft.PowerShell.Security": "Cmdlets for credentials and secure strings.",
    "Microsoft.PowerShell.Host": "Cmdlets the console host provides.",
}
EXCHANGE_SNAPINS = {
    EXCHANGE_SNAPIN: "Exchange Server 2010 management cmdlets (built into exshell).",
    "Microsoft.Exchange.Management.PowerShell.Admin":
        "Exchange Server 2007 management cmdlets (served by the built-in Exchange cmdlets).",
    "Microsoft.Exchange.Management.PowerShell.Support":
        "Exchange support cmdlets (served by the built-in Exchange cmdlets).",
    "Microsoft.Exchange.Management.PowerShell.SnapIn":
        "Exchange Server 2013 and later management cmdlets (served by the built-in Exchange "
        "cmdlets).",
}
#: The snap-ins Get-PSSnapin lists as loaded.
LOADED_SNAPINS = tuple(CORE_SNAPINS) + (EXCHANGE_SNAPIN,)

#: Modules that are part of the shell: importing them succeeds and changes nothing.
BUILT_IN_MODULES = (
    "Microsoft.PowerShell.Core", "Microsoft.PowerShell.Utility",
    "Microsoft.PowerShell.Management", "Microsoft.PowerShell.Security",
    "Microsoft.PowerShell.Host",
)

PSVERSION = "2.0"  # the PowerShell EMS 2010 runs on


def _record(text: str, error_id: str, category: str, command: str, reason: str,
            target: Any = None) -> ErrorRecord:
    return ErrorRecord(
        message=text, error_id=error_id, category=category, target_object=target,
        target_name="" if target is None else str(target),
        target_type="String" if isinstance(target, str) else "", activity=command, reason=reason,
        command_type_name="Microsoft.PowerShell.Commands." + command.replace("-", "") + "Command")


def _wildcard(pattern: str) -> re.Pattern[str]:
    from exshell.language.regex import wildcard_to_regex

    return wildcard_to_regex(pattern)


def _has_wildcard(text: str) -> bool:
    return any(ch in text for ch in "*?[")


def _matching(pattern: str, names: Iterable[str]) -> list[str]:
    regex = _wildcard(pattern)
    return [name for name in names if regex.match(name)]


def snapin_info(name: str) -> PSObject:
    """A PSSnapInInfo as Get-PSSnapin writes it (Format-List: Name, PSVersion, Description)."""
    description = CORE_SNAPINS.get(name) or EXCHANGE_SNAPINS.get(name, "")
    return PSObject([("Name", name), ("PSVersion", PSVERSION), ("Description", description)],
                    ["System.Management.Automation.PSSnapInInfo", "System.Object"])


def _register_views() -> None:
    from exshell.host.format import register_view

    register_view("System.Management.Automation.PSSnapInInfo",
                  list=["Name", "PSVersion", "Description"], kind="list")


@cmdlet(
    "Add-PSSnapin",
    synopsis=("Loads a snap-in. The Exchange snap-ins are built in, so adding them succeeds "
              "without doing anything; other snap-ins are not available."),
)
class AddPSSnapin(Cmdlet):
    Name = Param(ArrayOf(str), mandatory=True, position=1, from_pipeline_by_name=True)
    PassThru = Param(SwitchParameter)

    def begin(self) -> None:
        _register_views()

    def process(self) -> None:
        available = tuple(CORE_SNAPINS) + tuple(EXCHANGE_SNAPINS)
        for requested in self.Name or ():
            text = str(requested)
            if _has_wildcard(text):
                found = _matching(text, available)
                if not found:
                    self.write_error(_record(message("NoPSSnapInsFound", text), "NoPSSnapInsFound",
                                             "InvalidArgument", "Add-PSSnapin",
                                             "PSArgumentException", text))
            else:
                found = [name for name in available if name.lower() == text.lower()]
                if not found:
                    self.write_error(_record(message("AddPSSnapInRead", text), "AddPSSnapInRead",
                                             "InvalidArgument", "Add-PSSnapin",
                                             "PSArgumentException", text))
            if self.PassThru:
                for name in found:
                    self.write_object(snapin_info(name))


@cmdlet(
    "Get-PSSnapin",
    synopsis="Lists the snap-ins loaded in the shell: the core ones and the Exchange 2010 snap-in.",
)
class GetPSSnapin(Cmdlet):
    Name = Param(ArrayOf(str), position=1)
    Registered = Param(SwitchParameter)

    def begin(self) -> None:
        _register_views()

    def process(self) -> None:
        names = (EXCHANGE_SNAPIN,) if self.Registered else LOADED_SNAPINS
        patterns = [str(p) for p in self.Name] if self.Name else ["*"]
        written: list[str] = []
        for pattern in patterns:
            found = _matching(pattern, names)
            if not found:
                self.write_error(_record(message("NoPSSnapInsFound", pattern), "NoPSSnapInsFound",
                                         "InvalidArgument", "Get-PSSnapin", "PSArgumentException",
                                         pattern))
            for name in found:
                if name not in written:
                    written.append(name)
                    self.write_object(snapin_info(name))


@cmdlet(
    "Connect-ExchangeServer",
    default_set="Server",
    synopsis=("Connects the shell to an Exchange server of the organization. Every server "
              "shares the local configuration store, so this only checks the server exists."),
)
class ConnectExchangeServer(Cmdlet):
    ServerFqdn = Param(str, sets={"Server": ParamSet(mandatory=True, position=1)})
    Auto = Param(SwitchParameter, sets={"Auto": ParamSet(mandatory=True)})
    Prompt = Param(SwitchParameter, sets={"Prompt": ParamSet(mandatory=True)})
    UserName = Param(str)
    Forest = Param(str)
    AllowClobber = Param(SwitchParameter)
    ClearCache = Param(SwitchParameter)

    def process(self) -> None:
        from exshell.store.errors import StoreError

        store = self.context.store()
        try:
            if self.is_bound("ServerFqdn"):
                server = store.get("ExchangeServer", self.ServerFqdn)
            else:
                # -Auto (and -Prompt, which has nobody to ask here) pick the local server.
                server = store.local_server()
        except StoreError as exc:
            extent = getattr(getattr(self.runtime, "invocation", None), "extent", None)
            # RemoteExchange.ps1 looks the server up with Get-ExchangeServer: its error.
            self.write_error(exc.to_record(
                "Microsoft.Exchange.Management.SystemConfigurationTasks.GetExchangeServer",
                extent, self.info.name))
            return
        self.write_verbose(f"Connecting to {server.Fqdn}.")
        self.write_verbose(f"Connected to {server.Fqdn}.")


@cmdlet(
    "Set-ExecutionPolicy",
    should_process=True,
    confirm_impact="Medium",
    synopsis=("Sets the script execution policy. As in PowerShell on Linux and macOS, execution "
              "policies are not supported: every script may run."),
)
class SetExecutionPolicy(Cmdlet):
    ExecutionPolicy = Param(str, mandatory=True, position=1, from_pipeline_by_name=True,
                            values=["Unrestricted", "RemoteSigned", "AllSigned", "Restricted",
                                    "Default", "Bypass", "Undefined"])
    Scope = Param(str, position=2, from_pipeline_by_name=True,
                  values=["Process", "CurrentUser", "LocalMachine", "UserPolicy",
                          "MachinePolicy"])
    Force = Param(SwitchParameter)

    def process(self) -> None:
        self.throw_terminating_error(_record(
            message("PlatformNotSupported"), "System.PlatformNotSupportedException",
            "NotSpecified", "Set-ExecutionPolicy", "PlatformNotSupportedException"))


@cmdlet(
    "Import-Module",
    default_set="Name",
    synopsis=("Imports a module. The shell's own modules are always loaded; other modules are "
              "not available."),
)
class ImportModule(Cmdlet):
    Name = Param(ArrayOf(str), sets={"Name": ParamSet(mandatory=True, position=1,
                                                      from_pipeline=True)})
    Global = Param(SwitchParameter)
    Prefix = Param(str)
    Function = Param(ArrayOf(str))
    Cmdlet = Param(ArrayOf(str))
    Variable = Param(ArrayOf(str))
    Alias = Param(ArrayOf(str))
    Force = Param(SwitchParameter)
    PassThru = Param(SwitchParameter)
    AsCustomObject = Param(SwitchParameter)
    MinimumVersion = Param(str, aliases=["Version"])
    MaximumVersion = Param(str)
    RequiredVersion = Param(str)
    ArgumentList = Param(ArrayOf(object), aliases=["Args"])
    DisableNameChecking = Param(SwitchParameter)
    NoClobber = Param(SwitchParameter)
    Scope = Param(str, values=["Local", "Global"])

    def process(self) -> None:
        built_in = {name.lower() for name in BUILT_IN_MODULES}
        for requested in self.Name or ():
            text = str(requested)
            if text.lower() in built_in:
                continue
            self.write_error(_record(message("Modules_ModuleNotFound", text),
                                     "Modules_ModuleNotFound", "ResourceUnavailable",
                                     "Import-Module", "FileNotFoundException", text))
