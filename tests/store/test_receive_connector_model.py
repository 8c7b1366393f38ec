"""Receive connector: defaults, usage types, auth combinations, binding/remote-range uniqueness."""
from __future__ import annotations

import pytest

from exshell.store.errors import NotFound, ValidationError
from exshell.store.models import AcceptedDomain, ReceiveConnector, usage_properties
from exshell.store.servers import add_transport_server


def connector(**changes):
    values = dict(Name="Test", Server="EXCH01", Bindings=["10.10.1.1:25"],
                  RemoteIPRanges=["192.168.0.1-192.168.0.24"])
    values.update(changes)
    return ReceiveConnector(**values)


@pytest.mark.parametrize("name, shown", [
    ("AuthMechanism", "Tls"),
    ("BinaryMimeEnabled", "True"),
    ("ChunkingEnabled", "True"),
    ("ConnectionTimeout", "00:10:00"),
    ("ConnectionInactivityTimeout", "00:05:00"),
    ("MessageRateLimit", "Unlimited"),
    ("MessageRateSource", "IPAddress"),
    ("MaxInboundConnection", "5000"),
    ("MaxInboundConnectionPerSource", "20"),
    ("MaxInboundConnectionPercentagePerSource", "2"),
    ("MaxHeaderSize", "64 KB (65,536 bytes)"),
    ("MaxHopCount", "30"),
    ("MaxLocalHopCount", "8"),
    ("MaxLogonFailures", "3"),
    ("MaxMessageSize", "10 MB (10,485,760 bytes)"),
    ("MaxProtocolErrors", "5"),
    ("MaxRecipientsPerMessage", "200"),
    ("PermissionGroups", "None"),
    ("SizeEnabled", "Enabled"),
    ("TarpitInterval", "00:00:05"),
    ("MaxAcknowledgementDelay", "00:00:30"),
    ("Identity", "EXCH01\\Test"),
])
def test_exchange_2010_defaults(name, shown):
    assert str(connector().ps_properties()[name]) == shown


def test_type_name_matches_the_default_view_key():
    assert connector().ps_type_names()[0] == \
        "Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector"


RULES = [
    (dict(Bindings=[]), "BindingsRequired", "Bindings property can't be empty"),
    (dict(RemoteIPRanges=[]), "RemoteIPRangesRequired", "RemoteIPRanges property can't be empty"),
    (dict(AuthMechanism="BasicAuthRequireTLS, BasicAuth"), "BasicAuthRequireTlsIncomplete",
     "also requires the values BasicAuth and Tls"),
    (dict(AuthMechanism="ExternalAuthoritative, BasicAuth", PermissionGroups="ExchangeServers"),
     "ExternalAuthoritativeCombined", "combined only with Tls"),
    (dict(AuthMechanism="ExternalAuthoritative, Tls", PermissionGroups="AnonymousUsers"),
     "ExternalAuthoritativeRequiresExchangeServers", "PermissionGroups value ExchangeServers"),
    (dict(RequireTLS=True, AuthMechanism="Integrated"), "RequireTlsWithoutTlsMechanism",
     "Tls is required when RequireTLS is $true"),
    (dict(Banner="Hello"), "BannerMustStartWith220", "must start with the 220 response code"),
    (dict(MaxHopCount=501), "PropertyValueOutOfRange", "'MaxHopCount' is out of range: 501"),
    (dict(MaxLocalHopCount=51), "PropertyValueOutOfRange", "from 0 to 50"),
    (dict(MaxLogonFailures=11), "PropertyValueOutOfRange", "from 0 to 10"),
    (dict(MaxInboundConnectionPerSource=10001), "PropertyValueOutOfRange", "from 1 to 10000"),
    (dict(MaxInboundConnectionPercentagePerSource=0), "PropertyValueOutOfRange", "from 1 to 100"),
    (dict(MaxRecipientsPerMessage=512001), "PropertyValueOutOfRange", "from 1 to 512000"),
    (dict(Bindings=["10.0.0.1"]), "InvalidPropertyValue", "10.0.0.1"),
]


