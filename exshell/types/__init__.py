"""Exchange value types: typed parameter values that bind, display and persist
as the Exchange Management Shell's do.

Every type follows the ``ParameterType`` protocol of exshell/cmdlets/base.py
(``dotnet_name``, ``reference_name``, ``convert(value)`` raising
``ConversionError``); values are immutable, hashable, compare by value, display
in Exchange's form and read back from it (``T.convert(str(x)) == x``).
``registry.REFERENCE_TYPES`` maps the reference's type names to these types.
"""
from exshell.types.address_space import AddressSpace
from exshell.types.bytesize import ByteQuantifiedSize
from exshell.types.common import in_range
from exshell.types.enums import *  # noqa: F401,F403 - every enum class by its own name
from exshell.types.enums import ENUMS
from exshell.types.multivalued import MultiValued, MultiValuedEdit, MultiValuedProperty
from exshell.types.smtp import SmtpAddress, SmtpDomain, SmtpDomainWithSubdomains, SmtpX509Identifier
from exshell.types.timespan import EnhancedTimeSpan
from exshell.types.unlimited import Unlimited, UnlimitedValue
