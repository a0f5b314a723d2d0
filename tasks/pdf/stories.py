"""A region of the page read as articles: its heading, credits, text and photos, by the text rules.

Geometry says what each block of a region is: the heading group is the display type over the
text, a byline the type a little larger than the body between them (or after the text), the text
the body columns, crossheads the display type inside them, a caption the text hanging under a
picture (a photo article of its own, titled by display type over the picture). What the text says
is read by banmian's text rules: datelines, trailing credits, jump markers, bullets, cleaning
(``banmian.tasks.text.segment.articles.article_of`` on a ``Unit`` built here), and photo credits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from banmian.tasks.model import Article, Residue, ResidueReason
from banmian.tasks.pdf.extract import Box, TextLine
from banmian.tasks.pdf.flow import INDENT_MIN, SHORT_BY, Flow, column_edges, read_flow
from banmian.tasks.pdf.heads import Heading, is_heading_size, measure_under, read_heading
from banmian.tasks.pdf.layout import CROSSHEAD_MAX, Block, Region, Type
from banmian.tasks.text.chars import CLOSE_BRACKETS, OPEN_BRACKETS
from banmian.tasks.text.clean import display_width, ends_sentence, join_lines
from banmian.tasks.pdf.briefs import take_lead
from banmian.tasks.pdf.credits import dateline, dateline_run_on, pen_name, photo_credit
from banmian.tasks.text.credits import (Credit, join_keeping_credit_breaks, parse_byline, parse_dateline,
                                        parse_signature, parse_trailing_credit)
from banmian.tasks.text.lines import (BYLINE, JUMP_FROM_PREFIX_RE, JUMP_TO_SUFFIX_RE, LABEL, Line, is_byline_text,
                                      line_kind)
from banmian.tasks.text.segment.articles import article_of
from banmian.tasks.text.segment.tails import rejoin_tails
from banmian.tasks.text.paragraphs import Paragraph
from banmian.tasks.text.segment.units import Unit, UnitKind

#: A letter's signature (一读者, 读者 刘淑琴) is short.
SIGNATURE_MAX_CHARS: Final = 12
#: Spaces a credit's text may gain when the text rules normalise it (``记者王芳`` -> ``记者 王芳``).
CREDIT_SPACING: Final = 4
#: A jump marker (（上接第九版）, seven characters) wraps over this many lines at most, around a picture.
MARKER_MAX_LINES: Final = 4
#: A caption's own credit is short: a flush-right paragraph this long (characters) at most.
CREDIT_MAX_CHARS: Final = 40

#: Text ending within this many body sizes under a heading's foot stands beside the heading (dev 0069: a one-line
#: tail level with a one-line headline ends 0.3 sizes under it; a story's next column runs lines further down).
BESIDE_SLACK: Final = 1.0
#: A headless column opens level with a story's text within this many body sizes to be its first column (dev 0061:
#: both open at the same line, 0.0) ...
COLUMN_LEVEL_SLACK: Final = 0.5
#: ... and stands at most this many body sizes left of it: one gutter (dev 0061: 1.4 sizes).
COLUMN_GUTTER_MAX: Final = 2.0
#: A photo's title smaller than heading type is centred over its picture within this many body sizes (dev12 0074,
#: 0091: 0.0 to 0.1; glyph boxes and a centred line's rounding).
TITLE_CENTRE_SLACK: Final = 1.0


@dataclass(slots=True)
class Photo:
    """Pictures with the caption hanging under them, and a title set over them."""

    pictures: list[Box]
    caption: list[Block]
    title: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class Parts:
    """What each block of a region is."""

    heads: list[Block] = field(default_factory=list)
    bylines: list[Block] = field(default_factory=list)
    text: list[Block] = field(default_factory=list)     # body blocks and crossheads, in reading order
    photos: list[Photo] = field(default_factory=list)
    other: list[Block] = field(default_factory=list)    # display type with no text under it


def split_region(region: Region, body: Type) -> Parts:
    """The blocks of a region by what they are: heading, bylines, text, photos."""
    parts = Parts()
    taken: set[int] = set()
    _captioned_photos(region, parts, taken)
    _title_photos(region, parts, taken, body)
    started = False
    for b in region.blocks:
        if id(b) in taken:
            continue
        started = started or b.kind == "body"
        _part_for(parts, b, body, started).append(b)
    return parts


def text_beside_heading(parts: Parts, body: Type) -> list[Block]:
    """Body blocks taken off ``parts.text`` that stand wholly level with its heading, clear of the heading's
    measure, and open with no indent, while the story's own text (the rest, some of it under the heading) ends
    after a sentence or with a credit on a line of its own: text going on with a sentence of another story that
    the region took in, a paragraph's moved tail (dev 0061, 0069).

    A story's text starts under its heading; text beside a heading set over the story's first column is that
    story's next column, and runs on below the heading (a block ending within a body size of the heading's foot
    does not, ``BESIDE_SLACK``)."""
    if not parts.heads:
        return []
    head = _HeadBox.of(parts.heads)
    text = [b for b in parts.text if b.kind == "body"]
    beside = [b for b in text if head.level_with(b, body) and not _opens_indented(b, body)]
    if not _own_text_ends(head, [b for b in text if all(b is not o for o in beside)], body):
        return []
    parts.text = [b for b in parts.text if all(b is not o for o in beside)]
    return beside


def join_first_columns(page_regions: Sequence[Region], body: Type) -> list[Region]:
    """The page's regions with each headless column that is the first column of a story beside it joined to it.

    A story's first column may be set level with its subheadline, left of the heading's measure, its byline at
    its top (dev 0061): the layout sees no heading over it and makes it a region of its own, which reads as an
    untitled article. A region with no heading type whose byline tops its text, whose text opens level with the
    text of a headed story with no byline of its own (``COLUMN_LEVEL_SLACK``), one gutter left of it
    (``COLUMN_GUTTER_MAX``), and under the top of that story's heading, is that story's first column."""
    out = list(page_regions)
    for col in page_regions:
        host = next((h for h in out if h is not col and _first_column_of(col, h, body)), None)
        if host is not None:
            _join_column(host, col)
            out = [r for r in out if r is not col]
    return out


def join_last_columns(page_regions: Sequence[Region], body: Type) -> list[Region]:
    """The page's regions with each headless column that is the last column of a story beside it joined to it.

    A story's last column may be set beside its heading, level with the heading's top, and run down to the foot of
    the story's text (dev13 0004: 优化营商环境 搭建沟通平台, whose second column stands right of the heading): the
    layout sees no heading over it and makes it a region of its own, which reads as a tail of the page's feature.
    A region of body text only that opens level with the top of a headed story's heading (``COLUMN_LEVEL_SLACK``),
    one gutter right of it (``COLUMN_GUTTER_MAX``), with no indent (it goes on with a sentence), and ends level
    with the foot of that story's text, is that story's last column."""
    out = list(page_regions)
    for col in page_regions:
        host = next((h for h in out if h is not col and _last_column_of(col, h, body)), None)
        if host is not None:
            host.blocks.extend(col.blocks)
            host.parent.update(col.parent)
            out = [r for r in out if r is not col]
    return out


def _last_column_of(col: Region, host: Region, body: Type) -> bool:
    """``col`` is ``host``'s last column, set beside its heading (``join_last_columns``)."""
    heads, host_text = _headed_text(host, body)
    if len(col.blocks) != 1 or col.pictures or col.blocks[0].kind != "body" \
            or not _headline_over(heads, host_text, body):
        return False
    b = col.blocks[0]
    slack = COLUMN_LEVEL_SLACK * body.size
    level = abs(b.top - min(h.top for h in heads)) <= slack \
        and abs(b.bottom - max(t.bottom for t in host_text)) <= slack
    gutter = b.x0 - max(it.x1 for it in [*heads, *host_text])
    goes_on = b.lines[0].x0 - b.x0 < INDENT_MIN * body.size
    return level and goes_on and 0 <= gutter <= COLUMN_GUTTER_MAX * body.size


