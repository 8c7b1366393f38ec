"""Script files are read as Windows PowerShell 5.1 reads them (exshell.host.scriptfile)."""
import io

import pytest

from exshell.host.scriptfile import decode_script_bytes, read_script_text
from exshell.session import Session, SessionOptions, StdioHost, StdioUI

SMART = "Write-Output \u201ccaf\u00e9\u201d\n"


@pytest.mark.parametrize("data", [
    b"Write-Output \x93caf\xe9\x94\n",                       # Notepad's ANSI (Windows-1252)
    b"\xef\xbb\xbf" + SMART.encode("utf-8"),                 # UTF-8 with BOM
    SMART.encode("utf-8"),                                   # UTF-8 without BOM
    b"\xff\xfe" + SMART.encode("utf-16-le"),                 # what 5.1's Out-File writes
    b"\xfe\xff" + SMART.encode("utf-16-be"),
    b"\xff\xfe\x00\x00" + SMART.encode("utf-32-le"),
])
def test_every_encoding_gives_the_same_text(data):
    assert decode_script_bytes(data) == SMART


def test_bytes_windows_1252_leaves_undefined_keep_their_code_point():
    assert decode_script_bytes(b"'\x81\x8d\x80'") == "'\x81\x8d\u20ac'"


@pytest.mark.parametrize("invoke", ["{path}", "& '{path}'", ". '{path}'"])
def test_scripts_in_windows_1252_run(tmp_path, invoke):
    path = tmp_path / "ansi.ps1"
    path.write_bytes(b"Write-Output \x93caf\xe9\x94\n")
    ui = StdioUI(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO())
    session = Session(host=StdioHost(ui=ui, interactive=False, width=120),
                      options=SessionOptions(non_interactive=True))
    if invoke == "{path}":
        outputs, failed = session.run_file(str(path))
    else:
        outputs, failed = session.run(invoke.format(path=path))
    assert (outputs, failed) == (["caf\u00e9"], False)


def test_a_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        read_script_text(str(tmp_path / "none.ps1"))
