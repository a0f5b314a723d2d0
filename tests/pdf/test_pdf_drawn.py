"""Habits of make-up pinned on small PDFs drawn with reportlab in the renderer's CJK font, read by the whole
PDF path (PDFium glyphs and pictures, layout, stories): each test draws the few lines a rule is about."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from banmian.tasks.model import Article
from banmian.tasks.pdf.segment import segment_pdf
from tests.pdfsim.render import BODY_FONT, register_fonts

WIDTH, HEIGHT = 400.0, 600.0
BODY = 10.0
PITCH = 13.0  # body leading 1.3


@dataclass(frozen=True)
class Text:
    """One line drawn solid from ``x0``, its em box's top at ``top`` (points from the page's top)."""

    text: str
    x0: float
    top: float
    size: float = BODY
    vertical: bool = False  # characters stacked top to bottom, 1.15 ems apart


def column(texts: Sequence[str], x0: float, top: float, indent: float = 2 * BODY) -> list[Text]:
    """A paragraph's lines under each other at the body's pitch, the first indented."""
    return [Text(t, x0 + (indent if i == 0 else 0.0), top + PITCH * i) for i, t in enumerate(texts)]


def draw(path: Path, texts: Sequence[Text], pictures: Sequence[tuple[float, float, float, float]] = ()) -> Path:
    """A one-page PDF: each text at its place, each picture (x0, top, x1, bottom) a grey image."""
    register_fonts()
    canvas = Canvas(str(path), pagesize=(WIDTH, HEIGHT), invariant=True)
    for x0, top, x1, bottom in pictures:
        canvas.drawImage(ImageReader(Image.new("L", (8, 6), 120)), x0, HEIGHT - bottom, x1 - x0, bottom - top)
    for t in texts:
        out = canvas.beginText()
        out.setFont(BODY_FONT, t.size)
        for i, ch in enumerate(t.text):
            x, top = (t.x0, t.top + 1.15 * i * t.size) if t.vertical else (t.x0 + i * t.size, t.top)
            out.setTextOrigin(x, HEIGHT - top - 0.88 * t.size)
            out.textOut(ch)
        canvas.drawText(out)
    canvas.showPage()
    canvas.save()
    return path


def articles(path: Path) -> list[Article]:
    (page,) = segment_pdf(path.read_bytes())
    return page.result.articles


def body_text(art: Article) -> str:
    return "".join(art.paragraphs)


def article_with(found: Sequence[Article], text: str) -> Article:
    return next(a for a in found if text in body_text(a))


STORY = ["梁惠珍被评为第三届全国十大杰出母亲，她", "做了四十三年医生，是中西医结合疗法的发明人。"]


def test_a_credit_set_flush_right_after_its_caption_is_the_photos_and_the_text_under_it_the_storys(
        tmp_path: Path) -> None:
    """Heading over a picture, caption under it, ``周幼马 文/图`` flush right at the picture's edge on the next line
    (only the caption stands between it and the picture, at the left), then the story's text."""
    head = Text("今日送子观音", 40.0, 20.0, 24.0)
    picture = (20.0, 60.0, 240.0, 180.0)
    caption = Text("图为梁惠珍大夫给基金会捐款。", 20.0, 184.0)
    credit = Text("周幼马 文/图", 240.0 - 7 * BODY, 184.0 + PITCH)
    text = column(STORY, 20.0, credit.top + PITCH + 6.0)
    found = articles(draw(tmp_path / "credit.pdf", [head, caption, credit, *text], [picture]))
    photo = article_with(found, "捐款")
    assert (photo.kind, photo.photographers, body_text(photo)) == ("photo", ["周幼马"], "图为梁惠珍大夫给基金会捐款。")
    story = article_with(found, "杰出母亲")
    assert story.headline == "今日送子观音"
    assert "周幼马" not in body_text(story)


