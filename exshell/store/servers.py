"""The organization's bootstrap and its transport servers.

Contract:
  * ``local_server_name()`` - the first label of $EXSHELL_SERVER, else of the host
    name; a dotted value also gives the server's FQDN (``local_server_fqdn()``).
  * ``ensure_organization(store)`` - first use of a store: records the AD domain
    ($EXSHELL_DOMAIN, else the domain of a dotted $EXSHELL_SERVER, else
    contoso.com: the documentation's organization) and
    creates what Exchange setup creates once per organization: Transport
    Settings, the Default ('*') remote domain and the authoritative default
    accepted domain for the organization's domain (Name = DomainName = domain).
  * ``ensure_local_server(store)`` - registers the local server as a 2010 Hub
    Transport server the first time a process uses the store.
  * ``add_transport_server(store, name, role='HubTransport'|'Edge', fqdn=None,
    site=None, edition='Standard')`` - registers another server (what setup does
    on a new machine): an ExchangeServer and a TransportServer object sharing one
    Guid and DN, plus the Receive connectors setup creates on that role:
      Hub:  'Default <SERVER>' on 0.0.0.0:25 and [::]:25, all remote addresses,
            ExchangeUsers/ExchangeServers/ExchangeLegacyServers;
            'Client <SERVER>' on port 587 for ExchangeUsers.
      Edge: 'Default internal receive connector <SERVER>' on 0.0.0.0:25 for
            AnonymousUsers, ExchangeServers and Partners.
    Raises AlreadyExists for a registered name.
  * ``server_roles(store, names)`` - name -> 'HubTransport'|'Edge' for the given
    servers; raises NotFound for an unregistered one (what SourceTransportServers
    validation needs: "all hub or all edge").
"""
from __future__ import annotations

import os
import socket
from typing import Any, Iterable, Optional

from exshell.store.errors import AlreadyExists, ValidationError
from exshell.store.models import (
    AcceptedDomain, ExchangeServer, ReceiveConnector, TransportConfig, TransportServer, default_remote_domain,
)
from exshell.store.models.receive_connector import ALL_IPV4, ALL_IPV6
from exshell.store.models.server import EDGE, EDGE_DEFAULTS, HUB, SERVER_ROLES

DEFAULT_DOMAIN = "contoso.com"
DEFAULT_ORGANIZATION = "First Organization"


def _local_server_setting() -> str:
    return os.environ.get("EXSHELL_SERVER", "").strip() or socket.gethostname() or "localhost"


def local_server_name() -> str:
    """The local server's name: the first label of $EXSHELL_SERVER or the host name."""
    return _local_server_setting().split(".", 1)[0]


def local_server_fqdn() -> Optional[str]:
    """The FQDN when $EXSHELL_SERVER (or the host name) gives one, else None (name.domain)."""
    setting = _local_server_setting()
    return setting if "." in setting else None


def ensure_organization(store: Any) -> None:
    db = store.db
    known = db.meta("domain")
    if known is not None:
        # Stores made before setup's accepted domain was created get it now: an
        # organization always has its default accepted domain.
        if db.execute("SELECT 1 FROM objects WHERE kind = 'AcceptedDomain' LIMIT 1").fetchone() is None:
            store.add(organization_accepted_domain(known))
        return
    fqdn = local_server_fqdn()
    domain = (os.environ.get("EXSHELL_DOMAIN", "").strip().lower()
              or (fqdn.split(".", 1)[1].lower() if fqdn else DEFAULT_DOMAIN))
    db.set_meta("domain", domain)
    db.set_meta("organization", DEFAULT_ORGANIZATION)
    db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('config_revision', '0')")
    store._directory = None
    store.add(TransportConfig())
    store.add(default_remote_domain())
    store.add(organization_accepted_domain(domain))


def organization_accepted_domain(domain: str) -> AcceptedDomain:
    """The accepted domain setup creates for the organization's own domain: named
    after it, authoritative, and the default (there is always exactly one)."""
    return AcceptedDomain(Name=domain, DomainName=domain, DomainType="Authoritative",
                          Default=True)


