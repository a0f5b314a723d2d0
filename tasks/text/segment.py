"""Segment one page's text into articles and residue.

The page is read in four stages, each a pure function:

1. ``lines.classify_page``: what each line is by its form (heading, credit,
   dateline, furniture, prose).
2. ``paragraphs.build_paragraphs``: prose lines regrouped into paragraphs.
3. ``_units``: the page as a sequence of *units* — stories opened by a
   dateline, orphan prose, photo captions closed by a credit, lead heads —
   with the heading groups that stand between them.
4. Decisions scored from several signals: which neighbour each heading group
   belongs to (``_assign_heads``: lexical overlap, headline shape), which
   orphan prose belongs to which article (``_resolve_orphans``), and which
   unfinished paragraph a stray column tail completes (``_rejoin_tails``).

Nothing is dropped: every line ends in an article field or a ``Residue``.

>>> page = "本报讯（记者 王芳）今天，全市开展安全\\n检查。\\n\\n开展安全检查\\n"
>>> r = segment_page(page)
>>> [(a.headline, a.byline, a.paragraphs) for a in r.articles]
[('开展安全检查', '本报讯（记者 王芳）', ['今天，全市开展安全检查。'])]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from banmian.tasks.text.clean import clean_heading, clean_paragraph, split_doubled
from banmian.tasks.text.credits import (
    BYLINE_MARKS,
    Credit,
    join_keeping_credit_breaks,
    parse_byline,
    parse_dateline,
    parse_photo_credit,
    parse_trailing_credit,
)
from banmian.tasks.text.lexicon import BodyBigrams, bigram_set, break_splits_word, overlap
from banmian.tasks.text.lines import (
    BLANK,
    BYLINE,
    CREDIT,
    DATELINE,
    BULLET,
    FURNITURE,
    HEAD,
    JUMP,
    LABEL,
    PROSE,
    ROLE,
    STRAY,
    SUBTITLE,
    TITLE_COLONS,
    JUMP_FROM_PREFIX_RE,
    JUMP_TO_SUFFIX_RE,
    Line,
    classify_page,
    couplet_shaped,
    is_one_line_couplet,
    next_nonblank,
    page_number_parts,
    split_bullet_lead,
)
from banmian.tasks.model import Article, ArticleKind, Block, PageMeta, PageResult, Residue
from banmian.tasks.text.paragraphs import Paragraph, broke_before_a_number, build_paragraphs, same_flow

#: Lines of a heading group that one headline can take: kicker, a couplet of
#: two lines, a subject line.
MAX_HEADLINE_LINES: Final = 4
#: Bonus for a headline shaped like a real one (couplet + subject, or one
#: line + subject): breaks near-ties between splits of a group.
SHAPE_BONUS: Final = 0.05
#: Heading lines explain the orphan prose after them a little less well as
#: crossheads than as its headline: a crosshead names one section only.
CROSSHEAD_WEIGHT: Final = 0.9

#: Heading lines printed with no blank line between them are one headline
#: (main line and subject line); splitting them between two articles costs
#: this much of a score (overlap scores run 0–1 per line). Any value from
#: 0.15 to 1.0 gives the same scores on the generated set.
ADJACENT_SPLIT_PENALTY: Final = 0.3

#: A story with no heading lines above it can only be headed by the lines
#: after it: a bonus for that claim, per line. Calibrated on two generated
#: sets (seeds 42 and 7): 0.1–0.3 score alike, 0.5 takes crossheads as heads.
NO_HEAD_ABOVE_BONUS: Final = 0.2

#: On a lead feature's page, head-less prose is most often a section of the
#: feature, scattered over the page: heading lines given to it as its own
#: headline cost this much, per line (prose closed by its own trailing credit
#: is a story and pays nothing). Calibrated on two generated sets: 0.1–0.2
#: score alike (seed 7's article_f1 +0.004, body_cer −0.012), 0.4 loses
#: headlines.
ORPHAN_ON_LEAD_PAGE_PENALTY: Final = 0.2

#: A signed text with no headline (a byline or a bare name, nothing above it)
#: has its headline elsewhere, most often in the heading lines after its
#: text: a bonus for that claim, per line, like ``NO_HEAD_ABOVE_BONUS``.
#: Calibrated on three generated sets (seeds 42, 7, 11) and the wild pages:
#: 0.2–0.3 score alike (two wild pages' essay counts exact, headline_acc up
#: on all three sets), 0.5 takes another essay's headline.
HEADLESS_LEAD_BONUS: Final = 0.2

#: A text with heading lines straight above it that restate its words
#: better than the lines after it do is headed from above: its claim on the
#: lines after it costs this much, per line, while those above are undecided.
#: Calibrated on four generated sets (seeds 42, 7, 11, 99): 0.2 heads three pages better
#: (seed 11's body_cer 0.0345 -> 0.033, seed 99's headline_acc +0.001), 0.4 one page more;
#: the seeds, the wild pages and seeds 42 and 7 score alike.
HEADED_ABOVE_PENALTY: Final = 0.2

#: A photo's title is one line (two when it wraps).
PHOTO_TITLE_MAX_LINES: Final = 2

_DASHES: Final = "—─－-"


# --- units ---------------------------------------------------------------------------


@dataclass(slots=True, init=False)
class HeadGroup:
    """Heading lines standing together between two units."""

    lines: list[Line]
    prev: int | None   # index of the unit before it
    next: int | None   # index of the unit after it

    # Written out, not generated: mypyc compiles an __init__ in the source (see ``Line``).
    def __init__(self, lines: list[Line], prev: int | None = None, next: int | None = None) -> None:
        self.lines = lines
        self.prev = prev
        self.next = next

    @property
    def is_lead(self) -> bool:
        """A group with its own byline heads its own article (its text follows)."""
        return any(ln.kind == BYLINE for ln in self.lines)


@dataclass(slots=True, init=False)
class Unit:
    """A run of page content that belongs to one article (or is a caption)."""

    kind: str                                # story | orphan | photo | lead
    paras: list[Paragraph]
    crossheads_before: dict[int, list[str]]  # para index -> crossheads
    head: list[Line] | None                  # heading lines given to it
    credit: Credit | None
    credit_lines: list[Line]
    lead_lines: list[Line]
    jump_from: str | None
    jump_to: str | None
    scattered: bool                          # a lead that gathered orphan runs
    inline_jumps: list[str]                  # jump texts taken out of its text as metadata

    # Written out, not generated: mypyc compiles an __init__ in the source (see ``Line``). A unit
    # starts with no text; a lead with its head's lines, a caption with its credit.
    def __init__(self, kind: str, *, lead_lines: list[Line] | None = None, credit: Credit | None = None,
                 credit_lines: list[Line] | None = None) -> None:
        self.kind = kind
        self.paras = []
        self.crossheads_before = {}
        self.head = None
        self.credit = credit
        self.credit_lines = [] if credit_lines is None else credit_lines
        self.lead_lines = [] if lead_lines is None else lead_lines
        self.jump_from = None
        self.jump_to = None
        self.scattered = False
        self.inline_jumps = []

    def body_text(self) -> str:
        return "".join(p.text for p in self.paras)

    def body_grams(self) -> frozenset[str]:
        return bigram_set(self.body_text())


@dataclass(slots=True)
class _Page:
    units: list[Unit]
    groups: list[HeadGroup]
    residue: list[Residue]
    meta: PageMeta
    jumps: list[tuple[str, int]]  # jump markers (text without brackets, line)
    stacked: list[tuple[Unit, list[Line]]] = field(default_factory=list)  # heads a unit took as crossheads at its top


def _regions(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """Split classified lines into prose regions and single structural lines.

    A prose region is a run of PROSE/DATELINE lines with the blanks among them;
    heading lines (with the blanks between them) form one 'head' region.
    """
    out: list[tuple[str, list[Line]]] = []
    i, n = 0, len(lines)
    while i < n:
        ln = lines[i]
        if ln.kind in (PROSE, DATELINE, BULLET):
            j = i
            while j < n and lines[j].kind in (PROSE, DATELINE, BULLET, BLANK):
                j += 1
            out.append(("prose", lines[i:j]))
            i = j
        elif ln.kind in (HEAD, SUBTITLE, BYLINE) or (ln.kind == ROLE and not _role_starts_credit(lines, i)):
            j = i
            grp: list[Line] = []
            subtitle_done = False  # a subtitle was followed by a blank line
            while j < n and (lines[j].kind in (HEAD, SUBTITLE, BYLINE, BLANK)
                             or (lines[j].kind == ROLE and not _role_starts_credit(lines, j))):
                if lines[j].kind != BLANK:
                    if lines[j].kind == HEAD and grp and (grp[-1].kind == BYLINE or subtitle_done):
                        break  # a byline or a finished subtitle closes its headline block
                    grp.append(lines[j])
                elif j + 1 < n and lines[j + 1].kind == BLANK:
                    break  # two blank lines end a group
                else:
                    subtitle_done = any(ln.kind == SUBTITLE for ln in grp)
                j += 1
            out.append(("head", grp))
            i = j
        elif ln.kind == ROLE:  # first half of a two-line photo credit
            k = next_nonblank(lines, i + 1)
            out.append(("credit", [ln, lines[k]]))
            i = k + 1
        elif ln.kind == BLANK:
            i += 1
        else:
            out.append((ln.kind, [ln]))
            i += 1
    return out


def _role_starts_credit(lines: list[Line], i: int) -> bool:
    k = next_nonblank(lines, i + 1)
    return k < len(lines) and lines[k].kind == CREDIT


def _units(lines: list[Line]) -> _Page:
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
    for kind, lns in _regions(lines):
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
            _close_caption(units, lns, start, residue)
            open_unit = None
        elif kind == JUMP:
            text = lns[0].text.strip("（）() ")
            jumps.append((text, lns[0].no))
            if text.startswith(("上接", "接上", "接第")):
                pending_jump = text
            elif units:
                units[-1].jump_to = text
            residue.append(Residue(_brackets_of(lns[0].text), "decoration", lns[0].no))
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
    return _Page(units, groups, residue, meta, jumps)


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
    return all(_han_count(ln.text) <= FRAGMENT_MAX_CHARS for ln in heads) \
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
    caption); ``_resolve_orphans`` decides where it belongs.
    """
    if not unit.paras or not unit.paras[-1].terminated:
        return False
    after_blank = para.first_line >= 2 and lines[para.first_line - 2].kind == BLANK
    return after_blank and not same_flow(unit.paras[-1], para)


