"""banmian search: ranked hits with where they were printed and a marked snippet, on a real warehouse."""

from __future__ import annotations

import re
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


def printed_headlines(out: str) -> list[str]:
    """The headline of each hit ``banmian search`` printed, in order, without the marks."""
    return [line.split("  ")[-1].replace("【", "").replace("】", "")
            for line in out.splitlines() if line[:5].strip().endswith(".")]


def test_hits_show_rank_page_headline_and_a_marked_snippet(word_wh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = search(capsys, word_wh, "营商环境")
    assert code == 0
    first, second = out.split("\n\n")
    assert first.splitlines()[0].startswith("  1. [") and "2023-03-06  优化【营商】【环境】" in first
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
    assert printed_headlines(out) == headlines


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


def test_every_seed_article_is_found_by_a_word_only_in_its_headline(seed_wh: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Headlines are searched: each seed article's rarest word that its body never uses finds it."""
    wh = Warehouse(seed_wh)
    rarest = rows(wh, """
        WITH head_only AS (SELECT h.article_id, h.term FROM headline_terms AS h
                      ANTI JOIN article_terms AS t ON t.article_id = h.article_id AND t.term = h.term),
             df AS (SELECT term, count(DISTINCT article_id) AS df
                    FROM (SELECT term, article_id FROM article_terms UNION ALL
                          SELECT term, article_id FROM headline_terms) GROUP BY term)
        SELECT o.article_id, arg_min(o.term, (df.df, o.term)) AS term, any_value(a.headline) AS headline
        FROM head_only AS o JOIN df USING (term) JOIN articles AS a USING (article_id) GROUP BY o.article_id""")
    assert len(rarest) >= 5  # most seed headlines say something their bodies do not
    for r in rarest:
        found = [h["article_id"] for h in rows(wh, "SELECT article_id FROM search(?)", [r["term"]])]
        assert r["article_id"] in found[:3], r
        code, out = search(capsys, seed_wh, r["term"], "--limit", "3")
        assert code == 0 and r["headline"] in printed_headlines(out), r


def test_a_headline_hit_ranks_above_a_body_hit_of_equal_frequency(headline_wh: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    wh = Warehouse(headline_wh)
    counts = rows(wh, "SELECT a.headline, coalesce(h.tf, 0) AS head, coalesce(t.tf, 0) AS body FROM articles AS a "
                      "LEFT JOIN headline_terms AS h ON h.article_id = a.article_id AND h.term = '播种' "
                      "LEFT JOIN article_terms AS t ON t.article_id = a.article_id AND t.term = '播种' "
                      "WHERE h.tf IS NOT NULL OR t.tf IS NOT NULL ORDER BY a.headline")
    assert counts == [{"headline": "春季播种全面展开", "head": 1, "body": 0},
                      {"headline": "田间地头一片繁忙", "head": 0, "body": 1}]
    assert [r["headline"] for r in rows(wh, "SELECT headline FROM search('播种')")] == ["春季播种全面展开", "田间地头一片繁忙"]
    code, out = search(capsys, headline_wh, "播种")
    assert code == 0 and printed_headlines(out) == ["春季播种全面展开", "田间地头一片繁忙"]
    assert "2023-04-03  春季【播种】全面展开" in out and "各地抓住有利时机，春季【播种】全面展开。" in out


@pytest.mark.parametrize(("args", "headlines"), [
    (["--kind", "feature"], ["田间地头一片繁忙"]),
    (["--author", "孙七"], ["春季播种全面展开"]),
    (["--from", "2023-04-01", "--to", "2023-04-30"], ["春季播种全面展开", "田间地头一片繁忙"]),
    (["--to", "2023-03-31"], []),
])
def test_filters_keep_headline_hits(headline_wh: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                    headlines: list[str]) -> None:
    code, out = search(capsys, headline_wh, "播种", *args)
    assert (code, printed_headlines(out)) == (0 if headlines else 1, headlines)


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
    assert re.fullmatch(r"3 pages, 5 articles, \d+\.\d MB on disk; load .* before", out[0])
    assert [line.split()[:2] for line in out[2:4]] == [["营商环境", "2"], ["火星", "0"]]
    assert [line.split(":")[0] for line in out[4:7]] == [
        "search() over all queries", "banmian search (open connection) over all queries",
        "banmian search (fresh connection) over all queries"]
    assert all(re.search(r"median \d+\.\d ms, p95 \d+\.\d ms \(CPU: median \d+\.\d ms\)$", line)
               for line in out[4:7])
    assert out[-1].endswith("after")
