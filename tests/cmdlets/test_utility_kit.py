"""Shared harness of the utility cmdlet tests: run PowerShell text in-process.

``UtilityShell().run(text)`` returns ``Outcome(values, text, errors, host)``:
the output objects, the text the shell would print for them (Out-Default at
the shell's width), and the rendered error stream.  Variables can be
preset with Python objects (``shell.set('o', [...])``) so tests do not depend
on every corner of the parser.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

import pytest

from exshell.host.format import format_default
from exshell.language.values import PSObject
from exshell.session import Session, SessionOptions, StdioHost, StdioUI


@dataclass
class Outcome:
    values: list
    text: str
    errors: str
    host: str
    failed: bool


class UtilityShell:
    def __init__(self, width: int = 80, stdin: str = "", interactive: bool = False):
        self.stdout, self.stderr = io.StringIO(), io.StringIO()
        ui = StdioUI(stdin=io.StringIO(stdin), stdout=self.stdout, stderr=self.stderr)
        self.width = width
        self.session = Session(host=StdioHost(ui, interactive=interactive, width=width),
                               options=SessionOptions(non_interactive=not interactive))

    def set(self, name: str, value) -> None:
        self.session.set_variable(name, value)

    def run(self, text: str) -> Outcome:
        start_out, start_err = self.stdout.tell(), self.stderr.tell()
        values, failed = self.session.run(text)
        return Outcome(values, format_default(values, self.width),
                       self.stderr.getvalue()[start_err:], self.stdout.getvalue()[start_out:], failed)

    def ok(self, text: str) -> Outcome:
        outcome = self.run(text)
        assert not outcome.errors and not outcome.failed, outcome.errors
        return outcome


def person(name: str, size: int, kind: str = "a") -> PSObject:
    return PSObject([("Name", name), ("Size", size), ("Kind", kind)])


def people() -> list:
    return [person("alpha", 12, "a"), person("beta", 3, "b"), person("gamma", 7, "a")]


@pytest.fixture
def shell() -> UtilityShell:
    sh = UtilityShell()
    sh.set("people", people())
    return sh


def test_kit_runs_text_and_renders_output(shell):
    outcome = shell.ok("1 + 1")
    assert outcome.values == [2] and outcome.text == "2\n"
