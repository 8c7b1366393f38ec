"""Runs what the command line asked for: -Command text, a script file, or the
interactive line reader, and turns the outcome into pwsh's exit codes.

Exit codes (as pwsh):
  * ``exit N`` anywhere ends the run with N;
  * a parse error, or a terminating error nobody caught, gives 1;
  * ``-Command`` gives 1 when its last statement failed (``$?`` is False), else 0;
  * a script file otherwise gives 0.

Output of each statement goes through Out-Default (exshell.host.format) as soon
as the statement ends, so long scripts stream.
"""
from __future__ import annotations

import os
import sys
from typing import Any, Optional

from exshell.cli import Options

PROMPT_CONTINUATION = ">> "


def make_session(options: Options, interactive: bool) -> Any:
    from exshell.session import Session, SessionOptions, StdioHost

    host = StdioHost(interactive=interactive and not options.non_interactive)
    return Session(host, SessionOptions(non_interactive=options.non_interactive,
                                        no_profile=options.no_profile))


def output_printer(session: Any):
    """A sink that prints pipeline output the way Out-Default does."""
    from exshell.host.format import format_default

    def sink(objects: list) -> None:
        if not objects:
            return
        text = format_default(objects, session)
        if text:
            session.host.ui.write(text)

    return sink


def _profile_path() -> Optional[str]:
    from exshell.host.paths import profile_path
    path = profile_path()
    return path if os.path.isfile(path) else None


def _run_profile(session: Any, options: Options, sink: Any) -> None:
    if options.no_profile:
        return
    path = _profile_path()
    if path:
        session.run_file(path, sink=sink)


def _status(session: Any, had_error: bool, from_command: bool) -> int:
    if session.exit_code is not None:
        return int(session.exit_code)
    if session.terminated:
        return 1
    if from_command:
        return 1 if (had_error and not session.last_status) else 0
    return 0


def run(options: Options) -> int:
    if options.command is not None:
        return run_command(options)
    if options.file is not None:
        return run_script_file(options)
    return run_interactive(options)


def run_command(options: Options) -> int:
    text = options.command
    if text == "-":
        text = sys.stdin.read()
        interactive = False
    else:
        interactive = sys.stdin.isatty()
    session = make_session(options, interactive)
    sink = output_printer(session)
    _run_profile(session, options, sink)
    _outputs, had_error = session.run(text, sink=sink)
    return _status(session, had_error, from_command=True)


def run_script_file(options: Options) -> int:
    path = options.file
    if not os.path.isfile(path):
        sys.stderr.write(
            f"The argument '{path}' is not recognized as the name of a script file. "
            "Check the spelling of the name, or if a path was included, verify that the "
            "path is correct and try again.\n")
        return 64
    session = make_session(options, sys.stdin.isatty())
    sink = output_printer(session)
    _run_profile(session, options, sink)
    try:
        _outputs, had_error = session.run_file(path, args=list(options.args), sink=sink)
    except (OSError, UnicodeDecodeError) as error:
        sys.stderr.write(f"Cannot read '{path}': {error}\n")
        return 1
    return _status(session, had_error, from_command=False)


def read_statement(session: Any, prompt: str, continuation: str = PROMPT_CONTINUATION) -> Optional[str]:
    """Read one complete input: more lines while the parser says it is incomplete."""
    from exshell.language.parser import is_incomplete

    ui = session.host.ui
    line = ui.read_line(prompt)
    if line is None:
        return None
    text = line
    while is_incomplete(text):
        more = ui.read_line(continuation)
        if more is None or more == "":
            break  # an empty line ends a continuation, as in the console
        text += "\n" + more
    return text


def run_interactive(options: Options) -> int:
    interactive = sys.stdin.isatty()
    session = make_session(options, interactive=True)
    sink = output_printer(session)
    _run_profile(session, options, sink)
    while True:
        # Prompts are for a person at a terminal; piped input gets none.
        prompt = f"[PS] {os.getcwd()}> " if interactive else ""
        text = read_statement(session, prompt, PROMPT_CONTINUATION if interactive else "")
        if text is None:
            break
        if not text.strip():
            continue
        session.run(text, sink=sink)
        if session.exit_code is not None:
            return int(session.exit_code)
        session.terminated = False  # a terminating error ends one input, not the console
    return 0
