"""Stage 1 of segmentation: what each line of a page *is*, by its form alone.

A line is classified without looking at its neighbours (``classify_line``);
``mark_heads`` then decides, from the neighbours, which heading-shaped lines
really are headings and which are prose lines that happen to lack punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.clean import display_width, ends_sentence, fold_fullwidth_alnum
from tasks.lexicon import break_splits_word
from tasks.credits import (
    BYLINE_LINE_RE,
    DATELINE_START_RE,
    PHOTO_CREDIT_RE,
    ROLE_ONLY_RE,
    SOURCE_DATELINE_RE,
)

# Line kinds.
BLANK = "blank"
PROSE = "prose"
HEADISH = "headish"      # heading-shaped; becomes HEAD or PROSE in mark_heads
HEAD = "head"
SUBTITLE = "subtitle"    # ——… line under a headline
BYLINE = "byline"        # standalone credit: 本报通讯员 金鑫
ROLE = "role"            # a role word alone: first half of a split credit
CREDIT = "credit"        # photo credit: … 摄
DATELINE = "dateline"    # prose line that opens a story: 本报讯（…
FURNITURE = "furniture"  # page date, page number/name, editor lines
JUMP = "jump"            # （上接第一版） / （下转第3版）

#: Widest line (full-width units) that can still be a headline or crosshead.
#: Calibrated on the seeds' subject lines (≤ 24 units) with room for longer
#: one-line headlines on wide pages.
HEAD_MAX_WIDTH = 34.0
#: A heading may hold one comma/！/？ only when this short (``稳增长，促发展``);
#: wider lines with a comma are prose (paragraph starts before a column break
#: on the seeds are 12–14 units wide).
SOFT_MARK_HEAD_WIDTH = 10.0

_DATE_RE = re.compile(
    r"^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?:星\s*期\s*[一二三四五六日天])?"
    r"(?:\s*(?:农历|癸|甲|乙|丙|丁|戊|己|庚|辛|壬)\S*)*\s*$"
)
_PAGE_RE = re.compile(
    r"^\s*(?:第\s*\d{1,3}\s*版|[A-Z]?\d{1,3}\s*版?\s*[\u4e00-\u9fff]{0,8}(?:\s*[\u4e00-\u9fff]{2,8})?"
    r"|[\u4e00-\u9fff]{2,8}\s*第?\s*\d{1,3}\s*版)\s*$"
)
_EDITOR_RE = re.compile(r"^\W{0,2}(?:责\s*任\s*编\s*辑|责\s*编|版\s*式|美\s*编|校\s*对|编\s*辑|排\s*版|组\s*版|本版编辑)\s*[：:]")
#: Widest line that can be an editor/page-furniture line.
FURNITURE_MAX_WIDTH = 40.0
_JUMP_RE = re.compile(r"^\s*[（(]\s*(?:上接|下转|接上|转下|接第|转第)[^（()）]{1,12}[）)]\s*$")
_SUBTITLE_RE = re.compile(r"^\s*(?:——|──|－－|--|—)\s*\S")
#: Marks that end or split a sentence: a line holding them is prose, not a heading.
_SENTENCE_MARKS = re.compile(r"[。；;：:]|[，,、](?!$)|[，,、]$")
_SOFT_MARKS = re.compile(r"[，！？!?]")


@dataclass(slots=True)
class Line:
    """One line of a page with the facts segmentation needs."""

    no: int        # 1-based line number in the page
    text: str      # stripped
    width: float   # display width (full-width units, spaces ignored)
    kind: str

    @property
    def terminal(self) -> bool:
        return ends_sentence(self.text)


def is_page_number_line(text: str) -> bool:
    """``第3版``, ``7 理论``, ``A3 要闻``: a page's number and name."""
    folded = fold_fullwidth_alnum(text)
    return bool(_PAGE_RE.match(folded)) and any(ch.isdigit() for ch in folded)


