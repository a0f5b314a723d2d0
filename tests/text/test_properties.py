"""Invariants of segmentation on arbitrary text (hypothesis)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banmian.tasks.text.accounting import invented_characters, lost_characters
from banmian.tasks.text.segment import segment_page

#: Pieces that newspaper text is made of, so random pages hit the segmenter's
#: real paths (datelines, credits, headings, furniture) and not only noise.
PIECES = [
    "本报讯（通讯员 ", "本报讯(记者 ", "）", ")", " 摄", "本报通讯员 ", "本报记者 侯 缜", "——", "□",
    "新华社北京9月9日电（记者 ", "（据新华社郑州9月9日电）", "2023年8月25日 星期五", "第3版", "3 综合新闻",
    "责任编辑：王芳 版式：李强", "（上接第一版）", "（下转第3版）", "全面提升政务服务水平全面提升政务服务水平",
    "阅享新时代", "奋进新征程", "铁西区开展安全生产检查", "为确保铁西区春节期间安全生产形势稳定，",
    "营造安全、祥和的节日氛围。", "严格执法，执剑前行。", "1697 项", "通 过 学 理 论 ，", "，", "。", "、",
    "“", "”", "\n", "\n", "\n", "\n\n", " ", "  ", "\t", "\r\n", "\f", ",", "(", "２０２３", "ＡＰＰ",
    "●农民丰收节", "要闻简报", "图片新闻", "（记者 王芳）", "（作者为中共中央党校教授）", "颜晓峰", "【民生关注】",
    "本 报 记 者 姚 远", "新华社沈阳 7 月 3 日", "文/图", "版", "图",
]
page_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=120).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_text)
def test_never_raises_and_loses_nothing(text):
    result = segment_page(text)
    assert not lost_characters(text, result)
    assert not invented_characters(text, result)


@settings(max_examples=150, deadline=None)
@given(page_text)
def test_is_deterministic(text):
    assert segment_page(text).to_json() == segment_page(text).to_json()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_is_accounted_for(text):
    result = segment_page(text)
    assert not lost_characters(text, result)
    assert not invented_characters(text, result)


@settings(max_examples=100, deadline=None)
@given(page_text)
def test_articles_have_bodies_and_valid_kinds(text):
    for article in segment_page(text).articles:
        assert article.kind in ("news", "photo", "feature")
        assert article.blocks, "an article always has at least one block"
        assert all(b.kind in ("p", "h") and b.text for b in article.blocks)


@pytest.mark.parametrize("text", [
    "本报讯（通讯员 （下转第3版）\n（下转第3版）",
    "（上接第一版）\n（上接第一版）全市开展检查，排查隐患。",
    "本报讯（通讯员 ）（下转第3版）",
    "（上接第一版）本报讯（通讯员 ）",
    "（上接第一版）本报讯（通讯员 \n（上接第一版）",
])
def test_jump_markers_are_never_lost(text):
    """Hypothesis found these: a second marker for one article, the marker of an article with no text, and
    a marker line taken as claimed by the same text from inside an article."""
    assert not lost_characters(text, segment_page(text))
