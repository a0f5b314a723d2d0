"""Write access to a warehouse: a run's commit, compaction, and the sweep of what killed runs left.

How a run is stored, all at once or not at all:

1. :func:`banmian.tasks.store.plan.plan_run` decides what changes;
2. the new page versions are written as Parquet files (temp name, fsync,
   rename), without DuckDB open, a batch of pages at a time
   (``table_files``: memory does not grow with the run);
3. ONE DuckDB transaction lists them in ``_manifest``, updates the
   bookkeeping tables, records the run and re-creates every view over the
   exact list of live files. DuckDB DDL is transactional, so the run appears
   whole or not at all; a run killed before COMMIT leaves only unlisted
   files, which the next writer sweeps away (``files.sweep_unlisted``)
   before it writes anything; a run that fails before COMMIT (a full disk)
   deletes its files at once;
4. after COMMIT, the catalogue copy (``catalogue``) and DuckDB's CHECKPOINT.
   The run stands whatever fails there: ``CheckpointFailed`` says
   "committed run X; checkpoint failed".

Before writing, a run checks that every file the manifest lists is there
with its recorded size (``WarehouseDamaged`` names the first that is not);
compaction, which reads them all, checks their sha256 too.

DuckDB allows one read-write process per file and no reader at the same
time, so the writer holds the database open only for that short transaction.
Only a :class:`WarehouseWriter` from ``Warehouse.writer()`` (which holds the
writer lock) may write.
"""

from __future__ import annotations

import dataclasses
import os
import time
import uuid
from collections import Counter
from functools import partial
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from banmian.tasks.model import DecodedPage, PageResult, RawFile, Reject, RunInfo, RunSummary
from banmian.tasks.store import ids, records, schema
from banmian.tasks.store.access import bind_root, first_line
from banmian.tasks.store.catalogue import copied_runs, native_tables, write_copy
from banmian.tasks.store.check import require_files
from banmian.tasks.store.coverage import residue_share
from banmian.tasks.store.errors import CheckpointFailed, WarehouseDamaged
from banmian.tasks.store.faults import fault_point, kill_too
from banmian.tasks.store.files import discard, fsync_dir, sweep_failed_inits, sweep_unlisted
from banmian.tasks.store.layout import DATA_DIR, DB_FILE, INIT_PREFIX
from banmian.tasks.store.migrate import ensure_schema
from banmian.tasks.store.plan import ManifestEntry, PageVersion, RunPlan, Source, WarehouseState, plan_run, run_status
from banmian.tasks.store.staging import StagedRun, planning_pages, staged_rows
from banmian.tasks.store.table_files import TableFiles
from banmian.tasks.store.views import KEPT_BY_RUNS, catalogue_script, new_search_articles

_SUPERSEDED = pa.schema([("page_id", pa.string()), ("run_id", pa.string())])
#: Runs whose rejects compaction keeps: a file rejected every day then stays ~100 rows, not thousands.
KEEP_REJECT_RUNS: Final = 100
#: A staged commit of this many pages or more is made in a child process: spawning one costs ~3 s
#: (imports, on the loaded 2-core VM), which small runs (tests, a day of a few hundred pages) need not pay.
WRITE_APART_FROM: Final = 1_000


@dataclass
class CompactSummary:
    """What a compaction did."""

    files_before: int
    files_after: int
    rows_dropped: int
    rejects_pruned: int
    bytes_before: int
    bytes_after: int
    duration_s: float
    catalogue_bytes_before: int = 0  # banmian.duckdb, rewritten by every compaction
    catalogue_bytes_after: int = 0


# ---------------------------------------------------------------------------
# Reading and changing the catalogue (inside the caller's transaction).
# ---------------------------------------------------------------------------

def load_state(con: duckdb.DuckDBPyConnection) -> WarehouseState:
    """The paths, current versions and live files a writer plans with."""
    state = WarehouseState()
    for row in con.execute("SELECT path, page_id, size, mtime, first_seen_run, last_seen_run, "
                           "current FROM page_sources").fetchall():
        src = Source(*row)
        state.sources[src.key] = src
    for pid, run, digest in con.execute(
            "SELECT page_id, run_id, result_digest FROM _page_versions "
            "WHERE superseded_by_run IS NULL").fetchall():
        state.current_versions[pid] = (run, digest)
    state.manifest = [ManifestEntry(*row) for row in con.execute(
        "SELECT table_name, file, run_id, n_rows, n_bytes, sha256 FROM _manifest ORDER BY file").fetchall()]
    return state


