"""banmian's warehouse: Parquet files of record, a DuckDB catalogue over them.

Layout of a warehouse root::

    <root>/.lock              exclusive writer lock (fcntl.flock)
    <root>/banmian.duckdb     views over the live Parquet files + small native tables
    <root>/data/<table>/*.parquet

Why it is built this way:

* A run writes its Parquet files first (temp name, fsync, rename), without
  DuckDB open, then makes them visible in ONE DuckDB transaction that records
  them in ``_manifest``, updates the bookkeeping tables and re-creates every
  view over the exact list of live files. DuckDB DDL is transactional, so a
  run's results appear all at once or not at all; a run killed at any moment
  leaves only unlisted files, which the next writer sweeps away.
* DuckDB allows one read-write process per file and no read-only process at
  the same time, so the writer holds the database open only for that short
  transaction and readers (``Warehouse.query``) retry briefly around it.
* Rows carry the (page_id, run_id) of their page version; views show only
  current versions (``_page_versions.superseded_by_run IS NULL``), so a changed
  file at a known path replaces its old rows everywhere without rewriting any
  file. ``compact`` later merges files and drops the superseded rows.

This is the only module that imports duckdb.
"""

from __future__ import annotations

import dataclasses
import errno
import fcntl
import os
import re
import time
import uuid
from importlib import resources
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from banmian.tasks.store import ids, records, schema
from banmian.tasks.model import DecodedPage, PageResult, RawFile, Reject

DB_FILE = "banmian.duckdb"
LOCK_FILE = ".lock"
DATA_DIR = "data"
#: The reporting views, installed as package data of ``banmian.sql`` (a real directory: banmian is never zipped).
SQL_DIR = Path(str(resources.files("banmian.sql")))

# Views over stored Parquet, created before the reporting views in sql/.
BASE_VIEWS = ("pages", "pages_history", "articles", "blocks", "sentences", "residue")
# Tables and views a user sees (reporting views come on top).
USER_RELATIONS = BASE_VIEWS + ("page_sources", "runs", "rejects", "schema_version")

DEFAULT_BUSY_TIMEOUT = 5.0
_RETRY_SLEEP = 0.05


class WarehouseBusy(Exception):
    """Another process holds the warehouse; the message says who and what to do."""


class SchemaError(Exception):
    """The warehouse's schema version cannot be used by this banmian."""


@dataclass
class RunInfo:
    """What the orchestration knows about a run before it commits.

    ``partial`` lets the orchestration mark a run whose tasks partly failed.
    """

    run_id: str
    started_at: datetime
    source: str
    pages_found: int
    partial: bool = False


@dataclass
class RunSummary:
    run_id: str
    pages_loaded: int
    pages_skipped: int
    pages_replaced: int
    articles: int
    residue_chars: int
    rejects: int
    status: str
    warehouse: str
    duration_s: float


@dataclass
class CompactSummary:
    files_before: int
    files_after: int
    rows_dropped: int
    rejects_pruned: int
    bytes_before: int
    bytes_after: int
    duration_s: float


# ---------------------------------------------------------------------------
# In-memory state of a warehouse and the pure planning of a run.
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """One row of ``page_sources``: a path and a content it held."""

    path: str
    page_id: str
    size: int
    mtime: float
    first_seen_run: str
    last_seen_run: str
    current: bool

    @property
    def key(self) -> tuple[str, str]:
        return (self.path, self.page_id)


@dataclass(frozen=True)
class ManifestEntry:
    table_name: str
    file: str       # relative to the root, posix
    run_id: str
    n_rows: int
    n_bytes: int


@dataclass
class WarehouseState:
    """What a writer needs to plan a run, read once per transaction."""

    sources: dict[tuple[str, str], Source] = field(default_factory=dict)
    current_versions: dict[str, tuple[str, str]] = field(default_factory=dict)  # page_id -> (run_id, digest)
    manifest: list[ManifestEntry] = field(default_factory=list)

    def current_source_by_path(self) -> dict[str, Source]:
        return {s.path: s for s in self.sources.values() if s.current}


