"""Command metadata: what the binder knows about a command's parameters.

Built once per cmdlet class from its ``Param`` declarations
(``CommandMetadata.from_cmdlet``, cached on the class) or per script function
from its ``param()`` AST (``CommandMetadata.from_function``).  Everything that
reads parameters (binding, ``--check``, ``Get-Help``, ``Get-Command``,
completion) goes through this one object.

Contract:
  * ``parameters`` maps canonical names to ``ParameterMetadata`` in declaration
    order, the command's own parameters first, then the common parameters.
  * ``unbindable`` holds declared parameters that Exchange 2010 lacks: they are
    never matched (binding reports NamedParameterNotFound) but stay visible for
    hints.
  * ``parameter_sets`` lists the named sets (``[ALL_SETS]`` when there are none).
  * ``lookup(typed)`` implements PowerShell's name matching and raises the
    binding errors with PowerShell's texts.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from exshell import errors
from exshell.cmdlets.base import ALL_SETS, Param, ParamSet
from exshell.language import values
from exshell.binder.common import COMMON_PARAMETERS, SHOULD_PROCESS_PARAMETERS

def dotnet_type_name(param_type: Any) -> str:
    """The .NET ``Type.ToString()`` of a parameter type, as error messages show it."""
    from exshell.language.conversions import dotnet_name

    return dotnet_name(param_type)


@dataclass(eq=False)
class ParameterMetadata:
    """One parameter as the binder sees it (cmdlet ``Param`` or script parameter)."""

    name: str
    type: Any
    sets: dict[str, ParamSet]
    aliases: tuple[str, ...] = ()
    is_common: bool = False
    values: Optional[list[str]] = None
    validate: Any = None
    remaining: bool = False
    wildcards: bool = False
    help: str = ""
    dont_show: bool = False
    allow_null: Optional[bool] = None     # None: undeclared (see base.Param)
    allow_empty: Optional[bool] = None
    versions: tuple[str, ...] = ()
    has_default: bool = False
    default: Any = None           # the default's AST for script parameters
    declaration: Any = None       # the Param or ParameterAst it came from

    @property
    def is_switch(self) -> bool:
        return self.type is values.SwitchParameter

    @property
    def type_name(self) -> str:
        return dotnet_type_name(self.type)

    @property
    def in_all_sets(self) -> bool:
        return ALL_SETS in self.sets

    def facts(self, set_name: Optional[str]) -> Optional[ParamSet]:
        """This parameter's facts in ``set_name`` (None if it is not in that set)."""
        found = self.sets.get(set_name) if set_name is not None else None
        if found is None:
            found = self.sets.get(ALL_SETS)
        return found

    def is_mandatory_in(self, set_name: Optional[str]) -> bool:
        facts = self.facts(set_name)
        return bool(facts and facts.mandatory)

    def position_in(self, set_name: Optional[str]) -> Optional[int]:
        facts = self.facts(set_name)
        return facts.position if facts else None

    def takes_pipeline_in(self, set_name: Optional[str]) -> bool:
        facts = self.facts(set_name)
        return bool(facts and (facts.from_pipeline or facts.from_pipeline_by_name))

    @property
    def mandatory_anywhere(self) -> bool:
        return any(f.mandatory for f in self.sets.values())

    @property
    def takes_pipeline(self) -> bool:
        return any(f.from_pipeline or f.from_pipeline_by_name for f in self.sets.values())

    @classmethod
    def from_param(cls, param: Param, is_common: bool = False) -> "ParameterMetadata":
        return cls(
            name=param.name, type=param.type, sets=param.set_facts(), aliases=param.aliases,
            is_common=is_common, values=param.values, validate=param.validate,
            remaining=param.remaining, wildcards=param.wildcards, help=param.help,
            dont_show=param.dont_show, allow_null=param.allow_null,
            allow_empty=param.allow_empty, versions=param.versions, declaration=param,
        )


