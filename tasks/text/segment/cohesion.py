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
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from banmian.tasks.text.chars import HAN

_HAN_RUN: Final = re.compile(f"[{HAN}]+")
_SPACE: Final = re.compile(r"\s+")
#: Added to a bigram's document count, so a bigram no paragraph holds still has a finite weight.
DF_SMOOTHING: Final = 0.5


def bigram_counts(text: str) -> Counter[str]:
    """How often each bigram of Chinese characters occurs in ``text`` (spaces not read).

    >>> sorted(bigram_counts("通 过 学习").items())
    [('学习', 1), ('过学', 1), ('通过', 1)]
    """
    runs = _HAN_RUN.findall(_SPACE.sub("", text))
    return Counter(run[i:i + 2] for run in runs for i in range(len(run) - 1))


@dataclass(slots=True)
class PageVocabulary:
    """The bigrams of a page's paragraphs, each weighted by its rarity among them (inverse document frequency)."""

    texts: Sequence[str]
    _df: Counter[str] = field(init=False, repr=False)
    _counts: dict[str, Counter[str]] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._df = Counter()
        for text in self.texts:
            self._df.update(set(self.counts(text)))

    def counts(self, text: str) -> Counter[str]:
        """``bigram_counts`` of a text, kept: the same paragraphs are compared many times."""
        found = self._counts.get(text)
        if found is None:
            found = self._counts[text] = bigram_counts(text)
        return found

    def weight(self, gram: str) -> float:
        """A bigram's weight: the log of how many paragraphs there are for each that holds it."""
        return math.log((len(self.texts) + 1) / (self._df[gram] + DF_SMOOTHING))

    def vector(self, texts: Iterable[str]) -> dict[str, float]:
        """The weighted bigrams of some texts taken together (a count weighs by its logarithm)."""
        total: Counter[str] = Counter()
        for text in texts:
            total.update(self.counts(text))
        return {gram: self.weight(gram) * (1 + math.log(n)) for gram, n in total.items()}

    def cohesion(self, left: Iterable[str], right: Iterable[str]) -> float:
        """Cosine of the weighted bigrams of two stretches of text: 0 nothing shared, 1 the same words."""
        a, b = self.vector(left), self.vector(right)
        if len(a) > len(b):
            a, b = b, a
        dot = sum(w * b[g] for g, w in a.items() if g in b)
        norm = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
        return dot / norm if norm else 0.0
