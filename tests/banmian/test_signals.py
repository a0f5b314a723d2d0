"""Stopping ``banmian run`` as people stop programs: Ctrl-C, SIGTERM, SIGKILL (issue 16, rows 7 and 8).

Each signal goes to the process group of a real ``banmian run`` (started in
its own session, as a shell starts a job) while it is mid-run: Prefect's
temporary API server is up and the first batch of many is segmented, and the run
is held there (``faults.hold_point``), so the signal lands mid-run however fast or
starved the machine. No test looks at a clock: each waits for a condition (a
line, an exit, the last of our processes gone) under a generous safety net.

Our processes are found by an environment variable the test gives ``banmian
run``, which every process it starts inherits (``/proc/PID/environ``).
"""

from __future__ import annotations

import io
import os
import queue
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Final

import pytest
from tests.pagegen.generate import write_set
from tests.support.paths import REPO
from tests.support.prefect_server import free_port, wait_for
from tests.support.warehouse_fixtures import commit, page_and_result

from banmian.cli import EXIT_INTERRUPTED, Terminated, _interrupt_behind, _interrupted
from banmian.serve import is_healthy
from banmian.tasks.store.faults import HOLD_ENV
from banmian.tasks.store.layout import DB_FILE
from banmian.tasks.store.warehouse import Warehouse
from tests.banmian.test_cli import _banmian

pytestmark = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="walks /proc (Linux)")

#: Safety net for any one wait (Prefect's first start on a loaded machine, a run's end): never reached when things work.
SAFETY_NET: Final = 300.0
#: Pages in the source, and per batch: the signal lands after the first of 30 batches, so the run is mid-way.
PAGES: Final = 150
BATCH: Final = 5
MARK_ENV: Final = "BANMIAN_SIGNAL_TEST"


@pytest.fixture(scope="module")
def prefect_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One Prefect home for the module: its database is made once (the first start is the slow one)."""
    return tmp_path_factory.mktemp("prefect-home")


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pages")
    write_set(out, PAGES, seed=16, sidecar=False)
    return out / "pages"


@dataclass
class Run:
    """A ``banmian run`` in its own process group, its output lines read as they come."""

    proc: subprocess.Popen[str]
    mark: str
    lines: queue.Queue[str | None] = field(default_factory=queue.Queue)
    stderr: list[str] = field(default_factory=list)
    readers: tuple[threading.Thread, ...] = ()

    def wait_for_line(self, text: str) -> str:
        """The first stdout line holding ``text`` (fails if the run ends or the safety net is reached first)."""
        deadline = time.monotonic() + SAFETY_NET
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                pytest.fail(f"banmian run ended before printing {text!r}: {''.join(self.stderr)}")
            if text in line:
                return line
        pytest.fail(f"no {text!r} from banmian run within the {SAFETY_NET} s safety net")

    def finish(self) -> int:
        """Its exit status (fails past the safety net)."""
        status = self.proc.wait(timeout=SAFETY_NET)
        for thread in self.readers:  # all its output read
            thread.join(timeout=SAFETY_NET)
        return status


def _start_run(source: Path, cwd: Path, prefect_home: Path) -> Run:
    mark = uuid.uuid4().hex
    env = {**os.environ, MARK_ENV: mark, "PREFECT_HOME": str(prefect_home), HOLD_ENV: "after_segmented_batch",
           "PYTHONPATH": os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([*_banmian(), "run", "--source", str(source), "--warehouse", "wh",
                             "--batch-size", str(BATCH)], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            start_new_session=True)
    run = Run(proc, mark)
    assert proc.stdout is not None and proc.stderr is not None
    run.readers = (_reader(proc.stdout, run.lines.put, mark_end=True), _reader(proc.stderr, run.stderr.append))
    return run


def _reader(stream: IO[str], put: Callable[[str], None], mark_end: bool = False) -> threading.Thread:
    """A thread handing each line of ``stream`` to ``put`` (and None at its end, with ``mark_end``)."""
    def read() -> None:
        for line in stream:
            put(line)
        if mark_end:
            put(None)  # type: ignore[arg-type]
    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def ours(mark: str) -> list[int]:
    """Live processes whose environment holds the test's mark: ``banmian run`` and all it started."""
    found = []
    needle = f"{MARK_ENV}={mark}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue  # gone meanwhile, or not ours to read
        if needle in environ.split(b"\0") and state != "Z":
            found.append(int(entry.name))
    return found


