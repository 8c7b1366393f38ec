"""exshell's extra lines after PowerShell's messages: did you mean, versions, paste damage."""
from __future__ import annotations

import os

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest

from exshell.binder import hints
from exshell.errors import ErrorRecord, binding_error, message, parse_error
from exshell.language.ast import Extent, Source

REPO = Path(__file__).resolve().parents[2]
REFERENCE = Path(os.environ["EXSHELL_REFERENCE"])


def metadata(name, *parameters):
    """A stand-in for the binder's CommandMetadata: (name, aliases, versions) triples."""
    table = {}
    for entry in parameters:
        pname, aliases, versions = (entry + ((), None))[:3] if isinstance(entry, tuple) else (entry, (), None)
        table[pname] = SimpleNamespace(name=pname, aliases=aliases, versions=versions)
    return SimpleNamespace(name=name, parameters=table)


def unknown_parameter(command, typed):
    return binding_error("NamedParameterNotFound", command, "", None, command, typed)


SEND = metadata("New-SendConnector", "Name", "AddressSpaces", "SmartHosts", "SmartHostAuthMechanism",
                "DNSRoutingEnabled", "MaxMessageSize", ("ErrorAction", ("ea",)),
                ("CloudServicesMailEnabled", (), ("2013", "2016", "2019", "SE")))


@pytest.mark.parametrize("typed, expected", [
    ("SmartHots", "Did you mean -SmartHosts?"),
    ("DNSRoutingEnable", "Did you mean -DNSRoutingEnabled?"),
    ("MaxMesageSize", "Did you mean -MaxMessageSize?"),
    ("errorActon", "Did you mean -ErrorAction?"),
])
def test_unknown_parameter_suggests_closest_declared_names(typed, expected):
    record = unknown_parameter("New-SendConnector", typed)
    hints.for_binding_error(record, SEND, typed)
    assert record.hints == [expected]


def test_unrelated_parameter_gets_no_suggestion():
    record = unknown_parameter("New-SendConnector", "qqq")
    hints.for_binding_error(record, SEND, "qqq")
    assert record.hints == []


def test_parameter_of_a_later_exchange_version_says_which_versions_have_it():
    record = unknown_parameter("New-SendConnector", "CloudServicesMailEnabled")
    hints.for_binding_error(record, SEND, "-CloudServicesMailEnabled")
    assert record.hints == [
        "-CloudServicesMailEnabled is a parameter of New-SendConnector in Exchange 2013, 2016, "
        "2019 and SE only; Exchange 2010 does not have it."]


def test_a_prefix_of_a_later_version_parameter_is_recognised_too():
    record = unknown_parameter("new-sendconnector", "cloudservices")
    hints.for_binding_error(record, SEND, "cloudservices")
    assert "Exchange 2010 does not have it" in record.hints[0]


def test_not_bindable_parameters_are_never_suggested_as_did_you_mean():
    record = unknown_parameter("New-SendConnector", "CloudServicesMailEnable")
    meta = metadata("Test-Thing", ("CloudServicesMailEnabled", (), ("2013",)))
    hints.for_binding_error(record, meta, "CloudServicesMailEnable")
    assert record.hints == []


def test_enum_value_gets_closest_valid_names():
    record = ErrorRecord(
        message=message("CannotConvertArgumentNoMessage", "New-SendConnector", "Usage", "", "", "", "",
                        'Cannot convert value "Custon" to type "Microsoft.Exchange.Data.UsageType". '
                        'Error: "' + message("EnumNotMatched", "Custon", "Custom, Internal, Internet, Partner")
                        + '"'),
        error_id="CannotConvertArgumentNoMessage")
    hints.for_binding_error(record, SEND, "Usage")
    assert record.hints == ["Did you mean Custom?"]


def test_string_for_a_boolean_parameter_explains_dollar_true():
    record = binding_error("CannotConvertArgument", "New-SendConnector", "", None, "New-SendConnector",
                           "DNSRoutingEnabled", "System.Boolean", "", "", "", "System.String", "")
    hints.for_binding_error(record, SEND, "DNSRoutingEnabled")
    assert record.hints and "$true or $false" in record.hints[0]


def test_hints_are_not_repeated():
    record = unknown_parameter("New-SendConnector", "SmartHost")
    hints.for_binding_error(record, SEND, "SmartHost")
    hints.for_binding_error(record, SEND, "SmartHost")
    assert len(record.hints) == 1


def command_not_found(name):
    return ErrorRecord(message=message("CommandNotFoundException", name),
                       error_id="CommandNotFoundException", target_name=name)


