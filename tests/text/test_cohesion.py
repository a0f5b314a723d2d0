"""Cohesion's vectors are the definition's, to the bit, however they were built (kept, merged, grown, running)."""

from __future__ import annotations

import math
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from banmian.tasks.text.lexicon import each_bigram
from banmian.tasks.text.segment.cohesion import PageVocabulary, RunningVector, WeightedVector, count_weight

#: Few characters, so that texts share bigrams and stretches repeat them.
texts = st.text(alphabet="梨树县种子铁西 ，", max_size=24)


def defined_vector(vocab: PageVocabulary, stretch: list[str]) -> WeightedVector:
    """The definition: every bigram of the texts counted, in the order first met, weighed one by one."""
    counts: Counter[str] = Counter()
    for text in stretch:
        counts.update(Counter(each_bigram(text)))
    weights = {gram: vocab.weight(gram) * (1 + math.log(n)) for gram, n in counts.items()}
    return WeightedVector(weights, sum(w * w for w in weights.values()))


def defined_cosine(a: WeightedVector, b: WeightedVector) -> float:
    """The cosine summed over the smaller vector's bigrams, in its order (the left one on a tie)."""
    small, large = (a.weights, b.weights) if len(a.weights) <= len(b.weights) else (b.weights, a.weights)
    dot = sum(small[g] * large[g] for g in small if g in large)
    norm = math.sqrt(a.norm2 * b.norm2)
    return dot / norm if norm else 0.0


def same(a: WeightedVector, b: WeightedVector) -> bool:
    return list(a.weights.items()) == list(b.weights.items()) and a.norm2 == b.norm2


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=12), st.lists(st.lists(st.integers(0, 13), max_size=11), max_size=12))
def test_every_stretch_is_its_definition(page, stretches):
    """Stretches asked in any order (so kept ones are grown and merged) weigh as the definition says."""
    vocab = PageVocabulary(page)
    pool = [*page, "梨树县", "铁西区检查"]  # and texts the page does not hold (a heading)
    for stretch in stretches:
        chosen = [pool[i % len(pool)] for i in stretch]
        assert same(vocab.vector(chosen), defined_vector(vocab, chosen))
    for left, right in zip(stretches, stretches[1:]):
        a, b = ([pool[i % len(pool)] for i in s] for s in (left, right))
        assert vocab.cohesion(a, b) == defined_cosine(defined_vector(vocab, a), defined_vector(vocab, b))


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=12))
def test_a_running_vector_moves_its_length_bigram_by_bigram(page):
    """A running stretch's weights are the definition's; its squared length moves by each bigram's change in turn."""
    vocab, running = PageVocabulary(page), RunningVector(PageVocabulary(page))
    counts: Counter[str] = Counter()
    norm2 = 0.0
    for k, text in enumerate(page, 1):
        running.add(text)
        for gram, n in Counter(each_bigram(text)).items():
            old = vocab.weight(gram) * (1 + math.log(counts[gram])) if counts[gram] else 0.0
            counts[gram] += n
            new = vocab.weight(gram) * (1 + math.log(counts[gram]))
            norm2 += new * new - old * old
        assert list(running.vector().weights.items()) == list(defined_vector(vocab, page[:k]).weights.items())
        assert running.vector().norm2 == max(norm2, 0.0)


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, min_size=1, max_size=12), texts)
def test_a_bigrams_weight_is_its_rarity_among_the_pages_paragraphs(page, other):
    """The weight a vector multiplies, looked up through the bigram's document count, is the definition's log."""
    vocab = PageVocabulary(page)
    n = len(page) + 1
    for gram in set(each_bigram("".join(page) + other)):
        held = sum(gram in set(each_bigram(text)) for text in page)
        assert vocab.weight(gram) == math.log(n / (held + 0.5))


def test_a_count_weighs_its_logarithm_plus_one():
    """Counts weighed once and asked again (kept) weigh the same: one plus their natural logarithm."""
    assert [count_weight(n) for n in (1, 2, 7, 2, 1000)] == [1 + math.log(n) for n in (1, 2, 7, 2, 1000)]
