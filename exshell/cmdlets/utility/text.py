"""Select-String: finding text in files or in the pipeline's strings.

Contract: each line that matches -Pattern (a .NET regular expression, or plain text
with -SimpleMatch; case-insensitive unless -CaseSensitive) becomes a MatchInfo
(IgnoreCase, LineNumber, Line, Filename, Path, Pattern, Matches) that prints as
PowerShell prints it: ``file:line:text`` for a file (the path relative to the
current directory when it is below it), the line alone for pipeline input.
-NotMatch keeps the lines that do not match, -List stops at each source's first
match, -AllMatches collects every match of a line, -Quiet writes only True/False.
Files are read lazily (exshell.cmdlets.utility.content.iter_lines), so a
``Select-String ... | Select-Object -First 1`` stops reading early.
"""
from __future__ import annotations

import os
import re
from typing import Any

from exshell.cmdlets.base import ArrayOf, Cmdlet, Param, ParamSet, cmdlet
from exshell.cmdlets.utility.content import (expand_paths, file_error, iter_lines, not_found,
                                             os_error_text, resolve_path)
from exshell.host.format import register_view
from exshell.language.values import Hashtable, SwitchParameter

MATCH_INFO_TYPE = "Microsoft.PowerShell.Commands.MatchInfo"
register_view(MATCH_INFO_TYPE, kind="text")
INPUT_STREAM = "InputStream"


class MatchInfo:
    """Microsoft.PowerShell.Commands.MatchInfo: one matching line."""

    __slots__ = ("line", "line_number", "path", "pattern", "ignore_case", "matches")

    def __init__(self, line: str, line_number: int, path: str, pattern: str, ignore_case: bool,
                 matches: list):
        self.line = line
        self.line_number = line_number
        self.path = path
        self.pattern = pattern
        self.ignore_case = ignore_case
        self.matches = matches

    def ps_properties(self) -> Hashtable:
        filename = INPUT_STREAM if self.path == INPUT_STREAM else os.path.basename(self.path)
        return Hashtable([("IgnoreCase", self.ignore_case), ("LineNumber", self.line_number),
                          ("Line", self.line), ("Filename", filename), ("Path", self.path),
                          ("Pattern", self.pattern), ("Context", None), ("Matches", self.matches)])

    def ps_type_names(self) -> list[str]:
        return [MATCH_INFO_TYPE, "System.Object"]

    def __str__(self) -> str:
        if self.path == INPUT_STREAM:
            return self.line
        shown = self.path
        here = os.getcwd()
        if shown.startswith(here.rstrip(os.sep) + os.sep):
            shown = os.path.relpath(shown, here)
        return f"{shown}:{self.line_number}:{self.line}"


_PATTERN_SETS = {name: ParamSet(mandatory=True, position=1) for name in ("File", "Object", "LiteralFile")}


@cmdlet("Select-String", default_set="File",
        command_type_name="Microsoft.PowerShell.Commands.SelectStringCommand",
        synopsis="Finds lines matching a pattern in files or in pipeline strings.",
        examples=[("Select-String -Path C:\\Logs\\*.log -Pattern '550 5.7.1'",
                   "The log lines of refused messages, as file:line:text."),
                  ("Get-Content hosts.txt | Select-String -SimpleMatch contoso", "Lines containing contoso.")])
class SelectString(Cmdlet):
    Pattern = Param(ArrayOf(str), sets=_PATTERN_SETS, help="Regular expressions (or texts with -SimpleMatch).")
    Path = Param(ArrayOf(str), sets={"File": ParamSet(mandatory=True, position=2, from_pipeline_by_name=True)},
                 wildcards=True, help="Files to search (wildcards allowed).")
    LiteralPath = Param(ArrayOf(str), sets={"LiteralFile": ParamSet(mandatory=True, from_pipeline_by_name=True)},
                        aliases=["PSPath"], help="Files to search; wildcard characters are taken literally.")
    InputObject = Param(object, sets={"Object": ParamSet(mandatory=True, from_pipeline=True)},
                        help="Text to search; normally pipeline strings.")
    SimpleMatch = Param(SwitchParameter, help="Plain text, not regular expressions.")
    CaseSensitive = Param(SwitchParameter, help="Matches case-sensitively.")
    NotMatch = Param(SwitchParameter, help="Keeps the lines that do not match.")
    AllMatches = Param(SwitchParameter, help="Collects every match on a line, not just the first.")
    List = Param(SwitchParameter, help="Only the first match of each file or input.")
    Quiet = Param(SwitchParameter, help="Writes only True or False: did anything match?")
    Encoding = Param(str, help="The files' character encoding (as Get-Content takes it).")

    def begin(self) -> None:
        from exshell.language.regex import compile_regex
        texts = [str(p) for p in self.Pattern]
        if self.SimpleMatch:
            flags = 0 if self.CaseSensitive else re.IGNORECASE
            self._regexes = [re.compile(re.escape(text), flags) for text in texts]
        else:
            self._regexes = [compile_regex(text, bool(self.CaseSensitive)) for text in texts]
        self._texts = texts
        self._found = False
        self._input_line = 0
        self._input_listed = False

    def process(self) -> None:
        if self.parameter_set == "Object":
            if self.InputObject is None or (self.List and self._input_listed):
                return
            from exshell.language.conversions import to_string
            self._input_line += 1
            if self._emit(to_string(self.InputObject), self._input_line, INPUT_STREAM):
                self._input_listed = True
            return
        literal = self.parameter_set == "LiteralFile"
        for written, files in expand_paths(self.context, self.LiteralPath if literal else self.Path, literal):
            if not files:
                self.write_error(not_found(resolve_path(self.context, written), "Select-String"))
            for path in files:
                if not os.path.isdir(path):
                    self._search_file(path)

    def _search_file(self, path: str) -> None:
        try:
            for number, line in enumerate(iter_lines(path, self.Encoding), 1):
                if self._emit(line, number, path) and self.List:
                    return
        except OSError as failure:
            self.write_error(file_error(os_error_text(failure, path), "ProcessingFile", "ReadError", path,
                                        "Select-String", "IOException"))

    def _emit(self, line: str, number: int, path: str) -> bool:
        """Writes the line's MatchInfo when it is wanted; True when it was."""
        found = self._matches(line)
        if bool(found) == bool(self.NotMatch):
            return False
        self._found = True
        if not self.Quiet:
            pattern = self._texts[0] if self.NotMatch else found[0][0]
            from exshell.language.members import RegexMatch
            self.write_object(MatchInfo(line, number, path, pattern, not self.CaseSensitive,
                                        [RegexMatch(match) for _, match in found]))
        return True

    def _matches(self, line: str) -> list[tuple[str, Any]]:
        found: list[tuple[str, Any]] = []
        for text, regex in zip(self._texts, self._regexes):
            if self.AllMatches:
                found.extend((text, match) for match in regex.finditer(line))
            else:
                match = regex.search(line)
                if match is not None:
                    return [(text, match)]
        return found

    def end(self) -> None:
        if self.Quiet:
            self.write_object(self._found)


__all__ = ["SelectString", "MatchInfo"]
