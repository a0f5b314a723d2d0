"""Stage 3 of segmentation: the page read as units and the heading groups between them.

The regions of a page (``regions``) are read top to bottom: prose opens a
unit or goes on with the open one, heading lines wait for the unit after
them, a photo credit closes a caption, jump markers, furniture and labels
become metadata and residue.
"""

from __future__ import annotations

from typing import Final

from banmian.tasks.model import PageMeta, Residue
from banmian.tasks.text.chars import han_count
from banmian.tasks.text.clean import clean_heading
from banmian.tasks.text.lexicon import break_splits_word
from banmian.tasks.text.lines import BLANK, BYLINE, CREDIT, FURNITURE, HEAD, JUMP, LABEL, Line, STRAY, page_number_parts
from banmian.tasks.text.paragraphs import Paragraph, build_paragraphs, same_flow
from banmian.tasks.text.segment.captions import close_caption
from banmian.tasks.text.segment.jumps import brackets_of
from banmian.tasks.text.segment.regions import regions
from banmian.tasks.text.segment.units import HeadGroup, Page, Unit


def read_units(lines: list[Line]) -> Page:
    """The page as units and the heading groups between them."""
    units: list[Unit] = []
    groups: list[HeadGroup] = []
    residue: list[Residue] = []
    meta: PageMeta = {}
    open_unit: Unit | None = None   # unit that following prose continues
    pending: list[HeadGroup] = []   # groups waiting for their next unit
    pending_jump: str | None = None
    jumps: list[tuple[str, int]] = []

    def start(unit: Unit) -> Unit:
        units.append(unit)
        for g in pending:
            g.next = len(units) - 1
        pending.clear()
        return unit

    cut: Unit | None = None         # unit whose text heading lines just cut mid-sentence
    cut_by: list[Line] = []         # those heading lines
    waiting: tuple[Unit, HeadGroup] | None = None  # a lead with no text yet, and heading lines after it
    for kind, lns in regions(lines):
        if kind == "prose":
            paras = build_paragraphs(lns)
            if waiting is not None:
                _open_lead_text(waiting, paras[0], groups, pending)
                open_unit, waiting = waiting[0], None
            for para in paras:
                essay, cut = cut, None  # only the first paragraph after a box can go on with its text
                if essay is not None and _resumes_cut_text(essay, cut_by, para):
                    essay.paras[-1].append(para)
                    if essay.kind == "lead" and units[-1] is not essay and units[-1].kind == "lead":
                        _take_box_bylines(essay, units[-1])
                    open_unit = essay
                    continue
                if para.dateline or para.bullet or open_unit is None or _changes_flow(open_unit, para, lines) \
                        or (open_unit.paras and open_unit.paras[-1].ends_article):  # its article has no more here
                    open_unit = start(Unit("story" if para.dateline else "brief" if para.bullet else "orphan"))
                    if pending_jump:
                        open_unit.jump_from, pending_jump = pending_jump, None
                open_unit.paras.append(para)
        elif kind == "head":
            if open_unit is not None and open_unit.paras:
                cut, cut_by = open_unit, []
            cut_by = cut_by + lns
            grp = HeadGroup(lns, prev=len(units) - 1 if units else None)
            if grp.is_lead:
                open_unit, waiting = start(Unit("lead", lead_lines=lns)), None
            else:
                groups.append(grp)
                pending.append(grp)
                waiting = (open_unit, grp) if open_unit is not None and open_unit.kind == "lead" \
                    and not open_unit.paras and not any(ln.kind == HEAD for ln in open_unit.lead_lines) else None
                open_unit = None
            continue
        elif kind == "credit" or kind == CREDIT:
            close_caption(units, lns, start, residue)
            open_unit = None
        elif kind == JUMP:
            text = lns[0].text.strip("（）() ")
            jumps.append((text, lns[0].no))
            if text.startswith(("上接", "接上", "接第")):
                pending_jump = text
            elif units:
                units[-1].jump_to = text
            residue.append(Residue(brackets_of(lns[0].text), "decoration", lns[0].no))
            open_unit = None  # a jump marker ends one article's text or opens another's
        elif kind == STRAY:  # a name's character set into a column: the text goes on around it
            residue.append(Residue(lns[0].text, "unassigned", lns[0].no))
            if cut is None and open_unit is not None and open_unit.paras:
                cut, cut_by = open_unit, []
            continue
        elif kind == FURNITURE:
            _record_furniture(lns[0], meta)
            residue.append(Residue(lns[0].text, "page_furniture", lns[0].no))
        elif kind == LABEL:  # a section label heads a section, not one article
            meta["sections"] = " ".join(filter(None, (meta.get("sections"), clean_heading(lns[0].text))))
            residue.append(Residue(lns[0].text, "page_furniture", lns[0].no))
            open_unit = None
            pending.clear()  # heading lines above a section label do not head what follows it
        else:  # a stray line of any other kind
            residue.append(Residue(lns[0].text, "unassigned", lns[0].no))
        cut = waiting = None  # only heading lines can be printed inside a column's text, or between a byline and its text
    return Page(units, groups, residue, meta, jumps)


