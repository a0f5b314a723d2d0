"""Line kinds: what a line is by its own form, and by its neighbours on a page."""

import pytest

from banmian.tasks.text.lines import (
    _parted_by_a_gap,
    BULLET,
    BYLINE,
    DATELINE,
    FURNITURE,
    HEAD,
    HEADISH,
    NOTE_MAX_CHARS,
    PROSE,
    STRAY,
    classify_line,
    classify_page,
    ends_mid_phrase,
    ends_on_a_note,
    is_page_number_line,
)
from banmian.tasks.text.segment import segment_page
from tests.text.segment.stories import ESSAY_APART_BOX, ESSAY_BOXES, essay_page, essay_with_a_box_apart


def kinds(page, *texts):
    """The kind ``classify_page`` gives each of ``texts`` (whole, stripped lines of ``page``)."""
    by_text = {ln.text: ln.kind for ln in classify_page(page)}
    return [by_text[t] for t in texts]


@pytest.mark.parametrize("line, is_page_number", [
    ("第1版 社会民生", True),
    ("第十二版", True),
    ("第3版", True),
    ("7 理论", True),
    ("A3 要闻", True),
    ("第一线", False),
    ("132余幅作品集中展示了当", False),  # a caption line opening with a number
    ("2023年共接待游客", False),
])
def test_is_page_number_line(line, is_page_number):
    assert is_page_number_line(line) is is_page_number


@pytest.mark.parametrize("line, kind", [
    ("第1版 社会民生", FURNITURE),
    ("第十二版", FURNITURE),
    ("责任编辑：张三 版式：李四", FURNITURE),
    ("责任编辑 许诺  版式设计 黄磊", FURNITURE),  # no colons: only roles and names
    ("责任编辑 许 诺", FURNITURE),
    ("编辑部门召开会议", HEADISH),
    ("本 报 通 讯 员 聂 英 博", BYLINE),  # letterspaced 通 讯 员 is not a dateline's 讯
    ("本报通讯员 聂英博", BYLINE),
    ("132余幅作品集中展示了当", HEADISH),
    ("2011.5.24 星期二", FURNITURE),  # a date with points and its weekday
    ("２０１１．５．２４ 星期二", FURNITURE),
    ("2011.5.24", HEADISH),  # without its weekday, any number
    ("本版责编：刘东 邮箱：news@example.cn", FURNITURE),
    ("责任编辑 黄磊  美术编辑 佟春雨", FURNITURE),
    ("基层党建责任编辑：董伟 版式：林雨桐", FURNITURE),  # the section's name glued to the editors' line
    ("社会民生 本版编辑：谢雨欣", FURNITURE),
    ("基层党建 责任编辑 张贵剑  美术编辑 刘世昌", FURNITURE),
    ("报社编辑部召开会议", HEADISH),
    ("NEW SANMEN", FURNITURE),  # a running head in Latin capitals
    ("ＪＩＬＩＮ DAILY", FURNITURE),
    ("PEOPLE'S DAILY", FURNITURE),
    ("APEC", HEADISH),  # one word: a name
])
def test_classify_line(line, kind):
    assert classify_line(1, line).kind == kind


def test_page_number_and_name_alone_mid_page_is_furniture():
    page = ("本报讯（记者 王芳）近日，\n全市开展冬季安全生产大检\n查，排查整治隐患四十多项。\n\n"
            "7 理论\n\n"
            "检查组共出动人员二百余人\n次，整改到位三十余项。\n")
    assert kinds(page, "7 理论") == [FURNITURE]


def test_number_line_run_into_a_paragraph_is_text():
    page = ("本报讯（记者 王芳）日前，满载\n汽车配件的中欧班列从我市出发，\n"
            "15 天后抵达俄罗\n斯莫斯科，为企业节省运输时间。\n")
    assert classify_line(3, "15 天后抵达俄罗").kind == FURNITURE  # alone, it looks like one
    assert kinds(page, "15 天后抵达俄罗") == [PROSE]


@pytest.mark.parametrize("page, line, furniture", [
    # page furniture that pdftotext printed straight after a finished paragraph stays furniture
    ("接影响到企业集团的\n顺利发展。\n第4版 要闻\n\n", "第4版 要闻", True),
    ("顺利发展。\nNEW SANMEN\n本报讯（记者 王芳）今天，全市开展安全检查。\n", "NEW SANMEN", True),
    # a sentence runs through it: text
    ("会议在京召开，来自\nAPEC MEMBERS\n的代表出席。\n", "APEC MEMBERS", False),
    ("中欧班列从我市出发，\n15 天后抵达俄罗\n斯莫斯科。\n", "15 天后抵达俄罗", False),
    ("运输时间大大缩短。\n15 天后抵达俄罗\n斯莫斯科，为企业节省运输时间。\n", "15 天后抵达俄罗", False),
])
def test_page_furniture_is_text_only_where_a_sentence_runs_through_it(page, line, furniture):
    assert (kinds(page, line) == [FURNITURE]) is furniture


def test_caption_line_opening_with_a_number_is_text():
    page = "市书画作品展日前开幕，\n132余幅作品集中展示了当\n地书画爱好者的创作成果。\n\n本报通讯员 龙飞 摄\n"
    assert kinds(page, "132余幅作品集中展示了当") == [PROSE]


FEATURE_TOP = ("书香浸润机关 阅读点亮初心\n——市直机关推进书香机关建设纪实\n\n本报通讯员 金鑫\n\n"
               "今年以来，市直机关工委把全民阅读作为加强机关党建的重要抓手，推动读书活动走深走实。\n\n")


def test_indented_paragraph_start_cut_by_a_column_break_is_prose():
    page = (FEATURE_TOP + "读书活动紧紧围绕深入学习贯彻习近平\n\n"
            "新时代中国特色社会主义思想和党的二十大\n精神，组织党员干部开展读书分享会、经典\n"
            "诵读和主题征文等活动，营造了多读书、读\n好书的浓厚氛围。\n")
    assert kinds(page, "读书活动紧紧围绕深入学习贯彻习近平") == [PROSE]


def test_short_crosshead_over_a_column_with_an_indented_first_line_is_a_heading():
    page = (FEATURE_TOP + "机关职工书屋实现全面覆盖\n\n"
            "全市新建机关职工书屋六十个，\n配备各类图书三万余册，实现市直机\n"
            "关全覆盖。各单位还开设了线上读书\n专栏，方便干部随时随地阅读。\n")
    assert kinds(page, "机关职工书屋实现全面覆盖") == [HEAD]


def test_subject_line_wider_than_the_column_below_is_a_heading():
    page = ("特色产业兴\n乡村振兴路更宽\n靖宇县孤家子镇发展庭院经济带动农民增收\n"
            "走进靖宇县孤家子镇农户庭院，\n一排排大棚整齐排列，棚内的香菇长\n势喜人。近年来，孤家子镇因地制宜\n"
            "发展庭院经济，带动农民增收致富。\n")
    assert kinds(page, "特色产业兴", "乡村振兴路更宽", "靖宇县孤家子镇发展庭院经济带动农民增收") == [HEAD] * 3


def test_indented_first_line_straight_above_its_text_is_prose():
    """Only a line clearly shorter or clearly wider than the column below stands apart from it."""
    page = ("检查组共出动人员二百余人次。\n"
            "全市各地严格落实安全生产责任\n"  # 14 wide over a 16-wide column
            "制度，走进企业车间逐一排查设备运\n行情况，督促企业及时整改各类隐患。\n")
    assert kinds(page, "全市各地严格落实安全生产责任") == [PROSE]


