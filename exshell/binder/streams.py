"""How a command processor reaches the session: preferences, variables, error/warning display.

The processor (exshell/binder/processor.py) decides *what* happens to each
stream; this module is the one place that knows *how* the session stores
variables, records errors and prints through its host, so that contract is
not spread over the processor.

Preferences are read from the common parameter when bound, otherwise from the
preference variable, and normalised to ActionPreference names ('Stop',
'SilentlyContinue', ...).
"""
from __future__ import annotations

from typing import Any, Optional

from exshell.binder.common import ActionPreference

_ACTION_NAMES = {member.name.lower(): member.name for member in ActionPreference}
_IMPACT_LEVELS = {"none": 0, "low": 1, "medium": 2, "high": 3}


def get_variable(session: Any, name: str) -> Any:
    return session.get_variable(name)


def set_variable(session: Any, name: str, value: Any) -> None:
    session.set_variable(name, value)


def _action_name(value: Any, default: str) -> str:
    if value is None:
        return default
    text = value.name if isinstance(value, ActionPreference) else str(getattr(value, "name", value))
    return _ACTION_NAMES.get(text.strip().lower(), default)


def preference(session: Any, common: dict, parameter: str, variable: str, default: str) -> str:
    """The effective ActionPreference name for one stream."""
    if parameter in common:
        return _action_name(common[parameter], default)
    return _action_name(get_variable(session, variable), default)


def verbose_enabled(session: Any, common: dict) -> bool:
    if "Verbose" in common:
        return bool(common["Verbose"])
    return _action_name(get_variable(session, "VerbosePreference"),
                        "SilentlyContinue") in ("Continue", "Inquire", "Stop")


def what_if_enabled(session: Any, common: dict) -> bool:
    if "WhatIf" in common:
        return bool(common["WhatIf"])
    from exshell.language.conversions import to_bool

    return to_bool(get_variable(session, "WhatIfPreference"))


def confirm_threshold(session: Any) -> int:
    """$ConfirmPreference as a level: None 0, Low 1, Medium 2, High 3 (default)."""
    value = get_variable(session, "ConfirmPreference")
    if value is None:
        return 3
    text = str(getattr(value, "name", value)).strip().lower()
    return _IMPACT_LEVELS.get(text, 3)


def can_ask(session: Any) -> bool:
    host = getattr(session, "host", None)
    options = getattr(session, "options", None)
    return bool(getattr(host, "interactive", False)) and not bool(
        getattr(options, "non_interactive", False))


def capture_list(session: Any, spec: Optional[str]) -> Optional[list]:
    """The list behind -ErrorVariable/-WarningVariable/-OutVariable ('+name' appends)."""
    if not spec:
        return None
    name = spec.strip()
    append = name.startswith("+")
    if append:
        name = name[1:]
    collected: list = []
    if append:
        existing = get_variable(session, name)
        if isinstance(existing, list):
            collected = existing
        elif existing is not None:
            collected = [existing]
    set_variable(session, name, collected)
    return collected


def report_error(session: Any, record: Any, show: bool) -> None:
    """A non-terminating error: into $Error, $? false, and shown unless silenced."""
    session.report_error(record, show=show)


def ignore_error(session: Any, record: Any) -> None:
    """-ErrorAction Ignore: nothing is kept or shown, but $? still turns False."""
    session.write_error(record, action="Ignore")


def show_warning(session: Any, text: str) -> None:
    session.host.ui.write_warning_line(text)


def show_verbose(session: Any, text: str) -> None:
    session.host.ui.write_verbose_line(text)


def is_enumerable(value: Any) -> bool:
    """Collections the pipeline unrolls: not strings, dictionaries or property bags."""
    if isinstance(value, (str, bytes, dict)) or value is None:
        return False
    if hasattr(value, "ps_properties"):
        return False
    try:
        iter(value)
    except TypeError:
        return False
    return True
