#!/usr/bin/env python3
"""Build the hand gold of the wild 人民日报 pages from line-number spans.

Standard library only. For each page ``tests/gates/wild/<stem>.txt`` and its
``<stem>.spans.json`` (next to this script) it writes ``<stem>.gold.json`` in
the shape of ``tests/gates/gold/seeds/*.gold.json`` and prints, per article, its
headline, body length and the first and last 10 characters of its body. It
stops with an error when a line is used twice, when a field's text does not
match the lines it is said to come from, or when a line range is malformed;
it lists the lines no article uses, each with the reason given in the spans
file (a line left unused without a reason is flagged).

Usage: build.py [--wild DIR] [--out DIR] [STEM ...]   (default: every spans file)

Spans file (1-based, inclusive line numbers of the page file)::

    {"source": "<page>.txt",
     "articles": [{"kind", "headline", "subheadline", "kicker", "byline",
                   "authors", "photographers",
                   "headline_lines", "subheadline_lines", "kicker_lines", "byline_lines",
                   "body": [[a, b], ...],         # reading order
                   "crossheads": [[a, b], ...],   # body entries that are crossheads (h blocks)
                   "skip": [n, ...],              # non-blank lines inside body ranges left out
                   "breaks_after": [n, ...],      # force a paragraph end after line n
                   "joins_after": [n, ...],       # forbid a paragraph end after line n
                   "notes": "..."}],
     "unused": {"n" or "a-b": "why this line is in no article"}}

Text of a paragraph = its lines joined with every whitespace character removed,
full-width digits/Latin letters (and ``．``/``％``/ideographic space) folded to
ASCII as ``banmian.tasks.text.clean.fold_fullwidth_alnum`` does, and ASCII
``, ; : ? ! ( )`` folded to full width as ``banmian.tasks.text.accounting._FOLD``
does (on these pages neither fold changes anything: they hold no such character).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
WILD = HERE.parents[1] / "wild"  # tests/gates/wild: the vendored pages

# Same table as banmian.tasks.text.clean._FULLWIDTH_ALNUM.
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0xFF0E: 0x2E, 0xFF05: 0x25})
# Same table as banmian.tasks.text.accounting._FOLD.
_MARKS = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"})
_WS = re.compile(r"\s+")

SENTENCE_END = "。！？…"
CLOSERS = "”’」』）》"
OPENERS = "“‘「『《"
SHORT_BY = 1.5  # a paragraph's last line is at least this much narrower than the column (units: one Chinese character)
HALF_MARKS = "、，。；：“”‘’《》（）"  # printed about half a character wide once the typesetter compresses them
INDENT = 2.0  # a paragraph's first line is indented by two characters
INDENT_MAX = 3.0  # a first line is at most this much narrower than the column (two-character indent, one mark of slack)
WINDOW = 4  # lines on each side that give the local column width


class SpanError(Exception):
    pass


def squash(text: str) -> str:
    """All whitespace removed (what the scorer compares)."""
    return _WS.sub("", text or "")


def clean(text: str) -> str:
    """Body text as the product stores it: folded, and with no whitespace at all."""
    return squash(text.translate(_FULLWIDTH).translate(_MARKS))


def width(text: str) -> float:
    """Printed width in Chinese characters: ASCII and punctuation marks (set close) half, spaces nothing."""
    s = squash(text)
    return sum(0.5 if ord(c) < 128 or c in HALF_MARKS else 1.0 for c in s)


def ends_sentence(text: str) -> bool:
    s = squash(text).rstrip(CLOSERS)
    return bool(s) and s[-1] in SENTENCE_END


_SPREAD = re.compile(r"[^\x00-\x7f] +[^\x00-\x7f]")


def letterspaced(text: str) -> bool:
    """pdftotext spread the line's characters apart: the typesetter justified it to the full column."""
    return len(_SPREAD.findall(text)) >= 3


def read_page(path: Path) -> list[str]:
    """The page's lines; index 0 is line 1. A form feed line counts as blank."""
    return path.read_text(encoding="utf-8").split("\n")


