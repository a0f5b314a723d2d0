"""Units made into articles: credits where each kind prints them, what is left to residue."""

import pytest

from banmian.tasks.model import ARTICLE_KINDS
from banmian.tasks.text.lines import PROSE, Line
from banmian.tasks.text.paragraphs import opens_with_lead
from banmian.tasks.text.segment import segment_page
from banmian.tasks.text.segment.articles import _ARTICLE_KIND
from banmian.tasks.text.segment.units import UNIT_KINDS
from tests.text.segment.stories import HEAD_A, LEAD, STORY_A, heads, segment_checked, wrapped_feature_page


def test_dateline_byline_broken_across_lines():
    page = "保障春节安全\n\n本报讯（通讯员 杜文\n韬）为确保全区春节期间安全\n生产形势稳定，开展大检查。\n"
    (article,) = segment_page(page).articles
    assert (article.byline, article.authors) == ("本报讯（通讯员 杜文韬）", ["杜文韬"])
    assert article.paragraphs == ["为确保全区春节期间安全生产形势稳定，开展大检查。"]


def test_wire_dateline():
    page = "国务院部署秋粮收购\n\n新华社北京9月9日电（记者 侯 缜）国务院\n常务会议9日召开，部署秋粮\n收购工作。\n"
    (article,) = segment_page(page).articles
    assert (article.byline, article.authors) == ("新华社北京9月9日电（记者 侯缜）", ["侯缜"])
    assert article.paragraphs == ["国务院常务会议9日召开，部署秋粮收购工作。"]


def test_wire_dateline_cut_before_its_last_character():
    page = "新华社沈阳 7 月 3 日\n\n电（记者 罗杰）近日，全市开展\n安全生产大检查。\n"
    (article,) = segment_page(page).articles
    assert article.authors == ["罗杰"]
    assert article.paragraphs == ["近日，全市开展安全生产大检查。"]


def test_letterspaced_byline_line_and_dateline():
    page = ("书香润童心 阅读伴成长\n\n□本 报 记 者 姚 远 本 报 通 讯 员 赵 磊\n\n"
            "日前，县图书馆举办少儿读书\n节，吸引了上千名小读者参加。\n")
    (article,) = segment_page(page).articles
    assert article.authors == ["姚远", "赵磊"]
    wire = "新 华 社 长 春 1 月 1 日 电 （ 记 者 王 芳 ） 近 日 ， 全 市\n开展安全检查。\n"
    (article,) = segment_page(wire).articles
    assert (article.byline, article.authors) == ("新华社长春1月1日电（记者 王芳）", ["王芳"])


def test_trailing_credit_closes_the_body():
    page = HEAD_A + "\n" + "近日，全市开展冬季安全生产\n大检查，排查隐患四十多项。\n（记者 王 芳 通讯员 李强）\n"
    (article,) = segment_page(page).articles
    assert (article.byline, article.authors) == ("（记者 王芳 通讯员 李强）", ["王芳", "李强"])
    assert article.paragraphs == ["近日，全市开展冬季安全生产大检查，排查隐患四十多项。"]


@pytest.mark.parametrize("closing, byline, last", [
    # no place or date: a note of the source, which ends the text (gate 0191, PDF dev 0067 gold)
    ("（据新华社电）", None, "大检查，排查隐患四十多项。（据新华社电）"),
    ("(据法新社报道)", None, "大检查，排查隐患四十多项。（据法新社报道）"),  # brackets made full-width
    # dated: the story's dateline, its byline (gate 0001, gen42 0000 gold)
    ("（据新华社南京1月5日电）", "（据新华社南京1月5日电）", "大检查，排查隐患四十多项。"),
    ("（记者 李登）", "（记者 李登）", "大检查，排查隐患四十多项。"),  # a reporter's credit
])
def test_an_undated_wire_source_closing_the_text_stays_in_it(closing, byline, last):
    page = HEAD_A + "\n" + "近日，全市开展冬季安全生产\n大检查，排查隐患四十多项。" + closing + "\n"
    (article,) = segment_page(page).articles
    assert (article.byline, article.paragraphs[-1][-len(last):]) == (byline, last)


