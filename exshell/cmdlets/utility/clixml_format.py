"""PowerShell's CLIXML serialization format (what Export-Clixml writes and
Import-Clixml reads; the cmdlets live in exshell/cmdlets/utility/clixml.py).

The Exchange documentation backs configuration up with
``Get-SendConnector | Export-Clixml file.xml``; this module writes the same
format Windows PowerShell 5.1 writes (``<Objs Version="1.1.0.1" ...>``, one
``<Obj RefId>`` per pipeline object, ``<TN>``/``<TNRef>`` type-name lists,
``<Props>`` for an object's own properties and ``<MS>`` for note properties of
custom objects, typed primitives ``<S> <I32> <I64> <B> <Db> <D> <DT> <TS> <G>
<Nil/>``, ``<LST>`` for collections, ``<DCT>`` for hashtables and ``<Ref>`` for
an object met twice) and reads it back.

Contract:
  * ``serialize(objects, depth=2) -> str`` turns a sequence of values into a
    CLIXML document; objects with ``ps_properties()``/``ps_type_names()`` keep
    their properties down to ``depth`` levels and become their string beyond it.
    Values with no PowerShell-visible structure (Exchange value types such as
    ByteQuantifiedSize, AddressSpace, enums) are written as their display string,
    which is what a real EMS session deserializes them to.  SecureStrings (and
    the Password of a PSCredential) are written as ``<SS>`` sealed with a
    per-user key, exshell's stand-in for Windows DPAPI: the same user reads them
    back, nobody reads them from the file.
  * ``deserialize(text) -> list`` reads a document back: primitives as their
    Python values, collections as lists, hashtables as Hashtable, objects as
    ``DeserializedObject`` (a PSObject whose type names carry the
    ``Deserialized.`` prefix and whose string is the original ToString);
    credentials come back as live PSCredential objects, as in PowerShell.
  * Malformed input raises ``ClixmlError`` (the cmdlet turns it into an error
    record with the XmlException text); nothing here prints, and the only file it
    touches is the per-user SecureString key.
"""
from __future__ import annotations

import base64
import enum
import os
import re
import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Iterable, Optional
from xml.sax.saxutils import escape as _xml_escape

from exshell.language import values as v

NAMESPACE = "http://schemas.microsoft.com/powershell/2004/04"
HEADER = f'<Objs Version="1.1.0.1" xmlns="{NAMESPACE}">'
DESERIALIZED = "Deserialized."

# Python representation -> CLIXML primitive tag.  Order matters: bool before int,
# the sized int subclasses before plain int (which is Int32).
_INT_TAGS: tuple[tuple[type, str], ...] = (
    (v.Int64, "I64"), (v.Int16, "I16"), (v.Byte, "By"), (v.SByte, "SB"),
    (v.UInt16, "U16"), (v.UInt32, "U32"), (v.UInt64, "U64"),
)
_ARRAY_TYPE_NAMES = ("System.Object[]", "System.Array", "System.Object")
_HASHTABLE_TYPE_NAMES = ("System.Collections.Hashtable", "System.Object")
_ORDERED_TYPE_NAMES = ("System.Collections.Specialized.OrderedDictionary", "System.Object")
_CUSTOM_OBJECT = "System.Management.Automation.PSCustomObject"
_CREDENTIAL = "System.Management.Automation.PSCredential"


class ClixmlError(Exception):
    """A document that is not valid CLIXML; ``str()`` is the XmlException-style text."""


class DeserializedObject(v.PSObject):
    """An object read back from CLIXML: property bag + ``Deserialized.`` type names."""

    __slots__ = ("text",)

    def __init__(self, properties: Iterable[tuple[str, Any]], type_names: list[str], text: str):
        super().__init__(properties, type_names)
        self.text = text

    def __str__(self) -> str:
        return self.text


# ---------------------------------------------------------------- string escaping
_NEEDS_ESCAPE = re.compile(r"[\x00-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def encode_string(text: str) -> str:
    """PowerShell writes characters XML cannot carry (and a literal ``_xHHHH_``) as ``_xHHHH_``."""
    encoded = _NEEDS_ESCAPE.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)
    return _xml_escape(encoded)


