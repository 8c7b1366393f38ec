"""Exchange servers: Get-ExchangeServer, Set-ExchangeServer, and New-TransportServer.

The organization's servers are registered in the store: the local server
(``EXSHELL_SERVER`` or the host name) the first time it is needed, with
Exchange 2010 Hub Transport defaults, and any further server through
``New-TransportServer``.  Exchange adds servers when setup runs on them; this
shell has no setup, so New-TransportServer is the documented way to name more
Hub Transport or Edge servers, which ``-SourceTransportServers`` and
``Set-TransportServer SERVER`` then accept.  It is exshell's own cmdlet, not an
Exchange one.

Server identities may be written as the short name or the FQDN
(``Set-ExchangeServer -Identity TestServer.Contoso.com``).
"""
from __future__ import annotations

from typing import Any, Iterable

from exshell import types as T
from exshell.cmdlets.base import Param, cmdlet
from exshell.cmdlets.exchange.common import (
    LATER, ExchangeCmdlet, ExchangeGet, ExchangeSet, ref_type, store_errors,
)
from exshell.language.values import SwitchParameter


class ExchangeServerCmdlet:
    kind = "ExchangeServer"
    label = "Exchange server"

    def select(self, identity: Any) -> Iterable[Any]:
        domain = self.bound.get("Domain")
        if domain is not None:
            suffix = "." + str(domain).lower()
            return [s for s in self.store.list(self.kind) if str(s.Fqdn).lower().endswith(suffix)]
        return ExchangeGet.select(self, identity)


class SetExchangeServerBase(ExchangeServerCmdlet, ExchangeSet):
    def adjust_set(self, current: Any, changes: dict[str, Any]) -> None:
        # A product key is not a property: it licenses the server.  Exchange keeps
        # a product ID, never the key, and leaves trial mode.
        key = changes.pop("ProductKey", None)
        if key is None:
            return
        changes["ProductID"] = "XXXXX-XXXXX-XXXXX-XXXXX-" + str(key)[-5:].upper()
        changes["IsExchange2007TrialEdition"] = False
        changes["IsExpiredExchange2007TrialEdition"] = False
        self.write_warning("The product key has been validated and the product ID created. You "
                           "need to restart the Microsoft Exchange Information Store service for "
                           "this change to take effect.")


@cmdlet(
    "Get-ExchangeServer",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.GetExchangeServer",
    default_set="Identity",
    synopsis=("Lists the Exchange servers of the organization with their roles, site, edition and "
              "version."),
)
class GetExchangeServer(ExchangeServerCmdlet, ExchangeGet):
    Identity = Param(T.ServerIdParameter, sets=['Identity'], position=1, from_pipeline=True)
    Domain = Param(T.Fqdn, sets=['Domain'], mandatory=True)
    DomainController = Param(T.Fqdn)
    Status = Param(SwitchParameter)


@cmdlet(
    "Set-ExchangeServer",
    should_process=True,
    confirm_impact="Medium",
    exchange=True,
    command_type_name="Microsoft.Exchange.Management.SystemConfigurationTasks.SetExchangeServer",
    synopsis=("Changes server-wide settings such as error reporting and the customer feedback "
              "program."),
)
class SetExchangeServer(SetExchangeServerBase):
    Identity = Param(T.ServerIdParameter, mandatory=True, position=1, from_pipeline=True)
    CustomerFeedbackEnabled = Param(bool)
    DataCollectionEnabled = Param(bool, versions=LATER)
    DomainController = Param(T.Fqdn)
    ErrorReportingEnabled = Param(bool)
    InternetWebProxy = Param(ref_type("Uri"))
    InternetWebProxyBypassList = Param(T.MultiValued(str), versions=LATER)
    MitigationsApplied = Param(T.MultiValued(str), versions=LATER)
    MitigationsBlocked = Param(T.MultiValued(str), versions=LATER)
    MitigationsEnabled = Param(bool, versions=LATER)
    MonitoringGroup = Param(str, versions=LATER)
    ProductKey = Param(ref_type("ProductKey"))
    RingLevel = Param(str, versions=LATER)
    StaticConfigDomainController = Param(str)
    StaticDomainControllers = Param(T.MultiValued(str))
    StaticExcludedDomainControllers = Param(T.MultiValued(str))
    StaticGlobalCatalogs = Param(T.MultiValued(str))


@cmdlet(
    "New-TransportServer",
    should_process=True,
    confirm_impact="Medium",
    command_type_name="Exshell.Commands.NewTransportServer",
    synopsis=("Registers another Hub Transport or Edge server in the organization (Exchange setup does "
              "this on a real server); connectors and Set-TransportServer can then name it."),
    examples=[
        ("New-TransportServer -Name HUB02 -Role HubTransport",
         "Adds the Hub Transport server HUB02 with Exchange 2010 defaults."),
        ("New-TransportServer EDGE01 -Role Edge -Fqdn edge01.contoso.com",
         "Adds an Edge Transport server with its FQDN."),
    ],
)
class NewTransportServer(ExchangeServerCmdlet, ExchangeCmdlet):
    Name = Param(str, mandatory=True, position=1)
    Role = Param(str, values=["HubTransport", "Edge"])
    Fqdn = Param(T.Fqdn)

    def process(self) -> None:
        from exshell.store.servers import add_transport_server

        role = self.Role or "HubTransport"
        name = self.Name
        try:
            with self.store.transaction():
                if not self.confirm(f'Registering {role} server "{name}".'):
                    return
                fqdn = str(self.Fqdn) if self.Fqdn is not None else None
                server = add_transport_server(self.store, name, role=role, fqdn=fqdn)
        except store_errors() as exc:
            self.report(exc)
            return
        self.write_object(server)