def _brackets_of(text: str) -> str:
    return "".join(ch for ch in text if ch in "（）()")


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


#: Paragraphs one photo caption can hold.
CAPTION_MAX_PARAS: Final = 3
#: A caption's paragraphs are short (the generated sets' longest is 110
#: characters; the seeds' about 100): a longer paragraph before the one the
#: credit closes is the text the photo is set in, not its caption.
CAPTION_PARA_MAX_CHARS: Final = 200


def _caption_size(host: Unit | None) -> int:
    """How many of ``host``'s last paragraphs a photo credit after it closes.

    A caption is the paragraph right before the credit, and the short ones
    before that in the same flow (same column width, no crosshead between),
    up to ``CAPTION_MAX_PARAS``; a dateline story keeps its first paragraph.
    """
    if host is None or not host.paras or (host.kind == "story" and len(host.paras) == 1):
        return 0
    last = host.paras[-1]
    if len(last.text) > CAPTION_PARA_MAX_CHARS:  # text, not a caption: the credit's picture has none (a drawing)
        return 0
    if host.kind == "story":
        return 1
    n = 1
    while n < min(len(host.paras), CAPTION_MAX_PARAS):
        i = len(host.paras) - n  # index of the paragraph the caption would start with
        prev = host.paras[i - 1]
        if i in host.crossheads_before or not same_flow(prev, last) or not prev.terminated \
                or len(prev.text) > CAPTION_PARA_MAX_CHARS:
            break
        n += 1
    if host.kind == "lead" and n == len(host.paras) and len(host.paras) > 1:
        n -= 1
    return n


