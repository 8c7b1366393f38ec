"""Batching a script's output for the host (see OutputGate).

Contract: OutputGate(session, sink): while a script runs, objects added to
``gate.pending`` reach ``sink(list)`` when anything is written through the host UI
or when ``gate.close()`` ends the run.
"""
from __future__ import annotations

from typing import Any, Callable


class OutputGate:
    """Holds a script's output until something else is written to the host.

    PowerShell sends a whole script's output through one Out-Default, so objects of
    consecutive statements share one table; but host writes (Write-Host, errors,
    warnings, prompts) must appear in order with that output.  The gate wraps the
    host's UI while the script runs: any UI call first hands the pending objects
    to the sink."""

    def __init__(self, session: Any, sink: Callable[[list], None]):
        self.session = session
        self.sink = sink
        self.pending: list = []
        self.host = session.host
        self.original_ui = getattr(self.host, "ui", None)
        try:
            self.host.ui = GatedUI(self.original_ui, self.flush)
        except AttributeError:  # a host whose ui cannot be replaced: flush per statement instead
            self.original_ui = None

    def flush(self) -> None:
        if self.pending:
            batch = self.pending
            self.pending = []
            self.sink(batch)

    def close(self) -> None:
        if self.original_ui is not None:
            self.host.ui = self.original_ui
        self.flush()


class GatedUI:
    def __init__(self, ui: Any, flush: Callable[[], None]):
        self._ui = ui
        self._flush = flush

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._ui, name)
        if callable(attribute) and name.startswith(("write", "read", "prompt")):
            def gated(*args: Any, **kwargs: Any) -> Any:
                self._flush()
                return attribute(*args, **kwargs)
            return gated
        return attribute
