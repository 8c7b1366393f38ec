"""How a cmdlet is declared and what its handler can do.

A cmdlet is one class: the ``@cmdlet`` decorator gives its name and behaviour,
``Param`` class attributes declare its parameters, and ``begin``/``process``/
``end`` do the work.  That one declaration is all the binder, ``Get-Command``,
``Get-Help``, ``--check`` and tab completion read (via ``CommandMetadata``,
built once per class by exshell/binder/metadata.py).

    @cmdlet("Set-SendConnector", should_process=True, confirm_impact="Medium",
            synopsis="Changes a Send connector.", exchange=True,
            command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.SetSendConnector")
    class SetSendConnector(Cmdlet):
        Identity = Param(SendConnectorIdParameter, mandatory=True, position=1,
                         from_pipeline=True)
        MaxMessageSize = Param(Unlimited(ByteQuantifiedSize))
        Enabled = Param(bool)

        def process(self):
            ...self.Identity, self.is_bound("Enabled"), self.write_object(obj)...

Parameter types (the ``type`` of a Param) are either
  * Python classes for .NET primitives: ``str`` (System.String), ``int``
    (System.Int32), ``Int64``, ``float`` (Double), ``bool`` (Boolean),
    ``SwitchParameter``, ``object`` (no conversion), ``datetime``, ``timedelta``
    (System.TimeSpan), ``ScriptBlock``, ``Hashtable``, ``PSCredential``; or
  * ``ArrayOf(T)`` for ``T[]``; or
  * an exshell value type (exshell/types) or type constructor such as
    ``MultiValued(AddressSpace)``, ``Unlimited(ByteQuantifiedSize)``, an Enum
    type.  These follow the ``ParameterType`` protocol below.

Positions are 1-based, as the Exchange reference writes them ("Position 1").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Iterable, Optional, Protocol, Union

ALL_SETS = "__AllParameterSets"


class ParameterType(Protocol):
    """What the binder needs from a non-primitive parameter type."""

    #: .NET name used in error messages, e.g. "Microsoft.Exchange.Data.Fqdn".
    dotnet_name: str
    #: short name as in the reference JSON "type" field, e.g. "Fqdn".
    reference_name: str

    def convert(self, value: Any) -> Any:
        """Turn a PowerShell value into this type or raise ``ConversionError``."""


class ConversionError(Exception):
    """A value could not become a parameter's type; ``str(err)`` is the inner
    message PowerShell shows after "Error: " (e.g. the Exchange parse error).

    Optional ``value_text``/``type_name`` name the element that failed when a
    collection type converts element by element (the binder then reports that
    element and its type instead of the whole argument)."""

    def __init__(self, message: str = "", *, value_text: Optional[str] = None,
                 type_name: Optional[str] = None):
        super().__init__(message)
        self.value_text = value_text
        self.type_name = type_name


@dataclass(frozen=True)
class ParamSet:
    """Per-parameter-set facts of one parameter."""

    mandatory: bool = False
    position: Optional[int] = None
    from_pipeline: Optional[bool] = None
    from_pipeline_by_name: Optional[bool] = None


class Param:
    """One declared parameter.

    ``sets``: None = every parameter set; a list of set names (same mandatory and
    position in each); or a dict set name -> ``ParamSet`` for per-set facts.
    ``values`` is a ValidateSet-style list of accepted strings (for enums use an
    Enum type instead).  ``remaining`` takes ValueFromRemainingArguments.
    ``versions`` lists Exchange versions that have the parameter ("2010", "2013",
    "2016", "2019", "SE"); a parameter missing "2010" is declared only to give a
    precise hint (it is not bindable) - see ``bindable``.
    ``validate`` is an optional callable(value) raising ``ConversionError`` for
    per-parameter range rules (cost 1-100, port 0-65535...) that are facts of the
    parameter rather than of the stored object.
    ``allow_null``/``allow_empty``: None (not declared: a mandatory parameter then
    refuses $null / '' as PowerShell does), True ([AllowNull]/[AllowEmptyString]),
    False ([ValidateNotNull]/[ValidateNotNullOrEmpty]: refused even when optional).
    """

    __slots__ = (
        "name", "type", "position", "mandatory", "sets", "aliases", "from_pipeline",
        "from_pipeline_by_name", "values", "wildcards", "remaining", "help",
        "versions", "dont_show", "validate", "allow_null", "allow_empty",
    )

    def __init__(
        self,
        type: Any = str,
        *,
        position: Optional[int] = None,
        mandatory: bool = False,
        sets: Union[None, list[str], dict[str, ParamSet]] = None,
        aliases: Iterable[str] = (),
        from_pipeline: bool = False,
        from_pipeline_by_name: bool = False,
        values: Optional[list[str]] = None,
        wildcards: bool = False,
        remaining: bool = False,
        help: str = "",
        versions: Iterable[str] = ("2010", "2013", "2016", "2019", "SE"),
        dont_show: bool = False,
        validate: Optional[Callable[[Any], None]] = None,
        allow_null: Optional[bool] = None,
        allow_empty: Optional[bool] = None,
    ):
        self.name = ""  # filled by __set_name__
        self.type = type
        self.position = position
        self.mandatory = mandatory
        self.sets = sets
        self.aliases = tuple(aliases)
        self.from_pipeline = from_pipeline
        self.from_pipeline_by_name = from_pipeline_by_name
        self.values = values
        self.wildcards = wildcards
        self.remaining = remaining
        self.help = help
        self.versions = tuple(versions)
        self.dont_show = dont_show
        self.validate = validate
        self.allow_null = allow_null
        self.allow_empty = allow_empty

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type) -> Any:
        if instance is None:
            return self
        return instance.bound.get(self.name)

    @property
    def bindable(self) -> bool:
        return "2010" in self.versions or not self.versions

    def set_facts(self) -> dict[str, ParamSet]:
        """Per-set facts, with ALL_SETS standing for "every set"."""
        if self.sets is None:
            return {ALL_SETS: ParamSet(self.mandatory, self.position, self.from_pipeline,
                                       self.from_pipeline_by_name)}
        if isinstance(self.sets, dict):
            return dict(self.sets)
        return {name: ParamSet(self.mandatory, self.position, self.from_pipeline,
                               self.from_pipeline_by_name) for name in self.sets}


@dataclass(frozen=True)
class ArrayOf:
    """``T[]`` parameter type."""

    element: Any


@dataclass
class CmdletInfo:
    """What ``@cmdlet`` records on the class (``cls.info``)."""

    name: str
    should_process: bool = False
    confirm_impact: str = "Medium"
    default_set: Optional[str] = None
    output_type: Optional[str] = None
    synopsis: str = ""
    description: str = ""
    command_type_name: str = ""
    exchange: bool = False  # an Exchange cmdlet (adds -DomainController where declared, Exchange errors)
    versions: tuple[str, ...] = ("2010", "2013", "2016", "2019", "SE")
    examples: list[tuple[str, str]] = field(default_factory=list)  # (code, what it does)

    @property
    def verb(self) -> str:
        return self.name.split("-", 1)[0]

    @property
    def noun(self) -> str:
        return self.name.split("-", 1)[1]


def cmdlet(name: str, **facts: Any) -> Callable[[type], type]:
    """Class decorator declaring a cmdlet; see the module docstring."""

    def decorate(cls: type) -> type:
        cls.info = CmdletInfo(name=name, **facts)
        return cls

    return decorate


class Cmdlet:
    """Base of every cmdlet handler.

    The command processor (exshell/binder) creates one instance per pipeline
    position, fills ``bound`` (canonical parameter name -> converted value) before
    each ``process`` call, and sets ``runtime`` to an object implementing
    ``CmdletRuntime``.  Handlers override ``begin``, ``process`` and ``end``.
    """

    info: ClassVar[CmdletInfo]

    def __init__(self) -> None:
        self.bound: dict[str, Any] = {}
        self.parameter_set: str = ""
        self.runtime: Any = None  # CmdletRuntime

    # -- what the handler overrides
    def begin(self) -> None:
        pass

    def process(self) -> None:
        pass

    def end(self) -> None:
        pass

    # -- helpers over the runtime
    def is_bound(self, name: str) -> bool:
        return name in self.bound

    def write_object(self, value: Any, enumerate_collection: bool = False) -> None:
        self.runtime.write_object(value, enumerate_collection)

    def write_error(self, record: Any) -> None:
        self.runtime.write_error(record)

    def throw_terminating_error(self, record: Any) -> None:
        self.runtime.throw_terminating_error(record)

    def write_warning(self, text: str) -> None:
        self.runtime.write_warning(text)

    def write_verbose(self, text: str) -> None:
        self.runtime.write_verbose(text)

    def write_host(self, text: str, newline: bool = True) -> None:
        self.runtime.write_host(text, newline)

    def should_process(self, target: str, action: Optional[str] = None) -> bool:
        return self.runtime.should_process(target, action or self.info.name)

    def should_continue(self, query: str, caption: str) -> bool:
        return self.runtime.should_continue(query, caption)

    @property
    def context(self) -> Any:
        """The session context: variables, host UI, store access (exshell.session)."""
        return self.runtime.context

    @property
    def pipeline_input(self) -> Any:
        """The current pipeline object ($_) during ``process``, else None."""
        return self.runtime.current_input


class CmdletRuntime(Protocol):
    """Implemented by the command processor; the only way a handler reaches out."""

    context: Any
    current_input: Any

    def write_object(self, value: Any, enumerate_collection: bool = False) -> None: ...
    def write_error(self, record: Any) -> None: ...
    def throw_terminating_error(self, record: Any) -> None: ...
    def write_warning(self, text: str) -> None: ...
    def write_verbose(self, text: str) -> None: ...
    def write_host(self, text: str, newline: bool = True) -> None: ...
    def should_process(self, target: str, action: str) -> bool: ...
    def should_continue(self, query: str, caption: str) -> bool: ...
