"""The common parameters every cmdlet (and advanced function) accepts.

They are declared with the same ``Param`` API as any cmdlet parameter, on two
plain holder classes, so the binder, ``Get-Help`` and completion treat them
like the command's own parameters (metadata marks them ``is_common``, which
only matters when a typed prefix is ambiguous: own parameters win).

``SHOULD_PROCESS_PARAMETERS`` (-WhatIf, -Confirm) are added only to commands
declared with ``should_process=True`` / ``[CmdletBinding(SupportsShouldProcess)]``.

``ActionPreference`` is PowerShell's enum for -ErrorAction/-WarningAction and
the ``$...Preference`` variables; its numeric values are .NET's.
"""
from __future__ import annotations

import enum

from exshell.cmdlets.base import Param
from exshell.language.values import SwitchParameter


class ActionPreference(enum.Enum):
    SilentlyContinue = 0
    Stop = 1
    Continue = 2
    Inquire = 3
    Ignore = 4
    Suspend = 5
    Break = 6

    def __str__(self) -> str:
        return self.name


# set after the class body: inside it these would become enum members
ActionPreference.dotnet_name = "System.Management.Automation.ActionPreference"
ActionPreference.reference_name = "ActionPreference"


class CommonParameters:
    """PowerShell's CommonParameters, in PowerShell's order."""

    Verbose = Param(SwitchParameter, aliases=["vb"],
                    help="Shows the detailed messages the command writes about its work.")
    Debug = Param(SwitchParameter, aliases=["db"],
                  help="Shows the programmer-level messages the command writes.")
    ErrorAction = Param(ActionPreference, aliases=["ea"],
                        help="What to do when the command writes a non-terminating error.")
    WarningAction = Param(ActionPreference, aliases=["wa"],
                          help="What to do when the command writes a warning.")
    InformationAction = Param(ActionPreference, aliases=["infa"],
                              help="What to do with informational messages.")
    ErrorVariable = Param(str, aliases=["ev"],
                          help="Variable that receives the errors (+name appends).")
    WarningVariable = Param(str, aliases=["wv"],
                            help="Variable that receives the warnings (+name appends).")
    InformationVariable = Param(str, aliases=["iv"],
                                help="Variable that receives informational messages.")
    OutVariable = Param(str, aliases=["ov"],
                        help="Variable that also receives the output objects (+name appends).")
    OutBuffer = Param(int, aliases=["ob"],
                      help="How many objects to collect before passing them on.")
    PipelineVariable = Param(str, aliases=["pv"],
                             help="Variable holding the current output object for later commands.")


class ShouldProcessParameters:
    """Added to commands that change state and ask before doing so."""

    WhatIf = Param(SwitchParameter, aliases=["wi"],
                   help="Describes what the command would do without doing it.")
    Confirm = Param(SwitchParameter, aliases=["cf"],
                    help="Asks for confirmation before each change.")


def _declared(holder: type) -> list[Param]:
    return [value for value in vars(holder).values() if isinstance(value, Param)]


COMMON_PARAMETERS: list[Param] = _declared(CommonParameters)
SHOULD_PROCESS_PARAMETERS: list[Param] = _declared(ShouldProcessParameters)
COMMON_PARAMETER_NAMES: frozenset[str] = frozenset(
    p.name for p in COMMON_PARAMETERS + SHOULD_PROCESS_PARAMETERS
)