def _headline_over(heads: Sequence[Block], text: Sequence[Block], body: Type) -> bool:
    """A story's headline over text: heading type of ``CROSSHEAD_MAX`` body sizes or more (a section's crosshead
    is smaller; dev 0018: the feature's next column beside its section 一、事件经过 goes on with the feature)."""
    return bool(text) and any(h.size >= CROSSHEAD_MAX * body.size for h in heads)


def _first_column_of(col: Region, host: Region, body: Type) -> bool:
    """``col`` is ``host``'s first column, set beside its heading (``join_first_columns``)."""
    col_text, col_bylines = _column_parts(col, body)
    heads, host_text = _headed_text(host, body)
    if not (col_text and col_bylines and heads and host_text) or col.pictures:
        return False
    byline_on_top = max(b.bottom for b in col_bylines) <= min(b.top for b in col_text)
    return byline_on_top and col.top >= min(b.top for b in heads) and _opens_beside(col_text, host_text, body)


def _headed_text(reg: Region, body: Type) -> tuple[list[Block], list[Block]]:
    """A region's heading blocks and body blocks when it has a heading and no byline; ``([], [])`` otherwise."""
    heads = [b for b in reg.blocks if b.kind != "body" and is_heading_size(b, body)]
    if len(heads) != sum(b.kind != "body" for b in reg.blocks):
        return [], []
    return heads, [b for b in reg.blocks if b.kind == "body"]


