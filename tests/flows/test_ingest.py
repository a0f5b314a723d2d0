"""The ingest flow with real Prefect (test harness), real files and a real DuckDB warehouse."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from prefect.client.orchestration import get_client
from tests.support.bad_inputs import EXPECTED, make_bad_inputs
from tests.support.paths import SAMPLE
from tests.support.warehouse_fixtures import FURNITURE_META, FURNITURE_PAGE

from banmian.cli import main
from banmian.flows.defaults import FLOW_NAME
from banmian.flows.ingest import ingest, split_unchanged
from banmian.flows.ingest import models_version as flow_models_version
from banmian.tasks.ingest.discover import SourceNotFound
from banmian.tasks.model import PAGE_META_KEYS, RawFile
from banmian.tasks.prefect_tasks import COVERAGE_ARTIFACT_KEY, SUMMARY_ARTIFACT_KEY, format_share
from banmian.tasks.store.views import load_report_views
from banmian.tasks.store.warehouse import Warehouse, WarehouseBusy
from banmian.tasks.text.segment import models_version

pytestmark = pytest.mark.usefixtures("prefect_harness")


#: How long logs may take to reach the API in the background: a safety net, never reached on a sound run.
LOG_SAFETY_NET_S = 300


def latest_artifact(key: str) -> dict:
    """The newest artifact with ``key``, straight from the API (Artifact.get is broken in Prefect 3.8.8:
    its sync client sends offset=null, which the server refuses with 422)."""
    with get_client(sync_client=True) as client:
        response = client.request("GET", "/artifacts/{key}/latest", path_params={"key": key})
        return response.json()


def _one(wh: Warehouse, sql: str, params: list | None = None) -> object:
    return wh.query(sql, params).column(0).to_pylist()[0]


def test_sample_loads_then_skips(tmp_path: Path) -> None:
    wh_dir = tmp_path / "wh"
    first = ingest(source=str(SAMPLE), warehouse=str(wh_dir))
    assert (first.pages_loaded, first.pages_skipped, first.rejects, first.status) == (2, 0, 0, "complete")
    assert first.articles > 0
    wh = Warehouse(wh_dir)
    assert _one(wh, "SELECT count(*) FROM pages") == 2
    assert _one(wh, "SELECT count(*) FROM articles") == first.articles
    assert _one(wh, "SELECT count(*) FROM articles WHERE confidence BETWEEN 0 AND 1") == first.articles
    assert _one(wh, "SELECT count(*) FROM runs WHERE models = ?", [models_version()]) == 1

    second = ingest(source=str(SAMPLE), warehouse=str(wh_dir))
    assert (second.pages_loaded, second.pages_skipped, second.articles) == (0, 2, 0)
    assert second.status == "complete"
    assert _one(wh, "SELECT count(*) FROM pages") == 2
    assert _one(wh, "SELECT count(*) FROM runs") == 2

    summary = latest_artifact(SUMMARY_ARTIFACT_KEY)
    assert summary["type"] == "markdown" and second.run_id in summary["data"]
    coverage = latest_artifact(COVERAGE_ARTIFACT_KEY)
    assert coverage["type"] == "table"


def test_page_furniture_reaches_the_pages_table_and_every_report(tmp_path: Path) -> None:
    """Date, page number and name, editor and sections, from the page's text through segmentation and the
    warehouse to every view that shows them; and the run's residue share is the page_coverage view's."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "p3.txt").write_text(FURNITURE_PAGE, encoding="utf-8")
    summary = ingest(source=str(src), warehouse=str(tmp_path / "wh"))
    wh = Warehouse(tmp_path / "wh")
    meta = ", ".join(PAGE_META_KEYS)
    assert wh.query(f"SELECT {meta} FROM pages").to_pylist() == [FURNITURE_META]
    assert wh.query(f"SELECT {meta} FROM pages_history").to_pylist() == [FURNITURE_META]
    reports = 0
    for view in load_report_views():
        shown = [c for c in wh.query(f"SELECT * FROM {view.name} LIMIT 0").column_names if c in PAGE_META_KEYS]
        if shown:
            reports += 1
            got = wh.query(f"SELECT DISTINCT {', '.join(shown)} FROM {view.name}").to_pylist()
            if view.name == "articles_to_review" and not got:
                continue  # it lists flagged articles only, and this page's one article is sure
            if view.name == "front_page_stories" and not got:
                continue  # it lists page 1 only, and this is page 3
            assert got == [{c: FURNITURE_META[c] for c in shown}], view.name
    assert reports >= 2  # articles_per_page_kind, page_coverage
    assert wh.query("SELECT name, first_date, last_date FROM output_per_author").to_pylist() == [
        {"name": "李四", "first_date": FURNITURE_META["date"], "last_date": FURNITURE_META["date"]}]

    share = _one(wh, "SELECT residue_share FROM page_coverage")
    assert share is not None and summary.residue_share == pytest.approx(share)
    rows = latest_artifact(COVERAGE_ARTIFACT_KEY)["data"]
    rows = json.loads(rows) if isinstance(rows, str) else rows
    assert [r["residue_share"] for r in rows] == [format_share(share)]
    assert f"({format_share(share)})" in latest_artifact(SUMMARY_ARTIFACT_KEY)["data"]


