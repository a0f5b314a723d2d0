"""Stage 3 of segmentation: the page read as units and the heading groups between them.

The regions of a page (``regions``) are read top to bottom by a
``PageReader``: prose opens a unit or goes on with the open one, heading
lines wait for the unit after them, a photo credit closes a caption, jump
markers, furniture and labels become metadata and residue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from banmian.tasks.model import PageMeta, Residue
from banmian.tasks.text.chars import han_count
from banmian.tasks.text.clean import clean_heading
from banmian.tasks.text.credits import AUTHOR_NOTE_RE, JUMP_FROM_WORDS, is_author_line
from banmian.tasks.text.lexicon import break_splits_word
from banmian.tasks.text.lines import (BYLINE, CREDIT, FURNITURE, HEAD, JUMP, LABEL, STRAY, Line, follows_a_blank,
                                      page_number_parts)
from banmian.tasks.text.paragraphs import Paragraph, build_paragraphs, same_flow, set_in_other_columns
from banmian.tasks.text.segment.captions import close_caption, close_credited_caption
from banmian.tasks.text.segment.headlines import heading_phrases
from banmian.tasks.text.segment.jumps import brackets_of, marker_words
from banmian.tasks.text.segment.regions import regions
from banmian.tasks.text.segment.units import HeadGroup, Page, Unit, UnitKind

#: Heading lines this short (Chinese characters) are a banner's or kicker's
#: fragments (防风险, 活实体) or a name, not a crosshead over text.
FRAGMENT_MAX_CHARS: Final = 4
#: Text that goes on after a box is set in the column of the text before it:
#: their measured widths differ by at most this (half-width digits and
#: punctuation compression move a justified column by about one unit).
CUT_TEXT_COLUMN_SLACK: Final = 1.0

#: Paragraphs a text has at least for a name set apart after it to sign it: a caption has one, the
#: essays a name closes on the wild pages have three to seven (wild, pagesim gate: 2 tried, 1 signs captions).
ESSAY_MIN_PARAGRAPHS: Final = 2

#: Regions that can be printed inside a column's text (a box of heading lines, a name's
#: character set into the column) or between a byline and its text: the text goes on after them.
_INSIDE_TEXT: Final = frozenset({"head", STRAY})


def read_units(lines: list[Line]) -> Page:
    """The page as units and the heading groups between them.

    >>> from banmian.tasks.text.lines import classify_page
    >>> page = read_units(classify_page("开展安全检查\\n\\n本报讯（记者 王芳）今天，全市开展安全\\n检查。\\n"))
    >>> [(u.kind, len(u.paras)) for u in page.units], [(g.prev, g.next) for g in page.groups]
    ([('story', 1)], [(None, 0)])
    """
    return PageReader(lines).read()


@dataclass(slots=True)
class PageReader:
    """The state of reading one page's regions top to bottom."""

    lines: list[Line]  # the whole page: whether a blank line stands before a paragraph is looked up in it
    units: list[Unit] = field(default_factory=list)
    groups: list[HeadGroup] = field(default_factory=list)
    residue: list[Residue] = field(default_factory=list)
    meta: PageMeta = field(default_factory=lambda: PageMeta())
    jumps: list[tuple[str, int]] = field(default_factory=list)  # jump marker lines: (text without brackets, line)
    open_unit: Unit | None = None          # the unit that following prose continues
    pending: list[HeadGroup] = field(default_factory=list)  # heading groups waiting for the unit after them
    pending_jump: str | None = None        # a （上接…） line waiting for the text it opens
    cut: Unit | None = None                # a unit whose text heading lines (or a stray character) just cut
    cut_by: list[Line] = field(default_factory=list)  # the heading lines that cut it
    waiting: tuple[Unit, HeadGroup] | None = None     # a lead with no text yet, and heading lines after it
    signer: tuple[Unit, Line] | None = None  # a name set apart after a finished text, and that text's unit

    def read(self) -> Page:
        """Every region read in page order; the page's units, groups, residue and metadata."""
        readers: dict[str, Callable[[list[Line]], None]] = {
            "prose": self._read_prose, "head": self._read_head, "credit": self._read_credit,
            CREDIT: self._read_credit, JUMP: self._read_jump, STRAY: self._read_stray,
            FURNITURE: self._read_furniture, LABEL: self._read_label}
        for region in regions(self.lines):
            readers.get(region.kind, self._read_unassigned)(region.lines)
            if region.kind not in _INSIDE_TEXT:
                self.cut = self.waiting = None
            if region.kind not in ("prose", STRAY):
                self.signer = None
        return Page(self.units, self.groups, self.residue, self.meta, self.jumps)

    def _start(self, unit: Unit) -> Unit:
        """A new unit: the heading groups waiting for one stand before it."""
        self.units.append(unit)
        for g in self.pending:
            g.next = len(self.units) - 1
        self.pending.clear()
        return unit

    def _read_prose(self, lines: list[Line]) -> None:
        """Each paragraph goes on with a text a box cut, or with the open unit, or opens a unit."""
        paras = build_paragraphs(lines)
        if self.signer is not None:
            self._place_name(paras[0])
        if self.waiting is not None:
            self._open_lead_text(paras[0])
        for para in paras:
            essay, self.cut = self.cut, None  # only the first paragraph after a box can go on with its text
            if essay is not None and _resumes_cut_text(essay, self.cut_by, para):
                self._resume_cut_text(essay, para)
            else:
                self._add_paragraph(para)

    def _open_lead_text(self, first: Paragraph) -> None:
        """The text after a lead's byline and one heading group is the lead's: the group is its first crosshead.

        A byline heads the text under it; heading lines printed between the two
        title the text's first section (``——…论述`` / ``范祚军`` /
        ``形成全面开放新格局的重大举措`` / text). Text that opens a story of its
        own (a dateline, a brief's bullet) keeps the heading lines as its head.
        """
        assert self.waiting is not None
        (lead, group), self.waiting = self.waiting, None
        self.open_unit = lead
        if first.dateline or first.bullet:
            return
        lead.crossheads_before.setdefault(0, []).extend(ln.text for ln in heading_phrases(group.lines))
        self.groups[:] = [g for g in self.groups if g is not group]
        self.pending[:] = [g for g in self.pending if g is not group]

    def _place_name(self, first: Paragraph) -> None:
        """A name set apart between a finished text and more text: it signs the text above, or heads the text below.

        Text that goes on in the same column after the name is the text it
        heads (a byline over its essay, its title printed elsewhere). Text in
        another column is another block: pdftotext emitted the name at the end
        of the essay it closes (``articles`` gives it to that text), and the
        text below opens an essay of its own, unsigned.
        """
        assert self.signer is not None
        (above, name), self.signer = self.signer, None
        if not set_in_other_columns(above.paras[-1].lines, first.lines):
            self._head_with_name(name)
        else:
            self.open_unit = self._start(Unit("lead"))

    def _head_with_name(self, name: Line) -> None:
        """The name set apart heads the text after it after all: a lead's byline, out of the residue."""
        self.residue[:] = [r for r in self.residue if r.line != name.no]
        name.kind = BYLINE
        self.open_unit = self._start(Unit("lead", lead_lines=[name]))

    def _resume_cut_text(self, essay: Unit, para: Paragraph) -> None:
        """``para`` goes on with the sentence a box cut; a name in the box signs the essay too."""
        essay.paras[-1].append(para)
        box = self.units[-1]
        if essay.kind in ("lead", "orphan") and box is not essay and box.kind == "lead":
            _take_box_bylines(essay, box)
        self.open_unit = essay

    def _add_paragraph(self, para: Paragraph) -> None:
        """``para`` goes on with the open unit, or opens a unit of its own."""
        unit = self.open_unit
        if unit is None or _opens_unit(unit, para, self.lines):
            unit = self.open_unit = self._start(Unit(_prose_kind(para)))
            if self.pending_jump:
                unit.jump_from, self.pending_jump = self.pending_jump, None
        unit.paras.append(para)
        if para.credited:  # a caption's credit in brackets closes it, as a credit line does
            self._close_caption(close_credited_caption(unit))

    def _read_head(self, lines: list[Line]) -> None:
        """Heading lines may cut the open unit's text (a box in its column); they wait for the unit after them.

        A group with its own byline is a lead, a unit of its own. Heading lines
        after a lead that has no text yet may title its first section.
        """
        if self.open_unit is not None and self.open_unit.paras:
            self.cut, self.cut_by = self.open_unit, []
        self.cut_by = self.cut_by + lines
        group = HeadGroup(lines, prev=len(self.units) - 1 if self.units else None)
        if group.is_lead:
            self.open_unit, self.waiting = self._start(Unit("lead", lead_lines=lines)), None
            return
        self.groups.append(group)
        self.pending.append(group)
        lead = self.open_unit
        self.waiting = (lead, group) if lead is not None and _awaits_its_text(lead) else None
        self.open_unit = None

    def _read_credit(self, lines: list[Line]) -> None:
        """A photo credit closes a caption (``captions.close_caption``): prose after it opens another unit."""
        self._close_caption(close_caption(self.units[-1] if self.units else None, lines, self.residue))

    def _close_caption(self, caption: Unit | None) -> None:
        """A caption its credit closed starts (unless the unit it closed became it): prose after it opens another unit."""
        if caption is not None:
            self._start(caption)
        self.open_unit = None

    def _read_jump(self, lines: list[Line]) -> None:
        """A jump marker line ends one article's text (下转) or opens another's (上接)."""
        line = lines[0]
        text = marker_words(line.text)
        self.jumps.append((text, line.no))
        if text.startswith(JUMP_FROM_WORDS):
            self.pending_jump = text
        elif self.units:
            self.units[-1].jump_to = text
        self.residue.append(Residue(brackets_of(line.text), "decoration", line.no))
        self.open_unit = None

    def _read_stray(self, lines: list[Line]) -> None:
        """A name's character set into a column: the text goes on around it. A whole name signs the text it ends."""
        self._read_unassigned(lines)
        unit = self.open_unit
        last = self.units[-1] if self.units else None  # a note closed its text: no unit is open after it
        if last is not None and _signs_noted_text(last, lines[0]):
            last.signed = True
        if unit is not None and _ends_finished_text(unit, lines[0]):
            if _essay_sized(unit):
                self.signer, self.open_unit = (unit, lines[0]), None
            else:
                self._head_with_name(lines[0])
            return
        if self.cut is None and self.open_unit is not None and self.open_unit.paras:
            self.cut, self.cut_by = self.open_unit, []

    def _read_furniture(self, lines: list[Line]) -> None:
        """Dates, page numbers and editor lines: page metadata, and residue."""
        _record_furniture(lines[0], self.meta)
        self.residue.append(Residue(lines[0].text, "page_furniture", lines[0].no))

    def _read_label(self, lines: list[Line]) -> None:
        """A section label heads a section, not one article: heading lines above it do not head what follows it."""
        self.meta["sections"] = " ".join(filter(None, (self.meta.get("sections"), clean_heading(lines[0].text))))
        self.residue.append(Residue(lines[0].text, "page_furniture", lines[0].no))
        self.open_unit = None
        self.pending.clear()

    def _read_unassigned(self, lines: list[Line]) -> None:
        """A stray line of any other kind."""
        self.residue.append(Residue(lines[0].text, "unassigned", lines[0].no))


