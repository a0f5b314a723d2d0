"""The warehouse, on real DuckDB files and real Parquet in tmp_path."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from tests.support.warehouse_fixtures import commit, page_and_result, run_info, state_checksum

from banmian.tasks.store import schema
from banmian.tasks.model import RawFile, Reject
from banmian.tasks.store.warehouse import (
    BASE_VIEWS,
    SQL_DIR,
    SchemaError,
    Warehouse,
    WarehouseBusy,
    WarehouseState,
    load_report_views,
    plan_run,
)

PAGES = [page_and_result(f"/in/p{i}.txt", f"第{i}版") for i in range(6)]


def count(wh: Warehouse, sql: str, params: list | None = None) -> int:
    return int(wh.query(sql, params).column(0)[0].as_py())


def rows(wh: Warehouse, sql: str, params: list | None = None) -> list[dict]:
    return wh.query(sql, params).to_pylist()


def data_files(wh: Warehouse) -> list[Path]:
    return sorted(p for p in (wh.root / "data").rglob("*") if p.is_file())


@pytest.fixture
def wh(tmp_path: Path) -> Warehouse:
    return Warehouse(tmp_path / "wh")


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
    assert pages_cols[:11] == ["page_id", "source_path", "size", "mtime", "encoding", "n_chars",
                               "run_id", "date", "page_no", "page_name", "editor"]
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

    state = WarehouseState()
    plan = plan_run(state, [(page, result)], [], [warning], "r1")
    assert [(s.path, s.current) for s in plan.sources] == [(page.path, True)]
    hard = plan_run(state, [], [], [Reject(page.path, "empty", "now empty", 0)], "r2")
    assert hard.sources == []  # a real reject at an unknown path: nothing to un-current


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


# -- atomicity, sweeping, retention ---------------------------------------------------

def test_a_failed_commit_changes_nothing_and_its_files_are_swept(wh: Warehouse) -> None:
    with wh.writer() as w:
        info = run_info(pages_found=2)
        w.commit_run(info, PAGES[:2], [], [])
        before = state_checksum(wh)
        live = data_files(wh)
        with pytest.raises(duckdb.ConstraintException):
            w.commit_run(info, PAGES[2:], [], [])  # same run_id: the runs insert fails
        assert state_checksum(wh) == before
        assert len(data_files(wh)) > len(live)       # written, but invisible
        assert w.loaded_page_ids() == {p.sha256 for p, _ in PAGES[:2]}
    with wh.writer():
        assert data_files(wh) == live


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
        summary = w.compact()
        assert state_checksum(wh, names) == before
        assert summary.rows_dropped > 0 and summary.files_after == len(schema.STORED)
        again = w.compact()
        assert again.files_before == again.files_after and again.rows_dropped == 0
    assert len(data_files(wh)) == len(schema.STORED)
    assert count(wh, "SELECT count(*) FROM _manifest") == len(schema.STORED)
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


def test_root_with_a_question_mark_is_refused_clearly(tmp_path: Path) -> None:
    # DuckDB takes "?" in a database path for the start of URI parameters
    with pytest.raises(ValueError, match="cannot contain '\\?'"):
        Warehouse(tmp_path / "why?")


# -- locking and concurrency ---------------------------------------------------------

def test_second_writer_is_refused_or_waits(wh: Warehouse) -> None:
    messages: list[str] = []
    with wh.writer():
        with pytest.raises(WarehouseBusy, match=f"pid {os.getpid()}"):
            with Warehouse(wh.root).writer(wait=False):
                pass
        t0 = time.monotonic()
        with pytest.raises(WarehouseBusy, match="still in use"):
            with Warehouse(wh.root).writer(timeout=0.3, on_wait=messages.append):
                pass
        assert time.monotonic() - t0 >= 0.3
    assert len(messages) == 1 and messages[0].startswith(f"waiting for run pid {os.getpid()}")


def test_waiting_writer_gets_the_lock_when_released(wh: Warehouse) -> None:
    released = threading.Event()
    holder = wh.writer()
    holder.__enter__()

    def release() -> None:
        time.sleep(0.3)
        released.set()
        holder.__exit__(None, None, None)

    threading.Thread(target=release).start()
    messages: list[str] = []
    with Warehouse(wh.root).writer(timeout=10, on_wait=messages.append) as w:
        assert released.is_set()
        commit(w, PAGES[:1])
    assert len(messages) == 1


def test_writer_is_unusable_after_its_block(wh: Warehouse) -> None:
    with wh.writer() as w:
        pass
    with pytest.raises(RuntimeError, match="closed"):
        commit(w, PAGES[:1])


@contextmanager
def database_held(db_path: Path, seconds: float, read_only: bool = False) -> Iterator[None]:
    """Another process holds the database file open for ``seconds`` while the block runs."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=sys.argv[3] == 'ro'); "
         "print('held', flush=True); time.sleep(float(sys.argv[2]))",
         str(db_path), str(seconds), "ro" if read_only else "rw"],
        stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"held"
        yield
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


