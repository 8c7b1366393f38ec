"""The session object: host contract, variables, command resolution, independence."""
import io

from exshell.session import Session, SessionOptions, StdioHost, StdioUI


def make_ui(stdin=""):
    return StdioUI(stdin=io.StringIO(stdin), stdout=io.StringIO(), stderr=io.StringIO())


def test_read_line_strips_newline_and_gives_none_at_end():
    ui = make_ui("first\n")
    assert ui.read_line("Name: ") == "first"
    assert ui.read_line("Name: ") is None
    assert ui.stdout.getvalue() == "Name: Name: "


def test_prompt_for_choice_uses_hot_keys_and_default():
    ui = make_ui("a\n\n")
    choices = ["&Yes", "Yes to &All", "&No", "No to A&ll"]
    assert ui.prompt_for_choice("Confirm", "Are you sure?", choices, 0) == 1
    assert ui.prompt_for_choice("Confirm", "Are you sure?", choices, 2) == 2
    shown = ui.stdout.getvalue()
    assert '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"): ' in shown


def test_stream_prefixes():
    ui = make_ui()
    ui.write_warning_line("careful")
    ui.write_verbose_line("detail")
    ui.write_error_line("bad")
    assert ui.stdout.getvalue() == "WARNING: careful\nVERBOSE: detail\n"
    assert ui.stderr.getvalue() == "bad\n"


def test_automatic_variables():
    session = Session(host=StdioHost(ui=make_ui(), interactive=False, width=100))
    outputs, _ = session.run("$ErrorActionPreference; $ConfirmPreference; $ErrorView; $OFS; $Host.Name; "
                             "$HOME -ne $null; $PWD -ne $null; $true; $null")
    assert outputs == ["Continue", "High", "NormalView", " ", "ConsoleHost", True, True, True, None]


def test_get_and_set_variable_with_scope_names():
    session = Session(host=StdioHost(ui=make_ui(), interactive=False))
    session.set_variable("answer", 42)
    session.set_variable("g", 1, scope="Global")
    assert session.get_variable("ANSWER") == 42 and session.get_variable("g") == 1
    assert session.get_variable("missing", "dflt") == "dflt"


def test_resolve_command_order_alias_function_cmdlet():
    session = Session(host=StdioHost(ui=make_ui(), interactive=False))
    assert session.resolve_command("where").name == "Where-Object"
    assert session.resolve_command("where-object").kind == "Cmdlet"
    session.run("function Where-Object { 'mine' }")
    assert session.resolve_command("Where-Object").kind == "Function"
    assert session.resolve_command("No-Such-Command") is None


def test_options_and_host_flags():
    session = Session(host=StdioHost(ui=make_ui(), interactive=True, width=77),
                      options=SessionOptions(non_interactive=True, no_profile=True))
    assert session.host.interactive and session.host.width == 77
    assert session.options.non_interactive and session.options.no_profile
