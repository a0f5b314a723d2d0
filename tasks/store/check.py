"""Is a warehouse whole? Every listed file against its manifest row, the catalogue, and the catalogue's copy.

``_manifest`` records each live Parquet file's size, rows and sha256 when it
is written; :func:`check_warehouse` (``banmian check``) finds every file that
is missing, of another size, of other bytes, or not readable as Parquet with
that many rows, and says whether ``banmian.duckdb`` and its copy under
``catalogue/`` can be read and agree. One :class:`Problem` per finding, each
one line. A run checks only sizes (a ``stat`` per file) before it commits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from banmian.tasks.store.access import first_line
from banmian.tasks.store.catalogue import CatalogueCopyError, read_copy
from banmian.tasks.store.errors import WarehouseDamaged
from banmian.tasks.store.files import file_sha256
from banmian.tasks.store.layout import CATALOGUE_DIR, CATALOGUE_FILE, DB_FILE
from banmian.tasks.store.plan import ManifestEntry
from banmian.tasks.store.views import sql_ident

if TYPE_CHECKING:
    #: Opens the warehouse's database read-only (``Warehouse.read_connection``).
    ReadConnector = Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]]

_COPY = f"{CATALOGUE_DIR}/{CATALOGUE_FILE}"
_REPAIR_HINT = "Run `banmian check` to see every problem, then `banmian repair`."


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a warehouse: where (a root-relative path) and what."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass
class CheckReport:
    """What ``check_warehouse`` found, and how much it read."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    bytes: int = 0


def size_problem(root: Path, entry: ManifestEntry) -> Problem | None:
    """A listed file that is missing or not of its recorded size (one ``stat``)."""
    try:
        size = (root / entry.file).stat().st_size
    except FileNotFoundError:
        return Problem(entry.file, "missing")
    except OSError as exc:
        return Problem(entry.file, f"cannot be read ({exc.strerror or exc})")
    if size != entry.n_bytes:
        return Problem(entry.file, f"is {size} bytes, the manifest says {entry.n_bytes}")
    return None


def _footer_problem(path: Path, entry: ManifestEntry) -> Problem | None:
    try:
        rows = pq.ParquetFile(path).metadata.num_rows
    except (OSError, pa.ArrowException) as exc:
        return Problem(entry.file, f"not a readable Parquet file ({first_line(exc)})")
    if rows != entry.n_rows:
        return Problem(entry.file, f"holds {rows} rows, the manifest says {entry.n_rows}")
    return None


def file_problem(root: Path, entry: ManifestEntry) -> Problem | None:
    """What is wrong with one listed file: presence, size, sha256 (if recorded), Parquet footer and rows."""
    problem = size_problem(root, entry)
    if problem is not None:
        return problem
    path = root / entry.file
    if entry.sha256 is not None and file_sha256(path) != entry.sha256:
        return Problem(entry.file, "its bytes changed: the sha256 differs from the manifest's")
    return _footer_problem(path, entry)


def damaged_files(root: Path, entries: Iterable[ManifestEntry],
                  thorough: bool = True) -> list[tuple[ManifestEntry, Problem]]:
    """Each listed file with a problem (``thorough``: every check; else presence and size only)."""
    check = file_problem if thorough else size_problem
    found = ((entry, check(root, entry)) for entry in entries)
    return [(entry, problem) for entry, problem in found if problem is not None]


def require_files(root: Path, entries: Sequence[ManifestEntry], thorough: bool = False) -> None:
    """``WarehouseDamaged`` naming the first damaged file (and how many there are), if any is."""
    damaged = damaged_files(root, entries, thorough)
    if damaged:
        more = f" (and {len(damaged) - 1} more)" if len(damaged) > 1 else ""
        raise WarehouseDamaged(f"the warehouse is damaged: {damaged[0][1]}{more}; nothing was written. "
                               + _REPAIR_HINT)


def manifest_entries(rows: Iterable[dict[str, object]]) -> list[ManifestEntry]:
    """``_manifest`` rows as entries (a warehouse older than schema 4 has no sha256 column)."""
    return [ManifestEntry(str(r["table_name"]), str(r["file"]), str(r["run_id"]), int(str(r["n_rows"])),
                          int(str(r["n_bytes"])), None if r.get("sha256") is None else str(r["sha256"]))
            for r in rows]


def read_catalogue(con: duckdb.DuckDBPyConnection) -> tuple[list[ManifestEntry], int]:
    """The database's manifest and run count, after reading every native table whole.

    Views are not read: they read the Parquet files, whose damage is the
    files' problem, not the catalogue's.
    """
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT internal").fetchall()}
    for name in sorted(tables):
        con.sql(f"SELECT * FROM {sql_ident(name)}").to_arrow_table()
    entries = manifest_entries(con.sql("SELECT * FROM _manifest ORDER BY file").to_arrow_table().to_pylist())
    (runs,) = con.execute("SELECT count(*) FROM runs").fetchall()[0]
    return entries, int(runs)


def _copy_manifest(root: Path, report: CheckReport) -> tuple[list[ManifestEntry], int] | None:
    """The copy's manifest and run count; None (and a problem) if the copy is missing or damaged."""
    try:
        _, tables = read_copy(root)
    except CatalogueCopyError as exc:
        report.problems.append(Problem(_COPY, f"{exc}; the next run (or `banmian repair`) writes it anew"))
        return None
    return manifest_entries(tables["_manifest"].to_pylist()), tables["runs"].num_rows


def _open_catalogue(root: Path, read: ReadConnector) -> tuple[list[ManifestEntry], int] | str:
    """The database's manifest and run count, or what is wrong with ``banmian.duckdb`` (missing, unreadable)."""
    if not (root / DB_FILE).exists():
        return "missing"
    try:
        with read() as con:
            return read_catalogue(con)
    except WarehouseDamaged as exc:
        return f"unreadable ({exc.detail})"
    except duckdb.Error as exc:
        return f"unreadable ({first_line(exc)})"


def catalogue_problem(root: Path, read: ReadConnector) -> str | None:
    """What is wrong with ``banmian.duckdb`` itself (missing, unreadable), or None."""
    found = _open_catalogue(root, read)
    return found if isinstance(found, str) else None


def _database(root: Path, read: ReadConnector, report: CheckReport) -> tuple[list[ManifestEntry], int] | None:
    """The database's manifest and run count; None (and a problem) if it is missing or unreadable."""
    found = _open_catalogue(root, read)
    if isinstance(found, str):
        report.problems.append(Problem(DB_FILE, f"{found}; `banmian repair` rebuilds it from {CATALOGUE_DIR}/"))
        return None
    return found


def _same_files(one: Sequence[ManifestEntry], other: Sequence[ManifestEntry]) -> bool:
    return {(e.file, e.sha256) for e in one} == {(e.file, e.sha256) for e in other}


def check_warehouse(root: Path, read: ReadConnector) -> CheckReport:
    """Every problem of the warehouse at ``root`` (none: it is whole). Reads every listed file once."""
    report = CheckReport()
    database = _database(root, read, report)
    copy = _copy_manifest(root, report)
    if database is not None and copy is not None and (
            not _same_files(database[0], copy[0]) or database[1] != copy[1]):
        report.problems.append(Problem(_COPY, f"is behind {DB_FILE} (a run stopped right after its commit); "
                                              "the next run (or `banmian repair`) writes it anew"))
    listed = database or copy
    if listed is None:
        return report
    entries = listed[0]
    report.files = len(entries)
    report.bytes = sum(e.n_bytes for e in entries)
    report.problems += [problem for _, problem in damaged_files(root, entries)]
    return report