def test_essay_author_line_and_author_note():
    page = ("深刻理解新时代划时代意义\n\n颜晓峰\n\n中国特色社会主义进入新时代，这是我国发展新的\n"
            "历史方位。\n\n（作者为中共中央党校教授）\n")
    (article,) = segment_page(page).articles
    assert (article.headline, article.authors) == ("深刻理解新时代划时代意义", ["颜晓峰"])
    assert article.paragraphs[-1] == "（作者为中共中央党校教授）"


@pytest.mark.parametrize("page, headline, authors", [
    ("乐得清贫\n\n冯金武 郭启宏\n\n初识吉林省九台市西营镇武装部长刘福印，是在省第四次民兵代表大会上。\n",
     "乐得清贫", ["冯金武", "郭启宏"]),
    ("国家有难匹夫有责\n徐宝康 王林昌\n\n韩国人自古以来就有惜金和藏金的风俗。尤其是新婚家庭，多少都存有一些金饰。\n",
     "国家有难匹夫有责", ["徐宝康", "王林昌"]),
    ("送你一束阳光\n□朱景有 吕冠强\n\n被授予雷锋式民警称号的哈尔滨市道里区尚志派出所所长杨光，近年来与全所民警一道工作。\n",
     "送你一束阳光", ["朱景有", "吕冠强"]),  # the box is decoration
    ("高标准 严要求\n\n全市开展安全生产大检查，排查隐患一百多处。\n", "高标准 严要求", []),  # a couplet, no names
])
def test_co_authors_names_under_a_head_are_its_byline_never_its_headline(page, headline, authors):
    (article,) = segment_checked(page).articles
    assert (article.headline, article.authors) == (headline, authors)
    assert article.byline == (" ".join(authors) or None)


def test_bullet_mark_before_a_byline_is_kept_as_decoration():
    """Found by hypothesis: the □ before a standalone byline must not vanish."""
    for page in ["□本报记者 侯 缜", "深化改革\n——工作侧记\n\n□本报记者 侯 缜\n\n年初以来，全区深化改革。\n"]:
        result = segment_checked(page)
        assert ("decoration", "□") in [(r.reason, r.text) for r in result.residue]


def test_every_unit_kind_makes_an_article_kind():
    assert set(_ARTICLE_KIND) == set(UNIT_KINDS)
    assert set(_ARTICLE_KIND.values()) <= set(ARTICLE_KINDS)


LETTER = """村口路灯何时能亮

编辑同志：{gap}
我是卧虎镇西山村的村民。村口通往镇上的那段路
有六盏路灯，从春天起就一直不亮，晚上出行很
不方便。希望有关部门尽快修一修。

{signature}{gap}
8月20日，卧虎镇政府回复：经现场核实，路灯不
亮是线路老化所致，目前已全部恢复照明。
"""


@pytest.mark.parametrize("gap", ["", "\n"], ids=["run_on", "blank_lines"])
@pytest.mark.parametrize("signature, authors", [("一村民", []), ("双辽市一村民", []), ("一位晨练的市民", []),
                                                ("读者 刘淑琴", ["刘淑琴"])])
def test_a_letter_its_signature_and_the_reply_are_one_item(signature, authors, gap):
    """The signature is the letter's byline, never a heading; the office's reply after it is the letter's text."""
    result = segment_checked(LETTER.format(signature=signature, gap=gap))
    (letter,) = result.articles
    assert (letter.headline, letter.byline, letter.authors) == ("村口路灯何时能亮", signature, authors)
    assert "".join(letter.paragraphs).startswith("编辑同志：我是卧虎镇西山村的村民。")
    assert letter.paragraphs[-1].startswith("8月20日，卧虎镇政府回复：")


