"""The ``exshell`` command line, shaped like ``pwsh``'s.

    exshell                          interactive shell
    exshell -Command TEXT | -c TEXT  run TEXT ('-' reads the script from standard input)
    exshell FILE.ps1 [args]          run a script; args become $args
    exshell -File FILE.ps1 [args]    same
    exshell --check FILE... | -      validate scripts without running them

Switches are matched like pwsh's: case-insensitive, any unique prefix, one or
two leading dashes (``-NonI``, ``-noprofile``, ``--command``).  Everything
heavier than argument parsing is imported only once we know what to run, so
``exshell -Command '1+1'`` starts fast.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Optional

USAGE = """\
Usage: exshell [-NoProfile] [-NonInteractive] [-Command <text> | -File <path> [args] | <path.ps1> [args]]
       exshell --check <file.ps1>... | -

  -Command, -c     run the text ('-' reads standard input) and exit
  -File, -f        run a script file with the remaining arguments as $args
  -NonInteractive  never prompt (missing mandatory parameters become errors)
  -NoProfile       do not run the user profile script
  -NoLogo          accepted for pwsh compatibility
  --check          parse and bind scripts without running them
  -Help, -?        show this text
"""

# pwsh switch names; a typed switch matches the first whose name starts with it,
# mirroring pwsh's own prefix rules for its few parameters.
_SWITCHES = ["command", "file", "noninteractive", "noprofile", "nologo", "help",
             "executionpolicy", "inputformat", "outputformat", "noexit", "version"]


@dataclass
class Options:
    command: Optional[str] = None
    file: Optional[str] = None
    args: list[str] = field(default_factory=list)
    non_interactive: bool = False
    no_profile: bool = False
    check: Optional[list[str]] = None
    show_help: bool = False
    show_version: bool = False


class UsageError(Exception):
    pass


def _switch_name(token: str) -> Optional[str]:
    if token in ("-?", "/?"):
        return "help"
    if not token.startswith("-") or token == "-":
        return None
    word = token.lstrip("-").lower()
    if word == "c":
        return "command"
    if word == "f":
        return "file"
    matches = [name for name in _SWITCHES if name.startswith(word)]
    if len(matches) == 1 or (matches and matches[0] == word):
        return matches[0]
    raise UsageError(f"The argument '{token}' is not recognized as the name of a command-line switch.")


def parse_arguments(argv: list[str]) -> Options:
    options = Options()
    index = 0
    while index < len(argv):
        token = argv[index]
        if token == "--check":
            if not argv[index + 1:]:
                raise UsageError("--check needs at least one script file ('-' reads standard input).")
            options.check = argv[index + 1:]
            return options
        name = _switch_name(token)
        if name is None:
            # The first bare argument is a script file; everything after it is $args.
            options.file = token
            options.args = argv[index + 1:]
            return options
        if name == "command":
            rest = argv[index + 1:]
            if not rest:
                raise UsageError("Cannot process the command because of a missing parameter. "
                                 "A command must follow -Command.")
            # Like pwsh, every remaining argument is part of the command text.
            options.command = " ".join(rest)
            return options
        if name == "file":
            if index + 1 >= len(argv):
                raise UsageError("The argument for the -File parameter is missing.")
            options.file = argv[index + 1]
            options.args = argv[index + 2:]
            return options
        if name == "noninteractive":
            options.non_interactive = True
        elif name == "noprofile":
            options.no_profile = True
        elif name == "help":
            options.show_help = True
        elif name == "version":
            options.show_version = True
        elif name in ("executionpolicy", "inputformat", "outputformat"):
            index += 1  # these take a value we accept and ignore
        index += 1
    return options


def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        options = parse_arguments(argv)
    except UsageError as error:
        sys.stderr.write(f"{error}\n\n{USAGE}")
        return 64
    if options.show_help:
        sys.stdout.write(USAGE)
        return 0
    if options.show_version:
        from exshell import __version__
        sys.stdout.write(f"exshell {__version__}\n")
        return 0
    try:
        if options.check is not None:
            from exshell.check import main_check
            return main_check(options.check)
        from exshell.host import runner
        return runner.run(options)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # last resort: a defect must not show a Python traceback
        if os.environ.get("EXSHELL_DEBUG"):
            raise
        sys.stderr.write(f"exshell: internal error ({type(error).__name__}: {error}). "
                         "Set EXSHELL_DEBUG=1 to see the details.\n")
        return 1


if __name__ == "__main__":
    sys.exit(main())
