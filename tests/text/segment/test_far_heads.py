"""Heads printed far from their text (clusters, stacked heads, banners) given back to the text they restate."""

import pytest

from banmian.tasks.text.lines import BYLINE, HEAD, PROSE, SUBTITLE, Line, classify_page
from banmian.tasks.text.paragraphs import Paragraph
from banmian.tasks.text.segment.far_heads import (FarMove, _carry_names, _move_far_head, _names_under, _whole_head_of,
                                                  claim_far_heads, trade_banners)
from banmian.tasks.text.segment.reader import read_units
from banmian.tasks.text.segment.units import Unit
from tests.text.segment.stories import HEAD_B, STORY_A, STORY_B, column_lines, heads, segment_checked


def test_a_headline_in_another_essays_cluster_of_heads_heads_the_essay_it_restates():
    """A page that prints several essays' heads together leaves one essay headless and the cluster to another.

    The cluster's line whose words are the headless essay's (and not its
    own unit's) heads that essay; the rest stay with the essay under them.
    """
    sea = ("海洋是高质量发展的战略要地。建设海洋强国，必须\n完善海洋法律体系，以法治保障海洋权益，推进海洋\n"
           "法律体系建设，让海洋强国建设于法有据。\n（作者为中国海洋大学法学院教授）\n\n")
    cluster = "数字经济推动产业转型升级\n\n建设海洋强国需完善海洋法律体系\n\n为高质量发展注入新动能\n\n坚持创新驱动发展\n\n王建国\n\n"
    digital = ("数字经济是推动产业转型升级的重要力量。发展数字\n经济，要推动数字技术与实体经济深度融合，为产业\n"
               "转型升级注入新动能，以创新驱动高质量发展。\n（作者为浙江大学经济学院教授）\n")
    page = sea + cluster + digital
    result = segment_checked(page)
    sea_essay, digital_essay = result.articles
    assert sea_essay.headline == "建设海洋强国需完善海洋法律体系"
    assert sea_essay.paragraphs[0].startswith("海洋是高质量发展的战略要地")
    assert digital_essay.headline.startswith("数字经济推动产业转型升级")
    assert digital_essay.authors == ["王建国"]


def test_a_head_stacked_above_another_essays_head_heads_the_far_text_it_restates():
    """A head printed straight above another essay's head is no crosshead of that essay's text.

    It heads the headless text whose words it restates.
    """
    page = ("加快构建新时代中国特色社会学\n——社会治理创新研讨会述要\n\n实现合作共赢的伟大创举\n石云霞\n\n"
            "共建一带一路倡议提出以来，沿线国\n家积极参与，政策沟通、设施联通、贸\n易畅通成效显著。\n"
            "（作者为武汉大学教授）\n\n侯利文\n"
            "社会治理创新研讨会近日在上海举\n行。与会者认为，社会学者应加强理\n论提炼，为加快构建新时代中国特色\n"
            "社会学作出贡献。\n")
    result = segment_checked(page)
    essay = heads(result)["实现合作共赢的伟大创举"]
    assert not essay.crossheads
    report = heads(result)["加快构建新时代中国特色社会学"]
    assert report.authors == ["侯利文"]
    assert report.paragraphs[0].startswith("社会治理创新研讨会")


def test_a_banner_printed_among_another_essays_heads_titles_the_subtitled_essay_it_restates():
    """An essay printed as ``——subtitle`` and byline lacks its headline: the banner over it is elsewhere.

    Extracted far away, in another essay's group of heads, the banner first
    goes to that essay's signed section under the group; it restates the
    subtitled essay's words far more, so it titles that essay, and the
    section, headless again, joins the essay signed nearest before it.
    """
    green = ("当前，我国生态文明建设正处于关\n键期。推动绿色发展，建设美丽中国，\n是新时代的重要任务。绿色发展\n"
             "是构建高质量现代化经济体系的必\n然要求，是解决污染问题的根本之\n策。建设美丽中国，要坚持绿色发\n"
             "展理念，推动形成绿色发展方式和\n生活方式，让美丽中国建设落到实处。\n")
    village = ("乡村振兴是新时代的重大战略。基层干部普遍认为，推进乡村振兴，要坚持农业农村优先发展，\n"
               "加快补齐农村基础设施短板，让农民群众有更多获得感。\n")
    section = ("许多基层干部认为，乡村振兴关键在人。要培养一支懂农业、爱农村、爱农民的工作队伍，\n"
               "让人才在乡村大有作为。也有干部提出，乡村振兴要因地制宜，发展特色产业，壮大集体经济，\n"
               "让乡村成为美丽中国的重要组成部分。\n（作者为中国农业大学教授）\n")
    page = ("——深入学习关于生态文明建设的重要论述\n李明\n\n" + green + "\n王芳\n\n" + village
            + "\n基层干部对乡村振兴的看法\n\n多方合力推进乡村振兴\n\n推动绿色发展 建设美丽中国\n\n" + section)
    result = segment_checked(page)
    green_essay, village_essay = result.articles
    assert (green_essay.headline, green_essay.authors) == ("推动绿色发展 建设美丽中国", ["李明"])
    assert green_essay.subheadline == "深入学习关于生态文明建设的重要论述"
    assert village_essay.authors == ["王芳"]
    assert village_essay.paragraphs[-1] == "（作者为中国农业大学教授）"


@pytest.mark.parametrize("page, headline, first_words", [
    pytest.param(STORY_A + "\n" + HEAD_B + "\n" + STORY_B + "\n全市开展冬季安全生产大检查\n",
                 "全市开展冬季安全生产大检查", "近日，全市开展冬季", id="left_over_after_a_headed_story"),
    pytest.param(STORY_A + "\n" + STORY_B + "\n全市开展冬季安全生产大检查\n\n县图书馆举办少儿读书节\n",
                 "全市开展冬季安全生产大检查", "近日，全市开展冬季", id="cluster_after_an_unrelated_story"),
    pytest.param(STORY_A + "\n" + STORY_B + "\n全市开展冬季安全生产大检查\n\n县图书馆举办少儿读书节\n",
                 "县图书馆举办少儿读书节", "日前，县图书馆举办", id="cluster_keeps_its_own_head"),
])
def test_a_head_printed_far_from_its_story_heads_the_story_it_restates(page, headline, first_words):
    """Heads printed after another story (or gathered after it) head the headless text whose words they are."""
    article = heads(segment_checked(page))[headline]
    assert article.paragraphs[0].startswith(first_words)


