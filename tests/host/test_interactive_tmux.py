"""The interactive line reader in a real terminal (tmux): prompt, continuation
lines for incomplete input, and prompting for a missing mandatory parameter."""
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

EXSHELL = str(Path(sys.executable).with_name("exshell"))

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux missing: scripts/test installs it")


class Terminal:
    def __init__(self, tmp_path):
        self.name = f"exshell-{uuid.uuid4().hex[:8]}"
        env = (f"EXSHELL_PROFILE=/nonexistent EXSHELL_STORE={tmp_path / 'store.db'} "
               f"TERM=xterm")
        subprocess.run(["tmux", "new-session", "-d", "-s", self.name, "-x", "120", "-y", "40",
                        f"env {env} {EXSHELL}"], check=True)

    def send(self, text, enter=True):
        subprocess.run(["tmux", "send-keys", "-t", self.name, "-l", text], check=True)
        if enter:
            subprocess.run(["tmux", "send-keys", "-t", self.name, "Enter"], check=True)

    def screen(self):
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name],
                              capture_output=True, text=True).stdout

    def wait_for(self, needle, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            screen = self.screen()
            if needle in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{needle!r} not on screen:\n{self.screen()}")

    def close(self):
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def terminal(tmp_path):
    term = Terminal(tmp_path)
    yield term
    term.close()


def test_prompt_and_result(terminal):
    terminal.wait_for("[PS] ")
    terminal.send("6*7")
    terminal.wait_for("42")


def test_open_brace_asks_for_more_lines(terminal):
    terminal.wait_for("[PS] ")
    terminal.send("if ($true) {")
    terminal.wait_for("\n>>")
    terminal.send("'inside'")
    terminal.send("}")
    screen = terminal.wait_for("inside\n")
    assert "Missing closing" not in screen


def test_missing_mandatory_parameter_is_prompted(terminal):
    terminal.wait_for("[PS] ")
    terminal.send("function Greet { param([Parameter(Mandatory=$true)][string]$Name) \"hello $Name\" }")
    terminal.send("Greet")
    screen = terminal.wait_for("Name:")
    assert "Supply values for the following parameters:" in screen
    terminal.send("World")
    terminal.wait_for("hello World")


def test_exit_leaves_the_shell(terminal):
    terminal.wait_for("[PS] ")
    terminal.send("exit")
    deadline = time.time() + 10
    while time.time() < deadline:
        alive = subprocess.run(["tmux", "has-session", "-t", terminal.name],
                               capture_output=True).returncode == 0
        if not alive:
            return
        time.sleep(0.1)
    raise AssertionError("exshell did not exit")
