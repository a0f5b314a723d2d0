"""All character data of banmian's text logic, in one place (as ftfy keeps its ``chardata``).

Every character class a rule needs is declared here once, with what it
means; the rules import them instead of writing ranges of their own. A
constant whose name says *class* is the body of a regex character class
(``f"[{HAN}]"``), with ranges; the others are plain strings of the
characters themselves, for ``in``, ``str.strip`` and ``str.endswith``.

>>> han_count("第3版 社会民生"), is_basic_han("民"), is_basic_han("3")
(6, True, False)
"""

from __future__ import annotations

import re
from typing import Final

# --- Chinese characters (regex class bodies) ------------------------------------------

#: The CJK Unified Ideographs block (U+4E00–U+9FFF), as a regex class body: the
#: characters of running Chinese text, of names and of headlines.
HAN_BASIC: Final = "\u4e00-\u9fff"
#: ``HAN_BASIC`` and Extension A (U+3400–U+4DBF), as a regex class body: the
#: rare characters that appear in personal and place names.
HAN: Final = "\u3400-\u4dbf" + HAN_BASIC
#: The characters of a personal name in a credit, as a regex class body:
#: ``HAN`` and the middle dots that part a transcribed foreign name.
NAME_CLASS: Final = HAN + "·•"
#: Chinese punctuation, symbols and boxes below U+2E80, as a regex class body:
#: general punctuation (— … “ ” ‘ ’ ‰ ※), geometric shapes (□ ■ ◆ ● ○ ▲),
#: miscellaneous symbols and dingbats (★ ✔). Printed full width.
CJK_MARKS_BELOW_RADICALS: Final = "\u2010-\u2027\u2030-\u205e\u25a0-\u27bf"
#: Chinese text, as a regex class body: ``HAN``, ``CJK_MARKS_BELOW_RADICALS``,
#: CJK symbols and punctuation (U+3000–U+303F: 、。「」《》 and the ideographic
#: space), compatibility ideographs, vertical forms and the full-width forms
#: (，！（）０Ａ). Chinese is written without spaces, so a space touching one of
#: these is letterspacing, and an ASCII mark touching one is a full-width mark
#: typed narrow.
CJK_CLASS: Final = (CJK_MARKS_BELOW_RADICALS + "\u3000-\u303f" + HAN
                    + "\uf900-\ufaff\ufe30-\ufe4f\uff01-\uffee")
#: Characters printed one full-width unit wide, as a regex class body:
#: everything from the CJK radicals (U+2E80) up, and
#: ``CJK_MARKS_BELOW_RADICALS``. Every other character is half a unit.
WIDE_CLASS: Final = CJK_MARKS_BELOW_RADICALS + "\u2e80-\U0010ffff"
#: Characters that measure half a unit and that Chinese lines commonly hold,
#: as a regex class body: ASCII, and the middle dot of foreign names. Set
#: wider or narrower than half a unit in print, they leave a line holding one
#: showing no true column width (``4.6 万``, ``APP``, ``“四平备案”APP``).
NARROW_CLASS: Final = "\x00-\x7f\u00b7"
#: ASCII and full-width digits, as a regex class body (``２０２３年``, ``11 月``).
DIGIT_CLASS: Final = "0-9０-９"

# --- spaces -------------------------------------------------------------------------------

#: The spaces of a line: letterspacing, the gap in a couplet or between a
#: role and a name. (The ideographic space is folded to a space first.)
SPACE_OR_TAB: Final = " \t"
#: The ideographic space, U+3000: one full-width unit of blank.
IDEOGRAPHIC_SPACE: Final = "\u3000"

# --- punctuation ------------------------------------------------------------------------

#: Marks that end a sentence, full width and ASCII (ASCII ``;`` and ``!?``
#: stand for their full-width forms in extracted text). A run of them
#: (``！？``, ``……``) ends one sentence.
SENTENCE_ENDS: Final = "。！？；…!?;"
#: Closing quotes and brackets that may follow a sentence end and belong to
#: the sentence they close (``他说：“走吧。”``), ASCII straight quotes included.
CLOSERS: Final = "”’」』）)】》〉\"'"
#: Marks inside or at the end of a sentence: a line holding one is text,
#: not a heading (a heading is printed without punctuation).
SENTENCE_MARKS: Final = "，。、；：;:,"
#: The sentence marks that end a clause: all but 、, which only lists (names, items).
CLAUSE_MARKS: Final = SENTENCE_MARKS.replace("、", "")
#: The sentence marks no heading may hold, however short.
HARD_SENTENCE_MARKS: Final = "。；：;:"
#: Marks a short heading may hold once (``稳增长，促发展``, ``为什么？``).
SOFT_SENTENCE_MARKS: Final = "，！？!?"
#: Colons, full width and ASCII.
COLONS: Final = "：:"
#: Commas, full width and ASCII, and the enumeration comma: a line ending on one runs on.
COMMAS: Final = "，,、"
#: Opening round brackets, full width and ASCII: a credit's, a jump
#: marker's, a note's (``（记者 王芳）``, ``（下转第3版）``).
OPEN_BRACKETS: Final = "（("
#: Closing round brackets, full width and ASCII.
CLOSE_BRACKETS: Final = "）)"
#: Brackets a section label is printed in (``【图片新闻】``, ``〖要闻简报〗``).
SECTION_BRACKETS_OPEN: Final = "【[〖"
SECTION_BRACKETS_CLOSE: Final = "】]〗"
#: ASCII marks that stand for full-width ones in Chinese text, with those.
ASCII_TO_FULLWIDTH_MARKS: Final = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

