"""A run's stored tables streamed into their Parquet files, a few pages at a time (issue 19).

The rows of a run used to be built for all its pages at once and then
written: ~100 MB per 1,000 pages, held until the commit. :class:`TableFiles`
takes the rows of a batch of pages at a time (``add``) and appends them to
one file per table, in row groups of ``row_group_rows`` rows (or of
``ROW_GROUP_BYTES``, whichever comes first), so it holds less than one row
group per table however large the run.

A table clustered for lookups (``schema.CLUSTERED``: article_terms by term)
is sorted as a whole, in the order a stable sort of all its rows would give,
without holding them: each batch's rows are sorted on their own and go to a
temp file as one sorted run (:class:`_SortedRuns`), in small record batches;
:meth:`TableFiles.finish` merges the runs into the final file reading a
chunk of each at a time (:func:`_merge_runs`). Its memory is a chunk per
batch of pages, not the run's rows (a DuckDB sort of them, within 128 MB,
peaked ~130 MB above the commit and needs more as the rows grow).

Files are made as ``files.write_parquet_durably`` makes them: under a temp
name, fsynced, renamed, with the same kill points; if anything fails before
:meth:`TableFiles.finish` returns, :meth:`TableFiles.discard` deletes them.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Final

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.ipc as ipc
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

#: A row group is cut early once the rows held reach this many bytes in memory: every table not clustered
#: holds up to this much at once (8 of them), while its batches are added. 4 MB is ~200 pages of
#: sentence_tokens, still a group worth a thread. Commit peak over its start at 5,000 pages (harness of
#: the staged parts, RSS sampled, loaded machine): +270 MB with 16 MB, +210 MB with 4 MB.
ROW_GROUP_BYTES: Final = 4 << 20
#: The same cut for a clustered table's file (written alone, while its runs are merged): 16 MB keeps its
#: row groups as they were (~115k article_terms rows), the layout its lookups were measured with.
CLUSTERED_GROUP_BYTES: Final = 16 << 20
#: Bytes of a sorted run read at a time by the merge, at most: it holds about one chunk of each batch of
#: pages (a run), and the rows it takes of them at once. 128 KB is ~950 article_terms rows.
MERGE_CHUNK_BYTES: Final = 128 << 10
#: The merge's chunks are shared out of this as runs come (the i-th run's are ``MERGE_BYTES / i``), and
#: are never below ``MIN_CHUNK_BYTES``: 500 runs (100,000 pages) hold ~11 MB of chunks at once, 50 runs
#: ~4 MB (one 128 KB chunk a run: 64 and 6 MB; the harness at 10,000 pages had ~75 MB of Arrow memory
#: live in the merge with those).
MERGE_BYTES: Final = 2 << 20
MIN_CHUNK_BYTES: Final = 8 << 10
#: Rows the merge gathers (each block sorted, blocks in order) before handing them to the final file.
MERGE_OUT_ROWS: Final = 65_536


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None (another C library, another system)."""
    if not sys.platform.startswith("linux"):
        return None
    trim = getattr(ctypes.CDLL(ctypes.util.find_library("c")), "malloc_trim", None)
    return trim if callable(trim) else None


_MALLOC_TRIM: Final = _malloc_trim()


def give_back_freed_memory() -> None:
    """Hand the C heap's free pages back to the system (glibc keeps them, as holes between live blocks).

    A commit reads and frees ~25 MB of staged rows per batch of pages: without this the flow's RSS grew
    by ~3 MB a batch (RSS of the harness that adds 25 staged parts: 165 MB with it after each, 245 MB without).
    """
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


@contextmanager
def system_allocator() -> Iterator[None]:
    """Arrow allocates from the C library's malloc inside the block, not from its default mimalloc pool.

    mimalloc keeps what a commit frees for later use, so the flow's RSS stayed at its highest; with malloc,
    the commit's peak over its start at 2,000 pages (harness, RSS sampled) was 137 MB instead of 203 MB.
    Buffers made inside go back to the pool they came from, whenever they are freed.
    """
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


class _TableFile:
    """One file being written: its temp file, its Parquet writer, and the rows not yet in a row group."""

    def __init__(self, final: Path, table_schema: pa.Schema, group_rows: int,
                 group_bytes: int = ROW_GROUP_BYTES) -> None:
        self.final = final
        self.tmp = temp_parquet_path(final)
        self.schema = table_schema
        self.group_rows = group_rows
        self.group_bytes = group_bytes
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
            elif held.nbytes >= self.group_bytes:
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


def _ascending(columns: Sequence[str]) -> list[tuple[str, str]]:
    return [(column, "ascending") for column in columns]


