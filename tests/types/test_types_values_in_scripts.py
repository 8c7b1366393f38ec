"""Exchange and .NET values as scripts use them: credentials, flags text, enum
prefixes, comparisons with text, Unlimited display."""
import enum
import io

import pytest

from exshell.language import conversions as conv
from exshell.language.conversions import PSInvalidCastError
from exshell.session import Session, SessionOptions, StdioHost, StdioUI
from exshell.types.credential import PSCredential
from exshell.types.unlimited import Unlimited
from exshell.types.bytesize import ByteQuantifiedSize


def run(text, **variables):
    ui = StdioUI(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO())
    session = Session(host=StdioHost(ui=ui, interactive=False, width=120),
                      options=SessionOptions(non_interactive=True))
    for name, value in variables.items():
        session.set_variable(name, value)
    outputs, _ = session.run(text)
    return outputs, ui.stderr.getvalue(), session


@pytest.mark.parametrize("user, expected", [
    ("CONTOSO\\relay", ["relay", "CONTOSO", "secret"]), ("relay@contoso.com", ["relay@contoso.com", "", "secret"]),
])
def test_get_network_credential(user, expected):
    cred = PSCredential(user, "secret")
    outputs, errors, _ = run("$n = $cred.GetNetworkCredential(); $n.UserName; $n.Domain; $n.Password", cred=cred)
    assert errors == "" and outputs == expected


def test_network_credential_view_hides_the_password():
    from exshell.host.format import format_default
    cred = PSCredential("CONTOSO\\relay", "secret")
    outputs, _, session = run("$cred.GetNetworkCredential()", cred=cred)
    text = format_default(outputs, 80)
    assert "relay" in text and "CONTOSO" in text and "secret" not in text


class Access(enum.Flag):
    Read = 1
    Write = 2
    Delete = 4
    ReadWrite = 3


class Color(enum.Enum):
    Black = 1
    Blue = 2
    Red = 3


@pytest.mark.parametrize("value, text", [
    (Access.Read | Access.Delete, "Read, Delete"), (Access.Read | Access.Write, "ReadWrite"),
    (Access.Read, "Read"), (Access(0), "0"), (Color.Blue, "Blue"),
])
def test_enum_text_is_dotnet_tostring(value, text):
    assert conv.to_string(value) == text


def test_ambiguous_enum_prefix_names_the_candidates():
    with pytest.raises(PSInvalidCastError) as caught:
        conv.convert_enum("bl", Color)
    assert caught.value.record.message.endswith(
        'Error: "The identifier name bl cannot be processed due to the inability to differentiate '
        'between the following enumerator names: Black, Blue. Try a more specific identifier name."')
    assert conv.convert_enum("r", Color) is Color.Red


def _size(text):
    return Unlimited(ByteQuantifiedSize).convert(text)


@pytest.mark.parametrize("text, expected", [
    ("$s -lt '20MB'", [True]), ("$s -gt '1KB'", [True]), ("$s -eq '10MB'", [True]),
    ("$s -lt 'unlimited'", [True]), ("$s -eq 'junk'", [False]),
])
def test_unlimited_size_compares_with_text(text, expected):
    outputs, errors, _ = run(text, s=_size("10MB"))
    assert outputs == expected and errors == ""


def test_comparing_with_text_that_is_no_size_is_an_error():
    outputs, errors, session = run("$s -lt 'junk'", s=_size("10MB"))
    assert outputs == []
    record = session.error_list[0]
    assert record.message.startswith('Could not compare "10 MB (10,485,760 bytes)" to "junk". Error: ')
    assert record.category_info == "InvalidOperation: (:) [], RuntimeException"
    assert record.fully_qualified_error_id == "ComparisonFailure"


def test_unlimited_prints_as_its_text():
    from exshell.host.format import format_default
    assert format_default([_size("10MB")], 80).strip() == "10 MB (10,485,760 bytes)"
    assert format_default([_size("unlimited")], 80).strip() == "Unlimited"
