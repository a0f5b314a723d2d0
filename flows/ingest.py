"""The ``banmian-ingest`` flow: page files in, one atomic warehouse commit out.

    discover → skip unchanged (size+mtime) → read → decode+segment (in batches)
             → commit (one transaction) → write and link the report → publish summary artifacts

Bad input never stops a run: every file that cannot become a page is a
Reject with a reason, recorded in the warehouse and the run summary, and the
run's status is ``partial``. A page that yields no article is loaded (its
text kept as residue) and flagged the same way, as a ``no_articles`` reject.
A report that cannot be drawn after the commit is said in the run's summary
(``RunSummary.report_error``, and its ``runs`` row's ``report_error``) and makes ``banmian run`` exit 1 as well.
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
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Final
from uuid import UUID

from prefect import flow, get_run_logger
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run as runtime_flow_run
from prefect.states import State
from pydantic import Field

from banmian import SAMPLE_DIR
from banmian.flows.defaults import BATCH_SIZE, FLOW_NAME
from banmian.flows.parallel import batches_in_flight, dask_batch_size, dask_slots, runs_on_dask
from banmian.flows.retention import keep_runs_setting, prune_flow_runs
from banmian.flows.timings import add_timings, timed
from banmian.report_flow import publish_report
from banmian.tasks.ingest.dating import compile_path_pattern
from banmian.tasks.ingest.discover import SourceNotFound, discover
from banmian.tasks.model import RawFile, Reject, RejectReason, RunInfo, RunSummary
from banmian.tasks.prefect_tasks import (
    STORY,
    BatchResult,
    PageCoverage,
    batches,
    format_share,
    load_run,
    publish_summary,
    read_batch,
    segment_batch,
    story,
)
from banmian.tasks.store import ids
from banmian.tasks.store.staging import clear_staging, run_staging_dir, stage_run, stage_skip_ids
from banmian.tasks.store.warehouse import Warehouse, WarehouseWriter
from banmian.tasks.text.model_files import models_version

#: Rejects told one by one in the run's story; the rest are counted (all are in the warehouse).
MAX_REJECTS_TOLD: Final = 20
_GLOB: Final = re.compile(r"[*?\[]")
_UNSAFE: Final = re.compile(r"[^\w.-]+")


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


def count_reasons(rejects: Iterable[Reject]) -> list[tuple[RejectReason, int]]:
    """``(reason, count)``, most frequent first, for a one-line account of a run's rejects."""
    return Counter(r.reason for r in rejects).most_common()


def _state_error(state: State[BatchResult]) -> str:
    """The one-line error of a failed task state."""
    try:
        state.result()
    except Exception as exc:  # noqa: BLE001 - any task error is reported, not raised
        return f"{type(exc).__name__}: {exc}"
    return state.message or "failed"


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


# ---------------------------------------------------------------------------
# The steps of a run
# ---------------------------------------------------------------------------

def _discover(source: str, run_id: str) -> tuple[list[RawFile], BatchResult]:
    """The page files under ``source``, and the entries that cannot be pages (as rejects)."""
    try:
        files, rejects = discover(source)
    except SourceNotFound as exc:
        get_run_logger().error("%s", exc)
        raise
    get_run_logger().info("Run %s: found %d page files in %s%s.", run_id, len(files), source,
                          f" and {len(rejects)} entries that cannot be pages" if rejects else "",
                          extra={**STORY, "run_id": run_id})  # banmian run asks the warehouse for it if stopped
    return files, BatchResult(rejects=rejects,
                              coverage=[PageCoverage(r.path, "rejected", reason=r.reason) for r in rejects])


def _warehouse(path: str) -> Warehouse:
    if Path(path).exists() and not Path(path).is_dir():
        raise NotADirectoryError(f"Warehouse {path} exists and is not a directory.")
    return Warehouse(path)


@dataclass
class _Batch:
    """One batch between its read and its segmentation's end: what it is, and what became of it so far."""

    first: int
    last: int
    readable: list[tuple[RawFile, bytes]]
    out: BatchResult


