"""Stage 1 of segmentation: what each line of a page *is*, by its form alone.

A line is classified without looking at its neighbours (``classify_line``:
the first rule of ``LINE_RULES`` that holds names its kind; a line none of
them takes is heading-shaped or prose); ``mark_heads`` then decides, from the
neighbours, which heading-shaped lines really are headings and which are
prose lines that happen to lack punctuation.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from operator import attrgetter
from typing import Final, Literal, NamedTuple, get_args

import rjieba

from banmian.tasks.text.chars import (
    BULLET_MARKS,
    CLAUSE_MARKS,
    CLOSE_BRACKETS,
    COLONS,
    COLUMN_TAG_ENDINGS,
    COLUMN_TAG_OPENINGS,
    COMMAS,
    DIGIT_CLASS,
    HAN_BASIC,
    HARD_SENTENCE_MARKS,
    IDEOGRAPHIC_SPACE,
    NARROW_CLASS,
    OPEN_BRACKETS,
    RING,
    SECTION_BRACKETS_CLOSE,
    SECTION_BRACKETS_OPEN,
    SENTENCE_ENDS,
    SENTENCE_MARKS,
    SOFT_SENTENCE_MARKS,
    is_basic_han,
)
from banmian.tasks.text.clean import (
    bracket_depth,
    display_width,
    ends_sentence,
    fold_fullwidth_alnum,
    is_letterspaced,
    is_plain,
    join_lines,
    split_doubled,
)
from banmian.tasks.text.credits import (
    AUTHOR_LINE_RE,
    AUTHOR_NOTE_RE,
    BARE_NAMES_CREDIT_RE,
    BYLINE_LINE_RE,
    CLOSING_DATELINE_RE,
    DATELINE_START_RE,
    JUMP_FROM_WORDS,
    JUMP_MARKER_WORDS,
    JUMP_TO_WORDS,
    PHOTO_CREDIT_RE,
    ROLE_ONLY_RE,
    SALUTATION_RE,
    SIGNATURE_RE,
    SOURCE_DATELINE_RE,
    TRAILING_CREDIT_RE,
    any_of_ahead,
    dateline_after_lead,
    is_author_line,
    is_closing_dateline,
    opens_a_name,
    parse_signature,
    parse_trailing_credit,
    spaced_words,
    unletterspace,
)
from banmian.tasks.text.lexicon import (break_splits_word, break_strands_a_character, ends_on_a_verb_after_no_surname,
                                        unspaced)
from banmian.tasks.text.pattern_first import first_class
from banmian.tasks.text.repair import DATE_RE, PIECES_FILL_SLACK, Repaired, piece_runs, repair_lines

#: What a line is.
LineKind = Literal["blank", "prose", "headish", "head", "subtitle", "byline", "role", "credit",
                   "dateline", "furniture", "jump", "label", "bullet", "stray"]
LINE_KINDS: Final = get_args(LineKind)

BLANK: Final[LineKind] = "blank"
PROSE: Final[LineKind] = "prose"
HEADISH: Final[LineKind] = "headish"      # heading-shaped; becomes HEAD or PROSE in mark_heads
HEAD: Final[LineKind] = "head"
SUBTITLE: Final[LineKind] = "subtitle"    # ——… line under a headline
BYLINE: Final[LineKind] = "byline"        # standalone credit: 本报通讯员 金鑫
ROLE: Final[LineKind] = "role"            # a role word alone: first half of a split credit
CREDIT: Final[LineKind] = "credit"        # photo credit: … 摄
DATELINE: Final[LineKind] = "dateline"    # prose line that opens a story: 本报讯（…
FURNITURE: Final[LineKind] = "furniture"  # page date, page number/name, editor lines
JUMP: Final[LineKind] = "jump"            # （上接第一版） / （下转第3版）
LABEL: Final[LineKind] = "label"          # a section label: 图片新闻, 要闻简报, 编者按
BULLET: Final[LineKind] = "bullet"        # ◆/● opening a brief: its lead, maybe its text
STRAY: Final[LineKind] = "stray"          # a lone character standing apart: a piece of a name set vertically

#: Widest line (full-width units) that can still be a headline or crosshead.
#: Calibrated on the seeds' subject lines (≤ 24 units) with room for longer
#: one-line headlines on wide pages.
HEAD_MAX_WIDTH: Final = 34.0
#: Narrowest heading: two characters (``简讯`` is a label, ``要闻`` a heading).
HEAD_MIN_WIDTH: Final = 2.0
#: A heading may hold one comma/！/？ only when this short (``稳增长，促发展``);
#: wider lines with a comma are prose (paragraph starts before a column break
#: on the seeds are 12–14 units wide).
SOFT_MARK_HEAD_WIDTH: Final = 10.0
#: Widest subtitle: a headline's width and a dash and a few characters more.
SUBTITLE_MAX_WIDTH: Final = HEAD_MAX_WIDTH + 6
#: Widest line that can be an editor/page-furniture line.
FURNITURE_MAX_WIDTH: Final = 40.0
#: Widest page-number line: ``第12版 社会民生`` is 10 units, ``A3 要闻 综合新闻`` 12.
PAGE_NUMBER_MAX_WIDTH: Final = 14.0
#: Widest standalone byline: two roles with two names each (``□本报记者 姚远 本报通讯员 赵磊``).
BYLINE_MAX_WIDTH: Final = 24.0

#: A page's name: ``社会民生``, ``要闻``.
_PAGE_NAME: Final = f"[{HAN_BASIC}]{{2,8}}"
#: A page's number and name: ``第1版 社会民生``, ``第十二版``, ``A3 要闻``, ``综合新闻 第 3 版``.
_PAGE_RE: Final = re.compile(
    rf"^\s*(?:第\s*(?P<no1>\d{{1,3}}|[一二三四五六七八九十]{{1,3}})\s*版(?:\s+(?P<name1>{_PAGE_NAME}))?"
    rf"|(?P<no2>[A-Z]?\d{{1,3}})(?:\s*版)?(?:\s+(?P<name2>{_PAGE_NAME}(?:\s+{_PAGE_NAME})?))?"
    rf"|(?P<name3>{_PAGE_NAME}+)\s*第?\s*(?P<no3>\d{{1,3}})\s*版)\s*$"  # (the name possessive: a line of text fails one step past it)
)
#: An editor's role word, as printed (letterspaced or not) on the editors' line.
EDITOR_ROLES: Final = ("责任编辑", "本版编辑", "本版责编", "美术编辑", "责编", "版式设计", "版式", "美编", "校对", "编辑",
                       "排版", "组版")
#: The roles that head an editors' line and nothing else: a small paper may print its page's
#: section name straight before them (``基层党建责任编辑：董伟``, ``社会民生 本版编辑：谢雨欣``).
LEAD_EDITOR_ROLES: Final = ("责任编辑", "本版编辑", "本版责编", "责编")
_EDITOR_ROLE: Final = "(?:" + "|".join(r"\s*".join(role) for role in EDITOR_ROLES) + ")"
_LEAD_EDITOR_ROLE: Final = "(?:" + "|".join(LEAD_EDITOR_ROLES) + ")"
#: Longest section name printed before a lead role (``基层党建责任编辑``, ``社会民生 本版编辑``).
SECTION_NAME_MAX_LENGTH: Final = 6
#: Where an editors' line opens: a box or bullet and a role, or the section's name and a lead role.
_EDITORS_OPEN: Final = (rf"(?:\W{{0,2}}{_EDITOR_ROLE}"
                        rf"|[{HAN_BASIC}]{{2,{SECTION_NAME_MAX_LENGTH}}}\s?{_LEAD_EDITOR_ROLE})")
#: The first character of every role: an editors' line has one within its first characters.
_EDITOR_ROLE_FIRSTS: Final = "".join(sorted({role[0] for role in (*EDITOR_ROLES, *LEAD_EDITOR_ROLES)}))
#: A role's first character where ``_EDITORS_OPEN`` can set it (after a section's name and a space at
#: most): a line without one fails at once, spared the section name's backtracking.
_EDITOR_ROLE_AHEAD: Final = any_of_ahead(_EDITOR_ROLE_FIRSTS, SECTION_NAME_MAX_LENGTH + 1)
_EDITOR_NAME: Final = rf"[{HAN_BASIC}](?:\s?[{HAN_BASIC}]){{1,3}}"
#: ``责任编辑：张三 版式：李四``, or without colons (``责任编辑 张三  版式设计 李四``)
#: when the line is nothing but roles and names.
_EDITOR_RE: Final = re.compile(
    rf"^{_EDITOR_ROLE_AHEAD}(?:{_EDITORS_OPEN}\s*[{COLONS}]"
    rf"|{_EDITORS_OPEN}\s+{_EDITOR_NAME}(?:\s+{_EDITOR_ROLE}\s*[{COLONS}]?\s*{_EDITOR_NAME})*\s*$)")
#: A running head in Latin capitals (``NEW SANMEN``, ``JILIN DAILY``, ``PEOPLE'S DAILY``): two words or more.
_LATIN_HEAD_RE: Final = re.compile(r"^\s*[A-Z][A-Z'’.&-]+(?:\s+[A-Z][A-Z'’.&-]+)+\s*$")
_OPEN: Final = f"[{OPEN_BRACKETS}]"
_CLOSE: Final = f"[{CLOSE_BRACKETS}]"
_NOT_BRACKET: Final = f"[^{OPEN_BRACKETS}{CLOSE_BRACKETS}]"
#: A jump marker alone on its line: ``（上接第一版）``, ``（下转第3版）``.
_JUMP_RE: Final = re.compile(rf"^\s*{_OPEN}\s*(?:{spaced_words(JUMP_MARKER_WORDS)}){_NOT_BRACKET}{{1,12}}{_CLOSE}\s*$")
#: （上接第一版） printed before the text it continues, on the same line (letterspaced: （ 上 接 第 二 版 ）).
JUMP_FROM_PREFIX_RE: Final = re.compile(
    rf"^\s*{_OPEN}\s*((?:{spaced_words(JUMP_FROM_WORDS)}){_NOT_BRACKET}{{1,12}}){_CLOSE}\s*")
#: （下转第3版） printed after the last words of a text, on the same line (letterspaced: （ 下 转 第 六 版 ）).
JUMP_TO_SUFFIX_RE: Final = re.compile(
    rf"\s*{_OPEN}\s*((?:{spaced_words(JUMP_TO_WORDS)}){_NOT_BRACKET}{{1,12}}){_CLOSE}\s*$")
#: Section labels a page prints over a photo or a run of briefs, maybe
#: letterspaced or in brackets (``【图片新闻】``). They head a section, not an
#: article, so they are page furniture.
LABEL_WORDS: Final = ("图片新闻", "新闻图片", "图片报道", "要闻简报", "新闻简讯", "综合简讯", "简讯", "快讯", "短讯",
                      "编者按", "本版导读", "导读", "读者来信", "来信选登", "群众来信")
#: A label alone on its line, maybe letterspaced or in section brackets.
_LABEL_RE: Final = re.compile(
    rf"^\s*[{re.escape(SECTION_BRACKETS_OPEN)}]?\s*(?:" + "|".join(r"\s*".join(word) for word in LABEL_WORDS)
    + rf")\s*[{re.escape(SECTION_BRACKETS_CLOSE)}]?\s*$")
#: A bullet that opens a brief (◆农民丰收节文艺汇演举行).
_BULLET_RE: Final = re.compile(f"^\\s*[{BULLET_MARKS}]\\s*[{HAN_BASIC}“《{DIGIT_CLASS}]")
#: The dashes that open a subtitle under a headline (``——市直机关推进书香机关建设纪实``).
SUBTITLE_DASHES: Final = ("——", "──", "－－", "--", "—")
#: A subtitle: one of the dashes, then text.
_SUBTITLE_RE: Final = re.compile(r"^\s*(?:" + "|".join(SUBTITLE_DASHES) + r")\s*\S")
#: A character of chars.SENTENCE_MARKS, HARD_SENTENCE_MARKS, SOFT_SENTENCE_MARKS and NARROW_CLASS, each.
_SENTENCE_MARK: Final = re.compile(f"[{re.escape(SENTENCE_MARKS)}]")
_HARD_SENTENCE_MARK: Final = re.compile(f"[{re.escape(HARD_SENTENCE_MARKS)}]")
_SOFT_SENTENCE_MARK: Final = re.compile(f"[{re.escape(SOFT_SENTENCE_MARKS)}]")
_NARROW: Final = re.compile(f"[{NARROW_CLASS}]")
_CLOSING_BRACKETS: Final = tuple(CLOSE_BRACKETS)


@dataclass(slots=True)
class Line:
    """One line of a page with the facts segmentation needs."""

    no: int          # 1-based line number in the page
    text: str        # stripped
    width: float     # display width (full-width units, spaces ignored)
    kind: LineKind
    #: One of a series of crossheads set in a box inside an essay (``_mark_crosshead_series``): never a headline.
    in_series: bool = field(default=False, repr=False, compare=False)
    _terminal: bool | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def terminal(self) -> bool:
        """The line ends a sentence, or ends the text on this page with （下转第3版）.

        Kept once told: marking heads and building paragraphs ask it of the same
        lines again and again, and a line's text never changes.
        """
        if self._terminal is None:
            self._terminal = ends_sentence(self.text) or _ends_on_a_jump(self.text)
        return self._terminal


def _ends_on_a_jump(text: str) -> bool:
    """The text ends with （下转第3版）: it goes on elsewhere.

    >>> _ends_on_a_jump("演出 48 场（下转第4版）"), _ends_on_a_jump("（街道）")
    (True, False)
    """
    return text.rstrip().endswith(_CLOSING_BRACKETS) and JUMP_TO_SUFFIX_RE.search(text) is not None


def is_page_number_line(text: str) -> bool:
    """``第3版``, ``第1版 社会民生``, ``7 理论``, ``A3 要闻``: a page's number and name.

    >>> is_page_number_line("第1版 社会民生"), is_page_number_line("第十二版"), is_page_number_line("第一线")
    (True, True, False)
    """
    return _PAGE_RE.match(fold_fullwidth_alnum(text)) is not None


def page_number_parts(text: str) -> tuple[str, str | None] | None:
    """A page-number line's number and name as printed (``第1版 社会民生`` → ``('1', '社会民生')``), or None.

    >>> page_number_parts("第1版 社会民生"), page_number_parts("A3 要闻"), page_number_parts("第十二版")
    (('1', '社会民生'), ('A3', '要闻'), ('十二', None))
    >>> page_number_parts("综合新闻 第 3 版"), page_number_parts("第一线")
    (('3', '综合新闻'), None)
    """
    m = _PAGE_RE.match(fold_fullwidth_alnum(text))
    if m is None:
        return None
    number = m.group("no1") or m.group("no2") or m.group("no3")
    name = m.group("name1") or m.group("name2") or m.group("name3")
    return number, (" ".join(name.split()) if name else None)


def is_heading_shaped(text: str, width: float) -> bool:
    """No sentence punctuation, and not too wide: could be a headline or crosshead.

    One comma, exclamation or question mark is allowed inside a short line
    (``稳增长，促发展``), never at its end. A line closing a bracket it did not
    open (``者 闫立伟 通讯员 芦可欣)``) ends text begun above it.

    >>> is_heading_shaped("稳增长，促发展", 7.0), is_heading_shaped("全市开展检查，排查隐患", 11.0)
    (True, False)
    """
    if not HEAD_MIN_WIDTH <= width <= HEAD_MAX_WIDTH:
        return False
    marked = _SENTENCE_MARK.search(text) is not None
    if marked and width > SOFT_MARK_HEAD_WIDTH:
        return False  # most prose lines
    if _ends_on_a_jump(text) or _closes_a_bracket_from_above(text):
        return False
    return not marked or _marks_fit_a_short_heading(text)


def _closes_a_bracket_from_above(text: str) -> bool:
    """More closing brackets than opening ones: the line ends a bracket opened on a line above."""
    return ("）" in text or ")" in text) and bracket_depth(text) < 0


def _marks_fit_a_short_heading(text: str) -> bool:
    """A short line's marks are those a heading may hold: one soft mark, not at its end, no hard one."""
    return (_HARD_SENTENCE_MARK.search(text) is None and text.rstrip()[-1] not in COMMAS
            and len(_SOFT_SENTENCE_MARK.findall(text)) <= 1)


