"""The warehouse's native DuckDB tables: created in a new warehouse, migrated in an older one.

``ensure_schema`` runs in the writer's opening transaction, so a failed
migration leaves the warehouse as it was. Each step of ``MIGRATIONS`` takes a
warehouse from one ``schema.SCHEMA_VERSION`` to the next and is recorded in
``schema_version``; a warehouse newer than this banmian is refused.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Final

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from banmian.tasks.store import schema
from banmian.tasks.store.files import file_sha256
from banmian.tasks.store.views import duckdb_type, sql_ident


class SchemaError(Exception):
    """The warehouse's schema version cannot be used by this banmian."""


def native_table_ddl(name: str, sch: pa.Schema, primary_key: Sequence[str]) -> str:
    """``CREATE TABLE IF NOT EXISTS`` with the Arrow schema's columns and the primary key."""
    cols = [f"{sql_ident(f.name)} {duckdb_type(f.type)}" for f in sch]
    if primary_key:
        cols.append("PRIMARY KEY (" + ", ".join(sql_ident(c) for c in primary_key) + ")")
    return f"CREATE TABLE IF NOT EXISTS {sql_ident(name)} (" + ", ".join(cols) + ")"


def create_native_tables(con: duckdb.DuckDBPyConnection) -> None:
    for name, (sch, pk) in schema.NATIVE.items():
        con.execute(native_table_ddl(name, sch, pk))


