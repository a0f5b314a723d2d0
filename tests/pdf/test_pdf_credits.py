"""Datelines in the forms the PDF path reads on top of the text rules (``tasks/pdf/credits.py``)."""

from __future__ import annotations

import pytest

from banmian.tasks.pdf.credits import dateline


@pytest.mark.parametrize(("paragraph", "authors", "rest"), [
    # reporters after a 1998-style dateline, each with an employer run into the role word
    ("新华社北京1月8日电 中央人民广播电台记者李涛、新华社记者张宿堂报道：今天", ["李涛", "张宿堂"], "今天"),
    ("本报北京1月5日讯 新华社记者尹鸿祝、本报记者毕全忠报道：今天", ["尹鸿祝", "毕全忠"], "今天"),
    # a name broken over a line inside the brackets, the break read as a space
    ("新华社拉巴特1月9日电（记者 诸 葛仓麟）中国国务院", ["诸葛仓麟"], "中国国务院"),
])
def test_a_datelines_reporters_are_its_authors(paragraph: str, authors: list[str], rest: str) -> None:
    found = dateline(paragraph)
    assert found is not None
    assert (found[0].authors, found[1]) == (authors, rest)
