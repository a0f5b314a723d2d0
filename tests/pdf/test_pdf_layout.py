"""How PDF pages are made, pinned on small hand-placed pages: vertical titles, kickers, couplet halves, and
the columns a centred heading spans (glyphs placed as a page would place them; no PDF file needed)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from banmian.tasks.model import Article, PageResult
from banmian.tasks.pdf.extract import ASCENT, Box, Glyph, PdfPage, TextLine, lines, make_line
from banmian.tasks.pdf.flow import Flow
from banmian.tasks.pdf.layout import (Block, Region, Type, _balanced_with, blocks, join_at_spaces, regions,
                                       split_at_gutters, split_at_white_strips)
from banmian.tasks.pdf.segment import segment_pdf_page
from banmian.tasks.pdf.stories import _take_pen_name
from banmian.tasks.text.lines import Line
from banmian.tasks.text.paragraphs import Paragraph

BODY = 10.0
PITCH = 14.0  # body leading 1.4
TYPE = Type(BODY, PITCH / BODY)


def row(text: str, x0: float, base: float, size: float = BODY) -> list[Glyph]:
    """A horizontal line of glyphs set solid from ``x0`` on ``base``."""
    return [Glyph(c, x0 + size * i, x0 + size * (i + 1), base, size, "F") for i, c in enumerate(text)]


def line(text: str, x0: float, base: float, size: float = BODY) -> TextLine:
    return make_line(row(text, x0, base, size))


def column(texts: Sequence[str], x0: float, base: float) -> list[TextLine]:
    """Body lines under each other at the body's pitch."""
    return [line(t, x0, base + PITCH * i) for i, t in enumerate(texts)]


def texts(reg: Region) -> list[str]:
    return [b.text for b in reg.blocks]


def region_of(found: list[Region], text: str) -> Region:
    return next(r for r in found if any(text in b.text for b in r.blocks))


def test_a_vertical_titles_first_characters_level_with_a_headline_open_it() -> None:
    size = 20.0
    title = "照片人物的故事"
    glyphs = row("长沙市整治美容美发店", 0.0, 100.0, size)  # the next story's headline, ending at x 200
    glyphs += [Glyph(c, 225.0, 225.0 + size, 100.0 + 1.1 * size * i, size, "F") for i, c in enumerate(title)]
    found, _ = lines(glyphs)
    assert [ln.text for ln in found if ln.vertical] == [title]
    assert "长沙市整治美容美发店" in [ln.text for ln in found]


def test_a_kicker_under_a_column_opens_the_story_under_it() -> None:
    above = column(["上一篇文章的正文第一行文字", "上一篇文章的正文最后一行。"], 0.0, 20.0)
    kicker = line("本报专稿", 40.0, 20.0 + 2 * PITCH + 12.0, 12.0)  # a crosshead's room off the text, no more
    headline = line("美人鱼头部失而复得", 10.0, kicker.bottom + 18.0, 17.0)
    below = column(["新华社电哥本哈根消息：五日夜被", "盗的美人鱼雕像头部已经找回。"], 0.0, headline.bottom + 14.0)
    found = regions(blocks([*above, kicker, headline, *below], TYPE), [], [], TYPE)
    assert region_of(found, "本报专稿") is not region_of(found, "上一篇文章")
    assert region_of(found, "本报专稿") is region_of(found, "盗的美人鱼")


def test_headlines_wrapped_over_two_lines_side_by_side_are_no_couplet() -> None:
    size = 20.0
    left = [line("上海国内生产总", 0.0, 30.0, size), line("值突破三千亿元", 0.0, 30.0 + 1.4 * size, size)]
    right = [line("强化职责担当", 170.0, 30.0, size), line("筑牢安全防线", 170.0, 30.0 + 1.4 * size, size)]
    under = 30.0 + 2.8 * size + 14.0
    text = column(["上海市统计局最新的统计资料表"] * 3, 0.0, under) + column(["双辽市辽东街党工委强化职"] * 3, 170.0, under)
    found = regions(blocks([*left, *right, *text], TYPE), [], [], TYPE)
    assert region_of(found, "上海国内生产总") is not region_of(found, "强化职责担当")