@pytest.mark.parametrize("brief, headline, byline, authors, text", [
    ("◆海南完成党报发行任务本报海口1月2日电（记者 王芳）截至\n12月31日，全省党报发行量同比增长。\n",
     "海南完成党报发行任务", "本报海口1月2日电（记者 王芳）", ["王芳"], "截至12月31日，全省党报发行量同比增长。"),
    ("◆新华社拉萨1 月10 日电 记者王芳报\n道：5名僧人9日向灾区捐赠物资。\n",
     None, "新华社拉萨1月10日电 记者王芳报道：", ["王芳"], "5名僧人9日向灾区捐赠物资。"),
    ("◆云南完成党报发行任务 本报昆明1\n月2日电 全省党报发行任务已\n全面完成。\n",
     "云南完成党报发行任务", "本报昆明1月2日电", [], "全省党报发行任务已全面完成。"),
    ("●本报讯（通讯员 李强）日前，县\n里举办农民丰收节文艺汇演。\n",
     None, "本报讯（通讯员 李强）", ["李强"], "日前，县里举办农民丰收节文艺汇演。"),
    ("◆ 海 南 完 成 党 报 发 行 任 务　本 报 海\n口1月2日电（记者 鲍\n洪 俊 吴 刚 ）截 至 12 月\n31日，全省党报发行量同比增长。\n",
     "海南完成党报发行任务", "本报海口1月2日电（记者 鲍洪俊 吴刚）", ["鲍洪俊", "吴刚"],
     "截至12月31日，全省党报发行量同比增长。"),
    ("◆中共代表团出访\n非洲三国 新华社北京1月5日电\n应执政党邀请，代表团今日离京。\n",
     "中共代表团出访非洲三国", "新华社北京1月5日电", [], "应执政党邀请，代表团今日离京。"),
    ("○中共代表团出访\n非洲三国 新华社北京1月5日电\n应执政党邀请，代表团今日离京。\n",
     "中共代表团出访非洲三国", "新华社北京1月5日电", [], "应执政党邀请，代表团今日离京。"),
], ids=["lead_run_into_dateline", "dateline_1998_no_lead", "dateline_cut_by_a_break", "dateline_no_lead",
        "credit_broken_inside_a_name", "lead_wrapped_over_its_dateline", "ring_lead_wrapped_over_its_dateline"])
def test_a_brief_takes_its_lead_as_headline_and_its_dateline_as_credit(brief, headline, byline, authors, text):
    """Convention: a section label (要闻简报) is page furniture; each bullet brief is its own item, its bullet residue."""
    result = segment_checked("要闻简报\n\n" + brief)
    (article,) = result.articles
    assert (article.headline, article.byline, article.authors) == (headline, byline, authors)
    assert article.paragraphs == [text]
    assert [r.reason for r in result.residue] == ["page_furniture", "decoration"]


#: A column of briefs printed with no bullets: each lead runs into its dateline (spaced out or not).
BRIEFS_NO_BULLETS = """城区供暖管网改造完工　本报讯 记者从市住建局获悉，全市供暖管网改造
工程已全部完工，居民冬季供暖有保障。

农 民 丰 收 节 文 艺 汇 演 举 行 本 报 讯 （ 通 讯 员 李 强 ） 日 前 ，县 里 举 办 了
农民丰收节文艺汇演，三千多名群众观看了演出。

南湖大桥主体结构合龙新华社长沙9月3日电（记者 赵敏）横跨南湖的大桥
今天实现主体结构合龙，预计年底通车。
"""


@pytest.mark.parametrize("blank", ["\n", ""], ids=["blank_between", "run_on"])
def test_briefs_with_no_bullet_are_one_article_each(blank):
    """A heading-shaped lead run into a dateline opens a brief: the lead is its headline, the dateline its credit."""
    result = segment_checked("要闻简报\n\n" + BRIEFS_NO_BULLETS.replace("\n\n", "\n" + blank))
    assert [(a.headline, a.byline) for a in result.articles] == [
        ("城区供暖管网改造完工", "本报讯"), ("农民丰收节文艺汇演举行", "本报讯（通讯员 李强）"),
        ("南湖大桥主体结构合龙", "新华社长沙9月3日电（记者 赵敏）")]
    assert result.articles[1].paragraphs == ["日前，县里举办了农民丰收节文艺汇演，三千多名群众观看了演出。"]


