"""Data interchange cmdlets: ConvertTo-Json, ConvertFrom-Json, Export-Csv,
Import-Csv, ConvertTo-Csv, ConvertFrom-Csv.

Contract:
  * JSON follows PowerShell 7's output (two-space indentation, ``"Name": value``,
    ISO 8601 dates, -Depth 2 by default with deeper objects written as their
    text and a warning) - PowerShell 5.1's odd spacing and ``\\/Date()\\/`` dates
    help nobody.  ConvertFrom-Json makes PSCustomObjects (hashtables with
    -AsHashtable), enumerates a top-level array and reads ISO dates back as dates.
  * CSV follows PowerShell 5.1, the Exchange Management Shell's era: a
    ``#TYPE <type name>`` first line unless -NoTypeInformation, the header from
    the first object's properties, every field in double quotes.  Import-Csv
    makes PSCustomObjects named ``CSV:<type>`` when the file has a #TYPE line.
"""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Optional

from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, ParamSet, cmdlet
from exshell.cmdlets.utility.content import (
    ENCODINGS, file_error, not_found, os_error_text, read_text, resolve_path, write_text,
)
from exshell.errors import ErrorRecord
from exshell.host.format import object_properties, type_names
from exshell.language.values import ArgumentNumber, Int64, OrderedHashtable, PSObject, SwitchParameter

# ------------------------------------------------------------------------ JSON


class _JsonWriter:
    def __init__(self, depth: int, compress: bool, enums_as_strings: bool):
        self.depth = depth
        self.compress = compress
        self.enums_as_strings = enums_as_strings
        self.truncated = False

    def text(self, value: Any, level: int = 0) -> str:
        import enum
        from exshell.language.conversions import to_string
        from exshell.language.formatting import format_double, format_double_roundtrip
        if isinstance(value, ArgumentNumber):
            value = value.value
        if value is None:
            return "null"
        if isinstance(value, (bool, SwitchParameter)):
            return "true" if value else "false"
        if isinstance(value, int) and not isinstance(value, enum.Enum):
            return str(int(value))
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                return json.dumps(format_double(value))
            # Windows PowerShell's serializer writes doubles as ToString("R"): 1, 0.5, 1E+16
            return format_double_roundtrip(value)
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, str):
            return json.dumps(value, ensure_ascii=False)
        if isinstance(value, datetime):
            return json.dumps(value.isoformat(timespec="microseconds" if value.microsecond else "seconds"))
        if isinstance(value, enum.Enum):
            if self.enums_as_strings or not isinstance(value.value, int):
                return json.dumps(to_string(value))
            return str(value.value)
        if isinstance(value, timedelta):
            return self._object(_timespan_pairs(value), level)
        if isinstance(value, (list, tuple)) or _is_value_collection(value):
            return self._array(list(value), level)
        if isinstance(value, dict):
            return self._object([(str(k), v) for k, v in value.items()], level)
        if isinstance(value, PSObject) or hasattr(value, "ps_properties"):
            if type(value).__str__ is not object.__str__ and not isinstance(value, PSObject) \
                    and not object_properties(value):
                return json.dumps(str(value), ensure_ascii=False)
            return self._object(object_properties(value), level)
        return json.dumps(to_string(value), ensure_ascii=False)

    def _too_deep(self, value: Any, level: int) -> Optional[str]:
        if level < self.depth:
            return None
        from exshell.language.conversions import to_string
        self.truncated = True
        return json.dumps(to_string(value), ensure_ascii=False)

    def _object(self, pairs: list, level: int) -> str:
        if not pairs:
            return "{}"
        parts = []
        for key, item in pairs:
            nested = self._nested(item, level)
            parts.append((json.dumps(str(key), ensure_ascii=False), nested))
        if self.compress:
            return "{" + ",".join(f"{k}:{v}" for k, v in parts) + "}"
        indent = "  " * (level + 1)
        body = ",\n".join(f"{indent}{k}: {v}" for k, v in parts)
        return "{\n" + body + "\n" + "  " * level + "}"

    def _array(self, items: list, level: int) -> str:
        if not items:
            return "[]"
        rendered = [self._nested(item, level) for item in items]
        if self.compress:
            return "[" + ",".join(rendered) + "]"
        indent = "  " * (level + 1)
        return "[\n" + ",\n".join(indent + item for item in rendered) + "\n" + "  " * level + "]"

    def _nested(self, item: Any, level: int) -> str:
        container = isinstance(item, (list, tuple, dict, PSObject, timedelta)) or (
            hasattr(item, "ps_properties") and object_properties(item)) or _is_value_collection(item)
        if container:
            shallow = self._too_deep(item, level)
            if shallow is not None:
                return shallow
        return self.text(item, level + 1)


