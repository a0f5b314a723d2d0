"""Printed lines the extractor broke into pieces, glued back (``repair``), and the lines ``classify_page`` makes of them."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banmian.tasks.text.lines import FURNITURE, HEAD, PROSE, classify_page
from banmian.tasks.text.lines import Line
from banmian.tasks.text.repair import breaks_mid_line, piece_runs, repair_lines


def repaired(*raw: str) -> list[str]:
    """The non-blank lines ``repair_lines`` makes of ``raw``, stripped."""
    return [text.strip() for _, text in repair_lines(list(raw)).lines if text.strip()]


@pytest.mark.parametrize("raw, lines", [
    # a number set digit by digit: the digits go with the rest of the number
    (["群众就有", "3", "1", "0", "0 多人。"], ["群众就有", "3100 多人。"]),
    (["连续发表了", "1", "0多篇专题报道"], ["连续发表了", "10多篇专题报道"]),
    (["装机容量达", "1", "2", "6", ".", "8", "4兆瓦"], ["装机容量达", "126.84兆瓦"]),
    (["控制在", "2", ".", "5", "% 左右。"], ["控制在", "2.5% 左右。"]),
    (["杨铭今年 2", "5岁，在镇上"], ["杨铭今年 25岁，在镇上"]),
    # a closing mark alone goes with the line above, an opening one with the line below
    (["自下而上地发动群众", "，", "深入开展减租减息运动。"], ["自下而上地发动群众，", "深入开展减租减息运动。"]),
    (["实现村村通电、通电话", "。”"], ["实现村村通电、通电话。”"]),
    (["他说：", "“", "走吧。”"], ["他说：", "“走吧。”"]),
    # the page's date broken over lines
    (["2", "011.", "5.", "24 星期二"], ["2011.5.24 星期二"]),
    (["2018年", "6月", "5日 星期日"], ["2018年6月5日 星期日"]),
    (["２", "０１１ 年", "1 月", "8 日 星期五"], ["２０１１ 年1 月8 日 星期五"]),
    (["2011 年 1月", "２ 日 星期六"], ["2011 年 1月２ 日 星期六"]),
    # lines that are whole
    (["3", "2023年8月25日 星期五"], ["3", "2023年8月25日 星期五"]),  # a page number over the date
    (["国家旅游局推出的", "’98华夏城乡游"], ["国家旅游局推出的", "’98华夏城乡游"]),  # an apostrophe opens a year
    (["目标。", "2023年共接待游客"], ["目标。", "2023年共接待游客"]),
    (["及时协调解决用地", "、用工、资金等方面的困难"], ["及时协调解决用地", "、用工、资金等方面的困难"]),  # widths decide
    (["2018年", "", "6月"], ["2018年", "6月"]),  # a blank line parts them
])
def test_repair_lines(raw, lines):
    assert repaired(*raw) == lines


def test_a_repaired_line_keeps_its_first_pieces_number_and_others_theirs():
    assert repair_lines(["就有", "3", "0", "0 人。", "", "本报讯"]).lines == [
        (1, "就有"), (2, "300 人。"), (5, ""), (6, "本报讯")]


def test_a_line_opened_by_a_number_set_digit_by_digit_is_marked_cut():
    assert repair_lines(["就有", "3", "0 人。", "共12", "3个"]).cut_number == {1}


def test_a_line_closed_by_marks_emitted_alone_is_marked_cut():
    assert repair_lines(["执行任务", "。", "由于这支", "，", "部队"]).cut_mark == {0, 1}


def test_a_line_is_marked_cut_by_its_place_after_a_date_is_glued():
    repaired = repair_lines(["2018年", "6月", "5日 星期日", "", "就有", "3", "0 人。"])
    assert (repaired.lines[3], repaired.cut_number) == ((6, "30 人。"), {3})


@pytest.mark.parametrize("before, after", [("发动群众", "，"), ("“", "走吧"), ("011.", "5."), ("共有3", "00户"), ("2.5", "% 左右")])
def test_a_break_inside_a_printed_line(before, after):
    assert breaks_mid_line(before, after)


@pytest.mark.parametrize("before, after", [
    ("发动群众", "，深入开展"),  # a longer line opened by a mark: the widths decide (piece_runs)
    ("第3版", "2023年8月25日"),
    ("目标。", "2023年"),
    ("推出的", "’98华夏"),
])
def test_a_break_that_may_end_a_printed_line(before, after):
    assert not breaks_mid_line(before, after)


@pytest.mark.parametrize("texts, widths, runs", [
    # broken after its marks: the pieces fill the column
    (["一二三四五六七八九十", "到全局；", "不仅看到本地", "一二三四五六七八九十"], [10.0, 4.0, 6.0, 10.0], [(1, 3)]),
    (["一二三四五六七八九十", "看到本地区，", "兄弟地区", "一二三四五六七八九十"], [10.0, 6.0, 4.0, 10.0], [(1, 3)]),
    (["一二三四五六七八九十", "看到本地区，", "兄弟地区各部门", "一二三四五六七八九十"],
     [10.0, 6.0, 8.0, 10.0], []),  # 14 units: no column of 10 holds them
    (["一二三四五六七八九十", "看到，", "兄弟，", "部门", "一二三四五六七八九十"], [10.0, 3.0, 3.0, 4.0, 10.0], [(1, 4)]),
    # a paragraph's end and the next paragraph's first line are no pieces, however they fit
    (["一二三四五六七八九十", "基础。", "开启全面建设", "一二三四五六七八九十"], [10.0, 3.0, 7.0, 10.0], []),
    # a short line with no mark at its end shows no break
    (["一二三四五六七八九十", "排查整治隐患", "营造氛围", "一二三四五六七八九十"], [10.0, 6.0, 4.0, 10.0], []),
    # a line after it opened by a closing mark, or the line before a number set digit by digit
    (["一二三四五六七八九十", "发动群众", "，深入开展", "一二三四五六七八九十"], [10.0, 4.0, 5.0, 10.0], [(1, 3)]),
])
def test_piece_runs(texts, widths, runs):
    assert [run[:2] for run in piece_runs(measured(texts, widths), [True] * len(texts))] == runs


def measured(texts, widths):
    """Lines of text of these widths."""
    return [Line(k, t, w, PROSE) for k, (t, w) in enumerate(zip(texts, widths), start=1)]


def test_pieces_are_lines_of_text_only():
    texts = ["一二三四五六七八九十", "看到本地区，", "本报记者", "一二三四五六七八九十"]
    assert piece_runs(measured(texts, [10.0, 6.0, 4.0, 10.0]), [True, True, False, True]) == []


def test_the_line_before_a_number_set_digit_by_digit_is_a_piece_when_they_fill_the_column():
    texts = ["一二三四五六七八九十", "群众就有", "3100 多人。不幸", "一二三四五六七八九十"]
    assert piece_runs(measured(texts, [10.0, 4.0, 6.0, 10.0]), [True] * 4, cut_number={2}) == [(1, 3, 10.0)]
    assert piece_runs(measured(texts, [10.0, 4.0, 6.0, 10.0]), [True] * 4) == []


def test_a_sentence_end_the_extractor_emitted_alone_may_end_a_piece():
    """``任务`` / ``。`` / ``由于这支``: the mark alone shows the printed line was broken there."""
    texts = ["一二三四五六七八九十", "执行维和任务。", "由于这支", "一二三四五六七八九十"]
    assert piece_runs(measured(texts, [10.0, 7.0, 4.0, 10.0]), [True] * 4, cut_mark={1}) == [(1, 3, 10.0)]
    assert piece_runs(measured(texts, [10.0, 7.0, 4.0, 10.0]), [True] * 4) == []


def page_lines(page: str) -> list[tuple[str, str]]:
    """The non-blank lines ``classify_page`` makes of ``page``, with their kinds."""
    return [(ln.text, ln.kind) for ln in classify_page(page) if ln.kind != "blank"]


COLUMN = ("全市各地严格落实安全生产责任制度，\n"  # 17 wide
          "走进企业车间逐一排查设备运行情况，\n")


@pytest.mark.parametrize("middle, lines", [
    # a number set digit by digit inside a line: the line is whole again
    ("被杀害的群众就有\n3\n1\n0\n0 多人。不幸被捕\n",
     [("被杀害的群众就有3100 多人。不幸被捕", PROSE)]),
    # a mark alone and the rest of its line
    ("督促企业整改隐患\n，\n并对重点企业复查，\n", [("督促企业整改隐患，并对重点企业复查，", PROSE)]),
    # a line broken after its marks: no piece is left to read as a heading
    ("不仅看到本地区，\n还要看到兄弟部门\n", [("不仅看到本地区，还要看到兄弟部门", PROSE)]),
    # a sentence end alone, and the rest of its line: no short line is left to stand apart as a heading
    ("全市各地严格执行维和任务\n。\n由于这支\n", [("全市各地严格执行维和任务。由于这支", PROSE)]),
])
def test_pieces_of_one_printed_line_are_one_line(middle, lines):
    page = COLUMN + middle + COLUMN + COLUMN
    assert page_lines(page)[2:2 + len(lines)] == lines


@pytest.mark.parametrize("page, text, kind", [
    ("2\n011.\n5.\n24 星期二\n\n本报讯（记者 王芳）今天，全市开展安全检查。\n", "2011.5.24 星期二", FURNITURE),
    ("2018年\n6月\n5日 星期日\n\n本报讯（记者 王芳）今天，全市开展安全检查。\n", "2018年6月5日 星期日", FURNITURE),
    ("1\n998 年\n１ 月 １ 日 星期六\n\n编辑同志：\n", "1998 年１ 月 １ 日 星期六", FURNITURE),
])
def test_a_date_broken_over_lines_is_page_furniture(page, text, kind):
    assert (text, kind) in page_lines(page)


def test_a_heading_over_a_caption_opening_with_a_number_keeps_its_line():
    page = ("严肃问责。\n\n秋收正忙\n9月20日，抚松县榆树台镇的\n农民正在田间收割玉米，\n一派丰收景象。\n"
            "本报记者 常青 摄\n")
    assert ("秋收正忙", HEAD) in page_lines(page)


# --- nothing lost, nothing invented ----------------------------------------------------------------

PIECES = ["3", "0", "1", ".", "，", "。", "、", "“", "”", "’9", "%", "2", "011.", "5.", "24 星期二", "2018年", "6月",
          "5日 星期日", "群众就有", "看到本地区，", "到全局；", "本报记者", "全市各地严格落实安全生产责任制度，",
          "NEW SANMEN", " ", "\u3000", "\t", "\f", "\r"]
page_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=60).map("\n".join)


def _visible(text: str) -> str:
    return re.sub(r"\s", "", text)


@settings(max_examples=500, deadline=None)
@given(page_text)
def test_repair_loses_and_invents_no_character_and_keeps_their_order(text):
    raw = text.split("\n")
    lines = repair_lines(raw).lines
    assert _visible("".join(text for _, text in lines)) == _visible(text)
    assert [no for no, _ in lines] == sorted({no for no, _ in lines})  # numbers rise: each line is its first piece's


@settings(max_examples=300, deadline=None)
@given(page_text)
def test_classified_lines_hold_every_character_of_the_page_in_order(text):
    assert _visible("".join(ln.text for ln in classify_page(text))) == _visible(text.replace("\f", ""))


def test_a_line_glued_from_pieces_measures_no_wider_than_its_column():
    """Marks set half width let pieces measure a little wider together than the line they were printed in."""
    page = COLUMN + "督促企业整改隐患\n，\n并对重点企业复查，\n" + COLUMN
    glued = next(ln for ln in classify_page(page) if ln.text.startswith("督促"))
    assert (glued.text, glued.width) == ("督促企业整改隐患，并对重点企业复查，", 17.0)
