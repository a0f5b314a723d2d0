"""Reading cannot write: ``Warehouse.query`` and ``preview`` run one SELECT-type statement, inside the warehouse.

The table of cases (tests/support/query_cases.py) is run against a real
warehouse; after every case, not one byte of the warehouse, nor of a
directory outside it, has changed. ``preview`` streams: it keeps the rows it
shows and counts the rest.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tests.support.paths import REPO
from tests.support.query_cases import QUERY_CASES, Outcome
from tests.support.warehouse_fixtures import PAGES, commit, count

from banmian.tasks.store.warehouse import QueryRefused, Warehouse

#: Growth of the peak RSS allowed while previewing a 1M-row, ~600 MB result (materialising it took 1.2 GB+;
#: streaming measured 30 MB with 2 DuckDB threads: the bound leaves room for per-thread buffers of larger machines).
PREVIEW_RSS_GROWTH_MB = 300


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Warehouse, Path]:
    """A warehouse of two runs, and a directory outside it holding a Parquet and a CSV file."""
    base = tmp_path_factory.mktemp("access")
    wh = Warehouse(base / "wh")
    with wh.writer() as w:
        commit(w, PAGES[:3])
        commit(w, PAGES[3:])
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    pq.write_table(pa.table({"x": [1]}), elsewhere / "x.parquet")
    (elsewhere / "runs.csv").write_text("run_id\nx\n", encoding="utf-8")
    return wh, elsewhere


def fingerprint(root: Path) -> dict[str, str]:
    """Every file under ``root`` (relative path -> sha256 of its bytes)."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def expected_error(outcome: Outcome) -> type[Exception] | None:
    return {"ok": None, "refused": QueryRefused, "denied": duckdb.PermissionException,
            "error": duckdb.Error}[outcome]


def case_sql(sql: str, wh: Warehouse, elsewhere: Path) -> str:
    live = wh.root / str(wh.query("SELECT file FROM _manifest ORDER BY file LIMIT 1").column(0)[0])
    return sql.format(live=live, db=wh.db_path, data=wh.root / "data", elsewhere=elsewhere)


@pytest.mark.parametrize(("name", "sql", "outcome"), QUERY_CASES, ids=[case[0] for case in QUERY_CASES])
def test_query_cannot_write_nor_read_outside_the_warehouse(loaded: tuple[Warehouse, Path], name: str, sql: str,
                                                           outcome: Outcome) -> None:
    wh, elsewhere = loaded
    sql = case_sql(sql, wh, elsewhere)
    before, outside = fingerprint(wh.root), fingerprint(elsewhere)
    error = expected_error(outcome)
    if error is None:
        assert wh.query(sql).num_rows > 0
    else:
        with pytest.raises(error):
            wh.query(sql)
    assert fingerprint(wh.root) == before, name
    assert fingerprint(elsewhere) == outside, name
    assert count(wh, "SELECT count(*) FROM articles") == sum(len(r.articles) for _, r in PAGES)


def test_a_refusal_says_why_in_one_line(loaded: tuple[Warehouse, Path]) -> None:
    wh, _ = loaded
    with pytest.raises(QueryRefused, match="^COPY statements are refused: the warehouse is read-only") as info:
        wh.query("COPY articles TO 'x.parquet'")
    assert "\n" not in str(info.value)
    with pytest.raises(QueryRefused, match="one statement at a time, and this SQL holds 2"):
        wh.query("SELECT 1; SELECT 2")


def test_parameters_still_work(loaded: tuple[Warehouse, Path]) -> None:
    wh, _ = loaded
    assert count(wh, "SELECT count(*) FROM pages WHERE page_id = ?", [PAGES[0][0].sha256]) == 1


# -- preview: only what is shown is kept ------------------------------------------

def test_preview_keeps_the_first_rows_and_counts_them_all(loaded: tuple[Warehouse, Path]) -> None:
    wh, _ = loaded
    preview = wh.preview("SELECT i FROM range(1000000) AS t(i) ORDER BY i", 200)
    assert preview.total_rows == 1_000_000
    assert preview.table["i"].to_pylist() == list(range(200))


def test_preview_of_few_or_no_rows(loaded: tuple[Warehouse, Path]) -> None:
    wh, _ = loaded
    few = wh.preview("SELECT run_id FROM runs", 200)
    assert (few.total_rows, few.table.num_rows) == (2, 2)
    none = wh.preview("SELECT headline, authors FROM articles WHERE false", 200)
    assert (none.total_rows, none.table.column_names) == (0, ["headline", "authors"])


def test_preview_refuses_what_query_refuses(loaded: tuple[Warehouse, Path]) -> None:
    wh, _ = loaded
    with pytest.raises(QueryRefused):
        wh.preview("DELETE FROM runs", 10)


PREVIEW_MEMORY = """
import resource, sys
from banmian.tasks.store.warehouse import Warehouse
wh = Warehouse(sys.argv[1])
wh.preview("SELECT * FROM articles", 10)  # DuckDB and pyarrow loaded, the catalogue read
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
preview = wh.preview("SELECT repeat('报', 200) || i AS body, i FROM range(1000000) AS t(i)", 200)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(preview.total_rows, preview.table.num_rows, (after - before) // 1024)
"""


def test_preview_of_a_million_rows_stays_small(loaded: tuple[Warehouse, Path]) -> None:
    """About 600 MB of rows stream through; the peak RSS grows by far less (measured in a fresh process)."""
    wh, _ = loaded
    out = subprocess.run([sys.executable, "-c", PREVIEW_MEMORY, str(wh.root)], capture_output=True, text=True,
                         check=True, cwd=REPO).stdout.split()
    total, kept, growth_mb = map(int, out)
    assert (total, kept) == (1_000_000, 200)
    assert growth_mb < PREVIEW_RSS_GROWTH_MB, f"peak RSS grew by {growth_mb} MB"


def test_no_progress_bar_on_stdout(loaded: tuple[Warehouse, Path]) -> None:
    """DuckDB prints its bar to stdout after 2 s (seen under load, inside the preview's output): it is off."""
    wh, _ = loaded
    with wh.read_connection() as con:
        assert con.sql("SELECT current_setting('enable_progress_bar') AS on").fetchall() == [(False,)]
    with wh.writer(), wh.write_connection() as con:
        assert con.sql("SELECT current_setting('enable_progress_bar') AS on").fetchall() == [(False,)]
