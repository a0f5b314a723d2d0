"""Fixtures of the warehouse tests: a fresh warehouse root in tmp_path, and one loaded by two runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.warehouse_fixtures import PAGES, commit

from banmian.tasks.store.warehouse import Warehouse


@pytest.fixture
def wh(tmp_path: Path) -> Warehouse:
    """A warehouse root that holds nothing yet (no database until a writer opens it)."""
    return Warehouse(tmp_path / "wh")


@pytest.fixture
def loaded(wh: Warehouse) -> Warehouse:
    """``wh`` after two runs: ``PAGES[:3]``, then ``PAGES[3:]`` (two files per stored table)."""
    with wh.writer() as w:
        commit(w, PAGES[:3])
        commit(w, PAGES[3:])
    return wh
