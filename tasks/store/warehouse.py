"""banmian's warehouse: Parquet files of record, a DuckDB catalogue over them.

A :class:`Warehouse` is a root directory (``banmian.tasks.store.layout``).
Reading is :meth:`Warehouse.query` (or :meth:`Warehouse.preview`), which
cannot write nor read outside the warehouse (``access``); writing is a
:class:`WarehouseWriter` from :meth:`Warehouse.writer`, which holds the
one-writer lock; :meth:`Warehouse.check` and :meth:`Warehouse.repair` find
and mend damage. Where the rest lives:

* ``plan``     what a run changes, decided before anything is written (pure);
* ``records``  the rows a page becomes; ``schema`` their Arrow types and docs;
* ``writer``   the commit of a run, compaction, the sweep of unlisted files;
* ``files``    durable Parquet writes; ``table_files`` a run's tables streamed into them; ``lock`` the writer lock;
* ``views``    the SQL of the views and of ``COMMENT ON``; ``migrate`` schema versions;
* ``access``   how connections are opened: the root they read, what a reader may run;
* ``catalogue`` the copy of the native tables beside the data; ``check`` and ``repair``;
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

import math
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Final

import duckdb
import pyarrow as pa

from banmian.tasks.model import RunInfo, RunSummary
from banmian.tasks.store import lock
from banmian.tasks.store.access import (MemoryCap, QueryOutOfMemory, bind_root, first_line, lock_down,
                                        single_read_statement)
from banmian.tasks.store.check import CheckReport, check_warehouse
from banmian.tasks.store.errors import CheckpointFailed, QueryRefused, WarehouseDamaged
from banmian.tasks.store.faults import fault_point
from banmian.tasks.store.layout import DB_FILE, LOCK_FILE
from banmian.tasks.store.lock import WarehouseBusy
from banmian.tasks.store.migrate import SchemaError
from banmian.tasks.store.repair import Rederive, RepairReport, rebuild_catalogue_if_needed, repair_files
from banmian.tasks.store.views import BASE_VIEWS, SQL_DIR, USER_RELATIONS, load_report_views
from banmian.tasks.store.writer import KEEP_REJECT_RUNS, CompactSummary, WarehouseWriter

__all__ = [
    "BASE_VIEWS", "SQL_DIR", "USER_RELATIONS", "CheckReport", "CheckpointFailed", "CompactSummary",
    "MemoryCap", "Preview", "QueryOutOfMemory", "QueryRefused", "RepairReport", "RunInfo", "RunSummary",
    "SchemaError", "Warehouse", "WarehouseBusy", "WarehouseDamaged", "WarehouseWriter", "load_report_views",
]

#: How long a reader (or the writer's commit) waits for another process to let go of the database.
DEFAULT_BUSY_TIMEOUT: Final = 5.0
#: Pause between attempts to open a database another process holds (a commit takes well under a second).
_RETRY_SLEEP: Final = 0.05
#: How long recording a report's outcome in ``runs`` waits for the writer lock: long enough for another
#: process's commit or compaction (seconds), not for a whole run, which holds the lock while it segments.
REPORT_NOTE_TIMEOUT_S: Final = 30.0
#: Rows per Arrow batch when a preview streams a result: 2048 measured fastest and smallest on a
#: 1M-row query (1.3 s, 150 MB RSS; 20k rows: 2.0 s, 250 MB; 100k rows: 3.9 s, 420 MB).
PREVIEW_BATCH_ROWS: Final = 2048
#: Words of an OS error in DuckDB's message when the warehouse cannot be written (not a damaged file).
_NO_WRITE: Final = ("Permission denied", "Read-only file system", "Operation not permitted")


def _is_lock_error(exc: BaseException) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


def _open_error(db_path: Path, exc: duckdb.Error) -> Exception:
    """What a failure to open the database means: not writable here, or damaged."""
    text = first_line(exc)
    if any(words in text for words in _NO_WRITE):
        return PermissionError(f"cannot open {db_path}: {text}")
    return WarehouseDamaged(f"cannot open {db_path} ({text}): run `banmian check` to see what is wrong, "
                            "then `banmian repair` to rebuild the catalogue", detail=text)


@dataclass(frozen=True)
class Preview:
    """The first rows of a result, and how many rows it had in all."""

    table: pa.Table
    total_rows: int


class Warehouse:
    """A warehouse root. Cheap to create; opens DuckDB only when asked."""

    def __init__(self, root: str | Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        # normalised (no "..") so that DuckDB's allowed_directories sees the same path as the views
        self.root = Path(os.path.normpath(Path(root).absolute()))
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

    def _connect(self, read_only: bool, busy_message: str, patience: float | None = None,
                 on_wait: Callable[[str], None] | None = None, cap: MemoryCap | None = None
                 ) -> duckdb.DuckDBPyConnection:
        """Open DuckDB, retrying while another process has it open; the views read under ``root``.

        ``patience`` bounds the retries in seconds (default ``busy_timeout``; ``inf`` waits for as long as
        the other process holds it, telling ``on_wait`` once). A read-only connection is locked down
        (``access.lock_down``), with its memory ``cap`` if given.
        """
        deadline = time.monotonic() + (self.busy_timeout if patience is None else patience)
        told = False
        while True:
            try:
                con = duckdb.connect(str(self.db_path), read_only=read_only)
                break
            except duckdb.Error as exc:
                if not _is_lock_error(exc):
                    raise _open_error(self.db_path, exc) from None
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(busy_message) from exc
                if on_wait is not None and not told:
                    on_wait(f"{self.db_path.name} is held open by another process (a notebook or a duckdb "
                            "shell?); waiting for it to close (--no-wait: fail at once)")
                    told = True
                time.sleep(_RETRY_SLEEP)
        try:
            if read_only:
                lock_down(con, self.root, cap)
            else:
                bind_root(con, self.root)
        except BaseException:
            con.close()
            raise
        return con

    @contextmanager
    def read_connection(self, cap: MemoryCap | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """The database opened read-only, locked down to the warehouse's own data; its queries' memory capped
        by ``cap`` (the report's), else DuckDB's default (a user's ``banmian query``)."""
        if not self.db_path.exists():
            raise FileNotFoundError(f"no warehouse at {self.root} yet: run `banmian run` to create it")
        con = self._connect(True, "a run is committing; try again in a moment", cap=cap)
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def write_connection(self, patience: float | None = None,
                         on_wait: Callable[[str], None] | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """The database opened read-write (for the writer, which holds the lock); see ``_connect``."""
        con = self._connect(False, f"{self.db_path} is held open by another process "
                                   "(a duckdb shell or a long query?); close it and retry", patience, on_wait)
        try:
            yield con
        finally:
            con.close()

    def query(self, sql: str, params: list[object] | None = None) -> pa.Table:
        """Run one read-only statement; retries briefly while a run commits.

        ``QueryRefused`` for anything but one SELECT-type statement (see
        ``access``); DuckDB's ``PermissionException`` for a file outside the
        warehouse. Raises ``WarehouseBusy`` rather than DuckDB's lock error if
        the database stays locked.
        """
        statement = single_read_statement(sql)
        with self.read_connection() as con:
            return con.sql(statement.query, params=params).to_arrow_table()

    def preview(self, sql: str, max_rows: int) -> Preview:
        """The first ``max_rows`` rows of one read-only statement, and its row count, in little memory.

        The result streams through in Arrow batches: only the rows kept are
        held, however many rows the query returns.
        """
        statement = single_read_statement(sql)
        with self.read_connection() as con:
            reader = con.sql(statement.query).to_arrow_reader(PREVIEW_BATCH_ROWS)
            kept: list[pa.RecordBatch] = []
            total = 0
            for batch in reader:
                if total < max_rows:
                    kept.append(batch.slice(0, max_rows - total))
                total += batch.num_rows
            return Preview(pa.Table.from_batches(kept, schema=reader.schema), total)

    # -- writing -------------------------------------------------------------

    @contextmanager
    def _locked(self, wait: bool, timeout: float | None,
                on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        """Hold the one-writer lock for the block."""
        fd = lock.acquire(self.lock_path, wait, timeout, on_wait)
        try:
            yield
        finally:
            fault_point("before_lock_release")
            lock.release(fd)

    @contextmanager
    def writer(self, wait: bool = True, timeout: float | None = None,
               on_wait: Callable[[str], None] | None = None) -> Iterator[WarehouseWriter]:
        """Exclusive write access: takes the lock, sweeps orphans, migrates.

        ``wait=False`` fails at once with ``WarehouseBusy`` if another writer
        holds the warehouse; ``timeout`` (None: forever) bounds the wait. The
        same wait covers another process holding the database open (a
        notebook's read-only connection): the run's segmentation is done by
        the time it commits, so it waits to commit rather than lose it.
        """
        with self._locked(wait, timeout, on_wait):
            patience = (math.inf if timeout is None else timeout) if wait else None
            w = WarehouseWriter(self.root, partial(self.write_connection, patience, on_wait), patience)
            try:
                w.open()
                yield w
            finally:
                w.close()

    def compact(self, wait: bool = True, timeout: float | None = None,
                keep_reject_runs: int | None = KEEP_REJECT_RUNS) -> CompactSummary:
        """Take the writer lock and compact (see ``WarehouseWriter.compact``)."""
        with self.writer(wait=wait, timeout=timeout) as w:
            return w.compact(keep_reject_runs=keep_reject_runs)

    # -- the report drawn after a run ------------------------------------------

    def report_errors(self) -> int:
        """Runs whose ``report_error`` is set; 0 before schema 9 (the column comes with the next writer)."""
        try:
            return int(self.query("SELECT count(*) FROM runs WHERE report_error IS NOT NULL").column(0)[0].as_py())
        except duckdb.BinderException:
            return 0

    def record_report_error(self, run_id: str, error: str, timeout: float = REPORT_NOTE_TIMEOUT_S) -> None:
        """Take the writer lock (waiting ``timeout`` s at most) and set run ``run_id``'s ``report_error``."""
        with self.writer(timeout=timeout) as w:
            w.record_report_error(run_id, error)

    def clear_report_errors(self, timeout: float = REPORT_NOTE_TIMEOUT_S) -> int:
        """The warehouse's whole report was drawn: null every ``runs.report_error``; returns how many.

        Takes the writer lock (waiting ``timeout`` s at most) only if some run has one.
        """
        if not self.report_errors():
            return 0
        with self.writer(timeout=timeout) as w:
            return w.clear_report_errors()

    # -- damage ----------------------------------------------------------------

    def check(self, wait: bool = True, timeout: float | None = None) -> CheckReport:
        """Every problem of the warehouse (see ``check``), under the writer lock so no run moves files meanwhile.

        A warehouse this process cannot write (no lock to take) is checked all the same: no run can change it.
        """
        try:
            fd = lock.acquire(self.lock_path, wait, timeout, None)
        except PermissionError:
            return check_warehouse(self.root, self.read_connection)
        try:
            return check_warehouse(self.root, self.read_connection)
        finally:
            lock.release(fd)

    def repair(self, rederive: Rederive, wait: bool = True, timeout: float | None = None,
               models: str | None = None) -> RepairReport:
        """Rebuild what can be rebuilt (see ``repair``): the catalogue from its copy, lost pages from their sources.

        ``models`` names the segmentation models ``rederive`` uses (``segment.models_version``), recorded with the
        repair run as with any run.
        """
        with self._locked(wait, timeout):
            set_aside = rebuild_catalogue_if_needed(self.root, self.read_connection)
            w = WarehouseWriter(self.root, self.write_connection)
            try:
                w.open()
                report = repair_files(w, rederive, models)
            finally:
                w.close()
        report.catalogue_rebuilt = set_aside is not None
        report.set_aside = set_aside or []
        return report
