"""Chinese line breaking and justification: a paragraph set into a measure of N ems.

Rules of real typesetting, not of any reader: no line opens with a closing mark (``，。、；：？！”）》``)
and none ends with an opening one (``“（《``); a closing mark that does not fit either hangs in the
margin or pulls the last character down with it; an ASCII run (``2023``, ``12.5%``) is never split.
Full lines are justified: the room left over is spread over the gaps between characters, which is
what an extractor later turns into letterspacing (``通 过 学 理 论``).  Papers that compress
punctuation to half an em (most of them) leave room on nearly every line that holds a mark.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from .chars import NO_LINE_END, NO_LINE_START, em_width
from .tagged import TText

#: Marks printed half an em wide when a paper compresses punctuation.
COMPRESSIBLE: Final[frozenset[str]] = frozenset("，。、；：”’）》」』“‘（《「『")
#: Closing marks that may hang in the margin.
HANGABLE: Final[frozenset[str]] = frozenset("，。、")
_TOKEN_RE: Final[re.Pattern[str]] = re.compile(r"[A-Za-z0-9.%/+\-]+|.", re.S)


@dataclass(frozen=True)
class SetLine:
    """One line of a set paragraph: its text, natural width, and justification gap (ems per gap)."""

    text: TText
    natural: float
    gap: float
    last: bool  # the paragraph's last line (set flush left, not justified)
    indent: float


@dataclass(frozen=True)
class Measure:
    """How a paragraph is set: width in ems (per line, for runarounds), indent, punctuation habits."""

    width: Callable[[int], float]
    indent: float = 2.0
    compress: bool = False
    hang: bool = False
    justify: bool = True


def tokens(text: str) -> list[tuple[int, int]]:
    """(start, end) of the unbreakable pieces of ``text``.

    >>> [("本报讯2023年"[a:b]) for a, b in tokens("本报讯2023年")]
    ['本', '报', '讯', '2023', '年']
    """
    return [m.span() for m in _TOKEN_RE.finditer(text)]


def char_width(ch: str, compress: bool) -> float:
    """Advance of one character in ems."""
    return 0.5 if compress and ch in COMPRESSIBLE else em_width(ch)


_WIDTHS: Final[tuple[dict[str, float], dict[str, float]]] = ({}, {})


def token_width(tok: str, compress: bool) -> float:
    """Advance of an unbreakable piece in ems (memoised: a page sets some 50,000 of them)."""
    cache = _WIDTHS[compress]
    w = cache.get(tok)
    if w is None:
        w = cache[tok] = sum(char_width(c, compress) for c in tok)
    return w


def set_paragraph(text: TText, m: Measure) -> list[SetLine]:
    """Break ``text`` into lines of the measure.

    >>> from .tagged import TText
    >>> lines = set_paragraph(TText.of("我们党，是为人民谋幸福的政党。", 0), Measure(lambda i: 6.0))
    >>> [ln.text.text for ln in lines]
    ['我们党，', '是为人民谋幸', '福的政党。']
    """
    toks = tokens(text.text)
    widths = [token_width(text.text[a:b], m.compress) for a, b in toks]
    lines: list[SetLine] = []
    i = 0
    while i < len(toks):
        indent = m.indent if not lines else 0.0
        limit = max(1.0, m.width(len(lines)) - indent)
        j = _fit(toks, widths, i, limit)
        j = _kinsoku(text.text, toks, widths, i, j, limit, m.hang)
        a, b = toks[i][0], toks[j - 1][1]
        natural = sum(widths[i:j])
        last = j >= len(toks)
        n = b - a
        gap = (limit - natural) / (n - 1) if (m.justify and not last and n > 1 and natural < limit) else 0.0
        lines.append(SetLine(text[a:b], natural, gap, last, indent))
        i = j
    return lines


def _fit(toks: list[tuple[int, int]], widths: list[float], i: int, limit: float) -> int:
    """The end of the longest run of tokens from ``i`` that fits ``limit`` (at least one token)."""
    w = 0.0
    j = i
    while j < len(toks) and (j == i or w + widths[j] <= limit + 1e-9):
        w += widths[j]
        j += 1
    return j


def _kinsoku(text: str, toks: list[tuple[int, int]], widths: list[float], i: int, j: int,
             limit: float, hang: bool) -> int:
    """Move the break ``j`` so that no line opens with a closing mark or ends with an opening one."""
    if j >= len(toks):
        return j
    nxt = text[toks[j][0]]
    if nxt in NO_LINE_START:
        if hang and nxt in HANGABLE and (j + 1 >= len(toks) or text[toks[j + 1][0]] not in NO_LINE_START):
            return j + 1
        k = j
        while k - 1 > i and text[toks[k][0]] in NO_LINE_START:
            k -= 1
        j = k if k > i else j
    while j - 1 > i and text[toks[j - 1][1] - 1] in NO_LINE_END:
        j -= 1
    return j


def balance(lines: list[SetLine], columns: int) -> list[list[SetLine]]:
    """Share set lines among ``columns`` columns of equal depth (the last may be shorter).

    >>> [len(c) for c in balance([None] * 10, 3)]  # type: ignore[list-item]
    [4, 4, 2]
    """
    depth = -(-len(lines) // max(1, columns))
    return [lines[k:k + depth] for k in range(0, len(lines), max(1, depth))][:columns] or [[]]
