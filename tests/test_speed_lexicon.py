"""``BodyBigrams.overlap`` equals ``overlap`` against the body's bigram set, on any text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.lexicon import BodyBigrams, bigram_set, overlap

_ALPHABET = "安全生产检查开展全市铁西区，。 a1㐀䶿一鿿　"
texts = st.one_of(st.text(alphabet=_ALPHABET, max_size=40), st.text(max_size=40))


@settings(max_examples=3000, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4), texts)
def test_body_overlap_same_as_overlap(headings, body):
    """Headings scored one after another against one body: what earlier ones looked up changes no answer."""
    scored = BodyBigrams(body)
    for heading in headings:
        got, want = scored.overlap(heading), overlap(heading, bigram_set(body))
        assert got == want and type(got) is type(want)
