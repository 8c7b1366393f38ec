"""Pipeline input binding: ByValue and ByPropertyName, without then with coercion."""
from __future__ import annotations

import pytest

from binder_testkit import SetWidget, PipeTester, split
from exshell import errors
from exshell.binder.binder import bind_arguments, bind_pipeline_input
from exshell.binder.metadata import CommandMetadata
from exshell.language.values import Hashtable, PSObject

SET = CommandMetadata.from_cmdlet(SetWidget)
PIPE = CommandMetadata.from_cmdlet(PipeTester)


def start(metadata, line):
    _, elements, invocation = split(line)
    invocation.expecting_input = True
    return bind_arguments(metadata, elements, None, invocation)


class Connector:
    """An object exposing PowerShell properties, as store objects do."""

    def __init__(self, **properties):
        self.properties = properties

    def ps_properties(self):
        return self.properties

    def ps_type_names(self):
        return ["Tests.Connector", "System.Object"]

    def __str__(self):
        return self.properties.get("Identity", "connector")


def test_set_is_unresolved_until_input_arrives():
    result = start(PIPE, "Test-Pipe")
    assert result.parameter_set is None
    assert sorted(result.candidate_sets) == ["ByNumber", "ByText"]


@pytest.mark.parametrize("value, name, expected_set", [
    (5, "Number", "ByNumber"),        # ByValue without coercion picks the exact type
    ("text", "Text", "ByText"),
])
def test_by_value_prefers_the_exact_type(value, name, expected_set):
    result = bind_pipeline_input(PIPE, start(PIPE, "Test-Pipe"), value)
    assert result.bound == {name: value}
    assert result.parameter_set == expected_set
    assert result.pipeline_bound == {name}


def test_by_property_name_uses_names_and_aliases():
    result = bind_pipeline_input(PIPE, start(PIPE, "Test-Pipe"),
                                 PSObject([("Label", "x"), ("Text", "body")]))
    assert result.bound["Name"] == "x"


def test_property_names_are_case_insensitive_and_hashtables_count():
    result = bind_pipeline_input(SET, start(SET, "Set-Widget -Enabled $false"),
                                 Hashtable([("comment", "note")]))
    assert result.bound["Comment"] == "note"
    assert result.bound["Identity"] == "System.Collections.Hashtable"


def test_by_value_with_coercion_turns_objects_into_the_parameter_type():
    connector = Connector(Identity="Contoso", Comment="old")
    result = bind_pipeline_input(SET, start(SET, "Set-Widget -Enabled $false"), connector)
    assert result.bound == {"Enabled": False, "Identity": "Contoso", "Comment": "old"}


def test_each_object_starts_from_the_command_line_bindings():
    initial = start(SET, "Set-Widget -Enabled $true")
    first = bind_pipeline_input(SET, initial, "a")
    second = bind_pipeline_input(SET, initial, "b")
    assert first.bound["Identity"] == "a" and second.bound["Identity"] == "b"
    assert initial.bound == {"Enabled": True}


def test_command_line_bindings_are_not_overwritten():
    result = bind_pipeline_input(SET, start(SET, "Set-Widget -Comment mine"),
                                 Connector(Identity="X", Comment="theirs"))
    assert result.bound["Comment"] == "mine"


def test_nothing_binds_gives_input_object_not_bound():
    metadata = CommandMetadata.from_cmdlet(SetWidget)
    initial = start(metadata, "Set-Widget Fixed")
    with pytest.raises(errors.ParameterBindingError) as caught:
        bind_pipeline_input(metadata, initial, 42)
    record = caught.value.record
    assert record.error_id == "InputObjectNotBound"
    assert record.message.startswith("The input object cannot be bound to any parameters")
    assert record.target_name == "42" and record.target_type == "Int32"


# ------------------------------------------------- precomputed pipeline takers

@pytest.mark.parametrize("candidates, expected", [
    (["ByNumber", "ByText"], [("Number", ("ByNumber",), ()), ("Text", ("ByText",), ()),
                              ("Name", (), ("ByNumber", "ByText"))]),
    (["ByText"], [("Text", ("ByText",), ()), ("Name", (), ("ByText",))]),
])
def test_pipeline_takers_list_only_parameters_taking_input_in_the_candidate_sets(
        candidates, expected):
    takers = PIPE.pipeline_takers(candidates)
    assert [(p.name, by_value, by_name) for p, by_value, by_name in takers] == expected
    assert PIPE.pipeline_takers(list(candidates)) is takers   # computed once per combination


def test_binding_one_parameter_narrows_the_sets_the_rest_of_the_pass_may_use():
    # Number (ByNumber) binds 5 by value; Text is then out of the candidate sets
    # even though a string conversion of 5 would fit it
    result = bind_pipeline_input(PIPE, start(PIPE, "Test-Pipe"), 5)
    assert result.bound == {"Number": 5}
    assert result.candidate_sets == ["ByNumber"]


def test_many_objects_bind_independently():
    line = start(PIPE, "Test-Pipe")
    results = [bind_pipeline_input(PIPE, line, value) for value in (1, "a", 2, "b")]
    assert [(r.parameter_set, r.bound) for r in results] == [
        ("ByNumber", {"Number": 1}), ("ByText", {"Text": "a"}),
        ("ByNumber", {"Number": 2}), ("ByText", {"Text": "b"})]
