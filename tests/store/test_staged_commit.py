"""The commit of staged batches holds one batch at a time and stores what a commit of every page at once stores."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from tests.support.warehouse_fixtures import CHECKED, commit, page_and_result, run_info, state_checksum

from banmian.tasks.model import DecodedPage, PageDating, PageResult
from banmian.tasks.store import records, schema, staging
from banmian.tasks.store.staging import run_staging_dir, stage_pages, stage_run
from banmian.tasks.store.table_files import TableFiles
from banmian.tasks.store.warehouse import Warehouse

PART = 3
#: Seven parts of three pages; the last page holds the same content as the first (at another path).
PAGES = [page_and_result(f"/in/p{i}.txt", f"第{i}版") for i in range(PART * 7 - 1)]
PAGES.append((replace(PAGES[0][0], path="/in/copy.txt"), PAGES[0][1]))
#: The first four pages as loaded before, two of them segmented otherwise (a full refresh rewrites those).
BEFORE = [page_and_result(f"/in/p{i}.txt", f"第{i}版", variant=int(i < 2)) for i in range(4)]


def _staged(root: Path, pages: list[tuple[DecodedPage, PageResult]]):  # noqa: ANN202
    folder = run_staging_dir(root, "run")
    parts = [stage_pages(folder, i + 1, i + PART, pages[i:i + PART], []) for i in range(0, len(pages), PART)]
    return stage_run(folder, reversed(parts), [], [])


def _staged_with_rows(root: Path, pages: list[tuple[DecodedPage, PageResult]], run_id: str):  # noqa: ANN202
    """Parts as the batches stage them: with their rows, made for the run (``BatchResult.staged_in``)."""
    folder = run_staging_dir(root, run_id)
    parts = [stage_pages(folder, i + 1, i + PART, pages[i:i + PART], [],
                         records.page_tables(pages[i:i + PART], run_id), run_id) for i in range(0, len(pages), PART)]
    return stage_run(folder, reversed(parts), [], [])


def _spy_on_page_tables(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pages of each ``records.page_tables`` call from now on (a spy on the real function)."""
    built: list[int] = []
    page_tables = records.page_tables

    def counted(items, run_id):  # noqa: ANN001, ANN202
        items = list(items)
        built.append(len(items))
        return page_tables(items, run_id)

    monkeypatch.setattr(records, "page_tables", counted)
    return built


def _whole_and_before(tmp_path: Path, full_refresh: bool) -> tuple[Warehouse, Warehouse]:
    """A warehouse of BEFORE then PAGES committed whole, and one of BEFORE alone (for PAGES staged)."""
    whole, before = Warehouse(tmp_path / "whole"), Warehouse(tmp_path / "before")
    with whole.writer() as w:
        commit(w, BEFORE)
        commit(w, PAGES, full_refresh=full_refresh)
    with before.writer() as w:
        commit(w, BEFORE)
    return whole, before


def _spy_on_staged_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the staged files read, in order."""
    read: list[str] = []
    real = staging.read_staged

    def spy(path: str | Path) -> object:
        read.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(staging, "read_staged", spy)
    return read


@pytest.mark.parametrize(("full_refresh", "made_again"), [(False, [0, 2, 2]), (True, [2, 2, 2])])
def test_a_commit_writes_the_rows_its_batches_staged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     full_refresh: bool, made_again: list[int]) -> None:
    """Rows are made in the batches; the commit makes them again, of the chosen pages only, for a part the
    plan does not take whole: the first two parts hold contents loaded before (all of them current, or
    two of them unchanged on a full refresh), the last one a copy of the first content. The warehouse is
    the same as after a commit of every page at once, word tables included."""
    whole, staged = _whole_and_before(tmp_path, full_refresh)
    run = run_info("test", len(PAGES))
    parts = _staged_with_rows(tmp_path, PAGES, run.run_id)
    built = _spy_on_page_tables(monkeypatch)
    read = _spy_on_staged_reads(monkeypatch)
    with staged.writer() as w:
        summary = w.commit_staged(run, parts, full_refresh)
    assert built == made_again
    plans = [name for name in read if name.startswith("plan-")]
    assert len(plans) == len(parts.parts) == len(set(plans))  # each part's planning file read once
    assert summary.pages_loaded == (18 if full_refresh else 16)
    tables = CHECKED + schema.WORD_TABLES
    assert state_checksum(staged, tables) == state_checksum(whole, tables)


def test_rows_staged_for_another_run_are_made_again(tmp_path: Path) -> None:
    """A part whose rows carry another run's id is never written as staged."""
    wh = Warehouse(tmp_path / "wh")
    run = run_info("test", len(PAGES))
    with wh.writer() as w:
        w.commit_staged(run, _staged_with_rows(tmp_path, PAGES, "another-run"))
    assert wh.query("SELECT DISTINCT run_id FROM articles").column(0).to_pylist() == [run.run_id]


@pytest.mark.parametrize("full_refresh", [False, True])
def test_a_staged_run_is_turned_into_rows_one_part_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             full_refresh: bool) -> None:
    """Bounded memory: no call builds the rows of more than one part; and the warehouse is the same."""
    whole, streamed = _whole_and_before(tmp_path, full_refresh)
    built = _spy_on_page_tables(monkeypatch)
    with streamed.writer() as w:
        summary = w.commit_staged(run_info("test", len(PAGES)), _staged(tmp_path, PAGES), full_refresh)
    assert len(built) == 7 and max(built) <= PART
    assert sum(built) == summary.pages_loaded == (18 if full_refresh else 16)
    assert state_checksum(streamed) == state_checksum(whole)


def test_a_table_file_holds_less_than_a_row_group(tmp_path: Path) -> None:
    files = TableFiles(tmp_path, "run", row_group_rows=10)
    for page in PAGES:
        files.add(records.page_tables([page], "run"))
        assert max(held for name, held in files.held_rows().items() if name not in schema.CLUSTERED) < 10
    entries = {e.table_name: e for e in files.finish()}
    meta = pq.ParquetFile(tmp_path / entries["pages"].file).metadata
    assert meta.num_rows == len(PAGES) and meta.num_row_groups == 3
    assert [meta.row_group(i).num_rows for i in range(3)] == [10, 10, 1]


def test_a_clustered_table_is_sorted_as_a_stable_sort_would(tmp_path: Path) -> None:
    files = TableFiles(tmp_path, "run")
    for i in range(0, len(PAGES), PART):
        files.add(records.page_tables(PAGES[i:i + PART], "run"))
    (terms,) = [e for e in files.finish() if e.table_name == "article_terms"]
    expected = records.page_tables(PAGES, "run")["article_terms"].sort_by([("term", "ascending")])
    assert pq.read_table(tmp_path / terms.file).equals(expected)
    assert expected.num_rows > 100


def test_a_staged_run_stores_the_dated_copy_of_a_content(tmp_path: Path) -> None:
    """Copies of one content: the first dated one is stored (``plan``), also when planned from staged parts."""
    page, result = PAGES[0]
    dated = replace(result, dating=PageDating(issue_date=date(2023, 8, 25), date_source="path"))
    copies = [(page, result), (replace(page, path="/in/2023-08-25.txt"), dated)]
    wh = Warehouse(tmp_path / "wh")
    with wh.writer() as w:
        w.commit_staged(run_info("test", 2), _staged(tmp_path, copies))
    assert wh.query("SELECT path FROM pages_history").column(0).to_pylist() == ["/in/2023-08-25.txt"]
