"""Scheduled runs on a real local Prefect server: ``banmian server`` + ``banmian serve``, end to end.

The stack (server, served deployment, one run triggered through the API) is
built once by ``prefect_server.ui_stack``; the tests below then read what the
UI would show through the same API. The last tests stop ``banmian serve``
with Ctrl-C and deploy ``prefect.yaml`` onto the same server.
"""

from __future__ import annotations

import contextlib
import json
import re
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from tests.support.prefect_server import (
    CRON,
    DEPLOYMENT,
    FLOW_NAME,
    REPO,
    SAMPLE,
    STOP_TIMEOUT_S,
    TIMEZONE,
    WAIT_TIMEOUT_S,
    UIStack,
    banmian,
    free_port,
    subprocess_env,
    wait_for,
)

from banmian.tasks.prefect_tasks import COVERAGE_ARTIFACT_KEY, SUMMARY_ARTIFACT_KEY


#: What the run's INFO logs must tell, one pattern per fact (case-insensitive).
STORY = {
    "pages found": r"found 2 page files",
    "pages loaded": r"loaded 2 pages",
    "pages skipped": r"\d+ skipped",
    "articles": r"\d+ articles",
    "residue share": r"residue \d+(\.\d+)?% of the text",
    "rejects": r"\b0 rejects?\b",
    "time": r"in \d+(\.\d+)? s\b",
}
#: One task run per step and batch of pages (the sample is one batch), each named in words.
TASK_STEPS = ("read pages 1", "segment pages 1", "load run", "publish summary")


def test_served_run_completes(ui_stack: UIStack) -> None:
    s = ui_stack
    assert s.final_state.is_completed(), (
        f"flow run {s.flow_run_name} ended {s.final_state.type.value}: {s.final_state.message}\n{s.diagnostics()}")
    with s.client() as client:
        run = client.read_flow_run(s.flow_run_id)
    assert run.deployment_id == s.deployment_id
    assert run.parameters["source"] == str(SAMPLE)
    assert run.parameters["warehouse"] == str(s.warehouse)  # stored absolute by `banmian serve`
    assert (s.warehouse / "banmian.duckdb").is_file()
    print(f"timings: {', '.join(f'{k}={v:.1f}' for k, v in s.timings.items())}")


def test_few_well_named_task_runs(ui_stack: UIStack) -> None:
    s = ui_stack

    def task_run_names() -> list[str]:
        return sorted(t["name"] for t in s.task_runs(s.flow_run_id))

    def missing_steps(names: list[str]) -> list[str]:
        joined = " | ".join(names)
        return [step for step in TASK_STEPS if step not in joined]

    # Task runs reach the server as events that it records in the background: they can trail the
    # run's final state.
    with contextlib.suppress(pytest.fail.Exception):
        wait_for("the run's task runs", lambda: not missing_steps(task_run_names()), timeout=WAIT_TIMEOUT_S,
                 interval=0.5)
    names = task_run_names()
    missing = missing_steps(names)
    assert not missing, f"no task run named like {', '.join(map(repr, missing))}: {names}"
    assert 3 <= len(names) <= 10, names  # one task per batch and step, not one per page
    assert all(" " in n for n in names), names  # worded names, not Prefect's default "read_batch-a3f"


def test_logs_tell_the_story(ui_stack: UIStack) -> None:
    s = ui_stack

    def story_complete() -> list[str] | None:
        messages = [log["message"] for log in s.logs(s.flow_run_id) if log["level"] >= 20]
        text = "\n".join(messages)
        return messages if all(re.search(p, text, re.IGNORECASE) for p in STORY.values()) else None

    # Logs reach the API in batches; the last ones can trail the final state.
    try:
        wait_for("the run's story in its logs", story_complete, timeout=WAIT_TIMEOUT_S, interval=0.5)
    except pytest.fail.Exception:
        text = "\n".join(log["message"] for log in s.logs(s.flow_run_id))
        missing = [fact for fact, p in STORY.items() if not re.search(p, text, re.IGNORECASE)]
        pytest.fail(f"the run's logs do not tell: {missing}\n--- logs ---\n{text}")


def test_artifacts_by_stable_key(ui_stack: UIStack) -> None:
    s = ui_stack
    by_key = {a["key"]: a for a in s.artifacts(s.flow_run_id)}
    assert {SUMMARY_ARTIFACT_KEY, COVERAGE_ARTIFACT_KEY} <= set(by_key), sorted(by_key)
    summary, coverage = by_key[SUMMARY_ARTIFACT_KEY], by_key[COVERAGE_ARTIFACT_KEY]
    assert summary["type"] == "markdown" and "|" in summary["data"]  # a markdown table of numbers
    assert coverage["type"] == "table"
    rows = coverage["data"] if isinstance(coverage["data"], list) else json.loads(coverage["data"])
    assert sorted(r["file"].rsplit("/", 1)[-1] for r in rows) == sorted(p.name for p in SAMPLE.glob("*.txt"))
    # The key's collection (what the Artifacts page lists) points at this run's artifact.
    for key, artifact in by_key.items():
        if key in (SUMMARY_ARTIFACT_KEY, COVERAGE_ARTIFACT_KEY):
            assert s.latest_artifact_id(key) == artifact["id"]


