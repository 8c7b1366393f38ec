"""Default output views of the Exchange configuration objects.

The Exchange Management Shell ships format files that show each Get- cmdlet's
objects as a short table (``Get-SendConnector`` prints Identity, AddressSpaces
and Enabled) while ``Format-List`` shows every property.  ``DEFAULT_VIEWS`` is
that one table of facts, keyed by the .NET type name the store models report
first from ``ps_type_names()``; ``register_views()`` hands it to the formatter
(exshell.host.format.register_view).

Objects read back with Import-Clixml carry the same names prefixed with
``Deserialized.``; PowerShell formats those with the same views, so both names
are registered.
"""
from __future__ import annotations

_SYSCONFIG = "Microsoft.Exchange.Data.Directory.SystemConfiguration."

#: type name -> (view kind, columns).  A list view with no columns shows every property.
DEFAULT_VIEWS: dict[str, tuple[str, tuple[str, ...]]] = {
    _SYSCONFIG + "SmtpSendConnectorConfig": ("table", ("Identity", "AddressSpaces", "Enabled")),
    _SYSCONFIG + "ReceiveConnector": ("table", ("Identity", "Bindings", "Enabled")),
    _SYSCONFIG + "AcceptedDomain": ("table", ("Name", "DomainName", "DomainType", "Default")),
    _SYSCONFIG + "DomainContentConfig": ("table", ("Name", "DomainName", "AllowedOOFType")),
    _SYSCONFIG + "ForeignConnector": ("table", ("Identity", "AddressSpaces", "Enabled")),
    _SYSCONFIG + "TransportServer": ("table", ("Name",)),
    "Microsoft.Exchange.Data.Directory.Management.ExchangeServer": (
        "table", ("Name", "Site", "ServerRole", "Edition", "AdminDisplayVersion")),
    _SYSCONFIG + "TransportConfigContainer": ("list", ()),
}

DESERIALIZED_PREFIX = "Deserialized."

_registered = False


def register_views() -> None:
    """Register every default view once per process (the formatter keeps them)."""
    global _registered
    if _registered:
        return
    from exshell.host import format as formatter

    for type_name, (kind, columns) in DEFAULT_VIEWS.items():
        for name in (type_name, DESERIALIZED_PREFIX + type_name):
            if kind == "table":
                formatter.register_view(name, table=list(columns), kind="table")
            else:
                formatter.register_view(name, list=list(columns) or None, kind="list")
    _registered = True
