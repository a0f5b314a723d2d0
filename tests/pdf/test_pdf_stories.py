"""A region read as a story: text standing beside its heading that goes on no sentence of it is taken off; a
headless column set beside a story's heading, its byline at its top, is that story's first column."""

from __future__ import annotations

import pytest

from banmian.tasks.pdf.extract import Box, Glyph, TextLine, make_line
from banmian.tasks.pdf.layout import Block, Region, Type
from banmian.tasks.pdf.stories import Parts, join_first_columns, join_last_columns, text_beside_heading, titles_picture

BODY = Type(10.0, 1.5)


def line(text: str, x0: float, base: float, size: float = 10.0) -> TextLine:
    return make_line([Glyph(c, x0 + size * i, x0 + size * (i + 1), base, size, "F") for i, c in enumerate(text)])


def column(texts: list[str], x0: float, base: float) -> Block:
    """Lines of a column at ``x0``, one under the other; a line opening with an ideographic space is indented."""
    return Block([line(t.lstrip("　"), x0 + (20.0 if t.startswith("　") else 0.0), base + 15.0 * i)
                  for i, t in enumerate(texts)], "body")


FULL = "不再焚烧玉米秸秆造成污染而是将它粉碎气化"  # 20 characters: a justified line of the column


@pytest.mark.parametrize("under_last,beside,taken", [
    # the column under the heading ends its paragraph short; one line level with the heading, no indent: a tail
    ("还人们一个蓝天。", ["片穷得让人流泪的土地上扎下了根。"], True),    # dev 0069
    # the column under the heading goes on at its foot: the text beside is the story's next column
    (FULL, ["片穷得让人流泪的土地上扎下了根。"], False),
    # the block beside runs on below the heading: the story's next column
    ("还人们一个蓝天。", ["片穷得让人流泪的土地上扎下了根。", FULL, FULL, FULL], False),
    # the block beside opens indented: a paragraph of its own, no tail
    ("还人们一个蓝天。", ["　片穷得让人流泪的土地上扎下", "了根。"], False),
])
def test_text_beside_a_heading_going_on_no_sentence_of_its_story_is_taken_off(under_last: str, beside: list[str],
                                                                               taken: bool) -> None:
    heading = Block([line("河北将推广", 60.0, 1020.0, 17.5), line("秸秆气技术", 60.0, 1042.0, 17.5)], "display")
    under = column([FULL, FULL, under_last], 36.0, 1075.0)
    aside = column(beside, 250.0, 1015.0)
    parts = Parts(heads=[heading], text=[under, aside])
    found = text_beside_heading(parts, BODY)
    assert (found == [aside]) is taken
    assert len(parts.text) == (1 if taken else 2)


def _host(byline: bool) -> Region:
    """A story headed at the top of the page, its text opening under the subheadline at 1060 and 250 pt."""
    head = [Block([line("文艺部", 300.0, 1000.0, 24.0)], "display"),
            Block([line("百年恩来要说的太多", 280.0, 1030.0, 13.0)], "display")]
    own = [Block([line("本报记者 甲乙", 300.0, 1045.0, 10.5)], "display")] if byline else []
    return Region([*head, *own, column([FULL, FULL], 250.0, 1060.0 + (15.0 if byline else 0.0))])


@pytest.mark.parametrize("col_x0,col_base,col_byline,host_byline,joined", [
    (36.0, 1060.0, True, False, True),     # dev 0061: one gutter left, level with the story's text, byline on top
    (36.0, 1105.0, True, False, False),    # opens three lines under the story's text: no first column of it
    (10.0, 1060.0, True, False, False),    # stands wider than a gutter off the story's text
    (36.0, 1060.0, False, False, False),   # no byline over it: nothing says it opens a story
    (36.0, 1075.0, True, True, False),     # the story has its own byline: the column is another's
])
def test_a_headless_column_beside_a_heading_is_the_story_first_column(col_x0: float, col_base: float,
                                                                      col_byline: bool, host_byline: bool,
                                                                      joined: bool) -> None:
    host = _host(host_byline)
    by = [Block([line("本报记者 向兵", col_x0, col_base - 15.0, 10.5)], "display")] if col_byline else []
    col = Region([*by, column([FULL, FULL, FULL], col_x0, col_base)])
    out = join_first_columns([host, col], BODY)
    assert (out == [host]) is joined
    assert (host.blocks[2:2 + len(col.blocks)] == col.blocks) is joined


