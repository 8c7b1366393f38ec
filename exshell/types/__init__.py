"""Exchange value types: typed parameter values that bind, display and persist
as the Exchange Management Shell's do.

Every type follows the ``ParameterType`` protocol of exshell/cmdlets/base.py
(``dotnet_name``, ``reference_name``, ``convert(value)`` raising
``ConversionError``); values are immutable, hashable, compare by value, display
in Exchange's form and read back from it (``T.convert(str(x)) == x``; secrets
are the exception: a credential never prints its password).
``registry.REFERENCE_TYPES`` maps the reference's type names to these types.

``UsageType`` is the Receive connector's usage enum (Custom, Internet, Internal,
Client, Partner); New-SendConnector's narrower one is ``SendConnectorUsageType``.
"""
from exshell.types.address_space import AddressSpace
from exshell.types.bytesize import ByteQuantifiedSize
from exshell.types.common import in_range
from exshell.types.credential import PSCredential, SecureString
from exshell.types.enums import *  # noqa: F401,F403 - every enum class by its own name
from exshell.types.enums import ENUMS, ReceiveConnectorUsageType
from exshell.types.identity import *  # noqa: F401,F403 - every identity type by its own name
from exshell.types.identity import IDENTITY_TYPES, IdParameter
from exshell.types.multivalued import MultiValued, MultiValuedEdit, MultiValuedProperty
from exshell.types.network import Fqdn, IPAddress, IPBinding, IPRange, SmartHost
from exshell.types.scalars import (
    CultureInfo, Guid, LocalLongFullPath, LongPath, ObjectType, ProductKey,
    QueueViewerSortOrderEntry,
)
from exshell.types.smtp import SmtpAddress, SmtpDomain, SmtpDomainWithSubdomains, SmtpX509Identifier
from exshell.types.timespan import EnhancedTimeSpan
from exshell.types.unlimited import Unlimited, UnlimitedValue

UsageType = ReceiveConnectorUsageType
