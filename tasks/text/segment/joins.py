"""Does a run of headless prose belong to a text printed elsewhere on the page?

Prose with no headline, dateline or credit of its own (an *orphan*) is
either a section of another text — a lead feature's body scattered over the
page, the rest of a story the reader cut at a column — or an article whose
heading the page prints elsewhere. Joining needs positive evidence, so each
candidate host is scored by a small logistic model (``logistic``) over
named signals: the words the two share (``cohesion``, and the host's
headline restated in the orphan), a sentence cut between them, a crosshead
opening the orphan as a section, an opening that refers back (``该县``) or
opens a news story (``近日，``), and where the two stand. The orphan joins
the host the model likes best when that host's probability reaches the
model's ``join_at``; otherwise it stands alone. The weights are learned
from generated pages (``make model``, tests/training/joins.py).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from typing import Final, Literal, NamedTuple, TypeVar, get_args

from banmian.tasks.text.clean import split_doubled
from banmian.tasks.text.lexicon import GrowingBigrams, bigram_set, overlap
from banmian.tasks.text.lines import HEAD, SUBTITLE
from banmian.tasks.text.paragraphs import same_flow
from banmian.tasks.text.segment.boundaries import BACK_REFERENCE_RE, NEWS_OPENING_RE
from banmian.tasks.text.segment.cohesion import PageVocabulary
from banmian.tasks.text.segment.headlines import is_feature_subtitle
from banmian.tasks.text.model_files import MODEL_FILES
from banmian.tasks.text.segment.logistic import LogisticModel
from banmian.tasks.text.segment.logistic import load_model as load_logistic
from banmian.tasks.text.segment.units import Unit, unfinished_before_break

#: The signals of one (orphan, host) pair, in the model file's order.
JoinFeature = Literal[
    "cohesion",        # the orphan's text against the host's (and its heading), rare words weighing most
    "head_in_text",    # share of the host's heading bigrams the orphan's text holds
    "text_in_host",    # share of the orphan's bigrams the host's text holds
    "cut_sentence",    # the orphan starts mid-sentence where the host stops mid-sentence
    "section_head",    # a crosshead opens the orphan (it is a section of something)
    "doubled_head",    # that crosshead was drawn twice, as a feature's section heads are
    "sections",        # orphans on the page that a crosshead opens (tenths, at most 1): a feature's scattered body
    "host_is_lead",    # the host is a lead: a heading with its own byline
    "lead_section",    # section_head and host_is_lead together
    "feature_genre",   # the host's subtitle names a feature genre (侧记, 综述, …)
    "refers_back",     # the orphan opens by referring back (该县, 此外)
    "opens_news",      # the orphan opens as a news story does (近日，, a date, 据…报道)
    "adjacent",        # the host is the text just before the orphan
    "same_flow",       # adjacent, and set in the same column
    "split_off",       # the orphan was cut off the text before it where the subject changed
    "host_headless",   # the host is prose with no heading of its own either
    "distance",        # units between the host and the orphan (tenths, at most 1)
    "far_head_fits",   # how well a heading no text took restates the orphan: it may be an article of its own
]
JOIN_FEATURES: Final[tuple[JoinFeature, ...]] = get_args(JoinFeature)
#: The model file, package data beside this module.
JOIN_MODEL_FILE: Final = MODEL_FILES["join"]
#: Units between host and orphan that count as fully far.
DISTANCE_SCALE: Final = 10.0
#: Section-headed orphans on a page that count as many: a feature scattered in ten sections.
SECTIONS_SCALE: Final = 10.0


@lru_cache(maxsize=1)
def load_join_model() -> LogisticModel:
    """The committed join model; its threshold is ``join_at``."""
    return load_logistic(JOIN_MODEL_FILE, JOIN_FEATURES, "join_at")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A text an orphan may join: the host unit, where its last part stands, and whether it is just before."""

    host: Unit
    last_index: int   # index of the host's last part among the page's units
    adjacent: bool


def heading_text(unit: Unit) -> str:
    """A unit's heading: a lead's own heading and subtitle lines, and lines given to it as a headline."""
    lines = [ln for ln in unit.lead_lines if ln.kind in (HEAD, SUBTITLE)] + (unit.head or [])
    return "".join(ln.text for ln in lines)


class HostTraits(NamedTuple):
    """What the join signals read of a host whatever the orphan (``PageContext.host_traits``)."""

    unfinished: bool      # a paragraph of it stops mid-sentence before a break (``_unfinished``)
    lead: bool            # it is a lead (a headline's own text)
    feature_genre: bool   # a line of its lead names a feature's genre (``is_feature_subtitle``)


_Read = TypeVar("_Read")


