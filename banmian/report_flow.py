"""The ingest flow's report: ``<warehouse>/report.html`` rewritten after a run that changed the warehouse;
every run publishes a Prefect link artifact to it and a markdown artifact of its headline figures.

A run that loaded, replaced or rejected nothing leaves the report as it was
(it would show the same), unless there is none yet: drawing it costs a few
seconds, which a no-op run should not pay (its figures are a few quick
queries). A report that fails (DuckDB out of memory, its process killed,
a full disk) never fails the run, which is committed before the report is
drawn: :func:`publish_report` returns why, in a sentence that says how to
re-make it, and the flow puts it in the run's summary (``RunSummary.report_error``),
which makes the run partial for the user, as rejects do (exit 1), and in its ``runs`` row
(``runs.report_error``, set by a transaction of its own), which the next report drawn clears.
"""

from __future__ import annotations

import shlex
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Final

from prefect import get_run_logger, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from banmian.report_data import Headline
from banmian.tasks.model import RunSummary

REPORT_ARTIFACT_KEY: Final = "banmian-report"
REPORT_SUMMARY_ARTIFACT_KEY: Final = "banmian-report-summary"


def report_is_stale(summary: RunSummary, report: Path) -> bool:
    """True if the run changed what the report shows, or there is no report yet."""
    changed = summary.pages_loaded + summary.pages_replaced + summary.rejects > 0
    return changed or not report.is_file()


def headline_markdown(headline: Headline, report: Path) -> str:
    """The report's headline figures as the markdown artifact shows them, with where the report is."""
    from banmian.report import headline_pairs

    pairs = headline_pairs(headline)
    return "\n".join([
        "# banmian report",
        "",
        f"[{report}]({report.as_uri()})",
        "",
        "| " + " | ".join(k for k, _ in pairs) + " |",
        "|" + "---:|" * len(pairs),
        "| " + " | ".join(v for _, v in pairs) + " |",
        "",
    ])


def write_report_apart(root: Path, report: Path) -> Headline:
    """``banmian.report.write_report`` in a child process, which gives its memory back when it ends.

    Drawing imports the charting library (altair, with pandas and numpy) and
    reads the warehouse through DuckDB: the flow's process grew ~230 MB by it
    (1,000 pages, 2 workers: 452 -> 568 MB, and no release after), the
    largest step of its peak. A spawned child starts clean whatever the flow
    holds (threads, a Dask cluster); its errors come back as they were raised.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from banmian.report import write_report

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as child:
        return child.submit(write_report, root, report).result()


def report_failure(exc: BaseException, root: Path, report: Path) -> str:
    """Why the report was not written, and the command that re-makes it, in one line.

    A child killed by a signal (the OOM killer, most likely) comes back as a
    ``BrokenProcessPool`` whose message does not say so.
    """
    if isinstance(exc, BrokenProcessPool):
        reason = "its process was killed before it finished (out of memory?)"
    else:
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())  # DuckDB's messages span lines
    remake = f"banmian report --warehouse {shlex.quote(str(root))} --out {shlex.quote(str(report))}"
    return f"{reason}. The run's data is committed; re-make the report with: {remake}"


def note_report_outcome(root: Path, run_id: str, failure: str | None) -> None:
    """Record in ``runs.report_error`` that the report drawn after run ``run_id`` failed (``failure``), or, once
    a report is drawn, that no run's report is missing any more (every earlier error cleared).

    Never fails the run: if the warehouse stays busy or cannot be written, the log says the row was not updated
    (the run's summary says why the report failed all the same).
    """
    from banmian.tasks.store.warehouse import Warehouse

    try:
        if failure is None:
            Warehouse(root).clear_report_errors()
        else:
            Warehouse(root).record_report_error(run_id, failure)
    except Exception as exc:  # noqa: BLE001 - the run and its summary stand without it
        get_run_logger().warning("runs.report_error was not updated for run %s: %s", run_id,
                                 " ".join(f"{type(exc).__name__}: {exc}".split()))


@task(name="publish_report", task_run_name="write and publish the report", cache_policy=NO_CACHE,
      persist_result=False)
def publish_report(summary: RunSummary) -> str | None:
    """Rewrite the warehouse's report.html if the run changed it; publish a link to it and its figures.

    Returns None, or why the report could not be written and how to re-make it (``report_failure``).
    """
    from banmian.report import REPORT_FILE, read_headline

    root = Path(summary.warehouse)
    report = root / REPORT_FILE
    drawn = report_is_stale(summary, report)
    try:
        headline = write_report_apart(root, report) if drawn else read_headline(root)
    except Exception as exc:  # noqa: BLE001 - the run is committed; a report must never fail it
        failure = report_failure(exc, root, report)
        get_run_logger().warning("Could not write the report %s: %s", report, failure)
        note_report_outcome(root, summary.run_id, failure)
        return failure
    if drawn:
        note_report_outcome(root, summary.run_id, None)
    create_link_artifact(link=report.absolute().as_uri(), link_text=str(report), key=REPORT_ARTIFACT_KEY,
                         description="The warehouse's HTML report, as of this run (banmian report).")
    create_markdown_artifact(markdown=headline_markdown(headline, report.absolute()),
                             key=REPORT_SUMMARY_ARTIFACT_KEY,
                             description=f"The report's headline figures after run {summary.run_id}.")
    return None