#: The same briefs set in a narrow column: each lead and dateline wrap over lines.
BRIEFS_NARROW = """城区供暖管网改造
完工　本报讯 记者从
市住建局获悉，全市
供暖管网改造工程已
全部完工。
南湖大桥主体结构合
龙新华社长沙9月3日
电（记者 赵敏）横跨
南湖的大桥今天实现
主体结构合龙。
"""


def test_briefs_with_no_bullet_in_a_narrow_column_are_one_article_each():
    result = segment_checked("要闻简报\n\n" + BRIEFS_NARROW)
    assert [(a.headline, a.byline) for a in result.articles] == [
        ("城区供暖管网改造完工", "本报讯"), ("南湖大桥主体结构合龙", "新华社长沙9月3日电（记者 赵敏）")]
    assert result.articles[0].paragraphs == ["记者从市住建局获悉，全市供暖管网改造工程已全部完工。"]


@pytest.mark.parametrize("text", ["（据新华社北京1月5日电）", "快讯新华社北京1月6日电 中国登山队今天登顶。",
                                  "会议指出，本报讯的作用很大。"])
def test_a_word_before_a_dateline_is_no_brief_lead(text):
    """A lead is a headline: a bracket, a word of two characters or a sentence before the dateline is none."""
    assert not opens_with_lead([Line(1, text, 20.0, PROSE)])


ESSAY_COLUMNS = ("中国共产党人的初心和使命，是为中国人民谋幸福，为中华民族谋复兴。这个初心和使命是激励中国共产党人"
                 "不断前进的根本动力。新中国成立后，我国社会的主要矛盾必然发生新变化。当时的中国一穷二白、"
                 "百废待兴，迫切需要经济文化有一个大发展。")


@pytest.mark.parametrize("second", ["column_top", "between_breaks", "after_a_finished_sentence", "first_run_into_text"])
def test_a_name_set_vertically_beside_an_essay_is_its_author(second):
    """pdftotext emits a vertical name one character per line: the first under the title, the next at a column's top."""
    text = ESSAY_COLUMNS
    cut = text.index("当时的中") if second == "after_a_finished_sentence" else text.index("国一穷")
    column = "\n".join(text[i:min(i + 15, cut)] for i in range(0, cut, 15))
    rest = "\n".join(text[i:i + 15] for i in range(cut, len(text), 15))
    piece = "帆\n\n" if second == "between_breaks" else "帆\n"
    gap = "" if second == "first_run_into_text" else "\n"
    page = f"社会主要矛盾新变化与民族复兴新境界\n叶\n{gap}{column}\n\n{piece}{rest}\n"
    result = segment_checked(page)
    (essay,) = result.articles
    assert (essay.headline, essay.authors) == ("社会主要矛盾新变化与民族复兴新境界", ["叶帆"])
    assert "".join(essay.paragraphs) == text


def test_a_lone_character_at_a_column_top_with_no_name_awaiting_is_text():
    text = ESSAY_COLUMNS
    cut = text.index("国一穷")
    page = "社会主要矛盾新变化与民族复兴新境界\n\n" + text[:cut - 1] + "\n\n" + text[cut - 1] + "\n" + text[cut:] + "\n"
    (essay,) = segment_checked(page).articles
    assert "".join(essay.paragraphs) == text