@dataclass
class RunPlan:
    """What a run changes, decided before anything is written."""

    write: list[tuple[DecodedPage, PageResult]]   # new page versions
    sources: list[Source]                         # page_sources rows to insert or replace
    superseded: list[tuple[str, str]]             # (page_id, run_id) versions replaced
    skipped: int
    unknown_unchanged: list[str] = field(default_factory=list)  # "unchanged" paths never loaded


def plan_run(state: WarehouseState, pages: Sequence[tuple[DecodedPage, PageResult]],
             unchanged: Sequence[RawFile], rejects: Sequence[Reject], run_id: str,
             full_refresh: bool = False) -> RunPlan:
    """Decide what a run writes and which page versions it supersedes.

    Pure, so the rules can be read and tested in one place:

    * content already current is not written again, only its path recorded
      (unless ``full_refresh`` and the segmentation result changed);
    * a path whose content changed stops pointing at the old content;
    * a rejected path stops holding a page, unless the reject is only a
      warning about a page loaded all the same (``Reject.is_warning``, e.g.
      ``no_articles``): that one is recorded and the page stays current;
    * with ``full_refresh`` a path this run did not see stops being current;
    * a page version is superseded when no current path holds its content
      any more, or when this run writes a new version of it.
    """
    touched: dict[tuple[str, str], Source] = {}
    by_path = state.current_source_by_path()

    def put(src: Source) -> None:
        touched[src.key] = src
        if src.current:
            by_path[src.path] = src
        elif by_path.get(src.path) is not None and by_path[src.path].key == src.key:
            del by_path[src.path]

    def lookup(key: tuple[str, str]) -> Source | None:
        return touched.get(key) or state.sources.get(key)

    seen: set[str] = set()
    write: dict[str, tuple[DecodedPage, PageResult]] = {}
    skipped = 0
    unknown: list[str] = []
    for page, result in pages:
        seen.add(page.path)
        pid = page.sha256
        previous = by_path.get(page.path)
        if previous is not None and previous.page_id != pid:
            put(replace(previous, current=False))
        old = lookup((page.path, pid))
        put(Source(page.path, pid, page.size, page.mtime,
                   old.first_seen_run if old else run_id, run_id, True))
        if pid in write:
            skipped += 1
            continue
        current = state.current_versions.get(pid)
        if current is None or (full_refresh and current[1] != records.result_digest(result)):
            write[pid] = (page, result)
        else:
            skipped += 1
    for raw in unchanged:
        seen.add(raw.path)
        src = by_path.get(raw.path)
        if src is None:
            unknown.append(raw.path)  # not a known file: nothing to keep alive
            continue
        put(replace(src, size=raw.size, mtime=raw.mtime, last_seen_run=run_id))
        skipped += 1
    for rej in rejects:
        seen.add(rej.path)
        if rej.is_warning:
            continue  # the page at this path was loaded above; the reject only flags it
        src = by_path.get(rej.path)
        if src is not None:
            put(replace(src, current=False))
    if full_refresh:
        for path, src in list(by_path.items()):
            if path not in seen:
                put(replace(src, current=False))
    live = {src.page_id for src in by_path.values()}
    superseded = sorted((pid, run) for pid, (run, _) in state.current_versions.items()
                        if pid not in live or pid in write)
    return RunPlan(write=list(write.values()), sources=list(touched.values()),
                   superseded=superseded, skipped=skipped, unknown_unchanged=unknown)


def run_status(run: RunInfo, n_pages: int, n_unchanged: int, n_rejects: int) -> str:
    """``partial`` if the orchestration says so or some found file is unaccounted for.

    ``n_rejects`` counts files that did not become pages (warnings about loaded
    pages are already counted in ``n_pages``).
    """
    if run.partial or n_pages + n_unchanged + n_rejects < run.pages_found:
        return "partial"
    return "complete"


