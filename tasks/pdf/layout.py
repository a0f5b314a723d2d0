"""The page's layout from its lines: body type, columns, text blocks, and the regions stories fill.

A newspaper page is made up of rectangles: each story a headline over its text columns, a photo
over its caption, furniture at the head and foot. What a PDF keeps of that is where every line
sits and how big it is printed, and this module reads the rectangles back from those two facts:

1. **Type.** The body size is the size most characters are printed at; a line's pitch over its
   size (the leading) is measured on the body text.
2. **Columns.** Justified body lines start and end at the column edges; clustering the lines'
   right ends finds them, and a row of two columns that a mark hanging in the gutter glued
   together is cut there again.
3. **Blocks.** Lines of one size, one column, each the leading's distance under the last, make a
   block: a text column, a headline, a caption.
4. **Regions.** A block hangs under the block or picture right above it when only the space its
   type leaves (plus a little: a crosshead's or a caption's) stands between them, and no rule;
   blocks that start level with a block of a region, a gutter to its right, are further columns
   of it. What hangs together is one region: a story, a photo with its caption, furniture.

Reading order goes down a column, then across, in each region; regions are read top to bottom,
left to right.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from banmian.tasks.pdf.credits import dateline, is_name_shaped
from banmian.tasks.pdf.extract import DEFAULT_SIZE, Box, Glyph, TextLine, gaps_of, make_line
from banmian.tasks.pdf.openings import opens_brief
from banmian.tasks.text.chars import HAN_DIGIT_VALUES, HANGING_MARKS
from banmian.tasks.text.clean import display_width, ends_sentence, join_lines
from banmian.tasks.text.lines import COUPLET_MAX_DIFF, LABEL, line_kind

#: Sizes within this share of the body size are body type (a byline set at 1.05 is not).
BODY_SIZE_SLACK: Final = 0.03
#: A block at least this much larger than body type is display type (headlines, kickers, crossheads).
DISPLAY_MIN: Final = 1.15
#: Leading assumed when a page has too few body lines to measure it (Chinese papers: 1.3-1.5).
DEFAULT_LEADING: Final = 1.4
#: A line goes on with the block above it when the space between them exceeds what its leading leaves
#: by at most this many body ems (type sits at its leading; a crosshead's extra space is 0.6).
BLOCK_EXTRA: Final = 0.3
#: A block hangs under the one above when the extra space is at most this (a caption under its
#: picture or over the text after it stands half an em off; stories are a full line apart).
ATTACH_EXTRA: Final = 0.75
#: A crosshead is set at most this much larger than the body (crossheads 1.1-1.3; headlines 1.6 and up),
#: and stands at most ``CROSSHEAD_EXTRA`` body ems further off its text than its leading (a crosshead
#: drawn twice over itself may keep the room of both copies).
CROSSHEAD_MAX: Final = 1.45
CROSSHEAD_EXTRA: Final = 2.5
#: A block of one indented line reaches this many body ems further left (a paragraph indent, two ems).
INDENT_REACH: Final = 2.2
#: Blocks overlap horizontally when they share this many body ems (or this share of the narrower).
MIN_OVERLAP_EMS: Final = 1.0
MIN_OVERLAP_SHARE: Final = 0.3
#: Two blocks start level when their tops are this close (body ems).
LEVEL_SLACK: Final = 0.4
#: A further column of a region stands at most this far (body ems) right of the region's block.
SIBLING_GAP: Final = 4.0
#: A line ending at its column's right edge and starting this many body ems in is set flush right (a
#: paragraph's last line starts at the left edge, an indented first line two ems in).
FLUSH_RIGHT_IN: Final = 4.0
#: Columns of one story end within this many lines of each other (balanced; a crosshead's space more).
BALANCE_LINES: Final = 2.5
#: A brief's opening (its lead and dateline) is read off this many lines of a column (dev13 0090: a 12-character
#: lead and ``新华社北京1月6日电`` take three lines of a nine-character column).
BRIEF_OPENING_LINES: Final = 4
#: The halves of a couplet set on one line stand at most this many of their ems apart.
COUPLET_GAP: Final = 3.0
#: A column is this many body ems wide at least: lines ending at a shared end nearer their column's left edge are
#: paragraphs' short last lines, not a column (dev 0063: two-character last lines ending where indents start).
COLUMN_MIN: Final = 4.0
#: Column edges: a right end shared by this many body lines (within ``EDGE_SLACK`` body ems).
EDGE_MIN_LINES: Final = 3
EDGE_SLACK: Final = 0.15
#: A gap this wide (body ems) between pieces of one row may be a space inside a line (an ideographic
#: space with the line's justification), not a gutter.
SPACE_JOIN: Final = 1.8
#: A gap this wide (body ems) may be a gutter when the rows around it are white there too (gutters of half
#: an em and more are set; a line's justification spreads its characters a tenth or two apart).
STRIP_MIN_GAP: Final = 0.35
#: Rows above and below a line read for a white strip, and how many lines near it must be white there (two:
#: unread-a f1 0.9142 -> 0.9177 against three, dev, gate and unread-b the same).
STRIP_ROWS: Final = 4.0
STRIP_MIN_LINES: Final = 2
#: A row a pitch from another has its top within this many body ems of one pitch off (rows of one story).
ROW_PITCH_SLACK: Final = 0.25
#: Where the strip is looked for: this many body ems before the glyph after the gap (inside the narrowest gutter).
STRIP_PROBE: Final = 0.15
#: Text under a crosshead reaching this many ems past the column the crosshead stands under is set at
#: another measure (a column's ragged edge and a hanging mark stay within one em).
MEASURE_REACH: Final = 2.0
#: Items may overlap by this many body ems and still stand one above the other (type's em boxes touch
#: where its ink does not); a rule this close to the space between two items stands in it.
TOUCH: Final = 0.2
#: Edges that line up may differ by half an em (indents and gutters are whole ems).
HALF_EM: Final = 0.5
#: Line pitches (tops apart, in ems) that measure leading: set solid (1.0) is none, past 2.2 a gap.
PITCH_MIN: Final = 1.0
PITCH_MAX: Final = 2.2
#: Lines looked at below a body line for the next one of its column (a page has ~50 a column).
NEIGHBOUR_LOOKAHEAD: Final = 60
#: Pieces of one printed line (split at a wide space) have tops this close (body ems): one baseline.
ROW_PIECE_SLACK: Final = 0.1
#: Blocks of one row (a couplet's halves, side-by-side headings) have tops this close (their ems).
ROW_TOP_SLACK: Final = 0.3
#: A block is still open for the next line while that line starts within this many of its ems below it
#: (more than any leading or crosshead space; keeps the search local).
OPEN_BLOCK_REACH: Final = 3.0
#: Two tops this close (points) are the same top: rounding in the PDF's coordinates.
SAME_TOP: Final = 0.1
#: A photo credit set flush right after its caption ends this many body ems from the picture's right edge at
#: most (dev 0076: 0.5, loose glyph boxes of ``/``; a caption line left short ends 6 ems and more in).
CREDIT_EDGE: Final = 1.0

BlockKind = Literal["body", "display", "small", "vertical"]


@dataclass(frozen=True, slots=True)
class Type:
    """The page's body type: its size in points and its line pitch over its size."""

    size: float
    leading: float

    def ratio(self, size: float) -> float:
        return size / self.size


@dataclass(slots=True, eq=False)
class Block:
    """Lines of one size stacked in one column at their leading: a text column, a headline, a caption."""

    lines: list[TextLine]
    kind: BlockKind

    @property
    def x0(self) -> float:
        return min(ln.x0 for ln in self.lines)

    @property
    def x1(self) -> float:
        return max(ln.x1 for ln in self.lines)

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return self.lines[-1].bottom

    @property
    def size(self) -> float:
        return self.lines[0].size

    @property
    def text(self) -> str:
        return "".join(ln.text for ln in self.lines)


Item = Block | Box


@dataclass(slots=True)
class Region:
    """Blocks and pictures that hang together: one story, photo, furniture line ... in reading order."""

    blocks: list[Block]
    pictures: list[Box] = field(default_factory=list)
    parent: dict[int, Item] = field(default_factory=dict)  # id(block) -> what it hangs under

    @property
    def items(self) -> list[Item]:
        """Its blocks and pictures."""
        return [*self.blocks, *self.pictures]

    @property
    def top(self) -> float:
        return min(it.top for it in self.items)

    @property
    def x0(self) -> float:
        return min(it.x0 for it in self.items)

    @property
    def bottom(self) -> float:
        return max(it.bottom for it in self.items)

    @property
    def x1(self) -> float:
        return max(it.x1 for it in self.items)

    def above(self, item: Item) -> Item | None:
        """The block or picture ``item`` hangs under, if any."""
        return self.parent.get(id(item))

    def take(self, other: Region) -> None:
        """``other``'s blocks and pictures become this region's."""
        self.blocks = reading_order(self.blocks + other.blocks)
        self.pictures.extend(other.pictures)
        self.parent.update(other.parent)


# --- type -----------------------------------------------------------------------------------------


def body_type(lines: Sequence[TextLine]) -> Type:
    """The size most glyphs are set at, and the pitch of consecutive lines at that size in one column."""
    counts: Counter[float] = Counter()
    for ln in lines:
        counts[round(ln.size, 1)] += len(ln.glyphs)
    if not counts:
        return Type(DEFAULT_SIZE, DEFAULT_LEADING)
    size = counts.most_common(1)[0][0]
    body = sorted((ln for ln in lines if is_size(ln.size, size) and not ln.vertical), key=lambda ln: ln.top)
    pitches = [_pitch(a, b) for a, b in _column_neighbours(body)]
    pitches = [p for p in pitches if PITCH_MIN < p < PITCH_MAX]
    return Type(size, statistics.median(pitches) if pitches else DEFAULT_LEADING)


def is_size(size: float, body: float) -> bool:
    return abs(size - body) <= BODY_SIZE_SLACK * body


def _pitch(a: TextLine, b: TextLine) -> float:
    return (b.top - a.top) / a.size


def _column_neighbours(lines: list[TextLine]) -> Iterable[tuple[TextLine, TextLine]]:
    """Each body line with the next one below it that starts at its left edge."""
    for i, a in enumerate(lines):
        for b in lines[i + 1:i + NEIGHBOUR_LOOKAHEAD]:
            if b.top > a.top + PITCH_MAX * a.size:
                break
            if b.top > a.top + HALF_EM * a.size and abs(b.x0 - a.x0) < HALF_EM * a.size:
                yield a, b
                break


# --- columns: rows that a hanging mark glued across a gutter ------------------------------------------


def right_edges(lines: Sequence[TextLine], body: Type) -> list[float]:
    """Where justified body lines end: right ends shared by ``EDGE_MIN_LINES`` lines or more."""
    return _shared([ln.x1 for ln in lines if is_size(ln.size, body.size) and not ln.vertical], body)


def left_edges(lines: Sequence[TextLine], body: Type) -> list[float]:
    """Where body lines start: left ends shared by ``EDGE_MIN_LINES`` lines or more (columns and indents)."""
    return _shared([ln.x0 for ln in lines if is_size(ln.size, body.size) and not ln.vertical], body)


def _shared(xs: list[float], body: Type) -> list[float]:
    edges: list[float] = []
    run: list[float] = []
    for x in sorted(xs):
        if run and x - run[0] > EDGE_SLACK * body.size:
            edges.extend([statistics.median(run)] if len(run) >= EDGE_MIN_LINES else [])
            run = []
        run.append(x)
    if len(run) >= EDGE_MIN_LINES:
        edges.append(statistics.median(run))
    return edges


def join_at_spaces(lines: Sequence[TextLine], body: Type) -> list[TextLine]:
    """Pieces of one body line that a wide space cut apart (an ideographic space after a lead) joined again.

    A gap up to ``SPACE_JOIN`` ems between two body lines of a row is a space inside one line
    unless the second starts where column lines start: then it is a gutter, unless a line of the row
    just above or below runs across the gap (no gutter there: a justified line of two characters in a
    narrow runaround spreads them an em apart, the second where indented lines start).
    """
    starts = left_edges(lines, body)
    out: list[TextLine] = []
    for ln in sorted(lines, key=lambda ln: (round(ln.top, 1), ln.x0)):
        prev = out[-1] if out else None
        if prev is not None and _one_line(prev, ln, starts, body, lines):
            out[-1] = make_line([*prev.glyphs, *ln.glyphs])
        else:
            out.append(ln)
    return out


def _one_line(a: TextLine, b: TextLine, starts: list[float], body: Type, lines: Sequence[TextLine]) -> bool:
    if a.vertical or b.vertical or not (is_size(a.size, body.size) and is_size(b.size, body.size)):
        return False
    gap = b.x0 - a.x1
    if abs(a.top - b.top) > ROW_PIECE_SLACK * body.size or not 0 <= gap <= SPACE_JOIN * body.size:
        return False
    at_gutter = any(abs(b.x0 - e) <= EDGE_SLACK * body.size for e in starts) or _white_strip_between(a, b, lines, body)
    return not at_gutter or _crossed(a, b, lines, body)


def _white_strip_between(a: TextLine, b: TextLine, lines: Sequence[TextLine], body: Type) -> bool:
    """The rows set with ``a`` and ``b`` leave the gap between them white, a line of them ending at it and
    one starting after it (at most an indent on): a gutter down columns too short to show their start by
    count (a wide story's intro set in inner columns of two or three lines). Furniture set flush right
    over a line has lines starting past the gap, none ending at it; a mark may hang into a gutter."""
    rows = _rows_set_with(a, b, lines, body)
    middle = (a.x1 + b.x0) / 2
    if any(g.x0 < middle < g.x1 and g.text not in HANGING_MARKS for o in rows for g in o.glyphs):
        return False
    ending = any(a.x1 - body.size <= o.x1 <= b.x0 for o in rows)
    return ending and any(a.x1 <= o.x0 <= b.x0 + INDENT_REACH * body.size for o in rows)


def _rows_set_with(a: TextLine, b: TextLine, lines: Sequence[TextLine], body: Type) -> list[TextLine]:
    """Body lines of the rows above and below the row of ``a`` and ``b``, up to ``STRIP_ROWS`` each way, each a
    pitch from the last and reaching over them: the text set with them (a story below, further off, is not)."""
    pitch = body.size * body.leading
    body_lines = [o for o in lines if is_size(o.size, body.size) and not o.vertical and o.x0 < b.x1 and o.x1 > a.x0]
    out: list[TextLine] = []
    for step in (-pitch, pitch):
        for k in range(1, int(STRIP_ROWS) + 1):
            row = [o for o in body_lines if abs(o.top - (b.top + k * step)) <= ROW_PITCH_SLACK * body.size]
            if not row:
                break
            out.extend(row)
    return out


def _crossed(a: TextLine, b: TextLine, lines: Sequence[TextLine], body: Type) -> bool:
    """A body line of the row just above or below ``a`` runs across the gap between ``a`` and ``b``, half an em
    into both (a line set a little overfull reaches past its column's edge, not half an em into the next)."""
    pitch, reach = body.size * body.leading, HALF_EM * body.size
    return any(abs(abs(o.top - a.top) - pitch) <= ROW_PIECE_SLACK * body.size and o.x0 <= a.x1 - reach
               and o.x1 >= b.x0 + reach and is_size(o.size, body.size) and not o.vertical for o in lines)


def split_at_white_strips(lines: Sequence[TextLine], body: Type) -> list[TextLine]:
    """Body lines cut at a gap that the lines above and below leave white too: a gutter narrower than a line's
    widest gap (half an em), which ``extract`` cannot tell from a space inside a line.

    A gap of ``STRIP_MIN_GAP`` ems or more, wider than the line's other gaps, is a gutter when
    ``STRIP_MIN_LINES`` body lines of the rows near it run across its middle and none has ink there: in
    set text a space inside one line never stands over another's (justification spreads each line its
    own way), a gutter runs down the whole column.
    """
    body_lines = sorted((ln for ln in lines if is_size(ln.size, body.size) and not ln.vertical), key=lambda ln: ln.top)
    out: list[TextLine] = []
    for ln in lines:
        cuts = _strip_cuts(ln, body_lines, body) if is_size(ln.size, body.size) and not ln.vertical else []
        bounds = [0, *cuts, len(ln.glyphs)]
        out.extend([ln] if not cuts else [make_line(ln.glyphs[a:b]) for a, b in zip(bounds, bounds[1:])])
    return out


def _strip_cuts(ln: TextLine, body_lines: list[TextLine], body: Type) -> list[int]:
    """Where ``ln``'s gaps stand on a white strip down its neighbours (``split_at_white_strips``)."""
    gaps = gaps_of(ln.glyphs, ink=False)  # a mark's em whole: half an em after each comma is no gap
    wide = [i for i, gap in enumerate(gaps, 1) if gap >= STRIP_MIN_GAP * body.size]
    if not wide:
        return []
    usual = statistics.median(gaps)
    reach = STRIP_ROWS * body.size * body.leading
    near = [o for o in body_lines if o is not ln and abs(o.top - ln.top) <= reach]
    return [i for i in wide if gaps[i - 1] >= usual + STRIP_MIN_GAP * body.size
            and _white_down(ln.glyphs[i].x0 - STRIP_PROBE * body.size, near, body)]


def _white_down(x: float, near: list[TextLine], body: Type) -> bool:
    """Lines reach within an em of ``x`` (across it, or ending or starting beside it), ``STRIP_MIN_LINES`` or
    more, and none has ink there. ``x`` stands just before the glyph after the gap: a paragraph's short last
    line leaves a gap that starts inside its column."""
    around = [o for o in near if o.x0 < x + body.size and o.x1 > x - body.size]
    return len(around) >= STRIP_MIN_LINES and not any(g.x0 < x < g.x1 for o in around for g in o.glyphs)


def split_at_gutters(lines: Sequence[TextLine], body: Type) -> list[TextLine]:
    """Lines cut after a mark that hangs past a column's right edge when the next glyph is past the gutter.

    A closing mark may hang in the gutter; when the gutter is narrow, the next column's line
    starts closer to it than a line's own gap, and the two lines read as one. The cut needs the
    columns to show beside the line: a line just above or below it ends at that edge, and one
    starts where the text after the mark does.
    """
    edges = right_edges(lines, body)
    body_lines = [ln for ln in lines if is_size(ln.size, body.size) and not ln.vertical]
    out: list[TextLine] = []
    for ln in lines:
        cuts = _hanging_cuts(ln, edges, body_lines, body) if is_size(ln.size, body.size) and not ln.vertical else []
        bounds = [0, *cuts, len(ln.glyphs)]
        out.extend([ln] if not cuts else [make_line(ln.glyphs[a:b]) for a, b in zip(bounds, bounds[1:])])
    return out


def _hanging_cuts(ln: TextLine, edges: list[float], body_lines: list[TextLine], body: Type) -> list[int]:
    """Where a mark hanging at a column's edge ends one column's line and the next column's starts (a line
    set a little overfull, spaces in a name, pushes its mark up to half an em past the edge)."""
    slack = EDGE_SLACK * body.size
    cuts = []
    for i, (g, h) in enumerate(zip(ln.glyphs, ln.glyphs[1:]), 1):
        if g.text not in HANGING_MARKS:
            continue
        edge = next((e for e in edges if e - 2 * slack <= g.x0 <= e + HALF_EM * body.size and h.x0 > g.x0), None)
        if edge is not None and _columns_beside(ln, edge, h.x0, body_lines, body):
            cuts.append(i)
    return cuts


def _columns_beside(ln: TextLine, edge: float, start: float, body_lines: list[TextLine], body: Type) -> bool:
    """Lines near ``ln`` end at ``edge`` and start where the next column would (at ``start``, or an indent before it)."""
    near = [o for o in body_lines if o is not ln and abs(o.top - ln.top) <= 2.5 * body.size * body.leading]
    slack = EDGE_SLACK * body.size
    ends = any(o.x0 < edge - COLUMN_MIN * body.size and (abs(o.x1 - edge) <= slack or _hangs_at(o, edge, slack))
               for o in near)
    starts = any(edge < o.x0 <= start + slack and start - o.x0 <= 2.5 * body.size for o in near)
    return ends and starts


def _hangs_at(line: TextLine, edge: float, slack: float) -> bool:
    """The line's last glyph is a mark hanging at ``edge``."""
    last = line.glyphs[-1]
    return last.text in HANGING_MARKS and abs(last.x0 - edge) <= 2 * slack


# --- blocks -----------------------------------------------------------------------------------------


def kind_of(line: TextLine, body: Type) -> BlockKind:
    """Body, display (larger), small type, or a vertical line."""
    if line.vertical:
        return "vertical"
    if is_size(line.size, body.size):
        return "body"
    return "small" if line.size < body.size else "display"


def blocks(lines: Sequence[TextLine], body: Type) -> list[Block]:
    """Lines stacked into blocks: one size, one column, each line its leading under the last."""
    out: list[Block] = []
    open_blocks: list[Block] = []
    for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        kind = kind_of(ln, body)
        open_blocks = [b for b in open_blocks if ln.top - b.bottom <= OPEN_BLOCK_REACH * b.size]
        best = max((b for b in open_blocks if _goes_on(b, ln, kind, body)),
                   key=lambda b: overlap(b.x0, b.x1, ln.x0, ln.x1), default=None)
        if best is None:
            best = Block([], kind)
            out.append(best)
            open_blocks.append(best)
        best.lines.append(ln)
    return out


def _goes_on(block: Block, ln: TextLine, kind: BlockKind, body: Type) -> bool:
    """``ln`` is the next line of ``block``: same kind and size, under its last line at its leading, same column."""
    last = block.lines[-1]
    if kind == "vertical" or block.kind != kind or abs(last.size - ln.size) > BODY_SIZE_SLACK * ln.size:
        return False
    reach = INDENT_REACH * body.size if kind == "body" and len(block.lines) == 1 else 0.0  # an indented first line
    if not overlaps(block.x0 - reach, block.x1, ln.x0, ln.x1, body):
        return False
    extra = ln.top - last.bottom - (body.leading - 1.0) * last.size
    return -HALF_EM * last.size < extra <= BLOCK_EXTRA * body.size


def overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    """How much two horizontal extents share."""
    return min(a1, b1) - max(a0, b0)


def overlaps(a0: float, a1: float, b0: float, b1: float, body: Type) -> bool:
    """Two extents share a body em or more, or a good share of the narrower."""
    o = overlap(a0, a1, b0, b1)
    return o >= min(MIN_OVERLAP_EMS * body.size, MIN_OVERLAP_SHARE * min(a1 - a0, b1 - b0)) and o > 0


# --- regions ------------------------------------------------------------------------------------------


def regions(page_blocks: Sequence[Block], pictures: Sequence[Box], rules: Sequence[Box], body: Type) -> list[Region]:
    """Blocks and pictures grouped into regions: each item under what it hangs from, further columns beside."""
    items: list[Item] = sorted([*page_blocks, *pictures], key=lambda it: (it.top, it.x0))
    parent: dict[int, Item] = {}
    for it in items:
        up = _hangs_under(it, items, rules, body)
        if up is not None:
            parent[id(it)] = up
    feet = _column_feet(items, parent)
    for b in page_blocks:
        beside = _set_beside(b, page_blocks, items, feet, body) if id(b) not in parent else None
        if beside is not None:
            parent[id(b)] = beside
    grouped = join_headings_over_text(join_heading_halves(_group(items, parent), body), body)
    return join_signatures(join_columns_under_heading(grouped, body), body)


def _set_beside(b: Block, page_blocks: Sequence[Block], items: Sequence[Item], feet: dict[int, tuple[float, float]],
                body: Type) -> Block | None:
    """The block a text hanging under nothing is set beside, of its story: a vertical title's text, a column
    further on, a heading at the side; None when the columns are not balanced or the text is another story's."""
    if b.kind == "display":
        return _headline_left_of_byline(b, page_blocks, items, feet, body)
    if b.kind not in ("body", "small", "vertical"):
        return None
    beside = _titled_text(b, page_blocks, body) or _level_left(b, page_blocks, feet, body) \
        or _level_right(b, page_blocks, body)
    if beside is None or not _balanced_with(b, beside, feet, body) or _tail_beside_dated_story(b, beside, items, body):
        return None
    return beside


def _headline_left_of_byline(b: Block, page_blocks: Sequence[Block], items: Sequence[Item],
                             feet: dict[int, tuple[float, float]], body: Type) -> Block | None:
    """The headline a byline is set beside: a byline (type under ``DISPLAY_MIN``) over text that goes on a
    paragraph, that text starting level with a headline set over the first column a gutter to its left (dev
    0090: the headline heads its first column, its byline the further ones); None for any other display type."""
    if b.size >= DISPLAY_MIN * body.size or len(b.lines) != 1:
        return None
    text = _text_headed(b, items, body)
    if text is None or not continues_paragraph(text, body):
        return None
    left = _level_left(text, page_blocks, feet, body)
    if left is None or left.kind != "display" or left.size < DISPLAY_MIN * body.size:
        return None
    return left if _balanced_with(text, left, feet, body) else None


def _column_feet(items: Sequence[Item], parent: dict[int, Item]) -> dict[int, tuple[float, float]]:
    """Each item's column: the lowest bottom and rightmost edge of it and the items hanging under it."""
    feet = {id(it): (it.bottom, it.x1) for it in items}
    for it in sorted(items, key=lambda it: -it.top):  # from the foot up: an item's children come first
        up = parent.get(id(it))
        if up is not None:
            (b0, x0), (b1, x1) = feet[id(up)], feet[id(it)]
            feet[id(up)] = (max(b0, b1), max(x0, x1))
    return feet


def _balanced_with(b: Block, other: Block, feet: dict[int, tuple[float, float]], body: Type) -> bool:
    """Columns of one story are balanced: a further column ends no lower than its neighbour's column
    (a line or two of play), and a vertical name stands beside its story at any depth. Text beside a
    heading that opens a story of its own (a bullet, a lead, a dateline) is another story set level
    with it, not the further column of a heading set at the side."""
    if b.kind == "vertical":
        return True
    if other.kind == "display" and opens_brief(join_lines([ln.text for ln in b.lines[:BRIEF_OPENING_LINES]])):
        return False
    return b.bottom <= feet[id(other)][0] + BALANCE_LINES * body.leading * body.size


def _hangs_under(it: Item, items: Sequence[Item], rules: Sequence[Box], body: Type) -> Item | None:
    """The block or picture right above ``it`` that it hangs under, if only its type's space stands between."""
    up = _right_above(it, items, body)
    if up is None:
        return None
    leading = (body.leading - 1.0) * up.lines[-1].size if isinstance(up, Block) else 0.0
    limit = CROSSHEAD_EXTRA if _crosshead_pair(up, it, body) and not _kicker(it, items, body) else ATTACH_EXTRA
    if _flush_right_foot(it, up, body) and _deeper_column_beside(it, up, items, body):
        limit = BALANCE_LINES * body.leading
    if _credit_after_caption(it, up, items, body):
        return up
    if it.top - up.bottom - leading > limit * body.size:
        return None
    return None if _kept_apart(it, up, items, rules, body) else up


def _kept_apart(it: Item, up: Item, items: Sequence[Item], rules: Sequence[Box], body: Type) -> bool:
    """What keeps ``it`` from hanging under the item right above it though only its type's space stands between:
    a rule, text of another story or measure under it, a section of its own, a vertical title beside it."""
    return any(_rule_between(r, up, it, body) for r in rules) or _opens_under_text(it, up, body) \
        or _heads_other_measure(it, up, items, body) or _heads_columns_of_its_own(it, up, items, body) \
        or _numbered_section_elsewhere(it, up, items, body) or _level_with_vertical_title(it, items, body)


def _level_with_vertical_title(it: Item, items: Sequence[Item], body: Type) -> bool:
    """A block whose top is level with the top of a vertical title set at its left (its glyph boxes may reach
    over it) opens that title's story: a vertical title stands beside its byline and text from their first line,
    so they start a story of their own, and hang under no text above (dev12 0007: ``新华社记者 陈毛弟`` level
    with ``最高奖赏：人民满意``, under another story's last column)."""
    return isinstance(it, Block) and it.kind != "vertical" and any(
        isinstance(v, Block) and v.kind == "vertical" and v.size >= DISPLAY_MIN * body.size
        and abs(v.top - it.top) <= LEVEL_SLACK * body.size and v.x0 <= it.x0 <= v.x1 + SIBLING_GAP * body.size
        for v in items)


def _tail_beside_dated_story(b: Block, head: Block, items: Sequence[Item], body: Type) -> bool:
    """Text going on a paragraph beside a heading, ending before the heading's own text starts, which opens
    with a dateline: that story starts at its dateline, and a further column of it would be read after its
    first column, not end above it; the paragraph's tail is another story's (gate 0012: ``促进…（章文）``)."""
    if head.kind != "display" or not continues_paragraph(b, body):
        return False
    text = _text_headed(head, items, body)
    return text is not None and b.bottom <= text.top and dateline(text.text) is not None


def continues_paragraph(b: Block, body: Type) -> bool:
    """A block whose first line starts at its column's left edge and opens no dateline: it goes on a paragraph."""
    return b.lines[0].x0 - b.x0 <= HALF_EM * body.size and dateline(b.text) is None


def _flush_right_foot(it: Item, up: Item, body: Type) -> bool:
    """A line of body type set flush right under a column of text: ending at its right edge, starting well in."""
    if not (isinstance(it, Block) and isinstance(up, Block) and it.kind == up.kind == "body" and len(it.lines) == 1):
        return False
    return abs(it.x1 - up.x1) <= HALF_EM * body.size and it.x0 - up.x0 >= FLUSH_RIGHT_IN * body.size


def _credit_after_caption(it: Item, up: Item, items: Sequence[Item], body: Type) -> bool:
    """A one-line block set flush right at a picture's right edge on the line after a caption hanging under
    that picture, starting right of the caption's end (``图为…捐款。`` / ``周幼马 文/图``): the caption's credit,
    which hangs under the picture with the caption, though the caption stands between them only at the left."""
    if not (isinstance(it, Block) and isinstance(up, Box) and len(it.lines) == 1):
        return False
    return abs(it.x1 - up.x1) <= CREDIT_EDGE * body.size \
        and any(_caption_ending_before(c, it, up, items, body) for c in items if isinstance(c, Block))


def _caption_ending_before(caption: Block, it: Block, picture: Box, items: Sequence[Item], body: Type) -> bool:
    """A block of ``it``'s kind right under ``picture`` that ends left of ``it``, its last line the line above it."""
    return caption is not it and caption.kind == it.kind and caption.x1 <= it.x0 \
        and 0 < it.top - caption.lines[-1].top <= PITCH_MAX * caption.lines[-1].size \
        and _right_above(caption, items, body) is picture


def _deeper_column_beside(it: Item, up: Item, items: Sequence[Item], body: Type) -> bool:
    """A column of text left of ``up``, beside it, whose foot stands right above ``it``'s top (within a line's
    room): ``it`` is set under a story's deepest column, as a closing credit is, not under ``up`` alone."""
    pitch = body.leading * body.size
    return any(isinstance(o, Block) and o.kind == "body" and o.x1 < up.x0 and up.x0 - o.x1 <= SIBLING_GAP * body.size
               and o.top < up.bottom and 0 <= it.top - o.bottom <= pitch for o in items)


def _opens_under_text(it: Item, up: Item, body: Type) -> bool:
    """Heading type that no crosshead is (headline type, a section label) under text: it opens a story of
    its own; only a crosshead (which may wrap) goes on with the text above it."""
    if not (isinstance(it, Block) and isinstance(up, Block) and it.kind == "display" and up.kind != "display"):
        return False
    return it.size >= CROSSHEAD_MAX * body.size or line_kind(it.text, display_width(it.text)) == LABEL


def _crosshead_under_text(it: Block, up: Block, body: Type) -> bool:
    """A one-line crosshead standing under a block of text."""
    return it.kind == "display" and up.kind == "body" and is_crosshead(it, body)


def _heads_other_measure(it: Item, up: Item, items: Sequence[Item], body: Type) -> bool:
    """A crosshead under a column of text whose own text is set wider than that column (reaching past it by
    ``MEASURE_REACH`` ems or more): a story keeps its measure, so it heads a section set apart, not that column's."""
    if not (isinstance(it, Block) and isinstance(up, Block) and _crosshead_under_text(it, up, body)):
        return False
    text = _text_headed(it, items, body)
    if text is None or len(up.lines) < EDGE_MIN_LINES:
        return False
    reach = MEASURE_REACH * body.size
    return text.x0 < up.x0 - reach or text.x1 > up.x1 + reach


def _section_number(text: str) -> int | None:
    """The number a crosshead opens with, ``二、原因和教训`` -> 2; None when it opens with none."""
    value = HAN_DIGIT_VALUES.get(text[:1])
    return value if value and text[1:2] == "、" else None


def _numbered_section_elsewhere(it: Item, up: Item, items: Sequence[Item], body: Type) -> bool:
    """A numbered crosshead under a column of text (``二、原因和教训``) whose section before it (``一、事件经过``)
    stands elsewhere on the page, not over that column: it goes on that feature, another story's text above it
    set there only by the page's make-up (dev 0053: a feature's second section under a news story's column)."""
    if not (isinstance(it, Block) and isinstance(up, Block) and _crosshead_under_text(it, up, body)):
        return False
    number = _section_number(it.text)
    if number is None or number < 2:
        return False
    return any(isinstance(o, Block) and o.kind == "display" and _section_number(o.text) == number - 1
               and not (o.top < it.top and overlaps(o.x0, o.x1, it.x0, it.x1, body)) for o in items)


def _text_headed(head: Block, items: Sequence[Item], body: Type) -> Block | None:
    """The body block right under ``head`` that hangs from it (nothing between), if any."""
    under = [b for b in items if isinstance(b, Block) and b.kind == "body" and b.top >= head.bottom - TOUCH * body.size
             and overlaps(b.x0, b.x1, head.x0, head.x1, body)]
    text = min(under, key=lambda b: b.top, default=None)
    return text if text is not None and _right_above(text, items, body) is head else None


def _heads_columns_of_its_own(it: Item, up: Item, items: Sequence[Item], body: Type) -> bool:
    """A crosshead under a column of text with a further column starting level with it, a gutter to the right,
    where nothing stands beside that text: the crosshead tops a section set over columns of its own (a story's
    further columns start at its top, beside its text, not level with a crosshead under it)."""
    if not (isinstance(it, Block) and isinstance(up, Block) and _crosshead_under_text(it, up, body)):
        return False
    level = [b for b in items if isinstance(b, Block) and b.kind == "body" and abs(b.top - it.top) <= LEVEL_SLACK * body.size
             and 0 <= b.x0 - up.x1 <= SIBLING_GAP * body.size]
    return any(not _stands_beside(b, up, items, body) for b in level)


def _stands_beside(column: Block, text: Block, items: Sequence[Item], body: Type) -> bool:
    """Whether any item in ``column``'s span across ends beside ``text`` (lower than its top, above ``column``)."""
    return any(o is not column and overlaps(o.x0, o.x1, column.x0, column.x1, body)
               and text.top < o.bottom <= column.top + TOUCH * body.size for o in items)


def _right_above(it: Item, items: Sequence[Item], body: Type) -> Item | None:
    """The lowest item standing above ``it`` and overlapping it across; None if none does."""
    above = [a for a in items if a is not it and a.bottom <= it.top + TOUCH * body.size
             and overlaps(a.x0, a.x1, it.x0, it.x1, body)]
    return max(above, key=lambda a: a.bottom) if above else None


def _crosshead_pair(up: Item, down: Item, body: Type) -> bool:
    """A crosshead and the text of its column, one over the other: a crosshead may stand further off."""
    if not isinstance(up, Block) or not isinstance(down, Block):
        return False
    head, text = (up, down) if up.kind == "display" else (down, up)
    return head.kind == "display" and text.kind == "body" and is_crosshead(head, body) \
        and abs(head.lines[0].centre - (text.x0 + text.x1) / 2) <= body.size


def _kicker(it: Item, items: Sequence[Item], body: Type) -> bool:
    """Display type with larger display type hanging right under it: a kicker over its headline, which
    opens a story, not a crosshead (a crosshead has its column's text under it)."""
    if not isinstance(it, Block) or it.kind != "display":
        return False
    under = [b for b in items if isinstance(b, Block) and b.top >= it.bottom - TOUCH * body.size
             and overlaps(b.x0, b.x1, it.x0, it.x1, body)]
    below = min(under, key=lambda b: b.top, default=None)
    return below is not None and below.kind == "display" and below.size > (1 + BODY_SIZE_SLACK) * it.size \
        and below.top - it.bottom - (body.leading - 1.0) * it.size <= ATTACH_EXTRA * body.size


def is_crosshead(block: Block, body: Type) -> bool:
    """Display type no larger than a crosshead's, on one line, that no rule reads as a section label."""
    return len(block.lines) == 1 and block.size < CROSSHEAD_MAX * body.size \
        and line_kind(block.lines[0].text, display_width(block.lines[0].text)) != LABEL


def _rule_between(rule: Box, up: Item, down: Item, body: Type) -> bool:
    """A horizontal rule across the space between two items."""
    return rule.horizontal and up.bottom - TOUCH * body.size <= rule.top <= down.top + TOUCH * body.size \
        and overlap(rule.x0, rule.x1, max(up.x0, down.x0), min(up.x1, down.x1)) > 0


def _titled_text(b: Block, page_blocks: Sequence[Block], body: Type) -> Block | None:
    """The text a vertical title is set beside: the nearest body block a gutter to either side whose first
    line stands within the title's height (a vertical title runs down beside its text from its top). A
    column left of it is as near as the right end most of its lines reach: a mark hanging past that end
    brings it no nearer (dev 0028: 4.8 points with the mark, 9.5 without, the title's own text 7.3)."""
    if b.kind != "vertical" or b.size < DISPLAY_MIN * body.size:
        return None
    reach = SIBLING_GAP * body.size
    beside = [(max(c.x0 - b.x1, b.x0 - _usual_right(c)), c) for c in page_blocks
              if c.kind == "body" and b.top - LEVEL_SLACK * body.size <= c.top <= b.bottom]
    near = [(gap, c) for gap, c in beside if -HALF_EM * b.size <= gap <= reach]  # its em box may reach over
    return min(near, key=lambda gc: gc[0])[1] if near else None


def _usual_right(block: Block) -> float:
    """The right end most of a block's lines reach (its column's edge, not a mark hanging past it)."""
    return statistics.median_high(ln.x1 for ln in block.lines)


def _level_left(b: Block, page_blocks: Sequence[Block], feet: dict[int, tuple[float, float]],
                body: Type) -> Block | None:
    """The block that starts level with ``b`` with its column a gutter to the left: ``b`` is a further
    column of its region (a heading set at the side heads the column under it). A vertical name set in
    a narrow gutter may reach into the column on its left with its em box, never past its centre line."""
    reach_in = (b.x1 - b.x0) / 2 if b.kind == "vertical" else 0.0
    level = [c for c in page_blocks if c is not b and abs(c.top - b.top) <= LEVEL_SLACK * body.size
             and feet[id(c)][1] <= b.x0 + reach_in + HALF_EM * body.size]
    if not level:
        return None
    left = max(level, key=lambda c: feet[id(c)][1])
    reach = SIBLING_GAP * body.size if b.kind != "vertical" else float("inf")
    return left if b.x0 - feet[id(left)][1] <= reach else None


def _level_right(b: Block, page_blocks: Sequence[Block], body: Type) -> Block | None:
    """A body block that starts level with ``b`` a gutter to its right: ``b`` is the first column of its region."""
    level = [c for c in page_blocks if c is not b and c.kind == "body" and abs(c.top - b.top) <= LEVEL_SLACK * body.size
             and c.x0 >= b.x1 - HALF_EM * body.size and c.x0 - b.x1 <= SIBLING_GAP * body.size]
    return min(level, key=lambda c: c.x0, default=None)


def _group(items: list[Item], parent: dict[int, Item]) -> list[Region]:
    """Connected items as regions, each in reading order."""
    root: dict[int, int] = {id(it): id(it) for it in items}

    def find(k: int) -> int:
        while root[k] != k:
            root[k] = root[root[k]]
            k = root[k]
        return k

    for k, up in parent.items():
        root[find(k)] = find(id(up))
    groups: dict[int, Region] = {}
    for it in items:
        reg = groups.setdefault(find(id(it)), Region([]))
        if isinstance(it, Block):
            reg.blocks.append(it)
        else:
            reg.pictures.append(it)
        if id(it) in parent:
            reg.parent[id(it)] = parent[id(it)]
    out = list(groups.values())
    for reg in out:
        reg.blocks = reading_order(reg.blocks)
    return sorted(out, key=lambda r: (round(r.top), r.x0))


def join_heading_halves(page_regions: list[Region], body: Type) -> list[Region]:
    """A couplet set on one line with a wide gap reads as two pieces: their regions are one again.

    Two heading pieces of one size on one row, a few ems apart, are one heading when one of them
    heads no text, or when they are not each centred over text of their own (two stories side
    by side, each headed over its own columns). Halves are one line each and about equally long
    (``COUPLET_MAX_DIFF`` ems, the text path's couplet rule): a headline wrapped over two lines,
    or one much longer than its neighbour, is another story's.
    """
    out: list[Region] = []
    for reg in sorted(page_regions, key=lambda r: r.x0):
        host = next((o for o in out if _halves(o, reg, body)), None)
        if host is None or _nearer_half(host, reg, page_regions, body):
            out.append(reg)
        else:
            host.take(reg)
    return sorted(out, key=lambda r: (round(r.top), r.x0))


def join_headings_over_text(page_regions: list[Region], body: Type) -> list[Region]:
    """A heading with no text under it, right over text that spans it, heads that text.

    A byline set flush left under a centred headline shares no width with it; the text's columns
    under the heading show that it spans them.
    """
    out = list(page_regions)
    for reg in [r for r in page_regions if _heading_only(r)]:
        under = [o for o in out if o is not reg and _spans_under(reg, o, body)]
        if under:
            min(under, key=lambda o: o.top).take(reg)
            out = [o for o in out if o is not reg]
    return out


def join_columns_under_heading(page_regions: list[Region], body: Type) -> list[Region]:
    """Text with no heading, level with the first column under a heading and a gutter beside it, is a
    further column of that story when the heading is centred over both and not over its own text alone
    (a byline set over the first column keeps it apart from the heading)."""
    out = list(page_regions)
    for reg in [r for r in page_regions if _headless(r, body)]:
        host = next((o for o in out if o is not reg and _spans_beside(o, reg, body)), None)
        if host is not None:
            host.take(reg)
            out = [o for o in out if o is not reg]
    return out


def join_signatures(page_regions: list[Region], body: Type) -> list[Region]:
    """A name alone on the line after a story's last line, within the story's width, in a byline's type, signs
    that story: it goes on the story's region (read as its byline) and is no region of its own (residue, or
    furniture at the page's foot). Set in the gutter left of the last column or centred under the columns, it
    hangs under no text block; the leading it keeps to the text's foot is what ties it to the story."""
    out = list(page_regions)
    for reg in [r for r in page_regions if _lone_name(r, body)]:
        host = next((o for o in out if o is not reg and _signed_by(o, reg.blocks[0], body)), None)
        if host is not None:
            host.take(reg)
            out = [o for o in out if o is not reg]
    return out


def _lone_name(reg: Region, body: Type) -> bool:
    """A region of one line, a name's shape in a byline's type (a little larger than the body, smaller than a
    heading's); a name in body type hangs under the text as its last line."""
    if reg.pictures or len(reg.blocks) != 1 or len(reg.blocks[0].lines) != 1:
        return False
    b = reg.blocks[0]
    return b.kind == "display" and b.size < DISPLAY_MIN * body.size and is_name_shaped(b.text)


def _signed_by(host: Region, name: Block, body: Type) -> bool:
    """``name`` starts on the line after ``host``'s lowest text line (one leading's space below it, within
    ``TOUCH``), between ``host``'s left and right edges."""
    foot = max((b.bottom for b in host.blocks if b.kind == "body"), default=None)
    if foot is None:
        return False
    drop = name.top - foot - (body.leading - 1.0) * body.size
    slack = TOUCH * body.size
    return abs(drop) <= slack and host.x0 - slack <= name.x0 and name.x1 <= host.x1 + slack


def _headless(reg: Region, body: Type) -> bool:
    return not reg.pictures and any(b.kind == "body" for b in reg.blocks) \
        and all(b.kind != "display" or b.size < DISPLAY_MIN * body.size for b in reg.blocks)


def _spans_beside(headed: Region, text: Region, body: Type) -> bool:
    """``headed``'s top heading is centred over its text and ``text`` together, not over its own text alone,
    and ``text``'s first column starts level with its first column, a gutter away, the text running on
    from the left one into the right one."""
    head = _top_heading(headed)
    own = _body_under(headed, head) if head is not None and head.size >= DISPLAY_MIN * body.size else []
    other = [b for b in text.blocks if b.kind == "body"]
    if head is None or not own or not other:
        return False
    first = min(own, key=lambda b: b.top)
    beside = min(other, key=lambda b: _gap_between(first, b))  # the column next to it, the text's nearest
    if not _side_by_side(first, beside, body):
        return False
    runs_on = _runs_on(beside, first, body) if beside.x0 < first.x0 else _runs_on(first, beside, body)
    return runs_on and _centred_over_both(head, own, text, body)


def _centred_over_both(head: Block, own: Sequence[Block], text: Region, body: Type) -> bool:
    """``head`` is centred over its own text and ``text`` together, and not over its own alone."""
    x0, x1 = min(b.x0 for b in own), max(b.x1 for b in own)
    return _centred(head, (min(x0, text.x0), max(x1, text.x1)), body) and not _centred(head, (x0, x1), body)


def _body_under(reg: Region, head: Block, across: bool = False) -> list[Block]:
    """The region's body blocks under ``head`` (with ``across``: only those sharing some width with it)."""
    return [c for c in reg.blocks if c.kind == "body" and c.top >= head.bottom
            and (not across or overlap(c.x0, c.x1, head.x0, head.x1) > 0)]


def _gap_between(a: Block, b: Block) -> float:
    """The white space between two blocks side by side (negative when they overlap across)."""
    return max(a.x0 - b.x1, b.x0 - a.x1)


def _side_by_side(a: Block, b: Block, body: Type) -> bool:
    """Two columns that start level, a gutter apart."""
    return abs(a.top - b.top) <= LEVEL_SLACK * body.size and 0 <= _gap_between(a, b) <= SIBLING_GAP * body.size


def _heading_only(reg: Region) -> bool:
    return not reg.pictures and all(b.kind == "display" for b in reg.blocks)


def _spans_under(head: Region, text: Region, body: Type) -> bool:
    """``text`` starts right under ``head`` (its leading and a little) and spans its width."""
    last = max(head.blocks, key=lambda b: b.bottom)
    extra = text.top - head.bottom - (body.leading - 1.0) * last.size
    return -TOUCH * body.size <= extra <= ATTACH_EXTRA * body.size and \
        text.x0 <= head.x0 + body.size and text.x1 >= head.x1 - body.size


def _halves(left: Region, right: Region, body: Type) -> bool:
    pair = _heading_pair(left, right)
    if pair is None or not 0 <= pair[1].x0 - pair[0].x1 <= COUPLET_GAP * pair[0].size:
        return False
    a, b = pair
    text_a, text_b = _text_under(left, a), _text_under(right, b)
    if not _couplet_shaped(a, b):
        return _one_row_over_both(a, b, text_a, text_b, body)
    if text_a is None or text_b is None:
        return True
    return not (_centred(a, text_a, body) and _centred(b, text_b, body)) or _flows_on(left, a, right, b, body)


def _nearer_half(left: Region, reg: Region, page_regions: Sequence[Region], body: Type) -> bool:
    """``reg``'s heading makes halves with a piece to its right set closer to it than ``left``'s (dev12 0069:
    ``大亚湾之光`` 1.3 ems left of ``抢前抓早购良种``, whose own second half ``备足种子保丰收`` is 0.7 ems right of it):
    a couplet's halves stand nearer each other than two stories' headlines, so it goes with that one."""
    gap = _heading_gap(left, reg)
    return any(_heading_gap(reg, o) < gap and _halves(reg, o, body) for o in page_regions if o.x0 > reg.x0)


def _heading_gap(left: Region, right: Region) -> float:
    """The space between the headings of two regions set on one row (``_heading_pair``); inf when there is none."""
    pair = _heading_pair(left, right)
    return pair[1].x0 - pair[0].x1 if pair is not None else float("inf")


def _heading_pair(left: Region, right: Region) -> tuple[Block, Block] | None:
    """``right``'s top heading and the heading of ``left`` set on one row with it (``_heading_on_row``)."""
    b = _top_heading(right)
    a = _heading_on_row(left, b) if b is not None else None
    return (a, b) if a is not None and b is not None else None


def _heading_on_row(reg: Region, piece: Block) -> Block | None:
    """The region's heading block set on one row with ``piece``: its top heading, or the headline under its kicker
    (dev13 0082: ``民生实事面对面`` over ``八十高龄亲率众学生在沪连演三场``, the row's first piece)."""
    top = _top_heading(reg)
    row = [h for h in reg.blocks if h.kind == "display" and _same_row(h, piece)] if top is not None else []
    return min(row, key=lambda h: h.top) if row else None


def _one_row_over_both(a: Block, b: Block, text_a: tuple[float, float] | None, text_b: tuple[float, float] | None,
                       body: Type) -> bool:
    """Pieces of unlike length on one row, the second starting left of the text under it (over the first's
    column) and the row centred over both texts: one heading set on one line with a wide space (dev 0059,
    ``不管是否愿意  实力是市场竞争决胜的手段``), not two stories' headlines (each within its own story's width)."""
    row = Block([*a.lines, *b.lines], "display")
    if text_a is not None and text_b is None:
        return _row_over_its_text(row, text_a, body)
    if text_a is None or text_b is None or b.x0 >= text_b[0] - body.size:
        return False
    return _centred(row, (text_a[0], text_b[1]), body)


def _row_over_its_text(row: Block, text: tuple[float, float], body: Type) -> bool:
    """A piece heading no text of its own, set on from a headline over the headline's text, the row within that
    text's width and centred over it (dev13 0082: ``八十高龄亲率众学生在沪连演三场  然后又直奔北京`` over two
    columns): the headline's second piece, set on one line with a wide space."""
    return text[0] - body.size <= row.x0 and row.x1 <= text[1] + body.size and _centred(row, text, body)


def _couplet_shaped(a: Block, b: Block) -> bool:
    """One line each, as long as each other within ``COUPLET_MAX_DIFF`` of their ems."""
    return len(a.lines) == 1 and len(b.lines) == 1 and abs(a.lines[0].width - b.lines[0].width) <= COUPLET_MAX_DIFF * a.size


def _flows_on(left: Region, a: Block, right: Region, b: Block, body: Type) -> bool:
    """The column under ``a`` stops mid-sentence and the one under ``b`` opens unindented with the rest of
    it: one story's two columns, each under a half of its couplet (as two stories' never are)."""
    ends, opens = _body_under(left, a, across=True), _body_under(right, b, across=True)
    if not ends or not opens:
        return False
    return _runs_on(max(ends, key=lambda c: c.bottom), min(opens, key=lambda c: c.top), body)


def _runs_on(column: Block, after: Block, body: Type) -> bool:
    """``column`` stops mid-sentence and ``after`` opens unindented: the text runs on from one to the other."""
    first = after.lines[0]
    return not ends_sentence(column.lines[-1].text) and first.x0 - after.x0 < HALF_EM * body.size


def _top_heading(reg: Region) -> Block | None:
    heads = [b for b in reg.blocks if b.kind == "display"]
    return min(heads, key=lambda b: b.top) if heads and heads[0].top <= reg.top + SAME_TOP else None


def _same_row(a: Block, b: Block) -> bool:
    return abs(a.size - b.size) <= BODY_SIZE_SLACK * a.size and abs(a.top - b.top) <= ROW_TOP_SLACK * a.size


def _text_under(reg: Region, head: Block) -> tuple[float, float] | None:
    """The extent of the region's text columns under ``head`` (those it shares some width with)."""
    text = [b for b in reg.blocks if b.kind == "body" and b.top >= head.bottom and overlap(b.x0, b.x1, head.x0, head.x1) > 0]
    return (min(b.x0 for b in text), max(b.x1 for b in text)) if text else None


def _centred(head: Block, extent: tuple[float, float], body: Type) -> bool:
    return abs((head.x0 - extent[0]) - (extent[1] - head.x1)) <= body.size


def reading_order(region_blocks: list[Block]) -> list[Block]:
    """Blocks in reading order by whitespace cuts: bands top to bottom, in a band columns left to right.

    A headline or caption across a region's columns is a band of its own; the columns under it
    are cut apart by their gutters, and each is read down (a crosshead between two blocks of a
    column is a band of that column).
    """
    if len(region_blocks) <= 1:
        return list(region_blocks)
    for parts in (_cuts(region_blocks, lambda b: b.top, lambda b: b.bottom),
                  _cuts(region_blocks, lambda b: b.x0, lambda b: b.x1)):
        if len(parts) > 1:
            return [b for part in parts for b in reading_order(part)]
    return sorted(region_blocks, key=lambda b: (b.top, b.x0))


def _cuts(items: list[Block], start: Callable[[Block], float], end: Callable[[Block], float]) -> list[list[Block]]:
    """Items split where nothing crosses the gap between them along one axis."""
    parts: list[list[Block]] = []
    reach = float("-inf")
    for b in sorted(items, key=start):
        if not parts or start(b) >= reach:
            parts.append([])
        parts[-1].append(b)
        reach = max(reach, end(b))
    return parts


def line_glyphs(lines: Sequence[TextLine]) -> list[Glyph]:
    """All glyphs of the lines (for accounting)."""
    return [g for ln in lines for g in ln.glyphs]
