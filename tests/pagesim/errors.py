"""Which habit causes which error: ``python -m tests.pagesim.errors OUT [--pred DIR] [--min N]``.

Reads a simulated set (``OUT/gold/NAME.gold.json`` and ``NAME.habits.json``)
and the predictions for it (``OUT/pred/NAME.json``, as ``banmian segment
--out`` writes them), gives every gold article one error class, and prints
a table: per habit the articles it touched and how many of them ended in
each class, worst habits first, then the whole set.

Error classes, the first that applies (``share`` is the part of a gold
body's character 6-grams found in one predicted body):

- ``lost``: no predicted article holds half of it;
- ``merged``: the prediction holding most of it holds half of another gold article too;
- ``split``: no prediction holds 90% of it, and a second one holds a tenth;
- ``body``: held by one prediction, but not exactly (a paragraph or a line too many or too few);
- ``headline``, ``credit``, ``kind``: the body is exact, that field is not;
- ``ok``: all of it right.

It reads only gold, habits and predictions: no page text, so looking at
the table of an unread configuration shows no page.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal, get_args

from banmian.score import body, credits_match, headlines_match

ErrorClass = Literal["lost", "merged", "split", "body", "headline", "credit", "kind", "ok"]
ERROR_CLASSES: Final = get_args(ErrorClass)
#: Length of the character n-grams a body is compared by: long enough that two articles rarely share one.
GRAM: Final = 6
#: A prediction holds a gold article when it has this share of its n-grams.
HOLDS: Final = 0.5
#: A gold article held this fully by one prediction is not split ...
WHOLE: Final = 0.9
#: ... and counts as split when a second prediction holds this much of it.
PIECE: Final = 0.1


def grams(text: str) -> frozenset[str]:
    """The text's character n-grams (the text itself when shorter).

    >>> sorted(grams("一二三四五六七"))
    ['一二三四五六', '二三四五六七']
    """
    if len(text) <= GRAM:
        return frozenset([text]) if text else frozenset()
    return frozenset(text[i:i + GRAM] for i in range(len(text) - GRAM + 1))


def share(gold: frozenset[str], pred: frozenset[str]) -> float:
    """The part of a gold body's n-grams a predicted body has."""
    return len(gold & pred) / len(gold) if gold else 0.0


@dataclass(frozen=True)
class Judged:
    """One gold article, its habits, and its error class."""

    habits: tuple[str, ...]
    error: ErrorClass


def classify(gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]]) -> list[ErrorClass]:
    """The error class of each gold article of one page."""
    gold_grams = [grams(body(a)) for a in gold]
    pred_grams = [grams(body(a)) for a in pred]
    shares = [[share(g, p) for p in pred_grams] for g in gold_grams]
    return [_error_of(i, shares, gold, pred) for i in range(len(gold))]


def _error_of(i: int, shares: list[list[float]], gold: Sequence[dict[str, Any]],
              pred: Sequence[dict[str, Any]]) -> ErrorClass:
    ranked = sorted(range(len(pred)), key=lambda j: -shares[i][j])
    if not ranked or shares[i][ranked[0]] < HOLDS:
        return "lost"
    best = ranked[0]
    if any(shares[k][best] >= HOLDS for k in range(len(gold)) if k != i):
        return "merged"
    if shares[i][best] < WHOLE and len(ranked) > 1 and shares[i][ranked[1]] >= PIECE:
        return "split"
    if body(gold[i]) != body(pred[best]):
        return "body"
    return _field_error(gold[i], pred[best])


def _field_error(gold: dict[str, Any], pred: dict[str, Any]) -> ErrorClass:
    if not headlines_match(gold, pred):
        return "headline"
    if not credits_match(gold, pred):
        return "credit"
    return "ok" if gold.get("kind") == pred.get("kind") else "kind"


def judge_set(out: Path, pred_dir: Path) -> list[Judged]:
    """Every gold article of the set with its habits and error class."""
    judged: list[Judged] = []
    for gold_file in sorted((out / "gold").glob("*.gold.json")):
        name = gold_file.name[: -len(".gold.json")]
        gold = json.loads(gold_file.read_text(encoding="utf-8"))["articles"]
        habits = json.loads((out / "gold" / f"{name}.habits.json").read_text(encoding="utf-8"))["articles"]
        pred_file = pred_dir / f"{name}.json"
        pred = json.loads(pred_file.read_text(encoding="utf-8"))["articles"] if pred_file.exists() else []
        for article, error in zip(habits, classify(gold, pred), strict=True):
            judged.append(Judged(tuple(article["habits"]) or ("(none)",), error))
    return judged


def table(judged: Sequence[Judged], min_articles: int = 20) -> str:
    """Markdown: per habit (touching at least ``min_articles``) its articles and the share in each class."""
    by_habit: dict[str, Counter[ErrorClass]] = defaultdict(Counter)
    for j in judged:
        for habit in j.habits:
            by_habit[habit][j.error] += 1
    overall = Counter(j.error for j in judged)
    rows = sorted(((h, c) for h, c in by_habit.items() if sum(c.values()) >= min_articles),
                  key=lambda hc: hc[1]["ok"] / sum(hc[1].values()))
    head = "| habit | articles | " + " | ".join(ERROR_CLASSES) + " |"
    lines = [head, "|---|---:|" + "---:|" * len(ERROR_CLASSES)]
    for habit, counts in [*rows, ("(all articles)", overall)]:
        n = sum(counts.values())
        cells = " | ".join(f"{counts[e] / n:.0%}" if counts[e] else "" for e in ERROR_CLASSES)
        lines.append(f"| {habit} | {n} | {cells} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.pagesim.errors", description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="a set written by python -m tests.pagesim")
    parser.add_argument("--pred", type=Path, help="predictions (default OUT/pred)")
    parser.add_argument("--min", type=int, default=20, help="leave out habits touching fewer articles (default 20)")
    args = parser.parse_args(argv)
    print(table(judge_set(args.out, args.pred or args.out / "pred"), args.min))
    return 0


if __name__ == "__main__":
    sys.exit(main())