def _kept_per_host(kept: dict[int, tuple[int, _Read]], host: Unit, read: Callable[[Unit], _Read]) -> _Read:
    """What ``read`` gives of ``host``, read again only when the host has more paragraphs than when last read.

    A host is weighed against every later orphan, and while orphans are placed it only gains paragraphs (an
    orphan joining it), so what is read of it alone changes only then.
    """
    entry = kept.get(id(host))
    if entry is None or entry[0] != len(host.paras):
        entry = kept[id(host)] = (len(host.paras), read(host))
    return entry[1]


def _texts_and_heading(host: Unit) -> tuple[list[str], str]:
    """The host's paragraphs' texts and its heading (``heading_text``)."""
    return [p.text for p in host.paras], heading_text(host)


def _traits(host: Unit) -> HostTraits:
    """What the join signals read of the host whatever the orphan."""
    return HostTraits(_unfinished(host), host.kind == "lead",
                      any(is_feature_subtitle(ln.text) for ln in host.lead_lines))


@dataclass(frozen=True, slots=True)
class PageContext:
    """What the join signals read of the page beyond the two texts."""

    vocab: PageVocabulary
    sections: int = 0                  # the page's section-headed orphans (``section_count``)
    free_heads: tuple[str, ...] = ()   # heading groups no text took, each as one text
    _host_grams: dict[int, GrowingBigrams] = field(default_factory=dict, repr=False)  # id(host) -> its text's bigrams
    # id(host) -> (its paragraphs when read, what was read): ``_kept_per_host``
    _host_texts: dict[int, tuple[int, tuple[list[str], str]]] = field(default_factory=dict, repr=False)
    _host_traits: dict[int, tuple[int, HostTraits]] = field(default_factory=dict, repr=False)

    def far_head_fit(self, text: str, grams: set[str] | frozenset[str] | None = None) -> float:
        """How well the best of the free heading groups restates ``text`` (share of its bigrams in it).

        ``grams``: the text's bigrams, when the caller has them.
        """
        grams = bigram_set(text) if grams is None else grams
        return max((overlap(head, grams) for head in self.free_heads), default=0.0)

    def host_texts(self, host: Unit) -> tuple[list[str], str]:
        """The host's paragraphs' texts and its heading (``heading_text``), kept per host (``_kept_per_host``)."""
        return _kept_per_host(self._host_texts, host, _texts_and_heading)

    def host_traits(self, host: Unit) -> HostTraits:
        """What ``_reading`` reads of the host alone, kept per host (``_kept_per_host``)."""
        return _kept_per_host(self._host_traits, host, _traits)

    def host_grams(self, host: Unit) -> GrowingBigrams:
        """The bigrams of the host's paragraphs joined, kept per host: a host is weighed against every later orphan
        and only grows (an orphan joining it adds its paragraphs), so only what it gained is read."""
        texts = self.host_texts(host)[0]
        kept = self._host_grams.get(id(host))
        if kept is None or kept.texts != texts[:len(kept.texts)]:
            kept = self._host_grams[id(host)] = GrowingBigrams()
        kept.extend(texts[len(kept.texts):], self.vocab.counts)  # the vocabulary has read each paragraph's bigrams
        return kept


@dataclass(frozen=True, slots=True)
class OrphanSide:
    """What the join signals read of the orphan alone: read once, the same for every host it is offered to."""

    texts: tuple[str, ...]                  # its paragraphs' texts
    text: str                               # its body text
    grams: frozenset[str]                   # the body text's bigrams
    far_head_fits: float                    # ``PageContext.far_head_fit`` of its text
    reading: dict[JoinFeature, float]       # how it opens (``_orphan_reading``)


def orphan_side(orphan: Unit, page: PageContext) -> OrphanSide:
    """The orphan's part of its join signals (``join_signals`` asks for it once per host when not given)."""
    texts = tuple(p.text for p in orphan.paras)
    text = "".join(texts)  # its body text (``Unit.body_text``)
    grown = GrowingBigrams()
    grown.extend(texts, page.vocab.counts)  # ``bigram_set(text)`` from its paragraphs' bigrams, which the vocabulary read
    return OrphanSide(texts, text, frozenset(grown.grams), page.far_head_fit(text, grown.grams),
                      _orphan_reading(orphan, text, page))


def join_signals(orphan: Unit, index: int, candidate: Candidate, page: PageContext,
                 side: OrphanSide | None = None) -> dict[JoinFeature, float]:
    """The signals of joining the orphan at ``index`` to ``candidate``: what they share, how they read, where they stand.

    ``side``: the orphan's ``orphan_side``, when the caller offers the orphan to many hosts.
    """
    side = side or orphan_side(orphan, page)
    return {"cohesion": host_cohesion(side, candidate.host, page), **signals_but_cohesion(orphan, index, candidate, page, side)}


def signals_but_cohesion(orphan: Unit, index: int, candidate: Candidate, page: PageContext,
                         side: OrphanSide) -> dict[JoinFeature, float]:
    """Every signal of ``join_signals`` but ``cohesion``: cheap, where cohesion weighs the host's whole text."""
    return {**_shared_words(side, candidate.host, page), **_reading(orphan, page.host_traits(candidate.host), side),
            **_position(orphan, index, candidate)}


