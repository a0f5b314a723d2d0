"""Cleaning rules: undo what PDF-to-text and OCR do to Chinese newspaper text.

Each rule is a small pure function on a string; ``clean_paragraph`` applies them
in order to text whose hard wraps have already been joined by ``join_lines``.
Headlines and credits keep meaningful spaces (a couplet's gap, the gap between
a role and a name), so they use ``clean_heading`` instead.

Segmentation calls these per line, so each is written for speed: C-level
string and regex operations, and an early return when a string has nothing the
rule would change. ``tests/test_clean.py`` checks each against a plain
reference copy of its earlier, loop-based version on arbitrary text.

>>> clean_paragraph("通 过 学 理 论 ，诵 经 典 ，做 到 1697 项(试点),开展")
'通过学理论，诵经典，做到1697项（试点），开展'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

# --- character classes -------------------------------------------------------

#: CJK ideographs (BMP + ext A), CJK symbols and punctuation, full-width forms,
#: general punctuation used in Chinese (— … “ ” ‘ ’), and bullets/boxes.
CJK_CLASS: Final = (
    "\u2010-\u2027\u2030-\u205e\u25a0-\u25ff\u2600-\u27bf"
    "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uffee"
)
_CJK: Final = f"[{CJK_CLASS}]"

#: Punctuation that may end a sentence, and closers that may follow it.
SENTENCE_END: Final = "。！？!?…；;"
CLOSERS: Final = "”’」』）)》〉】"

_FULLWIDTH_ALNUM: Final = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH_ALNUM.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH_ALNUM.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH_ALNUM.update({0x3000: 0x20, 0x00A0: 0x20, 0xFF0E: 0x2E, 0xFF05: 0x25})  # 　, nbsp, ．, ％


#: The characters ``fold_fullwidth_alnum`` changes.
_FOLDABLE_CHARS: Final = "".join(map(chr, sorted(_FULLWIDTH_ALNUM)))


def fold_fullwidth_alnum(text: str) -> str:
    """Full-width digits and Latin letters become ASCII; ideographic spaces become spaces.

    >>> fold_fullwidth_alnum("２０２３年ＡＰＰ")
    '2023年APP'
    """
    # str.translate looks every non-ASCII character up in the dict; most lines have nothing to fold.
    return text.translate(_FULLWIDTH_ALNUM) if holds_char_in(text, _FOLDABLE_TABLE) else text


def is_cjk(ch: str) -> bool:
    """True for a Chinese character or a full-width/Chinese punctuation mark."""
    return is_cjk_code(ord(ch))


def is_cjk_code(o: int) -> bool:
    """``is_cjk`` of the character with code point ``o``: one ``CJK_CLASS`` holds."""
    return (
        0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFFEE
        or 0x3400 <= o <= 0x4DBF or 0x2010 <= o <= 0x2027 or 0x2030 <= o <= 0x205E
        or 0x25A0 <= o <= 0x27BF or 0xF900 <= o <= 0xFAFF or 0xFE30 <= o <= 0xFE4F
    )


#: Width of a space that separates Chinese from Latin or digits. Typesetters
#: put a real gap there (a quarter to half em), and extractors print it as a
#: space; spaces between two Chinese characters are letterspacing and take
#: no width of their own.
MIXED_SPACE_WIDTH: Final = 0.5


#: Characters one unit wide: everything from U+2E80 (CJK radicals) up, plus the
#: Chinese punctuation, symbols and boxes below it that ``is_cjk`` accepts.
_WIDE_RUN: Final = re.compile("[\u2010-\u2027\u2030-\u205e\u25a0-\u27bf\u2e80-\U0010ffff]+")


def display_width(text: str) -> float:
    """Printed width of a line in full-width units.

    A Chinese character or mark is one unit, an ASCII character half a unit;
    a space counts only where it separates Chinese from Latin or digits, and
    not in a letterspaced line, where every space is the spread of justification.

    >>> display_width("事项 40 项，"), display_width("通 过 学"), display_width("全 市 80 所 学 校")
    (6.0, 3.0, 6.0)
    """
    narrow = _WIDE_RUN.sub("", text)  # every character half a unit wide, and the spaces
    wide = len(text) - len(narrow)
    if " " not in narrow and "\t" not in narrow:
        return wide + 0.5 * len(narrow)
    return _width_with_spaces(text, wide)


def _width_with_spaces(text: str, wide: int) -> float:
    """``display_width`` of a text that holds spaces or tabs and ``wide`` wide characters."""
    spaces, alnum, mixed = _spaces_by_alnum(text)
    narrow = len(text) - wide - spaces  # narrow characters but the spaces
    if not alnum or _letterspaced(text.split()):
        return wide + 0.5 * narrow  # no space touches a letter or digit, or every space is letterspacing
    # Sums of halves are exact in floating point, so this equals adding character by character.
    return wide + 0.5 * narrow + MIXED_SPACE_WIDTH * mixed


def _is_ascii_alnum(o: int) -> bool:
    """The code point is a Latin letter or digit (``[A-Za-z0-9]``)."""
    return 0x61 <= o <= 0x7A or 0x30 <= o <= 0x39 or 0x41 <= o <= 0x5A


def _spaces_by_alnum(text: str) -> tuple[int, bool, int]:
    """The text's spaces and tabs, whether it holds a Latin letter or digit, and the spaces that count.

    Every space of a run after a letter or digit counts; of a run not after
    one but followed by one, only its last. One pass over the code points,
    compiled, costs less than the regex searches it replaces: the spaces
    that count are ``len("".join(re.findall(r"[A-Za-z0-9]([ \\t]+)", text)))``
    plus ``len(re.findall(r"(?<![A-Za-z0-9 \\t])[ \\t]+(?=[A-Za-z0-9])", text))``.

    >>> _spaces_by_alnum("事项 40 项，"), _spaces_by_alnum("通 过 学")
    ((2, True, 2), (2, False, 0))
    """
    spaces = mixed = run = 0  # run: the spaces and tabs just passed
    alnum = run_after_alnum = previous_alnum = False
    for k in range(len(text)):
        o = ord(text[k])
        if o == 0x20 or o == 0x09:
            if run == 0:
                run_after_alnum = previous_alnum
            run += 1
            spaces += 1
            continue
        previous_alnum = _is_ascii_alnum(o)
        if run:
            mixed += run if run_after_alnum else int(previous_alnum)
            run = 0
        alnum = alnum or previous_alnum
    if run_after_alnum:
        mixed += run
    return spaces, alnum, mixed


def display_widths(texts: list[str]) -> list[float]:
    """``display_width`` of each text; a page's lines are measured this way.

    >>> display_widths(["事项 40 项，", "", "通 过 学", "中文ab"])
    [6.0, 0.0, 3.0, 3.0]
    """
    return [measure(text, _NO_MARKS)[0] for text in texts]


def measure(text: str, marks: bytes) -> tuple[float, int]:
    """The text's ``display_width``, and the ``marks_in`` it holds, both found in one pass over it.

    A page's lines are measured this way: classifying them asks about the marks.

    >>> measure("事项 40 项，", char_bits([("，。", 1), ("ab", 2)])), measure("中文ab", char_bits([("，。", 1), ("ab", 2)]))
    ((6.0, 1), (3.0, 2))
    """
    wide, spaced, bits = _wide_spaced_and_marks(text, marks)
    return (_width_with_spaces(text, wide) if spaced else wide + 0.5 * (len(text) - wide)), bits


def marks_in(text: str, marks: bytes) -> int:
    """The bits of the ``char_bits`` table that the text's characters carry, or-ed together.

    A bit is set when the text holds any character of its group: one pass
    answers what a ``holds_any`` per group would, each a scan of the text.

    >>> table = char_bits([("，。", 1), ("：:", 2)]); marks_in("稳增长，促发展", table), marks_in("稳增长", table)
    (1, 0)
    """
    return _wide_spaced_and_marks(text, marks)[2]


def _wide_spaced_and_marks(text: str, marks: bytes) -> tuple[int, bool, int]:
    """How many characters of the text are wide (what ``_WIDE_RUN`` matches), whether it holds a space or tab, and its ``marks_in``.

    One pass over the code points: compiled, it costs a fraction of the
    regex substitution (or the UTF-8 encoding) that counts them otherwise.
    A ``char_bits`` table holds no CJK ideograph, so most characters need no lookup.
    """
    wide = 0
    spaced = False
    bits = 0
    n = len(marks)
    for k in range(len(text)):
        o = ord(text[k])
        if o >= 0x2E80 or 0x2010 <= o <= 0x2027 or 0x2030 <= o <= 0x205E or 0x25A0 <= o <= 0x27BF:
            wide += 1
            if 0x4E00 <= o <= 0x9FFF:
                continue
        elif o == 0x20 or o == 0x09:
            spaced = True
        if o < n:
            bits |= marks[o]
    return wide, spaced, bits


def char_bits(groups: list[tuple[str, int]]) -> bytes:
    """Groups of characters, each with its bit, as a byte per code point (the bits of the groups holding it), for ``marks_in``.

    No CJK ideograph may be in a group: ``marks_in`` looks none up.

    >>> char_bits([("，", 1), (",，", 2)])[ord("，")], char_bits([("，", 1), (",，", 2)])[ord(",")]
    (3, 2)
    """
    table = bytearray(max(ord(ch) for chars, _ in groups for ch in chars) + 1)
    for chars, bit in groups:
        for ch in chars:
            assert not 0x4E00 <= ord(ch) <= 0x9FFF, ch
            table[ord(ch)] |= bit
    return bytes(table)


#: No character carries a mark: plain ``display_widths``.
_NO_MARKS: Final = b""


def holds_any(text: str, chars: tuple[str, ...]) -> bool:
    """Whether the text holds any of the characters: what a ``[...]`` regex search answers.

    A substring test per character is several times cheaper than the regex
    engine's class test at every position of the line, and classifying a page
    asks this of most lines. Put the likeliest character first.

    >>> holds_any("稳增长，促发展", tuple("，。")), holds_any("稳增长", tuple("，。"))
    (True, False)
    """
    for ch in chars:
        if ch in text:
            return True
    return False


def char_table(chars: str) -> bytes:
    """A set of characters as a byte per code point (1 for theirs) up to the greatest of them, for ``in_char_table``.

    >>> table = char_table("摄图"); in_char_table(table, ord("图")), in_char_table(table, ord("文"))
    (True, False)
    """
    table = bytearray(max(map(ord, chars)) + 1)
    for ch in chars:
        table[ord(ch)] = 1
    return bytes(table)


def holds_char_in(text: str, table: bytes) -> bool:
    """Whether the text holds any character of the ``char_table``: what a regex ``[...]`` search answers.

    Compiled, a loop over the code points with no call per character, far
    cheaper than a regex search on a line.

    >>> holds_char_in("稳增长，促发展", char_table("，。")), holds_char_in("稳增长", char_table("，。"))
    (True, False)
    """
    for k in range(len(text)):
        if in_char_table(table, ord(text[k])):
            return True
    return False


def in_char_table(table: bytes, code: int) -> bool:
    """The character with this code point is in the ``char_table``: ``chr(code) in chars``.

    Compiled, a test by code point makes no one-character string (a new
    object for every Chinese character) and hashes none, as a set test of
    ``text[k]`` does.
    """
    return code < len(table) and table[code] == 1


#: The characters ``fold_fullwidth_alnum`` changes, by code point.
_FOLDABLE_TABLE: Final = char_table(_FOLDABLE_CHARS)
#: The code points of ``SENTENCE_END`` and ``CLOSERS``, for ``ends_sentence``.
_SENTENCE_END_TABLE: Final = char_table(SENTENCE_END)
_CLOSERS_TABLE: Final = char_table(CLOSERS)
#: No character above U+3000 (the ideographic space) is whitespace.
_LAST_SPACE: Final = 0x3000


def visible_start(text: str) -> int:
    """Where the text's first character that is no whitespace stands: ``len(text) - len(text.lstrip())``.

    >>> visible_start("  本报讯"), visible_start("　 ")
    (2, 2)
    """
    start = 0
    while start < len(text) and ord(text[start]) <= _LAST_SPACE and text[start].isspace():
        start += 1
    return start


def visible_end(text: str) -> int:
    """Where the text ends but for whitespace after it: ``len(text.rstrip())``.

    >>> visible_end("好。 \t"), visible_end("　")
    (2, 0)
    """
    end = len(text)
    while end > 0 and ord(text[end - 1]) <= _LAST_SPACE and text[end - 1].isspace():
        end -= 1
    return end


def ends_sentence(text: str) -> bool:
    """True when the text ends with sentence-final punctuation (closers allowed).

    >>> ends_sentence("他说：“好。”"), ends_sentence("推动统一战线事")
    (True, False)
    """
    # Equals text.rstrip().rstrip(CLOSERS)[-1:] in SENTENCE_END (and non-empty), read from the end by code point.
    end = visible_end(text)
    while end > 0 and in_char_table(_CLOSERS_TABLE, ord(text[end - 1])):
        end -= 1
    return end > 0 and in_char_table(_SENTENCE_END_TABLE, ord(text[end - 1]))


# --- spacing -----------------------------------------------------------------

#: A run of spaces after or before a Chinese character. Written to start with
#: the space, so the regex engine skips ahead to spaces instead of trying every
#: position: ``(?<=CJK)[ \t]+|[ \t]+(?=CJK)``.
_SPACE_BY_CJK: Final = re.compile(f"[ \t](?:[ \t]*(?={_CJK})|(?<={_CJK}[ \t])[ \t]*)")


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
    if not _keeps_a_space(text):
        return text.replace(" ", "").replace("\t", "")  # every space touches Chinese: no need to look at each
    return _SPACE_BY_CJK.sub("", text)


def _keeps_a_space(text: str) -> bool:
    """Whether a run of spaces has no Chinese character on either side (``New York``): the only spaces ``remove_cjk_spacing`` keeps.

    What a regex search with lookarounds at each space would answer: each maximal run of spaces
    and tabs is looked at by the code points on either side of it, in one compiled loop.

    >>> _keeps_a_space("项 New York"), _keeps_a_space("通 过 1697 项")
    (True, False)
    """
    n = len(text)
    i = 0
    while i < n:
        if not _is_space_or_tab(ord(text[i])):
            i += 1
            continue
        start = i
        while i < n and _is_space_or_tab(ord(text[i])):
            i += 1
        if (start == 0 or not is_cjk_code(ord(text[start - 1]))) and (i == n or not is_cjk_code(ord(text[i]))):
            return True
    return False


def _is_space_or_tab(code: int) -> bool:
    return code == 0x20 or code == 0x09


# --- ASCII punctuation inside Chinese text -------------------------------------

#: A comma with the spaces around it, after or before a Chinese character:
#: ``(?<=CJK)\s*,\s*|\s*,\s*(?=CJK)``. Written to start with the space or
#: comma it consumes first (then looking back at what it took), so the regex
#: engine skips ahead to those instead of trying every position.
_COMMA_RE: Final = re.compile(f"[\\s,](?:(?<={_CJK},)\\s*|(?<={_CJK}\\s)\\s*,\\s*"
                              f"|(?<=,)\\s*(?={_CJK})|(?<=\\s)\\s*,\\s*(?={_CJK}))")
_SIMPLE_PUNCT: Final = {";": "；", ":": "：", "?": "？", "!": "！"}
_SIMPLE_RE: Final = re.compile(f"(?<={_CJK})\\s*([;:?!])|([;:?!])\\s*(?={_CJK})")
_HAS_SIMPLE: Final = re.compile("[;:?!]")
_PARENS_RE: Final = re.compile(r"\(([^()]*)\)")
_HAS_CJK: Final = re.compile(_CJK)


def _simple_to_fullwidth(m: re.Match[str]) -> str:
    return _SIMPLE_PUNCT[m.group(1) or m.group(2)]


def _paren_to_fullwidth(m: re.Match[str]) -> str:
    inner = m.group(1)
    s, e = m.start(), m.end()
    src = m.string
    touches = (s > 0 and is_cjk(src[s - 1])) or (e < len(src) and is_cjk(src[e]))
    if _HAS_CJK.search(inner) or touches:
        return f"（{inner}）"
    return m.group(0)


def fullwidth_punctuation(text: str) -> str:
    """ASCII ``, ; : ? ! ( )`` inside Chinese text become their full-width forms.

    Only marks next to Chinese text change, so ``1,000``, ``10:30`` and
    ``(a+b)`` stay as they are.

    >>> fullwidth_punctuation("全覆盖,2个社区(试点) 10:30 1,000")
    '全覆盖，2个社区（试点） 10:30 1,000'
    """
    # Each rule runs only when its mark occurs; none of them writes another's mark.
    if "," in text:
        text = _COMMA_RE.sub("，", text)
    if _HAS_SIMPLE.search(text):
        text = _SIMPLE_RE.sub(_simple_to_fullwidth, text)
    if "(" in text:
        text = _PARENS_RE.sub(_paren_to_fullwidth, text)
    return text


# --- lines and crossheads ---------------------------------------------------------

_ASCII_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
#: Every byte but the ASCII letters.
_NOT_LETTER_BYTES: Final = bytes(b for b in range(256) if chr(b) not in _ASCII_LETTERS)


def has_ascii_letter(text: str) -> bool:
    """True when the text holds a Latin letter A-Z or a-z.

    Two C-level passes (keep the ASCII characters, drop all but letters) beat
    a regex scan of Chinese text.

    >>> has_ascii_letter("建设 5G 基站"), has_ascii_letter("１２３，ｘ")
    (True, False)
    """
    return bool(text.encode("ascii", "ignore").translate(None, _NOT_LETTER_BYTES))


def join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines of one paragraph without inserting spaces.

    Only a break between two Latin letters keeps a space (it separated words).

    >>> join_lines(["推动统一战线事", "业创新发展。"])
    '推动统一战线事业创新发展。'
    >>> join_lines(["5G and Wi", "Fi"])
    '5G and Wi Fi'
    """
    # The stripped lines joined, with a space only where a break falls between two Latin letters:
    # each break is looked at by its two characters' code points, not the text for letters first.
    out: list[str] = []
    after_letter = False  # the last line kept ends with a Latin letter
    for line in lines:
        part = line.strip()
        if not part:
            continue
        if after_letter and _is_ascii_letter(ord(part[0])):
            out.append(" ")
        out.append(part)
        after_letter = _is_ascii_letter(ord(part[len(part) - 1]))
    return "".join(out)


