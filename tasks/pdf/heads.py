"""A story's heading lines read by their size: kicker (引题) over the headline, subheadline under it.

The headline is the largest type of the group; what is set smaller above it is the kicker, what
is set smaller under it the subheadline (its ``——`` dashes are decoration). Type a little larger
than the body (under ``DISPLAY_MIN``) under the headline is a byline, not a heading.

A heading part too long for its measure wraps: its lines join with nothing between them. The
halves of a couplet set on two lines (``阅享新时代`` / ``奋进新征程``) join with a space. A part
wraps only when it is wider than its measure, and a balanced wrap leaves its first line at least
as wide as the next; so two lines that fit the measure together, or whose first is the narrower,
are two parts; unless, the first the wider, a mark forced the break and they are no couplet's halves:
a heading wrapped in its own measure, narrower than the text's. When both could be one wrapped part, a break inside a word or after a mark says
it is one; else they are read as two. When every row is full, the geometry cannot tell the halves of
a couplet from a part wrapped at its measure; a subheadline under it can (``_couplet_halves``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from banmian.tasks.model import Residue
from banmian.tasks.pdf.extract import TextLine
from banmian.tasks.pdf.flow import column_edges
from banmian.tasks.pdf.layout import DISPLAY_MIN, HALF_EM, Block, Type
from banmian.tasks.text.clean import clean_heading
from banmian.tasks.text.lexicon import break_strands_a_character, states_what_happened
from banmian.tasks.text.lines import COLUMN_TAG_MAX_CHARS, is_column_tag, is_one_line_couplet
from banmian.tasks.text.segment.headlines import DASHES, subtitle_dashes

#: Columns of one story stand at most this many ems apart (gutters are one or two).
COLUMN_GUTTER: Final = 3.0
#: Lines whose tops are this close (share of their size) stand in one row: pieces of one line.
ROW_SLACK: Final = 0.3
#: A first line narrower than the next by this share of an em is no wrapped line's first.
WRAP_SLACK: Final = 0.2
#: Marks a wrapped line may end on; a couplet's half never does.
LINE_END_MARKS: Final = "，、：；。！？”》）"
#: Marks that may not end a line, and marks that may not open one.
OPENING_MARKS: Final = "“‘（《「『〔【"
CLOSING_MARKS: Final = "，、：；。！？”’）》」』〕】"
#: Brackets a heading part opens and closes: a title, a quotation, an aside.
BRACKET_PAIRS: Final = (("《", "》"), ("“", "”"), ("（", "）"))
#: Marks that open no line though they close nothing: a foreign name's middle dot, a dash (``英冻结`` /
#: ``贝·布托`` / ``存款``; ``巧借东风上层`` / ``楼——体育市场``: the break pulled a character down with them).
NO_START_MARKS: Final = "·—"
#: A column tag stacked over a vertical title, and the title left under it, hold at least this many
#: characters (the shortest tags, ``时评``, ``速写``, are two).
STACKED_TAG_MIN: Final = 2
#: Heading blocks within this share of the largest size are the headline (one size set, rounding apart).
HEADLINE_SIZE_SHARE: Final = 0.98
#: A subheadline's top may stand this many points above the headline's foot (em boxes touch).
SUB_OVERLAP: Final = 1.0
#: Text under a heading may reach this share of its size above the heading's foot (em boxes touch).
UNDER_OVERLAP: Final = 0.2


@dataclass(slots=True)
class Heading:
    """A story's heading lines as kicker, headline and subheadline, and what decoration they hold."""

    kicker: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    decoration: list[tuple[str, TextLine]] = field(default_factory=list)


def is_heading_size(block: Block, body: Type) -> bool:
    """Type large enough for a heading part (a byline is set only a little larger than the body)."""
    return block.size >= DISPLAY_MIN * body.size


