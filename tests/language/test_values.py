"""The value model of exshell.language.values."""
import pytest

from exshell.language.values import (ArgumentNumber, ArrayList, Guid, Hashtable, OrderedHashtable,
                                     PSObject, SwitchParameter, TypedArray, unwrap)


def test_hashtable_keys_fold_case_but_keep_their_spelling():
    table = Hashtable([("Name", 1)])
    table["NAME"] = 2
    assert table["name"] == 2 and list(table) == ["Name"] and "nAmE" in table
    del table["name"]
    assert len(table) == 0 and "Name" not in table


def test_hashtable_copy_and_update_keep_folding():
    table = Hashtable([("a", 1)])
    clone = table.copy()
    clone.update({"A": 5, "b": 2})
    assert clone["a"] == 5 and table["a"] == 1 and type(clone) is Hashtable
    assert isinstance(OrderedHashtable().copy(), OrderedHashtable)


def test_psobject_properties_are_ordered_and_case_insensitive():
    obj = PSObject([("Zeta", 1), ("alpha", 2)])
    assert list(obj.ps_properties()) == ["Zeta", "alpha"]
    assert obj.get("ZETA") == 1 and obj.has("Alpha")


@pytest.mark.parametrize("text, canonical", [
    ("{0F8FAD5B-D9CB-469F-A165-70867728950E}", "0f8fad5b-d9cb-469f-a165-70867728950e"),
    ("0f8fad5bd9cb469fa16570867728950e", "0f8fad5b-d9cb-469f-a165-70867728950e"),
])
def test_guid_parse(text, canonical):
    assert Guid.parse(text) == canonical


def test_guid_rejects_bad_text_and_new_is_version_4():
    with pytest.raises(ValueError):
        Guid.parse("xyz")
    fresh = Guid.new()
    assert len(fresh) == 36 and fresh[14] == "4" and fresh != Guid.new()


def test_argument_number_keeps_text_and_compares_by_value():
    number = ArgumentNumber(20971520, "20MB")
    assert str(number) == "20MB" and number == 20971520 and unwrap(number) == 20971520


def test_switch_parameter_truth():
    assert bool(SwitchParameter()) and not SwitchParameter(False) and SwitchParameter(True) == True  # noqa: E712


def test_typed_array_and_array_list_are_lists():
    typed = TypedArray(["a"], str)
    assert typed == ["a"] and typed.element_type is str
    assert isinstance(ArrayList([1]), list)
