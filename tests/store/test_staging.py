"""Staged batch results: what the batches write and the commit reads back (no Prefect here)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from banmian.tasks.ingest.pages import segment_decoded
from banmian.tasks.model import DecodedPage, RawFile, Reject
from banmian.tasks.store import records
from banmian.tasks.store.staging import (
    ALREADY_LOADED,
    STAGING_DIR,
    clear_staging,
    planning_pages,
    read_staged,
    run_staging_dir,
    stage_pages,
    stage_run,
    stage_skip_ids,
    staged_batches,
)
from tests.support.paths import SAMPLE


def _pages() -> list[DecodedPage]:
    from banmian.tasks.ingest.decode import decode_page

    pages = []
    for path in sorted(SAMPLE.glob("*.txt")):
        page = decode_page(str(path), path.read_bytes(), 1.0)
        assert not isinstance(page, Reject)
        pages.append(page)
    return pages


def test_the_commit_reads_back_what_the_batches_staged_in_page_order(tmp_path: Path) -> None:
    first, second = _pages()
    folder = run_staging_dir(tmp_path, "run-1")
    results = [(first, segment_decoded(first))]
    late = stage_pages(folder, 2, 2, [], [second])
    early = stage_pages(folder, 1, 1, results, [])
    assert (early.pages, early.known, late.pages, late.known) == (1, 0, 0, 1)
    unchanged = [RawFile("old.txt", 3, 1.0)]
    rejects = [Reject("bad.txt", "empty", "Empty file.", 0)]
    staged = stage_run(folder, [late, early], unchanged, rejects)
    assert list(staged_batches(staged)) == [results, [(second, ALREADY_LOADED)]]
    pages, got_unchanged, got_rejects = planning_pages(staged, with_digests=False)
    assert [(page.path, page.sha256, page.text, planned.digest) for page, planned in pages] == [
        (first.path, first.sha256, "", ""), (second.path, second.sha256, "", "")]
    assert (got_unchanged, got_rejects) == (unchanged, rejects)


def test_a_full_refresh_plans_with_the_digests_of_the_staged_results(tmp_path: Path) -> None:
    page = _pages()[0]
    result = segment_decoded(page)
    staged = stage_run(run_staging_dir(tmp_path, "r"), [stage_pages(tmp_path, 1, 1, [(page, result)], [])], [], [])
    (planned, digested), = planning_pages(staged, with_digests=True)[0]
    assert digested.digest == records.result_digest(result) and planned == replace(page, text="", control_chars=())


def test_a_handle_is_small_whatever_the_batch_holds(tmp_path: Path) -> None:
    """What Prefect walks and Dask ships is a path and four numbers, not the pages."""
    page = _pages()[0]
    result = segment_decoded(page)
    pages = [(replace(page, path=f"{i}.txt", text=f"{page.text}{i}"), result) for i in range(200)]
    part = stage_pages(run_staging_dir(tmp_path, "r"), 1, 200, pages, [])
    assert len(repr(part)) < 300 and Path(part.path).stat().st_size > 100 * len(page.text)


def test_a_new_run_clears_what_a_killed_run_staged(tmp_path: Path) -> None:
    killed = run_staging_dir(tmp_path, "killed")
    stage_skip_ids(killed, ["a"])
    folder = run_staging_dir(tmp_path, "next")
    assert not killed.exists() and folder.is_dir()
    assert read_staged(stage_skip_ids(folder, ["b", "b"])) == frozenset({"b"})
    clear_staging(tmp_path)
    assert not (tmp_path / STAGING_DIR).exists()
