"""The Prefect UI, rendered by a real headless Chromium, shows the served run and its artifacts.

Playwright (the ``playwright`` package of the ``test`` extra: its driver only)
drives Debian's ``chromium`` (``.ci/run`` installs it) through
``executable_path``: no browser download, ``playwright install`` is never
needed. Each test waits for the text it needs to appear in the page (the
single-page app loads its data after the page itself), then takes the
screenshot: a condition, not a time budget, so a busy machine only makes the
tests slower. The wait's timeout is a safety net for a broken page, never a
measurement. Without Chromium the tests skip, except in CI (``CI`` set), where
they fail: there the browser is part of the contract.

Screenshots go to ``out/`` (gitignored) on every run. ``docs/ui-flow-run.png``
and ``docs/ui-run-summary.png`` (shown by the README) are written only when
missing or with ``BANMIAN_UPDATE_SCREENSHOTS=1``, so a test run does not
dirty the working tree.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from tests.support.prefect_server import REPO, UIStack

from banmian.tasks.prefect_tasks import SUMMARY_ARTIFACT_KEY


VIEWPORT: Final[ViewportSize] = {"width": 1280, "height": 900}
#: Safety net for every wait on the browser (start, navigation, content): an idle machine shows each
#: page within ~3 s of navigating; a page still missing its text after this is broken, not slow.
UI_TIMEOUT_S: Final = 120.0
#: How often a wait re-reads the page's text (polling, not a deadline).
POLL_MS: Final = 250
#: Flags for a root, sandbox-less, offline container: nothing may phone home or fetch a component.
CHROMIUM_FLAGS: Final = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio",
    "--hide-scrollbars",
]
#: The page's rendered text (``innerText``: what a reader sees), whitespace collapsed.
PAGE_TEXT_JS: Final = "() => (document.body ? document.body.innerText : '').replace(/\\s+/g, ' ').trim()"
#: True once the page's rendered text contains every string of the argument.
SHOWS_ALL_JS: Final = (
    "needles => { const text = (document.body ? document.body.innerText : '').replace(/\\s+/g, ' ');"
    " return needles.every(n => text.includes(n)); }")
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


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Browser]:
    """The installed Chromium, started by Playwright (``executable_path``: never a downloaded one) once
    for this module's tests."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS,
                                              timeout=UI_TIMEOUT_S * 1000)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context (no cookies or storage from another test) with one page."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(UI_TIMEOUT_S * 1000)
    context.set_default_navigation_timeout(UI_TIMEOUT_S * 1000)
    try:
        yield context.new_page()
    finally:
        context.close()


def page_text(page: Page) -> str:
    return page.evaluate(PAGE_TEXT_JS)


def show(page: Page, url: str, expect: list[str]) -> None:
    """Open ``url`` and wait until it shows everything in ``expect``. Fails, with what the page shows
    instead, only if that has not happened within the ``UI_TIMEOUT_S`` safety net."""
    page.goto(url, wait_until="domcontentloaded")
    try:
        page.wait_for_function(SHOWS_ALL_JS, arg=expect, polling=POLL_MS, timeout=UI_TIMEOUT_S * 1000)
    except PlaywrightTimeoutError:
        text = page_text(page)
        missing = [e for e in expect if e not in text]
        pytest.fail(f"{url} does not show {missing} (waited {UI_TIMEOUT_S:.0f} s); it shows:\n{text[:3000]}")


def screenshot(page: Page, name: str) -> Path:
    """Save a PNG of the page as out/<name> (and docs/<name> if missing or asked for); return the out/ path."""
    OUT.mkdir(exist_ok=True)
    target = OUT / name
    target.unlink(missing_ok=True)
    page.screenshot(path=target, animations="disabled")
    assert target.is_file(), f"no screenshot of {page.url}"
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), "not a PNG"
    assert 10_000 < len(data) < 1_500_000, f"{name}: {len(data)} bytes (blank page, or too big to commit?)"
    if os.environ.get("BANMIAN_UPDATE_SCREENSHOTS") == "1" or not (DOCS / name).exists():
        DOCS.mkdir(exist_ok=True)
        shutil.copyfile(target, DOCS / name)
    return target


def test_flow_run_page_shows_the_run(chromium: str, ui_stack: UIStack, page: Page) -> None:
    s = ui_stack
    url = f"{s.url}/runs/flow-run/{s.flow_run_id}"
    show(page, url, [s.flow_run_name, "Completed",
                     "banmian-ingest", "daily",  # flow and deployment links
                     "found 2 page files"])  # the Logs tab (open by default) tells the story
    page.locator(".run-graph__stage canvas").wait_for()  # the run graph is drawn in it
    shot = screenshot(page, "ui-flow-run.png")
    print(f"screenshot of {url}: {shot} ({shot.stat().st_size // 1024} KB)")


def test_artifacts_page_lists_the_run_summary(chromium: str, ui_stack: UIStack, page: Page) -> None:
    s = ui_stack
    show(page, f"{s.url}/artifacts/key/{SUMMARY_ARTIFACT_KEY}",
         [SUMMARY_ARTIFACT_KEY, s.flow_run_name,
          "Created"])  # the key's timeline, which grows by one entry per run
    latest = s.latest_artifact_id(SUMMARY_ARTIFACT_KEY)
    url = f"{s.url}/artifacts/artifact/{latest}"
    show(page, url, ["pages loaded", "articles", s.flow_run_name])
    screenshot(page, "ui-run-summary.png")