def test_bad_inputs_finish_partial_with_every_reject_recorded(tmp_path: Path) -> None:
    source = make_bad_inputs(tmp_path / "in")
    summary = ingest(source=str(source), warehouse=str(tmp_path / "wh"))
    wh = Warehouse(tmp_path / "wh")

    expected_rejects = {name: reason for name, reason in EXPECTED.items() if reason}
    got = wh.query("SELECT path, reason, detail FROM rejects WHERE run_id = ?", [summary.run_id]).to_pylist()
    assert {Path(r["path"]).name: r["reason"] for r in got} == expected_rejects
    assert all(r["detail"] for r in got)
    assert summary.status == "partial" and summary.rejects == len(expected_rejects)

    loaded = {name for name, reason in EXPECTED.items() if reason is None}
    paths = wh.query("SELECT path FROM page_sources WHERE current").column(0).to_pylist()
    assert {Path(p).name for p in paths} == loaded
    assert str(source / "'; drop table articles; --.txt") in paths  # names are data, never SQL
    encodings = set(wh.query("SELECT DISTINCT encoding FROM pages").column(0).to_pylist())
    assert {"gb18030", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-8"} <= encodings
    assert _one(wh, "SELECT count(*) FROM articles") > 0


def test_touched_and_copied_files_are_recognised_by_content(tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(SAMPLE, src)
    for f in src.iterdir():
        f.chmod(0o644)
    wh_dir = str(tmp_path / "wh")
    ingest(source=str(src), warehouse=wh_dir)

    page = sorted(src.glob("*.txt"))[0]
    os.utime(page, (time.time() + 5, time.time() + 5))          # touched: same content, new mtime
    shutil.copy(page, src / "copy-of-page.txt")                 # copied: known content, new path
    summary = ingest(source=str(src), warehouse=wh_dir)

    assert (summary.pages_loaded, summary.pages_skipped, summary.rejects) == (0, 3, 0)
    wh = Warehouse(wh_dir)
    assert _one(wh, "SELECT count(*) FROM pages") == 2
    assert _one(wh, "SELECT count(*) FROM page_sources WHERE current") == 3


def test_changed_file_replaces_its_page(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    page = src / "p.txt"
    page.write_text((SAMPLE / sorted(os.listdir(SAMPLE))[0]).read_text(encoding="utf-8"), encoding="utf-8")
    wh_dir = str(tmp_path / "wh")
    ingest(source=str(src), warehouse=wh_dir)
    page.write_text(page.read_text(encoding="utf-8") + "\n本报讯 新增一段内容。\n", encoding="utf-8")
    summary = ingest(source=str(src), warehouse=wh_dir)
    assert (summary.pages_loaded, summary.pages_replaced) == (1, 1)
    assert _one(Warehouse(wh_dir), "SELECT count(*) FROM pages") == 1


def test_page_without_articles_is_loaded_and_flagged(tmp_path: Path) -> None:
    """A page that yields no article is loaded all the same, and recorded in rejects as a warning."""
    src = tmp_path / "in"
    src.mkdir()
    page = src / "furniture-only.txt"
    page.write_text("2024年5月1日 星期三\n第3版\n", encoding="utf-8")
    summary = ingest(source=str(src), warehouse=str(tmp_path / "wh"))
    wh = Warehouse(tmp_path / "wh")
    assert summary.pages_loaded == 1
    assert (summary.rejects, summary.status) == (1, "partial")  # bad input: a rejects row, exit code 1
    assert _one(wh, "SELECT count(*) FROM pages") == 1
    assert _one(wh, "SELECT count(*) FROM residue") >= 1
    assert wh.query("SELECT run_id, path, reason, size FROM rejects").to_pylist() == [
        {"run_id": summary.run_id, "path": str(page), "reason": "no_articles", "size": page.stat().st_size}]
    assert wh.query("SELECT path FROM page_sources WHERE current").column(0).to_pylist() == [str(page)]
    assert wh.query("SELECT reason, severity, paths FROM rejects_per_reason").to_pylist() == [
        {"reason": "no_articles", "severity": "warning", "paths": 1}]
    assert wh.query("SELECT rejects, status FROM runs").to_pylist() == [{"rejects": 1, "status": "partial"}]
    coverage = latest_artifact(COVERAGE_ARTIFACT_KEY)
    assert "no_articles" in str(coverage["data"])
    assert "no_articles" in latest_artifact(SUMMARY_ARTIFACT_KEY)["data"]

    again = ingest(source=str(src), warehouse=str(tmp_path / "wh"))  # unchanged: skipped, no new warning
    assert (again.pages_skipped, again.rejects, again.status) == (1, 0, "complete")
    assert _one(wh, "SELECT count(*) FROM pages") == 1
    assert _one(wh, "SELECT count(*) FROM rejects") == 1

    full = ingest(source=str(src), warehouse=str(tmp_path / "wh"), full_refresh=True)  # re-segmented: flagged again
    assert (full.rejects, full.status) == (1, "partial")
    assert _one(wh, "SELECT count(*) FROM pages") == 1
    assert _one(wh, "SELECT count(*) FROM page_sources WHERE current") == 1


def test_a_report_that_fails_is_in_the_summary_and_the_load_stays(tmp_path: Path) -> None:
    """The report's child fails for real (its file's name is taken by a folder): the run is committed, and its
    summary, its log story and its summary artifact say why and how to re-make the report."""
    wh_dir = tmp_path / "wh"
    (wh_dir / "report.html").mkdir(parents=True)  # os.replace of the drawn report onto it fails
    summary = ingest(source=str(SAMPLE), warehouse=str(wh_dir))
    assert (summary.pages_loaded, summary.rejects, summary.status) == (2, 0, "complete")  # the load itself
    assert summary.report_error is not None and summary.report_error.startswith("IsADirectoryError: ")
    remake = f"re-make the report with: banmian report --warehouse {wh_dir} --out {wh_dir / 'report.html'}"
    assert summary.report_error.endswith(remake)
    wh = Warehouse(wh_dir)
    assert _one(wh, "SELECT count(*) FROM pages") == 2
    assert wh.query("SELECT rejects, status, report_error FROM runs").to_pylist() == [
        {"rejects": 0, "status": "complete", "report_error": summary.report_error}]  # said in the warehouse too
    assert _one(wh, "SELECT reports_not_written FROM daily_runs") == 1
    artifact = latest_artifact(SUMMARY_ARTIFACT_KEY)
    assert summary.run_id in artifact["data"] and "## The report was not written" in artifact["data"]
    assert summary.report_error in artifact["data"]
    assert artifact["description"].endswith("complete; the report was not written")

    (wh_dir / "report.html").rmdir()  # the fault gone, the next run (a no-op) draws it: no report yet
    again = ingest(source=str(SAMPLE), warehouse=str(wh_dir))
    assert (again.pages_skipped, again.report_error) == (2, None)
    assert (wh_dir / "report.html").is_file()
    assert "not written" not in latest_artifact(SUMMARY_ARTIFACT_KEY)["data"]
    assert _one(wh, "SELECT count(*) FROM runs WHERE report_error IS NULL") == 2  # the drawn report clears it


def test_banmian_report_clears_the_report_error_of_the_run_whose_report_failed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The re-make the error names (the warehouse's own report.html, every issue) clears ``runs.report_error``;
    a report written elsewhere does not."""
    wh_dir = tmp_path / "wh"
    (wh_dir / "report.html").mkdir(parents=True)
    failed = ingest(source=str(SAMPLE), warehouse=str(wh_dir))
    wh = Warehouse(wh_dir)
    assert wh.report_errors() == 1
    (wh_dir / "report.html").rmdir()
    assert main(["report", "--warehouse", str(wh_dir), "--out", str(tmp_path / "elsewhere.html")]) == 0
    assert _one(wh, "SELECT report_error FROM runs WHERE run_id = ?", [failed.run_id]) == failed.report_error
    assert main(["report", "--warehouse", str(wh_dir), "--out", str(wh_dir / "report.html")]) == 0
    assert "Cleared runs.report_error of 1 run." in capsys.readouterr().out
    assert _one(wh, "SELECT count(*) FROM runs WHERE report_error IS NOT NULL") == 0


def test_batches_cover_every_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    text = (SAMPLE / sorted(os.listdir(SAMPLE))[0]).read_text(encoding="utf-8")
    for i in range(5):
        (src / f"p{i}.txt").write_text(f"第{i}版\n{text}", encoding="utf-8")
    summary = ingest(source=str(src), warehouse=str(tmp_path / "wh"), batch_size=2)
    assert summary.pages_loaded == 5 and summary.status == "complete"


def test_missing_source_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFound, match="does not exist"):
        ingest(source=str(tmp_path / "nope"), warehouse=str(tmp_path / "wh"))


def test_busy_warehouse_without_waiting_fails_at_once(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path / "wh")
    with wh.writer():  # held by this process until the flow returns: a flow that waited would never return
        with pytest.raises(WarehouseBusy, match="in use by run"):
            ingest(source=str(SAMPLE), warehouse=str(tmp_path / "wh"), wait=False)


def test_batches_stage_their_pages_and_nothing_staged_outlives_the_run(tmp_path: Path) -> None:
    """Batches hand the commit files, not pages; a killed run's leftovers go with the next run."""
    from banmian.tasks.store.staging import STAGING_DIR

    leftover = tmp_path / "wh" / STAGING_DIR / "killed-run" / "pages-000001-000200.pkl"
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"half")
    summary = ingest(source=str(SAMPLE), warehouse=str(tmp_path / "wh"), batch_size=1)
    assert (summary.pages_loaded, summary.status) == (2, "complete")
    assert not (tmp_path / "wh" / STAGING_DIR).exists()
    assert _one(Warehouse(tmp_path / "wh"), "SELECT count(*) FROM articles") == summary.articles > 0


def test_the_flow_names_the_models_the_segmenter_loads() -> None:
    """The flow names the models from their files without importing the segmenter: the versions must be
    those the segmenter's loaded models carry."""
    from banmian.tasks.text.segment.boundaries import load_model as load_boundary_model
    from banmian.tasks.text.segment.confidence import load_confidence_model
    from banmian.tasks.text.segment.joins import load_join_model

    loaded = (("boundary", load_boundary_model()), ("join", load_join_model()), ("confidence", load_confidence_model()))
    assert flow_models_version() == " ".join(f"{name}:{model.version}" for name, model in loaded)


def test_the_flow_module_does_not_import_the_segmenter_nor_the_word_tables() -> None:
    """With workers the flow's process never segments nor makes rows: a no-op run must not import them (issue 19)."""
    heavy = ["banmian.tasks.text.segment", "banmian.tasks.text.lines", "banmian.tasks.store.word_records",
             "banmian.tasks.pdf.pages", "cpca", "rjieba"]
    code = ("import sys, banmian.flows.ingest, banmian.tasks.store.warehouse; "
            f"print([m for m in {heavy!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_split_unchanged_uses_size_and_mtime() -> None:
    files = [RawFile("/a", 10, 1.0), RawFile("/b", 10, 2.0), RawFile("/c", 5, 1.0)]
    known = {"/a": (10, 1.0, "x"), "/b": (10, 1.5, "y")}
    to_read, unchanged = split_unchanged(files, known, full_refresh=False)
    assert [f.path for f in unchanged] == ["/a"] and [f.path for f in to_read] == ["/b", "/c"]
    to_read, unchanged = split_unchanged(files, known, full_refresh=True)
    assert unchanged == [] and len(to_read) == 3


class _FlakyWriter:
    """Stands in for a WarehouseWriter whose commit fails first with ``error``: only the retry policy is under test."""

    def __init__(self, error: Exception) -> None:
        self.error, self.calls = error, 0

    def commit_staged(self, *args: object, **kwargs: object) -> str:
        self.calls += 1
        if self.calls == 1:
            raise self.error
        return "committed"


def test_commit_is_retried_only_after_transient_io_errors(tmp_path: Path) -> None:
    from prefect import flow

    from banmian.tasks.prefect_tasks import load_run
    from banmian.tasks.store.staging import stage_run
    from banmian.tasks.store.warehouse import RunInfo, SchemaError

    run = RunInfo(run_id="r1", started_at=datetime.now(timezone.utc), source="s", pages_found=0)
    nothing = stage_run(tmp_path, [], [], [])

    @flow
    def commit(writer: _FlakyWriter) -> str:
        return load_run(writer, run, nothing)

    flaky = _FlakyWriter(OSError(errno.EIO, "Input/output error"))
    assert commit(flaky) == "committed" and flaky.calls == 2

    broken = _FlakyWriter(SchemaError("schema version 9 is newer than this banmian"))
    with pytest.raises(SchemaError):
        commit(broken)
    assert broken.calls == 1


def test_failed_batch_is_a_failed_task_and_the_other_batches_load(tmp_path: Path, monkeypatch) -> None:
    """A batch whose task crashes is recorded as rejects (reason batch_failed); the rest is committed.

    The crash is provoked in banmian's own batch function (not in Prefect or DuckDB), for files named
    ``boom*``: nothing in real input makes segmentation crash, which is the point.
    """
    import banmian.tasks.prefect_tasks as pt

    source = tmp_path / "in"
    source.mkdir()
    for page in SAMPLE.glob("*.txt"):
        shutil.copy(page, source / page.name)
    (source / "zz_boom.txt").write_text("本报讯（记者 王芳）今天开会。\n", encoding="utf-8")
    real = pt.decode_and_segment

    def crash_on_boom(items, skip_page_ids, path_pattern=None):
        if any("boom" in raw.path for raw, _ in items):
            raise RuntimeError("segmenter exploded")
        return real(items, skip_page_ids, path_pattern)

    monkeypatch.setattr(pt, "decode_and_segment", crash_on_boom)
    summary = ingest(source=str(source), warehouse=str(tmp_path / "wh"), batch_size=2)
    assert summary.pages_loaded == 2 and summary.status == "partial"
    wh = Warehouse(tmp_path / "wh")
    assert wh.query("SELECT reason, detail FROM rejects").to_pylist() == [
        {"reason": "batch_failed", "detail": "its batch failed to segment: RuntimeError: segmenter exploded"}]
    with get_client(sync_client=True) as client:
        from prefect.client.schemas.sorting import TaskRunSort

        runs = client.read_task_runs(limit=200, sort=TaskRunSort.EXPECTED_START_TIME_DESC)
    failed = [r.name for r in runs if r.state is not None and r.state.is_failed()]
    assert "segment pages 3-3" in failed


# ---------------------------------------------------------------------------
# Prefect's own records: run names and retention
# ---------------------------------------------------------------------------

def _tiny_source(root: Path) -> Path:
    root.mkdir(parents=True)
    text = (SAMPLE / sorted(os.listdir(SAMPLE))[0]).read_text(encoding="utf-8")
    (root / "p.txt").write_text(text, encoding="utf-8")
    return root


def _records_of(client, flow_run_ids: list) -> dict[str, int]:  # noqa: ANN001
    """Task runs, logs and artifacts the Prefect API still holds for these flow runs."""
    from prefect.client.schemas.filters import (
        ArtifactFilter,
        ArtifactFilterFlowRunId,
        FlowRunFilter,
        FlowRunFilterId,
        LogFilter,
        LogFilterFlowRunId,
    )

    return {
        "task_runs": len(client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=flow_run_ids)),
                                               limit=200)),
        "logs": len(client.read_logs(LogFilter(flow_run_id=LogFilterFlowRunId(any_=flow_run_ids)), limit=200)),
        "artifacts": len(client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=flow_run_ids)), limit=200)),
    }


