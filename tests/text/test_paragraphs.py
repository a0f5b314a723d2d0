"""Paragraphs: which columns one text flow can be set in, and how a block's column is measured."""

import pytest

from banmian.tasks.text.clean import display_width
from banmian.tasks.text.lines import DATELINE, PROSE, Line, classify_page
from banmian.tasks.text.paragraphs import (FLOW_CHANGE, Paragraph, broke_before_a_number, build_paragraphs,
                                          column_widths, same_flow)
from tests.support.pages import WIRE


def para(*widths, column=None):
    """A paragraph of prose lines of the given widths, set in ``column`` (default: its widest line)."""
    lines = [Line(no, "字" * int(w), float(w), PROSE) for no, w in enumerate(widths, 1)]
    return Paragraph(lines, float(column if column is not None else max(widths)))


@pytest.mark.parametrize("a, b, same", [
    pytest.param(para(16, 16, 9), para(14, 16, 16, 5), True, id="one_column"),
    pytest.param(para(16, 16, 9), para(17, 19, 19, 8), True, id="within_flow_change"),
    pytest.param(para(16, 16, 9), para(28, 30, 30, 12), False, id="narrow_story_and_wide_intro"),
    pytest.param(para(29), para(39), True, id="caption_one_line_paragraphs"),
    pytest.param(para(12), para(28, 30, 30, 12), True, id="short_line_in_a_wide_column"),
    pytest.param(para(30, 30, 30), para(9, column=16), True, id="one_line_tail_in_a_narrower_column"),
    pytest.param(para(39), para(14, 16, 16, 5), False, id="one_line_too_wide_for_the_column"),
    pytest.param(para(16, 16, 16, 7), para(30, 30, 11), False, id="two_multi_line_columns"),
])
def test_same_flow(a, b, same):
    assert same_flow(a, b) is same
    assert same_flow(b, a) is same


def test_columns_further_apart_than_flow_change_are_two_flows():
    assert not same_flow(para(16, 16, 16), para(16 + FLOW_CHANGE + 1, 16 + FLOW_CHANGE + 1, 8))
    assert same_flow(para(16, 16, 16), para(16 + FLOW_CHANGE, 16 + FLOW_CHANGE, 8))


def test_dateline_on_its_own_line_does_not_set_its_blocks_column():
    texts = ["新华社上海6月27日电（记者 侯 缜）",
             "记者27日从上海市交通委员会获悉，上海至南京至合肥高速铁路上海段日前已经正式开工建设，",
             "线路全长约五百五十公里，设计时速三百五十公里，预计年内完成全线的征地拆迁等前期工作，",
             "力争早日开通运营。"]
    block = [Line(no, t, display_width(t), DATELINE if no == 1 else PROSE) for no, t in enumerate(texts, 1)]
    assert column_widths([block]) == [42.0]  # the median of all four lines is 28.75




def test_wide_story_under_a_dateline_line_keeps_one_column():
    paras = build_paragraphs(classify_page(WIRE))
    assert len(paras) == 2
    assert paras[0].dateline
    assert same_flow(paras[0], paras[1])
    assert paras[0].column >= 40


@pytest.mark.parametrize("note", [
    pytest.param("（作 者 为 中 共 中 央 党 校 教 授 ，\n博 士 生 导 师）", id="letterspaced_two_lines"),
    pytest.param("（作者单位：河北经贸大学、中国社\n科院中国特色社会主义理论体系研究\n中心）", id="three_lines"),
    pytest.param("（作者为中央党校教授）", id="one_line"),
])
def test_an_author_note_ends_its_paragraph_and_its_article(note):
    """A note on the author closes an essay even when the text after it runs on with no blank or indent."""
    text = ("中国特色社会主义进入新时代，这是我国发展新的\n历史方位。我们要深刻理解新时代的划时代意义，\n"
            f"坚定信心，砥砺前行。\n{note}\n全面建设社会主义现代化国家新征程已经开启，我们\n"
            "要坚定信心，砥砺前行，奋力谱写新篇章。\n")
    paras = build_paragraphs([ln for ln in classify_page(text) if ln.kind == PROSE])
    note_para = next(p for p in paras if p.text.replace(" ", "").startswith("（作者"))
    assert note_para.ends_article
    assert note_para.text.replace(" ", "") == note.replace(" ", "").replace("\n", "")


