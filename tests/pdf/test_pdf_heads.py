"""A story's heading read by its size and rows (``tasks/pdf/heads.py``): whether the headline's rows are one part
wrapped at its measure or the halves of a couplet, pinned on hand-placed heading blocks."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from banmian.tasks.pdf.extract import Glyph, make_line
from banmian.tasks.pdf.heads import read_heading
from banmian.tasks.pdf.layout import Block

HEAD = 20.0
SUB = 12.0
#: Room over a full row's characters in the measure: less than one more character.
SPARE = 0.7


def stacked(rows: Sequence[str], size: float, top: float, measure: float) -> Block:
    """Rows set solid one under another at 1.3 ems, each centred in the measure."""
    lines = []
    for i, text in enumerate(rows):
        x0 = (measure - size * len(text)) / 2
        lines.append(make_line([Glyph(c, x0 + size * k, x0 + size * (k + 1), top + 1.3 * size * i + size, size, "F")
                                for k, c in enumerate(text)]))
    return Block(lines, "display")


def heading(rows: Sequence[str], sub: str | None) -> tuple[str | None, str | None]:
    """Headline and subheadline of ``rows`` set in a measure they fill, ``sub`` under them."""
    measure = (max(len(r) for r in rows) + SPARE) * HEAD
    group = [stacked(rows, HEAD, 0.0, measure)]
    if sub is not None:
        group.append(stacked([sub], SUB, 1.3 * HEAD * len(rows) + 4.0, measure))
    h = read_heading(group, measure)
    return h.headline, h.subheadline


@pytest.mark.parametrize(("rows", "sub", "headline"), [
    # every row full: a subject line under the rows says they are a couplet's halves, each wrapped
    (["不忘育", "人初心", "共筑廉", "洁校园"], "铁西区中小学举行国旗下宣誓活动", "不忘育人初心 共筑廉洁校园"),
    (["排查整", "治隐患", "营造祥", "和氛围"], "铁西区开展安全生产检查", "排查整治隐患 营造祥和氛围"),
    (["明确", "思路", "笃行", "实干"], "四平经开区召开重点工作动员部署会", "明确思路 笃行实干"),
    (["强化职责担当", "筑牢安全防线"], "双辽市辽东街做好安全生产工作", "强化职责担当 筑牢安全防线"),
    # no subheadline: nothing tells them from one headline wrapped at its measure
    (["不忘育", "人初心", "共筑廉", "洁校园"], None, "不忘育人初心共筑廉洁校园"),
    # a subheadline that says no news: a speaker's credit, an essay's line
    (["改善农", "村公共", "管理好", "有成效"], "国务院发展研究中心研究员卢迈", "改善农村公共管理好有成效"),
    (["鲜血和", "生命写", "成的历", "史篇章"], "读《冀中回民支队》感言", "鲜血和生命写成的历史篇章"),
    # a break between the halves that strands a character is a wrap (阿|布哈兹)
    (["俄反对在阿", "布哈兹动武"], "格鲁吉亚总统警告说将武力解决冲突", "俄反对在阿布哈兹动武"),
    # an odd number of rows halves no couplet
    (["学术自", "审与地", "缘文化"], "铁西区开展安全生产检查", "学术自审与地缘文化"),
])
def test_full_rows_are_a_couplets_halves_only_under_a_subject_line(rows: list[str], sub: str | None,
                                                                   headline: str) -> None:
    assert heading(rows, sub) == (headline, sub)


@pytest.mark.parametrize(("rows", "headline"), [
    # wrapped in a measure narrower than the text's: the first row the wider, the break one a mark forces
    (["学习《价格法》贯彻", "《价格法》"], "学习《价格法》贯彻《价格法》"),
    (["纪念毛泽东同志诞辰", "105周年"], "纪念毛泽东同志诞辰105周年"),
    # a couplet's halves fit the text's measure together
    (["阅享新时代", "奋进新征程"], "阅享新时代 奋进新征程"),
    # the first row the wider, but broken where nothing forces a break: two parts
    (["春节前夕慰问困难户", "暖人心"], "春节前夕慰问困难户 暖人心"),
    # the second row the wider: no balanced wrap's
    (["《价格法》", "学习贯彻价格法"], "《价格法》 学习贯彻价格法"),
])
def test_rows_fitting_the_texts_measure_together_are_one_part_only_when_wrapped_narrower(
        rows: list[str], headline: str) -> None:
    measure = (sum(len(r) for r in rows) + 2) * HEAD  # the text's measure, wider than both rows together
    assert read_heading([stacked(rows, HEAD, 0.0, measure)], measure).headline == headline


def vertical(text: str, size: float) -> Block:
    """``text`` set as one vertical line, one character an em and a quarter under the last."""
    glyphs = [Glyph(c, 0.0, size, 1.25 * size * k + size, size, "F") for k, c in enumerate(text)]
    return Block([make_line(glyphs, vertical=True)], "vertical")


@pytest.mark.parametrize(("text", "kicker", "headline"), [
    ("新春走基层新进党一分为六日政局纷乱不已", "新春走基层", "新进党一分为六日政局纷乱不已"),  # dev 0050
    ("本报专稿人民没有忘记", "本报专稿", "人民没有忘记"),  # dev 0022
    ("新进党一分为六日政局纷乱不已", None, "新进党一分为六日政局纷乱不已"),  # no tag opens it
    ("记者调查", None, "记者调查"),  # a tag alone is the title: nothing left under it
])
def test_a_column_tag_stacked_over_a_vertical_title_is_its_kicker(text: str, kicker: str | None,
                                                                   headline: str) -> None:
    h = read_heading([vertical(text, HEAD)], HEAD)
    assert (h.kicker, h.headline) == (kicker, headline)


@pytest.mark.parametrize(("rows", "headline"), [
    # a middle dot or a dash opens no line: the break pulled a character down with it, the first row left short
    (["英冻结", "贝·布托", "存款"], "英冻结贝·布托存款"),                          # dev12 0080
    (["巧借东风上层", "楼——体育市场", "开发与新闻传播"], "巧借东风上层楼——体育市场开发与新闻传播"),  # dev12 0000
    # a first row narrower than the next with no mark pulling a character down: two parts
    (["春节前夕", "慰问困难户", "暖人心"], "春节前夕 慰问困难户暖人心"),
])
def test_a_row_left_short_by_a_mark_no_line_opens_with_is_a_wrap(rows: list[str], headline: str) -> None:
    measure = (max(len(r) for r in rows) + SPARE) * HEAD
    assert read_heading([stacked(rows, HEAD, 0.0, measure)], measure).headline == headline


@pytest.mark.parametrize(("rows", "headline"), [
    # the rows after the first close the title it opened: one part wrapped inside the brackets
    (["《马克思主义", "哲学基础新", "编》"], "《马克思主义哲学基础新编》"),    # dev12 0060
    # brackets closed within the first row: nothing tells a wrap, two parts as before
    (["《价格法》学习", "贯彻会召开"], "《价格法》学习 贯彻会召开"),
])
def test_rows_inside_one_pair_of_brackets_are_one_part(rows: list[str], headline: str) -> None:
    measure = (sum(len(r) for r in rows) + 2) * HEAD  # the text's measure, wider than the rows together
    assert read_heading([stacked(rows, HEAD, 0.0, measure)], measure).headline == headline
