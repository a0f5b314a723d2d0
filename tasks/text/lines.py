"""Stage 1 of segmentation: what each line of a page *is*, by its form alone.

A line is classified without looking at its neighbours (``classify_line``);
``mark_heads`` then decides, from the neighbours, which heading-shaped lines
really are headings and which are prose lines that happen to lack punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from banmian.tasks.text.clean import (
    bracket_depth,
    char_bits,
    char_table,
    display_width,
    ends_sentence,
    fold_fullwidth_alnum,
    is_letterspaced,
    holds_any,
    in_char_table,
    marks_in,
    measure,
    split_doubled,
    visible_end,
    visible_start,
)
from banmian.tasks.text.lexicon import break_splits_word, break_strands_a_character
from banmian.tasks.text.credits import (
    BYLINE_LINE_RE,
    DATELINE_START_RE,
    PHOTO_CREDIT_RE,
    ROLE_ONLY_RE,
    ROLES,
    SOURCE_DATELINE_RE,
    AGENCY_NOTE_ENDS,
    AUTHOR_NOTE_RE,
    TRAILING_CREDIT_RE,
    is_author_line,
    unletterspace,
)

# Line kinds.
BLANK: Final = "blank"
PROSE: Final = "prose"
HEADISH: Final = "headish"      # heading-shaped; becomes HEAD or PROSE in mark_heads
HEAD: Final = "head"
SUBTITLE: Final = "subtitle"    # ——… line under a headline
BYLINE: Final = "byline"        # standalone credit: 本报通讯员 金鑫
ROLE: Final = "role"            # a role word alone: first half of a split credit
CREDIT: Final = "credit"        # photo credit: … 摄
DATELINE: Final = "dateline"    # prose line that opens a story: 本报讯（…
FURNITURE: Final = "furniture"  # page date, page number/name, editor lines
JUMP: Final = "jump"            # （上接第一版） / （下转第3版）
LABEL: Final = "label"          # a section label: 图片新闻, 要闻简报, 编者按
BULLET: Final = "bullet"        # ◆/● opening a brief: its lead, maybe its text
STRAY: Final = "stray"          # a lone character standing apart: a piece of a name set vertically

#: Widest line (full-width units) that can still be a headline or crosshead.
#: Calibrated on the seeds' subject lines (≤ 24 units) with room for longer
#: one-line headlines on wide pages.
HEAD_MAX_WIDTH: Final = 34.0
#: A heading may hold one comma/！/？ only when this short (``稳增长，促发展``);
#: wider lines with a comma are prose (paragraph starts before a column break
#: on the seeds are 12–14 units wide).
SOFT_MARK_HEAD_WIDTH: Final = 10.0

_DATE_RE: Final = re.compile(
    r"^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?:星\s*期\s*[一二三四五六日天])?"
    r"(?:\s*(?:农历|癸|甲|乙|丙|丁|戊|己|庚|辛|壬)\S*)*\s*$"
)
_PAGE_RE: Final = re.compile(
    r"^\s*(?:第\s*(?P<no1>\d{1,3}|[一二三四五六七八九十]{1,3})\s*版(?:\s+(?P<name1>[\u4e00-\u9fff]{2,8}))?"
    r"|(?P<no2>[A-Z]?\d{1,3})(?:\s*版)?(?:\s+(?P<name2>[\u4e00-\u9fff]{2,8}(?:\s+[\u4e00-\u9fff]{2,8})?))?"
    r"|(?P<name3>[\u4e00-\u9fff]{2,8})\s*第?\s*(?P<no3>\d{1,3})\s*版)\s*$"
)
_EDITOR_ROLE: Final = r"(?:责\s*任\s*编\s*辑|责\s*编|版\s*式\s*(?:设\s*计)?|美\s*编|校\s*对|编\s*辑|排\s*版|组\s*版|本版编辑)"
_EDITOR_NAME: Final = r"[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}"
#: ``责任编辑：张三 版式：李四``, or without colons (``责任编辑 张三  版式设计 李四``)
#: when the line is nothing but roles and names.
_EDITOR_RE: Final = re.compile(
    rf"^\W{{0,2}}{_EDITOR_ROLE}\s*[：:]"
    rf"|^\W{{0,2}}{_EDITOR_ROLE}\s+{_EDITOR_NAME}(?:\s+{_EDITOR_ROLE}\s*[：:]?\s*{_EDITOR_NAME})*\s*$")
#: Widest line that can be an editor/page-furniture line.
FURNITURE_MAX_WIDTH: Final = 40.0
_JUMP_RE: Final = re.compile(r"^\s*[（(]\s*(?:上接|下转|接上|转下|接第|转第)[^（()）]{1,12}[）)]\s*$")
#: （上接第一版） printed before the text it continues, on the same line.
JUMP_FROM_PREFIX_RE: Final = re.compile(r"^\s*[（(]\s*((?:上接|接上|接第)[^（()）]{1,12})[）)]\s*")
#: （下转第3版） printed after the last words of a text, on the same line.
JUMP_TO_SUFFIX_RE: Final = re.compile(r"\s*[（(]\s*((?:下转|转下|转第)[^（()）]{1,12})[）)]\s*$")
#: Section labels a page prints over a photo or a run of briefs. They head a
#: section, not an article, so they are page furniture.
_LABEL_RE: Final = re.compile(
    r"^\s*[【\[〖]?\s*(?:图\s*片\s*新\s*闻|新闻图片|图片报道|要\s*闻\s*简\s*报|新闻简讯|综合简讯|简\s*讯|快\s*讯"
    r"|短\s*讯|编\s*者\s*按|本版导读|导\s*读)\s*[】\]〗]?\s*$")
#: A bullet that opens a brief (◆农民丰收节文艺汇演举行).
BULLET_MARKS: Final = "◆●▲■◇"
_BULLET_RE: Final = re.compile(f"^\\s*[{BULLET_MARKS}]\\s*[\u4e00-\u9fff“《0-9０-９]")
_SUBTITLE_RE: Final = re.compile(r"^\s*(?:——|──|－－|--|—)\s*\S")
#: Marks that end or split a sentence: a line holding them is prose, not a heading.
_SENTENCE_MARKS: Final = tuple("，。、；：;:,")
#: The sentence marks no heading may hold, however short.
_HARD_MARKS: Final = tuple("。；：;:")
_SOFT_MARKS: Final = re.compile(r"[，！？!?]")
#: What ``_JUMP_RE``, ``JUMP_FROM_PREFIX_RE``, ``SOURCE_DATELINE_RE``, ``TRAILING_CREDIT_RE`` and
#: ``AUTHOR_NOTE_RE`` need first (after whitespace), and ``JUMP_TO_SUFFIX_RE`` last.
_OPEN_BRACKETS_TABLE: Final = char_table("（(")
_CLOSE_BRACKETS_TABLE: Final = char_table("）)")
#: What ``_BULLET_RE`` and ``_SUBTITLE_RE`` need first (after whitespace).
_BULLET_TABLE: Final = char_table(BULLET_MARKS)
_DASH_TABLE: Final = char_table("—─－-")
#: What ``_LABEL_RE`` needs first and last (after and before whitespace): a bracket, or a label's first or last character.
_LABEL_FIRST_TABLE: Final = char_table("【[〖图新要综简快短编本导")
_LABEL_LAST_TABLE: Final = char_table("】]〗闻片道报讯按读")
#: What ``ROLE_ONLY_RE`` needs last (before whitespace): a role word's last character.
_ROLE_LAST_TABLE: Final = char_table("".join(role[-1] for role in ROLES))
#: What ``DATELINE_START_RE`` needs first (after whitespace): 本报, 《, an agency's first character, a bracket.
_DATELINE_FIRST_TABLE: Final = char_table("本《新中央人（(")


def _opens_with(text: str, table: bytes) -> bool:
    """The text's first character but whitespace is one of the ``char_table``'s: a rule's cheap first test."""
    start = visible_start(text)
    return start < len(text) and in_char_table(table, ord(text[start]))


