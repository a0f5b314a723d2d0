"""Cleaning rules: undo what PDF-to-text and OCR do to Chinese newspaper text.

Each rule is a small pure function on a string; ``clean_paragraph`` applies them
in order to text whose hard wraps have already been joined by ``join_lines``.
Headlines and credits keep meaningful spaces (a couplet's gap, the gap between
a role and a name), so they use ``clean_heading`` instead. The measures that
classifying lines needs (``display_width``, ``ends_sentence``,
``is_letterspaced``) live here too.

>>> clean_paragraph("通 过 学 理 论 ，诵 经 典 ，做 到 1697 项(试点),开展")
'通过学理论，诵经典，做到1697项（试点），开展'
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import Final

from banmian.tasks.text.chars import (
    ASCII_TO_FULLWIDTH_MARKS,
    CJK_CLASS,
    CLOSERS,
    DIGIT_CLASS,
    FOLD_TO_ASCII,
    SENTENCE_ENDS,
    SPACE_OR_TAB,
    WIDE_CLASS,
)
from banmian.tasks.text.pattern_first import class_without

# --- folding ---------------------------------------------------------------------

#: A character ``FOLD_TO_ASCII`` changes: most lines have none, and need no translation.
_FOLDABLE: Final = re.compile("[" + re.escape("".join(map(chr, FOLD_TO_ASCII))) + "]")


def fold_fullwidth_alnum(text: str) -> str:
    """Full-width digits and Latin letters become ASCII; ideographic spaces become spaces (``FOLD_TO_ASCII``).

    >>> fold_fullwidth_alnum("２０２３年ＡＰＰ")
    '2023年APP'
    """
    return text.translate(FOLD_TO_ASCII) if _FOLDABLE.search(text) else text


#: A character of Chinese text (``CJK_CLASS``).
_CJK_CHAR: Final = re.compile(f"[{CJK_CLASS}]")


def is_plain(text: str) -> bool:
    """Every character one unit wide, and none that folding changes: most lines of Chinese text.

    Such a line's measures need no closer look: its ``display_width`` is its
    length, ``fold_fullwidth_alnum`` leaves it as it is, and it holds no space
    to letterspace it. Told by one scan of one character class (``_PLAIN_RUN``: the wide characters
    less those folding changes), it spares a line those three: the engine runs a class over a line in
    one tight loop, where one pattern with a lookahead per character cost it four times as much.

    >>> is_plain("全市开展安全检查，排查隐患。"), is_plain("２０２３年"), is_plain("明 确 思 路")
    (True, False, False)
    """
    return _PLAIN_RUN.fullmatch(text) is not None


def is_cjk(ch: str) -> bool:
    """True for a Chinese character or a full-width/Chinese punctuation mark (``CJK_CLASS``).

    >>> is_cjk("中"), is_cjk("，"), is_cjk("a")
    (True, True, False)
    """
    return _CJK_CHAR.match(ch) is not None


# --- measures ----------------------------------------------------------------------

#: Width of a space that separates Chinese from Latin or digits. Typesetters
#: put a real gap there (a quarter to half em), and extractors print it as a
#: space; spaces between two Chinese characters are letterspacing and take
#: no width of their own.
MIXED_SPACE_WIDTH: Final = 0.5

#: A run of characters one unit wide.
_WIDE_RUN: Final = re.compile(f"[{WIDE_CLASS}]+")
#: A run of characters one unit wide that folding leaves as they are: a plain line is one such run.
_PLAIN_RUN: Final = re.compile(f"[{class_without(WIDE_CLASS, FOLD_TO_ASCII)}]+")
#: ASCII letters and digits, as a character class's contents.
_ASCII_ALNUM: Final = re.escape(string.ascii_letters + string.digits)
#: A run of spaces after a letter or digit, and one after neither that a letter or digit follows.
_SPACES_AFTER_ALNUM: Final = re.compile(f"(?<=[{_ASCII_ALNUM}])[{SPACE_OR_TAB}]+")
_SPACES_BEFORE_ALNUM: Final = re.compile(f"(?<![{_ASCII_ALNUM}{SPACE_OR_TAB}])[{SPACE_OR_TAB}]+(?=[{_ASCII_ALNUM}])")


def display_width(text: str) -> float:
    """Printed width of a line in full-width units.

    A Chinese character or mark is one unit, an ASCII character half a unit;
    a space counts only where it separates Chinese from Latin or digits, and
    not in a letterspaced line, where every space is the spread of justification.

    >>> display_width("事项 40 项，"), display_width("通 过 学"), display_width("全 市 80 所 学 校")
    (6.0, 3.0, 6.0)
    """
    if _WIDE_RUN.fullmatch(text):
        return float(len(text))  # most lines of Chinese text: every character one unit
    narrow = _WIDE_RUN.sub("", text)
    spaces = narrow.count(" ") + narrow.count("\t")
    width = len(text) - len(narrow) + 0.5 * (len(narrow) - spaces)
    if 0 < spaces < len(narrow) and not is_letterspaced(text):  # spaces count only beside a narrow character
        width += MIXED_SPACE_WIDTH * _spaces_by_letters(text)
    return width


def _spaces_by_letters(text: str) -> int:
    """The spaces and tabs that part Chinese from Latin or digits: the ones ``display_width`` counts.

    Every space of a run after a letter or digit counts; of a run not after
    one but followed by one, only its last. Two scans, no Python step per run.

    >>> _spaces_by_letters("事项 40 项，"), _spaces_by_letters("通 过 学"), _spaces_by_letters("A  B")
    (2, 0, 2)
    """
    return len("".join(_SPACES_AFTER_ALNUM.findall(text))) + len(_SPACES_BEFORE_ALNUM.findall(text))


def ends_sentence(text: str) -> bool:
    """True when the text ends with a sentence end (``SENTENCE_ENDS``), closers allowed after it.

    >>> ends_sentence("他说：“好。”"), ends_sentence("推动统一战线事"), ends_sentence("（完）")
    (True, False, False)
    """
    end = text.rstrip().rstrip(CLOSERS)
    return end != "" and end[-1] in SENTENCE_ENDS


#: Share of a line's space-separated tokens that must be single characters
#: for its spaces to be letterspacing (``明 确 思 路``); a couplet's or a
#: credit's words are two to six characters (``明确思路 笃行实干``).
LETTERSPACED_SHARE: Final = 0.6
#: A line needs this many tokens to be letterspaced at all.
LETTERSPACED_MIN_TOKENS: Final = 3


def is_letterspaced(text: str) -> bool:
    """True when most of a line's space-separated tokens are single characters.

    A character with a mark after it counts as single (``通 过 学 理 论 ，诵``).

    >>> is_letterspaced("明 确 思 路"), is_letterspaced("明确思路 笃行实干")
    (True, False)
    """
    tokens = text.split()
    if len(tokens) < LETTERSPACED_MIN_TOKENS:
        return False
    singles = sum(1 for t in tokens if len(t) == 1 or (len(t) == 2 and not t[1].isalnum()))
    return singles >= LETTERSPACED_SHARE * len(tokens)


def bracket_depth(text: str) -> int:
    """Opening brackets minus closing ones, full-width and ASCII: below zero, the text closes one opened before it.

    >>> bracket_depth("（记者 王"), bracket_depth("芳）近日"), bracket_depth("（街道）")
    (1, -1, 0)
    """
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


# --- spacing -----------------------------------------------------------------------

#: A run of spaces after or before a Chinese character or mark.
_SPACE_BY_CJK: Final = re.compile(f"(?<=[{CJK_CLASS}])[{SPACE_OR_TAB}]+|[{SPACE_OR_TAB}]+(?=[{CJK_CLASS}])")


def remove_cjk_spacing(text: str) -> str:
    """Remove spaces that touch a Chinese character or mark on either side.

    Chinese is written without spaces, so any space next to a Chinese
    character is letterspacing from justification or padding around a
    number; spaces between two Latin words stay.

    >>> remove_cjk_spacing("通 过 学 理 论 ，诵 经 典 1697 项 New York")
    '通过学理论，诵经典1697项New York'
    """
    if " " not in text and "\t" not in text:
        return text
    return _SPACE_BY_CJK.sub("", text)


# --- ASCII punctuation inside Chinese text -------------------------------------------

#: A comma, with the spaces around it, after or before a Chinese character.
_COMMA_RE: Final = re.compile(f"(?<=[{CJK_CLASS}])\\s*,\\s*|\\s*,\\s*(?=[{CJK_CLASS}])")
#: ``; : ? !`` after a Chinese character (spaces before it go) or before one.
_SIMPLE_RE: Final = re.compile(f"(?<=[{CJK_CLASS}])\\s*([;:?!])|([;:?!])\\s*(?=[{CJK_CLASS}])")
#: An ASCII bracket pair with no bracket inside.
_PARENS_RE: Final = re.compile(r"\(([^()]*)\)")
#: An ASCII bracket left after pairs are read, touching Chinese text (its partner printed full
#: width, or on a line kept apart): ``阿旺甘丹(左）``, ``村（社区)级``.
_LONE_PAREN_RE: Final = re.compile(f"(?<=[{CJK_CLASS}])\\s*([()])|([()])\\s*(?=[{CJK_CLASS}])")


def _simple_to_fullwidth(m: re.Match[str]) -> str:
    return ASCII_TO_FULLWIDTH_MARKS[m.group(1) or m.group(2)]


def _paren_to_fullwidth(m: re.Match[str]) -> str:
    """ASCII brackets that hold Chinese, or touch it, become full-width ones."""
    inner, src = m.group(1), m.string
    before, after = src[m.start() - 1:m.start()], src[m.end():m.end() + 1]
    if _CJK_CHAR.search(inner) or is_cjk(before) or is_cjk(after):
        return f"（{inner}）"
    return m.group(0)


def fullwidth_punctuation(text: str) -> str:
    """ASCII ``, ; : ? ! ( )`` inside Chinese text become their full-width forms.

    Only marks next to Chinese text change, so ``1,000``, ``10:30`` and
    ``(a+b)`` stay as they are.

    >>> fullwidth_punctuation("全覆盖,2个社区(试点) 10:30 1,000")
    '全覆盖，2个社区（试点） 10:30 1,000'
    >>> fullwidth_punctuation("阿旺甘丹(左）又同时被"), fullwidth_punctuation("村（社区)级账号"), fullwidth_punctuation("f(x)")
    ('阿旺甘丹（左）又同时被', '村（社区）级账号', 'f(x)')
    """
    # Each rule runs only when its mark occurs; none of them writes another's mark.
    if "," in text:
        text = _COMMA_RE.sub("，", text)
    if ";" in text or ":" in text or "?" in text or "!" in text:
        text = _SIMPLE_RE.sub(_simple_to_fullwidth, text)
    if "(" in text:
        text = _PARENS_RE.sub(_paren_to_fullwidth, text)
    if "(" in text or ")" in text:
        text = _LONE_PAREN_RE.sub(_simple_to_fullwidth, text)
    return text


# --- lines and crossheads -------------------------------------------------------------


def join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines of one paragraph without inserting spaces.

    Only a break between two Latin letters keeps a space (it separated words).

    >>> join_lines(["推动统一战线事", "业创新发展。"])
    '推动统一战线事业创新发展。'
    >>> join_lines(["5G and Wi", "Fi"])
    '5G and Wi Fi'
    """
    out: list[str] = []
    for line in lines:
        part = line.strip()
        if not part:
            continue
        if out and out[-1][-1] in string.ascii_letters and part[0] in string.ascii_letters:
            out.append(" ")
        out.append(part)
    return "".join(out)


