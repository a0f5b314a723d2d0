"""Heading lines read as kicker / headline / subheadline."""

import pytest

from banmian.tasks.text.clean import display_width
from banmian.tasks.text.lexicon import bigram_set
from banmian.tasks.text.lines import Line, classify_page
from banmian.tasks.text.segment import is_feature_subtitle, parse_headline, segment_page
from banmian.tasks.text.segment.headlines import (body_words, heading_words, headline_blocks, headline_parts,
                                                  measure_phrases, runs_on_through_subtitle_wraps, subtitle_dashes)
from tests.text.segment.stories import STORY_A, segment_checked


def test_kicker_above_a_one_line_couplet():
    page = "【民生关注】\n\n中欧班列开行 开放通道更畅\n四平市中欧班列实现常态化运营\n\n" + STORY_A
    (article,) = segment_page(page).articles
    assert (article.kicker, article.headline, article.subheadline) == (
        "【民生关注】", "中欧班列开行 开放通道更畅", "四平市中欧班列实现常态化运营")


def test_one_line_couplet_is_not_paired_with_the_subject_line_under_it():
    """``送岗位进社区　助力稳就业`` is a whole couplet: the line under it, as wide, is its subject line."""
    page = ("送岗位进社区　助力稳就业\n舒兰市举办秋季人才招聘会\n\n" + STORY_A)
    (article,) = segment_page(page).articles
    assert (article.headline, article.subheadline) == ("送岗位进社区 助力稳就业", "舒兰市举办秋季人才招聘会")


def test_wrapped_line_pair_shaped_like_a_couplet_is_not_a_headline():
    page = ("纪检监察工作高质量发展\n——市纪委监委推进改革工作纪实\n\n本报通讯员 金鑫\n\n"
            "今年以来，市纪委监委坚持以改革精神推动工作创新，各项工作取得新成效。\n\n"
            "完善党和国家监\n督体系的历史性探索\n\n"
            "市纪委监委深化派驻机构改革，\n推动监督触角向基层延伸，构建\n起全覆盖的监督网络。\n")
    result = segment_checked(page)
    assert [a.headline for a in result.articles] == ["纪检监察工作高质量发展"]
    assert "完善党和国家监督体系的历史性探索" in "".join(result.articles[0].paragraphs)


def test_subject_line_wider_than_the_text_column_below_it_is_part_of_the_headline():
    page = ("特色产业兴\n乡村振兴路更宽\n靖宇县孤家子镇发展庭院经济带动农民增收\n"  # 19 wide, no blank below
            "走进靖宇县孤家子镇农户庭院，\n一排排大棚整齐排列，棚内的香菇长\n势喜人。近年来，孤家子镇因地制宜\n"
            "发展庭院经济，带动农民增收致富。\n\n今年，全镇种植户达三百余户，\n户均增收五千元以上。\n")
    result = segment_checked(page)
    (article,) = result.articles
    assert (article.headline, article.subheadline) == ("特色产业兴 乡村振兴路更宽", "靖宇县孤家子镇发展庭院经济带动农民增收")
    assert article.paragraphs == [
        "走进靖宇县孤家子镇农户庭院，一排排大棚整齐排列，棚内的香菇长势喜人。近年来，孤家子镇因地制宜发展庭院经济，带动农民增收致富。",
        "今年，全镇种植户达三百余户，户均增收五千元以上。",
    ]


@pytest.mark.parametrize("opening", ["近日,", "日前,", "今年以来,", "11月17日，"])
def test_a_subject_line_straight_above_text_that_opens_a_sentence_is_part_of_the_headline(opening):
    """A subject line an indent short of the text under it, with no blank between, is no paragraph's first line.

    A first line, unfinished, runs on into the line below; it cannot run on
    into a sentence that opens there. (The text's own first line holds an
    ASCII comma or digits, so its indent cannot be measured.)
    """
    page = ("深化放管服改革\n跑出审批加速度\n绿园区企业开办实现一日办结\n"
            f"{opening}绿园区政务服务中心正式推\n行企业开办一窗通办服务模式，将营业\n执照办理、公章刻制、税务登记等环节整\n"
            "合到一个窗口，企业开办时间由原来的\n四个工作日压缩至一个工作日以内。\n")
    result = segment_checked(page)
    (article,) = result.articles
    assert (article.headline, article.subheadline) == ("深化放管服改革 跑出审批加速度", "绿园区企业开办实现一日办结")
    assert article.paragraphs[0].startswith(opening.replace(",", "，"))


@pytest.mark.parametrize("title", [["新时代：", "新时代", "：发展新方位 奋进新目标"], ["新时代", "：发展新方位 奋进新目标"]])
def test_a_title_split_at_its_colon_is_one_headline_and_its_word_drawn_twice_is_left_out(title):
    page = ("\n".join(title) + "\n陈曙光\n\n从现代化国家升级为现代化强国，意\n味着新目标不是建成一般意义上的社\n"
            "会主义现代化国家。\n")
    result = segment_checked(page)
    (essay,) = result.articles
    assert (essay.headline, essay.authors) == ("新时代：发展新方位 奋进新目标", ["陈曙光"])


_ESSAY_TEXT = ("\n\n推进乡村全面振兴，关键在于激发农\n村内生动力，让广大农民在共建共享中\n"
               "有更多获得感。各地要因地制宜，久久为功。\n")


