"""The writer: a run's commit is all or nothing, unlisted files are swept, compaction keeps every view.

Kills at named points inside the commit are in test_warehouse_kill.py.
"""

from __future__ import annotations

import duckdb
import pytest
from tests.support.warehouse_fixtures import PAGES, commit, count, data_files, page_and_result, run_info, state_checksum

from banmian.tasks.model import Reject
from banmian.tasks.store import schema
from banmian.tasks.store.warehouse import Warehouse, load_report_views


def test_a_failed_commit_changes_nothing_and_deletes_its_files(wh: Warehouse) -> None:
    with wh.writer() as w:
        info = run_info(pages_found=2)
        w.commit_run(info, PAGES[:2], [], [])
        before = state_checksum(wh)
        live = data_files(wh)
        with pytest.raises(duckdb.ConstraintException):
            w.commit_run(info, PAGES[2:], [], [])  # same run_id: the runs insert fails
        assert state_checksum(wh) == before
        assert data_files(wh) == live  # written, then deleted at once: a full disk has its room back
        assert w.loaded_page_ids() == {p.sha256 for p, _ in PAGES[:2]}
        commit(w, PAGES[2:])  # the writer goes on
    assert count(wh, "SELECT count(*) FROM pages") == len(PAGES)


def test_sweep_removes_only_unlisted_parquet(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:1])
    art = wh.root / "data" / "articles"
    (art / "20990101T000000Z-dead00-1234.parquet").write_bytes(b"orphan")
    (art / ".tmp-abc.parquet").write_bytes(b"half written")
    (art / "notes.txt").write_text("not ours")
    with wh.writer():
        pass
    assert not (art / "20990101T000000Z-dead00-1234.parquet").exists()
    assert not (art / ".tmp-abc.parquet").exists()
    assert (art / "notes.txt").exists()
    assert count(wh, "SELECT count(*) FROM articles") == len(PAGES[0][1].articles)


def test_compaction_keeps_every_view_and_drops_dead_rows(wh: Warehouse) -> None:
    with wh.writer() as w:
        for page, _ in PAGES:
            commit(w, [page_and_result(page.path, page.text)])
        commit(w, [page_and_result(PAGES[0][0].path, "改版")])
        names = tuple(schema.STORED) + ("pages_history", "page_sources") + tuple(
            v.name for v in load_report_views())
        names = tuple(n for n in names if n not in ("pages",)) + ("pages",)
        before = state_checksum(wh, names)
        # one file per stored table with live rows (the random text may name no place: no article_places)
        filled = sum(count(wh, f"SELECT count(*) FROM {'pages_history' if name == 'pages' else name}") > 0
                     for name in schema.STORED)
        summary = w.compact()
        assert state_checksum(wh, names) == before
        assert summary.rows_dropped > 0 and summary.files_after == filled
        again = w.compact()
        assert again.files_before == again.files_after and again.rows_dropped == 0
    assert len(data_files(wh)) == filled
    assert count(wh, "SELECT count(*) FROM _manifest") == filled
    assert Warehouse(wh.root).compact().rows_dropped == 0


def test_compaction_prunes_old_rejects(wh: Warehouse) -> None:
    with wh.writer() as w:
        for _ in range(4):
            commit(w, [], rejects=[Reject("/in/bad.txt", "empty", "empty", 0)])
        summary = w.compact(keep_reject_runs=2)
    assert summary.rejects_pruned == 2
    assert count(wh, "SELECT count(*) FROM rejects") == 2


def test_repeating_a_run_does_not_grow_the_warehouse(wh: Warehouse) -> None:
    files, db_sizes = [], []
    with wh.writer() as w:
        commit(w, PAGES)
        first_db = wh.db_path.stat().st_size
        for _ in range(20):
            commit(w, PAGES)
            files.append((len(data_files(wh)), sum(p.stat().st_size for p in data_files(wh))))
            db_sizes.append(wh.db_path.stat().st_size)
    assert len(set(files)) == 1  # no new Parquet at all
    # DuckDB reuses freed blocks: the catalogue file wobbles but does not climb
    assert max(db_sizes) <= 3 * first_db


def test_writer_is_unusable_after_its_block(wh: Warehouse) -> None:
    with wh.writer() as w:
        pass
    with pytest.raises(RuntimeError, match="closed"):
        commit(w, PAGES[:1])