def _closes_with(text: str, table: bytes) -> bool:
    """The text's last character but whitespace is one of the ``char_table``'s."""
    end = visible_end(text)
    return end > 0 and in_char_table(table, ord(text[end - 1]))


@dataclass(slots=True, init=False)
class Line:
    """One line of a page with the facts segmentation needs."""

    no: int        # 1-based line number in the page
    text: str      # stripped
    width: float   # display width (full-width units, spaces ignored)
    kind: str

    # Written out, not generated: mypyc compiles an __init__ in the source, while the one
    # @dataclass generates stays interpreted (a page makes hundreds of lines).
    def __init__(self, no: int, text: str, width: float, kind: str) -> None:
        self.no = no
        self.text = text
        self.width = width
        self.kind = kind

    @property
    def terminal(self) -> bool:
        """The line ends a sentence, or ends the text on this page with （下转第3版）."""
        return ends_sentence(self.text) or _ends_on_a_jump(self.text)


def _ends_on_a_jump(text: str) -> bool:
    """The text ends with （下转第3版）: it goes on elsewhere.

    Tested by its last character first: most lines end with no bracket.
    """
    return _closes_with(text, _CLOSE_BRACKETS_TABLE) and "转" in text and JUMP_TO_SUFFIX_RE.search(text) is not None


def is_page_number_line(text: str) -> bool:
    """``第3版``, ``第1版 社会民生``, ``7 理论``, ``A3 要闻``: a page's number and name.

    >>> is_page_number_line("第1版 社会民生"), is_page_number_line("第十二版"), is_page_number_line("第一线")
    (True, True, False)
    """
    return _is_folded_page_number(fold_fullwidth_alnum(text))


def page_number_parts(text: str) -> tuple[str, str | None] | None:
    """A page-number line's number and name as printed (``第1版 社会民生`` → ``('1', '社会民生')``), or None.

    >>> page_number_parts("第1版 社会民生"), page_number_parts("A3 要闻"), page_number_parts("第十二版")
    (('1', '社会民生'), ('A3', '要闻'), ('十二', None))
    >>> page_number_parts("综合新闻 第 3 版"), page_number_parts("第一线")
    (('3', '综合新闻'), None)
    """
    folded = fold_fullwidth_alnum(text)
    m = _PAGE_RE.match(folded) if _is_folded_page_number(folded) else None
    if m is None:
        return None
    number = m.group("no1") or m.group("no2") or m.group("no3")
    name = m.group("name1") or m.group("name2") or m.group("name3")
    return number, (" ".join(name.split()) if name else None)


def _is_folded_page_number(folded: str) -> bool:
    # Each form of _PAGE_RE holds 版 or a digit: most lines need no match.
    digit = _has_digit(folded)
    return (digit or "版" in folded) and bool(_PAGE_RE.match(folded)) and (digit or folded.lstrip().startswith("第"))


def _has_digit(text: str) -> bool:
    """``any(ch.isdigit() for ch in text)``, with no string made for an ASCII letter or a Chinese character."""
    for k in range(len(text)):
        code = ord(text[k])
        if 0x30 <= code <= 0x39:
            return True
        if 0xB2 <= code and not 0x4E00 <= code <= 0x9FFF and text[k].isdigit():  # no other digit below ²
            return True
    return False


def _opens_with_source(text: str) -> bool:
    """（据新华社…电） followed by text opens a story; alone on its line it closes one."""
    m = SOURCE_DATELINE_RE.match(text)
    return m is not None and bool(text[m.end():].strip())


def is_heading_shaped(text: str, width: float) -> bool:
    """No sentence punctuation, and not too wide: could be a headline or crosshead.

    One comma, exclamation or question mark is allowed inside a short line
    (``稳增长，促发展``), never at its end. A line closing a bracket it did not
    open (``者 闫立伟 通讯员 芦可欣)``) ends text begun above it.
    """
    if width > HEAD_MAX_WIDTH or width < 2:
        return False
    return _heading_shaped(text, width, marks_in(text, _LINE_MARKS))


def _heading_shaped(text: str, width: float, marks: int) -> bool:
    """``is_heading_shaped`` of a text whose ``marks_in`` by ``_LINE_MARKS`` are ``marks``."""
    if width > HEAD_MAX_WIDTH or width < 2:
        return False
    marked = marks & _SENTENCE_BIT != 0
    if marked and width > SOFT_MARK_HEAD_WIDTH:
        return False  # most prose lines
    if _ends_on_a_jump(text) or _closes_a_bracket_from_above(text):
        return False
    if not marked:
        return True  # most heading-shaped lines: nothing that could end a sentence, nor end the line badly
    return (width <= SOFT_MARK_HEAD_WIDTH and marks & _HARD_BIT == 0 and text.rstrip()[-1] not in "，,、"
            and len(_SOFT_MARKS.findall(text)) <= 1)


