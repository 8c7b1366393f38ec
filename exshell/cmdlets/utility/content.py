"""File content cmdlets: Get-Content, Set-Content, Add-Content, Test-Path, and
the file helpers Out-File shares (path resolution, encodings, file errors).

Contract:
    resolve_path(context, path) -> str     ~ expanded, relative to the current directory
    write_text(path, text, encoding=None, append=False)
    read_text(path, encoding=None) -> str
    ENCODINGS                               PowerShell encoding name -> Python codec
    file_error(message, error_id, category, path, command, reason) -> ErrorRecord
Paths with wildcards (``*.txt``) expand for Get-Content and Test-Path; a
missing file gives PowerShell's ``PathNotFound`` record.  Text is UTF-8 by
default (PowerShell 5.1 used the ANSI code page; UTF-8 is what a Linux shell
can read back).
"""
from __future__ import annotations

import glob
import io
import os
from typing import Any, Iterator, Optional

from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, ParamSet, cmdlet
from exshell.errors import ErrorRecord
from exshell.language.values import SwitchParameter

# PowerShell 5.1's -Encoding names -> (codec, byte order mark to write)
ENCODINGS: dict[str, tuple[str, bytes]] = {
    "ASCII": ("ascii", b""),
    "BigEndianUnicode": ("utf-16-be", b"\xfe\xff"),
    "Default": ("utf-8", b""),
    "OEM": ("utf-8", b""),
    "String": ("utf-8", b""),
    "Unicode": ("utf-16-le", b"\xff\xfe"),
    "Unknown": ("utf-8", b""),
    "UTF32": ("utf-32-le", b"\xff\xfe\x00\x00"),
    "UTF7": ("utf-7", b""),
    "UTF8": ("utf-8", b"\xef\xbb\xbf"),
    "UTF8BOM": ("utf-8", b"\xef\xbb\xbf"),
    "UTF8NoBOM": ("utf-8", b""),
    "Byte": ("latin-1", b""),
}
_BOMS = [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")]


def _codec(encoding: Optional[str]) -> tuple[str, bytes]:
    if not encoding:
        return "utf-8", b""
    for name, codec in ENCODINGS.items():
        if name.lower() == str(encoding).lower():
            return codec
    return "utf-8", b""


def resolve_path(context: Any, path: Any) -> str:
    text = os.path.expanduser(str(path))
    if os.path.isabs(text):
        return text
    base = getattr(context, "cwd", None) or os.getcwd()
    return os.path.normpath(os.path.join(str(base), text))


def write_text(path: str, text: str, encoding: Optional[str] = None, append: bool = False) -> None:
    codec, bom = _codec(encoding)
    data = text.encode(codec, errors="replace")
    exists = os.path.exists(path) and os.path.getsize(path) > 0
    with open(path, "ab" if append else "wb") as handle:
        if bom and not (append and exists):
            handle.write(bom)
        handle.write(data)


def read_text(path: str, encoding: Optional[str] = None) -> str:
    with open(path, "rb") as handle:
        data = handle.read()
    if encoding:
        codec, bom = _codec(encoding)
        if bom and data.startswith(bom):
            data = data[len(bom):]
        return data.decode(codec, errors="replace")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    return data.decode("utf-8", errors="replace")


def iter_lines(path: str, encoding: Optional[str] = None) -> Iterator[str]:
    """The lines of a file as split_lines gives them, read as they are needed (so
    ``Get-Content big.log | Select -First 10`` reads only the start of the file)."""
    handle = open(path, "rb")
    try:
        head = handle.read(4)
        codec, skip = "utf-8", 0
        if encoding:
            codec, bom = _codec(encoding)
            skip = len(bom) if bom and head.startswith(bom) else 0
        else:
            for bom, bom_codec in _BOMS:
                if head.startswith(bom):
                    codec, skip = bom_codec, len(bom)
                    break
        handle.seek(skip)
        reader = io.TextIOWrapper(handle, encoding=codec, errors="replace", newline="\n")
        for line in reader:
            if line.endswith("\n"):
                line = line[:-1]
            yield line[:-1] if line.endswith("\r") else line
    finally:
        handle.close()


def os_error_text(failure: OSError, path: str) -> str:
    """.NET's wording for the usual file system failures."""
    import errno
    if failure.errno == errno.ENOENT:
        return f"Could not find a part of the path '{path}'."
    if failure.errno in (errno.EACCES, errno.EPERM):
        return f"Access to the path '{path}' is denied."
    if failure.errno == errno.EISDIR:
        return f"Access to the path '{path}' is denied."
    return failure.strerror or str(failure)


def file_error(text: str, error_id: str, category: str, path: str, command: str,
               reason: str) -> ErrorRecord:
    return ErrorRecord(
        message=text, error_id=error_id, category=category, target_object=path,
        target_name=path, target_type="String", activity=command, reason=reason,
        command_type_name="Microsoft.PowerShell.Commands." + command.replace("-", "") + "Command",
        exception_type="System.Management.Automation.ItemNotFoundException"
        if reason == "ItemNotFoundException" else "System.IO." + reason)


def not_found(path: str, command: str) -> ErrorRecord:
    return file_error(f"Cannot find path '{path}' because it does not exist.", "PathNotFound",
                      "ObjectNotFound", path, command, "ItemNotFoundException")


def expand_paths(context: Any, paths: Any, literal: bool) -> list[tuple[str, list[str]]]:
    """(as written, matching files) per path; wildcards expand unless ``literal``."""
    from exshell.language.regex import has_wildcard
    results = []
    for path in paths or []:
        full = resolve_path(context, path)
        if not literal and has_wildcard(str(path)):
            results.append((str(path), sorted(glob.glob(full))))
        else:
            results.append((str(path), [full] if os.path.exists(full) else []))
    return results


def split_lines(text: str) -> list[str]:
    """Lines as Get-Content returns them: no terminators, no empty last line."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


_PATH_SETS = {"Path": ParamSet(mandatory=True, position=1, from_pipeline_by_name=True)}
_LITERAL_SETS = {"LiteralPath": ParamSet(mandatory=True, from_pipeline_by_name=True)}


@cmdlet("Get-Content", default_set="Path",
        command_type_name="Microsoft.PowerShell.Commands.GetContentCommand",
        synopsis="Reads a text file, one line per output string.",
        examples=[("Get-Content C:\\hosts.txt | ForEach-Object { $_.Trim() }", "Reads a list of host names."),
                  ("Get-Content log.txt -Tail 10", "The last ten lines of a log.")])
class GetContent(Cmdlet):
    Path = Param(ArrayOf(str), allow_empty=False, sets=_PATH_SETS, help="Files to read (wildcards allowed).")
    LiteralPath = Param(ArrayOf(str), allow_empty=False, sets=_LITERAL_SETS, aliases=["PSPath"],
                        help="Files to read; wildcard characters are taken literally.")
    TotalCount = Param(int, aliases=["First", "Head"], help="Reads only this many lines from the start.")
    Tail = Param(int, aliases=["Last"], help="Reads only this many lines from the end.")
    Raw = Param(SwitchParameter, help="Returns the whole file as one string.")
    Encoding = Param(str, values=sorted(ENCODINGS, key=str.lower), help="The file's character encoding.")
    ReadCount = Param(int, help="Lines per output object (0 = all lines as one array).")

    def process(self) -> None:
        literal = self.is_bound("LiteralPath")
        for written, files in expand_paths(self.context, self.LiteralPath or self.Path, literal):
            if not files:
                self.write_error(not_found(resolve_path(self.context, written), "Get-Content"))
                continue
            for path in files:
                self._read(path)

    def _read(self, path: str) -> None:
        if os.path.isdir(path):
            self.write_error(file_error(
                f"Unable to get content because it is a directory: '{path}'. Please use "
                "'Get-ChildItem' instead.", "GetContentReaderUnauthorizedAccessError",
                "InvalidOperation", path, "Get-Content", "UnauthorizedAccessException"))
            return
        plain = not (self.Raw or self.is_bound("Tail") or self.is_bound("ReadCount"))
        try:
            if plain:
                self._stream(path)
                return
            text = read_text(path, self.Encoding)
        except OSError as failure:
            self.write_error(file_error(os_error_text(failure, path), "GetContentReaderIOError",
                                        "ReadError", path, "Get-Content", "IOException"))
            return
        if self.Raw:
            self.write_object(text)
            return
        lines = split_lines(text)
        if self.is_bound("TotalCount") and self.TotalCount >= 0:
            lines = lines[:self.TotalCount]
        if self.is_bound("Tail") and self.Tail >= 0:
            lines = lines[-self.Tail:] if self.Tail else []
        if self.ReadCount and self.ReadCount > 1 or self.is_bound("ReadCount") and self.ReadCount <= 0:
            size = self.ReadCount if self.ReadCount > 0 else max(len(lines), 1)
            for start in range(0, len(lines), size):
                self.write_object(lines[start:start + size])
            return
        for line in lines:
            self.write_object(line)


    def _stream(self, path: str) -> None:
        limit = self.TotalCount if self.is_bound("TotalCount") and self.TotalCount >= 0 else None
        if limit == 0:
            return
        for count, line in enumerate(iter_lines(path, self.Encoding), 1):
            self.write_object(line)
            if limit is not None and count >= limit:
                return


class _ContentWriter(Cmdlet):
    """Set-Content and Add-Content: gather -Value / pipeline values, write in end."""

    append = False

    def begin(self) -> None:
        self._values: list[Any] = []

    def process(self) -> None:
        if self.Value is not None:
            self._values.extend(self.Value)

    def end(self) -> None:
        from exshell.language.conversions import to_string
        separator = "" if self.NoNewline else "\n"
        text = "".join(to_string(value) + separator for value in self._values)
        paths = self.LiteralPath or self.Path or []
        for path in paths:
            full = resolve_path(self.context, path)
            if not self.should_process(full, "Set Content" if not self.append else "Add Content"):
                continue
            try:
                write_text(full, text, self.Encoding, append=self.append)
            except OSError as failure:
                self.write_error(file_error(
                    os_error_text(failure, full), "SetContentWriterIOError", "WriteError", full,
                    self.info.name, "IOException"))
                continue
            if self.PassThru:
                for value in self._values:
                    self.write_object(value)


_WRITER_PATH = {"Path": ParamSet(mandatory=True, position=1, from_pipeline_by_name=True)}


@cmdlet("Set-Content", default_set="Path", should_process=True, confirm_impact="Medium",
        command_type_name="Microsoft.PowerShell.Commands.SetContentCommand",
        synopsis="Replaces the content of a file with the given values, one per line.",
        examples=[('Set-Content hosts.txt -Value "mail1.contoso.com","mail2.contoso.com"',
                   "Writes two lines.")])
class SetContent(_ContentWriter):
    Path = Param(ArrayOf(str), allow_empty=False, sets=_WRITER_PATH, help="Files to write.")
    LiteralPath = Param(ArrayOf(str), allow_empty=False, sets=_LITERAL_SETS, aliases=["PSPath"],
                        help="Files to write; wildcard characters are taken literally.")
    Value = Param(ArrayOf(object), position=2, mandatory=True, from_pipeline=True,
                  from_pipeline_by_name=True, help="What to write; each value becomes a line.")
    Encoding = Param(str, values=sorted(ENCODINGS, key=str.lower), help="The character encoding.")
    NoNewline = Param(SwitchParameter, help="Writes the values without line breaks.")
    PassThru = Param(SwitchParameter, help="Also outputs the values written.")
    Force = Param(SwitchParameter, help="Writes even to a read-only file.")


@cmdlet("Add-Content", default_set="Path", should_process=True, confirm_impact="Medium",
        command_type_name="Microsoft.PowerShell.Commands.AddContentCommand",
        synopsis="Appends values to a file, one per line.",
        examples=[('Add-Content log.txt "Connector created"', "Appends one line.")])
class AddContent(_ContentWriter):
    append = True
    Path = Param(ArrayOf(str), allow_empty=False, sets=_WRITER_PATH, help="Files to append to.")
    LiteralPath = Param(ArrayOf(str), allow_empty=False, sets=_LITERAL_SETS, aliases=["PSPath"],
                        help="Files to append to; wildcard characters are taken literally.")
    Value = Param(ArrayOf(object), position=2, mandatory=True, from_pipeline=True,
                  from_pipeline_by_name=True, help="What to append; each value becomes a line.")
    Encoding = Param(str, values=sorted(ENCODINGS, key=str.lower), help="The character encoding.")
    NoNewline = Param(SwitchParameter, help="Appends the values without line breaks.")
    PassThru = Param(SwitchParameter, help="Also outputs the values written.")
    Force = Param(SwitchParameter, help="Writes even to a read-only file.")


@cmdlet("Test-Path", default_set="Path",
        command_type_name="Microsoft.PowerShell.Commands.TestPathCommand",
        synopsis="Tells whether a file or folder exists ($true or $false per path).",
        examples=[("Test-Path C:\\pickup", "True when the folder exists."),
                  ("Test-Path report.csv -PathType Leaf", "True only for a file.")])
class TestPath(Cmdlet):
    Path = Param(ArrayOf(str), allow_empty=False, sets={"Path": ParamSet(mandatory=True, position=1, from_pipeline=True,
                                                       from_pipeline_by_name=True)},
                 help="Paths to test (wildcards allowed).")
    LiteralPath = Param(ArrayOf(str), allow_empty=False, sets=_LITERAL_SETS, aliases=["PSPath"],
                        help="Paths to test; wildcard characters are taken literally.")
    PathType = Param(str, values=["Any", "Container", "Leaf"], aliases=["Type"],
                     help="Any (default), Container (a folder) or Leaf (a file).")
    IsValid = Param(SwitchParameter, help="Tests only whether the path is well formed.")

    def process(self) -> None:
        literal = self.is_bound("LiteralPath")
        kind = (self.PathType or "Any").lower()
        for written, files in expand_paths(self.context, self.LiteralPath or self.Path, literal):
            if self.IsValid:
                self.write_object(bool(written) and "\0" not in written)
                continue
            if kind == "container":
                found = any(os.path.isdir(path) for path in files)
            elif kind == "leaf":
                found = any(not os.path.isdir(path) for path in files)
            else:
                found = bool(files)
            self.write_object(found)
