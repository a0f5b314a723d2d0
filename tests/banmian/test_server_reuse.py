"""``banmian run`` uses a running ``banmian server`` of its Prefect home, and says so in its first line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.support.prefect_server import REPO, SAMPLE, WAIT_TIMEOUT_S, UIStack, banmian, free_port, start_server

from banmian.prefect_env import SERVER_NOTE, forget_server, note_server, running_server


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[UIStack]:
    """A server of its own: this test's run must not become the latest run of the shared UI stack."""
    stack = start_server(tmp_path / "server")
    try:
        yield stack
    finally:
        stack.stop()


def test_a_run_uses_the_running_banmian_server(own_server: UIStack, tmp_path: Path) -> None:
    pages = tmp_path / "reuse-pages"
    shutil.copytree(SAMPLE, pages)
    env = {key: value for key, value in own_server.env.items() if key != "PREFECT_API_URL"}
    done = subprocess.run(banmian("run", "--source", str(pages), "--warehouse", str(tmp_path / "wh")), env=env,
                          cwd=REPO, capture_output=True, text=True, timeout=WAIT_TIMEOUT_S, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    first = done.stdout.splitlines()[0]
    assert f"(Prefect: the running banmian server at {own_server.url})" in first, done.stdout
    assert "Starting Prefect's local API" not in done.stdout
    runs = own_server.post("/flow_runs/filter", {"flow_runs": {"name": {"like_": "ingest-reuse-pages-"}},
                                                 "limit": 10, "offset": 0})
    assert [run["state_type"] for run in runs] == ["COMPLETED"]


def test_a_note_nothing_answers_at_is_no_server(tmp_path: Path) -> None:
    """A server killed without removing its note: the run starts its own API, as with no note."""
    assert running_server(tmp_path) is None
    note_server(tmp_path, f"http://127.0.0.1:{free_port()}")
    assert (tmp_path / SERVER_NOTE).is_file() and running_server(tmp_path, timeout=5.0) is None


def test_a_server_forgets_only_its_own_note(tmp_path: Path) -> None:
    note_server(tmp_path, "http://127.0.0.1:4301")
    forget_server(tmp_path, "http://127.0.0.1:4300")  # an older server stopping after a newer one started
    assert (tmp_path / SERVER_NOTE).read_text(encoding="utf-8") == "http://127.0.0.1:4301\n"
    forget_server(tmp_path, "http://127.0.0.1:4301")
    assert not (tmp_path / SERVER_NOTE).exists()


def test_shutting_prefect_down_imports_no_server_when_none_was_started(tmp_path: Path) -> None:
    """A run on a running banmian server ends without importing Prefect's server code (~1,000 modules, issue 19)."""
    code = ("import sys, prefect; from banmian.prefect_env import shutdown_prefect; shutdown_prefect(); "
            "print('prefect.server.api.server' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          timeout=WAIT_TIMEOUT_S, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
