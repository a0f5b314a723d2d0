"""Where prose without a dateline or headline belongs: a lead it is a section of, the story it goes on with, or itself."""

from __future__ import annotations

from typing import Final

from banmian.tasks.text.lexicon import bigram_set, overlap
from banmian.tasks.text.lines import HEAD, SUBTITLE
from banmian.tasks.text.paragraphs import same_flow
from banmian.tasks.text.segment.headlines import is_feature_subtitle
from banmian.tasks.text.segment.units import Unit


def _merge_into(target: Unit, extra: Unit) -> None:
    """Append an orphan unit's paragraphs (and crossheads) to another unit."""
    target.scattered = True
    target.jump_from = target.jump_from or extra.jump_from
    target.jump_to = extra.jump_to or target.jump_to
    base = len(target.paras)
    for i, heads in extra.crossheads_before.items():
        target.crossheads_before.setdefault(base + i, []).extend(heads)
    target.paras.extend(extra.paras)


def resolve_orphans(units: list[Unit], lead_texts: dict[int, str]) -> list[Unit]:
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


#: Score bonus for a feature-genre lead when choosing an orphan's host; about
#: a third of the overlap a section shares with its own feature's words.
GENRE_BONUS: Final = 0.3


#: Score bonus for the nearest lead before an orphan: position breaks ties.
NEAREST_BONUS: Final = 0.1


#: Score bonus when the orphan starts mid-sentence and the lead has a
#: paragraph left unfinished: the strongest sign that the two are one text.
UNFINISHED_BONUS: Final = 1.0


def lead_text(lead: Unit) -> str:
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
