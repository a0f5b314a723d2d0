"""Named points where a test may kill the warehouse writer, to prove a kill never tears a warehouse.

The writer calls :func:`fault_point` at each moment where a crash would be
worst for a less careful design::

    after_parquet_write   a Parquet file is written and fsynced under its temp name
    after_parquet_rename  ... and renamed to its final name, not yet in the manifest
    inside_commit         every statement of a DuckDB transaction ran; COMMIT has not
    after_commit          the transaction committed; no CHECKPOINT yet (the WAL holds it)
    before_lock_release   the writer is done; the lock file is still locked

A process started with ``BANMIAN_FAULT=<point>@<n>`` (e.g.
``after_commit@3``) sends itself SIGKILL the n-th time it reaches that
point: no ``finally``, no ``atexit``, as a power cut or the OOM killer would.
``tests/store/test_warehouse_kill.py`` kills a writer at every point and
checks the warehouse after each kill.

A large staged commit is made in a child process (``writer.run_apart``), the
writer keeping the lock: every point reached there kills the child and the
writer that started it (:func:`kill_too`), as a power cut would, so the same
tests hold for the child's part of a commit.

Production cost: the variable is read once, at import; unset (always, outside
those tests), :func:`fault_point` compares one module constant to None and
returns.
"""

from __future__ import annotations

import os
import signal
import time
from collections import Counter
from dataclasses import dataclass
from typing import Final, Literal, get_args

FaultPoint = Literal[
    "after_parquet_write",
    "after_parquet_rename",
    "inside_commit",
    "after_commit",
    "before_lock_release",
]
FAULT_POINTS: Final[tuple[str, ...]] = get_args(FaultPoint)
#: The environment variable that arms one point: ``<point>@<occurrence>``.
FAULT_ENV: Final = "BANMIAN_FAULT"
#: Points where a process can be held (``hold_point``), so a signal sent to it lands there whatever the load.
HoldPoint = Literal["after_segmented_batch"]
HOLD_POINTS: Final[tuple[str, ...]] = get_args(HoldPoint)
#: The environment variable that arms one hold point: its name.
HOLD_ENV: Final = "BANMIAN_HOLD"
#: Set (to anything), a fault in a writer's child kills the child alone, as the OOM killer would.
FAULT_ALONE_ENV: Final = "BANMIAN_FAULT_ALONE"


@dataclass(frozen=True)
class Fault:
    """Kill this process the ``occurrence``-th time it reaches ``point`` (1-based)."""

    point: str
    occurrence: int


def parse_fault(spec: str) -> Fault | None:
    """The fault a ``BANMIAN_FAULT`` value names; None for an empty value.

    A value that names no point, or no positive occurrence, raises: a typo
    must not quietly turn a kill test into one that never kills.

    >>> parse_fault("after_commit@3")
    Fault(point='after_commit', occurrence=3)
    >>> parse_fault("") is None
    True
    """
    if not spec.strip():
        return None
    point, _, occurrence = spec.strip().partition("@")
    if point not in FAULT_POINTS or not occurrence.isdigit() or int(occurrence) < 1:
        raise ValueError(f"{FAULT_ENV}={spec!r}: expected <point>@<n> with n >= 1 and a point of {FAULT_POINTS}")
    return Fault(point, int(occurrence))


_ARMED: Final = parse_fault(os.environ.get(FAULT_ENV, ""))
_reached: Counter[str] = Counter()
_also_killed: list[int] = []


def kill_too(pid: int) -> None:
    """Make a fault in this process kill process ``pid`` (the writer whose child this is) first,
    unless ``BANMIAN_FAULT_ALONE`` is set."""
    if not os.environ.get(FAULT_ALONE_ENV):
        _also_killed.append(pid)


def fault_point(point: FaultPoint) -> None:
    """SIGKILL this process here if ``BANMIAN_FAULT`` names this point and this is its occurrence."""
    if _ARMED is None or _ARMED.point != point:
        return
    _reached[point] += 1
    if _reached[point] == _ARMED.occurrence:
        for pid in _also_killed:
            os.kill(pid, signal.SIGKILL)
        os.kill(os.getpid(), signal.SIGKILL)


_HELD: Final = os.environ.get(HOLD_ENV) or None


def hold_point(point: HoldPoint) -> None:
    """Wait here for a signal if ``BANMIAN_HOLD`` names this point (tests that stop a run mid-way).

    A run stopped "after its first batch" could otherwise finish first on a fast or a starved machine;
    held, it is mid-run until the signal's handler raises (``time.sleep`` is interrupted by it).
    Unset (always, outside those tests), it compares one module constant to None and returns.
    """
    if _HELD != point:
        return
    while True:
        time.sleep(1.0)