def _read(batch: list[RawFile], first: int, last: int) -> _Batch:
    """Read a batch (retried on transient errors); unreadable files become rejects."""
    out = BatchResult()
    readable: list[tuple[RawFile, bytes]] = []
    with timed(out.seconds, "read"):
        read = read_batch(batch, first, last)
    for raw, data in read:
        if isinstance(data, Reject):
            out.rejects.append(data)
            out.coverage.append(PageCoverage(raw.path, "rejected", reason=data.reason))
        else:
            readable.append((raw, data))
    return _Batch(first, last, readable, out)


def _segmented(batch: _Batch, state: State[BatchResult]) -> BatchResult:
    """What the batch's segmentation task made of it; a failed task makes its files rejects."""
    out = batch.out
    if state.is_completed():
        out.extend(state.result())
    else:  # visible as a failed task in the UI; the other batches still load
        error = _state_error(state)
        get_run_logger().error("Batch of pages %d-%d failed (%s); its files are recorded as rejects.",
                               batch.first, batch.last, error, extra=STORY)
        out.extend(BatchResult.failed(batch.readable, error))
    return out


def _segment_in_turn(files: list[RawFile], batch_size: int, skip_ids: str, staging: str,
                     path_pattern: str | None = None) -> BatchResult:
    """Read, decode, segment and stage each batch in this process, one after another."""
    done = BatchResult()
    for first, last, files_of_batch in batches(files, batch_size):
        batch = _read(files_of_batch, first, last)
        state = segment_batch(batch.readable, first, last, skip_ids, staging, path_pattern, return_state=True)
        done.extend(_segmented(batch, state))
    return done


def _segment_on_dask(files: list[RawFile], batch_size: int, skip_ids: str, staging: str,
                     path_pattern: str | None = None) -> BatchResult:
    """Read each batch here and segment it on a Dask worker, a few batches per worker at a time
    (``batches_in_flight``), so the pages the flow holds do not grow with the run.

    Batches are made smaller than ``batch_size`` when that would leave workers idle (``dask_batch_size``).

    Results are gathered in batch order, so the run is the same as :func:`_segment_in_turn`'s.
    """
    done = BatchResult()
    pending: deque[tuple[_Batch, PrefectFuture[BatchResult]]] = deque()
    slots = dask_slots()
    in_flight = batches_in_flight(slots)
    for first, last, files_of_batch in batches(files, dask_batch_size(batch_size, len(files), slots)):
        batch = _read(files_of_batch, first, last)
        pending.append((batch, segment_batch.submit(batch.readable, first, last, skip_ids, staging, path_pattern)))
        while len(pending) >= in_flight or (pending and last == len(files)):
            oldest, future = pending.popleft()
            future.wait()
            done.extend(_segmented(oldest, future.state))
    return done


def _load(writer: WarehouseWriter, run: RunInfo, files: list[RawFile], done: BatchResult,
          full_refresh: bool, batch_size: int, path_pattern: str | None = None) -> tuple[RunSummary, list[RawFile]]:
    """Everything under the writer lock: skip unchanged files, read and segment the rest, commit.

    Returns the run's summary and the files skipped as unchanged; ``done``
    gathers what the batches made of the others.
    """
    to_read, unchanged = split_unchanged(files, writer.known_files(), full_refresh)
    if unchanged:
        story("Skipping %d unchanged files (same size and mtime as when loaded).", len(unchanged))
    staging = run_staging_dir(writer.root, run.run_id)
    try:
        skip_ids = stage_skip_ids(staging, () if full_refresh else writer.loaded_page_ids())
        with timed(done.seconds, "batches_wall"):
            segment = _segment_on_dask if runs_on_dask() else _segment_in_turn
            done.extend(segment(to_read, batch_size, skip_ids, str(staging), path_pattern))
        run.partial = bool(done.rejects)
        segmented, known = sum(p.pages for p in done.staged), sum(p.known for p in done.staged)
        story("Committing %d new pages%s to %s.", segmented,
              f" (and the paths of {known} whose content is already loaded)" if known else "", writer.root)
        with timed(done.seconds, "commit"):
            staged = stage_run(staging, done.staged, unchanged, done.rejects)
            summary = load_run(writer, run, staged, full_refresh)
    finally:
        clear_staging(writer.root)
    return summary, unchanged


