"""Learn the boundary model's weights: ``python -m tests.training.boundaries [--check]`` (``make model``).

The model (``tasks/text/segment/boundaries.py``) weighs the signals of each
transition between two paragraphs of a unit the page reader made. It is
learned from generated pages whose gold says which article each paragraph
belongs to: pages of the independent simulator's ``gate`` configuration
(seeds other than any scored one) and of the page generator (a seed no gate
uses). The unread configurations are never used. Training is deterministic
(fixed pages, a convex fit with a deterministic solver), so the committed
``boundary_model.json`` is exactly what this writes; ``--check`` fails when
it is not.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from banmian.score import body, squash
from banmian.tasks.text.lines import classify_page
from banmian.tasks.text.segment.boundaries import FEATURES, MODEL_FILE, page_vocabulary, transition_signals, transitions
from banmian.tasks.text.segment.reader import read_units
from tests.pagegen import write_set as write_pagegen
from tests.pagesim.simulate import write_set as write_pagesim

MODEL_PATH: Final = Path(__file__).resolve().parents[2] / "tasks" / "text" / "segment" / MODEL_FILE
#: Training pages: (generator, configuration, pages, seed). Seeds no gate or check set uses.
TRAINING_SETS: Final = (("pagesim", "gate", 200, 11), ("pagesim", "gate", 200, 12), ("pagegen", "", 200, 5))
#: A paragraph belongs to the gold article holding this share of its character 6-grams (else it is not used).
OWNED_SHARE: Final = 0.6
GRAM: Final = 6
#: The probability at which a unit is cut. Calibrated on the dev sets (seeds, wild, pagegen 42/7/11/99,
#: pagesim gate and the unread configurations' scores): 0.3 gains most on gate and both unread sets while
#: pagegen loses at most 0.003 article_f1; 0.5 gains about half as much.
SPLIT_AT: Final = 0.3
#: Inverse regularisation strength of the fit (scikit-learn's default).
REGULARISATION: Final = 1.0
#: Digits kept in the file: enough to reproduce every decision, few enough for a readable diff.
DIGITS: Final = 6


@dataclass(frozen=True)
class Example:
    """One transition: its signals, and whether a new article begins there in gold."""

    signals: tuple[float, ...]
    boundary: bool


def grams(text: str) -> frozenset[str]:
    t = squash(text)
    return frozenset(t[i:i + GRAM] for i in range(max(1, len(t) - GRAM + 1))) if t else frozenset()


def owner(text: str, gold: Sequence[frozenset[str]]) -> int | None:
    """The gold article holding a paragraph's text (None when none holds OWNED_SHARE of it)."""
    mine = grams(text)
    if not mine or not gold:
        return None
    best = max(range(len(gold)), key=lambda i: len(mine & gold[i]))
    return best if len(mine & gold[best]) / len(mine) >= OWNED_SHARE else None


def page_examples(text: str, gold_articles: list[dict]) -> list[Example]:
    """Every transition inside the reader's units whose two paragraphs gold places."""
    gold = [grams(body(a)) for a in gold_articles]
    page = read_units(classify_page(text))
    vocab = page_vocabulary(page)
    examples = []
    for unit in page.units:
        owners = [owner(p.text, gold) for p in unit.paras]
        for k in transitions(unit):
            if owners[k - 1] is None or owners[k] is None:
                continue
            signals = transition_signals(unit, k, vocab)
            examples.append(Example(tuple(signals[f] for f in FEATURES), owners[k - 1] != owners[k]))
    return examples


def set_examples(root: Path, generator: str, config: str, pages: int, seed: int) -> list[Example]:
    """Write one training set under ``root`` and read its examples."""
    if generator == "pagesim":
        names = write_pagesim(root, config, pages, seed)
    else:
        names = write_pagegen(root, pages, seed, sidecar=False)
    examples = []
    for name in names:
        gold = json.loads((root / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))["articles"]
        examples += page_examples((root / "pages" / f"{name}.txt").read_text(encoding="utf-8"), gold)
    return examples


def fit(examples: Sequence[Example]) -> dict:
    """The model file's content: weights by feature, intercept, split_at, and how it was trained."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    x = [e.signals for e in examples]
    y = [e.boundary for e in examples]
    model = LogisticRegression(C=REGULARISATION, solver="lbfgs", max_iter=5000).fit(x, y)
    return {
        "about": "Weights of banmian's boundary model (tasks/text/segment/boundaries.py), "
                 "written by `make model` (python -m tests.training.boundaries); do not edit.",
        "weights": {f: round(float(w), DIGITS) for f, w in zip(FEATURES, model.coef_[0], strict=True)},
        "intercept": round(float(model.intercept_[0]), DIGITS),
        "split_at": SPLIT_AT,
        "training": {
            "sets": [f"{g} {c or 'default'} pages={n} seed={s}" for g, c, n, s in TRAINING_SETS],
            "transitions": len(examples),
            "boundaries": sum(y),
            "auc": round(float(roc_auc_score(y, model.predict_proba(x)[:, 1])), 4),
        },
    }


def train() -> dict:
    with tempfile.TemporaryDirectory(prefix="banmian-train-") as work:
        examples = []
        for i, spec in enumerate(TRAINING_SETS):
            examples += set_examples(Path(work) / str(i), *spec)
    return fit(examples)


def render(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.training.boundaries", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when the committed model is not what training gives")
    args = parser.parse_args(argv)
    text = render(train())
    if args.check:
        same = MODEL_PATH.read_text(encoding="utf-8") == text
        print("boundary model: up to date" if same else "boundary model: differs from training: run make model")
        return 0 if same else 1
    MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
