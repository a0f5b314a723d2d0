"""word_records: the rows of tokens, terms, lengths and places a page becomes, without any warehouse."""

from __future__ import annotations

from collections import Counter

import pytest
from tests.support.warehouse_fixtures import page_and_result
from tests.support.word_pages import word_pages

from banmian.tasks.store import records, schema
from banmian.tasks.text import words

RUN = "20250101T000000Z-abcdef"


@pytest.fixture(scope="module")
def tables() -> dict:
    return records.page_tables(word_pages(), RUN)


def test_a_sentences_tokens_concatenate_to_it(tables: dict) -> None:
    texts = {r["sentence_id"]: r["text"] for r in tables["sentences"].to_pylist()}
    tokens = tables["sentence_tokens"].to_pylist()
    assert [r["sentence_id"] for r in tokens] == list(texts)
    for row in tokens:
        assert "".join(row["tokens"]) == texts[row["sentence_id"]]
        assert row["kinds"] == words.token_kinds(row["tokens"])


def test_terms_count_the_words_and_numbers_of_each_article(tables: dict) -> None:
    tokens_by_article: dict[str, list[list[str]]] = {}
    for row in tables["sentence_tokens"].to_pylist():
        tokens_by_article.setdefault(row["article_id"], []).append(row["tokens"])
    terms = tables["article_terms"].to_pylist()
    for article_id, sentences in tokens_by_article.items():
        mine = {r["term"]: r["tf"] for r in terms if r["article_id"] == article_id}
        assert mine == dict(words.term_counts(sentences))
        assert {r["doc_terms"] for r in terms if r["article_id"] == article_id} == {sum(mine.values())}
    assert {r["kind"] for r in terms} == {"word", "number"}
    assert Counter(r["term"] for r in terms)["营商"] == 2  # two articles use it


def test_lengths_count_tokens_and_terms(tables: dict) -> None:
    n_tokens: Counter[str] = Counter()
    for row in tables["sentence_tokens"].to_pylist():
        n_tokens[row["article_id"]] += len(row["tokens"])
    doc_terms = {r["article_id"]: r["doc_terms"] for r in tables["article_terms"].to_pylist()}
    lengths = tables["article_lengths"].to_pylist()
    assert len(lengths) == tables["articles"].num_rows
    for row in lengths:
        assert row["tokens"] == n_tokens[row["article_id"]]
        assert row["terms"] == doc_terms[row["article_id"]]


def test_headline_terms_count_the_words_and_numbers_of_each_headline(tables: dict) -> None:
    headlines = {r["article_id"]: r["headline"] for r in tables["articles"].to_pylist()}
    terms = tables["headline_terms"].to_pylist()
    for article_id, headline in headlines.items():
        mine = {r["term"]: r["tf"] for r in terms if r["article_id"] == article_id}
        assert mine == dict(words.term_counts([words.cut(headline or "")]))
    assert sorted(r["term"] for r in terms if headlines[r["article_id"]] == "优化营商环境") == ["优化", "环境", "营商"]
    assert not any(r["article_id"] for r in terms if headlines[r["article_id"]] is None)  # the photo has none



def test_places_of_each_article(tables: dict) -> None:
    heads = {r["article_id"]: r["headline"] for r in tables["articles"].to_pylist()}
    got = {(heads[r["article_id"]], r["matched"], r["adcode"], r["mentions"])
           for r in tables["article_places"].to_pylist()}
    assert got == {
        ("铁西区开展安全生产检查", "铁西区", "220302", 2),   # headline and body; 四平市 beside it says which
        ("铁西区开展安全生产检查", "四平市", "220300", 1),
        ("教师宣誓", "四平", "220300", 1),
        (None, "伊通满族自治县", "220323", 1),
        ("梨树县春耕备耕", "梨树县", "220322", 2),
    }


def test_word_rows_do_not_depend_on_the_run() -> None:
    a = records.page_tables(word_pages(), RUN)
    b = records.page_tables(word_pages(), "20990101T000000Z-000000")
    for name in schema.WORD_TABLES:
        assert a[name].drop(["run_id"]).equals(b[name].drop(["run_id"])), name


def test_pages_without_articles_have_no_word_rows() -> None:
    page, result = page_and_result("/in/x.txt", "空白")
    result.articles.clear()
    tables = records.page_tables([(page, result)], RUN)
    assert all(tables[name].num_rows == 0 for name in schema.WORD_TABLES)


def test_the_result_digest_follows_the_dictionaries(monkeypatch: pytest.MonkeyPatch) -> None:
    """A full refresh re-writes pages after a user dictionary changes: their digest changes with it."""
    _, result = word_pages()[0]
    before = records.result_digest(result)
    monkeypatch.setattr(words, "vocabulary_digest", lambda: "another dictionary")
    assert records.result_digest(result) != before