@pytest.mark.parametrize("right_x0,one", [
    (129.0, True),    # the second piece starts left of its column (x 150), the row centred over both: one heading
    (140.0, False),   # the second piece centred over its own column: two stories' headlines side by side
])
def test_a_heading_of_unlike_pieces_on_one_row_over_two_columns_is_one(right_x0: float, one: bool) -> None:
    size = 16.0
    left = line("不管是否愿意", 1.0, 30.0, size)                       # x 1-97
    right = line("实力是竞争的手段所在", right_x0, 30.0, size)         # ten ems of its size
    under = 30.0 + size + 3.0  # the heading's leading and a little over the text's first baseline
    text = column(["被行家和消费者誉为中国摩托车"] * 3, 0.0, under) + column(["引进先进技术本身不是目的所在"] * 3, 150.0, under)
    found = regions(blocks([left, right, *text], TYPE), [], [], TYPE)
    assert (region_of(found, "不管是否愿意") is region_of(found, "实力是竞争")) is one


def test_a_couplet_half_goes_with_the_nearer_piece_of_its_row() -> None:
    """dev12 0069: a story's headline 1.3 ems left of a couplet whose halves stand 0.7 ems apart."""
    size = 20.0
    own = line("大亚湾之光", 10.0, 30.0, size)                 # x 10-110, over its own column 0-120
    first = line("抢前抓早购良种", 136.0, 30.0, size)          # 1.3 ems on: x 136-276
    second = line("备足种子保丰收", 290.0, 30.0, size)         # 0.7 ems on: x 290-430
    under = 30.0 + size + 3.0
    text = column(["新年伊始从南中国海畔的"] * 3, 0.0, under) + column(["梨树县是全国有名的产粮大县虽然距离春耕"] * 3, 136.0, under)
    found = regions(blocks([own, first, second, *text], TYPE), [], [], TYPE)
    assert region_of(found, "抢前抓早购良种") is region_of(found, "备足种子保丰收")
    assert region_of(found, "抢前抓早购良种") is not region_of(found, "大亚湾之光")


@pytest.mark.parametrize("piece_x0,one", [
    (250.0, True),    # dev13 0082: the row (x 0-362) within the text's width and centred over it: one headline
    (270.0, False),   # the row reaches two ems past the text and is off its centre: a piece of its own
])
def test_a_textless_piece_on_a_headlines_row_under_a_kicker_is_its_second_piece(piece_x0: float, one: bool) -> None:
    size = 16.0
    kicker = line("民生实事面对面", 143.0, 14.0, 11.0)
    head = line("八十高龄亲率众学生在沪连演三场", 0.0, 30.0, size)   # x 0-240
    piece = line("然后又直奔北京", piece_x0, 30.0, size)              # seven ems of its size
    under = 30.0 + size + 3.0
    text = column(["周小燕歌剧中心这个名字对音乐爱好者"] * 3, 0.0, under) + column(["周小燕教授向记者回忆了在上海创办"] * 3, 192.0, under)
    found = regions(blocks([kicker, head, piece, *text], TYPE), [], [], TYPE)
    assert (region_of(found, "八十高龄") is region_of(found, "然后又直奔北京")) is one


def test_a_first_column_under_its_byline_joins_the_heading_centred_over_both() -> None:
    heading = line("华夏绝技惊悉尼", 37.5, 20.0, 25.0)  # centred over x 0-250, not over 130-250 alone
    base = heading.bottom + 0.4 * 25.0 + 10.0
    byline = line("□李学江", 0.0, base - PITCH, 10.6)
    first = column(["　　圣诞元旦期间是悉尼人", "如狂的日子。近来人们又多"], 0.0, base)
    second = column(["一个新的去处，那就是位于", "街旁的悉尼娱乐中心。"], 130.0, base)
    found = regions(blocks([heading, byline, *first, *second], TYPE), [], [], TYPE)
    assert region_of(found, "圣诞元旦") is region_of(found, "华夏绝技惊悉尼")


