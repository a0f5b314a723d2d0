"""Score article segmentations against hand gold: `banmian score GOLD_DIR PRED_DIR [--json]`.

GOLD_DIR holds NAME.gold.json files; PRED_DIR holds NAME.json files of the
same shape, as `banmian segment --out PRED_DIR` writes them:
{"articles": [{"kind", "headline", "subheadline", "byline", "authors",
"photographers", "blocks": [{"kind": "p"|"h", "text"}]}]}.
A missing prediction file scores as a page with no articles; prediction
files without gold are not read.

Bodies are the "p" blocks of an article, compared with all whitespace
removed, so spacing choices do not count; every other character does.
Metrics (higher is better except body_cer):
  article_f1     F1 of gold and predicted articles paired one-to-one when their bodies are >= 80% alike
  exact_body     share of gold articles whose paired body is identical
  body_cer       edit distance of gold bodies to their paired ones / gold body characters (unpaired: all)
  headline_acc   share of gold articles with a headline whose paired headline and subheadline match
  credit_acc     share of gold articles whose paired authors and photographers match (in any order)
  kind_acc       share of gold articles whose paired article has their kind (news, photo, feature)
  crosshead_f1   F1 of crossheads ("h" blocks) matched as sets within each paired article

"Alike" is Levenshtein similarity, 1 - distance / longer length. A share
or F1 with nothing to count (no gold headlines; no crossheads on either
side) is 1.0, an F1 with nothing found 0.0, body_cer without gold text 0.0.
Without --json the output is a line of counts per page and a last line of
all metrics as name=value; with --json, {"total": metrics, "pages":
per-page counts}. Exit code 2, with one line on stderr, for a GOLD_DIR
without gold files, a PRED_DIR that is no directory, or a file that is
not a JSON object with a list of articles.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, Final

Article = dict[str, Any]

#: Two bodies this alike (Levenshtein similarity) are one article: a body that
#: lost or gained a fifth of its text to a neighbour still counts as found.
PAIR_THRESHOLD: Final = 0.8
#: Decimal places of the reported metrics.
DIGITS: Final = 4
GOLD_SUFFIX: Final = ".gold.json"
EXIT_OK, EXIT_USAGE = 0, 2

_WHITESPACE = re.compile(r"\s+")


def pure_python_distance(a: str, b: str) -> int:
    """Levenshtein distance in pure Python: fine for a few pages, slow for hundreds.

    >>> pure_python_distance("春风又绿", "春风绿了")
    2
    """
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@functools.cache
def _fastest_distance() -> Callable[[str, str], int]:
    """rapidfuzz's Levenshtein distance when it is installed (same figures, far faster), else ours.

    Looked up on first use, so that building banmian's parser imports nothing more.
    """
    try:
        from rapidfuzz.distance import Levenshtein
    except ImportError:
        return pure_python_distance
    return Levenshtein.distance


def distance(a: str, b: str) -> int:
    """Levenshtein distance: insertions, deletions and substitutions of one character each cost 1."""
    return _fastest_distance()(a, b)


class ScoreInputError(Exception):
    """A gold or prediction directory or file that cannot be scored; reported in one line."""


# ---------------------------------------------------------------------------
# What is compared
# ---------------------------------------------------------------------------

def squash(text: str | None) -> str:
    """``text`` without any whitespace: how bodies and crossheads are compared.

    >>> squash(" 春 风\\n又绿 ")
    '春风又绿'
    """
    return _WHITESPACE.sub("", text or "")


def fold(text: str | None) -> str:
    """``text`` with whitespace runs as one space and none at the ends: how headlines are compared.

    >>> fold("  春风  又绿\\n江南岸 ")
    '春风 又绿 江南岸'
    """
    return _WHITESPACE.sub(" ", (text or "").strip())


def body(article: Article) -> str:
    """The article's paragraphs ("p" blocks; a block without a kind is one), squashed and joined."""
    return "".join(squash(b.get("text")) for b in article.get("blocks", []) if b.get("kind", "p") == "p")


def crossheads(article: Article) -> set[str]:
    """The article's crossheads ("h" blocks), squashed."""
    return {squash(b.get("text")) for b in article.get("blocks", []) if b.get("kind") == "h"}


def similarity(a: str, b: str) -> float:
    """1 - Levenshtein distance / the longer length; two empty strings are alike.

    >>> similarity("一二三四五", "一二三四六")
    0.8
    >>> similarity("", "")
    1.0
    """
    if not a and not b:
        return 1.0
    return 1.0 - distance(a, b) / max(len(a), len(b))


def has_headline(article: Article) -> bool:
    return bool(article.get("headline") or article.get("subheadline"))