def _closes_a_bracket_from_above(text: str) -> bool:
    """More closing brackets than opening ones: the line ends a bracket opened on a line above."""
    if "）" not in text and ")" not in text:
        return False  # most lines: no bracket to count
    return bracket_depth(text) < 0


#: Every special line kind (furniture, jump, label, credit, dateline, byline,
#: bullet, subtitle) opens with one of these characters, ends with 摄/图/版
#: or an agency's note ``（新华社发）``, is a short name line, or, with a gap
#: in it, is a letterspaced photo credit
#: closed by 图/文; any other line is prose or a heading, and most lines of a
#: page take this fast path. (Read back from its letterspacing, a credit
#: keeps its first and last characters, so it opens and ends as printed. A
#: credit closed by 图/文 and printed without a gap, ``王芳李强图/文``, takes
#: the fast path too and is read as prose or a heading, as it always was.)
_SPECIAL_FIRST: Final = frozenset("本新《（(中央人光经据□■◇◆●○▲—─－-【[〖〔第责版美校编排组图要综简快短导"
                                  "记通全融摄特见实驻首作")
_SPECIAL_LAST: Final = frozenset("摄图版")
#: Last characters that keep a line with a gap (a space or an ideographic
#: space) off the fast path: 文 may close a letterspaced credit ``… 图/文``,
#: and a NUL at the end vanishes when a credit is read back, uncovering
#: another last character.
_SPECIAL_LAST_WITH_GAP: Final = frozenset("文\x00")
#: Widest line that can be a bare author name (four characters).
NAME_LINE_MAX_WIDTH: Final = 4.5
#: The last character of every ``AGENCY_NOTE_ENDS``: most lines are ruled out without a suffix test.
_BRACKET_CLOSES: Final = frozenset(end[-1] for end in AGENCY_NOTE_ENDS)
#: The sets above as tables by code point (``in_char_table``): the first and last characters are tested with no string made.
_SPECIAL_FIRST_TABLE: Final = char_table("".join(_SPECIAL_FIRST))
_SPECIAL_LAST_TABLE: Final = char_table("".join(_SPECIAL_LAST))
_SPECIAL_LAST_WITH_GAP_TABLE: Final = char_table("".join(_SPECIAL_LAST_WITH_GAP))
_BRACKET_CLOSES_TABLE: Final = char_table("".join(_BRACKET_CLOSES))


def _opens_plain_text(text: str, width: float) -> bool:
    first, last = ord(text[0]), ord(text[-1])
    return (0x4E00 <= first <= 0x9FFF and not in_char_table(_SPECIAL_FIRST_TABLE, first)
            and not in_char_table(_SPECIAL_LAST_TABLE, last) and width > NAME_LINE_MAX_WIDTH
            and not (in_char_table(_BRACKET_CLOSES_TABLE, last) and text.endswith(AGENCY_NOTE_ENDS))
            and (not in_char_table(_SPECIAL_LAST_WITH_GAP_TABLE, last) or (" " not in text and "\u3000" not in text)))


#: A comma, full stop or semicolon: no credit, byline, name, label, page
#: number or editor line holds one (names and role words are bare).
_IN_SENTENCE: Final = tuple("，。、；")
#: What the special kinds that may hold one need inside the line: a bracket
#: (jumps, source datelines, trailing credits), a colon (editor lines), or
#: 《 (a paper's name before 讯 or a role).
_SPECIAL_INSIDE: Final = tuple("（(：:《")
#: What the rest need first: a date's digit, a dateline's 本报/新华社/中新社/
#: 央视网/人民网, a bullet, box or dash; NUL vanishes from a letterspaced credit.
_SPECIAL_FIRST_IN_SENTENCE: Final = frozenset("本《新中央人（(【[〖□■◇◆●○▲—─－-\x00")


def _holds_plain_sentence(text: str, marks: int) -> bool:
    """A line with a comma or full stop inside that no special rule can match: prose or a heading.

    ``marks`` are the text's ``marks_in`` by ``_LINE_MARKS``.
    """
    first = text[0]
    return (first not in _SPECIAL_FIRST_IN_SENTENCE and not first.isdecimal() and not first.isspace()
            and marks & _IN_SENTENCE_BIT != 0 and marks & _SPECIAL_INSIDE_BIT == 0)


#: Bits of ``_LINE_MARKS``: the line holds one of ``_SENTENCE_MARKS``, ``_HARD_MARKS``, ``_IN_SENTENCE``, ``_SPECIAL_INSIDE``.
_SENTENCE_BIT: Final = 1
_HARD_BIT: Final = 2
_IN_SENTENCE_BIT: Final = 4
_SPECIAL_INSIDE_BIT: Final = 8
#: The marks that classifying a line asks about, found in the pass that measures it (``measure_lines``):
#: ``marks & _HARD_BIT`` is ``holds_any(text, _HARD_MARKS)``, and so on.
_LINE_MARKS: Final = char_bits([("".join(_SENTENCE_MARKS), _SENTENCE_BIT), ("".join(_HARD_MARKS), _HARD_BIT),
                                ("".join(_IN_SENTENCE), _IN_SENTENCE_BIT), ("".join(_SPECIAL_INSIDE), _SPECIAL_INSIDE_BIT)])


def classify_line(no: int, raw: str) -> Line:
    """Classify one line by its own form."""
    text = raw.strip().replace("\f", "")
    if not text:
        return Line(no, "", 0.0, BLANK)
    width = display_width(text)
    return Line(no, text, width, _kind(text, width, marks_in(text, _LINE_MARKS)))


def _kind(text: str, width: float, marks: int) -> str:
    """The kind of a stripped, non-empty line whose ``marks_in`` by ``_LINE_MARKS`` are ``marks``.

    Lines that only prose or a heading can be (plain text, or text with a
    comma or full stop that no special rule accepts) skip the rule chain.
    """
    if _opens_plain_text(text, width) or _holds_plain_sentence(text, marks):
        return HEADISH if _heading_shaped(text, width, marks) else PROSE
    return _kind_by_rules(text, width, marks)