def _opens_beside(col_text: Sequence[Block], host_text: Sequence[Block], body: Type) -> bool:
    """Text opening level with a story's text (``COLUMN_LEVEL_SLACK``), one gutter left of it (``COLUMN_GUTTER_MAX``)."""
    level = abs(min(b.top for b in col_text) - min(b.top for b in host_text)) <= COLUMN_LEVEL_SLACK * body.size
    gutter = min(b.x0 for b in host_text) - max(b.x1 for b in col_text)
    return level and 0 <= gutter <= COLUMN_GUTTER_MAX * body.size


def _column_parts(reg: Region, body: Type) -> tuple[list[Block], list[Block]]:
    """A region's body blocks and its byline blocks (display type too small for a heading, over the text)
    when it has no heading type; ``([], [])`` when it has."""
    if any(b.kind != "body" and is_heading_size(b, body) for b in reg.blocks):
        return [], []
    return [b for b in reg.blocks if b.kind == "body"], [b for b in reg.blocks if b.kind != "body"]


def _join_column(host: Region, col: Region) -> None:
    """``col``'s blocks go into ``host`` before its text: its first column, read first."""
    at = next(i for i, b in enumerate(host.blocks) if b.kind == "body")
    host.blocks[at:at] = col.blocks
    host.parent.update(col.parent)


def _own_text_ends(head: _HeadBox, own: Sequence[Block], body: Type) -> bool:
    """The story's own text stands under its heading, and its last column ends short (``_ends_short``)."""
    return any(map(head.over, own)) and _ends_short(max(own, key=_column_foot), body)


@dataclass(frozen=True, slots=True)
class _HeadBox:
    """Where a heading stands: its foot, and its left and right edges."""

    bottom: float
    left: float
    right: float

    @classmethod
    def of(cls, heads: Sequence[Block]) -> _HeadBox:
        return cls(max(b.bottom for b in heads), min(b.x0 for b in heads), max(b.x1 for b in heads))

    def over(self, b: Block) -> bool:
        """``b`` stands under the heading, in its measure."""
        return b.top >= self.bottom and b.x0 < self.right and b.x1 > self.left

    def level_with(self, b: Block, body: Type) -> bool:
        """``b`` stands wholly beside the heading, clear of its measure (``BESIDE_SLACK``)."""
        return b.bottom <= self.bottom + BESIDE_SLACK * body.size and (b.x0 >= self.right or b.x1 <= self.left)


def _column_foot(block: Block) -> tuple[float, float]:
    """Sorts a block by its column, then down it: the last is the foot of the rightmost column."""
    return round(block.x0), block.bottom


