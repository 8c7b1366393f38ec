"""Send connector: 2010 defaults, Format-List order, and every rule of send_connector_rules.md."""
from __future__ import annotations

import pytest

from exshell.store.errors import ValidationError
from exshell.store.models import SendConnector, usage_from_switches
from exshell.types import PSCredential

SEED = dict(Name="Subsidiary Send Connector", AddressSpaces=["*.contoso.com;5", "*.fabrikam.com;8"],
            DNSRoutingEnabled=False, SmartHosts=["192.168.10.1"], MaxMessageSize="20MB")


def display(connector, name):
    return str(connector.ps_properties()[name])


@pytest.mark.parametrize("name, shown", [
    ("ConnectionInactivityTimeOut", "00:10:00"),
    ("DNSRoutingEnabled", "True"),
    ("DomainSecureEnabled", "False"),
    ("Enabled", "True"),
    ("ErrorPolicies", "Default"),
    ("ForceHELO", "False"),
    ("Fqdn", "None"),
    ("HomeMTA", "Microsoft MTA"),
    ("IgnoreSTARTTLS", "False"),
    ("IsScopedConnector", "False"),
    ("IsSmtpConnector", "True"),
    ("MaxMessageSize", "10 MB (10,485,760 bytes)"),
    ("Port", "25"),
    ("ProtocolLoggingLevel", "None"),
    ("RequireTLS", "False"),
    ("SmartHostAuthMechanism", "None"),
    ("SmartHosts", "{}"),
    ("SmtpMaxMessagesPerConnection", "20"),
    ("SourceIPAddress", "0.0.0.0"),
    ("SourceRoutingGroup", "Exchange Routing Group (DWBGZMFD01QNBJR)"),
    ("UseExternalDNSServersEnabled", "False"),
    ("ExchangeVersion", "0.1 (8.0.535.0)"),
    ("IsValid", "True"),
])
def test_exchange_2010_defaults(name, shown):
    connector = SendConnector(Name="Default test", AddressSpaces=["contoso.com"])
    assert display(connector, name) == shown


def test_seed_example_values_display_as_exchange_does():
    connector = SendConnector(**SEED)
    assert display(connector, "AddressSpaces") == "{SMTP:*.contoso.com;5, SMTP:*.fabrikam.com;8}"
    assert display(connector, "SmartHosts") == "{[192.168.10.1]}"
    assert display(connector, "SmartHostsString") == "[192.168.10.1]"
    assert display(connector, "DNSRoutingEnabled") == "False"
    assert display(connector, "MaxMessageSize") == "20 MB (20,971,520 bytes)"
    assert str(connector) == "Subsidiary Send Connector"


def test_format_list_order_starts_like_exchange_2010():
    names = list(SendConnector(**SEED).ps_properties())
    assert names[:6] == ["AddressSpaces", "AuthenticationCredential", "Comment",
                         "ConnectedDomains", "ConnectionInactivityTimeOut", "DNSRoutingEnabled"]
    assert names.index("Identity") < names.index("MaxMessageSize") < names.index("Name")
    assert names[-4:] == ["WhenCreatedUTC", "OrganizationId", "OriginatingServer", "IsValid"]


def test_type_names_are_exchanges():
    names = SendConnector(**SEED).ps_type_names()
    assert names[0] == "Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig"
    assert names[-1] == "System.Object"


def test_properties_are_case_insensitive():
    assert SendConnector(**SEED).ps_properties()["dnsroutingenabled"] is False


def test_credential_shows_its_type_name_never_the_password():
    connector = SendConnector(Name="Auth", AddressSpaces=["contoso.com"], DNSRoutingEnabled=False,
                              SmartHosts=["relay.contoso.com"], SmartHostAuthMechanism="BasicAuth",
                              AuthenticationCredential=PSCredential("relay", "S3cret!pw"))
    shown = display(connector, "AuthenticationCredential")
    assert shown == "System.Management.Automation.PSCredential"
    assert "S3cret!pw" not in repr(connector) and "S3cret!pw" not in connector.model_dump_json()


