"""MultiValuedProperty<T>: replacement lists, Add/Remove edits, duplicates, display."""
import pytest

from exshell.cmdlets.base import ConversionError
from exshell.language.values import ArgumentNumber, Hashtable
from exshell.types.address_space import AddressSpace
from exshell.types.enums import ErrorPolicies
from exshell.types.multivalued import MultiValued, MultiValuedEdit, MultiValuedProperty

SPACES = MultiValued(AddressSpace)


def test_list_replaces_with_converted_elements():
    value = SPACES.convert(["*.contoso.com;5", "*.fabrikam.com;8"])
    assert isinstance(value, MultiValuedProperty)
    assert [a.cost for a in value] == [5, 8]
    assert str(value) == "{SMTP:*.contoso.com;5, SMTP:*.fabrikam.com;8}"
    assert len(value) == 2 and value[0].address == "*.contoso.com"


def test_scalar_becomes_one_element_and_null_clears():
    assert str(SPACES.convert("contoso.com")) == "{SMTP:contoso.com;1}"
    assert str(SPACES.convert(None)) == "{}"
    assert len(SPACES.convert(None)) == 0


def test_duplicates_are_rejected_with_exchange_text():
    with pytest.raises(ConversionError) as caught:
        MultiValued(str).convert(["a", "b", "a"])
    assert str(caught.value) == 'The value "a" is already present in the collection.'
    with pytest.raises(ConversionError, match='"SMTP:CONTOSO.com;1" is already present'):
        SPACES.convert(["contoso.com", "SMTP:CONTOSO.com;1"])


def test_element_errors_propagate():
    with pytest.raises(ConversionError, match="SMTP address space"):
        SPACES.convert(["contoso.com", "*contoso.com"])


def test_hashtable_edit_adds_and_removes():
    edit = MultiValued(str).convert(Hashtable([("Add", ["a", "b"]), ("Remove", "c")]))
    assert isinstance(edit, MultiValuedEdit)
    existing = MultiValued(str).convert(["c", "x", "a"])
    assert list(edit.apply(existing)) == ["x", "a", "b"]
    assert list(edit.apply(None)) == ["a", "b"]


def test_edit_keys_are_case_insensitive_and_removing_missing_is_allowed():
    edit = SPACES.convert({"add": "contoso.com", "REMOVE": ["fabrikam.com"]})
    result = edit.apply(SPACES.convert(["example.com"]))
    assert str(result) == "{SMTP:example.com;1, SMTP:contoso.com;1}"


def test_unknown_edit_key():
    with pytest.raises(ConversionError) as caught:
        MultiValued(str).convert({"Append": "a"})
    assert str(caught.value) == (
        'The operation "Append" isn\'t valid for a multivalued property. Use "Add" to add values '
        'and "Remove" to remove values.')


def test_equality_iteration_and_json_round_trip():
    value = SPACES.convert(["contoso.com;2", "*"])
    assert value == SPACES.convert(["SMTP:contoso.com;2", "SMTP:*;1"])
    assert value == [AddressSpace.convert("contoso.com;2"), AddressSpace.convert("*")]
    assert SPACES.from_json(value.to_json()) == value
    assert hash(value) == hash(SPACES.convert(["contoso.com;2", "*"]))


def test_primitive_elements():
    numbers = MultiValued(int).convert([ArgumentNumber(25, "25"), "587"])
    assert list(numbers) == [25, 587]
    strings = MultiValued(str).convert([ArgumentNumber(20971520, "20MB"), "x"])
    assert list(strings) == ["20MB", "x"]


def test_enum_elements():
    value = MultiValued(ErrorPolicies).convert(["Default", "downgradedns"])
    assert str(value) == "{Default, DowngradeDnsFailures}"


def test_type_names():
    assert SPACES.dotnet_name == (
        "Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.AddressSpace]")
    assert SPACES.reference_name == "MultiValuedProperty"
    assert MultiValued(str).dotnet_name == "Microsoft.Exchange.Data.MultiValuedProperty`1[System.String]"
    assert MultiValued(AddressSpace) is SPACES


def test_values_are_immutable():
    value = SPACES.convert("contoso.com")
    with pytest.raises(AttributeError):
        value._items = ()


def test_element_failure_names_the_element_and_its_type():
    with pytest.raises(ConversionError) as caught:
        SPACES.convert(["contoso.com", "*contoso.com"])
    assert caught.value.value_text == "*contoso.com"
    assert caught.value.type_name == "Microsoft.Exchange.Data.AddressSpace"


def test_behaves_as_a_read_only_list():
    value = SPACES.convert(["contoso.com", "*"])
    assert isinstance(value, list) and value.Count == 2
    assert value[1].address == "*"
    for mutate in (lambda: value.append(1), lambda: value.extend([1]), lambda: value.pop(),
                   lambda: value.__setitem__(0, 1), lambda: value.clear(), lambda: value.sort()):
        with pytest.raises(TypeError, match="read-only"):
            mutate()
    grown = value + [AddressSpace.convert("fabrikam.com")]
    assert len(grown) == 3 and len(value) == 2
    assert value != SPACES.convert(["contoso.com"])
    assert {value: 1}[SPACES.convert(["contoso.com", "*"])] == 1


@pytest.mark.parametrize("typed, text, expected", [
    ("SPACE", "contoso.com", True), ("SPACE", "SMTP:CONTOSO.COM;1", True),
    ("SPACE", "contoso.com;2", False), ("SPACE", "*contoso", False),
])
def test_elements_equal_text_as_powershell_compares(typed, text, expected):
    spaces = SPACES.convert(["contoso.com", "*"])
    assert (text in spaces) is expected
    assert (spaces[0] == text) is expected


def test_script_methods_edit_the_collection_and_convert_elements():
    from exshell.types.address_space import AddressSpace
    from exshell.types.multivalued import MultiValued
    values = MultiValued(AddressSpace).convert(["a.com"])
    methods = values.ps_methods()
    methods["Add"]("b.com;5")
    assert [str(item) for item in values] == ["SMTP:a.com;1", "SMTP:b.com;5"]
    assert methods["Remove"]("a.com") is True and methods["Remove"]("zzz.com") is False
    with pytest.raises(ValueError, match="already present"):
        methods["Add"]("b.com;5")
    with pytest.raises(TypeError):
        values.append("c.com")  # Python code still sees a read-only list
