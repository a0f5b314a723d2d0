"""``banmian export --format parquet|jsonl|csv [--from DATE --to DATE] --out FILE``: articles for other tools.

The rows are the ``article_export`` view's (``sql/article_export.sql``: one row
per current article with its page's date, number, name and source, columns
documented there). They stream from DuckDB in record batches into the file, so
memory does not grow with the warehouse; the file is written under a temporary
name and renamed, so a failed export leaves no half file.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

if TYPE_CHECKING:  # imported where used: building banmian's parser must not load pyarrow (segment starts fast)
    import pyarrow as pa

ExportFormat = Literal["parquet", "jsonl", "csv"]
EXPORT_FORMATS: Final[tuple[str, ...]] = get_args(ExportFormat)
#: Rows fetched at a time: a few MB of article text, whatever the warehouse's size.
BATCH_ROWS: Final = 10_000
#: What joins a list (authors, photographers) in a CSV cell: the enumeration comma names are printed with.
CSV_LIST_SEPARATOR: Final = "、"
EXPORT_SQL: Final = ("SELECT * FROM article_export WHERE (? IS NULL OR issue_date >= ?) "
                     "AND (? IS NULL OR issue_date <= ?)")


def article_batches(con: Any, date_from: date | None, date_to: date | None) -> Iterator[pa.RecordBatch]:
    """The exported rows in record batches (undated pages drop out when a date bound is given)."""
    reader = con.sql(EXPORT_SQL, params=[date_from, date_from, date_to, date_to]).to_arrow_reader(BATCH_ROWS)
    yield from reader


def flat_for_csv(batch: pa.RecordBatch) -> pa.RecordBatch:
    """The batch with every list column joined into one string (CSV has no lists)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = [pc.binary_join(col, CSV_LIST_SEPARATOR) if pa.types.is_list(col.type) else col
               for col in batch.columns]
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def json_line(row: dict[str, Any]) -> str:
    """One article as a JSON line (dates as YYYY-MM-DD, Chinese as is).

    >>> json_line({"issue_date": date(2023, 8, 25), "headline": "营商环境"})
    '{"issue_date": "2023-08-25", "headline": "营商环境"}'
    """
    return json.dumps(row, ensure_ascii=False, default=str)


def write_export(batches: Iterator[pa.RecordBatch], fmt: ExportFormat, out: Path) -> int:
    """Write the batches to ``out`` in ``fmt`` (via a temporary name, then renamed); returns the rows written."""
    tmp = out.with_name(f".{out.name}.tmp")
    rows = 0
    try:
        rows = _write(batches, fmt, tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return rows


def _write(batches: Iterator[pa.RecordBatch], fmt: ExportFormat, path: Path) -> int:
    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pq

    first = next(batches, None)
    if fmt == "jsonl":
        return _write_jsonl(first, batches, path)
    if first is None:
        path.write_bytes(b"")
        return 0
    rows = 0
    if fmt == "parquet":
        with pq.ParquetWriter(path, first.schema, compression="zstd") as writer:
            for batch in _chain(first, batches):
                writer.write_batch(batch)
                rows += batch.num_rows
        return rows
    flat = flat_for_csv(first)
    with pa_csv.CSVWriter(path, flat.schema) as writer:
        for batch in _chain(first, batches):
            writer.write_batch(flat_for_csv(batch))
            rows += batch.num_rows
    return rows


def _write_jsonl(first: pa.RecordBatch | None, batches: Iterator[pa.RecordBatch], path: Path) -> int:
    rows = 0
    with open(path, "w", encoding="utf-8") as fh:
        for batch in _chain(first, batches) if first is not None else ():
            for row in batch.to_pylist():
                fh.write(json_line(row) + "\n")
                rows += 1
    return rows


def _chain(first: pa.RecordBatch, rest: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    yield first
    yield from rest


def cmd_export(args: argparse.Namespace) -> int:
    """Export the articles; exit 1 when none matched (the file is written all the same)."""
    from banmian.cli import CliError, _existing_warehouse, output_file
    from banmian.tasks.store.warehouse import WarehouseBusy

    wh = _existing_warehouse(args.warehouse)
    out = output_file(args.out)
    try:
        with wh.read_connection() as con:
            rows = write_export(article_batches(con, args.date_from, args.date_to), args.format, out)
    except WarehouseBusy as exc:
        raise CliError(f"warehouse busy: {exc}") from None
    print(f"Exported {rows} articles to {out} ({args.format}).")
    return 0 if rows else 1


def add_command(sub: Any) -> None:
    """Add ``export`` to banmian's subcommands (``sub`` from ``add_subparsers``)."""
    from banmian.cli import DEFAULT_WAREHOUSE, add_period_arguments

    parser = sub.add_parser(
        "export", help="write the articles to a Parquet, JSON lines or CSV file",
        description="Write every current article, with its page's date, number, name and source, to one flat file "
                    "(the columns of the article_export view, documented in sql/article_export.sql). "
                    "Exit 1 if no article matched.")
    parser.add_argument("--format", choices=EXPORT_FORMATS, default="parquet", help="file format (default parquet)")
    parser.add_argument("--out", required=True, metavar="FILE", help="the file to write (replaced if it exists)")
    add_period_arguments(parser, "pages")
    parser.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, metavar="DIR")
    parser.set_defaults(func=cmd_export)
