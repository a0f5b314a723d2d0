"""A full disk: the report never lies about the commit, nothing is left behind, and the next run works.

Each case runs ``tests/support/fsize_driver.py`` in its own process, whose
file writes fail past a size (``RLIMIT_FSIZE``, SIGXFSZ ignored: EFBIG, as a
full disk fails them with ENOSPC), at three places of a run:

* a Parquet file: nothing committed, the run's files deleted at once;
* DuckDB's WAL at COMMIT: nothing committed;
* DuckDB's CHECKPOINT after COMMIT: the run is committed, and says so
  ("committed run X; checkpoint failed").

Then a run without the limit must work and leave a warehouse ``check`` finds whole.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.support.paths import REPO
from tests.support.warehouse_fixtures import commit, count, data_files, page_and_result

from banmian.tasks.store.faults import FAULT_ENV
from banmian.tasks.store.warehouse import Warehouse


def drive(root: Path, limit: int, what: str) -> dict[str, str | None]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop(FAULT_ENV, None)
    proc = subprocess.run([sys.executable, "-m", "tests.support.fsize_driver", str(root), str(limit), what],
                          capture_output=True, text=True, cwd=REPO, env=env)
    assert proc.returncode == 0 and proc.stdout, proc.stderr
    result: dict[str, str | None] = json.loads(proc.stdout)
    return result


def listed(wh: Warehouse) -> set[str]:
    return {str(f) for f in wh.query("SELECT file FROM _manifest").column(0).to_pylist()}


def on_disk(wh: Warehouse) -> set[str]:
    return {p.relative_to(wh.root).as_posix() for p in data_files(wh)}


def the_next_run_works(wh: Warehouse, runs_before: int) -> None:
    with wh.writer() as w:
        commit(w, [page_and_result("/in/after.txt", "满盘之后")])
    assert count(wh, "SELECT count(*) FROM runs") == runs_before + 1
    assert on_disk(wh) == listed(wh)
    assert wh.check().problems == []


@pytest.mark.parametrize(("what", "limit", "fails_at"), [
    ("pages", 20_000, "File too large"),                       # the first Parquet file
    ("pages", 500_000, "File too large"),                      # a later Parquet file, after others were written
    ("rejects", 50_000, "Failed to commit"),                   # DuckDB's WAL, at COMMIT
], ids=["first-parquet", "later-parquet", "wal-at-commit"])
def test_a_run_that_fills_the_disk_before_its_commit_commits_nothing(loaded: Warehouse, what: str, limit: int,
                                                                    fails_at: str) -> None:
    files = on_disk(loaded)
    result = drive(loaded.root, limit, what)
    assert result["error"] is not None and fails_at in str(result["message"])
    assert not str(result["message"]).startswith("committed")
    assert count(loaded, "SELECT count(*) FROM runs") == 2
    assert on_disk(loaded) == files  # its Parquet files are gone already, not left for the next run
    assert not list(loaded.root.glob("data/*/.tmp-*"))
    the_next_run_works(loaded, 2)


def test_a_checkpoint_that_fills_the_disk_after_the_commit_says_committed(loaded: Warehouse) -> None:
    """The database file may not grow (past 55% of its size): the WAL takes the commit, the checkpoint fails.

    55%, not a third: the run's temp file of sorted article_terms runs (``table_files._SortedRuns``, lz4: ~2.8 MB
    of the database's 5.3 MB here) must still fit, as the Parquet files do; the checkpoint writes past ~3 MB."""
    limit = loaded.db_path.stat().st_size * 11 // 20
    result = drive(loaded.root, limit, "pages")
    message = str(result["message"])
    assert result["error"] == "CheckpointFailed"
    assert message.startswith(f"committed run {result['run_id']}; checkpoint failed (")
    assert "the commit stands" in message
    assert count(loaded, "SELECT count(*) FROM runs WHERE run_id = ?", [result["run_id"]]) == 1
    assert on_disk(loaded) == listed(loaded)
    the_next_run_works(loaded, 3)


def test_leftovers_are_swept_before_anything_is_written(loaded: Warehouse) -> None:
    """A writer that cannot write a byte still deletes what a failed run left (it is swept first)."""
    leftovers = [loaded.root / "data" / "articles" / ".tmp-0123abcd.parquet",
                 loaded.root / "data" / "sentences" / "20990101T000000Z-dead00-12345678.parquet",
                 loaded.root / ".banmian.duckdb.init-0badf00d",
                 loaded.root / ".banmian.duckdb.init-0badf00d.wal"]
    for path in leftovers:
        path.write_bytes(b"\0" * 4096)
    result = drive(loaded.root, 1, "open")
    assert result["error"] == "OSError" and "nothing was committed" in str(result["message"])
    assert [p for p in leftovers if p.exists()] == []
    the_next_run_works(loaded, 2)
