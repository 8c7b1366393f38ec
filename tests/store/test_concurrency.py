"""Two processes editing one object at once lose no update (issue 4 acceptance)."""
from __future__ import annotations

import subprocess
import sys
import textwrap

from exshell.store.models import SendConnector

EDITS_PER_PROCESS = 200

WORKER = textwrap.dedent("""
    import sys
    from exshell.store import open_store
    from exshell.types import AddressSpace, MultiValued

    prefix = sys.argv[1]
    store = open_store()
    spaces = MultiValued(AddressSpace)
    for index in range(int(sys.argv[2])):
        # The same read-modify-write Set-SendConnector -AddressSpaces @{Add=...} does.
        with store.transaction():
            connector = store.get("SendConnector", "Shared")
            edit = spaces.convert({"Add": f"{prefix}{index}.example;{index % 100 + 1}"})
            store.update(connector.with_changes(AddressSpaces=edit))
""")


def test_two_processes_200_edits_each_lose_nothing(store, store_file):
    store.add(SendConnector(Name="Shared", AddressSpaces=["seed.example"]))
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, prefix, str(EDITS_PER_PROCESS)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for prefix in ("left", "right")]
    for worker in workers:
        _, errors = worker.communicate(timeout=120)
        assert worker.returncode == 0, errors.decode()
    spaces = [str(space) for space in store.get("SendConnector", "Shared").AddressSpaces]
    assert len(spaces) == 1 + 2 * EDITS_PER_PROCESS
    assert sum(space.startswith("SMTP:left") for space in spaces) == EDITS_PER_PROCESS
    assert sum(space.startswith("SMTP:right") for space in spaces) == EDITS_PER_PROCESS
