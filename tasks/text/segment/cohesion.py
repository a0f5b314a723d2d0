"""Lexical cohesion: do two stretches of a page's text talk about the same things?

Paragraphs of one article repeat its names and terms (梨树县, 富民种业, 种子);
the next article on the page talks about other things. Two texts are
compared by the character bigrams they share, each weighted by how rare it
is on the page (a bigram in every article, 发展 or 工作, tells nothing), as
in TextTiling. Spaces are not read: letterspacing cuts no word.

>>> vocab = PageVocabulary(["梨树县种子市场热闹", "梨树县种业销售大厅", "铁西区开展安全检查"])
>>> round(vocab.cohesion(["梨树县种子市场热闹"], ["梨树县种业销售大厅"]), 2)
0.12
>>> vocab.cohesion(["梨树县种子市场热闹"], ["铁西区开展安全检查"])
0.0
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Final

from banmian.tasks.text.lexicon import each_bigram

#: Added to a bigram's document count, so a bigram no paragraph holds still has a finite weight.
DF_SMOOTHING: Final = 0.5
#: Texts a stretch may have beyond one already weighed for it to be grown from that one: an orphan
#: run of a few paragraphs and a heading joining a host (longer runs are merged as a new stretch).
GROW_LOOKBACK: Final = 8


def bigram_counts(text: str) -> Counter[str]:
    """How often each bigram of Chinese characters occurs in ``text`` (spaces not read).

    >>> sorted(bigram_counts("通 过 学习").items())
    [('学习', 1), ('过学', 1), ('通过', 1)]
    """
    return Counter(each_bigram(text))


def count_weight(n: int) -> float:
    """How much a bigram said ``n`` times weighs against one said once: its logarithm, plus one.

    >>> count_weight(1), round(count_weight(3), 4)
    (1.0, 2.0986)
    """
    return _COUNT_WEIGHTS[n]


class _CountWeights(dict[int, float]):
    """``count_weight`` of each count asked for, kept: there are few distinct counts on a page, and every vector asks.

    A dict lookup (``__getitem__`` mapped at C level) costs a third of a cached function's call.
    """

    def __missing__(self, n: int) -> float:
        weight = self[n] = 1 + math.log(n)
        return weight


_COUNT_WEIGHTS: Final = _CountWeights()


@dataclass(slots=True)
class WeightedVector:
    """A stretch of text as weighted bigrams, with its squared length (what a cosine divides by).

    The squared length is summed when first asked for, in the weights' order (so equal stretches are equal to the
    bit): many stretches are kept only to be grown from, and never compared.
    """

    weights: dict[str, float]
    _norm2: float | None = None

    @property
    def norm2(self) -> float:
        """The squared length: each weight squared, added up in the weights' order."""
        if self._norm2 is None:
            self._norm2 = sum(map(operator.mul, self.weights.values(), self.weights.values()))
        return self._norm2

    def cosine(self, other: WeightedVector) -> float:
        """0 when nothing is shared, 1 for the same words in the same proportions."""
        small, large = (self.weights, other.weights) if len(self.weights) <= len(other.weights) else (
            other.weights, self.weights)
        shared = list(filter(large.__contains__, small))
        dot = sum(map(operator.mul, map(small.__getitem__, shared), map(large.__getitem__, shared)))  # in small's order
        norm = math.sqrt(self.norm2 * other.norm2)
        return dot / norm if norm else 0.0