@pytest.mark.parametrize("changes, error_id, words", RULES,
                         ids=[f"{rule[1]}-{index}" for index, rule in enumerate(RULES)])
def test_each_rule_refuses(changes, error_id, words):
    with pytest.raises(ValidationError) as caught:
        connector(**changes)
    assert caught.value.error_id == error_id
    assert words in caught.value.message


@pytest.mark.parametrize("changes", [
    dict(AuthMechanism="Tls, BasicAuth, BasicAuthRequireTLS"),
    dict(AuthMechanism="ExternalAuthoritative, Tls", PermissionGroups="ExchangeServers"),
    dict(AuthMechanism="None"),
    dict(RequireTLS=True, AuthMechanism="Tls, Integrated"),
    dict(Banner="220 SMTP OK"),
    dict(MaxInboundConnectionPerSource="unlimited", MessageRateLimit=600),
])
def test_valid_combinations(changes):
    assert connector(**changes).IsValid


def test_binary_mime_without_chunking_warns():
    assert connector(ChunkingEnabled=False).warnings[0].startswith("BinaryMimeEnabled is $true")


@pytest.mark.parametrize("usage, switches, bound, expected_groups, expected_auth", [
    ("Custom", {}, {"Bindings": 1, "RemoteIPRanges": 1}, "None", "Tls"),
    (None, {"Internet": True}, {"Bindings": 1}, "AnonymousUsers", "Tls"),
    (None, {"Internal": True}, {"RemoteIPRanges": 1},
     "ExchangeServers, ExchangeLegacyServers", "Tls, ExchangeServer"),
    ("Client", {}, {"RemoteIPRanges": 1}, "ExchangeUsers",
     "Tls, Integrated, BasicAuth, BasicAuthRequireTLS"),
    (None, {"Partner": True}, {"Bindings": 1, "RemoteIPRanges": 1}, "Partners", "Tls"),
])
def test_usage_defaults(usage, switches, bound, expected_groups, expected_auth):
    defaults = usage_properties(usage, bound, **switches)
    assert defaults["PermissionGroups"] == expected_groups
    assert defaults["AuthMechanism"] == expected_auth


@pytest.mark.parametrize("usage, bound, name, expected", [
    ("Internet", {"Bindings": 1}, "RemoteIPRanges",
     ["0.0.0.0-255.255.255.255", "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"]),
    ("Internal", {"RemoteIPRanges": 1}, "Bindings", ["0.0.0.0:25"]),
    ("Client", {"RemoteIPRanges": 1}, "Bindings", ["0.0.0.0:587"]),
])
def test_usage_fills_the_listener_property_its_set_leaves_optional(usage, bound, name, expected):
    assert usage_properties(usage, bound)[name] == expected
    # The same default through the switch (-Internet ...) as through -Usage.
    assert usage_properties(None, bound, **{usage: True})[name] == expected


@pytest.mark.parametrize("usage", ["Internet", "Internal", "Client"])
def test_a_given_listener_property_is_accepted(usage):
    # The syntax blocks list the defaulted parameter as optional, not forbidden.
    defaults = usage_properties(usage, {"Bindings": 1, "RemoteIPRanges": 1})
    assert set(defaults) >= {"PermissionGroups", "AuthMechanism"}


@pytest.mark.parametrize("usage, bound, error_id, words", [
    ("Custom", {"Bindings": 1}, "UsageCustomRequiresRemoteIPRanges",
     "The RemoteIPRanges parameter is required for the Custom usage type."),
    ("Partner", {"RemoteIPRanges": 1}, "UsagePartnerRequiresBindings",
     "The Bindings parameter is required for the Partner usage type."),
    ("Internet", {}, "UsageInternetRequiresBindings", "Bindings parameter is required"),
    ("Internal", {}, "UsageInternalRequiresRemoteIPRanges", "RemoteIPRanges parameter is required"),
    ("Client", {"Bindings": 1}, "UsageClientRequiresRemoteIPRanges",
     "RemoteIPRanges parameter is required"),
])
def test_usage_parameter_rules(usage, bound, error_id, words):
    with pytest.raises(ValidationError) as caught:
        usage_properties(usage, bound)
    assert caught.value.error_id == error_id
    assert words in caught.value.message


