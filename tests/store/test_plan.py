"""plan_run: what a run changes, decided without files or DuckDB (one test per rule of plan.py)."""

from __future__ import annotations

import copy
from datetime import datetime, timezone

import pytest
from tests.support.warehouse_fixtures import page_and_result

from banmian.tasks.model import DecodedPage, PageResult, RawFile, Reject, RunInfo
from banmian.tasks.store import records
from banmian.tasks.store.plan import Source, WarehouseState, plan_run, run_status

A = page_and_result("/in/a.txt", "甲版")
B = page_and_result("/in/b.txt", "乙版")
A_AT_B = page_and_result("/in/b.txt", "甲版")       # A's content at B's path
A_CHANGED = page_and_result("/in/a.txt", "甲版改")


def loaded(*pages: tuple[DecodedPage, PageResult], run: str = "r0") -> WarehouseState:
    """The state after ``run`` loaded these pages."""
    state = WarehouseState()
    for page, result in pages:
        src = Source(page.path, page.sha256, page.size, page.mtime, run, run, True)
        state.sources[src.key] = src
        state.current_versions[page.sha256] = (run, records.result_digest(result))
    return state


def unchanged(page: DecodedPage) -> RawFile:
    return RawFile(page.path, page.size, page.mtime)


def current(plan_sources: list[Source]) -> dict[str, bool]:
    return {s.path + "@" + s.page_id[:6]: s.current for s in plan_sources}


def test_new_content_is_written_and_its_path_recorded() -> None:
    plan = plan_run(WarehouseState(), [A, B], [], [], "r1")
    assert [p.path for p, _ in plan.write] == ["/in/a.txt", "/in/b.txt"]
    assert [(s.path, s.current, s.first_seen_run, s.last_seen_run) for s in plan.sources] == [
        ("/in/a.txt", True, "r1", "r1"), ("/in/b.txt", True, "r1", "r1")]
    assert (plan.skipped, plan.superseded) == (0, [])


def test_content_already_current_is_not_written_again() -> None:
    plan = plan_run(loaded(A), [A], [], [], "r1")
    assert plan.write == [] and plan.skipped == 1 and plan.superseded == []
    assert [(s.first_seen_run, s.last_seen_run) for s in plan.sources] == [("r0", "r1")]


def test_same_content_twice_in_one_run_is_written_once() -> None:
    plan = plan_run(WarehouseState(), [A, A_AT_B], [], [], "r1")
    assert len(plan.write) == 1 and plan.skipped == 1
    assert current(plan.sources) == {"/in/a.txt@" + A[0].sha256[:6]: True, "/in/b.txt@" + A[0].sha256[:6]: True}


@pytest.mark.parametrize(("variant", "written"), [(0, 0), (1, 1)])
def test_full_refresh_rewrites_only_a_changed_segmentation(variant: int, written: int) -> None:
    resegmented = page_and_result(A[0].path, A[0].text, variant=variant)
    plan = plan_run(loaded(A), [resegmented], [], [], "r1", full_refresh=True)
    assert len(plan.write) == written
    assert plan.superseded == ([(A[0].sha256, "r0")] if written else [])


def test_changed_content_at_a_path_supersedes_the_old_version() -> None:
    plan = plan_run(loaded(A), [A_CHANGED], [], [], "r1")
    assert [p.sha256 for p, _ in plan.write] == [A_CHANGED[0].sha256]
    assert current(plan.sources) == {"/in/a.txt@" + A[0].sha256[:6]: False,
                                     "/in/a.txt@" + A_CHANGED[0].sha256[:6]: True}
    assert plan.superseded == [(A[0].sha256, "r0")]


def test_old_content_still_held_by_another_path_is_not_superseded() -> None:
    plan = plan_run(loaded(A, A_AT_B), [A_CHANGED], [], [], "r1")
    assert plan.superseded == []


def test_unchanged_files_move_last_seen_and_unknown_ones_are_listed() -> None:
    plan = plan_run(loaded(A), [], [unchanged(A[0]), RawFile("/in/new.txt", 3, 1.0)], [], "r1")
    assert [(s.path, s.last_seen_run, s.current) for s in plan.sources] == [("/in/a.txt", "r1", True)]
    assert (plan.skipped, plan.unknown_unchanged) == (1, ["/in/new.txt"])


def test_a_rejected_path_stops_holding_its_page() -> None:
    plan = plan_run(loaded(A, B), [], [unchanged(B[0])], [Reject(A[0].path, "empty", "now empty", 0)], "r1")
    assert current(plan.sources)["/in/a.txt@" + A[0].sha256[:6]] is False
    assert plan.superseded == [(A[0].sha256, "r0")]


def test_a_warning_keeps_its_page_current() -> None:
    warning = Reject(A[0].path, "no_articles", "no article found", A[0].size)
    plan = plan_run(WarehouseState(), [A], [], [warning], "r1")
    assert [(s.path, s.current) for s in plan.sources] == [(A[0].path, True)]


def test_a_reject_at_an_unknown_path_changes_nothing() -> None:
    plan = plan_run(WarehouseState(), [], [], [Reject("/in/x.txt", "empty", "now empty", 0)], "r1")
    assert plan.sources == [] and plan.superseded == []


@pytest.mark.parametrize(("full_refresh", "b_current"), [(False, True), (True, False)])
def test_only_a_full_refresh_forgets_paths_it_did_not_see(full_refresh: bool, b_current: bool) -> None:
    plan = plan_run(loaded(A, B), [A], [], [], "r1", full_refresh=full_refresh)
    touched = current(plan.sources)
    assert touched.get("/in/b.txt@" + B[0].sha256[:6], True) is b_current
    assert plan.superseded == ([] if b_current else [(B[0].sha256, "r0")])


def test_the_plan_leaves_the_state_it_read_alone() -> None:
    state = loaded(A, B)
    before = copy.deepcopy(state)
    plan_run(state, [A_CHANGED, A], [unchanged(B[0])], [Reject(B[0].path, "empty", "now empty", 0)], "r1",
             full_refresh=True)
    assert state == before


def _run(found: int, partial: bool = False) -> RunInfo:
    return RunInfo(run_id="r1", started_at=datetime.now(timezone.utc), source="s", pages_found=found,
                   partial=partial)


@pytest.mark.parametrize(("run", "pages", "unchanged_", "rejects", "status"), [
    (_run(3), 2, 1, 0, "complete"),
    (_run(3), 1, 1, 1, "complete"),
    (_run(3), 1, 1, 0, "partial"),            # one found file unaccounted for
    (_run(2, partial=True), 2, 0, 0, "partial"),  # the orchestration says so
])
def test_run_status(run: RunInfo, pages: int, unchanged_: int, rejects: int, status: str) -> None:
    assert run_status(run, pages, unchanged_, rejects) == status
