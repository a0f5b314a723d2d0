"""A run's stored tables streamed into their Parquet files, a few pages at a time (issue 19).

The rows of a run used to be built for all its pages at once and then
written: ~100 MB per 1,000 pages, held until the commit. :class:`TableFiles`
takes the rows of a batch of pages at a time (``add``) and appends them to
one file per table, in row groups of ``row_group_rows`` rows (or of
``ROW_GROUP_BYTES``, whichever comes first), so it holds less than one row
group per table however large the run.

A table clustered for lookups (``schema.CLUSTERED``: article_terms by term)
is sorted as a whole: its rows go to an unsorted temp file first, which
DuckDB sorts within ``SORT_MEMORY`` (spilling to disk beyond it) into the
final file, in the order a stable sort would give.

Files are made as ``files.write_parquet_durably`` makes them: under a temp
name, fsynced, renamed, with the same kill points; if anything fails before
:meth:`TableFiles.finish` returns, :meth:`TableFiles.discard` deletes them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO, Final

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from banmian.tasks.store import schema
from banmian.tasks.store.files import (
    COMPRESSION,
    ROW_GROUP_ROWS,
    fsync_dir,
    new_parquet_path,
    rename_durably,
    temp_parquet_path,
)
from banmian.tasks.store.plan import ManifestEntry

#: A row group is cut early once the rows held reach this many bytes in memory: 100k article rows
#: with their bodies are ~150 MB; every table holds up to this much at once, so 16 MB (was 32) bounds a
#: commit's buffers to ~16 MB a table and a group is still worth a thread. Commit peak at 2,000 pages
#: (RSS sampled, loaded machine, one run each): 731 MB with 32, 712 MB with 16.
ROW_GROUP_BYTES: Final = 16 << 20
#: DuckDB's memory for sorting a clustered table, on one thread (it spills to a temp folder beyond):
#: article_terms of 10,000 pages is 5.7M rows, ~600 MB in memory. Sorting 3M and 6M such rows peaked
#: ~200 MB above the process either way; 64 MB (or 128 MB on 2 threads) ran out of memory.
SORT_MEMORY: Final = "128MB"
SORT_THREADS: Final = 1
#: Rows per batch handed from DuckDB's sort to the Parquet writer.
SORT_BATCH_ROWS: Final = 65_536


class _TableFile:
    """One file being written: its temp file, its Parquet writer, and the rows not yet in a row group."""

    def __init__(self, final: Path, table_schema: pa.Schema, group_rows: int) -> None:
        self.final = final
        self.tmp = temp_parquet_path(final)
        self.schema = table_schema
        self.group_rows = group_rows
        self.rows = 0
        self._held: list[pa.Table] = []
        self._fh: BinaryIO = open(self.tmp, "wb")  # noqa: SIM115 - closed by close() or discard()
        self._writer = pq.ParquetWriter(self._fh, table_schema, compression=COMPRESSION)

    @property
    def held_rows(self) -> int:
        """Rows appended but not yet written (always fewer than one row group after ``append``)."""
        return sum(t.num_rows for t in self._held)

    def append(self, table: pa.Table) -> None:
        """Add rows; every full row group is written at once."""
        self._held.append(table)
        self.rows += table.num_rows
        while self._held:
            held = pa.concat_tables(self._held)
            if held.num_rows >= self.group_rows:
                cut = self.group_rows
            elif held.nbytes >= ROW_GROUP_BYTES:
                cut = held.num_rows
            else:
                return
            self._writer.write_table(held.slice(0, cut), row_group_size=cut)
            rest = held.slice(cut)
            self._held = [rest] if rest.num_rows else []

    def close(self) -> None:
        """Write what is held as the last row group and fsync the temp file."""
        if self._held:
            held = pa.concat_tables(self._held)
            self._writer.write_table(held, row_group_size=held.num_rows)
            self._held = []
        self._writer.close()
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()

    def discard(self) -> None:
        """Close without caring about errors and delete the temp file."""
        self._held = []
        for close in (self._writer.close, self._fh.close):
            try:
                close()
            except (OSError, ValueError):
                pass  # a full disk or an already closed file: the temp file goes anyway
        self.tmp.unlink(missing_ok=True)


def _sort_into(unsorted: Path, out: _TableFile, sort_by: tuple[str, ...]) -> None:
    """Append ``unsorted``'s rows to ``out`` ordered by ``sort_by``, ties in file order (a stable sort)."""
    order = ", ".join(f'"{column}"' for column in sort_by)
    with tempfile.TemporaryDirectory(prefix="banmian-sort-") as spill:
        con = duckdb.connect(config={"memory_limit": SORT_MEMORY, "threads": SORT_THREADS, "temp_directory": spill,
                                     "preserve_insertion_order": False})  # the ORDER BY gives the order
        try:
            reader = con.sql(
                "SELECT * EXCLUDE (file_row_number) FROM read_parquet($path, file_row_number = true) "
                f"ORDER BY {order}, file_row_number", params={"path": str(unsorted)}).to_arrow_reader(SORT_BATCH_ROWS)
            for batch in reader:
                out.append(pa.Table.from_batches([batch]).cast(out.schema))
        finally:
            con.close()