@pytest.mark.parametrize("heads, signature, kicker, headline, subheadline", [
    pytest.param("夯实农业农村发展根基\n\n以新理念引领乡村全面振兴\n", "王建华",
                 "夯实农业农村发展根基", "以新理念引领乡村全面振兴", None, id="kicker_over_a_signed_title"),
    pytest.param("学习贯彻全会精神\n\n夯实农业农村发展根基\n\n以新理念引领乡村全面振兴\n", "王",
                 "学习贯彻全会精神 夯实农业农村发展根基", "以新理念引领乡村全面振兴", None,
                 id="banner_and_kicker_over_a_title_signed_by_a_split_name"),
    pytest.param("夯实农业根基 引领乡村振兴\n\n全县推进农业农村现代化\n", "王建华",
                 None, "夯实农业根基 引领乡村振兴", "全县推进农业农村现代化", id="couplet_over_a_signed_subject_line"),
])
def test_a_title_signed_straight_beneath_by_its_author_stands_under_its_kicker(heads, signature, kicker, headline,
                                                                               subheadline):
    """An essay's title and its author's bare name are set as one block; a kicker stands apart above it.

    A couplet is a headline itself, whatever signs the line under it.
    """
    h = parse_headline(_heading_lines(heads + signature + "\n"))
    assert (h.kicker, h.headline, h.subheadline) == (kicker, headline, subheadline)


@pytest.mark.parametrize("heads", ["夯实农业农村发展根基\n\n以新理念引领乡村全面振兴\n",
                                   "全市召开常务会议\n\n研究部署冬春农业重点工作\n"])
def test_a_reporters_byline_under_a_subject_line_moves_no_line_to_the_kicker(heads):
    """A report's subject line is signed by its reporters: the lines read as they do unsigned."""
    def read(page):
        h = parse_headline(_heading_lines(page))
        return h.kicker, h.headline, h.subheadline
    assert read(heads + "本报记者 王建华\n") == read(heads)
    assert read(heads + "王建华\n")[0] is not None


@pytest.mark.parametrize("far_no, subheadline", [
    pytest.param(2, "县里召开农村工作会议部署明年重点任务", id="right_under_the_headline"),
    pytest.param(3, "县里召开农村工作会议部署明年重点任务", id="after_one_blank"),
    pytest.param(40, None, id="printed_elsewhere_on_the_page"),
])
def test_a_subject_line_is_set_right_under_its_headline(far_no, subheadline):
    """A heading line given to a text from elsewhere on the page (a section's crosshead) is no subject line."""
    lines = [Line(1, "以新理念引领乡村全面振兴", 12.0, "head"), Line(far_no, "县里召开农村工作会议部署明年重点任务", 18.0, "head")]
    h = parse_headline(lines)
    assert (h.headline, h.subheadline) == ("以新理念引领乡村全面振兴", subheadline)


def test_a_subject_line_wrapped_over_lines_counts_from_its_first_line():
    """The wrapped subject line is one line, numbered by its last piece: its first piece is what stands under."""
    h = parse_headline(_heading_lines("不忘初心   共筑校园\n\n全区中小学开展“廉\n洁文化进校园”主\n题活动\n"))
    assert (h.headline, h.subheadline) == ("不忘初心 共筑校园", "全区中小学开展“廉洁文化进校园”主题活动")


def _heading_lines(page):
    return [ln for ln in classify_page(page) if ln.kind != "blank"]


