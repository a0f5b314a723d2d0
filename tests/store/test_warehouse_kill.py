"""SIGKILL a loading process; the warehouse must never tear.

A driver process (``tests/support/kill_driver.py``) commits a deterministic
sequence of runs. It is killed

* at every named fault point (``banmian.tasks.store.faults``: after a
  Parquet write, after its rename, inside the commit transaction, right
  after COMMIT, before the lock release), at several occurrences each, so
  that kills land in the creation of the warehouse, in its opening, in runs
  and in compactions, whatever the machine's speed;
* at random moments, scaled to the measured duration of a run on this
  machine now (so they spread over runs on a slow or loaded machine too).

After every kill the warehouse must open, show exactly the runs committed
before the kill, with the same checksums as a warehouse that was never
killed after that many runs, and leave no file the manifest does not list
once a writer has opened it, and ``Warehouse.check`` must find it whole
(its catalogue copy too). A final uninterrupted run must reach the
never-killed state. Nothing here depends on timing: where a random kill
lands is never asserted, only what the warehouse looks like afterwards.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.support import kill_driver
from tests.support.warehouse_fixtures import state_checksum

from banmian.tasks.store import schema
from banmian.tasks.store.faults import FAULT_ENV, FAULT_POINTS
from banmian.tasks.store.warehouse import Warehouse, load_report_views

REPO = Path(__file__).resolve().parents[2]
#: Runs the driver is asked for when it is to be killed first (it never gets there).
FOREVER = 10_000
#: Occurrences of a point at which one warehouse is killed, one process after another (each
#: counts from 1). A transaction point's first kill lands in the creation of the warehouse, the
#: second (the check after a kill has created it) in its opening, later ones in runs and
#: compactions; Parquet points land in runs and compactions.
OCCURRENCES = {
    "after_parquet_write": (1, 6, 13),
    "after_parquet_rename": (2, 5, 11),
    "inside_commit": (1, 1, 4),
    "after_commit": (1, 1, 5),
    "before_lock_release": (1, 1),
}
#: Random kills, each within this many runs' time after the driver has opened the warehouse.
RANDOM_KILLS = 6
RUNS_SPANNED = 4


class Reference:
    """Checksums after each run count, from a warehouse that is never killed."""

    def __init__(self, root: Path) -> None:
        self.wh = Warehouse(root)
        self.states: dict[int, dict[str, tuple[int, int]]] = {}
        self.runs = 0
        self.seconds = 0.0

    def after(self, n: int) -> dict[str, tuple[int, int]]:
        """The state after n runs (every count up to the largest asked for is kept)."""
        while self.runs < n:
            started = time.monotonic()
            self.runs = kill_driver.drive(str(self.wh.root), self.runs + 1)
            self.seconds += time.monotonic() - started
            self.states[self.runs] = state_checksum(self.wh)
        return self.states[n]

    def seconds_per_run(self) -> float:
        """Mean duration of a run (compactions included) on this machine, as loaded as it is now."""
        self.after(max(self.runs, 2 * kill_driver.COMPACT_EVERY))
        return self.seconds / self.runs


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    return Reference(tmp_path_factory.mktemp("reference"))


def _start_driver(root: Path, until: int, fault: str | None = None) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop(FAULT_ENV, None)
    if fault is not None:
        env[FAULT_ENV] = fault
    return subprocess.Popen([sys.executable, "-m", "tests.support.kill_driver", str(root), str(until)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO, text=True)


def _finish(proc: subprocess.Popen[str], told: list[str]) -> list[str]:
    """Wait for the driver to end; every line it told, and its stderr checked for a clean death.

    Once lines were read with ``readline`` (``told``), the rest is read through the same buffered
    stream: ``communicate`` reads the pipe itself and would skip what that buffer already holds
    (a ``run 0`` that arrived with ``open 0``), and a run would seem committed without being begun.
    """
    if told:
        proc.wait()
        assert proc.stdout is not None and proc.stderr is not None
        out, err = proc.stdout.read(), proc.stderr.read()
    else:
        out, err = proc.communicate()
    lines = told + out.splitlines()
    assert proc.returncode == -signal.SIGKILL, f"not killed (exit {proc.returncode}): {lines}\n{err}"
    return lines


def test_lines_told_together_with_the_first_ones_are_not_lost() -> None:
    """A driver that tells ``run 0`` in the same write as ``open 0`` (as a fast one does) is heard whole."""
    proc = subprocess.Popen([sys.executable, "-c",
                             "import sys, time; sys.stdout.write('ready\\nopen 0\\nrun 0\\n'); sys.stdout.flush(); "
                             "time.sleep(600)"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    told = [proc.stdout.readline().strip() for _ in range(2)] if proc.stdout else []
    proc.send_signal(signal.SIGKILL)
    assert _finish(proc, told) == ["ready", "open 0", "run 0"]


def committed_when_killed(lines: list[str], before: int, point: str | None) -> tuple[int, bool]:
    """Runs committed when the driver died, from what it told: (count, maybe one more).

    A kill ``after_commit`` of a run has committed it without the driver
    saying so; a random kill during a run may have done the same.
    """
    committed = before
    for line in lines:
        word, _, number = line.partition(" ")
        if word in ("open", "committed"):
            committed = int(number)
    in_run = bool(lines) and lines[-1].startswith("run ")
    if point == "after_commit" and in_run:
        return committed + 1, False
    return committed, point is None and in_run


@pytest.mark.parametrize(("lines", "before", "point", "expected"), [
    (["ready", "open 4", "run 4", "committed 5", "run 5"], 0, "inside_commit", (5, False)),
    (["ready", "open 4", "run 4"], 0, "after_commit", (5, False)),
    (["ready", "open 4", "run 4", "committed 5", "compact"], 0, "after_commit", (5, False)),
    (["ready"], 4, "after_commit", (4, False)),
    (["ready", "open 4", "run 4"], 4, None, (4, True)),
    (["ready", "open 4", "run 4", "committed 5", "done"], 4, "before_lock_release", (5, False)),
])
def test_what_the_driver_told_says_how_many_runs_committed(lines: list[str], before: int, point: str | None,
                                                          expected: tuple[int, bool]) -> None:
    assert committed_when_killed(lines, before, point) == expected


def _files_on_disk(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for t in schema.STORED
            for p in (root / "data" / t).glob("*") if p.is_file()}


def _check_after_kill(wh: Warehouse, reference: Reference, lines: list[str], before: int,
                      point: str | None) -> int:
    """The warehouse shows exactly the runs committed before the kill, and opens; returns their number."""
    expected, maybe_one_more = committed_when_killed(lines, before, point)
    n = kill_driver.committed_runs(wh)
    assert n == expected or (maybe_one_more and n == expected + 1), (n, expected, lines)
    if n:
        assert state_checksum(wh) == reference.after(n), f"torn state after {lines[-1]!r} at {n} runs"
    with wh.writer():  # opens (sweeping what the kill left) ...
        pass
    names = ["pages", "pages_history", "articles", "blocks", "sentences", "residue", "runs",
             "rejects", "page_sources"] + [v.name for v in load_report_views()]
    wh.query(" UNION ALL ".join(f"SELECT count(*) FROM (SELECT * FROM {name})" for name in names))
    assert kill_driver.committed_runs(wh) == n
    if n:
        assert state_checksum(wh) == reference.after(n)  # ... without changing anything
    live = {r["file"] for r in wh.query("SELECT file FROM _manifest").to_pylist()}
    assert _files_on_disk(wh.root) == live
    assert wh.check().problems == []  # every file as the manifest says; the catalogue copy caught up
    return n


def _rerun_reaches_the_reference(wh: Warehouse, reference: Reference, final: int) -> None:
    proc = _start_driver(wh.root, final)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert kill_driver.committed_runs(wh) == final
    assert state_checksum(wh) == reference.after(final)
    live = {r["file"] for r in wh.query("SELECT file FROM _manifest").to_pylist()}
    assert _files_on_disk(wh.root) == live


@pytest.mark.parametrize("point", FAULT_POINTS)
def test_a_kill_at_a_named_point_never_tears_the_warehouse(tmp_path: Path, reference: Reference,
                                                          point: str) -> None:
    wh = Warehouse(tmp_path / "killed")
    n = 0
    for occurrence in OCCURRENCES[point]:
        until = n + 2 if point == "before_lock_release" else FOREVER
        proc = _start_driver(wh.root, until, fault=f"{point}@{occurrence}")
        lines = _finish(proc, [])
        n = _check_after_kill(wh, reference, lines, n, point)
    _rerun_reaches_the_reference(wh, reference, n + kill_driver.COMPACT_EVERY + 1)


def test_random_kills_never_tear_the_warehouse(tmp_path: Path, reference: Reference) -> None:
    rng = random.Random(int(os.environ.get("BANMIAN_KILL_SEED", "20240607")))
    span = RUNS_SPANNED * reference.seconds_per_run()
    wh = Warehouse(tmp_path / "killed")
    n = 0
    for _ in range(RANDOM_KILLS):
        proc = _start_driver(wh.root, FOREVER)
        told = [proc.stdout.readline().strip() for _ in range(2)]  # ready, open N: startup is not timed
        if not told[-1].startswith("open "):
            proc.kill()
            out, err = proc.communicate()
            pytest.fail(f"the driver did not open the warehouse: {told + out.splitlines()}\n{err}")
        time.sleep(rng.uniform(0.0, span))
        proc.send_signal(signal.SIGKILL)
        n = _check_after_kill(wh, reference, _finish(proc, told), n, None)
    _rerun_reaches_the_reference(wh, reference, n + kill_driver.COMPACT_EVERY + 1)