def wait_until_none_left(mark: str) -> list[int]:
    """Wait until none of our processes is alive; those still alive after the safety net."""
    deadline = time.monotonic() + SAFETY_NET
    while (left := ours(mark)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


@pytest.fixture
def mid_run(source: Path, tmp_path: Path, prefect_home: Path) -> Iterator[Run]:
    """A ``banmian run`` that has segmented its first batch of many, its API server up."""
    run = _start_run(source, tmp_path, prefect_home)
    try:
        run.wait_for_line(f"Pages 1–{BATCH}:")
        started = ours(run.mark)
        assert run.proc.pid in started and len(started) >= 2, f"no API server among our processes: {started}"
        yield run
    finally:
        for pid in ours(run.mark):  # only on failure: the tests leave none
            os.kill(pid, signal.SIGKILL)


def committed_runs(warehouse: Path) -> list[str]:
    if not (warehouse / DB_FILE).exists():
        return []
    table = Warehouse(warehouse).query("SELECT run_id FROM runs ORDER BY run_id")
    return [str(v) for v in table.column("run_id").to_pylist()]


@pytest.mark.parametrize("sig,status,said", [
    (signal.SIGINT, EXIT_INTERRUPTED, "banmian run: interrupted; "),
    (signal.SIGTERM, 128 + signal.SIGTERM, "banmian run: terminated by SIGTERM; "),
    (signal.SIGHUP, 128 + signal.SIGHUP, "banmian run: terminated by SIGHUP; "),
], ids=["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_stop_signal_to_the_group_ends_the_run_cleanly(mid_run: Run, tmp_path: Path, sig: signal.Signals,
                                                          status: int, said: str) -> None:
    os.killpg(mid_run.proc.pid, sig)
    assert mid_run.finish() == status, "".join(mid_run.stderr)
    err = "".join(mid_run.stderr)
    assert err.startswith(said) and err.count("\n") == 1, err  # one line, no traceback, no ConnectError
    assert "nothing was committed by the unfinished run." in err, err  # held after its first batch
    assert committed_runs(tmp_path / "wh") == []
    printed = []
    while (line := mid_run.lines.get_nowait()) is not None:
        printed.append(line)
    assert not any(f"Pages {BATCH + 1}–" in line for line in printed), printed  # the hold held
    assert wait_until_none_left(mid_run.mark) == []


def test_sigkill_leaves_no_api_server_behind(mid_run: Run) -> None:
    os.killpg(mid_run.proc.pid, signal.SIGKILL)
    assert mid_run.finish() == -signal.SIGKILL
    assert wait_until_none_left(mid_run.mark) == []


def test_sigkill_of_banmian_server_takes_its_prefect_server_down(tmp_path: Path) -> None:
    """``kill -9`` of ``banmian server`` alone (not its group: the OOM killer picks one process)
    stops the Prefect server it started, which would otherwise keep the port and the home's database."""
    mark = uuid.uuid4().hex
    port = free_port()
    env = {**os.environ, MARK_ENV: mark, "PREFECT_HOME": str(tmp_path / "home"),
           "PYTHONPATH": os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])}
    env.pop("PREFECT_API_URL", None)
    with open(tmp_path / "server.log", "wb") as log:
        proc = subprocess.Popen([*_banmian(), "server", "--port", str(port)], cwd=tmp_path, env=env,
                                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        wait_for("the Prefect server's health", lambda: is_healthy(f"http://127.0.0.1:{port}/api") or None,
                 SAFETY_NET, alive=lambda: None if proc.poll() is None else (tmp_path / "server.log").read_text())
        assert len(ours(mark)) >= 2, f"no Prefect server among our processes: {ours(mark)}"
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=SAFETY_NET) == -signal.SIGKILL
        assert wait_until_none_left(mark) == []
    finally:
        for pid in ours(mark):  # only on failure: the test leaves none
            os.kill(pid, signal.SIGKILL)


# ---------------------------------------------------------------------------
# What the user is told: from the warehouse, not from how far the flow got
# ---------------------------------------------------------------------------

def test_interrupted_after_the_commit_names_the_committed_run(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "wh").writer() as w:
        run_id = commit(w, [page_and_result("/in/a.txt", "第一版 内容")]).run_id
    said = io.StringIO()
    assert _interrupted(KeyboardInterrupt(), str(tmp_path / "wh"), run_id, said) == EXIT_INTERRUPTED
    assert said.getvalue() == (f"banmian run: interrupted; committed run {run_id} "
                               "(the steps after the commit were cut short).\n")


@pytest.mark.parametrize("warehouse_exists,run_id", [(False, None), (False, "r1"), (True, None), (True, "r-other")])
def test_interrupted_before_the_commit_says_nothing_was_committed(tmp_path: Path, warehouse_exists: bool,
                                                                   run_id: str | None) -> None:
    if warehouse_exists:
        with Warehouse(tmp_path / "wh").writer() as w:
            commit(w, [page_and_result("/in/a.txt", "第一版 内容")])
    said = io.StringIO()
    assert _interrupted(Terminated(signal.SIGTERM), str(tmp_path / "wh"), run_id, said) == 143
    assert said.getvalue() == "banmian run: terminated by SIGTERM; nothing was committed by the unfinished run.\n"


def test_an_interrupt_hidden_behind_prefects_crash_handling_is_found() -> None:
    interrupt = KeyboardInterrupt()
    try:
        try:
            raise interrupt
        except KeyboardInterrupt:
            raise ValueError("Task run is not set")  # what Prefect 3.8 raises when Ctrl-C lands mid task-run creation
    except ValueError as exc:
        assert _interrupt_behind(exc) is interrupt
    assert _interrupt_behind(ValueError("plain")) is None
