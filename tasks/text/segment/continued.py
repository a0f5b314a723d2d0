"""A feature's byline block printed over the second half of its text: the half goes on the headed half it continues.

Theory pages set a feature's headline over the first columns of its text and its subtitle and byline
over a later column (the feature wraps round another essay). pdftotext emits the subtitle, the byline
and the text under them as a lead of its own, headless, opening on the tail of the paragraph the first
half broke off (wild 012207: ``凸显。`` under ``—— 2017 年中国经济亮点回眸`` / ``胡鞍钢``, the end of
``…作用日益``); the first half is a headed text with no credit that stops mid-sentence. Each half lacks
what the other has (a headline; a credit), and the cut sentence is the evidence they are one text.
"""

from __future__ import annotations

from banmian.tasks.text.lines import BYLINE, HEAD, SUBTITLE
from banmian.tasks.text.segment.cohesion import PageVocabulary
from banmian.tasks.text.segment.orphans import stops_mid_sentence
from banmian.tasks.text.segment.units import Unit


def join_continued_leads(units: list[Unit], vocab: PageVocabulary) -> list[Unit]:
    """The headless lead that opens on a paragraph's tail goes on the page's one headed, uncredited, unfinished text.

    Only when each is the only one of its kind on the page (two cut texts or two such leads leave no
    evidence which goes with which) and the cut text is the one whose words the lead's text shares most.
    Returns the units left.
    """
    leads = [u for u in units if _is_headless_lead_on_a_tail(u)]
    firsts = [u for u in units if _is_unsigned_cut_text(u)]
    if len(leads) != 1 or len(firsts) != 1 or _closest_text(leads[0], units, vocab) is not firsts[0]:
        return units
    _continue_with(firsts[0], leads[0])
    return [u for u in units if u is not leads[0]]


def _closest_text(unit: Unit, units: list[Unit], vocab: PageVocabulary) -> Unit | None:
    """The other text of the page whose words ``unit``'s text shares most (``cohesion``)."""
    own = [p.text for p in unit.paras]
    scored = [(vocab.cohesion(own, [p.text for p in u.paras]), k) for k, u in enumerate(units) if u is not unit and u.paras]
    return units[max(scored)[1]] if scored else None


def _is_headless_lead_on_a_tail(unit: Unit) -> bool:
    """A lead with a subtitle and a byline but no headline, its own or given, whose text opens on a paragraph's end.

    A subtitle (``——…``) completes a headline: a lead that holds one and no headline has its headline
    elsewhere. A tail is a paragraph of one line that ends a sentence, with more text after it: no paragraph opens
    and closes on one line under a byline, with the essay going on below it.
    """
    if unit.kind != "lead" or unit.head or len(unit.paras) < 2:
        return False
    kinds = {ln.kind for ln in unit.lead_lines}
    first = unit.paras[0]
    return {BYLINE, SUBTITLE} <= kinds and HEAD not in kinds and len(first.lines) == 1 and first.terminated \
        and not first.dateline and not unit.crossheads_before.get(0)


def _is_unsigned_cut_text(unit: Unit) -> bool:
    """A text given a headline (not a lead: no byline of its own) that stops mid-sentence at its end."""
    return unit.kind in ("orphan", "story") and bool(unit.head) and not unit.lead_lines \
        and not any(ln.kind == BYLINE for ln in unit.head or []) and unit.jump_to is None and stops_mid_sentence(unit)


def _continue_with(first: Unit, lead: Unit) -> None:
    """The lead's text goes on the first half's (its tail completes the cut paragraph); the lead's lines head both."""
    base = len(first.paras) - 1
    first.paras[-1].append(lead.paras[0])
    for i, heads in lead.crossheads_before.items():
        first.crossheads_before.setdefault(base + i, []).extend(heads)
    first.paras.extend(lead.paras[1:])
    first.kind, first.lead_lines = "lead", lead.lead_lines
    first.scattered = first.scattered or lead.scattered
    first.signed = first.signed or lead.signed
    first.jump_to = lead.jump_to
    first.decisions.extend(lead.decisions)