def _close_caption(units: list[Unit], lns: list[Line], start: Callable[[Unit], Unit],
                   residue: list[Residue]) -> None:
    """A photo credit closes a caption: the paragraphs right before it.

    A caption that is all of an orphan run becomes that unit in place, so a
    title line above it (a heading group before the run) stays its neighbour.
    """
    credit_text = " ".join(ln.text for ln in lns)
    credit = parse_photo_credit(credit_text)
    if credit is None:  # pragma: no cover - classify_line guarantees the form
        residue.extend(Residue(ln.text, "unassigned", ln.no) for ln in lns)
        return
    host = units[-1] if units else None
    n = _caption_size(host)
    if host is not None and host.kind == "orphan" and n == len(host.paras) and 0 not in host.crossheads_before:
        host.kind, host.credit, host.credit_lines = "photo", credit, list(lns)
        return
    caption = Unit("photo", credit=credit, credit_lines=list(lns))
    if n and host is not None:  # n > 0 only with a host
        caption.paras = host.paras[-n:]
        del host.paras[-n:]
    start(caption)


# --- headline assignment --------------------------------------------------------------


@dataclass(slots=True, init=False)
class Headline:
    kicker: str | None
    headline: str | None
    subheadline: str | None
    extra: list[Line]     # lines a headline could not take

    # Written out, not generated: mypyc compiles an __init__ in the source (see ``Line``).
    def __init__(self, kicker: str | None, headline: str | None, subheadline: str | None, extra: list[Line]) -> None:
        self.kicker = kicker
        self.headline = headline
        self.subheadline = subheadline
        self.extra = extra


def _is_couplet(a: Line, b: Line) -> bool:
    """Two heading lines that are the halves of one couplet: a line with a gap (any space) is whole already."""
    return couplet_shaped(a, b) and len(a.text.split()) == 1 and len(b.text.split()) == 1


_KICKER_RE: Final = re.compile(r"^\s*[【\[〔].+[】\]〕]\s*$")


def _main_headline_index(heads: list[Line], has_subtitle: bool) -> int:
    """Where the main headline starts; the lines above it are the kicker (引题).

    Bracketed lines (【民生关注】) are kickers. The main headline is the first
    couplet (on one line or two) within one line of the top; with three
    lines, no couplet and no ——subtitle, the first line is the kicker, as in
    kicker / headline / subject.
    """
    i = 0
    while i < len(heads) - 1 and _KICKER_RE.match(heads[i].text):
        i += 1
    for j in range(i, min(i + 2, len(heads))):
        if is_one_line_couplet(heads[j].text) or (j + 1 < len(heads) and _is_couplet(heads[j], heads[j + 1])):
            return j
    if len(heads) - i >= 3 and not has_subtitle:
        return i + 1
    return i


def _join_at_colons(heads: list[Line]) -> tuple[list[Line], list[Line]]:
    """Heading lines of a title split at its colon, joined: ``新时代`` + ``：发展新方位`` → ``新时代：发展新方位``.

    A line that opens with the colon goes on from the line above it. A
    line closed by the colon whose words open the line after it is the
    larger type drawn twice (``新时代：`` over ``新时代``): it is left out.
    Returns the lines joined and the lines left out.
    """
    joined: list[Line] = []
    left_out: list[Line] = []
    for ln in heads:
        text = ln.text.strip()
        if joined and text[:1] in TITLE_COLONS:
            prev = joined[-1]
            joined[-1] = Line(prev.no, prev.text.strip() + text, prev.width + ln.width, prev.kind)
        else:
            joined.append(ln)
    kept: list[Line] = []
    for i, ln in enumerate(joined):
        text = ln.text.strip()
        if text[-1:] in TITLE_COLONS and i + 1 < len(joined) and joined[i + 1].text.strip().startswith(text[:-1]):
            left_out.append(ln)
        else:
            kept.append(ln)
    return kept, left_out


def parse_headline(lines: list[Line]) -> Headline:
    """Read heading lines as kicker / headline / subheadline.

    ``阅享新时代`` + ``奋进新征程`` + ``铁西区民政局推进书香机关建设`` →
    headline ``阅享新时代 奋进新征程``, subheadline the subject line. A
    ``——`` line is the subheadline, without its dashes.
    """
    parts = _headline_parts(lines)
    kicker = " ".join(clean_heading(ln.text) for ln in parts.kicker) if parts.kicker else None
    headline = " ".join(clean_heading(ln.text) for ln in parts.headline) if parts.headline else None
    sub = None
    if parts.subtitle is not None:
        sub = clean_heading(parts.subtitle.text.lstrip(_DASHES + " "))
    elif parts.subject is not None:
        sub = clean_heading(parts.subject.text)
    return Headline(kicker, headline, sub, parts.extra + parts.rest)


@dataclass(slots=True, init=False)
class _HeadlineParts:
    """Which heading lines ``parse_headline`` reads as what, before any is cleaned."""

    kicker: list[Line]
    headline: list[Line]          # one line, or a couplet's two
    subtitle: Line | None         # the first ——… line: the subheadline
    subject: Line | None          # without a subtitle, the line after the headline is the subheadline
    extra: list[Line]             # subtitles after the first, and a title's word drawn twice
    rest: list[Line]              # heading lines no part takes: the headline is not shaped like one

    # Written out, not generated: mypyc compiles an __init__ in the source (see ``Line``).
    def __init__(self, kicker: list[Line], headline: list[Line], subtitle: Line | None, subject: Line | None,
                 extra: list[Line], rest: list[Line]) -> None:
        self.kicker = kicker
        self.headline = headline
        self.subtitle = subtitle
        self.subject = subject
        self.extra = extra
        self.rest = rest


def _headline_parts(lines: list[Line]) -> _HeadlineParts:
    """The heading lines sorted into a headline's parts: all of ``parse_headline`` but the cleaning.

    Scoring asks only whether a split of a group reads as one headline
    (``_claim_score``), which needs no cleaned text.
    """
    heads = [ln for ln in lines if ln.kind == HEAD or ln.kind == ROLE]
    subs = [ln for ln in lines if ln.kind == SUBTITLE]
    left_out: list[Line] = []
    if any(c in ln.text for ln in heads for c in TITLE_COLONS):
        heads, left_out = _join_at_colons(heads)
    main = _main_headline_index(heads, bool(subs))
    kicker, heads = heads[:main], heads[main:]
    n = 2 if len(heads) >= 2 and _is_couplet(heads[0], heads[1]) else min(len(heads), 1)
    headline, rest = heads[:n], heads[n:]
    subject = rest[0] if rest and not subs else None
    if subject is not None:
        rest = rest[1:]
    return _HeadlineParts(kicker, headline, subs[0] if subs else None, subject, left_out + subs[1:], rest)