# --- line breaking (kinsoku) ------------------------------------------------------------------

#: Closing marks whose ink stands in the first half of their em: type may hang them past a
#: column's right edge, and their box's second half is blank (PDF layout, ``tasks/pdf``).
HANGING_MARKS: Final = frozenset("，。、；：！？”’）》」』")
#: Marks a printed line never opens with (行首禁则): closing marks, brackets and quotes, and the
#: marks that close a number, full width and ASCII. Typesetting pulls a character down with them
#: or hangs them in the margin, so a line of extracted text that opens with one is the rest of
#: the line above it, broken by the extractor. (The colon is left out: a title split at its colon
#: is printed in two sizes, and the part after the colon is a line of its own.)
NO_LINE_START: Final = "、。，．；？！）］｝〕〉》」』】〗’”％‰…,;?!)]%"
#: Marks a printed line never ends with (行尾禁则): opening brackets and quotes. A line of extracted
#: text that ends with one goes on in the line after it.
NO_LINE_END: Final = "（［｛〔〈《「『【〖‘“([{"

# --- marks set before a line --------------------------------------------------------------

#: Bullets that open a brief (``◆农民丰收节文艺汇演举行``, ``○中国登山队登上``; ``RING`` only with a dateline).
BULLET_MARKS: Final = "◆●▲■◇○"
#: A ring is a bullet, a zero (``一九九○``), or a list's mark: a brief's only with its dateline in its first lines.
RING: Final = "○"
#: Boxes printed before a credit's role (``□本报记者 姚远``).
BOXES: Final = "□■"
#: The box printed before an author's bare name (``□今哲``, ``□ 李 彦 生 陈 爱 国``): never before a heading
#: (``■`` opens a brief's headline too).
NAME_BOX: Final = "□"
#: Box and bullet marks printed before a byline: decoration, not credit text.
BYLINE_MARKS: Final = "□■◇◆●○"

# --- folding --------------------------------------------------------------------------------

#: Full-width digits and Latin letters to ASCII; the ideographic and the
#: no-break space to a space; full-width ``．`` and ``％`` to ASCII. Extracted
#: text mixes both forms; stored text keeps the ASCII ones.
FOLD_TO_ASCII: Final[dict[int, int]] = {
    **{code: code - 0xFEE0 for code in range(ord("０"), ord("９") + 1)},
    **{code: code - 0xFEE0 for code in range(ord("Ａ"), ord("Ｚ") + 1)},
    **{code: code - 0xFEE0 for code in range(ord("ａ"), ord("ｚ") + 1)},
    ord(IDEOGRAPHIC_SPACE): ord(" "), 0x00A0: ord(" "), ord("．"): ord("."), ord("％"): ord("%"),
}


# --- column tags ------------------------------------------------------------------------

#: Words a paper's column tag (栏目, set as a kicker over its headline) ends with: 一线见闻, 经济观察, 记者调查,
#: 基层动态, 本报专稿, 乡村振兴进行时, 优化营商环境在行动, 民生实事面对面, 新春走基层.
COLUMN_TAG_ENDINGS: Final = ("见闻", "观察", "调查", "动态", "专稿", "快讯", "纵横", "视点", "进行时", "在行动",
                             "面对面", "走基层", "基层行")
#: Words a column tag opens with: 聚焦两会, 关注民生.
COLUMN_TAG_OPENINGS: Final = ("聚焦", "关注")

# --- officials' titles -----------------------------------------------------------------

#: Titles an official signs an address or article with, before the name: 农业部部长刘江, 中国人民银行行长戴相龙,
#: 中国科学院武汉分院副院长吕纯操, 中共伊克昭盟委员会书记邢云.
OFFICIAL_TITLES: Final = ("部长", "行长", "局长", "院长", "厅长", "司长", "署长", "主任", "书记", "主席", "总理",
                          "省长", "市长", "县长", "秘书长", "委员")

# --- Chinese numerals -------------------------------------------------------------------

#: Chinese digits as printed in years (二〇二三) and in small numbers (二十五); ○ and 零 are zero too.
HAN_DIGIT_VALUES: Final[dict[str, int]] = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                                           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
#: Tens written as one character: 廿 is twenty, 卅 thirty (廿五日).
HAN_TEN_VALUES: Final[dict[str, int]] = {"十": 10, "廿": 20, "卅": 30}

_BASIC_HAN_CHAR: Final = re.compile(f"[{HAN_BASIC}]")


def is_basic_han(ch: str) -> bool:
    """A character of ``HAN_BASIC``: a Chinese character of running text."""
    return _BASIC_HAN_CHAR.fullmatch(ch) is not None


def han_count(text: str) -> int:
    """How many characters of ``text`` are ``HAN_BASIC``: a heading's or name's length in Chinese characters."""
    return len(_BASIC_HAN_CHAR.findall(text))


#: Verbs a feature's subject line opens with, each a word on its own: 记 "a record of", 读 "on reading",
#: 访 "a visit to", 忆 "remembering" (``记中国大马戏团访澳演出``, ``读《往事知多少》``).
FEATURE_SUBJECT_VERBS: Final = frozenset({"记", "读", "访", "忆"})
