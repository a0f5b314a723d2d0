"""Reading a page into units (reader, regions): where prose opens a unit, goes on, or is cut by a box."""

import pytest

from banmian.tasks.text.lines import classify_page
from banmian.tasks.text.segment import segment_page
from banmian.tasks.text.segment.reader import read_units
from banmian.tasks.text.segment.regions import regions
from tests.support.pages import WIRE
from tests.text.segment.stories import HEAD_A, LEAD, STORY_A, by_kind, heads, segment_checked


def test_page_furniture_goes_to_residue_and_metadata():
    page = "2023年8月25日 星期五\n第3版\n\n" + HEAD_A + "\n" + STORY_A + "\n责任编辑：张三 版式：李四\n"
    result = segment_page(page)
    assert len(result.articles) == 1
    assert result.meta["date"] == "2023年8月25日 星期五"
    assert result.meta["editor"] == "责任编辑：张三 版式：李四"
    assert result.meta["page_no"] == "3" and "page_name" not in result.meta
    assert {r.reason for r in result.residue} == {"page_furniture"}
    body = "".join(result.articles[0].paragraphs)
    assert "星期五" not in body and "责任编辑" not in body


FURNISHED_PAGE = """第1版 社会民生

开展安全检查
守护平安冬季

本报讯（记者 王芳）近日，
全市开展冬季安全生产大检
查，重点检查危化企业、人员
密集场所和建筑工地。

7 理论

市书画作品展日前开幕，
132余幅作品集中展示了当
地书画爱好者的创作成果。

本报通讯员 龙飞 摄

中欧班列首发

本报讯（记者 王芳）日前，满载
汽车配件的中欧班列从我市出发，
15 天后抵达俄罗
斯莫斯科，为企业节省运输时间。

责任编辑 许诺  版式设计 黄磊
第十二版
"""


def test_page_numbers_names_and_editor_lines_are_furniture_numbers_in_text_are_not():
    result = segment_checked(FURNISHED_PAGE)
    assert [r.text for r in result.residue if r.reason == "page_furniture"] == [
        "第1版 社会民生", "7 理论", "责任编辑 许诺  版式设计 黄磊", "第十二版"]
    assert (result.meta["page_no"], result.meta["page_name"]) == ("1", "社会民生")  # the first printed
    assert result.meta["editor"] == "责任编辑 许诺 版式设计 黄磊"  # no colon, still the editors' line
    (photo,) = by_kind(result, "photo")
    assert photo.paragraphs == ["市书画作品展日前开幕，132余幅作品集中展示了当地书画爱好者的创作成果。"]
    assert heads(result)["中欧班列首发"].paragraphs == [
        "日前，满载汽车配件的中欧班列从我市出发，15天后抵达俄罗斯莫斯科，为企业节省运输时间。"]
    body = "".join(p for a in result.articles for p in a.paragraphs)
    assert "责任编辑" not in body and "第十二版" not in body and "理论" not in body


def test_briefs_under_a_section_label_are_one_article_each():
    page = ("要闻简报\n\n"
            "●农民丰收节文艺汇演举行\n9月23日，县里举办农民丰收节\n文艺汇演，共庆丰收。\n"
            "●供暖管网改造完工  记者从市住\n建局获悉，管网改造工程已全部\n完工。（记者 王芳）\n")
    result = segment_checked(page)
    assert [(a.headline, a.paragraphs, a.authors) for a in result.articles] == [
        ("农民丰收节文艺汇演举行", ["9月23日，县里举办农民丰收节文艺汇演，共庆丰收。"], []),
        ("供暖管网改造完工", ["记者从市住建局获悉，管网改造工程已全部完工。"], ["王芳"]),
    ]
    assert any(r.text == "要闻简报" and r.reason == "page_furniture" for r in result.residue)


def test_wide_text_after_the_last_brief_and_a_blank_is_not_the_briefs():
    page = ("要闻简报\n\n"
            "●供暖管网改造完工  记者从市住\n建局获悉，管网改造工程已全部\n完工，居民冬季供暖有保障。\n\n"
            "一年来，县政数局始终坚持以人民为中心，紧紧围绕改革痛点堵点问题，坚持优化政务服务流程，\n"
            "全力打造高效便捷的政务服务体系，被评为全省先进档次。\n")
    result = segment_checked(page)
    brief = heads(result)["供暖管网改造完工"]
    assert brief.paragraphs == ["记者从市住建局获悉，管网改造工程已全部完工，居民冬季供暖有保障。"]


def test_text_after_a_trailing_credit_in_the_same_column_is_another_article():
    """（记者 贾鹏） closes its article: the section of a feature set under it is not that story's."""
    page = (LEAD + "\n守护绿水青山 建设美丽家园\n\n"
            "今年以来，全县坚持生态优\n先，深入打好蓝天碧水保卫战，\n空气质量优良天数持续提升。\n"
            "该县持续开展河湖专项行\n动，累计清理河道垃圾一万余\n立方米，实现河湖管护全覆盖。\n(记者 贾鹏)\n\n"
            "乡村人才不断壮大\n东丰县实施乡村人才振兴计划，\n组织农民参加种植技术培训，培育\n新型职业农民三千余人。\n")
    result = segment_checked(page)
    story = heads(result)["守护绿水青山 建设美丽家园"]
    assert story.authors == ["贾鹏"]
    assert story.paragraphs[-1].endswith("实现河湖管护全覆盖。")
    (feature,) = by_kind(result, "feature")
    assert any("乡村人才振兴计划" in p for p in feature.paragraphs)


