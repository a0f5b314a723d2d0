"""Which neighbour a heading group heads: the text before it, the text after it, or both."""

import pytest

from banmian.tasks.text.segment import segment_page
from tests.text.segment.stories import (CONTINUED, HEAD_A, HEAD_B, LEAD, STORY_A, STORY_B, by_kind, heads,
                                       segment_checked)


def test_headline_after_its_body():
    page = STORY_A + "\n" + HEAD_A + "\n" + STORY_B + "\n" + HEAD_B
    result = segment_checked(page)
    by_head = heads(result)
    assert set(by_head) == {"开展安全检查 守护平安冬季", "书香润童心 阅读伴成长"}
    assert by_head["开展安全检查 守护平安冬季"].subheadline == "全市排查整治安全隐患"
    assert by_head["开展安全检查 守护平安冬季"].authors == ["王芳"]
    assert by_head["书香润童心 阅读伴成长"].authors == ["李强", "赵磊"]


def test_headline_before_its_body():
    page = HEAD_A + "\n" + STORY_A + "\n" + HEAD_B + "\n" + STORY_B
    by_head = heads(segment_page(page))
    assert by_head["开展安全检查 守护平安冬季"].byline == "本报讯（记者 王芳）"
    assert by_head["书香润童心 阅读伴成长"].paragraphs[0].startswith("日前，县图书馆")


HEATING = """本报讯（记者 王芳）入冬以来，
市供热公司提前启动管网巡检，
对全市供热管网进行全面排查，
确保居民温暖过冬。

截至目前，已完成老旧供热管网
改造三十公里。
"""


RENOVATION = """本报讯（通讯员 李强）日前，市
住建局对老旧小区改造工程进行
验收，共惠及居民一万二千户，
小区面貌焕然一新。
"""


@pytest.mark.parametrize("above, headline, subject", [
    pytest.param("", "管网改造暖民心", "老旧小区改造工程通过验收", id="story_above_unheaded"),
    pytest.param("供热管网巡检全面展开\n\n", "全市供热管网改造提速", "一万二千户居民小区面貌焕然一新",
                 id="story_above_headed"),
    pytest.param("", "全市供热管网改造提速", "一万二千户居民小区面貌焕然一新", marks=pytest.mark.xfail(
        strict=True, reason=("the story above has no head of its own (NO_HEAD_ABOVE_BONUS) and each line shares "
                             "words with one neighbour: the adjacent-split penalty (0.3) is outweighed and the "
                             "two lines are split between the two stories")), id="story_above_unheaded_lines_pulled_apart"),
])
def test_two_heading_lines_without_a_blank_between_them_are_not_split(above, headline, subject):
    page = above + HEATING + "\n" + headline + "\n" + subject + "\n\n" + RENOVATION
    result = segment_checked(page)
    assert len(result.articles) == 2
    # one article holds both lines (a short line over a wider headline is its kicker)
    assert any({headline, subject} <= {a.kicker, a.headline, a.subheadline} for a in result.articles)


ESSAY = """本报记者 张华

举步迈进新的一年，难以忘却中国足球
在过去一年里跌过的跤。球员们苦苦奋
斗了一年，成绩至今不前。
"""

SAFETY = """本报讯（通讯员 段炼）为确保铁西区春
节期间安全生产形势稳定，营造安全、祥
和的节日氛围，铁西区开展安全生产大检
查，排查整治各类隐患。
"""


@pytest.mark.parametrize("heads, expected", [
    pytest.param("与人奋斗\n为足球拾遗\n排查整治隐患\n营造祥和氛围\n铁西区开展安全\n生产检查",
                 [("与人奋斗 为足球拾遗", None), ("排查整治隐患 营造祥和氛围", "铁西区开展安全生产检查")],
                 id="each_restates_its_own_text_only"),
])
def test_two_heads_printed_together_head_a_text_each(heads, expected):
    """The head of a text printed after it, just over the next text's head, with no blank between: each restates
    its own text and none of the other's, and the group is more than one headline holds (``TWO_HEADS_MIN_FIT``)."""
    result = segment_checked(ESSAY + "\n" + heads + "\n\n" + SAFETY)
    assert [(a.headline, a.subheadline) for a in result.articles] == expected


@pytest.mark.parametrize("head", ["图书馆活动丰富多彩", "图书馆里书香浓", "少儿读书节开幕"],
                         ids=["shares_words_with_both", "shares_fewer_words", "names_its_story"])