def refresh_views(con: duckdb.DuckDBPyConnection, kept: Collection[str] = ()) -> None:
    """Re-create every view over the files ``_manifest`` lists (root-relative), and document everything.

    The derived tables are re-created too, but those ``kept`` (a run's commit updates them itself).
    DuckDB reads each file's footer to create the views: ``WarehouseDamaged``
    names a file it cannot read.
    """
    files: dict[str, list[str]] = {}
    for table_name, rel in con.execute("SELECT table_name, file FROM _manifest ORDER BY file").fetchall():
        files.setdefault(table_name, []).append(rel)
    try:
        con.execute(catalogue_script(files, kept=kept))
    except duckdb.Error as exc:
        text = first_line(exc)
        named = next((rel for listed in files.values() for rel in listed if rel in text), None)
        if named is None:
            raise
        raise WarehouseDamaged(f"the warehouse is damaged: {named} cannot be read ({text}); nothing was "
                               "written. Run `banmian check` to see every problem, then `banmian repair`.") from None


def _execute_with(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table, sql: str,
                  params: list[object] | None = None) -> None:
    """Run ``sql`` with the Arrow ``table`` visible as ``name``.

    Not unregistered when ``sql`` fails: the transaction is then aborted
    (DuckDB refuses even that) and its connection is closed anyway.
    """
    con.register(name, table)
    con.execute(sql, params)
    con.unregister(name)


def insert_rows(con: duckdb.DuckDBPyConnection, table_name: str, rows: pa.Table) -> None:
    """``INSERT INTO table_name`` every row of ``rows`` (whose columns are the table's, in order)."""
    if rows.num_rows:
        _execute_with(con, "_incoming", rows, f"INSERT INTO {table_name} SELECT * FROM _incoming")


def _record_sources(con: duckdb.DuckDBPyConnection, sources: Iterable[Source]) -> None:
    """Insert or replace these ``page_sources`` rows."""
    # Column by column: ``dataclasses.asdict`` deep-copies each row, ~0.2 CPU s a 1,000 files, and a run
    # with every file unchanged re-records every path (issue 19).
    sources = list(sources)
    incoming = pa.table({name: [getattr(s, name) for s in sources] for name in schema.PAGE_SOURCES.names},
                        schema=schema.PAGE_SOURCES)
    if incoming.num_rows:
        _execute_with(con, "_incoming", incoming, "DELETE FROM page_sources USING _incoming AS i "
                      "WHERE page_sources.path = i.path AND page_sources.page_id = i.page_id")
        insert_rows(con, "page_sources", incoming)


def _supersede(con: duckdb.DuckDBPyConnection, versions: Sequence[PageVersion], run_id: str) -> None:
    """Mark these (page_id, run_id) versions as replaced by ``run_id``."""
    if versions:
        superseded = pa.Table.from_pylist([{"page_id": p, "run_id": r} for p, r in versions], schema=_SUPERSEDED)
        _execute_with(con, "_superseded", superseded,
                      "UPDATE _page_versions SET superseded_by_run = ? FROM _superseded AS x "
                      "WHERE _page_versions.page_id = x.page_id AND _page_versions.run_id = x.run_id", [run_id])


def _refresh_after_run(con: duckdb.DuckDBPyConnection, superseded: Sequence[PageVersion],
                       entries: Sequence[ManifestEntry], unlisted: bool) -> None:
    """The views re-created at a run's commit; ``_search_articles`` updated, not re-made: the superseded pages'
    rows out, the rows of the pages the run wrote (from its own files) in. Re-made if the run takes damaged
    files out of the manifest (``banmian repair``) or the table is missing. Left as they are by a run that
    writes and supersedes nothing (every file unchanged): they read the same files as before, and re-creating
    them reads every listed file's footer (issue 19: a fifth of a no-op run's commit at 1,000 pages)."""
    if unlisted or not con.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = '_search_articles'").fetchall():
        refresh_views(con)
        return
    if not superseded and not entries:
        return
    refresh_views(con, kept=KEPT_BY_RUNS)
    if superseded:
        _execute_with(con, "_superseded", pa.table({"page_id": pa.array([p for p, _ in superseded], pa.string())}),
                      "DELETE FROM _search_articles WHERE page_id IN (SELECT page_id FROM _superseded)")
    files: dict[str, list[str]] = {}
    for e in entries:
        files.setdefault(e.table_name, []).append(e.file)
    if "articles" in files:
        con.execute(f"INSERT INTO _search_articles {new_search_articles(files)}")