def _wait_for_logs(client, flow_run_id) -> None:  # noqa: ANN001
    """Logs reach the API in the background a moment after the run; wait until the run's are there."""
    deadline = time.monotonic() + LOG_SAFETY_NET_S
    while _records_of(client, [flow_run_id])["logs"] == 0:
        assert time.monotonic() < deadline, "the run's logs never reached the API"
        time.sleep(0.2)


def _ingest_flow_runs(client) -> list:  # noqa: ANN001
    from prefect.client.schemas.filters import FlowFilter, FlowFilterName

    return client.read_flow_runs(flow_filter=FlowFilter(name=FlowFilterName(any_=[FLOW_NAME])), limit=200)


def test_flow_runs_have_meaningful_names(tmp_path: Path) -> None:
    import re

    before = datetime.now(timezone.utc).replace(microsecond=0)
    state = ingest(source=str(_tiny_source(tmp_path / "晨报 pages")), warehouse=str(tmp_path / "wh"),
                   return_state=True)
    after = datetime.now(timezone.utc)
    assert state.is_completed()
    with get_client(sync_client=True) as client:
        run = client.read_flow_run(state.state_details.flow_run_id)
    assert re.fullmatch(r"ingest-晨报_pages-\d{8}T\d{6}Z", run.name), run.name
    started = datetime.strptime(run.name.rsplit("-", 1)[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    assert before <= started <= after  # the name's time is the run's own (UTC, to the second)


def test_prefect_keeps_only_the_newest_runs_with_their_records(tmp_path: Path) -> None:
    """keep_runs=2 and four runs: the two oldest flow runs go, with their task runs, logs and artifacts."""
    keep = 2
    src = _tiny_source(tmp_path / "in")
    run_ids, summaries = [], []
    with get_client(sync_client=True) as client:
        for _ in range(keep + 2):
            state = ingest(source=str(src), warehouse=str(tmp_path / "wh"), keep_runs=keep, return_state=True)
            assert state.is_completed()
            summaries.append(state.result())
            run_ids.append(state.state_details.flow_run_id)
            _wait_for_logs(client, run_ids[-1])
            records = _records_of(client, [run_ids[-1]])
            # run summary, page coverage, report link, report figures: there is something to delete
            assert records["task_runs"] >= 2 and records["artifacts"] == 4, records

        remaining = _ingest_flow_runs(client)
        assert len(remaining) == keep
        assert {r.id for r in remaining} == set(run_ids[-keep:])
        deleted = run_ids[:-keep]
        assert _records_of(client, deleted) == {"task_runs": 0, "logs": 0, "artifacts": 0}
        assert _records_of(client, run_ids[-keep:])["artifacts"] == 4 * keep

    assert summaries[-1].run_id in latest_artifact(SUMMARY_ARTIFACT_KEY)["data"]  # the series still ends in the last run
    assert _one(Warehouse(tmp_path / "wh"), "SELECT count(*) FROM runs") == keep + 2  # the warehouse keeps every run


def test_prune_never_deletes_unfinished_runs(tmp_path: Path) -> None:
    """A scheduled flow run (not started) survives pruning, and does not count among the runs kept."""
    from prefect.client.schemas.objects import StateType
    from prefect.states import Scheduled

    with get_client(sync_client=True) as client:
        scheduled = client.create_flow_run(ingest, parameters={"source": str(tmp_path / "never")},
                                           state=Scheduled(scheduled_time=datetime.now(timezone.utc) + timedelta(days=365)))
        state = ingest(source=str(_tiny_source(tmp_path / "in")), warehouse=str(tmp_path / "wh"), keep_runs=1,
                       return_state=True)
        assert state.is_completed()
        runs = {r.id: r.state.type for r in _ingest_flow_runs(client)}
        assert runs == {scheduled.id: StateType.SCHEDULED, state.state_details.flow_run_id: StateType.COMPLETED}
        client.delete_flow_run(scheduled.id)


def test_failed_pruning_is_a_warning_not_a_failed_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    monkeypatch.setenv("BANMIAN_KEEP_RUNS", "lots")  # a setting pruning cannot use
    state = ingest(source=str(_tiny_source(tmp_path / "in")), warehouse=str(tmp_path / "wh"), return_state=True)
    assert state.is_completed() and state.result().status == "complete"
    flow_run_id = state.state_details.flow_run_id
    with get_client(sync_client=True) as client:
        deadline = time.monotonic() + LOG_SAFETY_NET_S
        while True:
            logs = client.read_logs(LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])), limit=200)
            warning = [entry for entry in logs if "Could not prune" in entry.message]
            if warning or time.monotonic() > deadline:
                break
            time.sleep(0.2)
    assert warning and warning[0].level == 30, [entry.message for entry in logs]
    assert "BANMIAN_KEEP_RUNS='lots' is not a whole number" in warning[0].message
    assert "Traceback" not in warning[0].message