# ---------------------------------------------------------------------------
# SQL text (pure). Values go in as parameters; only file paths in view DDL,
# which cannot take parameters, are quoted here.
# ---------------------------------------------------------------------------

def sql_literal(value: str) -> str:
    """A SQL string literal: single quotes doubled. For DDL, which takes no parameters."""
    return "'" + value.replace("'", "''") + "'"


def sql_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def duckdb_type(t: pa.DataType) -> str:
    """The DuckDB type that reading a Parquet column of Arrow type ``t`` yields."""
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "VARCHAR"
    if pa.types.is_int32(t):
        return "INTEGER"
    if pa.types.is_int64(t):
        return "BIGINT"
    if pa.types.is_float64(t):
        return "DOUBLE"
    if pa.types.is_boolean(t):
        return "BOOLEAN"
    if pa.types.is_timestamp(t):
        return "TIMESTAMP WITH TIME ZONE" if t.tz else "TIMESTAMP"
    if pa.types.is_list(t):
        return duckdb_type(t.value_type) + "[]"
    if pa.types.is_map(t):
        return f"MAP({duckdb_type(t.key_type)}, {duckdb_type(t.item_type)})"
    raise TypeError(f"no DuckDB type for {t}")


def native_table_ddl(name: str, sch: pa.Schema, primary_key: Sequence[str]) -> str:
    cols = [f"{sql_ident(f.name)} {duckdb_type(f.type)}" for f in sch]
    if primary_key:
        cols.append("PRIMARY KEY (" + ", ".join(sql_ident(c) for c in primary_key) + ")")
    return f"CREATE TABLE IF NOT EXISTS {sql_ident(name)} (" + ", ".join(cols) + ")"


def stored_relation(sch: pa.Schema, files: Sequence[str]) -> str:
    """SQL relation over the given Parquet files, or a typed empty one if none."""
    if files:
        return "read_parquet([" + ", ".join(sql_literal(f) for f in files) + "])"
    cols = ", ".join(f"CAST(NULL AS {duckdb_type(f.type)}) AS {sql_ident(f.name)}" for f in sch)
    return f"(SELECT {cols} WHERE false)"


_CURRENT = "v.superseded_by_run IS NULL"


def base_view_sql(files: dict[str, list[str]]) -> dict[str, str]:
    """``CREATE OR REPLACE VIEW`` for each base view, over absolute file paths."""
    rel = {name: stored_relation(schema.STORED[name], files.get(name, [])) for name in schema.STORED}
    meta = "s.date, s.page_no, s.page_name, s.editor, s.meta"
    views = {
        "pages": f"""
            CREATE OR REPLACE VIEW pages AS
            WITH canonical AS (
                SELECT page_id, min(path) AS source_path
                FROM page_sources WHERE current GROUP BY page_id
            )
            SELECT s.page_id, c.source_path, s.size, src.mtime, s.encoding, s.n_chars,
                   s.run_id, {meta}
            FROM {rel['pages']} AS s
            JOIN _page_versions AS v
              ON v.page_id = s.page_id AND v.run_id = s.run_id AND {_CURRENT}
            JOIN canonical AS c ON c.page_id = s.page_id
            JOIN page_sources AS src ON src.path = c.source_path AND src.page_id = s.page_id
        """,
        "pages_history": f"""
            CREATE OR REPLACE VIEW pages_history AS
            SELECT s.page_id, s.run_id, s.path, s.size, s.mtime, s.encoding, s.n_chars,
                   {meta}, s.result_digest, v.superseded_by_run
            FROM {rel['pages']} AS s
            JOIN _page_versions AS v ON v.page_id = s.page_id AND v.run_id = s.run_id
        """,
    }
    for name in schema.CONTENT_TABLES:
        views[name] = f"""
            CREATE OR REPLACE VIEW {name} AS
            SELECT t.* FROM {rel[name]} AS t
            SEMI JOIN _page_versions AS v
              ON v.page_id = t.page_id AND v.run_id = t.run_id AND {_CURRENT}
        """
    return views