@dataclass(eq=False)
class CommandMetadata:
    """The parameters of one command and how names resolve to them."""

    name: str
    kind: str                                  # 'Cmdlet' or 'Function'
    parameters: dict[str, ParameterMetadata]
    parameter_sets: list[str]
    default_set: Optional[str] = None
    supports_should_process: bool = False
    confirm_impact: str = "Medium"
    command_type_name: str = ""
    is_advanced: bool = True                   # cmdlets and [CmdletBinding()] functions
    unbindable: dict[str, ParameterMetadata] = field(default_factory=dict)
    implementation: Any = None
    _exact: dict[str, str] = field(default_factory=dict, repr=False)
    _keys: list[tuple[str, str]] = field(default_factory=list, repr=False)
    _lookup_cache: dict[str, Any] = field(default_factory=dict, repr=False)
    _per_set: dict[Optional[str], Any] = field(default_factory=dict, repr=False)
    _pipeline_takers: dict[tuple, tuple] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for canonical, parameter in self.parameters.items():
            for key in (canonical, *parameter.aliases):
                folded = key.lower()
                self._exact.setdefault(folded, canonical)
                self._keys.append((folded, canonical))

    # ------------------------------------------------------------ construction
    @classmethod
    def from_cmdlet(cls, cmdlet_class: type) -> "CommandMetadata":
        cached = cmdlet_class.__dict__.get("_exshell_metadata")
        if cached is not None:
            return cached
        info = cmdlet_class.info
        declared: dict[str, Param] = {}
        for klass in reversed(cmdlet_class.__mro__):
            for attribute in vars(klass).values():
                if isinstance(attribute, Param):
                    declared[attribute.name] = attribute
        parameters: dict[str, ParameterMetadata] = {}
        unbindable: dict[str, ParameterMetadata] = {}
        for param in declared.values():
            target = parameters if param.bindable else unbindable
            target[param.name] = ParameterMetadata.from_param(param)
        _add_common(parameters, info.should_process)
        metadata = cls(
            name=info.name, kind="Cmdlet", parameters=parameters,
            parameter_sets=_set_names(parameters.values(), info.default_set),
            default_set=info.default_set, supports_should_process=info.should_process,
            confirm_impact=info.confirm_impact,
            command_type_name=info.command_type_name or _utility_type_name(info.name),
            is_advanced=True, unbindable=unbindable, implementation=cmdlet_class,
        )
        setattr(cmdlet_class, "_exshell_metadata", metadata)
        return metadata

    @classmethod
    def from_function(cls, name: str, params: Optional[list], cmdlet_binding: bool,
                      attributes: Optional[list] = None) -> "CommandMetadata":
        """Metadata of a script function or script block.

        ``params`` are ``ast.ParameterAst``; ``attributes`` the attributes of the
        ``param()`` block (to read ``[CmdletBinding(SupportsShouldProcess,
        DefaultParameterSetName='x')]``).  A function is advanced when it has
        ``[CmdletBinding()]`` or any ``[Parameter()]``: then it gets the common
        parameters and extra arguments are an error instead of ``$args``.
        """
        from exshell.binder.script_params import build_function_parameters

        built = build_function_parameters(params or [], attributes or [], cmdlet_binding)
        parameters = built.parameters
        if built.is_advanced:
            _add_common(parameters, built.supports_should_process)
        return cls(
            name=name, kind="Function", parameters=parameters,
            parameter_sets=_set_names(parameters.values(), built.default_set),
            default_set=built.default_set,
            supports_should_process=built.supports_should_process,
            confirm_impact=built.confirm_impact, command_type_name=name,
            is_advanced=built.is_advanced,
        )

    # ----------------------------------------------------------------- queries
    def match(self, typed: str) -> tuple[Optional[ParameterMetadata], list[str]]:
        """(parameter, []) for a unique match, (None, candidates) when ambiguous,
        (None, []) when nothing matches.  Cached: --check looks names up a lot."""
        folded = typed.lower()
        cached = self._lookup_cache.get(folded)
        if cached is not None:
            return cached
        exact = self._exact.get(folded)
        if exact is not None:
            result: tuple[Optional[ParameterMetadata], list[str]] = (self.parameters[exact], [])
        else:
            candidates: list[str] = []
            for key, canonical in self._keys:
                if key.startswith(folded) and canonical not in candidates:
                    candidates.append(canonical)
            if len(candidates) == 1:
                result = (self.parameters[candidates[0]], [])
            elif not candidates:
                result = (None, [])
            else:
                own = [c for c in candidates if not self.parameters[c].is_common]
                if len(own) == 1:
                    result = (self.parameters[own[0]], [])
                else:
                    ordered = [c for c in self.parameters if c in candidates]
                    result = (None, ordered)
        self._lookup_cache[folded] = result
        return result

    def lookup(self, typed: str, extent: Any = None) -> ParameterMetadata:
        """The parameter ``-typed`` names, or a ParameterBindingError."""
        parameter, candidates = self.match(typed)
        if parameter is not None:
            return parameter
        if candidates:
            listing = "".join(f" -{c}" for c in candidates)
            raise self.binding_error("AmbiguousParameter", extent, typed,
                                     extras=(listing,), typed_name=typed)
        raise self.binding_error("NamedParameterNotFound", extent, typed, typed_name=typed)

    def binding_error(self, error_id: str, extent: Any, parameter: str = "",
                      type_name: str = "", extras: tuple = (), typed_name: Optional[str] = None,
                      category: str = "InvalidArgument") -> errors.ParameterBindingError:
        """A ParameterBindingError with PowerShell's argument layout
        ({0} command, {1} parameter, {2} type, {6}... extras), hints attached."""
        args = [self.name, parameter, type_name, "", "", "", *extras]
        record = errors.binding_error(error_id, self.name, self.command_type_name, extent,
                                      *args, category=category)
        special = _EXCEPTION_KINDS.get(record.error_id)
        if special is not None:
            record.category, record.reason = special
            record.exception_type = "System.Management.Automation." + special[1]
        if typed_name is not None:
            record.target_object = typed_name
        _attach_hints(record, self, typed_name if typed_name is not None else parameter)
        return errors.ParameterBindingError(record)

    def sets_of(self, parameter: ParameterMetadata) -> frozenset[str]:
        """The named sets a parameter belongs to (all of them for ALL_SETS)."""
        if parameter.in_all_sets:
            return frozenset(self.parameter_sets)
        return frozenset(parameter.sets)

    @property
    def own_parameters(self) -> list[ParameterMetadata]:
        return [p for p in self.parameters.values() if not p.is_common]

    def set_facts(self, set_name: Optional[str]) -> "SetFacts":
        """Per-set tables the binder consults on every command (cached: --check
        binds thousands of commands against a few dozen declarations)."""
        found = self._per_set.get(set_name)
        if found is None:
            found = SetFacts.build(self, set_name)
            self._per_set[set_name] = found
        return found

    def pipeline_takers(self, candidate_sets: list[str]) -> tuple[
            tuple[ParameterMetadata, tuple[str, ...], tuple[str, ...]], ...]:
        """The parameters that take pipeline input in any of ``candidate_sets``, in
        declaration order, each as (parameter, sets taking it by value, sets taking
        it by property name).  Cached per combination: binding asks this for every
        pipeline object, so it must not rescan every parameter each time."""
        key = tuple(candidate_sets)
        found = self._pipeline_takers.get(key)
        if found is None:
            takers = []
            for parameter in self.parameters.values():
                by_value: list[str] = []
                by_name: list[str] = []
                for set_name in key:
                    facts = parameter.facts(set_name)
                    if facts is None:
                        continue
                    if facts.from_pipeline:
                        by_value.append(set_name)
                    if facts.from_pipeline_by_name:
                        by_name.append(set_name)
                if by_value or by_name:
                    takers.append((parameter, tuple(by_value), tuple(by_name)))
            found = tuple(takers)
            self._pipeline_takers[key] = found
        return found


