"""``banmian bench``'s arguments, apart from :mod:`banmian.bench` so that building the CLI's parser
imports no segmentation code (``banmian segment`` and ``--help`` must start fast)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def _cmd_bench(args: argparse.Namespace) -> int:
    from banmian.bench import cmd_bench

    return cmd_bench(args)


def add_command(sub: Any) -> None:
    """Add ``banmian bench`` to the CLI's subcommands."""
    bench = sub.add_parser("bench", help="time a whole `banmian run` over N pages, phase by phase",
                           description="Generate N pages (or copy --source), run the real ingest flow into a "
                                       "fresh warehouse and print wall time, pages/s, the phases, peak RSS, "
                                       "cores used, and the run against read+decode and segmentation alone.")
    bench.add_argument("--pages", type=int, default=200, help="pages to generate (or take from --source; 0: all)")
    bench.add_argument("--workers", type=int, default=1, help="segmentation processes (banmian run --workers)")
    bench.add_argument("--dask-address", metavar="tcp://HOST:8786", help="run the batches on this Dask scheduler")
    bench.add_argument("--source", type=Path, help="pages to copy instead of generating them")
    bench.add_argument("--seed", type=int, default=0, help="seed of the generated pages (default 0)")
    bench.add_argument("--tmp", help="where the temporary pages and warehouse go (default: the system's temp dir)")
    bench.add_argument("--rerun", action="store_true",
                       help="then run again over the same pages and warehouse (nothing changed) and time that too")
    bench.add_argument("--rerun-warm", action="store_true",
                       help="then start a `banmian server` and time a new `banmian run` process over the same "
                            "pages and warehouse on it (nothing changed)")
    bench.set_defaults(func=_cmd_bench)
