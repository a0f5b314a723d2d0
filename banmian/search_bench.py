"""How fast ``search()`` answers: ``python -m banmian.search_bench --warehouse DIR [--repeat N] [QUERY ...]``.

For each query (default: :data:`QUERIES`, common and rare words, several
words, filters, a word no article uses) it times, after a warm-up, on one
open read-only connection as a server would hold it:

* ``search()``: ``SELECT * FROM search(q) LIMIT 10``, the macro alone;
* ``banmian search``: what the command asks (the tokenizer's cut, the ten
  best hits with their bodies) and the snippets it prints;
* the same with a fresh connection per query, as each ``banmian search``
  process opens the warehouse anew;

and prints the median, 95th percentile and worst wall-clock time of each,
the macro's median CPU time (all threads), the median and 95th percentile of
every mode over all the queries' runs, the warehouse's size on disk, and the
machine's load averages before and after: on a busy machine the wall clock
mostly measures the wait for a CPU, the CPU time what the query costs.
Build a 10,000-page warehouse to time with::

    python -m tests.pagegen /tmp/gen --pages 10000 --seed 1
    banmian run --source /tmp/gen/pages --warehouse /tmp/wh10k
    python -m banmian.search_bench --warehouse /tmp/wh10k
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Final

from banmian.search import SEARCH_SQL, snippet
from banmian.tasks.store.layout import DB_FILE
from banmian.tasks.text.words import query_terms

#: Queries timed by default: (query, filters of the macro as SQL).
QUERIES: Final[tuple[tuple[str, str], ...]] = (
    ("营商环境", ""),
    ("发展", ""),
    ("工作", ""),
    ("安全生产", ""),
    ("铁西区", ""),
    ("伊通满族自治县", ""),
    ("优化营商环境 提升服务", ""),
    ("乡村振兴", ", kind := 'news'"),
    ("项目建设", ", date_from := DATE '2021-01-01', date_to := DATE '2023-12-31'"),
    ("火星探测器", ""),
)
#: Timed runs of each query after the warm-up: enough for a stable median on a quiet machine.
DEFAULT_REPEAT: Final = 20
WARMUP: Final = 2
#: Hits fetched, as ``banmian search`` shows by default.
LIMIT: Final = 10


@dataclass(frozen=True)
class Timing:
    """Wall-clock and CPU seconds (every thread of the process) of each timed run of one query in one mode.

    CPU time says what a query costs whatever else the machine runs; wall
    time on a busy machine mostly says how long it waited for a CPU.
    """

    runs: list[float]
    cpu: list[float]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.runs) * 1000

    @property
    def p95_ms(self) -> float:
        return percentile(self.runs, 0.95) * 1000

    @property
    def max_ms(self) -> float:
        return max(self.runs) * 1000

    @property
    def cpu_ms(self) -> float:
        return statistics.median(self.cpu) * 1000


def percentile(values: Sequence[float], share: float) -> float:
    """The value ``share`` of ``values`` are at or below (nearest rank).

    >>> percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.95), percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.5)
    (5.0, 3.0)
    """
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def disk_size(root: Path) -> int:
    """Bytes of every file under ``root``: the warehouse's Parquet, its DuckDB catalogue and its copy."""
    return sum(f.stat().st_size for f in root.rglob("*") if f.is_file())


def timed(call: Callable[[], object], repeat: int) -> Timing:
    """``call`` run ``WARMUP`` times untimed, then ``repeat`` times timed."""
    for _ in range(WARMUP):
        call()
    runs, cpu = [], []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        call()
        runs.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    return Timing(runs, cpu)


def macro_call(con: Any, query: str, filters: str) -> Callable[[], int]:
    """The macro alone: the ten best rows of ``search(query{filters})``."""
    sql = f"SELECT * FROM search(?{filters}) LIMIT {LIMIT}"
    return lambda: len(con.execute(sql, [query]).fetchall())


def command_call(connect: Callable[[], AbstractContextManager[Any]]) -> Callable[[str], int]:
    """What ``banmian search QUERY`` does on the connection ``connect`` opens: cut, query, snippets."""
    def run(query: str) -> int:
        terms = query_terms(query)
        with connect() as con:
            found = con.execute(SEARCH_SQL, [" ".join(terms), None, None, None, None, LIMIT]).fetchall()
        for row in found:
            snippet(row[-1], row[2])
        return len(found)
    return run


