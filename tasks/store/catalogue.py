"""A copy of the catalogue's native tables beside the Parquet files, so a lost ``banmian.duckdb`` can be rebuilt.

The Parquet files hold the articles; ``banmian.duckdb`` holds what makes
sense of them: the manifest of live files, the page versions, the paths,
the runs and their rejects. A truncated or deleted database would leave the
data unreadable, so after every commit the writer also writes those tables
(``schema.NATIVE``) as Parquet under ``<root>/catalogue/``:

    catalogue/<table>-<generation>.parquet   one file per native table
    catalogue/CATALOGUE.json                 names the current generation's files, with sizes and sha256

A generation's files are written and fsynced first, then ``CATALOGUE.json``
is replaced atomically, then older generations are deleted: a crash at any
moment leaves a complete copy (the previous one, at worst). The copy is
written after the commit; a writer killed in between leaves it one commit
behind until the next writer opens, which rewrites it. ``banmian repair``
rebuilds the database from it (``banmian.tasks.store.repair``).
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Final

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from banmian.tasks.store import schema
from banmian.tasks.store.files import file_sha256, fsync_dir, write_parquet_durably
from banmian.tasks.store.layout import CATALOGUE_DIR, CATALOGUE_FILE
from banmian.tasks.store.views import sql_ident

#: Bump when the layout of CATALOGUE.json changes.
CATALOGUE_FORMAT: Final = 1


class CatalogueCopyError(Exception):
    """The catalogue copy is missing or damaged; the message says which file and how."""


def _native_table(con: duckdb.DuckDBPyConnection, name: str) -> pa.Table:
    """One native table, with exactly the columns and types of ``schema.NATIVE``."""
    sch = schema.NATIVE[name][0]
    cols = ", ".join(sql_ident(c) for c in sch.names)
    return con.sql(f"SELECT {cols} FROM {sql_ident(name)}").to_arrow_table().cast(sch)


def native_tables(con: duckdb.DuckDBPyConnection) -> dict[str, pa.Table]:
    """Every native table of ``con``, by name (what a rebuilt catalogue holds)."""
    return {name: _native_table(con, name) for name in schema.NATIVE}


def _document(tables: dict[str, dict[str, Any]], version: int) -> dict[str, Any]:
    return {"format": CATALOGUE_FORMAT, "schema_version": version,
            "written_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "tables": tables}


def _replace_json(folder: Path, doc: dict[str, Any]) -> None:
    """Write CATALOGUE.json under a temp name, fsync it, and rename it into place."""
    tmp = folder / f".tmp-{uuid.uuid4().hex}.json"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, folder / CATALOGUE_FILE)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(folder)


def sweep_copies(root: Path, keep: set[str]) -> None:
    """Delete the catalogue copy's files that ``keep`` does not name (older generations, temp files)."""
    folder = root / CATALOGUE_DIR
    if not folder.is_dir():
        return
    ours = tuple(f"{name}-" for name in schema.NATIVE)
    for path in folder.iterdir():
        if path.name in keep or not path.is_file():
            continue
        if path.name.startswith(".tmp-") or (path.name.startswith(ours) and path.suffix == ".parquet"):
            path.unlink(missing_ok=True)


def write_copy(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Write the native tables of ``con``'s committed state as a new generation of the copy."""
    folder = root / CATALOGUE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    generation = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    listed: dict[str, dict[str, Any]] = {}
    for name in schema.NATIVE:
        table = _native_table(con, name)
        path = folder / f"{name}-{generation}.parquet"
        size, sha256 = write_parquet_durably(table, path, kill_points=False)
        listed[name] = {"file": path.name, "rows": table.num_rows, "bytes": size, "sha256": sha256}
    fsync_dir(folder)
    # fetchall, not fetchone: DuckDB 2 refuses con.sql() while a result is left unfinished
    (version,) = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0]
    _replace_json(folder, _document(listed, int(version)))
    sweep_copies(root, {entry["file"] for entry in listed.values()} | {CATALOGUE_FILE})


def read_document(root: Path) -> dict[str, Any]:
    """CATALOGUE.json, checked for shape; ``CatalogueCopyError`` if missing or unreadable."""
    path = root / CATALOGUE_DIR / CATALOGUE_FILE
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogueCopyError(f"{CATALOGUE_DIR}/{CATALOGUE_FILE} is missing") from None
    except (OSError, ValueError) as exc:
        raise CatalogueCopyError(f"{CATALOGUE_DIR}/{CATALOGUE_FILE} is unreadable: {exc}") from None
    tables = doc.get("tables") if isinstance(doc, dict) else None
    if not isinstance(tables, dict) or doc.get("format") != CATALOGUE_FORMAT or set(tables) != set(schema.NATIVE):
        raise CatalogueCopyError(f"{CATALOGUE_DIR}/{CATALOGUE_FILE} is not a catalogue copy this banmian reads")
    return doc


def _with_added_columns(table: pa.Table, sch: pa.Schema) -> pa.Table:
    """``table`` cast to ``sch``, the columns a later schema added (``runs.report_error`` in 9) null in it.

    A copy written before a migration lacks them; the database rebuilt from it
    is at the copy's version, and the next writer's migration finds them there.
    """
    missing = [f for f in sch if f.name not in table.column_names]
    for f in missing:
        table = table.append_column(f, pa.nulls(table.num_rows, f.type))
    return table.select(sch.names).cast(sch)


def _read_listed(root: Path, name: str, entry: dict[str, Any]) -> pa.Table:
    """One table of the copy, verified against the sha256 CATALOGUE.json gives."""
    rel = f"{CATALOGUE_DIR}/{entry.get('file')}"
    path = root / rel
    if not path.is_file():
        raise CatalogueCopyError(f"{rel} is missing")
    if file_sha256(path) != entry.get("sha256"):
        raise CatalogueCopyError(f"{rel} does not match the sha256 {CATALOGUE_FILE} gives")
    try:
        return _with_added_columns(pq.read_table(path), schema.NATIVE[name][0])
    except (OSError, pa.ArrowException) as exc:
        raise CatalogueCopyError(f"{rel} is not readable: {exc}") from None


def read_copy(root: Path) -> tuple[int, dict[str, pa.Table]]:
    """The copy's schema version and native tables, every file verified; ``CatalogueCopyError`` otherwise."""
    doc = read_document(root)
    return int(doc.get("schema_version", 0)), {
        name: _read_listed(root, name, entry) for name, entry in doc["tables"].items()}


def copied_runs(root: Path) -> int:
    """How many runs the copy lists (0 if there is no readable copy): what a fresh database would lose."""
    try:
        return int(read_document(root)["tables"]["runs"].get("rows", 0))
    except (CatalogueCopyError, AttributeError, TypeError, ValueError):
        return 0
