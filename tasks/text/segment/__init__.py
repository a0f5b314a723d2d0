"""Segment one page's text into articles and residue.

The page is read in four stages, each a pure function:

1. ``lines.classify_page``: what each line is by its form (heading, credit,
   dateline, furniture, prose).
2. ``paragraphs.build_paragraphs``: prose lines regrouped into paragraphs.
3. ``reader.read_units``: the page as a sequence of *units* — stories opened
   by a dateline, orphan prose, photo captions closed by a credit, lead
   heads — with the heading groups that stand between them.
4. Decisions scored from several signals: which neighbour each heading group
   belongs to (``assignment``: lexical overlap, headline shape), heads
   printed far from their text (``far_heads``), which orphan prose belongs
   to which article (``orphans``), and which unfinished paragraph a stray
   column tail completes (``tails``). ``articles`` makes each unit an
   ``Article``.

Nothing is dropped: every line ends in an article field or a ``Residue``.

>>> page = "本报讯（记者 王芳）今天，全市开展安全\\n检查。\\n\\n开展安全检查\\n"
>>> r = segment_page(page)
>>> [(a.headline, a.byline, a.paragraphs) for a in r.articles]
[('开展安全检查', '本报讯（记者 王芳）', ['今天，全市开展安全检查。'])]
"""

from __future__ import annotations

from banmian.tasks.model import Article, PageResult, Residue
from banmian.tasks.text.lines import classify_page
from banmian.tasks.text.segment.articles import article_of
from banmian.tasks.text.segment.assignment import assign_heads
from banmian.tasks.text.segment.far_heads import claim_banners, claim_far_heads
from banmian.tasks.text.segment.headlines import Headline, is_feature_subtitle, parse_headline
from banmian.tasks.text.segment.jumps import keep_unclaimed_jumps
from banmian.tasks.text.segment.orphans import lead_text, resolve_orphans
from banmian.tasks.text.segment.reader import read_units
from banmian.tasks.text.segment.tails import rejoin_tails
from banmian.tasks.text.segment.units import HeadGroup, Unit

__all__ = ["HeadGroup", "Headline", "Unit", "is_feature_subtitle", "parse_headline", "segment_page"]


def segment_page(text: str) -> PageResult:
    """Segment one page's text into articles and residue. Never raises on any text."""
    lines = classify_page(text.replace("\r\n", "\n").replace("\r", "\n"))
    page = read_units(lines)
    leftovers = claim_far_heads(page.units, page.stacked, [lns for _, lns in assign_heads(page)])
    residue = page.residue
    for lns in leftovers:
        residue.extend(Residue(ln.text, "unassigned", ln.no) for ln in lns)
    # a lead's words as it stands before orphans join it; their bigrams are made only if an orphan is scored
    lead_texts = {id(u): lead_text(u) for u in page.units if u.kind == "lead"}
    units = resolve_orphans(page.units, lead_texts)
    if claim_banners(units):
        units = resolve_orphans(units, lead_texts)  # prose that gave its banner away is headless: it joins a text

    articles: list[Article] = []
    inline_jumps: list[str] = []
    for unit in units:
        rejoin_tails(unit)
        art = article_of(unit, residue)
        if art is not None:
            articles.append(art)
            inline_jumps.extend(unit.inline_jumps)
    keep_unclaimed_jumps(page.jumps, articles, inline_jumps, residue)
    articles.sort(key=lambda a: a.first_line)
    residue.sort(key=lambda r: r.line)
    return PageResult(articles=articles, residue=residue, meta=page.meta)