def _ends_short(block: Block, body: Type) -> bool:
    """The block's last line stops short of its column's right edge after a sentence or a credit: its paragraph
    is done, and no sentence goes on in the next column."""
    last = block.lines[-1]
    if len(block.lines) == 1 and _bracketed(last.text):
        return True  # a trailing credit set flush right on a line of its own: the story ends with it
    done = ends_sentence(last.text) or last.text.rstrip().endswith(tuple(CLOSE_BRACKETS))
    return done and last.x1 < column_edges(block)[1] - SHORT_BY * body.size


def _bracketed(text: str) -> bool:
    """The whole text stands in brackets (``（通讯员 罗茂城）``)."""
    t = text.strip()
    return t.startswith(tuple(OPEN_BRACKETS)) and t.endswith(tuple(CLOSE_BRACKETS))


def _opens_indented(block: Block, body: Type) -> bool:
    """The block's first line starts indented against its column: a paragraph opens there."""
    return block.lines[0].x0 - block.x0 >= INDENT_MIN * body.size


def _captioned_photos(region: Region, parts: Parts, taken: set[int]) -> None:
    """Each picture with the text standing right under it (its caption) is a photo."""
    for pic in region.pictures:
        caption = [b for b in region.blocks if region.above(b) is pic and b.kind != "display"]
        if caption:
            parts.photos.append(Photo([pic], caption))
            taken.update(id(b) for b in caption)


def _part_for(parts: Parts, b: Block, body: Type, started: bool) -> list[Block]:
    """Where a block goes: text; bylines or other small display type; heading type above the text, or a
    crosshead (heading type once the text has started). Vertical heading type is the heading wherever it
    stands: a vertical title is set beside its text, and no crosshead is set vertically."""
    if b.kind == "body":
        return parts.text
    if not is_heading_size(b, body):
        return parts.bylines if b.kind in ("vertical", "display") else parts.other
    return parts.text if started and b.kind != "vertical" else parts.heads


def _title_photos(region: Region, parts: Parts, taken: set[int], body: Type) -> None:
    """A heading over a picture titles its photo when no text of a story hangs under the caption."""
    for photo in parts.photos:
        up = region.above(photo.pictures[0]) if photo.pictures else None
        if not isinstance(up, Block) or not titles_picture(up, photo.pictures[0], body):
            continue
        under_caption = [b for b in region.blocks if any(region.above(b) is c for c in photo.caption)]
        if not under_caption:
            photo.title = [up]
            taken.add(id(up))


def titles_picture(up: Block, picture: Box, body: Type) -> bool:
    """Heading type over a picture titles it; so does a single line of display type smaller than a heading's
    (a photo's title is set at 0.7 of the page's headline size: dev12 0074, 0091, 1.12 body sizes) when it is
    centred over the picture (``TITLE_CENTRE_SLACK``) and reads as no byline (a byline over a picture heads an
    inset photo, whose caption has the story's text under it)."""
    if is_heading_size(up, body):
        return True
    return (up.kind == "display" and len(up.lines) == 1 and not is_byline_text(up.text)
            and abs(up.lines[0].centre - (picture.x0 + picture.x1) / 2) <= TITLE_CENTRE_SLACK * body.size)


# --- stories -----------------------------------------------------------------------------------------


@dataclass(slots=True)
class Story:
    """A story read from its region: heading, byline lines and text flow, before the text rules make it an article."""

    heading: Heading
    size: float               # its headline's type size (0: no heading)
    bylines: list[Line]
    flow: Flow
    first_line: int           # the page line of its heading (0: none)
    single_head: bool = False  # its heading is one line of one size: maybe a section's crosshead
    decoration: list[tuple[str, int]] = field(default_factory=list)  # its heading's dashes: (text, page line)
    place: tuple[float, float] = (0.0, 0.0)  # (top, left) of its region on the page, in points

    def extend(self, other: Story) -> None:
        """``other`` goes on this story: a section of a feature set apart (its heading a crosshead), or a tail."""
        head = other.heading.headline if other.size else None
        self.flow.extend(other.flow, head)
        self.bylines.extend(other.bylines)


