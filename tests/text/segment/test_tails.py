"""A paragraph cut by a column jump rejoins its far-away tail."""

import pytest

from tests.text.segment.stories import ESSAY_APART_BOX, ESSAY_CUT_SECTION, by_kind, essay_with_a_box_apart, \
    segment_checked


def test_a_moved_tail_whose_first_line_stops_short_before_a_number_rejoins_its_sentence():
    """A line stops short where the number after it would not fit: like an indent, but no paragraph start.

    The tail, printed far from its sentence (after the next section),
    completes the section's cut paragraph.
    """
    page = ("提升政务服务水平 助力高质量发展\n——县政数局工作侧记\n\n本报记者 邓欣\n\n"
            "一年来，县政数局始终坚持以人民为\n中心，全力打造高效便捷的政务服务\n环境，群众满意度持续提升。\n\n"
            "审批制度改革不断完善\n\n"
            "不断推进工程建设项目全流程线上\n审批，全流程审批覆盖率达到百分百。\n重点推进前期协同服务，加快项目落地\n"
            "生成一单五清告知单和协同服务码。截\n至目前，工改系统在线\n\n"
            "营商环境不断优化\n\n重新调整了县营商环境建设领导小\n组成员，设立了开办企业、办理建筑许\n"
            "可等专项小组，出台优化提升方案，进\n一步明确工作思路。\n\n"
            "审批项目１５０件，计划完成投资\n３０１．６亿元，打通了群众办事的最\n后一公里，企业和群众办事更加便捷，\n"
            "办事效率明显提高，营商环境持续向好\n发展。\n")
    result = segment_checked(page)
    (feature,) = by_kind(result, "feature")
    assert any(p.endswith("截至目前，工改系统在线审批项目150件，计划完成投资301.6亿元，打通了群众办事的最后一公里，"
                          "企业和群众办事更加便捷，办事效率明显提高，营商环境持续向好发展。")
               for p in feature.paragraphs)


@pytest.mark.parametrize("box", [ESSAY_APART_BOX, ["从生态保护把握乡", "村振兴的落脚点"]])
def test_a_tail_under_a_crosshead_printed_apart_completes_the_cut_paragraph_it_heads(box):
    """A box set at a column's top over the tail of a section cut at the column before: the tail (full first line,
    last, a word across the join) completes the cut paragraph, and the box heads that paragraph."""
    (essay,) = segment_checked(essay_with_a_box_apart(box)).articles
    texts = [b.text for b in essay.blocks]
    assert texts[texts.index(ESSAY_CUT_SECTION) - 1] == "".join(box)


def test_a_section_that_opens_under_a_crosshead_is_no_tail():
    """Under a crosshead an indented first line opens the section: it completes no cut paragraph."""
    articles = segment_checked(essay_with_a_box_apart(tail_indent=4)).articles
    assert not any(ESSAY_CUT_SECTION in a.paragraphs for a in articles)