@pytest.mark.parametrize("page, kicker, headline, subheadline, extra", [
    pytest.param("阅享新时代\n奋进新征程\n铁西区民政局推进书香机关建设\n",
                 None, "阅享新时代 奋进新征程", "铁西区民政局推进书香机关建设", [], id="couplet_and_subject"),
    pytest.param("【民生关注】\n开展安全检查 守护平安冬季\n——全市排查整治安全隐患\n",
                 "【民生关注】", "开展安全检查 守护平安冬季", "全市排查整治安全隐患", [], id="bracketed_kicker_and_subtitle"),
    pytest.param("弘扬劳模精神\n全市表彰一百名劳动模范和先进工作者\n\n大会今日在市人民会堂隆重举行\n",
                 "弘扬劳模精神", "全市表彰一百名劳动模范和先进工作者", "大会今日在市人民会堂隆重举行", [],
                 id="three_lines_no_couplet_kicker_first"),
    pytest.param("绘就乡村振兴新画卷\n——东丰县推进乡村振兴工作综述\n——记东丰县乡村振兴工作\n",
                 None, "绘就乡村振兴新画卷", "东丰县推进乡村振兴工作综述", ["——记东丰县乡村振兴工作"],
                 id="second_subtitle_is_extra"),
    pytest.param("数字经济推动产业转型升级\n\n建设海洋强国需完善海洋法律体系\n\n为高质量发展注入新动能\n\n坚持创新驱动发展\n",
                 "数字经济推动产业转型升级", "建设海洋强国需完善海洋法律体系", "为高质量发展注入新动能",
                 ["坚持创新驱动发展"], id="more_lines_than_one_headline_takes"),
    pytest.param("基层走笔\n山区小学用上了新课桌椅\n", "基层走笔", "山区小学用上了新课桌椅", None, [],
                 id="short_line_over_a_wider_full_headline_is_its_kicker"),
    # a wider line opening with a feature's verb standing alone is the subject line, not a headline under a kicker
    pytest.param("华夏绝技惊悉尼\n记中国大马戏团访澳演出\n", None, "华夏绝技惊悉尼", "记中国大马戏团访澳演出", [],
                 id="feature_verb_opens_the_subject_line"),
    pytest.param("伟大的世界奇迹\n读长篇报告文学《世界沙漠第一路》\n", None, "伟大的世界奇迹", "读长篇报告文学《世界沙漠第一路》",
                 [], id="review_subject_line_under_its_title"),
    pytest.param("基层走笔\n读书节在山区小学隆重开幕\n", "基层走笔", "读书节在山区小学隆重开幕", None, [],
                 id="word_the_verb_starts_opens_a_headline"),
    pytest.param("秋收时节\n农机手忙\n", None, "秋收时节 农机手忙", None, [], id="two_short_lines_are_a_couplet"),
    # a shorter line set apart by a blank line is a subject line; straight under a line, it is that line's wrap
    pytest.param("全市秋粮收购工作全面展开\n\n收购价格稳中有升\n", None, "全市秋粮收购工作全面展开", "收购价格稳中有升", [],
                 id="full_headline_over_a_shorter_subject_line_set_apart"),
    pytest.param("全省冬季长跑比赛今天在长春\n举行千人参赛\n", None, "全省冬季长跑比赛今天在长春举行千人参赛", None, [],
                 id="shorter_line_straight_under_a_full_one_is_its_wrap"),
    pytest.param("全市秋粮收购工作全面展开\n各地收购价格稳中有升农民售粮积极\n", None, "全市秋粮收购工作全面展开",
                 "各地收购价格稳中有升农民售粮积极", [], id="wider_line_straight_under_a_headline_is_its_subject_line"),
    # lines shaped like a couplet's halves are one headline when the break cuts a word, else a couplet
    pytest.param("全市农产品交易\n会今日开幕\n", None, "全市农产品交易会今日开幕", None, [], id="break_cuts_a_word"),
    pytest.param("市图书馆新馆\n明日起开馆\n", None, "市图书馆新馆 明日起开馆", None, [], id="break_between_words"),
    # a paper's commentator under an editorial's title is as short as a couplet's half: it is the subheadline
    pytest.param("论狠抓落实\n 本报评论员\n", None, "论狠抓落实", "本报评论员", [], id="commentator_under_a_title"),
    pytest.param("论精心部署\n\n新华社特约评论员\n", None, "论精心部署", "新华社特约评论员", [], id="commentator_set_apart"),
    # a couplet whose halves each wrapped at one narrow measure: the same full line and tail printed twice
    pytest.param("强化职责\n担当\n筑牢安全\n防线\n", None, "强化职责担当 筑牢安全防线", None, [],
                 id="couplet_halves_wrapped_at_one_measure"),
    pytest.param("守护绿水\n青山\n建设美丽\n家园\n", None, "守护绿水青山 建设美丽家园", None, [],
                 id="couplet_halves_wrapped_where_no_word_is_cut"),
    # the second half printed again at the first's widths opens a phrase, though the dictionary reads a word
    # across the gap (初心|共筑): it goes on from no line above it
    pytest.param("不忘育人\n初心\n共筑廉洁\n校园\n", None, "不忘育人初心 共筑廉洁校园", None, [],
                 id="couplet_halves_wrapped_with_a_word_read_across_them"),
    pytest.param("不忘育人\n初心\n共筑廉洁\n校园\n铁西区中小学举行国\n旗下宣誓活动\n", None, "不忘育人初心 共筑廉洁校园",
                 "铁西区中小学举行国旗下宣誓活动", [], id="couplet_halves_wrapped_over_a_wrapped_subject_line"),
    # a subject line wrapped under a couplet is wider than the couplet's halves: not one measure
    pytest.param("强化职责\n筑牢防线\n双辽市辽东街做好安全\n生产工作\n", None, "强化职责 筑牢防线",
                 "双辽市辽东街做好安全生产工作", [], id="subject_wrapped_under_a_couplet"),
    # a line about as wide as a couplet's halves, over two set to one measure, is their kicker when a subject
    # line or subtitle closes the head
    pytest.param("新春走基层\n引导文明施工\n营造宜居环境\n铁西区执法局开展城区噪声污染专项整治\n", "新春走基层",
                 "引导文明施工 营造宜居环境", "铁西区执法局开展城区噪声污染专项整治", [], id="narrower_kicker_over_a_couplet"),
    pytest.param("民生实事面对面\n阅享新时代\n奋进新征程\n——铁西区民政局推进书香机关建设\n", "民生实事面对面",
                 "阅享新时代 奋进新征程", "铁西区民政局推进书香机关建设", [], id="wider_kicker_over_a_couplet"),
    # a name the dictionary reads whole as a person's (a pen name, a rare surname) under a title signs it
    pytest.param("十五大与马克思主义新发展学术研讨会\n\n丰子义\n", None, "十五大与马克思主义新发展学术研讨会", None, ["丰子义"],
                 id="rare_surname_under_a_title"),
    pytest.param("省委书记的\n菜单\n今哲\n", None, "省委书记的菜单", None, ["今哲"], id="pen_name_under_a_wrapped_title"),
    pytest.param("松花江上\n冰帆扬\n", None, "松花江上 冰帆扬", None, [], id="couplet_half_read_as_a_name"),
])
def test_parse_headline_reads_kicker_headline_and_subheadline(page, kicker, headline, subheadline, extra):
    h = parse_headline(_heading_lines(page))
    assert (h.kicker, h.headline, h.subheadline, [ln.text for ln in h.extra]) == (kicker, headline, subheadline, extra)


