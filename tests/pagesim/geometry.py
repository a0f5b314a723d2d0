"""Geometry: stories as rectangles on a column grid, every printed line with its position.

A page is a grid of columns (width in body ems, gutters between).  Each *unit* (a story, a part
of the lead feature, a photo, a briefs column, a banner, furniture) asks for a span of grid
columns and is dropped where the page is lowest over that span, the way a make-up editor fills a
page from the top (a skyline packing: the rectangles tile the page without overlap).  Inside its
rectangle a unit sets its headline across its width (or in a narrow side box, or vertically), its
byline, an inset photo with caption, then its body flowing down its text columns, balanced, so
paragraphs break across columns wherever the depth falls.

Everything here is in body ems from the unit's or page's top-left; ``Layout.lines`` converts to
points (x, y of the line's top, width of its box, type size) so that a PDF renderer can draw the
same page.  Nothing here knows about extraction: the extractor (``extract.py``) only sees blocks.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Final

from .tagged import TText
from .typeset import Measure, SetLine, char_width, set_paragraph

#: Vertical space between units and before a crosshead, in body lines.
UNIT_GAP: Final = 1.0
CROSSHEAD_SPACE: Final = 0.6
#: Photos are this high relative to their width (landscape news photos: 0.55-0.8).
PHOTO_ASPECT: Final = (0.5, 0.8)
#: Width of a vertical name or title box, in ems of its own size.
VERTICAL_BOX: Final = 1.5


@dataclass
class Run:
    """A stretch of text set one way: body paragraph, headline line, credit, caption ...

    ``size`` is relative to body type; ``keep`` sets it on one line whatever the width (a
    couplet with its gap, a furniture line); ``para`` numbers body paragraphs (-1 for other runs).
    """

    text: TText
    role: str
    size: float = 1.0
    align: str = "justify"
    indent: float = 0.0
    keep: bool = False
    para: int = -1


@dataclass
class Unit:
    """Something the page places as one rectangle."""

    uid: int
    kind: str
    article: int | None
    span: int = 1
    inner: int = 1
    head: list[Run] = field(default_factory=list)
    head_pos: str = "top"
    byline: list[Run] = field(default_factory=list)
    inset: Unit | None = None
    image: int = 0  # pictures above the text (photos side by side)
    credit_first: bool = False
    body: list[Run] = field(default_factory=list)
    foot: list[Run] = field(default_factory=list)
    runaround: int = 0
    runaround_width: float = 4.0
    vertical: list[TText] = field(default_factory=list)
    place: str = "flow"  # flow | top | bottom
    align_x: str = "left"  # where a top/bottom furniture unit sits


@dataclass
class PLine:
    """A printed line: text, box (ems), type size relative to body, justification gap."""

    text: TText
    x: float
    y: float
    width: float
    size: float
    gap: float
    role: str
    para_end: bool = False
    para: int = -1
    indent: float = 0.0  # the first line's indent in ems (text starts at ``x + indent``)


@dataclass
class Block:
    """A text box as an extractor groups lines: one body column, a headline group, a caption."""

    bid: int
    uid: int
    kind: str
    lines: list[PLine]
    col: int = 0
    vertical: bool = False

    @property
    def box(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) in ems."""
        xs = [ln.x for ln in self.lines] + [ln.x + ln.width for ln in self.lines]
        ys = [ln.y for ln in self.lines] + [ln.y + ln.size for ln in self.lines]
        return min(xs), min(ys), max(xs), max(ys)


@dataclass
class Grid:
    """The page's column grid and type."""

    columns: int
    colw: float
    gutter: float
    leading: float
    compress: bool
    hang: bool
    head_scale: float

    def width(self, span: int) -> float:
        """Width in ems of ``span`` grid columns with their gutters."""
        return span * self.colw + (span - 1) * self.gutter

    def x(self, col: int) -> float:
        """Left edge of grid column ``col``."""
        return col * (self.colw + self.gutter)


