"""A notebook holds the database open while a run commits: the run waits for it, and loses nothing (issue 16, row 12).

The other process is real (DuckDB's file lock is per process): a Python child
that opens ``banmian.duckdb`` read-only and closes it when told on stdin.
Every wait below is for a condition, with a generous safety net.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from tests.support.warehouse_fixtures import PAGES, commit, count

from banmian.tasks.store.warehouse import Warehouse, WarehouseBusy

#: Safety net for each condition awaited; never reached unless something hangs.
SAFETY_NET_S = 300

_HOLDER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("open", flush=True)
sys.stdin.readline()
con.close()
"""


@contextmanager
def held_open(wh: Warehouse) -> Iterator[subprocess.Popen[str]]:
    """Another process holding a read-only connection, as a notebook does, until its stdin is closed."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(wh.db_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        yield holder
    finally:
        if holder.stdin is not None and not holder.stdin.closed:
            holder.stdin.close()
        holder.wait(SAFETY_NET_S)


def test_a_commit_waits_for_a_notebook_to_close_the_database(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:1])
    told: list[str] = []
    asked = threading.Event()
    opened, may_commit, done = threading.Event(), threading.Event(), threading.Event()

    def run() -> None:  # a run: the writer opened, its pages segmented, then the commit
        with wh.writer(on_wait=lambda msg: (told.append(msg), asked.set())) as w:
            opened.set()
            assert may_commit.wait(SAFETY_NET_S)
            commit(w, PAGES[1:3])
        done.set()

    runner = threading.Thread(target=run)
    runner.start()
    assert opened.wait(SAFETY_NET_S)
    with held_open(wh) as holder:
        may_commit.set()
        assert asked.wait(SAFETY_NET_S)  # the commit met the notebook's connection and waits
        assert not done.is_set()
        assert holder.stdin is not None
        holder.stdin.close()  # the notebook closes its connection
    runner.join(SAFETY_NET_S)
    assert done.is_set()
    assert "held open by another process" in told[0] and "--no-wait" in told[0]
    assert count(wh, "SELECT count(*) FROM pages") == 3  # nothing segmented was lost


def test_without_waiting_a_notebook_connection_is_a_clear_error(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:1])
    with held_open(wh), pytest.raises(WarehouseBusy, match="held open by another process"):
        with wh.writer(wait=False) as w:
            commit(w, PAGES[1:2])
    assert count(wh, "SELECT count(*) FROM pages") == 1