def story_of(parts: Parts, body: Type, numbers: Mapping[int, int]) -> Story:
    """A region's heading, bylines and text flow."""
    flow = read_flow(parts.text, body, numbers)
    heading = read_heading(parts.heads, measure_under(parts.heads, parts.text))
    bylines = [Line(numbers[id(ln)], ln.text, display_width(ln.text), BYLINE) for b in parts.bylines for ln in b.lines]
    first = min([numbers[id(ln)] for b in parts.heads for ln in b.lines], default=0)
    size = max((b.size for b in parts.heads), default=0.0)
    single = len(parts.heads) == 1
    blocks = parts.heads + parts.text
    place = (min(b.top for b in blocks), min(b.x0 for b in blocks)) if blocks else (0.0, 0.0)
    return Story(heading, size, bylines, flow, first, single, [(t, numbers[id(ln)]) for t, ln in heading.decoration],
                 place)


def finish_story(story: Story, residue: list[Residue]) -> Article | None:
    """The article the text rules make of a story; None when it has no text (its heading is residue)."""
    flow, heading = story.flow, story.heading
    if heading.headline is None and not story.bylines:
        mark, heading.headline = take_lead(flow)
        residue.extend([Residue(mark, "decoration", flow.paras[0].first_line)] if mark else [])
    signature = _take_signature(flow)
    _join_wrapped_marker(flow)
    _join_credit_lines(flow)
    _join_trailing_credit(flow)
    own = _take_dateline(flow) or _take_credit_after_jump(flow) or _take_pen_name(flow)
    unit = Unit(_unit_kind(flow, story.bylines), paras=flow.paras, crossheads_before=flow.crossheads,
                lead_lines=story.bylines)
    rejoin_tails(unit)
    art = article_of(unit, residue)
    if art is None:
        _heading_residue(story, residue)
        return None
    art.kicker, art.headline, art.subheadline = heading.kicker, heading.headline, heading.subheadline
    residue.extend(Residue(text, "decoration", line) for text, line in story.decoration)
    _credit(art, own, signature, residue)
    art.kind = "feature" if any(b.kind == "h" for b in art.blocks) else "news"
    art.first_line = min(art.first_line, story.first_line) if story.first_line else art.first_line
    return art


def _credit(art: Article, own: Credit | None, signature: str | None, residue: list[Residue]) -> None:
    """The article's byline from its own dateline, else from its signature; a signature not used is residue."""
    if own is not None and art.byline is None:
        art.byline, art.authors = own.text, own.authors
    if signature is not None and art.byline is None:
        credit = parse_signature(signature) or parse_byline(signature)  # 一村民 signs with no author's name
        art.byline, art.authors = credit.text, credit.authors
    elif signature is not None:
        residue.append(Residue(signature, "unassigned", art.first_line))


def _join_wrapped_marker(flow: Flow) -> None:
    """A jump marker opening the text wrapped over the first lines of a narrow measure (``（上接`` /
    ``第九版）安…``, set around a picture) is read from one line, as the text rules read a marker."""
    opening = flow.paras[0].lines[0].text if flow.paras else ""
    if not opening.lstrip().startswith(tuple(OPEN_BRACKETS)) or JUMP_FROM_PREFIX_RE.match(opening):
        return
    para = flow.paras[0]
    texts = [ln.text for ln in para.lines[:MARKER_MAX_LINES]]
    k = next((k for k in range(2, len(texts) + 1) if JUMP_FROM_PREFIX_RE.match(join_lines(texts[:k]))), 0)
    if k:
        first = Line(para.first_line, join_lines(texts[:k]), 0.0, para.lines[0].kind)
        flow.paras[0] = para.with_lines([first, *para.lines[k:]])


def _join_credit_lines(flow: Flow) -> None:
    """A dateline set on lines of its own (``新华社拉萨1月4日电`` / ``（刘道国 张贵剑）``) is one paragraph again."""
    while len(flow.paras) > 1 and not flow.paras[1].indented:
        first = _paragraph_text(flow, 0)
        alone, joined = dateline(first), dateline(first + _paragraph_text(flow, 1))
        if alone is None or alone[1] or joined is None or len(joined[0].text) <= len(alone[0].text):
            return
        flow.join(0)


