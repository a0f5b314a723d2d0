"""Issue dates and page numbers from the page's furniture, else its path (banmian.tasks.ingest.dating)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.support.paths import WILD

from banmian.tasks.ingest.decode import decode_page
from banmian.tasks.ingest.pages import segment_decoded
from banmian.tasks.ingest.dating import BadPathPattern, PathFacts, compile_path_pattern, date_page, path_facts
from banmian.tasks.model import PageMeta, Reject

D = date(2023, 8, 25)


@pytest.mark.parametrize(("path", "expected"), [
    ("/archive/2023-08-25/03.txt", PathFacts(D, "3", None)),
    ("/archive/2023-8-5/1.txt", PathFacts(date(2023, 8, 5), "1", None)),
    ("/archive/2023-08-25/要闻.txt", PathFacts(D, None, None)),
    ("/archive/2023-08-25/03.pdf#page=1", PathFacts(D, "3", None)),
    ("/archive/2023-08-25/issue.pdf#page=2", PathFacts(D, "2", None)),
    ("/archive/rmrb2018010207.txt", PathFacts(date(2018, 1, 2), "7", "rmrb")),
    ("/archive/rmrb_20180102_07.txt", PathFacts(date(2018, 1, 2), "7", "rmrb")),
    ("/archive/RMRB2018010212.TXT".lower(), PathFacts(date(2018, 1, 2), "12", "rmrb")),
    ("/archive/20230825_03.txt", PathFacts(D, "3", None)),
    ("/archive/20230825-12.txt", PathFacts(D, "12", None)),
    ("C:\\archive\\2023-08-25\\03.txt", PathFacts(D, "3", None)),
    # paths that must NOT parse: numbers that are no valid day, or no convention at all
    ("/archive/2023-02-30/03.txt", PathFacts()),
    ("/archive/2023-13-01/03.txt", PathFacts()),
    ("/archive/rmrb2018130207.txt", PathFacts()),
    ("/archive/rmrb2018023107.txt", PathFacts()),
    ("/archive/20231345_03.txt", PathFacts()),
    ("/archive/10000825_03.txt", PathFacts()),
    ("/archive/20230825_00.txt", PathFacts(D, None, None)),
    ("/archive/2018010207.txt", PathFacts()),
    ("/archive/12023-08-25/03.txt", PathFacts()),
    ("/archive/page03.txt", PathFacts()),
    ("/archive/sample.txt", PathFacts()),
    ("/archive/2023-08-25.txt", PathFacts()),
])
def test_path_facts(path: str, expected: PathFacts) -> None:
    assert path_facts(path) == expected


PATTERN = r"(?P<paper>[a-z]+)/(?P<year>\d{4})/(?P<month>\d\d)(?P<day>\d\d)/p(?P<page>\d+)\.txt$"


@pytest.mark.parametrize(("path", "expected"), [
    ("/archive/sjrb/2023/0825/p3.txt", PathFacts(D, "3", "sjrb")),
    ("/archive/sjrb/2023/0230/p3.txt", PathFacts()),  # no such day: the pattern says nothing
    ("/archive/2023-08-25/03.txt", PathFacts(D, "3", None)),  # the pattern misses: the conventions still read it
])
def test_path_pattern(path: str, expected: PathFacts) -> None:
    assert path_facts(path, compile_path_pattern(PATTERN)) == expected


@pytest.mark.parametrize("pattern", [r"(?P<date>\d+)", r"(?P<year>\d{4})", r"(unclosed", r"\d+\.txt"])
def test_bad_path_patterns_are_refused(pattern: str) -> None:
    with pytest.raises(BadPathPattern, match="--path-pattern"):
        compile_path_pattern(pattern)


@pytest.mark.parametrize(("path", "meta", "expected"), [
    # the furniture wins over the path, fact by fact
    ("/a/2023-08-25/03.txt", PageMeta(date="2023年8月26日 星期六", page_no="5", page_name="综合新闻"),
     (date(2023, 8, 26), "furniture", "5", "综合新闻", "furniture")),
    ("/a/2023-08-25/03.txt", PageMeta(page_no="第十二".removeprefix("第")),
     (D, "path", "12", None, "furniture")),
    ("/a/2023-08-25/03.txt", PageMeta(date="2023年2月30日"), (D, "path", "3", None, "path")),
    ("/a/sample.txt", PageMeta(date="二〇二三年八月二十五日"), (D, "furniture", None, None, "none")),
    # the bundled sample prints no date and its path names none: no date is invented
    ("/a/sample.txt", PageMeta(), (None, "none", None, None, "none")),
])
def test_date_page(path: str, meta: PageMeta, expected: tuple[object, ...]) -> None:
    d = date_page(path, meta)
    assert (d.issue_date, d.date_source, d.page_no, d.page_name, d.page_source) == expected


@pytest.mark.parametrize("path", sorted(WILD.glob("*.txt")), ids=lambda p: p.name)
def test_real_pages_print_the_issue_their_file_names(path: Path) -> None:
    """The wild pages (rmrbYYYYMMDDPP.txt) print their date and page number: furniture and name agree."""
    page = decode_page(str(path), path.read_bytes(), 0.0)
    assert not isinstance(page, Reject)
    dating = date_page(str(path), segment_decoded(page).meta)
    facts = path_facts(str(path))
    assert (dating.date_source, dating.page_source, dating.paper) == ("furniture", "furniture", "rmrb")
    assert (dating.issue_date, dating.page_no) == (facts.issue_date, facts.page_no) != (None, None)
