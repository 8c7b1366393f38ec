"""The repository: round trips, identities, wildcards, errors, uniqueness, removal."""
from __future__ import annotations

import time

import pytest

from exshell.store.errors import AlreadyExists, AmbiguousIdentity, NotFound, ValidationError
from exshell.store.models import AcceptedDomain, ForeignConnector, RemoteDomain, SendConnector
from exshell.store.repository import close_stores, open_store, wildcard_regex
from exshell.store.servers import add_transport_server

SEED = dict(Name="Subsidiary Send Connector", AddressSpaces=["*.contoso.com;5", "*.fabrikam.com;8"],
            DNSRoutingEnabled=False, SmartHosts=["192.168.10.1"], MaxMessageSize="20MB")


def test_round_trip_keeps_every_property(store):
    stored = store.add(SendConnector(**SEED))
    loaded = store.get("SendConnector", "Subsidiary Send Connector")
    assert loaded.model_dump() == stored.model_dump()
    assert [str(v) for v in loaded.ps_properties().values()] == \
        [str(v) for v in stored.ps_properties().values()]


def test_objects_persist_across_processes_opening_the_file(store, store_file):
    store.add(SendConnector(**SEED))
    close_stores()
    again = open_store(store_file)
    assert str(again.get("SendConnector", "SUBSIDIARY send connector").MaxMessageSize) == \
        "20 MB (20,971,520 bytes)"


def test_add_fills_directory_properties(store):
    stored = store.add(SendConnector(**SEED))
    assert stored.DistinguishedName == (
        "CN=Subsidiary Send Connector,CN=Connections,CN=Exchange Routing Group (DWBGZMFD01QNBJR),"
        "CN=Routing Groups,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative "
        "Groups,CN=First Organization,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,"
        "DC=com")
    assert stored.ObjectCategory == "contoso.com/Configuration/Schema/ms-Exch-Routing-SMTP-Connector"
    assert stored.OriginatingServer == "dc.contoso.com"
    assert [str(s) for s in stored.SourceTransportServers] == ["EXCH01"]
    assert stored.HomeMtaServerId == "EXCH01"


@pytest.mark.parametrize("identity", [
    "Subsidiary Send Connector", "subsidiary SEND connector", "guid", "{guid}", "dn", "object",
])
def test_get_by_name_guid_dn_or_object(store, identity):
    stored = store.add(SendConnector(**SEED))
    value = {"guid": str(stored.Guid), "{guid}": "{%s}" % stored.Guid,
             "dn": stored.DistinguishedName.upper(), "object": stored}.get(identity, identity)
    assert store.get("SendConnector", value).Guid == stored.Guid


def test_unknown_identity_uses_exchange_2010_wording(store):
    with pytest.raises(NotFound) as caught:
        store.get("SendConnector", "Nope")
    assert caught.value.message == ("The operation couldn't be performed because object 'Nope' "
                                    "couldn't be found on 'dc.contoso.com'.")
    record = caught.value.to_record("Microsoft.Exchange.Management.SystemConfigurationTasks."
                                    "GetSendConnector")
    assert record.category == "ObjectNotFound"
    assert record.reason == "ManagementObjectNotFoundException"
    assert record.fully_qualified_error_id.endswith(",Microsoft.Exchange.Management."
                                                    "SystemConfigurationTasks.GetSendConnector")


@pytest.mark.parametrize("pattern, expected", [
    ("*", ["Alpha", "Beta", "Alphabet"]),
    ("Alpha*", ["Alpha", "Alphabet"]),
    ("*BET", ["Alphabet"]),
    ("?eta", ["Beta"]),
    ("Z*", []),
    ("alpha", ["Alpha"]),
    (None, ["Alpha", "Beta", "Alphabet"]),
    ("[ab]*", ["Alpha", "Beta", "Alphabet"]),
    ("[!a]*", ["Beta"]),                 # the language's bracket negation
    ("Alpha[a-c]*", ["Alphabet"]),
    ("Alpha?", []),                      # ? is exactly one character
])
def test_find_with_wildcards(store, pattern, expected):
    for name in ("Alpha", "Beta", "Alphabet"):
        store.add(SendConnector(Name=name, AddressSpaces=[f"{name}.example"]))
    assert [c.Name for c in store.find("SendConnector", pattern)] == expected


