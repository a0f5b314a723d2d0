"""What ``banmian query`` (``Warehouse.query``) does with SQL that tries to write or to read outside the warehouse.

One table, used by tests/store/test_access.py (the Python API) and
tests/banmian/test_cli.py (the command), and copied into the README. In the
SQL, ``{live}`` is a live Parquet file of the warehouse, ``{db}`` its
``banmian.duckdb``, ``{data}`` its ``data/`` directory and ``{elsewhere}`` a
directory outside it.

Outcomes:

* ``ok``: runs and returns rows;
* ``refused``: not run at all (not exactly one SELECT-type statement);
* ``denied``: DuckDB refuses the file access (``enable_external_access = false``,
  ``allowed_directories`` = the warehouse's ``data/``);
* ``error``: DuckDB itself refuses the SQL (its ``query()`` runs only a SELECT).
"""

from __future__ import annotations

from typing import Literal

Outcome = Literal["ok", "refused", "denied", "error"]

QUERY_CASES: list[tuple[str, str, Outcome]] = [
    ("COPY TO a live Parquet file", "COPY (SELECT 1 AS x) TO '{live}' (FORMAT parquet)", "refused"),
    ("COPY TO banmian.duckdb", "COPY (SELECT 1 AS x) TO '{db}'", "refused"),
    ("COPY FROM a file", "COPY runs FROM '{elsewhere}/runs.csv'", "refused"),
    ("EXPORT DATABASE", "EXPORT DATABASE '{elsewhere}/export'", "refused"),
    ("ATTACH another database", "ATTACH '{elsewhere}/other.duckdb' AS other", "refused"),
    ("INSTALL an extension", "INSTALL httpfs", "refused"),
    ("LOAD an extension", "LOAD httpfs", "refused"),
    ("SET a setting", "SET enable_external_access = true", "refused"),
    ("SET VARIABLE (the views' root)", "SET VARIABLE banmian_root = '/etc'", "refused"),
    ("RESET", "RESET lock_configuration", "refused"),
    ("PRAGMA", "PRAGMA threads = 1", "refused"),
    ("CALL", "CALL pragma_version()", "refused"),
    ("EXPLAIN ANALYZE", "EXPLAIN ANALYZE SELECT 1", "refused"),
    ("CREATE TABLE", "CREATE TABLE t (x INTEGER)", "refused"),
    ("CREATE TEMP TABLE", "CREATE TEMP TABLE t (x INTEGER)", "refused"),
    ("INSERT", "INSERT INTO runs (run_id) VALUES ('x')", "refused"),
    ("UPDATE", "UPDATE runs SET status = 'x'", "refused"),
    ("DELETE", "DELETE FROM runs", "refused"),
    ("DROP VIEW", "DROP VIEW articles", "refused"),
    ("CHECKPOINT", "CHECKPOINT", "refused"),
    ("two statements", "SELECT 1; SELECT 2", "refused"),
    ("a SELECT then a COPY", "SELECT 1; COPY (SELECT 1) TO '{live}'", "refused"),
    ("no statement", "-- only a comment", "refused"),
    ("read_text('/etc/passwd')", "SELECT * FROM read_text('/etc/passwd')", "denied"),
    ("read_csv('/etc/passwd')", "SELECT * FROM read_csv('/etc/passwd', sep = ':')", "denied"),
    ("read_blob outside", "SELECT size FROM read_blob('/etc/hostname')", "denied"),
    ("glob('/root/*')", "SELECT * FROM glob('/root/*')", "denied"),
    ("a path out of data/ with ..", "SELECT * FROM read_text('{data}/../../x')", "denied"),
    ("read_parquet outside", "SELECT * FROM read_parquet('{elsewhere}/*.parquet')", "denied"),
    ("query() running a COPY", "SELECT * FROM query('COPY (SELECT 1) TO ''{live}''')", "error"),
    ("a normal SELECT", "SELECT kind, count(*) AS n FROM articles GROUP BY kind ORDER BY kind", "ok"),
    ("a CTE", "WITH a AS (SELECT page_id FROM pages) SELECT count(*) AS n FROM a", "ok"),
    ("FROM first", "FROM runs SELECT run_id", "ok"),
    ("DESCRIBE", "DESCRIBE articles", "ok"),
    ("SHOW TABLES", "SHOW TABLES", "ok"),
    ("SUMMARIZE", "SUMMARIZE runs", "ok"),
    ("a reporting view", "SELECT * FROM page_coverage", "ok"),
    ("the warehouse's own Parquet", "SELECT count(*) AS n FROM read_parquet('{data}/articles/*.parquet')", "ok"),
    ("glob in the warehouse's data", "SELECT count(*) AS n FROM glob('{data}/*/*.parquet')", "ok"),
]
