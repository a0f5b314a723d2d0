"""Where a run's wall time goes, for ``banmian bench``: phase seconds added to ``$BANMIAN_TIMINGS``.

The flow and ``banmian run`` add the seconds of each phase they time
(``time.perf_counter`` around it) to a small JSON file named by the
environment variable ``BANMIAN_TIMINGS``; without it nothing is written.
Work done inside the batches (decode, segment) is summed over the batches,
so with several workers it is worker time, not wall time.

Imports neither Prefect nor DuckDB, so ``banmian bench`` can read it first.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Final

#: Names the JSON file phase timings are added to; unset, timings are not written.
TIMINGS_ENV: Final = "BANMIAN_TIMINGS"
#: The phases being timed in this process, outermost first (``timed`` pushes and pops them), so that
#: ``banmian bench`` can tell in which phase of a run the flow's memory peaked.
_OPEN_PHASES: list[str] = []


def current_phase() -> str:
    """The outermost phase being timed in this process now, or "" between phases.

    >>> with timed({}, "commit"):
    ...     with timed({}, "stage"):
    ...         current_phase()
    'commit'
    >>> current_phase()
    ''
    """
    return _OPEN_PHASES[0] if _OPEN_PHASES else ""


def add_timings(seconds: Mapping[str, float]) -> None:
    """Add ``seconds`` (phase -> seconds) to the timings file, if ``$BANMIAN_TIMINGS`` names one."""
    target = os.environ.get(TIMINGS_ENV)
    if not target or not seconds:
        return
    path = Path(target)
    totals: dict[str, float] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for phase, value in seconds.items():
        totals[phase] = totals.get(phase, 0.0) + value
    path.write_text(json.dumps(totals, indent=1, sort_keys=True), encoding="utf-8")


def merge_seconds(into: dict[str, float], more: Mapping[str, float]) -> None:
    """Add each phase of ``more`` to ``into``.

    >>> t = {"decode": 1.0}; merge_seconds(t, {"decode": 0.5, "segment": 2.0}); t
    {'decode': 1.5, 'segment': 2.0}
    """
    for phase, value in more.items():
        into[phase] = into.get(phase, 0.0) + value


@contextmanager
def timed(into: dict[str, float], phase: str) -> Iterator[None]:
    """Add the wall time of the ``with`` block to ``into[phase]`` (the phase is ``current_phase`` meanwhile)."""
    start = time.perf_counter()
    _OPEN_PHASES.append(phase)
    try:
        yield
    finally:
        _OPEN_PHASES.pop()
        merge_seconds(into, {phase: time.perf_counter() - start})