def ensure_local_server(store: Any) -> None:
    name = local_server_name()
    if name.lower() in store._local_server_checked:
        return
    row = store.db.execute(
        "SELECT 1 FROM objects WHERE kind = 'ExchangeServer' AND name_key = ?", (name.lower(),)
    ).fetchone()
    if row is None:
        add_transport_server(store, name, fqdn=local_server_fqdn())
    store._local_server_checked.add(name.lower())


def add_transport_server(store: Any, name: str, role: str = HUB, fqdn: Optional[str] = None,
                         site: Optional[str] = None, edition: str = "Standard") -> ExchangeServer:
    role = _role_name(role)
    name = name.strip()
    if not name or any(ch in name for ch in "\\/:*?\"<>| ."):
        raise ValidationError(f'"{name}" isn\'t a valid server name. Use the server\'s NetBIOS '
                              "name (for example, EXCH01).", "InvalidServerName", target=name)
    with store.transaction():
        if store.db.execute("SELECT 1 FROM objects WHERE kind = 'ExchangeServer' AND "
                            "name_key = ?", (name.lower(),)).fetchone():
            raise AlreadyExists(f'The server "{name}" is already part of the organization.',
                                "ServerAlreadyExists", target=name)
        directory = store.directory
        fqdn = fqdn or f"{name}.{directory.domain}"
        is_edge = role == EDGE
        server = ExchangeServer(
            Name=name, Fqdn=fqdn, Domain=directory.domain, Edition=edition,
            Site=site or directory.site_id, ServerRole=role,
            IsHubTransportServer=not is_edge, IsEdgeServer=is_edge,
            NetworkAddress=[f"ncacn_ip_tcp:{fqdn}", f"netbios:{name}"],
            ExchangeLegacyDN=(f"/o={directory.organization}/ou=Exchange Administrative Group "
                              f"(FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn={name}"),
            OrganizationalUnit=f"{directory.domain}/{name}",
            ExchangeLegacyServerRole=0,
        )
        store.add(server)
        transport = TransportServer(Name=name, Guid=server.Guid,
                                    **(EDGE_DEFAULTS if is_edge else {}))
        store.add(transport)
        for connector in default_receive_connectors(name, fqdn, role):
            store.add(connector)
    return server


def default_receive_connectors(server: str, fqdn: str, role: str) -> list[ReceiveConnector]:
    """The Receive connectors Exchange 2010 setup creates for a server of ``role``."""
    if role == EDGE:
        return [ReceiveConnector(
            Name=f"Default internal receive connector {server}", Server=server, Fqdn=fqdn,
            Bindings=["0.0.0.0:25"], RemoteIPRanges=[ALL_IPV4],
            PermissionGroups="AnonymousUsers, ExchangeServers, Partners",
            AuthMechanism="Tls, ExchangeServer", ConnectionTimeout="00:05:00",
            ConnectionInactivityTimeout="00:01:00", MessageRateLimit=600)]
    return [
        ReceiveConnector(
            Name=f"Default {server}", Server=server, Fqdn=fqdn,
            Bindings=["0.0.0.0:25", "[::]:25"], RemoteIPRanges=[ALL_IPV6, ALL_IPV4],
            PermissionGroups="ExchangeUsers, ExchangeServers, ExchangeLegacyServers",
            AuthMechanism="Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer"),
        ReceiveConnector(
            Name=f"Client {server}", Server=server, Fqdn=fqdn,
            Bindings=["0.0.0.0:587", "[::]:587"], RemoteIPRanges=[ALL_IPV6, ALL_IPV4],
            PermissionGroups="ExchangeUsers",
            AuthMechanism="Tls, Integrated, BasicAuth, BasicAuthRequireTLS"),
    ]


def server_roles(store: Any, names: Iterable[Any]) -> dict[str, str]:
    roles: dict[str, str] = {}
    for name in names:
        registered, role = store.server_role(name)
        roles[registered] = role
    return roles


def _role_name(role: Any) -> str:
    text = str(role).strip()
    for known in SERVER_ROLES:
        if text.lower() in (known.lower(), known.lower().replace("transport", "")):
            return known
    raise ValidationError(f'"{text}" isn\'t a transport server role. Valid values are '
                          "HubTransport and Edge.", "InvalidServerRole", target=text)


__all__ = ["local_server_name", "ensure_organization", "ensure_local_server", "organization_accepted_domain",
           "add_transport_server", "default_receive_connectors", "server_roles"]
