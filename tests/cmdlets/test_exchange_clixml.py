"""Backing configuration up with Export-Clixml and reading it back, through the
exshell command: the documented `Get-SendConnector | Export-Clixml` backup."""
from __future__ import annotations

import re

from test_exchange_support import SEED, shell  # noqa: F401 - fixture


def _properties(out: str) -> dict[str, str]:
    found = {}
    for line in out.splitlines():
        match = re.match(r"^(\w+)\s+: ?(.*)$", line)
        if match:
            found[match.group(1)] = match.group(2).strip()
    return found


def test_export_then_import_shows_the_same_properties(shell, tmp_path):
    shell.ok(SEED)
    shell.ok("Get-SendConnector | Export-Clixml backup.xml")
    document = (tmp_path / "backup.xml").read_bytes().decode("utf-16")
    assert document.lstrip("\ufeff").startswith(
        '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">')
    assert "<T>Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig</T>" in document
    original = _properties(shell.ok('Get-SendConnector "Subsidiary Send Connector" | Format-List'))
    restored = _properties(shell.ok("Import-Clixml backup.xml | Format-List"))
    assert list(restored) == list(original)
    for name in ("AddressSpaces", "SmartHosts", "DNSRoutingEnabled", "MaxMessageSize", "Identity", "Port",
                 "ConnectionInactivityTimeOut", "Guid"):
        assert restored[name] == original[name], name


def test_imported_objects_are_deserialized_and_pipe_into_set(shell):
    shell.ok(SEED)
    shell.ok("Get-SendConnector | Export-Clixml backup.xml")
    out = shell.ok("Import-Clixml backup.xml | ForEach-Object { $_.Name }")
    assert out.strip() == "Subsidiary Send Connector"
    shell.ok("Import-Clixml backup.xml | Set-SendConnector -Port 26")
    out = _properties(shell.ok('Get-SendConnector "Subsidiary Send Connector" | Format-List'))
    assert out["Port"] == "26"


def test_import_of_missing_or_broken_file_gives_an_error_not_a_traceback(shell, tmp_path):
    result = shell.run("Import-Clixml nothing.xml")
    assert "Cannot find path" in result.err and "Traceback" not in result.text
    (tmp_path / "broken.xml").write_text("this is not xml")
    result = shell.run("Import-Clixml broken.xml")
    assert "Data at the root level is invalid" in result.err and "Traceback" not in result.text
