"""Where headless prose belongs: a text it is a section of, the text it goes on with, or itself.

Each orphan run, in page order, is offered to every text that can take it
(``joins.can_host``: the leads anywhere on the page, the stories and orphan
runs kept before it); the join model (``joins``) scores each pair, and the
orphan joins the best host when the model says yes, else it is an article
of its own. Joining needs positive evidence: shared words, a cut sentence,
a section's crosshead, a reference back. A host that gathered runs is
scored with all of its text so far. A run that opens with a letter's
signature (``一村民``, ``读者 刘淑琴``) is the close of the text straight
before it, with no model asked: the signature is the evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from banmian.tasks.text.budget import check_budget
from banmian.tasks.text.credits import parse_signature
from banmian.tasks.text.lines import BYLINE
from banmian.tasks.text.segment.captions import (carve_uncredited_captions, credit_captions_printed_after,
                                                 gather_numbered_captions)
from banmian.tasks.text.segment.cohesion import PageVocabulary
from banmian.tasks.text.segment.joins import (Candidate, JoinFeature, OrphanSide, PageContext, can_host, cohesion_ceiling,
                                              host_cohesion, load_join_model, orphan_side, section_count,
                                              signals_but_cohesion)
from banmian.tasks.text.segment.logistic import LogisticModel
from banmian.tasks.text.segment.units import Decision, Unit


def resolve_orphans(units: list[Unit], vocab: PageVocabulary, free_heads: Sequence[str] = (),
                    model: LogisticModel | None = None) -> list[Unit]:
    """Join each headless orphan run to the text it belongs to, or keep it; returns the articles' units in page order.

    ``free_heads``: the heading groups no text took, each as one text (an orphan one of them restates may be an
    article whose heading stands apart).
    """
    units = gather_numbered_captions(units)  # a numbered caption's cut-off pieces are its photo's, by their numbers
    units = carve_uncredited_captions(units)  # a photo report's caption with no credit is no part of a text
    units = credit_captions_printed_after(units)  # a credit printed over its caption closed a text's end: the caption's
    state = _Resolution(units, model or load_join_model(), PageContext(vocab, section_count(units), tuple(free_heads)))
    for i, unit in enumerate(units):
        check_budget()  # placing one orphan weighs every text before it: the page's square
        state.place(i, unit)
    return state.kept


@dataclass(slots=True)
class _Resolution:
    """Orphans placed so far: the units kept as articles, and the article each unit went to."""

    units: list[Unit]
    model: LogisticModel
    page: PageContext
    kept: list[Unit] = field(default_factory=list)
    article_of: dict[int, Unit] = field(default_factory=dict)      # unit index -> the article it is part of
    last_part: dict[int, int] = field(default_factory=dict)        # id(article) -> index of its last unit

    def place(self, i: int, unit: Unit) -> None:
        if not is_headless_orphan(unit):
            self._keep(i, unit)
        elif unit.paras or unit.crossheads_before:  # an orphan whose text all went to a caption is no article
            signed = self.signed_host(i, unit)
            host, probability = (signed, 1.0) if signed is not None else self.best_host(i, unit)
            threshold = self.model.threshold
            if host is None:
                unit.decisions.append(Decision("alone", probability, threshold))
                self._keep(i, unit)
            else:
                merge_into(host, unit)
                host.decisions.append(Decision("joined", probability, threshold))
                self.article_of[i], self.last_part[id(host)] = host, i

    def _keep(self, i: int, unit: Unit) -> None:
        self.kept.append(unit)
        self.article_of[i], self.last_part[id(unit)] = unit, i

    def candidates(self, i: int) -> list[Candidate]:
        """The texts orphan ``i`` may join: kept texts before it, and leads after it."""
        before = self.article_of.get(i - 1)
        found = [Candidate(u, self.last_part[id(u)], u is before) for u in self.kept if can_host(u)]
        later = [Candidate(self.units[j], j, False) for j in range(i + 1, len(self.units))
                 if self.units[j].kind == "lead"]
        if self.units[i].signed:  # an essay signed at its end is no section of a text signed by another name
            return [c for c in found + later if not has_byline(c.host)]
        if self.ends_a_text(i):
            return [c for c in found + later if stops_mid_sentence(c.host)] or found + later
        return found + later

    def ends_a_text(self, i: int) -> bool:
        """Orphan ``i`` opens mid-sentence and was cut off the signed essay after it (``boundaries``): the end of a
        text, which goes on only where a text stops mid-sentence at its end (when one does)."""
        unit, after = self.units[i], self.units[i + 1] if i + 1 < len(self.units) else None
        return bool(unit.paras) and not unit.paras[0].indented and after is not None and after.signed and after.split_off

    def signed_host(self, i: int, unit: Unit) -> Unit | None:
        """The text straight before orphan ``i`` when the orphan opens with a letter's signature and that text can take it.

        A letter is signed under its last line and the office's reply may follow
        at once (``一村民`` / ``8月20日，卧虎镇政府回复：…``): the signature closes
        the letter, which ``articles`` takes as its credit.
        """
        before = self.article_of.get(i - 1)
        if before is None or not can_host(before) or not unit.paras:
            return None
        return before if parse_signature(unit.paras[0].lines[0].text) is not None else None

    def best_host(self, i: int, unit: Unit) -> tuple[Unit | None, float]:
        """The candidate the join model likes best for orphan ``i`` if it says yes (else None), and its probability.

        Candidates are weighed in the order of the most their probability can be (``joins.cohesion_ceiling`` for
        the dear ``cohesion``); once that falls below the best probability found, no candidate left can win and
        their cohesion is never weighed. The choice and its probability are those of weighing them all.
        """
        side = orphan_side(unit, self.page)  # the orphan's own signals, read once for all its candidates
        offers = sorted((self._offer(unit, i, k, c, side) for k, c in enumerate(self.candidates(i))),
                        key=lambda offer: -offer.ceiling)  # a stable sort: ties stay in candidate order
        best: tuple[float, int] = (-1.0, 0)  # (probability, -k): ties go to the first candidate
        host = None
        for offer in offers:
            if offer.ceiling < best[0]:
                break
            offer.signals["cohesion"] = host_cohesion(side, offer.host, self.page)
            scored = (self.model.probability(offer.signals), -offer.k)
            if scored > best:
                best, host = scored, offer.host
        if host is None:
            return None, 0.0
        return (host if best[0] >= self.model.threshold else None), best[0]

    def _offer(self, unit: Unit, i: int, k: int, candidate: Candidate, side: OrphanSide) -> _Offer:
        """Candidate ``k``'s signals but its cohesion, and the most its probability can be.

        The probability is monotone in cohesion (a logistic model): highest at the ceiling when cohesion weighs
        for joining, as every trained model so far has it (weight 15.1), at no cohesion otherwise.
        """
        signals = signals_but_cohesion(unit, i, candidate, self.page, side)
        most = cohesion_ceiling(side, candidate.host, self.page) if self.model.weights["cohesion"] >= 0 else 0.0
        ceiling = self.model.probability({**signals, "cohesion": most})
        return _Offer(ceiling, k, candidate.host, signals)


class _Offer(NamedTuple):
    """A candidate host of an orphan, before its cohesion is weighed."""

    ceiling: float                       # its probability with ``cohesion_ceiling`` for its cohesion: the most it can be
    k: int                               # its place among the candidates
    host: Unit
    signals: dict[JoinFeature, float]    # all but cohesion, set when it is weighed


def is_headless_orphan(unit: Unit) -> bool:
    """Orphan prose with no headline given to it; text continued from another page is its own article."""
    return unit.kind == "orphan" and unit.head is None and not unit.jump_from


def stops_mid_sentence(unit: Unit) -> bool:
    """The unit's text ends mid-sentence: its last paragraph neither ends a sentence nor its article."""
    return bool(unit.paras) and not unit.paras[-1].terminated and not unit.paras[-1].ends_article


def has_byline(unit: Unit) -> bool:
    """A lead whose own lines hold a byline: a text signed under its headline."""
    return any(ln.kind == BYLINE for ln in unit.lead_lines)


def merge_into(target: Unit, extra: Unit) -> None:
    """Append an orphan unit's paragraphs (and crossheads) to another unit."""
    target.scattered = True
    target.jump_from = target.jump_from or extra.jump_from
    target.jump_to = extra.jump_to or target.jump_to
    base = len(target.paras)
    for i, heads in extra.crossheads_before.items():
        target.crossheads_before.setdefault(base + i, []).extend(heads)
    target.paras.extend(extra.paras)
    target.decisions.extend(extra.decisions)