def _join_trailing_credit(flow: Flow) -> None:
    """A credit closing the text set over two short lines (``（据新华社南京1`` / ``月5日电）``) whose last line the
    flow reads as a paragraph of its own (it starts off the column's left edge) goes on its first line's
    paragraph again, for the text rules to take it whole: the credit must start on that paragraph's last line."""
    if len(flow.paras) < 2:
        return
    before, last = flow.paras[-2], flow.paras[-1]
    if len(last.text) > CREDIT_MAX_CHARS or parse_trailing_credit(last.text) is not None:
        return
    found = parse_trailing_credit(join_keeping_credit_breaks([ln.text for ln in before.lines + last.lines], last=True))
    if found is not None and len(found[0].text) <= len(before.lines[-1].text) + len(last.text) + CREDIT_SPACING:
        flow.join(len(flow.paras) - 2)


def _take_credit_after_jump(flow: Flow) -> Credit | None:
    """A credit set on a line of its own under a jump marker closing the text (``…515个。（下转第8版）`` /
    ``（梁春贵）``): the article's credit, taken before the text rules look for the marker at the text's end."""
    if len(flow.paras) < 2 or JUMP_TO_SUFFIX_RE.search(flow.paras[-2].text) is None:
        return None
    found = parse_trailing_credit(flow.paras[-1].text)
    if found is None or found[1]:
        return None
    flow.take(len(flow.paras) - 1)
    return found[0]


def _take_pen_name(flow: Flow) -> Credit | None:
    """A pen name in brackets (``（阿炳）``) alone on the text's last line, a paragraph of its own or after a
    sentence's end: the article's credit (the text rules read a bracketed name only with a common surname)."""
    if not flow.paras:
        return None
    lines = flow.paras[-1].lines
    last = lines[-1].text
    found = pen_name(last) if parse_trailing_credit(last) is None else None
    if found is None:
        return None
    if len(lines) == 1 and len(flow.paras) > 1:
        flow.take(len(flow.paras) - 1)
    elif len(lines) > 1 and ends_sentence(lines[-2].text):
        flow.paras[-1] = flow.paras[-1].with_lines(lines[:-1])
    else:
        return None
    return found


def _paragraph_text(flow: Flow, i: int) -> str:
    return join_keeping_credit_breaks([ln.text for ln in flow.paras[i].lines])


def _take_dateline(flow: Flow) -> Credit | None:
    """A dateline the text rules do not read (``本报…电``, 1998's ``…报道：``) cut off the first paragraph.

    A jump marker opening the paragraph stays for the text rules.
    """
    if not flow.paras:
        return None
    text = _paragraph_text(flow, 0)
    marker = JUMP_FROM_PREFIX_RE.match(text)
    start = marker.end() if marker else 0
    base, found = parse_dateline(text[start:]), _run_on_dateline(flow.paras[0], text[:start]) or dateline(text[start:])
    if found is None or (base is not None and base[0].text == found[0].text):
        return None
    para = flow.paras[0]
    rest = text[:start] + found[1]
    if rest.strip():
        flow.paras[0] = para.with_lines([Line(para.first_line, rest, 0.0, para.lines[0].kind)])
    else:
        flow.take(0)
    return found[0]


def _run_on_dateline(para: Paragraph, marker: str) -> tuple[Credit, str] | None:
    """A dateline run into its reporters on one printed line (``credits.dateline_run_on``), after ``marker``."""
    printed = "\n".join(ln.text for ln in para.lines)
    found = dateline_run_on(printed[len(marker):]) if printed.startswith(marker) else None
    return (found[0], join_keeping_credit_breaks(found[1].split("\n"))) if found else None


def _unit_kind(flow: Flow, bylines: list[Line]) -> UnitKind:
    """A story with byline lines reads them as a lead does; else its text opens as a story or a brief does."""
    if bylines:
        return "lead"
    if flow.paras and flow.paras[0].bullet:
        return "brief"
    return "story"


def _take_signature(flow: Flow) -> str | None:
    """A short line set flush right inside the text, not at its end: a letter's signature (its byline)."""
    for i, para in enumerate(flow.paras[:-1]):
        if flow.flush_right[i] and len(para.text) <= SIGNATURE_MAX_CHARS and not para.terminated:
            return flow.take(i).text
    return None


