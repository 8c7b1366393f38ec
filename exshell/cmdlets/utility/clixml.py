"""Export-Clixml and Import-Clixml: write objects to a CLIXML file and read them back.

The format itself (PowerShell 5.1's ``<Objs Version="1.1.0.1" ...>`` documents,
type-name references, deserialized objects, sealed SecureStrings) lives in
exshell/cmdlets/utility/clixml_format.py; these handlers add paths, encodings,
-Depth, -NoClobber, WhatIf and PowerShell's error records for missing or
malformed files.  The Exchange documentation backs configuration up with
``Get-SendConnector | Export-Clixml file.xml``; Import-Clixml gives objects whose
type names carry the ``Deserialized.`` prefix and which pipe back into Set- by
Identity.
"""
from __future__ import annotations

import os
from typing import Any

from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, ParamSet, cmdlet
from exshell.cmdlets.utility.clixml_format import ClixmlError, decode_file_bytes, deserialize, serialize
from exshell.errors import ErrorRecord
from exshell.language import values as v

_ENCODINGS = {
    "unicode": "utf-16", "bigendianunicode": "utf-16-be", "utf8": "utf-8-sig", "utf7": "utf-7",
    "utf32": "utf-32", "ascii": "ascii", "default": "utf-8", "oem": "utf-8", "string": "utf-16",
    "unknown": "utf-16", "byte": "utf-8",
}


def _resolve_path(context: Any, path: str) -> str:
    resolver = getattr(context, "resolve_path", None)
    if callable(resolver):
        return resolver(path)
    return os.path.abspath(os.path.expanduser(path))


def _path_record(command: str, type_name: str, error_id: str, message: str, category: str,
                 target: str, reason: str) -> ErrorRecord:
    return ErrorRecord(
        message=message, error_id=error_id, category=category, target_object=target,
        target_name=target, target_type="String", activity=command, reason=reason,
        command_type_name=type_name, exception_type=f"System.{reason}")


@cmdlet(
    "Export-Clixml",
    should_process=True,
    confirm_impact="Medium",
    default_set="ByPath",
    command_type_name="Microsoft.PowerShell.Commands.ExportClixmlCommand",
    synopsis="Writes objects to an XML file in PowerShell's CLIXML format so Import-Clixml can read them back.",
)
class ExportClixml(Cmdlet):
    Depth = Param(int)
    Path = Param(str, sets={"ByPath": ParamSet(mandatory=True, position=1)})
    LiteralPath = Param(str, sets={"ByLiteralPath": ParamSet(mandatory=True)}, aliases=("PSPath", "LP"))
    InputObject = Param(object, mandatory=True, from_pipeline=True)
    Force = Param(v.SwitchParameter)
    NoClobber = Param(v.SwitchParameter, aliases=("NoOverwrite",))
    Encoding = Param(str, values=["Unicode", "UTF7", "UTF8", "ASCII", "UTF32", "BigEndianUnicode",
                                  "Default", "OEM"])

    def begin(self) -> None:
        self.collected: list[Any] = []

    def process(self) -> None:
        self.collected.append(self.InputObject)

    def end(self) -> None:
        target = self.Path if self.is_bound("Path") else self.LiteralPath
        full_path = _resolve_path(self.context, target)
        if self.NoClobber and os.path.exists(full_path):
            self.throw_terminating_error(_path_record(
                "Export-Clixml", self.info.command_type_name, "NoClobber",
                f"The file '{full_path}' already exists.", "ResourceExists", full_path, "IOException"))
            return
        if not self.should_process(full_path, "Export-Clixml"):
            return
        depth = self.Depth if self.is_bound("Depth") else 2
        document = serialize(self.collected, depth)
        encoding = _ENCODINGS[(self.Encoding or "Unicode").lower()]
        try:
            with open(full_path, "w", encoding=encoding, newline="\r\n") as handle:
                handle.write(document)
        except OSError as exc:
            self.throw_terminating_error(_path_record(
                "Export-Clixml", self.info.command_type_name, "FileOpenFailure",
                f"Could not write the file '{full_path}': {exc.strerror or exc}.",
                "OpenError", full_path, "IO.IOException"))


@cmdlet(
    "Import-Clixml",
    default_set="ByPath",
    command_type_name="Microsoft.PowerShell.Commands.ImportClixmlCommand",
    synopsis="Reads a CLIXML file written by Export-Clixml and outputs the objects it holds.",
)
class ImportClixml(Cmdlet):
    Path = Param(ArrayOf(str), sets={"ByPath": ParamSet(mandatory=True, position=1, from_pipeline_by_name=True)})
    LiteralPath = Param(ArrayOf(str), sets={"ByLiteralPath": ParamSet(mandatory=True, from_pipeline_by_name=True)},
                        aliases=("PSPath", "LP"))
    IncludeTotalCount = Param(v.SwitchParameter)
    Skip = Param(v.UInt64)
    First = Param(v.UInt64)

    def process(self) -> None:
        from exshell.cmdlets.exchange.views import register_views

        try:
            register_views()  # imported Exchange objects keep their EMS table views
        except ImportError:
            pass
        paths = self.Path if self.is_bound("Path") else self.LiteralPath
        for path in paths or ():
            self._import_one(path)

    def _import_one(self, path: str) -> None:
        full_path = _resolve_path(self.context, path)
        if not os.path.isfile(full_path):
            self.write_error(_path_record(
                "Import-Clixml", self.info.command_type_name, "PathNotFound",
                f"Cannot find path '{full_path}' because it does not exist.",
                "ObjectNotFound", full_path, "Management.Automation.ItemNotFoundException"))
            return
        with open(full_path, "rb") as handle:
            raw = handle.read()
        try:
            objects = deserialize(decode_file_bytes(raw))
        except ClixmlError as exc:
            self.write_error(_path_record(
                "Import-Clixml", self.info.command_type_name, "System.Xml.XmlException",
                str(exc), "NotSpecified", full_path, "Xml.XmlException"))
            return
        if self.IncludeTotalCount:
            self.write_object(v.UInt64(len(objects)))  # PowerShell's paging writes the count first
        skip = int(self.Skip or 0)
        objects = objects[skip:]
        if self.is_bound("First"):
            objects = objects[: int(self.First)]
        for obj in objects:
            self.write_object(obj)
