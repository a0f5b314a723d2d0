"""The merge harness (``python -m banmian.merge_bench``) makes runs of the article_terms shape and merges them
(what it measures is not checked here: no timed tests)."""

from __future__ import annotations

import pyarrow.compute as pc

from banmian import merge_bench
from banmian.tasks.store import schema


def test_a_synthetic_run_has_the_shape_of_a_batch_of_article_terms() -> None:
    run = merge_bench.synthetic_run(3, 1_000, 200)
    assert run.schema == schema.STORED["article_terms"] and run.num_rows == 1_000
    assert pc.count_distinct(run["article_id"]).as_py() == 1_000 // merge_bench.TERMS_PER_ARTICLE
    assert pc.count_distinct(run["term"]).as_py() < 200  # Zipf-drawn: the rare terms are missed


def test_a_measure_merges_every_row() -> None:
    line = merge_bench.measure(3, 500, 50)
    assert line.startswith("runs    3  rows   0.00 M") and "peak RSS" in line
