"""Shared by the language tests that run script text end to end: a session
with no terminal, no prompts and captured output streams.

Contract: ``new_session(stdin="")`` gives a fresh non-interactive Session whose
host reads ``stdin`` and writes to StringIO buffers (120 columns);
``stderr_of(session)`` is what it wrote to its error stream.  Each test module
keeps its own small ``run`` shaping the results it asserts on.
"""
import io

from exshell.session import Session, SessionOptions, StdioHost, StdioUI


def new_session(stdin=""):
    ui = StdioUI(stdin=io.StringIO(stdin), stdout=io.StringIO(), stderr=io.StringIO())
    return Session(host=StdioHost(ui=ui, interactive=False, width=120),
                   options=SessionOptions(non_interactive=True))


def stderr_of(session):
    return session.host.ui.stderr.getvalue()
