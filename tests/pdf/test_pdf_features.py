"""A feature's sections set apart: a crosshead standing in a region of its own takes the text under it, also when
the layout gave that text to the region of another story's heading it stands beside."""

from __future__ import annotations

import pytest

from banmian.tasks.pdf.extract import Glyph, TextLine, make_line
from banmian.tasks.pdf.features import (sections_beside_headings, sections_run_on, texts_under_column_crossheads,
                                        texts_under_crossheads)
from banmian.tasks.pdf.flow import Flow
from banmian.tasks.pdf.heads import Heading
from banmian.tasks.pdf.layout import Block, Region, Type
from banmian.tasks.pdf.stories import Story
from banmian.tasks.text.lines import Line
from banmian.tasks.text.paragraphs import Paragraph
from tests.pdf.test_pdf_stories import FULL, column, line

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


@pytest.mark.parametrize("drop,taken", [
    (40.0, True),    # the text four lines under the crosshead that ends a section's text: that crosshead's
    (100.0, False),  # seven lines down: other text
])
def test_a_crosshead_ending_a_sections_text_takes_the_headless_text_under_it(drop: float, taken: bool) -> None:
    section = story("企业赞助体育的着眼点", 11.0, ["杜葵：柯达公司一贯支持体育事业。"], (300.0, 0.0))
    crosshead = make_line([Glyph(c, 10.0 + 11.0 * i, 21.0 + 11.0 * i, 500.0, 11.0, "F")
                           for i, c in enumerate("从单纯赞助到全面参与")])
    section.flow.crossheads[1] = [crosshead.text]
    section.flow.crosshead_lines.append(crosshead)
    text = story(None, 0.0, ["张庆：李宁牌不遗余力地支持中国体育事业的发展。"], (crosshead.top + drop, 8.0))
    left = texts_under_crossheads([section], [text], BODY)
    assert (left == []) is taken
    assert len(section.flow.paras) == (2 if taken else 1)


def _crosshead(text: str, size: float, top: float) -> TextLine:
    return make_line([Glyph(c, 10.0 + size * i, 10.0 + size * (i + 1), top, size, "F") for i, c in enumerate(text)])


@pytest.mark.parametrize("heads,size,taken", [
    (["日本人民欢庆元旦"], 11.0, True),                     # one crosshead at the sections' size: a section run on (dev 0034)
    (["日本人民欢庆元旦"], 12.0, False),                    # a size of its own: the story's crosshead
    (["从单纯赞助到全面参与", "企业赞助体育的着眼点"], 11.0, False),  # two: the story's own crossheads
])
def test_a_lone_crosshead_at_the_sections_size_ending_a_story_is_a_section_run_on(heads: list[str], size: float,
                                                                                    taken: bool) -> None:
    texts = ["1997年，水利改革与建设取得重大进展。", *[f"第{i}段。" for i in range(len(heads))]]
    host = story("继续加强水利的基础地位", 22.0, texts, (580.0, 0.0))
    for i, head in enumerate(heads):
        host.flow.crossheads[i + 1] = [head]
        host.flow.crosshead_lines.append(_crosshead(head, size, 850.0 + 40.0 * i))
    found = sections_run_on([host], [11.0])
    assert [st.heading.headline for st in found] == (heads if taken else [])
    assert len(host.flow.paras) == (1 if taken else len(texts))
    assert sum(len(st.flow.paras) for st in found) == (1 if taken else 0)


@pytest.mark.parametrize("first,drop,shift,moved", [
    ("　全面打造政府网站平台权威引领作用紧紧", 46.0, 5.0, True),   # dev 0043: opens a paragraph right under it
    ("全面打造政府网站平台权威引领作用紧紧围绕", 46.0, 5.0, False),  # goes on with a sentence: the story's next column
    ("　全面打造政府网站平台权威引领作用紧紧", 100.0, 5.0, False),  # seven lines under the crosshead: other text
    ("　全面打造政府网站平台权威引领作用紧紧", 46.0, 40.0, False),  # four ems aside: another column's text
])
def test_a_section_text_beside_another_story_heading_goes_under_its_bare_crosshead(first: str, drop: float,
                                                                                  shift: float, moved: bool) -> None:
    crosshead = Region([Block([line("强化政府网站和政务公开工作", 250.0 + shift, 1000.0, 12.0)], "display")])
    heading = Block([line("世界市场原油价", 60.0, 1050.0, 18.0), line("格下降纽约商", 60.0, 1075.0, 18.0)], "display")
    aside = column([first, FULL, FULL, FULL, FULL], 250.0, 1000.0 + drop)
    story = Region([heading, column([FULL, FULL], 60.0, 1110.0), aside])
    sections_beside_headings([crosshead, story], BODY)
    assert (crosshead.blocks[1:] == [aside]) is moved
    assert (aside in story.blocks) is not moved


@pytest.mark.parametrize("inner_size,taken", [
    (11.0, True),   # the headless text's own crosshead at the bare crosshead's size: the feature's crosshead size
    (12.0, False),  # its crosshead at a size of its own: the bare heading shows no crosshead size
])
def test_a_bare_crosshead_at_the_size_of_the_headless_texts_own_crossheads_takes_it(inner_size: float,
                                                                                     taken: bool) -> None:
    """A feature whose sections all read as headless text: the only crossheads set at the bare heading's size
    are inside that text (dev 0033: 全面提升政务服务水平 over 压缩办理时限…, which holds 强化政府网站和政务公开工作)."""
    lead = story("深化服务改革 解决群众难题", 28.0, ["年初以来，铁西区政务服务局深入贯彻落实。"], (50.0, 0.0))
    bare = story("全面提升政务服务水平", 11.0, [], (380.0, 420.0))
    text = story(None, 0.0, ["压缩办理时限提升审批效率。", "全面打造政府网站平台权威引领作用。"], (430.0, 417.0))
    text.flow.crossheads[1] = ["强化政府网站和政务公开工作"]
    text.flow.crosshead_lines.append(_crosshead("强化政府网站和政务公开工作", inner_size, 600.0))
    left = texts_under_crossheads([lead, bare], [text], BODY)
    assert (left == []) is taken
    assert len(bare.flow.paras) == (2 if taken else 0)


@pytest.mark.parametrize("under,drop,shift,moved", [
    (False, 40.0, -10.0, True),   # dev12 0054: the crosshead ends its column, its text a region three lines under it
    (True, 40.0, -10.0, False),   # the region's own text goes on under the crosshead: not its text
    (False, 100.0, -10.0, False),  # seven lines under it: other text
    (False, 40.0, 60.0, False),   # five ems aside: another column's text
])
def test_headless_text_under_a_crosshead_ending_a_column_goes_in_after_it(under: bool, drop: float, shift: float,
                                                                          moved: bool) -> None:
    head = Block([line("常规武器黔驴技穷", 210.0, 380.0, 12.0)], "display")
    blocks = [Block([line("百虎撼岳", 300.0, 60.0, 27.0)], "display"), column([FULL] * 10, 60.0, 200.0),
              column([FULL] * 10, 200.0, 200.0), head, column([FULL] * 10, 340.0, 200.0)]
    blocks += [column([FULL], 200.0, 450.0)] if under else []
    feature = Region(blocks)
    text = Region([column(["　改革开放初期很多地区还没有解决温饱问题", FULL], 200.0 + shift, 391.0 + drop)])
    regions = texts_under_column_crossheads([feature, text], BODY)
    assert (regions == [feature]) is moved
    assert (feature.blocks[4:5] == text.blocks) is moved
