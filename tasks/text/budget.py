"""A time budget for segmenting one page, checked at the steps whose work grows with the page.

Decoding already refuses pages over ``MAX_PAGE_LINES`` or ``MAX_PAGE_CHARS``
(``banmian.tasks.ingest.decode``). A page within those limits can still be
laid out so that some step's work grows faster than its lines; the budget
makes sure such a page costs the run a bounded time and becomes a
``too_complex`` reject, and the run goes on with the next page.

The budget is cooperative: segmentation calls :func:`check_budget` between
its stages and once per unit in its per-unit loops. Outside
:func:`page_time_budget` (tests, ``banmian segment`` on one file) the
check does nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Final

#: Seconds one page may take to segment. Real pages take 5–50 ms; 16,000 lines of 4,000 one-paragraph
#: stories (near MAX_PAGE_LINES) took 11 s on a loaded machine: 30 s only stops what would stall a run.
PAGE_TIME_BUDGET_SECONDS: Final = 30.0

#: The clock the budget is measured on (a test may count steps instead of seconds).
clock: Callable[[], float] = time.monotonic

_deadline: ContextVar[float | None] = ContextVar("page_deadline", default=None)


class OverBudget(Exception):
    """Segmenting this page took longer than its budget."""


@contextmanager
def page_time_budget(seconds: float = PAGE_TIME_BUDGET_SECONDS) -> Iterator[None]:
    """Within, :func:`check_budget` raises :class:`OverBudget` once ``seconds`` have passed on :data:`clock`."""
    token = _deadline.set(clock() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def check_budget() -> None:
    """Raise :class:`OverBudget` if the page being segmented has spent its budget (no budget set: return).

    >>> check_budget()  # no budget: nothing to check
    >>> with page_time_budget(-1.0):
    ...     check_budget()
    Traceback (most recent call last):
    ...
    banmian.tasks.text.budget.OverBudget: segmenting the page took more than its time budget
    """
    deadline = _deadline.get()
    if deadline is not None and clock() > deadline:
        raise OverBudget("segmenting the page took more than its time budget")
