"""Credits: datelines, bylines and photo credits, and the names inside them.

Chinese papers print a small set of credit shapes; each is recognised by its
*form* (a role word, a dateline word such as 讯 or 电, the mark 摄), never by
the names in it:

    本报讯（通讯员 杜文韬）        dateline opening a news story
    新华社北京9月9日电（记者 王芳） wire dateline
    本报通讯员 金鑫               standalone byline (features)
    本报通讯员 张馨月 摄          photo credit closing a caption

>>> parse_names("记者 王芳 通讯员 李强 赵磊")
['王芳', '李强', '赵磊']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from banmian.tasks.text.chars import (
    BOXES,
    BYLINE_MARKS,
    CLOSE_BRACKETS,
    COLONS,
    COMMAS,
    HAN,
    HAN_BASIC,
    NAME_BOX,
    NAME_CLASS,
    OPEN_BRACKETS,
)
from banmian.tasks.text.clean import (
    WIDE_GAP_RE,
    bracket_depth,
    ends_sentence,
    fold_fullwidth_alnum,
    fullwidth_punctuation,
    is_letterspaced,
    join_lines,
)
from banmian.tasks.text.lexicon import is_word_other_than_name
from banmian.tasks.text.pattern_first import found_ahead

#: Role words that precede names in a credit, longest first so that
#: 全媒体记者 wins over 记者.
ROLES: Final = (
    "首席记者", "全媒体记者", "融媒体记者", "摄影记者", "特派记者", "特约记者", "见习记者",
    "实习记者", "驻站记者", "特约通讯员", "通讯员", "实习生", "记者", "摄影", "作者",
)
_ROLE_ALT: Final = "|".join(ROLES)
_NAME_CHARS: Final = f"[{NAME_CLASS}]"
#: What separates the names in a credit: spaces and commas.
_NAME_SEP: Final = rf"[\s{COMMAS}]+"
_OPEN: Final = f"[{OPEN_BRACKETS}]"
_CLOSE: Final = f"[{CLOSE_BRACKETS}]"
_NOT_BRACKET: Final = f"[^{OPEN_BRACKETS}{CLOSE_BRACKETS}]"

#: News agencies and sites whose wire datelines open a story: ``新华社北京9月9日电``.
AGENCIES: Final = ("新华社", "中新社", "中新网", "央视网", "人民网", "新华网")
#: 本报讯 / 本报曲阜讯 / 《吉林日报》讯 / 新华社北京9月9日电 / 中新网…电, then the parenthesised credit.
#: The paper's own dateline: 本报讯, 本报曲阜讯, 本报北京1月5日电 (电 after a date, or before a
#: bracket or a space: 本报福州电 记者…; never 通讯员, nor 电 run into a word).
_OWN_PAPER_HEAD: Final = rf"本\s?报[{HAN}\w ]{{0,20}}?(?:讯(?!\s?员)|(?<=日)\s?电|电(?=[\s{OPEN_BRACKETS}]))"
_DATELINE_HEAD: Final = (
    rf"(?:{_OWN_PAPER_HEAD}|《[^》]{{1,12}}》[{HAN}]{{0,6}}讯(?!\s?员)"
    rf"|(?:{'|'.join(AGENCIES)})[{HAN}\w· ]{{0,24}}?电)"
)
#: The words that open a jump marker in brackets (``（上接第12版）``): a bracket after a dateline that is no credit.
JUMP_FROM_WORDS: Final = ("上接", "接上", "接第")   # the text goes on from another page
JUMP_TO_WORDS: Final = ("下转", "转下", "转第")     # the text goes on on another page
JUMP_MARKER_WORDS: Final = JUMP_FROM_WORDS + JUMP_TO_WORDS


def spaced_words(words: Sequence[str]) -> str:
    """A pattern matching any of ``words``, letterspaced or not (``上接``, ``上 接``).

    >>> [bool(re.fullmatch(spaced_words(("上接", "下转")), t)) for t in ("上接", "上 接", "下转", "上下")]
    [True, True, True, False]
    """
    return "|".join(r"\s?".join(word) for word in words)


_NOT_A_JUMP: Final = f"(?!\\s*(?:{spaced_words(JUMP_MARKER_WORDS)}))"
#: A story's dateline and its bracketed credit: ``本报讯（通讯员 杜文韬）``.
DATELINE_RE: Final = re.compile(
    rf"^\s*({_DATELINE_HEAD})\s*(?:{_OPEN}{_NOT_A_JUMP}({_NOT_BRACKET}{{0,60}}){_CLOSE})?")
#: A dateline whose closing bracket is on a later line: only its opening is seen.
DATELINE_START_RE: Final = re.compile(
    rf"^\s*(?:{_DATELINE_HEAD}|{_OPEN}据(?:新华社|中新社)[^{CLOSE_BRACKETS}]{{0,20}}电"
    rf"|(?:{'|'.join(AGENCIES)}|本报)\s*[{HAN}]{{2,8}}\s*\d{{1,2}}\s*月)"  # wire dateline cut before 电
)
#: A dateline's head anywhere in a text: where a brief's bold lead, run into it, ends.
_DATELINE_HEAD_RE: Final = re.compile(_DATELINE_HEAD)
#: Characters of a brief looked at for a dateline after its lead (a lead is a headline: 34 at most).
DATELINE_AFTER_LEAD_PROBE: Final = 40


def dateline_after_lead(text: str) -> int | None:
    """Where a dateline starts in a brief's first words, after its lead (``海南超额完成发行任务本报海口1月2日电…``).

    >>> dateline_after_lead("海南超额完成发行任务本报海口 1 月2 日电 记者…"), dateline_after_lead("本报讯（记者 王芳）近日")
    (10, 0)
    >>> dateline_after_lead("全市开展安全检查，记者从市里获悉")
    """
    m = _DATELINE_HEAD_RE.search(text, 0, DATELINE_AFTER_LEAD_PROBE)
    return None if m is None else m.start()


#: A wire's or the paper's dateline alone in brackets, closing its story: ``（本报珀斯1月7日电）``, ``（新华社北京1月1日电）``,
#: ``（本报开罗电）``: the agency or 本报, a place and date, and 电 (never a heading: the story above ends on it).
CLOSING_DATELINE_RE: Final = re.compile(
    rf"^\s*{_OPEN}\s*(?:{'|'.join(AGENCIES)}|本\s?报)[{HAN}\d\s]{{0,24}}?电\s*{_CLOSE}\s*$")


def is_closing_dateline(text: str) -> bool:
    """The text is a story's dateline alone in brackets (``CLOSING_DATELINE_RE``), its digits of any width.

    Asked of many lines: one that does not end on a closing bracket (most) is told so by one test.

    >>> is_closing_dateline("（本报珀斯 1月７ 日电）"), is_closing_dateline("（新华社发法新社照片）")
    (True, False)
    """
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in CLOSE_BRACKETS \
        and CLOSING_DATELINE_RE.match(fold_fullwidth_alnum(stripped)) is not None


#: （据新华社郑州9月9日电） as a whole dateline.
SOURCE_DATELINE_RE: Final = re.compile(rf"^\s*({_OPEN}据{_NOT_BRACKET}{{2,24}}?(?:电|报道){_CLOSE})")
#: A wire source with no date in brackets, ``（据新华社电）``, ``(据法新社报道)``: a note of where the text came from,
#: which stays at its end; a dated one (``（据新华社南京1月5日电）``) is the story's dateline (gate gold: the 4 undated
#: closing sources end the text, the 50 dated ones are bylines; PDF dev 0067, 0069).
UNDATED_SOURCE_RE: Final = re.compile(rf"{_OPEN}\s*据[^{OPEN_BRACKETS}{CLOSE_BRACKETS}\d]{{2,24}}?(?:电|报道)\s*{_CLOSE}")


def is_undated_source(credit: str) -> bool:
    """The credit is only a wire source with no date (``UNDATED_SOURCE_RE``): no dateline, the text keeps it.

    >>> is_undated_source("（据新华社电）"), is_undated_source("(据法新社报道)"), is_undated_source("（据新华社南京1月5日电）")
    (True, True, False)
    """
    return UNDATED_SOURCE_RE.fullmatch(credit.strip()) is not None

#: Who employs the person credited: 本报记者, 新华社记者, (or a paper named in 《》: 《吉林日报》记者).
ORGS: Final = ("本报", "本刊", "新华社", "中新社", "人民日报", "光明日报", "经济日报")
_PAPER: Final = "《[^》]{1,12}》"
#: The word for a correspondent posted abroad or to a province, after the employer: 本报驻日本记者.
POSTED: Final = "驻"
#: Where a correspondent is posted: a country, city or province of one to six characters.
_POST: Final = f"(?:{POSTED}[{HAN}]{{1,6}}?)?"
_ORG: Final = f"(?:(?:{'|'.join(ORGS)}|{_PAPER}){_POST})"
#: The first character of every employer and role word: where a credit's role opens, one of them stands.
_TOKEN_FIRSTS: Final = "".join(sorted({word[0] for word in (*ORGS, *ROLES, _PAPER)}))
#: An employer and a role (``本报记者``); the test for its first character before it spares most
#: lines the optional employer's backtracking.
_BYLINE_TOKEN: Final = rf"(?=[{_TOKEN_FIRSTS}]){_ORG}?(?:{_ROLE_ALT})"
#: A whole line that is nothing but a byline: 本报通讯员 金鑫, □本报记者 X 本报通讯员 Y.
BYLINE_LINE_RE: Final = re.compile(
    rf"^[{BYLINE_MARKS}]?\s*{_BYLINE_TOKEN}\s*(?:{_NAME_CHARS}\s?){{2,8}}"
    rf"(?:\s+(?:{_BYLINE_TOKEN})?\s*(?:{_NAME_CHARS}\s?){{2,8}})*\s*$"
)


#: A paper's commentator, named by no one: ``本报评论员``, ``新华社特约评论员``. Papers print it under an
#: editorial's title, where the gold reads it as the subheadline.
COMMENTATOR_RE: Final = re.compile(rf"^\s*{_ORG}(?:特约)?评论员\s*$")


def is_commentator(text: str) -> bool:
    """The line names a paper's commentator (``本报评论员``): an editorial's signature, never a headline's half.

    >>> is_commentator("本报评论员"), is_commentator("新华社特约评论员"), is_commentator("评论员文章引起反响")
    (True, True, False)
    """
    return COMMENTATOR_RE.match(text) is not None


def any_of_ahead(chars: str, max_offset: int | None = None) -> str:
    """A regex lookahead: one of ``chars`` stands in the text (at most ``max_offset`` characters in).

    Set before a costly pattern whose every match holds one of ``chars`` there,
    it changes no match, and most lines fail it at once: the scan past the
    other characters is possessive, so it never backtracks.

    >>> bool(re.match(any_of_ahead("摄作") + "王", "王芳 摄")), bool(re.match(any_of_ahead("摄作", 2), "王芳 摄"))
    (True, False)
    """
    chars = re.escape(chars)
    others = f"[^{chars}]" + ("*+" if max_offset is None else f"{{0,{max_offset}}}+")  # possessive: no backtracking
    return f"(?={others}[{chars}])"


#: The marks that close a photo credit, in their normal form: 摄影报道 and 摄 (photographed by),
#: /摄 (set straight after the names), 文/图 and 图/文 (text and picture by the same people).
#: Longest first, so that 摄影报道 wins over 摄. Print may set the slash full width (／) or
#: spaced (``文 / 图``): ``_mark_pattern`` reads both.
PHOTO_MARKS: Final = ("摄影报道", "摄", "/摄", "文/图", "图/文")
#: The marks whose names wrote the text too: they are authors as well as photographers.
TEXT_AND_PHOTO_MARKS: Final = ("文/图", "图/文")
#: The marks the normal form sets straight after the names (``马波/摄``); the others after a space.
TIGHT_PHOTO_MARKS: Final = ("/摄",)


def _mark_pattern(mark: str) -> str:
    """A photo mark as a regex: its slash may be printed full width or with spaces around it."""
    return re.escape(mark).replace("/", r"\s?[/／]\s?")


_PHOTO_MARK_ALT: Final = "|".join(_mark_pattern(mark) for mark in PHOTO_MARKS)
#: The mark that closes a drawing's credit, ``X作（新华社发）``: only before an
#: agency's note (作 alone closes too many headings: ``扎实推进工作``).
DRAWING_MARK: Final = "作"
#: The closing marks, as regex alternatives: a drawing's only before its note.
_CLOSING_MARKS: Final = _PHOTO_MARK_ALT + rf"|{DRAWING_MARK}(?=\s*{_OPEN})"
#: A character every closing mark holds (its first but for a slash): a line with none of them is no photo credit.
_CLOSING_MARK_CHARS: Final = "".join(sorted({mark.lstrip("/")[0] for mark in (*PHOTO_MARKS, DRAWING_MARK)}))
#: A photo credit: optional role, names, then a closing mark; an agency's
#: note ``（新华社发）`` may follow, and then a drawing's ``DRAWING_MARK``. (The
#: lookahead for a mark anywhere in the line first spares most lines the names' backtracking,
#: and the test for a mark's character before it spares most lines that lookahead's.)
PHOTO_CREDIT_RE: Final = re.compile(
    rf"{any_of_ahead(_CLOSING_MARK_CHARS)}{found_ahead(_CLOSING_MARKS)}\s*(?:{_BYLINE_TOKEN})?\s*((?:{_NAME_CHARS}\s?){{2,12}}(?:\s+(?:{_NAME_CHARS}\s?){{2,5}})*)\s*"
    rf"({_CLOSING_MARKS})\s*(?:{_OPEN}{_NOT_BRACKET}{{1,8}}发{_CLOSE})?\s*$"
)

#: A line holding only a role, the first half of a credit split over two lines.
ROLE_ONLY_RE: Final = re.compile(rf"^\s*[{BOXES}]?\s*{_BYLINE_TOKEN}\s*$")

#: Role words as printed in a letterspaced credit too (通 讯 员).
_ROLE_SPACED_ALT: Final = "|".join(r"\s?".join(role) for role in ROLES)
_ORG_SPACED: Final = ("(?:(?:" + "|".join(r"\s?".join(org) for org in ORGS) + f"|{_PAPER})"
                      rf"(?:\s?{POSTED}(?:\s?[{HAN}]){{1,6}}?)?)")
#: A role as printed, maybe letterspaced (``本 报 记 者``).
_SPACED_TOKEN: Final = rf"(?:{_ORG_SPACED}\s?)?(?:{_ROLE_SPACED_ALT})"
#: A role word, as the one group: ``_ROLE_SPLIT_RE.split`` puts the role words
#: at the odd indices of its list, and no part between two of them is one
#: (the search would have found it first).
_ROLE_SPLIT_RE: Final = re.compile(f"({_SPACED_TOKEN})")
#: Spaces before or after a full-width bracket. Removed with a plain "" (a
#: replacement that names a group is expanded in Python for every match).
_PAREN_SPACE_RE: Final = re.compile(r"\s+(?=[（）])|(?<=[（）])\s+")
#: A photo mark closing a credit, maybe inside the credit's closing bracket (``王芳 摄``, ``（王芳 摄）``).
_PHOTO_MARK_END_RE: Final = re.compile(rf"\s*({_PHOTO_MARK_ALT})\s*([{CLOSE_BRACKETS}]?)\s*$")
#: What separates names in a credit, and one name.
_NAME_SEP_RE: Final = re.compile(_NAME_SEP)
_NAME_RE: Final = re.compile(f"{_NAME_CHARS}+")
#: Brackets, kept apart when a credit is normalised.
_CREDIT_MARKS_RE: Final = re.compile(r"([（）])")
#: The pieces ``_CREDIT_MARKS_RE`` splits off, kept as they are.
_CREDIT_MARKS: Final = ("（", "）")
#: A box before a letterspaced credit, with the space that reading it back leaves after it.
_SPACED_BOX_RE: Final = re.compile(f"^([{BOXES}]) ")


def unletterspace(text: str) -> str:
    """A credit line printed with a space between every character, read back.

    Single spaces go, a wider gap stays as one space, and role words are set
    apart from the names after them, so the credit patterns apply.

    >>> unletterspace("□本 报 记 者 姚 远 本 报 通 讯 员 赵 磊")
    '□本报记者 姚远 本报通讯员 赵磊'
    >>> unletterspace("记 者 陆 川 谢 雨 欣")
    '记者 陆川 谢雨欣'
    """
    if not is_letterspaced(text):
        return text
    joined = WIDE_GAP_RE.sub("\x00", text.strip()).replace(" ", "").replace("\x00", " ")
    joined, mark = split_photo_mark(joined)  # 摄影报道 holds the role word 摄影: set apart first
    # role words set apart: ``_ROLE_SPLIT_RE.sub(r" \1 ", joined)``, without a Python call per match
    tokens = " ".join(_ROLE_SPLIT_RE.split(joined)).split() + ([mark] if mark else [])
    out: list[str] = []
    for tok in tokens:
        m = _NAMES_AFTER_ROLE_RE.fullmatch(tok)
        if m and out and _ROLE_SPLIT_RE.fullmatch(out[-1]):
            tok = " ".join(split_run_of_names(m.group(1))) + m.group(2)
        out.append(tok)
    return _SPACED_BOX_RE.sub(r"\1", " ".join(out))


#: The names after a role word in a letterspaced credit, with a closing bracket.
_NAMES_AFTER_ROLE_RE: Final = re.compile(rf"([{HAN}]{{4,6}})({_CLOSE}?)")


@dataclass(slots=True)
class Credit:
    """A parsed credit: the normalised printed text and the names by role."""

    text: str
    authors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)


def split_run_of_names(run: str) -> list[str]:
    """Letterspaced names (``陆 川 谢 雨 欣``) lose the gap between names: find it again.

    Chinese names have two or three characters; a run of four to six is
    split where the next name starts with a common surname. A run that opens
    with a compound surname (欧阳晓峰), or that no split explains, stays one
    name.

    >>> split_run_of_names("陆川谢雨欣"), split_run_of_names("刘国昌魏巍"), split_run_of_names("欧阳晓峰")
    (['陆川', '谢雨欣'], ['刘国昌', '魏巍'], ['欧阳晓峰'])
    """
    if not 4 <= len(run) <= 6 or run.startswith(_COMPOUND_SURNAMES):
        return [run]
    for cut in (2, 3):
        rest = run[cut:]
        if 2 <= len(rest) <= 3 and (rest[0] in _SURNAMES or rest.startswith(_COMPOUND_SURNAMES)):
            return [run[:cut], rest]
    return [run]


def _merge_single_chars(tokens: list[str]) -> list[str]:
    """Names printed with a space inside (侯 缜) come out as one name (侯缜).

    A Chinese name has at least two characters, so runs of single-character
    tokens are pieces of one name; a lone single character joins the name
    before it, or the short name after it when the one before is whole
    (three characters already).
    """
    out: list[str] = []
    pending = ""  # the single characters since the last longer token
    for tok in tokens + [""]:
        if len(tok) == 1:
            pending += tok
            continue
        if pending:
            tok = _place_single_chars(out, pending, tok)
            pending = ""
        if tok:
            out.extend(_names_run_together(tok))
    return out


def _names_run_together(token: str) -> list[str]:
    """A token of a credit that is two names the print ran together (``张东波陈学如``), apart.

    Unlike a letterspaced run, an unspaced token is most often one name: it
    is split only when it opens with a common surname too (``索朗罗布`` stays).

    >>> _names_run_together("张东波陈学如"), _names_run_together("索朗罗布"), _names_run_together("王芳")
    (['张东波', '陈学如'], ['索朗罗布'], ['王芳'])
    """
    return split_run_of_names(token) if token[0] in _SURNAMES else [token]


def _place_single_chars(names: list[str], chars: str, tok: str) -> str:
    """Put a run of single characters among the ``names`` so far; returns the token that comes next.

    One character is a surname set off its given name (吴 禹浩, 彭丽娜 杜 文韬)
    when the name before is whole, or when it is a common surname and the
    name after opens with none (李登 申 维辰); else the end of the name
    before. With no name before it, it can only open the name after, however
    long (诸 葛仓麟: a line break inside a compound surname's name read as a
    space). A longer run is whole names printed letterspaced.
    """
    if len(chars) > 1:
        names.extend(split_run_of_names(chars))
    elif tok and not names:
        return chars + tok
    elif 0 < len(tok) <= 2 and (len(names[-1]) >= 3 or _opens_given_name(chars, tok)):
        return chars + tok
    elif names:
        names[-1] += chars
    else:
        names.append(chars)  # split_run_of_names of one character: the character
    return tok


def _opens_given_name(char: str, tok: str) -> bool:
    """A character set off before ``tok`` is its surname: a common surname, and ``tok`` opens with none."""
    return char in _SURNAMES and tok[0] not in _SURNAMES


def parse_names(text: str) -> list[str]:
    """Names in a credit body such as ``记者 王芳 通讯员 李强 赵磊``.

    Role words separate groups; within a group names are separated by spaces;
    single characters are parts of one name printed with a space inside.

    >>> parse_names("本报记者 侯 缜"), parse_names("通讯员 聂英博")
    (['侯缜'], ['聂英博'])
    """
    names: list[str] = []
    pieces = _ROLE_SPLIT_RE.split(text)  # the role words stand at the odd indices (``_ROLE_SPLIT_RE``)
    for k, part in enumerate(pieces[::2]):
        if not part or (k == 0 and _employs(part, pieces[1] if len(pieces) > 1 else "")):
            continue
        tokens = [t for t in _NAME_SEP_RE.split(part.strip(" " + BOXES)) if t]
        tokens = [t for t in tokens if _NAME_RE.fullmatch(t)]
        names.extend(_merge_single_chars(tokens))
    return names


#: Roles a name comes before, run into it (王芳摄影): the words before them are no employer.
_TRAILING_ROLES: Final = ("摄影", "作者")


def _employs(part: str, role: str) -> bool:
    """A credit's opening ``part`` run into the role word after it is the role's employer, no name
    (中央人民广播电台记者李涛): a name stands after its role, or apart before it (李涛、新华社记者), but for the
    roles set after a name (王芳摄影)."""
    return bool(role) and role.replace(" ", "") not in _TRAILING_ROLES and _NAME_SEP_RE.fullmatch(part[-1]) is None


def normalise_credit_text(text: str) -> str:
    """The credit as printed, normalised for storage.

    Full-width brackets, no letterspacing inside role words or names, one
    space between a role and its names and between names.

    >>> normalise_credit_text("本 报 讯(通讯员  聂英博)")
    '本报讯（通讯员 聂英博）'
    >>> normalise_credit_text("本报通讯员  侯 缜 摄")
    '本报通讯员 侯缜 摄'
    """
    text = fullwidth_punctuation(fold_fullwidth_alnum(text)).replace("(", "（").replace(")", "）")
    text, mark = split_photo_mark(" ".join(text.split()))
    # Rebuild around roles: role, then its names separated by single spaces.
    pieces: list[str] = []
    for k, part in enumerate(_ROLE_SPLIT_RE.split(text)):
        if k % 2:  # a role word (``_ROLE_SPLIT_RE``)
            pieces.append(part.replace(" ", ""))
        else:
            pieces.extend(_credit_pieces(part))
    # no space between the dateline head and its bracket, nor after a role that opens a bracket
    joined = _PAREN_SPACE_RE.sub("", _join_credit_pieces(pieces)).replace(" （", "（").strip()
    return joined + _normal_mark(mark)


def split_photo_mark(text: str) -> tuple[str, str]:
    """A credit's text before its closing photo mark, and the mark with what closes it (``摄）``), as printed.

    >>> split_photo_mark("王 芳 摄影报道"), split_photo_mark("（记者 王芳 摄）"), split_photo_mark("王芳")
    (('王 芳', '摄影报道'), ('（记者 王芳', '摄）'), ('王芳', ''))
    """
    m = _PHOTO_MARK_END_RE.search(text)
    if m is None:
        return text, ""
    return text[:m.start()], m.group(1) + m.group(2)


def _normal_mark(mark: str) -> str:
    """A photo mark as the normal form sets it after the names: ``" 摄"``, ``"/摄"``, ``" 文/图）"``."""
    if not mark:
        return ""
    mark = mark.replace(" ", "").replace("／", "/")
    return mark if mark.startswith(TIGHT_PHOTO_MARKS) else " " + mark


def _credit_pieces(part: str) -> list[str]:
    """The pieces of a credit between role words: brackets and the photo mark apart, names spaced by one space."""
    pieces: list[str] = []
    for seg in _CREDIT_MARKS_RE.split(part):
        if not seg:
            continue
        if seg in _CREDIT_MARKS:
            pieces.append(seg)
            continue
        toks = seg.split()
        if toks and all(_NAME_RE.fullmatch(t) for t in toks):
            pieces.append(" ".join(_merge_single_chars(toks)))
        else:
            pieces.append("".join(toks))
    return pieces


def _join_credit_pieces(pieces: list[str]) -> str:
    """A credit's pieces joined by one space, but none before or after a bracket's inside edge."""
    joined = ""
    for piece in pieces:
        if not joined:
            joined = piece
        elif piece in ("（", "）") or joined.endswith("（"):
            joined += piece
        else:
            joined += " " + piece
    return joined


#: Characters looked at to tell a letterspaced dateline (a dateline head is at most ~20).
LETTERSPACE_PROBE: Final = 24
#: The word that closes a dateline's credit in the 1998 style, before a colon: ``本报北京1月5日讯
#: 新华社记者尹鸿祝、本报记者毕全忠报道：`` (no bracket; names run on, parted by 、 or ，).
REPORTED_WORD: Final = "报道"
#: A name in a run of names: two to four characters, maybe with a space inside (``王 波``), no role word.
_NAME_IN_RUN: Final = rf"(?!{_ROLE_ALT})(?:{_NAME_CHARS}\s?){{2,4}}"
#: The reporters of a 1998-style dateline: names, maybe each group after its role, all parted by commas
#: (a wire story may name its reporters without a role: ``新华社广州1月10日电 李石元、张爱民报道：``).
_REPORTERS: Final = (rf"(?:{_BYLINE_TOKEN})?\s*{_NAME_IN_RUN}"
                     rf"(?:[{COMMAS}]\s*(?:{_BYLINE_TOKEN})?\s*{_NAME_IN_RUN})*")
#: The credit after a 1998-style dateline's head, up to its colon, as it reads with no spaces.
REPORTED_CREDIT_RE: Final = re.compile(rf"({_REPORTERS}){REPORTED_WORD}[{COLONS}]")
#: Where such a credit ends: 报道 and a colon, maybe letterspaced.
_REPORTED_END_RE: Final = re.compile(r"\s?".join(REPORTED_WORD) + rf"\s?[{COLONS}]")
#: Characters after a dateline's head looked at for 报道: (three roles with two names each, letterspaced).
REPORTED_PROBE: Final = 80
#: The first closing bracket of a letterspaced dateline ends its credit, or the colon after 报道.
_CLOSE_BRACKET_RE: Final = re.compile(f"{_CLOSE}|{_REPORTED_END_RE.pattern}")


def join_keeping_credit_breaks(lines: list[str], last: bool = False) -> str:
    """Join a paragraph's lines, keeping breaks inside its credit's brackets as spaces.

    Names in a credit are separated by spaces, and a line break between two
    names is the only separator they have (``本报讯（记者 彭程`` / ``刘一鸣）…``).
    The credit is the bracket after the paragraph's dateline head, or with
    ``last`` its last bracket (a trailing credit). Every other break joins as
    ``join_lines`` joins it.

    >>> join_keeping_credit_breaks(["本报讯（记者 彭程", "刘一鸣）9月6日，公", "主岭市举行"])
    '本报讯（记者 彭程 刘一鸣）9月6日，公主岭市举行'
    >>> join_keeping_credit_breaks(["（街", "道）居民。（记者 唐海涛 雷", "鸣）"], last=True)
    '（街道）居民。（记者 唐海涛 雷 鸣）'
    >>> join_keeping_credit_breaks(["进行检查。（记", "者 冯 博 通讯员 曹 阳）"], last=True)
    '进行检查。（记者 冯 博 通讯员 曹 阳）'
    """
    span = _credit_lines(lines, last)
    if span is None:
        return join_lines(lines)
    start, stop = span
    credit = _space_breaks_between_names([line.strip() for line in lines[start:stop + 1]])
    return join_lines(lines[:start] + [credit] + lines[stop + 1:])


def _credit_lines(lines: list[str], last: bool) -> tuple[int, int] | None:
    """The first and last line of the credit ``join_keeping_credit_breaks`` keeps apart, if there is one.

    A dateline's bracket follows its head (本报讯, 新华社…电); a trailing
    credit closes the paragraph; a bracket that never closes is no credit.
    """
    opening = [k for k, line in enumerate(lines) if "（" in line or "(" in line]
    if not opening:
        return None
    if last:
        stop = _closing_line(lines, opening[-1], last)
        return (opening[-1], stop) if stop == len(lines) - 1 else None
    if not DATELINE_START_RE.match(join_lines(lines[:opening[0] + 1])):
        return None
    stop = _closing_line(lines, opening[0], last)
    return None if stop is None else (opening[0], stop)


def _closing_line(lines: list[str], start: int, last: bool) -> int | None:
    """The line that closes the bracket opened on line ``start`` (with ``last``, its last bracket), if any."""
    depth = 0
    for stop in range(start, len(lines)):
        line = lines[stop]
        if stop == start and last:
            line = line[max(line.rfind("（"), line.rfind("(")):]  # from the credit's own bracket on
        depth += bracket_depth(line)
        if depth <= 0:
            return stop
    return None


def _space_breaks_between_names(pieces: list[str]) -> str:
    """Join a credit's lines with a space at each break, except a break inside a role word (记|者)."""
    if len(pieces) == 1:
        return pieces[0]  # a credit on one line has no break: no role words to look for
    plain = "".join(pieces)
    roles = [m.span() for m in _ROLE_SPLIT_RE.finditer(plain)]
    out: list[str] = []
    at = 0
    for piece in pieces:
        if out and not any(a < at < b for a, b in roles):
            out.append(" ")
        out.append(piece)
        at += len(piece)
    return "".join(out)