def _is_ascii_letter(code: int) -> bool:
    """A code point of A-Z or a-z (``_ASCII_LETTERS``)."""
    return 0x61 <= code <= 0x7A or 0x41 <= code <= 0x5A


def split_doubled(text: str) -> tuple[str, str]:
    """Split a line the PDF drew twice into (text, duplicate); else (text, '').

    >>> split_doubled("全面提升政务服务水平全面提升政务服务水平")
    ('全面提升政务服务水平', '全面提升政务服务水平')
    >>> split_doubled("哈哈")
    ('哈哈', '')
    """
    t = text.strip()
    n = len(t)
    if n >= 8 and n % 2 == 0 and t[: n // 2] == t[n // 2:]:
        return t[: n // 2], t[n // 2:]
    return t, ""


# --- whole pieces ----------------------------------------------------------------


def clean_paragraph(text: str) -> str:
    """Body text as it should be stored: no letterspacing, full-width marks, ASCII digits.

    >>> clean_paragraph("为进一步 , 加强 ( 试点 ) ２０２３ 年")
    '为进一步，加强（试点）2023年'
    """
    if _holds_foldable_or_ascii_mark(text):  # most paragraphs: nothing to fold, no ASCII mark
        text = fullwidth_punctuation(fold_fullwidth_alnum(text))
    return remove_cjk_spacing(text).strip()


def _code_table(chars: str) -> bytes:
    """1 at the code point of each of the characters, 0 elsewhere in the BMP: a set that takes an int."""
    table = bytearray(0x10000)
    for ch in chars:
        table[ord(ch)] = 1
    return bytes(table)


#: What folding or ``fullwidth_punctuation`` would change: a foldable
#: character or an ASCII mark. Folding writes no mark, so one search tells
#: for both.
_FOLDABLE_OR_ASCII_MARK: Final = _code_table(_FOLDABLE_CHARS + ",;:?!(")


def _holds_foldable_or_ascii_mark(text: str) -> bool:
    """Whether the text holds one of ``_FOLDABLE_OR_ASCII_MARK``: what a regex class search answers.

    A compiled loop over code points costs less than the regex engine's class test at each
    character, and skips Chinese characters (none is foldable or a mark) at one comparison.

    >>> _holds_foldable_or_ascii_mark("全覆盖，２个"), _holds_foldable_or_ascii_mark("全覆盖，两个")
    (True, False)
    """
    marks = _FOLDABLE_OR_ASCII_MARK
    for i in range(len(text)):
        code = ord(text[i])
        if 0x4E00 <= code <= 0x9FFF:
            continue
        if code < 0x10000 and marks[code]:
            return True
    return False


_WIDE_GAP: Final = re.compile(r"[ \t]{2,}")


def bracket_depth(text: str) -> int:
    """Opening brackets minus closing ones, full-width and ASCII: below zero, the text closes one opened before it.

    >>> bracket_depth("（记者 王"), bracket_depth("芳）近日"), bracket_depth("（街道）")
    (1, -1, 0)
    """
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


def is_letterspaced(text: str) -> bool:
    """True when most of a line's space-separated tokens are single characters.

    >>> is_letterspaced("明 确 思 路"), is_letterspaced("明确思路 笃行实干")
    (True, False)
    """
    return _letterspaced(text.split())  # str.split() splits where the regex \s does


def _letterspaced(tokens: list[str]) -> bool:
    if len(tokens) < 3:
        return False
    # Single characters count, and pairs whose second character is a mark (通 过 学 理 论 ，诵).
    singles = pairs = 0  # lengths.count(1) and lengths.count(2) of lengths = list(map(len, tokens)), in one compiled loop
    for token in tokens:
        size = len(token)
        if size == 1:
            singles += 1
        elif size == 2:
            pairs += 1
    enough = 0.6 * len(tokens)
    if singles >= enough or singles + pairs < enough:
        return singles >= enough  # decided without looking into the pairs
    return singles + sum(1 for t in tokens if len(t) == 2 and not t[1].isalnum()) >= enough


@lru_cache(maxsize=1024)  # segmentation cleans each headline of a page many times over
def clean_heading(text: str) -> str:
    """A headline line as stored: letterspacing removed, word gaps kept as one space.

    In a letterspaced line only gaps of two or more spaces are word gaps.

    >>> clean_heading("明 确 思 路   笃 行 实 干"), clean_heading(" 深化服务改革  解决群众难题")
    ('明确思路 笃行实干', '深化服务改革 解决群众难题')
    """
    text = fullwidth_punctuation(fold_fullwidth_alnum(text)).strip()
    tokens = text.split()
    if _letterspaced(tokens):
        parts = _WIDE_GAP.split(text)
        return " ".join(p.replace(" ", "") for p in parts if p.strip())
    return " ".join(tokens)
