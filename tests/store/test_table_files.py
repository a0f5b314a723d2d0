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


def _small_chunks(monkeypatch: pytest.MonkeyPatch, chunk_bytes: int, out_rows: int,
                  round_bytes: int = table_files.MERGE_ROUND_BYTES) -> None:
    """Runs cut in batches of about ``chunk_bytes`` (the later runs' smaller), merged ``out_rows`` at a time
    in rounds of about ``round_bytes``."""
    monkeypatch.setattr(table_files, "MERGE_CHUNK_BYTES", chunk_bytes)
    monkeypatch.setattr(table_files, "MERGE_BYTES", 2 * chunk_bytes)
    monkeypatch.setattr(table_files, "MIN_CHUNK_BYTES", min(chunk_bytes, 200))
    monkeypatch.setattr(table_files, "MERGE_OUT_ROWS", out_rows)
    monkeypatch.setattr(table_files, "MERGE_ROUND_BYTES", round_bytes)


BATCHES = st.lists(st.lists(st.tuples(st.sampled_from(["丁", "三", "上", "下", "不", "与", "中"]),
                                      st.integers(0, 3)), min_size=1, max_size=40), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=BATCHES, chunk_bytes=st.sampled_from([1, 200, 2_000, 1 << 20]),
       out_rows=st.sampled_from([1, 7, 1 << 16]), round_bytes=st.sampled_from([1, 1_000, 1 << 24]))
def test_runs_merge_into_the_order_of_one_stable_sort(tmp_path_factory: pytest.TempPathFactory,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      batches: list[list[tuple[str, int]]], chunk_bytes: int,
                                                      out_rows: int, round_bytes: int) -> None:
    """Ties (one term in several batches, or in several chunks of one) keep the order the rows were added in."""
    _small_chunks(monkeypatch, chunk_bytes, out_rows, round_bytes)
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


