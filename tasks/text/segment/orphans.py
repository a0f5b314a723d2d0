"""Where headless prose belongs: a lead it is a section of, the story it goes on with, or itself."""

from __future__ import annotations

import re
from typing import Final

from banmian.tasks.text.lexicon import bigram_set, overlap
from banmian.tasks.text.lines import HEAD, SUBTITLE
from banmian.tasks.text.paragraphs import same_flow
from banmian.tasks.text.segment.headlines import is_feature_subtitle
from banmian.tasks.text.segment.units import Unit, unfinished_before_break

#: Score bonus for a feature-genre lead when choosing an orphan's host; about
#: a third of the overlap a section shares with its own feature's words.
GENRE_BONUS: Final = 0.3
#: Score bonus for the nearest lead before an orphan: position breaks ties.
NEAREST_BONUS: Final = 0.1
#: Score bonus when the orphan starts mid-sentence and the lead has a
#: paragraph left unfinished: the strongest sign that the two are one text.
UNFINISHED_BONUS: Final = 1.0
#: Score bonus for orphan prose set in the same column as the story just
#: before it: the plainest reading is that the story goes on.
SAME_FLOW_BONUS: Final = 0.5


def lead_text(lead: Unit) -> str:
    """A lead's words: its head's lines and its text (``resolve_orphans`` scores orphan runs against them)."""
    return "".join(ln.text for ln in lead.lead_lines) + lead.body_text()


def resolve_orphans(units: list[Unit], lead_texts: dict[int, str]) -> list[Unit]:
    """Decide where prose without a dateline or headline belongs.

    A lead (a heading group with its own byline line) may have its body
    scattered over the page in orphan runs; each orphan run goes to the lead
    that scores best (``_orphan_host_score``). Without a lead, an unclaimed
    orphan continues the article before it (it follows a crosshead) or, at
    the page top, stands alone. Leads are scored by ``lead_texts``, each
    lead's words as it stood before any orphan joined it, so a lead that
    gathered many runs does not outscore the others by its size alone.
    Returns the units that remain articles, in page order.
    """
    leads = [u for u in units if u.kind == "lead"]
    kept: list[Unit] = []
    went_to: dict[int, Unit] = {}  # unit index -> the article it is part of
    for i, u in enumerate(units):
        if not _is_headless_orphan(u):
            kept.append(u)
            went_to[i] = u
            continue
        if not u.paras and not u.crossheads_before:
            continue  # all its text went to a caption
        host = _continued_from(units, i, went_to) or _host_for_orphan(u, _kept_just_before(units, i, kept), kept, leads, lead_texts)
        if host is None:
            kept.append(u)
            went_to[i] = u
        else:
            _merge_into(host, u)
            went_to[i] = host
    return kept


def _continued_from(units: list[Unit], i: int, went_to: dict[int, Unit]) -> Unit | None:
    """The article the unit just before went to, when orphan ``i`` goes on in its column with no crosshead between."""
    if i == 0 or i - 1 not in went_to or units[i].crossheads_before or units[i].split_off:
        return None
    before, host = units[i - 1], went_to[i - 1]
    if before is host or not before.paras or not units[i].paras or before.paras[-1].ends_article:
        return None
    return host if _continues_flow(before, units[i]) else None


def _kept_just_before(units: list[Unit], i: int, kept: list[Unit]) -> Unit | None:
    """The unit just before unit ``i``, when it was kept as an article (not merged into another)."""
    return units[i - 1] if i and kept and units[i - 1] is kept[-1] else None


def _is_headless_orphan(unit: Unit) -> bool:
    """Orphan prose with no headline given to it; text continued from another page is its own article."""
    return unit.kind == "orphan" and unit.head is None and not unit.jump_from


def _host_for_orphan(u: Unit, before: Unit | None, kept: list[Unit], leads: list[Unit],
                     lead_texts: dict[int, str]) -> Unit | None:
    """The unit an orphan run joins: a lead by score, or the story it directly continues.

    Scores are made only to choose: a page's one lead takes the orphan
    unless the story before it may go on, and an orphan's bigrams cost
    more than the rest of its scoring.
    """
    if not leads:
        return _last_text_going_on(kept, u)
    goes_on = _goes_on(before, u)
    nearest = _nearest_lead(leads, kept)
    scores = [_orphan_host_score(u, ld, bigram_set(lead_texts[id(ld)]), ld is nearest) for ld in leads]
    best = max(range(len(leads)), key=scores.__getitem__)
    if goes_on is not None \
            and _orphan_host_score(u, goes_on, goes_on.body_grams(), True) + SAME_FLOW_BONUS >= scores[best]:
        return goes_on
    return leads[best] if _evidence_for(u, leads[best], lead_text(leads[best])) else None


