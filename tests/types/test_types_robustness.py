"""Every type turns odd input into a ConversionError, never another exception."""
from datetime import datetime, timedelta

import pytest

from exshell.cmdlets.base import ArrayOf, ConversionError
from exshell.language.values import ArgumentNumber, Hashtable, PSObject, SwitchParameter
from exshell.types.registry import REFERENCE_TYPES

ODD_INPUTS = [
    "", " ", "\t", "*", "**", ";", ":", "\\", "[", "]", "[]", "-", "--", "@", "<I>", "a" * 400,
    "über.example", "0", "-1", "99999999999999999999999", "1e400", "NaN", "\x00",
    0, -1, 2 ** 70, 1.5, float("inf"), True, False,
    ArgumentNumber(20971520, "20MB"), ArgumentNumber(-5, "-5"), ArgumentNumber(1.5, "1.5"),
    [], ["a", "b"], [None], Hashtable([("x", 1)]), Hashtable([("Add", None)]),
    PSObject([("Name", None)]), PSObject(), SwitchParameter(True), datetime(2020, 1, 1),
    timedelta(seconds=-1), object(), b"bytes",
]

_CONVERTIBLE = sorted(
    (name, mapped) for name, mapped in REFERENCE_TYPES.items()
    if callable(getattr(mapped, "convert", None)) and not isinstance(mapped, ArrayOf))


@pytest.mark.parametrize("name, mapped", _CONVERTIBLE, ids=[n for n, _ in _CONVERTIBLE])
def test_odd_input_never_escapes_as_another_exception(name, mapped):
    for value in ODD_INPUTS:
        try:
            converted = mapped.convert(value)
        except ConversionError:
            continue
        if converted is not None and hasattr(converted, "__str__"):
            str(converted)  # whatever converted must also display


@pytest.mark.parametrize("constructor_name, element", [
    ("Unlimited", "ByteQuantifiedSize"), ("Unlimited", "Int32"), ("Unlimited", "UInt32"),
    ("MultiValuedProperty", "AddressSpace"), ("MultiValuedProperty", "String"),
    ("MultiValuedProperty", "PermissionGroups"), ("MultiValuedProperty", "SmartHost"),
])
def test_generic_types_too(constructor_name, element):
    generic = REFERENCE_TYPES[constructor_name](REFERENCE_TYPES[element])
    for value in ODD_INPUTS:
        try:
            str(generic.convert(value))
        except ConversionError:
            continue
