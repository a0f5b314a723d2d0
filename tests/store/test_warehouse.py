"""The warehouse as its users see it: runs loaded through ``Warehouse.writer()``, read with ``query``.

Real DuckDB files and real Parquet in tmp_path. The pure rules of what a run
changes are pinned in test_plan.py; commit atomicity, sweeping and compaction
in test_writer.py; the lock in test_lock.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pytest
from tests.support.warehouse_fixtures import (
    PAGES,
    commit,
    count,
    data_files,
    page_and_result,
    rows,
    run_info,
    state_checksum,
)

from banmian.tasks.model import PAGE_META_KEYS, RawFile, Reject
from banmian.tasks.store import schema
from banmian.tasks.store.warehouse import BASE_VIEWS, Warehouse, WarehouseBusy

#: A busy timeout no machine load reaches: readers and writers that must get through.
PATIENT_S = 120.0


# -- loading -------------------------------------------------------------------

def test_a_run_loads_every_table(wh: Warehouse) -> None:
    with wh.writer() as w:
        summary = commit(w, PAGES, rejects=[Reject("/in/x.bin", "binary", "a binary file", 9)])
    n_articles = sum(len(r.articles) for _, r in PAGES)
    assert (summary.pages_loaded, summary.pages_skipped, summary.rejects) == (6, 0, 1)
    assert summary.articles == n_articles and summary.status == "complete"
    assert count(wh, "SELECT count(*) FROM pages") == 6
    assert count(wh, "SELECT count(*) FROM articles") == n_articles
    assert count(wh, "SELECT count(*) FROM blocks") == sum(len(a.blocks) for _, r in PAGES for a in r.articles)
    assert count(wh, "SELECT count(*) FROM residue") == sum(len(r.residue) for _, r in PAGES)
    assert count(wh, "SELECT sum(residue_chars) FROM runs") == summary.residue_chars
    assert count(wh, "SELECT count(*) FROM rejects WHERE reason = 'binary'") == 1
    # paragraphs are rebuilt exactly from their sentences
    assert count(wh, """
        SELECT count(*) FROM blocks b
        WHERE b.kind = 'p' AND b.text <> (SELECT string_agg(s.text, '' ORDER BY s.ordinal)
                                          FROM sentences s WHERE s.block_id = b.block_id)""") == 0
    run = rows(wh, "SELECT * FROM runs")[0]
    assert run["pages_loaded"] == 6 and run["schema_version"] == schema.SCHEMA_VERSION


def test_views_have_the_documented_columns(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:1])
    pages_cols = wh.query("SELECT * FROM pages LIMIT 0").column_names
    assert pages_cols == ["page_id", "source_path", "size", "mtime", "encoding", "n_chars", "visible_chars",
                          "run_id", *PAGE_META_KEYS, *schema.PAGE_DATING_COLUMNS]
    arts = wh.query("SELECT * FROM articles LIMIT 0")
    assert arts.column_names == schema.ARTICLES.names
    assert arts.schema.field("authors").type == pa.list_(pa.string())
    assert "superseded_by_run" in wh.query("SELECT * FROM pages_history LIMIT 0").column_names


def test_empty_warehouse_views_are_typed_and_empty(wh: Warehouse) -> None:
    with wh.writer():
        pass
    for name in BASE_VIEWS:
        assert count(wh, f"SELECT count(*) FROM {name}") == 0
    assert wh.query("SELECT authors FROM articles").schema.field("authors").type == pa.list_(pa.string())


def test_query_before_any_warehouse_says_so(wh: Warehouse) -> None:
    with pytest.raises(FileNotFoundError, match="no warehouse"):
        wh.query("SELECT 1")


def test_identical_content_under_two_names_is_one_page(wh: Warehouse) -> None:
    a = page_and_result("/in/b.txt", "同一版")
    b = page_and_result("/in/a.txt", "同一版")
    with wh.writer() as w:
        summary = commit(w, [a, b])
        assert set(w.known_files()) == {"/in/a.txt", "/in/b.txt"}
    assert summary.pages_loaded == 1 and summary.pages_skipped == 1
    assert rows(wh, "SELECT source_path FROM pages") == [{"source_path": "/in/a.txt"}]
    assert count(wh, "SELECT count(*) FROM page_sources WHERE current") == 2
    assert count(wh, "SELECT count(*) FROM articles") == len(a[1].articles)


def test_changed_content_at_a_path_supersedes_the_old_version(wh: Warehouse) -> None:
    old = page_and_result("/in/p.txt", "旧版")
    new = page_and_result("/in/p.txt", "新版", mtime=1_800_000_000.0)
    with wh.writer() as w:
        first = commit(w, [old])
        second = commit(w, [new])
        assert w.known_files()["/in/p.txt"] == (new[0].size, new[0].mtime, new[0].sha256)
        assert w.loaded_page_ids() == {new[0].sha256}
    assert second.pages_replaced == 1 and second.pages_loaded == 1
    assert rows(wh, "SELECT page_id FROM pages") == [{"page_id": new[0].sha256}]
    for name in ("articles", "blocks", "sentences", "residue"):
        assert count(wh, f"SELECT count(*) FROM {name} WHERE page_id = ?", [old[0].sha256]) == 0
    hist = rows(wh, "SELECT page_id, superseded_by_run FROM pages_history ORDER BY superseded_by_run NULLS LAST")
    assert hist == [{"page_id": old[0].sha256, "superseded_by_run": second.run_id},
                    {"page_id": new[0].sha256, "superseded_by_run": None}]
    assert first.run_id != second.run_id
    # reports only count the current version
    assert count(wh, "SELECT sum(articles) FROM articles_per_page_kind") == len(new[1].articles)
    assert count(wh, "SELECT count(*) FROM page_coverage") == 1
    sources = rows(wh, "SELECT page_id, current FROM page_sources ORDER BY current")
    assert sources == [{"page_id": old[0].sha256, "current": False},
                       {"page_id": new[0].sha256, "current": True}]


def test_old_content_still_held_by_another_path_stays_current(wh: Warehouse) -> None:
    shared_a = page_and_result("/in/a.txt", "共享")
    shared_b = page_and_result("/in/b.txt", "共享")
    changed_a = page_and_result("/in/a.txt", "改过")
    with wh.writer() as w:
        commit(w, [shared_a, shared_b])
        summary = commit(w, [changed_a])
    assert summary.pages_replaced == 0
    assert count(wh, "SELECT count(*) FROM pages") == 2
    assert rows(wh, "SELECT source_path FROM pages WHERE page_id = ?", [shared_b[0].sha256]) == [
        {"source_path": "/in/b.txt"}]


def test_a_known_file_that_is_now_rejected_leaves_the_reports(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:2])
        summary = commit(w, [], unchanged=[RawFile(PAGES[1][0].path, PAGES[1][0].size, PAGES[1][0].mtime)],
                         rejects=[Reject(PAGES[0][0].path, "empty", "the file is now empty", 0)])
    assert summary.pages_replaced == 1
    assert rows(wh, "SELECT source_path FROM pages") == [{"source_path": PAGES[1][0].path}]


def test_a_page_without_articles_is_a_rejects_row_and_stays_current(wh: Warehouse) -> None:
    """``no_articles`` is a warning about a loaded page: stored in rejects, the page stays in every view."""
    page, result = page_and_result("/in/furniture.txt", "只有报头", n_articles=0)
    warning = Reject(page.path, "no_articles", "Page was loaded, but no article was found.", page.size)
    with wh.writer() as w:
        first = w.commit_run(run_info(pages_found=2), [PAGES[0], (page, result)], [], [warning])
        refreshed = w.commit_run(run_info(pages_found=1), [(page, result)], [], [warning], full_refresh=True)
    assert (first.pages_loaded, first.rejects, first.status) == (2, 1, "complete")
    assert (refreshed.pages_skipped, refreshed.rejects, refreshed.status) == (1, 1, "complete")
    assert rows(wh, "SELECT path, reason, size FROM rejects WHERE run_id = ?", [first.run_id]) == [
        {"path": page.path, "reason": "no_articles", "size": page.size}]
    assert rows(wh, "SELECT source_path FROM pages") == [{"source_path": page.path}]  # the refresh forgot PAGES[0]
    assert count(wh, "SELECT count(*) FROM page_sources WHERE current AND path = ?", [page.path]) == 1
    assert rows(wh, "SELECT reason, severity, times FROM rejects_per_reason") == [
        {"reason": "no_articles", "severity": "warning", "times": 2}]


def test_unchanged_files_only_move_last_seen(wh: Warehouse) -> None:
    with wh.writer() as w:
        first = commit(w, PAGES)
        unchanged = [RawFile(p.path, p.size, p.mtime) for p, _ in PAGES]
        second = commit(w, [], unchanged=unchanged + [RawFile("/in/unknown.txt", 1, 1.0)])
    assert (second.pages_loaded, second.pages_skipped) == (0, len(PAGES))
    assert second.status == "partial"  # one found file was neither loaded, skipped nor rejected
    seen = rows(wh, "SELECT DISTINCT first_seen_run, last_seen_run FROM page_sources")
    assert seen == [{"first_seen_run": first.run_id, "last_seen_run": second.run_id}]


def test_partial_runs_are_marked(wh: Warehouse) -> None:
    with wh.writer() as w:
        info = run_info(pages_found=10)
        summary = w.commit_run(info, PAGES[:2], [], [])
    assert summary.status == "partial"
    assert rows(wh, "SELECT status FROM runs") == [{"status": "partial"}]


# -- idempotency ------------------------------------------------------------------
#
# Two runs of the same input leave every table identical except: runs gains a
# row, page_sources.last_seen_run moves to the newer run. Run-id columns are
# left out of the checksums (see warehouse_fixtures.RUN_COLUMNS) and the
# last_seen move is checked separately.

def test_same_input_twice_changes_nothing(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES)
        before = state_checksum(wh)
        files_before = data_files(wh)
        again = commit(w, PAGES)                      # decoded again, no shortcut
        assert state_checksum(wh) == before
        commit(w, [], unchanged=[RawFile(p.path, p.size, p.mtime) for p, _ in PAGES])
        assert state_checksum(wh) == before
        refresh = commit(w, PAGES, full_refresh=True)  # same segmentation: nothing rewritten
        assert state_checksum(wh) == before
    assert again.pages_loaded == 0 and refresh.pages_loaded == 0 and refresh.pages_replaced == 0
    assert data_files(wh) == files_before
    assert count(wh, "SELECT count(*) FROM runs") == 4
    assert count(wh, "SELECT count(DISTINCT last_seen_run) FROM page_sources") == 1


def test_same_input_into_two_warehouses_gives_the_same_tables(tmp_path: Path) -> None:
    one, two = Warehouse(tmp_path / "one"), Warehouse(tmp_path / "two")
    with one.writer() as w:
        commit(w, PAGES[:3])
        commit(w, PAGES[3:])
    with two.writer() as w:
        commit(w, list(reversed(PAGES)))
    assert state_checksum(one) == state_checksum(two)


def test_full_refresh_replaces_everything_with_this_run(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES)
        resegmented = [page_and_result(p.path, p.text, variant=1) for p, _ in PAGES[:4]]
        summary = commit(w, resegmented, full_refresh=True)
    assert summary.pages_loaded == 4 and summary.pages_replaced == 6
    assert count(wh, "SELECT count(*) FROM pages") == 4
    assert count(wh, "SELECT count(*) FROM page_sources WHERE current") == 4
    assert count(wh, "SELECT count(*) FROM articles") == sum(len(r.articles) for _, r in resegmented)
    assert count(wh, "SELECT count(*) FROM pages_history") == 10
    fresh = Warehouse(wh.root.parent / "fresh")
    with fresh.writer() as w:
        commit(w, resegmented)
    names = ("pages", "articles", "blocks", "sentences", "residue", "page_coverage")
    assert state_checksum(wh, names) == state_checksum(fresh, names)


# -- paths and SQL safety ----------------------------------------------------------

def test_root_with_quotes_chinese_and_glob_characters(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path / "报纸 it's [2023]*")
    evil = "/in/'; drop table articles; --.txt"
    with wh.writer() as w:
        commit(w, [page_and_result(evil, "危险的名字")],
               rejects=[Reject("/in/it's bad'.txt", "empty", "it's empty", 0)])
        w.compact()
    assert rows(wh, "SELECT source_path FROM pages") == [{"source_path": evil}]
    assert count(wh, "SELECT count(*) FROM articles") > 0
    assert count(wh, "SELECT count(*) FROM rejects WHERE path = ?", ["/in/it's bad'.txt"]) == 1


def test_a_copied_warehouse_reads_its_own_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Copy the folder, delete the original: the copy answers every query alike, from any directory."""
    original = Warehouse(tmp_path / "original")
    with original.writer() as w:
        commit(w, PAGES[:3])
        commit(w, PAGES[3:])
    before = state_checksum(original)
    shutil.copytree(original.root, tmp_path / "copy")
    shutil.rmtree(original.root)
    monkeypatch.chdir(tmp_path)
    copy = Warehouse(tmp_path / "copy")
    assert state_checksum(copy) == before
    with copy.writer() as w:  # and a run into the copy works
        summary = commit(w, [page_and_result("/in/new.txt", "新的一版")])
    assert summary.pages_loaded == 1 and count(copy, "SELECT count(*) FROM pages") == len(PAGES) + 1


