"""The warehouse's Parquet files: written durably, swept when no manifest lists them.

A file becomes part of the warehouse only when the commit transaction lists
it in ``_manifest``. Until then it is invisible, and a run killed at any
moment leaves only such unlisted files (or temp files), which the next
writer sweeps away before it writes anything (so a disk filled by a failed
run's files has room again). So a file is written whole under a temp name,
fsynced, renamed to its final name, and its directory fsynced, before the commit.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Set
from pathlib import Path
from typing import Final

import pyarrow as pa
import pyarrow.parquet as pq

from banmian.tasks.store import schema
from banmian.tasks.store.faults import fault_point
from banmian.tasks.store.layout import DATA_DIR, INIT_PREFIX

#: Bytes read at a time to hash a file (a few pages of the page cache; the size does not change the hash).
_HASH_CHUNK: Final = 1 << 20

#: Rows per Parquet row group: DuckDB scans a file's row groups in parallel, one per thread, so a big
#: compacted table must not be one group (issue 19); ~100k rows of sentences is ~10 MB, small enough to
#: split a 1M-row table over every core and large enough that per-group overhead stays negligible.
ROW_GROUP_ROWS: Final = 100_000
#: Parquet compression of every stored file.
COMPRESSION: Final = "zstd"


def fsync_dir(path: Path) -> None:
    """Make a rename or unlink in ``path`` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def file_sha256(path: Path) -> str:
    """sha256 (hex) of a file's bytes, read in chunks (a Parquet file may be large)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def new_parquet_path(root: Path, table: str, tag: str) -> Path:
    """A fresh file name for ``table``: ``<root>/data/<table>/<tag>-<random>.parquet``."""
    return root / DATA_DIR / table / f"{tag}-{uuid.uuid4().hex[:8]}.parquet"


def write_parquet_durably(table: pa.Table, final: Path, kill_points: bool = True,
                          row_group_rows: int | None = None) -> tuple[int, str]:
    """Write ``table`` to ``final`` via a temp name, fsynced; returns its size and sha256.

    The temp name ends in .parquet so the sweep recognises it if we are killed;
    a failed write (a full disk) removes it at once. The sha256 is of the bytes
    read back from the file, so it is what ``banmian check`` will find. The
    caller fsyncs the directory once for all the files it writes.
    ``kill_points=False`` for files written after a commit (the catalogue copy),
    where the kill test's Parquet points would not mean "nothing committed yet".
    ``row_group_rows`` caps the rows of a row group (None: ``ROW_GROUP_ROWS``).
    """
    tmp = temp_parquet_path(final)
    try:
        with open(tmp, "wb") as fh:
            pq.write_table(table, fh, compression=COMPRESSION, row_group_size=row_group_rows or ROW_GROUP_ROWS)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return rename_durably(tmp, final, kill_points)


def temp_parquet_path(final: Path) -> Path:
    """A temp name beside ``final`` (its folder created): ends in .parquet, so the sweep removes it if we are killed."""
    final.parent.mkdir(parents=True, exist_ok=True)
    return final.with_name(f".tmp-{uuid.uuid4().hex}.parquet")


def rename_durably(tmp: Path, final: Path, kill_points: bool = True) -> tuple[int, str]:
    """Rename the fsynced ``tmp`` to ``final`` (kill points around it); returns the file's size and sha256."""
    if kill_points:
        fault_point("after_parquet_write")
    os.replace(tmp, final)
    if kill_points:
        fault_point("after_parquet_rename")
    return final.stat().st_size, file_sha256(final)


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


def sweep_failed_inits(root: Path) -> list[Path]:
    """Delete what a killed or failed creation of the database left: ``.banmian.duckdb.init-*`` and their WAL.

    Never the database itself nor its WAL, which may hold committed runs.
    """
    removed = sorted(root.glob(INIT_PREFIX + "*"))
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def discard(root: Path, files: Set[str]) -> None:
    """Delete these root-relative files of a run that did not commit (best effort: the sweep catches the rest)."""
    for rel in files:
        try:
            (root / rel).unlink(missing_ok=True)
        except OSError:
            pass