def read_heading(group: Sequence[Block], measure: float) -> Heading:
    """Kicker, headline and subheadline of a story's heading blocks (top to bottom), ``measure`` points wide.

    >>> from banmian.tasks.pdf.extract import Glyph, make_line
    >>> def block(text, size, top, x0=0.0):
    ...     return Block([make_line([Glyph(c, x0 + size * i, x0 + size * (i + 1), top, size, "F")
    ...                              for i, c in enumerate(text)])], "display")
    >>> h = read_heading([block("新春走基层", 12, 12), block("开展安全检查", 30, 50), block("——全市排查隐患", 14, 80)], 300)
    >>> h.kicker, h.headline, h.subheadline, [d for d, _ in h.decoration]
    ('新春走基层', '开展安全检查', '全市排查隐患', ['——'])
    """
    if not group:
        return Heading()
    main, kicker, sub = heading_parts(group)
    sub_text, dashes = _sub_text(sub)
    under_a_subject = sub_text is not None and states_what_happened(sub_text)
    heading = Heading(headline=_parts_text(main, measure, under_a_subject=under_a_subject))
    heading.kicker = _wrapped_text(kicker) or None
    if heading.kicker is None and heading.headline is not None and _one_vertical_line(main):
        heading.kicker, heading.headline = _stacked_tag(heading.headline)
    heading.subheadline = sub_text
    if dashes is not None:
        heading.decoration.append(dashes)
    return heading


def _one_vertical_line(blocks: Sequence[Block]) -> bool:
    """A headline set as one vertical line (a vertical title)."""
    return len(blocks) == 1 and len(blocks[0].lines) == 1 and blocks[0].lines[0].vertical


def _stacked_tag(headline: str) -> tuple[str | None, str]:
    """``(kicker, headline)`` of a vertical title: a column tag stacked over it in its own size and column
    (``新春走基层`` / ``新进党一分为六…``) has no gap or size to tell it, only its form (``lines.is_column_tag``,
    the shortest that fits); else no kicker and the headline whole."""
    for n in range(STACKED_TAG_MIN, min(COLUMN_TAG_MAX_CHARS, len(headline) - STACKED_TAG_MIN) + 1):
        if is_column_tag(headline[:n]):
            return headline[:n], headline[n:]
    return None, headline


def heading_parts(group: Sequence[Block]) -> tuple[list[Block], list[Block], list[Block]]:
    """``(headline, kicker, subheadline)`` blocks: the largest type, smaller type above it, and below it."""
    biggest = max(b.size for b in group)
    main = [b for b in group if b.size >= biggest * HEADLINE_SIZE_SHARE]
    smaller = [b for b in group if b.size < biggest * HEADLINE_SIZE_SHARE]
    first, last = _top_and_bottom(main)
    return main, [b for b in smaller if b.bottom <= first], [b for b in smaller if b.top >= last - SUB_OVERLAP]


def _top_and_bottom(blocks: Sequence[Block]) -> tuple[float, float]:
    return min(b.top for b in blocks), max(b.bottom for b in blocks)


def rows_of(blocks: Sequence[Block]) -> list[list[TextLine]]:
    """The blocks' lines in rows (lines standing side by side), top to bottom, each row left to right."""
    out: list[list[TextLine]] = []
    for ln in sorted((ln for b in blocks for ln in b.lines), key=lambda ln: ln.top):
        if out and abs(out[-1][0].top - ln.top) <= ROW_SLACK * ln.size:
            out[-1].append(ln)
        else:
            out.append([ln])
    return [sorted(r, key=lambda ln: ln.x0) for r in out]


def _row_text(row: list[TextLine]) -> str:
    """Pieces of one row joined by a space (the gap of a couplet set on one line)."""
    return " ".join(clean_heading(ln.text) for ln in row)


def _row_width(row: list[TextLine]) -> float:
    return row[-1].x1 - row[0].x0


def _wrapped_text(blocks: Sequence[Block]) -> str:
    """One heading part over one or more rows: the rows joined as one text."""
    return _wrapped_rows(rows_of(blocks)).strip()