def test_a_finished_subtitle_closes_its_headline_block():
    """After ``——…述要`` and a blank line, a new heading line with a byline is another article's head."""
    page = ("（作者为中国社会科学院研究员）\n\n"
            "加快构建新时代中国特色社会学\n——“新时代中国特色社会体制改革与社会治理\n创新研讨会”述要\n\n"
            "实现合作共赢的伟大创举\n石云霞\n\n"
            "习近平同志在党的十九大报告\n中指出，中国坚持对外开放的基本国\n策，坚持打开国门搞建设，积极促进\n"
            "国际合作，打造国际合作新平台。\n")
    result = segment_checked(page)
    essay = heads(result)["实现合作共赢的伟大创举"]
    assert essay.authors == ["石云霞"]
    assert essay.subheadline is None


WIRE_WIDE = WIRE + """
工程计划于2028年建成通车，届时将与沪宁沿江高铁等线路相连，进一步织密长三角地区的
高速铁路网络，为沿线群众出行提供更多选择，为区域经济社会发展注入新的动能和持久活力。
"""


@pytest.mark.parametrize("page", [
    WIRE_WIDE + "\n沪宁合高铁上海段开工建设\n",  # headline printed after the text
    "沪宁合高铁上海段开工建设\n\n" + WIRE_WIDE,
], ids=["headline_after", "headline_before"])
def test_dateline_on_its_own_line_above_wide_text_keeps_all_its_paragraphs(page):
    result = segment_checked(page)
    (article,) = result.articles
    assert article.headline == "沪宁合高铁上海段开工建设"
    assert (article.byline, article.authors) == ("新华社上海6月27日电（记者 侯缜）", ["侯缜"])
    assert [p[:6] for p in article.paragraphs] == ["记者27日从", "据介绍，该线", "工程计划于2"]


FEATURE_TOP = ("优化营商环境 激发市场活力\n——市住建局深化审批改革工作侧记\n\n本报通讯员 金鑫\n\n"
               "今年以来，市住建局持续深化“放管服”改革，全力打造一流营商环境。\n\n")


DOUBLED = "工程建设项目审批制度改革不断完善工程建设项目审批制度改革不断完善\n"


@pytest.mark.parametrize("text, paragraph", [
    pytest.param(  # the first text line breaks a word (审|批) across the column break
        "全面推行工程建设项目并联审\n\n批，审批时限压缩至四十个工作\n日以内，企业办事更加便捷高效，\n项目落地跑出了加速度。\n",
        "全面推行工程建设项目并联审批，审批时限压缩至四十个工作日以内，企业办事更加便捷高效，项目落地跑出了加速度。",
        id="line_breaks_a_word"),
    pytest.param(  # an indented first line that ends on a word boundary (项目|分阶段)
        "今年全市全面推行工程建设项目\n\n分阶段并联审批，审批时限压缩至四\n十个工作日以内，企业办事更加便捷\n高效，项目落地跑出了加速度。\n",
        "今年全市全面推行工程建设项目分阶段并联审批，审批时限压缩至四十个工作日以内，企业办事更加便捷高效，项目落地跑出了加速度。",
        id="line_ends_on_a_word_boundary"),
])
def test_doubled_crosshead_above_a_first_text_line_cut_by_a_column_break(text, paragraph):
    page = FEATURE_TOP + DOUBLED + text
    result = segment_checked(page)
    (feature,) = result.articles
    assert feature.kind == "feature"
    assert [b.kind for b in feature.blocks] == ["p", "h", "p"]
    assert feature.crossheads == ["工程建设项目审批制度改革不断完善"]
    assert feature.paragraphs[-1] == paragraph
    assert ("duplicate_crosshead", "工程建设项目审批制度改革不断完善") in [(r.reason, r.text) for r in result.residue]


BOOKS_TOP = ("书香浸润机关 阅读点亮初心\n——市直机关推进书香机关建设纪实\n\n本报通讯员 金鑫\n\n"
             "今年以来，市直机关工委把全民阅读作为加强机关党建的重要抓手，推动读书活动走深走实。\n\n")


def test_indented_paragraph_start_before_a_column_break_is_prose_not_a_crosshead():
    page = (BOOKS_TOP + "读书活动紧紧围绕深入学习贯彻习近平\n\n"  # 17 wide over a 19-wide column
            "新时代中国特色社会主义思想和党的二十大\n精神，组织党员干部开展读书分享会、经典\n"
            "诵读和主题征文等活动，营造了多读书、读\n好书的浓厚氛围。\n")
    (feature,) = segment_page(page).articles
    assert feature.crossheads == []
    assert feature.paragraphs[-1] == ("读书活动紧紧围绕深入学习贯彻习近平新时代中国特色社会主义思想和党的二十大精神，"
                                      "组织党员干部开展读书分享会、经典诵读和主题征文等活动，营造了多读书、读好书的浓厚氛围。")