# --- the kind of one line -------------------------------------------------------------


class LineForm(NamedTuple):
    """A stripped, non-empty line as the rules of ``LINE_RULES`` read it."""

    text: str
    width: float
    folded: str  # fold_fullwidth_alnum(text): the digits that dates and page numbers need
    credit: str  # unletterspace(folded): a credit printed letterspaced, read back

    @classmethod
    def of(cls, text: str, width: float) -> LineForm:
        """The forms of a stripped line of this width."""
        folded = fold_fullwidth_alnum(text)
        return cls(text, width, folded, unletterspace(folded))

    def may_be_special(self) -> bool:
        """Whether any rule of ``LINE_RULES`` may hold: one of their patterns matches a form of the line.

        >>> LineForm.of("本报通讯员 金鑫", 8.0).may_be_special(), LineForm.of("全市开展安全检查", 8.0).may_be_special()
        (True, False)
        """
        return _may_be_special(self.text, self.width, self.folded, self.credit)


def _is_date_or_editor(text: str, width: float) -> bool:
    """The page's date line or its editors' line (``责任编辑：张三 版式：李四``)."""
    return DATE_RE.match(fold_fullwidth_alnum(text)) is not None \
        or (width <= FURNITURE_MAX_WIDTH and _EDITOR_RE.match(text) is not None)


def _is_furniture(line: LineForm) -> bool:
    """The page's date, its editors, its number and name, or its running head in Latin capitals."""
    return _is_date_or_editor(line.text, line.width) \
        or (line.width <= PAGE_NUMBER_MAX_WIDTH and _PAGE_RE.match(line.folded) is not None) \
        or _LATIN_HEAD_RE.match(line.folded) is not None


def _is_jump(line: LineForm) -> bool:
    """``（上接第一版）`` or ``（下转第3版）`` alone on its line."""
    return _JUMP_RE.match(line.text) is not None


def _opens_with_a_jump(line: LineForm) -> bool:
    """``（上接第一版）今年以来…``: the continued text opens here, like a story under a dateline."""
    return JUMP_FROM_PREFIX_RE.match(line.text) is not None


def _is_label(line: LineForm) -> bool:
    """A section label alone on its line (``LABEL_WORDS``)."""
    return _LABEL_RE.match(line.text) is not None


def _is_photo_credit(line: LineForm) -> bool:
    """``本报通讯员 张馨月 摄``: a photo credit, letterspaced or not."""
    return PHOTO_CREDIT_RE.match(line.credit) is not None


def _is_role_alone(line: LineForm) -> bool:
    """A role word alone: the first half of a credit split over two lines."""
    return ROLE_ONLY_RE.match(line.credit) is not None


def _is_closing_credit(line: LineForm) -> bool:
    """``（记者 王芳）``, ``（王芳 李强）``, ``（作者为…）`` alone: the credit that closes the text above."""
    return TRAILING_CREDIT_RE.match(line.text) is not None or AUTHOR_NOTE_RE.match(line.text) is not None \
        or (BARE_NAMES_CREDIT_RE.match(line.text) is not None and parse_trailing_credit(line.text) is not None)


def _opens_with_source(text: str) -> bool:
    """（据新华社…电） followed by text opens a story; alone on its line it closes one."""
    m = SOURCE_DATELINE_RE.match(text)
    return m is not None and bool(text[m.end():].strip())


def _opens_a_story(line: LineForm) -> bool:
    """A dateline opens the line (``本报讯（…``, ``新华社北京9月9日电``, ``（据新华社…电）…``), letterspaced or not."""
    return DATELINE_START_RE.match(line.text) is not None or _opens_with_source(line.text) \
        or DATELINE_START_RE.match(line.credit) is not None


def _opens_a_letter(line: LineForm) -> bool:
    """``编辑同志：`` opens a letter to the editor, as a dateline opens a story."""
    return SALUTATION_RE.match(line.text) is not None


def _is_closing_dateline(line: LineForm) -> bool:
    """``（本报珀斯 1月７ 日电）`` alone: the dateline that closes the story above, never a heading."""
    return CLOSING_DATELINE_RE.match(line.folded) is not None


def _is_signature(line: LineForm) -> bool:
    """``一村民``, ``读者 刘淑琴``: a letter's signature, never a heading (its text goes on with the reply)."""
    return parse_signature(line.text) is not None


#: Characters a column tag holds at most (``优化营商环境在行动``): the kickers of the gate, gen42 and gen7 golds that
#: open or end on a column's word hold 4 to 9.
COLUMN_TAG_MAX_CHARS: Final = 9
#: Characters a tag that opens with its word (``聚焦两会``) holds at most (``聚焦营商环境``): a longer line that
#: opens so is a headline whose verb it is (``关注农民工工资拖欠问题``).
COLUMN_TAG_OPENED_MAX_CHARS: Final = 6
#: A column tag's text: Chinese characters, a middle dot between its words at most (``奋进新征程·基层行``).
_COLUMN_TAG_RE: Final = re.compile(rf"^[{HAN_BASIC}]+(?:·[{HAN_BASIC}]+)?$")


@lru_cache(maxsize=1024)  # heading lines are asked about many times while a page is read
def is_column_tag(text: str) -> bool:
    """A line in the form of a paper's column tag (栏目), set as a kicker over its headline: a short phrase of
    Chinese characters alone that ends on a column's word (``一线见闻``, ``经济观察``, ``记者调查``) or opens
    with one (``聚焦两会``). Set over a headline wrapped in a narrow column it is as wide as the measure, yet
    no piece of the headline (``headlines._measure_wraps``).

    >>> [is_column_tag(t) for t in ("一线见闻", "记者调查", "聚焦两会", "奋进新征程·基层行", "关注农民工工资拖欠问题",
    ...                             "加拿大发", "记者 张调查", "一线见闻。")]
    [True, True, True, True, False, False, False, False]
    """
    tag = text.strip()
    if _COLUMN_TAG_RE.match(tag) is None:
        return False
    return (len(tag) <= COLUMN_TAG_MAX_CHARS and tag.endswith(COLUMN_TAG_ENDINGS)) \
        or (len(tag) <= COLUMN_TAG_OPENED_MAX_CHARS and tag.startswith(COLUMN_TAG_OPENINGS))


def _is_byline(line: LineForm) -> bool:
    """``本报通讯员 金鑫``, or a bare author's name (``颜晓峰``)."""
    return (line.width <= BYLINE_MAX_WIDTH and BYLINE_LINE_RE.match(line.credit) is not None) \
        or is_author_line(line.text)


def is_byline_text(text: str) -> bool:
    """A line's text is a byline by its form (the byline rule of ``LINE_RULES``), whatever its neighbours made of it.

    >>> is_byline_text("□本报记者 王芳"), is_byline_text("颜晓峰"), is_byline_text("全市开展检查")
    (True, True, False)
    """
    form = LineForm.of(text.strip(), display_width(text.strip()))
    return special_kind(form) == BYLINE


def _is_bullet(line: LineForm) -> bool:
    """``◆农民丰收节文艺汇演举行``: a brief opens (a ring only with its dateline: ``_mark_ring_briefs``)."""
    return _BULLET_RE.match(line.text) is not None and not _opens_with_ring(line.text)


def _opens_with_ring(text: str) -> bool:
    """The line's bullet is a ring (``○``): a brief's only with its dateline (``_mark_ring_briefs``)."""
    return text.lstrip().startswith(RING)


def _is_subtitle(line: LineForm) -> bool:
    """``——市直机关推进书香机关建设纪实``."""
    return line.width <= SUBTITLE_MAX_WIDTH and _SUBTITLE_RE.match(line.text) is not None


@dataclass(frozen=True, slots=True)
class LineRule:
    """A special kind of line, told by its form."""

    kind: LineKind
    holds: Callable[[LineForm], bool]
    #: The patterns ``holds`` matches the line with (as printed, folded, or read back from its
    #: letterspacing): the rule holds only on a line one of them matches at its start.
    patterns: tuple[re.Pattern[str], ...]
    #: Patterns ``holds`` matches only on a line no wider than ``narrow_width`` (a page's number):
    #: the fast path (``may_be_special``) spares a wider line their attempt.
    narrow_patterns: tuple[re.Pattern[str], ...] = ()
    narrow_width: float = 0.0

    def all_patterns(self) -> tuple[re.Pattern[str], ...]:
        """Every pattern ``holds`` may match a line with, whatever its width."""
        return self.patterns + self.narrow_patterns


#: The rules that tell a special line's kind by its form, in order: the first that holds names it.
#: Earlier rules are the stricter forms (a date, a jump marker, a credit's mark, a role word).
LINE_RULES: Final = (
    LineRule(FURNITURE, _is_furniture, (DATE_RE, _EDITOR_RE, _LATIN_HEAD_RE), (_PAGE_RE,), PAGE_NUMBER_MAX_WIDTH),
    LineRule(JUMP, _is_jump, (_JUMP_RE,)),
    LineRule(DATELINE, _opens_with_a_jump, (JUMP_FROM_PREFIX_RE,)),
    LineRule(LABEL, _is_label, (_LABEL_RE,)),
    LineRule(CREDIT, _is_photo_credit, (PHOTO_CREDIT_RE,)),
    LineRule(ROLE, _is_role_alone, (ROLE_ONLY_RE,)),
    LineRule(PROSE, _is_closing_credit, (TRAILING_CREDIT_RE, AUTHOR_NOTE_RE, BARE_NAMES_CREDIT_RE)),
    LineRule(PROSE, _is_signature, (SIGNATURE_RE,)),
    LineRule(PROSE, _is_closing_dateline, (CLOSING_DATELINE_RE,)),
    LineRule(DATELINE, _opens_a_story, (DATELINE_START_RE, SOURCE_DATELINE_RE)),
    LineRule(DATELINE, _opens_a_letter, (SALUTATION_RE,)),
    LineRule(BYLINE, _is_byline, (BYLINE_LINE_RE, AUTHOR_LINE_RE)),
    LineRule(BULLET, _is_bullet, (_BULLET_RE,)),
    LineRule(SUBTITLE, _is_subtitle, (_SUBTITLE_RE,)),
)


