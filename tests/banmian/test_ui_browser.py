"""The Prefect UI, rendered by a real headless Chromium, shows the served run and its artifacts.

Uses Debian's ``chromium`` (``.ci/run`` installs it) directly: ``--dump-dom``
gives the DOM after the single-page app has rendered, ``--screenshot`` a PNG.
No browser download, no driver. Without Chromium the tests skip, except in
CI (``CI`` set), where they fail: there the browser is part of the contract.

Screenshots go to ``out/`` (gitignored) on every run. ``docs/ui-flow-run.png``
and ``docs/ui-run-summary.png`` (shown by the README) are written only when
missing or with ``BANMIAN_UPDATE_SCREENSHOTS=1``, so a test run does not
dirty the working tree.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest
from tests.support.prefect_server import REPO, UIStack

from banmian.tasks.prefect_tasks import SUMMARY_ARTIFACT_KEY


WINDOW = "1280,900"
CHROMIUM_TIMEOUT_S = 90
#: Flags for a root, sandbox-less, offline container: nothing may phone home or fetch a component.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio",
    "--hide-scrollbars", f"--window-size={WINDOW}",
    "--virtual-time-budget=15000",  # let the app fetch from the API and render before dumping
]
OUT = REPO / "out"
DOCS = REPO / "docs"


def find_chromium() -> str | None:
    explicit = os.environ.get("BANMIAN_CHROMIUM")
    if explicit:
        return explicit
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if path := shutil.which(name):
            return path
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    """The browser binary. Requested before ``ui_stack`` so that a missing browser costs no server start."""
    path = find_chromium()
    if path is None:
        message = ("headless Chromium not found (looked for chromium, chromium-browser, google-chrome; "
                   "or set BANMIAN_CHROMIUM). On Debian/Ubuntu: apt-get install -y chromium; "
                   ".ci/run installs it in CI.")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def run_chromium(binary: str, url: str, *mode: str) -> subprocess.CompletedProcess[str]:
    """One headless Chromium invocation with a throwaway profile; its process group is killed on timeout."""
    with tempfile.TemporaryDirectory(prefix="banmian-chromium-") as profile:
        cmd = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *mode, url]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            out, err = proc.communicate(timeout=CHROMIUM_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            pytest.fail(f"chromium did not finish within {CHROMIUM_TIMEOUT_S} s on {url}\n{err[-2000:]}")
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # renderer/GPU helpers left behind, if any
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def rendered_text(binary: str, url: str, expect: list[str], attempts: int = 3) -> str:
    """The visible text of ``url`` once it shows everything in ``expect`` (retried: a slow machine may
    need more than one virtual-time budget for the app to load its data)."""
    text = ""
    for _ in range(attempts):
        done = run_chromium(binary, url, "--dump-dom")
        assert done.returncode == 0, f"chromium --dump-dom {url} exited {done.returncode}\n{done.stderr[-2000:]}"
        text = visible_text(done.stdout)
        if all(e in text for e in expect):
            return text
    missing = [e for e in expect if e not in text]
    pytest.fail(f"{url} does not show {missing}; it shows:\n{text[:3000]}")


def visible_text(dom: str) -> str:
    dom = re.sub(r"<(script|style)\b.*?</\1>", " ", dom, flags=re.DOTALL | re.IGNORECASE)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", dom))).strip()


def screenshot(binary: str, url: str, name: str) -> Path:
    """Save a PNG of ``url`` as out/<name> (and docs/<name> if missing or asked for); return the out/ path."""
    OUT.mkdir(exist_ok=True)
    target = OUT / name
    target.unlink(missing_ok=True)
    done = run_chromium(binary, url, f"--screenshot={target}")
    assert done.returncode == 0 and target.is_file(), f"no screenshot of {url}\n{done.stderr[-2000:]}"
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), "not a PNG"
    assert 10_000 < len(data) < 1_500_000, f"{name}: {len(data)} bytes (blank page, or too big to commit?)"
    if os.environ.get("BANMIAN_UPDATE_SCREENSHOTS") == "1" or not (DOCS / name).exists():
        DOCS.mkdir(exist_ok=True)
        shutil.copyfile(target, DOCS / name)
    return target


def test_flow_run_page_shows_the_run(chromium: str, ui_stack: UIStack) -> None:
    s = ui_stack
    url = f"{s.url}/runs/flow-run/{s.flow_run_id}"
    text = rendered_text(chromium, url, [s.flow_run_name, "Completed"])
    assert "banmian-ingest" in text and "daily" in text  # flow and deployment links
    assert "found 2 page files" in text  # the Logs tab (open by default) tells the story
    shot = screenshot(chromium, url, "ui-flow-run.png")
    print(f"screenshot of {url}: {shot} ({shot.stat().st_size // 1024} KB)")


def test_artifacts_page_lists_the_run_summary(chromium: str, ui_stack: UIStack) -> None:
    s = ui_stack
    text = rendered_text(chromium, f"{s.url}/artifacts/key/{SUMMARY_ARTIFACT_KEY}",
                         [SUMMARY_ARTIFACT_KEY, s.flow_run_name])
    assert "Created" in text  # the key's timeline, which grows by one entry per run
    latest = s.latest_artifact_id(SUMMARY_ARTIFACT_KEY)
    url = f"{s.url}/artifacts/artifact/{latest}"
    rendered_text(chromium, url, ["pages loaded", "articles", s.flow_run_name])
    screenshot(chromium, url, "ui-run-summary.png")