@pytest.mark.parametrize("first, second, broke", [
    ("审批项目１５０件，计划完成投资", "３０１．６亿元。政数局推动新版", True),   # 15 + 5 > 17
    ("审批项目150件，计划完成投资", "12301.62亿元。政数局推动新版", True),    # 13.5 + 4 > 17
    ("审批项目150件，计划完成投资", "301.6亿元。政数局推动新版全流", False),   # 13.5 + 2.5: it would fit
    ("  全县建成文明实践站共计", "12个，常态化开展志愿服务活动", False),      # 12 + 1: it would fit
    ("一年来，县政数局始终坚持以", "人民为中心，全力打造高效便捷", False),      # no number opens the next line
])
def test_a_line_stops_short_before_a_number_that_would_not_fit(first, second, broke):
    lines = [Line(1, first, display_width(first), PROSE), Line(2, second, display_width(second), PROSE)]
    assert broke_before_a_number(lines, 17.0) is broke


def _block(*rows):
    return [Line(no, text, display_width(text), kind) for no, (text, kind) in enumerate(rows, 1)]


def test_a_dateline_run_into_its_text_measures_its_column():
    """Only a dateline alone on its line is left out of the column's measure; one that runs on fills its line."""
    block = _block(("本报讯（记者 王芳）近日，永吉县卫生健康局组织县医院、中医", DATELINE),
                   ("院等单位的医务人员，走进孤家子镇开展健康下乡义诊活动，为当", PROSE),
                   ("地群众提供免费健康咨询服务。", PROSE))
    assert column_widths([block]) == [28.5]  # the median of 28 and 29 (the tail 14 tells nothing), not 29 alone


def test_a_block_a_dateline_opens_takes_the_column_of_the_text_after_it():
    wide = _block(*[("走进长岭县榆树台镇的农户庭院，一排排大棚整齐排列，棚内的香菇长势喜人。", PROSE)] * 3)
    cut = _block(("本报讯（记者 孟想", DATELINE))
    narrow = _block(*[("芦可欣）记者从市气象", PROSE), ("局获悉，受冷暖空气共", PROSE), ("同影响，今明两天我市", PROSE)])
    assert column_widths([wide, cut, narrow]) == [35.0, 10.0, 10.0]


def test_a_caption_set_wider_than_the_story_above_it_is_its_own_paragraph():
    """Of three lines, a last one that ends a sentence does not measure the column.

    The caption's lines are 16, 18 and 13 wide: their median, 16, is within
    ``FLOW_CHANGE`` of the story's 13, and the story's full last line ran on
    into it. Its two full lines show a column of 17.
    """
    page = ("负责人介绍，将把冰雪运动纳\n入学校体育教学计划，培养学\n生终身锻炼的良好生活习惯。\n\n"
            "近日，县里的农民画非遗技艺展在县\n文化馆开展，一百二十余幅作品集中展出\n展示了当地群众的美好生活。\n")
    paras = build_paragraphs(classify_page(page))
    assert [p.text[:4] for p in paras] == ["负责人介", "近日，县"]
    assert [p.column for p in paras] == [13.0, 17.0]


def test_wide_columns_a_tenth_apart_are_one_flow():
    """On a 43-wide column, spaces around numbers (``5 月 8 日``) measure a full line 3.5 wider: one flow still."""
    assert same_flow(para(43, 43, 43, 20), para(46.5, 30))
    assert not same_flow(para(16, 16, 16, 7), para(20, 20, 20, 9))  # narrow columns: FLOW_CHANGE holds


