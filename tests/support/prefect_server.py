"""A real Prefect server and a served ``banmian-ingest`` deployment, for the UI tests.

``ui_stack`` (session-scoped) does what a user does, with the real commands:

1. ``banmian server --port <free port>`` with a fresh, temporary Prefect home;
   waits (bounded) for ``/api/health``;
2. ``banmian serve --cron "0 6 * * *" ...`` pointed at it (``PREFECT_API_URL``);
3. triggers a run of ``banmian-ingest/daily`` through the Prefect client and
   waits (bounded) for a final state.

tests/banmian/conftest.py imports its fixture, so
the stack is built once per session and torn down at its end. (PYTEST_DONT_REWRITE: the
modules import it before pytest loads it as a plugin, too late to rewrite its asserts.) Every process runs in its own process
group and the whole group is stopped, also when a test or the setup fails.

The REST calls that filter (logs, artifacts, task runs) use the API directly:
Prefect 3.8.8's sync client sends ``null`` for omitted ``limit``/``sort``/
sub-filters, which its own server refuses with 422.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, TypeVar

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "data" / "sample"
FLOW_NAME = "banmian-ingest"
DEPLOYMENT = "daily"
CRON = "0 6 * * *"
TIMEZONE = "UTC"

# Every timeout below is a safety net for a process that is stuck, never a measurement: each wait
# ends as soon as its condition holds, so a busy machine only makes the tests slower.
#: Server start to healthy API: ~25 s on an idle machine (the first start migrates a new SQLite
#: database and copies the UI).
SERVER_START_TIMEOUT_S: Final = 300.0
#: ``banmian serve`` start to its deployment on the server: ~7 s idle.
SERVE_READY_TIMEOUT_S: Final = 300.0
#: Triggered run to a final state: ~13 s idle.
RUN_TIMEOUT_S: Final = 300.0
#: Signal to exit of a process group (Ctrl-C of ``banmian serve``: ~10 s idle), then SIGKILL: a safety net, as
#: every wait here (120 s was reached once, at load ~20, while a second suite ran beside this one).
STOP_TIMEOUT_S: Final = 300.0
#: Any other condition the tests wait for (logs reaching the API, the scheduler's runs: its main
#: loop runs every 60 s), and any one command or HTTP request.
WAIT_TIMEOUT_S: Final = 300.0

T = TypeVar("T")


def free_port() -> int:
    """A TCP port on loopback that nothing listens on (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what: str, check: Callable[[], T | None], timeout: float, interval: float = 0.25,
              alive: Callable[[], str | None] | None = None) -> T:
    """Poll ``check`` until it returns something truthy; fail after ``timeout`` seconds, or as soon
    as ``alive`` reports that a process we are waiting on has died."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if alive is not None and (dead := alive()):
            pytest.fail(f"while waiting for {what}: {dead}")
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout:.0f} s")
        time.sleep(interval)


@dataclass
class Proc:
    """A subprocess in its own process group, its output in a log file."""

    name: str
    popen: subprocess.Popen[bytes]
    log: Path

    @classmethod
    def start(cls, name: str, cmd: list[str], env: dict[str, str], log: Path, cwd: Path = REPO) -> Proc:
        with open(log, "wb") as out:
            popen = subprocess.Popen(cmd, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        proc = cls(name, popen, log)
        atexit.register(proc.kill_group)  # safety net if pytest dies before the fixture's teardown
        return proc

    def kill_group(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.popen.pid, signal.SIGKILL)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def tail(self, lines: int = 40) -> str:
        return f"--- last lines of {self.name} ({self.log}) ---\n" + "\n".join(self.output().splitlines()[-lines:])

    def dead(self) -> str | None:
        code = self.popen.poll()
        return None if code is None else f"{self.name} exited with {code}\n{self.tail()}"

    def stop(self, sig: int = signal.SIGINT, timeout: float = STOP_TIMEOUT_S) -> int | None:
        """Send ``sig`` to the whole process group (as Ctrl-C in a terminal would), wait, then SIGKILL
        whatever is left of the group. Returns the exit code of the group leader."""
        pgid = self.popen.pid  # start_new_session: the leader's pid is the group id
        if self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pgid, sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(timeout=timeout)
        self.kill_group()  # stragglers (e.g. a flow-run child) of our own group only
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout=5)
        return self.popen.returncode


@dataclass
class UIStack:
    """The server, the served deployment and one completed (or at least final) run."""

    home: Path
    port: int
    env: dict[str, str]
    warehouse: Path
    server: Proc
    serve: Proc | None = None
    deployment_id: uuid.UUID | None = None
    flow_run_id: uuid.UUID | None = None
    flow_run_name: str = ""
    final_state: Any = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api"

    def diagnostics(self) -> str:
        return "\n".join(p.tail() for p in (self.server, self.serve) if p is not None)

    # -- API access --------------------------------------------------------

    @contextlib.contextmanager
    def client(self) -> Iterator[Any]:
        """Prefect's sync client, pointed at this server (whatever the test process's settings say)."""
        from prefect.client.orchestration import get_client
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings(updates={PREFECT_API_URL: self.api_url}), get_client(sync_client=True) as c:
            yield c

    def post(self, path: str, body: dict[str, Any]) -> Any:
        response = httpx.post(f"{self.api_url}{path}", json=body, timeout=WAIT_TIMEOUT_S)
        response.raise_for_status()
        return response.json()

    def get(self, path: str) -> Any:
        response = httpx.get(f"{self.api_url}{path}", timeout=WAIT_TIMEOUT_S)
        response.raise_for_status()
        return response.json()

    def logs(self, flow_run_id: uuid.UUID) -> list[dict[str, Any]]:
        return self.post("/logs/filter", {"logs": {"flow_run_id": {"any_": [str(flow_run_id)]}},
                                          "sort": "TIMESTAMP_ASC", "limit": 200, "offset": 0})

    def task_runs(self, flow_run_id: uuid.UUID) -> list[dict[str, Any]]:
        return self.post("/task_runs/filter", {"flow_runs": {"id": {"any_": [str(flow_run_id)]}},
                                               "sort": "EXPECTED_START_TIME_ASC", "limit": 200, "offset": 0})

    def artifacts(self, flow_run_id: uuid.UUID) -> list[dict[str, Any]]:
        return self.post("/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [str(flow_run_id)]}},
                                               "flow_runs": {}, "task_runs": {},
                                               "sort": "CREATED_DESC", "limit": 50, "offset": 0})

    def latest_artifact_id(self, key: str) -> str:
        """Id of the newest artifact with ``key``: what the Artifacts page shows for that key."""
        collections = self.post("/artifacts/latest/filter", {"artifacts": {"key": {"any_": [key]}},
                                                             "flow_runs": {}, "task_runs": {},
                                                             "sort": "CREATED_DESC", "limit": 1, "offset": 0})
        assert collections, f"no artifact with key {key!r} on the server"
        return collections[0]["latest_id"]

    def deployment_runs(self, state_type: str | None = None) -> list[dict[str, Any]]:
        flow_runs: dict[str, Any] = {"state": {"type": {"any_": [state_type]}}} if state_type else {}
        return self.post("/flow_runs/filter", {"deployments": {"id": {"any_": [str(self.deployment_id)]}},
                                               "flow_runs": flow_runs, "sort": "EXPECTED_START_TIME_ASC",
                                               "limit": 50, "offset": 0})

    # -- Teardown ------------------------------------------------------------

    def stop(self) -> None:
        for proc in (self.serve, self.server):
            if proc is not None:
                proc.stop()


def subprocess_env(home: Path, api_url: str) -> dict[str, str]:
    """The environment of ``banmian server`` / ``banmian serve``: a private Prefect home, this server."""
    env = dict(os.environ)
    for key in ("PREFECT_API_KEY", "PREFECT_PROFILE"):
        env.pop(key, None)
    env.update({
        "PREFECT_HOME": str(home),
        "PREFECT_PROFILES_PATH": str(home / "profiles.toml"),
        "PREFECT_RESULTS_LOCAL_STORAGE_PATH": str(home / "storage"),
        "PREFECT_API_URL": api_url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_RUNNER_POLL_FREQUENCY": "1",    # the served runner picks up a new run within a second
        "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "INFO",  # the logs files show the whole story
        "PYTHONUNBUFFERED": "1",
    })
    return env


def banmian(*args: str) -> list[str]:
    """The ``banmian`` command (``python -m banmian``), tied to this test process by
    :mod:`banmian.server_child`: if pytest is killed before its teardown (``timeout``, ``kill -9``),
    the kernel stops the servers it started instead of leaving them orphaned."""
    return [sys.executable, "-m", "banmian.server_child", str(os.getpid()), "banmian", *args]


def _stop_and_show(stack: UIStack) -> None:
    """Stop what was started, and print its processes' output (pytest shows it with the failure)."""
    diagnostics = stack.diagnostics()
    stack.stop()
    print(diagnostics, file=sys.stderr)


