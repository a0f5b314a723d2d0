"""front_page_stories: one row per current article printed on page 1, whatever way the page prints its number."""

from __future__ import annotations

import pytest
from tests.support.warehouse_fixtures import commit, page_and_result, rows

from banmian.tasks.model import PageMeta
from banmian.tasks.text.dates import page_number
from banmian.tasks.store.warehouse import Warehouse

#: Page numbers as printed (PageMeta.page_no), and whether the page is page 1.
PAGE_NUMBERS = [("1", True), ("01", True), ("一", True), ("A1", True), ("a01", True),
                ("11", False), ("10", False), ("B1", False), ("十一", False), ("3", False), (None, False)]


@pytest.fixture
def numbered(wh: Warehouse) -> Warehouse:
    """One page per printed number of ``PAGE_NUMBERS``, each with four synthetic articles, dated 2023-08-25."""
    pages = []
    for i, (number, _) in enumerate(PAGE_NUMBERS):
        page, result = page_and_result(f"/in/f{i}.txt", f"头版{i}", n_articles=4)
        result.meta = PageMeta(date="2023年8月25日 星期五", **({"page_no": number} if number else {}))
        pages.append((page, result))
    with wh.writer() as w:
        commit(w, pages)
    return wh


def test_front_page_stories_lists_each_article_of_page_one_once(numbered: Warehouse) -> None:
    listed = rows(numbered, "SELECT article_id, page_no, size_rank, n_chars, issue_date FROM front_page_stories")
    expected = rows(numbered, "SELECT a.article_id FROM articles AS a JOIN pages AS p USING (page_id) "
                              "WHERE p.page_no IN ('1', '01', '一', 'A1', 'a01')")
    assert len({r["article_id"] for r in listed}) == len(listed)  # the grain: one row per article
    assert sorted(r["article_id"] for r in listed) == sorted(r["article_id"] for r in expected)
    assert {r["page_no"] for r in listed} == {page_number(n) for n, front in PAGE_NUMBERS if front}  # 01, 一: 1
    assert {str(r["issue_date"]) for r in listed} == {"2023-08-25"}


def test_size_rank_one_is_each_front_page_s_longest_article(numbered: Warehouse) -> None:
    listed = rows(numbered, "SELECT page_id, size_rank, n_chars FROM front_page_stories ORDER BY page_id, size_rank")
    by_page: dict[object, list[dict[str, object]]] = {}
    for r in listed:
        by_page.setdefault(r["page_id"], []).append(r)
    assert len(by_page) == sum(front for _, front in PAGE_NUMBERS)
    for ranked in by_page.values():
        assert [r["size_rank"] for r in ranked] == [1, 2, 3, 4]
        assert [r["n_chars"] for r in ranked] == sorted((r["n_chars"] for r in ranked), reverse=True)
