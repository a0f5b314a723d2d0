"""Prefect tasks of the ingest flow: thin, batched wrappers over pure functions.

One task run per batch of pages (not per page or article): a task run costs
a few API calls, so thousands of per-page runs would make orchestration
slower than the work itself and bury the UI. Each wrapper only adds what
Prefect is for: a readable name ("read pages 1-200"), retries where a retry
can help, and logs/artifacts. The logic is in the plain functions next to
them, which the tests and ``banmian segment`` can call without Prefect.

Results are never persisted (``persist_result=False``) and never cached
(``NO_CACHE``): page bytes and texts stay in memory, and hashing megabytes
of inputs for cache keys would be pure waste.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal, TypeVar

from prefect import Task, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import TaskRun
from prefect.runtime import task_run as runtime_task_run
from prefect.states import State
from prefect.tasks import exponential_backoff

from banmian.tasks.ingest.dating import compile_path_pattern, dated
from banmian.tasks.ingest.decode import decode_page
from banmian.tasks.ingest.discover import is_transient, read_bytes, reject_for_read_error
from banmian.tasks.model import DecodedPage, PageResult, RawFile, Reject, RejectReason, RunInfo, RunSummary
from banmian.tasks.store.coverage import residue_share, residue_visible_chars, visible_chars
from banmian.tasks.store import records
from banmian.tasks.store.faults import hold_point
from banmian.tasks.store.staging import StagedPart, StagedRun, read_staged, stage_pages, staged_run_id
from banmian.tasks.store.writer import WarehouseWriter
from banmian.tasks.text.budget import PAGE_TIME_BUDGET_SECONDS, OverBudget, page_time_budget

SUMMARY_ARTIFACT_KEY: Final = "banmian-run-summary"
COVERAGE_ARTIFACT_KEY: Final = "banmian-page-coverage"
#: Retries of a batch read after a transient OS error (EIO, ESTALE on a network share): two cover a brief outage.
READ_RETRIES: Final = 2
#: Coverage rows published at most (the artifact is for eyes, the warehouse has everything).
MAX_COVERAGE_ROWS: Final = 2000
#: Marks log records that tell the run's story, so ``banmian run`` can show just those.
STORY: Final = {"banmian_story": True}

#: What became of one file read by a run: stored, content already stored (its path recorded),
#: rejected, or stored although no article was found in it.
CoverageStatus = Literal["loaded", "known_content", "rejected", "no_articles"]
#: The statuses of files this run segmented: only they have a residue share.
SEGMENTED: Final[frozenset[CoverageStatus]] = frozenset({"loaded", "no_articles"})

T = TypeVar("T")


class TransientReadError(OSError):
    """Some files of a batch failed with an error worth retrying (e.g. EIO on a network share)."""


@dataclass(slots=True)
class PageCoverage:
    """One line of the coverage table: what became of one input file."""

    path: str
    status: CoverageStatus
    encoding: str | None = None
    chars: int = 0              # visible characters of the page text (``coverage.visible_chars``)
    articles: int = 0
    residue_chars: int = 0      # visible characters kept out of articles
    reason: RejectReason | None = None

    @property
    def residue_share(self) -> float | None:
        """Share of the page's text kept out of every article (``banmian.tasks.store.coverage``).

        None for a file this run did not segment (rejected, or content already loaded).
        """
        return residue_share(self.residue_chars, self.chars) if self.status in SEGMENTED else None


@dataclass(slots=True)
class BatchResult:
    """What ``decode_and_segment`` makes of one batch of files; ``segment_batch`` returns it staged
    (``pages`` and ``known`` moved to disk, ``staged`` naming the file: see ``banmian.tasks.store.staging``)."""

    pages: list[tuple[DecodedPage, PageResult]] = field(default_factory=list)
    known: list[DecodedPage] = field(default_factory=list)   # content already in the warehouse
    rejects: list[Reject] = field(default_factory=list)
    coverage: list[PageCoverage] = field(default_factory=list)
    #: Seconds spent decoding and segmenting (``banmian.flows.timings``; summed over batches).
    seconds: dict[str, float] = field(default_factory=dict)
    staged: list[StagedPart] = field(default_factory=list)

    def add(self, page: DecodedPage | Reject, result: PageResult | Reject | None) -> None:
        """One page's outcome: rejected, already loaded (``result`` None), failed, or loaded."""
        if isinstance(page, Reject):
            self.rejects.append(page)
            self.coverage.append(PageCoverage(page.path, "rejected", reason=page.reason))
            return
        chars = visible_chars(page.text)
        if result is None:
            self.known.append(page)
            self.coverage.append(PageCoverage(page.path, "known_content", page.encoding, chars))
            return
        if isinstance(result, Reject):
            self.rejects.append(result)
            self.coverage.append(PageCoverage(page.path, "rejected", page.encoding, chars, reason=result.reason))
            return
        self.pages.append((page, result))
        row = PageCoverage(page.path, "loaded", page.encoding, chars, len(result.articles),
                           residue_visible_chars(result.residue))
        if not result.articles:
            row.status, row.reason = "no_articles", "no_articles"
            self.rejects.append(Reject(page.path, "no_articles",
                                       "Page was loaded, but segmentation found no article in it; "
                                       "all its text is kept as residue.", page.size))
        self.coverage.append(row)

    def extend(self, other: BatchResult) -> None:
        self.pages += other.pages
        self.known += other.known
        self.staged += other.staged
        self.rejects += other.rejects
        self.coverage += other.coverage
        for phase, value in other.seconds.items():
            self.seconds[phase] = self.seconds.get(phase, 0.0) + value

    def took(self, phase: str, since: float) -> float:
        """Add the time from ``since`` (a ``time.perf_counter()``) to now to ``phase``; returns now."""
        now = time.perf_counter()
        self.seconds[phase] = self.seconds.get(phase, 0.0) + now - since
        return now

    def staged_in(self, folder: str, first: int, last: int) -> BatchResult:
        """This result with its pages written to ``folder`` and replaced by a handle (a small return value).

        Also stages its pages' stored rows for the folder's run (``rows`` seconds): made here, in the
        batch, rather than in the commit, which runs alone.
        """
        run_id = staged_run_id(folder)
        clock = time.perf_counter()
        rows = records.page_tables(self.pages, run_id)
        clock = self.took("rows", clock)
        part = stage_pages(folder, first, last, self.pages, self.known, rows, run_id)
        self.took("stage", clock)
        return BatchResult(rejects=self.rejects, coverage=self.coverage, seconds=self.seconds, staged=[part])

    @classmethod
    def failed(cls, items: list[tuple[RawFile, bytes]], error: str) -> BatchResult:
        """A batch whose task failed: each of its files becomes a reject, so the run goes on."""
        rejects = [Reject(raw.path, "batch_failed", f"its batch failed to segment: {error}", raw.size)
                   for raw, _ in items]
        return cls(rejects=rejects, coverage=[PageCoverage(r.path, "rejected", reason=r.reason) for r in rejects])