def _heading_residue(story: Story, residue: list[Residue]) -> None:
    """A heading with no text under it: a label is page furniture, anything else unassigned."""
    line = story.first_line
    for text in (story.heading.kicker, story.heading.headline, story.heading.subheadline):
        if text:
            reason: ResidueReason = "page_furniture" if line_kind(text, display_width(text)) == LABEL else "unassigned"
            residue.append(Residue(text, reason, line))
    residue.extend(Residue(d, "decoration", no) for d, no in story.decoration)


# --- photos --------------------------------------------------------------------------------------------


def read_photo(photo: Photo, body: Type, numbers: Mapping[int, int], residue: list[Residue]) -> Article | None:
    """A photo article: its caption's paragraphs, its credit (a flush-right line, or in brackets at the end), its title."""
    flow = read_flow(photo.caption, body, numbers)
    credit, lines = _photo_credit(flow)
    unit = Unit("photo", paras=flow.paras, credit=credit, credit_lines=lines)
    art = article_of(unit, residue)
    if art is None:
        return None
    if photo.title:
        heading = read_heading(photo.title, max(b.x1 for b in photo.title) - min(b.x0 for b in photo.title))
        art.headline = " ".join(filter(None, (heading.kicker, heading.headline, heading.subheadline)))
    return art


def _photo_credit(flow: Flow) -> tuple[Credit | None, list[Line]]:
    """The caption's credit: a short paragraph of its own first or last, or a bracketed credit closing it."""
    _split_credit_line(flow)
    _join_credit_tail(flow)
    for i in {len(flow.paras) - 1, 0} if len(flow.paras) > 1 else ():
        para = flow.paras[i]
        credit = photo_credit(para.text) if len(para.text) <= CREDIT_MAX_CHARS else None
        if credit is not None:
            flow.take(i)
            return credit, list(para.lines)
    return _bracketed_credit(flow)


def _split_credit_line(flow: Flow) -> None:
    """A photo credit set on a line of its own over the caption (``赵磊 摄影报道`` / ``图①：西藏乃东县…``),
    not far enough right to read as flush right in a narrow column, is a paragraph of its own."""
    if flow.paras and len(flow.paras[0].lines) > 1 and photo_credit(flow.paras[0].lines[0].text) is not None:
        flow.split(0, 1)


def _join_credit_tail(flow: Flow) -> None:
    """A photo credit set over two short lines at the caption's foot (``本报记者 殷峻彪`` / ``李志勇 摄``) is
    one paragraph: the two together name more photographers than the last line alone."""
    if len(flow.paras) < 3:
        return
    before, last = flow.paras[-2], flow.paras[-1]
    alone = photo_credit(last.text)
    if alone is None or before.terminated or len(before.text) > CREDIT_MAX_CHARS:
        return
    joined = photo_credit(f"{before.text} {last.text}")
    if joined is not None and len(joined.photographers) > len(alone.photographers):
        flow.join(len(flow.paras) - 2)


def _bracketed_credit(flow: Flow) -> tuple[Credit | None, list[Line]]:
    """（新华社记者 王芳 摄） closing the caption's last paragraph."""
    if not flow.paras:
        return None, []
    last = flow.paras[-1]
    text = last.text.rstrip()
    if not text.endswith(tuple(CLOSE_BRACKETS)):
        return None, []
    start = max(text.rfind(c) for c in OPEN_BRACKETS)
    credit = photo_credit(text[start + 1:-1]) if start >= 0 else None
    if credit is None:
        return None, []
    credit.text = text[start:]
    flow.paras[-1] = last.with_lines([Line(last.first_line, text[:start], 0.0, last.lines[0].kind)])
    return credit, []


def residue_of(blocks: Sequence[Block], numbers: Mapping[int, int],
               reason: ResidueReason = "unassigned") -> list[Residue]:
    """Blocks no article takes, line by line."""
    return [Residue(ln.text, reason, numbers[id(ln)]) for b in blocks for ln in b.lines]


def lines_of(blocks: Sequence[Block]) -> list[TextLine]:
    return [ln for b in blocks for ln in b.lines]
