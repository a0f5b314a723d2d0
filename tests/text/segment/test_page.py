"""segment_page as a whole: the stages together, on the smallest pages."""

import pytest

from banmian.tasks.text import segment
from banmian.tasks.text.segment import segment_page
from tests.text.segment.stories import (ESSAY_BOXES, ESSAY_SECTIONS, HEAD_A, STORY_A, column_lines, essay_page,
                                        segment_checked)


def test_empty_and_blank_pages():
    for text in ["", "\n\n\n", "   \f  "]:
        result = segment_page(text)
        assert result.articles == [] and result.residue == []


def test_paragraphs_rebuilt_across_column_breaks_and_without_blank_lines():
    result = segment_page(HEAD_A + "\n" + STORY_A)
    (article,) = result.articles
    assert article.paragraphs == [
        "近日，全市开展冬季安全生产大检查，重点检查危化企业、人员密集场所和建筑工地。",
        "检查组共出动人员二百余人次，排查整治隐患四十多项。",
    ]


def test_letterspaced_and_number_spacing_cleaned_in_body():
    page = "图书馆举办读书节\n\n本报讯（记者 王芳）全县 1697 名\n学 生 参 加 了 读 书 节 活 动 ，\n共借阅图书 2.3 万余册。\n"
    (article,) = segment_page(page).articles
    assert article.paragraphs == ["全县1697名学生参加了读书节活动，共借阅图书2.3万余册。"]


def test_run_in_head_stays_with_its_paragraph():
    page = ("强化安全防线\n\n本报讯（通讯员 杨大雨）街道\n党工委强化职责担当，确保安\n全生产形势持续稳定。\n\n"
            "严格执法，执剑前行。\n\n检查组深入辖区内危化企业\n和敬老院等重点区域检查。\n")
    (article,) = segment_page(page).articles
    assert article.paragraphs[-1] == "严格执法，执剑前行。检查组深入辖区内危化企业和敬老院等重点区域检查。"


#: Stories whose dateline wraps over two lines set apart above the text, in a narrower measure: the
#: text under it is its story's (boundaries.transitions), not a headless text after a story with none.
WRAPPED_DATELINES = [
    ("县里为教师建新房\n\n本报北京1月5日讯 新华社记者赵\n红、本报记者钱全报道：\n\n"
     "全面反映我县教职工住房建设成就和经验的专\n题片由县电视台拍摄完成，在县电视台播\n出后，引起各界较大反响。\n",
     "县里为教师建新房", "本报北京1月5日讯 新华社记者赵红、本报记者钱全报道：", "全面反映我县教职工住房建设成就"),
    ("春运首日客流平稳\n\n本 报 南 京 1 月 9 日 讯 记 者 孙\n立 新 报 道 ：\n\n"
     "今天是春运第一天，南京站共发送旅客\n五万余人次，车站增开临时售票窗口十\n个，旅客购票秩序井然。\n",
     "春运首日客流平稳", "本报南京1月9日讯 记者孙立新报道：", "今天是春运第一天，南京站共发送旅客"),
]


@pytest.mark.parametrize("page, headline, byline, opening", WRAPPED_DATELINES, ids=["plain", "letterspaced"])
def test_text_under_a_wrapped_dateline_is_its_story(page, headline, byline, opening):
    result = segment_page(page)
    (article,) = result.articles
    assert (article.headline, article.byline) == (headline, byline)
    assert article.paragraphs[0].startswith(opening)
    assert result.residue == []


def test_a_series_of_boxed_crossheads_stays_inside_its_essay():
    """Boxed crossheads that repeat a phrase head sections of the essay they sit in, never essays of their own."""
    (article,) = segment_page(essay_page()).articles
    assert (article.headline, article.byline) == ("扎实推进乡村全面振兴", "李明")
    assert [b.text for b in article.blocks if b.kind == "h"] == ["".join(box) for box in ESSAY_BOXES]


