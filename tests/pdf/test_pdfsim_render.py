"""The PDF simulator draws what a page could print: pinned on a hand-built layout (``tests.pdfsim.render``)."""

from __future__ import annotations

from pathlib import Path

from banmian.tasks.pdf.extract import read_pdf
from tests.pagesim.geometry import Block, Grid, Layout, PLine
from tests.pagesim.tagged import TText
from tests.pdfsim.render import MARGIN, render

BODY = 10.0  # points per em
GRID = Grid(columns=2, colw=10.0, gutter=1.0, leading=1.4, compress=True, hang=False, head_scale=2.0)


def _line(text: str, x: float, y: float, size: float = 1.0, role: str = "p") -> PLine:
    return PLine(TText.of(text, 0), x, y, len(text) * size, size, 0.0, role, True)


def test_a_couplet_kept_on_one_line_beside_its_text_ends_a_gutter_before_the_next_column(tmp_path: Path) -> None:
    """A side heading (in the story's first column) kept on one line wider than the column is condensed:
    drawn at full width it would print over the text of the column beside it, and no gold could say
    what a reader sees there."""
    head = _line("优化营商环境 搭建沟通平台", 0.0, 0.0, 2.0, "head")
    head.width = 24.0  # twelve characters of two ems: the simulator gives the gap no width
    beside = [_line("铁西区委统战部相关领导在", 11.0, 1.4 * i) for i in range(4)]
    under = [_line("为深入学习贯彻党的二十大", 0.0, 3.0 + 1.4 * i) for i in range(3)]
    layout = Layout(GRID, [Block(0, 1, "head", [head]), Block(1, 1, "body", under), Block(2, 1, "body", beside, 1)],
                    {1: (0.0, 0.0, 21.0, 8.0)}, BODY, 8.0)
    pdf = tmp_path / "side.pdf"
    render([("side", layout)], pdf)
    (page,) = read_pdf(pdf.read_bytes())
    heading = [g for g in page.glyphs if g.size > 1.5 * BODY]
    column = min(g.x0 for g in page.glyphs if g.text == "铁")
    assert "".join(g.text for g in heading).replace(" ", "") == "优化营商环境搭建沟通平台"
    assert abs(column - (MARGIN + 11.0 * BODY)) < 0.5
    assert max(g.x1 for g in heading) <= column - GRID.gutter * BODY + 0.5


def test_a_paragraphs_last_line_in_a_storys_last_column_starts_at_the_column_edge(tmp_path: Path) -> None:
    """A justified paragraph's last line has its column's box, which in the story's last column reaches the
    story's right edge: it is still set flush left (a space in it does not move it into the gutter)."""
    left = [_line("伴随历史延伸而不断涌现出", 0.0, 1.4 * i) for i in range(3)]
    right = [_line("入了许多崭新的内容这本书", 11.0, 1.4 * i) for i in range(2)]
    right.append(_line("（阿 炳）", 11.0, 2.8))
    right[-1].width = 10.0  # the column's width, as the typesetter gives a justified paragraph's lines
    layout = Layout(GRID, [Block(0, 1, "body", left), Block(1, 1, "body", right, 1)], {1: (0.0, 0.0, 21.0, 5.0)},
                    BODY, 5.0)
    pdf = tmp_path / "last.pdf"
    render([("last", layout)], pdf)
    (page,) = read_pdf(pdf.read_bytes())
    bracket = next(g for g in page.glyphs if g.text == "（")
    assert bracket.x0 >= MARGIN + 11.0 * BODY - 0.5
