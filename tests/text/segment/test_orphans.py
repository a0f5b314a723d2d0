"""Where headless prose belongs: a lead it is a section of, the story it goes on with, or itself."""

from pathlib import Path

import pytest

from banmian.tasks.text.lexicon import bigram_set
from banmian.tasks.text.lines import PROSE, Line
from banmian.tasks.text.paragraphs import Paragraph
from banmian.tasks.text.segment import read_page
from banmian.tasks.text.segment.cohesion import PageVocabulary
from banmian.tasks.text.segment.joins import PageContext, cohesion_ceiling, host_cohesion, orphan_side, section_count
from banmian.tasks.text.segment.orphans import _Resolution, load_join_model
from banmian.tasks.text.segment.units import Unit
from tests.text.segment.stories import HEAD_A, LEAD, STORY_A, by_kind, column_lines, essay_page, heads, segment_checked


def test_lead_feature_gathers_scattered_body_and_undoubles_crossheads():
    page = ("深化服务改革 解决群众难题\n——区政务服务局工作侧记\n\n本报通讯员 金鑫\n\n"
            + STORY_A + "\n" + HEAD_A + "\n"
            + "年初以来，区政务服务局持续深化改革，全力推进营商环境建设。\n\n"
            + "提升服务水平提升服务水平\n\n"
            + "压缩办理时限，提升审批效\n率。推进全流程审批系统向基\n层延伸，切实解决群众难题。\n")
    result = segment_checked(page)
    (feature,) = [a for a in result.articles if a.kind == "feature"]
    assert feature.headline == "深化服务改革 解决群众难题"
    assert feature.subheadline == "区政务服务局工作侧记"
    assert (feature.byline, feature.authors) == ("本报通讯员 金鑫", ["金鑫"])
    assert [b.kind for b in feature.blocks] == ["p", "h", "p"]
    assert feature.crossheads == ["提升服务水平"]
    assert {r.reason for r in result.residue} == {"decoration", "duplicate_crosshead"}


def test_trailing_credit_split_over_two_lines_ends_the_article():
    """（记者 … 冯志 / 刚） closes its text: the wide prose after it continues the lead."""
    page = (LEAD + "\n秋粮收购有序开展\n全市已收购新粮八十万吨\n\n"
            "近日，全市秋粮收购工作全\n面展开，各收储企业敞开收购，\n确保农民卖粮不难。截至目前，\n"
            "已收购新粮八十万吨，收购工作\n进展顺利。（记者 欧阳晓 通讯员 冯志\n刚）\n\n"
            "农业经营主体三百余家，建成现代农业产业园五个，带动农户户均\n"
            "增收四千元，乡村振兴的成色更足、底色更亮。\n")
    result = segment_checked(page)
    story = heads(result)["秋粮收购有序开展"]
    assert (story.byline, story.authors) == ("（记者 欧阳晓 通讯员 冯志刚）", ["欧阳晓", "冯志刚"])
    assert story.paragraphs == ["近日，全市秋粮收购工作全面展开，各收储企业敞开收购，确保农民卖粮不难。"
                                "截至目前，已收购新粮八十万吨，收购工作进展顺利。"]
    (feature,) = by_kind(result, "feature")
    assert "农业经营主体三百余家" in "".join(feature.paragraphs)


def test_text_closed_by_an_inline_jump_marker_ends_before_the_leads_wide_intro():
    """增长（下转第一版）: nothing of that story follows on this page, so the wide text after it is the lead's."""
    page = ("提升政务服务水平 助力高质量发展\n——县政数局工作综述\n\n本报通讯员 王晓东\n\n"
            + HEAD_A + "\n" + STORY_A.rstrip("\n")[:-1] + "，累计\n整改到位三十余项，同比增长（下转第一版）\n\n"
            "一年来，县政数局始终坚持以人民为中心，紧紧围绕改革痛点堵点问题，坚持优化政务服务流程，\n"
            "全力打造高效便捷的政务服务体系，全面优化全县营商环境，被评为全省先进档次。\n")
    result = segment_checked(page)
    story = heads(result)["开展安全检查 守护平安冬季"]
    assert story.continued_to == "下转第一版"
    assert story.paragraphs[-1].endswith("同比增长")
    (feature,) = by_kind(result, "feature")
    assert feature.paragraphs[0].startswith("一年来，县政数局")


@pytest.mark.parametrize("jump", [
    "力争全年目标任务圆满完成\n。（下转第四版）\n",  # the marker closing the text's last line
    "为项目建设提供全\n（下转第四版）\n",            # the marker on a line of its own
])
def test_text_after_a_story_that_jumped_to_another_page_does_not_go_on_with_it(jump):
    """Same column, no heading between: still not the story's, whose text went on to page 4."""
    page = (HEAD_A + "\n本报讯（记者 王芳）近日，\n全市开展冬季安全生产大检\n查，排查整治隐患四十多项，\n" + jump + "\n"
            "县政数局组织各部门开展培\n训指导，在十二个卡口设置\n宣传展板，累计备案车辆两\n万余次。\n")
    result = segment_checked(page)
    story = heads(result)["开展安全检查 守护平安冬季"]
    assert story.continued_to == "下转第四版"
    assert not any("县政数局" in p for p in story.paragraphs)


