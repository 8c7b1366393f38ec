"""Formatting and output cmdlets: Format-Table, Format-List, Format-Wide,
Out-String, Out-File, Out-Null, Out-Default, Out-Host.

Contract: Format-* collect their input and write FormatDocument objects
(exshell.host.format), which any Out-* cmdlet (or the shell's own output)
renders at its own width; values that are not objects (strings, numbers) pass
through unchanged, as PowerShell prints them out of band.  Out-String writes
one string (or one per line with -Stream); Out-File writes the same text to a
file (UTF-8 without a byte order mark unless -Encoding says otherwise).
"""
from __future__ import annotations

from typing import Any

from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, ParamSet, cmdlet
from exshell.cmdlets.utility.content import ENCODINGS, file_error, os_error_text, resolve_path, write_text
from exshell.cmdlets.utility.properties import FORMAT_KEYS, resolve_properties
from exshell.host.format import (
    FormatDocument, build_list, build_table, build_wide, dictionary_entries, enumeration_limit,
    format_default, is_scalar,
)
from exshell.language.values import Hashtable, SwitchParameter


def _host_width(context: Any, default: int = 120) -> int:
    host = getattr(context, "host", None)
    return int(getattr(host, "width", 0) or default)


class _Formatter(Cmdlet):
    """Shared collection logic of Format-Table/-List/-Wide."""

    def begin(self) -> None:
        self._objects: list[Any] = []

    def process(self) -> None:
        obj = self.InputObject
        if obj is None:
            return
        if isinstance(obj, FormatDocument) or (is_scalar(obj) and not self.Property):
            self._flush()
            self.write_object(obj)
            return
        if isinstance(obj, Hashtable) and not self.Property:
            self._objects.extend(dictionary_entries(obj))
            return
        self._objects.append(obj)

    def end(self) -> None:
        self._flush()

    def _flush(self) -> None:
        if self._objects:
            for document in self._documents(self._objects):
                self.write_object(document)
        self._objects = []

    def _columns(self, sample: Any) -> Any:
        if not self.Property:
            return None
        return resolve_properties(self.Property, sample, self.context, FORMAT_KEYS)

    def _group_by(self) -> tuple[Any, str]:
        spec = self.GroupBy
        if spec is None:
            return None, ""
        column = resolve_properties([spec], None, self.context, FORMAT_KEYS)[0]
        return column.source if column.source is not None else column.label, column.label


@cmdlet("Format-Table", command_type_name="Microsoft.PowerShell.Commands.FormatTableCommand",
        synopsis="Shows objects as a table, one row per object.",
        examples=[("Get-SendConnector | Format-Table Name, Enabled, MaxMessageSize -AutoSize",
                   "A compact table of three properties.")])
class FormatTable(_Formatter):
    InputObject = Param(object, from_pipeline=True, help="An object to show.")
    Property = Param(ArrayOf(object), position=1,
                     help="Columns: property names, wildcards or @{Label=...; Expression=...; Width=...}.")
    AutoSize = Param(SwitchParameter, help="Sizes the columns to their content.")
    HideTableHeaders = Param(SwitchParameter, help="Leaves out the header and its dashes.")
    Wrap = Param(SwitchParameter, help="Continues long values on further lines instead of cutting them.")
    GroupBy = Param(object, help="Starts a new table whenever this property changes.")
    View = Param(str, help="Accepted for compatibility; every type has only its default view.")
    Force = Param(SwitchParameter, help="Accepted for compatibility (error objects show in full anyway).")
    Expand = Param(str, values=["CoreOnly", "EnumOnly", "Both"],
                   help="Accepted for compatibility; collections show as their elements.")

    def _documents(self, objects: list) -> list[FormatDocument]:
        group_by, label = self._group_by()
        return build_table(objects, self._columns(objects[0]),
                           autosize=True if self.AutoSize else None, wrap=bool(self.Wrap),
                           hide_headers=bool(self.HideTableHeaders), group_by=group_by,
                           group_label=label, limit=enumeration_limit(self.context))


@cmdlet("Format-List", command_type_name="Microsoft.PowerShell.Commands.FormatListCommand",
        synopsis="Shows each property of each object on a line of its own.",
        examples=[('Get-SendConnector "Subsidiary Send Connector" | Format-List',
                   "Every property of one connector."),
                  ("Get-TransportConfig | Format-List *DSN*", "Only the properties whose name contains DSN.")])
class FormatList(_Formatter):
    InputObject = Param(object, from_pipeline=True, help="An object to show.")
    Property = Param(ArrayOf(object), position=1,
                     help="Properties to show: names, wildcards (* for all) or calculated properties.")
    View = Param(str, help="Accepted for compatibility; every type has only its default view.")
    Force = Param(SwitchParameter, help="Accepted for compatibility (error objects show in full anyway).")
    Expand = Param(str, values=["CoreOnly", "EnumOnly", "Both"],
                   help="Accepted for compatibility; collections show as their elements.")

    def _documents(self, objects: list) -> list[FormatDocument]:
        limit = enumeration_limit(self.context)
        if not self.Property:
            return build_list(objects, limit=limit)
        documents: list[FormatDocument] = []
        for obj in objects:
            documents.extend(build_list([obj], self._columns(obj), limit=limit))
        merged = FormatDocument("list", entries=[e for d in documents for e in d.entries])
        return [merged] if merged.entries else []


@cmdlet("Format-Wide", command_type_name="Microsoft.PowerShell.Commands.FormatWideCommand",
        synopsis="Shows one property of each object, several objects per line.",
        examples=[("Get-SendConnector | Format-Wide Name -Column 3", "Connector names in three columns.")])
