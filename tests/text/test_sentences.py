"""split_sentences: a table of raw -> expected splits, and the lossless-join property."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banmian.tasks.text.chars import CLOSERS, SENTENCE_ENDS
from banmian.tasks.text.sentences import split_sentences

CASES = [
    ("", []),
    ("没有标点", ["没有标点"]),
    ("你好。", ["你好。"]),
    ("你好。我好。", ["你好。", "我好。"]),
    ("第一；第二。", ["第一；", "第二。"]),
    ("结尾没有句号。后面还有", ["结尾没有句号。", "后面还有"]),
    # closing quotes and brackets stay with the sentence they close
    ("他说：“我们走吧。”然后离开。", ["他说：“我们走吧。”", "然后离开。"]),
    ("「好。」『对！』", ["「好。」", "『对！』"]),
    ("（见附件。）下文", ["（见附件。）", "下文"]),
    ("他问：‘真的？’", ["他问：‘真的？’"]),
    # runs of end marks are one ending
    ("真的吗？！太好了！", ["真的吗？！", "太好了！"]),
    ("等等……然后呢", ["等等……", "然后呢"]),
    ("啊？？？", ["啊？？？"]),
    # ASCII ! and ? split, ASCII . does not (decimals, abbreviations)
    ("Hello! World? ok", ["Hello! ", "World? ", "ok"]),
    ("价格3.5元。涨了", ["价格3.5元。", "涨了"]),
    # spaces after an ending go with it, so sentences start with text
    ("一。 二。", ["一。 ", "二。"]),
    ("一。\u3000二", ["一。\u3000", "二"]),
    # an ending at the start is a (short) sentence of its own
    ("。开头", ["。", "开头"]),
    ("“走吧！”他说。", ["“走吧！”", "他说。"]),
    # one sentence-end set and one closers set for the whole text logic (chars.py): ASCII ; ends a
    # sentence as ； does, and a straight quote closes it as ” does
    ("第一;第二", ["第一;", "第二"]),
    ('他说："走吧。"然后', ['他说："走吧。"', "然后"]),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_split_table(raw: str, expected: list[str]) -> None:
    assert split_sentences(raw) == expected


_alphabet = st.sampled_from(sorted(set(SENTENCE_ENDS + CLOSERS + "中文字句“「（ a.\n\u3000")))


@given(st.text(alphabet=_alphabet) | st.text())
def test_split_never_loses_a_character(paragraph: str) -> None:
    parts = split_sentences(paragraph)
    assert "".join(parts) == paragraph
    assert all(parts)


@given(st.text(alphabet=_alphabet))
def test_every_sentence_but_the_last_has_an_ending(paragraph: str) -> None:
    parts = split_sentences(paragraph)
    for part in parts[:-1]:
        assert any(ch in SENTENCE_ENDS for ch in part)
