"""An essay's empty section (two crossheads stacked) takes the text the essay opened with out of page order."""

import pytest

from banmian.tasks.text.lines import PROSE, Line
from banmian.tasks.text.paragraphs import Paragraph
from banmian.tasks.text.segment.intros import fill_empty_sections
from banmian.tasks.text.segment.units import Unit


def _paragraph(no: int) -> Paragraph:
    return Paragraph([Line(no, "党的十九大报告对健全监督体系作出部署。", 18.0, PROSE)], 18.0, terminated=True)


@pytest.mark.parametrize("lines, heads, order, placed", [
    # the section printed below (185, 200) opens the essay before its intro (5); the crossheads A, B stand stacked
    # over 21: the section goes under A, the intro opens the essay
    ([185, 200, 5, 21, 40], {3: ["A", "B"]}, [5, 185, 200, 21, 40], {1: ["A"], 3: ["B"]}),
    # no empty section: the order stays (a text placed first may be the essay's own opening)
    ([185, 200, 5, 21, 40], {3: ["A"], 4: ["B"]}, [185, 200, 5, 21, 40], {3: ["A"], 4: ["B"]}),
    # the essay opens in page order: nothing printed apart to fill the stack with
    ([5, 21, 40], {1: ["A", "B"]}, [5, 21, 40], {1: ["A", "B"]}),
    # the text placed first runs straight into the stack, no opening of the essay's before it: it stays
    ([185, 5, 21], {1: ["A", "B"]}, [185, 5, 21], {1: ["A", "B"]}),
])
def test_a_section_printed_apart_fills_the_crosshead_stacked_with_nothing_under_it(lines, heads, order, placed):
    unit = Unit("lead", paras=[_paragraph(no) for no in lines], crossheads_before=dict(heads))
    fill_empty_sections([unit])
    assert [p.first_line for p in unit.paras] == order and unit.crossheads_before == placed