# --- whole hand-placed pages, read as articles ------------------------------------------------------


def page_of(*pieces: list[Glyph]) -> PdfPage:
    return PdfPage(1, 600.0, 800.0, tuple(g for piece in pieces for g in piece), (), ())


def text_lines(texts: Sequence[tuple[str, float]], base: float) -> list[Glyph]:
    """Body lines ``(text, x0)`` under each other at the body's pitch."""
    return [g for i, (t, x0) in enumerate(texts) for g in row(t, x0, base + PITCH * i)]


def article_with(result: PageResult, text: str) -> Article:
    return next(a for a in result.articles if any(text in b.text for b in a.blocks))


def test_a_letters_anonymous_signature_is_its_byline_with_no_author() -> None:
    head = row("路灯何时能修好", 50.0, 40.0, 20.0)
    letter = text_lines([("编辑同志：我们村里的路灯已经坏了半年", 20.0), ("多了，晚上出行很不方便，希望有关部门尽", 0.0),
                         ("快修好。", 0.0), ("双辽市一村民", 140.0), ("８月２０日，镇政府回复：已安排人员维修", 20.0),
                         ("路灯。", 0.0)], 40.0 + 20.0 * 1.4 + 6.0)
    art = article_with(segment_pdf_page(page_of(head, letter)).result, "编辑同志")
    assert (art.byline, art.authors) == ("双辽市一村民", [])


def test_a_photo_credit_over_its_caption_is_no_caption_text() -> None:
    credit = row("赵磊 摄影报道", 30.0, 240.0)  # flush right in a narrow column: three ems in, as an indent may be
    caption = text_lines([("图①：西藏乃东县结", 0.0), ("莎居委会的农民坚宗", 0.0), ("当选人大代表。", 0.0)], 240.0 + PITCH)
    picture = Box(0.0, 100.0, 100.0, 230.0)
    page = PdfPage(1, 600.0, 800.0, tuple(credit + caption), (), (picture,))
    art = article_with(segment_pdf_page(page).result, "图①")
    assert art.photographers == ["赵磊"]
    assert art.blocks[0].text.startswith("图①")


def test_a_photo_credit_set_over_two_short_lines_names_both_photographers() -> None:
    caption = text_lines([("图①：美国马里兰州的盖茨堡镇", 0.0), ("近日举办新年灯展。", 0.0),
                          ("本报记者 殷峻彪", 50.0), ("李志勇 摄", 90.0)], 240.0)
    page = PdfPage(1, 600.0, 800.0, tuple(caption), (), (Box(0.0, 100.0, 140.0, 230.0),))
    art = article_with(segment_pdf_page(page).result, "图①")
    assert art.photographers == ["殷峻彪", "李志勇"]
    assert all("殷峻彪" not in b.text for b in art.blocks)


def test_a_jump_marker_wrapped_around_a_picture_is_read_as_one() -> None:
    head = row("重视党组织的建设", 20.0, 40.0, 20.0)
    text = text_lines([("（上接", 20.0), ("第九版）安", 0.0), ("子文同志始", 0.0), ("终把党的建", 0.0), ("设作为大事。", 0.0)],
                      40.0 + 20.0 * 1.4 + 6.0)
    art = article_with(segment_pdf_page(page_of(head, text)).result, "子文同志")
    assert art.continued_from == "上接第九版"
    assert "上接" not in "".join(b.text for b in art.blocks)


def test_a_vertical_name_reaching_into_its_storys_column_is_that_storys_byline() -> None:
    head = row("农民夫妇考取公务员", 10.0, 40.0, 20.0)
    top = head[0].top  # the name's first character level with the headline, in the gutter at the column's edge
    name = [Glyph(c, 194.0, 205.0, top + 0.88 * 11.0 + 1.1 * 11.0 * i, 11.0, "F") for i, c in enumerate("陈洪标")]
    text = text_lines([("１９９７年，浙江省首次公开招考国家公务", 10.0), ("员，报名的人很多。", 0.0)], 40.0 + 20.0 * 0.52 + 8.8)
    art = article_with(segment_pdf_page(page_of(head, name, text)).result, "浙江省")
    assert (art.headline, art.byline) == ("农民夫妇考取公务员", "陈洪标")