def _is_value_collection(value: Any) -> bool:
    """Multi-valued Exchange properties: iterable values that are not objects."""
    return (hasattr(value, "__iter__") and not isinstance(value, (str, bytes, dict, PSObject))
            and not hasattr(value, "ps_properties"))


def _timespan_pairs(span: timedelta) -> list:
    from exshell.host.format import object_properties as properties
    return properties(span)


def to_json(value: Any, depth: int = 2, compress: bool = False,
            enums_as_strings: bool = False) -> tuple[str, bool]:
    """(JSON text, whether -Depth cut something off)."""
    writer = _JsonWriter(depth, compress, enums_as_strings)
    return writer.text(value), writer.truncated


@cmdlet("ConvertTo-Json", command_type_name="Microsoft.PowerShell.Commands.ConvertToJsonCommand",
        synopsis="Writes objects as JSON text.",
        examples=[("Get-SendConnector | Select-Object Name, Enabled | ConvertTo-Json",
                   "The connector names and states as a JSON array.")])
class ConvertToJson(Cmdlet):
    InputObject = Param(object, mandatory=True, position=1, from_pipeline=True, allow_null=True,
                        help="The object to convert.")
    Depth = Param(int, help="How many levels of contained objects to write (default 2).")
    Compress = Param(SwitchParameter, help="Leaves out all white space.")
    EnumsAsStrings = Param(SwitchParameter, help="Writes enumeration values by name.")
    AsArray = Param(SwitchParameter, help="Writes a JSON array even for a single object.")

    def begin(self) -> None:
        self._objects: list[Any] = []

    def process(self) -> None:
        self._objects.append(self.InputObject)

    def end(self) -> None:
        if not self._objects:
            return
        value: Any = self._objects[0] if len(self._objects) == 1 and not self.AsArray else self._objects
        depth = self.Depth if self.is_bound("Depth") else 2
        text, truncated = to_json(value, depth, bool(self.Compress), bool(self.EnumsAsStrings))
        if truncated:
            self.write_warning(f"Resulting JSON is truncated as serialization has exceeded the set depth of {depth}.")
        self.write_object(text)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")


