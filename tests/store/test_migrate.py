"""Schema versions: a new warehouse is created at the current one, older ones are migrated, newer refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tests.support.warehouse_fixtures import PAGES, commit, count, page_and_result, rows, state_checksum

from banmian.tasks.store import schema
from banmian.tasks.store.catalogue import read_copy
from banmian.tasks.store.files import file_sha256
from banmian.tasks.store.warehouse import SchemaError, Warehouse


def _execute(wh: Warehouse, *statements: str) -> None:
    """Change the catalogue behind banmian's back, as an older banmian or a user's duckdb shell would."""
    con = duckdb.connect(str(wh.db_path))
    try:
        for sql in statements:
            con.execute(sql)
    finally:
        con.close()


def _set_version(wh: Warehouse, version: int) -> None:
    _execute(wh, "DELETE FROM schema_version", f"INSERT INTO schema_version VALUES ({version}, now())")


def test_older_schema_is_migrated(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:2])
    before = state_checksum(wh)
    _set_version(wh, 0)
    with wh.writer():
        pass
    assert rows(wh, "SELECT version FROM schema_version ORDER BY version") == [
        {"version": v} for v in range(schema.SCHEMA_VERSION + 1)]  # one row per step
    assert state_checksum(wh) == before


def test_newer_schema_is_refused_with_a_way_out(wh: Warehouse) -> None:
    with wh.writer():
        pass
    _set_version(wh, schema.SCHEMA_VERSION + 1)
    with pytest.raises(SchemaError, match=r"upgrade banmian"):
        with wh.writer():
            pass
    # refusing left the lock free and the warehouse untouched
    _set_version(wh, schema.SCHEMA_VERSION)
    with wh.writer():
        pass


# Columns schema 2 added to stored tables; a schema-1 warehouse's files lack them.
ADDED_IN_2 = {"pages": ("visible_chars", "sections"), "residue": ("visible_chars",)}


def _as_schema_3(wh: Warehouse) -> None:
    """The warehouse as schema 3 left it: no checksums, no row counts, no catalogue copy; version 3."""
    _execute(wh, "ALTER TABLE _manifest DROP COLUMN sha256",
             *[f"ALTER TABLE _page_versions DROP COLUMN {schema.rows_column(t)}" for t in schema.CONTENT_TABLES])
    shutil.rmtree(wh.root / "catalogue")
    _set_version(wh, 3)


def _rewritten(wh: Warehouse, path: Path) -> None:
    """Record the new size of a file an older schema's writer wrote (its manifest row said so)."""
    _execute(wh, f"UPDATE _manifest SET n_bytes = {path.stat().st_size} "
                 f"WHERE file = '{path.relative_to(wh.root).as_posix()}'")


def _as_schema_1(wh: Warehouse) -> None:
    """Rewrite the warehouse's pages and residue files as schema 1 wrote them, and say it is version 1.

    Schema 1 had no visible_chars and no sections, and a ``meta`` map column;
    its page versions carry digests of records version 1.
    """
    for table, added in ADDED_IN_2.items():
        for path in (wh.root / "data" / table).glob("*.parquet"):
            data = pq.read_table(path).drop_columns(list(added))
            if table == "pages":
                meta = pa.array([[("date", d)] if d else [] for d in data["date"].to_pylist()],
                                pa.map_(pa.string(), pa.string()))
                data = data.add_column(data.schema.get_field_index("result_digest"), "meta", meta)
            pq.write_table(data, path)
            _rewritten(wh, path)
    _execute(wh, "UPDATE _page_versions SET result_digest = 'records-1:' || result_digest")
    _as_schema_3(wh)
    _set_version(wh, 1)


