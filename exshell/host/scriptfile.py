"""Reading a .ps1 file the way Windows PowerShell 5.1 does.

Contract:
    read_script_text(path) -> str      the script's text; raises OSError when the file
                                       cannot be read (never a decoding error)

PowerShell 5.1 honours a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE) and reads a
file without one in the ANSI code page, Windows-1252 on the English systems Exchange
runs on: that is how a Notepad-saved script with “smart quotes” (bytes 0x93/0x94) runs.
One deliberate difference: a file without a mark whose bytes are valid UTF-8 is read as
UTF-8, since scripts written on this side of the fence are UTF-8, and Windows-1252 text
with any non-ASCII character is practically never valid UTF-8 (pure ASCII reads the
same either way).  Every caller that runs a script file (the command line, ``& .\\x.ps1``,
``. .\\x.ps1``, --check) goes through this one function.
"""
from __future__ import annotations

import codecs

# byte order mark -> codec; longest first, so UTF-32 LE is not taken for UTF-16 LE
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\xef\xbb\xbf", "utf-8"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _windows_1252_table() -> str:
    # .NET maps the five bytes Windows-1252 leaves undefined to the same code points
    characters = []
    for byte in range(256):
        try:
            characters.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            characters.append(chr(byte))
    return "".join(characters)


_WINDOWS_1252 = _windows_1252_table()


def decode_script_bytes(data: bytes) -> str:
    """The text of a script file's bytes (see the module docstring)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return codecs.charmap_decode(data, "strict", _WINDOWS_1252)[0]


def read_script_text(path: str) -> str:
    with open(path, "rb") as handle:
        return decode_script_bytes(handle.read())


__all__ = ["read_script_text", "decode_script_bytes"]