def test_a_block_of_short_paragraphs_is_measured_by_its_full_lines():
    """Two two-line paragraphs in one block: their short last lines would pull the median to 32."""
    block = _block(("此次集中开工的项目具有投资规模大、科技含量高、带动能力强等特点，项目全部建", PROSE),
                   ("成投产后，预计可新增就业岗位一千五百余个。", PROSE),
                   ("该市相关负责人表示，将坚持项目为王理念，为项目建设提供全过程跟踪服务，及时", PROSE),
                   ("协调解决用地、用工、资金等方面的困难，推动项目早见效。", PROSE))
    assert column_widths([block]) == [37.0]


def test_a_wide_story_whose_dateline_line_holds_spaced_numbers_keeps_its_paragraphs():
    """The dateline line measures 46.5 for its numbers' spaces, the column below 43 by its full lines: one text."""
    page = ("本报讯（记者 卢毅） 5 月 8 日，扶余市举行 2020 年第三批重点项目集中开工仪式， 12个项目总投资达\n"
            "四十六亿元，涵盖农产品加工、新能源、现代物流等多个领域。\n\n"
            "此次集中开工的项目具有投资规模大、科技含量高、带动能力强等特点，项目全部建成投产后预计\n"
            "可新增就业岗位一千五百余个。\n"
            "该市相关负责人表示，将坚持项目为王理念，为项目建设提供全过程跟踪服务，及时协调解决用地\n"
            "、用工、资金等方面的困难，推动项目早见效。\n")
    paras = build_paragraphs(classify_page(page))
    assert [p.text[:4] for p in paras] == ["本报讯（", "此次集中", "该市相关"]
    assert [p.lines[0].width for p in paras] == [46.5, 43.0, 43.0]
    assert all(same_flow(paras[0], p) for p in paras[1:])


# --- the cheap test before a paragraph break --------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from banmian.tasks.text.lines import BLANK, BULLET  # noqa: E402
from banmian.tasks.text.paragraphs import (  # noqa: E402
    AUTHOR_NOTE_MAX_LINES,
    _blocks,
    _credit_closes,
    _ends_paragraph,
    _may_break_before,
    line_ends,
)

#: Pieces of prose that end paragraphs: sentence ends, credits, notes, jump markers, datelines, briefs.
PROSE_PIECES = ["全市开展安全生产检查", "排查整治隐患", "，", "。", "”", "（记者 王芳）", "（记者 王芳", "）",
                "（作者为中共中央党校教授）", "（作者为", "中共中央党校教授）", "（下转第3版）", "（下转", "第3版）",
                "(记者 王芳)", "(下转第3版)", ")", "本报讯（记者 王芳）近日，", "●农民丰收节文艺汇演举行", "◆",
                "  记者从市住建局获悉", "12", "3.5", " "]
prose_lines = st.lists(st.one_of(st.sampled_from(PROSE_PIECES), st.text(max_size=2)), min_size=1, max_size=3).map("".join)
pages = st.lists(st.one_of(prose_lines, st.just("")), max_size=30).map("\n".join)


@settings(max_examples=500, deadline=None)
@given(pages)
def test_a_paragraph_ends_only_where_the_cheap_test_lets_it(page):
    """``_may_break_before`` turns a line away only where neither ``_ends_paragraph`` nor ``_credit_closes`` holds."""
    lines = [ln for ln in classify_page(page) if ln.kind in (PROSE, DATELINE, BULLET, BLANK)]
    blocks = _blocks(lines)
    flat = [ln for b in blocks for ln in b]
    column = [w for b, w in zip(blocks, column_widths(blocks)) for _ in b]
    ends = line_ends(flat)
    for i in range(1, len(flat)):
        if not _may_break_before(flat, column, ends, i):
            assert not _ends_paragraph(flat[i - 1], column[i - 1], ends[i - 1], flat[i], column[i], ends[i],
                                       i < len(flat) - 1)
            assert not any(_credit_closes(flat[start:i]) for start in range(max(0, i - AUTHOR_NOTE_MAX_LINES), i))


