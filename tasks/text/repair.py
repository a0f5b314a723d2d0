"""Stage 0 of segmentation: printed lines that the extractor broke into pieces, glued back.

pdftotext breaks a printed line where its characters are placed apart (a
number set digit by digit, a mark kerned away, a quote): the pieces come out
as lines of their own (``日本侵略者杀害的群众就有`` / ``3`` / ``1`` / ``0`` /
``0 多人。…``, ``自下而上地发动群众`` / ``，`` / ``深入开展…``), and so does
the page's date (``2`` / ``011.`` / ``5.`` / ``24 星期二``). Read alone,
such a piece is a page number, a heading-shaped line or a stray mark.

Typesetting gives positive evidence of a break that is no printed line's
end: a printed line never opens with a closing mark nor ends with an
opening one (kinsoku), a number is never broken across printed lines, the
pieces of a date make a date only together, and the pieces of one printed
line fill its column together where each alone falls short. Two passes use
it, each linear in the page's lines: ``repair_lines`` glues marks and digits
standing alone and broken dates before lines are classified;
``piece_runs`` finds the runs of text lines that fill one printed line once
they are. Every character stays, in its order.

>>> repair_lines(["就有", "3", "1", "0", "0 多人。", "", "群众", "，", "深入"]).lines
[(1, '就有'), (2, '3100 多人。'), (6, ''), (7, '群众，'), (9, '深入')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import Final, NamedTuple, Protocol

from banmian.tasks.text.chars import DIGIT_CLASS, NO_LINE_END, NO_LINE_START
from banmian.tasks.text.clean import fold_fullwidth_alnum, join_lines

#: The page's date line: ``2023年8月25日 星期五 农历七月初十``, or with points and a weekday
#: (``2011.5.24 星期二``: a point date without its weekday may be any number in a text).
DATE_RE: Final = re.compile(
    r"^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星\s*期\s*[一二三四五六日天])?"
    r"|\d{4}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}\s*\.?\s*星\s*期\s*[一二三四五六日天])"
    r"(?:\s*(?:农历|癸|甲|乙|丙|丁|戊|己|庚|辛|壬)\S*)*\s*$"
)
#: A piece of a date broken over lines: digits, points and the date's words only (``2``, ``011.``, ``24 星期二``).
_DATE_PIECE_RE: Final = re.compile(r"^[\d.\s年月日星期一二三四五六天]+$")
#: A date comes out in at most this many pieces (``2`` / ``011`` / ``年 1 月`` / ``8 日`` / ``星期五``).
DATE_MAX_PIECES: Final = 5
#: The longest piece of a date, in characters: the whole date is about 15.
DATE_PIECE_MAX_CHARS: Final = 16

#: Marks alone on a line that close what stands before them (``，``, ``。”``).
_CLOSING_MARKS_RE: Final = re.compile(f"[{re.escape(NO_LINE_START)}\\s]+$")
#: Marks alone on a line that open what stands after them (``“``, ``《``).
_OPENING_MARKS_RE: Final = re.compile(f"[{re.escape(NO_LINE_END)}\\s]+$")
#: A line of digits alone (``3``, ``０``): a number set digit by digit comes out so.
_DIGITS_ALONE_RE: Final = re.compile(f"[{DIGIT_CLASS}]+$")
#: A digit, ASCII or full width.
_DIGIT: Final = re.compile(f"[{DIGIT_CLASS}]")
#: Points that part a number's digits (a decimal point, a date's points).
_POINTS: Final = ".．"
#: What may follow a number's digits inside the number: its point, or its per cent sign.
_NUMBER_GOES_ON: Final = _POINTS + "%％‰"
#: Digits, ASCII and full width, as a string for ``in``.
_DIGITS: Final = "0123456789０１２３４５６７８９"
#: The characters on either side of a break inside a number.
_NUMBER_CHARS: Final = _DIGITS + _NUMBER_GOES_ON
#: An apostrophe before a year's last digits (``’97中国旅游年``) opens a line as a word's first character.
_APOSTROPHE_YEAR_RE: Final = re.compile(f"’[{DIGIT_CLASS}]")


#: What every repair needs somewhere on the page (``_may_need_repair``), in three patterns that each open
#: with one literal or one class, which the engine scans the page for fast (a pattern that opens on an
#: alternation of classes, or on a line's start, is tried at every character of the page instead).
#: A line opening with a digit over one opening with a date's character:
_DATE_BREAK: Final = rf"[^\S\n]*[{_DIGITS}][^\n]*\n[^\S\n]*[{_DIGITS}年月日星]"
#: A line (not the first) that opens with a closing mark, or with a digit over a date's character.
_LINE_OPENING_HINT_RE: Final = re.compile(rf"\n(?:\s*[{re.escape(NO_LINE_START)}]|{_DATE_BREAK})")
#: The first line opens with a digit over a date's character.
_FIRST_LINE_HINT_RE: Final = re.compile(_DATE_BREAK)
#: A line that ends with an opening mark, or a number's characters on both sides of a line break.
_LINE_END_HINT_RE: Final = re.compile(
    rf"[{re.escape(NO_LINE_END)}{_NUMBER_CHARS}](?:(?<=[{re.escape(NO_LINE_END)}])[^\S\n]*\n"
    rf"|(?<=[{_NUMBER_CHARS}])[^\S\n]*\n[^\S\n]*[{_NUMBER_CHARS}])")


def _may_need_repair(text: str) -> bool:
    """The page's text (its lines joined) shows what one repair or another needs: most pages of good
    print show nothing of it, and their lines are kept as they are.

    >>> _may_need_repair("就有\\n3\\n1"), _may_need_repair("群众\\n，深入"), _may_need_repair("群众\\n深入")
    (True, True, False)
    """
    return bool(_LINE_OPENING_HINT_RE.search(text) or _FIRST_LINE_HINT_RE.match(text) or _LINE_END_HINT_RE.search(text))


class Repaired(NamedTuple):
    """A page's lines as ``repair_lines`` glued them.

    ``lines``: each line's 1-based number (its first piece's) and text.
    ``cut_number``: the indexes of lines that open with a number whose
    digits the extractor emitted on lines of their own; ``cut_mark``: of
    lines that end with marks it emitted alone. Either shows the extractor
    broke a printed line there.
    """

    lines: list[tuple[int, str]]
    cut_number: frozenset[int]
    cut_mark: frozenset[int]


def repair_lines(raw: list[str]) -> Repaired:
    """The page's lines, marks and digits standing alone and broken dates glued into one line with their neighbours.

    A line left alone keeps its text as given; a glued one is the pieces
    stripped and joined (``clean.join_lines``), numbered as its first piece.
    """
    if not _may_need_repair("\n".join(raw)):
        return Repaired(list(enumerate(raw, start=1)), frozenset(), frozenset())  # most pages of good print
    glued = _Glue()
    for no, text in enumerate(raw, start=1):
        glued.add(no, text)
    glued.flush()
    lines = _glue_broken_dates(glued.lines)
    if not (glued.cut_number or glued.cut_mark):
        return Repaired(lines, frozenset(), frozenset())
    return Repaired(lines, frozenset(k for k, (no, _) in enumerate(lines) if no in glued.cut_number),
                    frozenset(k for k, (no, _) in enumerate(lines) if no in glued.cut_mark))


class _Glue:
    """Lines read one by one, each glued to the one before when the break between them is no printed line's end."""

    def __init__(self) -> None:
        self.lines: list[tuple[int, str]] = []
        self.cut_number: set[int] = set()  # numbers of the lines that open with a number set digit by digit
        self.cut_mark: set[int] = set()    # ... that end with marks emitted alone
        self.held: tuple[int, str] | None = None  # the last line read that is not blank, not yet out
        self.pieces: list[str] = []               # its pieces, stripped

    def add(self, no: int, text: str) -> None:
        """Line ``no`` read: glued to the held line, or the held line goes out and this one is held."""
        piece = text.strip()
        if self.held is not None and piece and _may_break_mid_line(self.pieces[-1][-1], piece[0]) \
                and breaks_mid_line("".join(self.pieces[-2:]), piece):  # a point alone needs its digit
            self.pieces.append(piece)
            return
        self.flush()
        if piece:
            self.held, self.pieces = (no, text), [piece]
        else:
            self.lines.append((no, text))

    def flush(self) -> None:
        """The held line goes out, glued to its pieces."""
        if self.held is None:
            return
        if len(self.pieces) == 1:
            self.lines.append(self.held)
        else:
            if _DIGITS_ALONE_RE.match(self.pieces[0]):
                self.cut_number.add(self.held[0])
            if _CLOSING_MARKS_RE.match(self.pieces[-1]):
                self.cut_mark.add(self.held[0])
            self.lines.append((self.held[0], join_lines(self.pieces)))
        self.held, self.pieces = None, []


