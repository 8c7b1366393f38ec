"""The installed wheel must carry the grammar: an installed exshell has no checkout beside it."""
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_carries_the_grammar(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q",
                    "-w", str(tmp_path)], check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("exshell-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "exshell/grammar/powershell.lark" in names
    assert any(name.endswith("entry_points.txt") for name in names)