def test_story_with_nothing_above_it_takes_the_head_below_it(head):
    page = ("记者从市住建局获悉，今年全市\n老旧小区改造工程已全部完工。\n\n"
            "本报讯（记者 王芳）近日，市图\n书馆举办少儿读书节，吸引了上\n千名小读者参加，共借阅图书两\n万余册。\n\n"
            + head + "\n\n"
            "本报讯（通讯员 李强）日前，县\n图书馆开展送书下乡活动，为农\n家书屋送去图书五千余册。\n")
    result = segment_checked(page)
    assert [(a.headline, a.byline) for a in result.articles] == [
        (None, None), (head, "本报讯（记者 王芳）"), (None, "本报讯（通讯员 李强）")]


def test_orphan_after_a_jump_marker_takes_the_headline_printed_after_it():
    page = "（上接第三版）\n" + CONTINUED + "\n重点项目建设跑出加速度\n\n" + STORY_B + "\n" + HEAD_B
    result = segment_checked(page)
    by_head = heads(result)
    assert set(by_head) == {"重点项目建设跑出加速度", "书香润童心 阅读伴成长"}
    orphan = by_head["重点项目建设跑出加速度"]
    assert orphan.continued_from == "上接第三版"
    assert orphan.paragraphs[0].startswith("为确保项目按期投产")
    assert len(orphan.paragraphs) == 2
    assert by_head["书香润童心 阅读伴成长"].authors == ["李强", "赵磊"]


def test_on_a_lead_page_a_headline_between_a_section_and_a_story_heads_the_story():
    """The lead's head-less section shares more of the headline's words than the story under it, which takes it.

    On a lead's page head-less prose is most often one of the lead's scattered
    sections (``ORPHAN_ON_LEAD_PAGE_PENALTY``).
    """
    page = ("深化服务改革 解决群众难题\n——区政务服务局工作侧记\n\n本报通讯员 钱坤\n\n"
            "年初以来，区政务服务局持续深化“放管服”改革，为项目建设提速度、为经济发展添活力。\n\n"
            "区政务服务局深入贯彻营商环境\n建设会议部署，召开全区推进会，\n为全区经济发展提供有力支撑，\n"
            "打造一流营商环境。\n\n"
            "项目建设提速\n经济发展添劲\n本报讯（记者 谢雨欣）８月１０日，\n全市举行重点项目集中开工仪\n"
            "式，十二个项目总投资四十六亿\n元，项目建设涵盖新能源、现代\n物流等领域。\n")
    result = segment_checked(page)
    story = heads(result)["项目建设提速 经济发展添劲"]
    assert story.authors == ["谢雨欣"]
    assert story.paragraphs[0].startswith("8月10日，全市举行")
    (feature,) = by_kind(result, "feature")
    assert any(p.startswith("区政务服务局深入贯彻") for p in feature.paragraphs)


def test_on_a_lead_page_text_signed_by_an_author_note_takes_the_one_line_head_above_it():
    """Orphan text closed by its own author note is an essay, not the lead's section: its head is a headline."""
    page = (LEAD + "\n加强党的政治建设不能有半点含糊\n\n党的十九大报告强调新时代党的建设要以党\n的政治建设为统领，"
            "把党的政治建设摆在首\n位，在态度上不能有半点含糊。\n（作者为山东大学教授）\n")
    result = segment_checked(page)
    essay = heads(result)["加强党的政治建设不能有半点含糊"]
    assert essay.paragraphs[-1] == "（作者为山东大学教授）"


def test_a_signed_text_with_no_headline_takes_the_heading_lines_after_it():
    """A byline with nothing above it leaves its text headless: the heads after that text are its own.

    The story under the heads has its own headline after its body, as the
    page prints them; both texts share the headline's words alike.
    """
    page = ("本报记者 袁媛\n\n入冬以来，全市中小学利用操场浇\n筑冰场，开设滑冰课程，冰雪课程\n"
            "走进校园，学生快乐体验滑冰。\n\n冰雪运动进校园\n快乐体验促健康\n\n"
            "本报讯（通讯员 胡斌）日前，全市\n冰雪运动季开幕，市民快乐参加冰\n雪运动，体验冰雪，健康意识增强。\n\n"
            "全民健身热\n赛场展风采\n")
    result = segment_checked(page)
    essay = heads(result)["冰雪运动进校园 快乐体验促健康"]
    assert essay.authors == ["袁媛"]
    assert heads(result)["全民健身热 赛场展风采"].authors == ["胡斌"]