def _claim_score(lines: list[Line], unit: Unit, bodies: dict[int, BodyBigrams], idx: int) -> float:
    """How well heading lines fit a unit's body: bigram overlap, plus a shape bonus."""
    if idx not in bodies:
        bodies[idx] = BodyBigrams(unit.body_text())
    score = bodies[idx].overlap("".join(ln.text for ln in lines))
    if not _headline_parts(lines).rest:  # shaped like a headline
        score += SHAPE_BONUS
    return score


def _can_take_headline(unit: Unit | None, lines: list[Line], after: bool, has_lead: bool) -> bool:
    """Whether heading lines can be a headline of ``unit``.

    Stories and orphan prose take a headline before or after their body
    (pages that print the head below the text do so for continued and
    credit-less stories too); a photo takes a short title above it only. On
    a page with a lead feature, whose body is scattered in orphan runs, a
    single phrase next to orphan prose is a crosshead, not a headline.
    """
    if unit is None or unit.head is not None or not unit.paras or len(lines) > MAX_HEADLINE_LINES:
        return False
    if unit.kind == "story":
        return True
    if unit.kind == "lead":  # a byline with no headline above it: the headline comes after
        return not any(ln.kind in (HEAD, SUBTITLE) for ln in unit.lead_lines)
    if unit.kind == "photo":
        return not after and len(lines) <= PHOTO_TITLE_MAX_LINES
    if unit.kind != "orphan":
        return False
    # on a lead's page a single phrase is a crosshead; a one-line couplet, or a full line over signed text, is a headline
    return not (has_lead and len(lines) == 1 and not is_one_line_couplet(lines[0].text)
                and not (_closed_by_own_credit(unit) and _is_full_headline(lines[0])))


def _assign_heads(page: _Page) -> list[tuple[HeadGroup, list[Line]]]:
    """Give each heading group's lines to the unit before or after it.

    Every split of a group (first k lines to the unit before, the rest to the
    unit after) is scored by how much of the group's text each side's body
    explains, weighted by lines; the best decision over all groups is taken
    first, then the rest are re-scored with the units that are left. Lines
    printed with no blank between are split only at a cost
    (``ADJACENT_SPLIT_PENALTY``); a story with no heading lines above it
    favours the lines below it (``NO_HEAD_ABOVE_BONUS``), and a signed text
    with no headline the lines after it (``HEADLESS_LEAD_BONUS``), and a text
    whose undecided heads straight above fit it better does not
    (``HEADED_ABOVE_PENALTY``); a line
    drawn twice is a crosshead and never goes to the text above it; on a
    lead's page, head-less prose without its own credit is likely a section
    of the lead and claims a headline at a cost (``ORPHAN_ON_LEAD_PAGE_PENALTY``).
    Lines given to an orphan unit that already has a headline, or that no
    headline can take, become crossheads of the unit after them.
    Returns the lines left unassigned for each group.
    """
    units, groups = page.units, page.groups
    has_lead = any(u.kind == "lead" for u in units)
    cache: dict[int, BodyBigrams] = {}  # body of each unit scored
    todo = list(range(len(groups)))
    headed_from_above = {g.next for g in groups if g.next is not None}
    group_above = {g.next: gi for gi, g in enumerate(groups) if g.next is not None}  # unit -> the group over it
    leftovers: list[tuple[HeadGroup, list[Line]]] = []
    claims: dict[tuple[int, int, bool], float] = {}

    def claim(gi: int, k: int, above: bool) -> float:
        """Claim score of group ``gi``'s lines before (``above``) or from split ``k``: fixed while units are."""
        key = (gi, k, above)
        if key not in claims:
            g = groups[gi]
            idx = g.prev if above else g.next
            assert idx is not None  # claims are asked only of a side with a unit
            claims[key] = _claim_score(g.lines[:k] if above else g.lines[k:], units[idx], cache, idx)
        return claims[key]

    def _headed_above(idx: int | None, fit: float) -> bool:
        """Unit ``idx`` has undecided heading lines straight above it that fit it better than ``fit``."""
        if idx is None or idx not in group_above:
            return False
        above = group_above[idx]
        return above in todo and units[idx].kind in ("story", "orphan") and claim(above, 0, False) > fit

    def best_split(gi: int) -> tuple[float, int] | None:
        """The best score of group ``gi`` over its splits, and the split (the first of equal ones)."""
        g = groups[gi]
        n = len(g.lines)
        prev = units[g.prev] if g.prev is not None else None
        nxt = units[g.next] if g.next is not None else None
        found: tuple[float, int] | None = None
        for k in range(n + 1):
            a, b = g.lines[:k], g.lines[k:]
            if a and (not _can_take_headline(prev, a, True, has_lead) or any(map(_drawn_twice, a))):
                continue  # a crosshead drawn twice heads the text after it, never the text above
            b_head = bool(b) and _can_take_headline(nxt, b, False, has_lead) and not _all_crossheads(b)
            if b and not b_head and not (nxt is not None and nxt.kind in ("orphan", "lead", "story")):
                continue
            score = 0.0
            if a:
                assert prev is not None  # _can_take_headline said yes
                score += claim(gi, k, True) * len(a)
                if prev.kind == "story" and g.prev not in headed_from_above:
                    score += NO_HEAD_ABOVE_BONUS * len(a)
                elif prev.kind == "lead":
                    score += HEADLESS_LEAD_BONUS * len(a)
                elif _headed_above(g.prev, claim(gi, k, True)):
                    score -= HEADED_ABOVE_PENALTY * len(a)
            if b:
                # as headline of what follows, or as its crossheads
                score += claim(gi, k, False) * len(b) * (1.0 if b_head else CROSSHEAD_WEIGHT)
            score /= n
            if 0 < k < n and b[0].no == a[-1].no + 1:
                score -= ADJACENT_SPLIT_PENALTY
            if has_lead:
                if a and prev is not None and prev.kind == "orphan" and not _closed_by_own_credit(prev):
                    score -= ORPHAN_ON_LEAD_PAGE_PENALTY * len(a) / n
                if b and b_head and nxt is not None and nxt.kind == "orphan" and not _closed_by_own_credit(nxt):
                    score -= ORPHAN_ON_LEAD_PAGE_PENALTY * len(b) / n
            if found is None or score > found[0]:
                found = (score, k)
        return found

    # A group's best split changes only when a unit next to it takes a headline: kept until then.
    bests: dict[int, tuple[float, int] | None] = {}
    while todo:
        best: tuple[float, int, int] | None = None
        for gi in todo:
            if gi not in bests:
                bests[gi] = best_split(gi)
            found = bests[gi]
            if found is not None and (best is None or found[0] > best[0]):
                best = (found[0], gi, found[1])
        if best is None:
            break
        _, gi, k = best
        todo.remove(gi)
        g = groups[gi]
        a, b = g.lines[:k], g.lines[k:]
        headed: set[int | None] = set()
        if a:
            assert g.prev is not None  # best_split gives lines above only to a unit there
            units[g.prev].head = a
            headed.add(g.prev)
        if b:
            nxt = units[g.next] if g.next is not None else None
            if nxt is not None and _can_take_headline(nxt, b, False, has_lead) and not _all_crossheads(b):
                nxt.head = b
                headed.add(g.next)
            elif nxt is not None:
                nxt.crossheads_before.setdefault(0, []).extend(ln.text for ln in b)
                page.stacked.append((nxt, b))
            else:
                leftovers.append((g, b))
        for other in todo:
            if groups[other].prev in headed or groups[other].next in headed or groups[other].prev == g.next:
                bests.pop(other, None)  # the group under this one no longer has it undecided above its text
    for gi in todo:
        leftovers.append((groups[gi], groups[gi].lines))
    return leftovers


