"""ids: content-derived row ids, and run ids that sort by time."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from banmian.tasks.store import ids


def test_content_ids_depend_on_every_field_and_its_boundaries() -> None:
    assert ids.article_id("p", 1, "x") == ids.article_id("p", 1, "x")
    assert re.fullmatch(r"[0-9a-f]{16}", ids.article_id("p", 1, "x"))
    # same body at another place on the page is another article
    assert ids.article_id("p", 1, "x") != ids.article_id("p", 2, "x")
    # field boundaries matter
    assert ids.article_id("p1", 12, "b") != ids.article_id("p11", 2, "b")
    assert ids.block_id("a", 1, "p", "text") != ids.block_id("a", 1, "h", "text")
    assert ids.sentence_id("b", 1, "。") != ids.sentence_id("b", 2, "。")


def test_run_ids_sort_by_time_and_differ() -> None:
    t = datetime(2025, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
    r1, r2 = ids.new_run_id(t), ids.new_run_id(t)
    assert r1.startswith("20250304T050607Z-") and r1 != r2
    assert ids.new_run_id(datetime(2024, 1, 1, tzinfo=timezone.utc)) < r1