def test_an_orphans_bigrams_read_from_its_paragraphs_are_its_body_texts():
    """``orphan_side`` grows an orphan's bigrams from the vocabulary's paragraph counts: the same set as reading its text."""
    samples = sorted((Path(__file__).parents[3] / "data" / "sample").glob("*.txt"))
    orphans = 0
    for path in samples:
        page, vocab, _ = read_page(path.read_text(encoding="utf-8"))
        context = PageContext(vocab)
        for unit in page.units:
            if unit.kind == "orphan" and unit.paras:
                orphans += 1
                side = orphan_side(unit, context)
                assert side.grams == bigram_set(unit.body_text()) and side.text == unit.body_text()
    assert orphans


def test_cohesion_ceiling_is_never_below_the_cohesion_it_bounds():
    """``best_host`` skips a candidate whose ceiling is below the best found: the ceiling must bound every pair."""
    samples = sorted((Path(__file__).parents[3] / "data" / "sample").glob("*.txt"))
    pairs = 0
    for path in samples:
        page, vocab, _ = read_page(path.read_text(encoding="utf-8"))
        context = PageContext(vocab, section_count(page.units))
        resolution = _Resolution(page.units, load_join_model(), context)
        for i, unit in enumerate(page.units):
            if unit.kind == "orphan" and unit.paras:
                side = orphan_side(unit, context)
                for candidate in resolution.candidates(i):
                    pairs += 1
                    assert cohesion_ceiling(side, candidate.host, context) >= host_cohesion(side, candidate.host, context)
            resolution.place(i, unit)
    assert pairs


#: A second essay on the signed essay's theme, headless where it is printed (its heading stands elsewhere).
SAME_THEME = ["乡村振兴是党的十九大作出的重大决策部署。实施乡村振兴战略，要推动农村一二三产业融合发展，培养造就一支懂农业、"
              "爱农村、爱农民的工作队伍。",
              "产业兴旺是乡村振兴的重点，人才振兴是乡村振兴的关键。要让愿意留在乡村、建设家乡的人留得安心，让农民合理"
              "分享全产业链增值收益。"]


@pytest.mark.parametrize("name, bylines", [
    ("王海", ["李明", "王海"]),  # a name set after its closing note signs it: no section of 李明's essay
    (None, ["李明"]),            # unsigned, it reads as one more section of the essay on its theme
])
def test_a_text_signed_after_its_note_joins_no_text_signed_by_another(name, bylines):
    page = essay_page().replace("（作者为某大学农学院教授）\n", "")
    page += "\n".join(["", "", *[ln for p in SAME_THEME for ln in column_lines(p)], "（作者为某农业大学教授）", "",
                       *([name, ""] if name else [])])
    assert [a.byline for a in segment_checked(page).articles] == bylines


def _para(no: int, text: str, indented: bool = True) -> Paragraph:
    return Paragraph([Line(no, text, 14.0, PROSE)], 14.0, terminated=text.endswith("。"), indented=indented)


@pytest.mark.parametrize("tail_indented, essay_after_signed, hosts", [
    (False, True, ["cut"]),              # the end of a text cut off a signed essay goes on where a text stops mid-sentence
    (True, True, ["finished", "cut"]),   # an indented run opens a paragraph: any text may take it
    (False, False, ["finished", "cut"]),  # no signed essay cut it off: the model weighs every text
], ids=["tail-before-signed-essay", "indented", "unsigned-after"])
def test_a_tail_cut_off_a_signed_essay_goes_on_only_where_a_text_stops_mid_sentence(tail_indented, essay_after_signed,
                                                                                     hosts):
    """wild 010407: ``文明和谐美丽的…``, cut off 严书翰's essay, ends 叶帆's (``…富强民主``), not 颜晓峰's, which the
    model likes best for its length and which ends a sentence."""
    finished = Unit("lead", paras=[_para(10, "新时代我国社会主要矛盾的变化具有非同寻常的意义。")])
    cut = Unit("lead", paras=[_para(20, "它将使中国成为一个富强民主")])
    tail = Unit("orphan", paras=[_para(30, "文明和谐美丽的社会主义现代化强国。", indented=tail_indented)])
    essay = Unit("orphan", paras=[_para(40, "党的十九大报告作出重大政治论断。")], split_off=True, signed=essay_after_signed)
    names = {id(finished): "finished", id(cut): "cut"}
    resolution = _Resolution([finished, cut, tail, essay], load_join_model(), PageContext(PageVocabulary([])))
    resolution.place(0, finished)
    resolution.place(1, cut)
    assert [names[id(c.host)] for c in resolution.candidates(2)] == hosts