def test_doubled_crosshead_ends_its_heading_run():
    page = ("优化营商环境 激发市场活力\n——市住建局深化审批改革工作侧记\n\n本报通讯员 金鑫\n\n"
            "今年以来，市住建局持续深化“放管服”改革，全力打造一流营商环境。\n\n"
            "工程建设项目审批制度改革不断完善工程建设项目审批制度改革不断完善\n"
            "全面推行工程建设项目并联审\n\n批，审批时限压缩至四十个工作\n日以内，企业办事更加便捷高效，\n")
    assert kinds(page, "工程建设项目审批制度改革不断完善工程建设项目审批制度改革不断完善",
                 "全面推行工程建设项目并联审") == [HEAD, PROSE]


def test_narrow_column_couplet_straight_above_an_indented_paragraph_is_a_heading():
    """In an 8-wide column a heading has no room to stand short; the indent under it gives it away."""
    page = ("会议强调，要加大招商引资力度。\n\n"
            "冰雪运动进校园\n快乐体验促健康\n入冬以来，公\n主岭市各中小学利\n用操场浇筑冰场，\n"
            "开设滑冰、冰壶、\n雪地足球等冰雪体\n育课程。\n")
    assert kinds(page, "冰雪运动进校园", "快乐体验促健康", "入冬以来，公") == [HEAD, HEAD, PROSE]


def test_paragraph_first_line_over_a_line_with_narrow_characters_is_prose():
    """ASCII letters and quotes measure narrow: such a line shows no indent, so the line above is text."""
    page = ("政府数字化水平不断提高\n\n"
            "县政数局组织各部门进行\n“四平备案”APP培训指导，并\n在前郭十二个卡口设置宣传展板，\n"
            "积极推广“四平备案”，累计备案车辆两万余次。\n")
    assert kinds(page, "县政数局组织各部门进行") == [PROSE]


def test_one_line_couplet_as_wide_as_an_indented_first_line_is_a_heading():
    """Two phrases parted by a gap are no paragraph's first line, however well they fit the column."""
    page = ("覆盖全市十六个乡镇。\n\n"
            " 特色产业兴 乡村振兴路更宽\n\n"
            "走进梨树县万发镇的农户庭院，\n一排排大棚整齐排列，棚内的香菇\n长势喜人。近年来，万发镇因地制\n"
            "宜发展庭院经济，引导农户种植。\n")
    assert kinds(page, "特色产业兴 乡村振兴路更宽") == [HEAD]


def test_heading_over_an_indented_paragraph_cut_by_a_column_break_is_a_heading():
    """The column that shows the indent may start after a column break (a blank line)."""
    page = ("王大爷高兴地说。\n\n"
            "不忘育人初心　共筑廉洁校园\n船营区中小学举行国旗下宣誓活动\n为了进一步加强师德师\n\n"
            "风建设，引导船营区教师自\n觉践行社会主义核心价值观\n和中华民族传统美德。\n")
    assert kinds(page, "不忘育人初心　共筑廉洁校园", "船营区中小学举行国旗下宣誓活动") == [HEAD, HEAD]


def test_subject_line_wider_than_a_column_that_goes_on_after_a_break_is_a_heading():
    """An essay's subject line over a stray character of its author's name, the column after a break."""
    page = ("为维护海权提供有力法律支撑\n\n建设海洋强国需完善海洋法律体系\n周\n\n"
            "我国是海洋大国，海岸线漫\n长，管辖海域广袤，海洋资源丰\n富，建设海洋强国意义重大。\n")
    assert kinds(page, "建设海洋强国需完善海洋法律体系") == [HEAD]


def test_title_over_a_stray_character_of_a_vertical_name_is_a_heading():
    """``叶``: the first character of an author's name set vertically, emitted under the title."""
    page = ("转化的战略安排。\n\n社会主要矛盾新变化与民族复兴新境界\n叶\n\n"
            "中国共产党人的初心和使命\n是为中国人民谋幸福、为中华民\n族谋复兴。如何谋？策略、路径、\n"
            "办法很多，关键是解决好社会主\n")
    assert kinds(page, "社会主要矛盾新变化与民族复兴新境界") == [HEAD]


def test_a_line_wider_than_a_paragraph_end_and_an_indent_is_not_a_heading():
    """``管占国说。`` and an indented first line show no column to be wider than."""
    page = ("好，这是我们优选\n的种子。”农安县\n\n喇嘛甸镇种粮大户\n管占国说。\n"
            "为优化选种购\n种方式，方便农民\n购种，该镇设立了\n")
    assert kinds(page, "喇嘛甸镇种粮大户") == [PROSE]


def test_a_line_is_not_measured_against_text_after_a_finished_sentence_and_a_break():
    """``徐强说。`` ends the paragraph: the heading lines after the blank show no column."""
    page = ("民的种子卖到全国各地。”\n吉林省富民种业销售经理\n徐强说。\n\n"
            "抢前抓早购良种\n备足种子保丰收\n\n梨树县种子市场热闹起来了\n")
    assert kinds(page, "吉林省富民种业销售经理") == [PROSE]


@pytest.mark.parametrize("first, second", [
    ("新华社成都5", "月3日电（记者 冯"),
    ("新华社北京 10", "月 12 日电（记者 于"),
    ("《城市晚报》", "讯（特派记者 叶舟）近日，"),
    ("新 华 社 开 罗 1", "月 8 日 电 记 者 王"),  # a letterspaced narrow column
])
def test_dateline_cut_early_in_a_narrow_column_opens_its_story(first, second):
    page = f"阅享新时代 奋进新征程\n\n{first}\n{second}\n博）为了进一步加\n强师德师风建设。\n"
    assert kinds(page, first) == [DATELINE]


_STORY_ENDS = "会 议 还 研 究 了\n下一步的工作。\n"


@pytest.mark.parametrize("first, rest, kind", [
    ("新 华 社 开 罗 1", "月 8 日 电 记 者 王\n平 报 道 ：埃 及 政\n府今天宣布，将\n", DATELINE),  # a wire dateline cut
    ("新 华 社 记 者 在", "开 罗 采 访 时 看\n到 ，当 地 居 民\n生活平稳。\n", PROSE),  # prose naming the agency
], ids=["cut-dateline", "agency-in-prose"])
def test_letterspaced_line_after_a_finished_story_opens_a_story_only_with_a_whole_dateline(first, rest, kind):
    """No heading between two stories: a wire dateline cut over two letterspaced lines opens the second."""
    assert kinds(f"{_STORY_ENDS}{first}\n{rest}", "下一步的工作。", first) == [PROSE, kind]


def test_indented_first_line_over_a_column_whose_second_line_has_quotes_is_prose():
    """Quotes measure narrow: the column is shown by two of the three lines under the break."""
    page = ("户。改造内容包括屋面防\n水、外墙保温等。\n\n"
            "为把好事办好，铁西区\n\n"
            "在改造前广泛征求居民意\n见，实行“一小区一方\n案”，并邀请居民代表全程\n参与工程质量监督。“楼道\n")
    assert kinds(page, "为把好事办好，铁西区") == [PROSE]


def test_photo_title_as_wide_as_the_indented_first_line_of_its_caption_is_a_heading():
    page = ("严肃问责。\n\n学做月饼迎中秋\n近日，松原市举\n办“我们的节日·中\n秋”主题活动，孩子\n"
            "们在老师的带领下学\n做月饼。\n本报记者 魏巍 摄\n")
    assert kinds(page, "学做月饼迎中秋", "近日，松原市举") == [HEAD, PROSE]


