"""Segment one page's text into articles and residue.

The page is read in four stages, each a pure function:

1. ``lines.classify_page``: what each line is by its form (heading, credit,
   dateline, furniture, prose).
2. ``paragraphs.build_paragraphs``: prose lines regrouped into paragraphs.
3. ``reader.read_units``: the page as a sequence of *units* — stories opened
   by a dateline, orphan prose, photo captions closed by a credit, lead
   heads — with the heading groups that stand between them; ``boundaries``
   cuts a unit where its text changes subject (a second article whose
   heading stands elsewhere).
4. Decisions scored from several signals: which neighbour each heading group
   belongs to (``assignment``: lexical overlap, headline shape), heads
   printed far from their text (``far_heads``), which orphan prose belongs
   to which article (``orphans``), which headed text a feature's headless
   subtitle-and-byline block continues (``continued``), and which unfinished
   paragraph a stray column tail completes (``tails``). ``articles`` makes
   each unit an ``Article``.

Nothing is dropped: every line ends in an article field or a ``Residue``.

>>> page = "本报讯（记者 王芳）今天，全市开展安全\\n检查。\\n\\n开展安全检查\\n"
>>> r = segment_page(page)
>>> [(a.headline, a.byline, a.paragraphs) for a in r.articles]
[('开展安全检查', '本报讯（记者 王芳）', ['今天，全市开展安全检查。'])]
"""

from __future__ import annotations

from banmian.tasks.model import Article, PageMeta, PageResult, Residue
from banmian.tasks.text.budget import check_budget
from banmian.tasks.text.lines import Line, classify_page
from banmian.tasks.text.model_files import models_version
from banmian.tasks.text.segment.articles import article_of, head_with_first_crosshead, heads_from_phrases_above
from banmian.tasks.text.segment.assignment import assign_heads, give_heads_after_text
from banmian.tasks.text.segment.boundaries import page_vocabulary, split_units
from banmian.tasks.text.segment.cohesion import PageVocabulary
from banmian.tasks.text.segment.confidence import rate
from banmian.tasks.text.segment.continued import join_continued_leads
from banmian.tasks.text.segment.far_heads import claim_banners, claim_far_heads, trade_banners
from banmian.tasks.text.segment.headlines import Headline, is_feature_subtitle, parse_headline
from banmian.tasks.text.segment.intros import fill_empty_sections, give_back_intros
from banmian.tasks.text.segment.jumps import keep_unclaimed_jumps
from banmian.tasks.text.segment.orphans import resolve_orphans
from banmian.tasks.text.segment.reader import read_units
from banmian.tasks.text.segment.tails import rejoin_tails
from banmian.tasks.text.segment.units import HeadGroup, Page, Unit

__all__ = ["HeadGroup", "Headline", "Unit", "is_feature_subtitle", "models_version", "parse_headline", "segment_page"]


def segment_page(text: str) -> PageResult:
    """Segment one page's text into articles and residue, each article rated for confidence.

    Never raises on any text; only ``budget.OverBudget``, inside a ``budget.page_time_budget``.
    """
    pairs, residue, meta = segment_units(text)
    rate(pairs, residue)
    head_with_first_crosshead(pairs)  # rated as headless: a phrase over a text is less sure than a head given to it
    pairs = heads_from_phrases_above(pairs)
    return PageResult(articles=[a for _, a in pairs], residue=residue, meta=meta)


def read_page(text: str) -> tuple[Page, PageVocabulary, list[list[Line]]]:
    """The page read into units, cut where the subject changes, headed: ready for its orphans to be placed.

    Returns the page, its vocabulary, and the heading lines no text took. (The training of the join
    model starts from exactly this state.)
    """
    lines = classify_page(text.replace("\r\n", "\n").replace("\r", "\n"))
    check_budget()
    page = read_units(lines)
    check_budget()
    vocab = page_vocabulary(page)
    split_units(page, vocab)
    give_heads_after_text(page)
    check_budget()
    leftovers = claim_far_heads(page.units, page.stacked, [lns for _, lns in assign_heads(page)])
    return page, vocab, leftovers


def segment_units(text: str) -> tuple[list[tuple[Unit, Article]], list[Residue], PageMeta]:
    """Segment a page, unrated: each article with the unit it was made of (in page order), the residue, the metadata."""
    page, vocab, leftovers = read_page(text)
    residue = page.residue
    free_heads = ["".join(ln.text for ln in lns) for lns in leftovers]
    units = resolve_orphans(page.units, vocab, free_heads)
    check_budget()
    if claim_banners(units):
        units = resolve_orphans(units, vocab, free_heads)  # prose that gave its banner away is headless: it joins a text
    leftovers.extend([banner] for banner in trade_banners(units, leftovers))
    for lns in leftovers:
        residue.extend(Residue(ln.text, "unassigned", ln.no) for ln in lns)
    units = join_continued_leads(give_back_intros(units, residue), vocab)
    fill_empty_sections(units)

    pairs: list[tuple[Unit, Article]] = []
    inline_jumps: list[str] = []
    for unit in units:
        check_budget()
        rejoin_tails(unit)
        art = article_of(unit, residue)
        if art is not None:
            pairs.append((unit, art))
            inline_jumps.extend(unit.inline_jumps)
    keep_unclaimed_jumps(page.jumps, [a for _, a in pairs], inline_jumps, residue)
    pairs.sort(key=lambda pair: pair[1].first_line)
    residue.sort(key=lambda r: r.line)
    return pairs, residue, page.meta
