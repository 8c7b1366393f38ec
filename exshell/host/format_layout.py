"""Text layout of PowerShell's three views (table, list, wide) at a given width.

Contract: everything here works on cells that are already strings; choosing
which properties to show and how a value reads as text is exshell/host/format.py's
job.  Each ``layout_*`` function returns the view's lines without the blank
lines PowerShell prints around a view (format.py adds those), and with trailing
blanks removed (padding the last column would only add invisible spaces).

Widths follow PowerShell 5.1's TableWriter/ListWriter: a view uses one column
less than the screen (the console would otherwise wrap at the last column), one
space separates table columns, a value too long for its column ends in ``...``
unless wrapping was asked for, and a header is underlined by as many dashes as
its label has characters.
"""
from __future__ import annotations

import textwrap
from typing import Sequence

ELLIPSIS = "..."          # PowerShell 5.1 (7 switched to the one-character ellipsis)
MIN_COLUMN_WIDTH = 4      # narrow enough to shrink into, wide enough to show "a..."


class TableColumn:
    """One table column: ``width`` 0 means "decide from the content or the screen"."""

    __slots__ = ("label", "width", "right_aligned")

    def __init__(self, label: str, width: int = 0, right_aligned: bool = False):
        self.label = label
        self.width = width
        self.right_aligned = right_aligned


def usable_width(screen_width: int) -> int:
    """Columns a view may fill on a screen this wide."""
    return max(10, int(screen_width) - 1)