def test_schema_1_files_read_null_in_new_columns_until_a_full_refresh(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:3])
    dates = rows(wh, "SELECT page_id, date FROM pages ORDER BY page_id")
    _as_schema_1(wh)

    with wh.writer() as w:
        assert rows(wh, "SELECT version FROM schema_version ORDER BY version") == [
            {"version": v} for v in range(1, schema.SCHEMA_VERSION + 1)]
        assert rows(wh, "SELECT page_id, date FROM pages ORDER BY page_id") == dates  # old columns intact
        assert count(wh, "SELECT count(*) FROM pages WHERE visible_chars IS NULL") == 3
        assert count(wh, "SELECT count(*) FROM residue WHERE visible_chars IS NOT NULL") == 0
        assert count(wh, "SELECT count(*) FROM page_coverage WHERE residue_share IS NULL") == 3
        commit(w, PAGES[3:])  # new files, new columns, next to old ones
        assert count(wh, "SELECT count(*) FROM pages WHERE visible_chars IS NOT NULL") == 3
        before = state_checksum(wh)
        w.compact()  # merges files of both schemas
        assert state_checksum(wh) == before
        refreshed = commit(w, PAGES, full_refresh=True)
    assert refreshed.pages_loaded == 3  # the schema-1 versions, whose digests are of records version 1
    assert count(wh, "SELECT count(*) FROM pages WHERE visible_chars IS NULL") == 0
    assert count(wh, "SELECT count(*) FROM page_coverage WHERE residue_share IS NULL") == 0


def _as_schema_2(wh: Warehouse) -> None:
    """Rewrite the articles files without confidence and review, drop ``runs.models``: a schema-2 warehouse."""
    for path in (wh.root / "data" / "articles").glob("*.parquet"):
        pq.write_table(pq.read_table(path).drop_columns(["confidence", "review"]), path)
        _rewritten(wh, path)
    _execute(wh, "ALTER TABLE runs DROP COLUMN models",
             "UPDATE _page_versions SET result_digest = 'records-2:' || result_digest")
    _as_schema_3(wh)
    _set_version(wh, 2)


def test_schema_2_articles_have_no_confidence_until_a_full_refresh_rates_them(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:3])
    flagged = count(wh, "SELECT count(*) FROM articles_to_review")
    assert flagged > 0
    _as_schema_2(wh)

    with wh.writer() as w:
        assert count(wh, "SELECT count(*) FROM articles WHERE confidence IS NULL") == count(
            wh, "SELECT count(*) FROM articles")
        assert count(wh, "SELECT count(*) FROM articles_to_review") == 0  # unrated, not flagged
        assert count(wh, "SELECT count(*) FROM runs WHERE models IS NULL") == 1
        refreshed = commit(w, PAGES[:3], full_refresh=True)
    assert refreshed.pages_loaded == 3
    assert count(wh, "SELECT count(*) FROM articles WHERE confidence IS NULL") == 0
    assert count(wh, "SELECT count(*) FROM articles_to_review") == flagged


def test_schema_3_gains_checksums_row_counts_and_a_catalogue_copy(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:3])
        commit(w, [page_and_result(PAGES[0][0].path, "改版")])  # a superseded version
        w.compact()
        commit(w, PAGES[3:])
    manifest = rows(wh, "SELECT * FROM _manifest ORDER BY file")
    versions = rows(wh, "SELECT * FROM _page_versions WHERE superseded_by_run IS NULL ORDER BY page_id")
    before = state_checksum(wh)
    _as_schema_3(wh)
    assert "sha256" not in wh.query("SELECT * FROM _manifest LIMIT 0").column_names

    with wh.writer():
        pass
    assert rows(wh, "SELECT * FROM _manifest ORDER BY file") == manifest  # every sha256 recorded
    assert rows(wh, "SELECT * FROM _page_versions WHERE superseded_by_run IS NULL ORDER BY page_id") == versions
    assert state_checksum(wh) == before
    assert wh.check().problems == []  # the catalogue copy is written too


def test_a_file_damaged_at_the_upgrade_leaves_its_counts_unknown(wh: Warehouse) -> None:
    """The upgrade opens a damaged warehouse (repair needs it open): that table's counts stay null."""
    with wh.writer() as w:
        commit(w, PAGES[:2])
    _as_schema_3(wh)
    residue = next((wh.root / "data" / "residue").glob("*.parquet"))
    residue.write_bytes(b"PAR1 not really")
    with wh.writer():
        pass
    assert count(wh, "SELECT count(*) FROM _page_versions WHERE rows_residue IS NULL") == 2
    assert count(wh, "SELECT count(*) FROM _page_versions WHERE rows_articles IS NULL") == 0
    assert rows(wh, "SELECT sha256 FROM _manifest WHERE table_name = 'residue'") == [{"sha256": None}]


