"""Extraction: the text a PDF-to-text tool emits from a laid-out page.

Only the blocks of ``geometry.Layout`` are seen here, as an extractor sees text boxes: their
positions, type sizes and justification gaps.  The extractor

1. orders the blocks (recursive whitespace cuts, column by column, or region by region);
2. disturbs that order the way real output shows: headline blocks after their bodies, far from
   them, or several stories' heads in a cluster; a trailing credit dropped mid-sentence; two
   columns interleaved or glued line by line;
3. emits lines with a tool's damage: justified lines letterspaced, spaces around numbers, marks
   as ASCII, digits full-width, numbers one digit per line, marks alone or lines in fragments,
   vertical text one character per line, blank lines between blocks and paragraphs.

Every character keeps its tag, so residue and per-habit events come straight from the output.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from .chars import TIGHT_AFTER, TO_ASCII, is_han, to_fullwidth
from .geometry import Block, Layout, PLine
from .habits import PageRates
from .tagged import SPACE, TagTable, TText, spaces

#: A line is justified (and may come out letterspaced) when its gaps exceed this many ems.
JUSTIFIED_GAP: Final = 0.01
_NUM_RE: Final = re.compile(r"[0-9][0-9.%]*")
_ALNUM_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%]*")
_MARKS: Final = "，。、；：？！"
HEAD_KINDS: Final = ("head", "vhead")


@dataclass
class Out:
    """Output lines (None is a blank line) and the habit events on them."""

    lines: list[TText | None] = field(default_factory=list)
    events: list[tuple[str, int]] = field(default_factory=list)  # (habit, index into lines)

    def add(self, line: TText | None, *habits: str) -> None:
        """Append a line; note habits that made it."""
        self.lines.append(line)
        for h in habits:
            self.events.append((h, len(self.lines) - 1))

    def blank(self) -> None:
        """A blank line, unless the last line is blank already."""
        if self.lines and self.lines[-1] is not None:
            self.lines.append(None)


class Extractor:
    """Reads one layout with one page's rates."""

    def __init__(self, layout: Layout, rates: PageRates, tags: TagTable, rng: random.Random):
        self.layout = layout
        self.rates = rates
        self.tags = tags
        self.rng = rng
        self.out = Out()
        self.page_events: list[str] = []

    def fire(self, habit: str) -> bool:
        """One opportunity for a habit."""
        return self.rates.fires(habit, self.rng)

    # --- order -------------------------------------------------------------------------------

    def order(self) -> list[Block]:
        """The blocks in reading order, disturbed by the page's habits."""
        blocks = [b for b in self.layout.blocks if b.lines]
        model = self.rates.pick(["order_xycut", "order_columns", "order_regions"], self.rng)
        self.page_events.append(model)
        if model == "order_xycut":
            seq = xycut(blocks, prefer_vertical=self.rng.random() < 0.6)
        elif model == "order_columns":
            seq = self._by_columns(blocks)
        else:
            seq = self._by_regions(blocks)
        seq = self._heads_after(seq)
        seq = self._heads_far(seq)
        return self._head_cluster(seq)

    def _by_columns(self, blocks: list[Block]) -> list[Block]:
        g = self.layout.grid
        step = g.colw + g.gutter
        return sorted(blocks, key=lambda b: (int(max(0.0, b.box[0]) // step), b.box[1], b.box[0]))

    def _by_regions(self, blocks: list[Block]) -> list[Block]:
        rects = self.layout.rects
        return sorted(blocks, key=lambda b: (rects.get(b.uid, b.box)[1], rects.get(b.uid, b.box)[0], b.bid))

    def _heads_after(self, seq: list[Block]) -> list[Block]:
        for head in [b for b in seq if b.kind in HEAD_KINDS]:
            if not self.fire("head_after_body"):
                continue
            mine = [i for i, b in enumerate(seq) if b.uid == head.uid and b.kind in ("body", "foot", "byline")]
            if mine and max(mine) > seq.index(head):
                seq.remove(head)
                seq.insert(max(mine), head)
                self.page_events.append("head_after_body")
                _mark(head, "head_after_body")
        return seq

    def _heads_far(self, seq: list[Block]) -> list[Block]:
        for head in [b for b in seq if b.kind in HEAD_KINDS]:
            if not self.fire("head_far"):
                continue
            i = seq.index(head)
            j = min(len(seq), i + self.rng.randint(2, 6))
            if j > i + 1:
                seq.remove(head)
                seq.insert(j - 1, head)
                _mark(head, "head_far")
        return seq

    def _head_cluster(self, seq: list[Block]) -> list[Block]:
        heads = [b for b in seq if b.kind == "head"]
        if len(heads) < 3 or not self.fire("head_cluster"):
            return seq
        chosen = self.rng.sample(heads, self.rng.randint(2, min(4, len(heads) - 1)))
        uids = {b.uid for b in chosen}
        rest = [b for b in seq if b not in chosen]
        others = [i for i, b in enumerate(rest) if b.uid not in uids]
        at = self.rng.choice(others) + 1 if others else len(rest)
        for b in chosen:
            _mark(b, "head_cluster")
        return rest[:at] + chosen + rest[at:]

    # --- emitting --------------------------------------------------------------------------------

    def run(self) -> Out:
        """Extract the page."""
        seq = self.order()
        seq = self._credit_mid_sentence(seq)
        i = 0
        while i < len(seq):
            b = seq[i]
            nxt = seq[i + 1] if i + 1 < len(seq) else None
            if nxt is not None and _pair(b, nxt) and self.fire("interleave_columns"):
                self._emit_pair(b, nxt, glue=False)
                i += 2
            elif nxt is not None and _pair(b, nxt) and self.fire("glue_columns"):
                self._emit_pair(b, nxt, glue=True)
                i += 2
            else:
                self._emit_block(b)
                i += 1
            if self.fire("block_blank"):
                self.page_events.append("block_blank")
                self.out.blank()
        return self.out

    def _credit_mid_sentence(self, seq: list[Block]) -> list[Block]:
        """A trailing credit line lands inside the body it closes, between two lines."""
        for foot in [b for b in seq if b.kind == "foot"]:
            credit = [ln for ln in foot.lines if ln.role == "credit"]
            bodies = _bodies_of(seq, foot.uid)
            if credit and bodies and self.fire("credit_mid_sentence"):
                _move_lines(credit, foot, self.rng.choice(bodies), self.rng)
        return [b for b in seq if b.lines]

    def _emit_block(self, b: Block) -> None:
        marks = getattr(b, "marks", [])
        if b.vertical:
            self._emit_vertical(b, marks)
            return
        for k, ln in enumerate(b.lines):
            habits = list(marks) if k == 0 else []
            if ln.role == "credit_mid":
                habits.append("credit_mid_sentence")
            if k and ln.role == "sub" and b.lines[k - 1].role == "head":
                self._maybe_blank("head_blank_between")
            self._emit_line(ln.text, ln.gap, ln.role, habits)
            if k < len(b.lines) - 1:
                self._blank_inside(b, ln.para_end)

    def _maybe_blank(self, habit: str) -> None:
        if self.fire(habit):
            self.page_events.append(habit)
            self.out.blank()

    def _blank_inside(self, b: Block, para_end: bool) -> None:
        """A blank line after a paragraph's last line, or (rarely) anywhere in a column."""
        if para_end and b.kind in ("body", "caption"):
            self._maybe_blank("para_blank")
        elif b.kind == "body":
            self._maybe_blank("random_blank")

    def _emit_vertical(self, b: Block, marks: list[str]) -> None:
        if b.kind == "vhead":
            self._emit_line(TText.join([ln.text for ln in b.lines]), 0.0, "vhead", ["vertical_head", *marks])
            return
        for ln in b.lines:
            self.out.add(ln.text, "vertical_name")
            if self.rng.random() < 0.5:
                self.out.blank()

    def _emit_pair(self, a: Block, b: Block, glue: bool) -> None:
        habit = "glue_columns" if glue else "interleave_columns"
        la, lb = a.lines, b.lines
        for k in range(max(len(la), len(lb))):
            x = la[k] if k < len(la) else None
            y = lb[k] if k < len(lb) else None
            if glue and x is not None and y is not None:
                joined = self._damage_line(x.text, x.gap, x.role) + spaces(self.rng.choice((1, 2))) + \
                    self._damage_line(y.text, y.gap, y.role)
                self.out.add(joined, habit)
                continue
            for ln in (x, y):
                if ln is not None:
                    self._emit_line(ln.text, ln.gap, ln.role, [habit])

    def _emit_line(self, text: TText, gap: float, role: str, habits: list[str]) -> None:
        """Damage one printed line and append what comes out (maybe several lines)."""
        t = self._damage_line(text, gap, role, habits)
        pieces = self._split(t, role, habits)
        for k, p in enumerate(pieces):
            self.out.add(p, *(habits if k == 0 else []))

    def _damage_line(self, t: TText, gap: float, role: str, habits: list[str] | None = None) -> TText:
        habits = habits if habits is not None else []
        spaced = {"p": "letterspaced_line", "caption": "letterspaced_line", "head": "headline_letterspaced",
                  "byline": "byline_letterspaced"}.get(role)
        # body lines come out spaced only where justification stretched them; heads and bylines
        # are set with tracking by some papers whatever their length
        if spaced and (gap > JUSTIFIED_GAP or spaced != "letterspaced_line") and self.fire(spaced):
            t = letterspace(t)
            habits.append(spaced)
        for habit, fn in self._char_habits():
            t2 = fn(t)
            if t2.text != t.text:
                habits.append(habit)
                t = t2
        if role in ("head", "sub", "kicker") and self.fire("head_lead_space"):
            t = spaces() + t
            habits.append("head_lead_space")
        if self.fire("trailing_space"):
            t = t + spaces()
            habits.append("trailing_space")
        return t

    def _char_habits(self) -> list[tuple[str, Callable[[TText], TText]]]:
        r = self.rates.rates
        return [
            ("spaced_numbers", lambda t: space_numbers(t, self.rng, r["spaced_numbers"])),
            ("ascii_punct", lambda t: ascii_marks(t, self.rng, r["ascii_punct"])),
            ("fullwidth_alnum", lambda t: fullwidth_runs(t, self.rng, r["fullwidth_alnum"])),
        ]

    def _split(self, t: TText, role: str, habits: list[str]) -> list[TText]:
        """Line-breaking damage: a number one digit per line, a mark alone, fragments, the date."""
        if role == "date" and self.fire("date_broken"):
            habits.append("date_broken")
            return broken_date(t, self.rng)
        if role not in ("p", "caption"):
            return [t]
        m = _NUM_RE.search(t.text)
        if m and m.end() - m.start() >= 2 and self.fire("digit_per_line"):
            habits.append("digit_per_line")
            return digit_lines(t, m.start(), m.end())
        return self._split_marks(t, habits)

    def _split_marks(self, t: TText, habits: list[str]) -> list[TText]:
        marks = [i for i, ch in enumerate(t.text) if ch in _MARKS or ch in ",:;"]
        if marks and self.fire("punct_alone"):
            habits.append("punct_alone")
            i = self.rng.choice(marks)
            return [p for p in (t[:i].strip(), t[i:i + 1], t[i + 1:].strip()) if p.text]
        if len(marks) >= 2 and self.fire("fragmented_line"):
            habits.append("fragmented_line")
            return fragments(t, marks, self.rng)
        return [t]


def _bodies_of(seq: list[Block], uid: int) -> list[Block]:
    """A unit's body columns long enough to take a line inside."""
    return [b for b in seq if b.uid == uid and b.kind == "body" and len(b.lines) > 2]


def _move_lines(lines: list[PLine], src: Block, dst: Block, rng: random.Random) -> None:
    """Move ``lines`` from ``src`` to between two lines of ``dst``, marked ``credit_mid``."""
    k = rng.randint(1, len(dst.lines) - 1)
    for ln in lines:
        ln.role = "credit_mid"
    dst.lines[k:k] = lines
    src.lines = [ln for ln in src.lines if ln.role != "credit_mid"]


def _mark(b: Block, habit: str) -> None:
    marks: list[str] = getattr(b, "marks", [])
    marks.append(habit)
    setattr(b, "marks", marks)


def _pair(a: Block, b: Block) -> bool:
    """Two adjacent text columns of one story (candidates for interleaving or gluing)."""
    return a.uid == b.uid and a.kind == b.kind == "body" and b.col == a.col + 1 and len(a.lines) > 2


# --- reading order by whitespace cuts ---------------------------------------------------------------

_EPS: Final = 0.05


def xycut(blocks: list[Block], *, prefer_vertical: bool) -> list[Block]:
    """Recursive XY-cut: split at full-height gaps (columns) or full-width gaps (bands), recurse.

    Where no cut exists the rest is read top to bottom, left to right.
    """
    if len(blocks) <= 1:
        return list(blocks)
    for axis in ((0, 1) if prefer_vertical else (1, 0)):
        groups = _cut(blocks, axis)
        if len(groups) > 1:
            return [b for g in groups for b in xycut(g, prefer_vertical=prefer_vertical)]
    return sorted(blocks, key=lambda b: (b.box[1], b.box[0]))


def _cut(blocks: list[Block], axis: int) -> list[list[Block]]:
    items = sorted(blocks, key=lambda b: b.box[axis])
    groups = [[items[0]]]
    reach = items[0].box[axis + 2]
    for b in items[1:]:
        if b.box[axis] >= reach - _EPS:
            groups.append([b])
        else:
            groups[-1].append(b)
        reach = max(reach, b.box[axis + 2])
    return groups


# --- line damage ------------------------------------------------------------------------------------


def letterspace(t: TText) -> TText:
    """Spaces between characters, as a justified line comes out; none after a closing mark or inside
    a number.

    >>> letterspace(TText.of("通过学理论，诵经典2020年", 0)).text
    '通 过 学 理 论 ，诵 经 典 2020 年'
    """
    text, tags = t.text, t.tags
    chars: list[str] = []
    out_tags: list[int] = []
    n = len(text)
    for i in range(n):
        a = text[i]
        chars.append(a)
        out_tags.append(tags[i])
        if i == n - 1:
            break
        b = text[i + 1]
        if a in TIGHT_AFTER or a.isspace() or b.isspace() or (a.isascii() and b.isascii() and a.isalnum()):
            continue
        chars.append(" ")
        out_tags.append(SPACE)
    return TText("".join(chars), tuple(out_tags))


def space_numbers(t: TText, rng: random.Random, p: float) -> TText:
    """Spaces where a number touches Chinese text (``2020 年``), each side with probability ``p``."""
    out = t
    for m in reversed(list(_ALNUM_RE.finditer(t.text))):
        if not any(c.isdigit() for c in m.group(0)):
            continue
        s, e = m.span()
        if e < len(t) and is_han(t.text[e]) and rng.random() < p:
            out = out[:e] + spaces() + out[e:]
        if s > 0 and is_han(t.text[s - 1]) and rng.random() < p:
            out = out[:s] + spaces() + out[s:]
    return out


def ascii_marks(t: TText, rng: random.Random, p: float) -> TText:
    """Some Chinese marks emitted as their ASCII look-alikes (a font's mapping)."""
    if p <= 0 or not any(c in TO_ASCII for c in t.text):
        return t
    chars = [TO_ASCII[c] if c in TO_ASCII and rng.random() < p else c for c in t.text]
    return TText("".join(chars), t.tags)


def fullwidth_runs(t: TText, rng: random.Random, p: float) -> TText:
    """Some digit and Latin runs emitted full-width (``２０１８``)."""
    if p <= 0:
        return t
    text = t.text
    for m in _ALNUM_RE.finditer(t.text):
        if rng.random() < p:
            text = text[:m.start()] + to_fullwidth(m.group(0)) + text[m.end():]
    return TText(text, t.tags)


def digit_lines(t: TText, s: int, e: int) -> list[TText]:
    """``发放5000多份`` -> ``发放`` / ``5`` / ``0`` / ``0`` / ``0多份``.

    >>> [x.text for x in digit_lines(TText.of("发放5000多份", 0), 2, 6)]
    ['发放', '5', '0', '0', '0多份']
    """
    out = [t[:s]] + [t[i:i + 1] for i in range(s, e - 1)] + [t[e - 1:]]
    return [x.strip() for x in out if x.strip().text]


def fragments(t: TText, marks: list[int], rng: random.Random) -> list[TText]:
    """The line cut after some of its marks (``代，`` / ``这是…方位，`` / ``也`` / ``是我们``)."""
    cuts = sorted(rng.sample(marks, rng.randint(1, min(3, len(marks)))))
    out = []
    start = 0
    for c in cuts:
        out.append(t[start:c + 1])
        start = c + 1
    out.append(t[start:])
    if rng.random() < 0.4 and len(out[-1]) > 2:
        last = out.pop()
        out += [last[:1], last[1:]]
    return [x.strip() for x in out if x.strip().text]


def broken_date(t: TText, rng: random.Random) -> list[TText]:
    """``2011.5.24 星期二`` -> ``2`` / ``011.`` / ``5.`` / ``24 星期二`` (pieces at digit boundaries)."""
    text = t.text
    cuts = [1] + [i + 1 for i, ch in enumerate(text) if ch in ".年月" and i + 1 < len(text)]
    cuts = sorted(set(c for c in cuts if 0 < c < len(text)))
    out = []
    start = 0
    for c in cuts:
        if rng.random() < 0.8:
            out.append(t[start:c])
            start = c
    out.append(t[start:])
    return [x.strip() for x in out if x.strip().text]


# --- the whole page ------------------------------------------------------------------------------------


@dataclass
class Extracted:
    """The page text, its residue records and the habit events with their output lines."""

    text: str
    lines: list[TText | None]
    residue: list[dict[str, object]]
    events: list[tuple[str, int]]  # (habit, 1-based line)
    page_events: list[str]


def extract(layout: Layout, rates: PageRates, tags: TagTable, rng: random.Random) -> Extracted:
    """Run the extractor over a layout."""
    ex = Extractor(layout, rates, tags, rng)
    out = ex.run()
    lines = _tidy(out)
    text = "\n".join(ln.text if ln is not None else "" for ln, _ in lines) + "\n\n"
    if ex.fire("form_feed"):
        text += "\f"
        ex.page_events.append("form_feed")
    renum = {old: new for new, (_, old) in enumerate(lines, 1)}
    events = [(h, renum[i]) for h, i in out.events if i in renum]
    return Extracted(text, [ln for ln, _ in lines], residue_records([ln for ln, _ in lines], tags), events,
                     ex.page_events)


def _tidy(out: Out) -> list[tuple[TText | None, int]]:
    """Drop leading, trailing and doubled blank lines; keep each line's index in ``out``."""
    kept: list[tuple[TText | None, int]] = []
    for i, ln in enumerate(out.lines):
        if ln is None or not ln.text.strip():
            if kept and kept[-1][0] is not None:
                kept.append((None, i))
            continue
        kept.append((ln, i))
    while kept and kept[-1][0] is None:
        kept.pop()
    return kept


def residue_records(lines: list[TText | None], tags: TagTable) -> list[dict[str, object]]:
    """Every run of residue characters on a line, with its reason and 1-based line number.

    Extractor spaces join the run they fall in; a gold character ends a run.
    """
    out: list[dict[str, object]] = []
    residue_ids = {i for i, t in enumerate(tags.tags) if t.is_residue}
    for no, ln in enumerate(lines, 1):
        if ln is None or residue_ids.isdisjoint(ln.tags):
            continue
        groups: list[tuple[str | None, list[str]]] = []
        for ch, tg in zip(ln.text, ln.tags):
            if tg == SPACE:
                if groups:
                    groups[-1][1].append(ch)
                continue
            reason = tags[tg].field if tags[tg].is_residue else None
            if groups and groups[-1][0] == reason:
                groups[-1][1].append(ch)
            else:
                groups.append((reason, [ch]))
        for reason, chars in groups:
            text = "".join(chars).strip()
            if reason is not None and text:
                out.append({"text": text, "reason": reason, "line": no})
    return out