def test_an_indent_is_not_measured_against_letterspaced_lines():
    """Letterspaced lines measure wider than their column: a full line above them looks indented."""
    page = ("鼻子”，压实主体责任。\n全面意味着把从严治党落实到\n党的建设各方面。要以党的政治建\n"
            "设 为 统 领 ，全 面 推 进 党 的 政 治 建 设 、\n思 想 建 设 、组 织 建 设 、作 风 建 设 、纪 律\n")
    assert kinds(page, "全面意味着把从严治党落实到") == [PROSE]


def test_couplet_over_a_wider_subject_line_straight_above_text_is_a_heading():
    """Wrapped prose fills its column: two short lines over a much wider one are a heading."""
    page = ("向基层延伸。\n\n秋季森林防火\n筑牢生态屏障\n长白朝鲜族自治县全面进入秋季防火期\n"
            "从 10 月7日起，长白朝鲜族自治县全面进\n入秋季森林草原防火期。该县已组建专业扑火\n"
            "队伍 18支、半专业扑火队伍65支，储备各类扑\n火机具 3000余台（套）。\n")
    assert kinds(page, "秋季森林防火", "筑牢生态屏障") == [HEAD, HEAD]


def test_short_line_over_a_line_with_ascii_is_prose():
    page = ("此起彼伏。\n\n本次比赛分为\nU12、U14、 U16三个组\n别，赛期 8 天，共进行\n比赛96场。赛事的举办\n")
    assert kinds(page, "本次比赛分为") == [PROSE]


def test_column_under_a_wrapped_first_line_is_measured_on_lines_without_digits():
    """``22 个专项小组`` measures wider than the column: a full first line above it is no indent."""
    page = ("了群众办事“最后一公里”。\n\n营商环境不断优化\n\n重新调整了县营商环境建设\n领导小组成员，设立了开办企\n"
            "业、办理建筑许可、获得电力等\n22 个专项小组，制定并出台营商\n环境优化提升方案，进一步明确\n")
    assert kinds(page, "营商环境不断优化", "重新调整了县营商环境建设") == [HEAD, PROSE]


@pytest.mark.parametrize("line", ["者 闫立伟 通讯员 芦可欣)", "纪检组组长）", "中心研究员）"])
def test_line_closing_a_bracket_opened_above_is_not_heading_shaped(line):
    page = f"住着越来越舒心。”家住和平小区的王大爷高兴地说。(记\n\n{line}\n\n老旧小区改造 居民生活更舒心\n"
    assert kinds(page, line) == [PROSE]


@pytest.mark.parametrize("first", ["11 月17 日，铁", "8月16日，铁西", "５月４日，南关区站"])
def test_photo_title_over_a_caption_opening_with_a_date_is_a_heading(first):
    """Digits measure narrow, so no indent shows; a date and a comma open the caption all the same."""
    page = (f"严肃问责。\n\n法律服务进小区\n{first}\n西区人民法院诉讼\n服务中心的法官及\n干警走进社区开展\n"
            "法律咨询活动。\n本报记者 常青 摄\n")
    assert kinds(page, "法律服务进小区") == [HEAD]


def test_paragraph_start_cut_by_a_break_under_a_single_crosshead_is_prose():
    """A crosshead has no subject line: the indented line under it, cut by a column break, is its section's text."""
    page = ("６月系统上线以来，已通过线上\n办理业务一千余件。\n\n营商环境不断优化\n\n重新调整了县营商环境建设\n\n"
            "领导小组成员，设立了开办企业、\n办理建筑许可、获得电力等专项\n小组，制定并出台营商环境优化\n提升方案，进一步明确工作思路。\n")
    assert kinds(page, "营商环境不断优化", "重新调整了县营商环境建设") == [HEAD, PROSE]


def test_subject_line_under_a_two_line_headline_is_a_heading_however_it_fits():
    page = ("办理业务一千余件。\n\n营商环境不断优化\n服务效能持续提升\n\n重新调整了县营商环境建设\n\n"
            "领导小组成员，设立了开办企业、\n办理建筑许可、获得电力等专项\n小组，制定并出台营商环境优化\n提升方案，进一步明确工作思路。\n")
    assert kinds(page, "重新调整了县营商环境建设") == [HEAD]


def test_short_lines_closed_by_a_continued_to_marker_are_text():
    """A heading does not go on to another page: lines above （下转第4版） are the text that does."""
    page = ("声此起彼伏。\n\n本次巡演活动将\n持续到 10 月底，共计\n演出 48 场，覆盖全市\n（下转第4版）\n\n"
            "文化惠民进乡村 百姓乐享好时光\n")
    assert kinds(page, "本次巡演活动将", "持续到 10 月底，共计") == [PROSE, PROSE]


def test_a_headline_listing_with_enumeration_commas_among_heading_lines_is_a_heading():
    """``香港、澳门``: a headline may list; set apart among heading lines it is one of them."""
    page = ("向前进。\n\n法治与德治何以相得益彰\n\n“一国两制”是保持香港、澳门长期繁荣稳定的最佳制度\n\n"
            "为维护海权提供有力法律支撑\n\n我国是海洋大国，海岸线漫\n长，管辖海域广袤，海洋资源丰\n富，建设海洋强国意义重大。\n")
    assert kinds(page, "“一国两制”是保持香港、澳门长期繁荣稳定的最佳制度") == [HEAD]


def test_a_line_listing_with_enumeration_commas_cut_alone_by_column_breaks_is_prose():
    """Text cut alone by column breaks has text on a side: it stays prose."""
    page = ("项目建设有序推进，成效明显。此\n\n次集中开工的项目具有投资规模大、科技含量高\n\n"
            "带动能力强等特点，为全年经济\n发展奠定了坚实基础。\n")
    assert kinds(page, "次集中开工的项目具有投资规模大、科技含量高") == [PROSE]


def test_a_lone_character_between_breaks_is_a_stray_piece_of_a_name():
    """``江``: a vertical name's character set into a column is neither text nor heading."""
    page = "我国在关心海洋、认识海洋、经略\n\n江\n\n张济坤\n\n海洋方面已经积累了一定经验。\n"
    assert kinds(page, "江") == [STRAY]


@pytest.mark.parametrize("title", [["新时代：", "新时代", "：发展新方位 奋进新目标"], ["新时代", "：发展新方位 奋进新目标"]])
def test_a_title_split_at_its_colon_straight_above_a_byline_is_a_heading(title):
    """A line opening with a colon is no text (typesetting never opens a line with one): above a name, a title."""
    page = "2018 年 1 月 2 日 星期二\n\n" + "\n".join(title) + "\n陈曙光\n\n从现代化国家升级为现代化强国，意\n味着新目标不是建成一般意义上的社\n会主义现代化国家。\n"
    assert [ln.kind for ln in classify_page(page) if ln.text in title] == [HEAD] * len(title)


def test_a_line_closed_by_a_colon_in_text_above_a_byline_line_is_prose():
    """``中指出：`` ends a line as text does: no line of the run opens with the colon."""
    page = "习近平同志在党的十九大报告\n中指出：\n陈曙光\n\n从现代化国家升级为现代化强国。\n"
    assert kinds(page, "中指出：") == [PROSE]


