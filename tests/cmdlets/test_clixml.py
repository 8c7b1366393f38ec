"""Export-Clixml / Import-Clixml: the CLIXML text PowerShell 5.1 writes, and the
objects a round trip gives back (unit level; engine-level runs live in
test_exchange_clixml.py)."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from exshell.cmdlets.utility import clixml_format as clixml
from exshell.language.values import Char, Hashtable, Int64, OrderedHashtable, PSObject


def _body(document: str) -> list[str]:
    lines = document.split("\n")
    assert lines[0] == '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">'
    assert lines[-1] == "</Objs>"
    return [line.strip() for line in lines[1:-1]]


@pytest.mark.parametrize("value, element", [
    ("hello", "<S>hello</S>"),
    ("a<b&c", "<S>a&lt;b&amp;c</S>"),
    ("line1\nline2", "<S>line1_x000A_line2</S>"),
    ("_x0041_", "<S>_x005F_x0041_</S>"),
    (5, "<I32>5</I32>"),
    (Int64(5), "<I64>5</I64>"),
    (2**40, "<I64>1099511627776</I64>"),
    (True, "<B>true</B>"),
    (False, "<B>false</B>"),
    (1.5, "<Db>1.5</Db>"),
    (Decimal("2.50"), "<D>2.50</D>"),
    (None, "<Nil />"),
    (Char("A"), "<C>65</C>"),
    (timedelta(minutes=10), "<TS>PT10M</TS>"),
    (timedelta(days=1, hours=2), "<TS>P1DT2H</TS>"),
    (timedelta(0), "<TS>PT0S</TS>"),
    (timedelta(seconds=1.5), "<TS>PT1.5S</TS>"),
    (datetime(2018, 1, 5, 15, 0, 0, tzinfo=timezone.utc), "<DT>2018-01-05T15:00:00.0000000Z</DT>"),
    (datetime(2018, 1, 5, 15, 0, 0, 120000), "<DT>2018-01-05T15:00:00.1200000</DT>"),
    (uuid.UUID("d20eee84-462b-4be3-aff8-398eeb78ca24"), "<G>d20eee84-462b-4be3-aff8-398eeb78ca24</G>"),
])
def test_primitives_are_written_with_their_clixml_tags(value, element):
    assert _body(clixml.serialize([value])) == [element]


@pytest.mark.parametrize("value", [
    "hello", "a<b&c", "line1\r\nline2\ttab", "_x0041_", 5, Int64(7), True, False, 1.5, -0.25,
    Decimal("2.50"), None, Char("z"), timedelta(minutes=10), timedelta(days=3, seconds=7),
    -timedelta(hours=1), datetime(2018, 1, 5, 15, 0, 0, tzinfo=timezone.utc),
    uuid.UUID("d20eee84-462b-4be3-aff8-398eeb78ca24"),
])
def test_primitives_round_trip(value):
    assert clixml.deserialize(clixml.serialize([value])) == [value]


def test_custom_object_uses_member_set_and_deserialized_type_names():
    obj = PSObject([("Name", "x"), ("Count", 3)])
    document = clixml.serialize([obj])
    body = _body(document)
    assert body[:6] == ['<Obj RefId="0">', '<TN RefId="0">',
                        "<T>System.Management.Automation.PSCustomObject</T>", "<T>System.Object</T>",
                        "</TN>", "<MS>"]
    (back,) = clixml.deserialize(document)
    assert back.type_names == ["Deserialized.System.Management.Automation.PSCustomObject",
                               "Deserialized.System.Object"]
    assert dict(back.ps_properties()) == {"Name": "x", "Count": 3}


def test_repeated_type_names_use_tnref_and_repeated_objects_use_ref():
    first, second = PSObject([("a", 1)]), PSObject([("a", 2)])
    body = _body(clixml.serialize([first, second, first]))
    assert '<TNRef RefId="0" />' in body
    assert body[-1] == '<Ref RefId="0" />'
    back = clixml.deserialize(clixml.serialize([first, second, first]))
    assert [o.get("a") for o in back] == [1, 2, 1]
    assert back[0] is back[2]


def test_arrays_and_hashtables_round_trip():
    table = Hashtable([("Key1", [1, "two"]), ("Key2", None)])
    ordered = OrderedHashtable([("z", 1), ("a", 2)])
    (back_table, back_ordered, back_list) = clixml.deserialize(
        clixml.serialize([table, ordered, [1, [2, 3]]]))
    assert isinstance(back_table, Hashtable) and back_table["key1"] == [1, "two"]
    assert back_table["Key2"] is None
    assert isinstance(back_ordered, OrderedHashtable) and list(back_ordered) == ["z", "a"]
    assert back_list == [1, [2, 3]]


class _Stored:
    """Stands for a store model: PowerShell properties plus .NET type names."""

    def __init__(self, name, inner=None):
        self.name, self.inner = name, inner

    def ps_properties(self):
        return Hashtable([("Name", self.name), ("Enabled", True), ("Inner", self.inner)])

    def ps_type_names(self):
        return ["Contoso.Thing", "System.Object"]

    def __str__(self):
        return self.name


def test_objects_write_tostring_and_props_and_come_back_with_their_string():
    document = clixml.serialize([_Stored("Conn")])
    body = _body(document)
    assert "<ToString>Conn</ToString>" in body and "<Props>" in body
    (back,) = clixml.deserialize(document)
    assert str(back) == "Conn"
    assert back.type_names == ["Deserialized.Contoso.Thing", "Deserialized.System.Object"]
    assert back.get("Enabled") is True


def test_depth_limits_nesting_to_strings():
    outer = _Stored("outer", _Stored("middle", _Stored("inner")))
    (shallow,) = clixml.deserialize(clixml.serialize([outer], depth=1))
    assert shallow.get("Inner") == "middle"
    (deep,) = clixml.deserialize(clixml.serialize([outer], depth=2))
    assert str(deep.get("Inner")) == "middle" and deep.get("Inner").get("Inner") == "inner"


@pytest.mark.parametrize("text, fragment", [
    ("not xml at all", "Data at the root level is invalid."),
    ("<Other/>", "root element must be 'Objs'"),
    ('<Objs xmlns="http://schemas.microsoft.com/powershell/2004/04"><Ref RefId="9"/></Objs>',
     'RefId="9" names no earlier object'),
    ('<Objs xmlns="http://schemas.microsoft.com/powershell/2004/04"><I32>abc</I32></Objs>',
     "is not valid"),
])
def test_malformed_documents_raise_clixml_error(text, fragment):
    with pytest.raises(clixml.ClixmlError) as caught:
        clixml.deserialize(text)
    assert fragment in str(caught.value)


def test_powershell_written_document_is_read():
    # As Windows PowerShell 5.1 writes `[pscustomobject]@{Name='a';Size=1} | Export-Clixml`.
    text = (
        '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">\r\n'
        '  <Obj RefId="0">\r\n    <TN RefId="0">\r\n'
        '      <T>System.Management.Automation.PSCustomObject</T>\r\n      <T>System.Object</T>\r\n'
        '    </TN>\r\n    <MS>\r\n      <S N="Name">a</S>\r\n      <I32 N="Size">1</I32>\r\n'
        '    </MS>\r\n  </Obj>\r\n</Objs>')
    (obj,) = clixml.deserialize(text)
    assert obj.get("Name") == "a" and obj.get("Size") == 1


@pytest.mark.parametrize("raw", [
    "\ufeff<Objs/>".encode("utf-16-le"),
    "<Objs/>".encode("utf-16-le"),
    b"\xef\xbb\xbf<Objs/>",
    b"<Objs/>",
])
def test_files_in_any_powershell_encoding_decode(raw):
    assert clixml.decode_file_bytes(raw).lstrip("\ufeff") == "<Objs/>"


def test_credentials_round_trip_with_the_password_sealed(tmp_path, monkeypatch):
    from exshell.types.credential import PSCredential, SecureString

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    document = clixml.serialize([PSCredential("CONTOSO\\relay", SecureString("Sup3rSecret"))])
    assert "Sup3rSecret" not in document
    assert '<SS N="Password">v1:' in document
    (back,) = clixml.deserialize(document)
    assert isinstance(back, PSCredential)
    assert back.UserName == "CONTOSO\\relay"
    assert back.get_network_credential_password() == "Sup3rSecret"
    key = tmp_path / "exshell" / "clixml-securestring.key"
    assert key.stat().st_mode & 0o777 == 0o600


def test_a_secure_string_from_another_user_cannot_be_read(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    text = ('<Objs xmlns="http://schemas.microsoft.com/powershell/2004/04">'
            '<SS>01000000d08c9ddf0115d1118c7a00c04fc297eb0100</SS></Objs>')
    with pytest.raises(clixml.ClixmlError) as caught:
        clixml.deserialize(text)
    assert "another user or computer" in str(caught.value)


def test_re_exported_deserialized_objects_keep_one_prefix():
    (once,) = clixml.deserialize(clixml.serialize([PSObject([("a", 1)])]))
    (twice,) = clixml.deserialize(clixml.serialize([once]))
    assert twice.type_names == ["Deserialized.System.Management.Automation.PSCustomObject",
                                "Deserialized.System.Object"]
    assert twice.get("a") == 1
