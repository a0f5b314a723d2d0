"""The words in the warehouse: tokens, article_keywords, search() and the monthly and weekly views, on real DuckDB."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date

import duckdb
import pyarrow.parquet as pq
import pytest
from tests.support.warehouse_fixtures import commit, count, rows, state_checksum
from tests.support.word_pages import HEADLINE_PAGES, word_pages

from banmian.tasks.store import schema
from banmian.tasks.store.views import DERIVED_TABLES, load_macros, load_report_views
from banmian.tasks.store.warehouse import Warehouse
from banmian.tasks.text import words

WORD_VIEWS = ("tokens", "article_keywords", "author_output_by_month", "place_mentions_by_month",
              "keyword_trend_by_week")


@pytest.fixture
def loaded(wh: Warehouse) -> Warehouse:
    with wh.writer() as w:
        commit(w, word_pages())
    return wh


def headlines(wh: Warehouse, sql: str, params: list[object] | None = None) -> list[str | None]:
    return [r["headline"] for r in rows(wh, sql, params)]


def bm25(wh: Warehouse, terms: list[str], k1: float = 1.2, b: float = 0.75) -> dict[str, float]:
    """BM25 of every article for ``terms``, by the textbook formula, from the stored counts."""
    lengths = {r["article_id"]: r["terms"] for r in rows(wh, "SELECT article_id, terms FROM article_lengths")}
    n, avgdl = len(lengths), sum(lengths.values()) / len(lengths)
    postings = rows(wh, "SELECT article_id, term, tf FROM article_terms")
    df = Counter(p["term"] for p in postings)
    scores: dict[str, float] = {}
    for p in postings:
        if p["term"] in terms:
            idf = math.log(1 + (n - df[p["term"]] + 0.5) / (df[p["term"]] + 0.5))
            norm = p["tf"] + k1 * (1 - b + b * lengths[p["article_id"]] / avgdl)
            scores[p["article_id"]] = scores.get(p["article_id"], 0.0) + idf * p["tf"] * (k1 + 1) / norm
    return scores


def bm25f(wh: Warehouse, terms: list[str], k1: float = 1.2, b: float = 0.75,
          head_weight: float = 4.0) -> dict[str, float]:
    """BM25F of every article for ``terms`` over its body and headlines, from the stored counts.

    Each term's counts are weighed into one (the body's normalised by its length), then saturated once.
    """
    lengths = {r["article_id"]: r["terms"] for r in rows(wh, "SELECT article_id, terms FROM article_lengths")}
    n, avgdl = len(lengths), sum(lengths.values()) / len(lengths)
    body = {(r["article_id"], r["term"]): r["tf"] for r in rows(wh, "SELECT article_id, term, tf FROM article_terms")}
    head = {(r["article_id"], r["term"]): r["tf"] for r in rows(wh, "SELECT article_id, term, tf FROM headline_terms")}
    df = Counter(term for _, term in body.keys() | head.keys())
    scores: dict[str, float] = {}
    for article, term in body.keys() | head.keys():
        if term in terms:
            idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
            x = (body.get((article, term), 0) / (1 - b + b * lengths[article] / avgdl)
                 + head_weight * head.get((article, term), 0))
            scores[article] = scores.get(article, 0.0) + idf * x * (k1 + 1) / (k1 + x)
    return scores


def test_the_tokens_view_has_one_row_per_token(loaded: Warehouse) -> None:
    assert count(loaded, "SELECT count(*) FROM tokens") == count(
        loaded, "SELECT sum(len(tokens)) FROM sentence_tokens")
    sentences = rows(loaded, "SELECT sentence_id, string_agg(token, '' ORDER BY position) AS text, "
                             "min(position) AS first, max(position) AS last, count(*) AS n "
                             "FROM tokens GROUP BY sentence_id")
    texts = {r["sentence_id"]: r["text"] for r in rows(loaded, "SELECT sentence_id, text FROM sentences")}
    assert len(sentences) == len(texts)
    for s in sentences:
        assert s["text"] == texts[s["sentence_id"]] and (s["first"], s["last"]) == (1, s["n"])


def test_search_ranks_by_bm25f(loaded: Warehouse) -> None:
    hits = rows(loaded, "SELECT * FROM search('营商环境')")
    expected = bm25f(loaded, ["营商", "环境"])
    assert [h["article_id"] for h in hits] == sorted(expected, key=lambda a: (-expected[a], a))
    for h in hits:
        assert h["score"] == pytest.approx(expected[h["article_id"]])
        assert h["terms"] == ["环境", "营商"]
    assert [h["rank"] for h in hits] == [1, 2]
    assert {h["headline"] for h in hits} == {"优化营商环境", None}  # None: the photo


def test_search_k1_b_and_head_weight_are_the_formulas(loaded: Warehouse) -> None:
    hits = rows(loaded, "SELECT article_id, score FROM search('铁西区 检查', k1 := 2.0, b := 0.5, head_weight := 2.5)")
    expected = bm25f(loaded, ["铁西区", "检查"], k1=2.0, b=0.5, head_weight=2.5)
    assert {h["article_id"]: pytest.approx(h["score"]) for h in hits} == expected


@pytest.mark.parametrize("query", ["企业", "主体", "农民 农时"])
def test_without_a_headline_hit_the_score_is_bm25(loaded: Warehouse, query: str) -> None:
    """Words only in bodies: BM25F is the textbook BM25."""
    hits = rows(loaded, "SELECT article_id, score FROM search(?)", [query])
    expected = bm25(loaded, words.query_terms(query))
    assert hits and {h["article_id"]: pytest.approx(h["score"]) for h in hits} == expected


@pytest.mark.parametrize("query", ["营商环境", "铁西区安全生产", "伊通满族自治县营商", "教师的宣誓", "营商 环境"])
def test_search_cuts_the_query_as_the_tokenizer_does(loaded: Warehouse, query: str) -> None:
    """search(q) reads a piece as the most probable run of the warehouse's terms: the tokenizer's cut, here."""
    cut = rows(loaded, "SELECT article_id, score, terms FROM search(?)", [query])
    given = rows(loaded, "SELECT article_id, score, terms FROM search(?, cut := false)",
                 [" ".join(words.query_terms(query))])
    assert cut == given and cut


def test_a_term_no_article_uses_finds_nothing(loaded: Warehouse) -> None:
    assert rows(loaded, "SELECT * FROM search('火星探测')") == []
    assert rows(loaded, "SELECT * FROM search('')") == []
    assert rows(loaded, "SELECT * FROM search('的，')") == []


@pytest.mark.parametrize(("filters", "expected"), [
    ("", ["优化营商环境", None]),
    (", kind := 'photo'", [None]),
    (", author := '王五'", [None]),            # a photographer counts as credited
    (", author := '张三'", ["优化营商环境"]),
    (", date_from := DATE '2023-03-10'", [None]),
    (", date_to := DATE '2023-03-10'", ["优化营商环境"]),
    (", date_from := DATE '2023-01-01', date_to := DATE '2023-12-31'", ["优化营商环境", None]),
    (", date_from := DATE '2024-01-01'", []),
])
def test_search_filters(loaded: Warehouse, filters: str, expected: list[str | None]) -> None:
    assert headlines(loaded, f"SELECT headline FROM search('营商环境'{filters}) ORDER BY rank") == expected


def test_undated_pages_match_until_a_date_is_asked(loaded: Warehouse) -> None:
    undated = rows(loaded, "SELECT date, headline FROM search('梨树县')")
    assert undated == [{"date": None, "headline": "梨树县春耕备耕"}]
    assert rows(loaded, "SELECT * FROM search('梨树县', date_to := DATE '2099-01-01')") == []
    assert rows(loaded, "SELECT date FROM search('教师')") == [{"date": date(2023, 3, 20)}]


def test_article_keywords_are_tf_idf_of_words(loaded: Warehouse) -> None:
    keywords = rows(loaded, "SELECT * FROM article_keywords")
    n = count(loaded, "SELECT count(*) FROM article_lengths")
    terms = rows(loaded, "SELECT * FROM article_terms WHERE kind = 'word' AND length(term) > 1")
    df = Counter(t["term"] for t in terms)
    expected = {(t["article_id"], t["term"]): t["tf"] / t["doc_terms"] * math.log(n / df[t["term"]]) for t in terms}
    assert keywords
    for k in keywords:
        assert k["tfidf"] == pytest.approx(expected[(k["article_id"], k["term"])])
        assert len(k["term"]) > 1 and not k["term"].isnumeric()
    per_article = Counter(k["article_id"] for k in keywords)
    assert max(per_article.values()) <= 10
    top = {k["term"] for k in keywords if k["rank"] == 1}
    assert "教师" in top  # said twice in its article, in no other


def test_monthly_and_weekly_views_add_up(loaded: Warehouse) -> None:
    credited = count(loaded, "SELECT sum(len(authors) + len(photographers)) FROM articles")
    assert count(loaded, "SELECT sum(articles) FROM author_output_by_month") == credited
    by_month = rows(loaded, "SELECT month, sum(articles) AS n FROM author_output_by_month "
                            "WHERE name = '张三' GROUP BY month")
    assert by_month == [{"month": date(2023, 3, 1), "n": 2}]
    places = rows(loaded, "SELECT month, county, articles, mentions, spellings FROM place_mentions_by_month "
                          "WHERE adcode IN ('220302', '220300') ORDER BY adcode")
    assert places == [
        {"month": date(2023, 3, 1), "county": None, "articles": 2, "mentions": 2, "spellings": ["四平", "四平市"]},
        {"month": date(2023, 3, 1), "county": "铁西区", "articles": 1, "mentions": 2, "spellings": ["铁西区"]}]
    trend = rows(loaded, "SELECT week, articles, week_articles, share FROM keyword_trend_by_week "
                         "WHERE term = '营商' ORDER BY week")
    assert trend == [{"week": date(2023, 3, 6), "articles": 1, "week_articles": 2, "share": 0.5},
                     {"week": date(2023, 3, 20), "articles": 1, "week_articles": 2, "share": 0.5}]
    assert count(loaded, "SELECT count(*) FROM keyword_trend_by_week WHERE week IS NULL") > 0  # the undated page


def test_a_second_run_of_the_same_pages_changes_no_row(loaded: Warehouse) -> None:
    names = schema.WORD_TABLES + WORD_VIEWS + ("_search_articles", "_word_stats")
    before = state_checksum(loaded, names)
    with loaded.writer() as w:
        commit(w, word_pages())
        commit(w, word_pages(), full_refresh=True)
    assert state_checksum(loaded, names) == before
    assert rows(loaded, "SELECT * FROM search('营商环境')") and before["article_places"][0] == 5


def test_compaction_keeps_the_terms_clustered(loaded: Warehouse, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(schema.CLUSTERED, "article_terms", schema.Clustering(("term",), 16))
    pages = word_pages()
    for _, result in pages[:2]:
        result.articles[0].blocks.append(result.articles[0].blocks[0])   # a new segmentation: new versions
    with loaded.writer() as w:
        commit(w, pages, full_refresh=True)
        before = state_checksum(loaded, ("article_terms", "tokens"))
        w.compact()
    assert state_checksum(loaded, ("article_terms", "tokens")) == before
    files = rows(loaded, "SELECT file FROM _manifest WHERE table_name = 'article_terms'")
    assert len(files) == 1
    data = pq.read_table(loaded.root / files[0]["file"])
    assert data.column("term").to_pylist() == sorted(data.column("term").to_pylist())
    meta = pq.ParquetFile(loaded.root / files[0]["file"]).metadata
    assert meta.num_row_groups > 1 and all(meta.row_group(i).num_rows <= 16 for i in range(meta.num_row_groups))


def test_search_articles_hold_each_current_article_once(loaded: Warehouse) -> None:
    """What search() filters and shows of an article, derived at each commit from the views."""
    expected = rows(loaded, "SELECT a.article_id, a.kind, a.headline, a.authors, a.photographers, l.terms, "
                            "printed_date(p.date) AS date, p.page_no, p.page_name FROM articles AS a "
                            "JOIN article_lengths AS l USING (article_id) JOIN pages AS p ON p.page_id = a.page_id "
                            "ORDER BY article_id")
    stored = rows(loaded, "SELECT * EXCLUDE (page_id) FROM _search_articles ORDER BY article_id")
    assert stored == expected and len(stored) == 5
    pages = word_pages()
    pages[0][1].articles.pop()  # a new segmentation of the first page: one article fewer
    with loaded.writer() as w:
        commit(w, pages, full_refresh=True)
    assert count(loaded, "SELECT count(*) FROM _search_articles") == 4
    assert headlines(loaded, "SELECT headline FROM search('铁西区')") == []


def test_each_runs_commit_keeps_search_articles_as_the_full_query_makes_them(loaded: Warehouse) -> None:
    """A run's commit updates _search_articles (the superseded pages' rows out, its own in) instead of
    re-making it: after runs that add a page, give a path new content, re-segment a page and forget the
    paths a full refresh did not see, it holds what the full query over the views gives."""
    full = f"SELECT * FROM ({DERIVED_TABLES['_search_articles']}) ORDER BY article_id"
    stored = "SELECT * FROM _search_articles ORDER BY article_id"
    pages, extra = word_pages(), word_pages(HEADLINE_PAGES)
    new_first = word_pages([("/in/w1.txt", "2023年3月7日", [("news", "营商环境新举措", ["张三"], [], ["营商环境持续优化。"])])])
    resegmented = word_pages()[1]
    resegmented[1].articles.pop()
    runs = [(pages + extra, False), (new_first + pages[1:], False), ([resegmented, *extra], True)]
    with loaded.writer() as w:
        for run, full_refresh in runs:
            commit(w, run, full_refresh=full_refresh)
            assert rows(loaded, stored) == rows(loaded, full)
    assert count(loaded, "SELECT count(*) FROM _search_articles") == 3
    assert count(loaded, "SELECT count(*) FROM _search_articles WHERE headline = '教师宣誓'") == 1


@pytest.mark.parametrize(("table", "order"), [
    ("article_terms", ["term"]),
    ("headline_terms", ["term"]),
    ("articles", ["page_id", "ordinal"]),   # banmian search fetches its hits' bodies by page
])
def test_a_runs_files_are_clustered(loaded: Warehouse, table: str, order: list[str]) -> None:
    """Lookups by term or page read only the row groups that may hold them."""
    assert list(schema.CLUSTERED[table].sort_by) == order
    (file,) = [r["file"] for r in rows(loaded, "SELECT file FROM _manifest WHERE table_name = ?", [table])]
    data = pq.read_table(loaded.root / file, columns=order).to_pylist()
    assert len(data) > 1 and data == sorted(data, key=lambda r: [r[c] for c in order])


def test_the_macro_and_views_are_documented(loaded: Warehouse) -> None:
    macros = rows(loaded, "SELECT function_name, comment FROM duckdb_functions() WHERE function_name = 'search'")
    assert len(macros) == 1 and "BM25" in macros[0]["comment"] and "Column rank:" in macros[0]["comment"]
    assert [m.name for m in load_macros()] == ["search"]
    assert set(WORD_VIEWS) <= {v.name for v in load_report_views()}
    grain = rows(loaded, "SELECT view_name, comment FROM duckdb_views() WHERE view_name IN "
                         f"({', '.join(repr(v) for v in WORD_VIEWS + schema.WORD_TABLES)})")
    assert len(grain) == len(WORD_VIEWS) + len(schema.WORD_TABLES) and all(g["comment"] for g in grain)


def test_a_schema_5_warehouse_gets_its_words_at_the_next_full_refresh(wh: Warehouse) -> None:
    """Schema 6 added the word tables: pages loaded before have none until a full refresh re-writes them."""
    with wh.writer() as w:
        commit(w, word_pages())
    con = duckdb.connect(str(wh.db_path))
    try:
        words_files = [r[0] for r in con.execute("SELECT file FROM _manifest WHERE table_name IN "
                                                 f"{tuple(schema.WORD_TABLES)}").fetchall()]
        con.execute(f"DELETE FROM _manifest WHERE table_name IN {tuple(schema.WORD_TABLES)}")
        con.execute("UPDATE _page_versions SET result_digest = 'records-3:' || result_digest")
        con.execute("DELETE FROM schema_version WHERE version >= 6")
    finally:
        con.close()
    for f in words_files:
        (wh.root / f).unlink()
    with wh.writer() as w:
        assert count(wh, "SELECT max(version) FROM schema_version") == schema.SCHEMA_VERSION
        assert count(wh, "SELECT count(*) FROM tokens") == 0 and rows(wh, "SELECT * FROM search('营商')") == []
        assert commit(w, word_pages()).pages_loaded == 0
        assert commit(w, word_pages(), full_refresh=True).pages_loaded == 3
    assert count(wh, "SELECT count(*) FROM article_places") == 5
    assert len(rows(wh, "SELECT * FROM search('营商环境')")) == 2


@pytest.mark.parametrize(("printed", "expected"), [
    ("2023年3月6日 星期一", date(2023, 3, 6)),
    ("2023年12月25日", date(2023, 12, 25)),
    ("2023-03-20", date(2023, 3, 20)),
    ("第3版 综合新闻", None),
    ("2023年2月30日", None),
    (None, None),
])
def test_printed_date_reads_the_pages_date(loaded: Warehouse, printed: str | None, expected: date | None) -> None:
    """The views' and search()'s one reading of pages.date (the scalar macro printed_date)."""
    assert rows(loaded, "SELECT printed_date(?::VARCHAR) AS d", [printed]) == [{"d": expected}]