@pytest.mark.parametrize("apart, opens_the_essay", [
    # a block set wide at the page's end that restates the essay's heads: its intro, which opens it
    ("扎实推进乡村全面振兴，要从产业发展和人才培养两个方面，把握乡村振兴的着力点和支撑点。", True),
    # a notice that restates nothing of them stays a text of its own
    ("本报将继续开设理论专栏，欢迎广大读者踊跃来稿，来稿请注明真实姓名和联系方式。", False),
])
def test_an_essay_that_opens_on_a_crosshead_takes_back_its_intro_printed_apart(apart, opens_the_essay):
    articles = segment_page(essay_page(intro=None, after=apart)).articles
    essay = next(a for a in articles if any(b.kind == "h" for b in a.blocks))
    assert (essay.blocks[0].kind == "p" and essay.blocks[0].text == apart) == opens_the_essay
    assert len(articles) == (1 if opens_the_essay else 2)


#: The intro a wild essay lost, printed apart: it restates the essay's heads (``扎实推进…着力点和支撑点``).
INTRO_APART = "扎实推进乡村全面振兴，要从产业发展和人才培养两个方面，把握乡村振兴的着力点和支撑点。"
#: The first section's second paragraph, which the next cases cut where its column ends.
CUT_PARAGRAPH = ESSAY_SECTIONS[0][1]


@pytest.mark.parametrize("cut_before, completed", [
    ("工业，", True),    # 农产品加|工业: a word across the join, the tail's full first line ends the section's sentence
    ("发展特色", False),  # 禀赋，|发展: no word across it, the paragraph stays where the extractor put it
    ("和农产品", False),  # 种养业|和: nor here
])
def test_a_column_tail_printed_under_an_intro_apart_ends_the_section_it_was_cut_from(cut_before, completed):
    """pdftotext emits the intro's block with the tail of a column under it (wild 010407: ``…同步发`` /
    ``展跃升期。…``); the intro given back opens the essay, the tail goes back to the sentence it completes."""
    cut = CUT_PARAGRAPH.index(cut_before)
    page = essay_page(intro=None).replace("\n".join(column_lines(CUT_PARAGRAPH)),
                                          "\n".join(column_lines(CUT_PARAGRAPH[:cut])))
    page += "\n".join(["", "", *column_lines(INTRO_APART), "", *column_lines(CUT_PARAGRAPH[cut:], indent=0), ""])
    (essay,) = segment_checked(page).articles
    assert essay.paragraphs[0] == INTRO_APART
    assert (CUT_PARAGRAPH in essay.paragraphs) == completed
    assert (essay.paragraphs[1] == CUT_PARAGRAPH[cut:]) == (not completed)


def test_the_names_other_modules_import_stay_importable():
    imported_elsewhere = {"segment_page", "parse_headline", "is_feature_subtitle", "Headline", "Unit", "HeadGroup"}
    assert imported_elsewhere <= set(segment.__all__)
    assert all(callable(getattr(segment, name)) for name in segment.__all__)


#: A story signed above its text and closed by its dateline, then the next story's head and text (gate 0007, 0109).
CLOSED_BY_DATELINE = """本报记者 许立群

记者昨天还穿着厚厚羽绒服，在北京的寒
风中瑟瑟发抖，今天已换上短衣短裤，暴晒在
珀斯毒辣辣的阳光下。看来，中国队要在比赛中
发挥出水平，就必须要战胜这里的酷热。

（本报珀斯 1月７ 日电）

排查整治隐患
营造祥和氛围

本报讯 为确保铁西区春节期间安全生产形势稳
定，营造安全、祥和的节日氛围，铁西区专题部
署节日期间安全防范工作，认真组织开展安全
生产大检查。
"""


def test_a_dateline_printed_after_its_story_closes_it_and_heads_nothing():
    """The dateline was read as a heading and headed the story above it (``（本报珀斯1月7日电）``); it is that story's
    last paragraph, and the head under it heads the next story."""
    first, second = segment_page(CLOSED_BY_DATELINE).articles
    assert first.headline is None and first.paragraphs[-1].endswith("的酷热。（本报珀斯1月7日电）")
    assert (second.headline, second.paragraphs[0][:6]) == ("排查整治隐患 营造祥和氛围", "为确保铁西区")
