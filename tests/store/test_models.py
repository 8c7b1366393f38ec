"""Every model: PowerShell view hooks, common directory properties, class defaults."""
from __future__ import annotations

import pytest

from exshell.store.models import (
    KINDS, AcceptedDomain, ExchangeServer, ForeignConnector, ReceiveConnector, RemoteDomain,
    SendConnector, TransportConfig, TransportServer, default_remote_domain, model_for,
)
from exshell.store.models.base import COMMON_PROPERTIES, escape_cn

SAMPLES = {
    "SendConnector": lambda: SendConnector(Name="S", AddressSpaces=["contoso.com"]),
    "ReceiveConnector": lambda: ReceiveConnector(Name="R", Server="EXCH01", Bindings=["0.0.0.0:25"],
                                                 RemoteIPRanges=["10.0.0.0/8"]),
    "TransportConfig": lambda: TransportConfig(),
    "TransportServer": lambda: TransportServer(Name="EXCH01"),
    "ExchangeServer": lambda: ExchangeServer(Name="EXCH01", Fqdn="EXCH01.contoso.com"),
    "AcceptedDomain": lambda: AcceptedDomain(Name="Contoso", DomainName="contoso.com"),
    "RemoteDomain": lambda: RemoteDomain(Name="Contoso", DomainName="*.contoso.com"),
    "ForeignConnector": lambda: ForeignConnector(Name="Fax",
                                                 AddressSpaces=["FAX:contoso.com;1"]),
}


def test_every_kind_has_a_sample():
    assert sorted(model.KIND for model in KINDS.values()) == sorted(SAMPLES)


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_view_hooks(kind):
    obj = SAMPLES[kind]()
    properties = obj.ps_properties()
    for name in COMMON_PROPERTIES:
        assert name in properties
    assert list(properties)[-1] == "IsValid" and properties["IsValid"] is True
    assert str(obj) == str(properties["Identity"])
    names = obj.ps_type_names()
    assert names[0].startswith("Microsoft.Exchange.Data.Directory.")
    assert names[-1] == "System.Object"
    assert obj.ObjectClass[0] == "top"


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_default_views_know_the_first_type_name(kind):
    views = pytest.importorskip("exshell.cmdlets.exchange.views")
    assert SAMPLES[kind]().ps_type_names()[0] in views.DEFAULT_VIEWS


@pytest.mark.parametrize("name", ["sendconnector", "SendConnector", SendConnector])
def test_model_for_accepts_names_and_classes(name):
    assert model_for(name) is SendConnector


def test_unknown_kind_is_a_store_error():
    from exshell.store.errors import StoreError

    with pytest.raises(StoreError):
        model_for("Mailbox")


@pytest.mark.parametrize("name, shown", [
    ("MaxSendSize", "10 MB (10,485,760 bytes)"),
    ("MaxReceiveSize", "10 MB (10,485,760 bytes)"),
    ("MaxRecipientEnvelopeLimit", "5000"),
    ("ExternalDsnMaxMessageAttachSize", "10 MB (10,485,760 bytes)"),
    ("MaxDumpsterSizePerDatabase", "18 MB (18,874,368 bytes)"),
    ("MaxDumpsterTime", "7.00:00:00"),
    ("ShadowRedundancyEnabled", "True"),
    ("ShadowHeartbeatRetryCount", "12"),
    ("TLSSendDomainSecureList", "{}"),
    ("TLSReceiveDomainSecureList", "{}"),
    ("InternalSMTPServers", "{}"),
    ("SupervisionTags", "{Reject, Allow}"),
    ("DSNConversionMode", "UseExchangeDSNs"),
    ("Xexch50Enabled", "True"),
    ("ExchangeVersion", "0.1 (14.0.100.0)"),
])
def test_transport_config_2010_defaults(name, shown):
    assert str(TransportConfig().ps_properties()[name]) == shown


@pytest.mark.parametrize("name, default_domain, new_domain", [
    ("AutoReplyEnabled", "False", "True"),
    ("AutoForwardEnabled", "False", "True"),
    ("CharacterSet", "iso-8859-1", "None"),
    ("AllowedOOFType", "External", "External"),
    ("TNEFEnabled", "None", "None"),
    ("LineWrapSize", "Unlimited", "Unlimited"),
    ("ContentType", "MimeHtmlText", "MimeHtmlText"),
])
def test_remote_domain_defaults_for_default_and_new(name, default_domain, new_domain):
    assert str(default_remote_domain().ps_properties()[name]) == default_domain
    assert str(SAMPLES["RemoteDomain"]().ps_properties()[name]) == new_domain


def test_remote_domain_line_wrap_range():
    from exshell.store.errors import ValidationError

    assert str(RemoteDomain(Name="W", DomainName="w.example", LineWrapSize=132).LineWrapSize) == "132"
    with pytest.raises(ValidationError):
        RemoteDomain(Name="W", DomainName="w.example", LineWrapSize=133)