# ---------------------------------------------------------------------------
# Pure helpers
# ---------------------------------------------------------------------------

def batches(items: Sequence[T], size: int) -> list[tuple[int, int, list[T]]]:
    """``(first, last, items)`` chunks with 1-based, inclusive positions, for names like "pages 1–200"."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    return [(i + 1, min(i + size, len(items)), list(items[i:i + size])) for i in range(0, len(items), size)]


def segment_safely(page: DecodedPage) -> PageResult | Reject:
    """``segment_decoded`` within the page's time budget, except that a crash on one odd page, or a page
    over its budget, becomes a Reject instead of ending (or stalling) the run."""
    from banmian.tasks.ingest.pages import segment_decoded  # imported here: see pages_of_file

    try:
        with page_time_budget():
            return segment_decoded(page)
    except OverBudget:
        return Reject(page.path, "too_complex",
                      f"Segmentation took more than the {PAGE_TIME_BUDGET_SECONDS:.0f} s a page may take "
                      "(PAGE_TIME_BUDGET_SECONDS; real pages take well under a second), so it is not segmented.",
                      page.size)
    except Exception as exc:  # noqa: BLE001 - any bug on any page must not stop the run
        return Reject(page.path, "segment_error",
                      f"Segmentation failed on this page: {type(exc).__name__}: {exc}"[:500].rstrip(".") + ".",
                      page.size)


def decode_and_segment(items: Sequence[tuple[RawFile, bytes]], skip_page_ids: frozenset[str] | set[str],
                       path_pattern: str | None = None) -> BatchResult:
    """Decode and segment one batch of read files (pure): text pages and the pages of PDFs alike.

    Pages whose content is in ``skip_page_ids`` are decoded (to learn their
    identity) but not segmented: they are returned in ``known``. A page that
    yields no article is still loaded, with all its text as residue, and also
    reported as a ``no_articles`` reject, a warning that someone should look. Each segmented page gets
    its issue date and page number from its furniture or its path (``--path-pattern``: ``path_pattern``).
    """
    out = BatchResult()
    pattern = compile_path_pattern(path_pattern) if path_pattern else None
    for raw, data in items:
        for page, result in pages_of_file(raw, data, skip_page_ids, out.took):
            out.add(page, dated(page, result, pattern))
    return out


def pages_of_file(raw: RawFile, data: bytes, skip_page_ids: frozenset[str] | set[str],
                  took: Callable[[str, float], float] = lambda phase, since: time.perf_counter()) -> Iterator[
        tuple[DecodedPage | Reject, PageResult | Reject | None]]:
    """``(page, result)`` for each page of a file (a PDF may hold several); result None: already loaded.

    ``took(phase, since)`` is told the time spent decoding and segmenting (``BatchResult.took``); a PDF is
    read and laid out in one pass, counted as segmentation.
    """
    # The segmenters are imported where pages are segmented (a worker; its preload imports them first),
    # not by the flow's process, which with workers never segments (issue 19: ~1 s of a no-op run).
    from banmian.tasks.pdf.pages import is_pdf, pdf_pages

    clock = time.perf_counter()
    if is_pdf(raw.path, data):
        yield from pdf_pages(raw.path, data, raw.mtime, skip_page_ids)
        took("segment", clock)
        return
    page = decode_page(raw.path, data, raw.mtime)
    clock = took("decode", clock)
    if isinstance(page, Reject) or page.sha256 in skip_page_ids:
        yield page, None
        return
    result = segment_safely(page)
    took("segment", clock)
    yield page, result


def format_share(share: float | None) -> str:
    """A residue share as the artifacts and the run's log show it.

    >>> format_share(0.0412), format_share(None)
    ('4.1%', 'n/a')
    """
    return "n/a" if share is None else f"{share:.1%}"


def summary_markdown(summary: RunSummary, rejects: Sequence[Reject], source: str, unchanged: int) -> str:
    """The run summary artifact: the numbers first, then a report that failed, then every reject with its reason."""
    share = format_share(summary.residue_share)
    lines = [
        f"# banmian run `{summary.run_id}`: {summary.status}",
        "",
        f"Source: `{source}`  ",
        f"Warehouse: `{summary.warehouse}`",
        "",
        "| pages loaded | skipped | replaced | articles | residue (share of the loaded pages' text) "
        "| rejects | time |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {summary.pages_loaded} | {summary.pages_skipped} | {summary.pages_replaced} | {summary.articles} "
        f"| {summary.residue_chars} chars ({share}) | {summary.rejects} | {summary.duration_s:.1f} s |",
        "",
        f"{unchanged} files were skipped without reading them (same size and mtime as last time).",
    ]
    if summary.report_error:
        lines += ["", "## The report was not written", "", summary.report_error]
    if rejects:
        lines += ["", "## Rejects", "", "| file | reason | detail |", "|---|---|---|"]
        for r in rejects[:MAX_COVERAGE_ROWS]:
            lines.append(f"| `{_md_cell(r.path)}` | {r.reason} | {_md_cell(r.detail)} |")
        if len(rejects) > MAX_COVERAGE_ROWS:
            lines.append(f"| … | | {len(rejects) - MAX_COVERAGE_ROWS} more in the `rejects` table |")
    return "\n".join(lines) + "\n"


def _worst_first(c: PageCoverage) -> tuple[int, float, str]:
    """Rejected and article-less files first, then the highest residue share."""
    share = c.residue_share
    return (0 if c.status in ("rejected", "no_articles") else 1, -(share or 0.0), c.path)


def coverage_table(coverage: Sequence[PageCoverage]) -> list[dict[str, str | int]]:
    """Rows of the page coverage artifact, worst first (those are the pages to look at)."""
    return [{
        "file": c.path, "status": c.status, "reason": c.reason or "", "encoding": c.encoding or "",
        "chars": c.chars, "articles": c.articles, "residue_chars": c.residue_chars,
        "residue_share": "" if c.residue_share is None else format_share(c.residue_share),
    } for c in sorted(coverage, key=_worst_first)[:MAX_COVERAGE_ROWS]]


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def story(message: str, *args: object) -> None:
    """Log one line of the run's story (INFO, to the Prefect API and, in ``banmian run``, the terminal)."""
    get_run_logger().info(message, *args, extra=STORY)


