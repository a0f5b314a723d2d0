"""Segmentation's work grows in step with a page's lines (issue 16, row 6): counted, never timed.

The work is the number of Python lines executed (``sys.settrace`` line
events): a pure function of the page, so the ratio cannot flake under load,
and it sees loops inside generator expressions that a call count misses.
Four times the blocks may cost at most ``MAX_RATIO`` times the work; a
quadratic step costs about 16 times. The timing of the same pages at scale
belongs in a benchmark, not here: ``python -m banmian.bench --scaling``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any, Final

import pytest

from banmian.bench import SCALING_SHAPES
from banmian.tasks.text.segment import segment_page

#: Work allowed for 4x the blocks: linear measures 3.9-4.1; the quadratic steps this found measured 9.7-12.
MAX_RATIO: Final = 5.0
SMALL: Final = 250
BIG: Final = 4 * SMALL


def executed_lines(text: str) -> int:
    """How many Python lines segmenting ``text`` executes."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal count
        count += event == "line"
        return tracer

    previous = sys.gettrace()  # a coverage tool's, if any: put back after
    sys.settrace(tracer)
    try:
        segment_page(text)
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize("block", [pytest.param(block, id=name) for name, block in SCALING_SHAPES.items()])
def test_work_grows_linearly_with_the_blocks_of_a_page(block: Callable[[int], str]) -> None:
    small = executed_lines("".join(block(i) for i in range(SMALL)))
    big = executed_lines("".join(block(i) for i in range(BIG)))
    assert big / small <= MAX_RATIO, (small, big)