def headlines_match(gold: Article, pred: Article) -> bool:
    return all(fold(pred.get(key)) == fold(gold.get(key)) for key in ("headline", "subheadline"))


def credits_match(gold: Article, pred: Article) -> bool:
    return all(sorted(pred.get(key) or []) == sorted(gold.get(key) or []) for key in ("authors", "photographers"))


# ---------------------------------------------------------------------------
# Pairing and counting
# ---------------------------------------------------------------------------

def _similar_pairs(gold_bodies: Sequence[str], pred_bodies: Sequence[str],
                   threshold: float) -> list[tuple[float, int, int]]:
    """(similarity, gold index, predicted index) of every pair at least ``threshold`` alike."""
    found = []
    for i, g in enumerate(gold_bodies):
        for j, p in enumerate(pred_bodies):
            if min(len(g), len(p)) < threshold * max(len(g), len(p)):
                continue  # too different in length to reach the threshold: skip the edit distance
            s = similarity(g, p)
            if s >= threshold:
                found.append((s, i, j))
    return found


def pair(gold: Sequence[Article], pred: Sequence[Article], threshold: float = PAIR_THRESHOLD) -> dict[int, int]:
    """Gold index -> predicted index, paired one-to-one greedily, most alike first.

    Ties go to the later gold article, then the later prediction.

    >>> pair([{"blocks": [{"text": "一二三四五"}]}], [{"blocks": [{"text": "甲乙"}]}, {"blocks": [{"text": "一二三四六"}]}])
    {0: 1}
    """
    candidates = _similar_pairs([body(a) for a in gold], [body(a) for a in pred], threshold)
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


@dataclass
class Tally:
    """What one page (or a sum of pages) counts; the metrics are ratios of these.

    Per page in ``--json`` output, in this order.
    """

    gold: int = 0           # gold articles
    pred: int = 0           # predicted articles
    paired: int = 0         # gold articles paired with a prediction
    exact: int = 0          # ... whose body is identical
    edits: int = 0          # edit distance of gold bodies to their paired ones (unpaired: their length)
    chars: int = 0          # characters of gold bodies
    with_headline: int = 0  # gold articles with a headline or subheadline
    headline_ok: int = 0    # ... whose paired article's headline and subheadline match
    credit_ok: int = 0      # paired gold articles whose authors and photographers match
    kind_ok: int = 0        # paired gold articles whose kind matches
    h_gold: int = 0         # gold crossheads
    h_pred: int = 0         # predicted crossheads
    h_ok: int = 0           # gold crossheads found in their paired article

    def add(self, other: Tally) -> None:
        """Add ``other``'s counts to these."""
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def _count_gold_article(tally: Tally, gold: Article, pred: Article | None) -> None:
    """Add one gold article and its paired prediction (None when unpaired) to ``tally``."""
    gold_body = body(gold)
    tally.chars += len(gold_body)
    tally.h_gold += len(crossheads(gold))
    tally.with_headline += has_headline(gold)
    if pred is None:
        tally.edits += len(gold_body)
        return
    pred_body = body(pred)
    tally.edits += distance(gold_body, pred_body)
    tally.exact += pred_body == gold_body
    tally.headline_ok += has_headline(gold) and headlines_match(gold, pred)
    tally.credit_ok += credits_match(gold, pred)
    tally.kind_ok += pred.get("kind") == gold.get("kind")
    tally.h_ok += len(crossheads(gold) & crossheads(pred))


def score_page(gold: dict[str, Any], pred: dict[str, Any]) -> Tally:
    """The counts of one page: its gold articles against its predicted ones."""
    gold_articles, pred_articles = gold["articles"], pred["articles"]
    pairs = pair(gold_articles, pred_articles)
    tally = Tally(gold=len(gold_articles), pred=len(pred_articles), paired=len(pairs))
    for i, article in enumerate(gold_articles):
        _count_gold_article(tally, article, pred_articles[pairs[i]] if i in pairs else None)
    tally.h_pred = sum(len(crossheads(a)) for a in pred_articles)
    return tally


# ---------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------

def ratio(part: int | float, whole: int | float) -> float:
    """``part / whole``; 1.0 when there is nothing to count.

    >>> ratio(1, 4), ratio(0, 0)
    (0.25, 1.0)
    """
    return part / whole if whole else 1.0