def _tell_outcome(summary: RunSummary, rejects: list[Reject], clock: float) -> None:
    """The end of the run's story: the numbers, the rejects by reason and one by one, the time."""
    warnings = [r for r in rejects if r.is_warning]
    hard_rejects = [r for r in rejects if not r.is_warning]
    get_run_logger().info("Loaded %d pages (%d skipped, %d replaced): %d articles, residue %s of the text, "
                "%d rejects%s.", summary.pages_loaded, summary.pages_skipped, summary.pages_replaced,
                summary.articles, format_share(summary.residue_share), summary.rejects,
                f" ({len(warnings)} of them pages loaded without articles)" if warnings else "",
                extra={**STORY, "residue_share": summary.residue_share, "pages_without_articles": len(warnings)})
    if rejects:
        story("Rejects by reason: %s.", ", ".join(f"{n} {reason}" for reason, n in count_reasons(rejects)))
    _tell_rejects(hard_rejects, warnings, summary.run_id)
    if summary.report_error:
        get_run_logger().warning("The report was not written: %s", summary.report_error, extra=STORY)
    story("Run %s %s in %.1f s.", summary.run_id, summary.status, time.perf_counter() - clock)


def _tell_rejects(hard_rejects: list[Reject], warnings: list[Reject], run_id: str) -> None:
    """Each reject (the first ``MAX_REJECTS_TOLD``) with its reason, then each page loaded without articles."""
    logger = get_run_logger()
    for r in hard_rejects[:MAX_REJECTS_TOLD]:
        logger.info("  %s: %s (%s)", r.path, r.detail, r.reason, extra=STORY)
    if len(hard_rejects) > MAX_REJECTS_TOLD:
        story("  ... and %d more: query the rejects table for run %s.", len(hard_rejects) - MAX_REJECTS_TOLD, run_id)
    for r in warnings[:MAX_REJECTS_TOLD]:
        logger.warning("  %s: %s", r.path, r.detail, extra=STORY)


@flow(name=FLOW_NAME, flow_run_name=flow_run_name, persist_result=False, log_prints=False,
      description="Raw newspaper page text → articles in the banmian warehouse (Parquet + DuckDB).")
def ingest(source: str = str(SAMPLE_DIR), warehouse: str = "warehouse", full_refresh: bool = False,
           batch_size: Annotated[int, Field(ge=1, le=100_000)] = BATCH_SIZE, wait: bool = True,
           keep_runs: Annotated[int | None, Field(ge=0)] = None, path_pattern: str | None = None) -> RunSummary:
    """Ingest the ``*.txt`` pages under ``source`` into the warehouse at ``warehouse``.

    ``full_refresh`` re-reads and re-segments every file (and forgets paths
    no longer found); ``wait=False`` fails at once if another run holds the
    warehouse instead of waiting for it. ``keep_runs``: Prefect keeps the
    newest N runs of this flow (this one included) and older ones are
    deleted at the end; None reads ``$BANMIAN_KEEP_RUNS`` (default 100), 0
    keeps all. ``path_pattern``: a regular expression whose named groups (year, month, day, page,
    paper) read a page's issue from its path when its furniture prints none (``tasks.ingest.dating``).
    """
    if path_pattern:
        compile_path_pattern(path_pattern)  # a bad pattern fails the run before it takes the warehouse
    clock = time.perf_counter()
    started_at = datetime.now(timezone.utc)
    run_id = ids.new_run_id(started_at)
    seconds: dict[str, float] = {}
    with timed(seconds, "discover"):
        files, done = _discover(source, run_id)
    done.seconds.update(seconds)
    run = RunInfo(run_id=run_id, started_at=started_at, source=str(source), pages_found=len(files) + len(done.rejects),
                  models=models_version())
    wh = _warehouse(warehouse)
    with wh.writer(wait=wait, on_wait=lambda msg: story("Warehouse busy: %s", msg)) as writer:
        summary, unchanged = _load(writer, run, files, done, full_refresh, batch_size, path_pattern)
    with timed(done.seconds, "report"):  # first, so that the summary says if the report failed
        summary.report_error = publish_report(summary)
    with timed(done.seconds, "publish"):
        publish_summary(summary, done.coverage, done.rejects, str(source), len(unchanged))
    _tell_outcome(summary, done.rejects, clock)
    with timed(done.seconds, "prune"):
        prune_prefect_history(keep_runs)
    add_timings({**done.seconds, "flow": time.perf_counter() - clock})
    return summary
