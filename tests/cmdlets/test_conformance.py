"""Every declared Exchange cmdlet matches the Exchange 2010 reference (exchange-cmdlets.json).

For each class in the registry with ``info.exchange``: every parameter the
reference marks ``exchange_2010`` is declared, bindable, with the same type
(the reference's short type name, mapped through exshell.types.registry
REFERENCE_TYPES), the same position, the same mandatory flag in each parameter
set, the same parameter sets, pipeline input, aliases and accepted values; parameters of later versions
only are either absent or declared not bindable; the cmdlet's own parameter
sets are the reference's.  Known differences are listed in DIFFERENCES with a
reason each; a listed difference that no longer occurs fails too, so the list
stays true.
"""
from __future__ import annotations

import os

import json
from pathlib import Path

import pytest

REFERENCE = Path(os.environ["EXSHELL_REFERENCE"], "exchange-cmdlets.json")

# (cmdlet, parameter or "*", aspect) -> why exshell differs from the reference.
DIFFERENCES: dict[tuple[str, str, str], str] = {
    ("New-SendConnector", "ErrorPolicies", "accepted values"):
        "the reference pages disagree: New-SendConnector lists DowngradeCustomFailures and "
        "UpgradeCustomFailures, Set-SendConnector lists DowngradeAuthFailures; both set the same "
        "ErrorPolicies property, so exshell declares one enum (the Set-SendConnector page's values) "
        "for both cmdlets",
    ("New-ReceiveConnector", "RemoteIPRanges", "mandatory in Internet"):
        "the catalogue makes it mandatory in every set; the page's Internet syntax block lists "
        "it as optional ([-RemoteIPRanges]) and the usage defaults it to every IPv4 and IPv6 "
        "address, so exshell follows the syntax block",
    ("New-ReceiveConnector", "Bindings", "mandatory in Internal"):
        "the catalogue makes it mandatory in every set; the page's Internal syntax block lists "
        "it as optional ([-Bindings]) and the usage defaults it to 0.0.0.0:25, so exshell "
        "follows the syntax block",
    ("New-ReceiveConnector", "Bindings", "mandatory in Client"):
        "the catalogue makes it mandatory in every set; the page's Client syntax block lists it "
        "as optional ([-Bindings]) and the usage defaults it to 0.0.0.0:587 (Exchange 2010's "
        "client submission port), so exshell follows the syntax block",
    ("New-ReceiveConnector", "Bindings", "mandatory in UsageType"):
        "the catalogue makes it mandatory in every set; the page's UsageType syntax block lists "
        "it as optional ([-Bindings]); the chosen usage's default applies (Internal 0.0.0.0:25, "
        "Client 0.0.0.0:587) and Custom/Partner, which have none, report it as required",
    ("New-ReceiveConnector", "RemoteIPRanges", "mandatory in UsageType"):
        "the catalogue makes it mandatory in every set; the page's UsageType syntax block lists "
        "it as optional ([-RemoteIPRanges]); -Usage Internet defaults it to every address and "
        "the usages without a default report it as required",
}

# Declared Exchange cmdlets that the reference does not describe -> why they exist.
NOT_IN_REFERENCE: dict[str, str] = {
    "Remove-RemoteDomain": "issue 4 asks for it and Exchange 2010 has it, but the reference "
                           "catalogue has no page for it, so there is nothing to compare against",
}

SHOULD_PROCESS_PARAMETERS = {"WhatIf", "Confirm"}


def _reference() -> dict[str, dict]:
    if not REFERENCE.exists():
        pytest.fail(f"reference folder missing: {os.environ['EXSHELL_REFERENCE']}")
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return {entry["name"]: entry for entry in data["cmdlets"]}


def _declared_exchange_cmdlets() -> list[type]:
    from exshell.cmdlets import registry

    return sorted((cls for cls in registry.load_all() if getattr(cls.info, "exchange", False)),
                  key=lambda cls: cls.info.name)


def _same_type(declared, reference_name: str) -> bool:
    from exshell.types.registry import REFERENCE_TYPES

    expected = REFERENCE_TYPES.get(reference_name)
    if expected is None:
        return False
    if declared is expected or declared == expected:
        return True
    return getattr(declared, "reference_name", None) == reference_name


def _position(text: str):
    return None if text == "Named" else int(text)


def _sets(reference_parameter: dict) -> set[str]:
    return {s for s in reference_parameter["parameter_sets"] if s not in ("(All)", "(single)")}


