"""Draw a simulated page (``tests.pagesim``'s layout) as a real PDF page with reportlab.

Every printed line of the layout is drawn character by character at the position the
simulator's typesetter gave it (justification gaps, indents, punctuation compressed or not), at its
type size, in a CJK TrueType font from Debian (``fonts-wqy-zenhei``).  What a layout does not say,
a page *style* drawn from the page's name decides, as different papers do: whether headlines are
set in a second face, and which rules are drawn (none, hairlines between stories, boxes round
some stories); a rule under the masthead furniture.  Pictures (photos, cartoons) are drawn as
images.  A crosshead the simulator prints twice (``以学促干  以学促干``) is drawn twice over the
same place, fill then outline, as real pages do.

Spaces have no width in the simulator's type model; here an ASCII space is half an em and an
ideographic space one em, taken out of the line's justification where it has any, so that the
gap a reader sees in ``记者 王芳`` or a couplet's ``不忘初心 牢记使命`` is there in the PDF too.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final, Literal

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from tests.pagesim.geometry import UNIT_GAP, Block, Layout, PLine
from tests.pagesim.tagged import TText
from tests.pagesim.typeset import char_width

#: Debian's fonts-wqy-zenhei: a TrueType collection (reportlab reads TrueType outlines, not the CFF
#: ones of fonts-noto-cjk). Face 0 is 文泉驿正黑, face 1 its "Sharp" cut, used as a second face.
FONT_FILE: Final = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
BODY_FONT: Final = "WenQuanYiZenHei"
HEAD_FONT: Final = "WenQuanYiZenHeiSharp"
#: Page margins in points.
MARGIN: Final = 36.0
#: Where a line's baseline sits below its top, in ems of its size.
ASCENT: Final = 0.88
#: Widths of spaces in ems (the simulator's type model gives them none).
SPACE_WIDTH: Final = {" ": 0.5, "\u3000": 1.0}
#: Lines set on one line whatever the width (furniture, banners): their marks are never compressed.
KEEP_ROLES: Final = frozenset({"date", "page", "paper", "latin", "editor", "banner"})
#: A line this close (ems) to its unit's edge is set against it.
EDGE: Final = 0.05
#: Roles of text set justified in its column (a paragraph's last line is flush left, not flush right).
JUSTIFIED_ROLES: Final = frozenset({"p", "caption"})
#: Roles set in the headline face when a page sets headlines in a face of their own.
DISPLAY_ROLES: Final = frozenset({"head", "sub", "kicker", "banner", "label", "vhead", "crosshead"})
#: A hairline's and a box's width, points; the masthead rule's.
HAIRLINE: Final = 0.4
MASTHEAD_RULE: Final = 1.5

RuleStyle = Literal["none", "hairlines", "boxes"]
#: How often each rule style is drawn (a page draws one).
RULE_WEIGHTS: Final[dict[RuleStyle, float]] = {"none": 0.4, "hairlines": 0.35, "boxes": 0.25}
#: Share of stories a "boxes" page frames.
BOXED_SHARE: Final = 0.35


@dataclass(frozen=True)
class Style:
    """What a page's layout does not say about how it is drawn."""

    head_face: bool        # headlines in a face of their own
    rules: RuleStyle
    masthead_rule: bool    # a rule under the furniture at the head of the page


def style_for(name: str) -> Style:
    """The style of page ``name``: a pure function of the name (its own random stream, not the simulator's)."""
    rng = random.Random(f"banmian-pdfsim:{name}")
    rules = rng.choices(list(RULE_WEIGHTS), weights=list(RULE_WEIGHTS.values()))[0]
    return Style(rng.random() < 0.5, rules, rng.random() < 0.7)


@functools.cache
def register_fonts() -> None:
    """Both faces of the collection, registered once per process."""
    pdfmetrics.registerFont(TTFont(BODY_FONT, str(FONT_FILE), subfontIndex=0))
    pdfmetrics.registerFont(TTFont(HEAD_FONT, str(FONT_FILE), subfontIndex=1))


def page_size(layout: Layout) -> tuple[float, float]:
    """Width and height in points: the grid and the laid-out depth, with margins."""
    s = layout.body_size
    return layout.grid.width(layout.grid.columns) * s + 2 * MARGIN, layout.height * s + 2 * MARGIN


def render(pages: Sequence[tuple[str, Layout]], path: Path) -> None:
    """Write the pages (name, layout) as one PDF, a page each (an issue when there are several)."""
    register_fonts()
    canvas = Canvas(str(path), invariant=True)
    for name, layout in pages:
        draw_page(canvas, layout, style_for(name))
        canvas.showPage()
    canvas.save()


def draw_page(canvas: Canvas, layout: Layout, style: Style) -> None:
    """One page: pictures, rules, then every line."""
    width, height = page_size(layout)
    canvas.setPageSize((width, height))
    page = _Page(canvas, layout, height)
    page.pictures()
    page.rules(style)
    for block in layout.blocks:
        for line in _drawn_lines(block):
            face = HEAD_FONT if style.head_face and line.role in DISPLAY_ROLES else BODY_FONT
            page.line(line, block.uid, face)