@pytest.mark.parametrize("page, line, kind", [
    # a title naming its place or subject before a colon, set apart straight above the story's dateline
    ("城关镇：年货市场供应足\n\n本报讯（记者 王芳）春节临近，城关镇年货\n市场商品丰富，价格平稳。\n",
     "城关镇：年货市场供应足", HEAD),
    ("住房：《让教师安居》\n\n本报北京1月5日讯 记者孙立新报道：\n\n全面反映我县教职工住房建设成就\n的专题片近日播出。\n",
     "住房：《让教师安居》", HEAD),
    # at the page's top, the dateline straight under it (no break): letterspaced or not
    ("城 关 镇 ：年 货 市 场 供 应 足\n本 报 讯 （ 记 者 王 芳 ）春 节 临 近 ，城 关 镇\n年货市场商品丰富，价格平稳。\n",
     "城 关 镇 ：年 货 市 场 供 应 足", HEAD),
    ("全县工作会议召开。\n\n城关镇：年货市场供应足\n本报讯（记者 王芳）春节临近，城关镇年货\n市场商品丰富，价格平稳。\n",
     "城关镇：年货市场供应足", HEAD),
    # text straight above it (no break): a line of that text cut by the dateline's column
    ("今年以来，全镇干部群众\n城关镇：年货市场供应足\n本报讯（记者 王芳）春节临近，城关镇年货\n市场商品丰富，价格平稳。\n",
     "城关镇：年货市场供应足", PROSE),
    # the same line with no dateline under it, or a colon closing it, is text
    ("城关镇：年货市场供应足\n\n春节临近，城关镇年货市场商品丰富，\n价格平稳。\n", "城关镇：年货市场供应足", PROSE),
    ("会议指出：\n\n本报讯（记者 王芳）春节临近，城关镇年货\n市场商品丰富，价格平稳。\n",
     "会议指出：", PROSE),
])
def test_a_title_with_a_colon_straight_above_a_dateline_is_a_heading(page, line, kind):
    assert kinds(page, line) == [kind]


# --- letterspaced lines: justified text, or a heading set apart -----------------------------------


@pytest.mark.parametrize("page, line, kind", [
    # a justified first line of a paragraph, emitted letterspaced, measures short of what it prints
    ("会议强调，要加大招商引资力度。\n\n近 来 见 到 的 俄 罗 斯 朋 友\n也常提到明年是“虎年”。前两天还有\n"
     "一位朋友说，虎年将给大家带来好运。\n", "近 来 见 到 的 俄 罗 斯 朋 友", PROSE),
    ("会议强调，要加大招商引资力度。\n\n滨 州 地 区 妇 联 创 办 示 范\n小区初战告捷，当年参与的农户户均\n"
     "增收一千余元，带动周边村屯发展。\n", "滨 州 地 区 妇 联 创 办 示 范", PROSE),
    # a heading emitted letterspaced keeps its shape: a blank, a byline, a couplet's gap
    ("会议强调，要加大招商引资力度。\n\n深 化 服 务 改 革\n\n今年以来，市政务服务局持续深化改革，\n"
     "全力打造一流营商环境，群众办事更便捷。\n", "深 化 服 务 改 革", HEAD),
    ("会议强调，要加大招商引资力度。\n\n明 确 思 路    笃 行 实 干\n今年以来，市政务服务局持续深化改革，\n"
     "全力打造一流营商环境，群众办事更便捷。\n", "明 确 思 路    笃 行 实 干", HEAD),
])
def test_a_letterspaced_line_straight_above_text_is_justified_text_unless_it_shows_a_headings_form(page, line, kind):
    assert kinds(page, line) == [kind]


_CUT_TEXT = "吸取有益的东西。她收集了大量治疗男女不育症的药\n方，经过反复实践，找到了一整套中西医结合治疗男女\n"


@pytest.mark.parametrize("page, line, kind", [
    # a lone line far short of text cut mid-sentence, a break, then its story's byline or dateline: a headline
    (_CUT_TEXT + "摩托送餐风行开罗\n\n本报驻埃及记者 朱梦魁\n\n眼下，在开罗的大街小巷，送餐摩托越来越多。\n",
     "摩托送餐风行开罗", HEAD),
    (_CUT_TEXT + "农村客运班车能否加密\n\n本报讯（记者 王芳）春节临近，城关镇年货\n市场商品丰富，价格平稳。\n",
     "农村客运班车能否加密", HEAD),
    # the same line with no story opening under the break, or ending on a mark: the text's last line
    (_CUT_TEXT + "摩托送餐风行开罗\n\n眼下，在开罗的大街小巷，送餐摩托越来越多。\n", "摩托送餐风行开罗", PROSE),
    (_CUT_TEXT + "２６８……\n\n李明\n\n眼下，在开罗的大街小巷，送餐摩托越来越多。\n", "２６８……", PROSE),
])
def test_a_lone_line_over_a_story_opening_under_cut_text_is_a_headline(page, line, kind):
    assert kinds(page, line) == [kind]


@pytest.mark.parametrize("run", [
    "一 个 观 念 上 的 误 区 就 是",  # 就是 needs what it says
    "所等开展执法检查和",
    "该县已组建专业扑火队伍的",
])
def test_a_heading_shaped_run_whose_last_word_needs_what_follows_is_text(run):
    page = f"会议强调，要加大招商引资力度。\n\n{run}\n\n什么正儿八经的事情都不肯认真\n去做，这种现象必须加以纠正。\n"
    assert kinds(page, run) == [PROSE]


@pytest.mark.parametrize("text, mid_phrase", [
    ("所等开展执法检查和", True), ("始创于", True), ("一 个 观 念 上 的 误 区 就 是", True), ("对于", True),
    ("依然存在", False), ("实事求是", False), ("全面普及", False), ("春天来了", False), ("", False),
])
def test_ends_mid_phrase(text, mid_phrase):
    assert ends_mid_phrase(text) is mid_phrase


@pytest.mark.parametrize("page, line, kind", [
    # two phrases parted by a gap over a subject line and text as wide as it: the couplet is a heading
    ("会议强调，要加大招商引资力度。\n\n排查整治隐患 营造祥和氛围\n铁西区开展安全生产检查\n"
     "为确保全区春节期间安全生产形势\n稳定，区应急管理局组织开展检查。\n", "排查整治隐患 营造祥和氛围", HEAD),
])
def test_a_couplet_on_top_of_a_run_read_as_text_is_a_heading(page, line, kind):
    assert kinds(page, line) == [kind]


_UNDER_THE_COUPLET = "会议强调，要加大招商引资力度。\n\n开展安全检查 守护平安冬季\n"


@pytest.mark.parametrize("rest, under, kind", [
    # a subject line wrapped at its measure (cutting words) under the couplet, a break under it: the subject
    (["全市各区开展“消", "防安全”专项检查"], "\n\n近日，全市各区开展消防安全专项检查。\n", HEAD),
    # a sentence mark in it: the first lines of a paragraph
    (["全市各区开展“消", "防安全”检查，"], "\n\n近日，全市各区开展消防安全专项检查。\n", PROSE),
])
def test_the_wrapped_subject_line_under_a_couplet_on_top_is_a_heading(rest, under, kind):
    page = _UNDER_THE_COUPLET + "\n".join(rest) + under
    assert kinds(page, *rest) == [kind] * len(rest)


@pytest.mark.parametrize("text, parted", [
    ("排查整治隐患 营造祥和氛围", True),
    ("明 确 思 路    笃 行 实 干", True),
    ("２８％ ，运输时间", False),  # a mark, and a number's spacing, are no couplet's gap
    ("全面推向21 世纪的盛", False),
    ("通 过 学 理 论", False),
])
def test_parted_by_a_gap(text, parted):
    assert _parted_by_a_gap(text) is parted


# --- a quote the extractor set apart from its printed line -----------------------------------------

_ABOVE_A_QUOTE = "会议强调，要加大招商引资力度。\n\n全市农资门店货源充足，价格平稳，农\n户购买化肥种子都很方便，大家都说\n"
_TEXT_RUNS_ON = "二字来之不易，靠的是监管部门常年\n不懈的抽检，也靠商户守法经营。\n"
_PARAGRAPH_OPENS = "今年以来，监管部门常年不懈\n地抽检，商户也都守法经营，农资市\n场秩序持续向好，群众普遍都满意。\n"


