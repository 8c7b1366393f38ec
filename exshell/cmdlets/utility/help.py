"""Discovery cmdlets: Get-Command and Get-Help (also what ``Cmd -?`` runs).

Contract: both read only declarations - the cmdlet registry
(exshell.cmdlets.registry), ``CommandMetadata.from_cmdlet``/``from_function``
and the session's functions and aliases - and render through syntax.py.
Get-Command writes CommandInfo-like objects (CommandType, Name, ModuleName,
Definition, Parameters, ParameterSets ...) shown as the Exchange 2010 shell's
(PowerShell 2.0) ``CommandType / Name / Definition`` table; Get-Alias writes the
alias entries of the same shape; Get-Help writes the help text as one string.
"""
from __future__ import annotations

from typing import Any, Optional

from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, ParamSet, cmdlet
from exshell.cmdlets.utility.syntax import help_text, matching_parameters, syntax_lines
from exshell.errors import ErrorRecord, message
from exshell.host.format import Column, register_view
from exshell.language.values import PSObject, SwitchParameter

EXCHANGE_MODULE = "Microsoft.Exchange.Management.PowerShell.E2010"
# The PowerShell module each utility cmdlet belongs to (the rest are Microsoft.PowerShell.Utility).
UTILITY_MODULES = {
    **dict.fromkeys(["Where-Object", "ForEach-Object", "Get-Command", "Get-Help", "Out-Null",
                     "Out-Default", "Out-Host"], "Microsoft.PowerShell.Core"),
    **dict.fromkeys(["Get-Content", "Set-Content", "Add-Content", "Test-Path"],
                    "Microsoft.PowerShell.Management"),
    **dict.fromkeys(["Get-Credential", "ConvertTo-SecureString"], "Microsoft.PowerShell.Security"),
}
COMMAND_INFO_TYPES = {
    "Alias": "System.Management.Automation.AliasInfo",
    "Function": "System.Management.Automation.FunctionInfo",
    "Filter": "System.Management.Automation.FilterInfo",
    "Cmdlet": "System.Management.Automation.CmdletInfo",
}
_KIND_ORDER = {"Alias": 0, "Function": 1, "Filter": 1, "Cmdlet": 2}

def _first_line(row: Any) -> str:
    # a cmdlet's Definition is its syntax, one line per parameter set: the table shows the first
    definition = row.get("Definition") or ""
    return definition.strip("\n").split("\n", 1)[0]


# The CommandInfo table as PowerShell 2.0 (the Exchange 2010 shell) prints it; an
# alias's Definition is the command it stands for.  One view for the base type, so
# aliases, functions and cmdlets share one table.
register_view("System.Management.Automation.CommandInfo",
              table=[Column("CommandType", width=15), Column("Name", width=35),
                     Column("Definition", _first_line)])
register_view("HelpInfoShort", table=[Column("Name", width=33), Column("Category", width=9),
                                      Column("Module", width=25), Column("Synopsis")])


def module_of(cmdlet_class: type) -> str:
    if cmdlet_class.info.exchange:
        return EXCHANGE_MODULE
    return UTILITY_MODULES.get(cmdlet_class.info.name, "Microsoft.PowerShell.Utility")


def function_metadata(command: Any) -> Any:
    from exshell.binder.metadata import CommandMetadata
    body = command.implementation
    attributes = list(getattr(body, "attributes", None) or [])
    cmdlet_binding = any(getattr(a, "type_name", "").lower() == "cmdletbinding" for a in attributes)
    return CommandMetadata.from_function(command.name, getattr(body, "params", None) or [],
                                         cmdlet_binding, attributes)


def _command_object(kind: str, name: str, module: str, definition: str, display: str = "",
                    metadata: Any = None) -> PSObject:
    verb, _, noun = name.partition("-")
    properties = [
        ("CommandType", kind), ("Name", name), ("DisplayName", display or name),
        ("ModuleName", module), ("Definition", definition),
        ("Verb", verb if noun else ""), ("Noun", noun),
    ]
    if metadata is not None:
        properties += [("Parameters", parameter_dictionary(metadata)),
                       ("ParameterSets", parameter_sets(metadata))]
    return PSObject(properties, [COMMAND_INFO_TYPES.get(kind, COMMAND_INFO_TYPES["Cmdlet"]),
                                 "System.Management.Automation.CommandInfo", "System.Object"])