def scalar(con: Any, sql: str, params: Sequence[object] = ()) -> int:
    """The one number ``sql`` answers."""
    row = con.execute(sql, list(params)).fetchone()
    return int(row[0]) if row else 0


def load() -> str:
    """The 1, 5 and 15 minute load averages and the CPUs, e.g. ``load 0.52 0.61 0.70 on 2 CPUs``."""
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


HEADER: Final = ("query                                hits  search(): median   p95   max   cpu"
                 "  command: median   p95  fresh connection: median   (ms)")


def report_line(label: str, hits: int, macro: Timing, command: Timing, fresh: Timing) -> str:
    return (f"{label:<34} {hits:>6} {macro.median_ms:>17.1f} {macro.p95_ms:>5.1f} {macro.max_ms:>5.1f}"
            f" {macro.cpu_ms:>5.1f}"
            f" {command.median_ms:>16.1f} {command.p95_ms:>5.1f} {fresh.median_ms:>25.1f}")


def overall(label: str, timings: Sequence[Timing]) -> str:
    """The median and 95th percentile of every run of every query in one mode, and the median CPU time."""
    runs = Timing([r for t in timings for r in t.runs], [c for t in timings for c in t.cpu])
    return f"{label}: median {runs.median_ms:.1f} ms, p95 {runs.p95_ms:.1f} ms (CPU: median {runs.cpu_ms:.1f} ms)"


def bench(wh: Any, queries: Sequence[tuple[str, str]], repeat: int) -> list[str]:
    """One report line per query, then each mode's median and p95 over every run of every query.

    Fresh connections are timed while no other is open: a process's connections to one database share its
    configuration, which banmian locks (``access.lock_down``).
    """
    fresh = command_call(wh.read_connection)
    lines = [HEADER]
    modes: dict[str, list[Timing]] = {"search()": [], "banmian search (open connection)": [],
                                      "banmian search (fresh connection)": []}
    for query, filters in queries:
        with wh.read_connection() as con:
            hits = scalar(con, f"SELECT count(*) FROM search(?{filters})", [query])
            macro = timed(macro_call(con, query, filters), repeat)
            command = timed(partial(command_call(lambda: nullcontext(con)), query), repeat)
        cold = timed(partial(fresh, query), max(1, repeat // 4))
        for timings, timing in zip(modes.values(), (macro, command, cold), strict=True):
            timings.append(timing)
        lines.append(report_line((query + filters)[:34], hits, macro, command, cold))
    lines += [overall(f"{mode} over all queries", timings) for mode, timings in modes.items()]
    slowest = max(modes["search()"], key=lambda t: t.median_ms)
    lines.append(f"slowest query's search() median {slowest.median_ms:.1f} ms (wall clock)")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m banmian.search_bench", description=__doc__.split("\n")[0])
    parser.add_argument("queries", nargs="*", metavar="QUERY", help="queries to time (default: a fixed mix)")
    parser.add_argument("--warehouse", required=True, metavar="DIR")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help=f"timed runs (default {DEFAULT_REPEAT})")
    args = parser.parse_args(argv)
    db = Path(args.warehouse) / DB_FILE
    if not db.is_file():
        print(f"search_bench: no warehouse at {args.warehouse}", file=sys.stderr)
        return 2
    from banmian.tasks.store.warehouse import Warehouse

    queries = [(q, "") for q in args.queries] or list(QUERIES)
    wh = Warehouse(args.warehouse)
    with wh.read_connection() as con:
        articles = scalar(con, "SELECT count(*) FROM articles")
        pages = scalar(con, "SELECT count(*) FROM pages")
    print(f"{pages} pages, {articles} articles, {disk_size(Path(args.warehouse)) / 1e6:.1f} MB on disk; "
          f"{load()} before")
    for line in bench(wh, queries, args.repeat):
        print(line)
    print(f"{load()} after")
    return 0


if __name__ == "__main__":
    sys.exit(main())
