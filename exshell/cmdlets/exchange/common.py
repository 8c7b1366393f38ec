"""What every Exchange configuration cmdlet shares: store access, identity
resolution, Exchange-style error records, WhatIf/Confirm wording, and the four
handler shapes (New-, Get-, Set-, Remove-) the per-noun modules build on.

Contract for a per-noun module (send_connector.py, ...):
  * declare the cmdlet with ``@cmdlet(..., exchange=True, command_type_name=...)``
    and one ``Param`` per reference parameter; parameters that exist only in
    later Exchange versions carry ``versions=LATER``;
  * subclass ``ExchangeNew``/``ExchangeGet``/``ExchangeSet``/``ExchangeRemove``
    and set ``kind`` (the store's object kind) and ``label`` (how Exchange names
    the object class in messages: "Send connector");
  * override the small hooks (``adjust_new``, ``adjust_set``, ``select``) for
    rules that belong to a cmdlet rather than to the stored object.  Rules on
    the object itself live on the store models (exshell/store), never here.

Every New-/Set-/Remove- invocation works inside one store transaction (per
pipeline object): a cmdlet that fails changes nothing.  Everything that can
stop the command after the write (its warnings, a write_error under
-ErrorAction Stop, ShouldProcess) runs inside that transaction, so any
exception ending the invocation rolls the write back.  Get- reads need none.
Failures become non-terminating error records naming the Exchange task class
in their FullyQualifiedErrorId, as Exchange writes them.
"""
from __future__ import annotations

from typing import Any, ClassVar, Iterable

from exshell.cmdlets.base import Cmdlet
from exshell.errors import ErrorRecord

#: the versions after 2010: a parameter declared with these only is not bindable
#: here; the declaration lets the hint engine name the version that has it.
LATER = ("2013", "2016", "2019", "SE")

#: parameters that steer a cmdlet rather than set a property of the object.
CONTROL_PARAMETERS = frozenset({
    "Identity", "DomainController", "Force", "Server", "Usage", "Custom", "Internal",
    "Internet", "Partner", "Client", "MakeDefault", "IgnoreDefaultScope", "ResultSize",
    "Status", "Domain",
})


# ---------------------------------------------------------------- declaration helpers
def ref_type(reference_name: str) -> Any:
    """The exshell type for a reference type name that has no dedicated import here
    (rare Exchange types such as LocalLongFullPath); plain text when none exists."""
    from exshell.types.registry import REFERENCE_TYPES

    return REFERENCE_TYPES.get(reference_name, str)


class ModelRange:
    """``Param(validate=...)`` for a property whose range the store model states
    (``RANGES``): the model's table stays the one place of the fact, and the
    binder (and ``--check``) reports a value out of range with PowerShell's
    ValidateRange text before any object is built.  Resolved on first use, so
    declaring a cmdlet does not import the models."""

    __slots__ = ("kind", "name", "_check")

    def __init__(self, kind: str, name: str):
        self.kind, self.name = kind, name
        self._check: Any = None

    def __call__(self, value: Any) -> None:
        if self._check is None:
            from exshell.store.models import model_for
            from exshell.types import in_range

            bounds = model_for(self.kind).range_bounds().get(self.name)
            self._check = in_range(*bounds) if bounds else (lambda _value: None)
        self._check(value)


def attach_model_ranges(cls: type) -> None:
    """Give each property parameter of ``cls`` the model's range check, if it has one.

    Parameters a cmdlet inherits from a parameter mixin count as its own, as the
    binder sees them.  A mixin's ``Param`` is one object shared by every cmdlet
    that inherits it, so only cmdlets of one ``kind`` may share a mixin."""
    from exshell.cmdlets.base import Param

    declared: dict[str, Param] = {}
    for klass in reversed(cls.__mro__):
        declared.update((name, value) for name, value in vars(klass).items()
                        if isinstance(value, Param))
    for name, param in declared.items():
        if param.validate is None and name not in CONTROL_PARAMETERS:
            param.validate = ModelRange(cls.kind, name)