def decode_string(text: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


# ---------------------------------------------------------------- value formats
def format_datetime(moment: datetime) -> str:
    """.NET round-trip ("o") form with seven fractional digits."""
    base = moment.strftime("%Y-%m-%dT%H:%M:%S") + f".{moment.microsecond:06d}0"
    if moment.tzinfo is None:
        return base
    offset = moment.utcoffset() or timedelta(0)
    if offset == timedelta(0) and moment.tzinfo is timezone.utc:
        return base + "Z"
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{base}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


_DT_PATTERN = re.compile(
    r"^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?$")


def parse_datetime(text: str) -> datetime:
    match = _DT_PATTERN.match(text.strip())
    if not match:
        raise ClixmlError(f"The string '{text}' is not a valid AllXsd value.")
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    tz = None
    if zone == "Z":
        tz = timezone.utc
    elif zone:
        sign = -1 if zone[0] == "-" else 1
        tz = timezone(sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])))
    return datetime(int(year), int(month), int(day), int(hour), int(minute), int(second), micro, tz)


def format_duration(span: timedelta) -> str:
    """xs:duration as .NET's XmlConvert writes a TimeSpan (``PT10M``, ``P1DT2H``, ``PT0S``)."""
    ticks = (span.days * 86400 + span.seconds) * 10_000_000 + span.microseconds * 10
    sign = "-" if ticks < 0 else ""
    ticks = abs(ticks)
    days, rest = divmod(ticks, 864_000_000_000)
    hours, rest = divmod(rest, 36_000_000_000)
    minutes, rest = divmod(rest, 600_000_000)
    seconds, fraction = divmod(rest, 10_000_000)
    out = f"{sign}P"
    if days:
        out += f"{days}D"
    time_part = ""
    if hours:
        time_part += f"{hours}H"
    if minutes:
        time_part += f"{minutes}M"
    if seconds or fraction:
        time_part += f"{seconds}" + (f".{fraction:07d}".rstrip("0") if fraction else "") + "S"
    if time_part:
        out += "T" + time_part
    if out in ("P", "-P"):
        out = "PT0S"
    return out


