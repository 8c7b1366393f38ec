# Shared by scripts/exshell and scripts/test: make .venv on first use and
# (re)install the project when pyproject.toml changed since the last install.
# The editable install uses "compat" mode (a plain path entry in a .pth file):
# the default mode installs an import hook that costs ~15 ms at every start.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
EXTRAS="${EXSHELL_EXTRAS:-}"
PYTHON_BIN="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON_BIN" -m venv "$VENV" >&2
fi
STAMP="$VENV/.exshell-installed${EXTRAS:+-$EXTRAS}"
if [ ! -f "$STAMP" ] || [ "$ROOT/pyproject.toml" -nt "$STAMP" ] || [ "$ROOT/setup.py" -nt "$STAMP" ]; then
    echo "exshell: installing into $VENV (first use or pyproject.toml changed)..." >&2
    LOG="$VENV/install.log"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >"$LOG" 2>&1 || true
    # Build warnings would bury the shell's own output; show the log only on failure.
    if ! "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        --config-settings editable_mode=compat -e "$ROOT${EXTRAS:+[$EXTRAS]}" >>"$LOG" 2>&1; then
        cat "$LOG" >&2
        echo "exshell: installation failed (log: $LOG)" >&2
        exit 1
    fi
    touch "$STAMP"
fi
# Write bytecode for the package even where PYTHONDONTWRITEBYTECODE is set (as on
# the CI machines): without .pyc files every start compiles all modules again.
# compileall skips files whose bytecode is current, so this is cheap.
"$VENV/bin/python" -m compileall -q "$ROOT/exshell" >/dev/null 2>&1 || true
