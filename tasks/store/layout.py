"""Where a warehouse keeps its files: the names every part of banmian agrees on.

    <root>/.lock              exclusive writer lock (fcntl.flock)
    <root>/banmian.duckdb     views over the live Parquet files + small native tables
    <root>/data/<table>/*.parquet
    <root>/catalogue/CATALOGUE.json + <table>-<generation>.parquet
                              a copy of the small native tables, rewritten at each commit

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
#: The copy of the native tables (``banmian.tasks.store.catalogue``), to rebuild a lost ``DB_FILE``.
CATALOGUE_DIR: Final = "catalogue"
#: Names the files of the copy's current generation; replaced atomically.
CATALOGUE_FILE: Final = "CATALOGUE.json"
#: Prefix of a database being created (``.banmian.duckdb.init-<random>``): renamed into place when complete.
INIT_PREFIX: Final = f".{DB_FILE}.init-"