def test_a_head_taken_by_the_wrong_text_swaps_with_the_head_that_text_holds():
    """A text whose head restates another text's words far more gives it up, and takes the head that one had.

    Heads printed one story down: the first story's head stands over the
    second story and the second's over the third (or at the page end).
    """
    page = read_units(classify_page(STORY_A + "\n" + STORY_B))
    first, second = page.units
    first.head = classify_page("县图书馆举办少儿读书节\n")[:1]
    second.head = classify_page("全市开展冬季安全生产大检查\n")[:1]
    assert claim_far_heads(page.units, page.stacked, []) == []
    assert [ln.text for ln in first.head] == ["全市开展冬季安全生产大检查"]
    assert [ln.text for ln in second.head] == ["县图书馆举办少儿读书节"]


#: A story, then a cluster of two headlines stacked over the next story with no blank between the
#: cluster and that story's text: more lines than one headline takes.
_STACKED_CLUSTER_PAGE = ("全市冬季安全生产会议召开\n\n本报讯 会议要求，各地要抓好冬季安全生产工作，\n确保人民群众度过一个平安祥和的节日。\n\n"
                         "{cluster}\n"
                         "本报讯（记者 王芳）连日来，全市冬储蔬菜陆续\n上市，各大市场供应充足，价格保持平稳。\n")


@pytest.mark.parametrize("cluster, headline, left_over", [
    pytest.param("抢前抓早购良种\n备足种子保丰收\n梨树县种子市场热闹起来了\n全市冬储蔬菜供应充足\n——价格保持平稳",
                 "全市冬储蔬菜供应充足", ["抢前抓早购良种", "备足种子保丰收", "梨树县种子市场热闹起来了"],
                 id="text_restates_the_block_nearest_it"),
    pytest.param("抢前抓早购良种\n备足种子保丰收\n梨树县农户踊跃购种\n全市冬储蔬菜供应充足价格平稳",
                 "全市冬储蔬菜供应充足价格平稳", ["抢前抓早购良种", "备足种子保丰收", "梨树县农户踊跃购种"],
                 id="four_lines_given_whole_to_the_text_hold_two_headlines"),
])
def test_a_headless_text_under_a_stacked_cluster_takes_the_headline_it_restates(cluster, headline, left_over):
    result = segment_checked(_STACKED_CLUSTER_PAGE.format(cluster=cluster))
    story = next(a for a in result.articles if a.byline and "冬储蔬菜" in a.byline + a.paragraphs[0])
    assert (story.headline, story.crossheads) == (headline, [])
    assert [r.text for r in result.residue if r.reason == "unassigned"] == left_over


def test_a_stacked_cluster_that_restates_nothing_of_the_text_stays_its_crossheads():
    cluster = "抢前抓早购良种\n备足种子保丰收\n梨树县农户踊跃购种\n春耕备耕工作有序推进\n——农机检修全部完成"
    story = segment_checked(_STACKED_CLUSTER_PAGE.format(cluster=cluster)).articles[-1]
    assert story.paragraphs[0].startswith("连日来")
    assert story.headline is None


_HEADLINE = Line(1, "开展安全检查 守护平安冬季", 13.0, HEAD)
_SUBJECT = Line(2, "全市各区开展消防隐患排查", 12.0, HEAD)
_DONOR, _TAKER, _OTHER = object(), object(), object()


@pytest.mark.parametrize("whole_taker, whole_donor, moved", [
    (_TAKER, _DONOR, [_HEADLINE, _SUBJECT]),  # the line's whole head may go to the same text: it goes whole
    (_OTHER, _DONOR, [_SUBJECT]),  # the whole head fits another text: the line goes alone
    (_TAKER, None, [_SUBJECT]),  # lines of another donor are another head
])
def test_a_line_of_a_head_moves_with_its_head_when_the_whole_head_may_move_there_too(whole_taker, whole_donor, moved):
    line_move = FarMove(0.8, _DONOR, [_SUBJECT], _TAKER)
    whole_move = FarMove(0.5, whole_donor, [_HEADLINE, _SUBJECT], whole_taker)
    assert _whole_head_of(line_move, [whole_move, line_move]).lines == moved


def test_a_line_moves_alone_from_a_head_printed_apart():
    """Lines with a blank between are no one headline: a far headline over a crosshead leaves it behind."""
    crosshead = Line(3, "新时代的鲜明主题", 8.0, HEAD)
    line_move = FarMove(0.8, _DONOR, [_HEADLINE], _TAKER)
    whole_move = FarMove(0.5, _DONOR, [_HEADLINE, crosshead], _TAKER)
    assert _whole_head_of(line_move, [whole_move, line_move]).lines == [_HEADLINE]


_HALVES = [Line(1, "强化职责担当", 6.0, HEAD), Line(2, "筑牢安全防线", 6.0, HEAD)]
_SUBJECT_APART = Line(4, "双辽市辽东街做好安全生产工作", 14.0, HEAD)


@pytest.mark.parametrize("above, moved", [
    (_HALVES, _HALVES + [_SUBJECT_APART]),  # a couplet a blank over its subject line: one head, it goes whole
    ([_HALVES[0], Line(3, "筑牢安全防线", 6.0, HEAD)], [_SUBJECT_APART]),  # halves set apart: no headline of one
    ([Line(2, "竖立倒计时钟", 6.0, HEAD)], [_SUBJECT_APART]),  # a short line over a full one is its kicker: no subject line
])
def test_a_subject_line_set_a_blank_under_its_couplet_moves_with_it(above, moved):
    line_move = FarMove(0.9, _DONOR, [_SUBJECT_APART], _TAKER)
    whole_move = FarMove(0.8, _DONOR, above + [_SUBJECT_APART], _TAKER)
    assert _whole_head_of(line_move, [whole_move, line_move]).lines == moved


_NOISE = "近日，铁西区执法局综合大队开展城区噪声污染专项整治行动，合理引导文明施工，持续营造安静和谐的城市生活环境。"
_SITES = "各工地要引导文明施工，营造宜居环境，开展城区绿化，整治噪声污染。"


@pytest.mark.parametrize("subject_no, moved", [
    # a blank under the couplet: its subject line, whose move takes the couplet along (the text it moves to
    # restates the whole head best, though the other text shares the couplet's words too closely for it to move)
    (103, ["引导文明施工", "营造宜居环境", "铁西区执法局开展城区噪声污染专项整治"]),
    (104, ["铁西区执法局开展城区噪声污染专项整治"]),  # two blanks: no subject line of that couplet, it moves alone
])
def test_a_subject_line_moving_far_takes_the_couplet_it_stands_under(subject_no, moved):
    noise, sites = _essay(20, _NOISE), _essay(60, _SITES)
    head = [Line(100, "引导文明施工", 6.0, HEAD), Line(101, "营造宜居环境", 6.0, HEAD),
            Line(subject_no, "铁西区执法局开展城区噪声污染专项整治", 18.0, HEAD)]
    claim_far_heads([noise, sites], [], [head])
    assert [ln.text for ln in noise.head or []] == moved


