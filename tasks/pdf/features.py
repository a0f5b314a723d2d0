"""A feature set in several regions: its sections and a moved tail gathered under its lead.

A page's lead feature may run its sections in regions of their own among other stories, each
headed only by its crosshead, and set the tail of a paragraph far away. Such a region is no
story: a crosshead is set smaller than any story's headline, at the size of the crossheads inside
the feature's text when it has some. The sections go on the lead, the story with the page's
largest headline, in reading order; text with no heading that opens mid-sentence (no indent,
no dateline, no bullet) is the tail of the lead's paragraph left unfinished, which the text
rules' ``rejoin_tails`` joins again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from banmian.tasks.pdf.flow import INDENT_MIN, Flow
from banmian.tasks.pdf.heads import Heading, is_heading_size
from banmian.tasks.pdf.layout import CROSSHEAD_MAX, Block, Region, Type
from banmian.tasks.pdf.stories import Story

#: Type within this share of a crosshead's size is that crosshead's size.
SIZE_SLACK: Final = 0.03
#: Text a crosshead heads starts at most this many body lines under its top (dev 0060: a crosshead set wider
#: than its column, its text 5.5 lines down) ...
SECTION_TEXT_DROP: Final = 6.0
#: ... and at most this many body ems left or right of it (a short crosshead centred over its column).
SECTION_TEXT_SHIFT: Final = 3.0


def sections_beside_headings(page_regions: Sequence[Region], body: Type) -> list[Region]:
    """The page's regions with a section's text set beside another story's heading moved under its crosshead.

    A section's crosshead may stand in a region of its own, its text just under it but level with another
    story's heading, clear of that heading's measure, which the layout gave the region of that heading (dev
    0043). A body block of a headed region standing beside its heading that opens a paragraph (indented) right
    under a bare crosshead (``SECTION_TEXT_DROP`` lines, ``SECTION_TEXT_SHIFT`` ems) is the crosshead's text: a
    story's next column beside its heading goes on with its sentence, and has no crosshead over it."""
    bare = [r for r in page_regions if _bare_crosshead_region(r, body)]
    for host in page_regions:
        heads = [b for b in host.blocks if b.kind != "body" and is_heading_size(b, body)]
        for b in [b for b in host.blocks if heads and _beside(b, heads, body)]:
            head = next((r for r in bare if _heads_text(r.blocks[0], b, body)), None)
            if head is not None:
                host.blocks.remove(b)
                head.blocks.append(b)
    return list(page_regions)


def texts_under_column_crossheads(page_regions: Sequence[Region], body: Type) -> list[Region]:
    """The page's regions with headless text standing under a crosshead that ends a column of another region moved
    in right after that crosshead.

    A feature's section may start at the foot of a column, its crosshead the last line of the column in the
    feature's region and its text set further down, below another story's heading or a picture, a region of its
    own (dev12 0054: 常规武器黔驴技穷 ends the second column, its text a region three lines under it that goes on
    into the third column's head). A region of body text only whose first block starts under such a crosshead
    (``SECTION_TEXT_DROP`` lines, ``SECTION_TEXT_SHIFT`` ems) is that crosshead's text."""
    out = list(page_regions)
    for host in page_regions:
        for head in [b for b in host.blocks if _ends_column(b, host, body)]:
            text = _headless_text_under(head, [r for r in out if r is not host], body)
            if text is not None:
                at = host.blocks.index(head) + 1
                host.blocks[at:at] = text.blocks
                out = [r for r in out if r is not text]
    return out


def _headless_text_under(head: Block, page_regions: Sequence[Region], body: Type) -> Region | None:
    """The region of body text only that starts under the crosshead ``head``; None when there is none."""
    return next((r for r in page_regions if _headless(r) and _heads_text(head, r.blocks[0], body)), None)


def _ends_column(b: Block, host: Region, body: Type) -> bool:
    """``b`` is a crosshead inside ``host``'s text with nothing of ``host`` under it in its column."""
    if not (b.kind == "display" and len(b.lines) == 1 and _crosshead_type(b, body)) or host.blocks[0] is b:
        return False
    return not any(o.top >= b.bottom and o.x0 < b.x1 and o.x1 > b.x0 for o in host.blocks)


