"""The base of every stored Exchange object, and the directory facts it is placed in.

Contract for a model class (one per Exchange object class):
  * class facts: ``KIND`` (the store's kind name), ``CONTAINER`` (objects in one
    container need distinct names; send and foreign connectors share
    'Connections' as in Active Directory), ``TYPE_NAMES`` (.NET names, most
    derived first), ``OBJECT_CLASS``, ``OBJECT_CATEGORY``, ``PROPERTY_ORDER``
    (Format-List order of the class's own properties; the common directory
    properties follow), ``RANGES`` (property -> (minimum, maximum) as texts of
    the property's type), ``SECRET_FIELDS`` (stored encrypted, never displayed).
  * ``check_rules()`` - the Exchange rules that need only this object; raises
    ``ValidationError``, returns advisory warnings (texts a cmdlet shows with
    write_warning).  Runs automatically when a model is built or changed with
    ``with_changes`` (not when the store reads a row back, so a rule added later
    never makes old data unreadable).
  * ``check_in(store)`` - rules that need other objects (unique bindings, source
    servers); the repository calls it on add and update.
  * ``check_removal(store)`` - refuses removals Exchange refuses.
  * ``with_changes(**properties)`` - a validated copy (what Set-* stores).
  * ``ps_properties()`` / ``ps_type_names()`` / ``str()`` - the PowerShell view.
  * ``ps_set_property(name, value)`` - ``$obj.Name = value`` in a script: converts
    through the field's type, refuses read-only and unknown properties with
    PowerShell's records; changes only this in-memory copy (a Set- cmdlet writes).
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cached_property
from datetime import datetime, timezone
from typing import Any, ClassVar, Iterable, Optional

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, model_validator

from exshell.cmdlets.base import ConversionError
from exshell.errors import PSRuntimeError
from exshell.language.values import Hashtable
from exshell.store.errors import ValidationError

EXCHANGE_2007_VERSION = "0.1 (8.0.535.0)"
EXCHANGE_2010_VERSION = "0.1 (14.0.100.0)"
MAX_NAME_LENGTH = 64

#: Validation context the repository passes when it reads rows back: skip the rules.
TRUSTED = {"trusted": True}

#: Properties the store stamps on every write (times, directory placement); no rule reads them.
BOOKKEEPING_FIELDS = frozenset({
    "WhenCreatedUTC", "WhenChangedUTC", "DistinguishedName", "ObjectCategory", "OriginatingServer",
})

#: Stored properties Exchange computes or stamps itself: PowerShell shows them as
#: ReadOnly (``$obj.Guid = ...`` fails).  Properties that are not fields at all
#: (Identity, ObjectClass, WhenCreated, IsValid...) are read-only by construction.
READ_ONLY_FIELDS = frozenset({
    "Guid", "ExchangeVersion", "DistinguishedName", "ObjectCategory", "OrganizationId",
    "OriginatingServer", "WhenCreatedUTC", "WhenChangedUTC",
})

# The directory properties every object shows after its own, in Exchange 2010's order.
COMMON_PROPERTIES = (
    "AdminDisplayName", "ExchangeVersion", "Name", "DistinguishedName", "Identity", "Guid",
    "ObjectCategory", "ObjectClass", "WhenChanged", "WhenCreated", "WhenChangedUTC",
    "WhenCreatedUTC", "OrganizationId", "OriginatingServer", "IsValid",
)

# .NET base classes of directory configuration objects, most derived first.
AD_CONFIGURATION_BASES = (
    "Microsoft.Exchange.Data.Directory.ADConfigurationObject",
    "Microsoft.Exchange.Data.Directory.ADObject",
    "Microsoft.Exchange.Data.Directory.ADRawEntry",
    "Microsoft.Exchange.Data.ConfigurableObject",
    "System.Object",
)

# .NET base classes of the connectors in a routing group's Connections container
# (Send and Foreign connectors), most derived first.
SEND_CONNECTOR_BASES = (
    "Microsoft.Exchange.Data.Directory.SystemConfiguration.SendConnector",
    "Microsoft.Exchange.Data.Directory.SystemConfiguration.MailGateway",
    "Microsoft.Exchange.Data.Directory.ADLegacyVersionableObject",
) + AD_CONFIGURATION_BASES

#: the routing group Exchange setup creates (its legacy suffix is the same in every
#: 2007+ organization); connectors name it as their SourceRoutingGroup.
ROUTING_GROUP = "Exchange Routing Group (DWBGZMFD01QNBJR)"


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Directory:
    """Where the organization lives: the facts that shape DNs and messages.

    Exchange setup fixes the administrative group and routing group names
    (the legacy ``FYDIBOHF23SPDLT``/``DWBGZMFD01QNBJR`` suffixes are the same
    in every 2007+ organization); the domain is the store's own.
    """

    domain: str = "contoso.com"
    organization: str = "First Organization"
    admin_group: str = "Exchange Administrative Group (FYDIBOHF23SPDLT)"
    routing_group: str = ROUTING_GROUP
    site: str = "Default-First-Site-Name"

    # The DN texts below are cached per instance (every write places an object).
    @cached_property
    def domain_controller(self) -> str:
        return f"dc.{self.domain}"

    @cached_property
    def configuration_dn(self) -> str:
        return "CN=Configuration," + ",".join(f"DC={part}" for part in self.domain.split("."))

    @cached_property
    def organization_dn(self) -> str:
        return (f"CN={escape_cn(self.organization)},CN=Microsoft Exchange,CN=Services,"
                f"{self.configuration_dn}")

    @cached_property
    def admin_group_dn(self) -> str:
        return f"CN={self.admin_group},CN=Administrative Groups,{self.organization_dn}"

    @cached_property
    def servers_dn(self) -> str:
        return f"CN=Servers,{self.admin_group_dn}"

    @cached_property
    def connections_dn(self) -> str:
        return f"CN=Connections,CN={self.routing_group},CN=Routing Groups,{self.admin_group_dn}"

    def schema_category(self, category: str) -> str:
        return f"{self.domain}/Configuration/Schema/{category}"

    @cached_property
    def site_id(self) -> str:
        return f"{self.domain}/Configuration/Sites/{self.site}"


def escape_cn(name: str) -> str:
    """Escape a name for use as a CN value in a distinguished name (RFC 4514)."""
    escaped = "".join("\\" + ch if ch in ',+"\\<>;=' else ch for ch in name)
    if escaped.startswith((" ", "#")):
        escaped = "\\" + escaped
    if escaped.endswith(" ") and not escaped.endswith("\\ "):
        escaped = escaped[:-1] + "\\ "
    return escaped


def fail(message: str, error_id: str, target: Any = None) -> None:
    """Raise the ValidationError for a broken rule (one call per rule keeps them greppable)."""
    raise ValidationError(message, error_id, target=target)


class ExchangeObject(BaseModel):
    """Common directory properties and the PowerShell view of a stored object."""

    model_config = ConfigDict(
        validate_default=True, extra="ignore", arbitrary_types_allowed=True,
        protected_namespaces=(), populate_by_name=True, defer_build=True,
    )

    KIND: ClassVar[str] = ""
    CONTAINER: ClassVar[str] = ""
    TYPE_NAMES: ClassVar[tuple[str, ...]] = ()
    OBJECT_CLASS: ClassVar[tuple[str, ...]] = ("top",)
    OBJECT_CATEGORY: ClassVar[str] = ""
    PROPERTY_ORDER: ClassVar[tuple[str, ...]] = ()
    RANGES: ClassVar[dict[str, tuple[Any, Any]]] = {}
    SECRET_FIELDS: ClassVar[tuple[str, ...]] = ()
    _display_order: ClassVar[tuple[str, ...]] = ()
    _range_bounds: ClassVar[Optional[dict[str, tuple[Any, Any]]]] = None

    Name: str
    Guid: uuid.UUID = Field(default_factory=uuid.uuid4)
    AdminDisplayName: Optional[str] = None
    ExchangeVersion: str = EXCHANGE_2007_VERSION
    DistinguishedName: str = ""
    ObjectCategory: str = ""
    OrganizationId: Optional[str] = None
    OriginatingServer: str = ""
    WhenCreatedUTC: datetime = Field(default_factory=utc_now)
    WhenChangedUTC: datetime = Field(default_factory=utc_now)

    _warnings: list[str] = PrivateAttr(default_factory=list)
    # Cached PowerShell view; formatting asks for it several times per object.
    _view: Optional[Hashtable] = PrivateAttr(default=None)
    _valid: Optional[bool] = PrivateAttr(default=None)

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        if not name.startswith("_"):
            private = self.__pydantic_private__
            private["_view"] = None
            # Stamping times and the directory placement cannot break a rule: the
            # verdict of the last check stands (IsValid need not re-run the rules).
            if name not in BOOKKEEPING_FIELDS:
                private["_valid"] = None

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        own = cls.PROPERTY_ORDER or tuple(
            name for name in cls.model_fields if name not in ExchangeObject.model_fields)
        cls._display_order = own + tuple(name for name in COMMON_PROPERTIES if name not in own)
        cls._range_bounds = None

    # ------------------------------------------------------------ validation
    @model_validator(mode="after")
    def _run_rules(self, info: ValidationInfo) -> "ExchangeObject":
        if not (info.context and info.context.get("trusted")):
            self._warnings = self.check_rules()
            self._valid = True
        return self

    def check_rules(self) -> list[str]:
        """Rules on this object alone; raise ValidationError, return warnings."""
        check_name(self.Name)
        self.check_ranges()
        return []

    def check_in(self, store: Any) -> list[str]:
        """Rules that need the rest of the organization; default none."""
        return []

    def check_removal(self, store: Any) -> None:
        """Raise ValidationError when Exchange would refuse to remove this object."""

    def check_ranges(self) -> None:
        for name, (minimum, maximum) in self.range_bounds().items():
            value = getattr(self, name)
            if value is None or getattr(value, "is_unlimited", False):
                continue
            bare = value.value if hasattr(value, "is_unlimited") else value
            if bare < minimum or bare > maximum:
                fail(f"The value of property '{name}' is out of range: {value}. The valid range "
                     f"is from {minimum} to {maximum}.", "PropertyValueOutOfRange", target=value)

    @classmethod
    def range_bounds(cls) -> dict[str, tuple[Any, Any]]:
        """RANGES with the bounds converted to the properties' types (once per class)."""
        if cls._range_bounds is None:
            bounds = {}
            for name, (minimum, maximum) in cls.RANGES.items():
                bounds[name] = (_bound(cls, name, minimum), _bound(cls, name, maximum))
            cls._range_bounds = bounds
        return cls._range_bounds

    def set_converted(self, name: str, value: Any) -> None:
        """Assign ``value`` to field ``name`` through the field's conversion (no rule check)."""
        setattr(self, name, _convert_for(type(self), name, value))

    def ps_set_property(self, name: str, value: Any) -> None:
        """``$obj.Name = value`` in a script: PowerShell's property assignment.

        The name matches case-insensitively; the value converts through the
        field's type as a parameter value would (``$c.Port = "2525"``, ``$c.AddressSpaces
        += "*.litware.com;3"`` giving a MultiValuedProperty again).  Only this
        in-memory object changes; the store sees it when a Set- cmdlet writes it,
        and the rules run then.  Raises PSRuntimeError with PowerShell's records:
        PropertyNotFound, PropertyAssignmentException ('X' is a ReadOnly
        property.), ExceptionWhenSetting (the conversion failure)."""
        field = self.settable_field(name)
        try:
            converted = _convert_for_setting(type(self), field, value)
        except (ValidationError, ConversionError) as exc:
            raise _setting_failed(field, str(exc)) from None
        except PSRuntimeError as exc:
            raise _setting_failed(field, exc.record.message) from None
        setattr(self, field, converted)

    # The name the evaluator's member assignment (exshell/language/members.set_member) looks up.
    set_ps_property = ps_set_property

    @classmethod
    def settable_field(cls, name: str) -> str:
        """The field ``name`` denotes (any case), or PowerShell's error for a property
        that is read-only or does not exist."""
        from exshell.errors import ErrorRecord, message

        lowered = str(name).lower()
        fields = {field.lower(): field for field in cls.model_fields}
        field = fields.get(lowered)
        if field is not None and field not in READ_ONLY_FIELDS:
            return field
        shown = {prop.lower(): prop for prop in cls._display_order}
        if field is not None or lowered in shown or hasattr(cls, str(name)):
            prop = field or shown.get(lowered, str(name))
            raise PSRuntimeError(ErrorRecord(
                message=message("PropertyAssignmentException", prop),
                error_id="PropertyAssignmentException", category="InvalidOperation",
                reason="RuntimeException"))
        raise PSRuntimeError(ErrorRecord(
            message=message("PropertyAssignmentNotFound", name), error_id="PropertyNotFound",
            category="InvalidOperation", reason="RuntimeException"))

    @property
    def warnings(self) -> list[str]:
        """Advisory texts from the last rule check (a cmdlet writes them as warnings)."""
        return list(self._warnings)

    def with_changes(self, **changes: Any) -> "ExchangeObject":
        """A copy with ``changes`` applied, converted and checked against the rules."""
        data = dict(self.__dict__)
        for name, value in changes.items():
            if hasattr(value, "apply"):  # a multi-valued @{Add=...; Remove=...} edit
                value = value.apply(data.get(name))
            data[name] = value
        return type(self).model_validate(data)

    # ---------------------------------------------------- directory placement
    def server_key(self) -> str:
        """The server a name is unique within ('' for organization-wide objects)."""
        return ""

    def distinguished_name(self, directory: Directory) -> str:
        raise NotImplementedError

    def place(self, directory: Directory) -> None:
        """Fill the directory-derived properties (DN, category, originating DC)."""
        self.DistinguishedName = self.distinguished_name(directory)
        self.ObjectCategory = directory.schema_category(self.OBJECT_CATEGORY)
        self.OriginatingServer = directory.domain_controller

    # ------------------------------------------------------- computed values
    @property
    def Identity(self) -> str:  # noqa: N802 - Exchange's property name
        return self.Name

    @property
    def ObjectClass(self) -> list[str]:  # noqa: N802
        return list(self.OBJECT_CLASS)

    @property
    def WhenCreated(self) -> datetime:  # noqa: N802
        return self.WhenCreatedUTC.astimezone().replace(tzinfo=None)

    @property
    def WhenChanged(self) -> datetime:  # noqa: N802
        return self.WhenChangedUTC.astimezone().replace(tzinfo=None)

    @property
    def IsValid(self) -> bool:  # noqa: N802
        private = self.__pydantic_private__
        if private["_valid"] is None:
            try:
                warnings = self.check_rules()
            except ValidationError:
                private["_valid"] = False
            else:
                private["_warnings"] = warnings
                private["_valid"] = True
        return private["_valid"]

    @property
    def rules_checked(self) -> bool:
        """True when the rules passed since the last change (the store then need not
        run them again before writing)."""
        return self.__pydantic_private__["_valid"] is True

    def display_value(self, name: str) -> Any:
        """A property as Get-* shows it (UTC times without a zone, like .NET's DateTime)."""
        value = getattr(self, name)
        if isinstance(value, datetime) and value.tzinfo is not None:
            return value.astimezone(timezone.utc).replace(tzinfo=None)
        return value

    def ps_properties(self) -> Hashtable:
        """Name -> value in Format-List order (cached until a property changes: read only)."""
        private = self.__pydantic_private__
        view = private["_view"]
        if view is None:
            display = self.display_value
            view = Hashtable([(name, display(name)) for name in self._display_order])
            private["_view"] = view
        return view

    @classmethod
    def property_names(cls) -> tuple[str, ...]:
        return cls._display_order

    def ps_type_names(self) -> list[str]:
        return list(self.TYPE_NAMES)

    def __str__(self) -> str:
        return str(self.Identity)