def _any_of(patterns: Iterable[re.Pattern[str]]) -> str:
    """One pattern that matches where one of ``patterns`` does."""
    return "|".join(f"(?:{p.pattern})" for p in patterns)


def _any_rule_pattern(rule_patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    """Every rule's patterns in one, those whose matches open with one of a few characters behind a test of them.

    A line a rule's pattern matches opens with one of that pattern's first
    characters (``pattern_first.first_class``, read off the pattern itself):
    a line opening with none of any such pattern's (most lines: text and
    headings) costs the engine a single test for them all, instead of an
    attempt at each.
    """
    patterns = [(p, first_class(p)) for p in rule_patterns]
    anywhere = [p for p, first in patterns if first is None]
    opened = [(p, first) for p, first in patterns if first is not None]
    firsts = "".join(first.pattern[1:-1] for _, first in opened)
    guarded = f"(?=[{firsts}])(?:{_any_of(p for p, _ in opened)})" if opened else ""
    return re.compile("|".join(part for part in (_any_of(anywhere), guarded) if part))


#: Every rule's patterns in one: a line it matches in none of its forms is no special line, and
#: most lines of a page (text and headings) are told so by one match.
_ANY_RULE_PATTERN: Final = _any_rule_pattern(p for rule in LINE_RULES for p in rule.all_patterns())
#: Every rule's patterns but those for narrow lines (``LineRule.narrow_patterns``): a wider line's test.
_ANY_WIDE_LINE_RULE_PATTERN: Final = _any_rule_pattern(p for rule in LINE_RULES for p in rule.patterns)
#: The widest line a rule's narrow patterns may take.
_NARROW_PATTERNS_MAX_WIDTH: Final = max(rule.narrow_width for rule in LINE_RULES)


def _may_be_special(text: str, width: float, folded: str, credit: str) -> bool:
    """``LineForm.may_be_special`` of a line's three forms (most lines have one: nothing to fold, no letterspacing)."""
    any_rule = _ANY_RULE_PATTERN if width <= _NARROW_PATTERNS_MAX_WIDTH else _ANY_WIDE_LINE_RULE_PATTERN
    return bool(any_rule.match(text) or (folded != text and any_rule.match(folded))
                or (credit != folded and any_rule.match(credit)))


def special_kind(line: LineForm) -> LineKind | None:
    """The kind the first rule of ``LINE_RULES`` that holds gives the line, if any holds."""
    return next((rule.kind for rule in LINE_RULES if rule.holds(line)), None)


def line_kind(text: str, width: float) -> LineKind:
    """The kind of a stripped, non-empty line: a special kind (``LINE_RULES``), else heading-shaped or prose.

    >>> line_kind("本报通讯员 金鑫", 8.0), line_kind("（下转第3版）", 7.0), line_kind("全市开展检查，排查隐患。", 12.0)
    ('byline', 'jump', 'prose')
    """
    folded = fold_fullwidth_alnum(text)
    return _kind_of_forms(text, width, folded, unletterspace(folded))


def _kind_of_forms(text: str, width: float, folded: str, credit: str) -> LineKind:
    """``line_kind`` of a line's forms (``LineForm``)."""
    if _may_be_special(text, width, folded, credit):  # most lines are text or headings: no rule's pattern matches them
        kind = special_kind(LineForm(text, width, folded, credit))
        if kind is not None:
            return kind
    return HEADISH if is_heading_shaped(text, width) else PROSE


def classify_line(no: int, raw: str) -> Line:
    """Classify one line by its own form."""
    text = raw.strip().replace("\f", "")
    if not text:
        return Line(no, "", 0.0, BLANK)
    if is_plain(text):  # most lines: one unit a character, and each of its forms the text itself
        width = float(len(text))
        return Line(no, text, width, _kind_of_forms(text, width, text, text))
    width = display_width(text)
    return Line(no, text, width, line_kind(text, width))


def classify_page(text: str) -> list[Line]:
    """All lines of a page, classified and with headings marked."""
    repaired = repair_lines(text.replace("\f", "").split("\n"))
    lines = _glue_pieces([classify_line(no, raw) for no, raw in repaired.lines], repaired)
    _keep_page_numbers_apart(lines)
    _mark_cut_datelines(lines)
    _mark_ring_briefs(lines)
    mark_heads(lines)
    _mark_names_inside_heads(lines)
    _mark_crosshead_series(lines)
    _mark_lines_apart(lines)
    _mark_vertical_names(lines)
    _mark_credits_dropped_into_text(lines)
    _mark_names_after_author_notes(lines)
    _mark_run_in_echoes(lines)
    return lines


def _glue_pieces(lines: list[Line], repaired: Repaired) -> list[Line]:
    """Lines of text that are pieces of one printed line (``repair.piece_runs``), each run one line, classified again.

    ``repaired``: the page's lines as ``repair.repair_lines`` made them, one for each of ``lines``.
    A printed line is no wider than its column: the pieces may measure a little wider together
    (marks and quotes set half width), the line they make measures the column's width.
    """
    runs = piece_runs(lines, [ln.kind in _TEXT for ln in lines], repaired.cut_number, repaired.cut_mark)
    if not runs:
        return lines
    out: list[Line] = []
    done = 0
    for i, j, column in runs:
        out.extend(lines[done:i])
        line = classify_line(lines[i].no, join_lines([ln.text for ln in lines[i:j]]))
        line.width = min(line.width, column)
        out.append(line)
        done = j
    out.extend(lines[done:])
    return out


# --- headings, by their neighbours ----------------------------------------------------------

_HEAD_NEIGHBOURS: Final = {BLANK, HEAD, SUBTITLE, BYLINE, ROLE, CREDIT, FURNITURE, JUMP, LABEL}
#: Lines of text: what a heading-shaped line may turn out to be part of.
_TEXT: Final = (PROSE, HEADISH)
#: Lines that carry a text's sentences, which a heading stands after only once they end.
_RUNNING_TEXT: Final = (PROSE, DATELINE, BULLET)
#: What opens a story under its title: a dateline (an author's byline was tried: unread-b lost exact_body under a colon title).
_STORY_OPENINGS: Final = (DATELINE,)
#: What a headline wrapped at a narrow measure stands over: its story's dateline, its subtitle (``——…``), or its
#: author's byline (``北国有寒趣南`` / ``疆闻花香各地`` / ``群众喜庆元旦`` / ``肖荻``): text cut by a column break goes on in
#: text. The byline lifts gate exact_body 0.5934 -> 0.5951 and unread-b 0.5310 -> 0.5336.
_UNDER_A_WRAPPED_HEAD: Final = (DATELINE, SUBTITLE, BYLINE)

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
    i = _next_headish(kinds, 0)
    while i < len(lines):
        j = _mark_run(lines, kinds, i, _run_end(lines, kinds, i))
        i = _next_headish(kinds, j)


def _next_headish(kinds: list[LineKind], start: int) -> int:
    """Index of the first HEADISH kind from ``start`` on; ``len(kinds)`` when there is none."""
    try:
        return kinds.index(HEADISH, start)
    except ValueError:
        return len(kinds)


def _run_end(lines: list[Line], kinds: list[LineKind], i: int) -> int:
    """Where the run of heading-shaped lines from ``i`` ends: a crosshead drawn twice ends it (what follows is its text)."""
    j = i + 1
    while j < len(lines) and kinds[j] == HEADISH and not split_doubled(lines[j - 1].text)[1]:
        j += 1
    return j + 1 if j < len(lines) and _is_wrap_stub(lines, j) else j


def _is_wrap_stub(lines: list[Line], j: int) -> bool:
    """Line ``j`` is the last character of a word the line above breaks, alone: the end of the heading above
    wrapped at its measure (``联合国特委会`` / ``驻伊总部遭袭`` / ``击``), too short to look like one.

    Whatever stands under it (a break, its story's dateline, its text, the next heading of a stack): a
    paragraph's last line ends on a sentence mark and a line cut by a column break is full, so a lone
    character with no mark is no text's. A lone character under a heading may be a name set vertically
    (``_is_stray_character``); it finishes no word.
    """
    text = lines[j].text
    return len(text) == 1 and is_basic_han(text) and break_splits_word(lines[j - 1].text, text)


def _mark_run(lines: list[Line], kinds: list[LineKind], i: int, j: int) -> int:
    """Mark the heading-shaped run ``lines[i:j]`` HEAD or PROSE; returns where it ended.

    A paragraph opening inside the run ends it there: its lines from there on are prose. A lone line that heads a
    story under text cut mid-sentence is a heading, though the text above runs on (``_heads_a_story_under_cut_text``).
    """
    if _heads_a_story_under_cut_text(lines, i, j):
        _set_kind(lines, i, j, HEAD)
        return j
    if _runs_on_from_above(lines, i) or _ends_the_line_above(lines, i, j) or _fills_an_inset_measure(lines, i, j):
        _set_kind(lines, i, j, PROSE)
        return j
    opener = next((m for m in range(i + 1, j) if _opens_paragraph_in_run(lines, m, j)), None)
    if opener is not None:
        for m in range(opener, j):
            lines[m].kind = kinds[m] = PROSE
        j = opener
    if _stands_apart(lines, i, j) and not _reads_as_text(lines, i, j):
        _set_kind(lines, i, j, HEAD)
    else:
        _set_kind(lines, i, j, PROSE)
        _mark_heads_above_a_step(lines, i, j)
        _mark_a_couplet_on_top(lines, i, j)
    return j


#: What may open a story under a blank below its headline: its dateline or its author's byline.
_STORY_OPENINGS_UNDER_A_BREAK: Final = (DATELINE, BYLINE)


def _heads_a_story_under_cut_text(lines: list[Line], i: int, j: int) -> bool:
    """The lone line ``lines[i]`` under text cut mid-sentence is a headline: it ends on a word with no sentence mark,
    is far narrower than the full lines of that text (``NARROW_HEAD_SHARE``), and a break and a dateline or byline
    follow it (``摩托送餐风行开罗`` / ``本报驻埃及记者 朱梦魁``, ``农村客运班车能否加密`` / ``编辑同志：``).

    Text cut by a column's edge goes on at the column's width; a line that stops that short ends a paragraph, on a
    sentence mark (``２６８……``), and a story's dateline or byline opens under a headline, never mid-paragraph.
    """
    if j - i != 1 or i < STEADY_COLUMN_LINES or j + 1 >= len(lines) or lines[j].kind != BLANK \
            or lines[j + 1].kind not in _STORY_OPENINGS_UNDER_A_BREAK:
        return False  # most runs: cheap checks first
    text = lines[i].text.strip()
    if _SENTENCE_MARK.search(text) or not is_basic_han(text[-1]):
        return False
    above = lines[i - STEADY_COLUMN_LINES:i]  # full lines of a column: text cut at its edge
    if any(ln.kind not in _RUNNING_TEXT for ln in above) or not _shows_a_column([ln.width for ln in above]):
        return False
    column = max(ln.width for ln in above)
    return lines[i].width <= column * NARROW_HEAD_SHARE


def _opens_paragraph_in_run(lines: list[Line], m: int, j: int) -> bool:
    """Line ``m`` of the heading-shaped run ending at ``j`` opens a paragraph: an indent, and the lines under it
    do not stop short with no sentence mark (``_stops_short``): a paragraph runs on to one. Lines that do are a
    headline's subject line wrapped at its measure, under heading lines an indent narrower than it
    (``为现代化`` / ``建设服务`` / ``在全国语言文字`` / ``工作会议上的书`` / ``面讲话``).
    """
    return _opens_indented_paragraph(lines, m) and not _stops_short(lines, m + 1, j)


def _mark_a_couplet_on_top(lines: list[Line], i: int, j: int) -> None:
    """A run read as prose whose first line is two phrases parted by a gap, set apart above: that line is a heading.

    No line of text holds a gap between two phrases (a space beside a number or a Latin word is
    the extractor's, not a gap); the lines under it may be the text it heads.
    """
    if lines[i].kind == PROSE and _apart_from_above(lines, i) and _parted_by_a_gap(lines[i].text):
        lines[i].kind = HEAD
        if _subject_under_a_couplet(lines, i + 1, j):
            _set_kind(lines, i + 1, j, HEAD)


#: Lines a subject line under a couplet wraps onto at most (a subject of 20 characters in a measure of 7).
#: Calibrated on gate and the unread scores: 2 loses gate headline_acc 0.2323 -> 0.2302 and unread-a
#: article_f1 0.5825 -> 0.5810; 5 costs unread-a 0.5825 -> 0.5820 (body_cer 0.4801 -> 0.4831).
SUBJECT_MAX_LINES: Final = 3


def _subject_under_a_couplet(lines: list[Line], i: int, j: int) -> bool:
    """The rest ``lines[i:j]`` of a run under a couplet marked a heading is its subject line, wrapped at its measure.

    A subject line cuts words where its measure falls, which reads as text in a run of its own; under a
    couplet, with a break (or a heading's neighbour) below, no sentence mark and no phrase running on, it is
    the headline's subject (``排查整治隐患 营造祥和氛围`` / ``铁西区北铁社区`` / ``开展“同心护`` / ``爱”知识讲座``).
    """
    return 0 < j - i <= SUBJECT_MAX_LINES and _apart_from_below(lines, j) \
        and not any(_SENTENCE_MARK.search(ln.text) for ln in lines[i:j]) \
        and not _continues_into_prose(lines, j) and not ends_mid_phrase(lines[j - 1].text)


#: A space beside a number or a Latin letter: extractors space numbers and Latin words from Chinese.
_SPACED_ALNUM_RE: Final = re.compile(r"[A-Za-z0-9%.]\s|\s[A-Za-z0-9%.]")


def _parted_by_a_gap(text: str) -> bool:
    """Two phrases without a sentence mark, parted by a gap that is no number's or Latin word's spacing.

    >>> _parted_by_a_gap("排查整治隐患 营造祥和氛围"), _parted_by_a_gap("面推向21 世纪的盛"), _parted_by_a_gap("２８％ ，运输时间")
    (True, False, False)
    """
    return is_one_line_couplet(text) and _SENTENCE_MARK.search(text) is None \
        and not _SPACED_ALNUM_RE.search(fold_fullwidth_alnum(text))


def _reads_as_text(lines: list[Line], i: int, j: int) -> bool:
    """The heading-shaped run ``lines[i:j]``, set apart, still reads as text: a word or phrase runs on
    out of it or through it, or it fills its column.

    Breaks that cut words show no text under a headline (``_under_a_headline``): its subject line, set apart
    under it, wraps where its measure falls (``四平经开区召开`` / ``2023年重点工作动`` / ``员部署会``).
    """
    return _word_runs_out_of(lines, i, j) or ends_mid_phrase(lines[j - 1].text) or _fills_column(lines, i, j) \
        or _quote_closes_below(lines, i, j) \
        or (_run_splits_word(lines, i, j) and not _stops_short(lines, i, j) and not _over_a_story_opening(lines, j)
            and not _narrower_than_text_above(lines, i, j) and not _under_a_headline(lines, i))


def _word_runs_out_of(lines: list[Line], i: int, j: int) -> bool:
    """A word runs on from the run ``lines[i:j]`` into the text after it (``_continues_into_prose``), unless the
    run's last line is a lone character that finishes the word above it (``_is_wrap_stub``): a character is in
    one word, and the tokenizer's odd pair of it and the next line's first (``紊`` / ``为减少…``: ``紊为``) is none.
    """
    return _continues_into_prose(lines, j) and not (j - 1 > i and _is_wrap_stub(lines, j - 1))


#: A heading wrapped at a narrow measure is at most this share of the text column it stands under: pdftotext
#: wraps a headline set in a narrow box at 3 to 10 characters, text columns run 8 to 40 (runaround text beside a
#: picture narrows by a few characters). Tried 0.6 (gate article_f1 0.6789, unread-a 0.6012), 0.7 (0.6793, 0.6013,
#: unread-b equal, seeds/wild/pagegen unchanged for all three), 0.8 (unread-a 0.6008, crosshead_acc 0.0100 -> 0.0086).
NARROW_HEAD_SHARE: Final = 0.7


def _narrower_than_text_above(lines: list[Line], i: int, j: int) -> bool:
    """Every line of the run ``lines[i:j]`` is far narrower than the column of the finished text above it (or below).

    Text goes on at its column's width, whichever words the column's edge cuts; lines wrapped at a measure
    that is a fraction of the column above, after a break, are a headline set in a narrow box
    (``港岛一商`` / ``住大厦发`` / ``生大火已``), whatever words its breaks cut. Under text that does not end
    (a jump marker split over lines, a caption), the column is read below, where the run's own story must open
    a paragraph (an indent): text cut by a break runs on at full width.
    """
    if not _fills_one_measure(lines[i:j]):
        return False
    above = _text_lines_above(lines, i, COLUMN_PROBE_LINES)
    if above and _finished(above[0].text) and (lines[i - 1].kind == BLANK or _boxed_straight_under(lines[i:j], above)):
        widths = [ln.width for ln in above]
    else:
        below = next_nonblank(lines, j)
        if below == j or below >= len(lines) or not _opens_indented_paragraph(lines, below):
            return False
        widths = [ln.width for ln in _text_lines_from(lines, below, COLUMN_PROBE_LINES)]
    return _shows_a_column(widths) and lines[i].width <= max(widths) * NARROW_HEAD_SHARE


#: With no break above it, a run straight under finished text is a headline in a narrow box only at this share of
#: that text's column or less. Calibration: gate's boxed heads straight under text measure 0.33-0.48 of its column;
#: at NARROW_HEAD_SHARE (0.7) unread-b lost articles.
UNBROKEN_HEAD_SHARE: Final = 0.5


def _boxed_straight_under(run: list[Line], above: list[Line]) -> bool:
    """The run, set straight under finished text (``above``, nearest first) with no break, is a headline in a narrow
    box: wrapped at a measure at most ``UNBROKEN_HEAD_SHARE`` of that text's column (``国家科`` / ``技领导`` /
    ``小组召`` / ``开会议`` under ``提供了便利。``).

    With no break to set it apart, only a measure far short of the text's shows the box. A run ending on a lone
    character is left alone: under text with no break, that character may be a name set vertically.
    """
    return len(run[-1].text) > 1 and run[0].width <= max(ln.width for ln in above) * UNBROKEN_HEAD_SHARE


#: A bracketed note after a sentence's end holds this many characters at most. Calibration: the same output
#: on every eval set as the two rules this one replaced (20 and 25 characters); 25 lost a gate article.
NOTE_MAX_CHARS: Final = 20
#: A bracketed note closing a line, with no sentence end, comma or colon inside: who wrote or sent the text
#: (``（杨佑兴）``, ``（记者 王芳、李明）``, ``（江西资溪县人民法院范斯祖）``).
_NOT_IN_A_NOTE: Final = SENTENCE_ENDS + CLAUSE_MARKS  # a note lists its names with 、
CLOSING_NOTE_RE: Final = re.compile(
    rf"{_OPEN}[^{_NOT_IN_A_NOTE}{OPEN_BRACKETS}{CLOSE_BRACKETS}]{{1,{NOTE_MAX_CHARS}}}{_CLOSE}\s*$")


def ends_on_a_note(text: str) -> bool:
    """The text ends a sentence, then a bracketed note on its source or author: the text (and its paragraph)
    ends there.

    Such a note is no sentence end (``（云宣新）`` may be no credit ``credits`` reads, or a signed item of a
    column may go on), but nothing of the paragraph follows it.

    >>> ends_on_a_note("度的人民日报完成100.62%。（云宣新）"), ends_on_a_note("正如他所说（见下图）")
    (True, False)
    """
    if not text.rstrip().endswith(_CLOSING_BRACKETS):
        return False  # most lines: no bracket closes them (asked of every line of a paragraph)
    note = CLOSING_NOTE_RE.search(text)
    return note is not None and ends_sentence(text[:note.start()])


def _finished(text: str) -> bool:
    """The line ends a sentence, or a sentence and then the bracketed credit a text closes on.

    >>> _finished("增长两成。"), _finished("制度。（杨佑兴）"), _finished("正在调查（记者")
    (True, True, False)
    """
    return ends_sentence(text) or ends_on_a_note(text)


def _fills_one_measure(run: list[Line]) -> bool:
    """Every line but the last is as wide as the first, and the last no wider: one measure, filled from the first line.

    A first line short of the next is indented (text, or a crosshead set like text) and fills no measure.

    >>> _fills_one_measure([Line(1, "港岛一商", 4.0, HEADISH), Line(2, "住大厦发", 4.0, HEADISH), Line(3, "生", 1.0, HEADISH)])
    True
    >>> _fills_one_measure([Line(1, "为世界和平与", 6.0, HEADISH), Line(2, "发展作出新的重大", 8.0, HEADISH)])
    False
    """
    measure = run[0].width
    return all(abs(ln.width - measure) <= FULL_LINE_SLACK for ln in run[:-1]) and run[-1].width <= measure + FULL_LINE_SLACK


def _text_lines_above(lines: list[Line], i: int, count: int) -> list[Line]:
    """Up to ``count`` text lines above line ``i``, nearest first: across one break, or with none when the line
    right above finishes a sentence (text that runs on may be cut by a column's edge, and shows no column).
    """
    k = i - 1
    while k >= 0 and lines[k].kind == BLANK:
        k -= 1
    if k == i - 1 and (k < 0 or not _finished(lines[k].text)):
        return []
    out: list[Line] = []
    while k >= 0 and lines[k].kind in _RUNNING_TEXT and len(out) < count:
        out.append(lines[k])
        k -= 1
    return out


#: Quote marks and title brackets a phrase opens and closes: a heading closes every one it opens.
_QUOTE_PAIRS: Final = ("“”", "《》")


def _quote_closes_below(lines: list[Line], i: int, j: int) -> bool:
    """The run ``lines[i:j]`` opens a quote that the text line right under it closes: the quoted phrase runs on.

    pdftotext breaks a paragraph's first line where justification spread it, and its opening
    piece comes out alone (``“一带`` / ``一 路 ”建 设 不 是 …``); a heading wrapped inside a quote keeps
    both halves in its own run (``开展“同心护`` / ``爱”知识讲座``).

    >>> run = [Line(1, "“一带", 3.0, HEADISH), Line(2, "一 路 ”建 设 不 是 为 了 另 起 炉 灶 ，更 不", 16.0, PROSE)]
    >>> _quote_closes_below(run, 0, 1), _quote_closes_below(run[:1], 0, 1)
    (True, False)
    """
    if j >= len(lines) or lines[j].kind not in _TEXT:
        return False
    text = "".join(ln.text for ln in lines[i:j])
    below = lines[j].text
    return any(text.count(o) > text.count(c) and below.count(c) > below.count(o) for o, c in _QUOTE_PAIRS)


def _over_a_story_opening(lines: list[Line], j: int, openings: tuple[LineKind, ...] = _UNDER_A_WRAPPED_HEAD) -> bool:
    """A story's dateline (or a subtitle: ``openings``) opens straight under line ``j - 1``, or after one break.

    Text cut by a column break goes on in text, never in a dateline or a
    subtitle: lines that wrap a phrase there (``日本六在野`` / ``党结盟要求``)
    are a headline wrapped at a narrow measure, whatever words its breaks cut.
    """
    k = j + 1 if j < len(lines) and lines[j].kind == BLANK else j
    return k < len(lines) and lines[k].kind in openings


#: The last line of a heading wrapped at its measure falls at least this short of the lines above it
#: (a character); the lines of a paragraph cut off by a break stay full to the column's width.
WRAPPED_HEAD_LAST_SHORT: Final = 1.0


def _stops_short(lines: list[Line], i: int, j: int) -> bool:
    """The run ``lines[i:j]`` fills a measure and ends on a shorter line, once or more, with no sentence mark anywhere.

    Text that stops short ends a paragraph, and a paragraph ends on a sentence mark; heading-shaped
    lines that stop short without one are a heading wrapped at its measure, which cuts words where
    the measure falls (``报告文学收`` / ``获不丰``). Every line before the last fills that measure: a
    first line short of the next (an indent) shows no measure filled. Headings stacked one under another
    (each in its own box) stop short once each, at their own measures (``阿尔及利亚反对美干涉`` /
    ``内政拒绝就屠杀事件组`` / ``建国际调委会`` / ``充分发挥传媒优势推`` / ``进体育产业发展``). A kicker may stand
    over the measure, narrower than it (``_kicker_over``).

    >>> wrapped = [Line(1, "报告文学收", 5.0, HEADISH), Line(2, "获不丰", 3.0, HEADISH)]
    >>> indented = [Line(1, "从标准要求把", 6.0, HEADISH), Line(2, "握全面从严治党永", 8.0, HEADISH),
    ...             Line(3, "远在路上", 4.0, HEADISH)]
    >>> _stops_short(wrapped, 0, 2), _stops_short(indented, 0, 3), _stops_short(wrapped + wrapped, 0, 4)
    (True, False, True)
    """
    if j - i < 2 or any(_SENTENCE_MARK.search(ln.text) or _shows_narrow_characters(ln) for ln in lines[i:j]):
        return False
    ends = {j}  # where a partition of the run into measures that stop short may end: from each, the rest is one
    for s in range(j - 2, i - 1, -1):
        if any(k in ends for k in _measure_ends(lines, s, j)):
            ends.add(s)
    return i in ends or (i + 1 in ends and _kicker_over(lines[i], lines[i + 1]))


def _kicker_over(top: Line, below: Line) -> bool:
    """A short line over a heading wrapped at its measure is its kicker (``关注民生`` / ``贾庆林在北京`` / ``经济工作会上``
    / …): narrower than the measure, a phrase of its own. An indented paragraph's first line, or a crosshead's set
    short, goes on into the next: the break cuts a word (``从标准要求把`` / ``握全面``), or the line ends on a function
    word (``为世界和平与`` / ``发展作出新的重大``)."""
    return top.width <= below.width - WRAPPED_HEAD_LAST_SHORT and not break_splits_word(top.text, below.text) \
        and not ends_mid_phrase(top.text)


def _shows_narrow_characters(line: Line) -> bool:
    """Narrow characters that make a line's width unreliable; a letterspaced line's spaces are justification's,
    no width (``display_width``)."""
    return _has_narrow_characters(unspaced(line.text) if is_letterspaced(line.text) else line.text)


def _measure_ends(lines: list[Line], s: int, j: int) -> Iterator[int]:
    """After each line before ``j`` where the measure filled from line ``s`` may stop short: a line short of
    every line before it, which may be the measure's last (or one of its full lines, justified a unit short).

    >>> run = [Line(1, "报告文学收", 5.0, HEADISH), Line(2, "获不丰", 3.0, HEADISH), Line(3, "全市冬储", 4.0, HEADISH)]
    >>> list(_measure_ends(run, 0, 3)), list(_measure_ends(run, 2, 3))
    ([2], [])
    """
    low = high = lines[s].width
    for k in range(s + 1, j):
        width = lines[k].width
        if width <= low - WRAPPED_HEAD_LAST_SHORT:
            yield k + 1
        if max(high, width) - min(low, width) > FULL_LINE_SLACK:
            return
        low, high = min(low, width), max(high, width)


def _set_kind(lines: list[Line], i: int, j: int, kind: LineKind) -> None:
    for ln in lines[i:j]:
        ln.kind = kind


def _runs_on_from_above(lines: list[Line], i: int) -> bool:
    """The line above line ``i`` is text stopped mid-sentence: no run from ``i`` can stand apart as a heading.

    Neither can any part of the run (``_mark_heads_above_a_step``), nor do
    paragraph openers inside it matter: all of it is prose.
    """
    return i > 0 and lines[i - 1].kind in _RUNNING_TEXT and not _text_ended(lines, i - 1)


def _text_ended(lines: list[Line], k: int) -> bool:
    """Text line ``k`` ends its text: a sentence end (or a jump away), maybe closed by the bracketed note a text
    ends on, whole on the line (``制度。（杨佑兴）``) or begun on the line above (``危机。（下转第二`` / ``版）``,
    ``…自己。`` / ``（题图图片由肯尼亚`` / ``驻华使馆提供）``), or a story's closing dateline alone (``（本报珀斯1月7日电）``).

    >>> lines = [Line(1, "危 机 。（ 下 转 第 二", 8.0, PROSE), Line(2, "版）", 2.0, PROSE), Line(3, "制度。（杨佑兴）", 8.0, PROSE)]
    >>> _text_ended(lines, 1), _text_ended(lines, 2), _text_ended(lines, 0)
    (True, True, False)
    """
    line = lines[k]
    if line.terminal or _finished(line.text) or is_closing_dateline(line.text):
        return True
    return k > 0 and lines[k - 1].kind in _RUNNING_TEXT and _closes_a_note_from_above(lines, k)


def _closes_a_note_from_above(lines: list[Line], k: int) -> bool:
    """Line ``k`` closes a bracketed note opened on the line above, which ends a text: after a sentence end there,
    or opening that line under a finished one."""
    above = unspaced(lines[k - 1].text)
    joined = above + unspaced(lines[k].text)
    note = CLOSING_NOTE_RE.search(joined)
    if note is None or note.start() >= len(above):
        return False
    before = joined[:note.start()]
    return ends_sentence(before) if before else k > 1 and lines[k - 2].kind in _RUNNING_TEXT and lines[k - 2].terminal


#: A quoted word or phrase alone on a line, with nothing after its closing quote: ``“最佳”``.
_QUOTED_ALONE_RE: Final = re.compile(r"^\s*[“\"][^“”\"。！？!?]+[”\"]\s*$")


def _ends_the_line_above(lines: list[Line], i: int, j: int) -> bool:
    """Line ``i`` alone is a quoted word or phrase that ends the printed line above it, set apart by the extractor.

    pdftotext breaks a printed line at a quote it placed apart, and the quote comes out on a line of its
    own (``…最佳制度。`` / ``“最佳”`` / ``意味着…``). A heading may be a quoted phrase too, but text goes
    on around such a piece: the line above and the piece together fill the column, and the line under it
    runs at the column's full width, no paragraph's indented first line as a heading's text opens with.
    """
    if j - i != 1 or i == 0 or lines[i - 1].kind not in _RUNNING_TEXT or not _QUOTED_ALONE_RE.match(lines[i].text):
        return False
    below = [ln.width for ln in _text_lines_from(lines, j, COLUMN_PROBE_LINES)]
    if not _shows_a_column(below):
        return False
    column = max(below)
    fills = abs(lines[i - 1].width + lines[i].width - column) <= PIECES_FILL_SLACK
    return fills and below[0] >= column - FULL_LINE_SLACK


def _fills_an_inset_measure(lines: list[Line], i: int, j: int) -> bool:
    """Line ``i`` alone is the last line of text set narrow beside an inset, not a crosshead under it.

    Text beside an inset runs at a measure well short of its column (``BOXED_HEAD_SHARE`` of the
    text under the break that follows) and pdftotext gives its last line after a sentence end like
    any other (``为强化监督的抓手。`` / ``监督执纪“四种形态”`` / break / ``为全面从严治党…``). A crosshead
    stands in the full column, after a break or a paragraph's end, centred short of the measure; a
    line with text straight above it, as wide as that narrow text's full lines, fills their measure.
    """
    if j - i != 1 or i < INSET_PROBE_LINES or j + 1 >= len(lines) or lines[j].kind != BLANK:
        return False  # most runs: cheap checks first
    above = lines[i - INSET_PROBE_LINES:i]
    if any(ln.kind not in _RUNNING_TEXT for ln in above) or not _shows_a_column([ln.width for ln in above]):
        return False
    measure = max(ln.width for ln in above)
    return lines[i].width >= measure - FULL_LINE_SLACK and _runs_on_wider_below(lines, j + 1, measure)


def _runs_on_wider_below(lines: list[Line], k: int, measure: float) -> bool:
    """The text from line ``k`` runs at a column the ``measure`` is a narrow share of, its first line full:
    text going on after an inset, no paragraph's indented opening nor a story's."""
    below = [ln.width for ln in _text_lines_from(lines, k, COLUMN_PROBE_LINES)]
    return _shows_a_column(below) and measure <= BOXED_HEAD_SHARE * max(below) \
        and below[0] >= max(below) - FULL_LINE_SLACK


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
        _set_kind(lines, i, step, HEAD)


def _stands_apart(lines: list[Line], i: int, j: int) -> bool:
    """The heading-shaped run ``lines[i:j]`` is short and has a heading's neighbours above and below.

    Over a story's dateline a run may be longer: a narrow measure wraps a headline onto more lines. So may a run
    that fills one measure and stops short with no sentence mark (``_stops_short``): text that stops short ends a
    paragraph on a sentence mark.
    """
    return (j - i <= MAX_HEAD_RUN or _over_a_story_opening(lines, j) or _stops_short(lines, i, j)
            or _narrower_than_text_above(lines, i, j)) \
        and _apart_from_above(lines, i) and _apart_from_below(lines, j)


def _apart_from_above(lines: list[Line], i: int) -> bool:
    """Above line ``i``: the page top, a line no heading runs into, or text whose sentence ended."""
    if i == 0:
        return True
    before = lines[i - 1]
    return before.kind in _HEAD_NEIGHBOURS or (before.kind in _RUNNING_TEXT and _text_ended(lines, i - 1))


def _apart_from_below(lines: list[Line], j: int) -> bool:
    """From line ``j`` on (the line after a heading-shaped run): what a heading may stand over.

    A run ending on a lone character that finishes the word above it (``_is_wrap_stub``) is a heading wrapped at
    its measure, over whatever follows: the next heading of a stack too, at any width.
    """
    if j >= len(lines):
        return True
    after = lines[j]
    if after.kind == JUMP and "转" in after.text:
        return False  # （下转第4版） closes text that goes on elsewhere; a heading does not go on
    return after.kind in _HEAD_NEIGHBOURS or after.kind in (DATELINE, BULLET) \
        or (after.kind in _TEXT and (_stands_apart_from(lines[j - 1], lines, j) or _is_wrap_stub(lines, j - 1)))


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
INDENT_MIN: Final = 1.5
INDENT_MAX: Final = 3.5
#: Text lines read above a line to tell the narrow measure of text set beside an inset. Calibration: wild
#: 011607 sets four (9, 6, 8, 9 wide) above its last line; two could be any paragraph's end.
INSET_PROBE_LINES: Final = 4
#: Prose lines under a column break read to measure the column's width.
COLUMN_PROBE_LINES: Final = 4
#: Two of the first three prose lines under it (the first among them) must be
#: this close to the widest to show a column at all (a paragraph's short last
#: line shows none; quotes and digits measure narrow).
STEADY_COLUMN_SLACK: Final = 1.5
#: Lines as wide as the column (within ``STEADY_COLUMN_SLACK``) that show it: one full line may be a
#: paragraph's widest by chance.
STEADY_COLUMN_LINES: Final = 2
#: Text lines under a heading printed straight above them read for the column it may be wider than.
HEAD_COLUMN_PROBE_LINES: Final = 3
#: A line this much wider than the prose column under it cannot belong to
#: that column: it spans columns, as headings do.
HEAD_WIDER_THAN_TEXT: Final = 2.0


def _stands_apart_from(head: Line, lines: list[Line], j: int) -> bool:
    """A heading line directly above prose: clearly shorter, or wider than its column.

    >>> body = [Line(2, "走进靖宇县孤家子镇的农户庭院，", 16.0, PROSE), Line(3, "一排排大棚整齐排列，棚内的香菇长", 16.0, PROSE)]
    >>> _stands_apart_from(Line(1, "靖宇县孤家子镇发展庭院经济带动农民增收", 19.0, HEADISH), [Line(1, "", 0.0, BLANK)] + body, 1)
    True
    """
    if _opens_indented_paragraph(lines, j) or _is_stray_character(lines, j) or _next_opens_a_sentence(lines, j - 1):
        return True
    if _justified(head):
        return False  # its spaces are the stretch of a justified line of text: it measures short of what it prints
    if _stands_short_of(head, lines[j]):
        return True
    below = [ln.width for ln in _text_lines_from(lines, j, HEAD_COLUMN_PROBE_LINES)]
    return _shows_a_column(below) and head.width >= max(below) + HEAD_WIDER_THAN_TEXT


def _justified(line: Line) -> bool:
    """A letterspaced line that is no couplet: an extractor spaces out the characters of a line justification stretched.

    >>> _justified(Line(1, "近 来 见 到 的 俄 罗 斯 朋 友", 10.0, HEADISH)), _justified(Line(1, "明 确 思 路    笃 行 实 干", 8.0, HEAD))
    (True, False)
    """
    return is_letterspaced(line.text) and not is_one_line_couplet(line.text)


def _stands_short_of(head: Line, text: Line) -> bool:
    """A heading line directly above prose is clearly shorter than that prose.

    A crosshead the PDF drew twice is a heading whatever its width.

    >>> _stands_short_of(Line(1, "人居环境持续改善", 8.0, HEADISH), Line(2, "深入开展村庄清洁行动，全", 12.0, PROSE))
    True
    """
    return head.width <= text.width - HEAD_SHORT_OF_TEXT or bool(split_doubled(head.text)[1])


def _is_stray_character(lines: list[Line], j: int) -> bool:
    """A lone character on its own line before a break: no prose, but a name set vertically.

    pdftotext emits an author's name printed vertically beside an essay one
    character per line, and the first lands right under the essay's title
    (``建设海洋强国需完善海洋法律体系`` / ``周``).
    """
    line = lines[j]
    return len(line.text) == 1 and is_basic_han(line.text) and (j + 1 == len(lines) or lines[j + 1].kind == BLANK)


def _shows_a_column(widths: list[float], column: float | None = None) -> bool:
    """Two of the lines are within ``STEADY_COLUMN_SLACK`` of the column (by default the widest of them).

    A paragraph's short last line and the next one's indented first line show none.

    >>> _shows_a_column([16.0, 15.5, 9.0]), _shows_a_column([16.0, 9.0, 12.0])
    (True, False)
    """
    if not widths:
        return False
    column = max(widths) if column is None else column
    return sum(w >= column - STEADY_COLUMN_SLACK for w in widths) >= STEADY_COLUMN_LINES


def _text_lines_from(lines: list[Line], j: int, count: int) -> list[Line]:
    """Up to ``count`` prose lines from ``j`` on, across column breaks inside a paragraph.

    A blank line after a finished sentence ends the text: what follows it may
    be anything; so does a heading-shaped line after a blank.
    """
    out: list[Line] = []
    after_break = False
    for ln in islice(lines, j, None):
        if ln.kind == BLANK:
            if out and out[-1].terminal:
                break
            after_break = True
            continue
        if ln.kind not in _TEXT or (after_break and ln.kind == HEADISH) or len(out) == count:
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
    if first.kind not in _TEXT or first.terminal:
        return False
    if _DATE_OPENING_RE.match(first.text):
        return True  # ``11 月17 日，铁``: a date and a comma open a paragraph, however the digits measure
    if _has_narrow_characters(first.text) or _next_opens_a_sentence(lines, j):
        return False
    below = _true_widths_under(lines, j)
    if len(below) < STEADY_COLUMN_LINES:
        return False
    column = max(below)
    return _shows_a_column(below, column) and column - INDENT_MAX <= first.width <= column - INDENT_MIN


def _true_widths_under(lines: list[Line], j: int) -> list[float]:
    """The widths of the first text lines under line ``j`` that show a true width, as many as show a column.

    Narrow characters, and the spaces of letterspaced lines, show no true width.
    """
    shown = (ln.width for ln in _text_lines_from(lines, j + 1, COLUMN_PROBE_LINES)
             if not _has_narrow_characters(ln.text) and not is_letterspaced(ln.text))
    return list(islice(shown, STEADY_COLUMN_LINES))


#: A day of a month: ``11 月17 日``.
_DATE: Final = rf"[{DIGIT_CLASS}]{{1,2}}\s*月\s*[{DIGIT_CLASS}]{{1,2}}\s*日"
#: A date and a comma, the way a news paragraph (or a caption) opens: ``11 月17 日，``.
_DATE_OPENING_RE: Final = re.compile(_DATE + r"\s*[，,]")
#: How a news text's first sentence opens: a date, a time word or ``…以来``, then a comma.
_SENTENCE_OPENING_RE: Final = re.compile(
    rf"(?:{_DATE}|近日|日前|今天|今日|昨天|昨日|当天|目前|[{HAN_BASIC}]{{1,4}}以来)\s*[，,]")


def _next_opens_a_sentence(lines: list[Line], j: int) -> bool:
    """The line after ``j`` opens a sentence (``近日，``), so line ``j``, unfinished, does not run into it.

    Such a line is a headline's subject line printed straight above the
    text, however close its width is to an indent's.
    """
    nxt = lines[j + 1] if j + 1 < len(lines) else None
    return nxt is not None and nxt.kind in _TEXT and _SENTENCE_OPENING_RE.match(nxt.text) is not None \
        and not break_splits_word(lines[j].text, nxt.text)


def _has_narrow_characters(text: str) -> bool:
    """ASCII characters, or ``·``: they measure half a unit, so a line holding them shows no true width."""
    return _NARROW.search(text) is not None


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
    widths = _widths_after_a_break(lines, j)
    if len(widths) < STEADY_COLUMN_LINES:
        return False
    column = max(widths)
    if not _shows_a_column(widths[:HEAD_COLUMN_PROBE_LINES], column) or widths[0] < column - STEADY_COLUMN_SLACK:
        return False  # no two lines show the column (quotes and digits measure narrow)
    runs_on = widths[0] >= column - FULL_LINE_SLACK  # the text under the break is no paragraph start
    return _fill(lines, i, j, column, runs_on)


def _widths_after_a_break(lines: list[Line], j: int) -> list[float]:
    """The widths of up to ``COLUMN_PROBE_LINES`` text lines after the break at line ``j`` (none without a break)."""
    k = next_nonblank(lines, j)
    if k == j:
        return []
    widths = []
    for ln in lines[k:k + COLUMN_PROBE_LINES]:
        if ln.kind not in _TEXT:
            break
        widths.append(ln.width)
    return widths


def _fill(lines: list[Line], i: int, j: int, column: float, runs_on: bool) -> bool:
    """The run ``lines[i:j]`` fills the column: its first line full or an indent short, every other line full."""
    first = lines[i].width
    opens_full = abs(first - column) <= FULL_LINE_SLACK
    opens_indented = column - INDENT_MAX <= first <= column - INDENT_MIN and runs_on
    if j - i == 1:
        return opens_full or opens_indented
    rest_full = all(abs(ln.width - column) <= FULL_LINE_SLACK for ln in lines[i + 1:j])
    return runs_on and rest_full and (opens_full or opens_indented)


def _under_a_headline(lines: list[Line], i: int) -> bool:
    """Heading lines above line ``i`` (blanks between allowed) that are a headline, not a crosshead.

    A headline has two lines or more, or is a couplet on one line; a single
    phrase is a crosshead (drawn twice or not), and the text under a crosshead
    is a section's, however well it fits the column.
    """
    heads: list[Line] = []
    k = i - 1
    while k >= 0 and lines[k].kind in (HEAD, SUBTITLE, BLANK):
        if lines[k].kind != BLANK:
            heads.append(lines[k])
        k -= 1
    if len(heads) == 1:
        return heads[0].kind == SUBTITLE or is_one_line_couplet(heads[0].text)
    return len(heads) > 1


def _run_splits_word(lines: list[Line], i: int, j: int) -> bool:
    """Heading-shaped lines whose breaks cut words (危化企|业) are wrapped prose.

    Pairs shaped like a couplet (two short lines of about equal width) must
    strand a single character (监|督): the tokenizer may read an odd word
    across two parallel phrases (初心|共筑).
    """
    return any(wrap_cuts_word(a, b) for a, b in zip(lines[i:j - 1], lines[i + 1:j]))


def wrap_cuts_word(a: Line, b: Line) -> bool:
    """The break between lines ``a`` and ``b`` cuts a word: they are one phrase wrapped at its measure.

    A pair shaped like a couplet must strand a single character (``_run_splits_word``).

    >>> wrap_cuts_word(Line(1, "报告文学收", 5.0, HEAD), Line(2, "获不丰", 3.0, HEAD))
    True
    >>> wrap_cuts_word(Line(1, "不忘育人初心", 6.0, HEAD), Line(2, "共筑廉洁校园", 6.0, HEAD))
    False
    """
    return break_strands_a_character(a.text, b.text) if couplet_shaped(a, b) else break_splits_word(a.text, b.text)


#: Couplet halves are short and about equally long (seeds: 4–7 units each;
#: generated and wild couplets differ by at most 2).
COUPLET_MAX_WIDTH: Final = 12.0
COUPLET_MAX_DIFF: Final = 2.0


def couplet_shaped(a: Line, b: Line) -> bool:
    """Two lines short enough and about equal enough to be a headline couplet.

    >>> couplet_shaped(Line(1, "不忘育人初心", 6.0, HEAD), Line(2, "共筑廉洁校园", 6.0, HEAD))
    True
    """
    return a.width <= COUPLET_MAX_WIDTH and b.width <= COUPLET_MAX_WIDTH and abs(a.width - b.width) <= COUPLET_MAX_DIFF


#: Two phrases of two to twelve characters with a gap between (a space or an ideographic space).
_COUPLET_ONE_LINE_RE: Final = re.compile(r"^\s*(\S{2,12})\s+(\S{2,12})\s*$")


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


#: Words that need what follows them: prepositions, conjunctions, the copula and the particle 的.
#: A line whose last word is one of them goes on in the next line, as no heading does (of 13,534
#: headlines, subheadlines and crossheads of the gate, generated and linehab golds, 6 end so:
#: ``…是这样出生的``, a name ``张大和``).
FUNCTION_WORDS: Final = frozenset(
    "的 把 被 从 向 对 将 于 及 而 并 在 着 是 和 与 比 为 给 让 使 以 跟 同 就是 但是 因为 所以 如果 虽然 以及 并且 "
    "而且 通过 根据 关于 对于 由于 为了 按照 随着 作为 不仅 而是 还是 或者".split())
#: Characters of a line's end given to the tokenizer to find its last word.
LAST_WORD_CONTEXT: Final = 6


@lru_cache(maxsize=4096)  # asked of the last line of each heading-shaped run
def ends_mid_phrase(text: str) -> bool:
    """The line's last word is a function word (``FUNCTION_WORDS``): its sentence goes on after it.

    >>> ends_mid_phrase("一 个 观 念 上 的 误 区 就 是"), ends_mid_phrase("所等开展执法检查和"), ends_mid_phrase("依然存在")
    (True, True, False)
    """
    tail = unletterspace(text).replace(" ", "")[-LAST_WORD_CONTEXT:]
    words = list(rjieba.cut(tail)) if tail else []
    return bool(words) and words[-1] in FUNCTION_WORDS


#: Words no phrase opens with: a structural particle (的之地得), an aspect particle (了着过), 于/在于 that tie what
#: goes before to what follows. Of the two-line headlines on gate, gen42 and gen7 printed with a space (70
#: distinct couplets, 38 wrapped), a second line opens with one in 0 couplets and 3 wrapped headlines.
PHRASE_NEVER_OPENS: Final = frozenset("的 之 地 得 了 着 过 于 在于".split())


def opens_mid_phrase(text: str) -> bool:
    """The line's first word is one no phrase opens with (``PHRASE_NEVER_OPENS``): it goes on from the line above.

    >>> opens_mid_phrase("的菜单"), opens_mid_phrase("在于改善生态"), opens_mid_phrase("在京度佳节")
    (True, True, False)
    """
    head = unletterspace(text).replace(" ", "")[:LAST_WORD_CONTEXT]
    return next(iter(rjieba.cut(head)), "") in PHRASE_NEVER_OPENS if head else False


def _continues_into_prose(lines: list[Line], j: int) -> bool:
    """True when the line before ``j`` breaks a word that the next prose line ends.

    A paragraph's first line cut off by a column break looks like a heading
    (no punctuation, blank below); the word it breaks gives it away.
    """
    k = next_nonblank(lines, j)
    return k < len(lines) and lines[k].kind in _TEXT and break_splits_word(lines[j - 1].text, lines[k].text)


# --- crossheads in a series -----------------------------------------------------------------

#: A crosshead set in a box inside an essay's column is at most this share of the column wide, on each line.
#: Calibration: the wild essays' boxed crossheads run 2-11 wide in columns of 15-17 (0.73 at most); no run
#: of two to five such lines after a blank, in gate, gen42/7/99 or the seeds, shares a phrase with another.
BOXED_HEAD_SHARE: Final = 0.75
#: Lines a boxed crosshead wraps onto: two to five (the wild essays' run 2-4).
BOXED_HEAD_LINES: Final = (2, 5)
#: Characters two crossheads of one series share in a row: parallel headings repeat a phrase
#: (``社会主要矛盾变化标志着…`` / ``…把握全面从严治党永远在路上`` / ``…“一国两制”…``). Calibration: 4 is the
#: shortest the wild series share (一国两制); with it, no boxed runs of gate, gen42/7/11/99 or the seeds pair up.
SERIES_SHARED_CHARS: Final = 4
#: Lines of one box differ in width by at most this (full-width units): a box sets its phrase at one measure, so
#: the same phrase wraps to the same widths (wild 013107: 6/8/4 both); half a unit allows a half-width mark.
BOX_WIDTH_SLACK: Final = 0.5
#: A series' box whose first line leaves room for an ornament stops it this much short of the second (full-width
#: units). Calibration: wild 011607's boxes run 7/9, 7/8, 7/9 and 012907's 6/8, 6/8/2; text beside an inset fills
#: every line but its last; gate, gen42/7/11/99 and the seeds come out the same with it.
ORNAMENT_ROOM: Final = 1.0
#: Marks a boxed crosshead may hold: an enumeration comma (``拓展提升、经济社会发展``), none that ends a clause.
_CLAUSE_MARK: Final = re.compile(f"[{re.escape(CLAUSE_MARKS)}]")


def _mark_crosshead_series(lines: list[Line]) -> None:
    """Boxed runs of narrow lines that repeat a phrase among themselves are an essay's crossheads, in place.

    An essay's sections are headed alike, in a box narrower than its column set after a break with the
    section's text straight under it; pdftotext gives each box as a run of short lines cut mid-word, which
    reads as text. Alone such a run could be text around an inset; two that share a phrase are a series.
    """
    column = _page_column(lines)
    boxed = list(_boxed_runs(lines, column))
    series = [run for run in boxed if any(_same_series(lines, run, other) or _same_ornamented_box(lines, run, other)
                                          for other in boxed)]
    if series:  # a box set apart counts only in the shape of a series' box: most pages have none to look for
        series += [run for run in _boxes_apart(lines, column)
                   if any(_same_box(lines, run, other) or _same_ornamented_box(lines, run, other) for other in series)]
    for i, j in series:
        for ln in lines[i:j]:
            ln.kind, ln.in_series = HEAD, True


def _same_series(lines: list[Line], run: tuple[int, int], other: tuple[int, int]) -> bool:
    """Two boxed runs that repeat a phrase: crossheads of one series."""
    return run != other and _share_a_phrase(_letters(lines, *run), _letters(lines, *other))


def _same_box(lines: list[Line], run: tuple[int, int], other: tuple[int, int]) -> bool:
    """A run printed in the very box of a series' crosshead: the same phrase repeated, each line as wide."""
    widths = [ln.width for ln in lines[run[0]:run[1]]]
    others = [ln.width for ln in lines[other[0]:other[1]]]
    return _same_series(lines, run, other) and len(widths) == len(others) \
        and all(abs(a - b) <= BOX_WIDTH_SLACK for a, b in zip(widths, others))


def _same_ornamented_box(lines: list[Line], run: tuple[int, int], other: tuple[int, int]) -> bool:
    """Two runs in one box that leaves room for an ornament before its first line: crossheads of one series.

    A series' box often opens on a badge or number, so each crosshead's first line stops
    ``ORNAMENT_ROOM`` short of its second, and every line but the last is as wide in each box.
    Text wrapped at a measure fills every line but its last, and a run that repeats no phrase is
    no series by its widths alone (text beside an inset): the room left on the first line is the evidence.
    """
    widths = [ln.width for ln in lines[run[0]:run[1]]]
    others = [ln.width for ln in lines[other[0]:other[1]]]
    return run != other and len(widths) == len(others) and _leaves_ornament_room(widths) \
        and _leaves_ornament_room(others) and all(abs(a - b) <= BOX_WIDTH_SLACK for a, b in zip(widths[:-1], others))


def _leaves_ornament_room(widths: list[float]) -> bool:
    """The first line of a box stops at least ``ORNAMENT_ROOM`` short of the second.

    >>> _leaves_ornament_room([7.0, 9.0]), _leaves_ornament_room([6.0, 6.0, 3.0])
    (True, False)
    """
    return len(widths) >= 2 and widths[1] - widths[0] >= ORNAMENT_ROOM


def _boxes_apart(lines: list[Line], column: float) -> Iterable[tuple[int, int]]:
    """Boxed runs set apart by a break above and below, with text after the break.

    A box at the top of a column, over the tail of a section that began in the
    column before, is emitted between breaks; alone it could be any short
    lines, so it counts only in the shape of a series' box (``_same_box``).
    """
    low, high = BOXED_HEAD_LINES
    for i in _after_breaks(lines):
        j = _box_end(lines, i, column)
        if low <= j - i <= high and j + 1 < len(lines) and lines[j].kind == BLANK and lines[j + 1].kind == PROSE \
                and _narrower_than_below(lines, i, j + 1):
            yield i, j


def _page_column(lines: list[Line]) -> float:
    """The page's common text width: the median width of its prose lines (0 when it has none)."""
    widths = sorted([ln.width for ln in lines if ln.kind == PROSE and ln.width > 0])
    return widths[len(widths) // 2] if widths else 0.0


def _boxed_runs(lines: list[Line], column: float) -> Iterable[tuple[int, int]]:
    """Runs ``(i, j)`` after a blank of narrow lines with no clause mark, with a text line straight under them."""
    low, high = BOXED_HEAD_LINES
    for i in _after_breaks(lines):  # a run holds no blank: no run starts inside another
        j = _box_end(lines, i, column)
        if low <= j - i <= high and j < len(lines) and lines[j].kind == PROSE and _narrower_than_below(lines, i, j):
            yield i, j


def _box_end(lines: list[Line], i: int, column: float) -> int:
    """Where the run of lines from ``i`` that each fit a box in the column ends (``i`` when none does)."""
    j = i
    while j < len(lines) and _fits_a_box(lines[j], column):
        j += 1
    return j


def _after_breaks(lines: list[Line]) -> list[int]:
    """The lines straight after a blank line, in order: the few that passes needing a break above visit."""
    return [k + 1 for k, ln in enumerate(lines) if ln.kind == BLANK]


def _narrower_than_below(lines: list[Line], i: int, j: int) -> bool:
    """Every line of ``lines[i:j]`` fits a box in the column of the text from ``j`` (a narrow column's lines do not)."""
    below = [ln.width for ln in _text_lines_from(lines, j, COLUMN_PROBE_LINES)]
    return bool(below) and max(ln.width for ln in lines[i:j] if ln.kind != BLANK) <= BOXED_HEAD_SHARE * max(below)


def _fits_a_box(line: Line, column: float) -> bool:
    return line.kind in (PROSE, HEAD) and 0 < line.width <= BOXED_HEAD_SHARE * column \
        and _CLAUSE_MARK.search(line.text) is None


def _letters(lines: list[Line], i: int, j: int) -> str:
    """The run's words without spaces, quotes or marks."""
    return re.sub(r"\W", "", "".join(ln.text for ln in lines[i:j]))


def _share_a_phrase(a: str, b: str) -> bool:
    """``a`` and ``b`` hold the same ``SERIES_SHARED_CHARS`` characters in a row.

    >>> _share_a_phrase("全面准确贯彻一国两制方针", "深入推进一国两制实践"), _share_a_phrase("稳增长促发展", "保民生惠民生")
    (True, False)
    """
    n = SERIES_SHARED_CHARS
    return any(a[k:k + n] in b for k in range(len(a) - n + 1))


# --- lines set apart ---------------------------------------------------------------------


def _mark_lines_apart(lines: list[Line]) -> None:
    """Lines whose kind shows only beside their neighbours, in place.

    A lone character between breaks is a piece of a name set vertically
    (``STRAY``): pdftotext emits such a name one character per line between
    a column's lines (``经 略`` / ``江`` / ``海洋方面…``), and text never
    leaves one character alone between breaks (a paragraph's last line ends
    with punctuation). A heading listing with 、 among heading lines
    (``_is_listing_head``), a title split at its colon above a byline
    (``_title_above``) and a title with a colon above a dateline
    (``_is_colon_title_over_an_opening``) are headings.
    """
    kinds = [ln.kind for ln in lines]  # as they were: marking line j changes no line after it
    for j, kind in enumerate(kinds):
        if kind == BYLINE:
            _set_kind(lines, *_title_above(lines, j), HEAD)
        elif j and kinds[j - 1] != BLANK:
            continue  # each mark below needs a break above the line: most lines run on from the one above
        elif kind in (PROSE, HEAD) and _between_breaks(kinds, j) and _is_stray_character(lines, j):
            lines[j].kind = STRAY
        elif kind == PROSE and _is_title_apart(lines, kinds, j):
            lines[j].kind = HEAD


def _is_title_apart(lines: list[Line], kinds: list[LineKind], j: int) -> bool:
    """Prose line ``j`` is a heading by what stands around it: a listing among headings, or a colon title over a dateline."""
    return (_between_breaks(kinds, j) and _is_listing_head(lines, j)) or _is_colon_title_over_an_opening(lines, kinds, j)


def _is_colon_title_over_an_opening(lines: list[Line], kinds: list[LineKind], j: int) -> bool:
    """Line ``j``, after a break, over a dateline, is a title with a colon (``长沙：租台彩电过新年``).

    A colon is a sentence mark ``is_heading_shaped`` never lets a heading
    hold, but a title names its place or subject before one. A line holding
    one colon inside it and no other mark or end, after a break (or at the
    page's top) with a story's opening straight under it or after one break,
    is the headline of the story that opens there: text cut by a column break
    goes on in text, not in a dateline or an author's name.
    """
    line = lines[j]
    return (j == 0 or kinds[j - 1] == BLANK) and not line.terminal and line.width <= HEAD_MAX_WIDTH \
        and _over_a_story_opening(lines, j + 1, _STORY_OPENINGS) and _holds_one_colon_inside(line.text.strip())


def _holds_one_colon_inside(text: str) -> bool:
    """One colon, neither first nor last, and no other sentence mark.

    >>> _holds_one_colon_inside("长沙：租台彩电过新年"), _holds_one_colon_inside("会议指出："), _holds_one_colon_inside("他说：好，走")
    (True, False, False)
    """
    colons = [i for i, ch in enumerate(text) if ch in COLONS]
    return len(colons) == 1 and 0 < colons[0] < len(text) - 1 \
        and _SENTENCE_MARK.search(text.replace(text[colons[0]], "")) is None


def _between_breaks(kinds: list[LineKind], j: int) -> bool:
    """Line ``j`` has a blank line or the page's edge on both sides."""
    return (j == 0 or kinds[j - 1] == BLANK) and (j + 1 == len(kinds) or kinds[j + 1] == BLANK)


#: Marks a title split at its colon keeps: ``新时代：`` / ``：发展新方位``.
TITLE_COLONS: Final = COLONS


def _title_above(lines: list[Line], j: int) -> tuple[int, int]:
    """The lines ``[i, j)`` set apart straight above byline ``j`` that are a title split at its colon (maybe none).

    A title with a colon (``新时代：发展新方位 奋进新目标``) is printed in two
    sizes and emitted split at the colon, which ``is_heading_shaped`` reads
    as prose. No text line opens with a colon (typesetting keeps it at the
    end of the line before); straight above the author's name, after a
    break, with no sentence mark or end, such lines are the title.
    """
    k = j - 1
    while k >= 0 and _may_be_part_of_a_title(lines[k]):
        k -= 1
    if k < j - 1 and (k < 0 or lines[k].kind == BLANK) and any(ln.text[0] in TITLE_COLONS for ln in lines[k + 1:j]):
        return k + 1, j
    return j, j


def _may_be_part_of_a_title(line: Line) -> bool:
    """A heading, or a line of text that neither ends nor holds a sentence mark but for the colons at its ends."""
    return line.kind == HEAD or (line.kind == PROSE and not line.terminal
                                 and _SENTENCE_MARK.search(line.text.strip(TITLE_COLONS)) is None)


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
    return ln.kind == PROSE and "、" in ln.text and ln.width <= HEAD_MAX_WIDTH and ln.text[-1] != "、" \
        and not ln.terminal and _SENTENCE_MARK.search(ln.text.replace("、", "")) is None \
        and _is_head_or_edge(lines, prev_nonblank(lines, j - 1)) \
        and _is_head_or_edge(lines, next_nonblank(lines, j + 1))


def _is_head_or_edge(lines: list[Line], k: int) -> bool:
    """Line ``k`` is a heading, or ``k`` is past the page's edge."""
    return not 0 <= k < len(lines) or lines[k].kind == HEAD


def follows_a_blank(lines: list[Line], line: Line) -> bool:
    """The line before ``line`` on the page is blank.

    Lines keep their page numbers, and a repaired line stands for several
    (``repair.repair_lines``): a line's place in the list is found by its number.

    >>> page = classify_page("开展安全检查\\n\\n今天，全市开展\\n检查。")
    >>> follows_a_blank(page, page[2]), follows_a_blank(page, page[3])
    (True, False)
    """
    k = bisect_left(lines, line.no, key=attrgetter("no"))
    return k > 0 and lines[k - 1].kind == BLANK


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


# --- credits set apart from their text ------------------------------------------------------------


def _mark_credits_dropped_into_text(lines: list[Line]) -> None:
    """A closing credit between two lines of one sentence is set apart (STRAY), in place.

    An extractor may drop a trailing credit's line (``（记者 王芳）``) into the
    text it closes, between two lines: the line above stops mid-sentence and
    the text goes on under it. Read with the text, it would end the article
    there; set apart, the text resumes past it and ``articles`` takes it as
    the credit. (Under a dateline's head, the bracket is the dateline's.)
    """
    for k in range(1, len(lines) - 1):
        if lines[k].text.endswith(_CLOSING_BRACKETS) and _is_credit_alone(lines[k]) and _inside_a_sentence(lines, k):
            lines[k].kind = STRAY


def _is_credit_alone(line: Line) -> bool:
    """A line of text that is a closing credit and nothing else (``（记者 王芳）``)."""
    if line.kind != PROSE or not line.text.endswith(_CLOSING_BRACKETS):
        return False  # most lines: no credit's bracket closes them
    parsed = parse_trailing_credit(line.text)
    return parsed is not None and not parsed[1]


def _inside_a_sentence(lines: list[Line], k: int) -> bool:
    """Line ``k`` stands between a line of text that stopped mid-sentence and more text (blanks aside)."""
    above, below = prev_nonblank(lines, k - 1), next_nonblank(lines, k + 1)
    return above >= 0 and lines[above].kind == PROSE and not lines[above].terminal \
        and below < len(lines) and lines[below].kind in _TEXT


def _mark_names_after_author_notes(lines: list[Line]) -> None:
    """A name right after the end of an essay (``（作者为…教授）`` / ``陈先达``, ``…光辉彼岸。`` / ``欧阳辉``) signs it, in place.

    A note on the author closes an essay; so does a finished sentence. A
    name printed after it, set apart by breaks (pdftotext emits a name set
    beside the essay where it likes), heads no text of its own: a title's
    byline is set under its title, and an essay's name standing where its
    text ends signs that text. It is set apart (STRAY) so it opens nothing,
    and ``articles`` gives it to the essay it closes. A name straight over
    text heads that text; after a finished sentence only a bare personal
    name counts (``is_author_line``: a reporter's byline heads a report).
    """
    for k, ln in enumerate(lines):
        if ln.kind != BYLINE:
            continue  # most lines: only a byline can sign the essay above
        above = prev_nonblank(lines, k - 1)
        if above >= 0 and _closes_an_essay(lines, above, k) \
                and (k + 1 == len(lines) or lines[k + 1].kind == BLANK):
            ln.kind = STRAY


#: A heading line echoing a run-in heading is a name's length at most (a bare name is two to four characters).
NAME_MAX_CHARS: Final = 4
#: A run-in heading a bare name's length, with its full stop, lies within this many characters of its line's
#: start: a name is at most four characters, letterspaced at most seven (``AUTHOR_LINE_RE``), and the stop.
RUN_IN_HEAD_MAX_CHARS: Final = 8


def _mark_run_in_echoes(lines: list[Line]) -> None:
    """A bare "name" whose text opens a paragraph of the page as its run-in heading (``严监管。``) is that heading, in place.

    A surname can open a phrase (严监管, 高标准): standing alone it reads as
    an author's name. The page's text settles it: a paragraph that opens
    with the same words and a full stop (``严监管。金融业链条长``) uses them
    as its run-in heading, and a line restating it is a heading or a kicker,
    which no name is: it is set apart (STRAY), for no essay to take as its byline.
    A heading line of a name's length echoing one (``防风险`` over ``严监管``) is
    set apart alike: it is a kicker restating the run-ins, no crosshead of the text it lands on.
    """
    names = {unspaced(ln.text): k for k, ln in enumerate(lines) if _may_echo_a_run_in(ln)}
    if not names:
        return  # most pages: no bare name
    for k, ln in enumerate(lines):
        if ln.kind != PROSE or "。" not in ln.text[:RUN_IN_HEAD_MAX_CHARS]:
            continue  # most lines: no run-in heading a name's length
        opening, _, rest = unspaced(ln.text).partition("。")
        if opening in names and rest and _opens_a_paragraph(lines, k):
            lines[names.pop(opening)].kind = STRAY


def _may_echo_a_run_in(line: Line) -> bool:
    """A bare name's line, or a heading line no longer than one: either may restate a paragraph's run-in heading."""
    return (line.kind == BYLINE and is_author_line(line.text)) \
        or (line.kind == HEAD and len(unspaced(line.text)) <= NAME_MAX_CHARS)


def _opens_a_paragraph(lines: list[Line], k: int) -> bool:
    """Line ``k`` follows no unfinished text: what stands above it is not prose, or ends a sentence."""
    above = prev_nonblank(lines, k - 1)
    return above < 0 or lines[above].kind != PROSE or lines[above].terminal


def _closes_an_essay(lines: list[Line], above: int, k: int) -> bool:
    """Name ``k`` can sign the text that ends at line ``above``: a note on the author, or a finished sentence.

    After a finished sentence only a bare name set apart between breaks, with
    text under it, counts: a name over heading lines heads them.
    """
    if AUTHOR_NOTE_RE.match(lines[above].text) is not None:
        return True
    below = next_nonblank(lines, k + 1)
    return lines[above].kind == PROSE and lines[above].terminal and above < k - 1 \
        and is_author_line(lines[k].text) and below < len(lines) and lines[below].kind == PROSE


# --- names read inside a wrapped headline ---------------------------------------------------------------


#: Two lines of a headline wrapped at one narrow measure differ in width by at most this (a half-width digit or
#: mark in one of them).
NARROW_HEAD_WIDTH_SLACK: Final = 0.5


def _mark_names_inside_heads(lines: list[Line]) -> None:
    """Lines read as a bare name that are pieces of a wrapped headline: heading lines, in place.

    Two kinds of evidence, in this order (the second reads the heading lines the first makes): the piece fills
    the narrow measure of the heading lines around it (``_mark_names_inside_narrow_heads``), or it finishes the
    word the heading line above breaks (``_mark_head_wraps_read_as_names``).
    """
    _mark_names_inside_narrow_heads(lines)
    _mark_head_wraps_read_as_names(lines)


def _mark_names_inside_narrow_heads(lines: list[Line]) -> None:
    """Lines read as a bare name that are pieces of a headline wrapped at a narrow measure: heading lines, in place.

    A headline set in a narrow box wraps every two to four characters, and a piece that opens with a surname
    reads as a name (``社论评`` / ``论中国`` / ``成就斐`` / ``然前程``; ``江苏年`` / ``初布置``). Such a piece fills the
    measure of the heading lines straight above and under it, or opens the run after a break over a heading line
    as wide. On the gate pages all 16 bare names so placed are pieces of a headline; the names that sign a title
    wrapped at its measure (``李岚清``, ``温家宝``) have a break or text under them.
    """
    for k, ln in enumerate(lines):
        if ln.kind == BYLINE and is_author_line(ln.text) and _inside_a_narrow_head(lines, k):
            ln.kind = HEAD


def _inside_a_narrow_head(lines: list[Line], k: int) -> bool:
    """Line ``k`` has a heading line as wide straight under it, and one as wide straight above it or a break (or the
    page's top) above it."""
    above = lines[k - 1] if k > 0 else None
    below = lines[k + 1] if k + 1 < len(lines) else None
    return _as_wide_heading(below, lines[k]) \
        and (above is None or above.kind == BLANK or _as_wide_heading(above, lines[k]))


def _as_wide_heading(other: Line | None, line: Line) -> bool:
    """``other`` is a heading line as wide as ``line``."""
    return other is not None and other.kind == HEAD and abs(other.width - line.width) <= NARROW_HEAD_WIDTH_SLACK


def _mark_head_wraps_read_as_names(lines: list[Line]) -> None:
    """A name-shaped line set between two heading lines that reads on from the line above (``_reads_on_from``) is a heading.

    A headline wrapped in a narrow column breaks its words anywhere, and a piece of two or three characters
    reads as a bare name (``集中资`` / ``金保证`` / ``重点加``, ``引导文`` / ``明施工`` / ``营造宜``): a byline, which
    ends the heading and leaves the rest a head of no text. A byline stands under its heading, not inside it, and
    shares no word with it. Only inside a heading (``_heading_goes_on_under``): a piece that ends the heading
    over a break and other text (``钱其琛会见陈`` / ``方安生``) is read right too, but heads then move elsewhere
    (gate headline_acc +0.011, yet unread-a article_f1 -0.0004, unread-b -0.0008), so it is left a byline.
    """
    for k in range(1, len(lines) - 1):
        ln = lines[k]
        if ln.kind == BYLINE and lines[k - 1].kind == HEAD and _heading_goes_on_under(lines, k) \
                and AUTHOR_LINE_RE.match(ln.text.strip()) is not None and _reads_on_from(lines[k - 1], ln):
            ln.kind = HEAD


def _reads_on_from(above: Line, ln: Line) -> bool:
    """A name-shaped line reads on from the heading line above: it finishes the word the break cut, or it is a
    verb after a word the dictionary does not tag as a surname (``武警先进典型代表`` / ``时指出``), a
    headline's last words and no name."""
    return break_splits_word(above.text, ln.text) or ends_on_a_verb_after_no_surname(ln.text.replace(" ", ""))


def _heading_goes_on_under(lines: list[Line], k: int) -> bool:
    """Under line ``k`` the heading goes on (a heading or subtitle line straight under it), or its story opens
    after a break (``钱其琛会见陈`` / ``方安生`` / blank / ``新华社北京1月6日电``): a byline over a story is a reporter's,
    which the dateline names itself. The story's dateline after a break: gate/unread-a headline_acc
    +0.0027/+0.0005, nothing worse; its prose instead: unread-a article_f1 -0.0004."""
    under = lines[k + 1].kind
    if under != BLANK:
        return under in (HEAD, SUBTITLE)
    below = next_nonblank(lines, k + 1)
    return below < len(lines) and lines[below].kind == DATELINE


# --- names set vertically ------------------------------------------------------------------------


def _mark_vertical_names(lines: list[Line]) -> None:
    """The characters of an author's name set vertically beside an essay, in place.

    pdftotext emits such a name one character per line: the first right
    under the essay's title (``社会主要矛盾新变化与民族复兴新境界`` / ``叶``),
    the others where the columns beside it start (``当时的中`` / blank /
    ``帆`` / ``国一穷二白``). A surname alone under a heading is the name's
    first character: a BYLINE, which the title's group takes (not when it
    finishes the heading's last word: ``_is_wrap_stub``). A character
    alone at the top of a column of text (a break above it, text under it)
    is the next piece of it (STRAY), when a name's first character awaits
    it: a fragment of text cut off at a column's top looks alike. A character
    set apart between breaks is a piece already (``_mark_lines_apart``).
    ``articles`` puts the pieces together.
    """
    awaiting = False  # a name's first character was read under a heading, the rest not yet
    for k, ln in enumerate(lines):
        if len(ln.text) != 1 or not _is_lone_character(ln):
            continue  # most lines: more than one character
        if ln.kind == STRAY:
            awaiting = False
        elif _under_a_heading(lines, k) and opens_a_name(ln.text.strip()) and not _is_wrap_stub(lines, k):
            ln.kind, awaiting = BYLINE, True
        elif awaiting and _at_a_column_top_inside_text(lines, k):
            ln.kind, awaiting = STRAY, False


def _is_lone_character(line: Line) -> bool:
    """A line of one Chinese character of running text, read as text or set apart (STRAY)."""
    if line.kind not in (PROSE, HEAD, STRAY):
        return False
    text = line.text.strip()
    return len(text) == 1 and is_basic_han(text)


def _under_a_heading(lines: list[Line], k: int) -> bool:
    """Line ``k`` stands straight under a heading line, with a break, the page's end or text under it."""
    return k > 0 and lines[k - 1].kind in (HEAD, SUBTITLE) \
        and (k + 1 == len(lines) or lines[k + 1].kind in (BLANK, *_TEXT))


def _at_a_column_top_inside_text(lines: list[Line], k: int) -> bool:
    """Line ``k`` follows a break after text, with text straight under it: the top of a column of running text."""
    above = prev_nonblank(lines, k - 1)
    return 0 <= above < k - 1 and lines[above].kind in _RUNNING_TEXT \
        and k + 1 < len(lines) and lines[k + 1].kind in _TEXT


# --- page furniture and datelines, by their neighbours ----------------------------------------

#: Widest line that can hold only the start of a dateline cut by a line
#: break (``《城市晚报》`` / ``讯（记者 …``, ``本报`` / ``讯``).
CUT_DATELINE_MAX_WIDTH: Final = 8.0


def _mark_cut_datelines(lines: list[Line]) -> None:
    """A dateline broken early in a narrow column opens a story, in place.

    ``《城市晚报》`` alone on a short line, with ``讯（特派记者 …`` on the next,
    or ``新华社成都5`` with ``月3日电（记者 冯``, is read as one dateline: the
    first line is marked DATELINE. A narrow column is often letterspaced
    (``新 华 社 莫 斯 科 1`` / ``月５日电中亚五国首``): the two lines are read
    without their spaces too.
    """
    for ln, nxt in zip(lines, lines[1:]):
        if ln.width <= CUT_DATELINE_MAX_WIDTH and ln.kind in _TEXT and nxt.kind != BLANK \
                and _cut_dateline(ln.text + nxt.text) and not DATELINE_START_RE.match(nxt.text):
            ln.kind = DATELINE


#: Lines a brief's lead and the start of its dateline fill at most in a narrow column (``○陈方安生将率团`` /
#: ``出访美加本报香港`` / ``1月9日电``): every ring brief on the gate pages shows its dateline within three.
RING_BRIEF_LINES: Final = 3


def _mark_ring_briefs(lines: list[Line]) -> None:
    """A line opened by a ring (``○``) whose first lines hold a dateline after a lead opens a brief, in place.

    A ring also prints a zero (``一九九`` / ``○年``) and marks the items of a list inside a text: only a
    story's opening, its dateline within ``RING_BRIEF_LINES`` lines, tells the brief (``○中共代表团出访`` /
    ``非洲三国 新华社北`` / ``京1月5日电``).
    """
    for i, ln in enumerate(lines):
        # (a ring anywhere in the line first: a line opening with one holds one, and most lines hold none)
        if ln.kind in _TEXT and RING in ln.text and _opens_with_ring(ln.text) and _BULLET_RE.match(ln.text):
            opening = list(islice((x.text for x in lines[i:] if x.kind != BLANK), RING_BRIEF_LINES))
            if dateline_after_lead(unspaced("".join(opening).lstrip()[1:])) is not None:
                ln.kind = BULLET


def _cut_dateline(joined: str) -> bool:
    """Two lines' text, as printed or without letterspacing, opens with a dateline.

    >>> _cut_dateline("新 华 社 莫 斯 科 1月５日电中亚五国首"), _cut_dateline("新华社记者最近在莫斯科")
    (True, False)
    """
    return DATELINE_START_RE.match(joined) is not None or DATELINE_START_RE.match(unspaced(joined)) is not None


def _keep_page_numbers_apart(lines: list[Line]) -> None:
    """A page-number-shaped line run into prose is text (``15 天后抵达俄罗``), in place.

    Dates and editor lines are told by their words; a number and a short
    name (``7 理论``) or a running head in Latin capitals are page furniture
    unless a sentence runs through them: the text above stops mid-sentence,
    or the break below cuts a word (``俄罗`` / ``斯莫斯科``). pdftotext may
    print furniture anywhere in the page's reading order, straight after a
    finished paragraph too.
    """
    for k, ln in enumerate(lines):
        if ln.kind == FURNITURE and not _is_date_or_editor(ln.text, ln.width) and _runs_through(lines, k):
            ln.kind = HEADISH if is_heading_shaped(ln.text, ln.width) else PROSE


def _runs_through(lines: list[Line], k: int) -> bool:
    """A sentence runs through line ``k``: the line above is unfinished text, or the break below cuts a word."""
    above = lines[k - 1] if k > 0 else None
    below = lines[k + 1] if k + 1 < len(lines) else None
    return (above is not None and above.kind in (*_RUNNING_TEXT, HEADISH) and not above.terminal) \
        or (below is not None and below.kind in _TEXT and break_splits_word(lines[k].text, below.text))


# --- briefs ------------------------------------------------------------------------------------

#: A brief's lead before a gap has two characters or more: one character before a gap is letterspacing (``●城 区…``).
BULLET_LEAD_MIN_LENGTH: Final = 2
#: The gap after a brief's lead: an ideographic space, two spaces, or a space between Chinese characters.
_GAP_RE: Final = re.compile(rf"{IDEOGRAPHIC_SPACE}|\s{{2,}}|(?<=[{HAN_BASIC}])\s(?=[{HAN_BASIC}])")


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
    if m and m.start() >= BULLET_LEAD_MIN_LENGTH and is_heading_shaped(body[:m.start()], display_width(body[:m.start()])):
        return mark, body[:m.start()].strip(), body[m.end():].strip()
    if is_heading_shaped(body, display_width(body)) and not is_letterspaced(body):
        return mark, body, ""
    return mark, "", body