def _crosshead_type(b: Block, body: Type) -> bool:
    """Type of a heading's size but smaller than ``CROSSHEAD_MAX`` body sizes."""
    return is_heading_size(b, body) and b.size < CROSSHEAD_MAX * body.size


def _headless(reg: Region) -> bool:
    """A region of body text only."""
    return bool(reg.blocks) and not reg.pictures and all(b.kind == "body" for b in reg.blocks)


def _bare_crosshead_region(reg: Region, body: Type) -> bool:
    """A region of one line of crosshead type and nothing else."""
    if len(reg.blocks) != 1 or reg.pictures:
        return False
    b = reg.blocks[0]
    return b.kind == "display" and len(b.lines) == 1 and _crosshead_type(b, body)


def _beside(b: Block, heads: Sequence[Block], body: Type) -> bool:
    """``b`` is body text opening indented beside the heading, above its foot and clear of its measure."""
    left, right = min(h.x0 for h in heads), max(h.x1 for h in heads)
    indented = b.lines[0].x0 - b.x0 >= INDENT_MIN * body.size
    return b.kind == "body" and indented and b.top < max(h.bottom for h in heads) and (b.x0 >= right or b.x1 <= left)


def _heads_text(head: Block, b: Block, body: Type) -> bool:
    """``b`` starts under the crosshead ``head``, within ``SECTION_TEXT_DROP`` lines and ``SECTION_TEXT_SHIFT`` ems."""
    drop = b.top - head.bottom
    return 0 <= drop <= SECTION_TEXT_DROP * body.size * body.leading and abs(b.x0 - head.x0) <= SECTION_TEXT_SHIFT * body.size


def gather_features(stories: list[Story], headless: list[Story], body: Type) -> tuple[list[Story], list[Story]]:
    """Stories with the lead's sections and tails folded into it, and the headless text left over."""
    headless = texts_under_crossheads(stories, headless, body)
    sections = feature_sections(stories, body)
    lead = lead_story(stories, sections)
    if lead is None or not (sections or headless):
        return stories, headless
    sections = sections + sections_run_on(_without(stories, [*sections, lead]), [st.size for st in sections])
    for st in sorted(sections, key=_place):  # in reading order: top to bottom, then left to right
        lead.extend(st)
    tails = [st for st in headless if opens_mid_sentence(st)] if sections or lead.flow.crossheads else []
    for st in tails:
        lead.extend(st)
    return _without(stories, sections), _without(headless, tails)


def texts_under_crossheads(stories: Sequence[Story], headless: list[Story], body: Type) -> list[Story]:
    """Headless text standing under a crosshead that has none of its own goes under it; the headless text left.

    A crosshead set wider than its section's column stands in a region of its own (or ends the text above
    it), its text a little further down (``SECTION_TEXT_DROP``): the nearest headless text under it, starting
    where it does, is its text. A heading stands for a crosshead only at the size of the page's crossheads
    (inside a story's text or headless text, dev 0033, or heading a section): a label over a column of briefs
    (短讯) has a size of its own."""
    left = list(headless)
    sizes = _crosshead_sizes([*stories, *headless], body)
    for st in stories:
        head = _crosshead_without_text(st, sizes, body)
        if head is None:
            continue
        text = min((h for h in left if _stands_under(h, head, body)), key=_place, default=None)
        if text is not None:
            st.flow.extend(text.flow)
            left = _without(left, [text])
    return left


def _crosshead_without_text(story: Story, sizes: Sequence[float], body: Type) -> tuple[float, float] | None:
    """Where a crosshead with no text under it stands (top, left): the story's heading at a crosshead size
    (``_bare_crosshead``), or a crosshead ending the story's text; None when it has none."""
    if _bare_crosshead(story, body) and any(abs(story.size - s) <= SIZE_SLACK * s for s in sizes):
        return story.place
    flow = story.flow
    if flow.paras and len(flow.paras) in flow.crossheads and flow.crosshead_lines:
        last = max(flow.crosshead_lines, key=lambda ln: ln.top)
        return (last.top, last.x0)
    return None


def _crosshead_sizes(stories: Sequence[Story], body: Type) -> list[float]:
    """Sizes of the crossheads inside stories' text and of the headings of sections set apart."""
    inside = _inner_crosshead_sizes(stories, body)
    return inside + [st.size for st in stories if is_section(st, inside, body)]


