"""Printed dates and page numbers read as values (banmian.tasks.text.dates): raw text -> value tables."""

from __future__ import annotations

from datetime import date

import pytest

from banmian.tasks.text.dates import han_number, page_number, printed_date


@pytest.mark.parametrize(("printed", "expected"), [
    ("2023年8月25日 星期五", date(2023, 8, 25)),
    ("2023年8月25日", date(2023, 8, 25)),
    ("2023 年 8 月 25 日 星期五 农历七月初十", date(2023, 8, 25)),
    ("２０２３年８月２５日　星期五", date(2023, 8, 25)),
    ("2018年06月05日", date(2018, 6, 5)),
    ("2018.6.5 星期二", date(2018, 6, 5)),
    ("2018-06-05", date(2018, 6, 5)),
    ("二〇二三年八月二十五日", date(2023, 8, 25)),
    ("二○二三年十二月三十一日 星期日", date(2023, 12, 31)),
    ("二〇二三年八月廿五日", date(2023, 8, 25)),
    ("一九九八年一月一日", date(1998, 1, 1)),
    # no valid day: nothing is guessed
    ("2023年2月30日 星期四", None),
    ("2023年13月1日", None),
    ("二〇二三年二月三十日", None),
    ("1700年1月1日", None),
    ("3023年1月1日", None),
    ("12345年1月1日", None),
    ("8月25日 星期五", None),
    ("责任编辑：张三", None),
    ("", None),
])
def test_printed_date(printed: str, expected: date | None) -> None:
    assert printed_date(printed) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十五", 25), ("廿五", 25), ("卅一", 31),
    ("二〇二三", 2023), ("一九九八", 1998),
    ("十十", None), ("二廿", None), ("一百", None), ("三十一二", None), ("", None), ("3", None),
])
def test_han_number(text: str, expected: int | None) -> None:
    assert han_number(text) == expected


@pytest.mark.parametrize(("printed", "expected"), [
    ("3", "3"), ("03", "3"), ("３", "3"), ("十二", "12"), ("一", "1"), ("A3", "A3"), ("B12", "B12"),
])
def test_page_number(printed: str, expected: str) -> None:
    assert page_number(printed) == expected
