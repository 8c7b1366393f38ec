"""Package data tables generated from the reference (facts only), and their loaders.

``exchange_versions.json`` is written by scripts/gen_exchange_versions.py:
    {"cmdlets": {cmdlet: {"versions": [...], "parameters": {name: [...]}}},
     "equivalents_2010": {later-only cmdlet: 2010 cmdlet or null}}
Version labels are those of base.Param.versions: "2010", "2013", "2016",
"2019", "SE" (plus "Online" and "Security add-on" for cloud-only entries).

Loaders read a table once per process and only when first asked, so nothing on
the plain command path pays for the JSON.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def exchange_versions() -> dict[str, Any]:
    """The version table, with a case-insensitive index under ``"by_lower_name"``."""
    data = json.loads((_HERE / "exchange_versions.json").read_text(encoding="utf-8"))
    data["by_lower_name"] = {name.lower(): name for name in data["cmdlets"]}
    return data