def parse_dateline(paragraph: str) -> tuple[Credit, str] | None:
    """Split a story's first paragraph into its dateline credit and the body text.

    >>> c, rest = parse_dateline("本报讯（通讯员 杜文韬）为确保铁西区")
    >>> c.text, c.authors, rest
    ('本报讯（通讯员 杜文韬）', ['杜文韬'], '为确保铁西区')
    """
    m = SOURCE_DATELINE_RE.match(paragraph)
    if m:
        return Credit(normalise_credit_text(m.group(1))), paragraph[m.end():].lstrip()
    m = DATELINE_RE.match(paragraph)
    if not m and is_letterspaced(paragraph[:LETTERSPACE_PROBE]):  # 新 华 社 长 春 1 月 1 日 电 （ 记 者 …
        end = _CLOSE_BRACKET_RE.search(paragraph)
        cut = end.end() if end else len(paragraph)
        paragraph = unletterspace(paragraph[:cut]) + paragraph[cut:]
        m = DATELINE_RE.match(paragraph)
    if not m:
        return None
    head, inner = m.group(1), m.group(2)
    if inner is None:
        return _credit_after_head(head.replace(" ", ""), paragraph[m.end():])
    credit = Credit(normalise_credit_text(f"{head.replace(' ', '')}（{inner}）"), parse_names(inner))
    return credit, paragraph[m.end():].lstrip()