def _unlist(con: duckdb.DuckDBPyConnection, entries: Sequence[ManifestEntry]) -> None:
    """Take these files out of ``_manifest`` (the views stop reading them at the refresh)."""
    if entries:
        con.executemany("DELETE FROM _manifest WHERE file = ?", [[e.file] for e in entries])


def _manifest_rows(entries: Iterable[ManifestEntry]) -> pa.Table:
    return pa.Table.from_pylist([dataclasses.asdict(e) for e in entries], schema=schema.MANIFEST)


def _version_rows(tables: Mapping[str, pa.Table]) -> pa.Table:
    """``_page_versions`` rows of the page versions a run writes (all current), with their row counts."""
    counts = {t: _rows_per_page(tables[t]) for t in schema.CONTENT_TABLES}
    return pa.Table.from_pylist(
        [{**row, "superseded_by_run": None,
          **{schema.rows_column(t): counts[t][row["page_id"]] for t in schema.CONTENT_TABLES}}
         for row in tables["pages"].select(["page_id", "run_id", "result_digest"]).to_pylist()],
        schema=schema.PAGE_VERSIONS)


def _rows_per_page(table: pa.Table) -> Counter[str]:
    """page_id -> rows of ``table`` (counted by Arrow: article_terms has ~100 rows a page)."""
    counted = pc.value_counts(table["page_id"])
    return Counter(dict(zip(counted.field("values").to_pylist(), counted.field("counts").to_pylist(), strict=True)))


def _run_row(run: RunInfo, summary: RunSummary, started: datetime, finished: datetime) -> pa.Table:
    """The ``runs`` row of a run."""
    return pa.Table.from_pylist([{
        "run_id": run.run_id, "started_at": started, "finished_at": finished, "source": run.source,
        "pages_found": run.pages_found, "pages_skipped": summary.pages_skipped,
        "pages_loaded": summary.pages_loaded, "pages_replaced": summary.pages_replaced,
        "rejects": summary.rejects, "articles": summary.articles, "residue_chars": summary.residue_chars,
        "status": summary.status, "schema_version": schema.SCHEMA_VERSION, "models": run.models,
    }], schema=schema.RUNS)


def _column_sum(table: pa.Table, column: str) -> int:
    return int(pc.sum(table[column]).as_py() or 0)


@dataclass
class _Written:
    """What a run wrote, counted batch by batch as its tables went to their files."""

    entries: list[ManifestEntry] = dataclasses.field(default_factory=list)
    versions: list[pa.Table] = dataclasses.field(default_factory=list)  # ``_page_versions`` rows, a batch each
    articles: int = 0
    residue_chars: int = 0
    visible_chars: int = 0

    def count(self, tables: Mapping[str, pa.Table]) -> None:
        self.versions.append(_version_rows(tables))
        self.articles += tables["articles"].num_rows
        self.residue_chars += _column_sum(tables["residue"], "visible_chars")
        self.visible_chars += _column_sum(tables["pages"], "visible_chars")


def write_pages(root: Path, batches: Iterable[Mapping[str, pa.Table]], run_id: str) -> _Written:
    """Append each batch's rows (``records.page_tables``) to the run's files: one batch in memory at a time.

    If anything fails (a full disk), the files written so far are deleted.
    """
    files = TableFiles(root, run_id)
    written = _Written()
    try:
        for tables in batches:
            files.add(tables)
            written.count(tables)
        written.entries = files.finish()
    except BaseException:
        files.discard()
        raise
    return written


def write_staged_pages(root: Path, run_id: str, staged: StagedRun, planned: Sequence[tuple[DecodedPage, object]],
                       chosen: Collection[tuple[str, str]]) -> _Written:
    """The run's files of the ``chosen`` pages (``(sha256, path)`` of a plan's ``write``), from its staged parts."""
    wanted = set(chosen)
    pages = (page for page, _ in planned if (page.sha256, page.path) in wanted)
    return write_pages(root, staged_rows(staged, planned, pages, run_id), run_id)