@pytest.mark.parametrize("credit, authors", [("（记者 王芳）", ["王芳"]), ("(通讯员 李强)", ["李强"]), ("（王芳 李强）", ["王芳", "李强"])])
def test_a_trailing_credit_dropped_between_two_lines_of_the_text_is_its_credit(credit, authors):
    """The extractor set the credit's line inside the text: the sentence goes on past it."""
    page = (HEAD_A + "\n近日，全市开展冬季安全生产大检\n查，重点检查危化企业、人员密\n" + credit + "\n\n"
            "集场所和建筑工地，排查整治隐\n患四十多项。\n")
    (article,) = segment_checked(page).articles
    assert (article.byline is not None, article.authors) == (True, authors)
    assert article.paragraphs == ["近日，全市开展冬季安全生产大检查，重点检查危化企业、人员密集场所和建筑工地，排查整治隐患四十多项。"]


def test_a_dateline_s_credit_on_the_line_under_its_head_stays_the_dateline_s():
    page = HEAD_A + "\n《农村日报》讯\n（特派记者 朱文博）\n入冬以来，公主岭市各中小学利\n用操场浇筑冰场。\n"
    (article,) = segment_checked(page).articles
    assert (article.byline, article.authors) == ("《农村日报》讯（特派记者 朱文博）", ["朱文博"])


def test_a_jump_marker_after_a_dateline_is_no_credit():
    page = "新华社北京1月7日电（上接第12版）中央纪委监察部近日召\n开新闻工作座谈会。\n"
    (article,) = segment_checked(page).articles
    assert (article.byline, article.authors, article.continued_from) == ("新华社北京1月7日电", [], "上接第12版")
    assert article.paragraphs == ["中央纪委监察部近日召开新闻工作座谈会。"]


def test_two_authors_set_vertically_and_across_each_take_their_pieces():
    """周 under the title, 江 at a column top, 张济坤 printed across in the text: two authors, 周江 and 张济坤."""
    text = ESSAY_COLUMNS
    cut = text.index("国一穷")
    column = "\n".join(text[i:min(i + 15, cut)] for i in range(0, cut, 15))
    rest = "\n".join(text[i:i + 15] for i in range(cut, len(text), 15))
    page = f"建设海洋强国需完善海洋法律体系\n周\n\n{column}\n\n江\n\n张济坤\n\n{rest}\n"
    (essay,) = segment_checked(page).articles
    assert essay.authors == ["周江", "张济坤"]
    assert "".join(essay.paragraphs) == text


def test_a_name_printed_after_the_note_that_closes_an_essay_signs_it():
    """（作者为…） closes the essay; the name pdftotext printed after it is its author's, and heads nothing."""
    essay = "\n".join(ESSAY_COLUMNS[i:i + 15] for i in range(0, len(ESSAY_COLUMNS), 15))
    page = (f"法治与德治何以相得益彰\n\n{essay}\n（作者为中国人民大学教授）\n\n陈先达\n\n"
            "坚持一国两制，保持香港、澳门长期\n繁荣稳定，是实现民族复兴的必然要求。\n")
    result = segment_checked(page)
    essay_article = heads(result)["法治与德治何以相得益彰"]
    assert (essay_article.byline, essay_article.authors) == ("陈先达", ["陈先达"])
    assert essay_article.paragraphs[-1] == "（作者为中国人民大学教授）"
    assert not any("陈先达" in p for a in result.articles for p in a.paragraphs)


#: A made-up essay of two paragraphs set in a column 15 characters wide.
_TWO_PARAGRAPHS = ("推进乡村全面振兴，关键在于激发农村内生动力，让广大农民在共建共享中有更多获得感。",
                   "各地要因地制宜，久久为功，把农业农村优先发展落到实处，让乡村既充满活力又和谐有序。")
#: Text under the name: in a column as wide as the essay's, or in a wide one (another block).
_TEXT_UNDER = {"same_column": "全市今年新建农村公路三百公\n里，惠及沿线群众十余万人，\n带动乡村旅游快速发展。\n",
               "wide_column": "全市今年新建农村公路三百公里，惠及沿线群众十\n余万人，带动乡村旅游快速发展，群众出行更加便\n"
                              "捷，农产品运输成本明显下降。\n"}


def _column(text: str, width: int = 15) -> str:
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


