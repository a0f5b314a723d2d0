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

from collections.abc import Callable
from dataclasses import dataclass, field

from tasks.clean import clean_heading, clean_paragraph, split_doubled
from tasks.credits import (
    BYLINE_MARKS,
    Credit,
    parse_byline,
    parse_dateline,
    parse_photo_credit,
)
from tasks.lexicon import break_splits_word, han_bigrams, overlap
from tasks.lines import (
    BLANK,
    BYLINE,
    CREDIT,
    DATELINE,
    FURNITURE,
    HEAD,
    JUMP,
    PROSE,
    ROLE,
    SUBTITLE,
    Line,
    classify_page,
)
from tasks.model import Article, Block, PageResult, Residue
from tasks.paragraphs import Paragraph, build_paragraphs

#: Lines of a heading group that one headline can take: kicker, a couplet of
#: two lines, a subject line.
MAX_HEADLINE_LINES = 4
#: Couplet halves are short and about equally long (seeds: 4–7 units each).
COUPLET_MAX_WIDTH = 12.0
COUPLET_MAX_DIFF = 3.0
#: A heading group whose words barely occur in either neighbour is left
#: where its position puts it; below this overlap a headline claim is weak.
MIN_HEAD_OVERLAP = 0.15
#: Bonus for a headline shaped like a real one (couplet + subject, or one
#: line + subject): breaks near-ties between splits of a group.
SHAPE_BONUS = 0.05
#: Heading lines explain the orphan prose after them a little less well as
#: crossheads than as its headline: a crosshead names one section only.
CROSSHEAD_WEIGHT = 0.9

_DASHES = "—─－-"


# --- units ---------------------------------------------------------------------------


@dataclass(slots=True)
class HeadGroup:
    """Heading lines standing together between two units."""

    lines: list[Line]
    prev: int | None = None   # index of the unit before it
    next: int | None = None   # index of the unit after it

    @property
    def is_lead(self) -> bool:
        """A group with its own byline or ——subtitle heads its own article."""
        return any(ln.kind in (BYLINE, SUBTITLE) for ln in self.lines)


@dataclass(slots=True)
class Unit:
    """A run of page content that belongs to one article (or is a caption)."""

    kind: str                                # story | orphan | photo | lead
    paras: list[Paragraph] = field(default_factory=list)
    crossheads_before: dict[int, list[str]] = field(default_factory=dict)  # para index -> crossheads
    head: list[Line] | None = None           # heading lines given to it
    credit: Credit | None = None
    credit_lines: list[Line] = field(default_factory=list)
    lead_lines: list[Line] = field(default_factory=list)
    jump_from: str | None = None
    jump_to: str | None = None

    def body_grams(self) -> set[str]:
        return han_bigrams("".join(p.text for p in self.paras))


@dataclass(slots=True)
class _Page:
    units: list[Unit]
    groups: list[HeadGroup]
    residue: list[Residue]
    meta: dict[str, str]
    jumps: list[tuple[str, int]]  # jump markers (text without brackets, line)


