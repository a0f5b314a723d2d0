"""The ``banmian-ingest`` flow: page files in, one atomic warehouse commit out.

    discover → skip unchanged (size+mtime) → read → decode+segment (in batches)
             → commit (one transaction) → publish summary artifacts

Bad input never stops a run: every file that cannot become a page is a
Reject with a reason, recorded in the warehouse and the run summary, and the
run's status is ``partial``. A page that yields no article is loaded (its
text kept as residue) and flagged the same way, as a ``no_articles`` reject.
Only a missing source, a busy warehouse with ``wait=False`` or a broken
warehouse fail the flow.

Each run is named ``ingest-<source>-<UTC time>`` in Prefect, and ends by
pruning Prefect's records of older runs (``banmian.flows.retention``).

Import :mod:`banmian.prefect_env` (and call ``configure``) before this module
when running outside ``banmian run``, so Prefect's home is the project's.
"""

from __future__ import annotations

import os
import re
import time
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Any
from uuid import UUID

from prefect import flow, get_run_logger
from prefect.runtime import flow_run as runtime_flow_run
from pydantic import Field

from banmian import SAMPLE_DIR
from banmian.flows.retention import keep_runs_setting, prune_flow_runs
from banmian.tasks.store import ids
from banmian.tasks.ingest.discover import SourceNotFound, discover
from banmian.tasks.model import DecodedPage, PageResult, RawFile, Reject
from banmian.tasks.prefect_tasks import (
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
from banmian.tasks.store.warehouse import RunInfo, RunSummary, Warehouse

#: Rejects told one by one in the run's story; the rest are counted (all are in the warehouse).
MAX_REJECTS_TOLD = 20
_GLOB = re.compile(r"[*?\[]")
_UNSAFE = re.compile(r"[^\w.-]+")


def source_label(source: str) -> str:
    """A short name for what a run reads: the directory's name, a glob's fixed directory, a file's stem."""
    parts = Path(os.path.abspath(os.path.expanduser(str(source)))).parts
    for i, part in enumerate(parts):
        if _GLOB.search(part):
            parts = parts[:i]
            break
    name = parts[-1] if parts else ""
    if name.endswith(".txt"):
        name = name[:-len(".txt")]
    label = _UNSAFE.sub("_", name).strip("_.")[:40]
    return label or "root"


def flow_run_name() -> str:
    """``ingest-<source label>-<UTC time>``, e.g. ``ingest-sample-20250101T060000Z``, for the Prefect UI."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    try:
        params = runtime_flow_run.parameters or {}
        return f"ingest-{source_label(str(params.get('source', SAMPLE_DIR)))}-{stamp}"
    except Exception:  # noqa: BLE001 - a name must never stop a run
        return f"ingest-{stamp}"


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


def prune_prefect_history(keep_runs: int | None) -> None:
    """Delete Prefect's records of ingest runs beyond the newest ``keep_runs`` (see ``banmian.flows.retention``).

    Housekeeping after the run is committed: any failure is one warning line, never a failed run.
    """
    logger = get_run_logger()
    try:
        keep = keep_runs_setting(keep_runs)
        current = runtime_flow_run.id
        result = prune_flow_runs(keep, current_run_id=UUID(current) if current else None)
    except Exception as exc:  # noqa: BLE001 - pruning must never fail the run
        logger.warning("Could not prune Prefect's records of old runs (the run itself is fine): %s: %s",
                       type(exc).__name__, exc, extra=STORY)
        return
    if result.flow_runs_deleted:
        n = result.flow_runs_deleted
        story("Pruned Prefect's history: deleted %d old flow run%s (with %s task runs, logs and %d artifacts), "
              "keeping the newest %d%s.", n, "" if n == 1 else "s", "its" if n == 1 else "their",
              result.artifacts_deleted, keep, "; more next time" if result.more_to_delete else "")
    if result.logs_left:
        logger.warning("Prefect had not yet deleted %d log lines of the pruned runs; its server removes "
                       "such leftovers later.", result.logs_left, extra=STORY)


@flow(name="banmian-ingest", flow_run_name=flow_run_name, persist_result=False, log_prints=False,
      description="Raw newspaper page text → articles in the banmian warehouse (Parquet + DuckDB).")
def ingest(source: str = str(SAMPLE_DIR), warehouse: str = "warehouse", full_refresh: bool = False,
           batch_size: Annotated[int, Field(ge=1, le=100_000)] = 200, wait: bool = True,
           keep_runs: Annotated[int | None, Field(ge=0)] = None) -> RunSummary:
    """Ingest the ``*.txt`` pages under ``source`` into the warehouse at ``warehouse``.

    ``full_refresh`` re-reads and re-segments every file (and forgets paths
    no longer found); ``wait=False`` fails at once if another run holds the
    warehouse instead of waiting for it. ``keep_runs``: Prefect keeps the
    newest N runs of this flow (this one included) and older ones are
    deleted at the end; None reads ``$BANMIAN_KEEP_RUNS`` (default 100), 0
    keeps all.
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

        run = RunInfo(run_id=run_id, started_at=started_at, source=str(source),
                      pages_found=pages_found,
                      partial=bool(rejects))
        story("Committing %d new pages%s to %s.", len(done.pages),
              f" (and the paths of {len(done.known)} whose content is already loaded)" if done.known else "",
              wh.root)
        summary = load_run(writer, run, pages_to_commit(done), unchanged, rejects, full_refresh)

    warnings = [r for r in rejects if r.is_warning]
    hard_rejects = [r for r in rejects if not r.is_warning]
    publish_summary(summary, coverage, rejects, str(source), len(unchanged))
    share = residue_share(coverage)
    logger.info("Loaded %d pages (%d skipped, %d replaced): %d articles, residue %s of the text, "
                "%d rejects%s.", summary.pages_loaded, summary.pages_skipped, summary.pages_replaced,
                summary.articles, _fmt_share(share), summary.rejects,
                f" ({len(warnings)} of them pages loaded without articles)" if warnings else "",
                extra={**STORY, "residue_share": share, "pages_without_articles": len(warnings)})
    if rejects:
        story("Rejects by reason: %s.", ", ".join(f"{n} {reason}" for reason, n in count_reasons(rejects)))
    for r in hard_rejects[:MAX_REJECTS_TOLD]:
        logger.info("  %s: %s (%s)", r.path, r.detail, r.reason, extra=STORY)
    if len(hard_rejects) > MAX_REJECTS_TOLD:
        story("  ... and %d more: query the rejects table for run %s.",
              len(hard_rejects) - MAX_REJECTS_TOLD, run_id)
    for r in warnings[:MAX_REJECTS_TOLD]:
        logger.warning("  %s: %s", r.path, r.detail, extra=STORY)
    story("Run %s %s in %.1f s.", run_id, summary.status, time.perf_counter() - clock)
    prune_prefect_history(keep_runs)
    return summary
