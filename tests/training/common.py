"""What the training scripts share: training pages with gold, which gold article a text belongs to, and fitting.

Every model of banmian's segmenter is a logistic weighing of named signals,
learned from generated pages whose gold says which article each paragraph
belongs to: pages of the independent simulator's ``gate`` configuration
(seeds no gate or check uses) and of the page generator (likewise). The
unread configurations are never used. Fits are deterministic (fixed pages, a
convex fit with a deterministic solver), so a committed model file is
exactly what its script writes.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from functools import lru_cache
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from banmian.score import body, squash
from tests.pagegen import write_set as write_pagegen
from tests.pagesim.simulate import write_set as write_pagesim

SEGMENT_DIR: Final = Path(__file__).resolve().parents[2] / "tasks" / "text" / "segment"
#: Training pages: (generator, configuration, pages, seed). Seeds no gate or check set uses.
TRAINING_SETS: Final = (("pagesim", "gate", 200, 11), ("pagesim", "gate", 200, 12), ("pagegen", "", 200, 5), ("pagegen", "", 200, 6))
#: A text belongs to the gold article holding this share of its character 6-grams (else to none).
OWNED_SHARE: Final = 0.6
GRAM: Final = 6
#: Inverse regularisation strength of the fit (scikit-learn's default).
REGULARISATION: Final = 1.0
#: Digits kept in a model file: enough for every decision, few enough that another BLAS build fits the same numbers.
DIGITS: Final = 4


@dataclass(frozen=True)
class Example:
    """One decision's signals, and whether gold says yes."""

    signals: tuple[float, ...]
    yes: bool


@dataclass(frozen=True)
class GoldPage:
    """A training page's text and its gold articles, with each article's body as 6-grams."""

    text: str
    articles: list[dict[str, Any]]
    grams: list[frozenset[str]]

    def owner(self, text: str) -> int | None:
        """The gold article holding ``text`` (None when none holds OWNED_SHARE of it)."""
        mine = grams(text)
        if not mine or not self.grams:
            return None
        best = max(range(len(self.grams)), key=lambda i: len(mine & self.grams[i]))
        return best if len(mine & self.grams[best]) / len(mine) >= OWNED_SHARE else None


def grams(text: str) -> frozenset[str]:
    """A text's character 6-grams, whitespace removed."""
    t = squash(text)
    return frozenset(t[i:i + GRAM] for i in range(max(1, len(t) - GRAM + 1))) if t else frozenset()


def gold_pages(sets: tuple[tuple[str, str, int, int], ...] = TRAINING_SETS) -> Iterator[GoldPage]:
    """Every page of ``sets`` (the training pages by default) with its gold, generated once per process."""
    yield from _generated(sets)


@lru_cache(maxsize=2)
def _generated(sets: tuple[tuple[str, str, int, int], ...]) -> tuple[GoldPage, ...]:
    return tuple(_generate(sets))


def _generate(sets: tuple[tuple[str, str, int, int], ...]) -> Iterator[GoldPage]:
    """The pages of ``sets`` with their gold, generated in a scratch directory."""
    with tempfile.TemporaryDirectory(prefix="banmian-train-") as work:
        for i, (generator, config, pages, seed) in enumerate(sets):
            root = Path(work) / str(i)
            names = write_pagesim(root, config, pages, seed) if generator == "pagesim" \
                else write_pagegen(root, pages, seed, sidecar=False)
            for name in names:
                articles = json.loads((root / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))["articles"]
                text = (root / "pages" / f"{name}.txt").read_text(encoding="utf-8")
                yield GoldPage(text, articles, [grams(body(a)) for a in articles])


def fit(examples: Sequence[Example], features: Sequence[str], about: str, extra: dict[str, Any]) -> dict[str, Any]:
    """A model file's content: weights by feature, intercept, how it was trained, and ``extra`` settings."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    x = [e.signals for e in examples]
    y = [e.yes for e in examples]
    model = LogisticRegression(C=REGULARISATION, solver="lbfgs", max_iter=5000).fit(x, y)
    return {
        "about": about,
        "weights": {f: round(float(w), DIGITS) for f, w in zip(features, model.coef_[0], strict=True)},
        "intercept": round(float(model.intercept_[0]), DIGITS),
        **extra,
        "training": {
            "sets": [f"{g} {c or 'default'} pages={n} seed={s}" for g, c, n, s in TRAINING_SETS],
            "examples": len(examples),
            "positive": sum(y),
            "auc": round(float(roc_auc_score(y, model.predict_proba(x)[:, 1])), 4),
        },
    }


def render(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write_or_check(path: Path, doc: dict[str, Any], check: bool, label: str) -> int:
    """Write the model file, or with ``check`` say whether the committed one is what training gives (exit status)."""
    text = render(doc)
    if check:
        same = path.read_text(encoding="utf-8") == text
        print(f"{label}: up to date" if same else f"{label}: differs from training: run make model")
        return 0 if same else 1
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0


def train_main(argv: Sequence[str] | None, prog: str, of_page: Callable[[GoldPage], list[Example]],
               features: Sequence[str], file: str, threshold: dict[str, float]) -> int:
    """The command line of one model's training: fit it on the training pages and write its file (or ``--check`` it)."""
    parser = argparse.ArgumentParser(prog=f"python -m {prog}", description=f"Learn {file} ({file} beside the code).")
    parser.add_argument("--check", action="store_true", help="fail when the committed model is not what training gives")
    args = parser.parse_args(argv)
    about = f"Weights written by `make model` (python -m {prog}); do not edit."
    doc = fit(examples_from(gold_pages, of_page), features, about, threshold)
    return write_or_check(SEGMENT_DIR / file, doc, args.check, file)


def examples_from(pages: Callable[[], Iterator[GoldPage]], of_page: Callable[[GoldPage], list[Example]]) -> list[Example]:
    """Every example of every training page."""
    found: list[Example] = []
    for page in pages():
        found += of_page(page)
    return found