#: A character of every role word (记者, 通讯员, 实习生, 摄影, 作者): no role, no byline.
_ROLE_MARK: Final = tuple("记员生摄作")
#: What a dateline opening needs: 讯, 电 or 月 (本报讯, …电, 新华社长春 9 月), or 报道 (据…报道).
_DATELINE_MARK: Final = tuple("讯电月报")
#: A character of every section label (图片报道, 要闻简报, 快讯, 编者按, 导读, …).
_LABEL_MARK: Final = tuple("讯闻图读按")
#: A character of every editor's role word (责任编辑, 版式, 美编, 校对, …): no role, no editors' line.
_EDITOR_MARK: Final = tuple("编版责校")


def _is_date_or_editor(text: str, width: float, folded: str | None = None) -> bool:
    """The page's date line or its editors' line (``责任编辑：张三 版式：李四``).

    A pattern is tried only on a line that holds a character it needs (年, a role's).
    """
    return ("年" in text and bool(_DATE_RE.match(folded if folded is not None else fold_fullwidth_alnum(text)))) \
        or (width <= FURNITURE_MAX_WIDTH and holds_any(text, _EDITOR_MARK) and bool(_EDITOR_RE.search(text)))


def kind_by_rules(text: str, width: float) -> str:
    """The kind of a stripped, non-empty line, every rule tried in order.

    ``classify_line`` skips this for lines that ``_opens_plain_text`` shows
    can only be prose or a heading; the tests check the two always agree.
    A rule whose pattern needs a character the line lacks (a bracket, a
    colon, 年, 摄 or 图, a role word's character, a dateline's 讯 or 电) is
    not tried.
    """
    return _kind_by_rules(text, width, marks_in(text, _LINE_MARKS))


def _kind_by_rules(text: str, width: float, marks: int) -> str:
    """``kind_by_rules`` of a text whose ``marks_in`` by ``_LINE_MARKS`` are ``marks``."""
    folded = fold_fullwidth_alnum(text)
    bracket = _opens_with(text, _OPEN_BRACKETS_TABLE)  # every rule on a bracket wants it first
    if _is_date_or_editor(text, width, folded) or (width <= 14 and _is_folded_page_number(folded)):
        kind = FURNITURE
    elif bracket and _JUMP_RE.match(text):
        kind = JUMP
    elif bracket and JUMP_FROM_PREFIX_RE.match(text):
        kind = DATELINE  # the continued text opens here, like a story under a dateline
    elif holds_any(text, _LABEL_MARK) and _opens_with(text, _LABEL_FIRST_TABLE) and _closes_with(text, _LABEL_LAST_TABLE) \
            and _LABEL_RE.match(text):
        kind = LABEL
    elif ("摄" in (credit := unletterspace(folded)) or "图" in credit or credit.endswith(AGENCY_NOTE_ENDS)) \
            and PHOTO_CREDIT_RE.match(credit):
        kind = CREDIT
    elif (role := holds_any(credit, _ROLE_MARK)) and _closes_with(credit, _ROLE_LAST_TABLE) and ROLE_ONLY_RE.match(credit):
        kind = ROLE
    elif bracket and (TRAILING_CREDIT_RE.match(text) or AUTHOR_NOTE_RE.match(text)):
        kind = PROSE  # （记者 王芳）, （作者为…） alone: the credit that closes the text above
    elif holds_any(text, _DATELINE_MARK) and (_opens_dateline(text) or (bracket and _opens_with_source(text))
                                          or (credit is not text and _opens_dateline(credit))):
        kind = DATELINE
    elif (width <= 24 and role and BYLINE_LINE_RE.match(credit)) or is_author_line(text):
        kind = BYLINE
    elif _opens_with(text, _BULLET_TABLE) and _BULLET_RE.match(text):
        kind = BULLET
    elif width <= HEAD_MAX_WIDTH + 6 and _opens_with(text, _DASH_TABLE) and _SUBTITLE_RE.match(text):
        kind = SUBTITLE
    elif _heading_shaped(text, width, marks):
        kind = HEADISH
    else:
        kind = PROSE
    return kind


_HEAD_NEIGHBOURS: Final = {BLANK, HEAD, SUBTITLE, BYLINE, ROLE, CREDIT, FURNITURE, JUMP, LABEL}

#: Consecutive heading-shaped lines (no blank between) that can form one
#: headline: kicker + couplet + subject is the longest shape on real pages.
MAX_HEAD_RUN: Final = 4


def mark_heads(lines: list[Line]) -> None:
    """Turn HEADISH runs into HEAD or PROSE, in place, by their neighbours.

    A run of heading-shaped lines is a heading when it stands apart: above it
    a blank, the page top, another non-prose line, or the end of a sentence;
    below it a blank, the page end, or a line that opens something (a
    dateline, byline or subtitle). Otherwise it is prose that lacks
    punctuation, e.g. a full line in the middle of a paragraph.
    """
    kinds = [ln.kind for ln in lines]  # marking a run changes no line outside it, so runs are found on these
    n = len(lines)
    i = _index(kinds, HEADISH, 0)
    while i < n:
        j = i + 1
        # a crosshead drawn twice ends its run: what follows is its text
        while j < n and kinds[j] == HEADISH and not split_doubled(lines[j - 1].text)[1]:
            j += 1
        if _runs_on_from_above(lines, i):  # half the runs: prose lines that lack punctuation mid-paragraph
            for k in range(i, j):
                lines[k].kind = PROSE
            i = _index(kinds, HEADISH, j)
            continue
        opener = next((m for m in range(i + 1, j) if _opens_indented_paragraph(lines, m)), None)
        if opener is not None:  # the run ends where a paragraph opens: its lines from there are prose
            for m in range(opener, j):
                lines[m].kind = kinds[m] = PROSE
            j = opener
        if _stands_apart(lines, i, j) and not (_continues_into_prose(lines, j) or _fills_column(lines, i, j)
                                                or _run_splits_word(lines, i, j)):
            kind = HEAD
        else:
            kind = PROSE
        for k in range(i, j):
            lines[k].kind = kind
        if kind == PROSE:
            _mark_heads_above_a_step(lines, i, j)
        i = _index(kinds, HEADISH, j)