#: Heading lines this short (Chinese characters) are a banner's or kicker's
#: fragments (防风险, 活实体) or a name, not a crosshead over text.
FRAGMENT_MAX_CHARS: Final = 4


#: Text that goes on after a box is set in the column of the text before it:
#: their measured widths differ by at most this (half-width digits and
#: punctuation compression move a justified column by about one unit).
CUT_TEXT_COLUMN_SLACK: Final = 1.0


def _resumes_cut_text(unit: Unit, heads: list[Line], para: Paragraph) -> bool:
    """Prose that goes on with a sentence cut by heading lines printed inside its column.

    Extractors emit a box set into a column (a kicker's fragments, an
    author's name) between the column's lines. The text before the box
    stopped mid-sentence; the text after it, in the same column, starts
    full width and is no note or credit. That alone is also how a moved
    tail's crosshead and section look, so the box must show it is no
    crosshead: its lines are fragments, or the break splits a word
    (``新|时代``).
    """
    last = unit.paras[-1]
    if para.indented or para.dateline or para.bullet or para.ends_article or last.terminated \
            or last.ends_article or len(last.lines) < 2 or abs(last.column - para.column) > CUT_TEXT_COLUMN_SLACK:
        return False
    return all(han_count(ln.text) <= FRAGMENT_MAX_CHARS for ln in heads) \
        or break_splits_word(last.lines[-1].text, para.lines[0].text)


def _open_lead_text(waiting: tuple[Unit, HeadGroup], first: Paragraph, groups: list[HeadGroup],
                    pending: list[HeadGroup]) -> None:
    """The text after a lead's byline and one heading group is the lead's: the group is its first crosshead.

    A byline heads the text under it; heading lines printed between the two
    title the text's first section (``——…论述`` / ``范祚军`` /
    ``形成全面开放新格局的重大举措`` / text). Text that opens a story of its
    own (a dateline, a brief's bullet) keeps the heading lines as its head.
    """
    lead, grp = waiting
    if first.dateline or first.bullet:
        return
    lead.crossheads_before.setdefault(0, []).extend(ln.text for ln in grp.lines)
    groups[:] = [g for g in groups if g is not grp]
    pending[:] = [g for g in pending if g is not grp]


def _take_box_bylines(essay: Unit, box: Unit) -> None:
    """A name printed in a box inside an essay's column is one more of its authors."""
    names = [ln for ln in box.lead_lines if ln.kind == BYLINE]
    essay.lead_lines.extend(names)
    box.lead_lines = [ln for ln in box.lead_lines if ln.kind != BYLINE]


def _changes_flow(unit: Unit, para: Paragraph, lines: list[Line]) -> bool:
    """A paragraph set at another column width, after a blank, starts new prose.

    Text that jumps to a column of another width after a finished paragraph
    is another flow (a feature's wide intro after a story, a story after a
    caption); ``resolve_orphans`` decides where it belongs.
    """
    if not unit.paras or not unit.paras[-1].terminated:
        return False
    after_blank = para.first_line >= 2 and lines[para.first_line - 2].kind == BLANK
    return after_blank and not same_flow(unit.paras[-1], para)


def _record_furniture(line: Line, meta: PageMeta) -> None:
    """Keep what page furniture says as page metadata: the first date, editor line and page number printed."""
    text = " ".join(line.text.split())
    page = page_number_parts(text)
    if page is not None:
        if "page_no" not in meta:
            meta["page_no"] = page[0]
            if page[1]:
                meta["page_name"] = page[1]
    elif "年" in text and "月" in text and "日" in text:
        meta.setdefault("date", text)
    else:
        meta.setdefault("editor", text)