#: The columns schema 7 added: a page's issue (pages) and an article's issue, page and jump targets (articles).
ADDED_IN_7 = {"pages": list(schema.PAGE_DATING_COLUMNS),
              "articles": ["issue_date", "page_no", "page_name", "continued_from_page", "continued_to_page"]}


def test_schema_6_pages_get_their_issue_at_the_next_full_refresh(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:3])
    dated = count(wh, "SELECT count(*) FROM articles WHERE issue_date IS NOT NULL")
    assert dated == count(wh, "SELECT count(*) FROM articles") > 0  # their furniture prints 2023-01-DD
    for table, added in ADDED_IN_7.items():
        for path in (wh.root / "data" / table).glob("*.parquet"):
            pq.write_table(pq.read_table(path).drop_columns(added), path)
            _rewritten(wh, path)
    _execute(wh, "UPDATE _page_versions SET result_digest = 'records-4:' || result_digest")
    _set_version(wh, 6)

    with wh.writer() as w:
        assert count(wh, "SELECT max(version) FROM schema_version") == schema.SCHEMA_VERSION
        assert count(wh, "SELECT count(*) FROM articles WHERE issue_date IS NOT NULL") == 0
        assert count(wh, "SELECT count(*) FROM pages WHERE date_source IS NULL") == 3  # not yet dated
        assert count(wh, "SELECT count(*) FROM issues") == 0
        assert commit(w, PAGES[:3], full_refresh=True).pages_loaded == 3
    assert count(wh, "SELECT count(*) FROM articles WHERE issue_date IS NOT NULL") == dated
    assert count(wh, "SELECT count(*) FROM pages WHERE date_source = 'furniture'") == 3


def _as_schema_8(wh: Warehouse) -> None:
    """The warehouse as schema 8 left it: ``runs`` without ``report_error``, its catalogue copy too; version 8."""
    _execute(wh, "ALTER TABLE runs DROP COLUMN report_error")
    doc_path = wh.root / "catalogue" / "CATALOGUE.json"
    doc = json.loads(doc_path.read_text(encoding="utf-8"))
    listed = doc["tables"]["runs"]
    copy = wh.root / "catalogue" / listed["file"]
    pq.write_table(pq.read_table(copy).drop_columns(["report_error"]), copy)
    listed.update(bytes=copy.stat().st_size, sha256=file_sha256(copy))
    doc_path.write_text(json.dumps({**doc, "schema_version": 8}), encoding="utf-8")
    _set_version(wh, 8)


def test_schema_8_runs_gain_report_error_null_for_every_earlier_run(wh: Warehouse) -> None:
    with wh.writer() as w:
        run_id = commit(w, PAGES[:2]).run_id
    before = state_checksum(wh)
    _as_schema_8(wh)
    assert wh.report_errors() == 0  # read before any writer migrates it: no column, no failed report known
    assert wh.clear_report_errors() == 0  # nor does clearing take the writer to migrate it

    with wh.writer() as w:
        assert rows(wh, "SELECT run_id, report_error FROM runs") == [{"run_id": run_id, "report_error": None}]
        w.record_report_error(run_id, "OutOfMemoryError: ...")
    assert count(wh, "SELECT max(version) FROM schema_version") == schema.SCHEMA_VERSION
    assert state_checksum(wh) == before
    _, copied = read_copy(wh.root)  # the copy written after the migration's commit and after the update
    assert copied["runs"].column("report_error").to_pylist() == ["OutOfMemoryError: ..."]


def test_a_schema_8_catalogue_copy_still_rebuilds_the_catalogue(wh: Warehouse) -> None:
    """A copy written before runs had report_error reads null in it; the next writer migrates the rebuilt one."""
    with wh.writer() as w:
        commit(w, PAGES[:2])
    runs = rows(wh, "SELECT * FROM runs")
    _as_schema_8(wh)
    version, copied = read_copy(wh.root)
    assert version == 8 and copied["runs"].column("report_error").to_pylist() == [None]
    wh.db_path.unlink()
    assert wh.repair(lambda path, sha256: None).catalogue_rebuilt
    assert rows(wh, "SELECT * FROM runs") == runs
    assert count(wh, "SELECT max(version) FROM schema_version") == schema.SCHEMA_VERSION