@dataclass(frozen=True)
class SetFacts:
    """One parameter set seen from the binder: who is mandatory, who is positional."""

    mandatory: tuple[tuple[ParameterMetadata, bool], ...]   # (parameter, takes pipeline)
    positional: tuple[tuple[int, ParameterMetadata], ...]   # sorted by position

    @classmethod
    def build(cls, metadata: "CommandMetadata", set_name: Optional[str]) -> "SetFacts":
        mandatory = []
        positional = []
        for parameter in metadata.parameters.values():
            facts = parameter.facts(set_name)
            if facts is None:
                continue
            if facts.mandatory:
                mandatory.append((parameter, bool(facts.from_pipeline
                                                  or facts.from_pipeline_by_name)))
            if facts.position is not None and not parameter.is_common:
                positional.append((facts.position, parameter))
        positional.sort(key=lambda entry: entry[0])
        return cls(tuple(mandatory), tuple(positional))


# Binding errors PowerShell raises as subclasses of ParameterBindingException
# (their CategoryInfo shows InvalidData and the subclass name).
_VALIDATION = ("InvalidData", "ParameterBindingValidationException")
_EXCEPTION_KINDS: dict[str, tuple[str, str]] = {
    "ParameterArgumentValidationError": _VALIDATION,
    "ParameterArgumentValidationErrorNullNotAllowed": _VALIDATION,
    "ParameterArgumentValidationErrorEmptyStringNotAllowed": _VALIDATION,
    "ParameterArgumentTransformationError": ("InvalidData",
                                             "ParameterBindingArgumentTransformationException"),
}


def _add_common(parameters: dict[str, ParameterMetadata], should_process: bool) -> None:
    extra = COMMON_PARAMETERS + (SHOULD_PROCESS_PARAMETERS if should_process else [])
    for param in extra:
        if param.name not in parameters:
            parameters[param.name] = ParameterMetadata.from_param(param, is_common=True)


def _set_names(parameters: Any, default_set: Optional[str]) -> list[str]:
    """Named sets in declaration order; a declared default set exists even when no
    parameter names it (PowerShell then reports it as the bound set)."""
    names: list[str] = []
    for parameter in parameters:
        for set_name in parameter.sets:
            if set_name != ALL_SETS and set_name not in names:
                names.append(set_name)
    if default_set and default_set != ALL_SETS and default_set not in names:
        names.append(default_set)
    return names or [ALL_SETS]


def _utility_type_name(cmdlet_name: str) -> str:
    """PowerShell's own cmdlets report 'Microsoft.PowerShell.Commands.VerbNounCommand'."""
    return "Microsoft.PowerShell.Commands." + cmdlet_name.replace("-", "") + "Command"


def _attach_hints(record: errors.ErrorRecord, metadata: CommandMetadata, typed_name: str) -> None:
    """Let the hint engine (exshell/binder/hints.py) add its extra lines, if present."""
    try:
        from exshell.binder import hints
    except ImportError:
        return
    adder = getattr(hints, "for_binding_error", None)
    if adder is None:
        return
    try:
        adder(record, metadata, typed_name)
    except Exception:  # a hint must never hide the real error
        pass
