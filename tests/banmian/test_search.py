"""banmian search: ranked hits with where they were printed and a marked snippet, on a real warehouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.warehouse_fixtures import rows

from banmian import search_bench
from banmian.cli import main
from banmian.search import snippet
from banmian.tasks.store.warehouse import Warehouse


def search(capsys: pytest.CaptureFixture[str], wh: Path, *args: str) -> tuple[int, str]:
    code = main(["search", "--warehouse", str(wh), *args])
    return code, capsys.readouterr().out


def test_hits_show_rank_page_headline_and_a_marked_snippet(word_wh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = search(capsys, word_wh, "营商环境")
    assert code == 0
    first, second = out.split("\n\n")
    assert first.splitlines()[0].startswith("  1. [") and "2023-03-06  优化营商环境" in first
    assert "news · 张三 · matched 环境 营商" in first
    assert "【营商】【环境】" in first
    assert "2023-03-20  (no headline)" in second and "photo · matched" in second


@pytest.mark.parametrize(("args", "headlines"), [
    (["--kind", "photo"], ["(no headline)"]),
    (["--author", "张三"], ["优化营商环境"]),
    (["--from", "2023-03-10"], ["(no headline)"]),
    (["--to", "2023-03-10"], ["优化营商环境"]),
    (["--limit", "1"], ["优化营商环境"]),
])
def test_filters_and_limit(word_wh: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                           headlines: list[str]) -> None:
    code, out = search(capsys, word_wh, "营商环境", *args)
    assert code == 0
    assert [line.split("  ")[-1] for line in out.splitlines() if line[:5].strip().endswith(".")] == headlines


def test_nothing_found_exits_1(word_wh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert search(capsys, word_wh, "火星探测") == (1, "No article matches '火星探测'.\n")
    assert search(capsys, word_wh, "营商", "--from", "2030-01-01")[0] == 1
    assert search(capsys, word_wh, "，的")[0] == 1


def test_a_bad_date_or_a_missing_warehouse_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["search", "营商", "--from", "3月"])
    assert exc.value.code == 2
    assert main(["search", "营商", "--warehouse", str(tmp_path / "none")]) == 2
    assert "no warehouse" in capsys.readouterr().err


def test_every_seed_article_is_found_by_its_own_keyword(seed_wh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Done when: search() and banmian search find the seed articles by a word in their bodies."""
    wh = Warehouse(seed_wh)
    keywords = rows(wh, "SELECT k.article_id, k.term, a.headline FROM article_keywords AS k "
                        "JOIN articles AS a USING (article_id) WHERE k.rank = 1")
    assert len(keywords) == len(rows(wh, "SELECT article_id FROM articles WHERE n_chars > 0"))
    for k in keywords:
        found = [r["article_id"] for r in rows(wh, "SELECT article_id FROM search(?)", [k["term"]])]
        assert k["article_id"] in found[:3], k
    code, out = search(capsys, seed_wh, "营商环境")
    assert code == 0 and "提升政务服务水平 助力高质量发展" in out and "【营商】【环境】" in out


@pytest.mark.parametrize(("body", "terms", "width", "expected"), [
    ("今年以来，全县持续优化营商环境，营商主体增加。", ["营商", "环境"], 12, "…持续优化【营商】【环境】，【营商】主体…"),
    ("营商环境好。", ["营商"], 80, "【营商】环境好。"),
    ("一段。\n\n说营商。", ["营商"], 80, "…。 说【营商】。"),   # blank lines become one space
    ("没有匹配的词。", ["营商"], 4, "没有匹配…"),
])
def test_snippets(body: str, terms: list[str], width: int, expected: str) -> None:
    assert snippet(body, terms, width=width, lead=4) == expected


def test_the_benchmark_runs_every_query(word_wh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert search_bench.main(["--warehouse", str(word_wh), "--repeat", "1", "营商环境", "火星"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("3 pages, 5 articles; load ")
    assert [line.split()[:2] for line in out[2:4]] == [["营商环境", "2"], ["火星", "0"]]
    assert out[-2].startswith("search() median over the queries") and out[-1].endswith("after")