def _credit_after_head(head: str, rest: str) -> tuple[Credit, str]:
    """A dateline head with no bracket after it: the 1998 style's reporters (``记者王芳、李强报道：``), if they follow.

    The names are parted by commas, so spaces in the credit (letterspacing,
    a line break kept as a space) say nothing: it is read without them.

    >>> c, rest = _credit_after_head("本报讯", " 通 讯 员 管 见 、董伟报道：近日")
    >>> c.text, c.authors, rest
    ('本报讯 通讯员管见、董伟报道：', ['管见', '董伟'], '近日')
    """
    end = _REPORTED_END_RE.search(rest, 0, REPORTED_PROBE)
    m = REPORTED_CREDIT_RE.fullmatch("".join(rest[:end.end()].split())) if end else None
    if end is None or m is None:
        return Credit(normalise_credit_text(head)), rest.lstrip()
    reporters = fullwidth_punctuation(m.group(1))
    return Credit(f"{normalise_credit_text(head)} {reporters}{REPORTED_WORD}：", parse_names(reporters)), \
        rest[end.end():].lstrip()


#: Names in a credit, spaces anywhere (between names, inside a name, at a line break).
_NAMES_RUN: Final = rf"(?:{_NAME_CHARS}\s*){{2,8}}"
#: Writers credited by role: ``记者 王芳 通讯员 李强``.
_ROLE_NAMES: Final = rf"{_SPACED_TOKEN}\s*{_NAMES_RUN}(?:{_NAME_SEP}(?:{_SPACED_TOKEN})?\s*{_NAMES_RUN})*"
#: Photographers, maybe after a role, then a photo mark: ``新华社记者 王芳 摄`` (the mark is the evidence).
_PHOTO_NAMES: Final = rf"(?:{_SPACED_TOKEN})?\s*{_NAMES_RUN}\s*(?P<mark>{_PHOTO_MARK_ALT})"
#: The source of a wire story: ``据新华社郑州9月9日电``.
_SOURCE: Final = rf"据{_NOT_BRACKET}{{2,24}}?(?:电|报道)"
#: A credit printed at the end of a body, in brackets: （记者 王芳 通讯员 李强）, （据新华社郑州9月9日电）,
#: or a caption's （新华社记者 王芳 摄）.
TRAILING_CREDIT_RE: Final = re.compile(
    rf"{_OPEN}\s*(?P<inner>{_PHOTO_NAMES}|{_ROLE_NAMES}|{_SOURCE})\s*{_CLOSE}\s*$")