# ---------------------------------------------------------------- store access
def store_of(cmdlet: Cmdlet) -> Any:
    return cmdlet.context.store()


def identity_text(identity: Any) -> str:
    """The text an identity parameter was given (``SERVER\\Name``, a GUID, a name)."""
    raw = getattr(identity, "raw", None)
    return str(raw if raw is not None else identity)


def object_name(obj: Any) -> str:
    return str(getattr(obj, "Identity", None) or getattr(obj, "Name", ""))


def local_server(store: Any) -> str:
    """The name of the server this shell runs as (the store registers it on first use)."""
    from exshell.store.servers import local_server_name

    return local_server_name()


def _validated(make: Any) -> Any:
    """Run a model constructor; pydantic's own complaints (a missing required
    property, a value of the wrong shape) become the store's ValidationError."""
    from pydantic import ValidationError as ModelError

    from exshell.store.errors import ValidationError

    try:
        return make()
    except ModelError as exc:
        problem = exc.errors()[0]
        field = ".".join(str(part) for part in problem.get("loc", ())) or "value"
        if problem.get("type") == "missing":
            raise ValidationError(f"The {field} property can't be empty.", "PropertyRequired",
                                  target=field) from None
        raise ValidationError(f"The value of property '{field}' isn't valid: {problem.get('msg')}.",
                              "InvalidPropertyValue", target=field) from None


def _known(model: Any, properties: dict[str, Any]) -> None:
    """A bound value the model has no property for must not vanish silently."""
    from exshell.store.errors import ValidationError

    for name in properties:
        if name not in model.model_fields:
            raise ValidationError(f"The property '{name}' can't be set on a {model.KIND} object.",
                                  "PropertyNotSettable", target=name)


def build_object(kind: str, properties: dict[str, Any]) -> Any:
    """A new model of ``kind`` from bound properties, every rule on it checked."""
    from exshell.store.models import model_for

    model = model_for(kind)
    _known(model, properties)
    return _validated(lambda: model(**properties))


def changed_object(current: Any, changes: dict[str, Any]) -> Any:
    """``current`` with ``changes`` applied, every rule on it checked."""
    _known(type(current), changes)
    return _validated(lambda: current.with_changes(**changes))


class ExchangeCmdlet(Cmdlet):
    """Base of the Exchange configuration cmdlets; see the module docstring."""

    kind: ClassVar[str] = ""
    label: ClassVar[str] = ""
    control: ClassVar[frozenset] = CONTROL_PARAMETERS

    def begin(self) -> None:
        from exshell.cmdlets.exchange.views import register_views

        register_views()

    @property
    def store(self) -> Any:
        return store_of(self)

    # -- errors
    def record_for(self, exc: Exception) -> ErrorRecord:
        """An Exchange-style record for a store failure, naming this task class."""
        extent = getattr(getattr(self.runtime, "invocation", None), "extent", None)
        to_record = getattr(exc, "to_record", None)
        if callable(to_record):
            return to_record(self.info.command_type_name, extent, self.info.name)
        record = getattr(exc, "record", None)
        if isinstance(record, ErrorRecord):
            return record
        return ErrorRecord(message=str(exc), error_id=type(exc).__name__, category="NotSpecified",
                           activity=self.info.name, command_type_name=self.info.command_type_name,
                           extent=extent)

    def report(self, exc: Exception) -> None:
        self.write_error(self.record_for(exc))

    def warn_about(self, obj: Any) -> None:
        """The model's advisory texts (a setting that has no effect...) as warnings."""
        for text in getattr(obj, "warnings", ()):
            self.write_warning(text)

    # -- properties the user set
    def bound_properties(self) -> dict[str, Any]:
        """Bound parameters that name properties of the object (``bound`` holds only the
        cmdlet's own parameters; common ones stay with the runtime)."""
        return {name: value for name, value in self.bound.items() if name not in self.control}

    # -- WhatIf / Confirm in Exchange's wording
    def confirm(self, description: str) -> bool:
        """Ask ShouldProcess with Exchange's one-sentence description
        (``Removing Send connector "X".``); -WhatIf prints ``What if: <description>``."""
        runtime = self.runtime
        describe = getattr(runtime, "should_process_description", None)
        if callable(describe):
            return describe(description)
        return self.should_process(description, self.info.name)