def _migrate_0_to_1(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Warehouses from before schema versioning: add the tables they lack."""
    create_native_tables(con)


def _migrate_1_to_2(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Stored pages and residue gained columns (see ``schema``): nothing to change in DuckDB.

    Files written before read NULL in the new columns (the views read with
    ``union_by_name`` and are re-created at every open); a full refresh
    re-writes those page versions (``records.RECORDS_VERSION`` changed too).
    """


def _migrate_2_to_3(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Articles gained ``confidence`` and ``review`` (Parquet: read NULL in older files), runs ``models``."""
    con.execute("ALTER TABLE runs ADD COLUMN IF NOT EXISTS models VARCHAR")


def _record_checksums(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """The sha256 of every listed file that is there with its recorded size (else it stays null).

    The bytes found now are taken as the file's: a file damaged earlier
    without changing size is not caught, but every later change is.
    """
    rows = con.execute("SELECT file, n_bytes FROM _manifest").fetchall()
    found = [[file_sha256(root / file), file] for file, n_bytes in rows
             if (root / file).is_file() and (root / file).stat().st_size == n_bytes]
    if found:
        con.executemany("UPDATE _manifest SET sha256 = ? WHERE file = ?", found)


def _version_row_counts(root: Path, files: Sequence[str]) -> dict[tuple[str, str], int] | None:
    """Rows per (page_id, run_id) in these files; None if one cannot be read.

    Read with pyarrow, not DuckDB: an error inside the migration's transaction
    would abort it, and a damaged file must not keep a warehouse from opening.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for rel in files:
        try:
            keys = pq.read_table(root / rel, columns=["page_id", "run_id"])
        except (OSError, pa.ArrowException):
            return None  # `banmian check` says which file; repair treats unknown counts with care
        counts.update(zip(keys["page_id"].to_pylist(), keys["run_id"].to_pylist(), strict=True))
    return counts


def _count_version_rows(con: duckdb.DuckDBPyConnection, root: Path, table: str) -> None:
    """``_page_versions.rows_<table>`` from the table's files (0 where none); left null if one cannot be read."""
    files = [f for (f,) in con.execute("SELECT file FROM _manifest WHERE table_name = ?", [table]).fetchall()]
    counts = _version_row_counts(root, files)
    if counts is None:
        return
    column = sql_ident(schema.rows_column(table))
    con.execute(f"UPDATE _page_versions SET {column} = 0")
    if counts:
        con.executemany(f"UPDATE _page_versions SET {column} = ? WHERE page_id = ? AND run_id = ?",
                        [[n, page_id, run_id] for (page_id, run_id), n in counts.items()])


def _add_column(con: duckdb.DuckDBPyConnection, table: str, column: str, sql_type: str) -> bool:
    """``ALTER TABLE ... ADD COLUMN`` unless the table has it (tables created at version 0 -> 1 already do)."""
    (present,) = con.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = ? AND column_name = ?",
                             [table, column]).fetchall()[0]
    if present:
        return False
    con.execute(f"ALTER TABLE {sql_ident(table)} ADD COLUMN {sql_ident(column)} {sql_type}")
    return True


def _migrate_3_to_4(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Checksums of the live files, and each page version's row counts (see ``schema``).

    Views become root-relative at the refresh every open does.
    """
    _add_column(con, "_manifest", "sha256", "VARCHAR")
    _record_checksums(con, root)
    for table in schema.CONTENT_TABLES:
        _add_column(con, "_page_versions", schema.rows_column(table), "BIGINT")
        _count_version_rows(con, root, table)


def _migrate_4_to_5(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Stored pages gained ``source_kind`` and ``geometry`` (PDF pages): nothing to change in DuckDB.

    Files written before read NULL in them, as text pages should.
    """


def _migrate_5_to_6(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """New stored tables of the articles' words (see ``schema``): nothing to change in DuckDB.

    Their views read no file until a run writes some; pages loaded before
    get their tokens, terms and places when a full refresh re-writes them
    (``records.RECORDS_VERSION`` changed too).
    """


def _migrate_6_to_7(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Pages and articles gained their issue's date, page number and name (see ``schema``): nothing to
    change in DuckDB.

    Files written before read NULL in them (``date_source`` null: not yet dated); a full refresh
    re-writes those page versions (``records.RECORDS_VERSION`` changed too).
    """


def _migrate_7_to_8(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """The new stored table ``headline_terms``: its row count per page version (none yet).

    Pages loaded before get their headline terms when a full refresh
    re-writes them (``records.RECORDS_VERSION`` changed too).
    """
    _add_column(con, "_page_versions", schema.rows_column("headline_terms"), "BIGINT")
    _count_version_rows(con, root, "headline_terms")


def _migrate_8_to_9(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Runs gained ``report_error`` (null: earlier runs' reports are not known to have failed).

    The catalogue copy gains the column at the commit that follows (this one).
    """
    _add_column(con, "runs", "report_error", "VARCHAR")


#: from_version -> the step to from_version + 1 (given the connection and the warehouse root).
MIGRATIONS: Final[dict[int, Callable[[duckdb.DuckDBPyConnection, Path], None]]] = {
    0: _migrate_0_to_1,
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
    3: _migrate_3_to_4,
    4: _migrate_4_to_5,
    5: _migrate_5_to_6,
    6: _migrate_6_to_7,
    7: _migrate_7_to_8,
    8: _migrate_8_to_9,
}


def _existing_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT internal").fetchall()
    return {r[0] for r in rows}


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """Schema version of the open database; None if it is brand new; 0 if unversioned."""
    tables = _existing_tables(con)
    if not tables:
        return None
    if "schema_version" not in tables:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def ensure_schema(con: duckdb.DuckDBPyConnection, db_path: Path) -> int | None:
    """Create or migrate to ``SCHEMA_VERSION`` inside the caller's transaction; returns the version found."""
    found = stored_version(con)
    now = datetime.now(timezone.utc)
    if found is None:
        create_native_tables(con)
        con.execute("INSERT INTO schema_version VALUES (?, ?)", [schema.SCHEMA_VERSION, now])
        return found
    if found > schema.SCHEMA_VERSION:
        raise SchemaError(
            f"{db_path} has schema version {found}, but this banmian only knows versions up to "
            f"{schema.SCHEMA_VERSION}: upgrade banmian (pip install -U banmian), or point it at "
            "another warehouse directory")
    for version in range(found, schema.SCHEMA_VERSION):
        step = MIGRATIONS.get(version)
        if step is None:
            raise SchemaError(f"{db_path} has schema version {version} and no migration from it "
                              "exists; rebuild the warehouse with a full refresh into a new directory")
        step(con, db_path.parent)
        con.execute("INSERT INTO schema_version VALUES (?, ?)", [version + 1, now])
    return found