def test_query_while_another_process_holds_the_database(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:1])
    with database_held(wh.db_path, seconds=1.0):
        impatient = Warehouse(wh.root, busy_timeout=0.2)
        with pytest.raises(WarehouseBusy, match="try again in a moment"):
            impatient.query("SELECT count(*) FROM pages")
        # a patient reader gets through once the holder lets go
        assert count(Warehouse(wh.root, busy_timeout=10), "SELECT count(*) FROM pages") == 1


def test_queries_work_inside_a_writer_block(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:2])
        assert count(wh, "SELECT count(*) FROM pages") == 2
        commit(w, PAGES[2:3])
        assert count(wh, "SELECT count(*) FROM pages") == 3


# -- schema versions ---------------------------------------------------------------

def _set_version(wh: Warehouse, version: int) -> None:
    con = duckdb.connect(str(wh.db_path))
    try:
        con.execute("DELETE FROM schema_version")
        con.execute("INSERT INTO schema_version VALUES (?, now())", [version])
    finally:
        con.close()


def test_older_schema_is_migrated(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:2])
    before = state_checksum(wh)
    _set_version(wh, 0)
    with wh.writer():
        pass
    assert rows(wh, "SELECT version FROM schema_version ORDER BY version") == [
        {"version": 0}, {"version": schema.SCHEMA_VERSION}]
    assert state_checksum(wh) == before


def test_newer_schema_is_refused_with_a_way_out(wh: Warehouse) -> None:
    with wh.writer():
        pass
    _set_version(wh, schema.SCHEMA_VERSION + 1)
    with pytest.raises(SchemaError, match=r"upgrade banmian"):
        with wh.writer():
            pass
    # refusing left the lock free and the warehouse untouched
    _set_version(wh, schema.SCHEMA_VERSION)
    with wh.writer():
        pass


# -- documentation and reporting views ------------------------------------------------

def test_every_relation_and_column_has_a_comment(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:1])
    undocumented = rows(wh, """
        SELECT table_name, column_name FROM duckdb_columns()
        WHERE NOT internal AND schema_name = 'main' AND (comment IS NULL OR comment = '')""")
    assert undocumented == []
    relations = rows(wh, """
        SELECT table_name AS name, comment FROM duckdb_tables() WHERE NOT internal
        UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE NOT internal""")
    assert all(r["comment"] for r in relations), relations
    names = {r["name"] for r in relations}
    assert set(BASE_VIEWS) | {"runs", "rejects", "page_sources", "schema_version"} <= names


def test_report_files_declare_grain_and_read_only_base_views() -> None:
    views = load_report_views()
    assert {"articles_per_page_kind", "output_per_author", "page_coverage", "daily_runs"} <= {
        v.name for v in views}
    base = set(BASE_VIEWS) | {"runs", "rejects"}
    for path in sorted(SQL_DIR.glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("-- grain: one row per"), path.name
        lowered = "\n".join(line for line in text.lower().splitlines()
                            if not line.lstrip().startswith("--"))
        for forbidden in ("read_parquet", "_manifest", "_page_versions", ".parquet", "data/"):
            assert forbidden not in lowered, (path.name, forbidden)
        referenced = set(re.findall(r"\b(?:from|join)\s+([a-z_]+)", lowered))
        ctes = set(re.findall(r"\b([a-z_]+)\s+as\s*\(", lowered))
        assert referenced - ctes <= base, (path.name, referenced - ctes - base)


def test_reporting_views_add_up(wh: Warehouse) -> None:
    shared = [page_and_result(f"/in/r{i}.txt", f"报告{i}", n_articles=4) for i in range(5)]
    with wh.writer() as w:
        commit(w, shared, rejects=[Reject("/in/e.txt", "empty", "empty", 0)])
    n_articles = count(wh, "SELECT count(*) FROM articles")
    assert count(wh, "SELECT sum(articles) FROM articles_per_page_kind") == n_articles
    credited = count(wh, "SELECT sum(len(authors) + len(photographers)) FROM articles")
    assert count(wh, "SELECT sum(articles) FROM output_per_author") == credited
    cov = rows(wh, "SELECT * FROM page_coverage ORDER BY page_id")
    assert len(cov) == 5
    residue = count(wh, "SELECT sum(length(text)) FROM residue")
    assert sum(r["residue_chars"] for r in cov) == residue
    assert all(0.0 < r["article_share"] <= 1.0 for r in cov)
    assert sum(r["body_chars"] for r in cov) == count(wh, "SELECT sum(n_chars) FROM articles")
    day = rows(wh, "SELECT * FROM daily_runs")
    assert len(day) == 1 and day[0]["runs"] == 1 and day[0]["articles"] == n_articles
    assert rows(wh, "SELECT reason, paths FROM rejects_per_reason") == [{"reason": "empty", "paths": 1}]


def test_plan_is_pure_and_explains_decisions() -> None:
    state = WarehouseState()
    page, result = PAGES[0]
    plan = plan_run(state, [(page, result), (page, result)], [], [], "r1")
    assert len(plan.write) == 1 and plan.skipped == 1
    assert state.sources == {}  # the input state is not modified


def test_writer_waits_for_a_reader_holding_the_database(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:1])
        with database_held(wh.db_path, seconds=0.5, read_only=True):
            summary = commit(w, PAGES[1:2])  # retries until the reader lets go
    assert summary.pages_loaded == 1
    assert count(wh, "SELECT count(*) FROM pages") == 2