#: Names alone in brackets at the end of a text: ``（王芳 李强）``, ``（陈佳）`` (a credit when ``is_bare_names``).
BARE_NAMES_CREDIT_RE: Final = re.compile(
    rf"{_OPEN}\s*(?P<names>{_NAMES_RUN}(?:{_NAME_SEP}{_NAMES_RUN}){{0,3}})\s*{_CLOSE}\s*$")


def _bare_names_credit(paragraph: str) -> tuple[Credit, str] | None:
    """Names alone in brackets closing a paragraph (``…。（王芳 李强）``), or alone on it, credit its writers.

    With no role word to say so, the evidence is the form: the text before
    the bracket ends a sentence (or there is none), and every name in it
    is a name (``is_personal_name``), not a word in brackets (``（试点）``).
    """
    m = BARE_NAMES_CREDIT_RE.search(paragraph)
    if m is None:
        return None
    rest = paragraph[:m.start()].rstrip()
    names = parse_names(m.group("names"))
    if (rest and not ends_sentence(rest)) or not names or not all(map(is_personal_name, names)):
        return None
    return Credit(normalise_credit_text(m.group(0).strip()), names), rest


def parse_trailing_credit(paragraph: str) -> tuple[Credit, str] | None:
    """Split a credit printed at the end of a body off its last paragraph.

    A caption's credit (``（新华社记者 王芳 摄）``) names photographers.

    >>> c, rest = parse_trailing_credit("力争全年目标任务圆满完成。（记者 欧阳晓 通讯员 冯志刚）")
    >>> c.text, c.authors, rest
    ('（记者 欧阳晓 通讯员 冯志刚）', ['欧阳晓', '冯志刚'], '力争全年目标任务圆满完成。')
    >>> parse_trailing_credit("放飞风筝。(新华社记者 王 芳摄)")[0]
    Credit(text='（新华社记者 王芳 摄）', authors=[], photographers=['王芳'])
    """
    if not paragraph.rstrip().endswith(tuple(CLOSE_BRACKETS)):
        return None  # the credit's closing bracket ends the text: most paragraphs need no search
    m = TRAILING_CREDIT_RE.search(paragraph)
    if not m:
        return _bare_names_credit(paragraph)
    if AUTHOR_NOTE_RE.match(m.group(0)):  # （作者为…） says who the author is, it names no one
        return None
    inner, mark = m.group("inner"), m.group("mark")
    text, rest = normalise_credit_text(m.group(0).strip()), paragraph[:m.start()].rstrip()
    if mark:
        names = parse_names(inner[:inner.rfind(mark)])
        authors = list(names) if _normal_mark(mark).strip() in TEXT_AND_PHOTO_MARKS else []
        return Credit(text, authors, names), rest
    return Credit(text, [] if inner.lstrip().startswith("据") else parse_names(inner)), rest


