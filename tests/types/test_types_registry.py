"""The reference type names map to exshell types, and back."""
import os
import json
from pathlib import Path

import pytest

from exshell.cmdlets.base import ArrayOf
from exshell.types import ByteQuantifiedSize, MultiValued, Unlimited, enums
from exshell.types.address_space import AddressSpace
from exshell.types.registry import REFERENCE_TYPES, reference_name_of, register_with_language

REFERENCE = Path(os.environ["EXSHELL_REFERENCE"], "exchange-cmdlets.json")


def _reference_type_names() -> set[str]:
    if not REFERENCE.exists():
        pytest.fail(f"reference folder missing: {os.environ['EXSHELL_REFERENCE']}")
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return {p["type"] for c in data["cmdlets"] for p in c["parameters"]}


def test_every_reference_type_name_is_mapped():
    missing = sorted(_reference_type_names() - set(REFERENCE_TYPES))
    assert missing == []


def test_mapped_types_report_their_reference_name():
    aliases = {"System.Boolean": "Boolean"}
    for name in _reference_type_names():
        assert reference_name_of(REFERENCE_TYPES[name]) == aliases.get(name, name)


@pytest.mark.parametrize("declared, name", [
    (str, "String"), (bool, "Boolean"), (int, "Int32"),
    (Unlimited(ByteQuantifiedSize), "Unlimited"), (MultiValued(AddressSpace), "MultiValuedProperty"),
    (ArrayOf(str), "String[]"), (enums.SendConnectorUsageType, "UsageType"),
    (enums.SmartHostAuthMechanism, "AuthMechanisms"), (ByteQuantifiedSize, "ByteQuantifiedSize"),
    (object, ""),
])
def test_reference_name_of_declared_types(declared, name):
    assert reference_name_of(declared) == name


def test_every_mapped_type_follows_the_protocol():
    for name, mapped in REFERENCE_TYPES.items():
        if mapped in (Unlimited, MultiValued) or isinstance(mapped, ArrayOf):
            continue
        if isinstance(mapped, type) and mapped.__module__ in ("builtins", "datetime",
                                                              "exshell.language.values"):
            continue
        assert callable(getattr(mapped, "convert", None)), name
        assert isinstance(mapped.dotnet_name, str) and mapped.dotnet_name, name


def test_language_learns_the_type_names():
    conversions = pytest.importorskip("exshell.language.conversions")
    assert register_with_language() is True
    from exshell.types.credential import PSCredential, SecureString

    assert conversions.resolve_type("System.Management.Automation.PSCredential") is PSCredential
    assert conversions.resolve_type("pscredential") is PSCredential
    assert conversions.resolve_type("securestring") is SecureString
    assert conversions.resolve_type("Microsoft.Exchange.Data.ByteQuantifiedSize") is ByteQuantifiedSize
