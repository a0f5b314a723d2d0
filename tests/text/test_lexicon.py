"""Lexical signals: the bigrams of a text, body overlap, and line breaks that split or strand a word."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banmian.tasks.text.chars import HAN
from banmian.tasks.text.lexicon import (
    bigram_set,
    break_splits_word,
    each_bigram,
    break_strands_a_character,
    han_bigrams,
    is_word_other_than_name,
    overlap,
    states_what_happened,
)
from banmian.tasks.text.lines import HEAD, PROSE, classify_page

_HAN_CHAR = re.compile(f"[{HAN}]")
_ALPHABET = "安全生产检查通过学理论㐀䶿一鿿㏿䷀豈，。、“”（） aZ09\n\t·—\U00020000\uff10"
texts = st.one_of(st.text(alphabet=_ALPHABET, max_size=60), st.text(max_size=30))


@settings(max_examples=1000, deadline=None)
@given(texts)
def test_the_bigrams_are_the_neighbouring_chinese_characters(text):
    """Spaces and line ends are not read: a letterspaced line holds the bigrams of its words."""
    squashed = re.sub(r"\s+", "", text)
    pairs = {a + b for a, b in zip(squashed, squashed[1:]) if _HAN_CHAR.match(a) and _HAN_CHAR.match(b)}
    got = han_bigrams(text)
    assert type(got) is set and got == pairs


@settings(max_examples=1000, deadline=None)
@given(texts, texts)
def test_overlap_is_the_share_of_the_headings_bigrams_in_the_body(heading, body):
    grams = han_bigrams(heading)
    share = len(grams & han_bigrams(body)) / len(grams) if grams else 0.0
    assert overlap(heading, bigram_set(body)) == share


@settings(max_examples=500, deadline=None)
@given(texts)
def test_each_bigram_is_every_neighbouring_pair_in_order(text):
    """What cohesion counts: every occurrence, in the order of the text (``bigram_set`` is its set)."""
    squashed = re.sub(r"\s+", "", text)
    pairs = [a + b for a, b in zip(squashed, squashed[1:]) if _HAN_CHAR.match(a) and _HAN_CHAR.match(b)]
    assert list(each_bigram(text)) == pairs and bigram_set(text) == set(pairs)


def test_han_bigrams_returns_a_fresh_set():
    """Results are cached inside; a caller changing its set changes no later answer."""
    first = han_bigrams("安全生产检查")
    first.add("改了")
    first.discard("安全")
    assert han_bigrams("安全生产检查") == {"安全", "全生", "生产", "产检", "检查"}
    assert overlap("安全生产", {"安全", "全生", "生产"}) == 1.0


@pytest.mark.parametrize("left, right, strands", [
    ("完善党和国家监", "督体系的历史性探索", True),   # 监|督: one character cut off 监督
    ("推进全面从严治", "党向纵深发展", True),         # 治|党
    ("不忘育人初心", "共筑廉洁校园", False),          # a couplet: no character is stranded
    ("阅享新时代", "奋进新征程", False),
    ("特色产业兴", "乡村振兴路更宽", False),
    ("书香润童心", "阅读伴成长", False),
    ("开展安全检查", "", False),
    ("推进改革，", "完善制度", False),                # punctuation at the break
])
def test_break_strands_a_character(left, right, strands):
    assert break_strands_a_character(left, right) is strands


@pytest.mark.parametrize("sub, subject", [
    ("铁西区开展安全生产检查", True),                  # a place, then what it did
    ("铁西区民政局推进书香机关建设", True),
    ("梨树县种子市场热闹起来了", True),
    ("气象部门提醒市民注意出行安全", True),
    ("国务院发展研究中心研究员卢迈", False),           # a speaker's credit: no verb
    ("读《冀中回民支队》感言", False),                 # an essay's line: no one acts
    ("向旅客进一言", False),
    ("金融调控更加灵活，金融服务明显增强", False),     # two clauses
    ("", False),
])
def test_states_what_happened(sub, subject):
    assert states_what_happened(sub) is subject


def test_strands_is_stricter_than_splits_word():
    """The tokenizer reads 心共 across a couplet's gap; only a stranded character counts as wrapping."""
    assert break_splits_word("不忘育人初心", "共筑廉洁校园")
    assert not break_strands_a_character("不忘育人初心", "共筑廉洁校园")


def _feature_with_pair(first, second):
    return ("纪检监察工作高质量发展\n——市纪委监委推进改革工作纪实\n\n本报通讯员 金鑫\n\n"
            "今年以来，市纪委监委坚持以改革精神推动工作创新，各项工作取得新成效。\n\n"
            f"{first}\n{second}\n\n"
            "市纪委监委深化派驻机构改革，\n推动监督触角向基层延伸，构建\n起全覆盖的监督网络。\n")


@pytest.mark.parametrize("first, second, kind", [
    ("完善党和国家监", "督体系的历史性探索", PROSE),  # couplet-shaped, but wrapped text
    ("不忘育人初心", "共筑廉洁校园", HEAD),           # a real couplet
])
def test_couplet_shaped_pair_that_strands_a_character_is_not_a_heading(first, second, kind):
    lines = {ln.text: ln.kind for ln in classify_page(_feature_with_pair(first, second))}
    assert (lines[first], lines[second]) == (kind, kind)


@pytest.mark.parametrize("piece, word", [
    ("高标准", True), ("严要求", True), ("高温", True), ("思路", True),
    ("郭启宏", False), ("夏光辉", False), ("朱景有", False), ("单菊", False),  # names: tagged nr, or cut up
])
def test_is_word_other_than_name(piece, word):
    assert is_word_other_than_name(piece) is word