def test_three_hundred_runs_merge_into_one_stable_sort(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many runs whose terms interleave and repeat (within a run and across runs), read in batches of a few rows
    and merged in rounds of 50: the order of one stable sort of all the rows."""
    _small_chunks(monkeypatch, 300, 50)
    terms = ["丁", "三", "上", "下", "不", "与", "中", "丑", "专", "且"]
    tables = [_terms([(terms[(run * 7 + i * i) % len(terms) if i % 3 else run % 4], (run + i) % 5)
                      for i in range(3 + run % 11)], run) for run in range(300)]
    stored = _stored_terms(tmp_path, tables)
    assert stored.equals(pa.concat_tables(tables).sort_by([("term", "ascending")]))


ARTICLES = schema.STORED["articles"]
#: (page_id, ordinal) of a batch's articles rows: few values, so that keys tie in the first column, in both, or
#: none; None (a null) sorts after every value.
ARTICLE_KEYS = st.lists(st.lists(st.tuples(st.sampled_from(["a", "b", "c", None]), st.sampled_from([0, 1, 2, None])),
                                 min_size=1, max_size=30), min_size=1, max_size=12)


def _articles(keys: list[tuple[str | None, int | None]], batch: int) -> pa.Table:
    return pa.Table.from_pylist([{"article_id": f"b{batch}r{i}", "page_id": page, "ordinal": ordinal}
                                 for i, (page, ordinal) in enumerate(keys)], schema=ARTICLES)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=ARTICLE_KEYS, chunk_bytes=st.sampled_from([1, 300, 1 << 20]), out_rows=st.sampled_from([1, 7, 1 << 16]),
       round_bytes=st.sampled_from([1, 1_000, 1 << 24]))
def test_runs_sorted_on_two_columns_merge_into_one_stable_sort(tmp_path_factory: pytest.TempPathFactory,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               batches: list[list[tuple[str | None, int | None]]],
                                                               chunk_bytes: int, out_rows: int,
                                                               round_bytes: int) -> None:
    """A row placed by a round is before every row not yet read in both sort columns, nulls last."""
    _small_chunks(monkeypatch, chunk_bytes, out_rows, round_bytes)
    tables = [_articles(keys, i) for i, keys in enumerate(batches)]
    files = TableFiles(tmp_path_factory.mktemp("wh"), "run")
    for table in tables:
        files.add({"articles": table})
    (entry,) = files.finish()
    stored = pq.read_table(files.root / entry.file)
    assert stored.equals(pa.concat_tables(tables).sort_by([("page_id", "ascending"), ("ordinal", "ascending")]))


@pytest.mark.parametrize(("group_rows", "groups"), [(40, [40, 40, 40, 30]), (8, [8] * 18 + [6])])
@pytest.mark.parametrize(("chunk_bytes", "round_bytes"), [(1, 1), (500, 2_000), (1 << 20, 1 << 24)])
def test_row_groups_depend_on_the_rows_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk_bytes: int,
                                             round_bytes: int, group_rows: int, groups: list[int]) -> None:
    """However the runs are cut into batches and the merge into rounds, and whether the merge hands the file
    16 rows at a time or a group at a time (8 rows, a whole number of groups in 16), the same row groups."""
    _small_chunks(monkeypatch, chunk_bytes, 16, round_bytes)
    monkeypatch.setitem(schema.CLUSTERED, "article_terms", schema.Clustering(("term",), group_rows))
    tables = [_terms([("三上下"[(run + i) % 3], i) for i in range(25)], run) for run in range(6)]
    stored = _stored_terms(tmp_path, tables)
    (path,) = (tmp_path / "data" / "article_terms").iterdir()
    metadata = pq.ParquetFile(path).metadata
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == groups
    assert stored.equals(pa.concat_tables(tables).sort_by([("term", "ascending")]))


def test_a_round_of_wide_rows_reads_about_its_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows of ~1 KB (an article's text) are read ``MERGE_ROUND_BYTES`` at a time, not ``MERGE_OUT_ROWS``
    (65,536 of them held ~70 MB, copied ~4 times: the commit's peak at 10,000 pages)."""
    monkeypatch.setattr(table_files, "MERGE_ROUND_BYTES", 100_000)
    runs = table_files._SortedRuns(tmp_path / "data" / "article_terms" / "x.parquet", TERMS, ("term",))
    try:
        for run in range(4):
            runs.append(_terms([(f"{chr(0x4E00 + (run + i) % 50)}{'长' * 330}", i) for i in range(500)], run))
        runs.close()
        row_bytes = runs.nbytes / runs.rows
        assert 1_000 < row_bytes < 1_200 and runs.round_rows() == int(100_000 // row_bytes)
        widest = max(runs.batch_rows)
        read = [sum(runs.batch_rows[index] for _, index in reading) for reading, _ in table_files._rounds(runs)]
        assert sum(read) == 2_000 and max(read) < runs.round_rows() + widest and len(read) >= 2_000 // 120
    finally:
        runs.discard()


@pytest.mark.parametrize(("keys", "key", "placed"), [
    ([("a", 1), ("a", 2), ("b", 0)], ("a", 2), [True, True, False]),
    ([("a", 1), ("a", 2), ("b", 0)], ("a", 1), [True, False, False]),
    ([("a", 1), ("a", 2), ("b", 0)], ("a", 0), [False, False, False]),
    ([("a", 1), ("a", 2), ("b", 0)], ("b", 0), [True, True, True]),
    ([("b", 1), ("a", 2)], ("a", 9), [False, True]),
    ([("a", 1), ("a", None), (None, 0)], ("a", 5), [True, False, False]),
    ([("a", 1), ("a", None), (None, 0)], ("a", None), [True, True, False]),
    ([("a", 1), ("a", None), (None, 0)], (None, 0), [True, True, True]),
    ([("a", 1), (None, 1), (None, None)], (None, 1), [True, True, False]),
    ([("a", 1), ("b", 1)], None, [True, True]),
])
def test_rows_at_or_before_a_key(keys: list[tuple[str | None, int | None]], key: tuple[str | None, int | None] | None,
                                 placed: list[bool]) -> None:
    """Rows at or before a key on (page_id, ordinal), in the order of Table.sort_by (nulls last)."""
    mask = table_files._at_or_before(_articles(keys, 0), ("page_id", "ordinal"), key)
    assert mask.to_pylist() == placed
