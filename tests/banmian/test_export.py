"""banmian export: every current article in one flat file, read back by tools that know nothing of banmian."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from tests.support.warehouse_fixtures import rows

from banmian.cli import main
from banmian.tasks.store.warehouse import Warehouse


def export(capsys: pytest.CaptureFixture[str], wh: Path, out: Path, *args: str) -> tuple[int, str]:
    code = main(["export", "--warehouse", str(wh), "--out", str(out), *args])
    return code, capsys.readouterr().out


def read_back(path: Path, fmt: str) -> list[dict[str, object]]:
    """The exported rows, read with the format's own reader."""
    if fmt == "parquet":
        return pq.read_table(path).to_pylist()
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "csv"])
def test_every_article_is_exported_with_its_page(seed_wh: Path, tmp_path: Path, fmt: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"articles.{fmt}"
    code, said = export(capsys, seed_wh, out, "--format", fmt)
    expected = rows(Warehouse(seed_wh), "SELECT article_id, headline, body, authors FROM articles "
                                        "ORDER BY article_id")
    got = sorted(read_back(out, fmt), key=lambda r: str(r["article_id"]))
    assert code == 0 and f"Exported {len(expected)} articles" in said
    assert [r["article_id"] for r in got] == [e["article_id"] for e in expected]
    assert [r["body"] for r in got] == [e["body"] for e in expected]  # Chinese text and blank lines intact
    for row, want in zip(got, expected, strict=True):
        authors = row["authors"]
        assert authors == ("、".join(want["authors"]) if fmt == "csv" else want["authors"])
    assert not list(tmp_path.glob(".*.tmp"))


def test_dates_bound_the_export_and_undated_pages_drop_out(word_wh: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    wh = Warehouse(word_wh)
    march = rows(wh, "SELECT article_id FROM article_export WHERE issue_date BETWEEN DATE '2023-03-01' "
                     "AND DATE '2023-03-10' ORDER BY article_id")
    assert 0 < len(march) < len(rows(wh, "SELECT article_id FROM articles"))
    code, _ = export(capsys, word_wh, tmp_path / "march.jsonl", "--format", "jsonl",
                     "--from", "2023-03-01", "--to", "2023-03-10")
    got = read_back(tmp_path / "march.jsonl", "jsonl")
    assert code == 0 and sorted(r["article_id"] for r in got) == [r["article_id"] for r in march]
    assert all(str(r["issue_date"]).startswith("2023-03-0") for r in got)
    code, said = export(capsys, word_wh, tmp_path / "none.parquet", "--from", "1990-01-01", "--to", "1990-12-31")
    assert code == 1 and "Exported 0 articles" in said


def test_the_warehouse_reads_with_pyarrow_alone(seed_wh: Path) -> None:
    """The Parquet files are the storage of record: no banmian and no DuckDB needed to count the articles."""
    articles = ds.dataset(seed_wh / "data" / "articles", format="parquet").to_table()
    assert articles.num_rows == len(rows(Warehouse(seed_wh), "SELECT article_id FROM articles"))
    assert set(articles.column("article_id").to_pylist()) == {
        r["article_id"] for r in rows(Warehouse(seed_wh), "SELECT article_id FROM articles")}
