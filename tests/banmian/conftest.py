"""Fixtures of the command-line tests: real warehouses to search and export, and the UI tests' Prefect stack."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.paths import SAMPLE
from tests.support.prefect_server import ui_stack  # noqa: F401 - a session fixture both UI test modules use
from tests.support.warehouse_fixtures import commit
from tests.support.word_pages import HEADLINE_PAGES, word_pages

from banmian.tasks.ingest.decode import decode_page
from banmian.tasks.ingest.pages import segment_decoded
from banmian.tasks.model import Reject
from banmian.tasks.store.warehouse import Warehouse


@pytest.fixture(scope="module")
def word_wh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("words") / "wh"
    with Warehouse(root).writer() as w:
        commit(w, word_pages())
    return root


@pytest.fixture(scope="module")
def headline_wh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("headlines") / "wh"
    with Warehouse(root).writer() as w:
        commit(w, word_pages() + word_pages(HEADLINE_PAGES))
    return root


@pytest.fixture(scope="module")
def seed_wh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled seed pages, segmented and stored as the flow stores them (without Prefect)."""
    root = tmp_path_factory.mktemp("seeds") / "wh"
    pages = []
    for path in sorted(SAMPLE.glob("*.txt")):
        page = decode_page(str(path), path.read_bytes(), 0.0)
        assert not isinstance(page, Reject)
        pages.append((page, segment_decoded(page)))
    with Warehouse(root).writer() as w:
        commit(w, pages)
    return root