def is_heading_shaped(text: str, width: float) -> bool:
    """No sentence punctuation, and not too wide: could be a headline or crosshead.

    One comma, exclamation or question mark is allowed inside a short line
    (``稳增长，促发展``), never at its end.
    """
    if width > HEAD_MAX_WIDTH or width < 2:
        return False
    if _SENTENCE_MARKS.search(text.rstrip("！？!?")):
        soft = _SOFT_MARKS.findall(text)
        if len(soft) > 1 or width > SOFT_MARK_HEAD_WIDTH or text.rstrip()[-1] in "，,、" or re.search(r"[。；;：:]", text):
            return False
    return not text.rstrip().endswith(("。", "，", "、", ",", "；"))


def classify_line(no: int, raw: str) -> Line:
    """Classify one line by its own form."""
    text = raw.strip().replace("\f", "")
    if not text:
        return Line(no, "", 0.0, BLANK)
    width = display_width(text)
    folded = fold_fullwidth_alnum(text)
    if _DATE_RE.match(folded) or (width <= FURNITURE_MAX_WIDTH and _EDITOR_RE.search(text)) \
            or (width <= 14 and is_page_number_line(text)):
        kind = FURNITURE
    elif _JUMP_RE.match(text):
        kind = JUMP
    elif PHOTO_CREDIT_RE.match(folded):
        kind = CREDIT
    elif ROLE_ONLY_RE.match(text):
        kind = ROLE
    elif DATELINE_START_RE.match(text) or SOURCE_DATELINE_RE.match(text):
        kind = DATELINE
    elif BYLINE_LINE_RE.match(text) and width <= 24:
        kind = BYLINE
    elif _SUBTITLE_RE.match(text) and width <= HEAD_MAX_WIDTH + 6:
        kind = SUBTITLE
    elif is_heading_shaped(text, width):
        kind = HEADISH
    else:
        kind = PROSE
    return Line(no, text, width, kind)


_HEAD_NEIGHBOURS = {BLANK, HEAD, SUBTITLE, BYLINE, ROLE, CREDIT, FURNITURE, JUMP}

#: Consecutive heading-shaped lines (no blank between) that can form one
#: headline: kicker + couplet + subject is the longest shape on real pages.
MAX_HEAD_RUN = 4


def mark_heads(lines: list[Line]) -> None:
    """Turn HEADISH runs into HEAD or PROSE, in place, by their neighbours.

    A run of heading-shaped lines is a heading when it stands apart: above it
    a blank, the page top, another non-prose line, or the end of a sentence;
    below it a blank, the page end, or a line that opens something (a
    dateline, byline or subtitle). Otherwise it is prose that lacks
    punctuation, e.g. a full line in the middle of a paragraph.
    """
    n = len(lines)
    i = 0
    while i < n:
        if lines[i].kind != HEADISH:
            i += 1
            continue
        j = i
        while j < n and lines[j].kind == HEADISH:
            j += 1
        before = lines[i - 1] if i > 0 else None
        after = lines[j] if j < n else None
        top_ok = before is None or before.kind in _HEAD_NEIGHBOURS or (
            before.kind in (PROSE, DATELINE) and before.terminal)
        bottom_ok = after is None or after.kind in _HEAD_NEIGHBOURS or after.kind == DATELINE
        kind = HEAD if top_ok and bottom_ok and j - i <= MAX_HEAD_RUN else PROSE
        if kind == HEAD and _continues_into_prose(lines, j):
            kind = PROSE
        for k in range(i, j):
            lines[k].kind = kind
        i = j


def _continues_into_prose(lines: list[Line], j: int) -> bool:
    """True when the line before ``j`` breaks a word that the next prose line ends.

    A paragraph's first line cut off by a column break looks like a heading
    (no punctuation, blank below); the word it breaks gives it away.
    """
    k = j
    while k < len(lines) and lines[k].kind == BLANK:
        k += 1
    if k >= len(lines) or lines[k].kind not in (PROSE, HEADISH):
        return False
    return break_splits_word(lines[j - 1].text, lines[k].text)


def classify_page(text: str) -> list[Line]:
    """All lines of a page, classified and with headings marked."""
    lines = [classify_line(no, raw) for no, raw in enumerate(text.split("\n"), 1)]
    mark_heads(lines)
    return lines
