"""A feature's sections set apart: a crosshead standing in a region of its own takes the text under it."""

from __future__ import annotations

import pytest

from banmian.tasks.pdf.features import texts_under_crossheads
from banmian.tasks.pdf.flow import Flow
from banmian.tasks.pdf.heads import Heading
from banmian.tasks.pdf.layout import Type
from banmian.tasks.pdf.stories import Story
from banmian.tasks.text.lines import Line
from banmian.tasks.text.paragraphs import Paragraph

BODY = Type(10.0, 1.4)


def story(head: str | None, size: float, texts: list[str], place: tuple[float, float]) -> Story:
    flow = Flow([Paragraph([Line(i + 1, t, float(len(t)), "prose")], 100.0) for i, t in enumerate(texts)])
    flow.flush_right = [False] * len(texts)
    return Story(Heading(headline=head), size, [], flow, 1 if head else 0, single_head=head is not None, place=place)


@pytest.mark.parametrize("size,drop,shift,taken", [
    (11.0, 40.0, 2.0, True),    # the page's crosshead size, its text four lines under it: the section's text
    (12.0, 40.0, 2.0, False),   # a size of its own (a label over a column of briefs, 短讯): not a crosshead
    (11.0, 100.0, 2.0, False),  # seven lines down: other text
    (11.0, 40.0, 60.0, False),  # six ems aside: text of another column
])
def test_a_bare_crosshead_takes_the_headless_text_right_under_it(size: float, drop: float, shift: float,
                                                                 taken: bool) -> None:
    lead = story("燃太岳烽火树浩然正气", 20.0, ["安子文同志是我们党的杰出的组织活动家。"], (50.0, 0.0))
    section = story("武装群众坚持游击斗争", 11.0, ["重视发动群众是安子文同志的一贯思想。"], (300.0, 0.0))
    bare = story("贯彻统一战线政策", size, [], (500.0, 200.0))
    text = story(None, 0.0, ["太岳区的社会环境非常复杂。"], (500.0 + drop, 200.0 + shift))
    left = texts_under_crossheads([lead, section, bare], [text], BODY)
    assert (left == []) is taken
    assert bool(bare.flow.paras) is taken