def _drawn_lines(block: Block) -> list[PLine]:
    """A block's lines as drawn: a crosshead printed twice that the layout wrapped is one line drawn twice."""
    out: list[PLine] = []
    run: list[PLine] = []
    for line in [*block.lines, None]:
        if line is not None and line.role == "crosshead":
            run.append(line)
            continue
        out.extend(_crosshead_lines(run))
        run = []
        if line is not None:
            out.append(line)
    return out


def _crosshead_lines(run: list[PLine]) -> list[PLine]:
    """Consecutive crosshead lines; when they hold one crosshead twice, one line (drawn twice by ``char_places``)."""
    joined = "".join(ln.text.text for ln in run)
    if len(run) < 2 or doubled_half(joined) is None:
        return run
    x0, x1 = min(ln.x for ln in run), max(ln.x + ln.width for ln in run)
    return [replace(run[0], text=TText.of(joined, 0), x=x0, width=x1 - x0)]


@dataclass
class _Page:
    """Drawing on one page: layout ems to PDF points (origin at the bottom left)."""

    canvas: Canvas
    layout: Layout
    height: float

    def x(self, em: float) -> float:
        return MARGIN + em * self.layout.body_size

    def y(self, em: float) -> float:
        return self.height - MARGIN - em * self.layout.body_size

    def line(self, line: PLine, uid: int, face: str) -> None:
        """Each character of a line at its place; a crosshead drawn twice gets its copy over the first.

        A line set wider than its story (a couplet kept on one line in a narrow column) is set
        condensed to the story's width, as compositors do, so that it prints over no neighbour; a
        heading set beside its story's text (in its first column) is condensed to end a gutter
        before the column it would overrun.
        """
        size = line.size * self.layout.body_size
        base = self.y(line.y + ASCENT * line.size)
        places = list(char_places(line, self.layout.grid.compress, self._alignment(line, uid)))
        squeeze, start, left = self._condensed(line, uid, places)
        self.canvas.saveState()  # the text render mode is graphics state: an outline copy must not leak
        text = self.canvas.beginText()
        text.setHorizScale(100 * squeeze)
        for ch, x, outline in places:
            text.setFont(face, size)
            text.setTextRenderMode(1 if outline else 0)
            text.setTextOrigin(self.x(left + (x - start) * squeeze), base)
            text.textOut(ch)
        self.canvas.drawText(text)
        self.canvas.restoreState()

    def _condensed(self, line: PLine, uid: int, places: list[tuple[str, float, bool]]) -> tuple[float, float, float]:
        """(horizontal scale, the line's start, where it starts when condensed) to keep it inside its story."""
        if not places:
            return 1.0, 0.0, 0.0
        start = places[0][1]
        end = places[-1][1] + char_width(places[-1][0], False) * line.size
        x0, _, x1, _ = self.layout.rects.get(uid, (start, 0.0, end, 0.0))
        beside = self._text_beside(line, uid, start) if line.role == "head" else None
        if beside is not None and end > beside - EDGE:
            x1 = min(x1, beside - self.layout.grid.gutter)
        if line.role in KEEP_ROLES or (start >= x0 - EDGE and end <= x1 + EDGE) or x1 <= x0:
            return 1.0, start, start
        return min(1.0, (x1 - x0) / (end - start)), start, max(x0, start)

    def _text_beside(self, line: PLine, uid: int, start: float) -> float | None:
        """The left edge of the nearest body line of the same story level with ``line`` and right of its
        start (a column beside a heading set in the first one); None when there is none."""
        edges = [ln.x for b in self.layout.blocks if b.uid == uid and b.kind == "body" for ln in b.lines
                 if ln is not line and ln.x > start + EDGE and ln.y < line.y + line.size and ln.y + ln.size > line.y]
        return min(edges, default=None)

    def _alignment(self, line: PLine, uid: int) -> float:
        """Where an unjustified line sits in its unit: 0 flush left, 0.5 centred, 1 flush right.

        A justified paragraph's last line (no justification gap) starts at its column's left edge: its
        box is the column's, so in the unit's last column it reaches the unit's right edge without being
        set flush right there."""
        x0, _, x1, _ = self.layout.rects.get(uid, (line.x, 0.0, line.x + line.width, 0.0))
        left, right = line.x - x0, x1 - (line.x + line.width)
        if line.gap > 0 or left <= EDGE or line.role in JUSTIFIED_ROLES:
            return 0.0
        return 1.0 if right <= EDGE else 0.5

    def pictures(self) -> None:
        """Photos and cartoons as images over their boxes."""
        for uid, (x0, y0, x1, y1) in self.layout.pictures:
            self.canvas.drawImage(_picture(uid % 7), self.x(x0), self.y(y1),
                                  (x1 - x0) * self.layout.body_size, (y1 - y0) * self.layout.body_size)

    def rules(self, style: Style) -> None:
        """The page's rules: under the masthead furniture, between stories or round some of them."""
        self.canvas.setLineWidth(HAIRLINE)
        rects = self._story_rects()
        if style.rules == "hairlines":
            for r in rects:
                self._hairlines(r)
        elif style.rules == "boxes":
            rng = random.Random(len(rects))
            for r in rects:
                if rng.random() < BOXED_SHARE:
                    self._box(r)
        if style.masthead_rule:
            self._masthead_rule()

    def _story_rects(self) -> list[tuple[float, float, float, float]]:
        """The rectangles of the units that hold text or pictures, furniture left out."""
        furniture = {b.uid for b in self.layout.blocks if b.kind == "furniture"}
        return [r for uid, r in sorted(self.layout.rects.items()) if uid not in furniture and r[3] > r[1]]

    def _hairlines(self, r: tuple[float, float, float, float]) -> None:
        """A rule across the gap under a story, and down the gutter to its right (not at the page's edges)."""
        x0, _, x1, y1 = r
        right = self.layout.grid.width(self.layout.grid.columns)
        bottom = max(rr[3] for rr in self._story_rects())
        if y1 < bottom - 0.5:
            self.canvas.line(self.x(x0), self.y(y1 + UNIT_GAP / 2), self.x(x1), self.y(y1 + UNIT_GAP / 2))
        if x1 < right - 0.5:
            gx = x1 + self.layout.grid.gutter / 2
            self.canvas.line(self.x(gx), self.y(r[1]), self.x(gx), self.y(y1))

    def _box(self, r: tuple[float, float, float, float]) -> None:
        pad = 0.3
        x0, y0, x1, y1 = r
        self.canvas.rect(self.x(x0 - pad), self.y(y1 + pad), (x1 - x0 + 2 * pad) * self.layout.body_size,
                         (y1 - y0 + 2 * pad) * self.layout.body_size, stroke=1, fill=0)

    def _masthead_rule(self) -> None:
        """A heavy rule under the furniture printed at the head of the page, when there is some."""
        tops = [b for b in self.layout.blocks if b.kind == "furniture" and b.lines[0].y < 1.0]
        if not tops:
            return
        y = max(ln.y + ln.size for b in tops for ln in b.lines) + UNIT_GAP / 3
        self.canvas.setLineWidth(MASTHEAD_RULE)
        self.canvas.line(self.x(0.0), self.y(y), self.x(self.layout.grid.width(self.layout.grid.columns)), self.y(y))
        self.canvas.setLineWidth(HAIRLINE)