#: A line the PDF drew twice is a crosshead of four characters or more
#: (``哈哈哈哈`` is a word, not ``哈哈`` drawn twice).
DOUBLED_MIN_LENGTH: Final = 8


@lru_cache(maxsize=1024)  # scoring a page's head splits asks it of the same heading lines many times over
def split_doubled(text: str) -> tuple[str, str]:
    """Split a line the PDF drew twice into (text, duplicate); else (text, '').

    >>> split_doubled("全面提升政务服务水平全面提升政务服务水平")
    ('全面提升政务服务水平', '全面提升政务服务水平')
    >>> split_doubled("哈哈")
    ('哈哈', '')
    """
    t = text.strip()
    half = len(t) // 2
    if len(t) >= DOUBLED_MIN_LENGTH and len(t) % 2 == 0 and t[:half] == t[half:]:
        return t[:half], t[half:]
    return t, ""


# --- whole pieces ------------------------------------------------------------------------


def clean_paragraph(text: str) -> str:
    """Body text as it should be stored: no letterspacing, full-width marks, ASCII digits.

    >>> clean_paragraph("为进一步 , 加强 ( 试点 ) ２０２３ 年")
    '为进一步，加强（试点）2023年'
    """
    return remove_cjk_spacing(fullwidth_punctuation(fold_fullwidth_alnum(text))).strip()


