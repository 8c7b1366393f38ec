"""Prompting for missing mandatory parameters on an interactive host.

PowerShell's console shows, before the first missing parameter:

    cmdlet New-SendConnector at command pipeline position 1
    Supply values for the following parameters:
    Name: _

Collection parameters are read one element per line (``AddressSpaces[0]: ``,
``AddressSpaces[1]: `` ...) until an empty line.  ``!?`` shows the parameter's
help text and asks again.  End of input gives the MissingMandatoryParameter
error for what is still missing, exactly as a non-interactive session would.

The binder calls this only when the host is interactive and not in check mode;
each answer goes through the binder's ``bind`` callback, so prompted values
are converted and validated like typed ones.
"""
from __future__ import annotations

from typing import Any, Callable

from exshell.binder.coercion import is_array_type

HELP_REQUEST = "!?"


def prompt_for_missing(metadata: Any, result: Any, missing: list, session: Any,
                       invocation: Any, bind: Callable[[Any, Any], None]) -> None:
    ui = session.host.ui
    position = getattr(invocation, "pipeline_position", 1) or 1
    ui.write_line(f"cmdlet {metadata.name} at command pipeline position {position}")
    ui.write_line("Supply values for the following parameters:")
    for index, parameter in enumerate(missing):
        if is_array_type(parameter.type):
            value = _read_collection(ui, parameter)
        else:
            value = _read_scalar(ui, parameter)
        if value is None:
            from exshell.binder.binder import _missing_error

            raise _missing_error(metadata, result, missing[index:])
        bind(parameter, value)


def _ask(ui: Any, parameter: Any, prompt: str) -> Any:
    while True:
        line = ui.read_line(prompt)
        if line is None:
            return None
        if line.strip() == HELP_REQUEST:
            ui.write_line(parameter.help or f"{parameter.name} <{parameter.type_name}>")
            continue
        return line


def _read_scalar(ui: Any, parameter: Any) -> Any:
    return _ask(ui, parameter, f"{parameter.name}: ")


def _read_collection(ui: Any, parameter: Any) -> Any:
    items: list[str] = []
    while True:
        line = _ask(ui, parameter, f"{parameter.name}[{len(items)}]: ")
        if line is None:
            return None
        if line == "":
            return items
        items.append(line)
