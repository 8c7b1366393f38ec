"""Server registration: the local server, added Hub/Edge servers, source-server rules."""
from __future__ import annotations

import pytest

from exshell.store.errors import AlreadyExists, NotFound, ValidationError
from exshell.store.models import ForeignConnector, SendConnector
from exshell.store.servers import add_transport_server, local_server_name


def test_local_server_name_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("EXSHELL_SERVER", "MAILBOX01")
    assert local_server_name() == "MAILBOX01"
    monkeypatch.delenv("EXSHELL_SERVER")
    assert local_server_name() and "." not in local_server_name()


def test_local_server_is_registered_with_2010_hub_defaults(store):
    server = store.local_server()
    shown = {name: str(value) for name, value in server.ps_properties().items()}
    assert shown["Name"] == "EXCH01"
    assert shown["Fqdn"] == "EXCH01.contoso.com"
    assert shown["ServerRole"] == "HubTransport"
    assert shown["AdminDisplayVersion"] == "Version 14.3 (Build 123.4)"
    assert shown["Edition"] == "Standard"
    assert shown["Site"] == "contoso.com/Configuration/Sites/Default-First-Site-Name"
    assert shown["IsHubTransportServer"] == "True" and shown["IsEdgeServer"] == "False"


@pytest.mark.parametrize("name, shown", [
    ("MessageRetryInterval", "00:01:00"),
    ("MessageExpirationTimeout", "2.00:00:00"),
    ("DelayNotificationTimeout", "04:00:00"),
    ("TransientFailureRetryCount", "6"),
    ("TransientFailureRetryInterval", "00:05:00"),
    ("OutboundConnectionFailureRetryInterval", "00:10:00"),
    ("MaxOutboundConnections", "1000"),
    ("MaxPerDomainOutboundConnections", "20"),
    ("ExternalDNSAdapterEnabled", "True"),
    ("ExternalDNSServers", "{}"),
    ("ExternalDNSAdapterGuid", "00000000-0000-0000-0000-000000000000"),
    ("PickupDirectoryPath", "C:\\Program Files\\Microsoft\\Exchange Server\\V14\\TransportRoles\\Pickup"),
    ("MessageTrackingLogEnabled", "True"),
    ("PoisonThreshold", "2"),
    ("QueueMaxIdleTime", "00:03:00"),
])
def test_transport_server_defaults(store, name, shown):
    assert str(store.get("TransportServer", "EXCH01").ps_properties()[name]) == shown


def test_transport_server_and_exchange_server_are_one_directory_object(store):
    exchange = store.get("ExchangeServer", "exch01")
    transport = store.get("TransportServer", "EXCH01")
    assert exchange.Guid == transport.Guid
    assert exchange.DistinguishedName == transport.DistinguishedName
    assert store.get("ExchangeServer", "EXCH01.contoso.com").Name == "EXCH01"


def test_set_transport_server_round_trip(store):
    server = store.get("TransportServer", "EXCH01")
    store.update(server.with_changes(TransientFailureRetryCount=3,
                                     TransientFailureRetryInterval="00:00:30",
                                     ExternalDNSServers=["10.0.0.53", "10.0.0.54"]))
    loaded = store.get("TransportServer", "EXCH01")
    assert loaded.TransientFailureRetryCount == 3
    assert str(loaded.ExternalDNSServers) == "{10.0.0.53, 10.0.0.54}"
    with pytest.raises(ValidationError) as caught:
        loaded.with_changes(TransientFailureRetryCount=16)
    assert "from 0 to 15" in caught.value.message


def test_added_edge_server_gets_edge_defaults_and_connector(store):
    edge = add_transport_server(store, "EDGE01", role="Edge")
    assert edge.IsEdgeServer and str(edge.ServerRole) == "Edge"
    transport = store.get("TransportServer", "EDGE01")
    assert transport.AntispamAgentsEnabled is True
    assert str(transport.OutboundConnectionFailureRetryInterval) == "00:30:00"
    assert [c.Name for c in store.list("ReceiveConnector", server="EDGE01")] == \
        ["Default internal receive connector EDGE01"]


def test_added_hub_server_gets_default_and_client_connectors(store):
    add_transport_server(store, "Mailbox01")
    connectors = store.list("ReceiveConnector", server="MAILBOX01")
    assert [str(c.Bindings) for c in connectors] == ["{0.0.0.0:25, [::]:25}",
                                                     "{0.0.0.0:587, [::]:587}"]


@pytest.mark.parametrize("name, role, error", [
    ("EXCH01", "HubTransport", AlreadyExists),
    ("bad name", "HubTransport", ValidationError),
    ("HUB09", "Mailbox", ValidationError),
])
def test_add_transport_server_refuses(store, name, role, error):
    with pytest.raises(error):
        add_transport_server(store, name, role=role)


def test_source_servers_must_be_all_hub_or_all_edge(store):
    add_transport_server(store, "EDGE01", role="Edge")
    add_transport_server(store, "HUB02")
    ok = store.add(SendConnector(Name="Hubs", AddressSpaces=["a.example"],
                                 SourceTransportServers=["exch01", "hub02"]))
    assert str(ok.SourceTransportServers) == "{EXCH01, HUB02}"
    with pytest.raises(ValidationError) as caught:
        store.add(SendConnector(Name="Mixed", AddressSpaces=["b.example"],
                                SourceTransportServers=["EXCH01", "EDGE01"]))
    assert caught.value.error_id == "MixedSourceTransportServers"
    assert "all Hub Transport servers or all Edge Transport servers" in caught.value.message


