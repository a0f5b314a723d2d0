"""Fixtures of the warehouse tests: a fresh warehouse root in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from banmian.tasks.store.warehouse import Warehouse


@pytest.fixture
def wh(tmp_path: Path) -> Warehouse:
    """A warehouse root that holds nothing yet (no database until a writer opens it)."""
    return Warehouse(tmp_path / "wh")
