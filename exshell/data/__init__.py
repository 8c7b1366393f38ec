"""Package data tables generated from the reference (facts only), and their loaders.

``exchange_versions.py`` is written by scripts/gen_exchange_versions.py (a
Python module, so an installed wheel always carries it); its loader returns
    {"cmdlets": {cmdlet: {"versions": (...), "parameters": {name: (...)}}},
     "equivalents_2010": {later-only cmdlet: 2010 cmdlet or None},
     "by_lower_name": {lower-case cmdlet name: cmdlet name}}
Version labels are those of base.Param.versions: "2010", "2013", "2016",
"2019", "SE" (plus "Online" and "Security add-on" for cloud-only entries).

Loaders read a table once per process and only when first asked, so nothing on
the plain command path pays for it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=None)
def version_table() -> dict[str, Any]:
    """The version table, with a case-insensitive index under ``"by_lower_name"``."""
    from exshell.data import exchange_versions as table

    return {
        "cmdlets": table.CMDLETS,
        "equivalents_2010": table.EQUIVALENTS_2010,
        "by_lower_name": {name.lower(): name for name in table.CMDLETS},
    }