def char_places(line: PLine, compress: bool, align: float = 0.0) -> Iterator[tuple[str, float, bool]]:
    """(character, left edge in ems, drawn as an outline) of every printed character of a line.

    A crosshead drawn twice is set once, centred in the line's box, and its copy drawn over it.
    The width spaces add to an unjustified line moves its start by ``align`` of it (0.5 when
    centred, 1 when set flush right), so that it stays where it was set.

    >>> from tests.pagesim.tagged import TText
    >>> [(c, x) for c, x, _ in char_places(PLine(TText.of("记者 王芳", 0), 0.0, 0.0, 6.0, 1.0, 0.0, "byline"), False)]
    [('记', 0.0), ('者', 1.0), ('王', 2.5), ('芳', 3.5)]
    """
    text = line.text.text
    single = doubled_half(text) if line.role == "crosshead" else None
    if single is not None:
        places = list(_places(single, line, compress, 0.5, centre=True))
        yield from ((ch, x, False) for ch, x in places)
        yield from ((ch, x, True) for ch, x in places)
        return
    yield from ((ch, x, False) for ch, x in _places(text, line, compress, align, centre=False))


def _places(text: str, line: PLine, compress: bool, align: float, *, centre: bool) -> Iterator[tuple[str, float]]:
    squeeze = compress and line.role not in KEEP_ROLES
    advances = [char_width(ch, squeeze) * line.size for ch in text]
    spaces = [SPACE_WIDTH.get(ch, 0.5) * line.size if ch.isspace() else 0.0 for ch in text]
    gap = line.gap * line.size
    if gap > 0 and len(text) > 1:  # the spaces' width comes out of the justification, as far as it goes
        gap = max(0.0, gap - sum(spaces) / (len(text) - 1))
    x = line.x + line.indent - (align * sum(spaces) if gap == 0 else 0.0)
    if centre:
        x = line.x + max(0.0, (line.width - sum(advances) - sum(spaces)) / 2)
    for ch, adv, space in zip(text, advances, spaces):
        if not ch.isspace():
            yield ch, x
        x += adv + space + gap


def doubled_half(text: str) -> str | None:
    """The crosshead of a line that prints it twice (``以学促干  以学促干`` → ``以学促干``), else None.

    >>> doubled_half("以学促干  以学促干"), doubled_half("以学促干以学促干"), doubled_half("以学促干")
    ('以学促干', '以学促干', None)
    """
    squashed = "".join(text.split())
    half = len(squashed) // 2
    if half and squashed[:half] == squashed[half:]:
        return squashed[:half]
    return None


@functools.cache
def _picture(shade: int) -> ImageReader:
    """A small grey picture (a photo's stand-in), one of seven shades."""
    img = Image.new("L", (8, 6), 90 + 20 * shade)
    for i in range(8):
        img.putpixel((i, i % 6), 40 + 10 * shade)
    return ImageReader(img)