#: Two spaces or more: a word gap in a letterspaced line, where single spaces are the spread.
WIDE_GAP_RE: Final = re.compile(f"[{SPACE_OR_TAB}]{{2,}}")


#: One space between a digit and a Chinese character: the extractor's padding around a number
#: (``召开 2023 年``), no word gap; a couplet's gap is wider, or an ideographic space.
_NUMBER_PADDING_RE: Final = re.compile(f"(?<=[{DIGIT_CLASS}]) (?=[{CJK_CLASS}])|(?<=[{CJK_CLASS}]) (?=[{DIGIT_CLASS}])")


@lru_cache(maxsize=1024)  # segmentation cleans each headline of a page many times over
def clean_heading(text: str) -> str:
    """A headline line as stored: letterspacing and padding around numbers removed, word gaps kept as one space.

    In a letterspaced line only gaps of two or more spaces are word gaps.

    >>> clean_heading("明 确 思 路   笃 行 实 干"), clean_heading(" 深化服务改革  解决群众难题")
    ('明确思路 笃行实干', '深化服务改革 解决群众难题')
    >>> clean_heading("四平经开区召开 2023 年重点工作"), clean_heading("奋进2023　再创佳绩")
    ('四平经开区召开2023年重点工作', '奋进2023 再创佳绩')
    """
    text = fullwidth_punctuation(fold_fullwidth_alnum(_NUMBER_PADDING_RE.sub("", text))).strip()
    if is_letterspaced(text):
        return " ".join(p.replace(" ", "") for p in WIDE_GAP_RE.split(text) if p.strip())
    return " ".join(text.split())