def _convert_for(model: type[ExchangeObject], name: str, value: Any) -> Any:
    """``value`` converted by the value-type validator of field ``name`` (as is if none)."""
    for meta in model.model_fields[name].metadata:
        validator = getattr(meta, "func", None)
        if validator is not None:
            return validator(value)
    return value


def _convert_for_setting(model: type[ExchangeObject], name: str, value: Any) -> Any:
    """``value`` as field ``name`` holds it: Exchange value types through their
    converters, .NET primitives (Int32, Boolean, String) by PowerShell's casts."""
    import typing

    from exshell.language.conversions import convert_to
    from exshell.language.values import unwrap

    value = unwrap(value)
    field = model.model_fields[name]
    for meta in field.metadata:
        validator = getattr(meta, "func", None)
        if validator is not None:
            return validator(value)
    target = field.annotation
    optional = typing.get_origin(target) in (typing.Union, getattr(__import__("types"), "UnionType", None))
    if optional:
        target = next((arg for arg in typing.get_args(target) if arg is not type(None)), object)
    if value is None:
        return None if optional or target is str else convert_to(value, target)
    if target in (int, bool, str, float):
        return convert_to(value, target)
    return value


def _setting_failed(name: str, reason: str) -> PSRuntimeError:
    from exshell.errors import ErrorRecord, message

    return PSRuntimeError(ErrorRecord(
        message=message("ExceptionWhenSetting", name, reason), error_id="ExceptionWhenSetting",
        category="NotSpecified", reason="SetValueInvocationException",
        exception_type="System.Management.Automation.SetValueInvocationException"))


def _bound(model: type[ExchangeObject], name: str, text: Any) -> Any:
    """A range bound converted like a value of property ``name``."""
    converted = _convert_for(model, name, text)
    return converted.value if hasattr(converted, "is_unlimited") else converted


def check_name(name: str) -> None:
    """Exchange's name rules: present, not blank, at most 64 characters."""
    if name is None or not str(name).strip():
        fail("The Name property can't be empty.", "NameEmpty")
    if len(name) > MAX_NAME_LENGTH:
        fail(f"The length of the property is too long. The maximum length is {MAX_NAME_LENGTH} "
             f"and the length of the value provided is {len(name)}.", "NameTooLong", target=name)


def first_or_none(values: Iterable[Any]) -> Any:
    for value in values:
        return value
    return None