@pytest.mark.parametrize("name, expected", [
    ("Get-TransportService", "Get-TransportService is the name used by Exchange 2013, 2016, 2019 "
                             "and SE; on Exchange 2010 use Get-TransportServer."),
    ("set-transportservice", "Set-TransportService is the name used by Exchange 2013, 2016, 2019 "
                             "and SE; on Exchange 2010 use Set-TransportServer."),
    ("Get-FrontendTransportService", "Get-FrontendTransportService exists only in Exchange 2013, "
                                     "2016, 2019 and SE; Exchange 2010 has no equivalent."),
    ("Get-MailboxTransportService", "Get-MailboxTransportService exists only in Exchange 2013, "
                                    "2016, 2019 and SE; Exchange 2010 has no equivalent."),
    ("Get-QueueDigest", "Get-QueueDigest is the name used by Exchange 2013, 2016, 2019 and SE; "
                        "on Exchange 2010 use Get-Queue."),
    ("Get-RoutingGroupConnector", "Get-RoutingGroupConnector is an Exchange 2010 cmdlet that exshell "
                                  "does not provide."),
])
def test_unknown_command_from_the_reference_explains_versions(name, expected):
    record = command_not_found(name)
    hints.for_unknown_command(record, name, candidates=[])
    assert record.hints == [expected]


def test_unknown_command_suggests_closest_names():
    record = command_not_found("Get-SendConector")
    hints.for_unknown_command(record, "Get-SendConector",
                              candidates=["Get-SendConnector", "Set-SendConnector", "Get-Date"])
    assert record.hints == ["Did you mean Get-SendConnector?"]


def test_unknown_command_with_an_en_dash_says_so():
    record = command_not_found("New\u2013SendConnector")
    hints.for_unknown_command(record, "New\u2013SendConnector", candidates=["New-SendConnector"])
    assert record.hints[0] == ("The name contains a typographic dash; cmdlet names use '-' "
                               "(New-SendConnector).")


def parse_record(text, fragment, error_id="UnexpectedToken", *args):
    source = Source(text)
    start = text.index(fragment)
    return parse_error(error_id, Extent(source, start, start + len(fragment)), *(args or (fragment,)))


def test_backtick_followed_by_spaces_at_line_end_is_explained():
    text = "New-SendConnector -Name x `  \n  -AddressSpaces y\n"
    record = parse_record(text, "AddressSpaces")
    hints.for_parse_error(record, text)
    assert record.hints == [
        "Line 1 ends with a backtick followed by spaces (char 27): the backtick escapes the space, "
        "not the line break, so the command ends on that line. Delete the spaces after the backtick."]


def test_a_proper_continuation_gets_no_hint():
    text = "New-SendConnector -Name x `\n  -AddressSpaces y ]\n"
    record = parse_record(text, "]")
    hints.for_parse_error(record, text)
    assert record.hints == []


def test_smart_apostrophe_ending_a_string_early_is_explained():
    text = "Write-Host 'it\u2019s done'"
    record = parse_record(text, "done'", "TerminatorExpectedAtEndOfString", "'")
    hints.for_parse_error(record)
    assert len(record.hints) == 1
    assert "U+2019" in record.hints[0] and "line 1 char 15" in record.hints[0]


def test_smart_quotes_around_a_string_are_fine():
    text = "Write-Host \u2018done\u2019 )"
    record = parse_record(text, ")")
    hints.for_parse_error(record, Source(text))
    assert record.hints == []


def test_en_dash_parameters_are_not_damage():
    text = "Get-Date \u2013Format x )"
    record = parse_record(text, ")")
    hints.for_parse_error(record, text)
    assert record.hints == []


def test_broken_continuation_is_found_for_the_cut_command_and_the_orphan_line():
    text = "Get-Date `  \n-Format x\nGet-Date\n"
    source = Source(text)
    cut = ErrorRecord(message="m", error_id="X")
    hints.for_broken_continuation(cut, Extent(source, 0, 11))
    orphan = ErrorRecord(message="m", error_id="X")
    hints.for_broken_continuation(orphan, Extent(source, 13, 22))
    unrelated = ErrorRecord(message="m", error_id="X")
    hints.for_broken_continuation(unrelated, Extent(source, 23, 31))
    assert cut.hints and orphan.hints and not unrelated.hints