def expand(rng: list[int], nlines: int) -> list[int]:
    if len(rng) != 2 or rng[0] > rng[1] or rng[0] < 1 or rng[1] > nlines:
        raise SpanError(f"bad range {rng}")
    return list(range(rng[0], rng[1] + 1))


def field_lines_text(lines: list[str], numbers: list[int]) -> str:
    return "".join(squash(lines[n - 1]) for n in numbers)


def check_field(name: str, value: str | None, numbers: list[int], lines: list[str], where: str) -> None:
    """A field's text (whitespace and leading dashes aside) must be exactly its lines' text."""
    got = field_lines_text(lines, numbers).lstrip("—")
    want = squash(value).lstrip("—")
    if got != want:
        raise SpanError(f"{where}: {name} {value!r} does not match lines {numbers} ({got!r})")


def paragraph_ends(seq: list[int], lines: list[str], art: dict) -> set[int]:
    """Line numbers (of the p lines in reading order) after which a paragraph ends.

    A paragraph's last line ends a sentence and is visibly narrower than the
    column around it (its first line is narrower anyway, by its indent), or the
    line after it is indented; an author note starts a paragraph of its own.
    The spans file may force or forbid an end at a line. Paragraph ends do not
    count in scoring; they are only meant to be plausible.
    """
    forced, forbidden = set(art.get("breaks_after", [])), set(art.get("joins_after", []))
    ends: set[int] = set()
    first = True  # the line opens a paragraph (and is indented)
    for k, n in enumerate(seq):
        text = lines[n - 1]
        nxt = lines[seq[k + 1] - 1] if k + 1 < len(seq) else ""
        around = [width(lines[m - 1]) for m in seq[max(0, k - WINDOW): k + WINDOW + 1] if m != n]
        column = max(around, default=0.0)
        # A justified (letterspaced) line is never a paragraph's last line, however narrow.
        short = width(text) <= column - SHORT_BY - (INDENT if first else 0.0) and not letterspaced(text)
        # The next paragraph's first line is indented by two characters (give or take a compressed mark).
        indented = column - INDENT_MAX <= width(nxt) <= column - SHORT_BY and not ends_sentence(nxt)
        # pdftotext cuts a printed line before an opening quote: such a piece continues the same line.
        same_line = squash(nxt)[:1] in OPENERS and width(text) + width(nxt) <= column + 1.0
        if (ends_sentence(text) and (short or indented) and not same_line) or squash(nxt).startswith("（作"):
            ends.add(n)
        if n in forced:
            ends.add(n)
        if n in forbidden:
            ends.discard(n)
        first = n in ends or not squash(text)
    return ends


def build_body(art: dict, lines: list[str], used: Counter, where: str) -> list[dict]:
    nlines = len(lines)
    skip = set(art.get("skip", []))
    heads = [tuple(h) for h in art.get("crossheads", [])]
    body_ranges = [tuple(r) for r in art.get("body", [])]
    for h in heads:
        if h not in body_ranges:
            raise SpanError(f"{where}: crosshead {list(h)} is not a body entry")
    for n in skip:
        if not any(a <= n <= b for a, b in body_ranges):
            raise SpanError(f"{where}: skipped line {n} is in no body range")
    # Segments in reading order: ("h", [lines]) or ("p", [lines]).
    segments: list[tuple[str, list[int]]] = []
    for rng in body_ranges:
        numbers = [n for n in expand(list(rng), nlines) if n not in skip and squash(lines[n - 1])]
        for n in numbers:
            used[n] += 1
        kind = "h" if rng in heads else "p"
        if kind == "p" and segments and segments[-1][0] == "p":
            segments[-1][1].extend(numbers)
        else:
            segments.append((kind, numbers))
    blocks: list[dict] = []
    for kind, numbers in segments:
        if kind == "h":
            blocks.append({"kind": "h", "text": clean("".join(lines[n - 1] for n in numbers))})
            continue
        ends = paragraph_ends(numbers, lines, art)
        current: list[str] = []
        for n in numbers:
            current.append(lines[n - 1])
            if n in ends:
                blocks.append({"kind": "p", "text": clean("".join(current))})
                current = []
        if current:
            blocks.append({"kind": "p", "text": clean("".join(current))})
    return blocks


