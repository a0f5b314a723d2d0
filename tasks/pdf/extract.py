"""What a page PDF says: characters with their size, face and place; rules; pictures.

The PDF is read with pypdfium2 (Apache-2.0 / BSD-3-Clause; Google's PDFium, BSD-3-Clause), the
renderer pdfplumber itself depends on: it hands every character with its box, origin and font
size in well under a tenth of a second per page, where pdfminer.six (under pdfplumber) takes one
to two seconds. Nothing here parses PDF by hand.

Characters are then set back into printed lines (``lines``): glyphs on one baseline at one size,
split where a gap is wider than any a line holds; characters stacked one under another at one x
(a headline or a name set vertically) make one vertical line. A glyph drawn twice over itself
(outline and fill, the way crossheads and fake bold are printed) is kept apart as a ``duplicate``,
so nothing is lost and nothing is read twice.

All coordinates are in points from the page's top left (y grows downwards).
"""

from __future__ import annotations

import ctypes
import statistics
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c  # the C API, for what the helpers do not wrap

from banmian.tasks.text.chars import HANGING_MARKS

#: Where a glyph's em box starts above its baseline and ends below it, in ems (the ideographic em box).
ASCENT: Final = 0.88
DESCENT: Final = 0.12
#: Paths thinner than this (points) are rules; thicker ones are boxes, whose four sides are rules.
RULE_MAX_THICKNESS: Final = 2.0
#: Two glyphs on one line have baselines within this share of their size.
BASELINE_SLACK: Final = 0.25
#: Glyphs of one line differ in size by at most this share (a line is set at one size; a byline at
#: 1.05 body is another line than the body beside it).
SIZE_SLACK: Final = 0.02
#: A gap wider than this (body ems) ends a line: wider than a space (half an em) with a tight line's
#: justification, narrower than any gutter pages use (0.8 em and up). Tried on the gate PDF set (seed
#: 11, 100 pages): 0.6 cuts lines after a comma in loose lines (exact_body 0.861 -> 0.848).
LINE_GAP: Final = 0.75
#: ... and in a line set loose (its usual gap, ``_usual_gap``), a gap this much over that one.
LOOSE_EXTRA: Final = 0.6
#: Gaps on either side of a gap that tell how loose its line is set.
LOOSE_WINDOW: Final = 6
#: A glyph drawn twice: the same character within this share of an em of the first.
DUPLICATE_SLACK: Final = 0.15
#: Vertical setting: one glyph per line, its lines at one x (this share of an em) and size, each the
#: next's top within ``VERTICAL_PITCH`` ems of the one above (vertical type is set 1-1.3 ems apart).
VERTICAL_X_SLACK: Final = 0.2
VERTICAL_PITCH: Final = 1.5
#: ... and with no text of its row within this many of its ems (a vertical title stands apart).
VERTICAL_ALONE: Final = 1.5
#: Glyph boxes are at least this wide (points): PDFium gives some marks a zero-width box.
MIN_GLYPH_WIDTH: Final = 0.1
#: The body size assumed on a page with no glyphs (points): a newspaper's body type is 9-10.5.
DEFAULT_SIZE: Final = 10.0

PDFIUM_TEXT, PDFIUM_PATH, PDFIUM_IMAGE = 1, 2, 3


class PdfError(ValueError):
    """The bytes are no PDF PDFium can open (damaged, encrypted, not a PDF); ``err_code`` is PDFium's why."""

    def __init__(self, message: str, err_code: int | None = None) -> None:
        super().__init__(message)
        self.err_code = err_code


@dataclass(frozen=True, slots=True)
class Glyph:
    """One printed character: its em box (``x0``-``x1`` by advance), baseline, size and face."""

    text: str
    x0: float
    x1: float
    base: float
    size: float
    font: str

    @property
    def top(self) -> float:
        return self.base - ASCENT * self.size

    @property
    def bottom(self) -> float:
        return self.base + DESCENT * self.size


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the page: a rule (thin) or a picture."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.bottom - self.top


@dataclass(frozen=True, slots=True)
class PdfPage:
    """One page of a PDF as read: glyphs in drawing order, rules and pictures."""

    number: int          # 1-based page of the file
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    rules: tuple[Box, ...]
    pictures: tuple[Box, ...]


