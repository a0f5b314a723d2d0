"""Stage 2 of segmentation: rebuild paragraphs from hard-wrapped prose lines.

PDF text loses the two-character indent that starts a Chinese paragraph, puts
blank lines at column breaks inside paragraphs, and often leaves none at a
paragraph's end. What is left to go by is the *shape* of the lines against
their column's width:

* a line that ends a sentence and falls short of the column ends a paragraph;
* a full line that ends a sentence ends a paragraph when the next line is
  indented (two units short of the column);
* a line that does not end a sentence never ends a paragraph, blank or not,
  unless the text flow itself changes (the column width jumps).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from banmian.tasks.text.chars import CLOSE_BRACKETS, COLONS, DIGIT_CLASS, OPEN_BRACKETS
from banmian.tasks.text.clean import display_width, ends_sentence, join_lines
from banmian.tasks.text.credits import (AUTHOR_NOTE_RE, DATELINE_AFTER_LEAD_PROBE, SOURCE_DATELINE_RE, dateline_after_lead,
                                        is_closing_dateline, parse_dateline, parse_trailing_credit)
from banmian.tasks.text.lexicon import unspaced
from banmian.tasks.text.lines import (BLANK, BULLET, DATELINE, JUMP_TO_SUFFIX_RE, PROSE, Line, ends_on_a_note,
                                      is_heading_shaped, split_bullet_lead)

#: A line this much shorter than its column is "short" (does not reach the
#: right edge). Justified lines vary by about ±1 unit with punctuation
#: compression and half-width digits; an indent is 2 units.
SHORT_BY: Final = 1.5
#: Where the flow changes, a line that ends no sentence still ends its paragraph when it falls
#: this far short of its column: twice ``SHORT_BY``, a sure short line, not justification's play.
SHORT_IN_ANOTHER_FLOW: Final = 2 * SHORT_BY
#: Widths of two blocks that differ by more than this are different flows
#: (a wide intro next to a narrow column, a caption next to a story).
FLOW_CHANGE: Final = 3.0
#: ... or by more than this share of the wider one: a wide column's lines hold more digits and
#: Latin words, whose spacing (``5 月 8 日``) measures a line wider than the column by up to
#: a tenth (3.5 on a 43-wide generated column). Calibrated on four generated sets (seeds 42, 7,
#: 11, 99): 0.1 scores better on three and alike on seed 42; 0.15 takes two columns for one
#: (seed 42's body_cer 0.0083 -> 0.0102). The seeds and the wild pages score alike.
FLOW_CHANGE_SHARE: Final = 0.1
#: Blocks with fewer lines than this borrow the column width of a neighbour.
MIN_LINES_FOR_WIDTH: Final = 3
#: Widths are sums of half units (medians of them quarter units): this only makes a bound inclusive.
WIDTH_TOLERANCE: Final = 0.1


@dataclass(slots=True)
class Paragraph:
    """Prose lines that form one paragraph, with the facts later stages score."""

    lines: list[Line]
    column: float               # column width at its first line
    terminated: bool = False    # ends with sentence-final punctuation or a trailing credit
    indented: bool = True       # first line starts short of the column (a true paragraph start)
    dateline: bool = False      # opens with a dateline (本报讯…)
    bullet: bool = False        # opens a brief: its bullet (●…), or its lead run into its dateline
    credited: bool = False      # closes with a trailing credit （记者 王芳） or a note on its author
    ends_article: bool = False  # credited, or closes with （下转第X版）: its article has no more here
    _joined: tuple[tuple[Line, ...], str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The lines joined into one text (``join_lines``).

        Segmentation asks for a paragraph's text many times (scoring,
        credits, cleaning), so the text is kept with the lines it was joined
        from and joined again only when they change (a run-in head or a
        rejoined tail added to ``lines``). A line's text never changes.
        """
        lines = tuple(self.lines)
        if self._joined is None or self._joined[0] != lines:
            self._joined = (lines, join_lines([ln.text for ln in lines]))
        return self._joined[1]

    def with_lines(self, lines: list[Line]) -> Paragraph:
        """This paragraph's facts over other lines."""
        return replace(self, lines=lines)

    @property
    def first_line(self) -> int:
        """The page line number the paragraph starts on."""
        return self.lines[0].no

    def prepend(self, head: Paragraph) -> None:
        """``head``'s lines open this paragraph, which starts as ``head`` does (a run-in head)."""
        self.lines[:0] = head.lines
        self.indented, self.column = head.indented, head.column

    def append(self, tail: Paragraph) -> None:
        """``tail``'s lines close this paragraph, which ends as ``tail`` does (a moved tail rejoined)."""
        self.lines.extend(tail.lines)
        self.terminated, self.credited, self.ends_article = tail.terminated, tail.credited, tail.ends_article