@pytest.mark.parametrize("above, piece, under, kind", [
    # a quoted word that fills the column with the line above, full text going on under it: the line's end
    ("这是群众眼里的放心店铺。", "“放心”", _TEXT_RUNS_ON, PROSE),
    ("这是群众眼里的放心店铺。", '"放心"', _TEXT_RUNS_ON, PROSE),
    # an indented paragraph opens under it: a quoted heading over its text
    ("这是群众眼里的放心店铺。", "“放心”", _PARAGRAPH_OPENS, HEAD),
    # the line above ends a paragraph well short of the column: the piece ends no printed line
    ("农户都说很方便。", "“放心”", _TEXT_RUNS_ON, HEAD),
    # no quote: the extractor breaks a printed line at a quote, not at a plain word
    ("这是群众眼里的放心店铺。", "放心二字", _TEXT_RUNS_ON, HEAD),
])
def test_a_quoted_word_alone_that_fills_the_line_above_is_text(above, piece, under, kind):
    page = _ABOVE_A_QUOTE + above + "\n" + piece + "\n" + under
    assert kinds(page, piece) == [kind]


# --- a quote a paragraph's first line opens, broken off by the extractor ---------------------------

_AFTER_A_PARAGRAPH = "会议强调，要加大招商引资力度。\n全市农资门店货源充足，价格平稳，农\n户购买化肥种子都很方便。\n"


@pytest.mark.parametrize("piece, under, kind", [
    # the piece opens a quote the full line under it closes: the first line of a paragraph, broken apart
    ("“放心", "店 ”创 建 活 动 开 展 以 来 ，商 户 守 法 经\n营，群众普遍满意。\n", PROSE),
    ("《农资", "市场管理办法》施行以来，商户守法经\n营，群众普遍满意。\n", PROSE),
    # a quote closed within the piece, or one the line under it does not close: a heading may quote
    ("“放心店”创建见成效", "\n今年以来，商户守法经营，群众普遍\n满意。\n", HEAD),
    ("春耕备肥“放心", "\n今年以来，商户守法经营，群众普遍\n满意。\n", HEAD),
])
def test_a_piece_that_opens_a_quote_the_text_under_it_closes_is_text(piece, under, kind):
    page = _AFTER_A_PARAGRAPH + piece + "\n" + under
    assert kinds(page, piece) == [kind]


# --- crossheads in a series, boxed inside an essay -----------------------------------------------

@pytest.mark.parametrize("boxes, width, in_series", [
    # two boxes narrower than the column, repeating a phrase (把握乡村振兴的): an essay's crossheads
    (ESSAY_BOXES, 16, True),
    # boxes that repeat nothing are no series: a run of short lines may be text beside an inset
    ((["从产业发展把", "握增收的路子", "和门道"], ["从人才培养把", "握队伍建设的", "支撑点"]), 16, False),
    # boxes that repeat nothing but leave the same room for an ornament before their first line: a series' shape
    ((["从产业发展", "把握农民增收的", "着力点"], ["从人才培养", "把握队伍建设的", "支撑点"]), 16, True),
    # the room left, but the boxes' lines at other widths: no series
    ((["从产业发展", "把握农民增收的", "着力点"], ["从人才培养把", "握队伍建设的支撑", "点"]), 16, False),
    # a column as narrow as the boxes: the short lines are its text (a paragraph's indented first lines)
    (ESSAY_BOXES, 7, False),
])
def test_boxed_runs_that_repeat_a_phrase_are_a_series_of_crossheads(boxes, width, in_series):
    lines = {ln.text: ln for ln in classify_page(essay_page(boxes, width))}
    marked = [(lines[t].kind, lines[t].in_series) for box in boxes for t in box if t in lines]
    assert marked and all(m == ((HEAD, True) if in_series else (m[0], False)) for m in marked)


@pytest.mark.parametrize("box, in_series", [
    # a box between breaks, as wide line by line as the series' boxes and repeating their phrase: one of them
    (ESSAY_APART_BOX, True),
    # the same words at other widths: no box of the series (short lines between breaks may be any text)
    (["从生态保护把握乡", "村振兴的落脚点"], False),
    # the series' widths, but no phrase of theirs
    (["创新驱动发展", "的根本路径在", "哪里"], False),
])
def test_a_box_set_apart_in_the_shape_of_a_series_box_is_one_of_its_crossheads(box, in_series):
    lines = {ln.text: ln for ln in classify_page(essay_with_a_box_apart(box))}
    assert [lines[t].in_series for t in box] == [in_series] * len(box)


# --- headings wrapped at their measure -------------------------------------------------------------

_STORY_UNDER = "\n\n本报讯（记者 王芳）连日来，全市各地\n农资门店货源充足，价格平稳，农户\n购买化肥种子十分方便。\n"
_DATELINE_STRAIGHT_UNDER = "\n新华社北京1月5日电 记者王芳报道：\n全市农资门店货源充足，价格平稳。\n"
_TEXT_UNDER = "\n\n增长两成，农资门店货源充足，价格\n平稳，农户购买化肥种子十分方便。\n"


@pytest.mark.parametrize("run, under, kind", [
    # a narrow column wraps a headline where its measure falls, cutting a word; the last line stops short
    (["乡村学校图书", "室全部建成"], _STORY_UNDER, HEAD),
    (["全市冬储蔬菜供", "应保持稳定"], _STORY_UNDER, HEAD),
    (["全市冬储蔬", "菜供应量稳", "中有升"], _STORY_UNDER, HEAD),
    # no line stops short: a paragraph's lines cut off by breaks fill their column to the end
    (["全市冬储蔬菜供", "应量比去年同期"], _TEXT_UNDER, PROSE),
    # ... but text cut by a break goes on in text: over a dateline, a headline wrapped at a narrow measure
    (["城乡冬储蔬菜供", "应充足价格平稳"], _STORY_UNDER, HEAD),
    (["六县农资门", "店货源充足", "春耕备肥有"], _DATELINE_STRAIGHT_UNDER, HEAD),
    (["城乡冬储蔬菜供", "应充足价格平稳"], _TEXT_UNDER, PROSE),
    (["城乡冬储蔬菜供", "应充足价格平稳"], "\n\n——全市农资市场见闻\n\n春节临近，全市农资门店货源充足。\n", HEAD),
    # a narrow measure wraps a long headline onto more lines than a headline run holds elsewhere
    (["全市冬储", "蔬菜供应", "充足农资", "门店货源", "保持稳定"], _STORY_UNDER, HEAD),
    (["全市冬储", "蔬菜供应", "充足农资", "门店货源", "保持稳定"], _TEXT_UNDER, PROSE),
    # ... over any text, when it fills one measure and stops short with no sentence mark, as a wrapped head does
    (["全市冬储", "蔬菜供应", "充足农资", "门店货源", "丰富"], _TEXT_UNDER, HEAD),
    (["全市冬储", "蔬菜供应", "充足农资", "门店货源", "丰富"], _STORY_UNDER, HEAD),
    (["全市冬储", "蔬菜供应", "充足，农", "资门店货", "源足"], _TEXT_UNDER, PROSE),
    # two headlines stacked, each wrapped at its own measure, stop short once each
    (["全市冬储蔬菜", "供应保持稳定", "农资充足", "春耕备肥有序进", "行各地调运"], _TEXT_UNDER, HEAD),
    # ... letterspaced lines too: their spaces are justification's, no width
    (["全市冬储", "蔬 菜 供 应", "充 足 农 资", "门 店 货 源", "很 丰 富"], _TEXT_UNDER, HEAD),
    (["全市冬储", "蔬 菜 供 应", "充 足 ，农", "资 门 店 货", "源 足"], _TEXT_UNDER, PROSE),
    # a lone character that finishes the word the line above breaks, before a break, is the wrap's last piece
    (["本市三家工厂", "开展安全检"], "\n查\n\n增长两成，农资门店货源充足，价格\n平稳，农户购买化肥种子十分方便。\n", HEAD),
    # a first line short of the next fills no measure: an indent, as a paragraph's (or an essay's crosshead's)
    (["从工作标准把", "握全面从严治党永", "远在路上"], _TEXT_UNDER, PROSE),
])
def test_a_heading_wrapped_at_its_measure_is_a_heading_though_its_breaks_cut_words(run, under, kind):
    page = "会议强调，要加大招商引资力度。\n\n" + "\n".join(run) + under
    assert kinds(page, *run) == [kind] * len(run)