def test_short_crosshead_over_an_indented_first_line_is_still_a_crosshead():
    page = (BOOKS_TOP + "机关职工书屋实现全面覆盖\n\n"  # 12 wide; the column is 16, its first line 14
            "全市新建机关职工书屋六十个，\n配备各类图书三万余册，实现市直机\n"
            "关全覆盖。各单位还开设了线上读书\n专栏，方便干部随时随地阅读。\n")
    (feature,) = segment_page(page).articles
    assert feature.crossheads == ["机关职工书屋实现全面覆盖"]
    assert feature.paragraphs[-1] == "全市新建机关职工书屋六十个，配备各类图书三万余册，实现市直机关全覆盖。各单位还开设了线上读书专栏，方便干部随时随地阅读。"


@pytest.mark.parametrize("box, before, after", [
    pytest.param("防风险\n\n严监管\n", "国在关心海洋、认识海洋、经略海洋", "方面已经积累了一定经验，为海洋强", id="kicker_fragments"),
    pytest.param("江\n\n张济坤\n", "国在关心海洋、认识海洋、经略海洋", "方面已经积累了一定经验，为海洋强", id="author_name"),
    pytest.param("坚持和加强党的全面领导\n", "国在关心海洋、认识海洋、推进海洋建", "设方面已经积累了一定经验，为海洋强", id="break_splits_a_word"),
])
def test_text_cut_by_a_box_printed_inside_its_column_goes_on_after_it(box, before, after):
    """The sentence a box of heading lines cut mid-column goes on in the same paragraph."""
    page = ("建设海洋强国需完善海洋法律体系\n\n王海\n\n海洋是高质量发展的战略要地，建设\n"
            "海洋强国是实现中华民族伟大复兴的\n重大战略任务。经过多年的发展，我\n"
            f"{before}\n\n{box}\n{after}\n国建设打下了坚实基础。\n")
    result = segment_checked(page)
    essay = heads(result)["建设海洋强国需完善海洋法律体系"]
    assert essay.paragraphs[-1].endswith(before + after + "国建设打下了坚实基础。")


@pytest.mark.parametrize("head_above", [False, True])
def test_heading_lines_between_a_subtitled_byline_and_its_text_title_its_first_section(head_above):
    """Under ``——…`` and a byline, the heading lines before the text are its first crosshead.

    With a headline of its own above the byline, a lead's text is
    elsewhere on the page: the heading lines after it head another story.
    """
    top = "推进合作共赢\n" if head_above else ""
    page = (f"{top}——深入学习关于开放发展的重要论述\n范祚军\n\n形成全面开放\n新格局的重大举措\n"
            "当前，我国发展正从引进来向引进\n来和走出去并重转变，开放型经济\n水平不断提升。\n")
    result = segment_checked(page)
    (article,) = result.articles
    if head_above:
        assert (article.headline, article.crossheads) == ("形成全面开放 新格局的重大举措", [])
    else:
        assert (article.authors, article.crossheads) == (["范祚军"], ["形成全面开放", "新格局的重大举措"])


@pytest.mark.parametrize("page, kinds", [
    pytest.param("开展安全检查\n\n本报讯（记者 王芳）今天，全市开展安全\n检查。\n", ["head", "prose"], id="head_and_prose"),
    pytest.param("开展安全检查\n守护平安冬季\n\n全市排查整治安全隐患\n\n\n书香润童心\n", ["head", "head"],
                 id="two_blank_lines_end_a_group"),
    pytest.param("8月16日，法官走进小区\n开展矛盾化解专项行动。\n\n本报通讯员\n张馨月 摄\n", ["prose", "credit"],
                 id="credit_over_two_lines"),
    pytest.param("2023年8月25日 星期五\n第3版\n", ["furniture", "furniture"], id="furniture_line_by_line"),
])
def test_regions_group_lines_by_what_they_are(page, kinds):
    assert [r.kind for r in regions(classify_page(page))] == kinds


@pytest.mark.parametrize("page, kinds", [
    pytest.param(STORY_A, ["story"], id="dateline_opens_a_story"),
    pytest.param("●供暖管网改造完工  记者从市住\n建局获悉，管网改造工程已全部\n完工。\n", ["brief"], id="bullet_opens_a_brief"),
    pytest.param("记者从市住建局获悉，今年全市\n老旧小区改造工程已全部完工。\n", ["orphan"], id="plain_prose_is_orphan"),
    pytest.param("8月16日，法官走进小区\n开展矛盾化解专项行动。\n\n本报通讯员\n张馨月 摄\n", ["photo"],
                 id="orphan_closed_by_a_credit_is_a_caption"),
    pytest.param("深化改革\n——工作侧记\n\n本报通讯员 金鑫\n\n年初以来，全区深化改革。\n", ["lead"],
                 id="head_with_a_byline_is_a_lead"),
])
def test_read_units_opens_a_unit_of_each_kind(page, kinds):
    assert [u.kind for u in read_units(classify_page(page)).units] == kinds
