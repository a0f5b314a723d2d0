"""The ``banmian-ingest`` flow: page files in, one atomic warehouse commit out.

    discover → skip unchanged (size+mtime) → read → decode+segment (in batches)
             → commit (one transaction) → publish summary artifacts

Bad input never stops a run: every file that cannot become a page is a
Reject with a reason, recorded in the warehouse and the run summary, and the
run's status is ``partial``. Only a missing source, a busy warehouse with
``wait=False`` or a broken warehouse fail the flow.

Import :mod:`banmian.prefect_env` (and call ``configure``) before this module
when running outside ``banmian run``, so Prefect's home is the project's.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Any

from prefect import flow, get_run_logger
from pydantic import Field

from banmian import SAMPLE_DIR
from tasks import ids
from tasks.discover import SourceNotFound, discover
from tasks.model import DecodedPage, PageResult, RawFile, Reject
from tasks.prefect_tasks import (
    STORY,
    BatchResult,
    PageCoverage,
    batches,
    load_run,
    publish_summary,
    read_batch,
    segment_batch,
    story,
)
from tasks.warehouse import RunInfo, RunSummary, Warehouse

#: Rejects told one by one in the run's story; the rest are counted (all are in the warehouse).
MAX_REJECTS_TOLD = 20
#: Reject reasons that are warnings about a page that was loaded all the same.
WARNING_REASONS = frozenset({"no_articles"})


def split_unchanged(files: Iterable[RawFile], known: dict[str, tuple[int, float, str]],
                    full_refresh: bool) -> tuple[list[RawFile], list[RawFile]]:
    """``(to_read, unchanged)``: files whose path, size and mtime match the warehouse are not read again.

    The shortcut is only a shortcut: a file that was touched or copied is
    read, and its content hash then decides whether anything is stored.
    """
    to_read: list[RawFile] = []
    unchanged: list[RawFile] = []
    for f in files:
        seen = known.get(f.path)
        if not full_refresh and seen is not None and (seen[0], seen[1]) == (f.size, f.mtime):
            unchanged.append(f)
        else:
            to_read.append(f)
    return to_read, unchanged


#: Stand-in result for content the warehouse already holds as current: the
#: writer then only records the path (``plan_run``) and never looks at the
#: result outside a full refresh, where nothing is skipped this way.
ALREADY_LOADED = PageResult(articles=[], residue=[], meta={})


def pages_to_commit(result: BatchResult) -> list[tuple[DecodedPage, PageResult]]:
    """Segmented pages, plus already-loaded content so the warehouse records its (new) path."""
    return result.pages + [(page, ALREADY_LOADED) for page in result.known]


def rejects_to_commit(rejects: Iterable[Reject]) -> list[Reject]:
    """Rejects the warehouse stores. Warnings about loaded pages stay out: the writer takes any
    reject at a path to mean the path holds no page, which would hide the page just loaded."""
    return [r for r in rejects if r.reason not in WARNING_REASONS]


def residue_share(coverage: Iterable[PageCoverage]) -> float | None:
    """Share of the segmented pages' text that is residue (kept out of every article)."""
    rows = [c for c in coverage if c.status in ("loaded", "no_articles")]
    total = sum(c.chars for c in rows)
    return sum(c.residue_chars for c in rows) / total if total else None


def count_reasons(rejects: Iterable[Reject]) -> list[tuple[str, int]]:
    """``(reason, count)``, most frequent first, for a one-line account of a run's rejects."""
    return Counter(r.reason for r in rejects).most_common()


def _state_error(state: Any) -> str:
    """The one-line error of a failed task state."""
    try:
        state.result()
    except Exception as exc:  # noqa: BLE001 - any task error is reported, not raised
        return f"{type(exc).__name__}: {exc}"
    return state.message or "failed"


def _fmt_share(share: float | None) -> str:
    return "n/a" if share is None else f"{share:.1%}"


@flow(name="banmian-ingest", persist_result=False, log_prints=False,
      description="Raw newspaper page text → articles in the banmian warehouse (Parquet + DuckDB).")