@pytest.mark.parametrize("pattern, text, matches", [
    ("Alpha", "Alpha\n", False),          # the whole name, not up to a trailing newline
    ("Al*", "al\nx", True),               # * spans line breaks inside a name
    ("a`*b", "a*b", True),                # a backtick makes * literal
    ("a`*b", "axb", False),
    ("[\\]x", "\\x", True),              # a backslash inside brackets is a character
    ("x[", "x[", True),                   # an unclosed bracket is literal
])
def test_identity_patterns_follow_the_language_wildcard_rules(pattern, text, matches):
    assert bool(wildcard_regex(pattern).match(text)) is matches


def test_find_without_wildcard_raises_not_found(store):
    with pytest.raises(NotFound):
        store.find("SendConnector", "Missing")


def test_update_bumps_when_changed_and_revision(store):
    stored = store.add(SendConnector(**SEED))
    revision = store.config_revision
    time.sleep(0.01)
    changed = store.update(stored.with_changes(Port=587))
    loaded = store.get("SendConnector", stored.Guid)
    assert loaded.Port == 587
    assert loaded.WhenChangedUTC > loaded.WhenCreatedUTC == stored.WhenCreatedUTC
    assert store.config_revision == revision + 1
    assert changed.Name == "Subsidiary Send Connector"


def test_rename_moves_the_dn(store):
    stored = store.add(SendConnector(**SEED))
    store.update(stored.with_changes(Name="Renamed"))
    assert store.get("SendConnector", "Renamed").DistinguishedName.startswith("CN=Renamed,")
    assert not store.exists("SendConnector", "Subsidiary Send Connector")


def test_case_only_rename_is_stored(store):
    stored = store.add(SendConnector(**SEED))
    store.update(stored.with_changes(Name="SUBSIDIARY Send Connector"))
    assert store.get("SendConnector", "subsidiary send connector").Name == "SUBSIDIARY Send Connector"


def test_rename_onto_a_taken_name_fails_and_keeps_both(store):
    first = store.add(SendConnector(**SEED))
    store.add(SendConnector(Name="Other", AddressSpaces=["other.example"]))
    with pytest.raises(AlreadyExists):
        with store.transaction():
            store.update(first.with_changes(Name="other"))
    assert store.exists("SendConnector", "Subsidiary Send Connector")
    assert store.get("SendConnector", "Other").AddressSpaces == ["SMTP:other.example;1"]


def test_a_rolled_back_server_registration_is_forgotten(store):
    from exshell.store.servers import add_transport_server

    with pytest.raises(RuntimeError):
        with store.transaction():
            add_transport_server(store, "HUB09")
            assert store.server_role("HUB09") == ("HUB09", "HubTransport")
            raise RuntimeError("the cmdlet failed after the lookup")
    with pytest.raises(NotFound):
        store.server_role("HUB09")


def test_server_role_by_any_case_and_fqdn(store):
    from exshell.store.servers import add_transport_server

    add_transport_server(store, "EDGE01", role="Edge")
    assert store.server_role("edge01") == ("EDGE01", "Edge")
    assert store.server_role("EDGE01.contoso.com") == ("EDGE01", "Edge")
    assert store.server_role("exch01") == ("EXCH01", "HubTransport")


def test_names_are_unique_per_container_even_across_kinds(store):
    store.add(SendConnector(Name="Fax", AddressSpaces=["fax.example"]))
    with pytest.raises(AlreadyExists) as caught:
        store.add(SendConnector(Name="FAX", AddressSpaces=["other.example"]))
    assert caught.value.message.startswith("Active Directory operation failed on dc.contoso.com. "
                                           "The object 'CN=FAX,CN=Connections,")
    assert caught.value.message.endswith("' already exists.")
    with pytest.raises(AlreadyExists):  # foreign connectors share the Connections container
        store.add(ForeignConnector(Name="fax", AddressSpaces=["X400:c=US;a=Fax;p=Org;1"]))