def f1(found: int, predicted: int, expected: int) -> float:
    """F1 of ``found`` right of ``predicted`` against ``expected``: 1.0 when both are none, 0.0 when none is found.

    >>> round(f1(1, 1, 2), 4), f1(0, 0, 0), f1(0, 3, 3)
    (0.6667, 1.0, 0.0)
    """
    precision, recall = ratio(found, predicted), ratio(found, expected)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def summarize(tallies: Iterable[Tally]) -> dict[str, int | float]:
    """The metrics of a set of pages (see the module docstring), rounded to DIGITS places."""
    total, pages = Tally(), 0
    for tally in tallies:
        total.add(tally)
        pages += 1
    metrics = {
        "article_f1": f1(total.paired, total.pred, total.gold),
        "exact_body": ratio(total.exact, total.gold),
        "body_cer": total.edits / total.chars if total.chars else 0.0,  # no gold text: nothing to get wrong
        "headline_acc": ratio(total.headline_ok, total.with_headline),
        "credit_acc": ratio(total.credit_ok, total.gold),
        "kind_acc": ratio(total.kind_ok, total.gold),
        "crosshead_f1": f1(total.h_ok, total.h_pred, total.h_gold),
    }
    counts = {"pages": pages, "articles_gold": total.gold, "articles_pred": total.pred}
    return counts | {name: round(value, DIGITS) for name, value in metrics.items()}


# ---------------------------------------------------------------------------
# Directories in, report out
# ---------------------------------------------------------------------------

def read_page(path: Path) -> dict[str, Any]:
    """A gold or predicted page: a JSON object with a list of articles."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ScoreInputError(f"{path}: not readable as JSON ({exc})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("articles"), list):
        raise ScoreInputError(f"{path}: not a JSON object with a list of articles")
    return doc


def gold_files(gold_dir: Path) -> list[Path]:
    """The NAME.gold.json files of ``gold_dir``, by name; an error if there are none."""
    files = sorted(gold_dir.glob(f"*{GOLD_SUFFIX}")) if gold_dir.is_dir() else []
    if not files:
        raise ScoreInputError(f"no *{GOLD_SUFFIX} files in {gold_dir}")
    return files


def score_dirs(gold_dir: Path, pred_dir: Path) -> dict[str, Tally]:
    """Page name -> its counts, for every gold page of ``gold_dir`` against ``pred_dir``."""
    if not pred_dir.is_dir():
        raise ScoreInputError(f"{pred_dir} is not a directory")
    pages = {}
    for gold_file in gold_files(gold_dir):
        name = gold_file.name[: -len(GOLD_SUFFIX)]
        pred_file = pred_dir / f"{name}.json"
        pred = read_page(pred_file) if pred_file.exists() else {"articles": []}
        pages[name] = score_page(read_page(gold_file), pred)
    return pages


def report_text(pages: dict[str, Tally]) -> str:
    """A line per page, then one line of all metrics as name=value."""
    lines = [f"{name}: paired {t.paired}/{t.gold} gold, {t.pred} predicted, exact {t.exact}, edits {t.edits}/{t.chars}"
             for name, t in pages.items()]
    lines.append(" ".join(f"{k}={v}" for k, v in summarize(pages.values()).items()))
    return "\n".join(lines)


def report_json(pages: dict[str, Tally]) -> str:
    """{"total": metrics, "pages": {name: counts}} as indented JSON."""
    doc = {"total": summarize(pages.values()), "pages": {name: asdict(t) for name, t in pages.items()}}
    return json.dumps(doc, ensure_ascii=False, indent=1)


# ---------------------------------------------------------------------------
# Command line: `banmian score` and `python -m banmian.score`
# ---------------------------------------------------------------------------

SUMMARY: Final = "score segmentations against hand gold (article_f1, exact_body, body_cer, ...)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``banmian score``, its description the module docstring."""
    parser.description = __doc__
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("gold_dir", metavar="GOLD_DIR", type=Path, help="directory of NAME.gold.json files")
    parser.add_argument("pred_dir", metavar="PRED_DIR", type=Path,
                        help="directory of NAME.json files (`banmian segment --out PRED_DIR`)")
    parser.add_argument("--json", action="store_true", help="print totals and per-page counts as JSON")
    parser.set_defaults(func=run)


def add_command(sub: Any) -> None:
    """Add ``score`` to banmian's subcommands (``sub`` from ``add_subparsers``)."""
    add_arguments(sub.add_parser("score", help=SUMMARY))


def run(args: argparse.Namespace) -> int:
    """Score, print the report, and return the exit code (2 with one line on stderr for bad input)."""
    try:
        pages = score_dirs(args.gold_dir, args.pred_dir)
    except ScoreInputError as exc:
        print(f"banmian score: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(report_json(pages) if args.json else report_text(pages))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m banmian.score GOLD_DIR PRED_DIR [--json]``, the same as ``banmian score``."""
    parser = argparse.ArgumentParser(prog="banmian score")
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
