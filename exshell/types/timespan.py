"""EnhancedTimeSpan: Exchange's time span (``00:15:00``, ``1.00:00:00``).

Contract:
  * ``EnhancedTimeSpan.convert(value)`` accepts .NET TimeSpan text
    ``[-][d.]hh:mm[:ss[.fffffff]]``, ``d:hh:mm:ss``, a bare day count (``"7"``,
    like TimeSpan.Parse), a ``datetime.timedelta`` (PowerShell's [TimeSpan]),
    another instance, or an ``ArgumentNumber``/int (read as its text, so days).
    Errors carry .NET's TimeSpan.Parse texts.
  * Exact to the .NET tick (100 ns); display is TimeSpan's constant format
    ``[-][d.]hh:mm:ss[.fffffff]``, so ``convert(str(x)) == x``.
  * ``total_seconds``, ``ticks``, ``to_timedelta()``; ordering; hashable.
  * Ranges are facts of parameters: ``EnhancedTimeSpan.in_range("00:00:01",
    "1.00:00:00")`` gives a ``Param(validate=...)`` callable.
"""
from __future__ import annotations

import re
from datetime import timedelta
from functools import total_ordering
from typing import Any, Callable

from exshell.types.common import equals_text, fail, in_range, reject_null, text_of

TICKS_PER_SECOND = 10_000_000
TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND
TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE
TICKS_PER_DAY = 24 * TICKS_PER_HOUR
MAX_TICKS = 2 ** 63 - 1

_DAYS_ONLY = re.compile(r"^\s*(-)?(\d+)\s*$")
# [-][d.]h:m[:s[.f]]  or  [-]d:h:m:s[.f]
_CLOCK = re.compile(
    r"^\s*(-)?(?:(\d+)\.|(\d+):(?=\d+:\d+:))?(\d+):(\d+)(?::(\d+)(?:\.(\d+))?)?\s*$"
)


@total_ordering
class EnhancedTimeSpan:
    """A signed duration in .NET ticks."""

    dotnet_name = "Microsoft.Exchange.Data.EnhancedTimeSpan"
    reference_name = "EnhancedTimeSpan"

    __slots__ = ("_ticks",)

    def __init__(self, ticks: int = 0):
        object.__setattr__(self, "_ticks", int(ticks))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("EnhancedTimeSpan values are immutable")

    # -- construction
    @classmethod
    def convert(cls, value: Any) -> "EnhancedTimeSpan":
        if isinstance(value, EnhancedTimeSpan):
            return value
        if value is None:
            reject_null(cls.dotnet_name)
        if isinstance(value, timedelta):
            return cls.from_timedelta(value)
        return cls.parse(text_of(value, cls.dotnet_name))

    @classmethod
    def parse(cls, text: str) -> "EnhancedTimeSpan":
        days_only = _DAYS_ONLY.match(text)
        if days_only:
            sign, days = days_only.groups()
            return cls._checked(sign, int(days), 0, 0, 0, 0)
        clock = _CLOCK.match(text)
        if not clock:
            fail("TimeSpanFormat")
        sign, dotted_days, colon_days, hours, minutes, seconds, fraction = clock.groups()
        days = dotted_days or colon_days
        if fraction is not None and len(fraction) > 7:
            fail("TimeSpanOverflow")
        fraction_ticks = int((fraction or "0").ljust(7, "0"))
        return cls._checked(sign, int(days or 0), int(hours), int(minutes),
                            int(seconds or 0), fraction_ticks)

    @classmethod
    def _checked(cls, sign: str | None, days: int, hours: int, minutes: int,
                 seconds: int, fraction_ticks: int) -> "EnhancedTimeSpan":
        if hours > 23 or minutes > 59 or seconds > 59:
            fail("TimeSpanOverflow")
        ticks = (days * TICKS_PER_DAY + hours * TICKS_PER_HOUR + minutes * TICKS_PER_MINUTE
                 + seconds * TICKS_PER_SECOND + fraction_ticks)
        if ticks > MAX_TICKS:
            fail("TimeSpanOverflow")
        return cls(-ticks if sign else ticks)

    @classmethod
    def from_timedelta(cls, delta: timedelta) -> "EnhancedTimeSpan":
        return cls((delta.days * 86_400 + delta.seconds) * TICKS_PER_SECOND
                   + delta.microseconds * 10)

    @classmethod
    def from_seconds(cls, seconds: float) -> "EnhancedTimeSpan":
        return cls(round(seconds * TICKS_PER_SECOND))

    @classmethod
    def in_range(cls, minimum: Any, maximum: Any) -> Callable[[Any], None]:
        """A validator for ``Param(validate=...)``: ``minimum <= value <= maximum``."""
        return in_range(cls.convert(minimum), cls.convert(maximum))

    # -- reading
    @property
    def ticks(self) -> int:
        return self._ticks

    @property
    def total_seconds(self) -> float:
        return self._ticks / TICKS_PER_SECOND

    def to_timedelta(self) -> timedelta:
        return timedelta(microseconds=self._ticks // 10)

    def ps_properties(self) -> dict[str, Any]:
        magnitude = abs(self._ticks)
        sign = -1 if self._ticks < 0 else 1
        return {
            "Days": sign * (magnitude // TICKS_PER_DAY),
            "Hours": sign * (magnitude % TICKS_PER_DAY // TICKS_PER_HOUR),
            "Minutes": sign * (magnitude % TICKS_PER_HOUR // TICKS_PER_MINUTE),
            "Seconds": sign * (magnitude % TICKS_PER_MINUTE // TICKS_PER_SECOND),
            "Milliseconds": sign * (magnitude % TICKS_PER_SECOND // 10_000),
            "Ticks": self._ticks,
            "TotalDays": self._ticks / TICKS_PER_DAY,
            "TotalHours": self._ticks / TICKS_PER_HOUR,
            "TotalMinutes": self._ticks / TICKS_PER_MINUTE,
            "TotalSeconds": self.total_seconds,
            "TotalMilliseconds": self._ticks / 10_000,
        }

    def ps_methods(self) -> dict[str, Any]:
        return {"ToString": self.__str__}

    def ps_type_names(self) -> list[str]:
        return [self.dotnet_name, "System.ValueType", "System.Object"]

    def to_json(self) -> str:
        return str(self)

    # -- display: TimeSpan "c" format
    def __str__(self) -> str:
        magnitude = abs(self._ticks)
        days, rest = divmod(magnitude, TICKS_PER_DAY)
        hours, rest = divmod(rest, TICKS_PER_HOUR)
        minutes, rest = divmod(rest, TICKS_PER_MINUTE)
        seconds, fraction = divmod(rest, TICKS_PER_SECOND)
        text = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
        if days:
            text = f"{days}.{text}"
        if fraction:
            text = f"{text}.{fraction:07d}"
        return f"-{text}" if self._ticks < 0 else text

    def __repr__(self) -> str:
        return f"EnhancedTimeSpan('{self}')"

    # -- comparison
    def __eq__(self, other: Any) -> bool:
        if isinstance(other, EnhancedTimeSpan):
            return self._ticks == other._ticks
        if isinstance(other, timedelta):
            return self == EnhancedTimeSpan.from_timedelta(other)
        return equals_text(self, other)

    def __lt__(self, other: Any) -> bool:
        if isinstance(other, EnhancedTimeSpan):
            return self._ticks < other._ticks
        if isinstance(other, timedelta):
            return self < EnhancedTimeSpan.from_timedelta(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("EnhancedTimeSpan", self._ticks))
