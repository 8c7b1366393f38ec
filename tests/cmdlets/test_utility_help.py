"""Get-Command, Get-Help (and -?), Get-Member, and syntax generation."""
from __future__ import annotations

import pytest

from exshell.binder.metadata import CommandMetadata
from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, ParamSet, cmdlet
from exshell.cmdlets.utility.syntax import syntax_lines, type_label
from exshell.language.values import SwitchParameter
from test_utility_kit import UtilityShell, shell  # noqa: F401 - fixture


@cmdlet("New-Widget", should_process=True, default_set="ByName", synopsis="Makes a widget.",
        examples=[("New-Widget -Name w1 -Sizes 1,2", "Makes w1.")])
class NewWidget(Cmdlet):
    Name = Param(str, sets={"ByName": ParamSet(mandatory=True, position=1)}, help="The name.")
    Sizes = Param(ArrayOf(int), mandatory=True, help="The sizes.")
    Comment = Param(str, help="A note.")
    Kind = Param(str, values=["Round", "Square"], help="The shape.")
    Force = Param(SwitchParameter, help="No questions.")
    Template = Param(object, sets={"ByTemplate": ParamSet(mandatory=True, position=1)},
                     from_pipeline=True, help="A widget to copy.")


def test_syntax_lines_follow_powershell_order():
    assert syntax_lines(CommandMetadata.from_cmdlet(NewWidget)) == [
        "New-Widget [-Name] <String> -Sizes <Int32[]> [-Comment <String>] [-Kind {Round | Square}] "
        "[-Force] [-WhatIf] [-Confirm] [<CommonParameters>]",
        "New-Widget [-Template] <Object> -Sizes <Int32[]> [-Comment <String>] [-Kind {Round | Square}] "
        "[-Force] [-WhatIf] [-Confirm] [<CommonParameters>]",
    ]


def test_exchange_syntax_uses_reference_type_names():
    from exshell.cmdlets import registry
    metadata = CommandMetadata.from_cmdlet(registry.lookup("New-SendConnector"))
    first = syntax_lines(metadata)[0]
    assert first.startswith("New-SendConnector [-Name] <String> -AddressSpaces <MultiValuedProperty>")
    assert first.endswith("[-WhatIf] [-Confirm] [<CommonParameters>]")


@pytest.mark.parametrize("param_type, label", [
    (str, "String"), (int, "Int32"), (ArrayOf(str), "String[]"), (SwitchParameter, "SwitchParameter"),
    (object, "Object"),
])
def test_type_labels(param_type, label):
    assert type_label(param_type) == label


def test_get_command_wildcards_and_table(shell):
    outcome = shell.ok("Get-Command *-Content")
    assert [v.get("Name") for v in outcome.values] == ["Add-Content", "Get-Content", "Set-Content"]
    lines = outcome.text.split("\n")
    # the Exchange 2010 shell's (PowerShell 2.0) columns; Definition is the first syntax line
    assert lines[1] == "CommandType     Name                                Definition"
    assert lines[2] == "-----------     ----                                ----------"
    assert lines[3].startswith("Cmdlet          Add-Content                         Add-Content [-Path] <")


def test_get_command_verb_noun_and_aliases(shell):
    names = [v.get("Name") for v in shell.ok("gcm -Verb Get -Noun *Connector").values]
    assert names == ["Get-ForeignConnector", "Get-ReceiveConnector", "Get-SendConnector"]
    alias = shell.ok("Get-Command fl").values[0]
    assert (alias.get("CommandType"), alias.get("Definition"), alias.get("DisplayName")) == \
        ("Alias", "Format-List", "fl -> Format-List")
    assert shell.ok("Get-Command -CommandType Alias").values[0].get("CommandType") == "Alias"


def test_get_command_syntax_and_functions(shell):
    text = shell.ok("Get-Command Test-Path -Syntax").values[0]
    assert text.startswith("Test-Path [-Path] <String[]>")
    assert shell.ok("Get-Command fl -Syntax").values[0].startswith("Format-List [[-Property] <Object[]>]")
    function = shell.ok("function Get-Thing { param([string]$Name) }; Get-Command Get-Thing").values[0]
    assert function.get("CommandType") == "Function"
    assert function.get("Definition").startswith("Get-Thing [[-Name] <String>]")


def test_get_command_unknown_name(shell):
    outcome = shell.run("Get-Command Get-Nothing")
    assert "The term 'Get-Nothing' is not recognized" in outcome.errors
    assert shell.ok("Get-Command Get-Nothing*").values == []


def test_get_help_default_layout(shell):
    text = shell.ok("Get-Help Sort-Object").values[0]
    assert text.startswith("\nNAME\n    Sort-Object\n\nSYNOPSIS\n    Orders pipeline objects")
    assert "\nSYNTAX\n    Sort-Object [[-Property] <Object[]>]" in text
    assert "\nALIASES\n    sort\n" in text
    assert 'To see the examples, type: "get-help Sort-Object -examples".' in text


