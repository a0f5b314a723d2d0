"""A staged commit made in a child process (``writer.run_apart``), the writer keeping the lock: the same
warehouse as a commit in the writer's process, and a kill in the child never tears it (issue 19)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from tests.support.apart_driver import PAGES, commit_apart, staged_run
from tests.support.warehouse_fixtures import CHECKED, commit, page_and_result, run_info, state_checksum

from banmian.tasks.store import schema
from banmian.tasks.store.faults import FAULT_ALONE_ENV, FAULT_ENV
from banmian.tasks.store.warehouse import Warehouse

REPO = Path(__file__).resolve().parents[2]
#: Loaded before the staged run: two of its contents, one of them segmented otherwise.
BEFORE = [page_and_result(f"/in/p{i}.txt", f"第{i}版", variant=i) for i in range(2)]
TABLES = CHECKED + schema.WORD_TABLES


def _before(root: Path) -> Warehouse:
    wh = Warehouse(root)
    with wh.writer() as w:
        commit(w, BEFORE)
    return wh


def _committed(root: Path) -> dict[str, tuple[int, int]]:
    """The state after BEFORE and the staged run, committed in the writer's process."""
    wh = _before(root)
    run = run_info("test", len(PAGES))
    with wh.writer() as w:
        w.commit_staged(run, staged_run(wh.root, PAGES, run.run_id), apart=False)
    return state_checksum(wh, TABLES)


def _files_on_disk(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for t in schema.STORED for p in (root / "data" / t).glob("*") if p.is_file()}


def _assert_whole(wh: Warehouse, expected: dict[str, tuple[int, int]]) -> None:
    """The warehouse shows ``expected``, holds no file its manifest does not list, and checks whole."""
    assert state_checksum(wh, TABLES) == expected
    live = {r["file"] for r in wh.query("SELECT file FROM _manifest").to_pylist()}
    assert _files_on_disk(wh.root) == live
    assert wh.check().problems == []


@pytest.mark.parametrize("full_refresh", [False, True])
def test_a_commit_apart_stores_what_a_commit_in_the_writer_stores(tmp_path: Path, full_refresh: bool) -> None:
    stores = {}
    for apart in (False, True):
        wh = _before(tmp_path / str(apart))
        run = run_info("test", len(PAGES))
        with wh.writer() as w:
            summary = w.commit_staged(run, staged_run(wh.root, PAGES, run.run_id), full_refresh, apart=apart)
            known = w.known_files()  # the writer's state is the child's after its commit
        stores[apart] = (summary.pages_loaded, summary.articles, known, state_checksum(wh, TABLES))
    assert stores[True] == stores[False]


@pytest.mark.parametrize(("fault", "commits"), [
    ("after_parquet_write@1", False), ("after_parquet_write@4", False), ("after_parquet_rename@2", False),
    ("inside_commit@1", False), ("after_commit@1", True)])
def test_a_fault_in_the_child_kills_the_writer_and_never_tears_the_warehouse(tmp_path: Path, fault: str,
                                                                            commits: bool) -> None:
    """A kill at a named point in the child is a power cut: the writer dies too, and the next writer finds
    the warehouse as before the run (or with the run, killed after its COMMIT) and sweeps the child's files."""
    expected = _committed(tmp_path / "reference") if commits else None
    wh = _before(tmp_path / "wh")
    expected = expected or state_checksum(wh, TABLES)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop(FAULT_ENV, None)
    env.pop(FAULT_ALONE_ENV, None)
    done = subprocess.run([sys.executable, "-m", "tests.support.apart_driver", str(wh.root), fault], env=env,
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr[-3000:]
    with wh.writer():
        pass
    _assert_whole(wh, expected)
    if not commits:
        commit_apart(wh.root)  # and the run, made again, commits
        assert state_checksum(wh, TABLES) == _committed(tmp_path / "again")


@pytest.mark.parametrize(("fault", "commits"), [("after_parquet_rename@3", False), ("after_commit@1", True)])
def test_a_child_killed_alone_fails_the_run_and_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               fault: str, commits: bool) -> None:
    """The OOM killer's pick: the child dies, the writer's run fails at once and sweeps what the child wrote
    and did not list (a child killed after its COMMIT has listed it: the run stands)."""
    expected = _committed(tmp_path / "reference") if commits else None
    wh = _before(tmp_path / "wh")
    expected = expected or state_checksum(wh, TABLES)
    monkeypatch.setenv(FAULT_ENV, fault)  # read by the child, at its start
    monkeypatch.setenv(FAULT_ALONE_ENV, "1")
    run = run_info("test", len(PAGES))
    with pytest.raises(BrokenProcessPool), wh.writer() as w:
        w.commit_staged(run, staged_run(wh.root, PAGES, run.run_id), apart=True)
    live = {r["file"] for r in wh.query("SELECT file FROM _manifest").to_pylist()}
    assert _files_on_disk(wh.root) == live  # swept by the writer, before any other opens
    with wh.writer():  # which writes the catalogue copy a child killed after COMMIT had not
        pass
    _assert_whole(wh, expected)