def host_cohesion(side: OrphanSide, host: Unit, page: PageContext) -> float:
    """The ``cohesion`` signal: the orphan's text against the host's text and heading, rare words weighing most."""
    texts, heading = page.host_texts(host)
    return page.vocab.cohesion(side.texts, texts + [heading] if heading else texts)


#: Added to ``cohesion_ceiling``: far above a cosine's rounding (1e-15), far below any difference the model reads.
CEILING_MARGIN: Final = 1e-9


def cohesion_ceiling(side: OrphanSide, host: Unit, page: PageContext) -> float:
    """At most ``host_cohesion``, read from the bigrams the two share alone (the host's text is not weighed).

    The cosine's dot product runs over shared bigrams only, so (Cauchy-Schwarz) it is at most the
    orphan's length on them times the host's whole length: the cosine is at most the share of the
    orphan's length that lies on bigrams the host holds. A host that shares only common words with
    the orphan gets a low ceiling.
    """
    heading = page.host_texts(host)[1]
    shared = side.grams & page.host_grams(host).grams  # the host's bigrams, seams too: more than its vector holds
    if heading:
        shared |= side.grams & bigram_set(heading)
    vector = page.vocab.vector(side.texts)
    weights = list(map(vector.weights.get, shared, repeat(0.0)))  # a seam's bigram is none of the orphan's
    on_shared = sum(map(operator.mul, weights, weights))
    return (math.sqrt(on_shared / vector.norm2) if vector.norm2 else 0.0) + CEILING_MARGIN


def _shared_words(side: OrphanSide, host: Unit, page: PageContext) -> dict[JoinFeature, float]:
    """The words the orphan shares with the host's text and heading, and with a heading no text took (``cohesion`` aside)."""
    heading = page.host_texts(host)[1]
    return {
        "head_in_text": overlap(heading, side.grams) if heading else 0.0,
        "text_in_host": page.host_grams(host).shared_with(side.grams, heading) / len(side.grams) if side.grams else 0.0,
        "far_head_fits": side.far_head_fits,
        "host_headless": float(host.kind != "lead" and not heading),
    }


def _orphan_reading(orphan: Unit, text: str, page: PageContext) -> dict[JoinFeature, float]:
    """How the orphan opens (a section's crosshead, a reference back, a news lead), whatever the host."""
    opening = _opening(text)
    return {
        "section_head": float(bool(orphan.crossheads_before)),
        "doubled_head": float(any(split_doubled(h)[1] for heads in orphan.crossheads_before.values() for h in heads)),
        "sections": min(page.sections, SECTIONS_SCALE) / SECTIONS_SCALE,
        "refers_back": float(BACK_REFERENCE_RE.match(opening) is not None),
        "opens_news": float(NEWS_OPENING_RE.match(opening) is not None),
    }


def _reading(orphan: Unit, host: HostTraits, side: OrphanSide) -> dict[JoinFeature, float]:
    """How the orphan opens (``_orphan_reading``), whether it goes on with the host's cut sentence, and what the host is."""
    first = orphan.paras[0] if orphan.paras else None
    section = bool(orphan.crossheads_before)
    return {
        "cut_sentence": float(first is not None and not first.indented and not first.dateline and host.unfinished),
        **side.reading,
        "host_is_lead": float(host.lead),
        "lead_section": float(section and host.lead),
        "feature_genre": float(host.feature_genre),
    }


def _position(orphan: Unit, index: int, candidate: Candidate) -> dict[JoinFeature, float]:
    """Where the two stand: next to each other and in one column, or how many units apart."""
    host = candidate.host
    first = orphan.paras[0] if orphan.paras else None
    return {
        "adjacent": float(candidate.adjacent),
        "same_flow": float(candidate.adjacent and first is not None and bool(host.paras)
                           and same_flow(host.paras[-1], first)),
        "split_off": float(orphan.split_off),
        "distance": min(max(abs(index - candidate.last_index) - 1, 0), DISTANCE_SCALE) / DISTANCE_SCALE,
    }


def _opening(text: str) -> str:
    return "".join(text[:40].split())


def _unfinished(unit: Unit) -> bool:
    """The unit has a paragraph that stops mid-sentence before a break."""
    return any(unfinished_before_break(unit, i) for i in range(len(unit.paras)))


def section_count(units: list[Unit]) -> int:
    """How many headless orphan runs of the page a crosshead opens."""
    return sum(1 for u in units if u.kind == "orphan" and u.head is None and bool(u.crossheads_before))


def can_host(unit: Unit) -> bool:
    """A text another text can join: a lead, or a story or orphan run not closed by a credit or a jump marker."""
    if unit.kind == "lead":
        return True
    return unit.kind in ("story", "orphan") and bool(unit.paras) and not unit.paras[-1].ends_article \
        and unit.jump_to is None
