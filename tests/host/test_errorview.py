"""What users see for an error record: NormalView (the Exchange-era layout) and ConciseView."""
from __future__ import annotations

import pytest

from exshell.errors import ErrorRecord, binding_error, message, parse_error
from exshell.host import errorview
from exshell.language.ast import Extent, Source

GCI_TYPE = "Microsoft.PowerShell.Commands.GetChildItemCommand"


def extent_of(text: str, fragment: str, path: str | None = None, occurrence: int = 0) -> Extent:
    source = Source(text, path)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return Extent(source, start, start + len(fragment))


def unknown_parameter(text: str, fragment: str, path: str | None = None) -> ErrorRecord:
    return binding_error("NamedParameterNotFound", "Get-ChildItem", GCI_TYPE,
                         extent_of(text, fragment, path), "Get-ChildItem", fragment.lstrip("-"))


def test_binding_error_normal_view_matches_powershell_5_layout():
    record = unknown_parameter("Get-ChildItem -foo", "-foo")
    assert errorview.render(record) == (
        "Get-ChildItem : A parameter cannot be found that matches parameter name 'foo'.\n"
        "At line:1 char:15\n"
        "+ Get-ChildItem -foo\n"
        "+               ~~~~\n"
        "    + CategoryInfo          : InvalidArgument: (:) [Get-ChildItem], ParameterBindingException\n"
        "    + FullyQualifiedErrorId : NamedParameterNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand"
    )


def test_script_errors_name_the_script_and_its_line():
    text = "# set up\n\nGet-ChildItem -foo\n"
    record = unknown_parameter(text, "-foo", path="/tmp/setup.ps1")
    shown = errorview.render(record).splitlines()
    assert shown[1] == "At /tmp/setup.ps1:3 char:15"
    assert shown[2] == "+ Get-ChildItem -foo"


def test_hints_sit_on_their_own_lines_right_after_the_message():
    record = unknown_parameter("Get-ChildItem -foo", "-foo")
    record.hints.append("Did you mean -Force?")
    shown = errorview.render(record).splitlines()
    assert shown[0].endswith("parameter name 'foo'.")
    assert shown[1] == "Did you mean -Force?"
    assert shown[2] == "At line:1 char:15"


def test_parse_error_puts_position_first_then_message_then_parser_category():
    text = 'Write-Host "abc'
    record = parse_error("TerminatorExpectedAtEndOfString", extent_of(text, '"abc'), '"')
    assert errorview.render(record) == (
        "At line:1 char:12\n"
        '+ Write-Host "abc\n'
        "+            ~~~~\n"
        'The string is missing the terminator: ".\n'
        "    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n"
        "    + FullyQualifiedErrorId : TerminatorExpectedAtEndOfString"
    )


def test_parse_error_hints_follow_the_message():
    text = "Get-Date `  \n-Format x"
    record = parse_error("UnexpectedToken", extent_of(text, "-Format"), "-Format")
    record.hints.append("hint text")
    shown = errorview.render(record).splitlines()
    assert shown[3:5] == [message("UnexpectedToken", "-Format"), "hint text"]


def test_several_parse_errors_share_one_category_block():
    text = "if ($a) { ( }"
    first = parse_error("MissingEndParenthesisInExpression", extent_of(text, "(", occurrence=1))
    second = parse_error("MissingEndCurlyBrace", extent_of(text, "{"))
    shown = errorview.render_parse_errors([first, second]).splitlines()
    assert shown[0] == "At line:1 char:11"
    assert shown[3] == "Missing closing ')' in expression."
    assert shown[4] == "At line:1 char:9"
    assert shown[7] == "Missing closing '}' in statement block or type definition."
    assert shown[8:] == [
        "    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException",
        "    + FullyQualifiedErrorId : MissingEndParenthesisInExpression",
    ]