#: A heading line this long (Chinese characters) can be a headline on its
#: own; shorter ones (防风险, 财随政走) are kickers, labels or couplet halves.
FULL_HEADLINE_MIN_CHARS: Final = 8
#: A clustered line heads a far unit when this share of its bigrams is in
#: that unit's body (a headline restates its essay's words: listed essays'
#: headlines on the wild pages score 0.6-1.0 against their bodies) ...
FAR_CLAIM_MIN: Final = 0.6
#: ... and this much more than it is in the body of the unit it was given
#: to (theory pages share a vocabulary: 0.3 keeps a line that fits both).
FAR_CLAIM_MARGIN: Final = 0.3


def _han_count(text: str) -> int:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text)


def _heading_lines(unit: Unit) -> list[Line]:
    """A unit's heading lines: those given to it and a lead's own head lines."""
    return [ln for ln in unit.lead_lines if ln.kind in (HEAD, SUBTITLE)] + (unit.head or [])


def _is_full_headline(line: Line) -> bool:
    return line.kind == HEAD and _han_count(line.text) >= FULL_HEADLINE_MIN_CHARS


def _has_full_headline(unit: Unit) -> bool:
    return any(_is_full_headline(ln) for ln in _heading_lines(unit))


def _is_cluster(lines: list[Line]) -> bool:
    """Heading lines a headline cannot all take (more than kicker / headline / subject): heads of several essays."""
    if len(lines) <= 3:
        return False
    parts = _headline_parts(lines)
    return bool(parts.extra or parts.rest)


def _claim_far_heads(units: list[Unit], stacked: list[tuple[Unit, list[Line]]]) -> None:
    """Give heading lines printed far from their text to the unit whose body they restate.

    Pages that print several essays' heads together (a column of heads
    beside the text) leave the cluster to one unit and the other essays
    headless; a head printed straight above another essay's head is taken
    for that essay's crossheads (``stacked``: each unit with the heading
    lines it took so). A full-length line of a cluster, or a stacked head
    with a full-length line, whose words are in a headless unit's body far
    more than in the body of the unit it was given to, heads that unit. The
    best-fitting move is made first; a unit takes one head, and a cluster
    always keeps one full line for its own unit.
    """
    clusters = [u for u in units if u.paras and _is_cluster(_heading_lines(u))]
    stacked = [(u, lines) for u, lines in stacked if u.paras and _has_full_headline(u)
               and any(_is_full_headline(ln) for ln in lines)]
    if not clusters and not stacked:
        return  # most pages: every head stands by its text
    bodies = {id(u): BodyBigrams(u.body_text()) for u in units if u.paras}
    while True:
        best: tuple[float, Unit, list[Line], Unit] | None = None
        for donor, lines in _far_heads(clusters, stacked):
            text = "".join(ln.text for ln in lines)
            own = bodies[id(donor)].overlap(text)
            for taker in units:
                if taker is donor or taker.kind not in ("story", "orphan", "lead") or id(taker) not in bodies \
                        or _has_full_headline(taker):
                    continue
                fit = bodies[id(taker)].overlap(text)
                if fit >= FAR_CLAIM_MIN and fit - own >= FAR_CLAIM_MARGIN and (best is None or fit - own > best[0]):
                    best = (fit - own, donor, lines, taker)
        if best is None:
            return
        _, donor, lines, taker = best
        k = next((k for k, (d, ls) in enumerate(stacked) if d is donor and ls is lines), None)
        if k is not None:
            del stacked[k]
            heads = donor.crossheads_before[0]
            for ln in lines:
                heads.remove(ln.text)
            if not heads:
                del donor.crossheads_before[0]
        elif donor.head and any(x is lines[0] for x in donor.head):
            donor.head = [x for x in donor.head if x is not lines[0]]
        else:
            donor.lead_lines = [x for x in donor.lead_lines if x is not lines[0]]
        taker.head = (taker.head or []) + lines


def _lacks_its_headline(unit: Unit) -> bool:
    """A lead printed as ``——subtitle`` and byline with no headline line: its headline is printed elsewhere."""
    return unit.kind == "lead" and unit.head is None and bool(unit.paras) \
        and any(ln.kind == SUBTITLE for ln in unit.lead_lines) and not any(ln.kind == HEAD for ln in unit.lead_lines)


def _claim_banners(units: list[Unit]) -> bool:
    """Give a lead that lacks its headline the banner another unit took; True when one moved.

    A package's banner (``推进一带一路建设 构建人类命运共同体`` over an
    essay printed as subtitle and byline) spans the columns, and extractors
    emit it far from the essay, in a group of heads next to other text,
    which then takes it. Once the lead's scattered sections have joined it
    its text is whole, and a one-line head another unit took moves to it
    when it restates the lead's words far more than its own unit's
    (``FAR_CLAIM_MIN``, ``FAR_CLAIM_MARGIN``, as for clustered heads). Each
    such lead, in page order, takes the one head that fits it best.
    """
    moved = False
    for taker in [u for u in units if _lacks_its_headline(u)]:
        grams = taker.body_grams()
        best: tuple[float, Unit] | None = None
        for donor in units:
            if donor.kind not in ("story", "orphan") or donor.head is None or len(donor.head) != 1 \
                    or not _is_full_headline(donor.head[0]):
                continue
            text = donor.head[0].text
            fit, own = overlap(text, grams), overlap(text, donor.body_grams())
            if fit >= FAR_CLAIM_MIN and fit - own >= FAR_CLAIM_MARGIN and (best is None or fit - own > best[0]):
                best = (fit - own, donor)
        if best is not None:
            taker.head, best[1].head, moved = best[1].head, None, True
    return moved


