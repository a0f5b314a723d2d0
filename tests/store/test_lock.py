"""The one-writer lock: a second writer is refused, times out, or waits its turn."""

from __future__ import annotations

import os
import threading
import time

import pytest
from tests.support.warehouse_fixtures import PAGES, commit

from banmian.tasks.store.warehouse import Warehouse, WarehouseBusy


def test_second_writer_is_refused_or_waits(wh: Warehouse) -> None:
    messages: list[str] = []
    with wh.writer():
        with pytest.raises(WarehouseBusy, match=f"pid {os.getpid()}"):
            with Warehouse(wh.root).writer(wait=False):
                pass
        t0 = time.monotonic()
        with pytest.raises(WarehouseBusy, match="still in use"):
            with Warehouse(wh.root).writer(timeout=0.3, on_wait=messages.append):
                pass
        assert time.monotonic() - t0 >= 0.3
    assert len(messages) == 1 and messages[0].startswith(f"waiting for run pid {os.getpid()}")


def test_waiting_writer_gets_the_lock_when_released(wh: Warehouse) -> None:
    """The holder lets go only once the second writer says it waits: no sleep, no race."""
    waiting, released = threading.Event(), threading.Event()
    holder = wh.writer()
    holder.__enter__()

    def release_when_waited_for() -> None:
        waiting.wait()
        released.set()
        holder.__exit__(None, None, None)

    thread = threading.Thread(target=release_when_waited_for)
    thread.start()
    messages: list[str] = []

    def on_wait(message: str) -> None:
        messages.append(message)
        waiting.set()

    with Warehouse(wh.root).writer(on_wait=on_wait) as w:
        assert released.is_set()
        commit(w, PAGES[:1])
    thread.join()
    assert len(messages) == 1