def _last_text_going_on(kept: list[Unit], u: Unit) -> Unit | None:
    """On a page with no lead: the last story or orphan run kept, when it can go on."""
    for prev in reversed(kept):
        if prev.kind in ("story", "orphan"):
            return prev if not u.split_off and _can_go_on(prev) and _evidence_for(u, prev, prev.body_text()) else None
    return None


#: EXPERIMENT
MIN_OVERLAP: Final = 0.1


def _evidence_for(u: Unit, host: Unit, host_text: str) -> bool:
    """Positive evidence that an orphan run is part of ``host``: a cut sentence, a section's crosshead, shared words."""
    if _starts_mid_sentence(u) and _unfinished(host):
        return True
    text = "".join(p.text for p in u.paras)
    return overlap(text, bigram_set(host_text)) >= MIN_OVERLAP or (bool(u.crossheads_before) and host.kind == "lead") \
        or _opens_with_anaphor(text) or _restates_its_head(host, text)


#: EXPERIMENT: share of a lead's heading bigrams that its section's text holds (head assignment's measure).
HEAD_IN_SECTION: Final = 0.3


def _restates_its_head(host: Unit, text: str) -> bool:
    """The orphan's text holds the words of the lead's headline and subtitle, as a headline's own text does."""
    heading = "".join(ln.text for ln in host.lead_lines if ln.kind in (HEAD, SUBTITLE))
    return bool(heading) and overlap(heading, bigram_set(text)) >= HEAD_IN_SECTION


#: EXPERIMENT: words that refer back to something named before: a text opening with one goes on with another.
_ANAPHORA: Final = re.compile(r"^\s*(?:该[县市区镇乡村局委院所部厅站校公司企业中心]|这[些里是个项次一]|此外|另外|同时|其中|对此|为此|与此同时|他们|她们|此前|随后|目前，该)")


def _opens_with_anaphor(text: str) -> bool:
    return _ANAPHORA.match(text) is not None


def _goes_on(before: Unit | None, u: Unit) -> Unit | None:
    """The text just before an orphan run, when the run goes on in its column with no crosshead between."""
    if before is None or u.split_off or not _can_go_on(before) or u.crossheads_before or not _continues_flow(before, u):
        return None
    return before


def _nearest_lead(leads: list[Unit], kept: list[Unit]) -> Unit:
    """The last lead before an orphan run (among the units kept so far), or the page's first lead."""
    kept_ids = {id(k) for k in kept}
    leads_before = [ld for ld in leads if id(ld) in kept_ids]
    return leads_before[-1] if leads_before else leads[0]


def _orphan_host_score(u: Unit, lead: Unit, grams: frozenset[str], nearest: bool) -> float:
    """How well an orphan run fits a lead: shared words, genre, position, a cut sentence."""
    text = "".join(p.text for p in u.paras) + "".join(t for hs in u.crossheads_before.values() for t in hs)
    score = overlap(text, grams)
    if _names_a_feature_genre(lead):
        score += GENRE_BONUS
    if nearest:
        score += NEAREST_BONUS
    if _starts_mid_sentence(u) and _unfinished(lead):
        score += UNFINISHED_BONUS
    return score


def _names_a_feature_genre(lead: Unit) -> bool:
    """A lead whose headline or subtitle names a feature genre: its sections are printed apart from its head."""
    return any(is_feature_subtitle(ln.text) for ln in lead.lead_lines if ln.kind in (SUBTITLE, HEAD))


def _starts_mid_sentence(u: Unit) -> bool:
    """An orphan run whose first line is full width and opens no story: it goes on with a sentence."""
    return bool(u.paras) and not u.paras[0].indented and not u.paras[0].dateline


def _unfinished(unit: Unit) -> bool:
    """The unit has a paragraph that stops mid-sentence before a break."""
    return any(unfinished_before_break(unit, i) for i in range(len(unit.paras)))


def _can_go_on(unit: Unit) -> bool:
    """A story or orphan run not closed by （下转第3版） (inline or on its own line) or a trailing credit can go on here."""
    return unit.kind in ("story", "orphan") and bool(unit.paras) and not unit.paras[-1].ends_article \
        and unit.jump_to is None


def _continues_flow(prev: Unit, u: Unit) -> bool:
    """The orphan run is set in the column of the text before it."""
    return bool(u.paras) and same_flow(prev.paras[-1], u.paras[0])


def _merge_into(target: Unit, extra: Unit) -> None:
    """Append an orphan unit's paragraphs (and crossheads) to another unit."""
    target.scattered = True
    target.jump_from = target.jump_from or extra.jump_from
    target.jump_to = extra.jump_to or target.jump_to
    base = len(target.paras)
    for i, heads in extra.crossheads_before.items():
        target.crossheads_before.setdefault(base + i, []).extend(heads)
    target.paras.extend(extra.paras)
