"""A story's text flow read into paragraphs by the geometry of its lines.

A Chinese paragraph starts indented two ems and its last line stops short of the column's right
edge; the other lines are justified to both edges. In a PDF both facts are measured, not guessed
from text widths: a line that starts indented against its column opens a paragraph, and so does
the line after one that stops short. A line set flush right in the column (a signature, a credit
on its own line) is a paragraph of its own. Crossheads (display type inside the flow) stand before
the paragraph that follows them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from banmian.tasks.pdf.extract import TextLine
from banmian.tasks.pdf.layout import Block, Type
from banmian.tasks.text.chars import CLOSE_BRACKETS
from banmian.tasks.text.clean import display_width, ends_sentence
from banmian.tasks.pdf.credits import dateline
from banmian.tasks.text.credits import join_keeping_credit_breaks, parse_trailing_credit
from banmian.tasks.pdf.openings import opens_with_bullet
from banmian.tasks.text.lines import PROSE, Line
from banmian.tasks.text.paragraphs import Paragraph

#: A line starting this many body ems right of its column's left edge is indented (a paragraph
#: indent is two ems; a hanging quote or half-width digit moves a line by half an em at most).
INDENT_MIN: Final = 1.2
#: A line ending this many body ems short of its column's right edge ends its paragraph
#: (justified lines end at the edge; a paragraph's last line anywhere before it).
SHORT_BY: Final = 0.8
#: Lines ending this close (body ems) share the narrow measure of a runaround.
RUNAROUND_SLACK: Final = 0.3
#: A line this far from its column's left edge and ending at its right edge is set flush right.
FLUSH_RIGHT_MIN: Final = 4.0
#: A mark starting this close (its ems) to the column's right edge hangs past it (justified text ends at
#: the edge; a hanging mark starts there).
HANGING_SLACK: Final = 0.1


@dataclass(slots=True)
class Flow:
    """A story's body: paragraphs, and the crossheads standing before paragraph indexes."""

    paras: list[Paragraph] = field(default_factory=list)
    crossheads: dict[int, list[str]] = field(default_factory=dict)
    crosshead_lines: list[TextLine] = field(default_factory=list)
    flush_right: list[bool] = field(default_factory=list)  # per paragraph: one line set flush right

    def extend(self, other: Flow, crosshead: str | None = None) -> None:
        """``other``'s paragraphs after these, under ``crosshead`` when it has one."""
        n = len(self.paras)
        if crosshead:
            self.crossheads.setdefault(n, []).append(crosshead)
        for k, heads in other.crossheads.items():
            self.crossheads.setdefault(n + k, []).extend(heads)
        self.paras.extend(other.paras)
        self.flush_right.extend(other.flush_right)
        self.crosshead_lines.extend(other.crosshead_lines)

    def join(self, i: int) -> None:
        """Paragraph ``i + 1`` goes on paragraph ``i`` (a credit set over two short lines)."""
        nxt = self.take(i + 1)
        self.paras[i] = self.paras[i].with_lines(self.paras[i].lines + nxt.lines)

    def split(self, i: int, k: int) -> None:
        """Paragraph ``i``'s first ``k`` lines and the rest are two paragraphs (a credit read into a caption)."""
        para = self.paras[i]
        self.paras[i:i + 1] = [para.with_lines(para.lines[:k]), para.with_lines(para.lines[k:])]
        self.flush_right.insert(i + 1, False)
        self.crossheads = {j + 1 if j > i else j: v for j, v in self.crossheads.items()}

    def take(self, i: int) -> Paragraph:
        """Paragraph ``i`` taken out of the flow; the crossheads over later paragraphs move up with them."""
        para = self.paras.pop(i)
        self.flush_right.pop(i)
        self.crossheads = {k - 1 if k > i else k: v for k, v in self.crossheads.items()}
        return para


def column_edges(block: Block) -> tuple[float, float]:
    """A block's left edge and right edge, the right one where its justified lines end (not a hanging mark)."""
    left = min(ln.x0 for ln in block.lines)
    ends = [ln.glyphs[-2].x1 if len(ln.glyphs) > 1 and ln.glyphs[-1].x0 >= _right_of(block) - HANGING_SLACK * ln.size
            else ln.x1 for ln in block.lines]
    return left, max(ends)


