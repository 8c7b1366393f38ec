"""Settings every test shares.

* EXSHELL_REFERENCE: the read-only reference folder (../shared/reference beside
  the checkout, as on developer machines and in CI) that the conformance and
  reference-example tests read.
* A throw-away store and no profile, so a test that forgets its own store can
  never touch the user's real configuration.
"""
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("EXSHELL_REFERENCE", str(ROOT.parent / "shared" / "reference"))
_SCRATCH = tempfile.mkdtemp(prefix="exshell-tests-")
os.environ.setdefault("EXSHELL_STORE", os.path.join(_SCRATCH, "default-store.db"))
os.environ.setdefault("EXSHELL_PROFILE", os.path.join(_SCRATCH, "no-profile.ps1"))
