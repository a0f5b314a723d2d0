"""Character classes and the gold conventions of the simulator.

Gold text (``/work/shared/README.md``): ASCII digits and Latin letters, full-width Chinese
punctuation ``，（）：；``, no whitespace inside Chinese text.  ``to_gold`` brings corpus text
(full-width digits, ``———`` dashes, stray spaces) to that form; ``fold`` is what the accounting
test compares printed text with: whitespace removed, full-width alphanumerics to ASCII and the
ASCII marks an extractor may emit back to full width.
"""

from __future__ import annotations

import re
from typing import Final

#: Marks that may not open a line (Chinese kinsoku, 行首禁则).
NO_LINE_START: Final[frozenset[str]] = frozenset("，。、；：？！”’）》」』…%．·—")
#: Marks that may not close a line (行尾禁则).
NO_LINE_END: Final[frozenset[str]] = frozenset("“‘（《「『")
#: Marks after which an extractor's letterspacing leaves no space (their glyph is half an em
#: plus the stretch, so the gap reads as part of the mark): ``通 过 学 理 论 ，诵 经 典``.
TIGHT_AFTER: Final[frozenset[str]] = frozenset("，。、；：！？”）》」』")
#: Sentence ends: a paragraph of the pool ends with one of these.
TERMINAL: Final[frozenset[str]] = frozenset("。！？…”’』」）：；—")
#: Chinese marks an extractor may emit as ASCII, and back.
TO_ASCII: Final[dict[str, str]] = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?"}
_FROM_ASCII: Final[dict[int, str]] = {ord(v): k for k, v in TO_ASCII.items()}
_FW_TO_ASCII: Final[dict[int, int]] = {**{c + 0xFEE0: c for c in range(0x21, 0x7F) if chr(c).isalnum()},
                                       0xFF0E: 0x2E, 0xFF05: 0x25, 0xFF0F: 0x2F, 0xFF0B: 0x2B}
_ASCII_TO_FW: Final[dict[int, int]] = {v: k for k, v in _FW_TO_ASCII.items()}
_WS_RE: Final[re.Pattern[str]] = re.compile(r"\s+")
_DASH_RUN_RE: Final[re.Pattern[str]] = re.compile("—{3,}")
_PERIOD_IN_NUMBER_RE: Final[re.Pattern[str]] = re.compile(r"(?<=[0-9０-９])．(?=[0-9０-９])")


def to_gold(text: str) -> str:
    """Corpus text in the gold conventions.

    >>> to_gold("１９９７年的总产量逾８５．２亿公斤———增长 １３％")
    '1997年的总产量逾85.2亿公斤——增长13%'
    """
    text = _PERIOD_IN_NUMBER_RE.sub(".", text)
    text = text.translate(_FW_TO_ASCII)
    text = _DASH_RUN_RE.sub("——", text)
    return _WS_RE.sub("", text)


def to_fullwidth(text: str) -> str:
    """ASCII letters, digits and ``.%/+`` as their full-width forms (a font's mapping).

    >>> to_fullwidth("2023年12.5%")
    '２０２３年１２．５％'
    """
    return text.translate(_ASCII_TO_FW)


def fold(text: str) -> str:
    """Printed text folded for comparison with gold: no whitespace, ASCII alnum, Chinese marks.

    >>> fold("通 过 2 0 1 8 年 ,(记者 王芳)") == fold("通过２０１８年，（记者王芳）")
    True
    """
    return _WS_RE.sub("", text).translate(_FW_TO_ASCII).translate(_FROM_ASCII)


def is_han(ch: str) -> bool:
    """A CJK ideograph.

    >>> is_han("报"), is_han("，"), is_han("A")
    (True, False, False)
    """
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def is_ascii_alnum(ch: str) -> bool:
    """An ASCII letter or digit (half-width in print).

    >>> is_ascii_alnum("7"), is_ascii_alnum("７")
    (True, False)
    """
    return ch.isascii() and ch.isalnum()


def em_width(ch: str) -> float:
    """Advance of a character in ems: CJK and full-width marks 1, ASCII 0.5, spaces 0.

    >>> em_width("中"), em_width("8"), em_width(" ")
    (1.0, 0.5, 0.0)
    """
    if ch.isspace():
        return 0.0
    return 0.5 if ch.isascii() else 1.0
