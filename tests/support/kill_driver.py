"""Drive a warehouse through a deterministic sequence of runs, to be killed.

    python -m tests.support.kill_driver ROOT UNTIL   (from the repository root)

Opens ROOT as a writer, finds how many runs are committed (n), and commits
operation n, n+1, ... until UNTIL runs exist, compacting after every third
run. Operation n depends only on n and on the warehouse state, so a
warehouse that had runs killed reaches the same state as one that never did.

It tells what it does on stdout, one flushed line per step, so a test that
kills it knows which step was under way::

    ready            before the writer lock is taken
    open N           the writer is open; N runs are committed
    run N            committing run number N (0-based) ...
    committed N      ... done: N runs are committed
    compact / compacted
    done             leaving the writer (the lock is released next)

tests/store/test_warehouse_kill.py kills it at named points
(``BANMIAN_FAULT``, see ``banmian.tasks.store.faults``) and at random moments.
"""

from __future__ import annotations

import sys

from banmian.tasks.model import RawFile, Reject
from banmian.tasks.store.warehouse import Warehouse, WarehouseWriter
from tests.support.warehouse_fixtures import page_and_result, run_info

N_PATHS = 40
#: A compaction follows every this many runs.
COMPACT_EVERY = 3


def _version(i: int, n: int) -> int:
    """Every fourth path changes content every few runs; the rest never do."""
    return (n + i) // 3 if i % 4 == 0 else 0


def _variant(n: int) -> int:
    """The 'segmenter' changes every 6 runs; full refreshes pick that up."""
    return n // 6


def run_op(w: WarehouseWriter, n: int) -> None:
    """Commit run number n, using the size+mtime shortcut as the flow does."""
    known = w.known_files()
    full_refresh = n % 6 == 5
    files: list[tuple[str, str, float]] = []
    for i in range(N_PATHS):
        v = _version(i, n)
        files.append((f"/in/p{i:02d}.txt", f"第{i}版 内容 v{v}", 1_700_000_000.0 + v))
    for j in range(4):  # identical content under a second name
        files.append((f"/in/copy{j}.txt", files[j][1], files[j][2]))
    rejected_known = n % 5 == 3  # a known file turns bad for one run
    pages, unchanged = [], []
    for path, content, mtime in files:
        if rejected_known and path == "/in/p39.txt":
            continue
        size = len(content.encode("utf-8"))
        hit = known.get(path)
        if not full_refresh and hit is not None and hit[0] == size and hit[1] == mtime:
            unchanged.append(RawFile(path, size, mtime))
        else:
            pages.append(page_and_result(path, content, variant=_variant(n), mtime=mtime,
                                         n_articles=4))
    rejects = [Reject(f"/in/bad{n % 3}.txt", "empty", "the file is empty", 0)]
    if rejected_known:
        rejects.append(Reject("/in/p39.txt", "binary", "looks like a binary file", 17))
    info = run_info(f"op-{n}", len(files) + 1)
    w.commit_run(info, pages, unchanged, rejects, full_refresh=full_refresh)


def committed_runs(wh: Warehouse) -> int:
    if not wh.db_path.exists():
        return 0
    return int(wh.query("SELECT count(*) AS n FROM runs").column("n")[0].as_py())


def _tell(announce: bool, line: str) -> None:
    if announce:
        print(line, flush=True)


def drive(root: str, until: int, announce: bool = False) -> int:
    """Commit runs until ``until`` exist; returns the number committed."""
    wh = Warehouse(root)
    _tell(announce, "ready")
    with wh.writer() as w:
        n = committed_runs(wh)
        _tell(announce, f"open {n}")
        while n < until:
            _tell(announce, f"run {n}")
            run_op(w, n)
            n += 1
            _tell(announce, f"committed {n}")
            if n % COMPACT_EVERY == 0:
                _tell(announce, "compact")
                w.compact()
                _tell(announce, "compacted")
        _tell(announce, "done")
    return n


if __name__ == "__main__":
    drive(sys.argv[1], int(sys.argv[2]), announce=True)