@pytest.mark.parametrize("run, expected", [
    # each headline of the stack wrapped at its own measure, each stopping short: headings
    (["全市冬储蔬菜", "供应保持稳定", "农资充足", "春耕备肥有序进", "行各地调运"], [HEAD] * 5),
    (["全市冬储蔬菜", "供应保持稳定", "农资充足", "春耕备肥有序进", "行各地调运", "农资门店", "充足"], [HEAD] * 7),
    # the second measure does not stop short: a paragraph opens (an indent) under a heading and runs on
    (["全市冬储蔬菜", "供应保持稳定", "农资充足", "春耕备肥有序进", "行各地抓紧调运"], [HEAD] * 2 + [PROSE] * 3),
])
def test_headlines_stacked_at_their_own_measures_are_headings_when_each_stops_short(run, expected):
    page = "会议强调，要加大招商引资力度。\n\n" + "\n".join(run) + _TEXT_UNDER
    assert kinds(page, *run) == expected


@pytest.mark.parametrize("heading, kind", [
    # under a headline (a couplet on two lines): its subject line, wrapped where its measure cuts words
    ("明确思路\n笃行实干", HEAD),
    # under a single crosshead: the first lines of its section's text, cut off by a break
    ("明确思路", PROSE),
])
def test_a_subject_line_wrapped_under_a_headline_is_a_heading_though_its_breaks_cut_words(heading, kind):
    run = ["本市召开", "2024年重点工作动", "员部署会"]
    page = "会议强调，要加大招商引资力度。\n\n" + heading + "\n\n" + "\n".join(run) + _TEXT_UNDER
    assert kinds(page, *run) == [kind] * len(run)


@pytest.mark.parametrize("subject, kind", [
    # the wider lines under the narrow ones stop short with no sentence mark: a subject line, no paragraph
    (["农资门店货源", "充足价格平稳", "有序"], HEAD),
    # they run on with a sentence mark: the narrow line is a paragraph's indented first line
    (["农资门店货源", "充足，价格平", "稳。"], PROSE),
])
def test_an_indent_in_a_heading_run_opens_no_paragraph_over_lines_that_stop_short(subject, kind):
    run = ["全市冬储", "蔬菜充足", *subject]
    page = "会议强调，要加大招商引资力度。\n\n" + "\n".join(run) + _STORY_UNDER
    assert kinds(page, *run[1:2]) == [kind]


@pytest.mark.parametrize("last, stub, kind", [
    ("开展安全检", "查", HEAD),  # 检|查: the heading's last character, wrapped alone (查 opens names too)
    ("开展安全检查", "周", BYLINE),  # finishes no word: a name set vertically under the heading (``_mark_vertical_names``)
])
def test_a_lone_character_under_a_heading_is_its_wrap_when_it_finishes_a_word(last, stub, kind):
    page = f"会议强调，要加大招商引资力度。\n\n本市三家工厂\n{last}\n{stub}\n\n增长两成，农资门店货源充足，价格\n平稳。\n"
    assert kinds(page, stub) == [kind]


@pytest.mark.parametrize("under, kind", [
    # straight above its story's dateline: a headline wrapped at its measure, its last character alone
    ("新华社北京1月5日电 记者王芳报道：\n全市农资门店货源充足，价格平稳。\n", HEAD),
    # straight above its text's indented first line
    ("全市农资门店货源充足，价格平\n稳，农户购买化肥种子十分方便，\n春耕备肥有序进行，各地抓紧组织\n调运。\n", HEAD),
])
def test_a_lone_character_that_finishes_the_word_above_ends_the_heading_whatever_stands_under_it(under, kind):
    run = ["本市三家工厂", "开展安全检", "查"]
    page = "会议强调，要加大招商引资力度。\n\n" + "\n".join(run) + "\n" + under
    assert kinds(page, *run) == [kind] * len(run)


def test_a_heading_ending_on_a_lone_character_stands_apart_from_the_next_heading_of_a_stack():
    """检|查: the wrap ends the first headline, whatever width the next one, straight under it, is set at."""
    run = ["本市三家工厂", "开展安全检", "查"]
    page = "会议强调，要加大招商引资力度。\n\n" + "\n".join(run) + "\n全市冬储" + _STORY_UNDER
    assert kinds(page, *run) == [HEAD] * len(run)


def test_no_word_runs_on_from_a_lone_character_that_finishes_the_word_above():
    """紊 ends 有条不紊: the tokenizer's 紊为 with the text's first character is no word running on."""
    run = ["班子换届", "有条不", "紊"]
    page = "会议强调，要加大招商引资力度。\n\n" + "\n".join(run) + "\n为减少夜间施工噪声扰民，本\n市执法局近日开展专项整治行动，\n各部门积极配合，效果明显。\n"
    assert kinds(page, *run) == [HEAD] * len(run)


#: A finished paragraph in a column of 16 characters: what a narrow measure is told from.
_WIDE_TEXT_ABOVE = "全市农资门店货源充足，价格平稳，农户\n购买化肥种子十分方便，春耕备肥有序进\n行，各地抓紧组织调运。\n\n"


@pytest.mark.parametrize("run, under, kind", [
    # a headline set in a narrow box under a finished wide text: its breaks cut words, it is still a heading
    (["港口一商", "住大厦发", "生大火已", "有三人受"], _TEXT_UNDER, HEAD),
    (["港口一商", "住大厦发", "生大火已", "有三人受", "伤"], _TEXT_UNDER, HEAD),
    # ... even over more lines than a heading run holds elsewhere
    (["全市冬储", "蔬菜供应", "充足农资", "门店货源", "保持稳定", "价格平稳"], _TEXT_UNDER, HEAD),
    # a first line short of the next fills no measure: an indent (an essay's crosshead set like text)
    (["为全市和平与", "发展作出新的重大", "贡献"], _TEXT_UNDER, PROSE),
])
def test_a_heading_wrapped_at_a_measure_far_narrower_than_the_text_above_is_a_heading(run, under, kind):
    page = _WIDE_TEXT_ABOVE + "\n".join(run) + under
    assert kinds(page, *run) == [kind] * len(run)


#: A finished paragraph in a column of 18 characters, with no break under it.
_WIDE_TEXT_STRAIGHT_ABOVE = "全市农资门店货源充足，价格平稳，农户\n购买化肥种子十分方便，春耕备肥有序进\n行，各地抓紧组织调运。\n"