def _may_break_mid_line(last: str, first: str) -> bool:
    """What ``breaks_mid_line`` needs of the two characters at the break, told cheaply: most breaks show none."""
    return first in NO_LINE_START or last in NO_LINE_END or (last in _NUMBER_CHARS and first in _NUMBER_CHARS)


def breaks_mid_line(before: str, after: str) -> bool:
    """The break between two stripped, non-empty lines falls inside a printed line.

    The line after is closing marks alone, the line before opening marks
    alone, or the break cuts a number. (A longer line that opens with a
    closing mark may be the next printed line where an extractor moved the
    mark: ``piece_runs`` decides it by the widths.)

    >>> breaks_mid_line("发动群众", "，"), breaks_mid_line("“", "走吧。”"), breaks_mid_line("就有", "3")
    (True, True, False)
    >>> breaks_mid_line("3", "0 多人"), breaks_mid_line("011.", "5."), breaks_mid_line("目标。", "2023年")
    (True, True, False)
    """
    return _CLOSING_MARKS_RE.match(after) is not None or _OPENING_MARKS_RE.match(before) is not None \
        or _cuts_a_number(before, after)


def _cuts_a_number(before: str, after: str) -> bool:
    """The break falls inside a number: between two digits, at its point or before its per cent sign
    (``2`` | ``011.``, ``011.`` | ``5.``, ``2.5`` | ``% 左右``).

    A whole date line after the break is a line of its own (a page number above the page's date).
    """
    last, first = before[-1], after[0]
    if not (_DIGIT.match(last) or (last in _POINTS and len(before) > 1 and _DIGIT.match(before[-2]))):
        return False
    return (_DIGIT.match(first) is not None or first in _NUMBER_GOES_ON) and not DATE_RE.match(fold_fullwidth_alnum(after))