def parameter_dictionary(metadata: Any) -> Any:
    """CommandInfo.Parameters: name -> ParameterMetadata (Name, ParameterType, Aliases,
    SwitchParameter, ParameterSets), common parameters included, as PowerShell has it."""
    from exshell.language.members import TypeInfo
    from exshell.language.values import Hashtable
    table = Hashtable()
    for name, parameter in metadata.parameters.items():
        table[name] = PSObject([
            ("Name", name), ("ParameterType", TypeInfo(parameter.type)),
            ("ParameterSets", Hashtable((set_name, _set_facts(parameter, set_name))
                                        for set_name in parameter.sets)),
            ("IsDynamic", False), ("Aliases", list(parameter.aliases)),
            ("SwitchParameter", parameter.is_switch),
        ], ["System.Management.Automation.ParameterMetadata", "System.Object"])
    return table


def _set_facts(parameter: Any, set_name: str) -> PSObject:
    facts = parameter.sets[set_name]
    position = facts.position - 1 if facts.position is not None else -2147483648
    return PSObject([("Position", position), ("IsMandatory", bool(facts.mandatory)),
                     ("ValueFromPipeline", bool(facts.from_pipeline)),
                     ("ValueFromPipelineByPropertyName", bool(facts.from_pipeline_by_name))],
                    ["System.Management.Automation.ParameterSetMetadata", "System.Object"])


def parameter_sets(metadata: Any) -> list[PSObject]:
    """CommandInfo.ParameterSets: one CommandParameterSetInfo per set (Name, IsDefault,
    Parameters), its text the set's syntax line as PowerShell prints it."""
    from exshell.cmdlets.utility.syntax import syntax_line
    from exshell.cmdlets.base import ALL_SETS
    sets = []
    names = [name for name in metadata.parameter_sets if name != ALL_SETS] or [ALL_SETS]
    for set_name in names:
        members = [PSObject([("Name", name), ("IsMandatory", parameter.is_mandatory_in(set_name)),
                             ("ParameterType", parameter.type_name)],
                            ["System.Management.Automation.CommandParameterInfo", "System.Object"])
                   for name, parameter in metadata.parameters.items()
                   if set_name in parameter.sets or ALL_SETS in parameter.sets]
        sets.append(PSObject([("Name", set_name), ("IsDefault", set_name == metadata.default_set
                                                   or len(names) == 1),
                              ("Parameters", members), ("Syntax", syntax_line(metadata, set_name))],
                             ["System.Management.Automation.CommandParameterSetInfo", "System.Object"]))
    return sets


def all_commands(session: Any, include_aliases: bool = True) -> list[tuple[str, str, Any]]:
    """(kind, name, payload) for every command: cmdlet class, function info or alias target."""
    from exshell.cmdlets import registry
    commands: list[tuple[str, str, Any]] = []
    for name in registry.all_cmdlet_names():
        cls = registry.lookup(name)
        if cls is not None:
            commands.append(("Cmdlet", cls.info.name, cls))
    functions = getattr(session, "functions", None)
    for info in (functions() if callable(functions) else []):
        commands.append((info.kind if info.kind in ("Function", "Filter") else "Function", info.name, info))
    if include_aliases:
        for alias, target in registry.ALIASES.items():
            commands.append(("Alias", alias, target))
    return commands


@cmdlet("Get-Command", default_set="CmdletSet",
        command_type_name="Microsoft.PowerShell.Commands.GetCommandCommand",
        synopsis="Lists the commands this shell knows: cmdlets, functions and aliases.",
        examples=[("Get-Command *SendConnector", "The cmdlets that work on Send connectors."),
                  ("Get-Command -Verb Set -Noun Transport*", "The Set- cmdlets of transport settings."),
                  ("Get-Command New-SendConnector -Syntax", "The parameter sets of one cmdlet.")])