@dataclass(slots=True)
class PageVocabulary:
    """The bigrams of a page's paragraphs, each weighted by its rarity among them (inverse document frequency)."""

    texts: Sequence[str]
    _df: Counter[str] = field(init=False, repr=False)                 # bigram -> paragraphs that hold it
    _idf_of_df: dict[int, float] = field(init=False, repr=False)      # such a count (0: none) -> the rarity
    _counts: dict[str, Counter[str]] = field(init=False, repr=False, default_factory=dict)
    _vectors: dict[tuple[str, ...], WeightedVector] = field(init=False, repr=False, default_factory=dict)
    _totals: dict[tuple[str, ...], dict[str, int]] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        """Each bigram's document count, and the rarity of each count: a page has few distinct counts, so a
        bigram's rarity is looked up through its count rather than kept per bigram (a dict the size of the page's
        vocabulary, built again for every page, most of whose bigrams are weighed once)."""
        self._df = Counter(chain.from_iterable(map(self.counts, self.texts)))  # a Counter yields each bigram once
        n = len(self.texts) + 1
        self._idf_of_df = {k: math.log(n / (k + DF_SMOOTHING)) for k in {0, *self._df.values()}}

    def counts(self, text: str) -> Counter[str]:
        """``bigram_counts`` of a text, kept: the same paragraphs are compared many times."""
        found = self._counts.get(text)
        if found is None:
            found = self._counts[text] = bigram_counts(text)
        return found

    def weight(self, gram: str) -> float:
        """A bigram's weight: the log of how many paragraphs there are for each that holds it."""
        return self._idf_of_df[self._df.get(gram, 0)]

    def vector(self, texts: Iterable[str]) -> WeightedVector:
        """The weighted bigrams of some texts taken together (a count weighs by its logarithm); kept by texts.

        The segmenter compares thousands of stretches a page, and most share their start with one
        weighed before: a window of paragraphs with the window before it, a host that gained an
        orphan with the host before, a host's paragraphs with its heading added. A stretch is the
        longest one kept that it starts with, grown by its other texts' bigrams only.
        """
        key = tuple(texts)
        found = self._vectors.get(key)
        if found is None:
            found = self._vectors[key] = self._weigh(key)
        return found

    def _weigh(self, texts: tuple[str, ...]) -> WeightedVector:
        if len(texts) < 2:
            return WeightedVector(self.weigh(self.counts(texts[0]) if texts else {}))
        start = self._known_start(texts)
        if start == 0:  # nothing kept to grow: the stretch but its last text is merged from its texts' vectors
            start = len(texts) - 1
            if start > 1:
                counts, weights = self._merge(texts[:start])
                self._totals[texts[:start]], self._vectors[texts[:start]] = counts, WeightedVector(weights)
        counts = dict(self._totals[texts[:start]] if start > 1 else self.counts(texts[0]))
        weights = dict(self.vector(texts[:start]).weights)
        for end in range(start + 1, len(texts) + 1):
            self._grow(counts, weights, texts[end - 1])
            if end == len(texts) - 1:  # kept too: the next stretch often grows this one by another text
                self._totals[texts[:end]] = dict(counts)
                self._vectors[texts[:end]] = WeightedVector(dict(weights))
        self._totals[texts] = counts
        return WeightedVector(weights)

    def _known_start(self, texts: tuple[str, ...]) -> int:
        """How many of ``texts``' first texts make the longest stretch of two or more already weighed (0: none)."""
        shortest = max(len(texts) - GROW_LOOKBACK, 2)  # a bounded search: a long stretch stays linear to weigh
        return next((end for end in range(len(texts) - 1, shortest - 1, -1) if texts[:end] in self._totals), 0)

    def _merge(self, texts: tuple[str, ...]) -> tuple[dict[str, int], dict[str, float]]:
        """The counts and weights of texts taken together, from each text's own (kept) vector.

        Texts share few bigrams: their counts and weights are merged by C-level dict updates, and
        only the bigrams two of them share are added up and weighed again.
        """
        counters = [self.counts(text) for text in texts]
        counts: dict[str, int] = {}
        weights: dict[str, float] = {}
        for text, text_counts in zip(texts, counters):
            counts.update(text_counts)
            weights.update(self.vector((text,)).weights)
        shared = _shared_totals(counters)
        counts.update(shared)
        weights.update(self.weigh(shared))
        return counts, weights

    def _grow(self, counts: dict[str, int], weights: dict[str, float], text: str) -> dict[str, float]:
        """Add a text's bigrams to a stretch's counts and weights (a bigram new to it goes last, as in a merge).

        A text shares few bigrams with the stretch before it: its own counts and weights are taken by C-level
        dict updates (a bigram the stretch holds keeps its place), and only the shared ones are added up and
        weighed again. Returns the shared bigrams' weights before (what a running squared length moves by).
        """
        own = self.counts(text)
        shared = {gram: counts[gram] + own[gram] for gram in own.keys() & counts.keys()}
        replaced = {gram: weights[gram] for gram in shared}
        counts.update(own)
        weights.update(self.vector((text,)).weights)
        counts.update(shared)
        weights.update(self.weigh(shared))
        return replaced

    def weigh(self, counts: Mapping[str, int]) -> dict[str, float]:
        """Each bigram's weight in a text that holds it ``counts[gram]`` times: its rarity times ``count_weight``.

        Mapped at C level, in ``counts``' order: a paragraph's every bigram is weighed once a page.
        """
        rarities = map(self._idf_of_df.__getitem__, map(self._df.__getitem__, counts))  # a Counter: 0 when none
        return dict(zip(counts, map(operator.mul, rarities, map(_COUNT_WEIGHTS.__getitem__, counts.values()))))

    def cohesion(self, left: Iterable[str], right: Iterable[str]) -> float:
        """Cosine of the weighted bigrams of two stretches of text: 0 nothing shared, 1 the same words."""
        return self.vector(left).cosine(self.vector(right))