#: Subheadlines wrapped over lines, and lines that are no wrap: page -> (subheadline, lines left out).
SUBHEADLINE_WRAPS = {
    "subtitle_wrapped_over_three_lines": ("引导文明施工 营造宜居环境\n——铁西区执法局\n开展城区噪声污染\n专项整治\n",
                                          "铁西区执法局开展城区噪声污染专项整治", []),
    "line_after_a_blank_is_no_wrap": ("引导文明施工 营造宜居环境\n——铁西区执法局开展城区\n\n噪声污染专项整治\n",
                                      "铁西区执法局开展城区", ["噪声污染专项整治"]),
    "subject_line_wrapped_at_its_measure": ("优化营商环境\n搭建沟通平台\n铁西区委统战部区工商联召开民营\n企业家座谈会\n",
                                            "铁西区委统战部区工商联召开民营企业家座谈会", []),
    "line_under_a_short_subject_is_no_wrap": ("全市表彰一百名劳动模范和先进工作者\n大会今日隆重举行\n表彰大会\n", "表彰大会", []),
    # a couplet on one line shows no measure: the shorter last line under its subject line is the subject's tail
    "subject_wrapped_under_a_couplet_on_one_line": ("开展安全检查 守护平安冬季\n全市各区开展消防\n隐患排查\n",
                                                    "全市各区开展消防隐患排查", []),
    # the shorter line under the subject line is its wrap; the line as wide under that is none
    "two_lines_under_a_subject_are_no_tail": ("开展安全检查 守护平安冬季\n全市各区开展消防\n隐患排查\n冬季专刊\n",
                                               "全市各区开展消防隐患排查", ["冬季专刊"]),
    # a subject line short of its measure only by the digits that open the next line goes on over the lines
    # wrapped at that measure; a line under it wider by more is set to another measure
    "subject_wrapped_over_lines_at_its_measure": ("明确思路 笃行实干\n四平经开区召开\n2023年重点工作动\n员部署会\n",
                                                  "四平经开区召开2023年重点工作动员部署会", []),
    "lines_wrapped_at_a_wider_measure_are_no_wrap": ("明确思路 笃行实干\n四平经开区召开\n全省重点工作会议动\n员部署会\n",
                                                     "四平经开区召开", ["全省重点工作会议动", "员部署会"]),
    "signature_line_is_never_a_headline": ("王林 摄影\n抢前抓早购良种\n备足种子保丰收\n梨树县种子市场热闹起来了\n",
                                           "梨树县种子市场热闹起来了", ["王林 摄影"]),
    "boxed_name_is_never_a_headline": ("□朱梦魁\n抢前抓早购良种\n备足种子保丰收\n梨树县种子市场热闹起来了\n",
                                       "梨树县种子市场热闹起来了", ["□朱梦魁"]),
    "co_authors_names_are_never_a_headline": ("抢前抓早购良种\n备足种子保丰收\n梨树县种子市场热闹起来了\n尚绪谦 韩振军\n",
                                              "梨树县种子市场热闹起来了", ["尚绪谦 韩振军"]),
    "boxed_names_are_never_a_headline": ("“假种”坑农国法不容\n□ 李 彦 生 陈 爱 国\n", None, ["□ 李 彦 生 陈 爱 国"]),
    "boxed_pen_name_is_never_a_headline": ("省委书记的菜单\n□ 今 哲\n", None, ["□ 今 哲"]),
    "photo_credit_line_is_no_heading_line": ("王林 摄影报道\n抢前抓早购良种\n备足种子保丰收\n梨树县种子市场热闹起来了\n",
                                             "梨树县种子市场热闹起来了", []),
}


@pytest.mark.parametrize("case", SUBHEADLINE_WRAPS)
def test_a_subheadline_wrapped_over_lines_is_read_whole_and_a_signature_never(case):
    page, subheadline, extra = SUBHEADLINE_WRAPS[case]
    h = parse_headline(_heading_lines(page))
    assert (h.subheadline, [ln.text for ln in h.extra]) == (subheadline, extra)


def test_parse_headline_joins_a_title_split_at_its_colon_and_leaves_out_its_word_drawn_twice():
    lines = [Line(no, text, float(len(text)), "head") for no, text in enumerate(["新时代：", "新时代", "：发展新方位 奋进新目标"], 1)]
    h = parse_headline(lines)
    assert (h.headline, [ln.text for ln in h.extra]) == ("新时代：发展新方位 奋进新目标", ["新时代："])


@pytest.mark.parametrize("text, feature", [
    ("——船营区政务服务局工作侧记", True), ("——东丰县推进乡村振兴工作综述 ", True), ("——市直机关推进书香机关建设纪实", True),
    ("——靖宇县秋收工作进度过半", False), ("", False), (None, False),
])
def test_is_feature_subtitle(text, feature):
    assert is_feature_subtitle(text) is feature


@pytest.mark.parametrize("text, dashes", [("——区政务服务局工作侧记", "——"), ("── 工作侧记", "──"), ("区政务服务局工作侧记", "")])
def test_subtitle_dashes(text, dashes):
    assert subtitle_dashes(text) == dashes


@pytest.mark.parametrize("lines, words", [
    pytest.param(["明 确 思 路   笃 行 实 干"], "明确思路 笃行实干", id="letterspaced_couplet"),
    pytest.param(["通 过 学 理 论"], "通过学理论", id="letterspaced_line"),
    pytest.param(["抢前抓早购", "良种"], "抢前抓早购良种", id="wrapped_line_joined_as_printed"),
    pytest.param(["开展安全检查"], "开展安全检查", id="plain_line"),
])
def test_heading_words_read_letterspacing_as_words(lines, words):
    assert heading_words([Line(i, t, 6.0, "head") for i, t in enumerate(lines)]) == words


@pytest.mark.parametrize("body, words", [
    pytest.param("压 缩 办 理 时 限 ，提 升 效 率", "压缩办理时限，提升效率", id="letterspaced_line"),
    pytest.param("全市开展安全检查", "全市开展安全检查", id="plain"),
    pytest.param("每 年 1697 项 New York", "每年1697项New York", id="latin_words_keep_their_space"),
])
def test_body_words_read_letterspacing_as_words(body, words):
    assert body_words(body) == words


@pytest.mark.parametrize("texts, blocks", [
    pytest.param(["开展安全检查", "守护平安冬季", "全市排查整治安全隐患", "书香润童心", "阅读伴成长", "县图书馆举办少儿读书节"],
                 [3, 3], id="two_couplets_with_subject_lines"),
    pytest.param(["全市开展冬季安全生产大检查", "县图书馆举办少儿读书节"], [2], id="headline_and_subject"),
    pytest.param(["开展安全检查 守护平安冬季", "全市排查整治安全隐患", "书香润童心 阅读伴成长", "县图书馆举办少儿读书节"],
                 [2, 2], id="one_line_couplets_with_subject_lines"),
])
def test_headline_blocks_cut_a_cluster_into_headlines(texts, blocks):
    # one width and a blank line between each two: no line fills a measure with the lines next to it
    lines = [Line(2 * i, t, 6.0, "head") for i, t in enumerate(texts)]
    assert [len(b) for b in headline_blocks(lines)] == blocks


def _numbered(specs):
    return [Line(no, text, float(len(text.replace(" ", ""))), kind) for no, text, kind in specs]


