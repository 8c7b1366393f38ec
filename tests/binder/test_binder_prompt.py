"""Prompting for missing mandatory parameters on an interactive host."""
from __future__ import annotations

import pytest

from binder_testkit import FakeSession, NewWidget, split
from exshell import errors
from exshell.binder.binder import bind_arguments
from exshell.binder.metadata import CommandMetadata

WIDGET = CommandMetadata.from_cmdlet(NewWidget)


def bind(line: str, session: FakeSession, check_mode: bool = False):
    _, elements, invocation = split(line)
    return bind_arguments(WIDGET, elements, session, invocation, check_mode=check_mode)


def test_prompts_scalars_then_collection_elements_until_an_empty_line():
    session = FakeSession(interactive=True, answers=["Contoso", "*.a.com", "*.b.com", ""])
    result = bind("New-Widget", session)
    assert result.bound == {"Name": "Contoso", "AddressSpaces": ["*.a.com", "*.b.com"]}
    ui = session.host.ui
    assert ui.lines == ["cmdlet New-Widget at command pipeline position 1",
                        "Supply values for the following parameters:"]
    assert ui.prompts == ["Name: ", "AddressSpaces[0]: ", "AddressSpaces[1]: ",
                          "AddressSpaces[2]: "]


def test_help_request_shows_help_and_asks_again():
    session = FakeSession(interactive=True, answers=["!?", "x"])
    bind("New-Widget -AddressSpaces a", session)
    assert session.host.ui.prompts == ["Name: ", "Name: "]
    assert session.host.ui.lines[-1] == "Name <System.String>"


def test_end_of_input_reports_what_is_still_missing():
    session = FakeSession(interactive=True, answers=["Contoso"])
    with pytest.raises(errors.ParameterBindingError) as caught:
        bind("New-Widget", session)
    assert caught.value.record.message.endswith("parameters: AddressSpaces.")


def test_prompted_values_are_validated_like_typed_ones():
    session = FakeSession(interactive=True, answers=[""])
    with pytest.raises(errors.ParameterBindingError) as caught:
        bind("New-Widget -AddressSpaces a", session)
    assert caught.value.record.error_id == "ParameterArgumentValidationErrorEmptyStringNotAllowed"


@pytest.mark.parametrize("session, check_mode", [
    (FakeSession(interactive=False, answers=["x"]), False),
    (FakeSession(interactive=True, answers=["x"], non_interactive=True), False),
    (FakeSession(interactive=True, answers=["x"]), True),
])
def test_no_prompt_when_not_interactive_or_checking(session, check_mode):
    with pytest.raises(errors.ParameterBindingError) as caught:
        bind("New-Widget -AddressSpaces a", session, check_mode)
    assert caught.value.record.error_id == "MissingMandatoryParameter"
    assert session.host.ui.prompts == []