#: The commonest Chinese surnames (about nine people in ten carry one), and
#: compound surnames. An essay's author is printed as a bare name line under
#: its headline; a surname is what tells a name from a short heading.
_SURNAMES: Final = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭"
    "陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易"
    "乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴"
    "蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边"
    "卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝习")
_COMPOUND_SURNAMES: Final = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "端木", "长孙")
#: A bare name line: two to four Chinese characters, maybe letterspaced (seven characters at most,
#: looked at first: most lines are longer).
AUTHOR_LINE_RE: Final = re.compile(rf"(?=.{{2,7}}$)[{HAN_BASIC}](?:\s?[{HAN_BASIC}]){{1,3}}$")


def is_author_line(text: str) -> bool:
    """A bare personal name on its own line: an essay's byline (``颜晓峰``, ``欧 阳 辉``).

    >>> is_author_line("颜晓峰"), is_author_line("欧 阳 辉"), is_author_line("消费升级")
    (True, True, False)
    """
    t = text.strip()
    return AUTHOR_LINE_RE.match(t) is not None and is_personal_name(t.replace(" ", ""))


#: Two to four bare names on one line, set apart by spaces (``冯金武 郭启宏``): each piece two to four
#: characters (23 characters at most, looked at first: most lines are longer).
NAMES_RUN_RE: Final = re.compile(rf"(?=.{{5,23}}$)[{HAN_BASIC}]{{2,4}}(?:\s+[{HAN_BASIC}]{{2,4}}){{1,3}}$")


