"""Segment a page PDF into articles from its geometry, with banmian's text rules for what the text says.

``segment_pdf`` reads every page of a PDF file; ``segment_pdf_page`` one page:

1. ``extract``: glyphs with size, face and place; rules; pictures; glyphs into printed lines.
2. ``layout``: body type, columns, blocks, and the regions stories fill, in reading order.
3. ``stories``: each region read as articles: heading by size, bylines, text flow into paragraphs,
   photos with their captions; the text rules (credits, jump markers, cleaning, crossheads drawn
   twice) make the same ``Article`` the text path makes. A region with no heading and no picture
   (a column of briefs) is read by the text path itself.
4. Furniture at the head and foot of the page is residue and page metadata, as for text.

The page's text in reading order is kept with the result (``PdfPageResult.text``): every residue
row and article points at its lines, and every glyph of the page is in that text, so the
accounting of the text path holds: every character is in an article field or a residue row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from banmian.tasks.model import Article, PageMeta, PageResult, Residue
from banmian.tasks.pdf.extract import Glyph, PdfPage, TextLine, lines as printed_lines, read_pdf, rows
from banmian.tasks.pdf.layout import (Block, Region, Type, blocks, body_type, join_at_spaces, regions, split_at_gutters,
                                      split_at_white_strips)
from banmian.tasks.pdf.briefs import pieces
from banmian.tasks.pdf.features import gather_features, sections_beside_headings, texts_under_column_crossheads
from banmian.tasks.pdf.heads import Heading
from banmian.tasks.pdf.stories import (Parts, Story, finish_story, join_first_columns, join_last_columns, read_photo,
                                      residue_of, split_region, story_of, text_beside_heading)
from banmian.tasks.text.lines import FURNITURE, line_kind
from banmian.tasks.text.clean import display_width
from banmian.tasks.text.segment import segment_page

#: Regions of this many lines at most, above all other text or below it, are page furniture.
FURNITURE_MAX_LINES: Final = 2
#: A body block of this many lines at least shows a column (shorter ones are captions and bylines), for
#: ``PageGeometry.columns``: a figure for the ``pages`` table, not used in segmentation.
COLUMN_MIN_LINES: Final = 3


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """What the PDF says about a page's make-up, for the ``pages`` table: type and columns."""

    body_size: float            # points
    leading: float              # line pitch over body size
    columns: int                # text columns: distinct left edges of body blocks
    display_sizes: tuple[float, ...]  # sizes larger than the body's, largest first (points)
    regions: int

    def to_json(self) -> dict[str, Any]:
        return {"body_size": self.body_size, "leading": self.leading, "columns": self.columns,
                "display_sizes": list(self.display_sizes), "regions": self.regions}


@dataclass(slots=True)
class PdfPageResult:
    """One PDF page segmented: the result, the page's text in reading order, and its geometry."""

    number: int
    result: PageResult
    text: str
    geometry: PageGeometry
    glyphs: int = 0   # characters in the text layer (0: the page has none, a scan)


def segment_pdf(data: bytes) -> list[PdfPageResult]:
    """Every page of a PDF file, segmented. Raises ``extract.PdfError`` for bytes PDFium cannot open."""
    return [segment_pdf_page(page) for page in read_pdf(data)]


def segment_pdf_page(page: PdfPage) -> PdfPageResult:
    """One page: lines, layout, regions read as articles; furniture and doubled glyphs as residue."""
    body, page_regions, doubled = read_layout(page)
    text = PageText.of(page_regions, doubled)
    furniture = furniture_regions(page_regions)
    residue: list[Residue] = []
    reading = PageReading(body, text, residue)
    for reg in page_regions:
        if any(reg is f for f in furniture):
            residue.extend(residue_of(reg.blocks, text.numbers, "page_furniture"))
        else:
            reading.read(reg)
    articles = reading.articles()
    residue.extend(text.doubled_residue())
    articles.sort(key=lambda a: a.first_line)
    residue.sort(key=lambda r: r.line)
    meta = furniture_meta(furniture)
    return PdfPageResult(page.number, PageResult(articles, residue, meta), text.text, geometry_of(body, page_regions),
                         len(page.glyphs))


def read_layout(page: PdfPage) -> tuple[Type, list[Region], list[Glyph]]:
    """The page's body type, its regions in reading order, and the glyphs drawn twice."""
    found, doubled = printed_lines(page.glyphs)
    body = body_type(found)
    found = join_at_spaces(split_at_gutters(split_at_white_strips(found, body), body), body)
    page_regions = join_first_columns(regions(blocks(found, body), page.pictures, page.rules, body), body)
    page_regions = join_last_columns(page_regions, body)
    return body, texts_under_column_crossheads(sections_beside_headings(page_regions, body), body), doubled