def test_a_copy_never_reads_the_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the original still there, its files turned to garbage, and queries run from inside it."""
    original = Warehouse(tmp_path / "original")
    with original.writer() as w:
        commit(w, PAGES)
    before = state_checksum(original)
    shutil.copytree(original.root, tmp_path / "copy")
    for path in data_files(original):
        path.write_bytes(b"garbage, not Parquet")
    monkeypatch.chdir(original.root)  # where data/... relative to the working directory is the original's
    assert state_checksum(Warehouse(tmp_path / "copy")) == before


def test_a_moved_warehouse_works(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path / "here")
    with wh.writer() as w:
        commit(w, PAGES[:2])
    before = state_checksum(wh)
    (tmp_path / "here").rename(tmp_path / "there")
    moved = Warehouse(tmp_path / "there")
    assert state_checksum(moved) == before
    with moved.writer() as w:
        commit(w, PAGES[2:])
        w.compact()
    assert count(moved, "SELECT count(*) FROM pages") == len(PAGES)
    assert moved.check().problems == []


def test_root_with_a_question_mark_is_refused_clearly(tmp_path: Path) -> None:
    # DuckDB takes "?" in a database path for the start of URI parameters
    with pytest.raises(ValueError, match="cannot contain '\\?'"):
        Warehouse(tmp_path / "why?")


# -- readers and the one writer ----------------------------------------------------

@contextmanager
def database_held(db_path: Path, read_only: bool = False) -> Iterator[Callable[..., None]]:
    """Another process holds the database file open until told to let go.

    Yields ``release(after=seconds)``: the holder closes the database that
    long after being told (at once by default); it also lets go when the
    block ends.
    """
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'ro'); "
         "print('held', flush=True); time.sleep(float(sys.stdin.readline() or 0)); c.close()",
         str(db_path), "ro" if read_only else "rw"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def release(after: float = 0.0) -> None:
        holder.stdin.write(f"{after}\n")
        holder.stdin.flush()

    try:
        assert holder.stdout.readline().strip() == "held"
        yield release
    finally:
        holder.kill()
        holder.wait()
        holder.stdin.close()
        holder.stdout.close()


def test_query_while_another_process_holds_the_database(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:1])
    with database_held(wh.db_path) as release:
        impatient = Warehouse(wh.root, busy_timeout=0.2)
        with pytest.raises(WarehouseBusy, match="try again in a moment"):
            impatient.query("SELECT count(*) FROM pages")
        release(after=0.5)
        # a patient reader gets through once the holder lets go
        assert count(Warehouse(wh.root, busy_timeout=PATIENT_S), "SELECT count(*) FROM pages") == 1


def test_queries_work_inside_a_writer_block(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:2])
        assert count(wh, "SELECT count(*) FROM pages") == 2
        commit(w, PAGES[2:3])
        assert count(wh, "SELECT count(*) FROM pages") == 3


def test_writer_waits_for_a_reader_holding_the_database(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path / "wh", busy_timeout=PATIENT_S)
    with wh.writer() as w:
        commit(w, PAGES[:1])
        with database_held(wh.db_path, read_only=True) as release:
            release(after=0.5)
            summary = commit(w, PAGES[1:2])  # retries until the reader lets go
    assert summary.pages_loaded == 1
    assert count(wh, "SELECT count(*) FROM pages") == 2