def start_server(root: Path) -> UIStack:
    """A ``banmian server`` of its own Prefect home under ``root``, answering; nothing served or run yet.

    A test whose runs must not show among the shared stack's (its artifacts' latest versions, its
    flow runs) starts one of these and stops it (``UIStack.stop``).
    """
    home = root / "prefect-home"
    home.mkdir(parents=True)
    port = free_port()
    env = subprocess_env(home, f"http://127.0.0.1:{port}/api")
    t0 = time.monotonic()
    server = Proc.start("banmian server", banmian("server", "--port", str(port)), env, root / "server.log")
    stack = UIStack(home=home, port=port, env=env, warehouse=root / "warehouse", server=server)
    try:
        wait_for(f"Prefect server health at {stack.api_url}/health", lambda: _healthy(stack.api_url),
                 SERVER_START_TIMEOUT_S, alive=server.dead)
    except BaseException:
        _stop_and_show(stack)
        raise
    stack.timings["server_ready_s"] = time.monotonic() - t0
    return stack


def build_stack(root: Path) -> UIStack:
    """Start everything; on any failure stop what was started and fail with the processes' output."""
    stack = start_server(root)
    env = stack.env
    try:
        t1 = time.monotonic()
        stack.serve = Proc.start(
            "banmian serve",
            banmian("serve", "--cron", CRON, "--timezone", TIMEZONE, "--source", str(SAMPLE),
                    "--warehouse", str(stack.warehouse), "--name", DEPLOYMENT),
            env, root / "serve.log")
        deployment = wait_for(f"deployment {FLOW_NAME}/{DEPLOYMENT}", lambda: _deployment(stack),
                              SERVE_READY_TIMEOUT_S, interval=0.5, alive=stack.serve.dead)
        stack.deployment_id = deployment.id
        stack.timings["deployment_ready_s"] = time.monotonic() - t1

        t2 = time.monotonic()
        with stack.client() as client:
            run = client.create_flow_run_from_deployment(deployment.id)
        stack.flow_run_id, stack.flow_run_name = run.id, run.name

        def final() -> Any:
            with stack.client() as client:
                state = client.read_flow_run(run.id).state
            return state if state is not None and state.is_final() else None

        stack.final_state = wait_for(f"flow run {run.name} to finish", final, RUN_TIMEOUT_S, interval=0.5,
                                     alive=stack.serve.dead)
        stack.timings["run_s"] = time.monotonic() - t2
        with stack.client() as client:  # the flow names its run when it starts (ingest-<source>-<time>)
            stack.flow_run_name = client.read_flow_run(run.id).name
    except BaseException:
        _stop_and_show(stack)
        raise
    return stack


def _healthy(api_url: str) -> bool:
    try:
        return httpx.get(f"{api_url}/health", timeout=WAIT_TIMEOUT_S).status_code == 200
    except httpx.HTTPError:
        return False


def _deployment(stack: UIStack) -> Any:
    from prefect.exceptions import ObjectNotFound

    try:
        with stack.client() as client:
            return client.read_deployment_by_name(f"{FLOW_NAME}/{DEPLOYMENT}")
    except ObjectNotFound:
        return None


# ---------------------------------------------------------------------------
# The session fixture (tests/banmian/conftest.py imports it, so both UI test
# modules share one stack, built once per session)
# ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def ui_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UIStack]:
    stack = build_stack(tmp_path_factory.mktemp("prefect-ui"))
    try:
        yield stack
    finally:
        stack.stop()