# (changes on top of a valid connector, error id, words the message must contain)
RULES = [
    (dict(SmartHosts=["10.1.1.1"]), "SmartHostsRequireDnsRoutingDisabled",
     "DNSRoutingEnabled to $false"),
    (dict(DNSRoutingEnabled=False), "DnsRoutingDisabledRequiresSmartHosts",
     "SmartHosts parameter is required when DNSRoutingEnabled is $false"),
    (dict(AddressSpaces=[]), "AddressSpacesRequired", "AddressSpaces parameter is required"),
    (dict(AddressSpaces=["X400:c=US;a=Fabrikam;P=Contoso;5"]),
     "NonSmtpAddressSpaceRequiresSmartHosts", 'address space "X400:c=US;a=Fabrikam;P=Contoso;5"'),
    (dict(LinkedReceiveConnector="EXCH01\\Relay", DNSRoutingEnabled=False,
          SmartHosts=["10.1.1.1"], MaxMessageSize="unlimited"),
     "LinkedConnectorWithAddressSpaces", "can't use the AddressSpaces parameter"),
    (dict(LinkedReceiveConnector="EXCH01\\Relay", AddressSpaces=[]),
     "LinkedConnectorRequiresSmartHosts", "DNSRoutingEnabled to $false and specify SmartHosts"),
    (dict(LinkedReceiveConnector="EXCH01\\Relay", AddressSpaces=[], DNSRoutingEnabled=False,
          SmartHosts=["10.1.1.1"]),
     "LinkedConnectorRequiresUnlimitedSize", "MaxMessageSize set to unlimited"),
    (dict(DNSRoutingEnabled=False, SmartHosts=["10.1.1.1"], SmartHostAuthMechanism="BasicAuth"),
     "BasicAuthRequiresCredential", "requires an authentication credential"),
    (dict(DNSRoutingEnabled=False, SmartHosts=["10.1.1.1"],
          SmartHostAuthMechanism="BasicAuthRequireTLS"),
     "BasicAuthRequiresCredential", "BasicAuthRequireTLS requires"),
    (dict(RequireTLS=True, IgnoreSTARTTLS=True), "RequireTlsWithIgnoreStartTls",
     "IgnoreSTARTTLS must be $false when RequireTLS is $true."),
    (dict(TlsAuthLevel="EncryptionOnly"), "TlsAuthLevelRequiresTls",
     "TlsAuthLevel parameter can't be set"),
    (dict(TlsAuthLevel="CertificateValidation", RequireTLS=False, IgnoreSTARTTLS=True),
     "TlsAuthLevelRequiresTls", "IgnoreSTARTTLS is $true or RequireTLS is $false"),
    (dict(TlsAuthLevel="DomainValidation", RequireTLS=True, DNSRoutingEnabled=False,
          SmartHosts=["10.1.1.1"]), "DomainValidationRequiresTlsDomain",
     "TlsDomain parameter is required"),
    (dict(DomainSecureEnabled=True, DNSRoutingEnabled=False, SmartHosts=["10.1.1.1"]),
     "DomainSecureRequiresDnsAndTls", "DNSRoutingEnabled $true and IgnoreSTARTTLS $false"),
    (dict(DomainSecureEnabled=True, IgnoreSTARTTLS=True), "DomainSecureRequiresDnsAndTls",
     "Mutual TLS"),
    (dict(DomainSecureEnabled=True, AddressSpaces=["*.contoso.com"]),
     "DomainSecureWildcardAddressSpace", "wildcard character (*)"),
    (dict(Port=65536), "PropertyValueOutOfRange", "'Port' is out of range: 65536"),
    (dict(Port=-1), "PropertyValueOutOfRange", "from 0 to 65535"),
    (dict(ConnectionInactivityTimeOut="00:00:00"), "PropertyValueOutOfRange",
     "'ConnectionInactivityTimeOut'"),
    (dict(ConnectionInactivityTimeOut="1.00:00:01"), "PropertyValueOutOfRange",
     "from 00:00:01 to 1.00:00:00"),
    (dict(MaxMessageSize="3GB"), "PropertyValueOutOfRange", "'MaxMessageSize'"),
    (dict(Name=""), "NameEmpty", "Name property can't be empty"),
    (dict(Name="x" * 65), "NameTooLong",
     "The maximum length is 64 and the length of the value provided is 65."),
    (dict(AddressSpaces=["*contoso.com"]), "InvalidPropertyValue", "*contoso.com"),
]


