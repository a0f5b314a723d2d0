"""Commit one run while this process may write no file past a size: as a full disk stops a run.

    python -m tests.support.fsize_driver ROOT LIMIT_BYTES WHAT   (from the repository root)

``RLIMIT_FSIZE`` with ``SIGXFSZ`` ignored makes every write past the limit
fail with EFBIG, as writes fail with ENOSPC on a full disk: real writes of
real files, by pyarrow and DuckDB alike, nothing mocked. WHAT is

* ``pages``: a run of large pages (Parquet files of up to ~600 kB, a WAL of ~80 kB);
* ``rejects``: a run of 5,000 rejects (no Parquet file; a WAL of a few hundred kB);
* ``open``: the same run of pages, the limit set before the writer opens.

Otherwise the limit is set once the writer is open. The driver prints one
JSON line: ``{"error": type or null, "message": ..., "run_id": ...}``
(the run id also when the run committed and what follows failed).
tests/store/test_disk_full.py runs it.
"""

from __future__ import annotations

import json
import resource
import signal
import sys

from banmian.tasks.model import Reject
from banmian.tasks.store.warehouse import Warehouse
from tests.support.warehouse_fixtures import commit, page_and_result

#: Twenty pages of forty articles each.
BIG_PAGES = [page_and_result(f"/in/big{i}.txt", f"大版{i}", n_articles=40) for i in range(20)]
MANY_REJECTS = [Reject(f"/in/bad/{i:05d}.txt", "empty", "the file is empty", 0) for i in range(5000)]


def limit_file_size(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the kernel kills us instead of failing the write
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))


def main(root: str, limit: int, what: str) -> dict[str, object]:
    wh = Warehouse(root)
    if what == "open":
        limit_file_size(limit)
    try:
        with wh.writer() as w:
            limit_file_size(limit)
            if what == "rejects":
                summary = commit(w, [], rejects=MANY_REJECTS, source="disk-full")
            else:
                summary = commit(w, BIG_PAGES, source="disk-full")
        return {"error": None, "message": "", "run_id": summary.run_id}
    except Exception as exc:  # noqa: BLE001 - what the failure was is the output
        committed = getattr(exc, "summary", None)
        return {"error": type(exc).__name__, "message": str(exc),
                "run_id": committed.run_id if committed is not None else None}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]), sys.argv[3])), flush=True)
