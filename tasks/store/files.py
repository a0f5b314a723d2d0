"""The warehouse's Parquet files: written durably, swept when no manifest lists them.

A file becomes part of the warehouse only when the commit transaction lists
it in ``_manifest``. Until then it is invisible, and a run killed at any
moment leaves only such unlisted files (or temp files), which the next
writer sweeps away. So a file is written whole under a temp name, fsynced,
renamed to its final name, and its directory fsynced, before the commit.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Set
from pathlib import Path
from typing import Final

import pyarrow as pa
import pyarrow.parquet as pq

from banmian.tasks.store import schema
from banmian.tasks.store.faults import fault_point
from banmian.tasks.store.layout import DATA_DIR

#: Rows per Parquet row group: DuckDB scans a file's row groups in parallel, one per thread, so a big
#: compacted table must not be one group (issue 19); ~100k rows of sentences is ~10 MB, small enough to
#: split a 1M-row table over every core and large enough that per-group overhead stays negligible.
ROW_GROUP_ROWS: Final = 100_000


def fsync_dir(path: Path) -> None:
    """Make a rename or unlink in ``path`` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def new_parquet_path(root: Path, table: str, tag: str) -> Path:
    """A fresh file name for ``table``: ``<root>/data/<table>/<tag>-<random>.parquet``."""
    return root / DATA_DIR / table / f"{tag}-{uuid.uuid4().hex[:8]}.parquet"


def write_parquet_durably(table: pa.Table, final: Path, row_group_rows: int | None = None) -> int:
    """Write ``table`` to ``final`` via a temp name, fsynced; returns its size.

    The temp name ends in .parquet so the sweep recognises it if we are killed.
    The caller fsyncs the directory once for all the files it writes.
    ``row_group_rows`` caps the rows of a row group (None: ``ROW_GROUP_ROWS``).
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.with_name(f".tmp-{uuid.uuid4().hex}.parquet")
    with open(tmp, "wb") as fh:
        pq.write_table(table, fh, compression="zstd", row_group_size=row_group_rows or ROW_GROUP_ROWS)
        fh.flush()
        os.fsync(fh.fileno())
    fault_point("after_parquet_write")
    os.replace(tmp, final)
    fault_point("after_parquet_rename")
    return final.stat().st_size


def sweep_unlisted(root: Path, live: Set[str]) -> list[Path]:
    """Delete the Parquet files under ``root`` that ``live`` (root-relative posix paths) does not list.

    Only looks in the stored tables' directories and only at .parquet files,
    so a mistaken root never loses anything else.
    """
    removed: list[Path] = []
    for table in schema.STORED:
        folder = root / DATA_DIR / table
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            rel = path.relative_to(root).as_posix()
            if path.is_file() and path.name.endswith(".parquet") and rel not in live:
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed
