"""Turn segmented pages into the rows the warehouse stores.

Pure: no DuckDB, no files. Each function takes model objects and returns
plain dicts or Arrow tables with the explicit schemas of ``banmian.tasks.store.schema``,
so the row shapes can be tested without a warehouse.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from typing import Any, Final, cast

import pyarrow as pa

from banmian.tasks.model import PAGE_META_KEYS, Article, DecodedPage, PageDating, PageMeta, PageResult, Reject
from banmian.tasks.ingest.dating import date_page
from banmian.tasks.store import ids, schema
from banmian.tasks.store.coverage import visible_chars
from banmian.tasks.text.dates import jump_page
from banmian.tasks.text.sentences import split_sentences
from banmian.tasks.text import words

#: Bump when the derivation below changes (ids, sentence split, columns), so
#: that a full refresh re-writes pages whose segmentation did not change.
#: 2: PageMeta columns (sections) and visible character counts.
#: 3: articles' confidence and review.
#: 4: the word tables (tokens, terms, lengths, places: ``word_records``).
#: 5: issues: the pages' and articles' issue date, page number and name (``PageDating``).
#: 6: the terms of the headlines (``headline_terms``).
RECORDS_VERSION: Final = 6

#: One stored row: column name -> value (the types of ``schema.STORED``).
Row = dict[str, Any]


def result_digest(result: PageResult) -> str:
    """sha256 of a page's segmentation and of how it is turned into rows.

    Lets a full refresh skip pages whose stored rows would come out identical.
    The dictionaries the tokens are cut with are part of it, so a full
    refresh re-writes every page after a user dictionary changed; so is its
    dating, so a page whose path (or ``--path-pattern``) now names another issue is re-written.
    """
    payload = json.dumps({**result.to_json(), "dating": asdict(result.dating) if result.dating else None},
                         ensure_ascii=False, sort_keys=True, default=str)
    derivation = f"{RECORDS_VERSION}\x1f{words.vocabulary_digest()}"
    return hashlib.sha256(f"{derivation}\x1f{payload}".encode("utf-8")).hexdigest()


def meta_columns(meta: PageMeta) -> dict[str, str | None]:
    """The ``pages`` columns of what a page's furniture says: every ``PageMeta`` key, null where blank.

    >>> meta_columns({"page_no": "3", "page_name": ""})
    {'date': None, 'page_no': '3', 'page_name': None, 'editor': None, 'sections': None, 'source_kind': None, 'geometry': None}
    """
    found = cast(Mapping[str, str], meta)  # every value of a PageMeta is a str
    return {key: found.get(key) or None for key in PAGE_META_KEYS}


def dating_columns(dating: PageDating) -> Row:
    """The ``pages`` columns of a page's dating; its ``page_no`` and ``page_name`` replace the printed ones
    (the printed number read as digits, else the path's).

    >>> from datetime import date
    >>> dating_columns(PageDating(date(2023, 8, 25), "path", None, "3", None, "path"))["issue_date"]
    datetime.date(2023, 8, 25)
    """
    return {"page_no": dating.page_no, "page_name": dating.page_name, "paper": dating.paper,
            "issue_date": dating.issue_date, "date_source": dating.date_source, "page_source": dating.page_source}


def page_dating(page: DecodedPage, result: PageResult) -> PageDating:
    """The page's dating: as the ingest step set it (with ``--path-pattern``), else by the path's conventions."""
    return result.dating if result.dating is not None else date_page(page.path, result.meta)


def page_row(page: DecodedPage, result: PageResult, run_id: str) -> Row:
    """The stored row of one page version (what ``pages_history`` shows)."""
    return {
        "page_id": page.sha256,
        "run_id": run_id,
        "path": page.path,
        "size": page.size,
        "mtime": page.mtime,
        "encoding": page.encoding,
        "n_chars": len(page.text),
        "visible_chars": visible_chars(page.text),
        **meta_columns(result.meta),
        **dating_columns(page_dating(page, result)),
        "result_digest": result_digest(result),
    }


def article_row(page_id: str, ordinal: int, article: Article, run_id: str,
                dating: PageDating = PageDating()) -> Row:
    """One article with its counts; ``ordinal`` is its 1-based place on the page, ``dating`` its page's issue."""
    paragraphs = article.paragraphs
    body = article.body
    return {
        "article_id": ids.article_id(page_id, ordinal, body),
        "page_id": page_id,
        "issue_date": dating.issue_date,
        "page_no": dating.page_no,
        "page_name": dating.page_name,
        "ordinal": ordinal,
        "kind": article.kind,
        "headline": article.headline,
        "subheadline": article.subheadline,
        "kicker": article.kicker,
        "byline": article.byline,
        "authors": list(article.authors),
        "photographers": list(article.photographers),
        "body": body,
        "n_chars": sum(len(p) for p in paragraphs),
        "n_paragraphs": len(paragraphs),
        "n_crossheads": len(article.crossheads),
        "continued_from": article.continued_from,
        "continued_to": article.continued_to,
        "continued_from_page": jump_page(article.continued_from),
        "continued_to_page": jump_page(article.continued_to),
        "first_line": article.first_line,
        "confidence": article.confidence,
        "review": article.review,
        "run_id": run_id,
    }


def block_rows(page_id: str, article_id: str, article: Article, run_id: str) -> list[Row]:
    """The article's paragraphs and crossheads, 1-based ordinals in print order."""
    return [
        {
            "block_id": ids.block_id(article_id, ordinal, block.kind, block.text),
            "article_id": article_id,
            "page_id": page_id,
            "ordinal": ordinal,
            "kind": block.kind,
            "text": block.text,
            "run_id": run_id,
        }
        for ordinal, block in enumerate(article.blocks, start=1)
    ]


def sentence_rows(blocks: Sequence[Row]) -> list[Row]:
    """Sentences of the paragraph blocks of one article, numbered across the article.

    Crossheads are headings, not sentences, so they are not split.
    """
    rows: list[Row] = []
    ordinal = 0
    for block in blocks:
        if block["kind"] != "p":
            continue
        for in_block, text in enumerate(split_sentences(block["text"]), start=1):
            ordinal += 1
            rows.append({
                "sentence_id": ids.sentence_id(block["block_id"], in_block, text),
                "article_id": block["article_id"],
                "block_id": block["block_id"],
                "page_id": block["page_id"],
                "ordinal": ordinal,
                "text": text,
                "run_id": block["run_id"],
            })
    return rows


def residue_rows(page_id: str, result: PageResult, run_id: str) -> list[Row]:
    """The page's residue in page order, 1-based ordinals."""
    return [
        {
            "page_id": page_id,
            "ordinal": ordinal,
            "line": r.line,
            "reason": r.reason,
            "text": r.text,
            "visible_chars": visible_chars(r.text),
            "run_id": run_id,
        }
        for ordinal, r in enumerate(result.residue, start=1)
    ]


def page_rows(page: DecodedPage, result: PageResult, run_id: str) -> dict[str, list[Row]]:
    """Every stored row of one page version, by stored table name (the word tables aside: ``word_records``)."""
    out: dict[str, list[Row]] = {name: [] for name in schema.STORED if name not in schema.WORD_TABLES}
    out["pages"].append(page_row(page, result, run_id))
    dating = page_dating(page, result)
    for ordinal, article in enumerate(result.articles, start=1):
        art = article_row(page.sha256, ordinal, article, run_id, dating)
        blocks = block_rows(page.sha256, art["article_id"], article, run_id)
        out["articles"].append(art)
        out["blocks"].extend(blocks)
        out["sentences"].extend(sentence_rows(blocks))
    out["residue"].extend(residue_rows(page.sha256, result, run_id))
    return out


def page_tables(items: Iterable[tuple[DecodedPage, PageResult]], run_id: str) -> dict[str, pa.Table]:
    """Arrow tables (explicit schemas) of many page versions, by stored table name.

    Every table is present, possibly empty, so callers never special-case.
    """
    # Imported here: the word tables need the tokenizer and the gazetteer (~0.4 s), which the flow's
    # process does not when its workers make the rows (issue 19).
    from banmian.tasks.store import word_records

    merged: dict[str, list[Row]] = {name: [] for name in schema.STORED if name not in schema.WORD_TABLES}
    word_rows = word_records.BatchWords(run_id)
    for page, result in items:
        rows = page_rows(page, result, run_id)
        for name, table_rows in rows.items():
            merged[name].extend(table_rows)
        word_rows.add_page(list(zip(result.articles, rows["articles"], strict=True)), rows["sentences"])
    tables = {name: pa.Table.from_pylist(rows, schema=schema.STORED[name]) for name, rows in merged.items()}
    tables.update(word_rows.arrow())
    return {name: tables[name] for name in schema.STORED}


def rejects_table(rejects: Iterable[Reject], run_id: str) -> pa.Table:
    """The run's rejects as rows of the native ``rejects`` table."""
    rows = [{"run_id": run_id, "path": r.path, "reason": r.reason, "detail": r.detail,
             "size": r.size} for r in rejects]
    return pa.Table.from_pylist(rows, schema=schema.REJECTS)