class GetCommand(Cmdlet):
    Name = Param(ArrayOf(str), sets={"AllCommandSet": ParamSet(position=1, from_pipeline_by_name=True)},
                 wildcards=True, help="Command names to find (wildcards allowed).")
    Verb = Param(ArrayOf(str), sets=["CmdletSet"], wildcards=True, help="Keeps commands with this verb.")
    Noun = Param(ArrayOf(str), sets=["CmdletSet"], wildcards=True, help="Keeps commands with this noun.")
    Module = Param(ArrayOf(str), aliases=["PSSnapin"], wildcards=True,
                   help="Keeps commands of this module (wildcards allowed).")
    CommandType = Param(ArrayOf(str), sets=["AllCommandSet"], aliases=["Type"],
                        values=["Alias", "Function", "Filter", "Cmdlet", "All"],
                        help="Keeps commands of these kinds.")
    TotalCount = Param(int, help="Outputs at most this many commands.")
    Syntax = Param(SwitchParameter, help="Outputs the syntax of each command instead.")
    All = Param(SwitchParameter, help="Accepted for compatibility; every command is listed anyway.")

    def begin(self) -> None:
        self._written = 0

    def process(self) -> None:
        from exshell.language.regex import has_wildcard, wildcard_to_regex

        def matcher(patterns: Any):
            compiled = [wildcard_to_regex(str(p)) for p in patterns or []]
            return lambda text: not compiled or any(p.match(text) for p in compiled)

        by_name, by_verb, by_noun, by_module = (matcher(self.Name), matcher(self.Verb),
                                                matcher(self.Noun), matcher(self.Module))
        kinds = {k.lower() for k in self.CommandType or []}
        cmdlet_filters = self.is_bound("Verb") or self.is_bound("Noun")
        found = []
        for kind, name, payload in all_commands(self.context, include_aliases=not cmdlet_filters):
            verb, _, noun = name.partition("-")
            if kinds and "all" not in kinds and kind.lower() not in kinds:
                continue
            if not (by_name(name) and (not cmdlet_filters or (noun and by_verb(verb) and by_noun(noun)))):
                continue
            row = self._row(kind, name, payload)
            if row is not None and by_module(row.get("ModuleName") or ""):
                found.append(row)
        found.sort(key=lambda row: (_KIND_ORDER.get(row.get("CommandType"), 3), row.get("Name").lower()))
        for written in self.Name or []:
            if not has_wildcard(written) and not any(r.get("Name").lower() == written.lower() for r in found):
                self.write_error(ErrorRecord(
                    message=message("CommandNotFoundException", written),
                    error_id="CommandNotFoundException", category="ObjectNotFound",
                    target_object=written, target_name=written, target_type="String",
                    activity="Get-Command", reason="CommandNotFoundException",
                    command_type_name="Microsoft.PowerShell.Commands.GetCommandCommand",
                    exception_type="System.Management.Automation.CommandNotFoundException"))
        for row in found:
            if self.TotalCount is not None and self._written >= self.TotalCount > 0:
                return
            self._written += 1
            if self.Syntax:
                self.write_object(self._syntax_of(row))
            else:
                self.write_object(row)

    def _syntax_of(self, row: PSObject) -> str:
        """An alias shows its command's syntax, as ``Get-Command fl -Syntax`` does."""
        if row.get("CommandType") != "Alias":
            return row.get("Definition")
        from exshell.cmdlets import registry
        target = registry.lookup(row.get("Definition"))
        return self._row("Cmdlet", target.info.name, target).get("Definition") if target else ""

    def _row(self, kind: str, name: str, payload: Any) -> Optional[PSObject]:
        from exshell.binder.metadata import CommandMetadata
        if kind == "Cmdlet":
            metadata = CommandMetadata.from_cmdlet(payload)
            definition = "\n".join(syntax_lines(metadata)) + "\n"
            return _command_object(kind, name, module_of(payload), definition, metadata=metadata)
        if kind == "Alias":
            from exshell.cmdlets import registry
            target = registry.lookup(payload)
            module = module_of(target) if target is not None else ""
            return _command_object(kind, name, module, payload, f"{name} -> {payload}")
        metadata = function_metadata(payload)
        definition = "\n".join(syntax_lines(metadata)) + "\n"
        return _command_object(kind, name, "", definition, metadata=metadata)


