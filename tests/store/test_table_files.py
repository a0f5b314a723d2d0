"""A clustered table's rows, added a batch at a time, end in its file in the order one stable sort of all of
them gives, however the merge of the batches' sorted runs is cut into chunks."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banmian.tasks.store import schema, table_files
from banmian.tasks.store.table_files import TableFiles

TERMS = schema.STORED["article_terms"]


def _terms(rows: list[tuple[str, int]], batch: int) -> pa.Table:
    """article_terms rows of one batch: ``(term, tf)``, each row's article_id telling where it was added."""
    return pa.Table.from_pylist([{"article_id": f"b{batch}r{i}", "page_id": f"p{batch}", "term": term, "kind": "w",
                                  "tf": tf, "doc_terms": 1, "run_id": "run"} for i, (term, tf) in enumerate(rows)],
                                schema=TERMS)


def _stored_terms(root: Path, batches: list[pa.Table]) -> pa.Table:
    files = TableFiles(root, "run")
    for batch in batches:
        files.add({"article_terms": batch})
    assert files.held_rows() == {"article_terms": 0}  # a clustered table's rows are never held
    (entry,) = files.finish()
    assert not [p for p in (root / "data" / "article_terms").iterdir() if p.name.startswith(".tmp-")]
    return pq.read_table(root / entry.file)


BATCHES = st.lists(st.lists(st.tuples(st.sampled_from(["丁", "三", "上", "下", "不", "与", "中"]),
                                      st.integers(0, 3)), min_size=1, max_size=40), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=BATCHES, chunk_bytes=st.sampled_from([1, 200, 2_000, 1 << 20]),
       out_rows=st.sampled_from([1, 7, 1 << 16]))
def test_runs_merge_into_the_order_of_one_stable_sort(tmp_path_factory: pytest.TempPathFactory,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      batches: list[list[tuple[str, int]]], chunk_bytes: int,
                                                      out_rows: int) -> None:
    """Ties (one term in several batches, or in several chunks of one) keep the order the rows were added in."""
    monkeypatch.setattr(table_files, "MERGE_CHUNK_BYTES", chunk_bytes)  # runs after the first get smaller chunks:
    monkeypatch.setattr(table_files, "MERGE_BYTES", 2 * chunk_bytes)
    monkeypatch.setattr(table_files, "MIN_CHUNK_BYTES", min(chunk_bytes, 200))
    monkeypatch.setattr(table_files, "MERGE_OUT_ROWS", out_rows)
    tables = [_terms(rows, i) for i, rows in enumerate(batches)]
    stored = _stored_terms(tmp_path_factory.mktemp("wh"), tables)
    expected = pa.concat_tables(tables).sort_by([("term", "ascending")])
    assert stored.equals(expected)


def test_a_clustered_table_of_one_term_in_one_chunk_a_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run whose chunks all hold the bound's value is read to its end before any of it is taken."""
    monkeypatch.setattr(table_files, "MERGE_CHUNK_BYTES", 1)
    monkeypatch.setattr(table_files, "MIN_CHUNK_BYTES", 1)
    tables = [_terms([("中", i) for i in range(5)], 0), _terms([("下", 0), ("中", 9), ("丁", 1)], 1)]
    stored = _stored_terms(tmp_path, tables)
    assert stored.column("term").to_pylist() == ["丁", "下", "中", "中", "中", "中", "中", "中"]
    assert stored.column("article_id").to_pylist() == ["b1r2", "b1r0", "b0r0", "b0r1", "b0r2", "b0r3", "b0r4", "b1r1"]


def test_chunk_rows_fill_the_chunk() -> None:
    table = _terms([("中", 1)] * 100, 0)
    assert table_files.chunk_rows(table, table.nbytes) == 100
    assert table_files.chunk_rows(table, table.nbytes // 2) in (49, 50)
    assert table_files.chunk_rows(table, 1) == 1