def _glue_broken_dates(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A date broken over lines (``2018年`` / ``6月`` / ``5日 星期日``) glued into one line.

    (Lines glued so hold digits and date words only: they are no lines ``cut_number`` or ``cut_mark`` counts.)
    """
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        k = _date_end(lines, i) if lines[i][1].lstrip()[:1] in _DIGITS else i
        out.append((lines[i][0], join_lines([text for _, text in lines[i:k]])) if k > i + 1 else lines[i])
        i = max(k, i + 1)
    return out


def _date_end(lines: list[tuple[int, str]], i: int) -> int:
    """The end of the longest run of date pieces from line ``i`` that together make a date line (``i`` if none)."""
    pieces: list[str] = []
    end = i
    for _, text in lines[i:i + DATE_MAX_PIECES]:
        piece = text.strip()
        if not piece or len(piece) > DATE_PIECE_MAX_CHARS or not _DATE_PIECE_RE.match(piece := fold_fullwidth_alnum(piece)):
            break
        pieces.append(piece)
        if len(pieces) > 1 and DATE_RE.match("".join(pieces)):
            end = i + len(pieces)
    return end


# --- a printed line in pieces, told by the widths --------------------------------------------------

#: A line this much short of its column is no full line (justified lines vary by about a unit).
PIECE_SHORT_BY: Final = 1.5
#: Pieces glued make a full line: their widths sum to the column's within this (half-width
#: digits and Latin measure a unit or so off what they print).
PIECES_FILL_SLACK: Final = 1.5
#: A printed line comes out in at most this many pieces.
MAX_PIECES: Final = 6
#: Lines read on each side of a piece to measure its column.
COLUMN_WINDOW: Final = 6
#: Two widths this close show one column (its full lines).
SAME_WIDTH: Final = 1.0
#: Marks a piece of a line broken after its marks ends with: marks that end no paragraph.
#: (A paragraph's short last line ends with a sentence end, and the next paragraph's first line,
#: an indent short, may fill just what it left; a sentence end the extractor emitted alone
#: shows a break all the same: ``Repaired.cut_mark``.)
PIECE_END_MARKS: Final = "，、：；,:;"
#: The last characters of a line that show its printed line goes on: those marks, and opening marks.
_GOES_ON_MARKS: Final = PIECE_END_MARKS + NO_LINE_END
#: Those characters, and ``NO_LINE_START``'s, as sets (an empty string is in no set, though in every string).
_GOES_ON_CHARS: Final = frozenset(_GOES_ON_MARKS)
_NO_LINE_START_CHARS: Final = frozenset(NO_LINE_START)


class Measured(Protocol):
    """A line as ``piece_runs`` reads it (``lines.Line`` is one): its stripped text and display width."""

    @property
    def text(self) -> str: ...

    @property
    def width(self) -> float: ...


class PieceRun(NamedTuple):
    """Lines ``[start, end)`` that are pieces of one printed line, and the width of the column it fills."""

    start: int
    end: int
    column: float


def piece_runs(lines: Sequence[Measured], is_text: Sequence[bool], cut_number: AbstractSet[int] = frozenset(),
               cut_mark: AbstractSet[int] = frozenset()) -> list[PieceRun]:
    """The runs of lines that are pieces of one printed line.

    ``is_text``: whether each line is a line of text (no heading, credit or
    furniture line is a piece of one); ``cut_number``, ``cut_mark``: the
    indexes of lines that ``Repaired`` says the extractor broke. A short line
    of text that shows its printed line goes on (``goes_on``), and the lines
    of text after it whose widths add up to the column's, are one printed
    line (``好的落实，`` / ``极少数…向群众解``): no paragraph ends short only to
    go on at once in a line that fills just what it left.

    >>> class L(NamedTuple):
    ...     text: str
    ...     width: float
    >>> page = [L("一二三四五六七八", 8.0)] * 2 + [L("好的落实，", 5.0), L("极少数人", 4.0), L("一二三四五六七八", 8.0)]
    >>> piece_runs(page, [True] * 5)
    [PieceRun(start=2, end=4, column=8.0)]
    """
    runs: list[PieceRun] = []
    done = 0
    for i in _may_open_a_run(lines, cut_number, cut_mark):
        run = _pieces_from(lines, is_text, cut_number, cut_mark, i) if i >= done and is_text[i] else None
        if run is not None:
            runs.append(run)
            done = run.end
    return runs


def _may_open_a_run(lines: Sequence[Measured], cut_number: AbstractSet[int], cut_mark: AbstractSet[int]) -> list[int]:
    """The lines that show their printed line goes on (``goes_on``), in order, looked for over the whole page at once."""
    hinted = {i for i, ln in enumerate(lines) if ln.text[-1:] in _GOES_ON_CHARS}
    hinted.update(i for i, ln in enumerate(lines[1:]) if ln.text[:1] in _NO_LINE_START_CHARS)
    hinted.update(cut_mark, (i - 1 for i in cut_number))
    return [i for i in sorted(hinted) if goes_on(lines, i, cut_number, cut_mark)]


def goes_on(lines: Sequence[Measured], i: int, cut_number: AbstractSet[int], cut_mark: AbstractSet[int]) -> bool:
    """Line ``i`` shows that its printed line goes on in the next line.

    It ends with a mark that ends no paragraph or with an opening mark, or
    with marks the extractor emitted alone; or the next line opens with a
    closing mark (not an apostrophe before a year: ``’97``) or with a number
    the extractor emitted digit by digit.
    """
    text = lines[i].text
    if not text:
        return False
    if text[-1] in _GOES_ON_MARKS or i in cut_mark:
        return True
    after = lines[i + 1].text if i + 1 < len(lines) else ""
    return after != "" and (i + 1 in cut_number or (after[0] in NO_LINE_START and not _APOSTROPHE_YEAR_RE.match(after)))


def _pieces_from(lines: Sequence[Measured], is_text: Sequence[bool], cut_number: AbstractSet[int],
                 cut_mark: AbstractSet[int], i: int) -> PieceRun | None:
    """The pieces from line ``i`` on that fill its column, if they do."""
    total = lines[i].width
    column = _column_at(lines, i)
    if column is None or total >= column - PIECE_SHORT_BY:
        return None
    for j in range(i + 1, min(i + MAX_PIECES, len(lines))):
        if not is_text[j]:
            break
        total += lines[j].width
        if total >= column - PIECES_FILL_SLACK:
            return PieceRun(i, j + 1, column) if total <= column + PIECES_FILL_SLACK else None
        if not goes_on(lines, j, cut_number, cut_mark):
            break
    return None


def _column_at(lines: Sequence[Measured], i: int) -> float | None:
    """The column around line ``i``: the widest width two lines of its block share (None when none do).

    The block is the run of lines between blank lines: across a blank, text
    of another column or flow may follow.
    """
    near = sorted((lines[k].width for k in (*_block_before(lines, i), *_block_after(lines, i))), reverse=True)
    return next((a for a, b in zip(near, near[1:]) if a - b <= SAME_WIDTH), None)


def _block_before(lines: Sequence[Measured], i: int) -> list[int]:
    """Up to ``COLUMN_WINDOW`` lines straight above line ``i``, up to a blank line."""
    out = []
    for k in range(i - 1, max(-1, i - COLUMN_WINDOW - 1), -1):
        if not lines[k].text:
            break
        out.append(k)
    return out


def _block_after(lines: Sequence[Measured], i: int) -> list[int]:
    """Up to ``COLUMN_WINDOW`` lines straight below line ``i``, up to a blank line."""
    out = []
    for k in range(i + 1, min(len(lines), i + COLUMN_WINDOW + 1)):
        if not lines[k].text:
            break
        out.append(k)
    return out