def _far_heads(clusters: list[Unit], stacked: list[tuple[Unit, list[Line]]]) -> list[tuple[Unit, list[Line]]]:
    """Heads that may belong far away: each full line of a cluster that has two, and each stacked head."""
    found: list[tuple[Unit, list[Line]]] = []
    for donor in clusters:
        full = [ln for ln in _heading_lines(donor) if _is_full_headline(ln)]
        if len(full) >= 2:
            found.extend((donor, [ln]) for ln in full)
    return found + stacked


def _closed_by_own_credit(unit: Unit) -> bool:
    """Orphan prose closed by a trailing credit ``（记者 X）`` or an author note is an article of its own, not a feature's section."""
    return bool(unit.paras) and unit.paras[-1].credited


def _drawn_twice(line: Line) -> bool:
    """A heading line the PDF drew twice: a crosshead (headlines are not), which heads the text after it."""
    return bool(split_doubled(line.text)[1])


def _all_crossheads(lines: list[Line]) -> bool:
    return all(map(_drawn_twice, lines))


# --- articles ------------------------------------------------------------------------


def _blocks_of(unit: Unit, residue: list[Residue]) -> list[Block]:
    blocks: list[Block] = []
    for i, para in enumerate(unit.paras):
        for text in unit.crossheads_before.get(i, []):
            head, dup = split_doubled(text)
            blocks.append(Block("h", clean_heading(head)))
            if dup:
                residue.append(Residue(dup, "duplicate_crosshead", para.first_line))
        text = clean_paragraph(para.text)
        if text:
            blocks.append(Block("p", text))
    # heading lines with no paragraph after them head nothing in this article
    for k, texts in unit.crossheads_before.items():
        if k >= len(unit.paras):
            residue.extend(Residue(t, "unassigned", _first_line(unit)) for t in texts)
    return blocks


def _apply_headline(article: Article, lines: list[Line], residue: list[Residue]) -> None:
    h = parse_headline(lines)
    article.kicker, article.headline, article.subheadline = h.kicker, h.headline, h.subheadline
    for ln in lines:
        if ln.kind == SUBTITLE and not any(ln is x for x in h.extra):
            dashes = ln.text[: len(ln.text) - len(ln.text.lstrip(_DASHES + " "))].strip()
            if dashes:
                residue.append(Residue(dashes, "decoration", ln.no))
    for ln in h.extra:
        residue.append(Residue(ln.text, "unassigned", ln.no))


def _first_line(unit: Unit) -> int:
    nums = [p.first_line for p in unit.paras] + [ln.no for ln in (unit.head or [])] \
        + [ln.no for ln in unit.lead_lines] + [ln.no for ln in unit.credit_lines]
    return min(nums) if nums else 0


def _merge_into(target: Unit, extra: Unit) -> None:
    """Append an orphan unit's paragraphs (and crossheads) to another unit."""
    target.scattered = True
    target.jump_from = target.jump_from or extra.jump_from
    target.jump_to = extra.jump_to or target.jump_to
    base = len(target.paras)
    for i, heads in extra.crossheads_before.items():
        target.crossheads_before.setdefault(base + i, []).extend(heads)
    target.paras.extend(extra.paras)


def _resolve_orphans(units: list[Unit], lead_texts: dict[int, str]) -> list[Unit]:
    """Decide where prose without a dateline or headline belongs.

    A lead (a heading group with its own byline line) may have its body
    scattered over the page in orphan runs; each orphan run goes to the lead
    that scores best (``_orphan_host_score``). Without a lead, an unclaimed
    orphan continues the article before it (it follows a crosshead) or, at
    the page top, stands alone. Leads are scored by ``lead_texts``, each
    lead's words as it stood before any orphan joined it, so a lead that
    gathered many runs does not outscore the others by its size alone.
    """
    leads = [u for u in units if u.kind == "lead"]
    kept: list[Unit] = []
    for i, u in enumerate(units):
        if u.kind != "orphan" or u.head is not None or u.jump_from:
            kept.append(u)  # text continued from another page is its own article
            continue
        if not u.paras and not u.crossheads_before:
            continue
        before = units[i - 1] if i and kept and units[i - 1] is kept[-1] else None
        host = _host_for_orphan(u, before, kept, leads, lead_texts)
        if host is None:
            kept.append(u)
        else:
            _merge_into(host, u)
    return kept


#: Subtitle endings that name a feature genre (侧记 "sidelights", 综述
#: "review", 纪实 "record" …): a lead with one is a feature, whose sections
#: are printed apart from its head.
FEATURE_GENRE_WORDS: Final = ("侧记", "综述", "纪实", "巡礼", "扫描", "纪事", "记事", "速写", "札记", "手记",
                              "特写", "调查", "回眸", "观察", "见闻", "探访", "故事")
#: Score bonus for a feature-genre lead when choosing an orphan's host; about
#: a third of the overlap a section shares with its own feature's words.
GENRE_BONUS: Final = 0.3
#: Score bonus for the nearest lead before an orphan: position breaks ties.
NEAREST_BONUS: Final = 0.1
#: Score bonus when the orphan starts mid-sentence and the lead has a
#: paragraph left unfinished: the strongest sign that the two are one text.
UNFINISHED_BONUS: Final = 1.0


def is_feature_subtitle(text: str | None) -> bool:
    """``——船营区政务服务局工作侧记`` names a feature genre.

    >>> is_feature_subtitle("——东丰县推进乡村振兴工作综述"), is_feature_subtitle("——靖宇县秋收工作进度过半")
    (True, False)
    """
    return text is not None and text.rstrip().endswith(FEATURE_GENRE_WORDS)


def _lead_text(lead: Unit) -> str:
    return "".join(ln.text for ln in lead.lead_lines) + lead.body_text()


