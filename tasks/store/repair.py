"""``banmian repair``: rebuild what damage took, from what the warehouse and its sources still hold.

Two kinds of damage, mended in this order under the writer lock:

1. ``banmian.duckdb`` missing or unreadable: it is set aside (renamed
   ``banmian.duckdb.damaged-<time>``, never deleted) and built anew from the
   catalogue copy (``catalogue``), which every commit writes beside the data.
2. Parquet files that are missing, of another size or other bytes, or not
   readable (``check.file_problem``): each leaves the manifest, and the page
   versions whose rows it held are found from ``_page_versions.rows_<table>``
   and the rows the healthy files still hold. A current page whose content a
   recorded source path still holds (its sha256 is the page id) is read and
   segmented again (``Rederive``, given by the caller) and stored as a new
   version by a repair run; a page no source holds any more is dropped (its
   paths recorded as ``vanished`` rejects of the repair run) and reported.
   Superseded versions cannot be rebuilt: only their ``pages_history`` rows
   are lost, and counted.

A page version a file held is one whose rows in that file's table are fewer,
in the healthy files, than the version recorded when it was written (page
rows: one per version). Versions written before schema 4 whose counts could
not be taken at the upgrade count as lost when the healthy files hold none
of their rows.
"""

from __future__ import annotations

import dataclasses
import os
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from banmian.tasks.model import DecodedPage, PageResult, Reject, RunInfo
from banmian.tasks.store import ids, schema
from banmian.tasks.store.access import bind_root
from banmian.tasks.store.catalogue import CatalogueCopyError, read_copy
from banmian.tasks.store.check import Problem, catalogue_problem, damaged_files
from banmian.tasks.store.files import fsync_dir
from banmian.tasks.store.layout import DB_FILE, INIT_PREFIX
from banmian.tasks.store.migrate import SchemaError, create_native_tables
from banmian.tasks.store.plan import ManifestEntry, PageVersion, RunPlan, WarehouseState, plan_run
from banmian.tasks.store.writer import WarehouseWriter, committed, insert_rows

if TYPE_CHECKING:
    from banmian.tasks.store.check import ReadConnector

#: Reads the file at a path again, if it still holds the page (its sha256 is the page id): the page
#: and its segmentation; None if the file is gone, changed or unreadable.
Rederive = Callable[[str, str], tuple[DecodedPage, PageResult] | None]
#: What the repair run records as its source.
REPAIR_SOURCE = "banmian repair"


@dataclass(frozen=True)
class DroppedPage:
    """A current page whose rows a damaged file held and whose content no source holds any more."""

    page_id: str
    paths: tuple[str, ...]


@dataclass
class RepairReport:
    """What ``Warehouse.repair`` did."""

    catalogue_rebuilt: bool = False
    set_aside: list[str] = field(default_factory=list)        # damaged catalogue files, renamed
    damaged: list[Problem] = field(default_factory=list)       # files taken out of the manifest
    rebuilt: list[str] = field(default_factory=list)           # page ids read again from their sources
    dropped: list[DroppedPage] = field(default_factory=list)
    history_lost: int = 0                                      # superseded versions whose page row was lost
    run_id: str | None = None                                  # the repair run, if it committed one

    @property
    def complete(self) -> bool:
        """Nothing was lost for good."""
        return not self.dropped and not self.history_lost


# ---------------------------------------------------------------------------
# 1. The catalogue, from its copy
# ---------------------------------------------------------------------------