def ingest(source: str = str(SAMPLE_DIR), warehouse: str = "warehouse", full_refresh: bool = False,
           batch_size: Annotated[int, Field(ge=1, le=100_000)] = 200, wait: bool = True) -> RunSummary:
    """Ingest the ``*.txt`` pages under ``source`` into the warehouse at ``warehouse``.

    ``full_refresh`` re-reads and re-segments every file (and forgets paths
    no longer found); ``wait=False`` fails at once if another run holds the
    warehouse instead of waiting for it.
    """
    logger = get_run_logger()
    started_at = datetime.now(timezone.utc)
    clock = time.perf_counter()
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    run_id = ids.new_run_id(started_at)

    try:
        files, rejects = discover(source)
    except SourceNotFound as exc:
        logger.error("%s", exc)
        raise
    pages_found = len(files) + len(rejects)
    story("Run %s: found %d page files in %s%s.", run_id, len(files), source,
          f" and {len(rejects)} entries that cannot be pages" if rejects else "")

    coverage = [PageCoverage(r.path, "rejected", reason=r.reason) for r in rejects]
    if Path(warehouse).exists() and not Path(warehouse).is_dir():
        raise NotADirectoryError(f"Warehouse {warehouse} exists and is not a directory.")
    wh = Warehouse(warehouse)
    with wh.writer(wait=wait, on_wait=lambda msg: story("Warehouse busy: %s", msg)) as writer:
        to_read, unchanged = split_unchanged(files, writer.known_files(), full_refresh)
        if unchanged:
            story("Skipping %d unchanged files (same size and mtime as when loaded).", len(unchanged))
        skip_ids = frozenset() if full_refresh else frozenset(writer.loaded_page_ids())

        done = BatchResult()
        for first, last, batch in batches(to_read, batch_size):
            read = read_batch(batch, first, last)
            readable: list[tuple[RawFile, bytes]] = []
            for raw, data in read:
                if isinstance(data, Reject):
                    rejects.append(data)
                    coverage.append(PageCoverage(raw.path, "rejected", reason=data.reason))
                else:
                    readable.append((raw, data))
            state = segment_batch(readable, first, last, skip_ids, return_state=True)
            if state.is_completed():
                done.extend(state.result())
            else:  # visible as a failed task in the UI; the other batches still load
                error = _state_error(state)
                logger.error("Batch of pages %d-%d failed (%s); its files are recorded as rejects.",
                             first, last, error, extra=STORY)
                done.extend(BatchResult.failed(readable, error))
        rejects += done.rejects
        coverage += done.coverage

        hard_rejects = rejects_to_commit(rejects)
        run = RunInfo(run_id=run_id, started_at=started_at, source=str(source),
                      pages_found=pages_found,
                      partial=bool(hard_rejects))
        story("Committing %d new pages%s to %s.", len(done.pages),
              f" (and the paths of {len(done.known)} whose content is already loaded)" if done.known else "",
              wh.root)
        summary = load_run(writer, run, pages_to_commit(done), unchanged, hard_rejects, full_refresh)

    warnings = [r for r in rejects if r.reason in WARNING_REASONS]
    publish_summary(summary, coverage, rejects, str(source), len(unchanged))
    share = residue_share(coverage)
    logger.info("Loaded %d pages (%d skipped, %d replaced): %d articles, residue %s of the text, "
                "%d rejects%s.", summary.pages_loaded, summary.pages_skipped, summary.pages_replaced,
                summary.articles, _fmt_share(share), summary.rejects,
                f", {len(warnings)} pages without articles" if warnings else "",
                extra={**STORY, "residue_share": share, "pages_without_articles": len(warnings)})
    if hard_rejects:
        story("Rejects by reason: %s.", ", ".join(f"{n} {reason}" for reason, n in count_reasons(hard_rejects)))
    for r in hard_rejects[:MAX_REJECTS_TOLD]:
        logger.info("  %s: %s (%s)", r.path, r.detail, r.reason, extra=STORY)
    if len(hard_rejects) > MAX_REJECTS_TOLD:
        story("  ... and %d more: query the rejects table for run %s.",
              len(hard_rejects) - MAX_REJECTS_TOLD, run_id)
    for r in warnings[:MAX_REJECTS_TOLD]:
        logger.warning("  %s: %s", r.path, r.detail, extra=STORY)
    story("Run %s %s in %.1f s.", run_id, summary.status, time.perf_counter() - clock)
    return summary