@pytest.mark.parametrize("ending, under, signs_the_essay", [
    pytest.param("（作者单位：吉林大学马克思主义学院）", "same_column", True, id="after_a_note"),
    pytest.param("", "wide_column", True, id="after_a_finished_essay_text_in_another_column_under"),
    pytest.param("", "same_column", False, id="text_in_the_same_column_under_is_what_it_heads"),
])
def test_a_bare_name_printed_where_an_essay_ends_signs_it(ending, under, signs_the_essay):
    """A name set apart after an essay's closing note, or after its last sentence with another block under it,
    is its author's; with the essay's column going on under it, it heads that text.

    pdftotext emits the name set beside an essay's end where it likes: between
    that essay and whatever block it prints next.
    """
    essay = "\n".join(_column(p) for p in _TWO_PARAGRAPHS)
    closing = f"\n{ending}" if ending else ""
    page = f"以制度优势推动乡村治理\n\n{essay}{closing}\n\n王建华\n\n{_TEXT_UNDER[under]}"
    result = segment_checked(page)
    signed = [a for a in result.articles if a.byline == "王建华"]
    assert len(signed) == 1 and not any("王建华" in p for a in result.articles for p in a.paragraphs)
    assert ("推进乡村全面振兴" in "".join(signed[0].paragraphs)) == signs_the_essay
    assert ("全市今年新建" in "".join(signed[0].paragraphs)) != signs_the_essay


def test_a_reporters_byline_after_a_finished_text_heads_the_text_under_it():
    """Only a bare name signs the text above it: a reporter's byline (本报记者…) opens the report below."""
    essay = "\n".join(_column(p) for p in _TWO_PARAGRAPHS)
    page = f"以制度优势推动乡村治理\n\n{essay}\n\n本报记者 王建华\n\n{_TEXT_UNDER['wide_column']}"
    result = segment_checked(page)
    (report,) = [a for a in result.articles if "全市今年新建" in "".join(a.paragraphs)]
    assert report.byline == "本报记者 王建华" and "推进乡村" not in "".join(report.paragraphs)


@pytest.mark.parametrize("byline, authors", [
    ("王建华\n", ["王建华", "李明"]),  # a co-author's name, after the one signed under the headline
    ("", ["李明"]),                   # the essay's only name, set down the gutter whole
], ids=["co_author", "only_author"])
def test_a_name_set_down_the_gutter_comes_together_from_the_seams_of_the_essay(byline, authors):
    """``李`` after one column block, ``明`` before the next: an author's name, not text and not lost."""
    text = ("推进乡村全面振兴，关键在于激发农村内生动力，让广大农民在共建共享中有更多获得感。"
            "各地要因地制宜，久久为功，把农业农村优先发展落到实处，让乡村既充满活力又和谐有序。"
            "要健全自治法治德治相结合的乡村治理体系，让农民群众成为乡村治理的主体。")
    blocks = [text[:45], text[45:90], text[90:]]
    page = (f"以制度优势推动乡村治理\n{byline}\n{_column(blocks[0])}\n\n李\n\n{_column(blocks[1])}\n\n明\n\n"
            f"{_column(blocks[2])}\n")
    (essay,) = segment_checked(page).articles
    assert essay.authors == authors
    assert "".join(essay.paragraphs) == text


@pytest.mark.parametrize("opening, byline", [
    ("本\n报福州\n电 记者\n赵鹏报道：", "本报福州电 记者赵鹏报道："),
    ("本\n报公主\n岭讯 记\n者熊伟报道：", "本报公主岭讯 记者熊伟报道："),
], ids=["dian", "xun"])
def test_a_dateline_wrapped_in_a_runarounds_short_lines_is_the_credit(opening, byline):
    """Text run around an inset: its dateline wraps in lines of a character or three, which no line rule reads as one."""
    page = (HEAD_A + "\n" + opening + "市委、市政府及公安、文化、工商等部门日前在\n"
            "市郊召开现场大会，公开销毁罚没的违禁游戏机，从而正式拉\n开了一场整顿全市文化市场的战役。\n")
    result = segment_checked(page)
    (article,) = result.articles
    assert article.byline is not None and article.byline.replace(" ", "") == byline.replace(" ", "")
    assert article.paragraphs[0].startswith("市委、市政府")


