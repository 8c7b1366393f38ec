"""The exceptions the organization store raises, each carrying an ErrorRecord.

Contract: every failure the store can report to a user is one of these classes.
They derive from ``exshell.errors.PSRuntimeError``, so an exception that a
cmdlet forgets to catch still prints as a proper Exchange-style error instead of
a traceback.  Cmdlets (exshell/cmdlets/exchange) normally catch ``StoreError``
and call ``err.to_record(command_type_name, extent)`` to get a record naming
their task class, then ``write_error`` or ``throw_terminating_error`` it.

    StoreError            base: message, error id, category, .NET exception name
     +- ValidationError   an Exchange rule was broken (model validators)
     +- NotFound          an identity matched nothing ("couldn't be found on ...")
     +- AmbiguousIdentity an identity matched several objects
     +- AlreadyExists     a name (or domain name, binding...) is already taken
     +- StoreUnavailable  the database file cannot be opened or written
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Optional

from exshell.errors import ErrorRecord, PSRuntimeError


class StoreError(PSRuntimeError):
    """A store failure with Exchange's category and exception names.

    ``error_id`` names the broken rule (``SmartHostsRequireDnsRoutingDisabled``);
    Exchange prints a hex id there, a readable name serves scripts better and
    keeps the FullyQualifiedErrorId stable.
    """

    category = "NotSpecified"
    exception_name = "Microsoft.Exchange.Data.DataValidationException"
    default_error_id = "StoreError"

    def __init__(self, message: str, error_id: Optional[str] = None, target: Any = None,
                 category: Optional[str] = None):
        self.message = message
        self.error_id = error_id or self.default_error_id
        self.target = target
        if category:
            self.category = category
        super().__init__(self._record())

    def _record(self) -> ErrorRecord:
        short_name = self.exception_name.rsplit(".", 1)[-1]
        target_name = "" if self.target is None else str(self.target)
        return ErrorRecord(
            message=self.message,
            error_id=self.error_id,
            category=self.category,
            target_object=self.target,
            target_name=target_name,
            target_type=_type_name(self.target),
            reason=short_name,
            exception_type=self.exception_name,
        )

    def to_record(self, command_type_name: str = "", extent: Any = None,
                  activity: str = "") -> ErrorRecord:
        """The record as a cmdlet reports it (its task class in the FQID)."""
        return replace(self.record, command_type_name=command_type_name, extent=extent,
                       activity=activity)

    def __str__(self) -> str:
        return self.message


_PRIMITIVE_NAMES = {bool: "Boolean", int: "Int32", float: "Double", str: "String"}


def _type_name(target: Any) -> str:
    """The short .NET type name PowerShell prints after the target in CategoryInfo
    (``(nope:String)``, ``(Contoso:SmtpSendConnectorConfig)``)."""
    if target is None:
        return ""
    primitive = _PRIMITIVE_NAMES.get(type(target))
    if primitive:
        return primitive
    type_names = getattr(target, "ps_type_names", None)
    if callable(type_names):
        names = type_names()
        if names:
            return str(names[0]).rsplit(".", 1)[-1]
    dotnet = getattr(target, "dotnet_name", None) or getattr(type(target), "dotnet_name", None)
    if isinstance(dotnet, str) and dotnet:
        return dotnet.split("[", 1)[0].rsplit(".", 1)[-1]
    return type(target).__name__


class ValidationError(StoreError):
    """An Exchange rule on an object's properties does not hold."""

    category = "InvalidArgument"
    exception_name = "Microsoft.Exchange.Data.DataValidationException"
    default_error_id = "DataValidation"


class NotFound(StoreError):
    """An identity names no object of the kind asked for."""

    category = "ObjectNotFound"
    exception_name = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"
    default_error_id = "ObjectNotFound"


class AmbiguousIdentity(StoreError):
    """An identity (a receive connector name present on two servers) matches several objects."""

    category = "InvalidArgument"
    exception_name = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException"
    default_error_id = "ObjectAmbiguous"


class AlreadyExists(StoreError):
    """A unique value (name, domain name) is already used by another object."""

    category = "ResourceExists"
    exception_name = "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException"
    default_error_id = "ObjectAlreadyExists"


class StoreUnavailable(StoreError):
    """The store file cannot be opened, created or written."""

    category = "ResourceUnavailable"
    exception_name = "Microsoft.Exchange.Data.Directory.ADTransientException"
    default_error_id = "StoreUnavailable"


def not_found_message(identity: Any, domain_controller: str) -> str:
    """Exchange 2010's wording for an identity that matched nothing."""
    return (f"The operation couldn't be performed because object '{identity}' couldn't be "
            f"found on '{domain_controller}'.")


def ambiguous_message(identity: Any) -> str:
    """Exchange 2010's wording for an identity that matched more than one object."""
    return f"The operation couldn't be performed because '{identity}' matches multiple entries."