_OATH = "为了加强师德师风建设，共筑廉洁校园，铁西区中小学校开学第一天组织全体教师举行国旗下宣誓活动。"
_ZHOU = "今天，是敬爱的周总理的忌辰。纪念敬爱的周总理，人们首先想到的是他的坚定、忠诚、机智、勇敢。"
_WRAPPED_COUPLET = [Line(10, "不忘育人", 4.0, HEAD), Line(11, "初心", 2.0, HEAD), Line(12, "共筑廉洁", 4.0, HEAD),
                    Line(13, "校园", 2.0, HEAD)]
_ONE_LINE_COUPLET = Line(13, "不忘育人初心　共筑廉洁校园", 13.0, HEAD)
_CUT_SUBJECT = [Line(14, "铁西区中小学举行国", 9.0, HEAD), Line(15, "旗下宣誓活动", 6.0, HEAD)]
_PROSE_TAIL = Line(12, "百人……", 3.0, HEAD)
_PLAIN_COUPLET = Line(13, "明确思路　笃行实干", 9.0, HEAD)
_NO_COUPLET = Line(13, "周小燕老师，您辛苦了！", 11.0, HEAD)


def _oath_move(source: list[Line], moved: list[Line], essay: str = _ZHOU, donor_kind: str = "lead") -> list[str]:
    """The lines that move to the 铁西区 text when ``moved`` of the head cluster ``source`` over an essay do."""
    from banmian.tasks.text.segment.far_heads import _bodies, _with_its_head_cluster
    taker, donor = _essay(1, _OATH), _essay(20, essay, [*source, Line(16, "王义堂", 3.0, BYLINE)])
    if donor_kind == "orphan":
        donor.kind, donor.lead_lines, donor.head = "orphan", [], list(source)
    units = [taker, donor]
    return [ln.text for ln in _with_its_head_cluster(FarMove(0.9, donor, moved, taker), units, source,
                                                        _bodies(units)).lines]


_SUBJECT_TEXTS = [ln.text for ln in _CUT_SUBJECT]
_COUPLET_TEXTS = [ln.text for ln in _WRAPPED_COUPLET]


@pytest.mark.parametrize("source, moved, essay, donor_kind, expected", [
    # a couplet wrapped over four lines straight over its subject line: the text restates it, the essay does not
    (_WRAPPED_COUPLET + _CUT_SUBJECT, _CUT_SUBJECT, _ZHOU, "lead", _COUPLET_TEXTS + _SUBJECT_TEXTS),
    # a piece of a subject line cut in two moves: the whole subject line and its couplet go
    ([_ONE_LINE_COUPLET, *_CUT_SUBJECT], _CUT_SUBJECT[:1], _ZHOU, "lead", [_ONE_LINE_COUPLET.text] + _SUBJECT_TEXTS),
    # a line over the couplet that no headline takes (a text's tail read as a head) stays
    ([_PROSE_TAIL, _ONE_LINE_COUPLET, *_CUT_SUBJECT], _CUT_SUBJECT, _ZHOU, "lead",
     [_ONE_LINE_COUPLET.text] + _SUBJECT_TEXTS),
    # a blank between the couplet and the subject line: not printed as one head, the subject line moves alone
    (_WRAPPED_COUPLET + [Line(ln.no + 1, ln.text, ln.width, HEAD) for ln in _CUT_SUBJECT], None, _ZHOU, "lead", None),
    # the essay under the cluster restates the couplet as well: it is the essay's headline
    (_WRAPPED_COUPLET + _CUT_SUBJECT, _CUT_SUBJECT, _ZHOU + "不忘育人初心，共筑廉洁校园。", "lead", _SUBJECT_TEXTS),
    # prose keeps the last heading lines it holds (headless, it would join another text)
    (_WRAPPED_COUPLET + _CUT_SUBJECT, _CUT_SUBJECT, _ZHOU, "orphan", _SUBJECT_TEXTS),
    # a couplet no text restates goes with its subject line: a couplet says no fact of its text
    ([_PLAIN_COUPLET, *_CUT_SUBJECT], _CUT_SUBJECT, _ZHOU, "lead", [_PLAIN_COUPLET.text] + _SUBJECT_TEXTS),
    # a headline no text restates that is no couplet has no evidence to go
    ([_NO_COUPLET, *_CUT_SUBJECT], _CUT_SUBJECT, _ZHOU, "lead", _SUBJECT_TEXTS),
], ids=["wrapped-couplet", "cut-subject", "tail-over", "blank-between", "essay-restates", "prose-donor",
        "couplet-restated-by-none", "no-couplet-restated-by-none"])
def test_a_subject_line_moving_far_takes_the_headline_printed_straight_over_it(source, moved, essay, donor_kind,
                                                                               expected):
    moved = moved if moved is not None else source[-2:]
    assert _oath_move(source, moved, essay, donor_kind) == (expected or [ln.text for ln in moved])


def test_a_head_cluster_printed_over_another_essay_goes_whole_to_the_text_its_subject_line_restates():
    """``不忘育人`` / ``初心`` / ``共筑廉洁`` / ``校园`` / ``铁西区中小学举行国`` / ``旗下宣誓活动`` printed over another
    essay's byline: the subject line moves to the 铁西区 text and takes its couplet along."""
    oath = _essay(1, _OATH)
    essay = _essay(20, _ZHOU, [*_WRAPPED_COUPLET, *_CUT_SUBJECT, Line(16, "王义堂", 3.0, BYLINE)])
    claim_far_heads([oath, essay], [], [])
    assert ([ln.text for ln in oath.head or []], [ln.text for ln in essay.lead_lines]) == \
        (_COUPLET_TEXTS + _SUBJECT_TEXTS, ["王义堂"])


@pytest.mark.parametrize("head, stacked, may_give", [
    (None, "县图书馆举办少儿读书节", True),  # a headless text that restates none of its words: no section head of it
    (None, "全市开展冬季安全生产大检查", False),  # one that restates them: maybe its section's head
    ("冬季安全生产大检查全面展开", "全市开展冬季安全生产大检查", True),  # a headed text's stacked head may go far
])
def test_a_stacked_head_may_go_far_from_a_text_headed_or_restating_none_of_it(head, stacked, may_give):
    from banmian.tasks.text.lines import classify_page
    from banmian.tasks.text.segment.far_heads import _bodies, _may_give_stacked_head
    from banmian.tasks.text.segment.reader import read_units
    unit = read_units(classify_page(STORY_A)).units[0]
    unit.head = classify_page(head + "\n")[:1] if head else None
    lines = classify_page(stacked + "\n")[:1]
    assert _may_give_stacked_head(unit, lines, _bodies([unit])) is may_give


