"""Where a warehouse keeps its files: the names every part of banmian agrees on.

    <root>/.lock              exclusive writer lock (fcntl.flock)
    <root>/banmian.duckdb     views over the live Parquet files + small native tables
    <root>/data/<table>/*.parquet

Imports nothing, so ``banmian query`` can tell whether a warehouse exists
before it imports DuckDB.
"""

from __future__ import annotations

from typing import Final

#: The DuckDB catalogue: views over the live Parquet files, and the bookkeeping tables.
DB_FILE: Final = "banmian.duckdb"
#: Held (``fcntl.flock``) by the one writer; holds that writer's pid and start time.
LOCK_FILE: Final = ".lock"
#: Parquet files of record, one folder per stored table.
DATA_DIR: Final = "data"
