"""A staged commit whose table files are written in a child process (``writer.write_staged_apart``): the same
warehouse as written in the writer's process, and a kill in the child never tears it (issue 19)."""

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


def _files_on_disk(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for t in schema.STORED for p in (root / "data" / t).glob("*") if p.is_file()}


def _assert_whole(wh: Warehouse, expected: dict[str, tuple[int, int]]) -> None:
    """The warehouse shows ``expected``, holds no file its manifest does not list, and checks whole."""
    assert state_checksum(wh, TABLES) == expected
    live = {r["file"] for r in wh.query("SELECT file FROM _manifest").to_pylist()}
    assert _files_on_disk(wh.root) == live
    assert wh.check().problems == []


@pytest.mark.parametrize("full_refresh", [False, True])
def test_files_written_apart_are_those_written_in_the_writer(tmp_path: Path, full_refresh: bool) -> None:
    stores = {}
    for apart in (False, True):
        wh = _before(tmp_path / str(apart))
        run = run_info("test", len(PAGES))
        with wh.writer() as w:
            summary = w.commit_staged(run, staged_run(wh.root, PAGES, run.run_id), full_refresh, apart=apart)
        stores[apart] = (summary.pages_loaded, summary.articles, state_checksum(wh, TABLES))
    assert stores[True] == stores[False]


@pytest.mark.parametrize("fault", ["after_parquet_write@1", "after_parquet_write@4", "after_parquet_rename@2"])
def test_a_fault_in_the_child_kills_the_writer_and_never_tears_the_warehouse(tmp_path: Path, fault: str) -> None:
    """The named Parquet points are reached in the child alone; a kill there is a power cut: the writer dies
    too, and the next writer finds the warehouse as before the run (and sweeps the child's files)."""
    wh = _before(tmp_path / "wh")
    expected = state_checksum(wh, TABLES)
    env = dict(os.environ, PYTHONPATH=str(REPO), **{FAULT_ENV: fault})
    env.pop(FAULT_ALONE_ENV, None)
    done = subprocess.run([sys.executable, "-m", "tests.support.apart_driver", str(wh.root)], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr[-3000:]
    assert state_checksum(wh, TABLES) == expected
    with wh.writer():
        pass
    _assert_whole(wh, expected)
    commit_apart(wh.root)  # and the run, made again, commits
    assert state_checksum(wh, TABLES) != expected


def test_a_child_killed_alone_fails_the_run_and_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The OOM killer's pick: the child dies, the writer's run fails at once and sweeps what the child wrote."""
    wh = _before(tmp_path / "wh")
    expected = state_checksum(wh, TABLES)
    monkeypatch.setenv(FAULT_ENV, "after_parquet_rename@3")  # read by the child, at its import
    monkeypatch.setenv(FAULT_ALONE_ENV, "1")
    run = run_info("test", len(PAGES))
    with pytest.raises(BrokenProcessPool), wh.writer() as w:
        w.commit_staged(run, staged_run(wh.root, PAGES, run.run_id), apart=True)
    _assert_whole(wh, expected)