def from_json_value(value: Any, as_hashtable: bool) -> Any:
    if isinstance(value, dict):
        pairs = [(key, from_json_value(item, as_hashtable)) for key, item in value.items()]
        return OrderedHashtable(pairs) if as_hashtable else PSObject(pairs)
    if isinstance(value, list):
        return [from_json_value(item, as_hashtable) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return value if -2**31 <= value < 2**31 else Int64(value)
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment
        except ValueError:
            return value
    return value


@cmdlet("ConvertFrom-Json", command_type_name="Microsoft.PowerShell.Commands.ConvertFromJsonCommand",
        synopsis="Reads JSON text into objects.",
        examples=[("Get-Content settings.json -Raw | ConvertFrom-Json", "Objects from a JSON file.")])
class ConvertFromJson(Cmdlet):
    InputObject = Param(str, mandatory=True, position=1, from_pipeline=True, allow_empty=True,
                        help="The JSON text (lines from the pipeline are joined).")
    AsHashtable = Param(SwitchParameter, help="Makes hashtables instead of custom objects.")
    Depth = Param(int, help="Accepted for compatibility; any depth is read.")
    NoEnumerate = Param(SwitchParameter, help="Outputs a top-level array as one object.")

    def begin(self) -> None:
        self._lines: list[str] = []

    def process(self) -> None:
        self._lines.append(self.InputObject or "")

    def end(self) -> None:
        text = "\n".join(self._lines)
        if not text.strip():
            return
        try:
            parsed = json.loads(text, parse_float=float)
        except json.JSONDecodeError as failure:
            self.throw_terminating_error(ErrorRecord(
                message=f"Conversion from JSON failed with error: {failure.msg}. Path '', line "
                        f"{failure.lineno}, position {failure.colno}.",
                error_id="System.ArgumentException", category="NotSpecified",
                activity="ConvertFrom-Json", reason="ArgumentException",
                command_type_name="Microsoft.PowerShell.Commands.ConvertFromJsonCommand",
                exception_type="System.ArgumentException"))
            return
        value = from_json_value(parsed, bool(self.AsHashtable))
        self.write_object(value, enumerate_collection=not self.NoEnumerate)


# ------------------------------------------------------------------------- CSV

def _csv_type_line(obj: Any) -> str:
    names = type_names(obj)
    return "#TYPE " + (names[0] if names else "System.Object")


def _field(value: Any) -> str:
    from exshell.language.conversions import to_string
    return to_string(value)


def csv_lines(objects: list, delimiter: str, include_type: bool,
              header: Optional[list[str]] = None) -> list[str]:
    """CSV text lines for ``objects``; ``header`` fixes the columns (for -Append)."""
    if not objects:
        return []
    first = objects[0]
    names = header or [name for name, _ in object_properties(first)]
    lines = [_csv_type_line(first)] if include_type and header is None else []

    def quote(text: str) -> str:
        return '"' + text.replace('"', '""') + '"'

    if header is None:
        lines.append(delimiter.join(quote(name) for name in names))
    from exshell.host.format import get_property
    for obj in objects:
        lines.append(delimiter.join(quote(_field(get_property(obj, name))) for name in names))
    return lines


def parse_csv(text: str, delimiter: str, header: Optional[list[str]] = None) -> list[PSObject]:
    lines = text.splitlines()
    type_name = None
    if lines and lines[0].startswith("#TYPE"):
        type_name = lines[0][5:].strip()
        lines = lines[1:]
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    if header is None:
        if not rows:
            return []
        header, rows = rows[0], rows[1:]
    type_list = ["CSV:" + type_name, "System.Object"] if type_name else None
    objects = []
    for row in rows:
        if not row:
            continue
        values: list[Any] = list(row) + [None] * (len(header) - len(row))
        objects.append(PSObject(list(zip(header, values)), type_list))
    return objects


def _delimiter(value: Any, use_culture: bool) -> str:
    if value:
        return str(value)[0]
    return ","


@cmdlet("Export-Csv", default_set="Delimiter",
        command_type_name="Microsoft.PowerShell.Commands.ExportCsvCommand",
        synopsis="Saves objects to a CSV file, one row per object.",
        examples=[("Get-AcceptedDomain | Export-Csv domains.csv -NoTypeInformation",
                   "Saves the accepted domains for a spreadsheet.")])
class ExportCsv(Cmdlet):
    InputObject = Param(object, mandatory=True, from_pipeline=True, help="An object to save.")
    Path = Param(str, allow_empty=False, position=1, help="The file to write.")
    LiteralPath = Param(str, allow_empty=False, aliases=["PSPath"], help="The file to write, taken literally.")
    Delimiter = Param(str, sets={"Delimiter": ParamSet(position=2)}, help="The field separator (default ,).")
    UseCulture = Param(SwitchParameter, sets=["UseCulture"], help="Uses the culture's list separator (,).")
    NoTypeInformation = Param(SwitchParameter, aliases=["NTI"], help="Leaves out the #TYPE line.")
    Append = Param(SwitchParameter, help="Adds rows to an existing file.")
    Force = Param(SwitchParameter, help="Overwrites read-only files; appends rows with other columns.")
    NoClobber = Param(SwitchParameter, aliases=["NoOverwrite"], help="Fails rather than replace a file.")
    Encoding = Param(str, values=sorted(ENCODINGS, key=str.lower), help="The character encoding.")

    def begin(self) -> None:
        self._objects: list[Any] = []

    def process(self) -> None:
        if self.InputObject is not None:
            self._objects.append(self.InputObject)

    def end(self) -> None:
        import os
        target = self.Path or self.LiteralPath
        if not target:
            self.throw_terminating_error(ErrorRecord(
                message="You must specify either the -Path or -LiteralPath parameters, but not both.",
                error_id="CannotSpecifyPathAndLiteralPath", category="InvalidData",
                activity="Export-Csv", reason="InvalidOperationException",
                command_type_name="Microsoft.PowerShell.Commands.ExportCsvCommand"))
            return
        path = resolve_path(self.context, target)
        if self.NoClobber and os.path.exists(path) and not self.Append:
            self.throw_terminating_error(file_error(
                f"The file '{path}' already exists.", "NoClobber", "ResourceExists", path,
                "Export-Csv", "IOException"))
            return
        delimiter = _delimiter(self.Delimiter, bool(self.UseCulture))
        header = None
        if self.Append and os.path.isfile(path):
            existing = parse_csv(read_text(path), delimiter)
            header = [name for name, _ in object_properties(existing[0])] if existing else None
        lines = csv_lines(self._objects, delimiter, not self.NoTypeInformation, header)
        if not lines:
            return
        try:
            write_text(path, "".join(line + "\n" for line in lines), self.Encoding,
                       append=bool(self.Append))
        except OSError as failure:
            self.throw_terminating_error(file_error(os_error_text(failure, path), "FileOpenFailure",
                                                    "OpenError", path, "Export-Csv", "IOException"))


@cmdlet("Import-Csv", default_set="Delimiter",
        command_type_name="Microsoft.PowerShell.Commands.ImportCsvCommand",
        synopsis="Reads a CSV file into objects, one per row.",
        examples=[("Import-Csv domains.csv | ForEach-Object { New-AcceptedDomain -Name $_.Name "
                   "-DomainName $_.DomainName }", "Creates accepted domains from a spreadsheet.")])
class ImportCsv(Cmdlet):
    Path = Param(ArrayOf(str), allow_empty=False, position=1, from_pipeline=True, help="The files to read.")
    LiteralPath = Param(ArrayOf(str), allow_empty=False, aliases=["PSPath"], help="The files to read, taken literally.")
    Delimiter = Param(str, sets={"Delimiter": ParamSet(position=2)}, help="The field separator (default ,).")
    UseCulture = Param(SwitchParameter, sets=["UseCulture"], help="Uses the culture's list separator (,).")
    Header = Param(ArrayOf(str), help="Column names to use; the first row is then data.")
    Encoding = Param(str, values=sorted(ENCODINGS, key=str.lower), help="The character encoding.")

    def process(self) -> None:
        import os
        delimiter = _delimiter(self.Delimiter, bool(self.UseCulture))
        for written in self.Path or self.LiteralPath or []:
            path = resolve_path(self.context, written)
            if not os.path.exists(path):
                self.write_error(not_found(path, "Import-Csv"))
                continue
            try:
                text = read_text(path, self.Encoding)
            except OSError as failure:
                self.write_error(file_error(os_error_text(failure, path), "ImportCsvReadError",
                                            "ReadError", path, "Import-Csv", "IOException"))
                continue
            for obj in parse_csv(text, delimiter, list(self.Header) if self.Header else None):
                self.write_object(obj)


@cmdlet("ConvertTo-Csv", default_set="Delimiter",
        command_type_name="Microsoft.PowerShell.Commands.ConvertToCsvCommand",
        synopsis="Turns objects into CSV lines (as Export-Csv writes them) on the pipeline.",
        examples=[("Get-AcceptedDomain | ConvertTo-Csv -NoTypeInformation", "CSV text of the domains.")])
class ConvertToCsv(Cmdlet):
    InputObject = Param(object, mandatory=True, position=1, from_pipeline=True, help="An object to convert.")
    Delimiter = Param(str, sets={"Delimiter": ParamSet(position=2)}, help="The field separator (default ,).")
    UseCulture = Param(SwitchParameter, sets=["UseCulture"], help="Uses the culture's list separator (,).")
    NoTypeInformation = Param(SwitchParameter, aliases=["NTI"], help="Leaves out the #TYPE line.")

    def begin(self) -> None:
        self._objects: list[Any] = []

    def process(self) -> None:
        if self.InputObject is not None:
            self._objects.append(self.InputObject)

    def end(self) -> None:
        delimiter = _delimiter(self.Delimiter, bool(self.UseCulture))
        for line in csv_lines(self._objects, delimiter, not self.NoTypeInformation):
            self.write_object(line)


@cmdlet("ConvertFrom-Csv", default_set="Delimiter",
        command_type_name="Microsoft.PowerShell.Commands.ConvertFromCsvCommand",
        synopsis="Reads CSV lines from the pipeline into objects.",
        examples=[('"Name,Cost","a,5" | ConvertFrom-Csv', "One object with Name a and Cost 5.")])
class ConvertFromCsv(Cmdlet):
    InputObject = Param(ArrayOf(str), mandatory=True, position=1, from_pipeline=True,
                        help="CSV lines, the header first.")
    Delimiter = Param(str, sets={"Delimiter": ParamSet(position=2)}, help="The field separator (default ,).")
    UseCulture = Param(SwitchParameter, sets=["UseCulture"], help="Uses the culture's list separator (,).")
    Header = Param(ArrayOf(str), help="Column names to use; the first line is then data.")

    def begin(self) -> None:
        self._lines: list[str] = []

    def process(self) -> None:
        self._lines.extend(self.InputObject or [])

    def end(self) -> None:
        delimiter = _delimiter(self.Delimiter, bool(self.UseCulture))
        for obj in parse_csv("\n".join(self._lines), delimiter,
                             list(self.Header) if self.Header else None):
            self.write_object(obj)