def _runs_on_from_above(lines: list[Line], i: int) -> bool:
    """The line above line ``i`` is text stopped mid-sentence: no run from ``i`` can stand apart as a heading.

    Neither can any part of the run (``_mark_heads_above_a_step``), nor do
    paragraph openers inside it matter: all of it is prose.
    """
    if i == 0:
        return False
    before = lines[i - 1]
    return before.kind in (PROSE, DATELINE, BULLET) and not before.terminal


def _mark_heads_above_a_step(lines: list[Line], i: int, j: int) -> None:
    """In a run read as prose, lines clearly shorter than the line after them are a heading.

    Wrapped prose fills its column; a couplet over a wider subject line
    (``秋季森林防火`` / ``筑牢生态屏障`` / ``长白…全面进入秋季防火期``) does not.
    The lines from the wider one on stay prose. A wider line with narrow
    (ASCII) characters in it shows no step.
    """
    step = next((k + 1 for k in range(i, j - 1) if _stands_short_of(lines[k], lines[k + 1])
                 and not _has_narrow_characters(lines[k + 1].text)), None)
    if step is not None and _stands_apart(lines, i, step) and not _run_splits_word(lines, i, step):
        for k in range(i, step):
            lines[k].kind = HEAD


def _index(items: list[str], item: str, start: int) -> int:
    """Index of ``item`` in ``items`` from ``start``; ``len(items)`` when it is not there."""
    # items.index(item, start), but with no ValueError raised (and caught) at the end of the search
    for k in range(start, len(items)):
        if items[k] == item:
            return k
    return len(items)


def _stands_apart(lines: list[Line], i: int, j: int) -> bool:
    """The heading-shaped run ``lines[i:j]`` is short and has a heading's neighbours above and below."""
    if j - i > MAX_HEAD_RUN:
        return False
    before = lines[i - 1] if i > 0 else None
    if not (before is None or before.kind in _HEAD_NEIGHBOURS or (
            before.kind in (PROSE, DATELINE, BULLET) and before.terminal)):
        return False
    after = lines[j] if j < len(lines) else None
    if after is not None and after.kind == JUMP and "转" in after.text:
        return False  # （下转第4版） closes text that goes on elsewhere; a heading does not go on
    return after is None or after.kind in _HEAD_NEIGHBOURS or after.kind in (DATELINE, BULLET) \
        or (after.kind in (PROSE, HEADISH) and _stands_apart_from(lines[j - 1], lines, j))


#: A heading printed straight above its text (no blank line) is told from a
#: paragraph's first line by falling this far short of the line below it: a
#: paragraph's first line is full, or an indent short (2 characters, which
#: measure 3 units against the next line on the seeds once justification
#: spreads it).
HEAD_SHORT_OF_TEXT: Final = 4.0
#: A heading-shaped line within this of the prose column's width, with a
#: column break under it, is a full line of prose cut by the break (narrow
#: columns fill a line with no punctuation often). Justified lines vary by
#: about one unit.
FULL_LINE_SLACK: Final = 1.0
#: A paragraph's first line is indented by two characters: 1.5 to 3.5 units
#: short of the full lines under it once justification spreads them. Such a
#: line with a column break under it and full lines after the break is a
#: paragraph's start cut by the break, not a heading (a heading's text starts
#: a paragraph, indented itself).
INDENT_MIN, INDENT_MAX = 1.5, 3.5
#: Prose lines under a column break read to measure the column's width.
COLUMN_PROBE_LINES: Final = 4
#: Two of the first three prose lines under it (the first among them) must be
#: this close to the widest to show a column at all (a paragraph's short last
#: line shows none; quotes and digits measure narrow).
STEADY_COLUMN_SLACK: Final = 1.5


#: A line this much wider than the prose column under it cannot belong to
#: that column: it spans columns, as headings do.
HEAD_WIDER_THAN_TEXT: Final = 2.0


def _stands_apart_from(head: Line, lines: list[Line], j: int) -> bool:
    """A heading line directly above prose: clearly shorter, or wider than its column.

    >>> body = [Line(2, "走进靖宇县孤家子镇的农户庭院，", 16.0, PROSE), Line(3, "一排排大棚整齐排列，棚内的香菇长", 16.0, PROSE)]
    >>> _stands_apart_from(Line(1, "靖宇县孤家子镇发展庭院经济带动农民增收", 19.0, HEADISH), [None] + body, 1)
    True
    """
    if _stands_short_of(head, lines[j]) or _opens_indented_paragraph(lines, j) or _is_stray_character(lines, j) \
            or _next_opens_a_sentence(lines, j - 1):
        return True
    below = [ln.width for ln in _text_lines_from(lines, j, 3)]
    return _shows_a_column(below) and head.width >= _widest(below) + HEAD_WIDER_THAN_TEXT


def _is_stray_character(lines: list[Line], j: int) -> bool:
    """A lone character on its own line before a break: no prose, but a name set vertically.

    pdftotext emits an author's name printed vertically beside an essay one
    character per line, and the first lands right under the essay's title
    (``建设海洋强国需完善海洋法律体系`` / ``周``).
    """
    line = lines[j]
    return len(line.text) == 1 and "\u4e00" <= line.text <= "\u9fff" \
        and (j + 1 == len(lines) or lines[j + 1].kind == BLANK)


def _shows_a_column(widths: list[float], column: float | None = None) -> bool:
    """Two of the lines are within ``STEADY_COLUMN_SLACK`` of the column (by default the widest of them).

    A paragraph's short last line and the next one's indented first line show none.
    """
    if not widths:
        return False
    column = _widest(widths) if column is None else column
    steady = 0  # sum(w >= column - STEADY_COLUMN_SLACK for w in widths), in a compiled loop with no generator
    for w in widths:
        if w >= column - STEADY_COLUMN_SLACK:
            steady += 1
    return steady >= 2


def _widest(widths: list[float]) -> float:
    """``max(widths)`` of a non-empty list, compiled: no call into the builtin with its boxed floats."""
    widest = widths[0]
    for k in range(1, len(widths)):
        if widths[k] > widest:  # max() keeps the first of equal items, and so does this
            widest = widths[k]
    return widest