def _shared_totals(counters: Sequence[Mapping[str, int]]) -> dict[str, int]:
    """The keys that two or more of the counters hold, each with its counts added up.

    >>> sorted(_shared_totals([Counter(a=1, b=2), Counter(b=1, c=1), Counter(c=3)]).items())
    [('b', 3), ('c', 4)]
    """
    seen: set[str] = set()
    shared: set[str] = set()
    for counts in counters:
        shared |= counts.keys() & seen
        seen |= counts.keys()
    totals: dict[str, int] = {}
    for counts in counters:  # only the bigrams a text shares with another are added: a few of its own
        for gram in counts.keys() & shared:
            totals[gram] = totals.get(gram, 0) + counts[gram]
    return totals


@dataclass(slots=True)
class RunningVector:
    """The weighted bigrams of a stretch of text that grows paragraph by paragraph.

    Adding a paragraph costs its own bigrams, never the stretch's: comparing
    every prefix of a long text with what follows stays linear in its length.

    >>> vocab = PageVocabulary(["梨树县种子", "梨树县种业", "铁西区检查"])
    >>> running = RunningVector(vocab)
    >>> running.add("梨树县种子"); running.add("梨树县种业")
    >>> round(running.vector().cosine(vocab.vector(["梨树县种子", "梨树县种业"])), 6)
    1.0
    """

    vocab: PageVocabulary
    _counts: dict[str, int] = field(default_factory=dict)
    _weights: dict[str, float] = field(default_factory=dict)
    _norm2: float = 0.0

    def add(self, text: str) -> None:
        """Take one more paragraph into the stretch.

        Grown as the vocabulary grows a stretch (``PageVocabulary._grow``); the squared length moves by each of
        the text's bigrams' new weight squared less its old one, added up in the text's order. A bigram new to the
        stretch takes the text's own weight (its old one is 0): its own weight squared, less only where the
        stretch already held the bigram, in one pass over the text's bigrams.
        """
        own, weights = self.vocab.vector((text,)).weights, self._weights
        squares = dict(zip(own, map(operator.mul, own.values(), own.values())))
        replaced = self.vocab._grow(self._counts, weights, text)
        squares.update({gram: weights[gram] * weights[gram] - old * old for gram, old in replaced.items()})
        self._norm2 = sum(squares.values(), self._norm2)

    def vector(self) -> WeightedVector:
        """The stretch so far (a view: adding more changes it)."""
        return WeightedVector(self._weights, max(self._norm2, 0.0))