def chunk_rows(table: pa.Table, chunk_bytes: int = MERGE_CHUNK_BYTES) -> int:
    """Rows of ``table`` that fill about ``chunk_bytes`` (at least one).

    >>> chunk_rows(pa.table({"x": pa.array(range(1000), pa.int64())}), 800)
    100
    """
    return max(1, chunk_bytes * table.num_rows // max(table.nbytes, 1))


def run_chunk_bytes(runs_before: int) -> int:
    """The chunk size of the run after ``runs_before`` others: ``MERGE_BYTES`` shared out, within bounds.

    >>> run_chunk_bytes(0), run_chunk_bytes(31), run_chunk_bytes(10_000)
    (131072, 65536, 8192)
    """
    return max(MIN_CHUNK_BYTES, min(MERGE_CHUNK_BYTES, MERGE_BYTES // (runs_before + 1)))


class _SortedRuns:
    """A clustered table's rows as sorted runs, one per ``append`` (a batch of pages), in a temp file.

    The file is Arrow IPC in record batches of ``chunk_rows``, so the merge reads any run a chunk at a time;
    it is named like a Parquet temp file so that the sweep removes it after a kill. Parquet in row groups
    that small took half the disk, but a writer keeps ~6 KB a row group until it closes (~360 MB at
    100,000 pages), where IPC keeps 24 bytes a batch. Its size on disk is ~4x that of the file it becomes.
    """

    def __init__(self, final: Path, table_schema: pa.Schema, sort_by: tuple[str, ...]) -> None:
        self.final = final
        self.tmp = temp_parquet_path(final)
        self.schema = table_schema
        self.sort_by = sort_by
        self.runs: list[range] = []  # the record batches of each run, in the order they were appended
        self.rows = 0
        self._sink = pa.OSFile(str(self.tmp), "wb")
        self._writer = ipc.new_file(self._sink, table_schema, options=ipc.IpcWriteOptions(compression=COMPRESSION))
        self._batches = 0

    def append(self, table: pa.Table) -> None:
        """Sort ``table`` (stably) and write it as the next run."""
        ordered = table.sort_by(_ascending(self.sort_by)).cast(self.schema)
        batches = ordered.to_batches(max_chunksize=chunk_rows(ordered, run_chunk_bytes(len(self.runs))))
        for batch in batches:
            self._writer.write_batch(batch)
        self.runs.append(range(self._batches, self._batches + len(batches)))
        self._batches += len(batches)
        self.rows += table.num_rows

    def close(self) -> None:
        self._writer.close()
        self._sink.close()

    def discard(self) -> None:
        """Close without caring about errors and delete the temp file."""
        for close in (self._writer.close, self._sink.close):
            try:
                close()
            except (OSError, ValueError, pa.ArrowException):
                pass  # a full disk or an already closed file: the temp file goes anyway
        self.tmp.unlink(missing_ok=True)


@dataclass
class _Cursor:
    """Where the merge is in one run: the rows read and not yet taken, and the run's batches left."""

    reader: ipc.RecordBatchFileReader
    left: Iterator[int]
    held: pa.Table
    more: bool = True
    chunk: int = 1  # rows of the batch read last

    def fill(self, key: str, bound: Any) -> None:
        """Read until a chunk's worth of rows is held, and past the rows whose ``key`` is ``bound`` (the last
        round's, which the run that set it holds at its end), or to the end of the run."""
        while self.more and (self.held.num_rows < self.chunk or self.last(key) == bound):
            index = next(self.left, None)
            if index is None:
                self.more = False
                return
            batch = pa.Table.from_batches([self.reader.get_batch(index)])
            self.held = pa.concat_tables([self.held, batch]) if self.held.num_rows else batch
            self.chunk = batch.num_rows

    def last(self, key: str) -> Any:
        """The last value of ``key`` held (a str or a number: what the sort column holds)."""
        return self.held[key][-1].as_py()

    def take_below(self, key: str, bound: Any) -> pa.Table:
        """The rows held whose ``key`` is below ``bound`` (all if None): a prefix, the run being sorted."""
        n = self.held.num_rows if bound is None else pc.sum(pc.less(self.held[key], bound)).as_py() or 0
        taken, self.held = self.held.slice(0, n), self.held.slice(n)
        return taken


def _merge_runs(runs: _SortedRuns, out: _TableFile) -> None:
    """Append the rows of every run to ``out`` in the order a stable sort of all of them would give,
    ``MERGE_OUT_ROWS`` or more at a time (sorted blocks, each after the one before)."""
    done: list[pa.Table] = []
    with pa.OSFile(str(runs.tmp), "rb") as source:
        for block in _merged_blocks(ipc.open_file(source), runs):
            done.append(block)
            if sum(t.num_rows for t in done) >= MERGE_OUT_ROWS:
                out.append(pa.concat_tables(done))
                done = []
                give_back_freed_memory()  # the chunks read and sorted so far
    if done:
        out.append(pa.concat_tables(done))


def _merged_blocks(reader: ipc.RecordBatchFileReader, runs: _SortedRuns) -> Iterator[pa.Table]:
    """The rows of the runs, in sorted blocks, each block's rows after those of the block before.

    Each round takes, from every run, the rows whose first sort column is below ``bound``, the least of
    the last values held by the runs not yet read to the end: every row of those values is then held, so
    sorting them together (stably, runs in order) places them for good. Then each run reads on
    (``_Cursor.fill``): as the runs hold rows of alike values, a round takes about a chunk of each.
    """
    key, order = runs.sort_by[0], _ascending(runs.sort_by)
    cursors = [_Cursor(reader, iter(r), runs.schema.empty_table()) for r in runs.runs]
    bound: Any = None
    while cursors:
        for cursor in cursors:
            cursor.fill(key, bound)
        cursors = [c for c in cursors if c.held.num_rows]
        reading = [c.last(key) for c in cursors if c.more]
        bound = min(reading) if reading else None
        block = pa.concat_tables([runs.schema.empty_table(), *(c.take_below(key, bound) for c in cursors)])
        yield block.sort_by(order)


class TableFiles:
    """The Parquet files of one tag (a run, a compaction), one per stored table that gets rows."""

    def __init__(self, root: Path, tag: str, row_group_rows: int = ROW_GROUP_ROWS) -> None:
        """``row_group_rows``: rows per group of the tables not clustered (those follow ``schema.CLUSTERED``)."""
        self.root = root
        self.tag = tag
        self.row_group_rows = row_group_rows
        self._files: dict[str, _TableFile | _SortedRuns] = {}
        self._done: list[ManifestEntry] = []

    def add(self, tables: Mapping[str, pa.Table]) -> None:
        """Append each table's rows to its file (a table without rows opens no file)."""
        give_back_freed_memory()  # what the batch added before left behind
        with system_allocator():
            for name, table in tables.items():
                if table.num_rows:
                    self._file(name).append(table)

    def held_rows(self) -> dict[str, int]:
        """Rows added but not yet written, by table (each fewer than a row group; none of a clustered table)."""
        return {name: f.held_rows if isinstance(f, _TableFile) else 0 for name, f in self._files.items()}

    def _file(self, name: str) -> _TableFile | _SortedRuns:
        if name not in self._files:
            layout, final = schema.CLUSTERED.get(name), new_parquet_path(self.root, name, self.tag)
            self._files[name] = (_TableFile(final, schema.STORED[name], self.row_group_rows) if layout is None
                                 else _SortedRuns(final, schema.STORED[name], layout.sort_by))
        return self._files[name]

    def finish(self) -> list[ManifestEntry]:
        """Make every file durable under its final name, in ``schema.STORED`` order; returns their entries.

        Every file is closed (its held rows written) before a clustered table's runs are merged, so the
        merge's memory comes on top of no table's buffer.
        """
        names = [n for n in schema.STORED if n in self._files]
        with system_allocator():
            for name in names:  # every table's held rows out first: none is held while the runs are merged
                self._files[name].close()
            for name in names:
                self._durable(name)
        give_back_freed_memory()
        for folder in {(self.root / e.file).parent for e in self._done}:
            fsync_dir(folder)
        return self._done

    def _durable(self, name: str) -> None:
        """The closed file of table ``name`` (its runs merged first) under its final name, in ``_done``."""
        written = self._files[name]
        if isinstance(written, _SortedRuns):
            written = self._merged(name, written, schema.CLUSTERED[name].row_group_rows)
        size, sha256 = rename_durably(written.tmp, written.final)
        self._done.append(ManifestEntry(name, written.final.relative_to(self.root).as_posix(),
                                        self.tag, written.rows, size, sha256))
        del self._files[name]

    def _merged(self, name: str, runs: _SortedRuns, group_rows: int) -> _TableFile:
        """The closed file of a closed table's sorted runs merged (their temp file is deleted)."""
        self._files[name] = out = _TableFile(runs.final, runs.schema, group_rows, CLUSTERED_GROUP_BYTES)
        try:
            _merge_runs(runs, out)
        finally:
            runs.tmp.unlink(missing_ok=True)
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