def test_update_of_missing_object_is_not_found(store):
    with pytest.raises(NotFound):
        store.update(SendConnector(**SEED))


def test_remove_returns_the_object_and_deletes_it(store):
    store.add(SendConnector(**SEED))
    removed = store.remove("SendConnector", "subsidiary send connector")
    assert removed.Name == "Subsidiary Send Connector"
    assert store.find("SendConnector", "*") == []


def test_remove_unknown_is_not_found(store):
    with pytest.raises(NotFound):
        store.remove("SendConnector", "ghost")


def test_receive_connector_identity_is_server_backslash_name(store):
    names = [c.Identity for c in store.list("ReceiveConnector")]
    assert names == ["EXCH01\\Default EXCH01", "EXCH01\\Client EXCH01"]
    assert store.get("ReceiveConnector", "exch01\\client exch01").Name == "Client EXCH01"
    assert store.get("ReceiveConnector", "Client EXCH01").Server == "EXCH01"


def test_same_receive_connector_name_on_two_servers_is_ambiguous_by_name(store):
    from exshell.store.models import ReceiveConnector

    add_transport_server(store, "HUB02")
    for server in ("EXCH01", "HUB02"):
        store.add(ReceiveConnector(Name="Relay", Server=server, Bindings=["10.0.0.5:25"],
                                   RemoteIPRanges=["10.1.0.0/16"]))
    with pytest.raises(AmbiguousIdentity) as caught:
        store.get("ReceiveConnector", "Relay")
    assert caught.value.message == ("The operation couldn't be performed because 'Relay' matches "
                                    "multiple entries.")
    assert store.get("ReceiveConnector", "HUB02\\Relay").Server == "HUB02"
    assert [c.Identity for c in store.find("ReceiveConnector", "*\\Relay")] == \
        ["EXCH01\\Relay", "HUB02\\Relay"]
    assert [c.Identity for c in store.list("ReceiveConnector", server="hub02")] == \
        ["HUB02\\Default HUB02", "HUB02\\Client HUB02", "HUB02\\Relay"]


def test_transport_config_is_a_singleton_created_with_the_organization(store):
    config = store.transport_config()
    assert config.Name == "Transport Settings"
    assert str(config.MaxSendSize) == "10 MB (10,485,760 bytes)"
    assert str(config.MaxRecipientEnvelopeLimit) == "5000"
    assert str(config.GenerateCopyOfDSNFor) == "{5.4.8, 5.4.6, 5.4.4, 5.2.4, 5.2.0, 5.1.4}"
    changed = store.update(config.with_changes(GenerateCopyOfDSNFor=["5.7.1", "5.7.2", "5.7.3"]))
    assert str(store.get("TransportConfig").GenerateCopyOfDSNFor) == "{5.7.1, 5.7.2, 5.7.3}"
    with pytest.raises(ValidationError) as caught:
        changed.with_changes(GenerateCopyOfDSNFor=["5.7"])
    assert caught.value.error_id == "InvalidDsnCode"


def test_default_remote_domain_exists_and_cannot_be_removed(store):
    default = store.get("RemoteDomain", "Default")
    assert str(default.DomainName) == "*"
    assert default.AutoReplyEnabled is False
    assert store.get("RemoteDomain", "*").Name == "Default"
    with pytest.raises(ValidationError) as caught:
        store.remove("RemoteDomain", "Default")
    assert caught.value.error_id == "DefaultRemoteDomainRemoval"


def test_remote_domain_names_must_be_unique(store):
    store.add(RemoteDomain(Name="Contoso", DomainName="*.contoso.com"))
    assert store.get("RemoteDomain", "Contoso").AutoReplyEnabled is True
    with pytest.raises(ValidationError) as caught:
        store.add(RemoteDomain(Name="Contoso2", DomainName="*.CONTOSO.com"))
    assert 'already uses the domain name "*.CONTOSO.com"' in caught.value.message