@pytest.mark.parametrize("after_first, in_second, authors", [
    pytest.param("张", "新", ["胡鞍钢", "张新"], id="surname_after_the_first_half_given_name_in_the_second"),
    pytest.param("", "", ["胡鞍钢"], id="no_pieces"),
])
def test_a_gutter_names_pieces_come_in_the_order_of_the_text_not_of_the_page(after_first, in_second, authors):
    """A feature's second half printed above its first (``continued``): the name's piece after the first half
    (``张``) comes before the one inside the second half (``新``), though the page prints it after."""
    page = wrapped_feature_page(after_first=after_first, in_second=in_second)
    (essay,) = segment_checked(page).articles
    assert essay.authors == authors


_DONE_LEAD = LEAD + "经营主体三百多家。\n"
_WEATHER = "\n天气形势分析\n\n据中央气象台提供的信息：预计9日晚上到10日，\n贵州东部、湖北东部和南部有小到中雨，\n华北地区有轻雾。\n"


@pytest.mark.parametrize("page, head, first_words, crossheads", [
    (_WEATHER + "\n" + LEAD, "天气形势分析", "据中央气象台", []),  # over a lead
    (_DONE_LEAD + "\n" + HEAD_A + "\n" + STORY_A + _WEATHER, "天气形势分析", "据中央气象台", []),  # after a story
    (_DONE_LEAD + _WEATHER, "绘就乡村振兴新画卷", "今年以来", ["天气形势分析"]),  # prose the lead took: its section
], ids=["over_a_lead", "after_a_story", "a_section_of_the_lead"])
def test_on_a_lead_page_a_phrase_over_prose_that_stands_alone_is_its_headline(page, head, first_words, crossheads):
    """A single phrase over prose on a lead's page is read as a crosshead (a section of the scattered lead); when
    the prose stays an article of its own, the phrase over its first paragraph is its headline: no section opens
    an article."""
    article = heads(segment_checked(page))[head]
    assert article.paragraphs[0].startswith(first_words)
    assert article.crossheads == crossheads


_FULL_COLUMN = ("张庆（李宁体育用品公司公关经理）：李宁牌不遗余力地支\n持中国体育事业，为中国男女各8支劲旅提供了专业排球比\n"
                "赛服，不仅有助于我国排球运动的职业化进程，而且结束了\n国外品牌长期独占一方的局面。\n\n")
_ITS_STORY = ("本报重庆1月1日电（记者 李维平）为了使全市城乡敬老\n院的老人能过上一个欢乐、祥和的新年，重庆市社会福利有\n"
              "奖募捐委员会决定每年入冬前，向全市城乡敬老院的孤寡老\n人赠送御寒衣物，关怀孤寡老人。\n")


@pytest.mark.parametrize("phrase, headline", [
    ("重庆：关怀孤\n寡老人", "重庆：关怀孤寡老人"),  # wrapped in a column as wide as the text: read as prose, then a head
    ("重庆：关怀孤寡老人", "重庆：关怀孤寡老人"),  # one line: a head already
    ("深圳：冬泳健儿\n迎新年", None),  # restates none of the story's words: no evidence it heads it
])
def test_a_phrase_set_straight_over_a_headless_text_that_restates_it_is_its_headline(phrase, headline):
    """A headline set in a column as wide as its text's reads as a paragraph cut by a column break and stands alone
    as prose; over a headless text that restates its words, it is that text's headline."""
    articles = segment_checked(_FULL_COLUMN + phrase + "\n\n" + _ITS_STORY).articles
    story = next(a for a in articles if a.authors == ["李维平"])
    assert story.headline == headline
    assert (len(articles) == 2) == (headline is not None)