@dataclass(frozen=True, slots=True)
class TextLine:
    """A printed line: its glyphs left to right (top to bottom when ``vertical``), with its box and type."""

    glyphs: tuple[Glyph, ...]
    text: str            # the glyphs' text; a gap wider than a space within the line is one space
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    vertical: bool = False

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def read_pdf(data: bytes) -> list[PdfPage]:
    """Every page of a PDF file's bytes. Raises ``PdfError`` when PDFium cannot open them."""
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise PdfError(str(exc), exc.err_code) from exc
    try:
        return [read_page(doc[i], i + 1) for i in range(len(doc))]
    finally:
        doc.close()


def read_page(page: pdfium.PdfPage, number: int) -> PdfPage:
    """One page: its glyphs from the text layer, its rules and pictures from the drawing."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        glyphs = tuple(_glyphs(textpage, height))
    finally:
        textpage.close()
    rules: list[Box] = []
    pictures: list[Box] = []
    for obj in page.get_objects(max_depth=2):
        if obj.type == PDFIUM_PATH:
            rules.extend(_rules_of(_box(obj.get_bounds(), height)))
        elif obj.type == PDFIUM_IMAGE:
            pictures.append(_box(obj.get_bounds(), height))
    return PdfPage(number, width, height, glyphs, tuple(rules), tuple(pictures))


def _box(bounds: tuple[float, float, float, float], height: float) -> Box:
    left, bottom, right, top = bounds
    return Box(left, height - top, right, height - bottom)


def _rules_of(box: Box) -> list[Box]:
    """A thin path is a rule; a box's sides are four."""
    if min(box.x1 - box.x0, box.bottom - box.top) <= RULE_MAX_THICKNESS:
        return [box]
    x0, t, x1, b = box.x0, box.top, box.x1, box.bottom
    return [Box(x0, t, x1, t), Box(x0, b, x1, b), Box(x0, t, x0, b), Box(x1, t, x1, b)]


