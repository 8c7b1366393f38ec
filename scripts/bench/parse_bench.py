"""Parse-throughput benchmark behind scripts/bench/parse (see that script)."""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

GOAL_MB_PER_S = 1.5

CMDLET_LINES = [
    'New-SendConnector -Name "Subsidiary Send Connector {n}" -Usage Custom -AddressSpace '
    '"*.contoso.com;5","*.fabrikam.com;8" -DNSRoutingEnabled $false -SmartHosts 192.168.10.{m} '
    '-MaxMessageSize 20MB',
    'Set-ReceiveConnector -Identity "Internet Receive Connector {n}" -Banner "220 SMTP OK" '
    '-ConnectionTimeout 00:15:00 -RemoteIPRanges 10.1.1.{m},10.1.2.0/24 -MaxMessageSize 35MB',
    'Get-MessageTrackingLog -Server Mailbox01 -Start "03/13/2018 09:00:00" -End '
    '"03/15/2018 17:00:00" -Sender "john@contoso.com" -ResultSize {n} | Format-List',
    "Set-TransportConfig -MaxReceiveSize 25MB -MaxSendSize 25MB -ExternalPostmasterAddress "
    "postmaster@contoso.com -TLSReceiveDomainSecureList 'contoso.com','fabrikam.com'",
    "Get-Queue -Filter {{MessageCount -gt {m}}} | Sort-Object MessageCount -Descending | "
    "Select-Object -First 5 Identity,Status,MessageCount",
]

MIXED_BLOCK = '''function Test-Connector{n} {{
    param([Parameter(Mandatory = $true)][string]$Name, [int]$Limit = {m})
    $total = 0
    foreach ($item in Get-SendConnector -Identity $Name) {{
        if ($item.MaxMessageSize -gt 10MB -and $item.Enabled) {{
            $total += $item.AddressSpaces.Count * 2
        }} elseif ($item.Name -like "Sub*") {{
            Write-Host "skip $($item.Name)"
        }} else {{
            $h = @{{ Name = $item.Name; Size = [int]($item.MaxMessageSize / 1KB) }}
        }}
    }}
    switch -wildcard ($Name) {{ 'a*' {{ 1 }} default {{ 2 }} }}
    for ($i = 0; $i -lt $Limit; $i++) {{ $total = $total + $i % 3 }}
    try {{ $total }} catch {{ throw "failed: $_" }}
}}
'''


def cmdlet_script(lines: int) -> str:
    return "\n".join(CMDLET_LINES[i % len(CMDLET_LINES)].format(n=i, m=i % 250)
                     for i in range(lines)) + "\n"


def mixed_script(lines: int) -> str:
    block_lines = MIXED_BLOCK.count("\n")
    blocks = [MIXED_BLOCK.format(n=i, m=i % 50) for i in range(lines // block_lines + 1)]
    return "".join(blocks)


def measure(name: str, text: str) -> float:
    from exshell.language.parser import parse

    parse("1")  # grammar load is start-up cost, not throughput
    best = None
    for _ in range(3):
        started = time.perf_counter()
        parse(text)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    size_mb = len(text.encode("utf-8")) / 1e6
    rate = size_mb / best
    print(f"{name:8s} {text.count(chr(10)):6d} lines {size_mb:6.2f} MB  {best:6.3f} s  {rate:5.2f} MB/s")
    return rate


# A deliberately minimal LALR grammar over the same cmdlet lines, run with
# --baseline: it shows what Lark itself reaches on this machine right now, so
# the figures above can be read against the machine's current speed.
_BASELINE_GRAMMAR = r"""
start: (line _NL)*
line: WORD element*
element: PARAM | WORD | STRING | VAR | NUMBER | element "," element -> array
PARAM: /-[A-Za-z]\w*/
WORD: /[^\s,"$|{}()\-][^\s,"|{}()]*/
STRING: /"[^"]*"/ | /'[^']*'/
VAR: /\$\w+/
NUMBER.2: /\d+(MB)?(?=[\s,])/
_NL: /\n/
%ignore /[ \t]+/
%ignore /[|{}()]/
"""


def baseline(text: str) -> None:
    from lark import Lark, Transformer

    class Keep(Transformer):
        def line(self, children):
            return children

        def element(self, children):
            return children[0]

        def array(self, children):
            return children

    parser = Lark(_BASELINE_GRAMMAR, parser="lalr", transformer=Keep())
    started = time.perf_counter()
    parser.parse(text)
    elapsed = time.perf_counter() - started
    print(f"baseline (minimal Lark grammar, cmdlet lines): {len(text) / 1e6 / elapsed:5.2f} MB/s")


def main() -> int:
    started = time.perf_counter()
    from exshell.language.parser import parse

    parse("Get-Date")
    print(f"import + first parse: {1000 * (time.perf_counter() - started):.0f} ms")
    scripts = {"cmdlets": cmdlet_script(10_000), "mixed": mixed_script(10_000)}
    if "--profile" in sys.argv:
        import cProfile
        import pstats

        cProfile.runctx("parse(text)", {"parse": parse, "text": scripts["cmdlets"]}, {},
                        "/tmp/exshell-parse.prof")
        pstats.Stats("/tmp/exshell-parse.prof").sort_stats("tottime").print_stats(15)
    if "--baseline" in sys.argv:
        baseline(scripts["cmdlets"])
    for name, text in scripts.items():
        rate = measure(name, text)
        verdict = "met" if rate >= GOAL_MB_PER_S else "not met"
        print(f"         goal {GOAL_MB_PER_S} MB/s {verdict}")
    print("(figures drop when the machine is busy; compare with --baseline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