@dataclass(frozen=True)
class ReportView:
    """A reporting view from ``sql/<name>.sql`` with its documentation."""

    name: str
    sql: str
    comment: str
    column_comments: dict[str, str]


_COLUMN_DOC = re.compile(r"^column\s+(\w+)\s*:\s*(.+)$")


def parse_report_view(path: Path) -> ReportView:
    """Read one reporting view; its leading ``--`` lines document it.

    The first must be ``-- grain: ...``; ``-- column NAME: doc`` lines document
    columns; other header lines are the view's description.
    """
    text = path.read_text(encoding="utf-8")
    name = path.stem
    header: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("--"):
            break
        header.append(stripped[2:].strip())
    if not header or not header[0].lower().startswith("grain:"):
        raise ValueError(f"{path}: must start with a '-- grain: ...' comment")
    if not re.search(rf"create\s+or\s+replace\s+view\s+{re.escape(name)}\b", text, re.I):
        raise ValueError(f"{path}: must CREATE OR REPLACE VIEW {name}")
    columns: dict[str, str] = {}
    description: list[str] = []
    for line in header:
        m = _COLUMN_DOC.match(line)
        if m:
            columns[m.group(1)] = m.group(2).strip()
        else:
            description.append(line)
    return ReportView(name, text, " ".join(description), columns)


def load_report_views(sql_dir: Path = SQL_DIR) -> list[ReportView]:
    """Every reporting view, in filename order (they read only base views).

    An install that lost its ``.sql`` files is broken, not empty: it raises.
    """
    views = [parse_report_view(p) for p in sorted(sql_dir.glob("*.sql"))]
    if not views:
        raise FileNotFoundError(f"No reporting views (*.sql) in {sql_dir}: the banmian install is incomplete.")
    return views


# ---------------------------------------------------------------------------
# Files.
# ---------------------------------------------------------------------------