@pytest.mark.parametrize("indent", [20.0, 10.0])  # its first line indented, or only an em in (read with the text)
def test_a_credit_set_over_two_short_lines_after_the_text_is_its_byline(indent: float) -> None:
    head = row("学习价格法", 0.0, 40.0, 20.0)
    text = text_lines([("价格法的实施对于", 20.0), ("保障我国社会主义市场", 0.0), ("经济健康地发展起来。", 0.0),
                       ("（据新华社南京１", indent), ("月５日电）", 50.0)], 40.0 + 20.0 * 0.52 + 8.8)
    art = article_with(segment_pdf_page(page_of(head, text)).result, "价格法的实施")
    assert art.byline == "（据新华社南京1月5日电）"
    assert "".join(b.text for b in art.blocks).endswith("发展起来。")


def test_a_credit_on_its_own_line_under_a_jump_marker_leaves_the_marker_to_close_the_text() -> None:
    head = row("北京远郊电信发展", 0.0, 40.0, 20.0)
    text = text_lines([("远郊十区县市话用户", 20.0), ("已突破五十万户，电话村", 0.0), ("已达到515个。（下转第8版）", 0.0),
                       ("（梁春贵）", 60.0)], 40.0 + 20.0 * 0.52 + 8.8)
    art = article_with(segment_pdf_page(page_of(head, text)).result, "远郊十区县")
    assert (art.byline, art.continued_to) == ("（梁春贵）", "下转第8版")
    assert "".join(b.text for b in art.blocks).endswith("515个。")


@pytest.mark.parametrize("pen", [("（阿 炳）", 0.0), ("（阿炳）", 80.0)])  # on the text's last line, or flush right
def test_a_pen_name_alone_on_the_texts_last_line_is_its_byline(pen: tuple[str, float]) -> None:
    head = row("一条美丽的星河", 0.0, 40.0, 20.0)
    text = text_lines([("伴随历史延伸而不断涌现", 20.0), ("出的英雄模范人物，如同", 0.0), ("一条美丽的星河，使共和", 0.0),
                       ("国的历史放射出光辉。", 0.0), pen], 40.0 + 20.0 * 0.52 + 8.8)
    art = article_with(segment_pdf_page(page_of(head, text)).result, "伴随历史")
    assert (art.byline, art.authors) == ("（阿炳）", ["阿炳"])
    assert "".join(b.text for b in art.blocks).endswith("光辉。")


@pytest.mark.parametrize("paragraphs,taken", [
    ([["（阿炳）"]], None),                                        # the whole text: no line before it to end
    ([["国的历史放射出光辉。"], ["（阿炳）"]], "（阿炳）"),            # a paragraph of its own
    ([["国的历史放射出光辉。", "（阿炳）"]], "（阿炳）"),              # the last line, after a sentence's end
    ([["国的历史放射出", "（阿炳）"]], None),                       # after a sentence cut short: text
])
def test_a_pen_name_is_taken_only_where_the_text_has_ended(paragraphs: list[list[str]], taken: str | None) -> None:
    flow = Flow(paras=[Paragraph([Line(0, t, 10.0, "prose") for t in lines], 10.0) for lines in paragraphs],
                flush_right=[False] * len(paragraphs))
    credit = _take_pen_name(flow)
    assert (credit.text if credit else None) == taken
    left = [ln.text for p in flow.paras for ln in p.lines]
    assert ("（阿炳）" in left) == (taken is None)


@pytest.mark.parametrize("note", ["（待续）", "（新华社）", "（综合）"])
def test_a_closing_note_in_brackets_is_no_pen_name(note: str) -> None:
    head = row("一条美丽的星河", 0.0, 40.0, 20.0)
    text = text_lines([("伴随历史延伸而不断涌现", 20.0), ("出的英雄模范人物，如同", 0.0), ("国的历史放射出光辉。", 0.0),
                       (note, 0.0)], 40.0 + 20.0 * 0.52 + 8.8)
    art = article_with(segment_pdf_page(page_of(head, text)).result, "伴随历史")
    assert art.authors == []