def parse_unused(spec: dict) -> dict[int, str]:
    out: dict[int, str] = {}
    for key, why in spec.items():
        a, _, b = key.partition("-")
        for n in range(int(a), int(b or a) + 1):
            out[n] = why
    return out


FIELDS = ("headline", "subheadline", "kicker", "byline")


def build_page(stem: str, wild: Path, out: Path) -> tuple[list[dict], list[str]]:
    spans = json.loads((HERE / f"{stem}.spans.json").read_text(encoding="utf-8"))
    lines = read_page(wild / spans["source"])
    used: Counter = Counter()
    articles, report = [], []
    for i, art in enumerate(spans["articles"], 1):
        where = f"{stem} article {i} ({art.get('headline') or art.get('byline')})"
        for field in FIELDS:
            numbers = art.get(f"{field}_lines", [])
            if art.get(field) is None and numbers:
                raise SpanError(f"{where}: {field} lines given but no {field}")
            if art.get(field) is not None:
                check_field(field, art[field], numbers, lines, where)
            for n in numbers:
                used[n] += 1
        blocks = build_body(art, lines, used, where)
        gold = {
            "kind": art["kind"],
            "headline": art.get("headline"),
            "subheadline": art.get("subheadline"),
            "byline": art.get("byline"),
            "authors": art.get("authors", []),
            "photographers": art.get("photographers", []),
            "blocks": blocks,
            "kicker": art.get("kicker"),
        }
        articles.append(gold)
        body = "".join(b["text"] for b in blocks if b["kind"] == "p")
        heads = sum(1 for b in blocks if b["kind"] == "h")
        report.append(f"  [{i}] {art['kind']:7} {gold['headline'] or '(no headline)'}"
                      f"  — {gold['byline'] or ''}\n"
                      f"      {len(body)} chars, {sum(1 for b in blocks if b['kind'] == 'p')} paragraphs,"
                      f" {heads} crossheads: {body[:10]} … {body[-10:]}")
    twice = sorted(n for n, c in used.items() if c > 1)
    if twice:
        raise SpanError(f"{stem}: lines used twice: {twice}")
    reasons = parse_unused(spans.get("unused", {}))
    unused = [n for n in range(1, len(lines) + 1) if squash(lines[n - 1]) and n not in used]
    report.append("  unused lines:")
    unexplained = []
    for n in unused:
        why = reasons.get(n)
        if why is None:
            unexplained.append(n)
        report.append(f"    {n:4} {squash(lines[n - 1])[:30]:32} {why or '!! NO REASON GIVEN'}")
    stale = sorted(n for n in reasons if n in used)
    if stale:
        raise SpanError(f"{stem}: lines given a reason to be unused but used: {stale}")
    # Accounting: every non-whitespace character of the page is in a field, a body or an unused line.
    page_chars = Counter(clean("".join(lines)))
    kept = Counter()
    for gold in articles:
        for field in FIELDS:
            kept.update(squash(gold[field] or "").lstrip("—"))
        for b in gold["blocks"]:
            kept.update(b["text"])
    for n in unused:
        kept.update(clean(lines[n - 1]))
    dashes = Counter(ch for art in spans["articles"] for n in art.get("subheadline_lines", [])
                     for ch in squash(lines[n - 1]) if ch == "—")
    kept.update(dashes)  # a subtitle's dashes are decoration, not part of the subheadline
    if kept != page_chars:
        raise SpanError(f"{stem}: characters lost {page_chars - kept} or invented {kept - page_chars}")
    if unexplained:
        report.append(f"  !! {len(unexplained)} unused lines without a reason: {unexplained}")
    page = {"source": spans["source"], "articles": articles}
    (out / f"{stem}.gold.json").write_text(json.dumps(page, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return articles, report


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wild", type=Path, default=WILD)
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("stems", nargs="*")
    args = ap.parse_args(argv)
    stems = args.stems or sorted(p.name[: -len(".spans.json")] for p in HERE.glob("*.spans.json"))
    failed = 0
    for stem in stems:
        try:
            articles, report = build_page(stem, args.wild, args.out)
        except SpanError as e:
            print(f"ERROR {e}")
            failed += 1
            continue
        print(f"{stem}: {len(articles)} articles")
        print("\n".join(report))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
