"""Settings every test shares.

* EXSHELL_REFERENCE: the read-only reference folder that the conformance and
  reference-example tests read: shared/reference beside the checkout (or beside
  one of its parent folders), as on developer machines and in CI, else the
  workplace's copy, so a clone made anywhere on this machine still finds it.
* A throw-away store and no profile, so a test that forgets its own store can
  never touch the user's real configuration.
"""
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _reference_folder() -> Path:
    candidates = [folder / "shared" / "reference" for folder in ROOT.parents]
    candidates.append(Path("/work/shared/reference"))
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]  # the tests that need it fail and name this path


os.environ.setdefault("EXSHELL_REFERENCE", str(_reference_folder()))
_SCRATCH = tempfile.mkdtemp(prefix="exshell-tests-")
os.environ.setdefault("EXSHELL_STORE", os.path.join(_SCRATCH, "default-store.db"))
os.environ.setdefault("EXSHELL_PROFILE", os.path.join(_SCRATCH, "no-profile.ps1"))
