"""The cmdlet registry: its table matches the modules, aliases resolve, loading is lazy."""
from __future__ import annotations

import subprocess
import sys

import pytest

from exshell.cmdlets import registry


def test_table_matches_what_the_modules_declare():
    declared = registry.scan_declarations()
    missing = sorted(set(declared) - set(registry.CMDLET_MODULES))
    stale = sorted(set(registry.CMDLET_MODULES) - set(declared))
    moved = sorted(name for name in declared
                   if name in registry.CMDLET_MODULES and registry.CMDLET_MODULES[name] != declared[name])
    assert (missing, stale, moved) == ([], [], []), (
        "regenerate CMDLET_MODULES with `python -m exshell.cmdlets.registry`")


def test_every_alias_names_a_registered_cmdlet():
    unknown = {alias: target for alias, target in registry.ALIASES.items()
               if target not in registry.CMDLET_MODULES}
    assert unknown == {}


@pytest.mark.parametrize("spelling", ["Where-Object", "where-object", "WHERE-OBJECT"])
def test_lookup_is_case_insensitive(spelling):
    found = registry.lookup(spelling)
    assert found is not None and found.info.name == "Where-Object"


def test_unknown_names_are_none():
    assert registry.lookup("Get-Nothing") is None


def test_load_all_returns_every_declared_cmdlet():
    names = [cls.info.name for cls in registry.load_all()]
    assert sorted(names, key=str.lower) == registry.all_cmdlet_names()


def test_every_declaration_builds_metadata():
    from exshell.binder.metadata import CommandMetadata

    for cls in registry.load_all():
        metadata = CommandMetadata.from_cmdlet(cls)
        assert metadata.name == cls.info.name
        assert "ErrorAction" in metadata.parameters


def test_importing_the_registry_loads_no_cmdlet_module():
    code = ("import sys, exshell.cmdlets.registry as r; r.lookup('nothing'); "
            "print(sorted(m for m in sys.modules if m.startswith('exshell.cmdlets.') "
            "and m.count('.') > 2))")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert output == "[]"
