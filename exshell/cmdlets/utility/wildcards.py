"""PowerShell wildcard patterns for the utility cmdlets' name matching.

Contract: ``has_wildcard(text)`` tells whether ``text`` uses ``*``, ``?`` or
``[...]``; ``wildcard_matcher(pattern, case_sensitive=False)`` returns a
predicate over strings that matches the whole string, as WildcardPattern does
(``*`` any run, ``?`` one character, ``[abc]``/``[a-z]`` one of a set, a
backtick escapes the next character).  Used for ``-Property *DSN*``,
``Get-Command -Name *Connector``, ``Select-Object -ExcludeProperty``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable


def has_wildcard(text: str) -> bool:
    return any(char in text for char in "*?[")


@lru_cache(maxsize=256)
def _compile(pattern: str, case_sensitive: bool) -> "re.Pattern[str]":
    parts: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "`" and index + 1 < len(pattern):
            parts.append(re.escape(pattern[index + 1]))
            index += 2
            continue
        if char == "*":
            parts.append(".*")
        elif char == "?":
            parts.append(".")
        elif char == "[":
            end = pattern.find("]", index + 1)
            if end < 0:
                parts.append(re.escape(char))
            else:
                body = pattern[index + 1:end].replace("\\", "\\\\").replace("^", "\\^")
                parts.append(f"[{body}]")
                index = end
        else:
            parts.append(re.escape(char))
        index += 1
    flags = re.DOTALL if case_sensitive else re.DOTALL | re.IGNORECASE
    return re.compile("".join(parts) + r"\Z", flags)


def wildcard_matcher(pattern: str, case_sensitive: bool = False) -> Callable[[str], bool]:
    compiled = _compile(pattern, case_sensitive)
    return lambda text: compiled.match(text) is not None
