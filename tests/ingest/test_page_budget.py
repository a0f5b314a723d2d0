"""The per-page time budget (issue 16, row 6): a page over it is a ``too_complex`` reject, and the batch goes on.

No test here reads a real clock: the budget's clock is replaced by one that
counts the budget checks, so "time" is the number of steps segmentation
took, a pure function of the page.
"""

from __future__ import annotations

import itertools

import pytest

from banmian.tasks import prefect_tasks
from banmian.tasks.model import RawFile
from banmian.tasks.text import budget
from banmian.tasks.text.segment import segment_page
from tests.support.pages import WIRE
from tests.support.paths import SAMPLE

BIG = (SAMPLE / "000_3916712325dadccd.txt").read_text(encoding="utf-8")


@pytest.fixture
def step_clock(monkeypatch: pytest.MonkeyPatch) -> itertools.count[int]:
    """The budget's clock: one tick per reading (the start, then each ``check_budget``)."""
    ticks = itertools.count()
    monkeypatch.setattr(budget, "clock", lambda: float(next(ticks)))
    return ticks


def steps_to_segment(text: str) -> int:
    """How many budget checks segmenting ``text`` makes (never over a budget this large)."""
    ticks = itertools.count()
    saved, budget.clock = budget.clock, lambda: float(next(ticks))
    try:
        with budget.page_time_budget(1e9):
            segment_page(text)
    finally:
        budget.clock = saved
    return next(ticks) - 1


def test_segmentation_checks_its_budget_more_often_on_a_bigger_page() -> None:
    small, big = steps_to_segment(WIRE), steps_to_segment(BIG)
    assert 3 <= small < big  # between stages, then per unit


def test_a_page_over_its_budget_raises_only_inside_a_budget(step_clock: itertools.count[int]) -> None:
    with pytest.raises(budget.OverBudget), budget.page_time_budget(2.0):
        segment_page(BIG)
    assert segment_page(BIG).articles  # no budget set: segmentation runs to the end


def test_a_page_over_budget_is_a_too_complex_reject_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    small, big = steps_to_segment(WIRE), steps_to_segment(BIG)
    monkeypatch.setattr(prefect_tasks, "page_time_budget", lambda: budget.page_time_budget((small + big) / 2))
    ticks = itertools.count()
    monkeypatch.setattr(budget, "clock", lambda: float(next(ticks)))
    items = [(RawFile("/in/big.txt", len(BIG.encode()), 0.0), BIG.encode()),
             (RawFile("/in/wire.txt", len(WIRE.encode()), 0.0), WIRE.encode())]
    out = prefect_tasks.decode_and_segment(items, frozenset())
    assert [(r.path, r.reason) for r in out.rejects] == [("/in/big.txt", "too_complex")]
    assert "PAGE_TIME_BUDGET_SECONDS" in out.rejects[0].detail
    assert [page.path for page, _ in out.pages] == ["/in/wire.txt"]
    assert [(c.path, c.status, c.reason) for c in out.coverage] == [
        ("/in/big.txt", "rejected", "too_complex"), ("/in/wire.txt", "loaded", None)]
