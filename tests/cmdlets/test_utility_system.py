"""Get-Date, Start-Sleep, Get-Credential, ConvertTo-SecureString, New-Object."""
from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest

from exshell.language.values import ArrayList, Hashtable, PSObject
from exshell.types.credential import PSCredential, SecureString
from test_utility_kit import UtilityShell, shell  # noqa: F401 - fixture

FIXED = "Get-Date -Year 2018 -Month 1 -Day 5 -Hour 15 -Minute 4 -Second 9 -Millisecond 0"


def test_get_date_is_now(shell):
    value = shell.ok("Get-Date").values[0]
    assert isinstance(value, datetime) and abs(datetime.now() - value) < timedelta(seconds=5)


def test_get_date_prints_the_long_form(shell):
    assert shell.ok(FIXED).text == "\nFriday, January 5, 2018 3:04:09 PM\n\n\n"


@pytest.mark.parametrize("arguments, text", [
    ("-Format yyyyMMdd", "20180105"),
    ("-Format 'yyyy-MM-dd HH:mm:ss'", "2018-01-05 15:04:09"),
    ("-Format d", "1/5/2018"),
    ("-Format D", "Friday, January 5, 2018"),
    ("-UFormat '%Y/%m/%d %H:%M'", "2018/01/05 15:04"),
    ("-UFormat %A", "Friday"),
])
def test_get_date_formats(shell, arguments, text):
    assert shell.ok(f"{FIXED} {arguments}").values == [text]


def test_get_date_from_a_date(shell):
    assert shell.ok("Get-Date '2018-01-05' -Format 'dddd'").values == ["Friday"]


def test_start_sleep(shell):
    start = time.monotonic()
    shell.ok("Start-Sleep -Milliseconds 50; sleep 0.05")
    assert time.monotonic() - start >= 0.09


def test_secure_string_and_credential(shell):
    values = shell.ok("$pw = ConvertTo-SecureString 'P@ss' -AsPlainText -Force; $pw; "
                      "New-Object System.Management.Automation.PSCredential('contoso\\relay', $pw)").values
    assert isinstance(values[0], SecureString) and values[0].reveal() == "P@ss"
    assert isinstance(values[1], PSCredential) and values[1].user_name == "contoso\\relay"
    shown = shell.ok("New-Object PSCredential('u', (ConvertTo-SecureString 'P@ss' -AsPlainText -Force))").text
    assert "P@ss" not in shown and "System.Security.SecureString" in shown


def test_plain_text_needs_force(shell):
    assert "The system cannot protect plain text input." in \
        shell.run("ConvertTo-SecureString 'x' -AsPlainText").errors


def test_credential_needs_a_secure_string(shell):
    errors = shell.run("New-Object System.Management.Automation.PSCredential('u', 'p')").errors
    assert 'to type "System.Security.SecureString"' in errors


def test_get_credential_fails_clearly_when_not_interactive(shell):
    outcome = shell.run("Get-Credential")
    assert "not interactive" in outcome.errors and "CouldNotPromptForCredential" in outcome.errors


def test_get_credential_prompts_interactively(monkeypatch):
    interactive = UtilityShell(stdin="admin\n", interactive=True)
    monkeypatch.setattr(interactive.session.host.ui, "read_secret", lambda prompt: "s3cret")
    credential = interactive.ok("Get-Credential -Message 'Smart host account'").values[0]
    assert credential.user_name == "admin" and credential.get_network_credential_password() == "s3cret"
    assert "Smart host account" in interactive.stdout.getvalue()
    known = interactive.ok("Get-Credential contoso\\relay").values[0]
    assert known.user_name == "contoso\\relay"


def test_new_object_kinds(shell):
    custom = shell.ok("New-Object PSObject -Property @{Name='a'; Cost=5}").values[0]
    assert isinstance(custom, PSObject) and (custom.get("Name"), custom.get("Cost")) == ("a", 5)
    assert isinstance(shell.ok("New-Object System.Collections.ArrayList").values, list)
    listed = shell.ok("$l = New-Object System.Collections.ArrayList; [void]$l.Add('x'); ,$l").values[0]
    assert isinstance(listed, ArrayList) and list(listed) == ["x"]
    assert isinstance(shell.ok("New-Object Hashtable").values[0], Hashtable)
    assert shell.ok("New-Object DateTime 2018, 1, 5").values == [datetime(2018, 1, 5)]
    assert shell.ok("New-Object TimeSpan 1, 2, 3").values == [timedelta(hours=1, minutes=2, seconds=3)]
    assert shell.ok("New-Object -TypeName String -ArgumentList 'abc'").values == ["abc"]


def test_new_object_unknown_type(shell):
    errors = shell.run("New-Object Foo.Bar").errors
    assert "Cannot find type [Foo.Bar]: verify that the assembly containing this type is loaded." in errors
    assert "TypeNotFound,Microsoft.PowerShell.Commands.NewObjectCommand" in errors


@pytest.mark.parametrize("script, text", [
    ("Get-Date -Month 13", "Cannot validate argument on parameter 'Month'. The 13 argument is greater than "
                           "the maximum allowed range of 12."),
    ("Get-Date -Year 2018 -Month 2 -Day 31", "Year, Month, and Day parameters describe an un-representable DateTime."),
    ("New-Object DateTime 2018, 13, 1", 'Exception calling ".ctor" with "3" argument(s)'),
    ("Get-Date -Format '%'", "Get-Date : "),
])
def test_bad_dates_are_error_records(shell, script, text):
    outcome = shell.run(script)
    assert text in outcome.errors and "Traceback" not in outcome.errors