def test_edge_send_connector_takes_smtp_spaces_only(store):
    add_transport_server(store, "EDGE01", role="Edge")
    with pytest.raises(ValidationError) as caught:
        store.add(SendConnector(Name="Edge X400", AddressSpaces=["X400:c=US;a=B;p=C;1"],
                                DNSRoutingEnabled=False, SmartHosts=["gw.contoso.com"],
                                SourceTransportServers=["EDGE01"]))
    assert caught.value.error_id == "EdgeRequiresSmtpAddressSpace"


def test_unknown_source_server_is_not_found(store):
    with pytest.raises(NotFound) as caught:
        store.add(SendConnector(Name="Ghost", AddressSpaces=["c.example"],
                                SourceTransportServers=["HUB99"]))
    assert "object 'HUB99' couldn't be found on 'dc.contoso.com'" in caught.value.message


def test_linked_receive_connector_must_exist_and_is_stored_by_identity(store):
    linked = SendConnector(Name="Linked", AddressSpaces=[], DNSRoutingEnabled=False,
                           SmartHosts=["10.0.0.25"], MaxMessageSize="unlimited",
                           LinkedReceiveConnector="client exch01")
    assert store.add(linked).LinkedReceiveConnector == "EXCH01\\Client EXCH01"
    with pytest.raises(NotFound):
        store.add(SendConnector(Name="Linked2", AddressSpaces=[], DNSRoutingEnabled=False,
                                SmartHosts=["10.0.0.25"], MaxMessageSize="unlimited",
                                LinkedReceiveConnector="nothing"))


def test_foreign_connector_on_two_hubs(store):
    add_transport_server(store, "Hub01")
    add_transport_server(store, "Hub02")
    added = store.add(ForeignConnector(Name="Contoso Foreign Connector",
                                       AddressSpaces=["X400:c=US;a=Fabrikam;P=Contoso;5"],
                                       SourceTransportServers=["Hub01", "Hub02"]))
    shown = added.ps_properties()
    assert str(shown["AddressSpaces"]) == "{X400:c=US;a=Fabrikam;P=Contoso;5}"
    assert str(shown["SourceTransportServers"]) == "{Hub01, Hub02}"
    assert shown["IsSmtpConnector"] is False and shown["HomeMtaServerId"] == "Hub01"
    assert added.ps_type_names()[0] == \
        "Microsoft.Exchange.Data.Directory.SystemConfiguration.ForeignConnector"


def test_linked_receive_connector_cannot_be_removed_while_linked(store):
    from exshell.store.errors import ValidationError as RuleError

    store.add(SendConnector(Name="Linked", AddressSpaces=[], DNSRoutingEnabled=False,
                            SmartHosts=["10.0.0.25"], MaxMessageSize="unlimited",
                            LinkedReceiveConnector="EXCH01\\Client EXCH01"))
    with pytest.raises(RuleError) as caught:
        store.remove("ReceiveConnector", "EXCH01\\Client EXCH01")
    assert caught.value.error_id == "LinkedReceiveConnectorRemoval"
    store.remove("SendConnector", "Linked")
    assert store.remove("ReceiveConnector", "EXCH01\\Client EXCH01").Name == "Client EXCH01"


def test_server_given_as_fqdn_registers_its_short_name(tmp_path, monkeypatch):
    from exshell.store.repository import close_stores, open_store

    monkeypatch.setenv("EXSHELL_SERVER", "ex01.corp.example")
    monkeypatch.delenv("EXSHELL_DOMAIN", raising=False)
    try:
        store = open_store(tmp_path / "fqdn.db")
        server = store.local_server()
        assert (server.Name, server.Fqdn) == ("ex01", "ex01.corp.example")
        assert store.get("ExchangeServer", "EX01.corp.example").Name == "ex01"
        assert store.directory.configuration_dn == "CN=Configuration,DC=corp,DC=example"
    finally:
        close_stores()


def test_setup_creates_the_default_accepted_domain_of_the_organization_domain(tmp_path, monkeypatch):
    from exshell.store.repository import close_stores, open_store

    monkeypatch.setenv("EXSHELL_SERVER", "ex01.corp.example")
    monkeypatch.delenv("EXSHELL_DOMAIN", raising=False)
    try:
        store = open_store(tmp_path / "domain.db")
        (domain,) = store.find("AcceptedDomain", "*")
        assert (domain.Name, str(domain.DomainName), str(domain.DomainType), domain.Default) == (
            "corp.example", "corp.example", "Authoritative", True)
    finally:
        close_stores()


def test_a_store_made_without_an_accepted_domain_gets_the_organization_one(store):
    with store.transaction():
        store.db.execute("DELETE FROM objects WHERE kind = 'AcceptedDomain'")
    assert store.list("AcceptedDomain") == []
    from exshell.store.repository import close_stores, open_store

    close_stores()
    reopened = open_store()
    with reopened.transaction():
        pass
    assert [d.Name for d in reopened.list("AcceptedDomain") if d.Default] == ["contoso.com"]
