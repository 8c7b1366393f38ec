"""The usual first lines of EMS scripts, pasted into exshell where the Exchange
snap-in is built in: Add-PSSnapin, Get-PSSnapin, Connect-ExchangeServer,
Set-ExecutionPolicy (pwsh-on-Linux behaviour), Import-Module."""
from __future__ import annotations

import pytest

from test_exchange_support import shell  # noqa: F401 - fixture

PREAMBLE = """Add-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010
Connect-ExchangeServer -auto
Get-SendConnector | Measure-Object | ForEach-Object { "connectors=" + $_.Count }
"""


def test_ems_preamble_runs_silently(shell):
    assert shell.ok(PREAMBLE).strip() == "connectors=0"


@pytest.mark.parametrize("name", [
    "Microsoft.Exchange.Management.PowerShell.E2010",
    "microsoft.exchange.management.powershell.e2010",
    "Microsoft.Exchange.Management.PowerShell.Admin",
    "Microsoft.Exchange.Management.PowerShell.Support",
    "*Exchange*",
])
def test_exchange_snapins_add_silently(shell, name):
    assert shell.ok(f"Add-PSSnapin {name}; $?").strip() == "True"


def test_pass_thru_writes_the_snapin(shell):
    out = shell.ok("Add-PSSnapin Microsoft.Exchange.Management.PowerShell.Admin -PassThru | "
                   "ForEach-Object { $_.Name }")
    assert out.strip() == "Microsoft.Exchange.Management.PowerShell.Admin"


def test_unknown_snapin_is_not_installed(shell):
    result = shell.run('Add-PSSnapin Quest.ActiveRoles.ADManagement; "after"')
    assert ("The Windows PowerShell snap-in 'Quest.ActiveRoles.ADManagement' is not installed on "
            "this machine.") in result.err
    assert "AddPSSnapInRead,Microsoft.PowerShell.Commands.AddPSSnapinCommand" in result.err
    assert result.out.strip() == "after"


def test_get_pssnapin_lists_the_exchange_snapin(shell):
    out = shell.ok("Get-PSSnapin")
    assert "Name        : Microsoft.Exchange.Management.PowerShell.E2010" in out
    assert "Name        : Microsoft.PowerShell.Core" in out
    assert "PSVersion   : 2.0" in out
    names = shell.ok("Get-PSSnapin -Registered | ForEach-Object { $_.Name }").split()
    assert names == ["Microsoft.Exchange.Management.PowerShell.E2010"]
    assert shell.ok("@(Get-PSSnapin *Exchange*).Count").strip() == "1"


def test_get_pssnapin_idiom_guarding_add(shell):
    out = shell.ok('if (-not (Get-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010 '
                   '-ErrorAction SilentlyContinue)) { "adding" } else { "loaded" }')
    assert out.strip() == "loaded"


def test_get_pssnapin_unknown_name(shell):
    result = shell.run("Get-PSSnapin Nope")
    assert ("No Windows PowerShell snap-ins matching the pattern 'Nope' were found. Check the "
            "pattern and then try the command again.") in result.err


@pytest.mark.parametrize("command", [
    "Connect-ExchangeServer -auto",
    "Connect-ExchangeServer -Auto -ClearCache",
    "Connect-ExchangeServer -ServerFqdn EXCH01",
    "Connect-ExchangeServer -ServerFqdn EXCH01.contoso.com",
    "Connect-ExchangeServer EXCH01.contoso.com -AllowClobber",
])
def test_connect_exchange_server_prints_nothing(shell, command):
    assert shell.ok(command + "; $?").strip() == "True"


def test_connect_exchange_server_verbose_names_the_server(shell):
    result = shell.run("Connect-ExchangeServer -auto -Verbose")
    assert "VERBOSE: Connected to EXCH01.contoso.com." in result.text


def test_connect_to_unknown_server_is_exchanges_error(shell):
    result = shell.run("Connect-ExchangeServer -ServerFqdn ex99.contoso.com")
    assert ("The operation couldn't be performed because object 'ex99.contoso.com' couldn't be "
            "found on 'dc.contoso.com'.") in result.err
    assert "ManagementObjectNotFoundException" in result.err


def test_set_execution_policy_is_not_supported_as_on_linux_pwsh(shell):
    result = shell.run('Set-ExecutionPolicy RemoteSigned; "next"')
    assert "Set-ExecutionPolicy : Operation is not supported on this platform." in result.err
    assert ("System.PlatformNotSupportedException,"
            "Microsoft.PowerShell.Commands.SetExecutionPolicyCommand") in result.err
    assert result.out.strip() == "next"


def test_set_execution_policy_validates_its_value(shell):
    result = shell.run("Set-ExecutionPolicy Sometimes")
    assert "ExecutionPolicy" in result.err and "Operation is not supported" not in result.err


def test_import_module_unknown(shell):
    result = shell.run('Import-Module ActiveDirectory; "next"')
    assert ("The specified module 'ActiveDirectory' was not loaded because no valid module file "
            "was found in any module directory.") in result.err
    assert "Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand" in result.err
    assert "ResourceUnavailable: (ActiveDirectory:String) [Import-Module]" in result.err
    assert result.out.strip() == "next"


def test_import_module_of_a_built_in_module_is_silent(shell):
    assert shell.ok("Import-Module Microsoft.PowerShell.Utility -Force; $?").strip() == "True"


def test_each_preamble_command_is_declared_once():
    from exshell.cmdlets import registry

    for name in ("Add-PSSnapin", "Get-PSSnapin", "Connect-ExchangeServer",
                 "Set-ExecutionPolicy", "Import-Module"):
        assert registry.CMDLET_MODULES[name] == "exshell.cmdlets.utility.snapin"
        assert registry.lookup(name).info.name == name