def test_two_characters_spread_over_a_narrow_runaround_line_are_one_line() -> None:
    """Justified across a three-em runaround, 慧 and 娴 stand an em apart, 娴 where indented lines start (a
    column start by count): the line under them runs across the gap, so it is no gutter."""
    indented = [line("何", 20.0, 0.0)] + [line("段", 20.0, PITCH * (4 + i)) for i in range(3)]
    spread = [line("慧", 0.0, PITCH), line("娴", 20.0, PITCH)]
    under = [line("（国家", 0.0, 2 * PITCH), line("体委宣", 0.0, 3 * PITCH)]
    found = join_at_spaces([*indented, *spread, *under], TYPE)
    assert "慧娴" in [ln.text.replace(" ", "") for ln in found]  # one line (its wide gap reads as a space)


def test_a_line_beside_a_gutter_stays_apart_when_no_line_runs_across_it() -> None:
    left = column(["第一栏的正文", "第一栏的正文", "第一栏的正文"], 0.0, 0.0)
    right = column(["第二栏", "第二栏", "第二栏"], 70.0, 0.0)  # ten points (an em) past the first column's end
    found = join_at_spaces([*left, *right], TYPE)
    assert sorted(ln.text for ln in found) == sorted(["第一栏的正文"] * 3 + ["第二栏"] * 3)


@pytest.mark.parametrize("right_starts,hanging,apart", [
    ((15.0, 0.0, 0.0), "", True),   # a second column of three lines (its first two ems in): a gutter down both
    ((0.0, 0.0), "", True),         # a column of two lines beside three
    ((0.0, 0.0), "，", True),       # a comma hanging into the gutter from the row above is no ink across it
])
def test_inner_columns_too_short_to_show_their_start_stay_apart(right_starts: tuple[float, ...], hanging: str,
                                                                apart: bool) -> None:
    """A wide story's intro set in inner columns of two or three lines: the second column's start is shared by
    too few lines to be a column edge by count, but the rows around leave the gap white, lines ending at it and
    starting after it."""
    gutter = 15.0  # an em and a half: within a wide space inside one line
    left = column(["一九九五年十月，当山东省济南市公安局" + hanging, "李长水庄重地从公安部长手中接过了题词"] * 2, 0.0, 20.0)[:3]
    right = [line("多年的老党员感到担子更重了", 180.0 + gutter + dx, 20.0 + PITCH * i) for i, dx in enumerate(right_starts)]
    found = join_at_spaces([*left, *right], TYPE)
    assert (len(found) == len(left) + len(right)) is apart


def test_furniture_flush_right_over_a_spaced_line_is_no_gutter() -> None:
    """Furniture lines start past a wide space in the line under them, but no line ends at it: one line."""
    over = [line("第十一版", 100.0, 20.0), line("CITY", 115.0, 20.0 + PITCH)]
    spaced = [line("责任编辑丁宁", 25.0, 20.0 + 2 * PITCH), line("美术编辑", 100.0, 20.0 + 2 * PITCH)]
    found = join_at_spaces([*over, *spaced], TYPE)
    assert "责任编辑丁宁美术编辑" in [ln.text.replace(" ", "") for ln in found]


def test_a_credit_flush_right_under_the_storys_deepest_column_hangs_under_its_text() -> None:
    """Set under the foot of the story's deeper first column, the credit stands two lines below the end of
    the column it is flush right in: still that story's closing credit, not a region of its own."""
    first = column(["为了进一步加强师德师风建设引导"] + ["铁西区教师自觉践行社会主义核心"] * 3, 0.0, 20.0)
    second = column(["价值观和中华民族传统美德遵守教", "师职业道德规范增强职业荣誉感。"], 170.0, 20.0)
    credit = line("（通讯员 冯亦珍）", 230.0, 20.0 + 4 * PITCH)
    found = regions(blocks([*first, *second, credit], TYPE), [], [], TYPE)
    assert region_of(found, "冯亦珍") is region_of(found, "价值观和中华")