_DURATION = re.compile(
    r"^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def parse_duration(text: str) -> timedelta:
    match = _DURATION.match(text.strip())
    if not match or text.strip() in ("P", "-P"):
        raise ClixmlError(f"The string '{text}' is not a valid TimeSpan value.")
    neg, years, months, days, hours, minutes, seconds = match.groups()
    span = timedelta(
        days=int(years or 0) * 365 + int(months or 0) * 30 + int(days or 0),
        hours=int(hours or 0), minutes=int(minutes or 0),
        seconds=float(Decimal(seconds)) if seconds else 0)
    return -span if neg else span


# ---------------------------------------------------------------- writer
class _Writer:
    def __init__(self, depth: int):
        self.depth = depth
        self.lines: list[str] = [HEADER]
        self.next_object_id = 0
        self.type_list_ids: dict[tuple[str, ...], int] = {}
        self.object_ids: dict[int, int] = {}
        self.keep_alive: list[Any] = []  # ids stay unique while the document is written

    def document(self, objects: Iterable[Any]) -> str:
        for obj in objects:
            self.value(obj, None, 1, self.depth)
        self.lines.append("</Objs>")
        return "\n".join(self.lines)

    def _name(self, name: Optional[str]) -> str:
        return "" if name is None else f' N="{encode_string(name)}"'

    def value(self, value: Any, name: Optional[str], indent: int, depth: int) -> None:
        pad = "  " * indent
        value = v.unwrap(value)
        primitive = self._primitive(value)
        if primitive is not None:
            tag, text = primitive
            if text is None:
                self.lines.append(f"{pad}<{tag}{self._name(name)} />")
            else:
                self.lines.append(f"{pad}<{tag}{self._name(name)}>{text}</{tag}>")
            return
        if id(value) in self.object_ids:
            self.lines.append(f'{pad}<Ref{self._name(name)} RefId="{self.object_ids[id(value)]}" />')
            return
        secret = _secret_kind(value)
        if secret == "SecureString":
            self.lines.append(f"{pad}<SS{self._name(name)}>{seal_secure_string(value)}</SS>")
        elif secret == "PSCredential":
            self._open(name, indent, value, [_CREDENTIAL, "System.Object"])
            inner = "  " * (indent + 1)
            self.lines.append(f"{inner}<ToString>{_CREDENTIAL}</ToString>")
            self.lines.append(f"{inner}<Props>")
            self.value(value.UserName, "UserName", indent + 2, depth - 1)
            self.lines.append(f'{inner}  <SS N="Password">{seal_secure_string(value.Password)}</SS>')
            self.lines.append(f"{inner}</Props>")
            self.lines.append(f"{pad}</Obj>")
        elif _is_exchange_value(value):
            if _is_multi_valued(value):
                type_names = [getattr(value, "dotnet_name", None) or "System.Collections.ArrayList",
                              "System.Object"]
                self._collection(list(value), type_names, name, indent, depth, as_text=True)
            else:
                self.lines.append(f"{pad}<S{self._name(name)}>{encode_string(_text(value))}</S>")
        elif isinstance(value, (list, tuple)):
            self._collection(value, list(_ARRAY_TYPE_NAMES), name, indent, depth)
        elif isinstance(value, dict):
            self._dictionary(value, name, indent, depth)
        elif hasattr(value, "ps_properties"):
            if depth <= 0:
                self.lines.append(f"{pad}<S{self._name(name)}>{encode_string(_text(value))}</S>")
            else:
                self._object(value, name, indent, depth)
        elif _is_multi_valued(value):
            self._collection(list(value), ["System.Collections.ArrayList", "System.Object"], name,
                             indent, depth)
        else:
            self.lines.append(f"{pad}<S{self._name(name)}>{encode_string(_text(value))}</S>")

    @staticmethod
    def _primitive(value: Any) -> Optional[tuple[str, Optional[str]]]:
        if value is None or value is v.AUTOMATION_NULL:
            return "Nil", None
        if isinstance(value, bool):
            return "B", "true" if value else "false"
        if isinstance(value, v.SwitchParameter):
            return "B", "true" if value else "false"
        if isinstance(value, v.Char):
            return "C", str(ord(value))
        if isinstance(value, str):
            return "S", encode_string(value)
        if isinstance(value, int) and not isinstance(value, enum.Enum):
            for cls, tag in _INT_TAGS:
                if isinstance(value, cls):
                    return tag, str(int(value))
            return ("I32" if -2**31 <= value < 2**31 else "I64"), str(int(value))
        if isinstance(value, float):
            return "Db", _format_double(value)
        if isinstance(value, Decimal):
            return "D", str(value)
        if isinstance(value, datetime):
            return "DT", format_datetime(value)
        if isinstance(value, timedelta):
            return "TS", format_duration(value)
        if isinstance(value, uuid.UUID):
            return "G", str(value)
        if isinstance(value, (bytes, bytearray)):
            return "BA", base64.b64encode(bytes(value)).decode("ascii")
        return None

    def _open(self, name: Optional[str], indent: int, value: Any, type_names: list[str]) -> None:
        pad = "  " * indent
        object_id = self.next_object_id
        self.next_object_id += 1
        self.object_ids[id(value)] = object_id
        self.keep_alive.append(value)
        self.lines.append(f'{pad}<Obj{self._name(name)} RefId="{object_id}">')
        key = tuple(type_names)
        inner = "  " * (indent + 1)
        if key in self.type_list_ids:
            self.lines.append(f'{inner}<TNRef RefId="{self.type_list_ids[key]}" />')
        else:
            list_id = len(self.type_list_ids)
            self.type_list_ids[key] = list_id
            self.lines.append(f'{inner}<TN RefId="{list_id}">')
            self.lines.extend(f"{inner}  <T>{encode_string(t)}</T>" for t in type_names)
            self.lines.append(f"{inner}</TN>")

    def _collection(self, items: list, type_names: list[str], name: Optional[str], indent: int,
                    depth: int, as_text: bool = False) -> None:
        self._open(name, indent, items, type_names)
        inner = "  " * (indent + 1)
        self.lines.append(f"{inner}<LST>")
        for item in items:
            if as_text and self._primitive(v.unwrap(item)) is None:
                self.lines.append(f"{inner}  <S>{encode_string(_text(item))}</S>")
            else:
                self.value(item, None, indent + 2, depth - 1)
        self.lines.append(f"{inner}</LST>")
        self.lines.append(f"{'  ' * indent}</Obj>")

    def _dictionary(self, table: dict, name: Optional[str], indent: int, depth: int) -> None:
        names = _ORDERED_TYPE_NAMES if isinstance(table, v.OrderedHashtable) else _HASHTABLE_TYPE_NAMES
        self._open(name, indent, table, list(names))
        inner = "  " * (indent + 1)
        self.lines.append(f"{inner}<DCT>")
        for key, item in table.items():
            self.lines.append(f"{inner}  <En>")
            self.value(key, "Key", indent + 3, depth - 1)
            self.value(item, "Value", indent + 3, depth - 1)
            self.lines.append(f"{inner}  </En>")
        self.lines.append(f"{inner}</DCT>")
        self.lines.append(f"{'  ' * indent}</Obj>")

    def _object(self, obj: Any, name: Optional[str], indent: int, depth: int) -> None:
        type_names = list(obj.ps_type_names())
        custom = isinstance(obj, v.PSObject) and not isinstance(obj, DeserializedObject)
        self._open(name, indent, obj, type_names)
        inner = "  " * (indent + 1)
        if not custom:
            self.lines.append(f"{inner}<ToString>{encode_string(_text(obj))}</ToString>")
        section = "MS" if custom else "Props"
        properties = obj.ps_properties()
        if properties:
            self.lines.append(f"{inner}<{section}>")
            for prop_name, prop_value in properties.items():
                self.value(prop_value, str(prop_name), indent + 2, depth - 1)
            self.lines.append(f"{inner}</{section}>")
        self.lines.append(f"{'  ' * indent}</Obj>")


def _secret_kind(value: Any) -> Optional[str]:
    name = type(value).__name__
    if name in ("SecureString", "PSCredential") and type(value).__module__.startswith("exshell.types"):
        return name
    return None


def _secret_box() -> Any:
    """The per-user key that protects SecureStrings in CLIXML files.

    PowerShell protects them with Windows DPAPI: only the same user on the same
    computer can read them back.  The equivalent here is a random key in the
    user's exshell data folder (mode 0600), used with the store's cipher.
    """
    import platformdirs

    from exshell.store.secrets import SecretBox

    folder = platformdirs.user_data_dir("exshell")
    return SecretBox.for_store(os.path.join(folder, "clixml-securestring"))


def seal_secure_string(secure: Any) -> str:
    return _secret_box().seal(secure.reveal())


def open_secure_string(text: str) -> Any:
    from exshell.store.errors import StoreError
    from exshell.types.credential import SecureString

    try:
        return SecureString(_secret_box().open(text.strip()))
    except StoreError:
        raise ClixmlError("A SecureString in this file was protected by another user or computer "
                          "and can't be decrypted here.") from None


def _is_exchange_value(value: Any) -> bool:
    """Exchange value types (sizes, time spans, address spaces, enums...) travel as their
    display text, as a real EMS session deserializes them."""
    return type(value).__module__.startswith("exshell.types") or isinstance(value, enum.Enum)


def _is_multi_valued(value: Any) -> bool:
    return (hasattr(value, "__iter__") and not isinstance(value, (str, bytes, dict, enum.Enum))
            and not hasattr(value, "ps_properties"))


def _text(value: Any) -> str:
    if isinstance(value, enum.Enum) and type(value).__str__ in (enum.Enum.__str__, enum.Flag.__str__):
        return value.name or str(value.value)
    try:
        from exshell.language.conversions import to_string
    except ImportError:  # the language core may be absent in isolated tests
        return str(value)
    return to_string(value)


def _format_double(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "INF" if value > 0 else "-INF"
    return repr(value).replace("e+", "E+").replace("e-", "E-")


def serialize(objects: Iterable[Any], depth: int = 2) -> str:
    return _Writer(depth).document(objects)


# ---------------------------------------------------------------- reader
def deserialize(text: str) -> list:
    import xml.etree.ElementTree as ElementTree

    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        line, column = getattr(exc, "position", (1, 1))
        raise ClixmlError(f"Data at the root level is invalid. Line {line}, position {column + 1}.") from None
    if _local(root.tag) != "Objs":
        raise ClixmlError("The input is not a valid CLIXML document: the root element must be 'Objs'.")
    reader = _Reader()
    return [reader.value(child) for child in root]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


_SCALAR_READERS: dict[str, Any] = {
    "S": lambda t: decode_string(t),
    "I32": int, "I64": lambda t: v.Int64(int(t)), "I16": lambda t: v.Int16(int(t)),
    "By": lambda t: v.Byte(int(t)), "SB": lambda t: v.SByte(int(t)), "U16": lambda t: v.UInt16(int(t)),
    "U32": lambda t: v.UInt32(int(t)), "U64": lambda t: v.UInt64(int(t)),
    "B": lambda t: t.strip().lower() == "true",
    "Db": lambda t: float(t.replace("INF", "inf")), "Sg": lambda t: float(t.replace("INF", "inf")),
    "D": Decimal, "DT": parse_datetime, "TS": parse_duration, "G": uuid.UUID,
    "C": lambda t: v.Char(chr(int(t))),
    "BA": lambda t: base64.b64decode(t),
    "URI": lambda t: decode_string(t), "XD": lambda t: decode_string(t), "Version": lambda t: t,
    "SBK": lambda t: decode_string(t),
    "SS": open_secure_string,
}


class _Reader:
    def __init__(self) -> None:
        self.type_lists: dict[str, list[str]] = {}
        self.objects: dict[str, Any] = {}

    def value(self, element: Any) -> Any:
        tag = _local(element.tag)
        if tag == "Nil":
            return None
        if tag in _SCALAR_READERS:
            try:
                return _SCALAR_READERS[tag](element.text or "")
            except (ValueError, ArithmeticError) as exc:
                raise ClixmlError(f"The value '{element.text}' of element <{tag}> is not valid: {exc}") from None
        if tag == "Ref":
            ref = element.get("RefId")
            if ref not in self.objects:
                raise ClixmlError(f"The reference RefId=\"{ref}\" names no earlier object.")
            return self.objects[ref]
        if tag == "Obj":
            return self._object(element)
        raise ClixmlError(f"The element <{tag}> is not a CLIXML value.")

    def _type_names(self, element: Any) -> list[str]:
        for child in element:
            tag = _local(child.tag)
            if tag == "TN":
                names = [decode_string(t.text or "") for t in child if _local(t.tag) == "T"]
                self.type_lists[child.get("RefId", "")] = names
                return names
            if tag == "TNRef":
                ref = child.get("RefId", "")
                if ref not in self.type_lists:
                    raise ClixmlError(f"The type-name reference RefId=\"{ref}\" names no earlier list.")
                return self.type_lists[ref]
        return []

    def _object(self, element: Any) -> Any:
        ref_id = element.get("RefId")
        type_names = self._type_names(element)
        text = None
        properties: list[tuple[str, Any]] = []
        result: Any = None
        for child in element:
            tag = _local(child.tag)
            if tag == "ToString":
                text = decode_string(child.text or "")
            elif tag in ("LST", "IE", "STK", "QUE"):
                result = [self.value(item) for item in child]
            elif tag == "DCT":
                table = v.OrderedHashtable() if type_names[:1] == [_ORDERED_TYPE_NAMES[0]] else v.Hashtable()
                for entry in child:
                    key = value = None
                    for part in entry:
                        if part.get("N") == "Key":
                            key = self.value(part)
                        elif part.get("N") == "Value":
                            value = self.value(part)
                    table[key] = value
                result = table
            elif tag in ("Props", "MS"):
                for prop in child:
                    properties.append((decode_string(prop.get("N", "")), self.value(prop)))
            elif tag in _SCALAR_READERS and result is None:
                result = self.value(child)  # an enum or a wrapped primitive
        if type_names[:1] == [_CREDENTIAL] and properties:
            # PowerShell rehydrates credentials as live PSCredential objects.
            from exshell.types.credential import PSCredential

            values = dict(properties)
            result = PSCredential(str(values.get("UserName") or ""), values.get("Password"))
        elif result is not None and not properties:
            if text is not None and not isinstance(result, (list, dict)):
                result = text  # enums come back as their names, as a remote EMS shows them
        else:
            # A re-exported deserialized object keeps one prefix, as PowerShell does.
            names = [n if n.startswith(DESERIALIZED) else DESERIALIZED + n
                     for n in type_names] or [DESERIALIZED + "System.Object"]
            result = DeserializedObject(properties, names, text if text is not None else "")
            if text is None:
                result.text = _object_text(result)
        if ref_id is not None:
            self.objects[ref_id] = result
        return result


def _object_text(obj: DeserializedObject) -> str:
    parts = "; ".join(f"{name}={value}" for name, value in obj.ps_properties().items())
    return "@{" + parts + "}"


def decode_file_bytes(raw: bytes) -> str:
    """File text in whichever encoding PowerShell wrote it (UTF-16 by default, BOMs honoured)."""
    for bom, encoding in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
                          (b"\xef\xbb\xbf", "utf-8-sig")):
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    if len(raw) > 1 and raw[1:2] == b"\x00":
        return raw.decode("utf-16-le", errors="replace")
    return raw.decode("utf-8", errors="replace")
