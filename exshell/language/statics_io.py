"""Static members of System.IO.Path / File / Directory and System.Net.Dns that scripts use.

Contract: invoke_io(target, lowered_name, args) -> value; unknown names raise MethodNotFound.
Paths are plain OS paths (backslashes accepted); file text is UTF-8.
"""
from __future__ import annotations

import os
from typing import Any

from exshell.language import conversions as conv
from exshell.language.members import invocation_failure, method_error


def _path(value: Any) -> str:
    return os.path.expanduser(conv.to_string(value).replace("\\", os.sep))


def _path_member(name: str, args: list) -> Any:
    text = conv.to_string(args[0]) if args else ""
    if name == "getfilename":
        return os.path.basename(text.replace("\\", "/"))
    if name == "getfilenamewithoutextension":
        return os.path.splitext(os.path.basename(text.replace("\\", "/")))[0]
    if name == "getextension":
        return os.path.splitext(text)[1]
    if name == "getdirectoryname":
        return os.path.dirname(text.replace("\\", "/"))
    if name == "combine":
        return os.path.join(*[conv.to_string(arg) for arg in args])
    if name == "getfullpath":
        return os.path.abspath(_path(text))
    if name == "gettemppath":
        import tempfile
        return tempfile.gettempdir() + os.sep
    if name == "changeextension":
        return os.path.splitext(text)[0] + conv.to_string(args[1])
    raise method_error("MethodNotFound", "System.IO.Path", name)


def _file_member(name: str, args: list) -> Any:
    path = _path(args[0])
    try:
        if name == "exists":
            return os.path.isfile(path)
        if name == "readalltext":
            with open(path, encoding="utf-8-sig") as handle:
                return handle.read()
        if name == "readalllines":
            with open(path, encoding="utf-8-sig") as handle:
                return handle.read().splitlines()
        if name in ("writealltext", "appendalltext"):
            with open(path, "a" if name.startswith("append") else "w", encoding="utf-8") as handle:
                handle.write(conv.to_string(args[1]))
            return None
        if name == "writealllines":
            lines = args[1] if isinstance(args[1], list) else [args[1]]
            with open(path, "w", encoding="utf-8") as handle:
                handle.write("".join(conv.to_string(line) + "\n" for line in lines))
            return None
        if name == "delete":
            if os.path.exists(path):
                os.remove(path)
            return None
    except OSError as error:
        raise invocation_failure(name, args, f"Could not find file '{path}'." if isinstance(
            error, FileNotFoundError) else str(error.strerror or error)) from None
    raise method_error("MethodNotFound", "System.IO.File", name)


def invoke_io(target: Any, name: str, args: list) -> Any:
    if target is conv.PathClass:
        return _path_member(name, args)
    if target is conv.FileClass:
        return _file_member(name, args)
    if target is conv.DirectoryClass:
        if name == "exists":
            return os.path.isdir(_path(args[0]))
        if name == "getcurrentdirectory":
            return os.getcwd()
        raise method_error("MethodNotFound", "System.IO.Directory", name)
    if name == "gethostname":
        import socket
        return socket.gethostname()
    raise method_error("MethodNotFound", "System.Net.Dns", name)