def _prose_kind(para: Paragraph) -> UnitKind:
    """The unit a paragraph opens: a story at a dateline, a brief at a bullet, else orphan prose."""
    return "story" if para.dateline else "brief" if para.bullet else "orphan"


def _opens_unit(unit: Unit, para: Paragraph, lines: list[Line]) -> bool:
    """``para`` opens a unit of its own: a dateline, a bullet, another flow, or the end of ``unit``'s article."""
    return para.dateline or para.bullet or _changes_flow(unit, para, lines) \
        or (bool(unit.paras) and unit.paras[-1].ends_article)


def _awaits_its_text(unit: Unit) -> bool:
    """A lead that is a byline (maybe a subtitle) and no text yet: heading lines after it title its first section."""
    return unit.kind == "lead" and not unit.paras and not any(ln.kind == HEAD for ln in unit.lead_lines)


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
    if not _may_go_on(last, para):
        return False
    return all(han_count(ln.text) <= FRAGMENT_MAX_CHARS for ln in heads) \
        or break_splits_word(last.lines[-1].text, para.lines[0].text)


def _may_go_on(last: Paragraph, para: Paragraph) -> bool:
    """``para`` may go on with ``last``, which stopped mid-sentence after a line or more: full width, same column."""
    if para.indented or para.dateline or para.bullet or para.ends_article:
        return False
    return not last.terminated and not last.ends_article and len(last.lines) >= 2 \
        and abs(last.column - para.column) <= CUT_TEXT_COLUMN_SLACK


