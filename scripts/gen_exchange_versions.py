#!/usr/bin/env python3
"""Generate exshell/data/exchange_versions.py from the Exchange cmdlet reference.

Job: record, for every cmdlet of the reference, which Exchange versions have
the cmdlet and each of its parameters, plus the Exchange 2010 way to do what a
later-only cmdlet does.  The hint engine (exshell/binder/hints.py) reads the
result to say "this exists only in Exchange 2013 and later" and what to use on
2010 instead.  Facts only: version lists come from the reference pages'
"Applicable:" lines (exchange-ps/*.md) and exchange-cmdlets.json; no prose is
copied.

The table is written as a Python module rather than JSON so that an installed
wheel always carries it (package code ships without any package-data setup).

Usage: scripts/gen_exchange_versions.py [REFERENCE_DIR] [OUTPUT]
(defaults: ../shared/reference beside the checkout and exshell/data/exchange_versions.py).
Re-run it whenever the reference changes; tests/binder/test_hints.py checks
that the committed file matches the reference.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "reference"
DEFAULT_OUTPUT = REPO / "exshell" / "data" / "exchange_versions.py"

# Product names on the reference pages -> the short labels exshell uses
# (the same labels as base.Param.versions).
VERSION_LABELS = {
    "Exchange Server 2010": "2010",
    "Exchange Server 2013": "2013",
    "Exchange Server 2016": "2016",
    "Exchange Server 2019": "2019",
    "Exchange Server SE": "SE",
    "Exchange Online": "Online",
    "Built-in security add-on for on-premises mailboxes": "Security add-on",
}

# Cmdlets of later versions and the Exchange 2010 cmdlet doing the same job
# (None: Exchange 2010 has no such role or feature).  The 2013 transport
# services split the 2010 Hub Transport role: the Transport service kept its
# settings, the Front End and Mailbox transport services are new.
EQUIVALENTS_2010 = {
    "Get-TransportService": "Get-TransportServer",
    "Set-TransportService": "Set-TransportServer",
    "Get-FrontendTransportService": None,
    "Set-FrontendTransportService": None,
    "Get-MailboxTransportService": None,
    "Set-MailboxTransportService": None,
    "Get-QueueDigest": "Get-Queue",
    "Redirect-Message": None,
}

_PARAMETER_SECTION = re.compile(r"^### -(\S+)\s*$(.*?)(?=^### |^## |\Z)", re.S | re.M)
_APPLICABLE = re.compile(r"^> Applicable: (.*)$", re.M)


def version_labels(applicable: list[str] | str) -> list[str]:
    names = applicable.split(",") if isinstance(applicable, str) else applicable
    return [VERSION_LABELS.get(name.strip(), name.strip()) for name in names if name.strip()]


def page_parameter_versions(page: str) -> dict[str, list[str]]:
    """Parameter name -> version labels, from one reference page's sections."""
    found: dict[str, list[str]] = {}
    for section in _PARAMETER_SECTION.finditer(page):
        applicable = _APPLICABLE.search(section.group(2))
        if applicable:
            found[section.group(1)] = version_labels(applicable.group(1))
    return found


def build(reference: Path) -> dict:
    catalogue = json.loads((reference / "exchange-cmdlets.json").read_text(encoding="utf-8"))
    cmdlets: dict[str, dict] = {}
    for entry in catalogue["cmdlets"]:
        name = entry["name"]
        cmdlet_versions = version_labels(entry.get("applicable") or [])
        page_path = reference / "exchange-ps" / f"{name}.md"
        from_page = page_parameter_versions(page_path.read_text(encoding="utf-8")) if page_path.exists() else {}
        parameters: dict[str, list[str]] = {}
        for parameter in entry["parameters"]:
            versions = from_page.get(parameter["name"])
            if versions is None:
                versions = list(cmdlet_versions)
                if not parameter.get("exchange_2010", True) and "2010" in versions:
                    versions.remove("2010")
            parameters[parameter["name"]] = versions
        cmdlets[name] = {"versions": cmdlet_versions, "parameters": parameters}
    for name in EQUIVALENTS_2010:
        if name not in cmdlets:
            raise SystemExit(f"{name} is not in the reference; update EQUIVALENTS_2010")
    return {
        "source": catalogue.get("source", ""),
        "cmdlets": cmdlets,
        "equivalents_2010": EQUIVALENTS_2010,
    }


def render(data: dict) -> str:
    """Python source with one line per parameter, so diffs of the reference stay readable."""
    def literal(value: object) -> str:
        if isinstance(value, list):
            return "(" + ", ".join(json.dumps(v) for v in value) + ("," if len(value) == 1 else "") + ")"
        return "None" if value is None else json.dumps(value, ensure_ascii=False)

    lines = [
        '"""Exchange versions of each reference cmdlet and parameter (generated: do not edit).',
        "",
        "Written by scripts/gen_exchange_versions.py from exchange-cmdlets.json and the",
        "reference pages' Applicable lines; read through exshell.data.version_table().",
        '"""',
        "",
        f"SOURCE = {literal(data['source'])}",
        "",
        "# cmdlet -> versions of the cmdlet and of each of its parameters",
        "CMDLETS = {",
    ]
    for name, facts in data["cmdlets"].items():
        lines.append(f"    {literal(name)}: {{")
        lines.append(f'        "versions": {literal(facts["versions"])},')
        lines.append('        "parameters": {')
        for parameter, versions in facts["parameters"].items():
            lines.append(f"            {literal(parameter)}: {literal(versions)},")
        lines.append("        },")
        lines.append("    },")
    lines.append("}")
    lines.append("")
    lines.append("# later-version cmdlet -> the Exchange 2010 cmdlet doing its job (None: no such cmdlet)")
    lines.append("EQUIVALENTS_2010 = {")
    for later, earlier in data["equivalents_2010"].items():
        lines.append(f"    {literal(later)}: {literal(earlier)},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    reference = Path(argv[1]) if len(argv) > 1 else DEFAULT_REFERENCE
    output = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUTPUT
    output.write_text(render(build(reference)), encoding="utf-8")
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