@pytest.mark.parametrize("text, first_words", [
    pytest.param("图①：孩子们在冰雪乐园里滑冰嬉戏。\n图②：社区志愿者为独居老人送去年货。\n", ["图①", "图②"], id="full_lines"),
    pytest.param("图①：市民在广场观看冰灯展览，冰灯造型\n各异。图为游客拍照留念，流光溢彩的冰\n图 ② ：孩 子 们 在 乐 园 里 滑 冰 嬉 戏 。\n",
                 ["图①", "图②"], id="mid_sentence_letterspaced"),
    pytest.param("市民在广场观看冰灯展览，冰灯造型各异。\n图书馆还开展了绘本故事会和亲子阅读。\n", ["市民"], id="no_number"),
])
def test_a_numbered_photo_part_opens_a_paragraph(text, first_words):
    """图②： opens the next photo's part of a group caption, whatever the line before it ends with."""
    paras = build_paragraphs([ln for ln in classify_page(text) if ln.kind == PROSE])
    assert [p.text.replace(" ", "")[:2] for p in paras] == first_words


@pytest.mark.parametrize("text, paragraphs", [
    # a source's note after the last sentence, then the next story's text in the same column: two paragraphs
    ("云南省全面完成了党报党刊订阅发行\n任务。（云宣新）\n梨树县是全国有名的产粮大县。虽然\n距离春耕还有三个多月时间。\n",
     ["云南省全面完成了党报党刊订阅发行任务。（云宣新）", "梨树县是全国有名的产粮大县。虽然距离春耕还有三个多月时间。"]),
    ("容易引发工伤事故。（江西资溪县人民法\n院范斯祖）\n", ["容易引发工伤事故。（江西资溪县人民法院范斯祖）"]),  # wrapped: one line
    # brackets that are part of the sentence, before its end or mid-sentence: the paragraph goes on
    ("正如统计所示（见下表），全县新建\n高标准农田十二万亩（含改造）\n培育新型经营主体三百多家。\n",
     ["正如统计所示（见下表），全县新建高标准农田十二万亩（含改造）培育新型经营主体三百多家。"]),
], ids=["note-then-text", "wrapped-note", "brackets-in-a-sentence"])
def test_a_note_after_a_sentence_ends_its_paragraph(text, paragraphs):
    """``…任务。（云宣新）``: a bracketed note after the sentence's end closes the paragraph, though it is no sentence end."""
    paras = build_paragraphs([ln for ln in classify_page(text) if ln.kind == PROSE])
    assert [p.text.replace(" ", "") for p in paras] == paragraphs




@pytest.mark.parametrize("dateline, after, paragraphs, ends", [
    # the next story's text run on under the dateline: three paragraphs, the story ends on the dateline
    ("（本报珀斯 1月７ 日电）", "梨树县是全国有名的产粮大县。虽然\n距离春耕还有三个多月时间。\n",
     ["发挥出水平，就必须要战胜这里的酷热。", "（本报珀斯1月７日电）", "梨树县是全国有名的产粮大县。虽然距离春耕还有三个多月时间。"],
     [False, True, False]),
    # the dateline last: it closes the paragraph above, which ends the story
    ("（新华社北京1月1日电）", "", ["发挥出水平，就必须要战胜这里的酷热。（新华社北京1月1日电）"], [True]),
], ids=["dateline-then-text", "wire-dateline-last"])
def test_a_dateline_alone_under_a_finished_text_ends_its_story(dateline, after, paragraphs, ends):
    """``…的酷热。`` / ``（本报珀斯1月7日电）``: the story's closing dateline ends it; nothing of it follows."""
    text = f"发挥出水平，就必须要战胜这里的酷热。\n{dateline}\n{after}"
    paras = build_paragraphs([ln for ln in classify_page(text) if ln.kind == PROSE])
    assert [p.text.replace(" ", "") for p in paras] == paragraphs
    assert [p.ends_article for p in paras] == ends