# ---------------------------------------------------------------------------
# Tasks
# ---------------------------------------------------------------------------

@task(name="read_batch", task_run_name="read pages {first}-{last}", retries=READ_RETRIES,
      retry_delay_seconds=exponential_backoff(backoff_factor=1), retry_jitter_factor=0.5,
      cache_policy=NO_CACHE, persist_result=False)
def read_batch(files: list[RawFile], first: int, last: int) -> list[tuple[RawFile, bytes | Reject]]:
    """Read a batch of files. Transient OS errors (EIO, ESTALE, ...) fail the task so Prefect retries it;
    on the last attempt, and for permanent errors (deleted, permission), the file becomes a Reject."""
    out: list[tuple[RawFile, bytes | Reject]] = []
    transient: list[str] = []
    for f in files:
        try:
            out.append((f, read_bytes(f.path)))
        except OSError as exc:
            if is_transient(exc) and runtime_task_run.run_count <= READ_RETRIES:
                transient.append(f"{f.path}: {exc}")
            out.append((f, reject_for_read_error(f, exc)))
    if transient:
        raise TransientReadError(f"{len(transient)} files failed with a transient error, retrying the batch; "
                                 f"first: {transient[0]}")
    return out


@task(name="segment_batch", task_run_name="segment pages {first}-{last}",
      cache_policy=NO_CACHE, persist_result=False)