class TableFiles:
    """The Parquet files of one tag (a run, a compaction), one per stored table that gets rows."""

    def __init__(self, root: Path, tag: str, row_group_rows: int = ROW_GROUP_ROWS) -> None:
        """``row_group_rows``: rows per group of the tables not clustered (those follow ``schema.CLUSTERED``)."""
        self.root = root
        self.tag = tag
        self.row_group_rows = row_group_rows
        self._files: dict[str, _TableFile] = {}
        self._done: list[ManifestEntry] = []

    def add(self, tables: Mapping[str, pa.Table]) -> None:
        """Append each table's rows to its file (a table without rows opens no file)."""
        for name, table in tables.items():
            if table.num_rows:
                self._file(name).append(table)

    def held_rows(self) -> dict[str, int]:
        """Rows added but not yet written, by table (each fewer than a row group)."""
        return {name: f.held_rows for name, f in self._files.items()}

    def _file(self, name: str) -> _TableFile:
        if name not in self._files:
            layout = schema.CLUSTERED.get(name)
            rows = self.row_group_rows if layout is None else layout.row_group_rows
            self._files[name] = _TableFile(new_parquet_path(self.root, name, self.tag), schema.STORED[name], rows)
        return self._files[name]

    def finish(self) -> list[ManifestEntry]:
        """Make every file durable under its final name, in ``schema.STORED`` order; returns their entries.

        Every file is closed (its held rows written) before a clustered table is sorted, so the sort's
        memory comes on top of no table's buffer.
        """
        names = [n for n in schema.STORED if n in self._files]
        for name in names:  # every table's held rows out first: none is held while DuckDB sorts
            self._files[name].close()
        for name in names:
            written = self._files[name]
            layout = schema.CLUSTERED.get(name)
            if layout is not None:
                written = self._sorted(name, written, layout.sort_by, layout.row_group_rows)
            size, sha256 = rename_durably(written.tmp, written.final)
            self._done.append(ManifestEntry(name, written.final.relative_to(self.root).as_posix(),
                                            self.tag, written.rows, size, sha256))
            del self._files[name]
        for folder in {(self.root / e.file).parent for e in self._done}:
            fsync_dir(folder)
        return self._done

    def _sorted(self, name: str, unsorted: _TableFile, sort_by: tuple[str, ...], group_rows: int) -> _TableFile:
        """The sorted copy of a closed unsorted file (which is deleted), closed too."""
        self._files[name] = out = _TableFile(unsorted.final, unsorted.schema, group_rows)
        try:
            _sort_into(unsorted.tmp, out, sort_by)
        finally:
            unsorted.tmp.unlink(missing_ok=True)
        out.close()
        return out

    def discard(self) -> None:
        """Delete every file of this tag, written or half-written (a run that does not commit)."""
        for open_file in self._files.values():
            open_file.discard()
        self._files.clear()
        for entry in self._done:
            (self.root / entry.file).unlink(missing_ok=True)
        self._done.clear()
