"""The remaining parameter types of the reference cmdlets: .NET scalars (Guid,
Uri, CultureInfo), Exchange paths and product keys, queue sort orders, and
object-only parameters fed from the pipeline.

Contract: same protocol as every exshell type (``dotnet_name``,
``reference_name``, ``convert``), immutable values that display as written and
read back from their display.
  * ``Guid``: ``xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`` (braces allowed); shown
    lower-case without braces as .NET does.
  * ``Uri``: an absolute URI (scheme required).  ``CultureInfo``: ``en-US`` style.
  * ``LocalLongFullPath``/``LongPath``: a full local path (``C:\\Logs`` or an
    absolute POSIX path on this host).
  * ``ProductKey``: five hyphen-separated groups of five letters or digits.
  * ``QueueViewerSortOrderEntry``: ``+Property`` or ``-Property``.
  * ``ObjectType(reference_name, dotnet_name)``: a parameter that takes an object
    from the pipeline as is (``-Instance <ADAcePresentationObject>``); text fails.
"""
from __future__ import annotations

import re
from typing import Any

from exshell.types.common import PatternTextValue, cast_failure


class Guid(PatternTextValue):
    """System.Guid."""

    dotnet_name = "System.Guid"
    reference_name = "Guid"
    __slots__ = ()

    _FORM = re.compile(r"^\{?([0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})\}?$")
    _INVALID = "InvalidGuid"

    @classmethod
    def _accept(cls, match: Any) -> str:
        return match.group(1).lower()

    @classmethod
    def new(cls) -> "Guid":
        import uuid

        return cls(str(uuid.uuid4()))


class Uri(PatternTextValue):
    """System.Uri (absolute)."""

    dotnet_name = "System.Uri"
    reference_name = "Uri"
    __slots__ = ()

    _FORM = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^\s/?#]+[^\s]*$")
    _INVALID = "InvalidUri"

    @property
    def _key(self) -> Any:
        return self._text


class CultureInfo(PatternTextValue):
    """System.Globalization.CultureInfo, named ``language[-REGION]``."""

    dotnet_name = "System.Globalization.CultureInfo"
    reference_name = "CultureInfo"
    __slots__ = ()

    _FORM = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
    _INVALID = "CultureNotSupported"

    @classmethod
    def _accept(cls, match: Any) -> str:
        parts = match.string.split("-")
        parts[0] = parts[0].lower()
        if len(parts) > 1 and len(parts[-1]) == 2:
            parts[-1] = parts[-1].upper()  # region codes are upper case (en-US)
        return "-".join(parts)


class LocalLongFullPath(PatternTextValue):
    """A full path on the local server (Exchange log directories)."""

    dotnet_name = "Microsoft.Exchange.Data.LocalLongFullPath"
    reference_name = "LocalLongFullPath"
    __slots__ = ()

    _WINDOWS = re.compile(r'^[A-Za-z]:\\(?:[^<>:"/\\|?*\x00-\x1f]+\\?)*$')
    _POSIX = re.compile(r"^/[^\x00]*$")
    _INVALID = "InvalidLocalLongFullPath"

    @classmethod
    def _match(cls, text: str) -> Any:
        return cls._WINDOWS.match(text) or cls._POSIX.match(text)

    @property
    def path_name(self) -> str:
        return self._text

    @property
    def _key(self) -> Any:
        return self._text.lower() if self._text[1:2] == ":" else self._text


class LongPath(LocalLongFullPath):
    """Microsoft.Exchange.Data.LongPath (same shape as LocalLongFullPath)."""

    dotnet_name = "Microsoft.Exchange.Data.LongPath"
    reference_name = "LongPath"
    __slots__ = ()


class ProductKey(PatternTextValue):
    """An Exchange product key ``XXXXX-XXXXX-XXXXX-XXXXX-XXXXX``."""

    dotnet_name = "Microsoft.Exchange.Management.SystemConfigurationTasks.ProductKey"
    reference_name = "ProductKey"
    __slots__ = ()

    _FORM = re.compile(r"^[A-Za-z0-9]{5}(?:-[A-Za-z0-9]{5}){4}$")
    _INVALID = "InvalidProductKey"

    @classmethod
    def _accept(cls, match: Any) -> str:
        return match.string.upper()


class QueueViewerSortOrderEntry(PatternTextValue):
    """One ``-SortOrder`` entry of the queue viewer cmdlets."""

    dotnet_name = "Microsoft.Exchange.Data.QueueViewerSortOrderEntry"
    reference_name = "QueueViewerSortOrderEntry"
    __slots__ = ()

    _FORM = re.compile(r"^([+-]?)([A-Za-z][A-Za-z0-9]*)$")
    _INVALID = "InvalidSortOrderEntry"

    @classmethod
    def _accept(cls, match: Any) -> str:
        return (match.group(1) or "+") + match.group(2)

    @property
    def ascending(self) -> bool:
        return self._text.startswith("+")

    @property
    def property_name(self) -> str:
        return self._text[1:]


class ObjectType:
    """A parameter type filled with objects from the pipeline, passed through as is."""

    def __init__(self, reference_name: str, dotnet_name: str):
        self.reference_name = reference_name
        self.dotnet_name = dotnet_name

    def __repr__(self) -> str:
        return f"ObjectType({self.reference_name!r})"

    def convert(self, value: Any) -> Any:
        if value is None or not isinstance(value, (str, int, float, bool)):
            return value
        cast_failure(value, self.dotnet_name)


ADAcePresentationObject = ObjectType(
    "ADAcePresentationObject",
    "Microsoft.Exchange.Management.RecipientTasks.ADAcePresentationObject")
ExtensibleMessageInfo = ObjectType(
    "ExtensibleMessageInfo", "Microsoft.Exchange.Data.QueueViewer.ExtensibleMessageInfo")
ExtensibleQueueInfo = ObjectType(
    "ExtensibleQueueInfo", "Microsoft.Exchange.Data.QueueViewer.ExtensibleQueueInfo")
X509Certificate2 = ObjectType(
    "X509Certificate2", "System.Security.Cryptography.X509Certificates.X509Certificate2")