def segment_batch(items: list[tuple[RawFile, bytes]], first: int, last: int,
                  skip_ids_path: str, staging: str, path_pattern: str | None = None) -> BatchResult:
    """Decode and segment a batch, and stage its pages in ``staging`` (the result holds only their handle).

    ``skip_ids_path``: the staged ids of the pages already stored. Pure work, so no retries: the same
    input gives the same failure. ``path_pattern``: ``banmian run --path-pattern`` (``tasks.ingest.dating``).
    """
    started, cpu = time.perf_counter(), time.thread_time()
    result = decode_and_segment(items, read_staged(skip_ids_path), path_pattern)
    # CPU seconds of this thread: unlike the wall seconds of "decode" and "segment", not inflated
    # when more processes than cores share the machine (banmian bench tells the two apart).
    result.seconds["decode_segment_cpu"] = time.thread_time() - cpu
    articles = sum(len(r.articles) for _, r in result.pages)
    story("Pages %d–%d: %d segmented into %d articles, %d already loaded, %d rejected (%.1f s).",
          first, last, len(result.pages), articles, len(result.known),
          sum(1 for r in result.rejects if r.reason != "no_articles"), time.perf_counter() - started)
    for r in result.rejects:
        get_run_logger().warning("%s: %s (%s)", r.path, r.detail, r.reason)
    hold_point("after_segmented_batch")
    return result.staged_in(staging, first, last)


def _retry_only_transient_io(task: Task[..., RunSummary], task_run: TaskRun, state: State[RunSummary]) -> bool:
    """Retry a commit only after an OS-level error: the commit is atomic, so a failed one left nothing
    behind, while a schema or logic error would fail again the same way."""
    try:
        state.result()
    except OSError as exc:
        return is_transient(exc)
    except Exception:  # noqa: BLE001
        return False
    return False


@task(name="load_run", task_run_name="load run {run.run_id}", retries=1, retry_delay_seconds=2,
      retry_condition_fn=_retry_only_transient_io, cache_policy=NO_CACHE, persist_result=False)
def load_run(writer: WarehouseWriter, run: RunInfo, staged: StagedRun, full_refresh: bool = False) -> RunSummary:
    """Commit the run's staged batches in one atomic step, reading them one at a time (``WarehouseWriter.commit_staged``)."""
    return writer.commit_staged(run, staged, full_refresh=full_refresh)


@task(name="publish_summary", task_run_name="publish summary of run {summary.run_id}",
      cache_policy=NO_CACHE, persist_result=False)
def publish_summary(summary: RunSummary, coverage: list[PageCoverage], rejects: list[Reject],
                    source: str, unchanged: int) -> None:
    """Publish the run summary (markdown) and page coverage (table) under stable keys,
    so the UI's Artifacts page shows each as one series across runs."""
    create_markdown_artifact(
        markdown=summary_markdown(summary, rejects, source, unchanged),
        key=SUMMARY_ARTIFACT_KEY,
        description=f"banmian run {summary.run_id}: {summary.status}"
                    f"{'; the report was not written' if summary.report_error else ''}",
    )
    create_table_artifact(
        table=coverage_table(coverage) or [{"file": "(no page read in this run)"}],
        key=COVERAGE_ARTIFACT_KEY,
        description="What became of each file read in this run, worst first (residue_share: the share "
                    "of the page's visible characters kept out of every article, as in the page_coverage view).",
    )