def test_record_without_extent_prints_message_and_category_lines_only():
    record = ErrorRecord(message="boom", error_id="boom", category="OperationStopped",
                         target_name="boom", target_type="String")
    assert errorview.render(record) == (
        "boom\n"
        "    + CategoryInfo          : OperationStopped: (boom:String) [], RuntimeException\n"
        "    + FullyQualifiedErrorId : boom"
    )


def not_found(text, name):
    return ErrorRecord(
        message=message("CommandNotFoundException", name), error_id="CommandNotFoundException",
        category="ObjectNotFound", target_name=name, target_type="String",
        reason="CommandNotFoundException", extent=extent_of(text, name))


def test_unknown_command_is_prefixed_with_the_name_typed():
    shown = errorview.render(not_found("Zqxj-Wvvk -Bar 1", "Zqxj-Wvvk")).splitlines()
    assert shown[0].startswith("Zqxj-Wvvk : The term 'Zqxj-Wvvk' is not recognized")
    assert shown[2:4] == ["+ Zqxj-Wvvk -Bar 1", "+ ~~~~~~~~~"]
    assert shown[4] == ("    + CategoryInfo          : ObjectNotFound: (Zqxj-Wvvk:String) [], "
                        "CommandNotFoundException")


def test_unknown_command_of_a_later_exchange_gets_its_hint_when_rendered():
    shown = errorview.render(not_found("Get-FrontendTransportService", "Get-FrontendTransportService"))
    assert shown.splitlines()[1] == ("Get-FrontendTransportService exists only in Exchange 2013, 2016, "
                                     "2019 and SE; Exchange 2010 has no equivalent.")
    assert shown.count("has no equivalent") == 1


def test_parse_error_paste_damage_hint_is_added_when_rendered():
    text = "Write-Host 'it\u2019s done'"
    record = parse_error("TerminatorExpectedAtEndOfString", extent_of(text, "'", occurrence=1), "'")
    shown = errorview.render(record).splitlines()
    assert "U+2019" in shown[4]


@pytest.mark.parametrize("text, start, end, underline", [
    ("abc", 3, 3, "+    ~"),             # an empty extent at the end still shows one ~
    ("abc def", 4, 7, "+     ~~~"),
    ("abc {\n  x\n}", 4, 11, "+     ~"),    # a multi-line extent is underlined to its first line's end
])
def test_underline_spans_the_extent(text, start, end, underline):
    source = Source(text)
    echo = errorview.position_message(Extent(source, start, end)).splitlines()
    assert echo[2] == underline


def test_tabs_are_expanded_before_underlining():
    text = "\tGet-ChildItem\t-foo"
    echo = errorview.position_message(extent_of(text, "-foo")).splitlines()
    assert echo[1] == "+     Get-ChildItem    -foo"
    assert echo[2] == "+ " + " " * 21 + "~~~~"


SEED_DAMAGED = ('New-SendConnector -Name "Subsidiary Send Connector" -Usage Custom '
                '-AddressSpace "*.contoso.com;5","*.fabrikam.com;8" -DNSRoutingEnabled $false '
                '-SmartHosts -MaxMessageSize 20MB')


def test_long_lines_are_cut_around_the_error_with_dots_both_sides():
    echo = errorview.position_message(extent_of(SEED_DAMAGED, "-SmartHosts")).splitlines()
    column = SEED_DAMAGED.index("-SmartHosts") + 1
    assert echo[0] == f"At line:1 char:{column}"
    shown, underline = echo[1], echo[2]
    assert shown.startswith("+ ... ") and shown.endswith(" ...")
    assert len(shown) == 2 + 4 + 69 + 4
    # the underline sits exactly under -SmartHosts in the shortened line
    start = underline.index("~")
    assert shown[start:start + len("-SmartHosts")] == "-SmartHosts"
    assert underline[start:] == "~" * len("-SmartHosts")