def truncate(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, ending in ``...`` when cut."""
    first_line, _, rest = text.partition("\n")
    if rest and len(first_line) + len(ELLIPSIS) <= width:
        return first_line + ELLIPSIS
    if len(first_line) <= width and not rest:
        return first_line
    if width <= len(ELLIPSIS):
        return first_line[:width]
    return first_line[: width - len(ELLIPSIS)] + ELLIPSIS


def wrap_words(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` characters, breaking at spaces when possible."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        pieces = textwrap.wrap(paragraph, width, break_long_words=True,
                               replace_whitespace=False, drop_whitespace=True)
        lines.extend(pieces or [""])
    return lines or [""]


def split_at(text: str, first_width: int, next_width: int) -> list[str]:
    """``text`` cut into lines of exact widths (list values wrap by character, as PowerShell's)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        width = first_width if not lines else next_width
        if width <= 0 or len(paragraph) <= width:
            lines.append(paragraph)
            continue
        lines.append(paragraph[:width])
        paragraph = paragraph[width:]
        while paragraph:
            lines.append(paragraph[:next_width])
            paragraph = paragraph[next_width:]
    return lines or [""]


# ----------------------------------------------------------------------- table

def _content_widths(columns: Sequence[TableColumn], rows: Sequence[Sequence[str]],
                    hide_headers: bool) -> list[int]:
    widths = [0 if hide_headers else len(column.label) for column in columns]
    for row in rows:
        for index, cell in enumerate(row):
            longest = max((len(line) for line in cell.split("\n")), default=0)
            if longest > widths[index]:
                widths[index] = longest
    # a width the view or a calculated property declares is kept
    return [column.width if column.width > 0 else max(1, width)
            for column, width in zip(columns, widths)]


def _spread_widths(columns: Sequence[TableColumn], available: int) -> list[int]:
    """Fixed widths kept; the columns without one share what is left evenly."""
    widths = [column.width for column in columns]
    open_indexes = [i for i, width in enumerate(widths) if width <= 0]
    if not open_indexes:
        return widths
    free = available - sum(w for w in widths if w > 0) - (len(widths) - 1)
    share, extra = divmod(max(free, 0), len(open_indexes))
    for rank, index in enumerate(open_indexes):
        # the remainder goes to the last columns, whose values tend to be the longest
        bonus = 1 if rank >= len(open_indexes) - extra else 0
        widths[index] = max(MIN_COLUMN_WIDTH, share + bonus)
    return widths


def _shrink_to_fit(widths: list[int], available: int) -> list[int]:
    """Narrow the widest columns until the row fits the screen (or cannot shrink more)."""
    def total() -> int:
        return sum(widths) + len(widths) - 1

    while total() > available:
        order = sorted(range(len(widths)), key=lambda i: -widths[i])
        widest = order[0]
        if widths[widest] <= MIN_COLUMN_WIDTH:
            break
        runner_up = widths[order[1]] if len(order) > 1 else MIN_COLUMN_WIDTH
        # shrink the widest down towards the next widest, so wide columns end up even
        step = min(total() - available, max(1, widths[widest] - runner_up),
                   widths[widest] - MIN_COLUMN_WIDTH)
        widths[widest] -= step
    return widths


def column_widths(columns: Sequence[TableColumn], rows: Sequence[Sequence[str]],
                  screen_width: int, autosize: bool, hide_headers: bool = False) -> list[int]:
    available = usable_width(screen_width)
    if autosize:
        widths = _content_widths(columns, rows, hide_headers)
    else:
        widths = _spread_widths(columns, available)
    return _shrink_to_fit(list(widths), available)


def _place(text: str, width: int, right: bool) -> str:
    return text.rjust(width) if right else text.ljust(width)


def layout_table(columns: Sequence[TableColumn], rows: Sequence[Sequence[str]], screen_width: int,
                 *, autosize: bool = False, wrap: bool = False,
                 hide_headers: bool = False) -> list[str]:
    """The header, its dashes and the rows of one table.

    ``autosize`` sizes every column to its content (``-AutoSize``, and objects
    without a registered view, as PowerShell 5's short buffering does);
    otherwise fixed column widths are kept and the remaining columns share the
    screen.  ``wrap`` continues long values on further lines instead of cutting.
    """
    widths = column_widths(columns, rows, screen_width, autosize, hide_headers)
    lines: list[str] = []
    if not hide_headers:
        labels = [truncate(c.label, w) for c, w in zip(columns, widths)]
        lines.append(" ".join(_place(label, w, c.right_aligned)
                              for label, c, w in zip(labels, columns, widths)).rstrip())
        lines.append(" ".join(_place("-" * len(label), w, c.right_aligned)
                              for label, c, w in zip(labels, columns, widths)).rstrip())
    for row in rows:
        if wrap:
            cells = [wrap_words(cell, w) for cell, w in zip(row, widths)]
        else:
            cells = [[truncate(cell, w)] for cell, w in zip(row, widths)]
        for line_index in range(max((len(cell) for cell in cells), default=0)):
            parts = [
                _place(cell[line_index] if line_index < len(cell) else "", w, c.right_aligned)
                for cell, c, w in zip(cells, columns, widths)
            ]
            lines.append(" ".join(parts).rstrip())
    return lines


# ------------------------------------------------------------------------ list

def layout_list_entry(pairs: Sequence[tuple[str, str]], screen_width: int) -> list[str]:
    """``Label : value`` lines of one object, labels padded to the longest one.

    A value longer than the screen continues on the next lines, indented under
    the value column; a multi-line value keeps its own line breaks.
    """
    if not pairs:
        return []
    label_width = max(len(label) for label, _ in pairs)
    indent = label_width + 3
    value_width = usable_width(screen_width) - indent
    lines: list[str] = []
    for label, value in pairs:
        pieces = split_at(value, value_width, value_width) if value_width >= 10 else value.split("\n")
        lines.append(f"{label.ljust(label_width)} : {pieces[0]}".rstrip())
        lines.extend((" " * indent + piece).rstrip() for piece in pieces[1:])
    return lines


# ------------------------------------------------------------------------ wide

def layout_wide(items: Sequence[str], screen_width: int, column_count: int = 0,
                autosize: bool = False) -> list[str]:
    """Items side by side, left to right then down (``Format-Wide``).

    Without a column count PowerShell uses two columns; ``autosize`` fits as many
    columns of the longest item as the screen holds.
    """
    if not items:
        return []
    available = usable_width(screen_width)
    if autosize and column_count <= 0:
        longest = max(len(item) for item in items)
        column_count = max(1, (available + 1) // (longest + 1))
    column_count = max(1, column_count or 2)
    width = max(1, (available - (column_count - 1)) // column_count)
    lines = []
    for start in range(0, len(items), column_count):
        chunk = items[start:start + column_count]
        lines.append(" ".join(truncate(item, width).ljust(width) for item in chunk).rstrip())
    return lines
