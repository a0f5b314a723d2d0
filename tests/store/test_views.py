"""The views and their documentation: base views, reporting views from sql/, COMMENT ON everything."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from tests.support.warehouse_fixtures import PAGES, commit, count, page_and_result, rows, synthetic_page

from banmian.tasks.model import PAGE_META_KEYS, PageResult, Reject
from banmian.tasks.store import schema
from banmian.tasks.store.coverage import residue_share, residue_visible_chars, visible_chars
from banmian.tasks.store.views import (
    BASE_VIEWS,
    SQL_DIR,
    base_view_sql,
    duckdb_type,
    load_report_views,
    parse_report_view,
    sql_literal,
)
from banmian.tasks.store.warehouse import Warehouse


def test_every_relation_and_column_has_a_comment(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:1])
    undocumented = rows(wh, """
        SELECT table_name, column_name FROM duckdb_columns()
        WHERE NOT internal AND schema_name = 'main' AND (comment IS NULL OR comment = '')""")
    assert undocumented == []
    relations = rows(wh, """
        SELECT table_name AS name, comment FROM duckdb_tables() WHERE NOT internal
        UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE NOT internal""")
    assert all(r["comment"] for r in relations), relations
    names = {r["name"] for r in relations}
    assert set(BASE_VIEWS) | {"runs", "rejects", "page_sources", "schema_version"} <= names


def test_report_files_declare_grain_and_read_only_base_views() -> None:
    views = load_report_views()
    assert {"articles_per_page_kind", "output_per_author", "page_coverage", "daily_runs", "articles_to_review"} <= {
        v.name for v in views}
    base = set(BASE_VIEWS) | {"runs", "rejects"}
    for path in sorted(SQL_DIR.glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("-- grain: one row per"), path.name
        lowered = "\n".join(line for line in text.lower().splitlines()
                            if not line.lstrip().startswith("--"))
        for forbidden in ("read_parquet", "_manifest", "_page_versions", ".parquet", "data/"):
            assert forbidden not in lowered, (path.name, forbidden)
        referenced = set(re.findall(r"\b(?:from|join)\s+([a-z_]+)", lowered))
        ctes = set(re.findall(r"\b([a-z_]+)\s+as\s*\(", lowered))
        assert referenced - ctes <= base, (path.name, referenced - ctes - base)


def test_reporting_views_add_up(wh: Warehouse) -> None:
    shared = [page_and_result(f"/in/r{i}.txt", f"报告{i}", n_articles=4) for i in range(5)]
    with wh.writer() as w:
        commit(w, shared, rejects=[Reject("/in/e.txt", "empty", "empty", 0)])
    n_articles = count(wh, "SELECT count(*) FROM articles")
    assert count(wh, "SELECT sum(articles) FROM articles_per_page_kind") == n_articles
    credited = count(wh, "SELECT sum(len(authors) + len(photographers)) FROM articles")
    assert count(wh, "SELECT sum(articles) FROM output_per_author") == credited
    cov = rows(wh, "SELECT * FROM page_coverage ORDER BY page_id")
    assert len(cov) == 5
    assert sum(r["body_chars"] for r in cov) == count(wh, "SELECT sum(n_chars) FROM articles")
    day = rows(wh, "SELECT * FROM daily_runs")
    assert len(day) == 1 and day[0]["runs"] == 1 and day[0]["articles"] == n_articles
    assert rows(wh, "SELECT reason, paths FROM rejects_per_reason") == [{"reason": "empty", "paths": 1}]


def test_daily_runs_counts_the_runs_whose_report_was_not_written_until_it_is_re_made(wh: Warehouse) -> None:
    with wh.writer() as w:
        failed = commit(w, PAGES[:2]).run_id
        commit(w, PAGES[2:4])
    assert rows(wh, "SELECT runs, reports_not_written FROM daily_runs") == [{"runs": 2, "reports_not_written": 0}]
    wh.record_report_error(failed, "IsADirectoryError: ... re-make the report with: banmian report ...")
    assert rows(wh, "SELECT run_id FROM runs WHERE report_error IS NOT NULL") == [{"run_id": failed}]
    assert rows(wh, "SELECT runs, reports_not_written FROM daily_runs") == [{"runs": 2, "reports_not_written": 1}]
    assert wh.clear_report_errors() == 1
    assert count(wh, "SELECT sum(reports_not_written) FROM daily_runs") == 0
    assert wh.check().problems == []  # each update's catalogue copy matches the catalogue


def test_articles_to_review_lists_each_flagged_article_once_least_sure_first(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, [page_and_result(f"/in/v{i}.txt", f"复核{i}", n_articles=6) for i in range(3)])
    flagged = rows(wh, "SELECT article_id, confidence FROM articles WHERE review IS NOT NULL")
    listed = rows(wh, "SELECT article_id, confidence, review FROM articles_to_review")
    assert len(flagged) == 6  # two of six articles on each of three pages
    assert sorted(r["article_id"] for r in listed) == sorted(r["article_id"] for r in flagged)
    assert len({r["article_id"] for r in listed}) == len(listed)  # the grain: one row per article
    assert [r["confidence"] for r in listed] == sorted(r["confidence"] for r in listed)
    assert all(r["review"] for r in listed)


def test_page_coverage_shows_the_one_residue_share(wh: Warehouse) -> None:
    """The view's residue_share is ``coverage.residue_share`` of the page's visible characters, page by page."""
    pages = [page_and_result(f"/in/r{i}.txt", f"报告 {i}\n　第{i}版　", n_articles=2) for i in range(5)]
    pages.append((synthetic_page("/in/blank.txt", " \n　\n"), PageResult(articles=[], residue=[])))
    with wh.writer() as w:
        commit(w, pages)
    got = {r["page_id"]: r for r in rows(wh, "SELECT page_id, visible_chars, residue_chars, unassigned_chars, "
                                               "residue_share FROM page_coverage")}
    for page, result in pages:
        residue = residue_visible_chars(result.residue)
        unassigned = residue_visible_chars(r for r in result.residue if r.reason == "unassigned")
        assert got[page.sha256] == {
            "page_id": page.sha256, "visible_chars": visible_chars(page.text), "residue_chars": residue,
            "unassigned_chars": unassigned, "residue_share": residue_share(residue, visible_chars(page.text))}
    assert got[pages[-1][0].sha256]["residue_share"] is None  # no visible text: no share, not 0


@pytest.mark.parametrize(("text", "error"), [
    ("CREATE OR REPLACE VIEW v AS SELECT 1", "must start with a '-- grain: ...' comment"),
    ("-- one row per thing\nCREATE OR REPLACE VIEW v AS SELECT 1", "must start with a '-- grain: ...' comment"),
    ("-- grain: one row per thing\nCREATE OR REPLACE VIEW other AS SELECT 1", "must CREATE OR REPLACE VIEW v"),
])
def test_a_report_file_without_grain_or_of_another_view_is_refused(tmp_path: Path, text: str, error: str) -> None:
    (tmp_path / "v.sql").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(error)):
        parse_report_view(tmp_path / "v.sql")


def test_a_report_header_documents_the_view_and_its_columns(tmp_path: Path) -> None:
    (tmp_path / "v.sql").write_text(
        "\n-- grain: one row per day\n-- What happened.\n-- column day: The day.\n"
        "CREATE OR REPLACE VIEW v AS SELECT 1 AS day\n-- not part of the header\n", encoding="utf-8")
    view = parse_report_view(tmp_path / "v.sql")
    assert (view.name, view.comment, view.column_comments) == (
        "v", "grain: one row per day What happened.", {"day": "The day."})


def test_an_install_without_report_files_is_broken(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="install is incomplete"):
        load_report_views(tmp_path)


def test_base_views_show_every_page_meta_key() -> None:
    """pages and pages_history select exactly the PageMeta keys: the one list is model.PAGE_META_KEYS."""
    sql = base_view_sql({})
    for view in ("pages", "pages_history"):
        assert all(f's."{key}"' in sql[view] for key in PAGE_META_KEYS), view
    assert [f.name for f in schema.PAGES_STORED if f.name in PAGE_META_KEYS] == list(PAGE_META_KEYS)


@pytest.mark.parametrize("value", ["plain", "it's", "''", "报纸 [2023]*?", "a\\b", "\n"])
def test_sql_literal_reads_back_as_the_same_string(value: str) -> None:
    assert duckdb.sql(f"SELECT {sql_literal(value)} AS v").fetchall() == [(value,)]


@pytest.mark.parametrize(("arrow", "duck"), [
    (pa.string(), "VARCHAR"), (pa.int32(), "INTEGER"), (pa.int64(), "BIGINT"), (pa.float64(), "DOUBLE"),
    (pa.bool_(), "BOOLEAN"), (pa.timestamp("us", tz="UTC"), "TIMESTAMP WITH TIME ZONE"),
    (pa.list_(pa.string()), "VARCHAR[]"), (pa.map_(pa.string(), pa.int64()), "MAP(VARCHAR, BIGINT)"),
])
def test_duckdb_types_of_arrow_types(arrow: pa.DataType, duck: str) -> None:
    assert duckdb_type(arrow) == duck