@dataclass(slots=True)
class PageReading:
    """The regions of a page read one by one; the articles made once all are read (a feature spans several)."""

    body: Type
    text: PageText
    residue: list[Residue]
    photos: list[Article] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    headless: list[Story] = field(default_factory=list)

    def read(self, reg: Region) -> None:
        """A region's photos, and its story (text with no heading is kept apart: it may be a feature's tail)."""
        parts = split_region(reg, self.body)
        for photo in parts.photos:
            art = read_photo(photo, self.body, self.text.numbers, self.residue)
            self.photos.extend([art] if art is not None else [])
        self.residue.extend(residue_of(parts.other, self.text.numbers))
        beside = text_beside_heading(parts, self.body)
        if beside:
            self.headless.append(story_of(Parts(text=beside), self.body, self.text.numbers))
        if not (parts.heads or parts.bylines or parts.text):
            return
        story = story_of(parts, self.body, self.text.numbers)
        if parts.heads or parts.bylines:
            self.stories.append(story)
        else:
            self.headless.append(story)

    def articles(self) -> list[Article]:
        """Every article: photos, stories (a feature with its sections gathered), text with no heading."""
        stories, headless = gather_features(self.stories, self.headless, self.body)
        out = list(self.photos)
        for story in stories:
            art = finish_story(story, self.residue)
            out.extend([art] if art is not None else [])
        for story in headless:
            for piece in pieces(story.flow):
                art = finish_story(Story(Heading(), 0.0, [], piece, 0), self.residue)
                out.extend([art] if art is not None else [])
        return out


# --- the page's text ------------------------------------------------------------------------------


@dataclass(slots=True)
class PageText:
    """The page's lines in reading order (a blank line between blocks), and each printed line's number."""

    text: str
    numbers: dict[int, int] = field(default_factory=dict)   # id(TextLine) -> 1-based line
    doubled: list[tuple[str, int]] = field(default_factory=list)  # glyphs drawn twice: (text, line)

    @classmethod
    def of(cls, page_regions: Sequence[Region], doubled: Sequence[Glyph]) -> PageText:
        out: list[str] = []
        numbers: dict[int, int] = {}
        for reg in page_regions:
            for b in reg.blocks:
                for ln in b.lines:
                    out.append(ln.text)
                    numbers[id(ln)] = len(out)
                out.append("")
        copies: list[tuple[str, int]] = []
        for row in rows(doubled):
            out.append("".join(g.text for g in row))
            copies.append((out[-1], len(out)))
        return cls("\n".join(out) + "\n", numbers, copies)

    def doubled_residue(self) -> list[Residue]:
        """Glyphs drawn twice over themselves: the copy of a crosshead (or of fake bold type)."""
        return [Residue(t, "duplicate_crosshead", no) for t, no in self.doubled]


# --- furniture and metadata ----------------------------------------------------------------------------


def furniture_regions(page_regions: Sequence[Region]) -> list[Region]:
    """Short regions standing above all other text or below it, and lines the text rules read as furniture."""
    top, bottom = content_span(page_regions)
    return [r for r in page_regions if not r.pictures and _is_short(r) and
            (r.bottom <= top or r.top >= bottom or _all_furniture(r))]


def content_span(page_regions: Sequence[Region]) -> tuple[float, float]:
    """Top and bottom of the page's content: regions with a picture or more lines than furniture has."""
    content = [r for r in page_regions if r.pictures or _line_count(r) > FURNITURE_MAX_LINES]
    return min((r.top for r in content), default=float("inf")), max((r.bottom for r in content), default=float("-inf"))


def _line_count(reg: Region) -> int:
    return sum(len(b.lines) for b in reg.blocks)


def _is_short(reg: Region) -> bool:
    return 0 < _line_count(reg) <= FURNITURE_MAX_LINES


def _all_furniture(reg: Region) -> bool:
    return all(_reads_as_furniture(ln) for b in reg.blocks for ln in b.lines)


def _reads_as_furniture(ln: TextLine) -> bool:
    return line_kind(ln.text, display_width(ln.text)) == FURNITURE


def furniture_meta(furniture: Sequence[Region]) -> PageMeta:
    """What the furniture says (date, page number and name, editors), read by the text rules."""
    return segment_page("\n\n".join(ln.text for r in furniture for b in r.blocks for ln in b.lines)).meta


def geometry_of(body: Type, page_regions: Sequence[Region]) -> PageGeometry:
    """The page's type and columns, rounded for storage."""
    page_blocks = [b for r in page_regions for b in r.blocks]
    sizes = sorted({round(b.size, 1) for b in page_blocks if b.kind == "display"}, reverse=True)
    return PageGeometry(round(body.size, 2), round(body.leading, 3), column_count(page_blocks, body), tuple(sizes),
                        len(page_regions))


def column_count(page_blocks: Sequence[Block], body: Type) -> int:
    """Text columns: distinct left edges (an em apart or more) of body blocks of ``COLUMN_MIN_LINES`` lines or more."""
    lefts: list[float] = []
    for b in sorted((b for b in page_blocks if b.kind == "body" and len(b.lines) >= COLUMN_MIN_LINES),
                    key=lambda b: b.x0):
        if not lefts or b.x0 - lefts[-1] > body.size:
            lefts.append(b.x0)
    return len(lefts)


def page_results(results: Sequence[PdfPageResult]) -> Mapping[int, PageResult]:
    """Page number -> result."""
    return {r.number: r.result for r in results}