def test_get_help_full_lists_parameter_facts(shell):
    text = shell.ok("Get-Help Where-Object -Full").values[0]
    assert "    -FilterScript <ScriptBlock>\n" in text
    block = text[text.index("    -InputObject <Object>"):]
    assert "        Required?                    false\n" in block
    assert "        Position?                    named\n" in block
    assert "        Accept pipeline input?       True (ByValue)\n" in block
    assert "    <CommonParameters>\n" in text and "EXAMPLES" in text


def test_get_help_parameter_and_examples(shell):
    text = shell.ok("Get-Help Get-Content -Parameter TotalCount").values[0]
    assert text.startswith("\n    -TotalCount <Int32>\n")
    assert "        Aliases                      First, Head\n" in text
    examples = shell.ok("Get-Help Get-Date -Examples").values[0]
    assert "-------------------------- EXAMPLE 1 --------------------------" in examples
    assert "PS C:\\>Get-Date -Format yyyyMMdd" in examples


def test_help_question_mark_and_aliases(shell):
    assert shell.ok("Select-Object -?").values[0].startswith("\nNAME\n    Select-Object\n")
    assert shell.ok("help gcm").values[0].startswith("\nNAME\n    Get-Command\n")
    assert shell.ok("Get-Help").values[0].lstrip().startswith("TOPIC")


def test_get_help_unknown_and_wildcard(shell):
    assert "Get-Help could not find Nothing-Here in a help file in this session." in \
        shell.run("Get-Help Nothing-Here").errors
    rows = shell.ok("Get-Help *-Csv").values
    assert [r.get("Name") for r in rows] == ["ConvertFrom-Csv", "ConvertTo-Csv", "Export-Csv", "Import-Csv"]


def test_get_help_wraps_syntax_at_the_console_width():
    narrow = UtilityShell(width=60)
    syntax = narrow.ok("Get-Help Select-Object").values[0].split("SYNTAX\n")[1].split("\n\n")[0]
    lines = syntax.split("\n")
    assert len(lines) > 2 and all(len(line) <= 60 for line in lines)
    # lines break between parameters, never inside one
    assert all(line.startswith("    [") or line.startswith("    Select-Object") for line in lines)


def test_get_member_of_custom_objects(shell):
    outcome = shell.ok("$people | select -First 1 Name, Size | Get-Member")
    assert outcome.text == (
        "\n   TypeName: Selected.System.Management.Automation.PSCustomObject\n\n"
        "Name        MemberType   Definition\n"
        "----        ----------   ----------\n"
        "Equals      Method       bool Equals(System.Object obj)\n"
        "GetHashCode Method       int GetHashCode()\n"
        "GetType     Method       type GetType()\n"
        "ToString    Method       string ToString()\n"
        "Name        NoteProperty string Name=alpha\n"
        "Size        NoteProperty int Size=12\n\n\n")


def test_get_member_filters_and_one_block_per_type(shell):
    rows = shell.ok("'a', 'b', 1 | Get-Member -MemberType Property").values
    assert [(r.get("TypeName"), r.get("Name")) for r in rows] == [("System.String", "Length")]
    assert [r.get("Name") for r in shell.ok("'a' | gm -Name To*").values] == \
        ["ToCharArray", "ToLower", "ToString", "ToUpper"]


def test_get_member_of_exchange_like_objects(shell):
    class Generic:
        def ps_type_names(self):
            return ["Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.AddressSpace]"]

    class Model:
        def ps_properties(self):
            return {"Name": "x", "Port": 25, "Spaces": Generic()}

        def ps_type_names(self):
            return ["Microsoft.Exchange.Thing", "System.Object"]

    shell.set("m", Model())
    rows = shell.ok("$m | Get-Member -MemberType Property").values
    assert [(r.get("Name"), r.get("Definition")) for r in rows] == \
        [("Name", "System.String Name {get;set;}"), ("Port", "System.Int32 Port {get;set;}"),
         ("Spaces", "Microsoft.Exchange.Data.MultiValuedProperty[Microsoft.Exchange.Data.AddressSpace] "
                    "Spaces {get;set;}")]


def test_get_member_without_input(shell):
    assert "You must specify an object for the Get-Member cmdlet." in shell.run("Get-Member").errors


def test_enum_choices_include_zero_valued_flags():
    import enum

    class Mechanisms(enum.Flag):
        NONE_ = 0
        Tls = 1
        BasicAuth = 2

    @cmdlet("Set-Mech")
    class SetMech(Cmdlet):
        Mode = Param(Mechanisms)

    assert syntax_lines(CommandMetadata.from_cmdlet(SetMech)) == \
        ["Set-Mech [-Mode {NONE_ | Tls | BasicAuth}] [<CommonParameters>]"]


def test_get_help_unknown_parameter(shell):
    assert "No parameter matches criteria Nope." in shell.run("Get-Help Get-Date -Parameter Nope").errors
    assert "-Month <Int32>" in shell.ok("Get-Help Get-Date -Parameter Mo*").values[0]