def is_names_run(text: str) -> bool:
    """Co-authors' bare names on one line (``冯金武 郭启宏``): a byline, never a heading.

    Every piece is a personal name (``is_personal_name``) the dictionary does
    not hold as another word: a couplet's halves can open with a surname
    (``高标准 严要求``), but not each of them as a name.

    >>> is_names_run("冯金武 郭启宏"), is_names_run("高扬文 史怀璧 焦善民 王锐"), is_names_run("高标准 严要求")
    (True, True, False)
    >>> is_names_run("明确思路 笃行实干"), is_names_run("颜晓峰")
    (False, False)
    """
    t = text.strip()
    return NAMES_RUN_RE.match(t) is not None \
        and all(is_personal_name(piece) and not is_word_other_than_name(piece) for piece in t.split())


#: Names in a box's keeping: ``□`` and two to twelve Chinese characters, maybe letterspaced (gate's boxed
#: names run to six characters; twelve is four three-character names).
BOXED_NAMES_RE: Final = re.compile(rf"^{NAME_BOX}\s*[{HAN_BASIC}](?:\s*[{HAN_BASIC}]){{1,11}}\s*$")


def is_boxed_names(text: str) -> bool:
    """Bare names after the box papers print before an author (``□今哲``, ``□张书政 剑武安``): a byline.

    The box marks a credit: the names need not be common ones (pen names:
    ``□ 建 达``), and no heading is printed after one.

    >>> is_boxed_names("□ 今 哲"), is_boxed_names("□张书政 剑武安"), is_boxed_names("■谢世杰当选中共四川省委书记")
    (True, True, False)
    >>> is_boxed_names("□一、事件经过"), is_boxed_names("□")
    (False, False)
    """
    return BOXED_NAMES_RE.match(text.strip()) is not None