@pytest.mark.parametrize("taker, unit, headed, no_rival", [
    ("lead", "orphan", False, True),  # a headless section of prose: a signed essay's, scattered over the page
    ("lead", "orphan", True, False),  # prose with a headline of its own is a text of its own
    ("lead", "story", False, False),  # a story is a text of its own
    ("story", "orphan", False, False),  # a story has no scattered sections
])
def test_a_signed_essays_scattered_sections_contest_no_headline_it_takes(taker, unit, headed, no_rival):
    from banmian.tasks.text.segment.far_heads import _no_rival_of
    from banmian.tasks.text.segment.units import Unit
    other = Unit(unit, head=[_HEADLINE] if headed else None)
    assert _no_rival_of(Unit(taker), other) is no_rival


#: Two headlines printed together (a couplet over its subject line, a blank, then a second head wrapped
#: in a narrow column): the first restates the library story, the second the safety story printed elsewhere.
_TWO_HEADS = [Line(no, text, float(len(text)), HEAD) for no, text in
              ((100, "书香润童心"), (101, "阅读伴成长"), (102, "县图书馆举办少儿读书节"), (104, "开展安全"), (105, "生产检查"))]


def test_a_headline_of_a_stack_a_headed_text_took_as_crossheads_heads_the_headless_text_it_restates():
    """A headed text that took a stack of two headlines as crossheads (no headline could take them all) gives
    the one another, headless, text restates to that text, though it has no full-length line; the other stays
    its crossheads."""
    from banmian.tasks.text.lines import classify_page
    from banmian.tasks.text.segment.far_heads import claim_far_heads
    from banmian.tasks.text.segment.headlines import heading_phrases
    from banmian.tasks.text.segment.reader import read_units
    page = read_units(classify_page(STORY_A + "\n" + STORY_B))
    safety, library = page.units
    library.head = [Line(98, "图书馆里的节日", 7.0, HEAD)]
    library.crossheads_before[0] = [ln.text for ln in heading_phrases(_TWO_HEADS)]
    assert claim_far_heads(page.units, [(library, _TWO_HEADS)], []) == []
    assert [ln.text for ln in safety.head or []] == ["开展安全", "生产检查"]
    assert library.crossheads_before[0] == [ln.text for ln in heading_phrases(_TWO_HEADS[:3])]


_PROSE_A = STORY_A.replace("本报讯（记者 王芳）", "")


@pytest.mark.parametrize("safety_text, lead_page, takes", [
    (STORY_A, True, True),  # opened by its dateline: a story of its own, its headline printed elsewhere
    (_PROSE_A, False, True),  # headless prose on a page with no lead: a text of its own
    (_PROSE_A, True, False),  # headless prose on a lead's page: maybe a section of the lead
])
def test_a_headless_story_takes_a_short_far_head_that_restates_half_its_words(safety_text, lead_page, takes):
    """A short head (``安全生产`` / ``迎新春``) restates fewer of its story's words than a long one: a story with no
    headline takes it at half (``HEADLESS_STORY_CLAIM_MIN``), headless prose on a lead's page only at
    ``FAR_CLAIM_MIN``."""
    from banmian.tasks.text.lines import classify_page
    from banmian.tasks.text.segment.far_heads import claim_far_heads
    from banmian.tasks.text.segment.headlines import heading_phrases
    from banmian.tasks.text.segment.reader import read_units
    page = read_units(classify_page(safety_text + "\n" + STORY_B))
    safety, library = page.units
    stack = _TWO_HEADS[:3] + [Line(104, "安全生产", 4.0, HEAD), Line(105, "迎新春", 3.0, HEAD)]
    library.head = [Line(98, "图书馆里的节日", 7.0, HEAD)]
    library.crossheads_before[0] = [ln.text for ln in heading_phrases(stack)]
    lead = [Unit("lead", lead_lines=[Line(90, "本报记者 董伟", 6.0, "byline")])] if lead_page else []
    claim_far_heads(page.units + lead, [(library, stack)], [])
    assert [ln.text for ln in safety.head or []] == (["安全生产", "迎新春"] if takes else [])


def test_a_headline_of_two_a_lead_printed_over_its_byline_heads_the_headless_text_it_restates():
    """A group of two headlines over a byline is read as one signed text's head (a lead); the headline another,
    headless, text restates goes to that text, and the lead keeps the other with its byline."""
    from banmian.tasks.text.lines import BYLINE, classify_page
    from banmian.tasks.text.segment.far_heads import claim_far_heads
    from banmian.tasks.text.segment.reader import read_units
    page = read_units(classify_page(STORY_A + "\n" + STORY_B))
    safety, library = page.units
    byline = Line(107, "本报记者 董伟", 6.0, BYLINE)
    library.kind, library.lead_lines = "lead", [*_TWO_HEADS, byline]
    assert claim_far_heads(page.units, [], []) == []
    assert [ln.text for ln in safety.head or []] == ["开展安全", "生产检查"]
    assert library.lead_lines == [*_TWO_HEADS[:3], byline]


@pytest.mark.parametrize("second, last, takes", [
    ("季安全生", "产检查", True),  # finishes the word its line above breaks (安全生|产): the head's last piece
    ("季安全生产", "检查", True),  # a dictionary word that is no name (阳光, 施工, 商船): the head's last piece
    ("季安全生产", "李小强", False),  # finishes no word: a name signing a head printed apart from its text
])
def test_a_textless_leads_head_wrapped_into_a_name_heads_the_text_it_restates(second, last, takes):
    """``加拿大银`` / ``行注销无`` / ``主户头政`` / ``府增收千`` / ``万加元``, ``挠赴伊`` / ``商 船``: a head wrapped at a
    narrow measure whose last piece reads as a bare name makes a lead with no text; the whole head, that piece a
    heading line, is a far head, which heads the text that restates it."""
    page = read_units(classify_page(STORY_A + "\n" + STORY_B))
    safety = page.units[0]
    name = Line(92, last, float(len(last)), BYLINE)
    lead = Unit("lead", lead_lines=[Line(90, "全市开展冬", 5.0, HEAD), Line(91, second, float(len(second)), HEAD), name])
    claim_far_heads([*page.units, lead], [], [])
    assert ([ln.text for ln in safety.head or []], name.kind) == \
        ((["全市开展冬", second, last], HEAD) if takes else ([], BYLINE))