@pytest.mark.parametrize("domain_type, in_address_book", [
    ("Authoritative", True), ("InternalRelay", False), ("ExternalRelay", False),
])
def test_accepted_domain_address_book_default_follows_the_type(domain_type, in_address_book):
    domain = AcceptedDomain(Name="D", DomainName="d.example", DomainType=domain_type)
    assert domain.AddressBookEnabled is in_address_book
    assert str(domain.DomainType) == domain_type


@pytest.mark.parametrize("name, escaped", [
    ("Plain", "Plain"),
    ("Smith, John", "Smith\\, John"),
    ("a+b=c", "a\\+b\\=c"),
    (" lead", "\\ lead"),
    ("#hash", "\\#hash"),
])
def test_cn_escaping(name, escaped):
    assert escape_cn(name) == escaped


@pytest.mark.parametrize("changes, error_id", [
    (dict(AddressSpaces=[]), "AddressSpacesRequired"),
    (dict(DropDirectory="C:\\Drop|Bad"), "InvalidDropDirectory"),
    (dict(MaxMessageSize="3GB"), "PropertyValueOutOfRange"),
])
def test_foreign_connector_rules(changes, error_id):
    from exshell.store.errors import ValidationError

    values = dict(Name="Fax", AddressSpaces=["FAX:contoso.com;1"])
    values.update(changes)
    with pytest.raises(ValidationError) as caught:
        ForeignConnector(**values)
    assert caught.value.error_id == error_id


def test_foreign_connector_defaults_and_drop_directory():
    connector = ForeignConnector(Name="Fax", AddressSpaces=["FAX:contoso.com;1"],
                                 DropDirectory="FaxDrop")
    shown = {name: str(value) for name, value in connector.ps_properties().items()}
    assert shown["DropDirectory"] == "FaxDrop"
    assert shown["DropDirectoryQuota"] == "Unlimited"
    assert shown["MaxMessageSize"] == "Unlimited"
    assert shown["Enabled"] == "True" and shown["Disabled"] == "False"


def test_foreign_connector_refuses_edge_source_servers(store):
    from exshell.store.errors import ValidationError
    from exshell.store.servers import add_transport_server

    add_transport_server(store, "EDGE01", role="Edge")
    with pytest.raises(ValidationError) as caught:
        store.add(ForeignConnector(Name="Fax", AddressSpaces=["FAX:contoso.com;1"],
                                   SourceTransportServers=["EDGE01"]))
    assert caught.value.error_id == "ForeignConnectorOnEdge"


@pytest.mark.parametrize("changes, warns", [
    (dict(), False),
    (dict(DelayNotificationTimeout="00:20:00"), True),        # 6 x 5 min of fast retries
    (dict(MaxOutboundConnections=10, MaxPerDomainOutboundConnections=20), True),
    (dict(MaxOutboundConnections="unlimited"), False),
])
def test_transport_server_advisories(changes, warns):
    server = TransportServer(Name="EXCH01", **changes)
    assert bool(server.warnings) is warns


# ------------------------------------------------ IsValid and the rule verdict
def test_stored_object_is_valid_without_rechecking_its_rules(store, monkeypatch):
    from exshell.store.models import SendConnector

    added = store.add(SendConnector(Name="V", AddressSpaces=["v.example"]))
    calls = []
    monkeypatch.setattr(SendConnector, "check_rules",
                        lambda self: calls.append(self.Name) or [])
    assert added.IsValid is True
    assert added.ps_properties()["IsValid"] is True
    assert calls == []  # the store's stamps (times, DN) keep the verdict


def test_changing_a_rule_property_makes_isvalid_look_again():
    from exshell.store.models import SendConnector

    connector = SendConnector(Name="V", AddressSpaces=["v.example"])
    assert connector.IsValid is True
    connector.DNSRoutingEnabled = False  # no smart hosts: breaks a rule
    assert connector.IsValid is False
    assert connector.ps_properties()["IsValid"] is False


@pytest.mark.parametrize("text, expected", [("tls", "Tls"), ("Tls", "Tls"), ("TLS", "Tls")])
def test_remembered_conversions_still_follow_each_text(text, expected):
    from exshell.store.models import ReceiveConnector

    first = ReceiveConnector(Name="A", Server="EXCH01", Bindings=["0.0.0.0:25"],
                             RemoteIPRanges=["10.0.0.0/8"], AuthMechanism=text)
    again = ReceiveConnector(Name="B", Server="EXCH01", Bindings=["0.0.0.0:26"],
                             RemoteIPRanges=["10.0.0.0/8"], AuthMechanism=text)
    assert str(first.AuthMechanism) == str(again.AuthMechanism) == expected
    assert [str(b) for b in again.Bindings] == ["0.0.0.0:26"]
