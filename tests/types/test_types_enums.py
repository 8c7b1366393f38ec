"""Enums: PowerShell enum conversion (case, unique prefix, flags lists) and .NET display."""
import os
import pytest

from exshell.cmdlets.base import ConversionError
from exshell.language.values import ArgumentNumber
from exshell.types import enums
from exshell.types.enums import (
    AcceptedDomainType, AuthMechanisms, ErrorPolicies, MessageRateSourceFlags, PermissionGroups,
    ProtocolLoggingLevel, ReceiveConnectorUsageType, SendConnectorUsageType, SmartHostAuthMechanism,
    TlsAuthLevel,
)


@pytest.mark.parametrize("enum_type, given, shown", [
    (SendConnectorUsageType, "Custom", "Custom"),
    (SendConnectorUsageType, "custom", "Custom"),
    (SendConnectorUsageType, "Cu", "Custom"),
    (SendConnectorUsageType, "internet", "Internet"),
    (ReceiveConnectorUsageType, "cl", "Client"),
    (ProtocolLoggingLevel, "v", "Verbose"),
    (ProtocolLoggingLevel, "NONE", "None"),
    (AcceptedDomainType, "ExternalRelay", "ExternalRelay"),
    (TlsAuthLevel, "domainval", "DomainValidation"),
    (SmartHostAuthMechanism, "BasicAuthRequireTLS", "BasicAuthRequireTLS"),
    (AuthMechanisms, "Tls, BasicAuth", "Tls, BasicAuth"),
    (AuthMechanisms, "basicauth,tls", "Tls, BasicAuth"),
    (AuthMechanisms, ["Tls", "ExchangeServer"], "Tls, ExchangeServer"),
    (PermissionGroups, "AnonymousUsers, ExchangeUsers", "AnonymousUsers, ExchangeUsers"),
    (ErrorPolicies, "Default", "Default"),
    (ErrorPolicies, "DowngradeDnsFailures,DowngradeAuthFailures",
     "DowngradeDnsFailures, DowngradeAuthFailures"),
    (MessageRateSourceFlags, "IPAddress, User", "All"),
    (ProtocolLoggingLevel, ArgumentNumber(1, "1"), "Verbose"),
    (ProtocolLoggingLevel, "1", "Verbose"),
])
def test_accepted(enum_type, given, shown):
    value = enum_type.convert(given)
    assert isinstance(value, enum_type)
    assert str(value) == shown
    assert enum_type.convert(str(value)) is value


def test_ambiguous_prefix_lists_candidates():
    with pytest.raises(ConversionError) as caught:
        SendConnectorUsageType.convert("Inter")
    assert str(caught.value) == (
        "The identifier name Inter cannot be processed due to the inability to differentiate "
        "between the following enumerator names: Internal, Internet. Try a more specific "
        "identifier name.")


def test_unknown_name_lists_valid_names():
    with pytest.raises(ConversionError) as caught:
        ProtocolLoggingLevel.convert("Loud")
    assert str(caught.value) == (
        "Unable to match the identifier name Loud to a valid enumerator name. Specify one of the "
        "following enumerator names and try again:\nNone, Verbose")


def test_plain_enum_rejects_lists_and_flags_reject_unknown_parts():
    with pytest.raises(ConversionError, match="identifier name Custom, Internal"):
        SendConnectorUsageType.convert("Custom, Internal")
    with pytest.raises(ConversionError, match="identifier name Bogus"):
        AuthMechanisms.convert("Tls, Bogus")


def test_2010_error_policies_only():
    with pytest.raises(ConversionError, match="Default, DowngradeDnsFailures, DowngradeAuthFailures"):
        ErrorPolicies.convert("UpgradeCustomFailures")
    assert "UpgradeCustomFailures" in enums.NON_2010_VALUES["ErrorPolicies"]


def test_type_names_and_reference_names():
    assert AcceptedDomainType.dotnet_name == (
        "Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomainType")
    assert TlsAuthLevel.dotnet_name == "Microsoft.Exchange.Data.TlsAuthLevel"
    assert SendConnectorUsageType.reference_name == "UsageType"
    assert SmartHostAuthMechanism.reference_name == "AuthMechanisms"
    assert all(isinstance(e.reference_name, str) and e.dotnet_name for e in enums.ENUMS)


def test_zero_members_and_null():
    assert str(AuthMechanisms["None"]) == "None"
    assert str(ErrorPolicies.convert("Default")) == "Default"
    with pytest.raises(ConversionError, match="Cannot convert null"):
        TlsAuthLevel.convert(None)


def test_values_match_the_reference_accepted_values():
    import json
    from pathlib import Path

    reference = json.loads(Path(os.environ["EXSHELL_REFERENCE"], "exchange-cmdlets.json").read_text())
    by_reference: dict[str, set[frozenset]] = {}
    for enum_type in enums.ENUMS:
        by_reference.setdefault(enum_type.reference_name, set()).add(
            frozenset(enum_type.__members__))
    for command in reference["cmdlets"]:
        for parameter in command["parameters"]:
            accepted = parameter.get("accepted_values")
            if not accepted or parameter["type"] not in by_reference:
                continue
            wanted = set(accepted) - set(enums.NON_2010_VALUES.get(parameter["type"], ()))
            assert any(wanted <= members for members in by_reference[parameter["type"]]), (
                command["name"], parameter["name"], wanted)


@pytest.mark.parametrize("enum_type, given, shown", [
    (enums.QueueStatus, "retry", "Retry"),
    (enums.MessageStatus, "PendingS", "PendingSuspend"),
    (enums.DeliveryType, "smarthost", "SmartHostConnectorDelivery"),
    (enums.DeliveryType, "Unreachable", "Unreachable"),
])
def test_queue_viewer_enums(enum_type, given, shown):
    assert str(enum_type.convert(given)) == shown