def _text_lines_from(lines: list[Line], j: int, count: int) -> list[Line]:
    """Up to ``count`` prose lines from ``j`` on, across column breaks inside a paragraph.

    A blank line after a finished sentence ends the text: what follows it may
    be anything; so does a heading-shaped line after a blank.
    """
    out: list[Line] = []
    after_break = False
    for k in range(j, len(lines)):  # not lines[j:]: a copy of the rest of the page, most of it never read
        ln = lines[k]
        if ln.kind == BLANK:
            if out and out[-1].terminal:
                break
            after_break = True
            continue
        if ln.kind not in (PROSE, HEADISH) or (after_break and ln.kind == HEADISH) or len(out) == count:
            break  # a heading-shaped line right after a break may be a heading: no text of this column
        out.append(ln)
        after_break = False
    return out


def _opens_indented_paragraph(lines: list[Line], j: int) -> bool:
    """Line ``j`` opens a paragraph: an indent short of the steady column under it, and running on.

    No sentence ends on the line above it, so that line cannot close the
    paragraph before: it is a heading, however close its width is to the
    column's (narrow columns leave a heading no room to stand short).
    Lines with narrow (ASCII) characters, or letterspaced ones, show no
    reliable indent or column; a line opening with a date and a comma opens
    a paragraph whatever its width.

    >>> col = [Line(3, "入冬以来，公", 6.0, PROSE), Line(4, "主岭市各中小学利", 8.0, PROSE), Line(5, "用操场浇筑冰场，", 8.0, PROSE)]
    >>> _opens_indented_paragraph([Line(2, "快乐体验促健康", 7.0, HEADISH)] + col, 1)
    True
    """
    first = lines[j]
    if first.kind not in (PROSE, HEADISH) or first.terminal:
        return False
    if _opens_with_digit(first.text) and _DATE_OPENING_RE.match(first.text):
        return True  # ``11 月17 日，铁``: a date and a comma open a paragraph, however the digits measure
    if _has_narrow_characters(first.text) or _next_opens_a_sentence(lines, j):
        return False
    # narrow characters, and the spaces of letterspaced lines, show no true width
    below: list[float] = []  # the first two of them that show a true width: no line after those is looked into
    for ln in _text_lines_from(lines, j + 1, COLUMN_PROBE_LINES):
        if not _has_narrow_characters(ln.text) and not is_letterspaced(ln.text):
            below.append(ln.width)
            if len(below) == 2:
                break
    if len(below) < 2:
        return False
    column = _widest(below)
    return _shows_a_column(below, column) and column - INDENT_MAX <= first.width <= column - INDENT_MIN


#: A day of a month: ``11 月17 日``.
_DATE: Final = r"[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日"
#: A date and a comma, the way a news paragraph (or a caption) opens: ``11 月17 日，``.
_DATE_OPENING_RE: Final = re.compile(_DATE + r"\s*[，,]")


def _opens_with_digit(text: str) -> bool:
    """The text opens with an ASCII or full-width digit, as ``_DATE_OPENING_RE`` needs."""
    first = ord(text[0]) if text else 0
    return 0x30 <= first <= 0x39 or 0xFF10 <= first <= 0xFF19


#: How a news text's first sentence opens: a date, a time word or ``…以来``, then a comma.
_SENTENCE_OPENING_RE: Final = re.compile(rf"(?:{_DATE}|近日|日前|今天|今日|昨天|昨日|当天|目前|[\u4e00-\u9fff]{{1,4}}以来)\s*[，,]")


#: The first characters of ``_SENTENCE_OPENING_RE``'s time words (近日, 日前, 今天, …).
_SENTENCE_OPENING_FIRST_TABLE: Final = char_table("近日今昨当目")


def _may_open_a_sentence(text: str) -> bool:
    """What a match of ``_SENTENCE_OPENING_RE`` needs: a digit or a time word's first character first, or 以来 after 1–4 characters."""
    return _opens_with_digit(text) or (text != "" and in_char_table(_SENTENCE_OPENING_FIRST_TABLE, ord(text[0]))) \
        or text.find("以来", 1, 6) >= 0


def _next_opens_a_sentence(lines: list[Line], j: int) -> bool:
    """The line after ``j`` opens a sentence (``近日，``), so line ``j``, unfinished, does not run into it.

    Such a line is a headline's subject line printed straight above the
    text, however close its width is to an indent's.
    """
    nxt = lines[j + 1] if j + 1 < len(lines) else None
    return nxt is not None and nxt.kind in (PROSE, HEADISH) and ("，" in nxt.text or "," in nxt.text) \
        and _may_open_a_sentence(nxt.text) and _SENTENCE_OPENING_RE.match(nxt.text) is not None \
        and not break_splits_word(lines[j].text, nxt.text)


def _has_narrow_characters(text: str) -> bool:
    """ASCII characters, or ``·``: they measure half a unit, so a line holding them shows no true width."""
    for k in range(len(text)):  # compiled, cheaper than the regex search [\x00-\x7f·] it replaces
        code = ord(text[k])
        if code < 0x80 or code == 0xB7:
            return True
    return False


def _stands_short_of(head: Line, text: Line) -> bool:
    """A heading line directly above prose is clearly shorter than that prose.

    A crosshead the PDF drew twice is a heading whatever its width.

    >>> _stands_short_of(Line(1, "人居环境持续改善", 8.0, HEADISH), Line(2, "深入开展村庄清洁行动，全", 12.0, PROSE))
    True
    """
    return head.width <= text.width - HEAD_SHORT_OF_TEXT or bool(split_doubled(head.text)[1])