def _regions(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """Split classified lines into prose regions and single structural lines.

    A prose region is a run of PROSE/DATELINE lines with the blanks among them;
    heading lines (with the blanks between them) form one 'head' region.
    """
    out: list[tuple[str, list[Line]]] = []
    i, n = 0, len(lines)
    while i < n:
        ln = lines[i]
        if ln.kind in (PROSE, DATELINE):
            j = i
            while j < n and lines[j].kind in (PROSE, DATELINE, BLANK):
                j += 1
            out.append(("prose", lines[i:j]))
            i = j
        elif ln.kind in (HEAD, SUBTITLE, BYLINE) or (ln.kind == ROLE and not _role_starts_credit(lines, i)):
            j = i
            grp: list[Line] = []
            while j < n and (lines[j].kind in (HEAD, SUBTITLE, BYLINE, BLANK)
                             or (lines[j].kind == ROLE and not _role_starts_credit(lines, j))):
                if lines[j].kind != BLANK:
                    grp.append(lines[j])
                elif j + 1 < n and lines[j + 1].kind == BLANK:
                    break  # two blank lines end a group
                j += 1
            out.append(("head", grp))
            i = j
        elif ln.kind == ROLE:  # first half of a two-line photo credit
            k = _next_nonblank(lines, i + 1)
            out.append(("credit", [ln, lines[k]]))
            i = k + 1
        elif ln.kind == BLANK:
            i += 1
        else:
            out.append((ln.kind, [ln]))
            i += 1
    return out


def _next_nonblank(lines: list[Line], i: int) -> int:
    while i < len(lines) and lines[i].kind == BLANK:
        i += 1
    return i


def _role_starts_credit(lines: list[Line], i: int) -> bool:
    k = _next_nonblank(lines, i + 1)
    return k < len(lines) and lines[k].kind == CREDIT


def _units(lines: list[Line]) -> _Page:
    """The page as units and the heading groups between them."""
    units: list[Unit] = []
    groups: list[HeadGroup] = []
    residue: list[Residue] = []
    meta: dict[str, str] = {}
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

    for kind, lns in _regions(lines):
        if kind == "prose":
            for para in build_paragraphs(lns):
                if para.dateline or open_unit is None:
                    open_unit = start(Unit("story" if para.dateline else "orphan"))
                    if pending_jump:
                        open_unit.jump_from, pending_jump = pending_jump, None
                open_unit.paras.append(para)
        elif kind == "head":
            grp = HeadGroup(lns, prev=len(units) - 1 if units else None)
            if grp.is_lead:
                open_unit = start(Unit("lead", lead_lines=lns))
            else:
                groups.append(grp)
                pending.append(grp)
                open_unit = None
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
        elif kind == FURNITURE:
            _record_furniture(lns[0], meta)
            residue.append(Residue(lns[0].text, "page_furniture", lns[0].no))
        else:  # a stray line of any other kind
            residue.append(Residue(lns[0].text, "unassigned", lns[0].no))
    return _Page(units, groups, residue, meta, jumps)


def _brackets_of(text: str) -> str:
    return "".join(ch for ch in text if ch in "（）()")


def _record_furniture(line: Line, meta: dict[str, str]) -> None:
    """Keep what page furniture says as page metadata."""
    text = line.text
    if "年" in text and "月" in text and "日" in text:
        meta.setdefault("date", " ".join(text.split()))
    elif "：" in text or ":" in text:
        meta.setdefault("editor", " ".join(text.split()))
    else:
        meta.setdefault("page", " ".join(text.split()))


def _close_caption(units: list[Unit], lns: list[Line], start: Callable[[Unit], Unit],
                   residue: list[Residue]) -> None:
    """A photo credit closes a caption: the paragraph right before it."""
    credit_text = " ".join(ln.text for ln in lns)
    credit = parse_photo_credit(credit_text)
    if credit is None:  # pragma: no cover - classify_line guarantees the form
        residue.extend(Residue(ln.text, "unassigned", ln.no) for ln in lns)
        return
    host = units[-1] if units else None
    caption = Unit("photo", credit=credit, credit_lines=list(lns))
    if host is not None and host.paras and not (host.kind == "story" and len(host.paras) == 1):
        caption.paras.append(host.paras.pop())
    start(caption)


# --- headline assignment --------------------------------------------------------------


@dataclass(slots=True)
class Headline:
    kicker: str | None
    headline: str | None
    subheadline: str | None
    extra: list[Line]     # lines a headline could not take
    shape_ok: bool


def _is_couplet(a: Line, b: Line) -> bool:
    return (a.width <= COUPLET_MAX_WIDTH and b.width <= COUPLET_MAX_WIDTH
            and abs(a.width - b.width) <= COUPLET_MAX_DIFF and " " not in a.text.strip()
            and " " not in b.text.strip())


def parse_headline(lines: list[Line]) -> Headline:
    """Read heading lines as kicker / headline / subheadline.

    ``阅享新时代`` + ``奋进新征程`` + ``铁西区民政局推进书香机关建设`` →
    headline ``阅享新时代 奋进新征程``, subheadline the subject line. A
    ``——`` line is the subheadline, without its dashes.
    """
    heads = [ln for ln in lines if ln.kind == HEAD or ln.kind == ROLE]
    subs = [ln for ln in lines if ln.kind == SUBTITLE]
    kicker = headline = sub = None
    extra: list[Line] = []
    shape_ok = True
    if len(heads) >= 2 and _is_couplet(heads[0], heads[1]):
        headline = f"{clean_heading(heads[0].text)} {clean_heading(heads[1].text)}"
        rest = heads[2:]
    elif len(heads) >= 3 and _is_couplet(heads[1], heads[2]):
        kicker = clean_heading(heads[0].text)
        headline = f"{clean_heading(heads[1].text)} {clean_heading(heads[2].text)}"
        rest = heads[3:]
    elif heads:
        headline = clean_heading(heads[0].text)
        rest = heads[1:]
    else:
        rest = []
    if subs:
        sub = clean_heading(subs[0].text.lstrip(_DASHES + " "))
        extra.extend(subs[1:])
    if rest and sub is None:
        sub = clean_heading(rest[0].text)
        rest = rest[1:]
    if rest:
        extra.extend(rest)
        shape_ok = False
    return Headline(kicker, headline, sub, extra, shape_ok)


def _claim_score(lines: list[Line], unit: Unit, grams_cache: dict[int, set[str]], idx: int) -> float:
    """How well heading lines fit a unit's body: bigram overlap, plus a shape bonus."""
    if idx not in grams_cache:
        grams_cache[idx] = unit.body_grams()
    text = "".join(ln.text for ln in lines)
    score = overlap(text, grams_cache[idx])
    if parse_headline(lines).shape_ok:
        score += SHAPE_BONUS
    return score


def _can_take_headline(unit: Unit | None, lines: list[Line], after: bool, has_lead: bool) -> bool:
    """Whether heading lines can be a headline of ``unit``.

    Only dateline stories carry a headline *after* their body (the habit of
    pages that print the head below the text). Orphan prose takes a headline
    before it; on a page with a lead feature, whose body is scattered in
    orphan runs, a single heading line next to orphan prose is a crosshead.
    """
    if unit is None or unit.head is not None or not unit.paras or len(lines) > MAX_HEADLINE_LINES:
        return False
    if unit.kind == "story":
        return True
    if unit.kind != "orphan" or after:
        return False
    return not (has_lead and len(lines) == 1)


def _assign_heads(page: _Page) -> list[tuple[HeadGroup, list[Line]]]:
    """Give each heading group's lines to the unit before or after it.

    Every split of a group (first k lines to the unit before, the rest to the
    unit after) is scored by how much of the group's text each side's body
    explains, weighted by lines; the best decision over all groups is taken
    first, then the rest are re-scored with the units that are left.
    Lines given to an orphan unit that already has a headline, or that no
    headline can take, become crossheads of the unit after them.
    Returns the lines left unassigned for each group.
    """
    units, groups = page.units, page.groups
    has_lead = any(u.kind == "lead" for u in units)
    cache: dict[int, set[str]] = {}
    todo = list(range(len(groups)))
    leftovers: list[tuple[HeadGroup, list[Line]]] = []
    while todo:
        best: tuple[float, int, int] | None = None
        for gi in todo:
            g = groups[gi]
            n = len(g.lines)
            prev = units[g.prev] if g.prev is not None else None
            nxt = units[g.next] if g.next is not None else None
            for k in range(n + 1):
                a, b = g.lines[:k], g.lines[k:]
                if a and not _can_take_headline(prev, a, True, has_lead):
                    continue
                b_head = bool(b) and _can_take_headline(nxt, b, False, has_lead) and not _all_crossheads(b)
                if b and not b_head and not (nxt is not None and nxt.kind in ("orphan", "lead", "story")):
                    continue
                score = 0.0
                if a:
                    score += _claim_score(a, prev, cache, g.prev) * len(a)
                if b:
                    # as headline of what follows, or as its crossheads
                    score += _claim_score(b, nxt, cache, g.next) * len(b) * (1.0 if b_head else CROSSHEAD_WEIGHT)
                score /= n
                if best is None or score > best[0]:
                    best = (score, gi, k)
        if best is None:
            break
        _, gi, k = best
        todo.remove(gi)
        g = groups[gi]
        a, b = g.lines[:k], g.lines[k:]
        if a:
            units[g.prev].head = a
        if b:
            nxt = units[g.next] if g.next is not None else None
            if _can_take_headline(nxt, b, False, has_lead) and not _all_crossheads(b):
                nxt.head = b
            elif nxt is not None:
                nxt.crossheads_before.setdefault(0, []).extend(ln.text for ln in b)
            else:
                leftovers.append((g, b))
    for gi in todo:
        leftovers.append((groups[gi], groups[gi].lines))
    return leftovers


def _all_crossheads(lines: list[Line]) -> bool:
    """Doubled heading lines are crossheads (headlines are not drawn twice)."""
    return all(split_doubled(ln.text)[1] for ln in lines)


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
    target.jump_from = target.jump_from or extra.jump_from
    target.jump_to = extra.jump_to or target.jump_to
    base = len(target.paras)
    for i, heads in extra.crossheads_before.items():
        target.crossheads_before.setdefault(base + i, []).extend(heads)
    target.paras.extend(extra.paras)


def _resolve_orphans(units: list[Unit]) -> list[Unit]:
    """Decide where prose without a dateline or headline belongs.

    A lead head (headline + ——subtitle or byline) whose body is scattered
    over the page gathers every orphan run no headline claimed, in page
    order. Without a lead, an unclaimed orphan continues the article before
    it (it follows a crosshead) or, at the page top, stands alone.
    """
    leads = [u for u in units if u.kind == "lead"]
    kept: list[Unit] = []
    for u in units:
        if u.kind != "orphan" or u.head is not None:
            kept.append(u)
            continue
        if not u.paras and not u.crossheads_before:
            continue
        host = _host_for_orphan(u, kept, leads)
        if host is None:
            kept.append(u)
        else:
            _merge_into(host, u)
    return kept


def _host_for_orphan(u: Unit, kept: list[Unit], leads: list[Unit]) -> Unit | None:
    if leads:
        before = [ld for ld in leads if ld in kept]
        return before[-1] if before else leads[0]
    for prev in reversed(kept):
        if prev.kind in ("story", "orphan"):
            return prev
    return None


#: Score a far-away paragraph must reach to complete an unfinished one.
#: Each signal is worth 1 (a full, unindented first line; being the last
#: paragraph of its article, where moved tails land; a join that forms a
#: dictionary word); one strong signal is not enough on its own.
TAIL_MIN_SCORE = 1.5


def _tail_score(p: Paragraph, q: Paragraph, is_last: bool) -> float:
    score = 0.0 if q.indented else 1.0
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
                q = paras[best[1]]
                p.lines.extend(q.lines)
                p.terminated = q.terminated
                _remove_para(unit, best[1])
        i += 1


def _remove_para(unit: Unit, j: int) -> None:
    del unit.paras[j]
    shifted: dict[int, list[str]] = {}
    for k, heads in unit.crossheads_before.items():
        shifted.setdefault(k - 1 if k > j else k, []).extend(heads)
    unit.crossheads_before = shifted


def _article_of(unit: Unit, residue: list[Residue]) -> Article | None:
    kind = {"story": "news", "orphan": "news", "photo": "photo", "lead": "feature"}[unit.kind]
    art = Article(kind=kind)
    if unit.kind == "lead":
        _apply_headline(art, [ln for ln in unit.lead_lines if ln.kind != BYLINE], residue)
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
    if unit.kind == "story" and unit.paras:
        parsed = parse_dateline(unit.paras[0].text)
        if parsed:
            credit, rest = parsed
            art.byline, art.authors = credit.text, credit.authors
            first = unit.paras[0]
            unit.paras[0] = Paragraph([Line(first.first_line, rest, 0.0, PROSE)], first.column,
                                      first.terminated, first.indented, False)
            if not rest.strip():
                _remove_para(unit, 0)
    art.blocks = _blocks_of(unit, residue)
    art.continued_from, art.continued_to = unit.jump_from, unit.jump_to
    art.first_line = _first_line(unit)
    if not art.blocks:  # a head or credit with no text under it is not an article
        residue.extend(Residue(t, "unassigned", art.first_line)
                       for t in (art.kicker, art.headline, art.subheadline, art.byline) if t)
        return None
    return art


def _keep_unclaimed_jumps(jumps: list[tuple[str, int]], articles: list[Article], residue: list[Residue]) -> None:
    """A jump marker no article kept as metadata goes to residue."""
    claimed = [x for a in articles for x in (a.continued_from, a.continued_to) if x]
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
    residue = page.residue
    for _, lns in leftovers:
        residue.extend(Residue(ln.text, "unassigned", ln.no) for ln in lns)
    units = _resolve_orphans(page.units)
    articles: list[Article] = []
    for unit in units:
        _rejoin_tails(unit)
        art = _article_of(unit, residue)
        if art is not None:
            articles.append(art)
    _keep_unclaimed_jumps(page.jumps, articles, residue)
    articles.sort(key=lambda a: a.first_line)
    residue.sort(key=lambda r: r.line)
    return PageResult(articles=articles, residue=residue, meta=page.meta)