@pytest.mark.parametrize("library_headed, library_head", [
    (False, ["书香润童心", "阅读伴成长", "县图书馆举办少儿读书节"]),  # headless: takes the headline with a full line
    (True, ["图书馆里的节日"]),  # headed by a head that restates it as well: keeps it
])
def test_a_headline_of_a_stack_of_heads_with_no_text_heads_the_headless_text_it_restates(library_headed, library_head):
    """Heads stacked with no text and no byline (a lead with no text) are several headlines; one with a full-length
    line (``冷水性珍稀鱼类获保`` / ``护专家建议重点保护`` / ``8种濒危鱼类``) heads the headless text it restates. A head
    with no full-length line (``开展安全`` / ``生产检查``) is too short to leave a stack on its words alone."""
    page = read_units(classify_page(STORY_A + "\n" + STORY_B))
    safety, library = page.units
    if library_headed:
        library.head = [Line(98, "图书馆里的节日", 7.0, HEAD)]
    lead = Unit("lead", lead_lines=list(_TWO_HEADS))
    claim_far_heads([*page.units, lead], [], [])
    assert ([ln.text for ln in library.head or []], safety.head) == (library_head, None)


def _essay(first: int, text: str, lead: list[Line] | None = None) -> Unit:
    """An essay's unit: one paragraph of ``text`` from line ``first``, with a lead's own lines."""
    para = Paragraph([Line(first, text, float(len(text)), PROSE)], 16.0, terminated=True)
    return Unit("lead" if lead else "orphan", paras=[para], lead_lines=lead or [])


@pytest.mark.parametrize("closing, own_name, carried", [
    ("（作者单位：浙江大学）", True, True),  # the essay before is signed and nameless: it takes the taker's name
    ("让生态文明建设成果惠及全体人民。", True, False),  # no author note: no evidence whose the names are
    ("（作者单位：浙江大学）", False, False),  # the taker has no name of its own: the name may be the donor's
])
def test_a_name_set_under_a_stacked_head_moves_with_it_when_the_taker_gives_its_own_back(closing, own_name, carried):
    """A stack of essays' heads prints each head with its author's name under it.

    The text the stack lands on takes it all as its lead; the head moving to
    its own text takes its name along when that text's own name, printed
    after the heads that close the signed essay before it, goes to that essay.
    """
    head = Line(1, "乡村振兴需要人才支撑", 10.0, HEAD)
    name = Line(3, "李明", 2.0, BYLINE)
    donor = _essay(5, "基层党组织是党在社会基层组织中的战斗堡垒。", [head, name])
    before = _essay(10, closing)
    own = Line(14, "王芳", 2.0, BYLINE)
    taker = _essay(16, "乡村振兴，人才是关键。", [own] if own_name else [])
    move = FarMove(0.8, donor, [head], taker)
    names = _names_under(move)
    assert names == [name]
    _carry_names(move, names, [donor, before, taker])
    assert (name in taker.lead_lines, name in donor.lead_lines) == (carried, not carried)
    assert (own in before.lead_lines) == carried


_KICKER = Line(3, "关注民生", 4.0, HEAD)
_WRAPPED = [Line(4, "全市加快推进", 6.0, HEAD), Line(5, "老旧小区改造", 6.0, HEAD), Line(6, "惠及居民两万", 6.0, HEAD)]
_TAIL = Line(7, "多户", 2.0, HEAD)


@pytest.mark.parametrize("own, moved, head", [
    # lines printed above the stub a text holds join it above: kicker and headline read in printed order
    ([_TAIL], [_KICKER, *_WRAPPED], [_KICKER, *_WRAPPED, _TAIL]),
    # lines printed under the text's own line go under it
    ([_KICKER], [*_WRAPPED, _TAIL], [_KICKER, *_WRAPPED, _TAIL]),
])
def test_a_far_head_joins_the_short_head_a_text_holds_in_printed_order(own, moved, head):
    donor, taker = Unit("orphan", head=list(moved)), Unit("orphan", head=list(own))
    _move_far_head(FarMove(0.5, donor, donor.head, taker), [], [])
    assert taker.head == head and donor.head is None


# --- a stack of essays' heads, each with its name, printed between two texts ------------------------------

_FINANCE = ("金融是现代经济的核心，要全面把握现代金融发展的要义，坚持金融服务实体经济的根本宗旨。",
            "防范金融风险是金融工作的永恒主题，要健全金融监管体系，守住不发生系统性金融风险的底线，提高金融监管的"
            "有效性和协同性，完善金融宏观调控体系。",
            "现代金融发展要以服务实体经济为本，引导金融资源更多投向小微企业和科技创新领域，让金融活水精准滴灌实体"
            "经济的薄弱环节。")
_PUBLIC = ("优化公共经济责任配置是建立现代财政制度的基础，要明确各级政府公共经济责任的范围。",
           "公共经济责任配置要坚持权责一致的原则，合理划分中央和地方的公共经济责任，不断优化配置。",
           "各级政府要依法履行公共经济责任，确保财力与公共经济责任相匹配。")
_SCIENCE = ("党的十九大报告指出，要加快建设创新型国家，解决好科技体系发展不平衡不充分问题。",
            "科技体系的整体水平决定工业体系的发展，要补齐科技创新链条上的短板，提升原始创新能力。",
            "要形成激励创新、宽容失败的学术氛围，让科技体系更好支撑高质量发展。")


def _column_essay(paragraphs: tuple[str, ...], note: str) -> list[str]:
    return [line for p in paragraphs for line in column_lines(p)] + [note]


def _stack_page(second_head: str) -> str:
    """Two essays' heads and names stacked between texts: the second lands over a text that is neither's."""
    return "\n".join(["7 理论", "", *_column_essay(_FINANCE, "（作者单位：某金融学院）"), "",
                      "不断优化公共经济责任配置", "习亚哲", "", second_head, "刘宾", "",
                      *_column_essay(_SCIENCE, "（作者为某大学教授）"), "", *_column_essay(_PUBLIC, "（作者单位：某经贸大学）"), ""])