class FormatWide(_Formatter):
    InputObject = Param(object, from_pipeline=True, help="An object to show.")
    Property = Param(object, position=1, help="The property to show (default: the first one).")
    AutoSize = Param(SwitchParameter, help="Fits as many columns as the screen holds.")
    Column = Param(int, help="How many columns to use.")
    View = Param(str, help="Accepted for compatibility; every type has only its default view.")
    Force = Param(SwitchParameter, help="Accepted for compatibility (error objects show in full anyway).")

    def process(self) -> None:
        # unlike the table and list views, the wide view lays out plain values too
        # (`1..5 | Format-Wide` is two columns of numbers)
        obj = self.InputObject
        if obj is not None and is_scalar(obj) and not isinstance(obj, FormatDocument):
            self._objects.append(obj)
            return
        super().process()

    def _documents(self, objects: list) -> list[FormatDocument]:
        column = None
        if self.Property is not None:
            column = resolve_properties([self.Property], objects[0], self.context, FORMAT_KEYS)[0]
        return build_wide(objects, column, column_count=self.Column or 0,
                          autosize=bool(self.AutoSize))


class _Collector(Cmdlet):
    def begin(self) -> None:
        self._objects: list[Any] = []

    def process(self) -> None:
        if self.InputObject is not None:
            self._objects.append(self.InputObject)


@cmdlet("Out-String", command_type_name="Microsoft.PowerShell.Commands.OutStringCommand",
        synopsis="Turns objects into the text the console would show for them.",
        examples=[("$text = Get-SendConnector | Format-List | Out-String",
                   "Keeps the list as one string.")])
class OutString(_Collector):
    InputObject = Param(object, from_pipeline=True, help="An object to render.")
    Width = Param(int, help="Characters per line (default: the console width).")
    Stream = Param(SwitchParameter, help="Writes one string per line instead of one string.")

    def end(self) -> None:
        text = format_default(self._objects, self.Width or _host_width(self.context),
                              enumeration_limit(self.context))
        if self.Stream:
            for line in text.rstrip("\n").split("\n") if text else []:
                self.write_object(line)
        else:
            self.write_object(text)


@cmdlet("Out-File", default_set="ByPath",
        command_type_name="Microsoft.PowerShell.Commands.OutFileCommand",
        synopsis="Writes the text form of objects to a file.",
        examples=[("Get-SendConnector | Format-List | Out-File C:\\connectors.txt",
                   "Saves the connector list to a file.")])
class OutFile(_Collector):
    FilePath = Param(str, allow_empty=False, sets={"ByPath": ParamSet(mandatory=True, position=1)}, aliases=["Path"],
                     help="The file to write.")
    LiteralPath = Param(str, allow_empty=False, sets={"ByLiteralPath": ParamSet(mandatory=True)}, aliases=["PSPath"],
                        help="The file to write; wildcard characters are taken literally.")
    Encoding = Param(str, position=2, values=sorted(ENCODINGS, key=str.lower),
                     help="The character encoding (default UTF-8 without a byte order mark).")
    Append = Param(SwitchParameter, help="Adds to the end of the file instead of replacing it.")
    Force = Param(SwitchParameter, help="Overwrites a read-only file.")
    NoClobber = Param(SwitchParameter, aliases=["NoOverwrite"], help="Fails rather than replace a file.")
    Width = Param(int, help="Characters per line (default: the console width).")
    NoNewline = Param(SwitchParameter, help="Writes no line break after the output.")
    InputObject = Param(object, from_pipeline=True, help="An object to write.")

    def end(self) -> None:
        import os
        path = resolve_path(self.context, self.FilePath or self.LiteralPath)
        if self.NoClobber and os.path.exists(path) and not self.Append:
            self.throw_terminating_error(file_error(
                f"The file '{path}' already exists.", "NoClobber", "ResourceExists", path,
                "Out-File", "IOException"))
            return
        text = format_default(self._objects, self.Width or _host_width(self.context, 80),
                              enumeration_limit(self.context))
        if self.NoNewline:
            text = text.rstrip("\n")
        try:
            write_text(path, text, self.Encoding, append=bool(self.Append))
        except OSError as failure:
            self.throw_terminating_error(file_error(
                os_error_text(failure, path), "FileOpenFailure", "OpenError", path,
                "Out-File", "IOException"))


@cmdlet("Out-Null", command_type_name="Microsoft.PowerShell.Commands.OutNullCommand",
        synopsis="Discards its input.",
        examples=[("New-Item x -ItemType File | Out-Null", "Runs a command without showing its output.")])
class OutNull(Cmdlet):
    InputObject = Param(object, from_pipeline=True, help="An object to discard.")


@cmdlet("Out-Default", command_type_name="Microsoft.PowerShell.Commands.OutDefaultCommand",
        synopsis="Shows objects on the console the way the shell shows pipeline output.",
        examples=[("Get-SendConnector | Out-Default", "The same as running Get-SendConnector alone.")])
class OutDefault(_Collector):
    InputObject = Param(object, from_pipeline=True, help="An object to show.")

    def end(self) -> None:
        text = format_default(self._objects, self.context)
        if text:
            self.context.host.ui.write(text)


@cmdlet("Out-Host", command_type_name="Microsoft.PowerShell.Commands.OutHostCommand",
        synopsis="Shows objects on the console (paging is not supported).",
        examples=[("Get-Help Get-SendConnector | Out-Host", "Shows the help text on the console.")])
class OutHost(_Collector):
    InputObject = Param(object, from_pipeline=True, help="An object to show.")
    Paging = Param(SwitchParameter, help="Accepted for compatibility; output is not paged.")

    def end(self) -> None:
        text = format_default(self._objects, self.context)
        if text:
            self.context.host.ui.write(text)