def test_committed_version_table_matches_the_reference():
    if not (REFERENCE / "exchange-cmdlets.json").exists():
        pytest.fail(f"reference folder missing: {os.environ['EXSHELL_REFERENCE']}")
    spec = importlib.util.spec_from_file_location("gen", REPO / "scripts" / "gen_exchange_versions.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    expected = generator.render(generator.build(REFERENCE))
    committed = (REPO / "exshell" / "data" / "exchange_versions.py").read_text(encoding="utf-8")
    assert committed == expected
    from exshell.data import version_table

    table = version_table()
    assert table["cmdlets"]["New-SendConnector"]["parameters"]["SmartHosts"][0] == "2010"
    assert table["by_lower_name"]["get-transportservice"] == "Get-TransportService"


def test_a_smart_apostrophe_inside_double_quotes_is_harmless_and_not_blamed():
    text = 'Set-Thing -Comment "it\u2019s mine"\nWrite-Host \'it\u2019s done\''
    record = parse_record(text, "'", "TerminatorExpectedAtEndOfString", "'")
    record.extent = Extent(record.extent.source, len(text) - 1, len(text))
    hints.for_parse_error(record)
    assert len(record.hints) == 1 and "line 2 char 15" in record.hints[0]


def test_syntax_line_placeholders_are_pointed_out():
    text = "New-SendConnector -Name <Connector Name> -AddressSpaces <Address Space>"
    source = Source(text)
    start = text.index("<Address")
    record = binding_error("CannotConvertArgumentNoMessage", "New-SendConnector", "",
                           Extent(source, start, start + 8), "New-SendConnector", "AddressSpaces",
                           "", "", "", "", "inner")
    hints.for_binding_error(record, SEND, "AddressSpaces")
    assert record.hints == ["<Connector Name> is a placeholder from a syntax description; "
                            "replace each <...> with a real value."]
    assert parse_record("Get-Thing -Count 2 > out", ">").hints == []


@pytest.mark.parametrize("typed, names, expected", [
    ("Get-SendConector", ["Get-SendConnector", "Set-SendConnector", "Get-Date"], ["Get-SendConnector"]),
    ("smarthost", ["SmartHosts", "SmartHostAuthMechanism"], ["SmartHosts"]),
    ("Intern", ["Internal", "Internet", "Custom"], ["Internal", "Internet"]),
    ("zz", ["Name", "Port"], []),
])
def test_closest_keeps_only_names_about_as_close_as_the_best(typed, names, expected):
    assert hints.closest(typed, names) == expected


def test_loosely_similar_names_are_not_suggested():
    assert hints.closest("Get-ChildItem", ["Get-Date", "Get-Content", "Get-Command"]) == []


def test_parameter_of_the_later_successor_cmdlet_is_explained():
    record = unknown_parameter("Set-TransportServer", "TransportSyncPopEnabled")
    meta = metadata("Set-TransportServer", "Identity", "MaxOutboundConnections")
    hints.for_binding_error(record, meta, "TransportSyncPopEnabled")
    assert record.hints == [
        "-TransportSyncPopEnabled is a parameter of Set-TransportService, the Exchange 2013, "
        "2016, 2019 and SE successor of Set-TransportServer; Exchange 2010 has no such setting."]


@pytest.mark.parametrize("text, expected", [
    ("New-SendConnector -DNSRoutingEnabled $false -SmartHosts -MaxMessageSize 20MB",
     "-SmartHosts is followed by -MaxMessageSize, another parameter, so it got no value: "
     "put its value right after -SmartHosts."),
    ("New-SendConnector -Name x -SmartHosts `\n  -Port 25",
     "-SmartHosts is followed by -Port, another parameter, so it got no value: "
     "put its value right after -SmartHosts."),
    ("New-SendConnector -Name x -SmartHosts", "Nothing follows -SmartHosts in this command: "
                                              "put its value right after it."),
    ("New-SendConnector -Name x -SmartHosts | Out-Null", "Nothing follows -SmartHosts in this "
                                                         "command: put its value right after it."),
])
def test_a_parameter_without_its_value_says_what_took_its_place(text, expected):
    source = Source(text)
    start = text.index("-SmartHosts")
    record = binding_error("MissingArgument.Binder", "New-SendConnector", "",
                           Extent(source, start, start + len("-SmartHosts")), "New-SendConnector",
                           "SmartHosts", "Microsoft.Exchange.Data.MultiValuedProperty`1[...]")
    hints.for_binding_error(record, SEND, "SmartHosts")
    assert record.hints == [expected]


def test_a_parameter_of_a_sibling_cmdlet_is_explained():
    record = unknown_parameter("Set-SendConnector", "Usage")
    meta = metadata("Set-SendConnector", "Identity", "AddressSpaces")
    hints.for_binding_error(record, meta, "Usage")
    assert record.hints == ["-Usage belongs to New-SendConnector; Set-SendConnector does not take it."]