@pytest.mark.parametrize("second_head, finance_head, science_head", [
    # the head over the science essay restates the finance essay's words: it goes there with its name
    ("全面把握现代金融发展要义", ("全面把握现代金融发展要义", ["刘宾"]), (None, [])),
    # a head the text under it restates stays over it, with its name
    ("解决好科技体系发展不平衡不充分问题", (None, []), ("解决好科技体系发展不平衡不充分问题", ["刘宾"])),
])
def test_heads_and_names_stacked_between_texts_go_to_the_texts_they_restate(second_head, finance_head, science_head):
    """A head and name with no text under them (the first of the stack) head the text that restates the head."""
    result = segment_checked(_stack_page(second_head))
    by_opening = {a.paragraphs[0][:6]: (a.headline, a.authors) for a in result.articles}
    assert by_opening[_PUBLIC[0][:6]] == ("不断优化公共经济责任配置", ["习亚哲"])
    assert by_opening[_FINANCE[0][:6]] == finance_head
    assert by_opening[_SCIENCE[0][:6]] == science_head


def _with_pieces(lines: list[str], at: int, pieces: list[str]) -> list[str]:
    """Lines with pieces set apart between breaks after line ``at`` (a name down the gutter, a box in the column)."""
    return [*lines[:at], *(x for piece in pieces for x in ("", piece)), "", *lines[at:]]


def test_names_set_apart_in_the_columns_of_texts_a_stack_headed_are_their_co_authors():
    """刘 under its head in the stack, 宾 at a column's top in its text; 杨 and 静 at the seams of the other
    essay's columns; 胡瑞华 in a box set in the finance essay's column: each text's authors."""
    finance = _with_pieces(_column_essay(_FINANCE, "（作者单位：某金融学院）"), 6, ["活实体", "胡瑞华"])
    finance = _with_pieces(finance, 15, ["宾"])
    public = _with_pieces(_column_essay(_PUBLIC, "（作者单位：某经贸大学）"), 4, ["杨", "静"])
    page = "\n".join(["7 理论", "", *finance, "", "不断优化公共经济责任配置", "习亚哲", "", "全面把握现代金融发展要义", "刘",
                      "", *_column_essay(_SCIENCE, "（作者为某大学教授）"), "", *public, ""])
    result = segment_checked(page)
    by_opening = {a.paragraphs[0][:6]: (a.headline, sorted(a.authors)) for a in result.articles}
    assert by_opening[_FINANCE[0][:6]] == ("全面把握现代金融发展要义", sorted(["刘宾", "胡瑞华"]))
    assert by_opening[_PUBLIC[0][:6]] == ("不断优化公共经济责任配置", sorted(["习亚哲", "杨静"]))


@pytest.mark.parametrize("second, subheadline", [
    # the line set apart under the headline is the finance essay's words, not the public one's: another head
    ("把握现代金融发展要义", None),
    # a subject line the text under it restates stays its subheadline
    ("划分中央地方经济责任", "划分中央地方经济责任"),
])
def test_a_subject_line_set_apart_that_another_text_restates_is_no_subheadline(second, subheadline):
    """Two essays' heads printed one under the other after a signed text read as headline and subject line.

    The finance essay is printed in two blocks of other widths, each restating the second head alike: no one
    text takes it, but the public essay's body restates it far less than theirs.
    """
    wide = [line for p in _FINANCE[2:] + _FINANCE[:1] for line in column_lines(p, 24)]
    page = "\n".join(["7 理论", "", *_column_essay(_FINANCE[:2], ""), "", *wide, "（作者单位：某金融学院）", "",
                      *_column_essay(_PUBLIC, "（作者单位：某经贸大学）"), "", "不断优化公共经济责任配置的基本路径", "", second, ""])
    result = segment_checked(page)
    public = next(a for a in result.articles if a.paragraphs[0].startswith(_PUBLIC[0][:6]))
    assert (public.headline, public.subheadline) == ("不断优化公共经济责任配置的基本路径", subheadline)


def _prose(no: int, text: str) -> Paragraph:
    return Paragraph([Line(no, text, 14.0, PROSE)], 14.0, terminated=True)


#: Two essays' headlines printed together, on one theme; the intro they landed on restates the first wholly.
LEAD_HEADLINE, SIGNED_HEADLINE = "我国社会主要矛盾变化的重大意义", "准确把握社会主要矛盾的变化"
INTRO = "深刻认识我国社会主要矛盾变化的现实依据，准确把握我国社会主要矛盾变化的重大意义，是理解新时代的关键所在。"
SIGNED_TEXT = "从社会生产和社会需要两个方面准确把握社会主要矛盾的变化。我国社会主要矛盾的变化对党和国家工作提出了许多新要求。"


@pytest.mark.parametrize("signed, intro_head, essay_head", [
    (True, [LEAD_HEADLINE], [SIGNED_HEADLINE]),       # a signed essay needs a head: it takes the one it restates best
    (False, [SIGNED_HEADLINE, LEAD_HEADLINE], None),  # unsigned prose may be a section: no margin, no move
])
def test_a_signed_essay_takes_the_second_of_two_headlines_given_to_another_text(signed, intro_head, essay_head):
    """One theme's bodies all restate both headlines a little, so no far margin can be had; the evidence is the
    essay's signature and that its body restates the headline best of all (wild 010407, 严书翰's essay)."""
    intro = Unit("orphan", paras=[_prose(461, INTRO)], head=[Line(493, SIGNED_HEADLINE, 13.0, HEAD),
                                                              Line(495, LEAD_HEADLINE, 15.0, HEAD)])
    essay = Unit("orphan", paras=[_prose(383, SIGNED_TEXT)], signed=signed)
    claim_far_heads([essay, intro], [])
    assert [ln.text for ln in intro.head or []] == intro_head
    assert (essay.head and [ln.text for ln in essay.head]) == essay_head


#: Two texts, headless, and two heads wrapped in a narrow column one under the other, left over as one group.
_CENTRAL_ASIA = "中亚五国首脑昨日会晤，五国首脑就地区合作与安全问题交换意见。"
_HONG_KONG = "香港特区政府今天发表回归半年大事录，居民生活如常，各项事业蒸蒸日上。"
_HK_SUBJECT = Line(9, "——记香港特区政府的半年", 12.0, "subtitle")


def _narrow(*texts: str) -> list[Line]:
    """Narrow heading lines, one under another from line 1."""
    return [Line(no, text, float(len(text)), HEAD) for no, text in enumerate(texts, 1)]


