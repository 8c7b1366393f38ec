"""The cmdlet processor: streams, preferences, ShouldProcess, variables, handler failures."""
from __future__ import annotations

import pytest

from binder_testkit import FakeSession, split
from exshell import errors
from exshell.binder.processor import make_processor
from exshell.cmdlets.base import Cmdlet, Param, cmdlet
from exshell.invocation import CommandInfo
from exshell.language.values import SwitchParameter


@cmdlet("Remove-Gadget", should_process=True, confirm_impact="High",
        command_type_name="Tests.RemoveGadget")
class RemoveGadget(Cmdlet):
    Identity = Param(str, mandatory=True, position=1, from_pipeline=True)
    Fail = Param(SwitchParameter)
    Crash = Param(SwitchParameter)

    def process(self):
        if self.Crash:
            raise ValueError("handler bug")
        self.write_verbose(f"looking at {self.Identity}")
        if self.Fail:
            self.write_error(errors.ErrorRecord(message=f"cannot remove {self.Identity}",
                                                error_id="GadgetBusy"))
            return
        if self.should_process(self.Identity, "Remove-Gadget"):
            self.write_object(self.Identity)
        self.write_warning(f"{self.Identity} is gone")


@cmdlet("Get-Gadget", command_type_name="Tests.GetGadget")
class GetGadget(Cmdlet):
    Count = Param(int, position=1)

    def begin(self):
        self.calls = ["begin"]

    def process(self):
        self.calls.append("process")
        self.write_object(list(range(self.Count or 0)), enumerate_collection=True)
        self.write_object([9, 9])

    def end(self):
        self.calls.append("end")


def run(line: str, session: FakeSession, inputs=None):
    name, elements, invocation = split(line)
    invocation.expecting_input = inputs is not None
    cls = {"remove-gadget": RemoveGadget, "get-gadget": GetGadget}[name.lower()]
    processor = make_processor(CommandInfo(cls.info.name, "Cmdlet", cls), elements, session,
                               invocation)
    output: list = []
    processor.downstream = output.append
    processor.begin()
    for item in inputs or []:
        processor.process(item)
    processor.end()
    return output, processor


def test_process_runs_once_without_input_and_collections_enumerate_on_request():
    output, processor = run("Get-Gadget 3", FakeSession())
    assert output == [0, 1, 2, [9, 9]]
    assert processor.cmdlet.calls == ["begin", "process", "end"]


def test_process_runs_per_pipeline_object():
    session = FakeSession()
    output, _ = run("Remove-Gadget -Confirm:$false", session, inputs=["a", "b"])
    assert output == ["a", "b"]
    assert session.host.ui.lines == ["WARNING: a is gone", "WARNING: b is gone"]


def test_what_if_prints_and_skips():
    session = FakeSession()
    output, _ = run("Remove-Gadget x -WhatIf", session)
    assert output == []
    assert session.host.ui.lines[0] == 'What if: Performing the operation "Remove-Gadget" on target "x".'


def test_what_if_preference_variable():
    session = FakeSession()
    session.set_variable("WhatIfPreference", True)
    output, _ = run("Remove-Gadget x", session)
    assert output == []


def test_high_impact_asks_and_honours_the_answer():
    session = FakeSession(interactive=True, choices=[2])
    output, _ = run("Remove-Gadget x", session)
    assert output == []
    caption, message, choices, default = session.host.ui.choice_requests[0]
    assert caption == "Confirm"
    assert message == ('Are you sure you want to perform this action?\n'
                       'Performing the operation "Remove-Gadget" on target "x".')
    assert choices == ["&Yes", "Yes to &All", "&No", "No to A&ll"]
    assert default == 0


def test_yes_to_all_stops_asking():
    session = FakeSession(interactive=True, choices=[1])
    output, _ = run("Remove-Gadget", session, inputs=["a", "b", "c"])
    assert output == ["a", "b", "c"]
    assert len(session.host.ui.choice_requests) == 1


def test_confirm_false_and_low_preference():
    session = FakeSession()
    assert run("Remove-Gadget x -Confirm:$false", session)[0] == ["x"]
    session = FakeSession()
    session.set_variable("ConfirmPreference", "None")
    assert run("Remove-Gadget x", session)[0] == ["x"]