def _right_of(block: Block) -> float:
    """The right end most of the block's lines reach."""
    ends = sorted(ln.x1 for ln in block.lines)
    return ends[len(ends) // 2]


def read_flow(items: Sequence[Block], body: Type, numbers: Mapping[int, int]) -> Flow:
    """Paragraphs and crossheads of a story's body blocks (and display blocks inside them), in reading order."""
    flow = Flow()
    current: list[TextLine] = []
    edge = 0.0  # the left edge of the column the current paragraph opened in
    start = True
    for block in items:
        if block.kind != "body":
            _close(flow, current, numbers, body, edge)
            current = []
            flow.crossheads.setdefault(len(flow.paras), []).append(" ".join(ln.text for ln in block.lines))
            flow.crosshead_lines.extend(block.lines)
            start = True
            continue
        left, right = column_edges(block)
        for i, ln in enumerate(block.lines):
            if current and (start or ln.x0 - left >= INDENT_MIN * body.size or _opens_with_bullet(ln)
                            or _set_after_end(current[-1], ln)):
                _close(flow, current, numbers, body, edge)
                current = []
            if not current:
                edge = left
            current.append(ln)
            start = _ends_paragraph(block.lines, i, left, right, body)
    _close(flow, current, numbers, body, edge)
    return flow


def _set_after_end(above: TextLine, ln: TextLine) -> bool:
    """A line under ``above`` starting right of where ``above`` ends: no wrap of it (a wrapped line starts at the
    column's left edge), but a paragraph of its own, as a credit set flush right after its caption is
    (``“卡通狂欢夜”是孩子们的乐园。`` / ``王丰/摄``). The next column's first line stands higher: not under it."""
    return ln.top > above.top and ln.x0 > above.x1


def _opens_with_bullet(ln: TextLine) -> bool:
    """A line that opens with a brief's bullet (``●中国登山队登上``) opens a paragraph, flush left or not:
    a bullet is set only at the head of an item.

    >>> from banmian.tasks.pdf.extract import Glyph, make_line
    >>> [_opens_with_bullet(make_line([Glyph(c, 10.0 * i, 10.0 * i + 10, 0.0, 10.0, "F") for i, c in enumerate(t)]))
    ...  for t in ("●新华社北京电", "罗山的主峰自由峰。")]
    [True, False]
    """
    return opens_with_bullet(ln.text)


def _ends_paragraph(lines: list[TextLine], i: int, left: float, right: float, body: Type) -> bool:
    """Line ``i`` closes its paragraph: it stops short of the right edge, or is set flush right.

    Lines set around an inset share a narrower measure: a line that ends where the next one
    does is justified to that measure, not short.
    """
    ln = lines[i]
    if ln.x0 - left >= FLUSH_RIGHT_MIN * body.size:
        return True
    if right - ln.x1 < SHORT_BY * body.size:
        return False
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is None or abs(nxt.x0 - left) > RUNAROUND_SLACK * body.size:
        return True
    return abs(nxt.x1 - ln.x1) > RUNAROUND_SLACK * body.size and _finished(ln.text)


def _finished(text: str) -> bool:
    """A line that may end a paragraph: it ends a sentence, or a bracket closes it (a credit, a jump marker).

    A short line that stops mid-sentence is kept short by the line-breaking rules (a character pulled
    down with the mark after it) or by a runaround; its paragraph goes on.
    """
    return ends_sentence(text) or text.rstrip().endswith(tuple(CLOSE_BRACKETS))


def _finishes_paragraph(text: str) -> bool:
    """Text that finishes its paragraph: it ends a sentence, or a trailing credit closes it (``意见。（向文）``),
    as the text rules read it; a later tail is then no continuation of it."""
    return ends_sentence(text) or parse_trailing_credit(text) is not None


def _close(flow: Flow, lines: list[TextLine], numbers: Mapping[int, int], body: Type, edge: float) -> None:
    """The lines as a paragraph of the flow, with the facts the text rules read of it."""
    if not lines:
        return
    text_lines = [Line(numbers[id(ln)], ln.text, display_width(ln.text), PROSE) for ln in lines]
    text = " ".join(ln.text for ln in text_lines)
    head = join_keeping_credit_breaks([ln.text for ln in text_lines])
    flow.paras.append(Paragraph(text_lines, max(ln.width for ln in text_lines), terminated=_finishes_paragraph(text),
                                indented=lines[0].x0 - edge >= INDENT_MIN * body.size,
                                dateline=dateline(head) is not None,
                                bullet=opens_with_bullet(text_lines[0].text)))
    flow.flush_right.append(len(lines) == 1 and lines[0].x0 - edge >= FLUSH_RIGHT_MIN * body.size)
