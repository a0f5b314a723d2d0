"""Jump markers (上接/下转) are metadata, never text; a marker line ends or opens an article."""

import pytest

from tests.text.segment.stories import HEAD_A, HEAD_C, STORY_A, TEXT_C, heads, segment_checked


def test_jump_markers_are_metadata_not_body():
    page = HEAD_A + "\n（上接第一版）\n" + STORY_A + "（下转第3版）\n"
    result = segment_checked(page)
    (article,) = result.articles
    assert article.continued_from == "上接第一版"
    assert article.continued_to == "下转第3版"
    assert "上接" not in "".join(article.paragraphs)


def test_inline_jump_markers_are_metadata():
    page = HEAD_A + "\n（上接第一版）今年以来，全市开展冬季\n安全生产大检查，排查隐患四十多\n项，整改到位（下转第三版）\n"
    result = segment_checked(page)
    (article,) = result.articles
    assert (article.continued_from, article.continued_to) == ("上接第一版", "下转第三版")
    assert article.paragraphs == ["今年以来，全市开展冬季安全生产大检查，排查隐患四十多项，整改到位"]


def test_jump_marker_line_between_two_texts_starts_a_new_article():
    page = HEAD_A + "\n" + STORY_A + "（上接第五版）\n" + TEXT_C + "\n" + HEAD_C
    result = segment_checked(page)
    by_head = heads(result)
    assert set(by_head) == {"开展安全检查 守护平安冬季", "社区食堂暖了老人胃"}
    first, continued = by_head["开展安全检查 守护平安冬季"], by_head["社区食堂暖了老人胃"]
    assert first.continued_from is None
    assert first.paragraphs[-1] == "检查组共出动人员二百余人次，排查整治隐患四十多项。"
    assert continued.continued_from == "上接第五版"
    assert continued.paragraphs[0].startswith("来，全区已建成社区食堂十二家")


def test_continued_to_marker_at_a_body_end_ends_the_article():
    page = HEAD_A + "\n" + STORY_A + "（下转第6版）\n" + "今年以" + TEXT_C + "\n" + HEAD_C
    result = segment_checked(page)
    by_head = heads(result)
    assert set(by_head) == {"开展安全检查 守护平安冬季", "社区食堂暖了老人胃"}
    assert by_head["开展安全检查 守护平安冬季"].continued_to == "下转第6版"
    assert len(by_head["开展安全检查 守护平安冬季"].paragraphs) == 2
    new = by_head["社区食堂暖了老人胃"]
    assert (new.continued_from, new.continued_to) == (None, None)
    assert new.paragraphs[0].startswith("今年以来，全区已建成社区食堂")


@pytest.mark.parametrize("page, jumps, first_paragraph", [
    # markers run into the text, letterspaced as the extractor spaced the whole line
    (HEAD_A + "\n（ 上 接 第 13 版 ）今 年 以 来 ，全 市 开 展 冬 季\n安全生产大检查，排查隐患四十多\n项，整改到位（ 下 转 第 六 版 ）\n",
     ("上接第13版", "下转第六版"), "今年以来，全市开展冬季安全生产大检查，排查隐患四十多项，整改到位"),
    # a letterspaced marker line above the text
    (HEAD_A + "\n（ 上 接 第 二 版 ）\n" + STORY_A, ("上接第二版", None), "近日，全市开展冬季安全生产大检查，"),
], ids=["inline", "marker-line"])
def test_letterspaced_jump_markers_are_metadata(page, jumps, first_paragraph):
    """（ 上 接 第 二 版 ）: a marker spaced out is read as one, and its words are kept without the spaces."""
    result = segment_checked(page)
    (article,) = result.articles
    assert (article.continued_from, article.continued_to) == jumps
    assert article.paragraphs[0].replace(" ", "").startswith(first_paragraph)
    assert not any("接" in p or "转" in p for p in article.paragraphs)