def _differences_of(cls, entry: dict) -> set[tuple[str, str, str]]:
    """Every (cmdlet, parameter, aspect) where the declaration and the reference disagree."""
    from exshell.binder.metadata import CommandMetadata
    from exshell.cmdlets.base import ALL_SETS

    name = cls.info.name
    later_only = not entry["exchange_2010"]
    metadata = CommandMetadata.from_cmdlet(cls)
    found: set[tuple[str, str, str]] = set()
    reference_sets = {s["name"] for s in entry["parameter_sets"]} - {"(single)", "(All)"}
    declared_sets = set(metadata.parameter_sets) - {ALL_SETS}
    if reference_sets != declared_sets:
        found.add((name, "*", "parameter sets"))
    for parameter in entry["parameters"]:
        pname = parameter["name"]
        if pname in SHOULD_PROCESS_PARAMETERS:
            if (parameter["exchange_2010"] or later_only) and not metadata.supports_should_process:
                found.add((name, pname, "should_process"))
            continue
        declared = metadata.parameters.get(pname)
        if later_only:
            # A later version's name for a 2010 cmdlet (Get-TransportService): what it
            # declares must match the reference; settings 2010 lacks may be left out.
            if declared is None or declared.is_common:
                continue
        elif not parameter["exchange_2010"]:
            if declared is not None and not declared.is_common:
                found.add((name, pname, "bindable although not in Exchange 2010"))
            continue
        elif declared is None or declared.is_common:
            found.add((name, pname, "missing"))
            continue
        if not _same_type(declared.type, parameter["type"]):
            found.add((name, pname, "type"))
        wanted_sets = _sets(parameter)
        declared_in = set(declared.sets) - {ALL_SETS}
        if wanted_sets and declared_in and declared_in != wanted_sets:
            found.add((name, pname, "sets"))
        if wanted_sets and not declared_in and wanted_sets != declared_sets:
            found.add((name, pname, "sets"))
        for set_name, required in parameter["required_by_set"].items():
            probe = None if set_name in ("(All)", "(single)") else set_name
            facts = declared.facts(probe) if probe else next(iter(declared.sets.values()))
            if facts is None:
                found.add((name, pname, f"not in set {set_name}"))
                continue
            if bool(facts.mandatory) != bool(required):
                found.add((name, pname, f"mandatory in {set_name}"))
            if facts.position != _position(parameter["position"]):
                found.add((name, pname, f"position in {set_name}"))
        takes_pipeline = any(f.from_pipeline or f.from_pipeline_by_name for f in declared.sets.values())
        if takes_pipeline != (parameter["accept_pipeline_input"] == "True"):
            found.add((name, pname, "pipeline input"))
        if tuple(a.lower() for a in parameter["aliases"]) != tuple(a.lower() for a in declared.aliases):
            found.add((name, pname, "aliases"))
        wanted_values = parameter["accepted_values"]
        if wanted_values and parameter["type"] not in ("Boolean", "System.Boolean", "SwitchParameter"):
            accepted = _accepted_values(declared)
            if accepted is None or {v.lower() for v in accepted} != {v.lower() for v in wanted_values}:
                found.add((name, pname, "accepted values"))
        if not wanted_sets and declared_in and declared_in != declared_sets:
            found.add((name, pname, "sets"))
    return found


def _accepted_values(declared) -> list[str] | None:
    """The names a parameter accepts: its ValidateSet, or its enum's members (zero and
    combined flag values included, as the reference lists them)."""
    import enum

    if declared.values:
        return list(declared.values)
    candidate = declared.type
    for attribute in ("element", "element_type", "inner"):
        inner = getattr(candidate, attribute, None)
        if isinstance(inner, type):
            candidate = inner
            break
    if isinstance(candidate, type) and issubclass(candidate, enum.Enum):
        return list(candidate.__members__)
    return None


def test_some_exchange_cmdlets_are_declared():
    assert len(_declared_exchange_cmdlets()) >= 20


def test_declared_exchange_cmdlets_are_in_the_reference_or_explained():
    reference = _reference()
    unexplained = [cls.info.name for cls in _declared_exchange_cmdlets()
                   if cls.info.name not in reference and cls.info.name not in NOT_IN_REFERENCE]
    assert unexplained == []


def test_every_declaration_matches_the_reference_except_listed_differences():
    reference = _reference()
    found: set[tuple[str, str, str]] = set()
    for cls in _declared_exchange_cmdlets():
        entry = reference.get(cls.info.name)
        if entry is not None:
            found |= _differences_of(cls, entry)
    unexplained = sorted(found - set(DIFFERENCES))
    stale = sorted(set(DIFFERENCES) - found)
    assert unexplained == [], "declarations differ from exchange-cmdlets.json"
    assert stale == [], "DIFFERENCES lists entries that no longer differ"


def test_the_comparison_notices_wrong_declarations():
    """A deliberately wrong copy of Remove-SendConnector: each mistake is found."""
    from exshell.cmdlets.base import Cmdlet, Param, cmdlet
    from exshell.cmdlets.registry import lookup

    real = lookup("Remove-SendConnector")
    entry = _reference()["Remove-SendConnector"]

    @cmdlet("Remove-SendConnector", exchange=True, should_process=False)
    class WrongRemoveSendConnector(Cmdlet):
        Identity = Param(str, position=2, mandatory=False)   # wrong type, position, mandatory, pipeline

    found = _differences_of(WrongRemoveSendConnector, entry)
    assert {aspect for (_, parameter, aspect) in found if parameter == "Identity"} >= {
        "type", "position in (All)", "mandatory in (All)", "pipeline input"}
    assert ("Remove-SendConnector", "DomainController", "missing") in found
    assert ("Remove-SendConnector", "Confirm", "should_process") in found
    assert _differences_of(real, entry) == set()