@pytest.mark.parametrize("section_x0,section_chars,apart", [
    (-80.0, 26, True),    # the section's text set across two columns: it is no part of the column above
    (0.0, 13, False),     # the crosshead's text keeps the column's measure: the story goes on under it
])
def test_a_crosshead_over_text_of_another_measure_opens_a_section_of_its_own(
        section_x0: float, section_chars: int, apart: bool) -> None:
    story = column(["双辽市辽东街党工委不断强化职", "责担当，牢固树立安全生产的红", "线意识和底线思维，确保稳定。"], 0.0, 20.0)
    crosshead = line("痴心不改老而弥坚", 25.0, story[-1].bottom + 10.0 + 12.0, 12.0)
    section = column(["一九九二年五月，六十五岁的赵天衡告别心爱的工作岗位光荣退休了。"[:section_chars]] * 3,
                     section_x0, crosshead.bottom + 14.0)
    found = regions(blocks([*story, crosshead, *section], TYPE), [], [], TYPE)
    assert (region_of(found, "痴心不改") is not region_of(found, "双辽市")) is apart
    assert region_of(found, "痴心不改") is region_of(found, "一九九二")


@pytest.mark.parametrize("beside,apart", [
    (False, True),   # the column right of the story's text stands empty down to the crosshead: a section's own
    (True, False),   # text stands beside the story's: the column level with the crosshead hangs under it
])
def test_a_crosshead_level_with_a_further_column_heads_both_as_a_section(beside: bool, apart: bool) -> None:
    story = column(["双辽市辽东街党工委不断强化职", "责担当，牢固树立安全生产的红", "线意识和底线思维，确保稳定。"], 0.0, 20.0)
    crosshead = line("研究对象的独特把握", 25.0, story[-1].bottom + 10.0 + 12.0, 12.0)
    section = column(["作者研究的对象是上自十九世纪"] * 3, 0.0, crosshead.bottom + 14.0)
    further = column(["西方新马克思主义的种种思潮流"] * 4, 150.0, crosshead.top + 10.0)
    other = column(["另一篇文章的正文在这一栏里排"] * 3, 150.0, further[0].top - 3 * PITCH) if beside else []
    found = regions(blocks([*story, crosshead, *section, *further, *other], TYPE), [], [], TYPE)
    assert (region_of(found, "研究对象") is not region_of(found, "双辽市")) is apart
    assert region_of(found, "研究对象") is region_of(found, "作者研究")


def test_two_columns_half_an_em_apart_are_cut_at_the_white_strip_between_them() -> None:
    gutter = 5.0  # half an em: narrower than a line's widest space, so a row of both reads as one line
    rows = [row("左栏的正文第一行文字", 0.0, 20.0 + PITCH * i) + row("右栏的正文第一行文字", 100.0 + gutter, 20.0 + PITCH * i)
            for i in range(5)]
    found, _ = lines([g for r in rows for g in r])
    assert len(found) == 5  # extract keeps each row whole
    cut = split_at_white_strips(found, TYPE)
    assert sorted({round(ln.x0) for ln in cut}) == [0, 105]
    assert len(cut) == 10


def test_a_wide_space_inside_one_line_is_no_gutter_when_the_lines_around_have_ink_there() -> None:
    text = column(["左栏的正文第一行文字右栏"] * 4, 0.0, 20.0)
    spaced = make_line(row("本报讯", 0.0, 20.0 + 4 * PITCH) + row("记者夏珺报道", 35.0, 20.0 + 4 * PITCH))
    assert [ln.text for ln in split_at_white_strips([*text, spaced], TYPE)][-1] == spaced.text


