"""Commit one staged run in a child process (``writer.run_apart``), to be killed there.

    python -m tests.support.apart_driver ROOT [FAULT]   (from the repository root)

``FAULT`` (``<point>@<n>``, see ``banmian.tasks.store.faults``) is set in the
environment once this process has imported the writer and opened the
warehouse, so only the child, which reads it at its start, is armed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from banmian.tasks.model import DecodedPage, PageResult
from banmian.tasks.store import records
from banmian.tasks.store.faults import FAULT_ENV
from banmian.tasks.store.staging import StagedRun, run_staging_dir, stage_pages, stage_run
from banmian.tasks.store.warehouse import Warehouse
from tests.support.warehouse_fixtures import page_and_result, run_info

#: Pages of the run, in parts of ``PART`` (each part stages its rows, as a flow's batch does).
PAGES = [page_and_result(f"/in/p{i}.txt", f"第{i}版") for i in range(12)]
PART = 3


def staged_run(root: Path, pages: list[tuple[DecodedPage, PageResult]], run_id: str) -> StagedRun:
    """``pages`` staged in parts of ``PART`` with their rows made for ``run_id``."""
    folder = run_staging_dir(root, run_id)
    parts = [stage_pages(folder, i + 1, i + PART, pages[i:i + PART], [],
                         records.page_tables(pages[i:i + PART], run_id), run_id) for i in range(0, len(pages), PART)]
    return stage_run(folder, parts, [], [])


def commit_apart(root: Path, fault: str = "") -> None:
    """Commit ``PAGES`` as one staged run in a child process, armed with ``fault`` (if any)."""
    run = run_info("apart", len(PAGES))
    with Warehouse(root).writer() as w:
        if fault:
            os.environ[FAULT_ENV] = fault
        w.commit_staged(run, staged_run(root, PAGES, run.run_id), apart=True)


if __name__ == "__main__":
    commit_apart(Path(sys.argv[1]), *sys.argv[2:3])