def is_bare_names(text: str) -> bool:
    """Names alone on a line, as a byline prints them without a role: co-authors' run, or names in a box."""
    return is_names_run(text) or is_boxed_names(text)


def opens_a_name(ch: str) -> bool:
    """A common surname: the first character of a name set vertically, printed on a line of its own.

    >>> opens_a_name("叶"), opens_a_name("也")
    (True, False)
    """
    return ch in _SURNAMES


def is_personal_name(name: str) -> bool:
    """Two or three characters after a common surname, or three or four opening with a compound one.

    >>> is_personal_name("颜晓峰"), is_personal_name("欧阳辉"), is_personal_name("试点"), is_personal_name("王")
    (True, True, False, False)
    """
    if name.startswith(_COMPOUND_SURNAMES):
        return 3 <= len(name) <= 4
    return name[:1] in _SURNAMES and 2 <= len(name) <= 3


#: ``（作者为中共中央党校教授）``: a note on the author that closes an essay.
AUTHOR_NOTE_RE: Final = re.compile(rf"^\s*{_OPEN}\s*作者(?:为|系|单位|是|[{COLONS}]){_NOT_BRACKET}{{1,60}}{_CLOSE}\s*$")


def parse_byline(line: str) -> Credit:
    """A standalone byline line: ``本报通讯员 金鑫`` → names as authors (leading marks dropped).

    >>> parse_byline("□本 报 记 者 姚 远 本 报 通 讯 员 赵 磊")
    Credit(text='本报记者 姚远 本报通讯员 赵磊', authors=['姚远', '赵磊'], photographers=[])
    """
    line = unletterspace(line)
    return Credit(normalise_credit_text(line.strip(" " + BYLINE_MARKS)), parse_names(line))