def test_a_row_glued_across_a_narrow_gutter_is_cut_when_the_rows_around_stand_apart() -> None:
    gutter, left, right = 5.0, "左栏的正文第一行文字", "右栏的正文第一行文字"
    apart = [ln for i in (0, 1, 3, 4) for ln in (line(left, 0.0, 20.0 + PITCH * i), line(right, 105.0, 20.0 + PITCH * i))]
    glued = make_line(row(left, 0.0, 20.0 + 2 * PITCH) + row(right, 100.0 + gutter, 20.0 + 2 * PITCH))
    cut = split_at_white_strips([*apart, glued], TYPE)
    assert [ln.text for ln in cut[-2:]] == [left, right]


@pytest.mark.parametrize("name,x0,drop,size,signs", [
    ("陈洪标", 145.0, PITCH, 10.4, True),    # centred under the columns, in the gutter, on the line after the text
    ("政文", 4.0, PITCH, 10.4, True),        # in the margin left of the column, a pen name of no common surname
    ("陈洪标", 145.0, 2 * PITCH, 10.4, False),  # a line's space off the text: not set as the text's next line
    ("百姓呼声", 4.0, PITCH, 14.0, False),   # heading type: a section label opening what follows
    ("图片新闻", 145.0, PITCH, 10.4, False),  # a label, no name
])
def test_a_name_alone_on_the_line_after_a_storys_text_signs_it(name: str, x0: float, drop: float, size: float,
                                                              signs: bool) -> None:
    head = row("农民夫妇考取公务员", 0.0, 40.0, 20.0)
    top = 40.0 + 20.0 * 0.52 + 8.8
    first = text_lines([("１９９７年，浙江省首次", 50.0), ("开招考国家公务员，全省", 30.0),
                        ("五十九位农民被录取，其", 30.0)], top)
    second = text_lines([("中一对农民夫妇双双被录", 180.0), ("用，在当地传为佳话。陈", 180.0),
                         ("云峰成了一名公务员。", 180.0)], top)
    signature = row(name, x0, top + 2 * PITCH + drop, size)
    result = segment_pdf_page(page_of(head, first, second, signature)).result
    art = article_with(result, "浙江省")
    assert (art.byline == name.replace(" ", "")) is signs
    assert "".join(b.text for b in art.blocks).endswith("公务员。")
    assert all(name not in r.text for r in result.residue) is signs


@pytest.mark.parametrize(("second_opens", "joined"), [
    ("国的主要股市。这场金融危机给", True),  # dev 0090: goes on the first column's paragraph
    ("新华社北京1月8日电　中共中央", False),  # a dateline opens a story of its own
])
def test_a_byline_over_further_columns_level_with_a_headline_over_the_first_joins_it(second_opens: str,
                                                                                    joined: bool) -> None:
    top = 100.0
    headline = [line("墨西哥政局不", 5.0, top + 25.0, 25.0), line("稳引发危机", 5.0, top + 25.0 + 32.0, 25.0)]
    first = column(["　　80年代，由墨西哥等拉美", "国家引发的全球债务危机引起", "了国际社会的高度重视，墨西"],
                   0.0, top + 2 * 32.0 + 20.0)
    byline = line("钟行", 265.0, top - 2.0, 10.8)
    second = column([second_opens, "墨西哥经济造成了巨大的负面", "影响。外汇储备猛降。"], 160.0, top + 14.0)
    third = column(["本积累基础不稳。墨西哥作为", "拉美国家之一，再次发生严重", "的金融危机。"], 310.0, top + 14.0)
    found = regions(blocks([*headline, *first, byline, *second, *third], TYPE), [], [], TYPE)
    assert (region_of(found, "钟行") is region_of(found, "墨西哥政局不")) == joined


