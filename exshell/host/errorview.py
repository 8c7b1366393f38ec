"""Turn error records into the text a user sees: pure text in, text out.

Contract:
    render(record, view='NormalView') -> str
        ``view`` is 'NormalView' (the Windows PowerShell 2.0-5.1 layout the
        Exchange Management Shell shows; the default) or 'ConciseView'
        (PowerShell 7's short form).  Anything else passed as ``view`` (a
        session, say) is asked for its ``$ErrorView`` variable, so the
        evaluator can hand its session over unchanged.
    render_parse_errors(records, view='NormalView') -> str
        All parse errors of one input as PowerShell shows one ParseException:
        each position block and message, then one CategoryInfo/FQID pair.
    position_message(extent) -> str
        ``At line:L char:C`` (or ``At <script>:L char:C``), the source line
        and the ``~`` underline, cut to fit as PowerShell does.

Hints (``record.hints``) are exshell's own additions; they always sit on their
own lines right after PowerShell's message, so scripts that match the message
text keep working.  Hints that follow from the record alone (paste damage in a
parse error's source, the closest names for an unknown command) are asked of
exshell/binder/hints.py here, so every caller shows them; they go on a copy,
so rendering never changes the caller's record.  No trailing newline is added; the
host prints the result as one block.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable, Optional

from exshell.errors import ErrorRecord
from exshell.language.ast import Extent

NORMAL_VIEW = "NormalView"
CONCISE_VIEW = "ConciseView"

# PowerShell keeps the echoed source line within 69 characters so that, with
# "+ " and the "... " / " ..." markers, it fits an 80-column console unwrapped.
_MAX_SOURCE_WIDTH = 69
# Context PowerShell tries to keep around the error when it must cut the line.
_CONTEXT_BEFORE = 12
_CONTEXT_AFTER = 8
_TAB_AS_SPACES = "    "
_ELLIPSIS = "..."


# ----------------------------------------------------------------- public API

def render(record: ErrorRecord, view: Any = NORMAL_VIEW) -> str:
    """The full display of one error record in the chosen error view."""
    view_name = _view_name(view)
    record = _with_record_hints(record)
    if view_name == CONCISE_VIEW:
        return _concise(record)
    if record.is_parse_error:
        return render_parse_errors([record], NORMAL_VIEW)
    lines = [_command_prefix(record, " : ") + record.message]
    lines.extend(record.hints)
    if record.extent is not None:
        lines.append(position_message(record.extent))
    lines.extend(_category_lines(record))
    return "\n".join(lines)


def render_parse_errors(records: Iterable[ErrorRecord], view: Any = NORMAL_VIEW) -> str:
    """Every parse error of one input, as PowerShell reports a ParseException."""
    records = [_with_record_hints(record) for record in records]
    if not records:
        return ""
    if _view_name(view) == CONCISE_VIEW:
        return "\n".join(_concise(record) for record in records)
    lines: list[str] = []
    for record in records:
        if record.extent is not None:
            lines.append(position_message(record.extent))
        lines.append(record.message)
        lines.extend(record.hints)
    # The category lines describe the ParseException as a whole; PowerShell
    # takes the id of its first error.
    lines.extend(_category_lines(records[0]))
    return "\n".join(lines)


def position_message(extent: Extent) -> str:
    """``At line:L char:C`` plus the echoed source line and its underline."""
    line_number, column = extent.source.position(extent.start)
    where = extent.source.path or "line"
    header = f"At {where}:{line_number} char:{column}"
    echo = _echo_with_underline(extent, line_number, column)
    return header if echo is None else f"{header}\n{echo}"


def _with_record_hints(record: ErrorRecord) -> ErrorRecord:
    """The record plus the hints that depend on it alone, as a copy (the caller's
    record is left as it was); never fails the rendering."""
    if not (record.is_parse_error or record.error_id == "CommandNotFoundException"):
        return record
    shown = replace(record, hints=list(record.hints))
    try:
        from exshell.binder import hints

        if shown.is_parse_error:
            hints.for_parse_error(shown)
        elif shown.target_name:
            hints.for_unknown_command(shown, shown.target_name)
    except Exception:  # noqa: BLE001 - an error message must always print
        return record
    return shown


# ---------------------------------------------------------------- NormalView

def _category_lines(record: ErrorRecord) -> list[str]:
    return [
        f"    + CategoryInfo          : {record.category_info}",
        f"    + FullyQualifiedErrorId : {record.fully_qualified_error_id}",
    ]


def _echo_with_underline(extent: Extent, line_number: int, column: int) -> Optional[str]:
    """``+ <line>`` / ``+ <spaces>~~~``, or None when the line is blank."""
    source_line = extent.source.line_text(line_number).rstrip()
    if not source_line:
        return None
    before = column - 1
    end_line, end_column = extent.source.position(extent.end)
    if end_line == line_number and end_column <= len(source_line) + 1:
        length = end_column - column
    else:
        # An extent running onto later lines is underlined to the end of its first line.
        length = len(source_line) - before
    length = max(length, 0)

    if "\t" in source_line:
        head = source_line[:before].replace("\t", _TAB_AS_SPACES)
        body = source_line[before:before + length].replace("\t", _TAB_AS_SPACES)
        tail = source_line[before + length:].replace("\t", _TAB_AS_SPACES)
        source_line, before, length = head + body + tail, len(head), len(body)

    cut_front = cut_back = False
    if len(source_line) > _MAX_SOURCE_WIDTH:
        source_line, before, length, cut_front, cut_back = _fit_line(source_line, before, length)

    shown = (_ELLIPSIS + " " if cut_front else "") + source_line + (" " + _ELLIPSIS if cut_back else "")
    indent = before + (len(_ELLIPSIS) + 1 if cut_front else 0)
    return f"+ {shown}\n+ {' ' * indent}{'~' * max(length, 1)}"


def _fit_line(line: str, before: int, length: int) -> tuple[str, int, int, bool, bool]:
    """Cut an over-long line around the error, keeping some context each side.

    Returns the visible slice, the new offset and length of the underline, and
    whether text was dropped at the front and at the back.
    """
    limit = _MAX_SOURCE_WIDTH
    after_total = len(line) - length - before
    keep_before = min(before, _CONTEXT_BEFORE)
    keep_after = min(after_total, _CONTEXT_AFTER)
    wanted = keep_before + length + keep_after
    if wanted >= limit:
        # The error itself is too wide: show its start and cut the underline.
        if keep_before + length >= limit:
            length = limit - keep_before
        cut_back = True
    else:
        # Room to spare: give it to the text before the error first.
        spare_before = before - keep_before
        if spare_before > 0:
            keep_before += min(spare_before, limit - wanted)
            wanted = keep_before + length + keep_after
        if wanted < limit and after_total > 0:
            keep_after += min(after_total, limit - wanted)
        cut_back = keep_after < after_total
    cut_front = keep_before < before
    start = max(before - keep_before, 0)
    visible = line[start:start + limit]
    before = min(before, keep_before)
    length = min(length, limit - before)
    return visible, before, length, cut_front, cut_back


def _command_prefix(record: ErrorRecord, separator: str) -> str:
    """``Name : `` before the message: the command the error belongs to.

    PowerShell prints the name the command was invoked by; for a command that
    was not found that is the unknown name itself (its record has no activity).
    """
    name = record.invocation_name or record.activity
    if not name and record.error_id == "CommandNotFoundException":
        name = record.target_name
    return f"{name}{separator}" if name else ""


# --------------------------------------------------------------- ConciseView

def _concise(record: ErrorRecord) -> str:
    """PowerShell 7's view: one line interactively, a ``Line |`` block for
    scripts, multi-line input and parse errors."""
    extent = record.extent
    label = "ParserError" if record.is_parse_error else record.invocation_name or \
        record.activity or (
        record.target_name if record.error_id == "CommandNotFoundException" else "")
    if extent is None or not _wants_line_block(record, extent):
        head = f"{label}: " if label else ""
        return "\n".join([head + record.message, *record.hints])

    line_number, column = extent.source.position(extent.start)
    where = f"{extent.source.path}:{line_number}" if extent.source.path else ""
    header = f"{label}: {where}".rstrip() if label else where
    source_line = extent.source.line_text(line_number).rstrip().replace("\t", _TAB_AS_SPACES)
    end_line, end_column = extent.source.position(extent.end)
    if end_line == line_number:
        length = end_column - column
    else:
        length = len(source_line) - column + 1
    gutter = max(len(str(line_number)), 4)
    blank = " " * gutter
    lines = [header] if header else []
    lines.append(f"{'Line'.rjust(gutter)} |")
    lines.append(f"{str(line_number).rjust(gutter)} |  {source_line}".rstrip())
    lines.append(f"{blank} |  {' ' * (column - 1)}{'~' * max(length, 1)}")
    for text in [record.message, *record.hints]:
        for part in text.split("\n"):
            lines.append(f"{blank} | {part}".rstrip())
    return "\n".join(lines)


def _wants_line_block(record: ErrorRecord, extent: Extent) -> bool:
    source = extent.source
    return bool(record.is_parse_error or source.path or "\n" in source.text.rstrip("\n"))


def _view_name(view: Any) -> str:
    """Accept a view name or anything that can tell us ``$ErrorView``."""
    if isinstance(view, str):
        return CONCISE_VIEW if view.lower() == CONCISE_VIEW.lower() else NORMAL_VIEW
    if view is None:
        return NORMAL_VIEW
    for getter_name in ("get_variable", "get_var"):
        getter = getattr(view, getter_name, None)
        if callable(getter):
            try:
                value = getter("ErrorView")
            except Exception:  # an unset variable just means the default view
                value = None
            return _view_name(str(value)) if value is not None else NORMAL_VIEW
    return NORMAL_VIEW
