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
temp file as one sorted run (:class:`_SortedRuns`), in small record batches
whose first keys it keeps; :meth:`TableFiles.finish` merges the runs into the
final file reading the batches in the order of those keys (:func:`_merge_runs`).
Its memory is a round of ``MERGE_OUT_ROWS`` rows (fewer if wide) and part of a batch per batch
of pages, not the run's rows (a DuckDB sort of them, within 128 MB, peaked
~130 MB above the commit and needs more as the rows grow), and a round of
rows is a few Arrow calls, not a few per run.

Files are made as ``files.write_parquet_durably`` makes them: under a temp
name, fsynced, renamed, with the same kill points; if anything fails before
:meth:`TableFiles.finish` returns, :meth:`TableFiles.discard` deletes them.
"""

from __future__ import annotations

import array
import ctypes
import ctypes.util
import itertools
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, Final

import numpy as np
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
#: are never below ``MIN_CHUNK_BYTES``; the merge holds about half a chunk of each run: 500 runs (100,000
#: pages) ~12 MB, 50 runs ~5 MB. A chunk is a record batch of the runs' file, and each batch costs its own
#: compression: written and read back, 98,000 article_terms rows (a run) took 0.40 CPU s in 8 KB batches,
#: 0.05 in 32 KB, 0.03 in 128 KB (lz4; zstd 0.58, 0.19, 0.07), so 32 KB, not 8 KB as it was.
MERGE_BYTES: Final = 2 << 20
MIN_CHUNK_BYTES: Final = 32 << 10
#: How the runs' temp file is compressed: lz4 decompresses a small batch ~4x faster than zstd (43 against
#: 161-215 us a batch of 8-32 KB) for a file ~1.9x the size (32 KB batches of article_terms of 200 generated
#: pages: 7.0 MB against 3.7 MB; zstd in 8 KB batches, as most runs of 100,000 pages were: 5.8 MB).
RUNS_COMPRESSION: Final = "lz4"
#: How the merge reads the runs' file: on the calling thread. A batch is a few KB a column, too small for
#: Arrow's thread pool to pay for itself: reading every batch of 40 runs (5,691 batches) took 0.69 CPU s
#: with the pool's threads, 0.22 without (``/tmp`` harness over ``_SortedRuns``, lz4).
_READ_OPTIONS: Final = ipc.IpcReadOptions(use_threads=False)
#: Rows the merge reads in a round (then sorts the rows they place) and hands to the final file at a time.
MERGE_OUT_ROWS: Final = 65_536
#: A round reads fewer rows when they are wide, to hold about this many bytes of them: a round is copied
#: ~4 times (read, joined to the rest held, split, sorted). 65,536 rows of article_terms are ~9 MB (141
#: bytes a row), of articles (their text) ~70 MB: the merge of the articles of 10,000 generated pages took
#: ``write_staged_pages`` to 498 MB RSS (Arrow's pool 260 MB); rounds of 16 MB, to 322 MB (96), of 8 MB, 268.
#: 16 MB leaves the terms' rounds as they were (8 MB cut them, and their files' pages: same rows, other bytes).
MERGE_ROUND_BYTES: Final = 16 << 20
#: Batches' first keys made Python objects at a time, in the merge's order (the runs' index of them, kept
#: as Arrow, is ~30 bytes a batch: ~6 MB at 100,000 pages).
EVENTS_AT_ONCE: Final = 4096
#: The columns of a run's index (``_SortedRuns.firsts``) beside the sort columns.
_RUN: Final = "__run"
_BATCH: Final = "__batch"


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
    (131072, 65536, 32768)
    """
    return max(MIN_CHUNK_BYTES, min(MERGE_CHUNK_BYTES, MERGE_BYTES // (runs_before + 1)))


class _SortedRuns:
    """A clustered table's rows as sorted runs, one per ``append`` (a batch of pages), in a temp file.

    The file is Arrow IPC in record batches of ``chunk_rows``, so the merge reads any run a chunk at a time;
    it is named like a Parquet temp file so that the sweep removes it after a kill. Parquet in row groups
    that small took half the disk, but a writer keeps ~6 KB a row group until it closes (~360 MB at
    100,000 pages), where IPC keeps 24 bytes a batch. Its size on disk is ~26x that of the file it becomes
    (``RUNS_COMPRESSION``; zstd: ~14x; article_terms of 200 generated pages in 32 KB batches: 7.0 MB, the
    sorted Parquet file 0.27 MB), ~3.5 GB at 100,000 pages, deleted once merged.
    """

    def __init__(self, final: Path, table_schema: pa.Schema, sort_by: tuple[str, ...]) -> None:
        self.final = final
        self.tmp = temp_parquet_path(final)
        self.schema = table_schema
        self.sort_by = sort_by
        self.runs = 0
        self.firsts: list[pa.Table] = []  # of each run: its batches' first sort keys, run and batch numbers
        self.batch_rows = array.array("l")  # rows of each record batch of the file, by number
        self.rows = 0
        self.nbytes = 0  # of the rows in memory, as Arrow counts them
        self._sink = pa.OSFile(str(self.tmp), "wb")
        self._writer = ipc.new_file(self._sink, table_schema,
                                    options=ipc.IpcWriteOptions(compression=RUNS_COMPRESSION))

    def append(self, table: pa.Table) -> None:
        """Sort ``table`` (stably) and write it as the next run."""
        ordered = table.sort_by(_ascending(self.sort_by)).cast(self.schema)
        batches = ordered.to_batches(max_chunksize=chunk_rows(ordered, run_chunk_bytes(self.runs)))
        for batch in batches:
            self._writer.write_batch(batch)
        starts = list(itertools.accumulate((batch.num_rows for batch in batches[:-1]), initial=0))
        numbers = range(len(self.batch_rows), len(self.batch_rows) + len(batches))
        self.firsts.append(ordered.select(list(self.sort_by)).take(starts)
                           .append_column(_RUN, pa.array([self.runs] * len(starts), pa.int32()))
                           .append_column(_BATCH, pa.array(numbers, pa.int64())))
        self.batch_rows.extend(batch.num_rows for batch in batches)
        self.runs += 1
        self.rows += table.num_rows
        self.nbytes += ordered.nbytes

    def round_rows(self) -> int:
        """Rows the merge reads in a round: ``MERGE_OUT_ROWS``, fewer when they would be over ``MERGE_ROUND_BYTES``."""
        return max(1, min(MERGE_OUT_ROWS, MERGE_ROUND_BYTES * self.rows // max(self.nbytes, 1)))

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


def out_piece_rows(group_rows: int) -> int:
    """Rows the merge hands the final file at a time: ``MERGE_OUT_ROWS``, or one row group of the file when
    ``MERGE_OUT_ROWS`` is a whole number of them. The file cuts the same row groups either way (each piece
    is cut into whole groups by their rows, nothing held), so they depend on the rows alone; a piece of
    one group holds a group of wide rows (articles: 1,024), not 65,536 of them.

    >>> out_piece_rows(1024), out_piece_rows(131_072), out_piece_rows(1000)
    (1024, 65536, 65536)
    """
    return group_rows if group_rows < MERGE_OUT_ROWS and MERGE_OUT_ROWS % group_rows == 0 else MERGE_OUT_ROWS


def _merge_runs(runs: _SortedRuns, out: _TableFile) -> None:
    """Append the rows of every run to ``out`` in the order a stable sort of all of them would give,
    ``out_piece_rows`` at a time (the last piece fewer): the file's row groups depend on its rows alone,
    not on how the runs were cut into batches nor on the merge's rounds."""
    piece = out_piece_rows(out.group_rows)
    done: list[pa.Table] = []
    done_rows = 0
    with pa.OSFile(str(runs.tmp), "rb") as source:
        for block in _merged_blocks(ipc.open_file(source, options=_READ_OPTIONS), runs):
            done.append(block)
            done_rows += block.num_rows
            while done_rows >= piece:
                joined = pa.concat_tables(done)
                out.append(joined.slice(0, piece))
                done, done_rows = [joined.slice(piece)], done_rows - piece
            give_back_freed_memory()  # the batches read and sorted so far
    if done_rows:
        out.append(pa.concat_tables(done))


def _batches_in_key_order(runs: _SortedRuns) -> Iterator[tuple[tuple[Any, ...], int, int]]:
    """Every record batch of the runs as ``(its first row's sort key, its run, its number)``, in the order of
    those three: the order in which the merge needs them (a batch's rows are at or after its first key)."""
    firsts = pa.concat_tables(runs.firsts).sort_by(_ascending((*runs.sort_by, _RUN, _BATCH)))
    for part in firsts.to_batches(max_chunksize=EVENTS_AT_ONCE):
        keys = zip(*(part.column(name).to_pylist() for name in runs.sort_by), strict=True)
        yield from zip(keys, part.column(_RUN).to_pylist(), part.column(_BATCH).to_pylist(), strict=True)


def _rounds(runs: _SortedRuns) -> Iterator[tuple[list[tuple[int, int]], tuple[Any, ...] | None]]:
    """The merge's rounds: the batches each reads (``(run, batch number)``, ``round_rows`` rows or more
    between them) and the sort key and run of the first batch left to read after it (None after the last)."""
    batches = _batches_in_key_order(runs)
    upcoming = next(batches, None)
    round_rows = runs.round_rows()
    while upcoming is not None:
        reading: list[tuple[int, int]] = []
        rows = 0
        while upcoming is not None and rows < round_rows:
            _, run, index = upcoming
            reading.append((run, index))
            rows += runs.batch_rows[index]
            upcoming = next(batches, None)
        yield reading, None if upcoming is None else (*upcoming[0], upcoming[1])


def _merged_blocks(reader: ipc.RecordBatchFileReader, runs: _SortedRuns) -> Iterator[pa.Table]:
    """The rows of the runs, in sorted blocks, each block's rows after those of the block before.

    The runs' batches are read in the order of their first keys (``_rounds``), ``round_rows`` rows or
    so a round, each row marked with its run. The next batch to read, first key ``K`` in run ``R``, bounds
    what is placed for good: a row of key ``k`` in run ``r`` is, if ``(k, r) <= (K, R)`` (every row of a
    lower key is read; of key ``K``, a later run's rows or run ``R``'s own unread ones come after it in a
    stable sort). A round takes those rows and sorts them on their key and run (a run's rows are held in
    their order, so that is the stable sort's order). What stays held is the rest of each run's last batch
    read: the merge holds a round's rows and a batch of each run, and its work per round is a few calls
    on the round's rows, whatever the number of runs.
    """
    columns = [*runs.sort_by, _RUN]
    held = runs.schema.empty_table().append_column(_RUN, pa.array([], pa.int32()))
    for reading, bound in _rounds(runs):
        read = pa.Table.from_batches([reader.get_batch(index) for _, index in reading], runs.schema)
        marks = np.repeat(np.array([run for run, _ in reading], np.int32),
                          [runs.batch_rows[index] for _, index in reading])
        held = pa.concat_tables([held, read.append_column(_RUN, pa.array(marks))]).combine_chunks()
        placed = _at_or_before(held, columns, bound)
        block, held = held.filter(placed), held.filter(pc.invert(placed))
        if block.num_rows:
            yield block.sort_by(_ascending(columns)).drop_columns([_RUN])


def _at_or_before(rows: pa.Table, columns: Sequence[str], key: tuple[Any, ...] | None) -> pa.ChunkedArray:
    """Where ``rows`` have ``columns`` at or before ``key`` (everywhere if None), in the order ``Table.sort_by``
    gives: column by column, nulls last."""
    if key is None:
        return pa.chunked_array([pa.repeat(True, rows.num_rows)])
    *heads, (last, last_value) = zip(columns, key, strict=True)
    mask = pc.or_(_below(rows.column(last), last_value), _equal(rows.column(last), last_value))
    for name, value in reversed(heads):
        column = rows.column(name)
        mask = pc.or_(_below(column, value), pc.and_(_equal(column, value), mask))
    return mask


def _below(column: pa.ChunkedArray, value: Any) -> pa.ChunkedArray:
    """Where ``column`` sorts before ``value`` (a null sorts after every value)."""
    return pc.is_valid(column) if value is None else pc.fill_null(pc.less(column, value), False)


def _equal(column: pa.ChunkedArray, value: Any) -> pa.ChunkedArray:
    """Where ``column`` holds ``value`` (a null equals a null: one place in the sort order)."""
    return pc.is_null(column) if value is None else pc.fill_null(pc.equal(column, value), False)


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
