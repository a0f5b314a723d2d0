"""The one-writer lock of a warehouse: ``fcntl.flock`` on ``<root>/.lock``.

The kernel releases a flock when its process dies, however it dies, so a
killed run never leaves a warehouse locked. The lock file holds the
holder's pid and start time, for the message another writer sees.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Final

#: How often a writer with a timeout tries the lock again.
LOCK_RETRY_S: Final = 0.1


class WarehouseBusy(Exception):
    """Another process holds the warehouse; the message says who and what to do."""


def lock_holder(lock_path: Path) -> str:
    """What the lock file says about its holder (``pid 123 started ...``)."""
    try:
        text = lock_path.read_text(encoding="utf-8").strip()
    except OSError:
        text = ""
    return text or "of another process"


def _is_held_elsewhere(exc: OSError) -> bool:
    return exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK)


def _wait_for_lock(fd: int, timeout: float | None, busy: str) -> None:
    """Block until the lock is ours; with a timeout, raise ``WarehouseBusy(busy)`` after it."""
    if timeout is None:
        fcntl.flock(fd, fcntl.LOCK_EX)
        return
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError:
            if time.monotonic() >= deadline:
                raise WarehouseBusy(f"{busy} after {timeout:g} s; try again later") from None
            time.sleep(LOCK_RETRY_S)


def acquire(lock_path: Path, wait: bool, timeout: float | None,
            on_wait: Callable[[str], None] | None) -> int:
    """Take the writer lock of the warehouse at ``lock_path.parent``; returns the locked fd.

    ``wait=False`` raises ``WarehouseBusy`` at once if another process holds
    it; otherwise ``on_wait`` hears once that we wait, and ``timeout`` (None:
    forever) bounds the wait.
    """
    root = lock_path.parent
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if not _is_held_elsewhere(exc):
                raise
            holder = lock_holder(lock_path)
            if not wait:
                raise WarehouseBusy(f"warehouse {root} is in use by run {holder}; "
                                    "wait for it to finish, or run again with waiting enabled") from None
            if on_wait is not None:
                on_wait(f"waiting for run {holder} to finish with {root} ...")
            _wait_for_lock(fd, timeout, f"warehouse {root} still in use by run {holder}")
        os.ftruncate(fd, 0)
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        os.pwrite(fd, f"pid {os.getpid()} started {stamp}\n".encode(), 0)
        return fd
    except BaseException:
        os.close(fd)
        raise


def release(fd: int) -> None:
    """Give the lock up and close its file."""
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)
