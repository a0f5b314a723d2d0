"""The rows of the tables about the articles' words: tokens, terms, headline terms, lengths and places.

Pure, like ``records``: model objects and the rows ``records`` made of them
in, Arrow tables with the explicit schemas of ``banmian.tasks.store.schema``
out. Built column by column for a whole batch of pages, not from one dict per
row: a 10,000-page run has about ten million tokens and six million article
terms, and a dict per row would hold gigabytes before the first file is
written; each column becomes an Arrow array once per batch, not once per page
(issue 19: a thousand small conversions per 200 pages cost more than the data).

Every row derives from the page's content (its sentences, cut by
``banmian.tasks.text.words``) and the dictionaries in force
(``words.vocabulary_digest``, part of each page's result digest), so a
re-run writes the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import pyarrow as pa

from banmian.tasks.model import Article
from banmian.tasks.store import schema
from banmian.tasks.text import places, words

#: One stored row: column name -> value (as in ``records``).
Row = dict[str, Any]


@dataclass
class Columns:
    """The columns of one stored table, filled a row at a time, turned into Arrow once."""

    names: Sequence[str]
    data: dict[str, list[Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.data = {name: [] for name in self.names}

    def add(self, **row: Any) -> None:
        """Append one row."""
        for name in self.names:
            self.data[name].append(row[name])

    def extend(self, n: int, **values: Any) -> None:
        """Append ``n`` rows: a list value gives each row its item, any other value is every row's."""
        for name in self.names:
            value = values[name]
            self.data[name].extend(value if isinstance(value, list) else [value] * n)

    def table(self, sch: pa.Schema) -> pa.Table:
        return pa.table({name: pa.array(self.data[name], type=sch.field(name).type) for name in sch.names},
                        schema=sch)


def headline_texts(article: Article) -> list[str]:
    """The article's texts other than its sentences: kicker, headline, subheadline (searched, and may name a place)."""
    return [text for text in (article.kicker, article.headline, article.subheadline) if text]


@dataclass
class BatchWords:
    """The word tables of a batch of pages' articles, column by column."""

    run_id: str
    tables: dict[str, Columns] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.tables = {name: Columns(schema.STORED[name].names) for name in schema.WORD_TABLES}

    def add_sentences(self, sentences: Sequence[Row]) -> tuple[list[list[str]], list[list[words.TokenKind]]]:
        """One ``sentence_tokens`` row per sentence; returns each sentence's tokens and their kinds.

        Filled a column at a time (issue 19: a call per row and column cost as much as the cut).
        """
        cut = [words.cut(s["text"]) for s in sentences]
        kinds = [words.token_kinds(tokens) for tokens in cut]
        data = self.tables["sentence_tokens"].data
        for name in ("sentence_id", "article_id", "page_id", "ordinal"):
            data[name].extend([s[name] for s in sentences])
        data["tokens"].extend(cut)
        data["kinds"].extend(kinds)
        data["run_id"].extend([self.run_id] * len(sentences))
        return cut, kinds

    def add_terms(self, article: Row, tokens: Sequence[Sequence[str]], kinds: Sequence[Sequence[words.TokenKind]]) -> None:
        """The article's ``article_terms`` rows (in order of first use) and its ``article_lengths`` row."""
        counts = words.term_counts(tokens, kinds)
        n_terms = sum(counts.values())
        ids = {"article_id": article["article_id"], "page_id": article["page_id"], "run_id": self.run_id}
        terms = list(counts)
        self.tables["article_terms"].extend(len(terms), **ids, term=terms, kind=words.token_kinds(terms),
                                            tf=list(counts.values()), doc_terms=n_terms)
        self.tables["article_lengths"].add(**ids, tokens=sum(len(t) for t in tokens), terms=n_terms)

    def add_headline_terms(self, article: Row, heads: Sequence[Sequence[str]]) -> None:
        """The article's ``headline_terms`` rows: the terms of its kicker, headline and subheadline (cut each)."""
        counts = words.term_counts(heads)
        terms = list(counts)
        self.tables["headline_terms"].extend(
            len(terms), article_id=article["article_id"], page_id=article["page_id"], run_id=self.run_id,
            term=terms, kind=words.token_kinds(terms), tf=list(counts.values()))

    def add_places(self, article: Row, found: Iterable[places.PlaceMention]) -> None:
        """The article's ``article_places`` rows."""
        for m in found:
            self.tables["article_places"].add(
                article_id=article["article_id"], page_id=article["page_id"], province=m.place.province,
                city=m.place.city, county=m.place.county, adcode=m.place.adcode, matched=m.matched,
                mentions=m.count, run_id=self.run_id)

    def add_page(self, articles: Sequence[tuple[Article, Row]], sentences: Sequence[Row]) -> None:
        """The word rows of one page: its articles (model object and stored row) and its sentence rows."""
        by_article: dict[str, list[Row]] = {}
        for s in sentences:
            by_article.setdefault(s["article_id"], []).append(s)
        place_tokens: list[Iterable[str]] = []
        for article, row in articles:
            tokens, kinds = self.add_sentences(by_article.get(row["article_id"], []))
            self.add_terms(row, tokens, kinds)
            heads = [words.cut(text) for text in headline_texts(article)]
            self.add_headline_terms(row, heads)
            place_tokens.append(chain.from_iterable((*heads, *tokens)))
        for (_, row), found in zip(articles, places.page_mentions(place_tokens), strict=True):
            self.add_places(row, found)

    def arrow(self) -> dict[str, pa.Table]:
        return {name: cols.table(schema.STORED[name]) for name, cols in self.tables.items()}