def test_long_line_with_error_near_the_start_is_cut_only_at_the_end():
    text = "Get-ChildItem -foo " + "x" * 80
    echo = errorview.position_message(extent_of(text, "-foo")).splitlines()
    assert echo[1] == "+ " + text[:69] + " ..."
    assert echo[2] == "+ " + " " * 14 + "~~~~"


def test_long_line_with_error_at_the_end_is_cut_only_at_the_front():
    text = "x" * 80 + " -foo"
    echo = errorview.position_message(extent_of(text, "-foo")).splitlines()
    assert echo[1] == "+ ... " + text[-69:]
    assert echo[2].endswith("~~~~") and len(echo[2]) == len(echo[1])


def test_very_wide_extent_is_cut_and_its_underline_too():
    text = "Get-Thing " + "y" * 100
    echo = errorview.position_message(extent_of(text, "y" * 100)).splitlines()
    assert echo[1] == "+ " + text[:69] + " ..."
    assert echo[2] == "+ " + " " * 10 + "~" * 59


def test_concise_view_interactive_single_line():
    record = unknown_parameter("Get-ChildItem -foo", "-foo")
    assert errorview.render(record, "ConciseView") == (
        "Get-ChildItem: A parameter cannot be found that matches parameter name 'foo'.")


def test_concise_view_for_scripts_shows_a_line_block():
    record = unknown_parameter("\nGet-ChildItem -foo", "-foo", path="/s.ps1")
    assert errorview.render(record, "ConciseView") == (
        "Get-ChildItem: /s.ps1:2\n"
        "Line |\n"
        "   2 |  Get-ChildItem -foo\n"
        "     |                ~~~~\n"
        "     | A parameter cannot be found that matches parameter name 'foo'."
    )


def test_concise_view_parse_error_is_labelled_parser_error():
    text = '"abc'
    record = parse_error("TerminatorExpectedAtEndOfString", extent_of(text, '"abc'), '"')
    shown = errorview.render(record, "ConciseView").splitlines()
    assert shown[0] == "ParserError:"
    assert shown[-1] == '     | The string is missing the terminator: ".'


class FakeSession:
    def __init__(self, view):
        self.view = view

    def get_variable(self, name):
        assert name == "ErrorView"
        return self.view


@pytest.mark.parametrize("view, first_line_start", [
    ("ConciseView", "Get-ChildItem: "),
    ("conciseview", "Get-ChildItem: "),
    ("NormalView", "Get-ChildItem : "),
    (FakeSession("ConciseView"), "Get-ChildItem: "),
    (FakeSession(None), "Get-ChildItem : "),
])
def test_view_is_taken_from_a_name_or_a_session(view, first_line_start):
    record = unknown_parameter("Get-ChildItem -foo", "-foo")
    assert errorview.render(record, view).startswith(first_line_start)


def test_rendering_leaves_the_record_unchanged():
    record = not_found("Get-FrontendTransportService", "Get-FrontendTransportService")
    errorview.render(record)
    errorview.render(record)
    assert record.hints == []


@pytest.mark.parametrize("invocation_name, normal_head, concise_head", [
    (None, "Write-Error : boom", "Write-Error: boom"),
    ("", "Write-Error : boom", "Write-Error: boom"),          # top level keeps the activity
    ("f", "f : boom", "f: boom"),
    ("/tmp/s.ps1", "/tmp/s.ps1 : boom", "/tmp/s.ps1: boom"),
])
def test_a_record_attributed_to_its_caller_is_prefixed_with_the_caller(
        invocation_name, normal_head, concise_head):
    record = ErrorRecord(message="boom", error_id="Microsoft.PowerShell.Commands.WriteErrorException",
                         activity="Write-Error", reason="WriteErrorException",
                         invocation_name=invocation_name)
    normal = errorview.render(record)
    assert normal.splitlines()[0] == normal_head
    assert "[Write-Error], WriteErrorException" in normal   # the category keeps the cmdlet
    assert errorview.render(record, "ConciseView").splitlines()[0] == concise_head
