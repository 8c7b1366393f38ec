"""Per-user locations of exshell files (profile script), via platformdirs."""
from __future__ import annotations

import os


def config_dir() -> str:
    from platformdirs import user_config_dir
    return user_config_dir("exshell", appauthor=False)


def profile_path() -> str:
    """The profile script run at start unless -NoProfile ($PROFILE in PowerShell).

    EXSHELL_PROFILE overrides it, mainly so tests do not touch the real one."""
    return os.environ.get("EXSHELL_PROFILE") or os.path.join(config_dir(), "profile.ps1")