@pytest.mark.parametrize(("first_section", "apart"), [
    ("一、事件经过", True),  # dev 0053: the section before it stands elsewhere, the crosshead goes on that feature
    ("事件经过", False),  # no numbered section before it: the column's own crosshead
])
def test_a_numbered_crosshead_whose_section_before_it_stands_elsewhere_leaves_the_column_above(
        first_section: str, apart: bool) -> None:
    story = column(["周恩来同志不仅是伟大的革", "命家，也是一位书法家。"], 0.0, 40.0)
    second = line("二、原因和教训", 25.0, story[-1].bottom + 14.0, 11.0)
    section = column(["高级经理经营不善，违规", "操作，监管也不力。"], 0.0, second.bottom + 14.0)
    elsewhere = line(first_section, 320.0, 40.0, 11.0)
    other = column(["国商银行成立于1972年，", "总部设在卢森堡。"], 300.0, elsewhere.bottom + 14.0)
    found = regions(blocks([*story, second, *section, elsewhere, *other], TYPE), [], [], TYPE)
    assert (region_of(found, "原因和教训") is not region_of(found, "周恩来")) == apart


@pytest.mark.parametrize("left_chars,cut", [
    (2, False),  # two-character last lines of a narrow column end where its indented lines start: no column
    (6, True),   # a column six ems wide, the next starting an indent past its end: a comma hangs into the gutter
])
def test_a_comma_at_an_end_shared_by_short_last_lines_cuts_only_beside_a_column(left_chars: int, cut: bool) -> None:
    """A mark hanging at a shared right end cuts its line only when lines a column wide end there (dev 0063:
    ``远行，`` / ``而是勤奋学`` cut where ``习。`` and other two-character last lines end, level with indents)."""
    edge = BODY * left_chars
    ends = [line("习" * (left_chars - 1) + "。", 0.0, PITCH * k) for k in (0, 2, 4)]
    indented = [line("回首五年我深", edge + 1.0, PITCH * k) for k in (1, 3)]
    marked = make_line([*row("远" * (left_chars - 1), 0.0, PITCH * 5), Glyph("，", edge, edge + BODY, PITCH * 5, BODY, "F"),
                        *row("而是勤奋学", edge + 0.5 * BODY + 1.0, PITCH * 5)])
    found = split_at_gutters([*ends, *indented, marked], TYPE)
    assert (len(found) == len(ends) + len(indented) + 2) is cut


@pytest.mark.parametrize(("opening", "apart"), [
    # dev13 0090: a brief's lead and dateline over three lines of a narrow column beside a story's kicker
    (["中国登山队登上非洲", "最高峰 新华社北京1", "月6日电快讯：中国登", "山队5日当地时间7时"], True),
    # a column going on with a story's text: a further column of it
    (["企业的产销利润同步", "增长，盈利向少数企", "业集中，亏损状况有", "所改善，兼并重组步"], False),
])
def test_a_narrow_column_opening_a_brief_beside_a_heading_is_no_further_column_of_it(opening: list[str],
                                                                                     apart: bool) -> None:
    kicker = Block([line("中国人民银行一项调查", 0.0, 12.0, 12.0)], "display")
    beside = Block(column(opening, 130.0, 10.0), "body")
    feet = {id(kicker): (600.0, 120.0)}   # the story's column runs down to 600 under its heading
    assert _balanced_with(beside, kicker, feet, TYPE) is not apart


@pytest.mark.parametrize("titled", [
    True,    # dev12 0007: the byline level with the vertical title's top opens the title's story
    False,   # no title beside it: a credit under the text above, as before
])
def test_a_byline_level_with_a_vertical_titles_top_hangs_under_no_text_above(titled: bool) -> None:
    size, small = 25.0, 10.5
    above = column(["上一篇文章的正文第一行文字", "上一篇文章的正文最后一行。"], 0.0, 20.0)
    top = above[-1].bottom + 5.0     # one leading's space under the text above
    title = [Glyph(c, 0.0, size, top + ASCENT * size + 1.1 * size * i, size, "F")
             for i, c in enumerate("最高奖赏人民满意")]
    byline = line("新华社记者 陈毛弟", 14.0, top + ASCENT * small, small)
    text = column(["上海南京东路警察署位"] * 6, 21.0, byline.bottom + 12.0)
    found, _ = lines([*(title if titled else []), *[g for ln in [*above, byline, *text] for g in ln.glyphs]])
    got = regions(blocks(found, TYPE), [], [], TYPE)
    assert (region_of(got, "陈毛弟") is not region_of(got, "上一篇文章")) is titled