def _fills_column(lines: list[Line], i: int, j: int) -> bool:
    """Heading-shaped lines as wide as the prose lines under them are prose.

    The first lines of a paragraph cut off by a column break have no
    punctuation and a blank below them, like a heading; but they fill the
    column exactly (the first one may be an indent short, with the text under
    the break running on at full width), as no heading does except by chance.
    """
    if any(split_doubled(lines[k].text)[1] or is_one_line_couplet(lines[k].text) for k in range(i, j)):
        return False  # a crosshead drawn twice, or two phrases set apart by a gap, is a heading, however wide
    if _under_a_headline(lines, i):
        return False  # the subject line of a headline group above it
    k = next_nonblank(lines, j)
    if k == j or k >= len(lines) or lines[k].kind not in (PROSE, HEADISH):
        return False
    widths = []
    for ln in lines[k:k + COLUMN_PROBE_LINES]:
        if ln.kind not in (PROSE, HEADISH):
            break
        widths.append(ln.width)
    if len(widths) < 2:
        return False
    column = _widest(widths)
    if not _shows_a_column(widths[:3], column) or widths[0] < column - STEADY_COLUMN_SLACK:
        return False  # no two lines show the column (quotes and digits measure narrow)
    runs_on = widths[0] >= column - FULL_LINE_SLACK  # the text under the break is no paragraph start
    first = lines[i].width
    full_first = abs(first - column) <= FULL_LINE_SLACK
    indented_first = column - INDENT_MAX <= first <= column - INDENT_MIN and runs_on
    if j - i == 1:
        return full_first or indented_first
    rest_full = all(abs(lines[m].width - column) <= FULL_LINE_SLACK for m in range(i + 1, j))
    return runs_on and rest_full and (full_first or indented_first)


def _under_a_headline(lines: list[Line], i: int) -> bool:
    """Heading lines above line ``i`` (blanks between allowed) that are a headline, not a crosshead.

    A headline has two lines or more, or is a couplet on one line; a single
    phrase is a crosshead (drawn twice or not), and the text under a crosshead
    is a section's, however well it fits the column.
    """
    heads: list[Line] = []
    k = i - 1
    while k >= 0 and (lines[k].kind in (HEAD, SUBTITLE, BLANK)):
        if lines[k].kind != BLANK:
            heads.append(lines[k])
        k -= 1
    if not heads:
        return False
    if len(heads) == 1:
        return heads[0].kind == SUBTITLE or is_one_line_couplet(heads[0].text)
    return True


def _run_splits_word(lines: list[Line], i: int, j: int) -> bool:
    """Heading-shaped lines whose breaks cut words (危化企|业) are wrapped prose.

    Pairs shaped like a couplet (two short lines of about equal width) must
    strand a single character (监|督): the tokenizer may read an odd word
    across two parallel phrases (初心|共筑).
    """
    return any(break_strands_a_character(lines[k].text, lines[k + 1].text) if couplet_shaped(lines[k], lines[k + 1])
               else break_splits_word(lines[k].text, lines[k + 1].text) for k in range(i, j - 1))


#: Couplet halves are short and about equally long (seeds: 4–7 units each;
#: generated and wild couplets differ by at most 2).
COUPLET_MAX_WIDTH: Final = 12.0
COUPLET_MAX_DIFF: Final = 2.0


def couplet_shaped(a: Line, b: Line) -> bool:
    """Two lines short enough and about equal enough to be a headline couplet."""
    return a.width <= COUPLET_MAX_WIDTH and b.width <= COUPLET_MAX_WIDTH \
        and abs(a.width - b.width) <= COUPLET_MAX_DIFF


_COUPLET_ONE_LINE_RE: Final = re.compile(r"^\s*(\S{2,12})(?:\u3000+|\s+)(\S{2,12})\s*$")


@lru_cache(maxsize=1024)  # marking heads and scoring headlines ask about the same heading lines many times
def is_one_line_couplet(text: str) -> bool:
    """Two parallel phrases on one line with a gap between: a main headline.

    A letterspaced couplet (``明 确 思 路    笃 行 实 干``) is read through its
    spacing: the wide gap parts the phrases.

    >>> is_one_line_couplet("中欧班列开行 开放通道更畅"), is_one_line_couplet("明 确 思 路    笃 行 实 干")
    (True, True)
    >>> is_one_line_couplet("通 过 学 理 论"), is_one_line_couplet("全力推进 项目建设提速增效工作")
    (False, False)
    """
    m = _COUPLET_ONE_LINE_RE.match(unletterspace(text))
    return m is not None and abs(len(m.group(1)) - len(m.group(2))) <= COUPLET_MAX_DIFF


def _continues_into_prose(lines: list[Line], j: int) -> bool:
    """True when the line before ``j`` breaks a word that the next prose line ends.

    A paragraph's first line cut off by a column break looks like a heading
    (no punctuation, blank below); the word it breaks gives it away.
    """
    k = next_nonblank(lines, j)
    if k >= len(lines) or lines[k].kind not in (PROSE, HEADISH):
        return False
    return break_splits_word(lines[j - 1].text, lines[k].text)


def classify_page(text: str) -> list[Line]:
    """All lines of a page, classified and with headings marked."""
    # What classify_line does line by line, each line measured in one pass.
    raws = text.replace("\f", "").split("\n")  # a form feed is never part of a line
    lines = []
    for k in range(len(raws)):  # compiled, an index loop; enumerate(zip(...)) goes through Python's iterators
        t = raws[k].strip()
        w, marks = measure(t, _LINE_MARKS)
        lines.append(Line(k + 1, t, w, _kind(t, w, marks) if t else BLANK))
    _keep_page_numbers_apart(lines)
    _mark_cut_datelines(lines)
    mark_heads(lines)
    _mark_lines_apart(lines)
    return lines


def _mark_lines_apart(lines: list[Line]) -> None:
    """Lines whose kind shows only beside their neighbours, in place.

    A lone character between breaks is a piece of a name set vertically
    (``STRAY``): pdftotext emits such a name one character per line between
    a column's lines (``经 略`` / ``江`` / ``海洋方面…``), and text never
    leaves one character alone between breaks (a paragraph's last line ends
    with punctuation). A heading listing with 、 among heading lines
    (``_is_listing_head``) and a title split at its colon above a byline
    (``_title_above``) are headings. The few lines set apart by breaks, and
    the bylines, are found first: most lines of a page are neither.
    """
    kinds = [ln.kind for ln in lines]  # as they were: marking line j changes no line after it
    n = len(kinds)
    for j in range(n):  # an index loop, compiled, with no tuple per line as zip makes
        kind = kinds[j]
        if not (kind == BYLINE or ((j == 0 or kinds[j - 1] == BLANK) and (kind == PROSE or kind == HEAD)
                                   and (j + 1 == n or kinds[j + 1] == BLANK))):
            continue
        ln = lines[j]
        if ln.kind == BYLINE:
            for m in _title_above(lines, j):
                lines[m].kind = HEAD
        elif _is_stray_character(lines, j):
            ln.kind = STRAY
        elif "、" in ln.text and _is_listing_head(lines, j):
            ln.kind = HEAD


