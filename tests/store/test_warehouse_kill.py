"""SIGKILL a loading process at random moments; the warehouse must never tear.

After every kill the warehouse must open and show exactly the state of some
committed run count n (the same checksums as a never-killed warehouse after n
runs), and a final uninterrupted run must reach exactly the state of a
never-interrupted warehouse. Seeded, and bounded in time.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.support import kill_driver
from tests.support.warehouse_fixtures import state_checksum

from banmian.tasks.store import schema
from banmian.tasks.store.warehouse import Warehouse, load_report_views

REPO = Path(__file__).resolve().parents[2]
MIN_KILLS = 22
TIME_BUDGET_S = 45.0


class Reference:
    """Checksums after each run count, from a warehouse that is never killed."""

    def __init__(self, root: Path) -> None:
        self.wh = Warehouse(root)
        self.states: dict[int, dict] = {}

    def after(self, n: int) -> dict:
        """State after n runs; asked for in non-decreasing n, as runs only accumulate."""
        if n not in self.states:
            assert kill_driver.drive(str(self.wh.root), n) == n
            self.states[n] = state_checksum(self.wh)
        return self.states[n]


def _all_views_readable(wh: Warehouse) -> None:
    names = ["pages", "pages_history", "articles", "blocks", "sentences", "residue", "runs",
             "rejects", "page_sources"] + [v.name for v in load_report_views()]
    wh.query(" UNION ALL ".join(f"SELECT count(*) FROM (SELECT * FROM {n})" for n in names))


def _start_driver(root: Path, until: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-m", "tests.support.kill_driver", str(root), str(until)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO)


def _files_on_disk(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for t in schema.STORED
            for p in (root / "data" / t).glob("*") if p.is_file()}


def test_killed_runs_never_leave_a_torn_warehouse(tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("BANMIAN_KILL_SEED", "20240607")))
    root = tmp_path / "killed"
    ref = Reference(tmp_path / "reference")
    wh = Warehouse(root)
    kills = 0
    seen_counts: set[int] = set()
    start = time.monotonic()
    while kills < MIN_KILLS and time.monotonic() - start < TIME_BUDGET_S:
        proc = _start_driver(root, 10_000)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.45))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stderr = proc.stderr.read().decode()
        proc.stdout.close()
        proc.stderr.close()
        assert proc.returncode == -signal.SIGKILL, stderr  # it was still running when killed
        kills += 1
        n = kill_driver.committed_runs(wh)
        seen_counts.add(n)
        if n == 0:
            continue
        _all_views_readable(wh)
        assert state_checksum(wh) == ref.after(n), f"torn state after kill {kills} at {n} runs"
    assert kills >= MIN_KILLS, f"only {kills} kills in {TIME_BUDGET_S} s"
    assert len(seen_counts) >= 5, f"kills landed at too few run counts: {sorted(seen_counts)}"
    print(f"{kills} kills at run counts {sorted(seen_counts)}")

    final = max(seen_counts) + 3
    proc = _start_driver(root, final)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode()
    assert kill_driver.committed_runs(wh) == final
    assert state_checksum(wh) == ref.after(final)
    # killed runs left no files behind once a writer has opened
    live = {r["file"] for r in wh.query("SELECT file FROM _manifest").to_pylist()}
    assert _files_on_disk(root) == live