def _parts_text(blocks: Sequence[Block], measure: float, *, under_a_subject: bool = False) -> str | None:
    """The headline's rows joined: a wrapped part's rows with nothing, the parts with a space."""
    rows = rows_of(blocks)
    if not rows:
        return None
    halves = _couplet_halves(rows, measure) if under_a_subject else None
    if halves is not None:
        return " ".join(halves)
    text = _row_text(rows[0])
    for i in range(1, len(rows)):
        text += ("" if _wraps_into(rows[i - 1:i + 2], measure) else " ") + _row_text(rows[i])
    return text


def _wraps_into(rows: list[list[TextLine]], measure: float) -> bool:
    """Whether the second row goes on with the heading part the first holds (a wrap), or is the next part.

    Two rows that fit the measure together are two parts, unless wrapped in a narrower measure
    (``_wrapped_narrower``); a first row with no room for one more
    character is wrapped. Else a first row narrower than the next is another part (unless a mark
    kept off a line's end or start moved a character down), a wider one a balanced wrap's, and
    so are rows of one width with a shorter one after them. Two rows of one width alone, with
    room to spare, are a couplet's halves (a balanced wrap leaves its first row the wider) unless
    the first ends on a mark.
    """
    upper, lower = rows[0], rows[1]
    size = upper[0].size
    w1, w2 = _row_width(upper), _row_width(lower)
    if len(upper) > 1 or len(lower) > 1:
        return False
    if _closes_what_opened(_row_text(upper), "".join(_row_text(r) for r in rows[1:])):
        return True
    if w1 + w2 <= measure - HALF_EM * size:
        return _wrapped_narrower(_row_text(upper), _row_text(lower), w1 - w2 > WRAP_SLACK * size)
    if _is_full(upper, measure):
        return True
    if w1 < w2 - WRAP_SLACK * size:
        return _kept_from_line_end(upper[-1].text, lower[0].text)
    if w1 > w2 + WRAP_SLACK * size:
        return True
    if len(rows) > 2 and len(rows[2]) == 1 and _row_width(rows[2]) <= w2 + WRAP_SLACK * size:
        return True
    return upper[-1].text.endswith(tuple(LINE_END_MARKS))


def _closes_what_opened(upper: str, lower: str) -> bool:
    """The rows after the first close a bracket it left open: one part wrapped inside a title or a quotation
    (dev12 0060: ``《马克思主义`` / ``哲学基础新`` / ``编》``), as no heading part ends inside brackets."""
    return any(upper.count(o) > upper.count(c) and c in lower for o, c in BRACKET_PAIRS)


def _wrapped_narrower(upper: str, lower: str, upper_wider: bool) -> bool:
    """Two rows that fit the text's measure together, wrapped all the same in a narrower one (the heading's
    own): the first the wider, as a balanced wrap leaves it, broken where line-breaking rules force a break
    (``学习《价格法》贯彻`` / ``《价格法》``), and not shaped like a couplet's halves, which two parts are."""
    return upper_wider and _kept_from_line_end(upper, lower) and not is_one_line_couplet(f"{upper} {lower}")


