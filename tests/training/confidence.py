"""Learn the confidence model: ``python -m tests.training.confidence [--check | --calibration]`` (part of ``make model``).

The model (``tasks/text/segment/confidence.py``) turns an article's
decision margins and shape into the probability that its body is exactly
right. Examples are the articles segmentation makes of the training pages
(``tests.training.common``, with the committed boundary and join models),
each labelled by whether some gold article has exactly its body.
``--calibration`` segments held-out pages (seeds no training or gate uses)
and prints, per confidence band, how many articles fall in it and how many
of them are exactly right: the table docs/quality.md shows and
tests/gates/test_confidence.py holds.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Final

from banmian.score import body
from banmian.tasks.text.segment import segment_units
from banmian.tasks.text.segment.confidence import (CONFIDENCE_FEATURES, CONFIDENCE_MODEL_FILE, confidence_signals, rate,
                                                   unassigned_share)
from tests.training.common import Example, GoldPage, gold_pages, train_main

#: Articles below this confidence are listed for review (the view articles_to_review). Calibrated with
#: --calibration: articles at 0.9 or more have an exact body at least 95% of the time on held-out pages.
REVIEW_BELOW: Final = 0.9
#: Held-out pages for the calibration table: seeds no training set or gate uses.
CALIBRATION_SETS: Final = (("pagesim", "gate", 200, 13), ("pagegen", "", 200, 8))
#: Confidence bands of the calibration table (lower bounds).
BANDS: Final = (0.0, 0.5, 0.7, 0.9, 0.95)


def exact_bodies(page: GoldPage) -> set[str]:
    """The gold articles' bodies, whitespace removed, as the scorer compares them."""
    return {body(a) for a in page.articles}


def page_examples(page: GoldPage) -> list[Example]:
    """Every article segmentation makes of the page: its signals, and whether its body is exactly a gold one's."""
    pairs, residue, _ = segment_units(page.text)
    articles = [a for _, a in pairs]
    unassigned = unassigned_share(articles, residue)
    gold = exact_bodies(page)
    examples = []
    for unit, article in pairs:
        signals = confidence_signals(unit, article, articles, unassigned)
        examples.append(Example(tuple(signals[f] for f in CONFIDENCE_FEATURES), body(article.to_eval()) in gold))
    return examples


def calibration() -> list[tuple[float, float, int, int]]:
    """Per band: (low, high, articles in it, articles exactly right), on the held-out pages."""
    counts = {low: [0, 0] for low in BANDS}
    for page in gold_pages(CALIBRATION_SETS):
        pairs, residue, _ = segment_units(page.text)
        rate(pairs, residue)
        gold = exact_bodies(page)
        for _, article in pairs:
            low = max(b for b in BANDS if b <= article.confidence)
            counts[low][0] += 1
            counts[low][1] += body(article.to_eval()) in gold
    highs = [*BANDS[1:], 1.0]
    return [(low, high, *counts[low]) for low, high in zip(BANDS, highs)]


def calibration_table() -> str:
    lines = ["| confidence | articles | exact body |", "|---|---:|---:|"]
    for low, high, n, exact in calibration():
        lines.append(f"| {low:.2f}–{high:.2f} | {n} | {exact / n:.1%} |" if n else f"| {low:.2f}–{high:.2f} | 0 | |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--calibration" in args:
        print(calibration_table())
        return 0
    return train_main(args, "tests.training.confidence", page_examples, CONFIDENCE_FEATURES, CONFIDENCE_MODEL_FILE,
                      {"review_below": REVIEW_BELOW})


if __name__ == "__main__":
    sys.exit(main())