@cmdlet("Get-Alias", default_set="Default",
        command_type_name="Microsoft.PowerShell.Commands.GetAliasCommand",
        synopsis="Lists aliases: PowerShell's built-in ones and those set in this session.",
        examples=[("Get-Alias", "Every alias."), ("Get-Alias -Definition Get-Content",
                                                  "The aliases of Get-Content.")])
class GetAlias(Cmdlet):
    Name = Param(ArrayOf(str), sets={"Default": ParamSet(position=1, from_pipeline_by_name=True)},
                 wildcards=True, help="Alias names (wildcards allowed); all when omitted.")
    Definition = Param(ArrayOf(str), sets=["Definition"], wildcards=True,
                       help="Lists the aliases of these commands.")
    Exclude = Param(ArrayOf(str), wildcards=True, help="Leaves out these aliases.")
    Scope = Param(str, help="Accepted for compatibility; every visible alias is listed.")

    def process(self) -> None:
        from exshell.cmdlets import registry
        from exshell.language.regex import has_wildcard, wildcard_to_regex
        aliases = {alias.lower(): (alias, target) for alias, target in registry.ALIASES.items()}
        scopes = []
        scope = self.context.current_scope
        while scope is not None:
            scopes.append(scope)
            scope = scope.parent
        for scope in reversed(scopes):  # nearer scopes win
            for alias, target in scope.aliases.items():
                aliases[alias] = (alias, target)

        def matcher(patterns: Any):
            compiled = [wildcard_to_regex(str(p)) for p in patterns or []]
            return lambda text: any(p.match(text) for p in compiled)

        by_name = matcher(self.Name or ["*"])
        by_target = matcher(self.Definition or ["*"])
        excluded = matcher(self.Exclude or [])
        found = [(alias, target) for alias, target in sorted(aliases.values(), key=lambda a: a[0].lower())
                 if by_name(alias) and by_target(target) and not excluded(alias)]
        for written in self.Name or []:
            if not has_wildcard(written) and not any(a.lower() == written.lower() for a, _ in found):
                self.write_error(ErrorRecord(
                    message=f"Cannot find alias because alias '{written}' does not exist.",
                    error_id="ItemNotFoundException", category="ObjectNotFound", target_object=written,
                    target_name=written, target_type="String", activity="Get-Alias",
                    reason="ItemNotFoundException", command_type_name=self.info.command_type_name,
                    exception_type="System.Management.Automation.ItemNotFoundException"))
        for alias, target in found:
            cls = registry.lookup(target)
            module = module_of(cls) if cls is not None else ""
            self.write_object(_command_object("Alias", alias, module, target, f"{alias} -> {target}"))


GENERAL_HELP = """
TOPIC
    exshell help

SHORT DESCRIPTION
    Shows help about the cmdlets of exshell, a PowerShell-compatible shell for
    Exchange 2010 transport settings.

LONG DESCRIPTION
    Get-Help <CmdletName>            the synopsis and syntax of a cmdlet
    Get-Help <CmdletName> -Full      every parameter, with its facts
    Get-Help <CmdletName> -Examples  usage examples
    <CmdletName> -?                  the same as Get-Help <CmdletName>
    Get-Command *Connector*          cmdlets whose name matches a pattern

"""


@cmdlet("Get-Help", default_set="AllUsersView",
        command_type_name="Microsoft.PowerShell.Commands.GetHelpCommand",
        synopsis="Shows the help of a command, generated from its declaration.",
        examples=[("Get-Help New-SendConnector -Full", "Every parameter of New-SendConnector."),
                  ("Get-Help Set-ReceiveConnector -Parameter Bindings", "One parameter's facts.")])
