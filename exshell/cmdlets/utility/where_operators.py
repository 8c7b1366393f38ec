"""The operators of Where-Object's property form (``Where Prop -like 'a*'``).

Contract: ``OPERATORS`` lists each operator switch with its parameter-set name
(PowerShell's names, e.g. 'CaseSensitiveLikeSet'); ``apply_operator(switch,
left, right) -> bool`` evaluates ``left -op right`` for a filter.

The comparison itself is the language's (exshell.language.operators.binary),
so ``Where Prop -eq v`` and ``{ $_.Prop -eq v }`` cannot disagree.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class WhereOperator:
    switch: str          # parameter name, e.g. 'CLike'
    set_name: str        # parameter set, e.g. 'CaseSensitiveLikeSet'
    operator: str        # the language operator without dash, e.g. 'clike'


def _table() -> tuple[WhereOperator, ...]:
    pairs = [("EQ", "Equal"), ("NE", "NotEqual"), ("GT", "GreaterThan"), ("LT", "LessThan"),
             ("GE", "GreaterOrEqual"), ("LE", "LessOrEqual"), ("Like", "Like"),
             ("NotLike", "NotLike"), ("Match", "Match"), ("NotMatch", "NotMatch"),
             ("Contains", "Contains"), ("NotContains", "NotContains"), ("In", "In"),
             ("NotIn", "NotIn")]
    table = []
    for switch, set_stem in pairs:
        table.append(WhereOperator(switch, set_stem + "Set", switch.lower()))
        table.append(WhereOperator("C" + switch, "CaseSensitive" + set_stem + "Set",
                                   "c" + switch.lower()))
    table.append(WhereOperator("Is", "IsSet", "is"))
    table.append(WhereOperator("IsNot", "IsNotSet", "isnot"))
    return tuple(table)


OPERATORS = _table()
_BY_SWITCH = {op.switch.lower(): op for op in OPERATORS}


class _FilterContext:
    """What the language's operators need from their caller: $OFS, and somewhere
    for -match to put $Matches (a filter does not change the caller's $Matches)."""

    ofs = " "

    def set_matches(self, table: Any) -> None:
        pass


def apply_operator(switch: str, left: Any, right: Any) -> bool:
    from exshell.language.conversions import resolve_type, to_bool
    from exshell.language.operators import binary
    operator = _BY_SWITCH[switch.lower()].operator
    if operator in ("is", "isnot") and isinstance(right, str):
        right = resolve_type(right)
    return to_bool(binary(operator, left, right, _FilterContext()))
