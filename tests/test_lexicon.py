"""Lexical signals: bigram sets equal the plain loop they replaced, and are safe to change."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.lexicon import han_bigrams, overlap

_REF_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def ref_han_bigrams(text):
    """The earlier, loop-based han_bigrams: the executable specification."""
    grams = set()
    for run in _REF_HAN_RUN.findall(text):
        grams.update(run[i:i + 2] for i in range(len(run) - 1))
    return grams


def ref_overlap(heading, body_grams):
    grams = ref_han_bigrams(heading)
    if not grams:
        return 0.0
    return len(grams & body_grams) / len(grams)


_ALPHABET = "安全生产检查通过学理论㐀䶿一鿿㏿䷀豈，。、“”（） aZ09\n\t·—\U00020000\uff10"
texts = st.one_of(st.text(alphabet=_ALPHABET, max_size=60), st.text(max_size=30))


@settings(max_examples=1000, deadline=None)
@given(texts)
def test_han_bigrams_same_as_reference(text):
    got = han_bigrams(text)
    assert type(got) is set and got == ref_han_bigrams(text)


@settings(max_examples=1000, deadline=None)
@given(texts, texts)
def test_overlap_same_as_reference(heading, body):
    grams = ref_han_bigrams(body)
    assert overlap(heading, grams) == ref_overlap(heading, grams)


def test_han_bigrams_returns_a_fresh_set():
    """Results are cached inside; a caller changing its set changes no later answer."""
    first = han_bigrams("安全生产检查")
    first.add("改了")
    first.discard("安全")
    assert han_bigrams("安全生产检查") == {"安全", "全生", "生产", "产检", "检查"}
    assert overlap("安全生产", {"安全", "全生", "生产"}) == 1.0