@pytest.mark.parametrize("above, run, kind", [
    # wrapped at a measure under half the finished text's column straight above it: a headline in a narrow box
    (_WIDE_TEXT_STRAIGHT_ABOVE, ["港口一商", "住大厦发", "生大火已", "有三人受"], HEAD),
    # the text above runs on: its edge may cut it, it shows no column
    (_WIDE_TEXT_STRAIGHT_ABOVE.replace("调运。", "调运"), ["港口一商", "住大厦发", "生大火已", "有三人受"], PROSE),
])
def test_a_heading_boxed_straight_under_finished_text_is_a_heading_at_under_half_its_column(above, run, kind):
    page = above + "\n".join(run) + _TEXT_UNDER
    assert kinds(page, *run) == [kind] * len(run)


@pytest.mark.parametrize("end, kind", [
    ("行，各地抓紧组织调运。（王芳）", HEAD),  # a text ends on its credit: finished
    ("行，各地抓紧组织调运（记者", PROSE),  # a credit opened, not closed: the text runs on
])
def test_a_text_closed_by_its_bracketed_credit_is_finished_above_a_narrow_heading(end, kind):
    run = ["港口一商", "住大厦发", "生大火已", "有三人受", "伤后送医"]
    above = "全市农资门店货源充足，价格平稳，农户\n购买化肥种子十分方便，春耕备肥有序进\n" + end + "\n\n"
    page = above + "\n".join(run) + _TEXT_UNDER
    assert kinds(page, *run) == [kind] * len(run)


@pytest.mark.parametrize("text, note", [
    ("度的人民日报完成100.62%。（云宣新）", True),
    ("工作顺利。”（闻艺摘）", True),
    ("制度。（记者 王芳、李明）", True),                     # co-authors listed with 、
    ("正如他所说（见下图）", False),                        # no sentence end before it
    ("会议认为。（一、要坚持稳中求进，二、要深化改革）", False),  # a sentence mark inside: text, not a note
    ("全年完成。（" + "字" * (NOTE_MAX_CHARS + 1) + "）", False),
])
def test_ends_on_a_note(text, note):
    assert ends_on_a_note(text) is note


def test_lines_three_quarters_as_wide_as_the_text_above_are_text_cut_by_breaks():
    """No narrow box: longer than a heading run, they are a column of text cut off by breaks."""
    above = "全市农资门店货源充足，价格平稳，\n农户购买化肥种子十分方便，春耕备\n肥有序进行。\n\n"
    run = ["全市冬储蔬菜供应充足农资", "门店货源保持稳定价格平稳", "农户购买化肥种子十分方便", "春耕备肥有序进行各地抓紧",
           "组织调运化肥种子确保供应"]
    page = above + "\n".join(run) + _TEXT_UNDER
    assert kinds(page, *run) == [PROSE] * len(run)


@pytest.mark.parametrize("below, kind", [
    # the text under it opens a paragraph (an indent) in a column twice its measure: a headline over its story
    ("本市消防部门赶到现场后，迅\n速组织扑救，火势很快得到控制，伤\n者已送往医院救治，原因正在调查。\n", HEAD),
    # the text under it runs on at full width: no paragraph opens, the lines may be text cut by breaks
    ("迅速组织扑救，火势很快得到控制，\n伤者已送往医院救治，原因正在调\n查。\n", PROSE),
])
def test_a_narrow_run_after_unfinished_text_is_a_heading_only_over_a_paragraph_it_opens(below, kind):
    run = ["港口一商", "住大厦发", "生大火已", "有三人受", "伤后送医"]
    above = "全市农资门店货源充足，价格平稳，农户\n购买化肥种子十分方便，春耕备肥有序进\n行，各地抓紧组织调运（下转第２\n\n"
    assert kinds(above + "\n".join(run) + "\n\n" + below, *run) == [kind] * len(run)


# --- a kicker over a heading wrapped at a narrow measure ---------------------------------------------

_AFTER_A_STORY = "会议强调，要加大招商引资力度，全力\n推动经济社会高质量发展。\n"
_WRAPPED_HEAD = ["全市加快推进", "老旧小区改造", "惠及居民两万", "多户"]
_UNDER_THE_HEAD = "\n\n今年以来，全市加快推进老旧小区改造，惠\n及居民两万多户，群众普遍满意。\n"


@pytest.mark.parametrize("top, head, kind", [
    # a short phrase of its own over a heading wrapped at its measure, five lines in all: kicker and heading
    ("关注民生", _WRAPPED_HEAD, HEAD),
    ("一线见闻", _WRAPPED_HEAD, HEAD),
    # a short first line whose last word needs the next line: a paragraph's indented first line
    ("为群众与", _WRAPPED_HEAD, PROSE),
    # a short first line the break under it cuts a word of (推|进): an indented first line
    ("大力推", ["进老旧小区改", "造惠及居民两", "千余户"], PROSE),
])
def test_a_short_phrase_over_a_heading_wrapped_at_its_measure_is_its_kicker(top, head, kind):
    page = _AFTER_A_STORY + top + "\n" + "\n".join(head) + _UNDER_THE_HEAD
    assert kinds(page, top, *head) == [kind] * (1 + len(head))


# --- a ring (○) opens a brief only with its dateline --------------------------------------------------

_ABOVE_THE_RING = "会议强调，要加大招商引资力度。\n\n"


@pytest.mark.parametrize("ring, under, kind", [
    # a lead and a dateline within the brief's first lines: the ring is its bullet
    ("○中共代表团出访", "非洲三国 新华社北\n京1月5日电应执政党邀请，代表团今日离京。\n", BULLET),
    ("○ 本 报 讯 代 表 中 国 女 足 最 高 水", "平的第二届李宁杯超霸赛4日进行。\n", BULLET),
    # no dateline: a list's item inside a text, or a zero wrapped onto the line
    ("○坚持问题导向，着力解决群众", "急难愁盼问题；\n○坚持系统观念，统筹推进各项工作。\n", PROSE),
    ("○年，全市粮食总产量再创", "新高，农民收入稳步增长。\n", PROSE),
])
def test_a_ring_opens_a_brief_only_with_its_dateline(ring, under, kind):
    assert kinds(_ABOVE_THE_RING + ring + "\n" + under, ring) == [kind]


def test_a_ring_briefs_lead_is_its_headline():
    page = _ABOVE_THE_RING + "○王学贤被任命为驻南非大使　新\n华社北京1月6日电国家主席根据全国\n人大常委会的决定任命王学贤为大使。\n"
    brief = segment_page(page).articles[-1]
    assert (brief.headline, brief.byline) == ("王学贤被任命为驻南非大使", "新华社北京1月6日电")


# --- a heading under text closed by a bracketed note -----------------------------------------------

_HEAD_OVER_A_DATELINE = "李鹏会见\n日本建设\n大臣\n新华社北京1月8日电(记者\n于海生)国务院总理李鹏今\n天下午在人民大会堂会见\n日本建设大臣瓦力。\n"


@pytest.mark.parametrize("above, kind", [
    # a jump marker split over two lines closes the text above: the run over the dateline is a heading
    ("免东南亚出现的金融\n危 机 。（ 下 转 第 二\n版）\n", HEAD),
    # a credit note closing the text after its last sentence, whole on its line
    ("全面完善监督管理\n制度。（杨佑兴）\n", HEAD),
    # a note alone on its lines under a finished sentence, begun on the line above
    ("是威胁了人类自己。\n（题图图片由肯尼亚\n驻华使馆提供）\n", HEAD),
    # a bracket closing words of a sentence that has not ended: the text runs on into the run
    ("全市开展安全生产检\n查工作（记者\n王芳）\n", PROSE),
])
def test_a_run_under_text_closed_by_a_bracketed_note_stands_apart(above, kind):
    page = "会议强调，要加大招商引资力度。\n\n" + above + _HEAD_OVER_A_DATELINE
    assert kinds(page, "李鹏会见", "日本建设", "大臣") == [kind] * 3


