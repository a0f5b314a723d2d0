"""Stories continued across pages: jump markers matched within an issue (jumps, article_parts, continued_stories)."""

from __future__ import annotations

from datetime import date

import pytest
from tests.support.warehouse_fixtures import commit, count, rows, synthetic_page

from banmian.tasks.model import Article, Block, DecodedPage, PageResult
from banmian.tasks.store.warehouse import Warehouse

D = date(2018, 1, 2)


def article(headline: str, body: str, jump_from: str | None = None, jump_to: str | None = None) -> Article:
    return Article(kind="news", headline=headline, blocks=[Block("p", body)],
                   continued_from=jump_from, continued_to=jump_to)


def page(path: str, *articles: Article) -> tuple[DecodedPage, PageResult]:
    return synthetic_page(path, path), PageResult(articles=list(articles), residue=[])


def issue() -> list[tuple[DecodedPage, PageResult]]:
    """rmrb of 2018-01-02: a story on pages 1 → 5 → 8, one on 2 → 6 with two articles on 6 pointing back,
    a marker to page 3 with nothing on page 3 pointing back, and an undated page with a marker."""
    return [
        page("/a/rmrb2018010201.txt", article("头条", "开头。", jump_to="下转第五版"),
             article("要闻", "另一篇。", jump_to="下转第3版")),
        page("/a/rmrb2018010202.txt", article("二版稿", "二版。", jump_to="下转第6版")),
        page("/a/rmrb2018010203.txt", article("三版稿", "无关。")),
        page("/a/rmrb2018010205.txt", article(None, "中段。", jump_from="上接第一版", jump_to="下转第8版")),
        page("/a/rmrb2018010206.txt", article(None, "甲。", jump_from="上接第2版"),
             article(None, "乙。", jump_from="上接第2版")),
        page("/a/rmrb2018010208.txt", article(None, "结尾。", jump_from="上接第5版")),
        page("/a/rmrb2018010301.txt", article("次日", "次日。", jump_from="上接第1版")),  # another issue
        page("/a/undated.txt", article("无日期", "无。", jump_to="下转第2版")),
    ]


@pytest.fixture
def loaded(wh: Warehouse) -> Warehouse:
    with wh.writer() as w:
        commit(w, issue())
    return wh


def test_a_story_on_three_pages_is_one_story_in_reading_order(loaded: Warehouse) -> None:
    parts = rows(loaded, "SELECT part, page_no, headline, issue_date FROM article_parts ORDER BY part")
    assert parts == [{"part": 1, "page_no": "1", "headline": "头条", "issue_date": D},
                     {"part": 2, "page_no": "5", "headline": "头条", "issue_date": D},
                     {"part": 3, "page_no": "8", "headline": "头条", "issue_date": D}]
    story = rows(loaded, "SELECT headline, parts, page_nos, body, n_chars FROM continued_stories")
    assert story == [{"headline": "头条", "parts": 3, "page_nos": ["1", "5", "8"],
                      "body": "开头。\n\n中段。\n\n结尾。", "n_chars": 9}]


def test_unmatched_markers_are_reported_with_why_never_guessed(loaded: Warehouse) -> None:
    got = rows(loaded, "SELECT page_no, direction, marker, status FROM jumps WHERE status <> 'matched' "
                       "ORDER BY issue_date NULLS LAST, page_no, direction, marker")
    assert got == [
        {"page_no": "1", "direction": "to", "marker": "下转第3版", "status": "no_counterpart"},
        {"page_no": "2", "direction": "to", "marker": "下转第6版", "status": "ambiguous"},
        {"page_no": "6", "direction": "from", "marker": "上接第2版", "status": "ambiguous"},
        {"page_no": "6", "direction": "from", "marker": "上接第2版", "status": "ambiguous"},
        {"page_no": "1", "direction": "from", "marker": "上接第1版", "status": "no_counterpart"},  # 2018-01-03
        {"page_no": None, "direction": "to", "marker": "下转第2版", "status": "undated"},
    ]
    assert count(loaded, "SELECT count(*) FROM jumps WHERE status = 'matched'") == 4  # 1↔5, 5↔8, both ways
    assert count(loaded, "SELECT count(*) FROM jumps WHERE status <> 'matched' AND matched_article_id IS NOT NULL") == 0


def test_a_part_loaded_in_a_later_run_joins_its_story(wh: Warehouse) -> None:
    pages = issue()
    with wh.writer() as w:
        commit(w, pages[:1])
        assert count(wh, "SELECT count(*) FROM article_parts") == 0
        commit(w, pages[1:])
    assert count(wh, "SELECT count(*) FROM article_parts") == 3
