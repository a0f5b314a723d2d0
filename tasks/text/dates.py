"""Printed dates and page numbers read as values: ``2023年8月25日 星期五`` → 2023-08-25, ``十二`` → ``12``.

Segmentation keeps what the page furniture prints as text (``PageMeta``:
``date``, ``page_no``); an archive is searched, grouped and sorted by dates,
so the warehouse also stores the date the text names. Pure functions: no
date is ever guessed, a text that names no valid day gives None.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from banmian.tasks.text.chars import HAN_DIGIT_VALUES, HAN_TEN_VALUES
from banmian.tasks.text.clean import fold_fullwidth_alnum

#: The first Chinese-language periodical (察世俗每月统记传) appeared in 1815: no page printed earlier.
MIN_YEAR: Final = 1815
#: No archive holds pages of a later year: a larger 4-digit number is not a year (a serial, a count).
MAX_YEAR: Final = 2100

_HAN: Final = "".join(HAN_DIGIT_VALUES) + "".join(HAN_TEN_VALUES)

_ARABIC_DATE_RE: Final = re.compile(
    r"(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})(?!\d))")
_HAN_DATE_RE: Final = re.compile(rf"([{_HAN}]{{4}})\s*年\s*([{_HAN}]{{1,3}})\s*月\s*([{_HAN}]{{1,3}})\s*日")


def han_number(text: str) -> int | None:
    """A small number written in Chinese numerals (1-99), or a string of Chinese digits (二〇二三); else None.

    >>> han_number("二十五"), han_number("十二"), han_number("廿一"), han_number("二〇二三"), han_number("八")
    (25, 12, 21, 2023, 8)
    >>> han_number("十十"), han_number("三十一二"), han_number(""), han_number("12")
    (None, None, None, None)
    """
    if not text or any(ch not in HAN_DIGIT_VALUES and ch not in HAN_TEN_VALUES for ch in text):
        return None
    tens = [i for i, ch in enumerate(text) if ch in HAN_TEN_VALUES]
    if not tens:
        return int("".join(str(HAN_DIGIT_VALUES[ch]) for ch in text))
    return _han_tens(text, tens[0]) if len(tens) == 1 else None


def _han_tens(text: str, at: int) -> int | None:
    """A number of tens (``text[at]``: 十, 廿 or 卅) with at most one digit before (二十) and one after (二十五)."""
    before, after = text[:at], text[at + 1:]
    if len(before) > 1 or len(after) > 1 or (before and text[at] != "十"):
        return None
    scale = HAN_DIGIT_VALUES[before] if before else 1
    return scale * HAN_TEN_VALUES[text[at]] + (HAN_DIGIT_VALUES[after] if after else 0)


def valid_date(year: int, month: int, day: int) -> date | None:
    """The day, if it exists and its year is one a newspaper can have (``MIN_YEAR``-``MAX_YEAR``).

    >>> valid_date(2023, 8, 25), valid_date(2023, 2, 30), valid_date(1700, 1, 1)
    (datetime.date(2023, 8, 25), None, None)
    """
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def printed_date(text: str) -> date | None:
    """The day a page's printed date names: the first ``2023年8月25日``, ``二〇二三年八月二十五日`` or ``2023.8.25``.

    Weekday, lunar date and spaces around it are ignored; a text naming no
    valid day (2023年2月30日) gives None, never a neighbouring day.

    >>> printed_date("2023年8月25日 星期五"), printed_date("２０２３年 ８ 月２５日")
    (datetime.date(2023, 8, 25), datetime.date(2023, 8, 25))
    >>> printed_date("二〇二三年八月二十五日 星期五 农历七月初十"), printed_date("2018.6.5 星期二")
    (datetime.date(2023, 8, 25), datetime.date(2018, 6, 5))
    >>> printed_date("2023年2月30日"), printed_date("责任编辑：张三"), printed_date("12345年1月1日")
    (None, None, None)
    """
    folded = fold_fullwidth_alnum(text)
    m = _ARABIC_DATE_RE.search(folded)
    if m:
        month, day = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
        return valid_date(int(m.group(1)), int(month), int(day))
    h = _HAN_DATE_RE.search(folded)
    if h:
        year, month, day = (han_number(g) for g in h.groups())
        if year is not None and month is not None and day is not None:
            return valid_date(year, month, day)
    return None


def page_number(printed: str) -> str:
    """A printed page number as it is filtered by: Chinese numerals read as digits, leading zeros dropped.

    ``第一版`` and ``第1版`` are both page ``1``; a number with a letter (A3) stays as printed.

    >>> page_number("十二"), page_number("一"), page_number("03"), page_number("A3"), page_number("３")
    ('12', '1', '3', 'A3', '3')
    """
    folded = fold_fullwidth_alnum(printed.strip())
    number = han_number(folded)
    if number is not None:
        return str(number)
    return str(int(folded)) if folded.isdigit() and folded.isascii() else folded


#: The page a jump marker names: 第5版, 第一版, A3版, 5版 (转第5版右下 too); 接上页 names none.
_JUMP_PAGE_RE: Final = re.compile(rf"(?:第\s*)?([A-Za-z]?\d+|[{_HAN}]+)\s*版")


def jump_page(marker: str | None) -> str | None:
    """The page number a jump marker (``Article.continued_from``/``continued_to``) names, as ``page_number`` reads it.

    >>> jump_page("下转第5版"), jump_page("上接第一版"), jump_page("转第１２版右下"), jump_page("接A3版")
    ('5', '1', '12', 'A3')
    >>> jump_page("转下页"), jump_page(None)
    (None, None)
    """
    m = _JUMP_PAGE_RE.search(fold_fullwidth_alnum(marker)) if marker else None
    return page_number(m.group(1)) if m else None