def test_a_crosshead_drawn_twice_heads_the_section_after_it_not_the_text_above():
    """Between a headless signed text and a feature's section, the doubled line stays the section's crosshead."""
    page = ("提升政务服务水平 助力高质量发展\n——县政数局工作综述\n\n本报通讯员 吴禹浩\n\n"
            "今年以来，县政数局持续深化改革，政务服务水平不断提升，群众办事更加便捷。\n\n"
            "全媒体记者 张馨月\n\n近日，区政务服务中心推行企业开\n办一窗通办服务模式，企业开办时\n间压缩至一个工作日以内。\n\n"
            "深化放管服改革  跑出审批加速度\n\n政务服务水平不断提升政务服务水平不断提升\n\n"
            "全县依申请政务服务事项进驻比例\n达九成，政务服务中心设置自助服\n务区，群众办事更加便捷高效。\n")
    result = segment_checked(page)
    report = heads(result)["深化放管服改革 跑出审批加速度"]
    assert report.authors == ["张馨月"]
    assert report.subheadline is None and "政务服务水平不断提升" not in report.crossheads
    (feature,) = by_kind(result, "feature")
    assert "政务服务水平不断提升" in feature.crossheads


def test_a_text_headed_from_above_leaves_the_heading_lines_after_it_to_the_next_story():
    """A signed text whose own heads stand straight above it does not take the couplet after it.

    The couplet shares words with each text (服务, 贴心 with the first, 义诊
    with the second); the subject line under it restates the second. Given to
    the first text, the couplet would leave its own heads above it to be
    read as crossheads.
    """
    page = ("深化改革 跑出审批加速度\n城区企业开办实现一日办结\n\n"
            "近日，城区政务服务中心推行企业开办\n一窗通办模式，将执照办理、税务登记\n"
            "等环节整合到一个窗口，企业开办时间\n由原来的三天缩短至一天，服务更加贴\n心。\n"
            "（记者 蒋睿）\n\n"
            "健康义诊进乡村 贴心服务暖人心\n\n东丰县开展健康下乡义诊活动\n\n"
            "本报讯（通讯员 胡斌）近日，东丰县卫生\n健康局组织医务人员走进乡镇开展健康\n"
            "下乡义诊活动，为群众提供免费健康咨\n询和常见病诊疗，义诊活动受到欢迎。\n")
    result = segment_checked(page)
    first = heads(result)["深化改革 跑出审批加速度"]
    assert first.subheadline == "城区企业开办实现一日办结" and first.authors == ["蒋睿"]
    second = heads(result)["健康义诊进乡村 贴心服务暖人心"]
    assert second.subheadline == "东丰县开展健康下乡义诊活动" and second.authors == ["胡斌"]


def test_crosshead_straight_above_its_text_and_full_line_before_a_column_break():
    page = ("深化服务改革 解决群众难题\n——区政务服务局工作侧记\n\n本报通讯员 金鑫\n\n"
            "年初以来，区政务服务局持续深化改革，全力推进营商环境建设。\n\n"
            "审批服务持续提速\n区政务服务局深化审批改革，全\n区办件时限压缩一半。\n\n"
            "全局党员紧紧围绕深入学习\n\n贯彻党的二十大精神，组织\n党员干部深化改革，优化营\n商环境。\n")
    (feature,) = segment_page(page).articles
    assert feature.kind == "feature"
    assert feature.crossheads == ["审批服务持续提速"]
    assert feature.paragraphs[-1] == "全局党员紧紧围绕深入学习贯彻党的二十大精神，组织党员干部深化改革，优化营商环境。"


def test_a_crosshead_after_text_cut_mid_sentence_still_heads_its_section():
    """A crosshead is no box: after a cut sentence (its tail moved away) it heads the section under it."""
    page = (LEAD + "\n优化政务审批服务\n\n压缩办理时限提升审批效率。按照省市\n营商环境大会精神，结合全市压缩政务审批\n"
            "时间的最低要求，积极组织全区相关部门，\n继续优化政务审批工作流程，压缩审批时\n"
            "限，通过专业考试选拔的方式初筛了一批综\n合素质高、业务能力强，接受新鲜事物快的\n\n"
            "强化政府网站和政务公开工作\n\n"
            "紧紧围绕区委、区政府中心工作，着力强化\n正面宣传、信息发布、互动回应等网站功\n能。统筹推进政务新媒体健康有序发展。常态化\n做好政务新媒体管理工作。\n")
    result = segment_checked(page)
    (feature,) = by_kind(result, "feature")
    assert "强化政府网站和政务公开工作" in feature.crossheads
    assert any(p.startswith("紧紧围绕区委") for p in feature.paragraphs)