def test_a_vertical_title_heads_the_text_its_gutter_parts_it_from_not_a_column_whose_mark_hangs_near(
        tmp_path: Path) -> None:
    """A vertical title between two stories: the left one's column ends a gutter off it (a comma hanging past
    that edge comes nearer), the right one's text starts a narrower gutter off it: the title is the right one's."""
    left = [Text("波黑美军胡不归", 20.0, 20.0, 16.0),
            *column(["最近克林顿总统再度宣布延", "长驻波黑美军的任期并为此，", "圣诞节前夕访问波黑看望美", "在那里的美军。"],
                    20.0, 45.0, 0.0)]
    title = Text("马克思主义哲学基础", 152.0, 20.0, 15.0, vertical=True)
    right = column(["辩证唯物主义和历史", "唯物主义是马克思主义哲学", "的两个组成部分它们构成了", "马克思主义哲学的总体面貌。"],
                   175.0, 20.0)
    found = articles(draw(tmp_path / "vertical.pdf", [*left, title, *right]))
    assert article_with(found, "辩证唯物").headline == "马克思主义哲学基础"
    assert article_with(found, "克林顿").headline == "波黑美军胡不归"


def test_a_paragraphs_tail_beside_a_heading_whose_text_opens_with_a_dateline_is_not_that_storys(
        tmp_path: Path) -> None:
    """A heading over text opening with a dateline, and level with the heading a gutter to its right two lines
    starting at the column's edge (no indent, no dateline) that finish another story's sentence: the story
    opens at its dateline and the tail is no part of it."""
    head = Text("俄反对动武", 20.0, 20.0, 16.0)
    story = column(["新华社莫斯科1月6日电", "（记者 张金海）俄罗斯外交", "部发言人塔拉索夫6日表示，", "俄方坚决反对动武。"],
                   20.0, 45.0)
    tail = column(["促进精神文明建设有着积极", "意义。（章文）"], 160.0, 20.0, 0.0)
    found = articles(draw(tmp_path / "tail.pdf", [head, *story, *tail]))
    dated = article_with(found, "塔拉索夫")
    assert dated.headline == "俄反对动武"
    assert body_text(dated).startswith("俄罗斯外交部发言人")
    assert "精神文明" not in body_text(dated)


def test_a_paragraphs_far_tail_goes_on_the_paragraph_broken_off_before_a_crosshead_not_after_a_credit(
        tmp_path: Path) -> None:
    """A paragraph runs to its column's edge mid-sentence before a crosshead; the section under it ends with a
    trailing credit ``（向文）``, which finishes its paragraph; the far tail set apart goes on the broken one."""
    head = Text("观众评论获奖影片", 20.0, 20.0, 16.0)
    broken = column(["难忘的一年结束时，一场", "群众影评活动在全国展开，这", "无疑对于普及电影文化、推动"], 20.0, 45.0)
    crosshead = Text("专家研讨节目", 54.0, 88.0, 12.0)
    section = column(["军事部的栏目自创办以来", "共播出了近两千部专题节目，", "专家们提了意见。（向文）"], 20.0, 106.0)
    tail = column(["国产影片创作、促进精神文明", "建设有着积极意义。（章文）", "全国展开了活动。"], 200.0, 60.0, 0.0)
    found = articles(draw(tmp_path / "far_tail.pdf", [head, *broken, crosshead, *section, *tail]))
    lead = article_with(found, "普及电影文化")
    assert "推动国产影片创作、促进精神文明" in body_text(lead)


def test_a_name_broken_over_a_line_inside_a_datelines_brackets_is_one_name(tmp_path: Path) -> None:
    """``（记者 诸`` ends a line and ``葛仓麟）`` opens the next: the break inside the brackets reads as a
    space between names, but a lone character with no name before it can only open the name after it."""
    head = Text("摩洛哥举行会谈", 20.0, 20.0, 16.0)
    story = column(["新华社拉巴特1月9日电", "（记者 诸", "葛仓麟）中国国务院副总理", "今天在这里同摩洛哥首相会谈。"],
                   20.0, 45.0, 0.0)
    (found,) = articles(draw(tmp_path / "name.pdf", [head, *story]))
    assert found.authors == ["诸葛仓麟"]
    assert body_text(found).startswith("中国国务院副总理")
