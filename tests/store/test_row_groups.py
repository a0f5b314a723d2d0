"""Parquet that engines can split: a large table is written in several row groups, also after compaction."""

from __future__ import annotations

import pyarrow.parquet as pq
from tests.support.warehouse_fixtures import commit, count, synthetic_page

from banmian.tasks.model import Article, Block, PageResult
from banmian.tasks.store.files import ROW_GROUP_ROWS
from banmian.tasks.store.warehouse import Warehouse

#: Sentences per synthetic page: two such pages hold more rows than one row group.
SENTENCES: int = ROW_GROUP_ROWS * 3 // 4


def _long_page(path: str, seed: str) -> tuple:
    body = "".join(f"{'一二三四五六七八九十'[i % 10]}{seed}。" for i in range(SENTENCES))
    article = Article(kind="news", headline=f"长文{seed}", blocks=[Block("p", body)], first_line=1)
    return synthetic_page(path, f"{seed}{body}"), PageResult(articles=[article], residue=[], meta={})


def test_a_large_compacted_table_has_more_than_one_row_group(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, [_long_page("a.txt", "甲")])
        commit(w, [_long_page("b.txt", "乙")])
        w.compact()
    assert count(wh, "SELECT count(*) FROM sentences") == 2 * SENTENCES
    (sentences,) = (wh.root / "data" / "sentences").glob("*.parquet")
    meta = pq.ParquetFile(sentences).metadata
    assert meta.num_rows == 2 * SENTENCES and meta.num_row_groups == 2
    stats = meta.row_group(1).column(meta.schema.names.index("page_id")).statistics
    assert stats is not None and stats.has_min_max  # engines can skip groups by page