LIBRARY = """市图书馆近日推出夜间开放服务，
每晚延长开放至九点，方便上班
族读者借阅图书。
"""


def test_a_letterspaced_head_is_read_as_its_words():
    """``二 期 厂 房 主 体 封 顶`` printed after the text it restates heads that text, not the text after it."""
    page = CONTINUED + "\n二 期 厂 房 主 体 封 顶\n\n" + LIBRARY
    result = segment_checked(page)
    article = heads(result)["二期厂房主体封顶"]
    assert article.paragraphs[0].startswith("为确保项目按期投产")


def _scorer(page):
    from banmian.tasks.text.lines import classify_page
    from banmian.tasks.text.segment.assignment import HeadScorer
    from banmian.tasks.text.segment.reader import read_units
    return HeadScorer.of(read_units(classify_page(page)))


@pytest.mark.parametrize("above, split_allowed", [
    pytest.param(LIBRARY, False, id="upper_part_restates_nothing_above"),
    pytest.param("县图书馆近日举办少儿读书节，\n书香润童心，吸引了上千名小\n读者参加。\n", True,
                 id="upper_part_restates_the_text_above"),
])
def test_a_group_is_cut_between_two_texts_only_on_evidence(above, split_allowed):
    """Two headlines cut from one group must each share words with the text they head (``SPLIT_MIN_FIT``)."""
    scorer = _scorer(above + "\n书香润童心\n\n全市开展冬季安全生产大检查\n\n" + STORY_A)
    assert (scorer.split_score(0, 1) is not None) == split_allowed


def test_a_decision_keeps_its_runner_up():
    """Each group's decision keeps its best and second-best scores: how close it was."""
    from banmian.tasks.text.segment.assignment import assign_heads
    from banmian.tasks.text.lines import classify_page
    from banmian.tasks.text.segment.reader import read_units
    page = read_units(classify_page(STORY_A + "\n" + HEAD_A + "\n" + STORY_B))
    scorer = _scorer(STORY_A + "\n" + HEAD_A + "\n" + STORY_B)
    while (decision := scorer.best_decision()) is not None:
        scorer.decided(decision[0], set())
    (decision,) = scorer.decisions.values()
    assert decision.split == 3 and decision.runner_up is not None and decision.margin > 0
    assert assign_heads(page) == []


@pytest.mark.parametrize("wrapped, headline", [
    # a headline wrapped at a narrow measure onto six lines over its story: one phrase, the story's headline
    (["中国常驻", "联合国代", "表秦华孙", "说我多边", "外交赢得", "广泛好评"], "中国常驻联合国代表秦华孙说我多边外交赢得广泛好评"),
    (["阿联酋", "呼吁欧", "佩克成", "员恪守", "配额"], "阿联酋呼吁欧佩克成员恪守配额"),
])
def test_a_story_takes_a_headline_wrapped_onto_more_lines_than_a_head_has(wrapped, headline):
    page = RENOVATION + "\n" + "\n".join(wrapped) + "\n\n" + HEATING
    by_head = heads(segment_checked(page))
    assert by_head[headline].byline == "本报讯（记者 王芳）"


LANTERN = """本报讯（记者 王芳）元宵节前夕，
市文化馆在人民公园举办灯会，
二百多盏花灯装点园区，吸引市
民游客前来赏灯猜谜。
"""

TRAIN = """新华社记者 李强
春运期间，铁路部门加开临时旅
客列车，方便旅客返乡过年。
"""