def _glyphs(textpage: pdfium.PdfTextPage, height: float) -> Iterator[Glyph]:
    """The characters the PDF draws (not those PDFium adds at line ends), whitespace left out."""
    fonts: dict[bytes, str] = {}
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    for i in range(textpage.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(textpage, i):
            continue
        ch = chr(pdfium_c.FPDFText_GetUnicode(textpage, i))
        if ch.isspace() or not ch.isprintable():
            continue
        x0, _, x1, _ = textpage.get_charbox(i, loose=True)
        ox, oy = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(textpage, i, ctypes.byref(ox), ctypes.byref(oy))
        size = pdfium_c.FPDFText_GetFontSize(textpage, i)
        pdfium_c.FPDFText_GetFontInfo(textpage, i, name, len(name), ctypes.byref(flags))
        font = fonts.setdefault(name.value, face_name(name.value.decode("latin-1")))
        yield Glyph(ch, x0, max(x1, x0 + MIN_GLYPH_WIDTH), height - oy.value, size, font)


def face_name(name: str) -> str:
    """A font's face without the subset tag a PDF writer adds (``AAAAAB+SimSun`` → ``SimSun``).

    >>> face_name("AAAAAB+WenQuanYiZenHei-0"), face_name("SimSun")
    ('WenQuanYiZenHei-0', 'SimSun')
    """
    tag, plus, rest = name.partition("+")
    return rest if plus and len(tag) == 6 and tag.isupper() else name


# --- glyphs into lines --------------------------------------------------------------------------


def lines(glyphs: Sequence[Glyph]) -> tuple[list[TextLine], list[Glyph]]:
    """The page's printed lines (horizontal, then vertical ones joined), and the glyphs drawn twice.

    >>> g = [Glyph(c, 10.0 * i, 10.0 * i + 10, 20.0, 10.0, "F") for i, c in enumerate("开展检查")]
    >>> [ln.text for ln in lines(g + [Glyph("读", 200.0, 210.0, 20.0, 10.0, "F")])[0]]
    ['开展检查', '读']
    """
    kept, doubled = split_duplicates(glyphs)
    body = common_size(kept)
    out: list[TextLine] = []
    alone: list[TextLine] = []
    for row in rows(kept):
        pieces = split_row(row, body)
        for i, piece in enumerate(pieces):
            (alone if _stands_alone(pieces, i) else out).append(piece)
    vertical = join_vertical(alone)
    heads = _stack_heads(out, [ln for ln in vertical if ln.vertical])
    taken = {id(p) for over in heads.values() for p in over}
    vertical = [_headed(ln, heads.get(id(ln), [])) for ln in vertical]
    return sorted([ln for ln in out if id(ln) not in taken] + vertical, key=lambda ln: (ln.top, ln.x0)), doubled


def _stack_heads(pieces: list[TextLine], stacks: list[TextLine]) -> dict[int, list[TextLine]]:
    """id(vertical line) -> single glyphs over it that open it though text of their row stands near them
    (a vertical title's first characters level with the next story's headline), top first: each at the
    stack's x and size, its pitch over the glyph under it."""
    singles = [p for p in pieces if len(p.glyphs) == 1]
    heads: dict[int, list[TextLine]] = {}
    used: set[int] = set()
    for stack in stacks:
        over: list[TextLine] = []
        top = stack
        while (up := next((p for p in singles if id(p) not in used and _stacks_on(p, top)), None)) is not None:
            over.insert(0, up)
            used.add(id(up))
            top = up
        if over:
            heads[id(stack)] = over
    return heads


def _headed(stack: TextLine, over: list[TextLine]) -> TextLine:
    """The vertical line with the glyphs found over it first."""
    return make_line([p.glyphs[0] for p in over] + list(stack.glyphs), vertical=True) if over else stack


def _stands_alone(pieces: list[TextLine], i: int) -> bool:
    """A single glyph with no text of its row near it: maybe a character of vertical type.

    A glyph a loose line's justification set apart (``年  伊`` in a column two ems wide) is not.
    """
    p = pieces[i]
    if len(p.glyphs) > 1:
        return False
    reach = VERTICAL_ALONE * p.size
    return all(q.x0 - p.x1 > reach or p.x0 - q.x1 > reach for j, q in enumerate(pieces) if j != i)


def common_size(glyphs: Sequence[Glyph]) -> float:
    """The size most glyphs are set at: the body type.

    >>> common_size([Glyph("字", 0, 10, 10, 10.0, "F")] * 3 + [Glyph("题", 0, 30, 10, 30.0, "F")])
    10.0
    """
    sizes = Counter(round(g.size, 1) for g in glyphs)
    return sizes.most_common(1)[0][0] if sizes else DEFAULT_SIZE


def split_duplicates(glyphs: Sequence[Glyph]) -> tuple[list[Glyph], list[Glyph]]:
    """Glyphs once each, and the copies drawn over them (same character, same size, same place)."""
    seen: dict[tuple[str, int, int], list[Glyph]] = {}
    kept: list[Glyph] = []
    doubled: list[Glyph] = []
    for g in glyphs:
        cell = (g.text, round(g.x0 / max(g.size, 1.0)), round(g.base / max(g.size, 1.0)))
        near = seen.setdefault(cell, [])
        if any(_over(g, other) for other in near):
            doubled.append(g)
        else:
            near.append(g)
            kept.append(g)
    return kept, doubled


def _over(a: Glyph, b: Glyph) -> bool:
    slack = DUPLICATE_SLACK * a.size
    return abs(a.size - b.size) <= SIZE_SLACK * a.size and abs(a.x0 - b.x0) <= slack and abs(a.base - b.base) <= slack


def rows(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by baseline and size, each row left to right."""
    out: list[list[Glyph]] = []
    open_rows: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: (g.base, g.x0)):
        open_rows = [r for r in open_rows if g.base - r[0].base <= BASELINE_SLACK * r[0].size]
        row = next((r for r in open_rows if _same_size(r[0].size, g.size)), None)
        if row is None:
            row = []
            open_rows.append(row)
            out.append(row)
        row.append(g)
    for r in out:
        r.sort(key=lambda g: g.x0)
    return out


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) <= SIZE_SLACK * max(a, b)


def split_row(row: list[Glyph], body: float) -> list[TextLine]:
    """A row cut into lines where a gap is wider than a line holds: ``LINE_GAP`` body ems, more in a loose line.

    The gutter between two headlines side by side is as narrow as the body's; a couplet's gap in
    a headline is wider than that, and ``layout`` joins its halves again.
    """
    gaps = gaps_of(row, ink=row[0].size <= body * 1.05)  # display type is set with its marks whole
    unit = min(row[0].size, body)
    out: list[TextLine] = []
    start = 0
    for i, gap in enumerate(gaps):
        if gap > LINE_GAP * unit and gap > _usual_gap(gaps, i, unit) + LOOSE_EXTRA * unit:
            out.append(make_line(row[start:i + 1]))
            start = i + 1
    out.append(make_line(row[start:]))
    return out


def _usual_gap(gaps: list[float], i: int, unit: float) -> float:
    """How loose the line around gap ``i`` is set: the median gap on each side of it (gutters left out), the
    tighter side's (a gap between a tight line and a loose one in the next column is a gutter)."""
    sides = [[g for g in side if g <= LINE_GAP * unit]
             for side in (gaps[max(0, i - LOOSE_WINDOW):i], gaps[i + 1:i + 1 + LOOSE_WINDOW])]
    medians = [statistics.median(side) for side in sides if side]
    return min(medians) if medians else 0.0


def gaps_of(row: Sequence[Glyph], ink: bool = True) -> list[float]:
    """The white space after each glyph of a row but the last.

    A Chinese mark fills the em of the characters beside it, whatever advance the font gives it
    (a proportional ``“`` or ``·`` set in an em's room); the em is a character's width, which
    condensed type narrows.

    >>> [round(g, 1) for g in gaps_of([Glyph(c, x, x + w, 10.0, 10.0, "F") for c, x, w in
    ...                                  (("说", 0.0, 10), ("“", 10.0, 3), ("好", 20.0, 10), ("A", 32.0, 5))])]
    [0.0, 0.0, 2.0]
    """
    ems = _ems(row)
    return [b.x0 - _right(a, em, ink) for a, b, em in zip(row, row[1:], ems)]


def _right(g: Glyph, em: float, ink: bool) -> float:
    """Where a glyph ends: a Chinese character at its em, a Latin letter at its advance; by its ink, a
    closing mark in the first half of its em (a compressed or hanging mark's em box reaches into the
    gutter) and a digit or letter within half an em (a font's wider digit overhangs its half-width room)."""
    if ink and g.text in HANGING_MARKS:
        return g.x0 + em / 2
    if g.text.isascii():
        return min(g.x1, g.x0 + em / 2) if ink and g.text.isalnum() else g.x1
    return max(g.x1, g.x0 + em)


def _ems(row: Sequence[Glyph]) -> list[float]:
    """Each glyph's em: the width of the nearest Chinese character before it, else after it, else its size."""
    out: list[float] = []
    last: float | None = None
    for g in row:
        if is_ideograph(g.text):
            last = g.x1 - g.x0
        out.append(last if last is not None else -1.0)
    after: float | None = None
    for i in range(len(row) - 1, -1, -1):
        if is_ideograph(row[i].text):
            after = row[i].x1 - row[i].x0
        if out[i] < 0:
            out[i] = after if after is not None else row[i].size
    return out


def is_ideograph(ch: str) -> bool:
    """A CJK ideograph (the basic block or extension A)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def make_line(glyphs: Sequence[Glyph], vertical: bool = False) -> TextLine:
    """A line of glyphs; within a horizontal line a gap wider than ``SPACE_GAP`` ems reads as one space."""
    first = glyphs[0]
    parts = [first.text]
    gaps = [0.0] * len(glyphs) if vertical else gaps_of(glyphs, ink=False)
    for b, gap, em in zip(glyphs[1:], gaps, _ems(glyphs)):
        if gap > SPACE_GAP * em:
            parts.append(" ")
        parts.append(b.text)
    sizes = sorted(g.size for g in glyphs)
    return TextLine(tuple(glyphs), "".join(parts), min(g.x0 for g in glyphs), max(g.x1 for g in glyphs),
                    min(g.top for g in glyphs), max(g.bottom for g in glyphs), sizes[len(sizes) // 2],
                    first.font, vertical)


#: A gap inside a line wider than this (ems) is a space: half an em is the narrowest a space is set,
#: justification spreads a line by a tenth or two.
SPACE_GAP: Final = 0.3


def join_vertical(singles: list[TextLine]) -> list[TextLine]:
    """Single glyphs stacked at one x and size (vertical type) joined into one vertical line each."""
    stacks: list[list[TextLine]] = []
    for p in sorted(singles, key=lambda p: p.top):
        stack = next((st for st in stacks if _stacks_on(st[-1], p)), None)
        if stack is None:
            stacks.append([p])
        else:
            stack.append(p)
    return [ln for stack in stacks for ln in _stack_lines(stack)]


def _stacks_on(above: TextLine, p: TextLine) -> bool:
    return abs(above.x0 - p.x0) <= VERTICAL_X_SLACK * p.size and _same_size(above.size, p.size) \
        and 0 < p.top - above.top <= VERTICAL_PITCH * p.size


def _stack_lines(stack: list[TextLine]) -> list[TextLine]:
    if len(stack) >= 2:
        return [make_line([p.glyphs[0] for p in stack], vertical=True)]
    return stack