def store_errors() -> tuple[type, ...]:
    from exshell.store.errors import StoreError

    return (StoreError,)


# ---------------------------------------------------------------- the four shapes
class ExchangeGet(ExchangeCmdlet):
    """Get-X [[-Identity] id]: every object, the wildcard matches, or one object.
    Reads need no transaction (the store reads a consistent snapshot)."""

    def process(self) -> None:
        try:
            found = list(self.select(self.bound.get("Identity")))
        except store_errors() as exc:
            self.report(exc)
            return
        for obj in found:
            self.write_object(obj)

    def select(self, identity: Any) -> Iterable[Any]:
        return self.store.find(self.kind, identity)


class ExchangeNew(ExchangeCmdlet):
    """New-X -Name ...: build the object from the bound properties, validate, add, output."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        attach_model_ranges(cls)

    def process(self) -> None:
        properties = self.bound_properties()
        try:
            with self.store.transaction():
                self.adjust_new(properties)
                obj = build_object(self.kind, properties)
                if not self.confirm(f'Creating {self.label} "{object_name(obj)}".'):
                    return
                obj = self.store.add(obj) or obj
                # Inside the transaction: a warning that stops the command
                # (-WarningAction Stop, Inquire answered Halt) undoes the write.
                self.warn_about(obj)
        except store_errors() as exc:
            self.report(exc)
            return
        self.write_object(obj)

    def adjust_new(self, properties: dict[str, Any]) -> None:
        """Cmdlet-level defaults and rules before the object is built (usage types...)."""


class ExchangeSet(ExchangeCmdlet):
    """Set-X [-Identity] id -Prop value...: change only what was bound; writes nothing."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        attach_model_ranges(cls)

    def process(self) -> None:
        identity = self.bound.get("Identity")
        try:
            with self.store.transaction():
                current = self.resolve(identity)
                changes = self.changes_for(current)
                self.adjust_set(current, changes)
                updated = changed_object(current, changes)
                if not self.confirm(f'Setting {self.label} "{object_name(current)}".'):
                    return
                self.store.update(updated)
                self.warn_about(updated)  # inside: a stopping warning undoes the update
        except store_errors() as exc:
            self.report(exc)

    def resolve(self, identity: Any) -> Any:
        return self.store.get(self.kind, identity)

    def changes_for(self, current: Any) -> dict[str, Any]:
        """Bound properties, with multi-valued ``@{Add=...;Remove=...}`` edits applied
        to the object's current value."""
        changes = {}
        for name, value in self.bound_properties().items():
            apply = getattr(value, "apply", None)
            if callable(apply):
                value = apply(getattr(current, name, None))
            changes[name] = value
        return changes

    def adjust_set(self, current: Any, changes: dict[str, Any]) -> None:
        """Cmdlet-level rules that need the current object (MakeDefault...)."""


class ExchangeRemove(ExchangeCmdlet):
    """Remove-X [-Identity] id: confirm in Exchange's words, then delete."""

    def process(self) -> None:
        identity = self.bound.get("Identity")
        try:
            with self.store.transaction():
                target = self.store.get(self.kind, identity)
                self.check_removal(target)
        except store_errors() as exc:
            self.report(exc)
            return
        # Ask outside the transaction: a waiting prompt must not hold the write lock.
        if not self.confirm(f'Removing {self.label} "{object_name(target)}".'):
            return
        try:
            with self.store.transaction():
                self.store.remove(self.kind, target)
        except store_errors() as exc:
            self.report(exc)

    def check_removal(self, target: Any) -> None:
        """Refuse before asking when Exchange would refuse the removal anyway
        (the Default remote domain, the default accepted domain): the model knows."""
        target.check_removal(self.store)