def same_flow(a: Paragraph, b: Paragraph) -> bool:
    """Whether two paragraphs can be set in one column.

    Columns within ``FLOW_CHANGE`` (a tenth, for wide ones) of each other are one flow. A one-line
    paragraph shows only that its column is at least as wide as its line, so
    it fits any column that line fits in (a wide caption's one-line
    paragraphs, a paragraph's short tail).
    """
    if not _other_flow(a.column, b.column):
        return True
    return any(len(one.lines) == 1 and not _wider_flow(one.lines[0].width, other.column)
               for one, other in ((a, b), (b, a)))


def set_in_other_columns(a: list[Line], b: list[Line]) -> bool:
    """Whether two runs of text lines, each measured on its own (``column_widths``), are set in columns of two widths.

    Unlike ``same_flow``, no width is taken from the page around them: two
    texts printed next to each other are compared as they are set.

    >>> wide = [Line(i, "中国特色社会主义进入新时代，这是我国发展新", 25.0, "prose") for i in range(4)]
    >>> narrow = [Line(i, "中国特色社会主义新时代", 14.0, "prose") for i in range(10, 14)]
    >>> set_in_other_columns(wide, narrow), set_in_other_columns(narrow, narrow)
    (True, False)
    """
    return _other_flow(column_widths([a])[0], column_widths([b])[0])


def _wider_flow(width: float, column: float) -> bool:
    """A line or block this wide is set wider than the column: another flow (``FLOW_CHANGE``)."""
    return width > column + max(FLOW_CHANGE, FLOW_CHANGE_SHARE * width)