def test_deployment_has_the_cron_schedule(ui_stack: UIStack) -> None:
    s = ui_stack
    with s.client() as client:
        deployment = client.read_deployment(s.deployment_id)
    assert deployment.name == DEPLOYMENT and not deployment.paused
    assert deployment.entrypoint == "banmian.flows.ingest.ingest"  # independent of the working directory
    assert [(d.schedule.cron, d.schedule.timezone, d.active) for d in deployment.schedules] == [
        (CRON, TIMEZONE, True)]

    # The server's scheduler turns the schedule into upcoming runs, visible under Runs in the UI (its
    # loop for recently changed deployments usually does within seconds; its main loop within 60 s).
    upcoming = wait_for("scheduled runs of the deployment", lambda: s.deployment_runs("SCHEDULED"),
                        timeout=WAIT_TIMEOUT_S, interval=1)
    times = [datetime.fromisoformat(r["expected_start_time"]).astimezone(ZoneInfo(TIMEZONE)) for r in upcoming]
    assert all((t.hour, t.minute) == (6, 0) for t in times), times
    assert all(r["auto_scheduled"] for r in upcoming)


def test_server_refuses_a_busy_port(ui_stack: UIStack) -> None:
    done = subprocess.run(banmian("server", "--port", str(ui_stack.port)), env=ui_stack.env, cwd=REPO,
                          capture_output=True, text=True, timeout=WAIT_TIMEOUT_S, check=False)
    assert done.returncode == 2, done
    assert f"port {ui_stack.port}" in done.stderr and "in use" in done.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--cron", "0 6 * *"], 'invalid schedule: Invalid cron string: "0 6 * *"'),
    (["--timezone", "Mars/Base"], 'Invalid timezone: "Mars/Base"'),
    (["--source", "/no/such/dir"], "/no/such/dir"),
    ([], "no Prefect server answers at"),
])
def test_serve_fails_clearly_before_serving(args: list[str], message: str, tmp_path: Path) -> None:
    """Bad options and a missing server are one line and exit code 2, not a traceback."""
    api_url = f"http://127.0.0.1:{free_port()}/api"  # nothing listens there
    done = subprocess.run(banmian("serve", "--api-url", api_url, "--warehouse", str(tmp_path / "wh"), *args),
                          env=subprocess_env(tmp_path / "home", api_url), cwd=REPO,
                          capture_output=True, text=True, timeout=WAIT_TIMEOUT_S, check=False)
    assert done.returncode == 2, done
    assert message in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_serve_options_parse() -> None:
    from banmian.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["serve", "--cron", "*/5 * * * *", "--keep-schedule"])
    assert (args.cron, args.keep_schedule, args.name) == ("*/5 * * * *", True, "daily")
    assert parser.parse_args(["serve"]).keep_schedule is False
    assert parser.parse_args(["server"]).port == 4200
    with pytest.raises(SystemExit):
        parser.parse_args(["serve", "--keep-schedule", "--pause-on-exit"])


def test_ctrl_c_stops_serving_and_pauses_the_schedule(ui_stack: UIStack) -> None:
    s = ui_stack
    assert s.serve is not None and s.serve.popen.poll() is None, "banmian serve is not running"
    started = time.monotonic()
    code = s.serve.stop(signal.SIGINT)  # SIGKILL (code -9) only if it has not exited after STOP_TIMEOUT_S
    print(f"banmian serve stopped {time.monotonic() - started:.1f} s after Ctrl-C")
    out = s.serve.output()
    assert code != -signal.SIGKILL, (
        f"banmian serve did not stop within {STOP_TIMEOUT_S:.0f} s of Ctrl-C\n{s.serve.tail()}")
    assert code == 0, f"banmian serve exited {code} after Ctrl-C\n{s.serve.tail()}"
    assert "stopped serving" in out and "Traceback" not in out, s.serve.tail()
    with s.client() as client:
        assert client.read_deployment(s.deployment_id).paused, "schedule not paused after Ctrl-C"


def test_prefect_yaml_deploys_the_same_deployment(ui_stack: UIStack) -> None:
    """``prefect deploy`` (the work-pool path) accepts prefect.yaml and registers banmian-ingest/daily."""
    s = ui_stack
    from prefect.client.schemas.actions import WorkPoolCreate

    with s.client() as client:
        client.create_work_pool(WorkPoolCreate(name="banmian-local", type="process"))
    done = subprocess.run([sys.executable, "-m", "prefect", "--no-prompt", "deploy", "--all"],
                          env=s.env, cwd=REPO, capture_output=True, text=True, timeout=WAIT_TIMEOUT_S,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    with s.client() as client:
        deployment = client.read_deployment_by_name(f"{FLOW_NAME}/{DEPLOYMENT}")
    assert deployment.entrypoint == "flows/ingest.py:ingest"
    assert deployment.work_pool_name == "banmian-local"
    assert deployment.parameters == {"source": "data/sample", "warehouse": "warehouse",
                                     "full_refresh": False, "batch_size": 200}
    assert [(d.schedule.cron, d.active) for d in deployment.schedules] == [(CRON, True)]
    assert deployment.global_concurrency_limit is not None and deployment.global_concurrency_limit.limit == 1