@pytest.mark.parametrize("first,col_x0,drop,lines,head_size,joined", [
    (FULL, 460.0, 0, 7, 24.0, True),        # dev13 0004: one gutter right, level with the heading's top and the text's foot
    ("　" + FULL, 460.0, 0, 7, 24.0, False),  # opens a paragraph: nothing says it goes on with the story's sentence
    (FULL, 460.0, 3, 4, 24.0, False),       # opens three lines under the heading's top: no column beside the heading
    (FULL, 460.0, 0, 4, 24.0, False),       # ends three lines over the story's foot
    (FULL, 490.0, 0, 7, 24.0, False),       # stands wider than a gutter off the story
    (FULL, 460.0, 0, 7, 12.0, False),       # dev 0018: beside a section's crosshead, no story's headline
])
def test_a_headless_column_beside_a_heading_to_the_text_foot_is_the_story_last_column(first: str, col_x0: float,
                                                                                      drop: int, lines: int,
                                                                                      head_size: float,
                                                                                      joined: bool) -> None:
    """The host's heading tops out at 980.6 (its 24 pt headline) and its text ends at 1076.1."""
    host = _host(False)
    if head_size < 24.0:
        host.blocks[:2] = [Block([line("一、事件经过", 300.0, 990.3, head_size)], "display")]
    col = Region([column([first, *[FULL] * (lines - 1)], col_x0, host.top + 8.07 + 15.0 * drop)])
    out = join_last_columns([host, col], BODY)
    assert (out == [host]) is joined
    assert (host.blocks[-1:] == col.blocks) is joined


@pytest.mark.parametrize("last,credit,taken", [
    # dev 0061: the story goes on beside its heading and ends with its credit flush right on a line of its own
    ("维护良好的城市生活环境。", "（通讯员 罗茂城）", True),
    ("维护良好的城市生活环境。", None, True),            # its last column ends short after a sentence
    (FULL, None, False),                                  # its last column goes on at its foot: no end of it
    (FULL, "通讯员罗茂城", False),                       # an unbracketed line under it: no credit to end it
])
def test_a_tail_beside_a_heading_is_taken_off_when_the_story_own_text_ends(last: str, credit: str | None,
                                                                           taken: bool) -> None:
    heading = Block([line("引导文明施工", 60.0, 1020.0, 17.5), line("营造宜居环境", 60.0, 1042.0, 17.5)], "display")
    under = column([FULL, FULL, FULL], 36.0, 1075.0)                  # ends mid-sentence: goes on beside
    beside = column([FULL, FULL, FULL, FULL, FULL, last], 250.0, 1015.0)  # the story's next column
    own_credit = [column([credit], 300.0, 1105.0)] if credit else []
    tail = column(["01.6亿元。政数局推动新版全流程审批"], 470.0, 1015.0)
    parts = Parts(heads=[heading], text=[under, beside, *own_credit, tail])
    assert (text_beside_heading(parts, BODY) == [tail]) is taken


PICTURE = Box(100.0, 200.0, 300.0, 330.0)   # centre 200


@pytest.mark.parametrize("text,size,centre,titles", [
    ("云南建成第一条高架公路", 11.2, 200.0, True),    # dev12 0091: 0.7 of a 1.6 headline, centred over the picture
    ("云南建成第一条高架公路", 11.2, 230.0, False),   # three body sizes off the picture's centre: no title of it
    ("本报记者 王芳", 11.0, 200.0, False),            # a byline's type and form over an inset picture
    ("云南建成第一条高架公路", 16.0, 230.0, True),    # heading type titles the picture wherever it stands over it
    ("云南建成第一条高架公路", 10.0, 200.0, False),   # body type: a caption line, no title
])
def test_a_line_of_display_type_centred_over_a_picture_titles_it(text: str, size: float, centre: float,
                                                                  titles: bool) -> None:
    ln = line(text, centre - size * len(text) / 2, 180.0, size)
    kind = "display" if size > BODY.size else "body"
    assert titles_picture(Block([ln], kind), PICTURE, BODY) is titles
