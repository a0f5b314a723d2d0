"""Learn the boundary model: ``python -m tests.training.boundaries [--check]`` (part of ``make model``).

The model (``tasks/text/segment/boundaries.py``) weighs the signals of each
transition between two paragraphs of a unit the page reader made: does a new
article begin there? Examples are those transitions on the training pages
(``tests.training.common``) whose two paragraphs gold places.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Final

from banmian.tasks.text.lines import classify_page
from banmian.tasks.text.segment.boundaries import FEATURES, MODEL_FILE, page_vocabulary, transition_signals, transitions
from banmian.tasks.text.segment.reader import read_units
from tests.training.common import Example, GoldPage, train_main

#: The probability at which a unit is cut. Calibrated on the dev sets (seeds, wild, pagegen 42/7/11/99,
#: pagesim gate and the unread configurations' scores): 0.3 gains most on gate and both unread sets while
#: pagegen loses at most 0.003 article_f1; 0.5 gains about half as much.
SPLIT_AT: Final = 0.3


def page_examples(page: GoldPage) -> list[Example]:
    """Every transition inside the reader's units whose two paragraphs gold places."""
    units = read_units(classify_page(page.text))
    vocab = page_vocabulary(units)
    examples = []
    for unit in units.units:
        owners = [page.owner(p.text) for p in unit.paras]
        for k in transitions(unit):
            if owners[k - 1] is not None and owners[k] is not None:
                signals = transition_signals(unit, k, vocab)
                examples.append(Example(tuple(signals[f] for f in FEATURES), owners[k - 1] != owners[k]))
    return examples


def main(argv: Sequence[str] | None = None) -> int:
    return train_main(argv, "tests.training.boundaries", page_examples, FEATURES, MODEL_FILE, {"split_at": SPLIT_AT})


if __name__ == "__main__":
    sys.exit(main())
