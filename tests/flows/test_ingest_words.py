"""A real flow run (Prefect test harness) on the bundled sample gives tokens, keywords and places, idempotently."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.paths import SAMPLE
from tests.support.warehouse_fixtures import count, rows, state_checksum

from banmian.flows.ingest import ingest
from banmian.tasks.store import schema
from banmian.tasks.store.warehouse import Warehouse

pytestmark = pytest.mark.usefixtures("prefect_harness")

WORDS = schema.WORD_TABLES + ("tokens", "article_keywords", "place_mentions_by_month", "author_output_by_month",
                              "keyword_trend_by_week")


def test_the_sample_gives_tokens_keywords_and_places(tmp_path: Path) -> None:
    wh_dir = str(tmp_path / "wh")
    ingest(source=str(SAMPLE), warehouse=wh_dir)
    wh = Warehouse(wh_dir)
    assert count(wh, "SELECT count(*) FROM tokens") == count(wh, "SELECT sum(len(tokens)) FROM sentence_tokens") > 0
    with_text = count(wh, "SELECT count(*) FROM articles WHERE n_chars > 0")
    assert count(wh, "SELECT count(DISTINCT article_id) FROM article_keywords") == with_text
    counties = {r["county"] for r in rows(wh, "SELECT DISTINCT county FROM article_places WHERE city = '四平市'")}
    assert {"铁西区", "伊通满族自治县", "梨树县"} <= counties
    assert rows(wh, "SELECT headline FROM search('营商环境') WHERE rank = 1")

    before = state_checksum(wh, WORDS)
    again = ingest(source=str(SAMPLE), warehouse=wh_dir)
    refreshed = ingest(source=str(SAMPLE), warehouse=wh_dir, full_refresh=True)
    assert (again.pages_loaded, refreshed.pages_loaded) == (0, 0)
    assert state_checksum(wh, WORDS) == before