def run_apart(work: Callable[..., Any], *args: Any) -> Any:
    """``work(*args)`` in a spawned child process, which gives its memory back when it ends (issue 19).

    A staged commit of 10,000 pages grew the flow's process ~215 MB (380 -> 596 MB), on top of
    what Prefect, Dask and DuckDB hold there: merging the parts into the table files, then DuckDB's
    transaction (its search table, the catalogue copy). A spawned child starts clean; its errors
    come back as they were raised. A named fault point reached in the child kills the writer too
    (``faults.kill_too``), as a power cut would kill both.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                             initializer=kill_too, initargs=(os.getpid(),)) as child:
        return child.submit(work, *args).result()


def commit_staged_here(root: Path, patience: float | None, run: RunInfo, staged: StagedRun,
                       full_refresh: bool) -> tuple[RunSummary, WarehouseState]:
    """``WarehouseWriter.commit_staged`` in this process (a child) for the writer that holds the lock in its
    parent; the run's summary and the catalogue's state after it."""
    from banmian.tasks.store.warehouse import Warehouse  # the warehouse builds on this module

    writer = WarehouseWriter(root, partial(Warehouse(root).write_connection, patience), patience)
    writer.reload_state()
    return writer.commit_staged(run, staged, full_refresh, apart=False), writer.state


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@dataclass
class CommitMark:
    """Set by :func:`committed` once COMMIT has returned: from then on the transaction stands."""

    done: bool = False


def _settle(con: duckdb.DuckDBPyConnection, root: Path, what: str) -> None:
    """After COMMIT: the catalogue copy, then CHECKPOINT. ``CheckpointFailed`` if either fails.

    Both are tried: a full disk may leave room for one. Until a CHECKPOINT
    succeeds, DuckDB's WAL holds the commit and the next open folds it in.
    """
    failures: list[str] = []
    try:
        write_copy(con, root)
    except Exception as exc:  # noqa: BLE001 - the commit stands; the failure is reported with it
        failures.append(f"writing the catalogue copy failed ({first_line(exc)})")
    try:
        con.execute("CHECKPOINT")
    except duckdb.Error as exc:
        failures.append(f"checkpoint failed ({first_line(exc)})")
    if failures:
        raise CheckpointFailed(what, "; ".join(failures))


@contextmanager
def committed(con: duckdb.DuckDBPyConnection, root: Path, what: str, refresh: bool = True,
              mark: CommitMark | None = None) -> Iterator[None]:
    """BEGIN; the caller's statements; the views re-created (``refresh``); COMMIT; copy and CHECKPOINT.

    On any error before COMMIT the transaction is rolled back (if DuckDB still
    has one) and nothing of it is visible. After COMMIT, ``mark.done`` is set
    and a failure is a ``CheckpointFailed`` naming ``what`` was committed.
    """
    con.begin()
    try:
        yield
        if refresh:
            refresh_views(con)
        fault_point("inside_commit")
        con.commit()
    except BaseException:
        try:
            con.rollback()
        except duckdb.Error:
            pass  # the failed COMMIT already ended it
        raise
    if mark is not None:
        mark.done = True
    fault_point("after_commit")
    _settle(con, root, what)


# Only for the type checker: built at runtime, this alias would keep DuckDB's connection type in
# typing's caches past DuckDB's own teardown, and DuckDB 2 prints "nanobind: leaked ..." at exit.
if TYPE_CHECKING:
    #: Opens the warehouse's database read-write, retrying while a reader holds it (``Warehouse.write_connection``).
    Connector = Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]]


class WarehouseWriter:
    """Write access to the warehouse at ``root``, valid inside ``Warehouse.writer()`` (which holds the lock)."""

    def __init__(self, root: Path, connect: Connector, patience: float | None = None) -> None:
        self.root = root
        self.patience = patience  # how long ``connect`` waits for the database (a child's connection too)
        self.db_path = root / DB_FILE
        self._connect = connect
        self._state = WarehouseState()
        self._closed = False

    # -- opening -----------------------------------------------------------

    def open(self) -> None:
        """Sweep what killed or failed runs left, then create or migrate the catalogue and re-create the views.

        The sweep comes first, before anything is written: the files of a run
        that filled the disk must not keep the next one from committing.
        """
        live = self._listed_files() if self.db_path.exists() else self._nothing_to_lose()
        sweep_failed_inits(self.root)
        if live is not None:
            sweep_unlisted(self.root, live)
        if not self.db_path.exists():
            self._create_database()
        try:
            with self._transaction("the warehouse's schema", refresh=False) as con:
                found = ensure_schema(con, self.db_path)
        except CheckpointFailed as exc:  # no run began: say only that the warehouse cannot be written
            raise OSError(f"cannot write to {self.root}: {exc.failures}; nothing was committed") from None
        if found != schema.SCHEMA_VERSION:
            self._refresh_views_if_readable()
        self.sweep()

    def refresh_views(self) -> None:
        """Re-create the views over the files the manifest lists (in their own transaction)."""
        self._check_open()
        with self._transaction("the views (no run)"):
            pass

    def _refresh_views_if_readable(self) -> None:
        """Re-create the views after a migration; a damaged file leaves them as they were until repaired.

        Every commit re-creates them too, so they never stay behind a working warehouse.
        """
        try:
            self.refresh_views()
        except WarehouseDamaged:
            pass  # `banmian check` names the file; `banmian repair` re-creates the views without it

    def close(self) -> None:
        """From now on this writer refuses to write (the lock is about to be released)."""
        self._closed = True

    def _listed_files(self) -> set[str] | None:
        """The files the manifest lists, read without writing; None if the database has no manifest yet."""
        with self._connect() as con:
            try:
                return {row[0] for row in con.execute("SELECT file FROM _manifest").fetchall()}
            except duckdb.CatalogException:
                return None

    def _nothing_to_lose(self) -> set[str]:
        """No database: refuse to create an empty one over data it would sweep away. Returns no live file.

        Parquet files exist only once a database listed them, and a catalogue
        copy with runs describes a database that existed: ``banmian repair``
        rebuilds it from the copy instead.
        """
        stored = sorted(self.root.glob(f"{DATA_DIR}/*/*.parquet"))
        runs = copied_runs(self.root)
        if stored or runs:
            raise WarehouseDamaged(
                f"{self.db_path} is missing, but the warehouse holds {len(stored)} Parquet files and a "
                f"catalogue copy of {runs} runs; run `banmian repair` to rebuild the catalogue "
                "(or delete the warehouse directory to start afresh)")
        return set()

    def _create_database(self) -> None:
        """Create banmian.duckdb under a temp name and rename it into place.

        So the catalogue either does not exist or is complete, even if the
        first run is killed while creating it.
        """
        root = self.root
        tmp = root / f"{INIT_PREFIX}{uuid.uuid4().hex[:8]}"
        con = duckdb.connect(str(tmp))
        try:
            bind_root(con, root)
            with committed(con, root, "a new, empty catalogue"):
                ensure_schema(con, self.db_path)
        except CheckpointFailed as exc:
            raise OSError(f"could not create {self.db_path}: {exc.failures}") from None
        finally:
            con.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        Path(f"{tmp}.wal").unlink(missing_ok=True)  # empty after the checkpoint
        os.replace(tmp, self.db_path)
        fsync_dir(root)

    @contextmanager
    def _transaction(self, what: str, refresh: bool = True,
                     mark: CommitMark | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """One committed transaction on the warehouse's database; the state is read again after it.

        After a ``CheckpointFailed`` the writer is closed: DuckDB may have
        dropped the database, so a new writer must open it again.
        """
        with self._connect() as con:
            try:
                with committed(con, self.root, what, refresh, mark):
                    yield con
            except CheckpointFailed:
                self._closed = True
                raise
            self._state = load_state(con)

    @contextmanager
    def _committing(self, what: str, written: Sequence[ManifestEntry],
                    refresh: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        """``_transaction``, deleting the files ``written`` for it unless it commits (a full disk, a failed insert)."""
        mark = CommitMark()
        try:
            with self._transaction(what, refresh, mark) as con:
                yield con
        except BaseException:
            if not mark.done:
                discard(self.root, {e.file for e in written})
            raise

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("this WarehouseWriter is closed; use Warehouse.writer() again")

    # -- what the orchestration asks ------------------------------------------

    def reload_state(self) -> None:
        """Read the catalogue's state again (after a commit made in a child process)."""
        with self._connect() as con:
            self._state = load_state(con)

    def known_files(self) -> dict[str, tuple[int, float, str]]:
        """Current path -> (size, mtime, sha256), for the size+mtime shortcut."""
        return {s.path: (s.size, s.mtime, s.page_id)
                for s in self._state.sources.values() if s.current}

    def loaded_page_ids(self) -> set[str]:
        """Page contents whose current version is stored."""
        return set(self._state.current_versions)

    def page_versions(self) -> list[dict[str, object]]:
        """Every ``_page_versions`` row (superseded ones too), for ``banmian repair``."""
        self._check_open()
        with self._connect() as con:
            return con.sql("SELECT * FROM _page_versions ORDER BY page_id, run_id").to_arrow_table().to_pylist()

    @property
    def state(self) -> WarehouseState:
        """What the catalogue held after the last transaction (read-only use: ``banmian repair`` plans with it)."""
        return self._state

    # -- housekeeping --------------------------------------------------------

    def sweep(self) -> list[Path]:
        """Delete Parquet files the manifest does not list (left by killed runs)."""
        self._check_open()
        return sweep_unlisted(self.root, {e.file for e in self._state.manifest})

    def require_files(self, thorough: bool = False) -> None:
        """``WarehouseDamaged`` unless every listed file is there with its size (``thorough``: and its sha256)."""
        require_files(self.root, self._state.manifest, thorough)

    def _write_tables(self, tables: dict[str, pa.Table], tag: str) -> list[ManifestEntry]:
        """Write each non-empty table durably; returns their manifest entries.

        If one write fails (a full disk), the files already written are deleted.
        """
        files = TableFiles(self.root, tag)
        try:
            files.add(tables)
            return files.finish()
        except BaseException:
            files.discard()
            raise

    # -- a run ---------------------------------------------------------------

    def commit_run(self, run: RunInfo, pages: list[tuple[DecodedPage, PageResult]],
                   unchanged: list[RawFile], rejects: list[Reject],
                   full_refresh: bool = False) -> RunSummary:
        """Store a run's pages, all at once or not at all (see the module docstring).

        ``WarehouseDamaged`` before anything is written if a listed file is
        missing or short; ``CheckpointFailed`` (with the summary) if the run
        committed but what follows the commit failed.
        """
        self._check_open()
        self.require_files()
        plan = plan_run(self._state, pages, unchanged, rejects, run.run_id, full_refresh)
        return self.store(run, plan, len(pages), len(unchanged), rejects)

    def commit_staged(self, run: RunInfo, staged: StagedRun, full_refresh: bool = False,
                      apart: bool | None = None) -> RunSummary:
        """``commit_run`` of a run's staged batches, holding one batch's pages at a time (issue 19).

        Planned from the pages without their text (and, for a full refresh,
        their results' digests), then written batch by batch from the staged
        parts: memory does not grow with the number of pages. ``apart``: all of
        it in a child process (``run_apart``), this writer keeping the lock;
        None: when the run segmented ``WRITE_APART_FROM`` pages or more.
        """
        self._check_open()
        if apart if apart is not None else sum(part.pages for part in staged.parts) >= WRITE_APART_FROM:
            return self._commit_staged_apart(run, staged, full_refresh)
        self.require_files()
        pages, unchanged, rejects = planning_pages(staged, with_digests=full_refresh)
        plan = plan_run(self._state, pages, unchanged, rejects, run.run_id, full_refresh)
        chosen = [(page.sha256, page.path) for page, _ in plan.write]
        written = write_staged_pages(self.root, run.run_id, staged, pages, chosen)
        return self.store(run, plan, len(pages), len(unchanged), rejects, written=written)

    def _commit_staged_apart(self, run: RunInfo, staged: StagedRun, full_refresh: bool) -> RunSummary:
        """``commit_staged`` in a child process; this writer's state is the child's after it."""
        try:
            summary, self._state = run_apart(commit_staged_here, self.root, self.patience, run, staged, full_refresh)
        except CheckpointFailed:
            self._closed = True  # as ``_transaction`` does: DuckDB may have dropped the database
            raise
        except BrokenProcessPool:  # the child alone was killed (the OOM killer's pick), maybe after its COMMIT
            self.reload_state()
            self.sweep()  # what it wrote and did not list goes at once
            raise
        return summary

    def store(self, run: RunInfo, plan: RunPlan[Any], n_pages: int, n_unchanged: int, rejects: Sequence[Reject],
              unlisted: Sequence[ManifestEntry] = (), written: _Written | None = None) -> RunSummary:
        """Write what ``plan`` says and commit it as ``run``; ``unlisted`` files leave the manifest in the same commit.

        ``written``: the files of the pages ``plan.write`` names, already written
        (``write_staged_pages``; default: written here from ``plan.write`` itself,
        whose results must then be whole). The files are deleted again if the
        transaction does not commit.
        """
        self._check_open()
        if written is None:
            written = write_pages(self.root, [records.page_tables(_whole_results(plan), run.run_id)], run.run_id)
        started, finished = _utc(run.started_at), datetime.now(timezone.utc)
        summary = self._summary(run, plan, written, n_pages, n_unchanged, rejects,
                                max(0.0, (finished - started).total_seconds()))
        entries = written.entries
        try:
            with self._committing(f"run {run.run_id}", entries, refresh=False) as con:
                _unlist(con, unlisted)
                _record_sources(con, plan.sources)
                _supersede(con, plan.superseded, run.run_id)
                insert_rows(con, "_page_versions", pa.concat_tables([schema.PAGE_VERSIONS.empty_table(),
                                                                     *written.versions]))
                insert_rows(con, "_manifest", _manifest_rows(entries))
                insert_rows(con, "rejects", records.rejects_table(rejects, run.run_id))
                insert_rows(con, "runs", _run_row(run, summary, started, finished))
                _refresh_after_run(con, plan.superseded, entries, bool(unlisted))
        except CheckpointFailed as exc:
            exc.summary = summary
            raise
        return summary

    def _summary(self, run: RunInfo, plan: RunPlan[Any], written: _Written, n_pages: int,
                 n_unchanged: int, rejects: Sequence[Reject], duration_s: float) -> RunSummary:
        """The numbers of a run, from its plan and what it wrote."""
        residue_chars = written.residue_chars
        status = run_status(run, n_pages, n_unchanged - len(plan.unknown_unchanged),
                            sum(1 for r in rejects if not r.is_warning))
        return RunSummary(
            run_id=run.run_id, pages_loaded=len(plan.write), pages_skipped=plan.skipped,
            pages_replaced=len(plan.superseded), articles=written.articles,
            residue_chars=residue_chars,
            residue_share=residue_share(residue_chars, written.visible_chars),
            rejects=len(rejects), status=status, warehouse=str(self.root), duration_s=duration_s)

    # -- the report drawn after a run ----------------------------------------

    def record_report_error(self, run_id: str, error: str) -> None:
        """Say in ``runs.report_error`` why the report drawn after run ``run_id``'s commit was not written.

        The report is drawn after the commit, so its failure is a transaction of its own (then the
        catalogue copy and CHECKPOINT, as after a run): a user querying ``runs`` later sees it.
        """
        self._check_open()
        with self._transaction(f"the report error of run {run_id}", refresh=False) as con:
            con.execute("UPDATE runs SET report_error = ? WHERE run_id = ?", [error, run_id])

    def clear_report_errors(self) -> int:
        """Null every ``runs.report_error`` (the warehouse's whole report was drawn since); returns how many."""
        self._check_open()
        with self._transaction("the report re-made", refresh=False) as con:
            (cleared,) = con.execute("UPDATE runs SET report_error = NULL WHERE report_error IS NOT NULL").fetchall()[0]
        return int(cleared)

    # -- compaction ----------------------------------------------------------

    def _compacted(self, table: str, entries: Sequence[ManifestEntry]) -> pa.Table:
        """Live rows of one stored table, merged and ordered by page (or as ``schema.CLUSTERED`` says)."""
        sch = schema.STORED[table]
        data = pa.concat_tables([pq.read_table(self.root / e.file, schema=sch) for e in entries])
        if table in schema.CONTENT_TABLES:
            live = pa.array([f"{pid}\x1f{run}" for pid, (run, _) in self._state.current_versions.items()],
                            pa.string())
            keys = pc.binary_join_element_wise(data["page_id"], data["run_id"], "\x1f")
            data = data.filter(pc.is_in(keys, value_set=live))
        layout = schema.CLUSTERED.get(table)
        if layout is not None:  # keeps the order lookups rely on (e.g. article_terms by term)
            return data.sort_by([(column, "ascending") for column in layout.sort_by])
        order = [("page_id", "ascending"), ("run_id", "ascending")]
        if "ordinal" in sch.names:
            order.append(("ordinal", "ascending"))
        return data.sort_by(order)

    def _rewrite_fragmented(self, tag: str) -> tuple[list[ManifestEntry], list[ManifestEntry], int]:
        """Merge each table of several files (or with dead rows) into one new file.

        Returns the entries replaced, the new entries and the rows dropped.
        """
        by_table: dict[str, list[ManifestEntry]] = {}
        for e in self._state.manifest:
            by_table.setdefault(e.table_name, []).append(e)
        replaced: list[ManifestEntry] = []
        new_entries: list[ManifestEntry] = []
        rows_dropped = 0
        for table, entries in by_table.items():
            merged = self._compacted(table, entries)
            before = sum(e.n_rows for e in entries)
            if len(entries) == 1 and merged.num_rows == before:
                continue
            rows_dropped += before - merged.num_rows
            replaced.extend(entries)
            new_entries.extend(self._write_tables({table: merged}, tag))
        return replaced, new_entries, rows_dropped

    def compact(self, keep_reject_runs: int | None = KEEP_REJECT_RUNS) -> CompactSummary:
        """Merge each stored table into one file and drop rows of superseded versions; write the catalogue anew.

        Views show the same content before and after. Also keeps only the
        rejects of the last ``keep_reject_runs`` runs (None: keep all), so
        repeated runs over the same input do not grow the warehouse.
        """
        self._check_open()
        self.require_files(thorough=True)  # merging a damaged file would launder it into a healthy-looking one
        t0 = time.monotonic()
        files_before = len(self._state.manifest)
        catalogue_before = self.db_path.stat().st_size
        tag = "compact-" + ids.new_run_id()
        replaced, new_entries, rows_dropped = self._rewrite_fragmented(tag)
        with self._committing(f"compaction {tag}", new_entries, refresh=bool(replaced)) as con:
            pruned = _prune_rejects(con, keep_reject_runs)
            _unlist(con, replaced)
            insert_rows(con, "_manifest", _manifest_rows(new_entries))
        for e in replaced:
            (self.root / e.file).unlink(missing_ok=True)
        self._rewrite_catalogue()
        return CompactSummary(
            files_before=files_before, files_after=len(self._state.manifest),
            rows_dropped=rows_dropped, rejects_pruned=pruned,
            bytes_before=sum(e.n_bytes for e in replaced), bytes_after=sum(e.n_bytes for e in new_entries),
            duration_s=time.monotonic() - t0, catalogue_bytes_before=catalogue_before,
            catalogue_bytes_after=self.db_path.stat().st_size)

    def _rewrite_catalogue(self) -> None:
        """Write the catalogue anew, views and all, and rename it over the old one.

        DuckDB reuses the blocks of deleted rows but never gives them back
        (CHECKPOINT and VACUUM leave the file's size as it is), so pruned
        rejects and replaced sources would keep the catalogue at its largest.
        Killed before the rename, the new file is swept as a failed creation;
        after it, the new file holds exactly what the old one did.
        """
        from banmian.tasks.store.repair import build_database  # repair builds on this module

        with self._connect() as con:
            tables = native_tables(con)
        build_database(self.root, tables, views=True)
        with self._connect() as con:
            self._state = load_state(con)


def _whole_results(plan: RunPlan[Any]) -> list[tuple[DecodedPage, PageResult]]:
    """``plan.write`` of a plan made from whole results (``commit_run``, ``repair``), checked."""
    whole = [(page, result) for page, result in plan.write if isinstance(result, PageResult)]
    if len(whole) != len(plan.write):
        raise TypeError("a plan made from digests is stored from its staged batches (commit_staged)")
    return whole


def _prune_rejects(con: duckdb.DuckDBPyConnection, keep_runs: int | None) -> int:
    """Delete the rejects of all but the newest ``keep_runs`` runs (None: keep all); returns how many."""
    if keep_runs is None:
        return 0
    stale = "run_id NOT IN (SELECT run_id FROM runs ORDER BY started_at DESC, run_id DESC LIMIT ?)"
    row = con.execute(f"SELECT count(*) FROM rejects WHERE {stale}", [keep_runs]).fetchone()
    pruned = int(row[0]) if row else 0
    if pruned:
        con.execute(f"DELETE FROM rejects WHERE {stale}", [keep_runs])
    return pruned