@pytest.mark.parametrize("block, headed, expected", [
    # a Hong Kong head then a Central Asia head, each wrapped in three short lines: cut between the two
    (_narrow("居民生", "活如常", "香港特", "区政府", "中亚五", "国首脑", "会晤"), False,
     [["居民生", "活如常", "香港特", "区政府"], ["中亚五", "国首脑", "会晤"]]),
    # one text has a full headline already: no evidence the other part is its head
    (_narrow("居民生", "活如常", "香港特", "区政府", "中亚五", "国首脑", "会晤"), True, []),
    # a head and its subject line: never cut before the subject line
    ([*_narrow("中亚五", "国首脑", "会晤"), _HK_SUBJECT], False, []),
    # one head that restates one text: no cut
    (_narrow("中亚五", "国首脑", "会晤"), False, []),
    # a full-length line is cut out as a head of its own elsewhere (``_heads_of``), not here
    (_narrow("香港特区政府发表回归半年大事录", "中亚五", "国首脑", "会晤"), False, []),
])
def test_a_narrow_left_over_head_is_cut_where_its_parts_restate_two_headless_texts(block, headed, expected):
    """A left-over group of two heads wrapped in a narrow column reads as one headline (no full-length line to
    tell them apart): it is cut where each part restates a different headless text far more than the other's."""
    from banmian.tasks.text.segment.far_heads import _bodies, _narrow_heads_of_two_texts
    asia, hong_kong = _essay(20, _CENTRAL_ASIA), _essay(40, _HONG_KONG)
    if headed:
        asia.head = [Line(18, "中亚五国首脑在阿什哈巴德会晤", 14.0, HEAD)]
    units = [asia, hong_kong]
    parts = _narrow_heads_of_two_texts(block, units, _bodies(units))
    assert [[ln.text for ln in part] for part in parts] == expected


def test_two_narrow_heads_left_over_together_head_the_two_texts_they_restate():
    """Each head of the cut group heads its own text; nothing is left over."""
    asia, hong_kong = _essay(20, _CENTRAL_ASIA), _essay(40, _HONG_KONG)
    group = _narrow("居民生", "活如常", "香港特", "区政府", "中亚五", "国首脑", "会晤")
    assert claim_far_heads([asia, hong_kong], [], [group]) == []
    assert [ln.text for ln in hong_kong.head or []] == ["居民生", "活如常", "香港特", "区政府"]
    assert [ln.text for ln in asia.head or []] == ["中亚五", "国首脑", "会晤"]


_LANTERNS = "美国马里兰州的盖茨堡镇近日举办新年灯展，二百多件灯饰作品设置在道路两旁。"
_LANTERN_HEAD = _narrow("美国马里兰州", "盖茨堡镇举办", "新年灯展")


@pytest.mark.parametrize("donor, takes", [
    ("left over", True),  # a head no text took, that restates the caption: the photo's title
    ("text", False),  # a text's own head: never a photo's title, however well the caption restates it
    ("textless lead", True),  # a head printed with a name and no text (医疗机构安 / 全检查): no text's head
])
def test_a_photo_takes_a_far_head_only_when_no_text_took_it(donor, takes):
    """A photo's caption restating a head printed apart from it (wrapped over more lines than a photo takes from
    above) takes it when the head was left over or makes a lead with no text; a text keeps its own head."""
    photo = _essay(60, _LANTERNS)
    photo.kind = "photo"
    text = _essay(20, _CENTRAL_ASIA)
    head = _LANTERN_HEAD if donor != "textless lead" else _narrow("美国马里兰州盖茨堡镇", "举办新年灯展")
    lead = Unit("lead", lead_lines=[*head, Line(90, "李小强", 3.0, BYLINE)])
    if donor == "text":
        text.head = list(head)
    left = claim_far_heads([text, photo, lead] if donor == "textless lead" else [text, photo], [],
                           [list(head)] if donor == "left over" else [])
    assert [ln.text for ln in photo.head or []] == ([ln.text for ln in head] if takes else [])
    assert left == []


_CAPTION = "图为检查组成员在一家化工企业查看消防设施和应急器材的配备情况。"


@pytest.mark.parametrize("head, caption_width, moved", [
    (("全市开展冬季", "安全生产检查"), 33.0, True),  # narrow lines over a wide caption, restated by the story
    (("全市开展冬季", "安全生产检查"), 9.0, False),  # the caption line only an indent wider: its own opening
    (("化工企业查看", "消防器材配备"), 33.0, False),  # restated by the caption, not the story: the photo's title
])
def test_a_head_read_as_a_captions_first_lines_heads_the_headless_text_it_restates(head, caption_width, moved):
    """``天津蓟县发现17亿`` / ``年前宇宙尘`` / ``新 疆 军 区 某 汽 车 团 …``: a head printed after its text lands over a
    photo's caption and is read as the caption's opening; narrow lines over a caption set far wider, that a
    headless story restates, leave the caption and head that story."""
    story = read_units(classify_page(STORY_A)).units[0]
    lines = [Line(60 + k, text, float(len(text)), PROSE) for k, text in enumerate(head)]
    lines.append(Line(62, _CAPTION, caption_width, PROSE))
    photo = Unit("photo", paras=[Paragraph(lines, caption_width, terminated=True)])
    assert claim_far_heads([story, photo], [], []) == []
    assert ([ln.text for ln in story.head or []], photo.body_text()) == \
        ((list(head), _CAPTION) if moved else ([], "".join(head) + _CAPTION))


_BANNER = "认真学习宣传贯彻党的十九大精神"
_SUPERVISION = ("党的十九大报告提出健全党和国家监督体系。完善党和国家监督体系，要把党内监督同国家机关监督贯通起来，"
                "构建党统一指挥、全面覆盖、权威高效的监督体系。")
_CORE = ("我们要认真学习贯彻党的十九大精神，深入学习宣传习近平新时代中国特色社会主义思想，"
         "增强维护核心的思想自觉和行动自觉。")


@pytest.mark.parametrize("lead, left_over, headline, banners", [
    # the banner restates the other essay's words no less: the head no text took that restates this one heads it
    ([_BANNER], "健全党和国家监督体系", "健全党和国家监督体系", [_BANNER]),
    # a head of its own, restated by this essay more than by any other: kept
    (["完善党和国家监督体系"], "健全党和国家监督体系", "完善党和国家监督体系", []),
    # a left-over head that restates this essay no more than another: the banner stays
    ([_BANNER], "增强维护核心的思想自觉", _BANNER, []),
])
def test_a_lead_headed_only_by_the_pages_banner_takes_the_head_no_text_took_that_restates_it(
        lead, left_over, headline, banners):
    """``认真学习宣传贯彻党的十九大精神`` over one essay of a theory page is the page's banner, not its headline."""
    essay = _essay(10, _SUPERVISION, [Line(8, t, float(len(t)), HEAD) for t in lead])
    other = _essay(40, _CORE)
    leftovers = [[Line(60, left_over, float(len(left_over)), HEAD)]]
    assert [ln.text for ln in trade_banners([essay, other], leftovers)] == banners
    assert [ln.text for ln in essay.lead_lines] == [headline]
    assert len(leftovers) == 1 - len(banners)