def test_non_interactive_confirmation_fails_clearly():
    with pytest.raises(errors.PSRuntimeError) as caught:
        run("Remove-Gadget x", FakeSession())
    assert caught.value.record.error_id == "ConfirmNotPossible"
    assert "not interactive" in caught.value.record.message


@pytest.mark.parametrize("action, shown, recorded", [
    ("Continue", True, True),
    ("SilentlyContinue", False, True),
    ("Ignore", None, False),
])
def test_error_action(action, shown, recorded):
    session = FakeSession()
    run(f"Remove-Gadget x -Fail -ErrorAction {action} -ErrorVariable bad", session)
    if shown is None:
        assert session.reported == []
    else:
        assert session.reported[0][1] is shown
    assert bool(session.get_variable("bad")) is recorded


def test_error_action_stop_terminates_with_the_record():
    with pytest.raises(errors.PSRuntimeError) as caught:
        run("Remove-Gadget x -Fail -ea Stop", FakeSession())
    record = caught.value.record
    assert record.message == "cannot remove x"
    assert record.activity == "Remove-Gadget"
    assert record.fully_qualified_error_id == "GadgetBusy,Tests.RemoveGadget"
    assert record.extent.text == "Remove-Gadget x -Fail -ea Stop"


def test_error_action_preference_variable():
    session = FakeSession()
    session.set_variable("ErrorActionPreference", "Stop")
    with pytest.raises(errors.PSRuntimeError):
        run("Remove-Gadget x -Fail", session)


def test_error_variable_append():
    session = FakeSession()
    session.set_variable("bad", ["earlier"])
    run("Remove-Gadget x -Fail -ErrorVariable +bad", session)
    assert session.get_variable("bad")[0] == "earlier"
    assert len(session.get_variable("bad")) == 2


def test_warning_action_and_variable():
    session = FakeSession()
    run("Remove-Gadget x -Confirm:$false -WarningAction SilentlyContinue -wv warned", session)
    assert session.host.ui.lines == []
    assert session.get_variable("warned") == ["x is gone"]


def test_verbose_only_when_asked():
    session = FakeSession()
    run("Remove-Gadget x -Confirm:$false", session)
    assert not any(line.startswith("VERBOSE") for line in session.host.ui.lines)
    session = FakeSession()
    run("Remove-Gadget x -Confirm:$false -Verbose", session)
    assert "VERBOSE: looking at x" in session.host.ui.lines


def test_out_variable_collects_output():
    session = FakeSession()
    run("Get-Gadget 2 -OutVariable got", session)
    assert session.get_variable("got") == [0, 1, [9, 9]]


def test_common_parameters_are_not_in_the_handlers_bound():
    _, processor = run("Get-Gadget 1 -Verbose", FakeSession())
    assert processor.cmdlet.bound == {"Count": 1}
    assert processor.common == {"Verbose": SwitchParameter(True)}


def test_handler_exception_becomes_an_error_record():
    with pytest.raises(errors.PSRuntimeError) as caught:
        run("Remove-Gadget x -Crash", FakeSession())
    assert caught.value.record.message == "handler bug"
    assert caught.value.record.activity == "Remove-Gadget"


def test_pipeline_binding_failure_is_non_terminating():
    session = FakeSession()
    output, _ = run("Remove-Gadget -Confirm:$false", session, inputs=[None, "ok"])
    assert output == ["ok"]
    assert session.reported[0][0].error_id == "ParameterArgumentValidationErrorNullNotAllowed"


def test_binding_errors_raise_from_make_processor():
    with pytest.raises(errors.ParameterBindingError):
        run("Get-Gadget -Nope", FakeSession())


def test_each_object_sees_its_own_binding_and_end_sees_the_command_line_alone():
    _, processor = run("Remove-Gadget -Confirm:$false", FakeSession(), inputs=["a", "b"])
    assert processor.cmdlet.bound == {}          # after end: no pipeline object left bound
    output, processor = run("Remove-Gadget -Fail", FakeSession(), inputs=["a", "b"])
    assert processor.cmdlet.bound == {"Fail": SwitchParameter(True)}