@pytest.mark.parametrize("specs, blocks", [
    pytest.param([(1, "开展安全检查 守护平安冬季", "head"), (2, "书香润童心 阅读伴成长", "head"),
                  (3, "县图书馆举办少儿读书节活动", "head")],
                 [["开展安全检查 守护平安冬季"], ["书香润童心 阅读伴成长", "县图书馆举办少儿读书节活动"]],
                 id="second_couplet_on_one_line_opens_a_head"),
    pytest.param([(1, "开展安全检查 守护平安冬季", "head"), (2, "——全市排查整治", "subtitle"), (3, "安全隐患", "head"),
                  (5, "——县图书馆举办读书节", "subtitle")],
                 [["开展安全检查 守护平安冬季", "——全市排查整治", "安全隐患"], ["——县图书馆举办读书节"]],
                 id="second_subtitle_opens_a_head_after_the_first_ones_wrap"),
    pytest.param([(1, "开展安全检查 守护平安冬季", "head"), (2, "——全市排查整治安全隐患", "subtitle"),
                  (4, "县图书馆举办读书节", "head"), (5, "全县少年儿童踊跃参加阅读活动", "head")],
                 [["开展安全检查 守护平安冬季", "——全市排查整治安全隐患"], ["县图书馆举办读书节", "全县少年儿童踊跃参加阅读活动"]],
                 id="line_set_apart_after_a_subtitle_opens_a_head"),
])
def test_headline_blocks_open_a_head_at_a_second_main_headline_or_after_a_subtitle(specs, blocks):
    assert [[ln.text for ln in b] for b in headline_blocks(_numbered(specs))] == blocks


@pytest.mark.parametrize("run, headline", [
    # pieces of one headline wrapped at a narrow measure are read with no space between
    (["乡村学校图书", "室全部建成"], "乡村学校图书室全部建成"),
    (["全市冬储蔬", "菜供应量稳", "中有升"], "全市冬储蔬菜供应量稳中有升"),
    # full lines of one width and a shorter last line fill a measure even where no break cuts a word
    (["第九届全国", "农民运动会", "开幕"], "第九届全国农民运动会开幕"),
    (["全省冬季长跑比赛", "今天在长春市举行", "千人参赛"], "全省冬季长跑比赛今天在长春市举行千人参赛"),
    (["全 省 冬 季 长 跑 比 赛", "今天在长春市举行", "千人参赛"], "全省冬季长跑比赛今天在长春市举行千人参赛"),
    (["全县农民", "人均收入", "再创新高"], "全县农民人均收入再创新高"),
])
def test_a_headline_wrapped_at_its_measure_is_read_as_one_line(run, headline):
    page = ("会议强调，要加大招商引资力度。\n\n" + "\n".join(run)
            + "\n\n本报讯（记者 王芳）连日来，全市各地\n农资门店货源充足，价格平稳，农户\n购买化肥种子十分方便。\n")
    articles = segment_checked(page).articles
    assert [(a.headline, a.subheadline) for a in articles if a.headline] == [(headline, None)]


@pytest.mark.parametrize("run, kicker, headline", [
    # a column tag as wide as a narrow headline's measure is its kicker, no piece of the headline
    (["一线见闻", "加拿大发", "行虎年纪", "念币"], "一线见闻", "加拿大发行虎年纪念币"),
    (["聚焦两会", "越共发表", "八届四中", "全会决议"], "聚焦两会", "越共发表八届四中全会决议"),
    (["基层动态", "全县农民", "人均收入", "再创新高"], "基层动态", "全县农民人均收入再创新高"),
    # a first line in no column tag's form is the headline's first piece
    (["全县农民", "人均收入", "再创新高"], None, "全县农民人均收入再创新高"),
])
def test_a_column_tag_over_a_headline_wrapped_at_its_measure_is_its_kicker(run, kicker, headline):
    h = parse_headline([Line(i, t, float(len(t)), "head") for i, t in enumerate(run, 1)])
    assert (h.kicker, h.headline) == (kicker, headline)


@pytest.mark.parametrize("run, headline, subheadline", [
    # a headline's last word spaced out to fill its line is the headline going on, read unspaced
    ([("京郊电信", 4.0), ("扶 贫", 2.0)], "京郊电信扶贫", None),
    ([("蒲公英奖", 4.0), ("出 台", 2.0)], "蒲公英奖出台", None),
    # a couplet's halves each hold a phrase of their own
    ([("阅享新时代", 5.0), ("奋进新征程", 5.0)], "阅享新时代 奋进新征程", None),
    # a couplet on one line over a subject line keeps it as the subheadline
    ([("中欧班列开行 开放通道更畅", 13.0), ("全 市 外 贸 回 暖", 6.0)], "中欧班列开行 开放通道更畅", "全市外贸回暖"),
])
def test_a_word_spaced_out_under_a_headline_line_is_its_last_word(run, headline, subheadline):
    h = parse_headline([Line(i, t, w, "head") for i, (t, w) in enumerate(run, 1)])
    assert (h.headline, h.subheadline) == (headline, subheadline)


@pytest.mark.parametrize("run, headline", [
    # a line ending on a function word goes on in the next, though the two are shaped like a couplet's halves
    ([("二○○○年长城将", 8.0), ("竖立倒计时钟", 6.0)], "二○○○年长城将竖立倒计时钟"),
    ([("省长的", 3.0), ("问候", 2.0)], "省长的问候"),
    ([("本市将", 3.0), ("新建三所学校", 6.0)], "本市将新建三所学校"),
    # halves that end on a content word stay a couplet
    ([("不忘育人初心", 6.0), ("共筑廉洁校园", 6.0)], "不忘育人初心 共筑廉洁校园"),
])
def test_a_headline_line_ending_on_a_function_word_goes_on_in_the_next(run, headline):
    h = parse_headline([Line(i, t, w, "head") for i, (t, w) in enumerate(run, 1)])
    assert h.headline == headline