@pytest.mark.parametrize("changes, error_id, words", RULES,
                         ids=[f"{rule[1]}-{index}" for index, rule in enumerate(RULES)])
def test_each_rule_refuses_with_an_exchange_like_message(changes, error_id, words):
    base = dict(Name="Rule test", AddressSpaces=["contoso.com"])
    base.update(changes)
    with pytest.raises(ValidationError) as caught:
        SendConnector(**base)
    assert caught.value.error_id == error_id
    assert words in caught.value.message
    assert caught.value.record.category == "InvalidArgument"


@pytest.mark.parametrize("changes", [
    SEED,
    dict(AddressSpaces=["X400:c=US;a=Fabrikam;P=Contoso;5"], DNSRoutingEnabled=False,
         SmartHosts=["gw.contoso.com"]),
    dict(RequireTLS=True, TlsAuthLevel="DomainValidation", TlsDomain="contoso.com",
         DNSRoutingEnabled=False, SmartHosts=["10.1.1.1"]),
    dict(RequireTLS=True, TlsAuthLevel="DomainValidation"),  # DNS routing: recipient domain used
    dict(DomainSecureEnabled=True, AddressSpaces=["contoso.com"]),
    dict(MaxMessageSize="unlimited"),
    dict(LinkedReceiveConnector="EXCH01\\Relay", AddressSpaces=[], DNSRoutingEnabled=False,
         SmartHosts=["10.1.1.1"], MaxMessageSize="unlimited", SmartHostAuthMechanism="None"),
])
def test_valid_combinations_are_accepted(changes):
    base = dict(Name="Valid test", AddressSpaces=["contoso.com"])
    base.update(changes)
    assert SendConnector(**base).IsValid


def test_auth_mechanism_on_dns_routed_connector_is_a_warning_not_an_error():
    # Example 2 of the New-SendConnector page does exactly this.
    connector = SendConnector(Name="Secure Email to Contoso.com", AddressSpaces=["contoso.com"],
                              AuthenticationCredential=PSCredential("u", "p"),
                              SmartHostAuthMechanism="BasicAuth")
    assert any("smart hosts" in text for text in connector.warnings)


def test_tls_domain_without_domain_validation_warns():
    connector = SendConnector(Name="T", AddressSpaces=["contoso.com"], TlsDomain="contoso.com")
    assert connector.warnings == ["The TlsDomain value is used only when TlsAuthLevel is "
                                  "DomainValidation."]


def test_with_changes_applies_multi_valued_edits_and_checks_rules():
    from exshell.types import AddressSpace, MultiValued

    connector = SendConnector(**SEED)
    edit = MultiValued(AddressSpace).convert({"Add": "*.litware.com;3"})
    changed = connector.with_changes(AddressSpaces=edit)
    assert str(changed.AddressSpaces) == \
        "{SMTP:*.contoso.com;5, SMTP:*.fabrikam.com;8, SMTP:*.litware.com;3}"
    removal = MultiValued(AddressSpace).convert({"Remove": "*.contoso.com;5"})
    assert str(changed.with_changes(AddressSpaces=removal).AddressSpaces) == \
        "{SMTP:*.fabrikam.com;8, SMTP:*.litware.com;3}"
    with pytest.raises(ValidationError):
        connector.with_changes(DNSRoutingEnabled=True)
    assert changed.Guid == connector.Guid


@pytest.mark.parametrize("usage, switches, expected", [
    (None, {}, "Custom"),
    ("Internet", {}, "Internet"),
    (None, {"Partner": True}, "Partner"),
    (None, {"Internal": False}, "Custom"),
])
def test_usage_selection(usage, switches, expected):
    assert usage_from_switches(usage, **switches) == expected


def test_two_usage_selectors_conflict():
    with pytest.raises(ValidationError) as caught:
        usage_from_switches("Internet", Custom=True)
    assert caught.value.message.startswith("The Custom and Usage parameters can't be used together")