@pytest.mark.parametrize("first_block, above_headline, lead_headline", [
    # a head printed after its body, set apart over the next article's head and byline: it heads the text above
    pytest.param("花灯装点公园", "花灯装点公园", "春运加开临时列车", id="head_after_its_text"),
    # a kicker set apart over the lead's headline stays the lead's kicker, whatever words it shares
    pytest.param("【灯会花灯】", None, "春运加开临时列车", id="bracketed_kicker"),
    # lines that restate the lead's text too are not the text above's (a banner over a page of essays)
    pytest.param("元宵灯会迎旅客", None, "元宵灯会迎旅客 春运加开临时列车", id="restates_the_lead_too"),
])
def test_a_leads_first_head_block_that_restates_the_text_above_heads_it(first_block, above_headline, lead_headline):
    """``assignment.give_heads_after_text``: a head printed after its text is not read into the next lead's headline."""
    page = LANTERN + first_block + "\n\n春运加开临时列车\n" + TRAIN
    result = segment_checked(page)
    assert [a.headline for a in result.articles] == [above_headline, lead_headline]


@pytest.mark.parametrize("top, headline", [
    # a banner set apart over a headline, restating none of the text: not its head (left over)
    pytest.param("学习贯彻十五大精神", "元宵灯会迎游客", id="banner_left_over"),
    # a couplet set apart over its subject line is the headline, however little it restates
    pytest.param("明确思路 笃行实干", "明确思路 笃行实干", id="couplet_kept"),
    # a kicker set apart stays the kicker
    pytest.param("【民生关注】", "元宵灯会迎游客", id="kicker_kept"),
])
def test_a_line_set_apart_over_a_headline_that_restates_nothing_is_not_its_head(top, headline):
    """``assignment._set_apart_unrelated``: the lines under it restate the text, it restates none."""
    result = segment_checked(top + "\n\n元宵灯会迎游客\n\n" + LANTERN)
    (article,) = result.articles
    assert article.headline == headline
    assert (top in [r.text for r in result.residue]) == (headline != top and not top.startswith("【"))


PHOTO_CAPTION = "江西临川市洋洲村的农民乐队在元旦\n这天为村民演出，深受群众欢迎。\n（新华社记者 宋振平 摄）\n\n"


@pytest.mark.parametrize("title, photo_title", [
    # a photo's title printed after its caption (pdftotext reads a title under the picture last) titles it
    pytest.param("农民乐队为群众义演", "农民乐队为群众义演", id="title_after_the_caption_restating_it"),
    # a line after a caption that names nothing it shows is no title of it (PHOTO_TITLE_AFTER_MIN_FIT)
    pytest.param("春节文艺活动丰富多彩", None, id="line_restating_nothing_of_the_caption"),
])
def test_a_photo_takes_a_title_printed_after_its_caption_that_restates_it(title, photo_title):
    page = PHOTO_CAPTION + title + "\n\n" + HEATING + "\n供热管网巡检全面展开\n"
    result = segment_checked(page)
    assert [(a.kind, a.headline) for a in result.articles] == [("photo", photo_title), ("news", "供热管网巡检全面展开")]


_OIL_STORY = ("本报北京1月10日讯（记者 冉永平）我国\n陆上石油工业在过去一年中取得重大\n成绩，全年发现一批新油气田，原油\n"
              "产量稳中有升，石油勘探开发告捷。\n吴邦国要求抓好改革攻坚和科技攻关，\n使油田开发水平再上新台阶。\n")
_NEXT_STORY = ("\n智力扶贫强素质\n\n本报济南1月3日电（记者 贾建舟）扶贫\n要扶志，更要扶智。滨州地区各级妇\n"
               "联开展智力扶贫活动，帮助农村妇女\n学习实用技术，增收致富。\n")


@pytest.mark.parametrize("head, headline", [
    # a narrow headline wrapped at its measure over five lines, printed after its story: whole, none left over
    ("我陆上石油勘\n探开发告捷吴\n邦国要求抓好\n改革攻坚和科\n技攻关\n", "我陆上石油勘探开发告捷吴邦国要求抓好改革攻坚和科技攻关"),
    ("我陆上石\n油勘探开\n发告捷吴\n邦国要求\n抓好改革\n攻坚和科\n技攻关\n", "我陆上石油勘探开发告捷吴邦国要求抓好改革攻坚和科技攻关"),
    # four lines or fewer were taken before
    ("我陆上石油勘探开\n发告捷吴邦国要求\n抓好改革攻坚和科\n技攻关\n", "我陆上石油勘探开发告捷吴邦国要求抓好改革攻坚和科技攻关"),
])
def test_a_narrow_headline_wrapped_over_many_lines_after_its_story_heads_it_whole(head, headline):
    result = segment_checked(_OIL_STORY + head + _NEXT_STORY)
    assert [a.headline for a in result.articles] == [headline, "智力扶贫强素质"]
    assert not result.residue
