"""Commit one staged run whose files are written in a child process, to be killed there.

    python -m tests.support.apart_driver ROOT   (from the repository root)

``tests/store/test_commit_apart.py`` runs it with ``BANMIAN_FAULT`` set to a
Parquet point, which only the child reaches (``writer.write_staged_apart``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from banmian.tasks.model import DecodedPage, PageResult
from banmian.tasks.store import records
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


def commit_apart(root: Path) -> None:
    """Commit ``PAGES`` as one staged run, its files written in a child process."""
    run = run_info("apart", len(PAGES))
    with Warehouse(root).writer() as w:
        w.commit_staged(run, staged_run(root, PAGES, run.run_id), apart=True)


if __name__ == "__main__":
    commit_apart(Path(sys.argv[1]))