@dataclass
class Layout:
    """A laid-out page: its blocks in make-up order, the grid, the units' rectangles and the pictures'
    boxes (``(uid, (x0, y0, x1, y1))`` in ems: photos, cartoons; for a PDF renderer, read-only)."""

    grid: Grid
    blocks: list[Block]
    rects: dict[int, tuple[float, float, float, float]]
    body_size: float
    height: float
    pictures: list[tuple[int, tuple[float, float, float, float]]] = field(default_factory=list)

    def lines(self) -> list[dict[str, Any]]:
        """Every printed line in points (for a PDF renderer): top-left ``x``/``y``, box ``width``, type
        ``size``, ``gap``, the extra space between characters that justification adds, and ``indent``
        (the text starts at ``x + indent``)."""
        s = self.body_size
        return [{"text": ln.text.text, "x": round(ln.x * s, 2), "y": round(ln.y * s, 2),
                 "indent": round(ln.indent * s, 2), "width": round(ln.width * s, 2), "size": round(ln.size * s, 2),
                 "gap": round(ln.gap * ln.size * s, 3), "role": ln.role, "block": b.bid, "vertical": b.vertical}
                for b in self.blocks for ln in b.lines]


# --- setting one unit --------------------------------------------------------------------------


class UnitSetter:
    """Sets one unit inside a rectangle of a given width; collects blocks in unit coordinates."""

    def __init__(self, grid: Grid, rng: random.Random):
        self.g = grid
        self.rng = rng
        self.blocks: list[Block] = []
        self.pictures: list[tuple[int, tuple[float, float, float, float]]] = []

    def block(self, uid: int, kind: str, lines: list[PLine], col: int = 0, vertical: bool = False) -> None:
        """Keep a block if it has lines."""
        if lines:
            self.blocks.append(Block(len(self.blocks), uid, kind, lines, col, vertical))

    def runs(self, runs: list[Run], x: float, y: float, width: float) -> tuple[list[PLine], float]:
        """Set runs one under another in a box; return the lines and the new ``y``."""
        out: list[PLine] = []
        for r in runs:
            lines, y = self.run(r, x, y, width)
            out.extend(lines)
        return out, y

    def run(self, r: Run, x: float, y: float, width: float) -> tuple[list[PLine], float]:
        """Set one run at its size; headline-like runs are not justified."""
        lh = r.size * self.g.leading
        if r.keep:
            used = sum(char_width(c, False) for c in r.text.text) * r.size
            dx = {"center": max(0.0, (width - used) / 2), "right": max(0.0, width - used)}.get(r.align, 0.0)
            return [PLine(r.text, x + dx, y, used, r.size, 0.0, r.role, True, r.para)], y + lh
        measure = max(1.0, width / r.size)
        if r.align != "justify":
            measure = _balanced(r.text.text, measure)
        m = Measure(lambda i: measure, indent=r.indent, compress=self.g.compress,
                    hang=self.g.hang, justify=r.align == "justify")
        out = []
        for sl in set_paragraph(r.text, m):
            out.append(self._pline(sl, r, x, y, width))
            y += lh
        return out, y

    def _pline(self, sl: SetLine, r: Run, x: float, y: float, width: float) -> PLine:
        used = (sl.natural + sl.indent) * r.size
        if r.align == "center":
            x += max(0.0, (width - used) / 2)
        elif r.align == "right":
            x += max(0.0, width - used)
        return PLine(sl.text, x, y, width if r.align == "justify" else used, r.size, sl.gap, r.role,
                     sl.last, r.para, sl.indent * r.size)

    def set(self, u: Unit) -> float:
        """Set the whole unit; return its height in ems."""
        width = self.g.width(u.span)
        side = u.head_pos == "side" and u.inner > 1
        x_text = VERTICAL_BOX * 1.6 if u.head_pos == "vertical" else 0.0
        y = self._top(u, width, x_text, side)
        if u.inset is not None:
            y = self._inset(u.inset, x_text, y, width - x_text)
        y = self._pictures(u, y, width)
        if u.credit_first and u.foot:
            lines, y = self.runs(u.foot, 0.0, y, width)
            self.block(u.uid, "credit", lines)
        y = self._body(u, x_text, y, width - x_text, side)
        if u.foot and not u.credit_first:
            lines, y = self.runs(u.foot, 0.0, y, width)
            self.block(u.uid, "credit" if u.kind == "photo" else "foot", lines)
        if u.vertical:
            self._vertical(u.uid, "vname", u.vertical, width + 0.3, 0.0, 1.1)
        return y

    def _top(self, u: Unit, width: float, x_text: float, side: bool) -> float:
        """Headline (across the top, or vertical at the left) and byline; the new ``y``."""
        y = 0.0
        if u.head and u.head_pos == "vertical":
            self._vertical(u.uid, "vhead", [r.text for r in u.head], 0.0, y, u.head[0].size)
        elif u.head and not side:
            lines, y = self.runs(u.head, 0.0, y, width)
            self.block(u.uid, "head", lines)
        if u.byline:
            lines, y = self.runs(u.byline, x_text, y, width - x_text)
            self.block(u.uid, "byline", lines)
        return y

    def _pictures(self, u: Unit, y: float, width: float) -> float:
        if not u.image:
            return y
        h = width * self.rng.uniform(*PHOTO_ASPECT) / max(1, u.image)
        w = width / u.image
        self.pictures.extend((u.uid, (k * w, y, (k + 1) * w - (0.5 if k + 1 < u.image else 0.0), y + h))
                             for k in range(u.image))
        return y + h + 0.5

    def _inset(self, inset: Unit, x: float, y: float, width: float) -> float:
        h = width * self.rng.uniform(*PHOTO_ASPECT)
        self.pictures.append((inset.uid, (x, y, x + width, y + h)))
        y += h + 0.5
        if inset.credit_first and inset.foot:
            lines, y = self.runs(inset.foot, x, y, width)
            self.block(inset.uid, "credit", lines)
        lines, y = self.runs(inset.body, x, y, width)
        self.block(inset.uid, "caption", lines)
        if inset.foot and not inset.credit_first:
            lines, y = self.runs(inset.foot, x, y, width)
            self.block(inset.uid, "credit", lines)
        return y + 0.5

    def _vertical(self, uid: int, kind: str, texts: list[TText], x: float, y: float, size: float) -> None:
        """Characters stacked top to bottom, one line each (as the PDF draws them)."""
        lines = []
        for t in texts:
            for i in range(len(t)):
                if not t.text[i].isspace():
                    lines.append(PLine(t[i:i + 1], x, y, size, size, 0.0, kind, i == len(t) - 1))
                    y += size * 1.15
        self.block(uid, kind, lines, vertical=True)

    def _body(self, u: Unit, x0: float, y: float, width: float, side: bool) -> float:
        m = max(1, u.inner)
        gut = self.g.gutter
        w_in = (width - (m - 1) * gut) / m
        starts = [y] * m
        if side:
            lines, starts[0] = self.runs(u.head, x0, y, w_in)
            starts[0] += 0.5
            self.block(u.uid, "head", lines)
        stream = self._stream(u, w_in)
        if not stream:
            return max(starts)
        cols = _balance(stream, starts, self.g.leading)
        bottom = max(starts)
        for c, col in enumerate(cols):
            x = x0 + c * (w_in + gut)
            yy = starts[c]
            out = []
            for ln, h, before in col:
                yy += before
                out.append(PLine(ln.text, x + ln.x, yy, ln.width, ln.size, ln.gap, ln.role, ln.para_end, ln.para,
                                 ln.indent))
                yy += h
            self.block(u.uid, "body", out, col=c)
            bottom = max(bottom, yy)
        return bottom

    def _stream(self, u: Unit, w_in: float) -> list[tuple[PLine, float, float]]:
        """The body set at the column width, line by line: (line, height, space before)."""
        out: list[tuple[PLine, float, float]] = []
        narrow = u.runaround
        for r in u.body:
            before = CROSSHEAD_SPACE if r.role == "crosshead" and out else 0.0
            if narrow and r.role == "p":
                lines, n_used = self._runaround(r, w_in, u.runaround_width, narrow)
                narrow -= n_used
            else:
                lines, _ = self.run(r, 0.0, 0.0, w_in)
            for i, ln in enumerate(lines):
                out.append((ln, r.size * self.g.leading, before if i == 0 else 0.0))
        return out

    def _runaround(self, r: Run, w_in: float, narrow_w: float, n: int) -> tuple[list[PLine], int]:
        m = Measure(lambda i: narrow_w if i < n else w_in, indent=r.indent, compress=self.g.compress,
                    hang=self.g.hang)
        lines = [self._pline(sl, r, 0.0, 0.0, narrow_w if i < n else w_in)
                 for i, sl in enumerate(set_paragraph(r.text, m))]
        return lines, min(n, len(lines))


