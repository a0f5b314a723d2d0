"""Learn the join model: ``python -m tests.training.joins [--check]`` (part of ``make model``).

The model (``tasks/text/segment/joins.py``) scores an orphan run against
each text it may join. Examples come from the training pages
(``tests.training.common``) segmented up to the point where orphans are
placed; the orphans are then placed as gold says (each joins the candidate
holding its article, else stands alone), so every later orphan meets the
hosts it would meet on a page segmented right, and every (orphan,
candidate) pair whose two texts gold places is an example: yes when they are
one article.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Final

from banmian.score import squash
from banmian.tasks.text.segment import read_page
from banmian.tasks.text.segment.joins import (JOIN_FEATURES, JOIN_MODEL_FILE, PageContext, heading_text, join_signals,
                                               section_count)
from banmian.tasks.text.segment.logistic import LogisticModel
from banmian.tasks.text.segment.orphans import _Resolution
from banmian.tasks.text.segment.units import Unit
from tests.training.common import Example, GoldPage, train_main

#: The probability at which an orphan joins its best host. Calibrated on the dev sets (seeds, wild,
#: pagegen 42/7/11/99, pagesim gate and the unread configurations' scores).
JOIN_AT: Final = 0.5


def unit_owner(page: GoldPage, unit: Unit) -> int | None:
    """The gold article a unit belongs to: by its text, or, a lead with no text yet, by its heading."""
    if unit.paras:
        return page.owner(unit.body_text())
    heading = squash(heading_text(unit))
    for i, article in enumerate(page.articles):
        if heading and heading == squash(f"{article.get('kicker') or ''}{article.get('headline') or ''}"
                                         f"{article.get('subheadline') or ''}"):
            return i
    return None


class _GoldResolution(_Resolution):
    """Orphans placed as gold says, recording every (orphan, candidate) pair as an example."""

    def __init__(self, page: GoldPage, units: list[Unit], context: PageContext) -> None:
        super().__init__(units, LogisticModel({}, 0.0, 1.0), context)
        self.gold = page
        self.examples: list[Example] = []

    def best_host(self, i: int, unit: Unit) -> tuple[Unit | None, float]:
        mine = unit_owner(self.gold, unit)
        if mine is None:
            return None, 0.0
        right = None
        for candidate in self.candidates(i):
            theirs = unit_owner(self.gold, candidate.host)
            if theirs is None:
                continue
            signals = join_signals(unit, i, candidate, self.page)
            self.examples.append(Example(tuple(signals[f] for f in JOIN_FEATURES), theirs == mine))
            if theirs == mine and right is None:
                right = candidate.host
        return right, 1.0 if right is not None else 0.0


def page_examples(page: GoldPage) -> list[Example]:
    """The (orphan, candidate) pairs of one training page."""
    units, vocab, leftovers = read_page(page.text)
    free_heads = tuple("".join(ln.text for ln in lns) for lns in leftovers)
    resolution = _GoldResolution(page, units.units, PageContext(vocab, section_count(units.units), free_heads))
    for i, unit in enumerate(units.units):
        resolution.place(i, unit)
    return resolution.examples


def main(argv: Sequence[str] | None = None) -> int:
    return train_main(argv, "tests.training.joins", page_examples, JOIN_FEATURES, JOIN_MODEL_FILE, {"join_at": JOIN_AT})


if __name__ == "__main__":
    sys.exit(main())