def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_parquet_durably(table: pa.Table, final: Path) -> int:
    """Write ``table`` to ``final`` via a temp name, fsynced; returns its size.

    The temp name ends in .parquet so the sweep recognises it if we are killed.
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.with_name(f".tmp-{uuid.uuid4().hex}.parquet")
    with open(tmp, "wb") as fh:
        pq.write_table(table, fh, compression="zstd")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, final)
    return final.stat().st_size


def _is_lock_error(exc: BaseException) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


# ---------------------------------------------------------------------------
# Warehouse.
# ---------------------------------------------------------------------------

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
    def _write_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        con = self._connect(False, f"{self.db_path} is held open by another process "
                                   "(a duckdb shell or a long query?); close it and retry")
        try:
            yield con
        finally:
            con.close()

    def query(self, sql: str, params: list | None = None) -> pa.Table:
        """Run a read-only query; retries briefly while a run commits.

        Raises ``WarehouseBusy`` rather than DuckDB's lock error if the
        database stays locked.
        """
        with self._read_connection() as con:
            rel = con.sql(sql, params=params)
            if rel is None:
                return pa.table({})
            return rel.to_arrow_table()

    # -- the writer lock ---------------------------------------------------

    def _lock_holder(self) -> str:
        try:
            text = self.lock_path.read_text(encoding="utf-8").strip()
        except OSError:
            text = ""
        return text or "of another process"

    def _acquire_lock(self, wait: bool, timeout: float | None,
                      on_wait: Callable[[str], None] | None) -> int:
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise
                holder = self._lock_holder()
                if not wait:
                    raise WarehouseBusy(
                        f"warehouse {self.root} is in use by run {holder}; "
                        "wait for it to finish, or run again with waiting enabled") from None
                if on_wait is not None:
                    on_wait(f"waiting for run {holder} to finish with {self.root} ...")
                self._block_on_lock(fd, timeout, holder)
            os.ftruncate(fd, 0)
            stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
            os.pwrite(fd, f"pid {os.getpid()} started {stamp}\n".encode(), 0)
            return fd
        except BaseException:
            os.close(fd)
            raise

    def _block_on_lock(self, fd: int, timeout: float | None, holder: str) -> None:
        if timeout is None:
            fcntl.flock(fd, fcntl.LOCK_EX)
            return
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except OSError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"warehouse {self.root} still in use by run {holder} "
                        f"after {timeout:g} s; try again later") from None
                time.sleep(0.1)

    @contextmanager
    def writer(self, wait: bool = True, timeout: float | None = None,
               on_wait: Callable[[str], None] | None = None) -> Iterator["WarehouseWriter"]:
        """Exclusive write access: takes the lock, migrates, sweeps orphans."""
        fd = self._acquire_lock(wait, timeout, on_wait)
        w = WarehouseWriter(self)
        try:
            w._open()
            yield w
        finally:
            w._closed = True
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def compact(self, wait: bool = True, timeout: float | None = None,
                keep_reject_runs: int | None = 100) -> CompactSummary:
        """Take the writer lock and compact (see ``WarehouseWriter.compact``)."""
        with self.writer(wait=wait, timeout=timeout) as w:
            return w.compact(keep_reject_runs=keep_reject_runs)


# -- schema creation and migration ----------------------------------------

def _create_native_tables(con: duckdb.DuckDBPyConnection) -> None:
    for name, (sch, pk) in schema.NATIVE.items():
        con.execute(native_table_ddl(name, sch, pk))


def _migrate_0_to_1(con: duckdb.DuckDBPyConnection) -> None:
    """Warehouses from before schema versioning: add the tables they lack."""
    _create_native_tables(con)


# from_version -> step to from_version + 1. Every step runs inside the opening
# transaction, so a failed migration leaves the warehouse as it was.
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    0: _migrate_0_to_1,
}


def _existing_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT internal").fetchall()
    return {r[0] for r in rows}


def _stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """Schema version of the open database; None if it is brand new; 0 if unversioned."""
    tables = _existing_tables(con)
    if not tables:
        return None
    if "schema_version" not in tables:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def ensure_schema(con: duckdb.DuckDBPyConnection, db_path: Path) -> int:
    """Create or migrate to ``SCHEMA_VERSION``; returns the version found."""
    found = _stored_version(con)
    now = datetime.now(timezone.utc)
    if found is None:
        _create_native_tables(con)
        con.execute("INSERT INTO schema_version VALUES (?, ?)", [schema.SCHEMA_VERSION, now])
        return schema.SCHEMA_VERSION
    if found > schema.SCHEMA_VERSION:
        raise SchemaError(
            f"{db_path} has schema version {found}, but this banmian only knows versions up to "
            f"{schema.SCHEMA_VERSION}: upgrade banmian (pip install -U banmian), or point it at "
            "another warehouse directory")
    version = found
    while version < schema.SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise SchemaError(f"{db_path} has schema version {version} and no migration from it "
                              "exists; rebuild the warehouse with a full refresh into a new directory")
        step(con)
        version += 1
        con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, now])
    return found


def _load_state(con: duckdb.DuckDBPyConnection) -> WarehouseState:
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
        "SELECT table_name, file, run_id, n_rows, n_bytes FROM _manifest ORDER BY file").fetchall()]
    return state


def _comment_sql(kind: str, name: str, text: str) -> str:
    return f"COMMENT ON {kind} {name} IS {sql_literal(text)};"


def _relation_comments(name: str, kind: str, doc: str, columns: dict[str, str]) -> list[str]:
    out = [_comment_sql(kind, sql_ident(name), doc)]
    out += [_comment_sql("COLUMN", f"{sql_ident(name)}.{sql_ident(col)}", cdoc)
            for col, cdoc in columns.items()]
    return out


def refresh_views(con: duckdb.DuckDBPyConnection, root: Path, sql_dir: Path = SQL_DIR) -> None:
    """Re-create every view over the live files in ``_manifest`` and document everything.

    Runs inside the caller's transaction, after the manifest is updated. The
    statements go to DuckDB as one script: a run's commit stays short.
    """
    files: dict[str, list[str]] = {}
    for table_name, rel in con.execute(
            "SELECT table_name, file FROM _manifest ORDER BY file").fetchall():
        files.setdefault(table_name, []).append(str(root / rel))
    script = [ddl.strip() + ";" for ddl in base_view_sql(files).values()]
    for view in load_report_views(sql_dir):
        script.append(view.sql.strip().rstrip(";") + ";")
        script += _relation_comments(view.name, "VIEW", view.comment, view.column_comments)
    for name, doc in schema.TABLE_COMMENTS.items():
        kind = "VIEW" if name in BASE_VIEWS else "TABLE"
        script += _relation_comments(name, kind, doc, schema.COLUMN_COMMENTS.get(name, {}))
    con.execute("\n".join(script))


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """BEGIN ... COMMIT; on any error roll back (if DuckDB still has a transaction)."""
    con.begin()
    try:
        yield
        con.commit()
    except BaseException:
        try:
            con.rollback()
        except duckdb.Error:
            pass  # the failed COMMIT already ended it
        raise


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[str]:
    con.register(name, table)
    try:
        yield name
    finally:
        con.unregister(name)


def _sources_table(sources: Iterable[Source]) -> pa.Table:
    rows = [dataclasses.asdict(s) for s in sources]
    return pa.Table.from_pylist(rows, schema=schema.PAGE_SOURCES)


class WarehouseWriter:
    """Write access to a warehouse, valid inside ``Warehouse.writer()``."""

    def __init__(self, warehouse: Warehouse) -> None:
        self._wh = warehouse
        self._state = WarehouseState()
        self._closed = False

    # -- opening -----------------------------------------------------------

    def _open(self) -> None:
        if not self._wh.db_path.exists():
            self._create_database()
        with self._wh._write_connection() as con:
            with _transaction(con):
                ensure_schema(con, self._wh.db_path)
                refresh_views(con, self._wh.root)
            con.execute("CHECKPOINT")
            self._state = _load_state(con)
        self.sweep()

    def _create_database(self) -> None:
        """Create banmian.duckdb under a temp name and rename it into place.

        So the catalogue either does not exist or is complete, even if the
        first run is killed while creating it.
        """
        root = self._wh.root
        for stale in root.glob(f".{DB_FILE}.init-*"):
            stale.unlink(missing_ok=True)
        tmp = root / f".{DB_FILE}.init-{uuid.uuid4().hex[:8]}"
        con = duckdb.connect(str(tmp))
        try:
            with _transaction(con):
                ensure_schema(con, self._wh.db_path)
                refresh_views(con, root)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        Path(f"{tmp}.wal").unlink(missing_ok=True)  # empty after the checkpoint
        os.replace(tmp, self._wh.db_path)
        _fsync_dir(root)

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("this WarehouseWriter is closed; use Warehouse.writer() again")

    # -- what the orchestration asks ------------------------------------------

    def known_files(self) -> dict[str, tuple[int, float, str]]:
        """Current path -> (size, mtime, sha256), for the size+mtime shortcut."""
        return {s.path: (s.size, s.mtime, s.page_id)
                for s in self._state.sources.values() if s.current}

    def loaded_page_ids(self) -> set[str]:
        """Page contents whose current version is stored."""
        return set(self._state.current_versions)

    # -- housekeeping --------------------------------------------------------

    def sweep(self) -> list[Path]:
        """Delete Parquet files the manifest does not list (left by killed runs).

        Only looks in the stored tables' directories and only at .parquet files,
        so a mistaken root never loses anything else.
        """
        self._check_open()
        live = {e.file for e in self._state.manifest}
        removed: list[Path] = []
        for table in schema.STORED:
            folder = self._wh.root / DATA_DIR / table
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                rel = path.relative_to(self._wh.root).as_posix()
                if path.is_file() and path.name.endswith(".parquet") and rel not in live:
                    path.unlink(missing_ok=True)
                    removed.append(path)
        return removed

    def _new_file(self, table: str, tag: str) -> Path:
        return self._wh.root / DATA_DIR / table / f"{tag}-{uuid.uuid4().hex[:8]}.parquet"

    def _write_tables(self, tables: dict[str, pa.Table], tag: str) -> list[ManifestEntry]:
        """Write each non-empty table durably; returns their manifest entries."""
        entries: list[ManifestEntry] = []
        dirs: set[Path] = set()
        for name, table in tables.items():
            if table.num_rows == 0:
                continue
            path = self._new_file(name, tag)
            size = write_parquet_durably(table, path)
            dirs.add(path.parent)
            entries.append(ManifestEntry(name, path.relative_to(self._wh.root).as_posix(),
                                         tag, table.num_rows, size))
        for d in dirs:
            _fsync_dir(d)
        return entries

    @staticmethod
    def _insert_manifest(con: duckdb.DuckDBPyConnection, entries: Sequence[ManifestEntry]) -> None:
        if not entries:
            return
        table = pa.Table.from_pylist([dataclasses.asdict(e) for e in entries], schema=schema.MANIFEST)
        with _registered(con, "_incoming_manifest", table):
            con.execute("INSERT INTO _manifest SELECT * FROM _incoming_manifest")

    # -- a run ---------------------------------------------------------------

    def commit_run(self, run: RunInfo, pages: list[tuple[DecodedPage, PageResult]],
                   unchanged: list[RawFile], rejects: list[Reject],
                   full_refresh: bool = False) -> RunSummary:
        """Store a run's pages, all at once or not at all.

        Parquet files are written first without DuckDB open; one transaction
        then lists them, updates paths and versions, records the run and
        re-creates the views.
        """
        self._check_open()
        plan = plan_run(self._state, pages, unchanged, rejects, run.run_id, full_refresh)
        tables = records.page_tables(plan.write, run.run_id)
        entries = self._write_tables(tables, run.run_id)
        started = run.started_at if run.started_at.tzinfo else run.started_at.replace(tzinfo=timezone.utc)
        finished = datetime.now(timezone.utc)
        n_articles = tables["articles"].num_rows
        residue_chars = int(pc.sum(pc.utf8_length(tables["residue"]["text"])).as_py() or 0)
        status = run_status(run, len(pages), len(unchanged) - len(plan.unknown_unchanged),
                            sum(1 for r in rejects if not r.is_warning))
        versions = pa.Table.from_pylist(
            [{"page_id": row["page_id"], "run_id": row["run_id"],
              "result_digest": row["result_digest"], "superseded_by_run": None}
             for row in tables["pages"].select(["page_id", "run_id", "result_digest"]).to_pylist()],
            schema=schema.PAGE_VERSIONS)
        superseded = pa.Table.from_pylist(
            [{"page_id": p, "run_id": r} for p, r in plan.superseded],
            schema=pa.schema([("page_id", pa.string()), ("run_id", pa.string())]))
        with self._wh._write_connection() as con:
            with _transaction(con):
                if plan.sources:
                    with _registered(con, "_incoming_sources", _sources_table(plan.sources)):
                        con.execute("DELETE FROM page_sources USING _incoming_sources AS i "
                                    "WHERE page_sources.path = i.path AND page_sources.page_id = i.page_id")
                        con.execute("INSERT INTO page_sources SELECT * FROM _incoming_sources")
                if plan.superseded:
                    with _registered(con, "_superseded", superseded):
                        con.execute("UPDATE _page_versions SET superseded_by_run = ? FROM _superseded AS x "
                                    "WHERE _page_versions.page_id = x.page_id "
                                    "AND _page_versions.run_id = x.run_id", [run.run_id])
                if versions.num_rows:
                    with _registered(con, "_incoming_versions", versions):
                        con.execute("INSERT INTO _page_versions SELECT * FROM _incoming_versions")
                self._insert_manifest(con, entries)
                if rejects:
                    with _registered(con, "_incoming_rejects", records.rejects_table(rejects, run.run_id)):
                        con.execute("INSERT INTO rejects SELECT * FROM _incoming_rejects")
                con.execute(
                    "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [run.run_id, started, finished, run.source, run.pages_found, plan.skipped,
                     len(plan.write), len(plan.superseded), len(rejects), n_articles,
                     residue_chars, status, schema.SCHEMA_VERSION])
                refresh_views(con, self._wh.root)
            con.execute("CHECKPOINT")
            self._state = _load_state(con)
        return RunSummary(
            run_id=run.run_id, pages_loaded=len(plan.write), pages_skipped=plan.skipped,
            pages_replaced=len(plan.superseded), articles=n_articles, residue_chars=residue_chars,
            rejects=len(rejects), status=status, warehouse=str(self._wh.root),
            duration_s=max(0.0, (finished - started).total_seconds()))

    # -- compaction ----------------------------------------------------------

    def _compacted(self, table: str, entries: Sequence[ManifestEntry]) -> pa.Table:
        """Live rows of one stored table, merged and ordered by page."""
        sch = schema.STORED[table]
        data = pa.concat_tables([pq.read_table(self._wh.root / e.file, schema=sch) for e in entries])
        if table in schema.CONTENT_TABLES:
            live = pa.array([f"{pid}\x1f{run}" for pid, (run, _) in self._state.current_versions.items()],
                            pa.string())
            keys = pc.binary_join_element_wise(data["page_id"], data["run_id"], "\x1f")
            data = data.filter(pc.is_in(keys, value_set=live))
        order = [("page_id", "ascending"), ("run_id", "ascending")]
        if "ordinal" in sch.names:
            order.append(("ordinal", "ascending"))
        return data.sort_by(order)

    def compact(self, keep_reject_runs: int | None = 100) -> CompactSummary:
        """Merge each stored table into one file and drop rows of superseded versions.

        Views show the same content before and after. Also keeps only the
        rejects of the last ``keep_reject_runs`` runs (None: keep all), so
        repeated runs over the same input do not grow the warehouse.
        """
        self._check_open()
        t0 = time.monotonic()
        by_table: dict[str, list[ManifestEntry]] = {}
        for e in self._state.manifest:
            by_table.setdefault(e.table_name, []).append(e)
        tag = "compact-" + ids.new_run_id()
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
        with self._wh._write_connection() as con:
            with _transaction(con):
                pruned = 0
                if keep_reject_runs is not None:
                    keep = ("SELECT run_id FROM runs ORDER BY started_at DESC, run_id DESC LIMIT ?")
                    pruned = con.execute(f"SELECT count(*) FROM rejects WHERE run_id NOT IN ({keep})",
                                         [keep_reject_runs]).fetchone()[0]
                    if pruned:
                        con.execute(f"DELETE FROM rejects WHERE run_id NOT IN ({keep})", [keep_reject_runs])
                if replaced:
                    con.executemany("DELETE FROM _manifest WHERE file = ?", [[e.file] for e in replaced])
                    self._insert_manifest(con, new_entries)
                    refresh_views(con, self._wh.root)
            con.execute("CHECKPOINT")
            self._state = _load_state(con)
        for e in replaced:
            (self._wh.root / e.file).unlink(missing_ok=True)
        files_before = len(self._state.manifest) - len(new_entries) + len(replaced)
        return CompactSummary(
            files_before=files_before, files_after=len(self._state.manifest),
            rows_dropped=rows_dropped, rejects_pruned=int(pruned),
            bytes_before=sum(e.n_bytes for e in replaced), bytes_after=sum(e.n_bytes for e in new_entries),
            duration_s=time.monotonic() - t0)