@pytest.mark.parametrize("run, kicker, headline, subheadline", [
    # a column tag over a wider line is its kicker, whether the two read as a couplet or a headline and its subject
    ([("经济观察", 4.0), ("天气趋势分析", 6.0)], "经济观察", "天气趋势分析", None),
    ([("经济观察", 4.0), ("企业改制要守法", 7.0)], "经济观察", "企业改制要守法", None),
    ([("聚焦两会", 4.0), ("代表委员热议民生", 8.0)], "聚焦两会", "代表委员热议民生", None),
    # a short line in no tag's form stays a couplet's half, or a headline over its subject line
    ([("春风送暖", 4.0), ("天气趋势分析", 6.0)], None, "春风送暖 天气趋势分析", None),
    ([("春风送暖", 4.0), ("企业改制要守法", 7.0)], None, "春风送暖", "企业改制要守法"),
])
def test_a_column_tag_over_a_wider_line_is_its_kicker(run, kicker, headline, subheadline):
    h = parse_headline([Line(i, t, w, "head") for i, (t, w) in enumerate(run, 1)])
    assert (h.kicker, h.headline, h.subheadline) == (kicker, headline, subheadline)


def test_a_couplet_over_a_longer_subject_line_fills_no_measure():
    lines = [Line(1, "春耕正当时", 5.0, "head"), Line(2, "备耕不停步", 5.0, "head"), Line(3, "全县农资储备量创新高", 10.0, "head")]
    h = parse_headline(lines)
    assert (h.headline, h.subheadline) == ("春耕正当时 备耕不停步", "全县农资储备量创新高")


def test_a_couplet_over_a_wrapped_subject_line_keeps_its_gap():
    lines = [Line(1, "春耕正当时", 5.0, "head"), Line(2, "备耕不停步", 5.0, "head"), Line(3, "全县农资储备", 6.0, "head"),
             Line(4, "量创新高", 4.0, "head")]
    h = parse_headline(lines)
    assert (h.headline, h.subheadline, h.extra) == ("春耕正当时 备耕不停步", "全县农资储备量创新高", [])


@pytest.mark.parametrize("specs, blocks", [
    pytest.param([(1, "阿联酋", "head"), (2, "呼吁欧", "head"), (3, "佩克成", "head"), (4, "员恪守", "head"), (5, "配额", "head")],
                 [["阿联酋", "呼吁欧", "佩克成", "员恪守", "配额"]], id="five_lines_of_one_measure_are_one_headline"),
    pytest.param([(1, "全市开展安全生产大检查", "head"), (3, "中国常驻", "head"), (4, "联合国代", "head"),
                  (5, "表秦华孙", "head"), (6, "说我多边", "head"), (7, "外交好评", "head")],
                 [["全市开展安全生产大检查"], ["中国常驻", "联合国代", "表秦华孙", "说我多边", "外交好评"]],
                 id="a_block_ends_before_a_phrase_it_cannot_take_whole"),
])
def test_headline_blocks_never_cut_a_phrase_wrapped_at_its_measure(specs, blocks):
    assert [[ln.text for ln in b] for b in headline_blocks(_numbered(specs))] == blocks


@pytest.mark.parametrize("run, kicker, headline, subheadline", [
    # one half letterspaced to the other's measure: the two are a couplet, not a kicker over a headline
    ([("优化营商环境", 6.0), ("搭 建 沟 通 平 台", 6.0), ("铁西区委统战部区工商联召开民营企业家座谈会", 21.0)],
     None, "优化营商环境 搭建沟通平台", "铁西区委统战部区工商联召开民营企业家座谈会"),
    ([("明 确 思 路", 4.0), ("笃行实干", 4.0), ("四平经开区召开2023年重点工作动员部署会", 19.5)],
     None, "明确思路 笃行实干", "四平经开区召开2023年重点工作动员部署会"),
    # ... nor a headline over its subject line
    ([("讲 究 方 法", 4.0), ("务求实效", 4.0)], None, "讲究方法 务求实效", None),
    # a wider line under a letterspaced headline says more: its subject line
    ([("展 现 本 土 模 特 的 风 采", 9.0), ("深圳机场集团公司吴建飞", 11.0)], None, "展现本土模特的风采", "深圳机场集团公司吴建飞"),
    # with no line spaced out, a short line over a wider full headline stays its kicker
    ([("基层走笔", 4.0), ("山区小学用上了新课桌椅", 11.0)], "基层走笔", "山区小学用上了新课桌椅", None),
])
def test_a_couplet_with_a_letterspaced_half_is_the_headline(run, kicker, headline, subheadline):
    h = parse_headline([Line(i, t, w, "head") for i, (t, w) in enumerate(run, 1)])
    assert (h.kicker, h.headline, h.subheadline) == (kicker, headline, subheadline)


@pytest.mark.parametrize("heads, text, headline", [
    pytest.param("中港集团中标吐乌大\n高等级公路项目\n", "中港集团在新疆吐乌大高等级公路交通工程项目的国际招标中中标。",
                 "中港集团中标吐乌大高等级公路项目", id="the_text_reads_across_the_break"),
    pytest.param("以色列外长\n宣布辞职\n", "以色列外长利维4日宣布，他决定辞职。", "以色列外长 宣布辞职",
                 id="no_evidence_couplet_shaped_stays"),
    pytest.param("送岗位进社区\n助力稳就业\n", "舒兰市举办秋季人才招聘会，送岗位进社区，助力稳就业。", "送岗位进社区 助力稳就业",
                 id="couplet_the_text_says_apart"),
    pytest.param("阅享新时代\n奋进新征程\n", "全体干部阅享新时代奋进新征程。", "阅享新时代 奋进新征程",
                 id="halves_as_wide_stay_a_couplet"),
])
def test_a_wrap_the_text_reads_across_is_one_phrase(heads, text, headline):
    """A shorter line under a headline line goes on with no space when the text prints the two characters the break
    parts; without that evidence, or with halves of one width, the lines stay a couplet's halves."""
    assert parse_headline(_heading_lines(heads), bigram_set(text)).headline == headline