def _couplet_halves(rows: list[list[TextLine]], measure: float) -> tuple[str, str] | None:
    """The two halves of a couplet whose every row is full, when they make one: else None.

    Rows that all fill the measure read alike as one part wrapped and as two halves each wrapped
    (``不忘育`` / ``人初心`` / ``共筑廉`` / ``洁校园``). A couplet is a pair of parallel slogans that do
    not say what happened, so a paper sets the news under it as a subheadline (a subject line,
    ``lexicon.states_what_happened``: the caller asks); a headline that wraps says its news itself.
    So under one, an even number of full rows whose two halves are shaped like a couplet's
    (``lines.is_one_line_couplet``), with no mark ending the first and no character stranded by
    the break between them, are its two halves.
    """
    if len(rows) % 2 or not all(len(r) == 1 and _is_full(r, measure) for r in rows):
        return None
    first, second = _wrapped_rows(rows[:len(rows) // 2]), _wrapped_rows(rows[len(rows) // 2:])
    if first.endswith(tuple(LINE_END_MARKS)) or not is_one_line_couplet(f"{first} {second}") \
            or break_strands_a_character(first, second):
        return None
    return first, second


def _wrapped_rows(rows: list[list[TextLine]]) -> str:
    """Rows of one heading part read on from each other: a wrap joins with nothing between."""
    return "".join(_row_text(r) for r in rows)


def _is_full(row: list[TextLine], measure: float) -> bool:
    """A row with no room left for one more character (``WRAP_SLACK`` for rounding)."""
    size = row[0].size
    return _row_width(row) + size > measure - WRAP_SLACK * size


def _kept_from_line_end(upper: str, lower: str) -> bool:
    """A wrapped line left short by line-breaking rules: the next opens with an opening mark, with a
    character a closing mark (or a mark of ``NO_START_MARKS``) pulled down (``朝《劳动新`` / ``闻》发表评论``),
    or with a number that did not fit (``地捐款`` / ``14.7亿港``)."""
    return lower[:1] in OPENING_MARKS or lower[1:2] in CLOSING_MARKS + NO_START_MARKS or upper[-1:] in OPENING_MARKS \
        or (lower[:1].isascii() and lower[:1].isalnum())


def _sub_text(blocks: Sequence[Block]) -> tuple[str | None, tuple[str, TextLine] | None]:
    """The subheadline without the dashes that open it, and those dashes (decoration) with their line."""
    rows = rows_of(blocks)
    if not rows:
        return None, None
    text = _wrapped_text(blocks)
    dashes = subtitle_dashes(text)
    sub = clean_heading(text.lstrip(DASHES + " "))
    return sub or None, ((dashes, rows[0][0]) if dashes else None)


def measure_under(group: Sequence[Block], below: Sequence[Block]) -> float:
    """The width a heading group was set in: the first band of text under it, else its own width."""
    if not group:
        return 0.0
    x0, x1 = min(b.x0 for b in group), max(b.x1 for b in group)
    under = _body_below(group, below)
    start = _first_under(under, x0, x1)
    if start is None:
        return x1 - x0
    band = [b for b in under if abs(b.top - start.top) <= b.size]
    edges = [column_edges(b) for b in _columns_beside(band, start)]
    return max(x1, *(right for _, right in edges)) - min(x0, *(left for left, _ in edges))


def _first_under(under: Sequence[Block], x0: float, x1: float) -> Block | None:
    """The topmost block of ``under`` that overlaps ``x0``-``x1``; None if none does."""
    first = [b for b in under if b.x0 < x1 and b.x1 > x0]
    return min(first, key=lambda b: b.top) if first else None


def _body_below(group: Sequence[Block], below: Sequence[Block]) -> list[Block]:
    """Body blocks that start under the group's foot (their em box may reach ``UNDER_OVERLAP`` above it)."""
    floor = max(g.bottom for g in group)
    return [b for b in below if b.top >= floor - UNDER_OVERLAP * b.size and b.kind == "body"]


def _columns_beside(band: list[Block], start: Block) -> list[Block]:
    """``start`` and the columns level with it, a gutter apart one after another: the text a heading spans."""
    cols = [start]
    for b in sorted(band, key=lambda b: b.x0):
        if b.x0 > cols[-1].x1 and b.x0 - cols[-1].x1 <= COLUMN_GUTTER * b.size:
            cols.append(b)
    for b in sorted(band, key=lambda b: -b.x1):
        if b.x1 < cols[0].x0 and cols[0].x0 - b.x1 <= COLUMN_GUTTER * b.size:
            cols.insert(0, b)
    return cols