def _take_box_bylines(essay: Unit, box: Unit) -> None:
    """A name printed in a box inside an essay's column is one more of its authors."""
    names = [ln for ln in box.lead_lines if ln.kind == BYLINE]
    essay.lead_lines.extend(names)
    box.lead_lines = [ln for ln in box.lead_lines if ln.kind != BYLINE]


def _ends_finished_text(unit: Unit, name: Line) -> bool:
    """A whole name set apart after a finished paragraph (``lines`` set it so): no text goes on around it.

    A paragraph that ends its article (a note on the author, a credit) needs no
    reading: the name signs it (``articles``) and the text after it opens a unit.
    """
    if not unit.paras or unit.paras[-1].ends_article:
        return False
    return unit.paras[-1].terminated and is_author_line(name.text)


def _signs_noted_text(unit: Unit, name: Line) -> bool:
    """A bare name set apart right after a text closed by a note on its author (``（作者为…）`` / ``严书翰``): its signature.

    ``articles`` gives the name to the text; earlier stages read it as evidence that an essay ends there.
    """
    return bool(unit.paras) and AUTHOR_NOTE_RE.match(unit.paras[-1].lines[-1].text) is not None \
        and is_author_line(name.text)


def _essay_sized(unit: Unit) -> bool:
    """A text of several paragraphs: an essay a name can close, not a caption (one paragraph) it stands under,
    nor a story its dateline credits."""
    return len(unit.paras) >= ESSAY_MIN_PARAGRAPHS and unit.kind != "story"


def _changes_flow(unit: Unit, para: Paragraph, lines: list[Line]) -> bool:
    """A paragraph set at another column width, after a blank, starts new prose.

    Text that jumps to a column of another width after a finished paragraph
    is another flow (a feature's wide intro after a story, a story after a
    caption); ``orphans.resolve_orphans`` decides where it belongs.
    """
    if not unit.paras or not unit.paras[-1].terminated:
        return False
    after_blank = follows_a_blank(lines, para.lines[0])
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
