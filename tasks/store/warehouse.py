"""banmian's warehouse: Parquet files of record, a DuckDB catalogue over them.

A :class:`Warehouse` is a root directory (``banmian.tasks.store.layout``).
Reading is :meth:`Warehouse.query`; writing is a :class:`WarehouseWriter`
from :meth:`Warehouse.writer`, which holds the one-writer lock. Where the
rest lives:

* ``plan``     what a run changes, decided before anything is written (pure);
* ``records``  the rows a page becomes; ``schema`` their Arrow types and docs;
* ``writer``   the commit of a run, compaction, the sweep of unlisted files;
* ``files``    durable Parquet writes; ``lock`` the writer lock;
* ``views``    the SQL of the views and of ``COMMENT ON``; ``migrate`` schema versions;
* ``faults``   named kill points for the kill test (cost nothing otherwise).

Why it is built this way:

* A run's results appear all at once or not at all: its Parquet files are
  written first, then ONE DuckDB transaction lists them and re-creates the
  views (``writer``). A run killed at any moment leaves only unlisted files,
  which the next writer sweeps away.
* DuckDB allows one read-write process per file and no read-only process at
  the same time, so the writer holds the database open only for that short
  transaction and readers (``Warehouse.query``) retry briefly around it.
* Rows carry the (page_id, run_id) of their page version; views show only
  current versions, so a changed file at a known path replaces its old rows
  everywhere without rewriting any file. ``compact`` later merges files and
  drops the superseded rows.

Only ``banmian.tasks.store`` imports duckdb.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

import duckdb
import pyarrow as pa

from banmian.tasks.model import RunInfo, RunSummary
from banmian.tasks.store import lock
from banmian.tasks.store.faults import fault_point
from banmian.tasks.store.layout import DB_FILE, LOCK_FILE
from banmian.tasks.store.lock import WarehouseBusy
from banmian.tasks.store.migrate import SchemaError
from banmian.tasks.store.views import BASE_VIEWS, SQL_DIR, USER_RELATIONS, load_report_views
from banmian.tasks.store.writer import KEEP_REJECT_RUNS, CompactSummary, WarehouseWriter

__all__ = [
    "BASE_VIEWS", "SQL_DIR", "USER_RELATIONS", "CompactSummary", "RunInfo", "RunSummary", "SchemaError",
    "Warehouse", "WarehouseBusy", "WarehouseWriter", "load_report_views",
]

#: How long a reader (or the writer's commit) waits for another process to let go of the database.
DEFAULT_BUSY_TIMEOUT: Final = 5.0
#: Pause between attempts to open a database another process holds (a commit takes well under a second).
_RETRY_SLEEP: Final = 0.05


def _is_lock_error(exc: BaseException) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


class Warehouse:
    """A warehouse root. Cheap to create; opens DuckDB only when asked."""

    def __init__(self, root: str | Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.root = Path(root).absolute()
        if "?" in str(self.root):
            # DuckDB reads "?" in a database path as the start of URI parameters.
            raise ValueError(f"a warehouse root cannot contain '?': {self.root}")
        self.root.mkdir(parents=True, exist_ok=True)
        self.busy_timeout = busy_timeout

    @property
    def db_path(self) -> Path:
        return self.root / DB_FILE

    @property
    def lock_path(self) -> Path:
        return self.root / LOCK_FILE

    def __repr__(self) -> str:
        return f"Warehouse({str(self.root)!r})"

    # -- connections -------------------------------------------------------

    def _connect(self, read_only: bool, busy_message: str) -> duckdb.DuckDBPyConnection:
        """Open DuckDB, retrying while another process has it open."""
        deadline = time.monotonic() + self.busy_timeout
        while True:
            try:
                return duckdb.connect(str(self.db_path), read_only=read_only)
            except duckdb.Error as exc:
                if not _is_lock_error(exc):
                    raise
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(busy_message) from exc
                time.sleep(_RETRY_SLEEP)

    @contextmanager
    def _read_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if not self.db_path.exists():
            raise FileNotFoundError(f"no warehouse at {self.root} yet: run `banmian run` to create it")
        con = self._connect(True, "a run is committing; try again in a moment")
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def write_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The database opened read-write (for the writer, which holds the lock)."""
        con = self._connect(False, f"{self.db_path} is held open by another process "
                                   "(a duckdb shell or a long query?); close it and retry")
        try:
            yield con
        finally:
            con.close()

    def query(self, sql: str, params: list[object] | None = None) -> pa.Table:
        """Run a read-only query; retries briefly while a run commits.

        Raises ``WarehouseBusy`` rather than DuckDB's lock error if the
        database stays locked.
        """
        with self._read_connection() as con:
            rel = con.sql(sql, params=params)
            if rel is None:
                return pa.table({})
            return rel.to_arrow_table()

    # -- writing -------------------------------------------------------------

    @contextmanager
    def writer(self, wait: bool = True, timeout: float | None = None,
               on_wait: Callable[[str], None] | None = None) -> Iterator[WarehouseWriter]:
        """Exclusive write access: takes the lock, migrates, sweeps orphans.

        ``wait=False`` fails at once with ``WarehouseBusy`` if another writer
        holds the warehouse; ``timeout`` (None: forever) bounds the wait.
        """
        fd = lock.acquire(self.lock_path, wait, timeout, on_wait)
        w = WarehouseWriter(self.root, self.write_connection)
        try:
            w.open()
            yield w
        finally:
            w.close()
            fault_point("before_lock_release")
            lock.release(fd)

    def compact(self, wait: bool = True, timeout: float | None = None,
                keep_reject_runs: int | None = KEEP_REJECT_RUNS) -> CompactSummary:
        """Take the writer lock and compact (see ``WarehouseWriter.compact``)."""
        with self.writer(wait=wait, timeout=timeout) as w:
            return w.compact(keep_reject_runs=keep_reject_runs)
