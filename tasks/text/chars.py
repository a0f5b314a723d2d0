"""All character data of banmian's text logic, in one place (as ftfy keeps its ``chardata``).

Every character class a rule needs is declared here once, with what it
means; the rules import them instead of writing ranges of their own.

>>> han_count("第3版 社会民生"), is_basic_han("民"), is_basic_han("3")
(6, True, False)
"""

from __future__ import annotations

from typing import Final

#: The CJK Unified Ideographs block (U+4E00–U+9FFF), as a regex class body: the
#: characters of running Chinese text, of names and of headlines.
HAN_BASIC: Final = "\u4e00-\u9fff"
#: ``HAN_BASIC`` and Extension A (U+3400–U+4DBF), as a regex class body: the
#: rare characters that appear in personal and place names.
HAN: Final = "\u3400-\u4dbf" + HAN_BASIC


def is_basic_han(ch: str) -> bool:
    """A character of ``HAN_BASIC``: a Chinese character of running text."""
    return "\u4e00" <= ch <= "\u9fff"


def han_count(text: str) -> int:
    """How many characters of ``text`` are ``HAN_BASIC``: a heading's or name's length in Chinese characters."""
    return sum(1 for ch in text if is_basic_han(ch))