@pytest.mark.parametrize("heads, headline", [
    pytest.param("维也纳新年音乐会\n为何经久不衰\n", "维也纳新年音乐会为何经久不衰", id="two_characters_shorter"),
    pytest.param("拥军办实事爱民献忠诚江西\n“双拥”工作常抓不懈\n", "拥军办实事爱民献忠诚江西“双拥”工作常抓不懈",
                 id="quotes_count_no_character"),
    pytest.param("1997大地震减少\n伤亡者增多\n", "1997大地震减少伤亡者增多", id="digits_count_half_a_character"),
    pytest.param("提升政务服务水平\n助力高质量发展\n", "提升政务服务水平 助力高质量发展", id="one_shorter_stays_a_couplet"),
    pytest.param("深化“放管服”改革\n跑出审批加速度\n", "深化“放管服”改革 跑出审批加速度", id="as_many_characters_stays"),
    pytest.param("特色产业兴\n乡村振兴路更宽\n", "特色产业兴 乡村振兴路更宽", id="longer_second_half_stays"),
    # a couplet's halves each open a phrase: a second line opening with 的 or 在于 is the first going on
    pytest.param("省委书记\n的菜单\n", "省委书记的菜单", id="opens_with_a_particle"),
    pytest.param("专家指出脱贫\n在于改善生态\n", "专家指出脱贫在于改善生态", id="opens_with_zaiyu"),
    pytest.param("第三章政府\n的定价行为\n", "第三章政府的定价行为", id="halves_as_wide"),
    # a book's title alone is the phrase's subject, no couplet's half
    pytest.param("《怎样走向成功》\n揭示成功之道\n", "《怎样走向成功》揭示成功之道", id="title_over_what_it_does"),
    pytest.param("《学人文库》\n《当代文学》\n", "《学人文库》 《当代文学》", id="two_titles_stay"),
    pytest.param("祝愿祖国繁荣\n在京度佳节\n", "祝愿祖国繁荣 在京度佳节", id="opens_with_a_preposition_stays"),
])
def test_a_second_line_no_couplet_half_could_be_is_the_phrase_going_on(heads, headline):
    """No couplet's second half is two characters or more shorter than its first, nor opens with a word no phrase
    opens with: such a line is the first line's phrase wrapped, joined with no space."""
    assert parse_headline(_heading_lines(heads)).headline == headline


@pytest.mark.parametrize("texts, phrase", [
    pytest.param(["国 务", "院侨", "办发", "表新", "年贺", "词"], "国务院侨办发表新年贺词", id="first_piece_spaced_out"),
    pytest.param(["京郊电信", "扶 贫"], "京郊电信扶贫", id="last_piece_spaced_out"),
    pytest.param(["阿联酋", "呼吁欧", "佩克成"], "阿联酋呼吁欧佩克成", id="no_piece_spaced"),
])
def test_a_wrapped_phrase_reads_with_no_space_in_any_piece(texts, phrase):
    """A narrow measure spaces a piece's two characters apart to fill its line, the first piece's as any other's."""
    lines = [Line(i, t, float(len(t.replace(" ", ""))), "head") for i, t in enumerate(texts)]
    assert [ln.text for ln in measure_phrases(lines)] == [phrase]


@pytest.mark.parametrize("first, second, subtitle, couplet", [
    ("抢前抓早购良种", "备 足 种 子 保 丰 收", True, True),  # second half letterspaced to the first's measure: a pair
    ("抢前抓早购良种", "备 足 种 子 保 丰 收", False, True),  # alike with no ——subtitle under it
    ("抢前抓早购", "备 足 种 子 保 丰 收", True, False),  # spaced out wider than the line above: no half of it
    ("不 忘 育 人 初 心", "共筑廉洁校园", True, False),  # the first half letterspaced: read as before (kicker)
])
def test_a_half_letterspaced_to_its_first_halfs_measure_is_the_couplets_second_half(first, second, subtitle, couplet):
    lines = [Line(no, text, float(display_width(text.replace(" ", "")) / 2), "head")
             for no, text in ((1, first), (2, second))]
    if subtitle:
        lines.append(Line(3, "——梨树县种子市场热闹起来了", 14.0, "subtitle"))
    assert ([ln.text for ln in headline_parts(lines).headline] == [first, second]) is couplet


_COUPLET_OVER_WRAPPED_SUBTITLE = [(1, "优化营商环境", 6.0, "head"), (2, "搭建沟通平台", 6.0, "head"),
                                  (3, "——铁西区委统战部", 9.0, "subtitle"), (4, "区工商联召开民营企", 9.0, "head"),
                                  (5, "业家座谈会", 5.0, "head")]


@pytest.mark.parametrize("specs, blocks", [
    pytest.param(_COUPLET_OVER_WRAPPED_SUBTITLE, [5], id="subtitle_wrapped_twice_runs_past_the_limit"),
    pytest.param([(1, "营造宜", 3.0, "head"), (2, "居环境", 3.0, "head"), (3, "——铁西区执", 6.0, "subtitle"),
                  (4, "法局开展城区", 6.0, "head"), (5, "噪声污染专项", 6.0, "head"), (6, "整治", 2.0, "head")],
                 [6], id="subtitle_wrap_measure_less_its_hung_dashes"),
    pytest.param([(1, "优化营商环境", 6.0, "head"), (2, "搭建沟通平台", 6.0, "head"), (3, "——铁西区委统战部", 9.0, "subtitle"),
                  (4, "区工商联召开", 6.0, "head"), (5, "民营企业家座谈会", 8.0, "head")],
                 [4, 1], id="line_off_the_subtitle_measure_is_no_wrap"),
    pytest.param([(1, "优化营商环境", 6.0, "head"), (2, "搭建沟通平台", 6.0, "head"), (4, "——铁西区委统战部", 9.0, "subtitle"),
                  (5, "区工商联召开民营企", 9.0, "head"), (6, "业家座谈会", 5.0, "head")],
                 [3, 2], id="blank_line_inside_is_no_one_head"),
    pytest.param([(1, "——编者按语", 5.0, "subtitle"), (2, "《青藏手记》", 5.0, "head"), (3, "作者陈世旭谈", 5.0, "head"),
                  (4, "高原生活", 4.0, "head"), (5, "与写作", 3.0, "head")],
                 [1, 3, 1], id="subtitle_with_no_headline_above_takes_no_more"),
])
def test_a_head_runs_past_the_block_limit_only_through_its_subtitles_wrap(specs, blocks):
    lines = [Line(no, text, width, kind) for no, text, width, kind in specs]
    assert [len(b) for b in headline_blocks(lines)] == blocks