def _unfinished(unit: Unit) -> bool:
    """The unit has a paragraph that stops mid-sentence before a break."""
    for i, p in enumerate(unit.paras):
        if not p.terminated and ((i + 1) in unit.crossheads_before or i + 1 == len(unit.paras)):
            return True
    return False


def _orphan_host_score(u: Unit, lead: Unit, grams: frozenset[str], nearest: bool) -> float:
    """How well an orphan run fits a lead: shared words, genre, position, a cut sentence."""
    text = "".join(p.text for p in u.paras) + "".join(t for hs in u.crossheads_before.values() for t in hs)
    score = overlap(text, grams)
    if any(is_feature_subtitle(ln.text) for ln in lead.lead_lines if ln.kind in (SUBTITLE, HEAD)):
        score += GENRE_BONUS
    if nearest:
        score += NEAREST_BONUS
    if u.paras and not u.paras[0].indented and not u.paras[0].dateline and _unfinished(lead):
        score += UNFINISHED_BONUS
    return score


def _host_for_orphan(u: Unit, before: Unit | None, kept: list[Unit], leads: list[Unit],
                     lead_texts: dict[int, str]) -> Unit | None:
    """The unit an orphan run joins: a lead by score, or the story it directly continues.

    Scores are made only to choose: a page's one lead takes the orphan
    unless the story before it may go on, and an orphan's bigrams cost
    more than the rest of its scoring.
    """
    prev = before if before is not None and _can_go_on(before) else None
    if leads:
        goes_on = prev if prev is not None and not u.crossheads_before and _continues_flow(prev, u) else None
        if len(leads) == 1 and goes_on is None:
            return leads[0]
        kept_ids = {id(k) for k in kept}
        leads_before = [ld for ld in leads if id(ld) in kept_ids]
        nearest = leads_before[-1] if leads_before else leads[0]
        scores = [_orphan_host_score(u, ld, bigram_set(lead_texts[id(ld)]), ld is nearest) for ld in leads]
        best = max(range(len(leads)), key=scores.__getitem__)
        if goes_on is not None \
                and _orphan_host_score(u, goes_on, goes_on.body_grams(), True) + SAME_FLOW_BONUS >= scores[best]:
            return goes_on
        return leads[best]
    for prev in reversed(kept):
        if prev.kind in ("story", "orphan"):
            return prev if _can_go_on(prev) else None
    return None


def _can_go_on(unit: Unit) -> bool:
    """A story or orphan run not closed by （下转第3版） (inline or on its own line) or a trailing credit can go on here."""
    return unit.kind in ("story", "orphan") and bool(unit.paras) and not unit.paras[-1].ends_article \
        and unit.jump_to is None


#: Score bonus for orphan prose set in the same column as the story just
#: before it: the plainest reading is that the story goes on.
SAME_FLOW_BONUS: Final = 0.5


def _continues_flow(prev: Unit, u: Unit) -> bool:
    return bool(u.paras) and same_flow(prev.paras[-1], u.paras[0])


#: Score a far-away paragraph must reach to complete an unfinished one.
#: Each signal is worth 1 (a full, unindented first line; being the last
#: paragraph of its article, where moved tails land; a join that forms a
#: dictionary word); one strong signal is not enough on its own. A first
#: line short only because the number after it would not fit is worth half:
#: it may be an indent as well (seed 11's set: one such tail found, seed 7's:
#: one paragraph start taken for a tail).
TAIL_MIN_SCORE: Final = 1.5


def _tail_score(p: Paragraph, q: Paragraph, is_last: bool) -> float:
    if not q.indented:
        score = 1.0
    else:
        score = 0.5 if broke_before_a_number(q.lines, q.column) else 0.0
    score += 1.0 if is_last else 0.0
    score += 1.0 if break_splits_word(p.lines[-1].text, q.lines[0].text) else 0.0
    return score


def _rejoin_tails(unit: Unit) -> None:
    """Rejoin a paragraph cut by a column jump with its far-away tail.

    A paragraph cannot end without sentence-final punctuation, so an
    unfinished one followed by a crosshead or the end of its run continues
    elsewhere: in the later paragraph of the same article that best looks
    like a continuation (``_tail_score``).
    """
    paras = unit.paras
    i = 0
    while i < len(paras):
        p = paras[i]
        breaks_after = (i + 1) in unit.crossheads_before or i + 1 == len(paras)
        if not p.terminated and breaks_after:
            best: tuple[float, int] | None = None
            for j in range(i + 1, len(paras)):
                q = paras[j]
                if q.dateline or not paras[j - 1].terminated or j in unit.crossheads_before:
                    continue
                score = _tail_score(p, q, j == len(paras) - 1)
                if score >= TAIL_MIN_SCORE and (best is None or score > best[0]):
                    best = (score, j)
            if best is not None:
                p.append(paras[best[1]])
                _remove_para(unit, best[1])
        i += 1


def _remove_para(unit: Unit, j: int) -> None:
    del unit.paras[j]
    shifted: dict[int, list[str]] = {}
    for k, heads in unit.crossheads_before.items():
        shifted.setdefault(k - 1 if k > j else k, []).extend(heads)
    unit.crossheads_before = shifted


_ARTICLE_KIND: Final[dict[str, ArticleKind]] = {
    "story": "news", "orphan": "news", "photo": "photo", "lead": "news", "brief": "news"}