def _set_aside(root: Path) -> list[str]:
    """Rename the damaged database (and its WAL) out of the way; returns the new names."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    moved: list[str] = []
    for suffix in ("", ".wal"):
        old = root / f"{DB_FILE}{suffix}"
        if old.exists():
            new = root / f"{DB_FILE}.damaged-{stamp}{suffix}"
            os.replace(old, new)
            moved.append(new.name)
    return moved


def build_database(root: Path, tables: dict[str, pa.Table], views: bool = False) -> None:
    """A new ``banmian.duckdb`` holding these native tables (and, with ``views``, the views over their manifest),
    written under a temp name the next writer sweeps if we are killed, then renamed into place."""
    tmp = root / f"{INIT_PREFIX}{uuid.uuid4().hex[:8]}"
    con = duckdb.connect(str(tmp))
    try:
        bind_root(con, root)
        # repair: no views yet, a damaged file would keep DuckDB from creating them; repair_files does
        with committed(con, root, "the rebuilt catalogue", refresh=views):
            create_native_tables(con)
            for name, table in tables.items():
                insert_rows(con, name, table)
    finally:
        con.close()
    Path(f"{tmp}.wal").unlink(missing_ok=True)  # empty after the checkpoint
    os.replace(tmp, root / DB_FILE)
    fsync_dir(root)


def rebuild_catalogue_if_needed(root: Path, read: ReadConnector) -> list[str] | None:
    """Rebuild ``banmian.duckdb`` from the catalogue copy if it is missing or unreadable.

    Returns the names the damaged files were set aside under (None: the
    catalogue was fine). ``CatalogueCopyError`` if there is no usable copy.
    """
    problem = catalogue_problem(root, read)
    if problem is None:
        return None
    try:
        version, tables = read_copy(root)
    except CatalogueCopyError as exc:
        raise CatalogueCopyError(f"{DB_FILE} is {problem}, and cannot be rebuilt: {exc}") from None
    if version > schema.SCHEMA_VERSION:
        raise SchemaError(f"the catalogue copy has schema version {version}; this banmian knows up to "
                          f"{schema.SCHEMA_VERSION}: upgrade banmian to repair this warehouse")
    moved = _set_aside(root)
    build_database(root, tables)
    return moved


# ---------------------------------------------------------------------------
# 2. Damaged Parquet files
# ---------------------------------------------------------------------------

def _rows_present(root: Path, entries: Iterable[ManifestEntry]) -> Counter[PageVersion]:
    """Rows per (page_id, run_id) in these (healthy) files."""
    present: Counter[PageVersion] = Counter()
    for entry in entries:
        keys = pq.read_table(root / entry.file, columns=["page_id", "run_id"])
        present.update(zip(keys["page_id"].to_pylist(), keys["run_id"].to_pylist(), strict=True))
    return present


def _expected_rows(table: str, version: dict[str, object]) -> int | None:
    """Rows ``version`` (a ``_page_versions`` row) holds in ``table``; None if unknown."""
    if table == "pages":
        return 1
    value = version.get(schema.rows_column(table))
    return None if value is None else int(str(value))


def _was_lost(expected: int | None, present: int) -> bool:
    """Rows of a version are missing: fewer than recorded, or none where the count is unknown."""
    return present == 0 if expected is None else present < expected


def lost_versions(root: Path, versions: Sequence[dict[str, object]], healthy: Sequence[ManifestEntry],
                  damaged: Sequence[ManifestEntry]) -> tuple[set[str], int]:
    """(current page ids whose rows damaged files held, superseded versions whose page row is lost)."""
    lost: set[str] = set()
    history = 0
    for table in sorted({e.table_name for e in damaged}):
        present = _rows_present(root, (e for e in healthy if e.table_name == table))
        for v in versions:
            current = v["superseded_by_run"] is None
            if not (current or table == "pages"):
                continue  # compaction drops content rows of superseded versions
            key = (str(v["page_id"]), str(v["run_id"]))
            if _was_lost(_expected_rows(table, v), present[key]):
                if current:
                    lost.add(key[0])
                else:
                    history += 1
    return lost, history


def _source_paths(state: WarehouseState, page_id: str) -> list[str]:
    """Recorded paths of a content, the current ones first."""
    sources = [s for s in state.sources.values() if s.page_id == page_id]
    return [s.path for s in sorted(sources, key=lambda s: (not s.current, s.path))]


def rederive_pages(state: WarehouseState, lost: Iterable[str],
                   rederive: Rederive) -> tuple[list[tuple[DecodedPage, PageResult]], list[DroppedPage]]:
    """Each lost page read again from the first recorded path that still holds it, or dropped."""
    rebuilt: list[tuple[DecodedPage, PageResult]] = []
    dropped: list[DroppedPage] = []
    for page_id in sorted(lost):
        paths = _source_paths(state, page_id)
        found = next((got for got in (rederive(path, page_id) for path in paths) if got is not None), None)
        if found is not None and found[0].sha256 == page_id:
            rebuilt.append(found)
        else:
            current = tuple(s.path for s in state.sources.values() if s.page_id == page_id and s.current)
            dropped.append(DroppedPage(page_id, current))
    return rebuilt, dropped


def _drop_rejects(dropped: Iterable[DroppedPage], damaged: Sequence[ManifestEntry]) -> list[Reject]:
    """The paths of dropped pages, as rejects of the repair run (so they stop holding a page)."""
    files = ", ".join(e.file for e in damaged)
    detail = (f"The page's rows were in a damaged file ({files}) and no source holds its content any more; "
              "banmian repair dropped them.")
    return [Reject(path, "vanished", detail, None) for page in dropped for path in page.paths]


def repair_plan(state: WarehouseState, lost: set[str], rebuilt: list[tuple[DecodedPage, PageResult]],
                rejects: Sequence[Reject], run_id: str) -> RunPlan:
    """Write the rebuilt pages as new versions; supersede every lost version (rebuilt or dropped)."""
    reduced = dataclasses.replace(state, current_versions={
        pid: v for pid, v in state.current_versions.items() if pid not in lost})
    plan = plan_run(reduced, rebuilt, [], rejects, run_id)
    gone = {(pid, state.current_versions[pid][0]) for pid in lost}
    return dataclasses.replace(plan, superseded=sorted(set(plan.superseded) | gone))


def repair_files(w: WarehouseWriter, rederive: Rederive, models: str | None = None) -> RepairReport:
    """Take damaged files out of the manifest, rebuilding or dropping the current pages they held."""
    state = w.state
    found = damaged_files(w.root, state.manifest)
    report = RepairReport(damaged=[problem for _, problem in found])
    if not found:
        w.refresh_views()  # a rebuilt catalogue has none yet
        return report
    damaged = [entry for entry, _ in found]
    healthy = [e for e in state.manifest if e not in damaged]
    lost, report.history_lost = lost_versions(w.root, w.page_versions(), healthy, damaged)
    rebuilt, report.dropped = rederive_pages(state, lost, rederive)
    rejects = _drop_rejects(report.dropped, damaged)
    run = RunInfo(run_id=ids.new_run_id(), started_at=datetime.now(timezone.utc), source=REPAIR_SOURCE,
                  pages_found=len(lost), partial=bool(report.dropped), models=models)
    plan = repair_plan(state, lost, rebuilt, rejects, run.run_id)
    w.store(run, plan, len(rebuilt), 0, rejects, unlisted=damaged)
    for entry in damaged:
        (w.root / entry.file).unlink(missing_ok=True)
    report.rebuilt = [page.sha256 for page, _ in rebuilt]
    report.run_id = run.run_id
    return report