@pytest.mark.parametrize("specs, whole", [
    (_COUPLET_OVER_WRAPPED_SUBTITLE, True),
    (_COUPLET_OVER_WRAPPED_SUBTITLE[:3] + [(4, "区工商联召开", 6.0, "head"), (5, "民营企业家座谈会", 8.0, "head")], False),
])
def test_runs_on_through_subtitle_wraps(specs, whole):
    assert runs_on_through_subtitle_wraps([Line(no, text, width, kind) for no, text, width, kind in specs]) is whole


@pytest.mark.parametrize("specs, headline, subheadline", [
    pytest.param([(1, "难忘南极风", 5.0, "head"), (2, "雪夜", 2.0, "head"), (3, "——致中国科学院武", 9.0, "subtitle"),
                  (4, "汉分院副院长吕纯操", 9.0, "head")],
                 "难忘南极风雪夜", "致中国科学院武汉分院副院长吕纯操", id="subtitle_wrap_under_a_wrapped_headline"),
    pytest.param([(1, "科技花与军功章", 7.0, "head"), (2, "——记空军军医齐文明", 10.0, "subtitle"),
                  (4, "母子当选代表", 6.0, "head")],
                 "科技花与军功章", "记空军军医齐文明", id="another_head_under_the_subtitle"),
    pytest.param([(1, "阅享新时代", 5.0, "head"), (2, "奋进新征程", 5.0, "head"), (3, "——铁西区民政局推进书香机关建设", 16.0, "subtitle")],
                 "阅享新时代 奋进新征程", "铁西区民政局推进书香机关建设", id="couplet_above_its_subtitle_stays"),
])
def test_a_line_printed_under_the_subtitle_is_never_the_headlines_half(specs, headline, subheadline):
    """A couplet's second half stands above the ——subtitle: a heading line under it is the subtitle's wrap or
    another head, however couplet-shaped it is with the headline."""
    h = parse_headline([Line(no, text, width, kind) for no, text, width, kind in specs])
    assert (h.headline, h.subheadline) == (headline, subheadline)


@pytest.mark.parametrize("heads, headline, subheadline", [
    pytest.param("改革平稳发展\n’97财金大势回眸\n", "改革平稳发展", "’97财金大势回眸", id="genre_word_review"),
    pytest.param("山村换新貌\n扶贫队见闻\n", "山村换新貌", "扶贫队见闻", id="genre_word_sights"),
    pytest.param("阅享新时代\n奋进新征程\n", "阅享新时代 奋进新征程", None, id="couplet_naming_no_genre_stays"),
])
def test_a_second_line_naming_a_features_genre_is_the_subject_line(heads, headline, subheadline):
    """A couplet-shaped second line that ends on a feature's genre word (回眸, 见闻, 侧记 …) names what the text is:
    the subheadline, not the couplet's second half."""
    h = parse_headline(_heading_lines(heads))
    assert (h.headline, h.subheadline) == (headline, subheadline)


@pytest.mark.parametrize("heads, headline, subheadline", [
    pytest.param("实现农业和农村经济持续稳定发展\n农业部部长刘江\n", "实现农业和农村经济持续稳定发展", "农业部部长刘江",
                 id="minister_under_a_wider_headline"),
    pytest.param("坚定信心稳步前进的财政工作\n财政部部长刘仲藜\n", "坚定信心稳步前进的财政工作", "财政部部长刘仲藜",
                 id="minister_three_character_name"),
    pytest.param("维也纳新年音乐会\n为何经久不衰\n", "维也纳新年音乐会为何经久不衰", None, id="no_official_still_wraps"),
])
def test_a_line_naming_an_official_is_the_subject_line_not_the_headline_going_on(heads, headline, subheadline):
    """A shorter line under a headline that ends on an official's title and name signs an address: the subheadline,
    never the headline's wrap."""
    h = parse_headline(_heading_lines(heads))
    assert (h.headline, h.subheadline) == (headline, subheadline)


@pytest.mark.parametrize("heads, kicker, headline", [
    pytest.param("民生实事面对面\n第七章附则\n", "民生实事面对面", "第七章附则", id="tag_over_a_narrower_line"),
    pytest.param("经济观察\n天气趋势分析\n", "经济观察", "天气趋势分析", id="tag_over_a_wider_line"),
    pytest.param("改革开放新篇章\n第七章附则\n", None, "改革开放新篇章第七章附则", id="no_tag_stays_one_headline"),
])
def test_a_column_tag_over_a_two_line_headline_is_its_kicker_whatever_the_width(heads, kicker, headline):
    h = parse_headline(_heading_lines(heads))
    assert (h.kicker, h.headline) == (kicker, headline)


@pytest.mark.parametrize("specs, headline", [
    pytest.param([("云南３０", 4.0), ("支工作", 3.0), ("队赴农", 3.0), ("村", 1.0)], "云南30支工作队赴农村",
                 id="fullwidth_digits_in_the_first_line"),
    pytest.param([("’９７医药", 5.0), ("科技大事", 4.0), ("令人欣喜", 4.0)], "’97医药科技大事令人欣喜",
                 id="three_lines_of_one_measure"),
])
def test_full_width_digits_count_half_a_unit_in_a_headlines_measure(specs, headline):
    """Full-width digits stand for the half-width ones the measure was filled with: lines that fill one measure
    once they are read so are one headline wrapped."""
    h = parse_headline([Line(no, text, width, "head") for no, (text, width) in enumerate(specs, 1)])
    assert (h.headline, h.subheadline) == (headline, None)