#: Marks a title split at its colon keeps: ``新时代：`` / ``：发展新方位``.
TITLE_COLONS: Final = "：:"


def _title_above(lines: list[Line], j: int) -> range:
    """The lines set apart straight above byline ``j`` that are a title split at its colon (maybe none).

    A title with a colon (``新时代：发展新方位 奋进新目标``) is printed in two
    sizes and emitted split at the colon, which ``is_heading_shaped`` reads
    as prose. No text line opens with a colon (typesetting keeps it at the
    end of the line before); straight above the author's name, after a
    break, with no sentence mark or end, such lines are the title.
    """
    k = j - 1
    while k >= 0 and (lines[k].kind == HEAD or lines[k].kind == PROSE and not lines[k].terminal
                      and not holds_any(lines[k].text.strip(TITLE_COLONS), _SENTENCE_MARKS)):
        k -= 1
    if k < j - 1 and (k < 0 or lines[k].kind == BLANK) and any(lines[m].text[0] in TITLE_COLONS for m in range(k + 1, j)):
        return range(k + 1, j)
    return range(0)


def _is_listing_head(lines: list[Line], j: int) -> bool:
    """Line ``j``, among heading lines, has no mark but enumeration commas: a heading too.

    A headline lists with 、 (``保持香港、澳门长期繁荣稳定``), which
    ``is_heading_shaped`` cannot tell from a prose line's on the line alone.
    Set apart by breaks (the caller's check) in a cluster of heading lines
    (the nearest line on each side a heading), with no other mark and no
    sentence end, it is one of them: text cut alone by a column break has
    text on one side.
    """
    ln = lines[j]
    return ln.kind == PROSE and ln.width <= HEAD_MAX_WIDTH and ln.text[-1] != "、" and not ln.terminal \
        and not holds_any(ln.text.replace("、", ""), _SENTENCE_MARKS) \
        and _is_head_or_edge(lines, prev_nonblank(lines, j - 1)) \
        and _is_head_or_edge(lines, next_nonblank(lines, j + 1))


def _is_head_or_edge(lines: list[Line], k: int) -> bool:
    """Line ``k`` is a heading, or ``k`` is past the page's edge."""
    return not 0 <= k < len(lines) or lines[k].kind == HEAD


def next_nonblank(lines: list[Line], i: int) -> int:
    """The first line from ``i`` on that is not blank; ``len(lines)`` when there is none."""
    while i < len(lines) and lines[i].kind == BLANK:
        i += 1
    return i


def prev_nonblank(lines: list[Line], i: int) -> int:
    """The last line up to ``i`` that is not blank; -1 when there is none."""
    while i >= 0 and lines[i].kind == BLANK:
        i -= 1
    return i


#: Widest line that can hold only the start of a dateline cut by a line
#: break (``《城市晚报》`` / ``讯（记者 …``, ``本报`` / ``讯``).
CUT_DATELINE_MAX_WIDTH: Final = 8.0


def _mark_cut_datelines(lines: list[Line]) -> None:
    """A dateline broken early in a narrow column opens a story, in place.

    ``《城市晚报》`` alone on a short line, with ``讯（特派记者 …`` on the next,
    or ``新华社成都5`` with ``月3日电（记者 冯``, is read as one dateline: the
    first line is marked DATELINE.
    """
    for k in range(len(lines) - 1):  # an index loop, compiled, with no tuple per pair as zip makes
        ln = lines[k]
        if ln.width > CUT_DATELINE_MAX_WIDTH or ln.kind not in (PROSE, HEADISH):
            continue  # most lines
        nxt = lines[k + 1]
        # the line is stripped and not blank, so the two lines joined open as it does
        if nxt.kind != BLANK and _opens_with(ln.text, _DATELINE_FIRST_TABLE) and not _opens_dateline(nxt.text) \
                and DATELINE_START_RE.match(ln.text + nxt.text):
            ln.kind = DATELINE


def _opens_dateline(text: str) -> bool:
    """``DATELINE_START_RE.match(text)``, tried only on a text that opens with a character it needs."""
    return _opens_with(text, _DATELINE_FIRST_TABLE) and DATELINE_START_RE.match(text) is not None


def _keep_page_numbers_apart(lines: list[Line]) -> None:
    """A page-number-shaped line run into prose is text (``15 天后抵达``), in place.

    Dates and editor lines are told by their words; a number and a short
    name (``7 理论``) are page furniture when they stand apart, which pdftotext
    may print anywhere in the page's reading order.
    """
    for k, ln in enumerate(lines):
        if ln.kind != FURNITURE or _is_date_or_editor(ln.text, ln.width):
            continue
        neighbours = lines[max(k - 1, 0):k] + lines[k + 1:k + 2]
        if any(nb.kind in (PROSE, DATELINE) for nb in neighbours):
            ln.kind = HEADISH if is_heading_shaped(ln.text, ln.width) else PROSE


_GAP_RE: Final = re.compile(r"\u3000|\s{2,}|(?<=[\u4e00-\u9fff])\s(?=[\u4e00-\u9fff])")


def split_bullet_lead(text: str) -> tuple[str, str, str]:
    """A brief's first line as (bullet mark, lead, rest of the line).

    The lead is printed bold before a gap (``●城区供暖管网改造完工  记者从…``)
    or alone on its line; it is the brief's headline. A line with no gap whose
    text runs on into prose has no lead.

    >>> split_bullet_lead("●城区供暖管网改造完工  记者从市住")
    ('●', '城区供暖管网改造完工', '记者从市住')
    >>> split_bullet_lead("◆农民丰收节文艺汇演举行")
    ('◆', '农民丰收节文艺汇演举行', '')
    """
    stripped = text.strip()
    mark, body = stripped[0], stripped[1:].lstrip()
    m = _GAP_RE.search(body)
    if m and m.start() >= 2 and is_heading_shaped(body[:m.start()], display_width(body[:m.start()])):
        return mark, body[:m.start()].strip(), body[m.end():].strip()
    if is_heading_shaped(body, display_width(body)) and not is_letterspaced(body):
        return mark, body, ""
    return mark, "", body

