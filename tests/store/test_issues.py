"""Issues in the warehouse: every article's issue date and page, the issues view and articles_per_issue."""

from __future__ import annotations

from datetime import date

from tests.support.warehouse_fixtures import commit, count, rows, synthetic_page, synthetic_result

from banmian.tasks.ingest.dating import dated
from banmian.tasks.model import DecodedPage, PageMeta, PageResult
from banmian.tasks.store.warehouse import Warehouse


def dated_pages() -> list[tuple[DecodedPage, PageResult]]:
    """Two issues of rmrb (pages 1, 2 and 1), an issue of a paper the paths do not name, and an undated page."""
    out = []
    for path, meta in [
        ("/a/rmrb2018010201.txt", PageMeta()),
        ("/a/rmrb2018010202.txt", PageMeta(page_no="二", page_name="要闻")),  # the furniture's number wins
        ("/a/rmrb2018010301.txt", PageMeta()),
        ("/a/2023-08-25/03.txt", PageMeta()),
        ("/a/misc/03.txt", PageMeta(date="2023年8月25日 星期五")),  # its furniture dates it
        ("/a/sample.txt", PageMeta()),  # dated nowhere: no issue
    ]:
        page = synthetic_page(path, path)
        result = synthetic_result(page.sha256, n_articles=2)
        result.meta = meta
        out.append((page, result))
    return out


def loaded(wh: Warehouse) -> Warehouse:
    with wh.writer() as w:
        commit(w, dated_pages())
    return wh


def test_articles_know_their_issue_date_page_and_where_it_was_read(wh: Warehouse) -> None:
    got = rows(loaded(wh), "SELECT DISTINCT p.source_path, a.issue_date, a.page_no, a.page_name, p.paper, "
                           "p.date_source, p.page_source FROM articles AS a JOIN pages AS p USING (page_id) "
                           "ORDER BY p.source_path")
    assert [tuple(r.values()) for r in got] == [
        ("/a/2023-08-25/03.txt", date(2023, 8, 25), "3", None, None, "path", "path"),
        ("/a/misc/03.txt", date(2023, 8, 25), None, None, None, "furniture", "none"),
        ("/a/rmrb2018010201.txt", date(2018, 1, 2), "1", None, "rmrb", "path", "path"),
        ("/a/rmrb2018010202.txt", date(2018, 1, 2), "2", "要闻", "rmrb", "path", "furniture"),
        ("/a/rmrb2018010301.txt", date(2018, 1, 3), "1", None, "rmrb", "path", "path"),
        ("/a/sample.txt", None, None, None, None, "none", "none"),
    ]


def test_issues_have_one_row_per_paper_and_day(wh: Warehouse) -> None:
    got = rows(loaded(wh), "SELECT * FROM issues ORDER BY issue_date, paper")
    assert got == [
        {"paper": "rmrb", "issue_date": date(2018, 1, 2), "pages": 2, "page_nos": ["1", "2"],
         "pages_without_no": 0, "articles": 4, "date_sources": ["path"]},
        {"paper": "rmrb", "issue_date": date(2018, 1, 3), "pages": 1, "page_nos": ["1"],
         "pages_without_no": 0, "articles": 2, "date_sources": ["path"]},
        {"paper": None, "issue_date": date(2023, 8, 25), "pages": 2, "page_nos": ["3"],
         "pages_without_no": 1, "articles": 4, "date_sources": ["furniture", "path"]},
    ]


def test_articles_per_issue_has_one_row_per_issue_and_kind_and_adds_up(wh: Warehouse) -> None:
    wh = loaded(wh)
    keys = rows(wh, "SELECT paper, issue_date, kind FROM articles_per_issue")
    assert len(keys) == len({tuple(k.values()) for k in keys})  # the grain
    assert count(wh, "SELECT sum(articles) FROM articles_per_issue") == \
        count(wh, "SELECT count(*) FROM articles WHERE issue_date IS NOT NULL") == 10
    assert count(wh, "SELECT sum(articles) FROM articles_per_issue WHERE paper = 'rmrb' "
                     "AND issue_date = DATE '2018-01-02'") == 4


def test_of_copies_of_one_content_in_a_run_the_dated_one_is_stored(wh: Warehouse) -> None:
    """The sample and its dated copy read in one run (a full refresh of both): the page gets the copy's issue."""
    content = "本报讯 今天，全市开展安全检查。"
    copies = []
    for path in ("/a/data/sample/p.txt", "/a/archive/2023-08-25/01.txt"):
        page = synthetic_page(path, content)
        result = synthetic_result(page.sha256, n_articles=1)
        result.meta = PageMeta()
        copies.append((page, dated(page, result)))
    with wh.writer() as w:
        commit(w, copies)
    assert rows(wh, "SELECT issue_date, page_no, date_source FROM pages") == [
        {"issue_date": date(2023, 8, 25), "page_no": "1", "date_source": "path"}]