def _balanced(text: str, measure: float) -> float:
    """A headline's measure narrowed so its lines come out about equal (no one-character widow).

    >>> _balanced("情洒太旧路昔日过难关百姓慷慨解囊今朝履诺言政府深情还款", 26.0)
    15.0
    """
    natural = sum(char_width(c, False) for c in text)
    lines = -(-natural // measure)
    return measure if lines <= 1 else min(measure, float(-(-natural // lines)) + 1.0)


def _balance(stream: list[tuple[PLine, float, float]], starts: list[float],
             leading: float) -> list[list[tuple[PLine, float, float]]]:
    """Share the stream among columns so that they end at about the same depth."""
    m = len(starts)
    total = sum(h + b for _, h, b in stream) + sum(starts) - m * min(starts)
    target = min(starts) + total / m
    cols: list[list[tuple[PLine, float, float]]] = [[] for _ in range(m)]
    c = 0
    depth = starts[0]
    for item in stream:
        h = item[1] + item[2]
        if c < m - 1 and cols[c] and depth + h > target + leading * 0.5:
            c += 1
            depth = starts[c]
        cols[c].append(item)
        depth += h
    return cols


# --- the page ------------------------------------------------------------------------------


def place(units: list[Unit], grid: Grid, body_size: float, rng: random.Random) -> Layout:
    """Drop units on the page in order (skyline packing), furniture at the top and the foot."""
    sky = [0.0] * grid.columns
    blocks: list[Block] = []
    rects: dict[int, tuple[float, float, float, float]] = {}
    pictures: list[tuple[int, tuple[float, float, float, float]]] = []
    top = [u for u in units if u.place == "top"]
    bottom = [u for u in units if u.place == "bottom"]
    y_top = _furniture_band(top, grid, 0.0, blocks, rects, rng)
    sky = [y_top] * grid.columns
    for u in units:
        if u.place != "flow":
            continue
        k = max(1, min(u.span, grid.columns))
        u.span = k
        c = _lowest(sky, k, rng)
        y0 = max(sky[c:c + k]) + (UNIT_GAP if max(sky[c:c + k]) > 0 else 0.0)
        setter = UnitSetter(grid, rng)
        h = setter.set(u)
        x0 = grid.x(c)
        _move(setter.blocks, x0, y0, blocks)
        pictures.extend((uid, (a + x0, b + y0, c + x0, d + y0)) for uid, (a, b, c, d) in setter.pictures)
        rects[u.uid] = (x0, y0, x0 + grid.width(k), y0 + h)
        for j in range(c, c + k):
            sky[j] = y0 + h
    height = _furniture_band(bottom, grid, max(sky) + UNIT_GAP * 2, blocks, rects, rng)
    for i, b in enumerate(blocks):
        b.bid = i
    return Layout(grid, blocks, rects, body_size, height, pictures)


def _lowest(sky: list[float], k: int, rng: random.Random) -> int:
    """The start column where ``k`` columns are lowest (ties: a random one of them)."""
    tops = [max(sky[c:c + k]) for c in range(len(sky) - k + 1)]
    best = min(tops)
    return rng.choice([c for c, t in enumerate(tops) if t <= best + 1e-6])


def _move(src: list[Block], dx: float, dy: float, dst: list[Block]) -> None:
    for b in src:
        for ln in b.lines:
            ln.x += dx
            ln.y += dy
        dst.append(b)


def _furniture_band(units: list[Unit], grid: Grid, y: float, blocks: list[Block],
                    rects: dict[int, tuple[float, float, float, float]], rng: random.Random) -> float:
    """Furniture lines from ``y`` down: left, centre or right, each dropped below what it would hit."""
    page_w = grid.width(grid.columns)
    placed: list[tuple[float, float, float, float]] = []
    bottom = y
    for u in units:
        setter = UnitSetter(grid, rng)
        lines, h = setter.runs(u.head, 0.0, 0.0, page_w)
        w = max((ln.width for ln in lines), default=0.0)
        x = {"left": 0.0, "center": (page_w - w) / 2, "right": page_w - w}[u.align_x]
        yy = y
        while any(x < r[2] and r[0] < x + w and yy < r[3] and r[1] < yy + h for r in placed):
            yy += h
        for ln in lines:
            ln.x = x
        setter.block(u.uid, "furniture", lines)
        _move(setter.blocks, 0.0, yy, blocks)
        rects[u.uid] = (x, yy, x + w, yy + h)
        placed.append(rects[u.uid])
        bottom = max(bottom, yy + h)
    return bottom + (UNIT_GAP if units else 0.0)