def _other_flow(a: float, b: float) -> bool:
    """Two column widths that differ enough to be two flows.

    >>> _other_flow(15.0, 17.5), _other_flow(43.0, 46.5), _other_flow(30.0, 17.0)
    (False, False, True)
    """
    return _wider_flow(a, b) or _wider_flow(b, a)


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Prose lines split at blank lines."""
    blocks: list[list[Line]] = [[]]
    for ln in lines:
        if ln.kind == BLANK:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(ln)
    return [b for b in blocks if b]


def _full_widths(measured: list[Line]) -> list[float]:
    """The widths that tell a block's column: of three lines, a last one that ends a sentence tells nothing.

    A paragraph's last line stops where its sentence does. In a block of
    three, that one short line is a third of the measure and pulls the median
    down to a full line of a narrower column: a caption set wider than the
    story above it (``[15, 17, 12]`` under a column of 12) would read as the
    story's flow. Longer blocks have enough full lines to outvote it.
    Unless their short ends are half of it: a block of two-line paragraphs
    (``[43, 23, 43, 31]``) is measured by its full lines when they show a
    column wider by more than ``FLOW_CHANGE``.

    >>> _full_widths([Line(1, "近日，农民画展在县文化馆开", 15.0, "prose"),
    ...               Line(2, "展，百余幅作品集中展出，展", 17.0, "prose"),
    ...               Line(3, "示了当地群众的美好生活。", 12.0, "prose")])
    [15.0, 17.0]
    """
    if len(measured) == MIN_LINES_FOR_WIDTH and ends_sentence(measured[-1].text):
        return [ln.width for ln in measured[:-1]]
    widths = [ln.width for ln in measured]
    running = [ln.width for ln in measured if not ends_sentence(ln.text)]
    if 2 <= len(running) < len(widths) and statistics.median(running) > statistics.median(widths) + FLOW_CHANGE:
        return running  # short paragraph ends are half the block: its full lines show the column
    return widths


def column_widths(blocks: list[list[Line]]) -> list[float]:
    """The column width of each block: the median width of its lines.

    Short blocks (a paragraph's tail, a two-line column top) borrow the width
    of the nearest block that has enough lines to tell (the one before; the one
    after for a block that a dateline opens), unless their own lines
    are clearly wider, or (two lines or more) clearly narrower: then they are
    another flow and keep their own width.
    """
    measured = [_measure_lines(b) for b in blocks]
    own = [float(statistics.median(_full_widths(m))) if len(m) >= MIN_LINES_FOR_WIDTH else None for m in measured]
    before, after = _nearest_measured(own)
    return [_borrowed_width((before[i], after[i]), measured[i], opens_with_dateline=blocks[i][0].kind == DATELINE)
            if w is None else w for i, w in enumerate(own)]


def _nearest_measured(own: list[float | None]) -> tuple[list[float | None], list[float | None]]:
    """For each block, the nearest measured width before it and after it (None: there is none).

    Two passes over the page, not a scan per block: a page of thousands of
    short blocks stays linear.

    >>> _nearest_measured([None, 20.0, None, None, 15.0, None])
    ([None, None, 20.0, 20.0, 20.0, 15.0], [20.0, 15.0, 15.0, 15.0, None, None])
    """
    before: list[float | None] = []
    last: float | None = None
    for w in own:
        before.append(last)
        last = last if w is None else w
    after: list[float | None] = []
    last = None
    for w in reversed(own):
        after.append(last)
        last = last if w is None else w
    return before, after[::-1]


def _borrowed_width(neighbours: tuple[float | None, float | None], measured: list[Line],
                    opens_with_dateline: bool) -> float:
    """The column of a short block: its nearest measured neighbour's, unless its own lines show another flow.

    ``neighbours``: the nearest measured widths before and after it. The
    neighbour is the block before, or the one after for a block that a
    dateline opens (a dateline opens the text after it).
    """
    before, after = neighbours
    first, second = (after, before) if opens_with_dateline else (before, after)
    borrowed = first if first is not None else second
    widest = max(ln.width for ln in measured)
    if borrowed is None or _wider_flow(widest, borrowed) or (len(measured) > 1 and _wider_flow(borrowed, widest)):
        return widest  # its own lines show another flow (a short caption, a wide tail)
    return borrowed


_CLOSING_BRACKETS: Final = tuple(CLOSE_BRACKETS)
#: How a line holding only a dateline (or a jump-from marker) ends: its bracket closed, or 电/讯.
_DATELINE_ALONE_ENDS: Final = (*_CLOSING_BRACKETS, "电", "讯")


def _measure_lines(block: list[Line]) -> list[Line]:
    """The lines of a block that show its column: a dateline set on its own line does not.

    A dateline run into its text (``本报讯（记者 王芳）近日，…``,
    ``（上接第一版）今年以来…``) fills its line like any other.
    """
    text = [ln for ln in block if ln.kind != DATELINE or not ln.text.endswith(_DATELINE_ALONE_ENDS)]
    return text or block


#: Lines that open a paragraph of their own.
_OPENERS: Final = (DATELINE, BULLET)


def _ends_paragraph(a: Line, wa: float, a_ends: bool, b: Line, wb: float, b_ends: bool, more: bool) -> bool:
    """Whether a paragraph ends after line ``a`` (next prose line ``b``, more lines after it or not).

    ``a_ends`` and ``b_ends``: whether the lines end a sentence.
    """
    if b.kind in _OPENERS or _jumps_away([a]) or (_is_lead_alone(a) and not _lead_goes_on(b)):
        return True  # a new story, text that went on to another page, or a brief's lead alone on its line
    if _other_flow(wa, wb):
        return a_ends or a.width <= wa - SHORT_IN_ANOTHER_FLOW
    if not a_ends:
        return False
    # a full line that ends a sentence: the next line's indent decides
    return a.width <= wa - SHORT_BY or (more and _opens_indented(b, wb, b_ends))


def _is_lead_alone(line: Line) -> bool:
    """A brief's bullet line holding its lead and nothing more (``◆农民丰收节文艺汇演举行``)."""
    if line.kind != BULLET:
        return False
    _, lead, rest = split_bullet_lead(line.text)
    return bool(lead) and not rest


def _lead_goes_on(line: Line) -> bool:
    """The line under a brief's lead goes on with it up to the dateline (``◆中共代表团出访`` / ``非洲三国 新华社北``
    / ``京1月5日电…``): a lead wrapped at its measure, whose brief ``articles`` reads from the lead to the dateline."""
    return bool(dateline_after_lead(unspaced(line.text)))


def _opens_indented(line: Line, column: float, ends: bool) -> bool:
    """The line starts an indent short of its column, and is not a paragraph's short last line."""
    return line.width <= column - SHORT_BY + WIDTH_TOLERANCE and not (ends and line.width <= column - SHORT_BY)


def line_ends(lines: list[Line]) -> list[bool]:
    """Whether each line ends a sentence (or its text jumps away, or a note closes it), asked once per line."""
    return [ln.terminal or ends_on_a_note(ln.text) for ln in lines]


def build_paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Group one region's prose lines (blanks allowed) into paragraphs."""
    blocks = _blocks(lines)
    if not blocks:
        return []
    flat = [ln for b in blocks for ln in b]
    column = [w for b, w in zip(blocks, column_widths(blocks)) for _ in b]
    ends = line_ends(flat)
    paras: list[Paragraph] = []
    start = 0
    for i in range(1, len(flat)):
        if _may_break_before(flat, column, ends, i) and _breaks_before(flat, column, ends, start, i):
            paras.append(_make_paragraph(flat[start:i], column[start], ends[i - 1]))
            start = i
    paras.append(_make_paragraph(flat[start:], column[start], ends[-1]))
    return merge_run_in_heads(paras)


def _breaks_before(flat: list[Line], column: list[float], ends: list[bool], start: int, i: int) -> bool:
    """A paragraph (opened at line ``start``) ends before line ``i``, where ``_may_break_before`` let it."""
    return _ends_paragraph(flat[i - 1], column[i - 1], ends[i - 1], flat[i], column[i], ends[i], i < len(flat) - 1) \
        or _credit_closes(flat[max(start, i - AUTHOR_NOTE_MAX_LINES):i]) or _closed_by_dateline(flat[max(start, i - 2):i]) \
        or (ends[i - 1] and opens_with_lead(flat[i:])) \
        or NUMBERED_PHOTO_RE.match(flat[i].text) is not None  # a numbered photo's part of a caption (图②：)


#: How the caption of a group of photos numbers each photo's part: ``图①：``, ``图 ② :``, ``图1：``. Each part opens
#: a paragraph of its own, wherever the line before it stops (gate, unread-a: parts run into one paragraph otherwise).
PHOTO_NUMBERS: Final = "①②③④⑤⑥⑦⑧⑨"
NUMBERED_PHOTO_RE: Final = re.compile(rf"^\s*图\s*([{PHOTO_NUMBERS}]|[1-9])\s*[{COLONS}]")


def _may_break_before(flat: list[Line], column: list[float], ends: list[bool], i: int) -> bool:
    """What ``_ends_paragraph`` and ``_credit_closes`` need before line ``i``, told cheaply.

    Most lines run on mid-sentence in one column, where no paragraph can end:
    a paragraph ends only after a sentence end, at a change of column, before
    a dateline or bullet line, after a bullet line, or after a closing bracket
    (a jump marker, a trailing credit, a note on the author).
    """
    a, b = flat[i - 1], flat[i]
    return ends[i - 1] or column[i - 1] != column[i] or b.kind in _OPENERS or a.kind == BULLET \
        or a.text.endswith(_CLOSING_BRACKETS) or b.text.lstrip().startswith("图")


#: A brief's lead is a headline that says what happened (``谢世杰当选``): four characters at least, so that a
#: word or two before a dateline (``（据``, ``快讯``) is no lead.
BRIEF_LEAD_MIN_CHARS: Final = 4


def opens_with_lead(lines: Sequence[Line]) -> bool:
    """Prose lines opening a brief printed with no bullet: its heading-shaped lead run into its dateline.

    A column of briefs sets each item's bold lead at the head of its first
    line, the dateline straight after it (``海南完成发行任务本报海口1月2日电…``);
    extraction loses the bold, a narrow column wraps both over lines, and
    letterspacing may space them out. The dateline is the evidence, the
    lead's shape (no sentence in it) the check.

    >>> opens_with_lead([Line(1, "云南完成发行任务　本 报 昆 明 1 月 2 日 电 截至去年底，", 30.0, PROSE)])
    True
    >>> opens_with_lead([Line(1, "中国登山队登上", 7.0, PROSE), Line(2, "非洲最高峰 新华社北", 9.0, PROSE),
    ...                  Line(3, "京 1 月 6 日 电 快 讯 ：中 国", 10.0, PROSE)])
    True
    >>> opens_with_lead([Line(1, "会议指出，本报讯的作用很大。", 14.0, PROSE)])
    False
    """
    flat = ""
    for line in lines:
        if line.kind != PROSE or len(flat) >= DATELINE_AFTER_LEAD_PROBE:
            break
        flat += "".join(line.text.split())
    at = dateline_after_lead(flat)
    if at is None or at < BRIEF_LEAD_MIN_CHARS:
        return False
    lead = flat[:at]
    return not any(ch in OPEN_BRACKETS for ch in lead) and is_heading_shaped(lead, display_width(lead))


#: Two phrases of two to eight characters parted by a comma or colon, closed by a full stop.
_RUN_IN_RE: Final = re.compile(r"^([^，。：]{2,8})[，：]([^，。：]{2,8})。$")
#: Halves of a run-in head are parallel phrases: about equally long.
RUN_IN_MAX_DIFF: Final = 2


def is_run_in_head(text: str) -> bool:
    """A bold lead-in of two parallel phrases, printed at a paragraph's start.

    Extractors often break the line after it (the font changes), which makes
    it look like a one-line paragraph.

    >>> is_run_in_head("严格执法，执剑前行。"), is_run_in_head("会议指出，要统一思想和认识。")
    (True, False)
    """
    m = _RUN_IN_RE.match(text.replace(" ", ""))
    return m is not None and abs(len(m.group(1)) - len(m.group(2))) <= RUN_IN_MAX_DIFF


def merge_run_in_heads(paras: list[Paragraph]) -> list[Paragraph]:
    """A one-line paragraph that is a run-in head joins the paragraph after it."""
    out: list[Paragraph] = []
    i = 0
    while i < len(paras):
        p = paras[i]
        if len(p.lines) == 1 and i + 1 < len(paras) and not paras[i + 1].dateline and not paras[i + 1].bullet and is_run_in_head(p.text):
            paras[i + 1].prepend(p)
        else:
            out.append(p)
        i += 1
    return out


def _closed_by_credit(lines: list[Line]) -> bool:
    """Lines closed by a trailing credit ``（记者 王芳）`` finish their paragraph.

    The credit's closing bracket is not sentence-final punctuation, but
    nothing of the article follows it, even when the credit wraps.
    """
    return lines[-1].text.rstrip().endswith(_CLOSING_BRACKETS) \
        and parse_trailing_credit(join_lines([ln.text for ln in lines])) is not None


#: Lines a trailing credit ``（记者 王芳 通讯员 李强）`` wraps over at most.
CREDIT_MAX_LINES: Final = 2
#: Lines a note on the author ``（作者为中共中央党校教授）`` wraps over at most.
AUTHOR_NOTE_MAX_LINES: Final = 3


def _credit_closes(tail: list[Line]) -> bool:
    """The last lines so far of a paragraph end with a trailing credit or an author note, perhaps wrapped.

    The article ends there. A credit wraps over ``CREDIT_MAX_LINES`` at most,
    a note on the author over ``AUTHOR_NOTE_MAX_LINES``.
    """
    if any(ln.kind == DATELINE for ln in tail[-CREDIT_MAX_LINES:]):  # a dateline's credit opens its text
        return False
    return _closed_by_credit(tail[-CREDIT_MAX_LINES:]) or _closed_by_author_note(tail)


def _closed_by_dateline(lines: list[Line]) -> bool:
    """Lines closed by a story's dateline alone on the last one, under a finished sentence (``…的酷热。`` /
    ``（本报珀斯1月7日电）``), or a paragraph that is that line alone: the story ends there. (The last two lines are
    all it reads.)

    The wire's or the paper's dateline printed in brackets after the text
    (``credits.is_closing_dateline``) closes it, as a credit does; what follows
    it is another article's heading or text.
    """
    if not is_closing_dateline(lines[-1].text):
        return False
    return len(lines) == 1 or lines[-2].terminal


def _closed_by_author_note(lines: list[Line]) -> bool:
    """Lines closed by a note on the author ``（作者为中共中央党校教授）``: the essay ends there.

    An essay's author note is printed as its last paragraph, wrapped over
    two or three lines; nothing of the essay follows it.
    """
    if not lines[-1].text.rstrip().endswith(_CLOSING_BRACKETS):
        return False
    tail = join_lines([ln.text.replace(" ", "") for ln in lines[-AUTHOR_NOTE_MAX_LINES:]])
    start = max(tail.rfind("（"), tail.rfind("("))
    return start >= 0 and AUTHOR_NOTE_RE.match(tail[start:]) is not None


def _jumps_away(lines: list[Line]) -> bool:
    """Lines closed by a jump marker ``（下转第3版）``: nothing more of the article follows on this page.

    The marker may wrap over the last two lines.
    """
    if "转" not in lines[-1].text and (len(lines) == 1 or "转" not in lines[-2].text):
        return False  # every jump-to marker holds 转: most lines are not worth joining
    tail = join_lines([ln.text for ln in lines[-2:]])
    return JUMP_TO_SUFFIX_RE.search(tail) is not None


#: A number (digits, ASCII or full width, with their decimal points,
#: separators and percent sign) opening a line: it cannot be broken.
_NUMBER_OPENING: Final = re.compile(f"[{DIGIT_CLASS}][{DIGIT_CLASS}.．,，%％]*")


def broke_before_a_number(lines: list[Line], column: float) -> bool:
    """The first line stops short only because the number opening the next would not fit after it.

    A number is never broken across lines: a line before one stops where
    the number would overrun the column, as short as an indent
    (``审批项目１５０件，计划完成投资`` / ``３０１．６亿元。`` in a column of 17):
    its shortness shows no indent, though the line may open a paragraph all
    the same.
    """
    if len(lines) < 2:
        return False
    m = _NUMBER_OPENING.match(lines[1].text)
    return m is not None and lines[0].width + display_width(m.group().rstrip("，,")) > column + WIDTH_TOLERANCE


def holds_only_a_dateline(paras: Sequence[Paragraph]) -> bool:
    """A text so far is one paragraph holding its dateline and nothing more: the prose after it is its text.

    A dateline set apart above its text may wrap (``本报北京1月5日讯 新华社记者尹鸿`` /
    ``祝、本报记者毕全忠报道：``): the two say nothing alike and may be set in
    other measures, yet no article begins between them. A source in brackets
    alone (``（据新华社北京1月7日电）``) is not counted: it as often closes the text above it.

    >>> from banmian.tasks.text.lines import classify_page
    >>> holds_only_a_dateline(build_paragraphs(classify_page("本报北京1月5日讯 新华社记者尹鸿\\n祝、本报记者毕全忠报道：\\n")))
    True
    >>> holds_only_a_dateline(build_paragraphs(classify_page("本报讯（记者 王芳）今天，全市开展安全\\n检查。\\n")))
    False
    >>> holds_only_a_dateline(build_paragraphs(classify_page("（据新华社北京1月7日电）\\n")))
    False
    """
    if len(paras) != 1 or not paras[0].dateline:
        return False
    text = paras[0].text
    parsed = parse_dateline(text)
    return parsed is not None and not parsed[1] and SOURCE_DATELINE_RE.match(text) is None


def _make_paragraph(lines: list[Line], column: float, terminated: bool) -> Paragraph:
    first = lines[0]
    credited = _closed_by_credit(lines) or _closed_by_author_note(lines)
    ends_article = credited or _jumps_away(lines) or _closed_by_dateline(lines)
    indented = first.width <= column - SHORT_BY + WIDTH_TOLERANCE or first.kind == DATELINE or len(lines) == 1
    return Paragraph(
        lines=lines,
        column=column,
        terminated=terminated or ends_article,
        indented=indented,
        dateline=first.kind == DATELINE,
        bullet=first.kind == BULLET or opens_with_lead(lines),
        credited=credited,
        ends_article=ends_article,
    )