@pytest.mark.parametrize("under, kind", [
    # a headline wrapped at a narrow measure stands over its author's byline, as over a dateline
    ("肖荻\n\n不久前，中央人民广播电台\n播出了一组新年特别节目。\n", HEAD),
    # text runs on under the same lines: they are its full lines
    ("不久前，中央人民广播电台\n播出了一组新年特别节目。\n", PROSE),
])
def test_a_headline_wrapped_at_a_narrow_measure_stands_over_a_byline(under, kind):
    page = "会议强调，要加大招商引资力度。\n\n北国有寒趣南\n疆闻花香各地\n群众喜庆元旦\n\n" + under
    assert kinds(page, "北国有寒趣南", "疆闻花香各地", "群众喜庆元旦") == [kind] * 3


@pytest.mark.parametrize("page, line, kind", [
    # a phrase opening with a surname, restated as a paragraph's run-in heading: no name
    ("国家大\n\n防风险\n\n严监管\n\n数据战略。\n\n的底线。\n严监管。金融业链条长，市场\n信息不对称。\n", "严监管", STRAY),
    # the same words closing a sentence's tail, with nothing after the full stop: a name still
    ("国家大\n\n严监管\n\n数据战略，由\n严监管。\n", "严监管", BYLINE),
    # the words in mid-paragraph (the text above goes on): a name still
    ("国家大\n\n严监管\n\n数据战略，由\n严监管。金融业链条长，市场\n信息不对称。\n", "严监管", BYLINE),
    # a short heading line echoing a run-in heading: set apart alike, no essay's crosshead
    ("国家大\n\n防风险\n\n严监管\n\n数据战略。\n\n的底线。\n防风险。当前，我国金融\n领域面临风险。\n", "防风险", STRAY),
    # a name no paragraph opens with
    ("国家大\n\n张济坤\n\n数据战略。金融业链条长，市场\n信息不对称。\n", "张济坤", BYLINE),
])
def test_a_bare_name_restated_as_a_paragraphs_run_in_heading_is_no_byline(page, line, kind):
    """``严监管``: a surname can open a phrase; a paragraph opening ``严监管。`` shows the line is its heading."""
    assert kinds(page, line) == [kind]


# --- a bare name read inside a headline wrapped at a narrow measure --------------------------------


_NARROW_STORY: str = "\n本报南京1月4日电（记者 龚永泉）每年年末，江苏省都要研究决定\n第二年着重抓的20多件实事。\n"


@pytest.mark.parametrize("page, line, kind", [
    # a piece of a narrow headline that opens with a surname, as wide as the heading lines over and under it
    ("澳门舆\n论发表\n社论评\n论中国\n成就斐\n然前程\n锦绣\n" + _NARROW_STORY, "成就斐", HEAD),
    ("江苏年\n初布置\n年中检\n查年底\n总结办\n" + _NARROW_STORY, "查年底", HEAD),
    # such a piece opening the run after a break, over a heading line as wide
    ("全县工作会议召开。\n\n江苏年\n初布置\n年中检\n" + _NARROW_STORY, "江苏年", HEAD),
    # an author's name under a title wrapped at its measure, a break or text under it, signs it; so does a name over
    # a shorter line (the rule's evidence is a measure filled on both sides: the tail case cost unread-b article_f1)
    ("全县工作会议召开。\n\n在全国语言\n文字工作会\n议上的讲话\n李岚清\n\n今天，我们召开全国语言文字工作会议，\n研究部署今后的工作。\n",
     "李岚清", BYLINE),
    # a name under a heading line as wide, text going on under it, is no piece of it
    ("全县工作会议召开。\n\n调整经济结构\n温家宝\n我们正处于世纪之交，经济结构调整\n是今后的重要任务。\n", "温家宝", BYLINE),
])
def test_a_bare_name_inside_a_narrow_headline_is_a_heading_line(page, line, kind):
    assert kinds(page, line) == [kind]


# --- a name-shaped piece that finishes the word the heading line above breaks ---------------------


_A_STORY = "新华社北京1月5日电 记者王芳报道：全市农资门店货源充足，价格平稳。\n"


@pytest.mark.parametrize("above, piece, below, kind", [
    ("集中资", "金保证", "重点加\n\n" + _A_STORY, HEAD),  # 资|金: a headline wrapped in a narrow column, its piece a name's shape
    ("引导文", "明施工", "营造宜\n\n" + _A_STORY, HEAD),  # 文|明
    ("营造祥", "和氛围", "——铁西区开展安全检查\n\n" + _A_STORY, HEAD),  # 祥|和, over the headline's subject line
    ("钱其琛会见陈", "方安生", "\n" + _A_STORY, HEAD),  # 陈|方安生, over a break and its story's dateline
    ("农民乐队新年为群众义演", "王芳", "营造宜\n\n" + _A_STORY, BYLINE),  # finishes no word: a name
    # a verb after no surname the dictionary knows: the headline's last words (代表|时指出), no name
    ("武警先进典型代表", "时指出", "用先进典型推动部队全面建设\n\n" + _A_STORY, HEAD),
    ("武警先进典型代表", "李振兴", "用先进典型推动部队全面建设\n\n" + _A_STORY, BYLINE),  # 李 / 振兴: a surname
    ("钱其琛会见陈", "方安生", "\n全市农资门店货源充足，价格平稳。\n", BYLINE),  # over a break and prose: left a byline
])
def test_a_name_shaped_piece_inside_a_heading_that_finishes_the_word_above_is_a_heading(above, piece, below, kind):
    page = f"会议强调，要加大招商引资力度。\n\n{above}\n{piece}\n{below}"
    assert kinds(page, piece) == [kind]


def test_a_headline_whose_last_piece_reads_as_a_name_heads_the_story_under_it():
    """钱其琛会见陈 / 方安生: read as a head and its byline, the two had no text and fell to residue."""
    r = segment_page("会议强调，要加大招商引资力度。\n\n钱其琛会见陈\n方安生\n\n新华社北京1月6日电（记者 方瑾）国务院副总理钱其琛"
                     "今天下午会见了来京访问的香港特别行政区政务司司长陈方安生。\n")
    assert [a.headline for a in r.articles] == [None, "钱其琛会见陈方安生"] and not r.residue


# --- the last line of text set narrow beside an inset ----------------------------------------------

_BESIDE_AN_INSET = ("要主动服从服务于中央工作大局，以政\n治纪律和政治规矩为尺子去衡量，坚决\n"
                    "确保党中央大政方针\n落实到位，维护党\n的团结统一。把“四\n种形态”作为强化监\n督的抓手。\n")
_RUNS_ON_FULL = "\n\n为全面从严治党提供政策和抓手，层层\n设防、防微杜渐，使党内监督具体化。\n"
_OPENS_SHORT = "\n\n全面从严治党提供政策和抓手，\n设防、防微杜渐，使党内监督具体化可操\n作，层层设防，防微杜渐，党内监督。\n"


@pytest.mark.parametrize("piece, under, kind", [
    # as wide as the narrow text above it, the text under the break running on at full width: its last line
    ("监督执纪“四种形态”", _RUNS_ON_FULL, PROSE),
    # far narrower than that text's lines: a heading under it
    ("四种形态", _RUNS_ON_FULL, HEAD),
    # the text under the break opens short, as a paragraph or a story does: a heading over it
    ("监督执纪“四种形态”", _OPENS_SHORT, HEAD),
])
def test_the_last_line_of_text_beside_an_inset_is_text(piece, under, kind):
    assert kinds(_BESIDE_AN_INSET + piece + under, piece) == [kind]
