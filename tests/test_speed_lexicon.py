"""``overlap_with_text`` equals ``overlap`` against the body's bigram set, on any text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.lexicon import bigram_set, overlap, overlap_with_text

_ALPHABET = "安全生产检查开展全市铁西区，。 a1㐀䶿一鿿　"
texts = st.one_of(st.text(alphabet=_ALPHABET, max_size=40), st.text(max_size=40))


@settings(max_examples=3000, deadline=None)
@given(texts, texts)
def test_overlap_with_text_same_as_overlap(heading, body):
    got, want = overlap_with_text(heading, body), overlap(heading, bigram_set(body))
    assert got == want and type(got) is type(want)
