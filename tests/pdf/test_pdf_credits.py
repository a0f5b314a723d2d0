"""Datelines in the forms the PDF path reads on top of the text rules (``tasks/pdf/credits.py``)."""

from __future__ import annotations

import pytest

from banmian.tasks.pdf.credits import dateline, dateline_run_on


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


@pytest.mark.parametrize(("printed", "credit", "rest"), [
    # no gap between the dateline and the reporters on a printed line: they open the text (dev 0038)
    ("本报北京1月5日讯记者李中文报道：由国家", "本报北京1月5日讯", "记者李中文报道：由国家"),
    ("本报北京\n1月5日讯记者\n李中文报道：", "本报北京1月5日讯", "记者\n李中文报道："),  # dev 0064, wrapped
    ("新华社北京1月8日电记者杨国强报道：国务院", "新华社北京1月8日电", "记者杨国强报道：国务院"),
    # a space, or a line break (no evidence), between them: the text rules' credit with its reporters
    ("本报北京1月5日讯 记者李中文报道：由国家", None, None),
    ("本报伊斯兰堡1月9日电\n记者王南报道：英国", None, None),  # dev 0002
    ("本报讯（记者 王芳）记者从海关总署获悉", None, None),          # reporters in brackets, no 报道：
])
def test_a_dateline_run_into_its_reporters_with_no_gap_leaves_them_in_the_text(
        printed: str, credit: str | None, rest: str | None) -> None:
    found = dateline_run_on(printed)
    assert (found[0].text, found[1]) == (credit, rest) if found else (credit, rest) == (None, None)