class GetHelp(Cmdlet):
    Name = Param(str, position=1, from_pipeline_by_name=True, wildcards=True,
                 help="The command to describe (wildcards list the matching commands).")
    Full = Param(SwitchParameter, sets=["AllUsersView"], help="Adds every parameter and the examples.")
    Detailed = Param(SwitchParameter, sets={"DetailedView": ParamSet(mandatory=True)},
                     help="Adds the parameters and the examples.")
    Examples = Param(SwitchParameter, sets={"Examples": ParamSet(mandatory=True)},
                     help="Shows only the examples.")
    Parameter = Param(str, sets={"Parameters": ParamSet(mandatory=True)},
                      help="Shows only this parameter (wildcards allowed).")
    Online = Param(SwitchParameter, sets={"Online": ParamSet(mandatory=True)},
                   help="Outputs the address of the online documentation.")
    Category = Param(ArrayOf(str), help="Accepted for compatibility; only command help exists.")

    def process(self) -> None:
        from exshell.language.regex import has_wildcard
        name = self.Name
        if not name:
            self.write_object(GENERAL_HELP)
            return
        if has_wildcard(name):
            self._list(name)
            return
        resolved = self._resolve(name)
        if resolved is None:
            self.write_error(ErrorRecord(
                message=f"Get-Help could not find {name} in a help file in this session.",
                error_id="HelpNotFound", category="ResourceUnavailable", target_object=name,
                target_name=name, target_type="String", activity="Get-Help",
                reason="HelpNotFoundException",
                command_type_name="Microsoft.PowerShell.Commands.GetHelpCommand",
                exception_type="Microsoft.PowerShell.Commands.HelpNotFoundException"))
            return
        metadata, info = resolved
        if self.Online:
            page = metadata.name.lower()
            area = "exchange" if getattr(info, "exchange", False) else "microsoft.powershell.utility"
            self.write_object(f"https://learn.microsoft.com/powershell/module/{area}/{page}")
            return
        if self.Parameter is not None and not matching_parameters(metadata, self.Parameter):
            self.write_error(ErrorRecord(
                message=f"No parameter matches criteria {self.Parameter}.", error_id="NoParmsFound",
                category="InvalidArgument", target_object=self.Parameter,
                target_name=self.Parameter, target_type="String", activity="Get-Help",
                reason="PSArgumentException",
                command_type_name="Microsoft.PowerShell.Commands.GetHelpCommand"))
            return
        from exshell.cmdlets import registry
        aliases = sorted(alias for alias, target in registry.ALIASES.items()
                         if target.lower() == metadata.name.lower())
        width = int(getattr(getattr(self.context, "host", None), "width", 0) or 80)
        self.write_object(help_text(metadata, info, aliases, full=bool(self.Full or self.Detailed),
                                    examples=bool(self.Examples), parameter=self.Parameter,
                                    width=width))

    def _resolve(self, name: str) -> Optional[tuple[Any, Any]]:
        from exshell.binder.metadata import CommandMetadata
        command = self.context.resolve_command(name)
        if command is None:
            return None
        if command.kind == "Cmdlet":
            cls = command.implementation
            return CommandMetadata.from_cmdlet(cls), cls.info
        return function_metadata(command), _FunctionInfo(command.name)

    def _list(self, pattern: str) -> None:
        from exshell.language.regex import wildcard_to_regex
        compiled = wildcard_to_regex(pattern)
        for kind, name, payload in all_commands(self.context):
            if not compiled.match(name):
                continue
            if kind == "Cmdlet":
                self.write_object(PSObject([("Name", name), ("Category", "Cmdlet"),
                                            ("Module", module_of(payload)),
                                            ("Synopsis", payload.info.synopsis)], ["HelpInfoShort"]))
            elif kind != "Alias":
                self.write_object(PSObject([("Name", name), ("Category", "Function"), ("Module", ""),
                                            ("Synopsis", "")], ["HelpInfoShort"]))


class _FunctionInfo:
    """What help_text reads for a script function (which has no declaration facts)."""

    def __init__(self, name: str):
        self.synopsis = name
        self.description = ""
        self.examples: list = []
        self.output_type = None
        self.exchange = False