def test_the_organization_domain_is_the_first_default_accepted_domain(store):
    with store.transaction():
        pass
    (setup,) = store.list("AcceptedDomain")
    assert (setup.Name, str(setup.DomainName), str(setup.DomainType), setup.Default) == (
        "contoso.com", "contoso.com", "Authoritative", True)


def test_only_one_default_accepted_domain_exists_and_it_cannot_be_removed(store):
    first = store.add(AcceptedDomain(Name="Litware", DomainName="litware.com"))
    assert first.Default is False and first.AddressBookEnabled is True
    second = store.add(AcceptedDomain(Name="Fabrikam", DomainName="fabrikam.com",
                                      DomainType="InternalRelay"))
    assert second.Default is False and second.AddressBookEnabled is False
    store.update(second.with_changes(Default=True))
    defaults = [d.Name for d in store.list("AcceptedDomain") if d.Default]
    assert defaults == ["Fabrikam"]
    with pytest.raises(ValidationError) as caught:
        store.remove("AcceptedDomain", "Fabrikam")
    assert caught.value.error_id == "DefaultAcceptedDomainRemoval"
    store.remove("AcceptedDomain", "contoso.com")
    store.remove("AcceptedDomain", "Litware")
    with pytest.raises(ValidationError) as caught:
        store.remove("AcceptedDomain", "fabrikam.com")  # not even the last one
    assert caught.value.error_id == "DefaultAcceptedDomainRemoval"
    assert [d.Name for d in store.list("AcceptedDomain")] == ["Fabrikam"]


def test_a_new_default_accepted_domain_clears_the_old_default(store):
    store.add(AcceptedDomain(Name="Fabrikam", DomainName="fabrikam.com", Default=True))
    defaults = {d.Name: d.Default for d in store.list("AcceptedDomain")}
    assert defaults == {"contoso.com": False, "Fabrikam": True}


def test_accepted_domain_name_must_be_unique(store):
    with pytest.raises(ValidationError) as caught:
        store.add(AcceptedDomain(Name="Other", DomainName="Contoso.com"))
    assert caught.value.error_id == "AcceptedDomainNameInUse"


def test_damaged_row_reports_a_store_error(store):
    from exshell.store.errors import StoreError

    store.add(SendConnector(**SEED))
    store.db.execute("UPDATE objects SET data = '{\"Name\": 5}' WHERE name_key = ?",
                     ("subsidiary send connector",))
    with pytest.raises(StoreError) as caught:
        store.get("SendConnector", "Subsidiary Send Connector")
    assert caught.value.error_id == "StoredObjectDamaged"


def test_change_by_another_connection_is_seen_despite_the_cache(store, store_file):
    from exshell.store.db import Database
    from exshell.store.repository import Store

    store.add(SendConnector(**SEED))
    store.get("SendConnector", "Subsidiary Send Connector")  # now cached in this Store
    other = Store(Database(store_file))
    try:
        connector = other.get("SendConnector", "Subsidiary Send Connector")
        other.update(connector.with_changes(Comment="changed elsewhere"))
    finally:
        other.db.close()
    assert store.get("SendConnector", "Subsidiary Send Connector").Comment == "changed elsewhere"


def test_returned_objects_are_independent_copies(store):
    store.add(SendConnector(**SEED))
    first = store.get("SendConnector", "Subsidiary Send Connector")
    first.Comment = "local edit, never stored"
    assert first.ps_properties()["Comment"] == "local edit, never stored"
    assert store.get("SendConnector", "Subsidiary Send Connector").Comment is None


def test_rolled_back_update_never_serves_from_the_cache(store, store_file):
    from exshell.store.db import Database
    from exshell.store.repository import Store

    store.add(SendConnector(**SEED))
    connector = store.get("SendConnector", "Subsidiary Send Connector")
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.update(connector.with_changes(Comment="rolled back"))
            raise RuntimeError("cmdlet failed after the write")
    other = Store(Database(store_file))
    try:
        other.update(other.get("SendConnector", connector.Guid).with_changes(Comment="real"))
    finally:
        other.db.close()
    assert store.get("SendConnector", connector.Guid).Comment == "real"
