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


FIRST_USE = textwrap.dedent("""
    import sys
    from exshell.store import open_store
    from exshell.store.models import RemoteDomain

    store = open_store()
    with store.transaction():
        store.add(RemoteDomain(Name=sys.argv[1], DomainName=sys.argv[1] + ".example"))
""")


def test_two_processes_creating_the_store_at_once_bootstrap_it_once(store_file):
    from exshell.store.repository import open_store

    workers = [subprocess.Popen([sys.executable, "-c", FIRST_USE, name],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for name in ("one", "two", "three")]
    for worker in workers:
        _, errors = worker.communicate(timeout=120)
        assert worker.returncode == 0, errors.decode()
    store = open_store()
    assert sorted(d.Name for d in store.list("RemoteDomain")) == ["Default", "one", "three", "two"]
    assert len(store.list("TransportConfig")) == 1
    assert [s.Name for s in store.list("ExchangeServer")] == ["EXCH01"]
    assert len(store.list("ReceiveConnector")) == 2