@pytest.mark.parametrize("page_text, takes", [
    ("安全生产\n迎新春\n\n" + _PROSE_A + "\n" + STORY_B, True),  # the first text under the head no text took
    (STORY_B + "\n安全生产\n迎新春\n\n" + _PROSE_A, True),  # the same after another story
    (_PROSE_A + "\n安全生产\n迎新春\n\n" + STORY_B, False),  # printed over another text: a far head, at FAR_CLAIM_MIN
])
def test_headless_prose_on_a_leads_page_takes_the_head_no_text_took_printed_straight_over_it(page_text, takes):
    """``松花江上冰帆扬`` / its photo's credit / its text: on a lead's page, headless prose takes a left-over head
    printed straight over it at ``HEADLESS_STORY_CLAIM_MIN`` (half its words here), not ``FAR_CLAIM_MIN``."""
    page = read_units(classify_page(page_text))
    prose = next(u for u in page.units if u.kind == "orphan")
    lead = [Unit("lead", lead_lines=[Line(90, "本报记者 董伟", 6.0, "byline")])]
    left = claim_far_heads(page.units + lead, [], [page.groups[0].lines])
    assert ([ln.text for ln in prose.head or []], left == []) == ((["安全生产", "迎新春"], True) if takes else ([], False))


_SUBJECT_HEAD = [Line(384, "双辽市辽东街做好", 8.0, HEAD), Line(385, "安全生产工作", 6.0, HEAD)]


@pytest.mark.parametrize("left_over, head, remains", [
    # a couplet wrapped over four lines, left over right above the subject line a text took: its main headline
    ([Line(380, "强化职责", 4.0, HEAD), Line(381, "担 当", 2.0, HEAD), Line(382, "筑牢安全", 4.0, HEAD),
      Line(383, "防线", 2.0, HEAD)], ["强化职责担当 筑牢安全防线", "双辽市辽东街做好安全生产工作"], []),
    # a one-line couplet a blank over it, another head's line left in its group
    ([Line(379, "农村客运班车能否加密", 10.0, HEAD), Line(382, "优化营商环境 搭建沟通平台", 12.0, HEAD)],
     ["优化营商环境 搭建沟通平台", "双辽市辽东街做好安全生产工作"], ["农村客运班车能否加密"]),
    # halves of unequal length: a figure and a unit cut from other lines, no couplet (the head as it was)
    ([Line(382, "八十八", 3.0, HEAD), Line(383, "亿元", 2.0, HEAD)], ["双辽市辽东街做好安全生产工作"], ["八十八", "亿元"]),
    # a couplet printed far above (three blanks): no subject line of it
    ([Line(378, "强化职责担当", 6.0, HEAD), Line(379, "筑牢安全防线", 6.0, HEAD)], ["双辽市辽东街做好安全生产工作"],
     ["强化职责担当", "筑牢安全防线"]),
])
def test_a_couplet_left_over_right_above_a_texts_head_is_its_headline_over_that_subject_line(left_over, head, remains):
    from banmian.tasks.text.segment.far_heads import _take_couplet_above
    from banmian.tasks.text.segment.headlines import parse_headline
    unit, left = _essay(390, "双辽市辽东街党工委不断强化职责担当，牢固树立安全生产工作的红线意识。"), [list(left_over)]
    unit.head = list(_SUBJECT_HEAD)
    _take_couplet_above(unit, left)
    parsed = parse_headline(unit.head)
    assert [t for t in (parsed.headline, parsed.subheadline) if t] == head
    assert [ln.text for group in left for ln in group] == remains


_MEETING_LEFT = [Line(161, "关注民生", 4.0, HEAD), Line(162, "明确思路 笃行实干", 9.0, HEAD),
                 Line(163, "——四平经开区", 7.0, SUBTITLE), Line(164, "召开2023年重点", 7.0, HEAD)]


@pytest.mark.parametrize("text, head, remains", [
    # the ——subtitle cut into pieces over the piece a text took says what the text says: the couplet's subject
    ("近日，四平经开区召开2023年重点工作动员部署会。", ["明确思路 笃行实干", "四平经开区召开2023年重点工作动员部署会"],
     ["关注民生"]),
    # a text that does not say it: the pieces stay where they were
    ("近日，四平经开区召开重点工作会议。", ["工作动员部署会"], [ln.text for ln in _MEETING_LEFT]),
])
def test_a_couplet_left_over_with_pieces_of_its_subtitle_takes_the_piece_a_text_took_that_says_it(text, head, remains):
    from banmian.tasks.text.segment.far_heads import _take_couplet_above
    from banmian.tasks.text.segment.headlines import parse_headline
    unit, left = _essay(170, text), [list(_MEETING_LEFT)]
    unit.head = [Line(165, "工作动员部署会", 7.0, HEAD)]
    _take_couplet_above(unit, left)
    parsed = parse_headline(unit.head)
    assert [t for t in (parsed.headline, parsed.subheadline) if t] == head
    assert [ln.text for group in left for ln in group] == remains


#: A text's head: a whole headline over the couplet and subject line the text keeps, then a wrapped headline.
_SET_ATOP = [Line(no, text, float(len(text)), HEAD) for no, text in
             ((200, "农民乐队新年为群众义演"), (201, "阅享新时代"), (202, "奋进新征程"), (203, "铁西区民政局推进书香机关建设"))]
_WRAPPED = [Line(no, text, float(len(text)), HEAD) for no, text in
            ((300, "冷水性珍稀鱼类获保"), (301, "护专家建议重点保护"), (302, "8种濒危鱼类"))]


@pytest.mark.parametrize("head, line, may_take", [
    (_SET_ATOP, 0, True),  # a whole headline set atop the head its text keeps: a photo's title, if it restates it
    (_SET_ATOP, 3, True),  # a whole headline under it alike
    (_WRAPPED, 1, False),  # a line whose words run on across its breaks (获保|护): a piece of the text's headline
    (_SET_ATOP[:1], 0, False),  # the text's only heading line: its own head
    (_SET_ATOP, 1, False),  # a short half of a couplet: no headline of its own
])
def test_a_photo_takes_a_whole_headline_set_atop_the_head_a_text_keeps(head, line, may_take):
    from banmian.tasks.text.segment.far_heads import _may_take_from
    donor = read_units(classify_page(STORY_A)).units[0]
    donor.head = head
    assert _may_take_from(Unit("photo"), donor, [head[line]]) is may_take
    assert _may_take_from(Unit("story"), donor, [head[line]])  # a text takes any head it restates far more