def _article_of(unit: Unit, residue: list[Residue]) -> Article | None:
    kind: ArticleKind = _ARTICLE_KIND[unit.kind]
    if unit.kind == "lead" and (unit.crossheads_before or unit.scattered
                                or any(is_feature_subtitle(ln.text) for ln in unit.lead_lines)):
        kind = "feature"
    art = Article(kind=kind)
    if unit.kind == "lead":
        _apply_headline(art, [ln for ln in unit.lead_lines if ln.kind != BYLINE] + (unit.head or []), residue)
        bylines = [ln for ln in unit.lead_lines if ln.kind == BYLINE]
        if bylines:
            credit = parse_byline(" ".join(ln.text for ln in bylines))
            art.byline, art.authors = credit.text, credit.authors
            marks = "".join(ch for ln in bylines for ch in ln.text if ch in BYLINE_MARKS)
            if marks:
                residue.append(Residue(marks, "decoration", bylines[0].no))
    elif unit.head:
        _apply_headline(art, unit.head, residue)
    if unit.kind == "photo" and unit.credit:
        art.byline, art.photographers, art.authors = unit.credit.text, unit.credit.photographers, unit.credit.authors
    if unit.paras:
        _take_inline_jumps(unit, residue)
    if unit.kind == "story" and unit.paras:
        parsed = parse_dateline(join_keeping_credit_breaks([ln.text for ln in unit.paras[0].lines]))
        if parsed:
            credit, rest = parsed
            art.byline, art.authors = credit.text, credit.authors
            _set_para_text(unit, 0, rest)
    if unit.kind == "brief" and unit.paras:
        _take_brief_lead(art, unit, residue)
    if art.byline is None and unit.paras and unit.kind != "photo":
        _take_trailing_credit(art, unit)
    art.blocks = _blocks_of(unit, residue)
    art.continued_from, art.continued_to = unit.jump_from, unit.jump_to
    art.first_line = _first_line(unit)
    if not art.blocks:  # a head or credit with no text under it is not an article
        residue.extend(Residue(t, "unassigned", art.first_line)
                       for t in (art.kicker, art.headline, art.subheadline, art.byline, *unit.inline_jumps) if t)
        return None
    return art


def _replace_first_line(unit: Unit, i: int, text: str) -> None:
    """Paragraph ``i`` with its first line's text replaced (dropped when empty)."""
    para = unit.paras[i]
    first = para.lines[0]
    rest = ([Line(first.no, text, first.width, first.kind)] if text.strip() else []) + para.lines[1:]
    if rest:
        unit.paras[i] = para.with_lines(rest)
    else:
        _remove_para(unit, i)


def _set_para_text(unit: Unit, i: int, text: str) -> None:
    """Paragraph ``i`` holds ``text`` once a credit or marker is cut off it (dropped when empty)."""
    para = unit.paras[i]
    if not text.strip():
        _remove_para(unit, i)
        return
    unit.paras[i] = Paragraph([Line(para.first_line, text, 0.0, PROSE)], para.column, para.terminated,
                              para.indented, False, para.bullet)


def _take_inline_jumps(unit: Unit, residue: list[Residue]) -> None:
    """（上接第一版） opening the text and （下转第3版） closing it are metadata."""
    first = unit.paras[0]
    m = JUMP_FROM_PREFIX_RE.match(first.lines[0].text)
    if m:
        kept = unit.jump_from is None
        if kept:
            unit.jump_from = m.group(1).strip()
            unit.inline_jumps.append(unit.jump_from)
        residue.append(_marker_residue(m.group(0), kept, first.first_line))
        _replace_first_line(unit, 0, first.lines[0].text[m.end():])
    if not unit.paras:
        return
    last = unit.paras[-1]
    text = last.text
    m = JUMP_TO_SUFFIX_RE.search(text) if "转" in text else None  # every jump-to marker holds 转
    if m:
        kept = unit.jump_to is None
        if kept:
            unit.jump_to = m.group(1).strip()
            unit.inline_jumps.append(unit.jump_to)
        residue.append(_marker_residue(m.group(0), kept, last.lines[-1].no))
        _set_para_text(unit, len(unit.paras) - 1, text[:m.start()])


def _marker_residue(marker: str, kept: bool, line: int) -> Residue:
    """A jump marker's brackets when its text became metadata; the whole marker when the unit had one already."""
    return Residue(_brackets_of(marker) if kept else marker.strip(), "decoration", line)


def _take_brief_lead(art: Article, unit: Unit, residue: list[Residue]) -> None:
    """A brief's bullet is decoration and its bold lead its headline."""
    first = unit.paras[0]
    mark, lead, rest = split_bullet_lead(first.lines[0].text)
    residue.append(Residue(mark, "decoration", first.first_line))
    art.headline = clean_heading(lead) if lead else None
    _replace_first_line(unit, 0, rest)


def _take_trailing_credit(art: Article, unit: Unit) -> None:
    """（记者 王芳） at the end of a body is the article's credit, not its text."""
    last = unit.paras[-1]
    parsed = parse_trailing_credit(join_keeping_credit_breaks([ln.text for ln in last.lines], last=True))
    if parsed is None:
        return
    credit, rest = parsed
    art.byline, art.authors = credit.text, credit.authors
    _set_para_text(unit, len(unit.paras) - 1, rest)


def _keep_unclaimed_jumps(jumps: list[tuple[str, int]], articles: list[Article], inline_jumps: list[str],
                          residue: list[Residue]) -> None:
    """A jump marker line no article kept as metadata goes to residue.

    Articles' jump metadata taken from markers inside their text
    (``inline_jumps``) claims no marker line.
    """
    claimed = [x for a in articles for x in (a.continued_from, a.continued_to) if x]
    for text in inline_jumps:
        if text in claimed:
            claimed.remove(text)
    for text, no in jumps:
        if text in claimed:
            claimed.remove(text)
        else:
            residue.append(Residue(text, "unassigned", no))


def segment_page(text: str) -> PageResult:
    """Segment one page's text into articles and residue. Never raises on any text."""
    lines = classify_page(text.replace("\r\n", "\n").replace("\r", "\n"))
    page = _units(lines)
    leftovers = _assign_heads(page)
    _claim_far_heads(page.units, page.stacked)
    residue = page.residue
    for _, lns in leftovers:
        residue.extend(Residue(ln.text, "unassigned", ln.no) for ln in lns)
    # a lead's words as it stands before orphans join it; their bigrams are made only if an orphan is scored
    lead_texts = {id(u): _lead_text(u) for u in page.units if u.kind == "lead"}
    units = _resolve_orphans(page.units, lead_texts)
    if _claim_banners(units):
        units = _resolve_orphans(units, lead_texts)  # prose that gave its banner away is headless: it joins a text

    articles: list[Article] = []
    inline_jumps: list[str] = []
    for unit in units:
        _rejoin_tails(unit)
        art = _article_of(unit, residue)
        if art is not None:
            articles.append(art)
            inline_jumps.extend(unit.inline_jumps)
    _keep_unclaimed_jumps(page.jumps, articles, inline_jumps, residue)
    articles.sort(key=lambda a: a.first_line)
    residue.sort(key=lambda r: r.line)
    return PageResult(articles=articles, residue=residue, meta=page.meta)