def parse_photo_credit(line: str) -> Credit | None:
    """A photo credit line: ``本报通讯员 张馨月 摄`` → names as photographers.

    ``文/图`` credits the same people for text and picture.

    >>> parse_photo_credit("本报通讯员 张馨月 摄").photographers
    ['张馨月']
    """
    line = unletterspace(line)
    m = PHOTO_CREDIT_RE.match(fold_fullwidth_alnum(line))
    if not m:
        return None
    names = parse_names(line[: line.rfind(m.group(2))])
    text = normalise_credit_text(line)
    if _normal_mark(m.group(2)).strip() in TEXT_AND_PHOTO_MARKS:
        return Credit(text, authors=list(names), photographers=list(names))
    return Credit(text, photographers=names)


# --- letters to the editor --------------------------------------------------------------------

#: How a letter to the editor opens, before a colon: ``编辑同志：``.
SALUTATIONS: Final = ("编辑同志", "记者同志", "编辑部的同志们", "尊敬的编辑", "编辑部")
#: A letter's salutation at the start of a line.
SALUTATION_RE: Final = re.compile(rf"^\s*(?:{'|'.join(SALUTATIONS)})\s*[{COLONS}]")
#: Who signs a letter to the editor: ``读者 刘淑琴`` with a name, ``一村民`` without.
SIGNERS: Final = ("读者", "村民", "市民", "居民", "群众", "家长", "网友", "职工", "农民", "业主", "老党员", "消费者")
#: Where an anonymous signer lives, before 一: ``双辽市一村民`` (a place ends with its kind of place).
#: Longest place name before an anonymous signer, without its kind of place (``双辽市一村民``).
SIGNER_PLACE_MAX_LENGTH: Final = 6
_SIGNER_PLACE: Final = f"[{HAN}]{{1,{SIGNER_PLACE_MAX_LENGTH}}}[省市县区镇乡村]"
#: The 一 of an anonymous signer stands after its place at most: a line without one there is
#: spared the place's backtracking.
_ANONYMOUS_SIGNER_AHEAD: Final = any_of_ahead("一", SIGNER_PLACE_MAX_LENGTH + 1)
#: A letter's signature alone on its line: a signer's word and a name, or a signer described
#: (``一位晨练的市民``, ``双辽市一村民``).
SIGNATURE_RE: Final = re.compile(
    rf"^\s*(?:(?:{'|'.join(SIGNERS)})\s*(?P<name>{_NAME_IN_RUN})"
    rf"|{_ANONYMOUS_SIGNER_AHEAD}(?:{_SIGNER_PLACE})?一[位名个]?(?:[{HAN}]{{1,6}}的)?(?:{'|'.join(SIGNERS)}))\s*$")


def parse_signature(text: str) -> Credit | None:
    """A letter's signature: its text as the byline, the name in it (if any) as the author.

    >>> parse_signature("读者 刘 芳"), parse_signature("双辽市一村民")
    (Credit(text='读者 刘芳', authors=['刘芳'], photographers=[]), Credit(text='双辽市一村民', authors=[], photographers=[]))
    >>> parse_signature("一位晨练的市民").authors, parse_signature("致敬一位老党员"), parse_signature("读者来信")
    ([], None, None)
    """
    m = SIGNATURE_RE.match(text)
    if m is None:
        return None
    if m.group("name") is None:
        return Credit(text.strip())
    name = "".join(m.group("name").split())
    if not is_personal_name(name):
        return None  # 读者来信, 市民服务: a signer's word opens other words too
    return Credit(f"{text[:m.start('name')].strip()} {name}", [name])