def _inner_crosshead_sizes(stories: Sequence[Story], body: Type) -> list[float]:
    """Sizes of the crossheads set inside stories' text (smaller than ``CROSSHEAD_MAX`` body sizes)."""
    return [ln.size for st in stories for ln in st.flow.crosshead_lines if ln.size < CROSSHEAD_MAX * body.size]


def _bare_crosshead(story: Story, body: Type) -> bool:
    """A heading of one line of crosshead type with nothing under it."""
    h = story.heading
    return story.single_head and not story.flow.paras and not (h.kicker or h.subheadline or story.bylines) \
        and story.size < CROSSHEAD_MAX * body.size


def _stands_under(text: Story, head: tuple[float, float], body: Type) -> bool:
    """``text`` starts under a crosshead standing at ``head`` (top, left), within ``SECTION_TEXT_DROP`` lines and
    ``SECTION_TEXT_SHIFT`` ems of its left."""
    drop = text.place[0] - head[0]
    return 0 < drop <= SECTION_TEXT_DROP * body.size * body.leading \
        and abs(text.place[1] - head[1]) <= SECTION_TEXT_SHIFT * body.size


def feature_sections(stories: Sequence[Story], body: Type) -> list[Story]:
    """The stories that are sections of a feature: headed by crosshead type only."""
    sizes = _inner_crosshead_sizes(stories, body)
    return [st for st in stories if is_section(st, sizes, body)]


def sections_run_on(stories: Sequence[Story], section_sizes: Sequence[float]) -> list[Story]:
    """Sections of a feature read into the end of another story's text, taken off it as stories of their own.

    A section set in a column under another story is read as that story's crosshead (one region). Its one
    crosshead, of one line at the size of the feature's sections set apart, heads no part of that story: a
    story's own crossheads come two or more (dev 0034, 0057, 0081)."""
    return [sec for st in stories if (sec := _run_on_section(st, section_sizes)) is not None]


def _run_on_section(story: Story, section_sizes: Sequence[float]) -> Story | None:
    """The section read into the end of ``story``'s text, split off it; None when it has none."""
    flow = story.flow
    if len(flow.crossheads) != 1 or len(flow.crosshead_lines) != 1:
        return None
    (k, heads), = flow.crossheads.items()
    line = flow.crosshead_lines[0]
    if not 0 < k < len(flow.paras) or len(heads) != 1 or not _at_size(line.size, section_sizes):
        return None
    tail = Flow(flow.paras[k:], {}, [], flow.flush_right[k:])
    story.flow = Flow(flow.paras[:k], {}, [], flow.flush_right[:k])
    return Story(Heading(headline=heads[0]), line.size, [], tail, 0, True, place=(line.top, line.x0))


def _at_size(size: float, sizes: Sequence[float]) -> bool:
    """``size`` is one of ``sizes``, within ``SIZE_SLACK``."""
    return any(abs(size - s) <= SIZE_SLACK * s for s in sizes)


def lead_story(stories: Sequence[Story], sections: Sequence[Story]) -> Story | None:
    """The story with the page's largest headline among those with text that are no section; None if none."""
    leads = [st for st in _without(stories, sections) if st.flow.paras]
    return max(leads, key=lambda st: st.size) if leads else None


def _place(story: Story) -> tuple[float, float]:
    return story.place


def _without(stories: Sequence[Story], taken: Sequence[Story]) -> list[Story]:
    """``stories`` less the very objects in ``taken``."""
    gone = {id(st) for st in taken}
    return [st for st in stories if id(st) not in gone]


def is_section(story: Story, crosshead_sizes: Sequence[float], body: Type) -> bool:
    """Text headed by one line of crosshead type only: a section of a feature, set apart."""
    h = story.heading
    if not story.single_head or not story.flow.paras or h.kicker or h.subheadline or story.bylines:
        return False
    return story.size < CROSSHEAD_MAX * body.size or any(abs(story.size - s) <= SIZE_SLACK * s for s in crosshead_sizes)


def opens_mid_sentence(story: Story) -> bool:
    """Text whose first line goes on with a sentence: no indent, no dateline, no bullet."""
    first = story.flow.paras[0] if story.flow.paras else None
    return first is not None and not first.indented and not first.dateline and not first.bullet
