"""Schema versions: a new warehouse is created at the current one, older ones are migrated, newer refused."""

from __future__ import annotations

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tests.support.warehouse_fixtures import PAGES, commit, count, rows, state_checksum

from banmian.tasks.store import schema
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
    _execute(wh, "UPDATE _page_versions SET result_digest = 'records-1:' || result_digest")
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
    _execute(wh, "ALTER TABLE runs DROP COLUMN models",
             "UPDATE _page_versions SET result_digest = 'records-2:' || result_digest")
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
