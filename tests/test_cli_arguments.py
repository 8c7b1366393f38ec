"""The exshell command line switches, parsed as pwsh parses its own."""
import pytest

from exshell.cli import Options, UsageError, parse_arguments


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["-Command", "1+1"], Options(command="1+1")),
        (["-c", "Get-Date"], Options(command="Get-Date")),
        (["-command", "Write-Output", "a", "b"], Options(command="Write-Output a b")),
        (["-Command", "-"], Options(command="-")),
        (["-NoProfile", "-NonInteractive", "-Command", "1"],
         Options(command="1", no_profile=True, non_interactive=True)),
        (["-nonI", "-nop", "-c", "1"], Options(command="1", no_profile=True, non_interactive=True)),
        (["--command", "1"], Options(command="1")),
        (["script.ps1", "a", "-b"], Options(file="script.ps1", args=["a", "-b"])),
        (["-File", "script.ps1", "x"], Options(file="script.ps1", args=["x"])),
        (["-f", "s.ps1"], Options(file="s.ps1")),
        (["--check", "a.ps1", "b.ps1"], Options(check=["a.ps1", "b.ps1"])),
        (["--check", "-"], Options(check=["-"])),
        (["-ExecutionPolicy", "Bypass", "-c", "1"], Options(command="1")),
        (["-?"], Options(show_help=True)),
        ([], Options()),
    ],
)
def test_switches(argv, expected):
    assert parse_arguments(argv) == expected


@pytest.mark.parametrize("argv", [["-Bogus"], ["-Command"], ["-File"], ["-no"], ["--check"]])
def test_bad_switches_are_usage_errors(argv):
    with pytest.raises(UsageError):
        parse_arguments(argv)