def test_two_usage_selectors_conflict():
    with pytest.raises(ValidationError) as caught:
        usage_properties(None, {}, Client=True, Internet=True)
    assert caught.value.error_id == "UsageTypeConflict"


# --------------------------------------------------------------- in the store
def test_reference_example_connector_fits_beside_the_defaults(store):
    added = store.add(connector())
    assert str(added.Fqdn) == "EXCH01.contoso.com"
    assert added.DistinguishedName.startswith(
        "CN=Test,CN=SMTP Receive Connectors,CN=Protocols,CN=EXCH01,CN=Servers,")


@pytest.mark.parametrize("bindings, ranges, conflicts", [
    (["0.0.0.0:25"], ["0.0.0.0-255.255.255.255"], True),      # same pair as Default EXCH01
    (["10.0.0.9:25"], ["0.0.0.0-255.255.255.255"], True),     # 0.0.0.0 covers every address
    (["0.0.0.0:25"], ["10.0.0.0/8"], False),                 # a contained range is allowed
    (["0.0.0.0:2525"], ["0.0.0.0-255.255.255.255"], False),  # another port
    (["[::]:25"], ["::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"], True),
])
def test_binding_and_remote_range_pair_unique_per_server(store, bindings, ranges, conflicts):
    candidate = connector(Name="Extra", Bindings=bindings, RemoteIPRanges=ranges)
    if conflicts:
        with pytest.raises(ValidationError) as caught:
            store.add(candidate)
        assert caught.value.error_id == "ReceiveConnectorBindingConflict"
        assert 'Receive connector "EXCH01\\Default EXCH01"' in caught.value.message
    else:
        assert store.add(candidate).Name == "Extra"


def test_partial_overlap_of_remote_ranges_conflicts(store):
    store.add(connector(Name="A", Bindings=["10.1.1.1:25"], RemoteIPRanges=["10.0.0.0-10.0.0.20"]))
    with pytest.raises(ValidationError):
        store.add(connector(Name="B", Bindings=["10.1.1.1:25"],
                            RemoteIPRanges=["10.0.0.10-10.0.0.30"]))


def test_same_pair_on_another_server_is_fine(store):
    add_transport_server(store, "HUB02")
    added = store.add(connector(Name="Relay", Server="hub02", Bindings=["0.0.0.0:25"],
                                RemoteIPRanges=["10.0.0.0/8"]))
    assert added.Identity == "HUB02\\Relay"


def test_unknown_server_is_not_found(store):
    with pytest.raises(NotFound) as caught:
        store.add(connector(Server="NOSUCH"))
    assert "object 'NOSUCH' couldn't be found" in caught.value.message


def test_default_domain_must_be_an_accepted_domain(store):
    with pytest.raises(NotFound):
        store.add(connector(DefaultDomain="fabrikam.com"))
    store.add(AcceptedDomain(Name="Fabrikam", DomainName="fabrikam.com"))
    assert store.add(connector(DefaultDomain="fabrikam.com")).DefaultDomain == "Fabrikam"


def test_set_that_moves_onto_a_taken_pair_is_refused(store):
    added = store.add(connector())
    with pytest.raises(ValidationError):
        store.update(added.with_changes(Bindings=["0.0.0.0:25"],
                                        RemoteIPRanges=["0.0.0.0-255.255.255.255"]))


def test_suppress_x_anonymous_tls_warns_until_the_server_downgrades_auth(store):
    added = store.add(connector(SuppressXAnonymousTls=True))
    assert "UseDowngradedExchangeServerAuth is $true on server EXCH01" in added.warnings[0]
    server = store.get("TransportServer", "EXCH01")
    store.update(server.with_changes(UseDowngradedExchangeServerAuth=True))
    assert store.update(added.with_changes(Comment="again")).warnings == []
