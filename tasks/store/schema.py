"""The warehouse's tables: their exact Arrow schemas and what every column means.

Schemas are explicit (never inferred from the first batch of rows) so that an
empty run, an all-null column or a new pyarrow cannot change a Parquet file's
types, and every file of a table can be read together. The comments are
written into DuckDB with ``COMMENT ON`` so the catalogue documents itself.

Bump ``SCHEMA_VERSION`` whenever a stored table or native table changes shape,
and add a migration step in ``banmian.tasks.store.migrate``.

Version history:
1. the first versioned schema;
2. ``pages``: the ``PageMeta`` keys as columns (``sections`` added, the ``meta``
   map dropped) and ``visible_chars``; ``residue``: ``visible_chars``. Files
   written before read NULL in the new columns (views read with
   ``union_by_name``) until a full refresh re-writes them;
3. ``articles``: ``confidence`` and ``review`` (how sure segmentation is of each
   article, and what to check when it is not); ``runs``: ``models`` (the
   learned models' versions that segmented the run's pages);
4. ``_manifest``: ``sha256`` of every file (``banmian check`` verifies it);
   ``_page_versions``: ``rows_<table>``, the rows each content table holds for
   the version (``banmian repair`` tells which pages a lost file held). Views
   read paths relative to the warehouse root (``views.ROOT_VARIABLE``);
5. ``pages``: ``source_kind`` and ``geometry`` (PDF pages, ``tasks/pdf``); earlier files read NULL,
   which is right: they were all text.
6. the words of the articles: ``sentence_tokens``, ``article_terms``,
   ``article_lengths`` and ``article_places`` (new stored tables; pages
   loaded before have none until a full refresh re-writes them).
7. issues: ``pages`` gained ``paper``, ``issue_date``, ``date_source`` and
   ``page_source`` (``page_no`` falls back to the path's page), ``articles``
   gained ``issue_date``, ``page_no`` and ``page_name`` (``tasks.ingest.dating``) and the pages
   their jump markers name (``continued_from_page``, ``continued_to_page``: the views ``jumps``
   and ``article_parts`` join a story continued on another page of its issue);
   earlier files read NULL until a full refresh re-writes them.
8. ``headline_terms``: the terms of the articles' headlines, which ``search()``
   weighs above the body's (a new stored table; pages loaded before have none
   until a full refresh re-writes them).
9. ``runs``: ``report_error``, why the report drawn after the run's commit was
   not written (null: it was, or the run is older than schema 9).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import pyarrow as pa

from banmian.tasks.model import ARTICLE_KINDS, DATE_SOURCES, PAGE_META_KEYS, RESIDUE_REASONS
from banmian.tasks.store.stories import JUMP_STATUSES
from banmian.tasks.text.words import TERM_KINDS, TOKEN_KINDS

SCHEMA_VERSION: Final = 9

_str = pa.string()
_i32 = pa.int32()
_i64 = pa.int64()
_f64 = pa.float64()
_ts = pa.timestamp("us", tz="UTC")
_date = pa.date32()
_names = pa.list_(pa.string())

# ---------------------------------------------------------------------------
# Stored in Parquet under <root>/data/<table>/ (the storage of record).
# Every row carries the (page_id, run_id) of the page version it belongs to,
# which is how the views show only current page versions.
# ---------------------------------------------------------------------------

#: What ``pages`` stores of a page's ``model.PageDating`` besides the PageMeta columns (``page_no``, ``page_name``).
PAGE_DATING_COLUMNS: Final = ("paper", "issue_date", "date_source", "page_source")

PAGES_STORED = pa.schema([
    ("page_id", _str),
    ("run_id", _str),
    ("path", _str),
    ("size", _i64),
    ("mtime", _f64),
    ("encoding", _str),
    ("n_chars", _i64),
    ("visible_chars", _i64),
    *[(key, _str) for key in PAGE_META_KEYS],  # what the page's furniture says (model.PageMeta)
    *[(key, _date if key == "issue_date" else _str) for key in PAGE_DATING_COLUMNS],
    ("result_digest", _str),
])

ARTICLES = pa.schema([
    ("article_id", _str),
    ("page_id", _str),
    ("issue_date", _date),
    ("page_no", _str),
    ("page_name", _str),
    ("ordinal", _i32),
    ("kind", _str),
    ("headline", _str),
    ("subheadline", _str),
    ("kicker", _str),
    ("byline", _str),
    ("authors", _names),
    ("photographers", _names),
    ("body", _str),
    ("n_chars", _i64),
    ("n_paragraphs", _i32),
    ("n_crossheads", _i32),
    ("continued_from", _str),
    ("continued_to", _str),
    ("continued_from_page", _str),
    ("continued_to_page", _str),
    ("first_line", _i32),
    ("confidence", _f64),
    ("review", _str),
    ("run_id", _str),
])

BLOCKS = pa.schema([
    ("block_id", _str),
    ("article_id", _str),
    ("page_id", _str),
    ("ordinal", _i32),
    ("kind", _str),
    ("text", _str),
    ("run_id", _str),
])

SENTENCES = pa.schema([
    ("sentence_id", _str),
    ("article_id", _str),
    ("block_id", _str),
    ("page_id", _str),
    ("ordinal", _i32),
    ("text", _str),
    ("run_id", _str),
])

RESIDUE = pa.schema([
    ("page_id", _str),
    ("ordinal", _i32),
    ("line", _i32),
    ("reason", _str),
    ("text", _str),
    ("visible_chars", _i64),
    ("run_id", _str),
])

# The words of the articles (banmian.tasks.text.words and .places; rows: banmian.tasks.store.word_records).
# A sentence's tokens are stored as one list per sentence, not one row per token: a row per token
# would repeat four ids (~130 bytes) for a token of ~5, twenty times the text it holds. The
# ``tokens`` view (sql/tokens.sql) unnests them into one row per token.
SENTENCE_TOKENS = pa.schema([
    ("sentence_id", _str),
    ("article_id", _str),
    ("page_id", _str),
    ("ordinal", _i32),
    ("tokens", _names),
    ("kinds", _names),
    ("run_id", _str),
])

ARTICLE_TERMS = pa.schema([
    ("article_id", _str),
    ("page_id", _str),
    ("term", _str),
    ("kind", _str),
    ("tf", _i32),
    ("doc_terms", _i32),
    ("run_id", _str),
])

HEADLINE_TERMS = pa.schema([
    ("article_id", _str),
    ("page_id", _str),
    ("term", _str),
    ("kind", _str),
    ("tf", _i32),
    ("run_id", _str),
])

ARTICLE_LENGTHS = pa.schema([
    ("article_id", _str),
    ("page_id", _str),
    ("tokens", _i32),
    ("terms", _i32),
    ("run_id", _str),
])

ARTICLE_PLACES = pa.schema([
    ("article_id", _str),
    ("page_id", _str),
    ("province", _str),
    ("city", _str),
    ("county", _str),
    ("adcode", _str),
    ("matched", _str),
    ("mentions", _i32),
    ("run_id", _str),
])

#: The stored tables of the articles' words, built column-wise (``word_records``), not from row dicts.
WORD_TABLES: Final = ("sentence_tokens", "article_terms", "headline_terms", "article_lengths", "article_places")

# Stored table name -> schema. Order is the order files are written in.
STORED: dict[str, pa.Schema] = {
    "pages": PAGES_STORED,
    "articles": ARTICLES,
    "blocks": BLOCKS,
    "sentences": SENTENCES,
    "residue": RESIDUE,
    "sentence_tokens": SENTENCE_TOKENS,
    "article_terms": ARTICLE_TERMS,
    "headline_terms": HEADLINE_TERMS,
    "article_lengths": ARTICLE_LENGTHS,
    "article_places": ARTICLE_PLACES,
}

# Stored tables whose rows are only meaningful for a current page version;
# compaction drops their rows of superseded versions. Page rows are kept for
# ``pages_history``.
CONTENT_TABLES = ("articles", "blocks", "sentences", "residue") + WORD_TABLES


@dataclass(frozen=True)
class Clustering:
    """How the files of a stored table are laid out for lookups by a column (runs and compaction alike).

    Sorted by ``sort_by`` and cut into row groups of ``row_group_rows``, a
    file lets DuckDB skip every row group whose min/max of the column cannot
    hold the value looked for.
    """

    sort_by: tuple[str, ...]
    row_group_rows: int


#: Files sorted by term: ``search()`` reads the postings of a few terms, not the whole table (both term tables).
#: 131072-row groups: on 10,000 pages (5.7M rows) a term's lookup read 7 ms, 1M-row groups 10-76 ms.
#: Articles sorted by page (their order on it after): ``banmian search`` fetches the bodies of its hits by page.
#: 1024-row groups: the bodies of 10 hits on 10,000 pages (66,000 articles) read 15-20 ms, one row group 210 ms.
CLUSTERED: Final[dict[str, Clustering]] = {
    "article_terms": Clustering(("term",), 131_072),
    "headline_terms": Clustering(("term",), 131_072),
    "articles": Clustering(("page_id", "ordinal"), 1024),
}


def rows_column(table: str) -> str:
    """The ``_page_versions`` column counting a version's rows in a content table.

    >>> rows_column("articles")
    'rows_articles'
    """
    return f"rows_{table}"

# ---------------------------------------------------------------------------
# Native DuckDB tables (small, mutable bookkeeping).
# ---------------------------------------------------------------------------

RUNS = pa.schema([
    ("run_id", _str),
    ("started_at", _ts),
    ("finished_at", _ts),
    ("source", _str),
    ("pages_found", _i64),
    ("pages_skipped", _i64),
    ("pages_loaded", _i64),
    ("pages_replaced", _i64),
    ("rejects", _i64),
    ("articles", _i64),
    ("residue_chars", _i64),
    ("status", _str),
    ("schema_version", _i32),
    ("models", _str),
    ("report_error", _str),
])

REJECTS = pa.schema([
    ("run_id", _str),
    ("path", _str),
    ("reason", _str),
    ("detail", _str),
    ("size", _i64),
])

PAGE_SOURCES = pa.schema([
    ("path", _str),
    ("page_id", _str),
    ("size", _i64),
    ("mtime", _f64),
    ("first_seen_run", _str),
    ("last_seen_run", _str),
    ("current", pa.bool_()),
])

# Internal: which page versions exist and which are current.
PAGE_VERSIONS = pa.schema([
    ("page_id", _str),
    ("run_id", _str),
    ("result_digest", _str),
    ("superseded_by_run", _str),
    *[(rows_column(t), _i64) for t in CONTENT_TABLES],  # null: written before schema 4, not counted
])

# Internal: the live Parquet files. A file not listed here is invisible.
MANIFEST = pa.schema([
    ("table_name", _str),
    ("file", _str),
    ("run_id", _str),
    ("n_rows", _i64),
    ("n_bytes", _i64),
    ("sha256", _str),
])

SCHEMA_VERSIONS = pa.schema([
    ("version", _i32),
    ("applied_at", _ts),
])

# Native table -> (schema, primary key columns).
NATIVE: dict[str, tuple[pa.Schema, tuple[str, ...]]] = {
    "runs": (RUNS, ("run_id",)),
    "rejects": (REJECTS, ()),
    "page_sources": (PAGE_SOURCES, ("path", "page_id")),
    "_page_versions": (PAGE_VERSIONS, ("page_id", "run_id")),
    "_manifest": (MANIFEST, ("file",)),
    "schema_version": (SCHEMA_VERSIONS, ()),
}

# ---------------------------------------------------------------------------
# Documentation: COMMENT ON TABLE/VIEW and COMMENT ON COLUMN.
# ---------------------------------------------------------------------------

_PAGE_ID = ("The page: sha256 (hex) of the raw bytes of its file (page N of a multi-page PDF: "
            "sha256 of '<file sha256>#page=N').")
_RUN_ID = "The run that loaded this page version (see runs)."
_VISIBLE = ("Characters of the page text that are not whitespace: what the residue share is "
            "measured against (banmian.tasks.store.coverage).")
# One comment per key of model.PageMeta (test_every_relation_and_column_has_a_comment checks them all).
_SOURCES = " or ".join(DATE_SOURCES)
_ISSUE_DATE = ("The day of the page's issue: its printed date (pages.date) read as a DATE, else the date its "
               "file's path names (…/2023-08-25/03.txt); null if neither does (see date_source).")
_PAGE_NO = ("Page number: as printed (3 for 第3版 and 第三版, A3), else from the file's path (03.txt: 3); "
            "null if neither gives one (see page_source).")
_PAGE_META = {
    "date": "Publication date as printed in the page furniture, e.g. 2023年8月25日 星期五 (null if not found).",
    "page_no": _PAGE_NO,
    "page_name": "Page name printed beside the number, e.g. 综合新闻 (null if not found).",
    "editor": "Editor credit of the page, e.g. 责任编辑：张三 (null if not found).",
    "sections": "Section labels printed on the page (图片新闻 要闻简报), space-separated (null if none).",
    "source_kind": "pdf for a page read from a PDF's text layer; null for a text page.",
    "geometry": "A PDF page's make-up as JSON: body_size (pt), leading, columns, display_sizes (pt), regions; "
                "null for a text page.",
    "paper": "The paper, as the file's path names it (rmrb2018010207.txt, or --path-pattern's paper group); "
             "null if it does not. Pages of one paper and issue_date form an issue (view issues).",
    "issue_date": _ISSUE_DATE,
    "date_source": f"Where issue_date was read: {_SOURCES} (null: loaded before schema 7).",
    "page_source": f"Where page_no was read: {_SOURCES} (null: loaded before schema 7).",
}

TABLE_COMMENTS: dict[str, str] = {
    "pages": "One row per distinct current page content (identical files are one page). "
             "Paths of the page: page_sources; earlier versions: pages_history.",
    "pages_history": "One row per page version ever loaded; superseded_by_run is null for "
                     "current versions. Never counted in reports.",
    "page_sources": "One row per (path, page content) ever seen; current marks what each "
                    "path holds now. Identical content under two names: two rows, one page.",
    "articles": "One row per article of a current page, in page order.",
    "blocks": "One row per paragraph (p) or crosshead (h) of an article, in order.",
    "sentences": "One row per sentence of an article's paragraphs (crossheads are not split).",
    "residue": "One row per piece of page text kept out of every article, with the reason.",
    "runs": "One row per committed run (a run killed before it commits leaves no row).",
    "rejects": "One row per input file of a run that could not become a page, and why; "
               "also one per page that was loaded but yielded no article (reason no_articles).",
    "schema_version": "One row per schema version this warehouse was migrated to; "
                      "the current version is max(version).",
    "_page_versions": "Internal: every page version and whether it is current.",
    "_manifest": "Internal: the live Parquet files behind each view. Files not listed "
                 "here (left by a killed run) are invisible and swept.",
    "sentence_tokens": "One row per sentence of an article (as in sentences), with its tokens: "
                       "rjieba's cut with banmian's user dictionary (banmian.tasks.text.words). "
                       "The tokens view shows one row per token.",
    "article_terms": "One row per article and term (a word or number token of its sentences), "
                     "with its count: the index search() reads and the counts article_keywords "
                     "weighs. Files are sorted by term.",
    "headline_terms": "One row per article and term of its kicker, headline and subheadline (a word or number "
                      "token, cut as the sentences are), with its count: search() weighs them above the body's. "
                      "Files are sorted by term.",
    "article_lengths": "One row per article: how many tokens and terms its sentences have.",
    "_word_stats": "Internal: one row, re-computed with the views at every commit: the current articles "
                   "and their terms (from article_lengths), which search() reads instead of scanning.",
    "jumps": "One row per jump marker of a current article (上接第1版, 下转第5版), with the article of the "
             "same issue it was matched to, or why none was (status): never guessed.",
    "article_parts": "One row per part of a story continued across pages of one issue, in reading order: "
                     "the articles its matched jump markers join (see jumps).",
    "_search_articles": "Internal: one row per current article, re-computed with the views at every commit: "
                        "what search() filters, weighs and shows of it (credits, kind, length, issue date "
                        "and page), so a query reads no articles or pages file.",
    "article_places": "One row per article, place and the text that named it (province, city or "
                      "county of cpca's gazetteer, named as a whole token), with how often.",
}

COLUMN_COMMENTS: dict[str, dict[str, str]] = {
    "pages": {
        "page_id": _PAGE_ID,
        "source_path": "Canonical path of this content: the smallest current path in "
                       "page_sources.",
        "size": "Size in bytes of the raw file.",
        "mtime": "Modification time of source_path (seconds since the epoch) when last seen.",
        "encoding": "Encoding the raw bytes were decoded with (utf-8, gb18030, ...).",
        "n_chars": "Characters of decoded page text (line ends normalised to \\n).",
        "visible_chars": _VISIBLE,
        "run_id": _RUN_ID,
        **_PAGE_META,
    },
    "pages_history": {
        "page_id": _PAGE_ID,
        "run_id": _RUN_ID,
        "path": "Path the page was loaded from in that run.",
        "size": "Size in bytes of the raw file.",
        "mtime": "Modification time of the file when loaded (seconds since the epoch).",
        "encoding": "Encoding the raw bytes were decoded with.",
        "n_chars": "Characters of decoded page text.",
        "visible_chars": _VISIBLE,
        **_PAGE_META,
        "result_digest": "sha256 of the segmentation result and records version; a full "
                         "refresh only makes a new version when this changes.",
        "superseded_by_run": "Run that replaced this version (null while it is current).",
    },
    "page_sources": {
        "path": "Path of an input file, as discovered (absolute).",
        "page_id": "The page content found at that path.",
        "size": "Size in bytes of the file when last seen with that content.",
        "mtime": "Modification time (seconds since the epoch) when last seen.",
        "first_seen_run": "First run that saw this content at this path.",
        "last_seen_run": "Last run that saw this content at this path.",
        "current": "True if the path holds this content now.",
    },
    "articles": {
        "article_id": "First 16 hex of sha256(page_id, ordinal, body).",
        "page_id": _PAGE_ID,
        "issue_date": _ISSUE_DATE + " As pages.issue_date.",
        "page_no": _PAGE_NO + " As pages.page_no.",
        "page_name": "Name of the article's page as printed, e.g. 综合新闻 (null if not found). As pages.page_name.",
        "ordinal": "1-based place of the article on its page.",
        "kind": "One of: " + ", ".join(ARTICLE_KINDS) + ".",
        "headline": "Main headline (null if none).",
        "subheadline": "Subheadline, often after a dash (null if none).",
        "kicker": "Line above the headline (null if none).",
        "byline": "Credit as printed, normalised (null if none).",
        "authors": "Author names parsed from the byline.",
        "photographers": "Photographer names parsed from the byline.",
        "body": "Paragraphs joined by a blank line (crossheads left out).",
        "n_chars": "Characters in the paragraphs (separators not counted).",
        "n_paragraphs": "Number of paragraphs.",
        "n_crossheads": "Number of crossheads.",
        "continued_from": "Jump marker such as 上接第一版 (null if none).",
        "continued_to": "Jump marker such as 下转第三版 (null if none).",
        "continued_from_page": "The page continued_from names, read as page_no is (上接第一版: 1; null if none).",
        "continued_to_page": "The page continued_to names, read as page_no is (下转第三版: 3; null if none).",
        "first_line": "1-based line of the page where the article begins.",
        "confidence": ("Probability that the body is exactly right, from segmentation's calibrated "
                       "confidence model (null if loaded before schema 3)."),
        "review": ("Why the article should be checked by a person, in words, when confidence is "
                   "below the review threshold (null if it need not be, or loaded before schema 3)."),
        "run_id": _RUN_ID,
    },
    "blocks": {
        "block_id": "First 16 hex of sha256(article_id, ordinal, kind, text).",
        "article_id": "The article (see articles).",
        "page_id": _PAGE_ID,
        "ordinal": "1-based place of the block in its article.",
        "kind": "p for a paragraph, h for a crosshead.",
        "text": "Text of the block.",
        "run_id": _RUN_ID,
    },
    "sentences": {
        "sentence_id": "First 16 hex of sha256(block_id, ordinal, text).",
        "article_id": "The article (see articles).",
        "block_id": "The paragraph the sentence is in (see blocks).",
        "page_id": _PAGE_ID,
        "ordinal": "1-based place of the sentence in its article.",
        "text": "Text of the sentence; a paragraph's sentences concatenate to it exactly.",
        "run_id": _RUN_ID,
    },
    "residue": {
        "page_id": _PAGE_ID,
        "ordinal": "1-based place of the piece among the page's residue.",
        "line": "1-based line of the page where it stands.",
        "reason": "Why the text is in no article, one of: " + ", ".join(RESIDUE_REASONS) + ".",
        "text": "The text kept out of articles.",
        "visible_chars": "Characters of text that are not whitespace.",
        "run_id": _RUN_ID,
    },
    "runs": {
        "run_id": "UTC start time and a random tail, e.g. 20250101T120000Z-1a2b3c.",
        "started_at": "When the run started.",
        "finished_at": "When the run committed.",
        "source": "What the run read (a directory, a list, ...).",
        "pages_found": "Input files discovered.",
        "pages_skipped": "Files not re-loaded: unchanged size and mtime, or content "
                         "already loaded.",
        "pages_loaded": "New page versions written.",
        "pages_replaced": "Page versions this run superseded.",
        "rejects": "Rows the run added to rejects: files that could not become pages, "
                   "and pages loaded without any article (no_articles).",
        "articles": "Articles written by this run.",
        "residue_chars": "Characters of residue (whitespace not counted) of the pages this run wrote.",
        "status": "complete, or partial if the ingest flow met rejects (pages without articles "
                  "included) or some discovered files were neither loaded, skipped nor rejected.",
        "schema_version": "Warehouse schema version the run wrote.",
        "models": ("Versions (short sha256) of the learned segmentation models that read the run's "
                   "pages, e.g. boundary:ac29a97cd384 join:… confidence:… (null before schema 3)."),
        "report_error": ("Why the warehouse's report.html, drawn after the run committed, was not written, and "
                         "the command that re-makes it; null if it was written (or re-made since by "
                         "`banmian report`, or by a later run that drew it), and for runs before schema 9."),
    },
    "rejects": {
        "run_id": "The run that met the file.",
        "path": "Path of the input file.",
        "reason": "Machine-readable code: empty, binary, not_text, unreadable, ...; "
                  "no_articles is a warning: that page was loaded, all its text as residue.",
        "detail": "One human sentence.",
        "size": "Size in bytes (null if unknown).",
    },
    "schema_version": {
        "version": "Schema version.",
        "applied_at": "When the warehouse was created at or migrated to it.",
    },
    "_page_versions": {
        "page_id": _PAGE_ID,
        "run_id": "Run that loaded the version.",
        "result_digest": "sha256 of the segmentation result that version holds.",
        "superseded_by_run": "Run that replaced the version (null while current).",
        **{rows_column(t): f"Rows the version holds in {t} (null if written before schema 4 "
                           "and not counted then); banmian repair tells from it which pages a lost file held."
           for t in CONTENT_TABLES},
    },
    "sentence_tokens": {
        "sentence_id": "The sentence (see sentences).",
        "article_id": "The article (see articles).",
        "page_id": _PAGE_ID,
        "ordinal": "1-based place of the sentence in its article (as in sentences).",
        "tokens": "The sentence's tokens in order; they concatenate to its text.",
        "kinds": "The kind of each token, one of: " + ", ".join(TOKEN_KINDS) + ".",
        "run_id": _RUN_ID,
    },
    "article_terms": {
        "article_id": "The article (see articles).",
        "page_id": _PAGE_ID,
        "term": "A token of the article that is a term (kind " + " or ".join(sorted(TERM_KINDS)) + ").",
        "kind": "The term's kind: " + " or ".join(sorted(TERM_KINDS)) + ".",
        "tf": "How often the term occurs in the article's sentences.",
        "doc_terms": "Terms in the article (the sum of tf over its rows): its length for BM25.",
        "run_id": _RUN_ID,
    },
    "headline_terms": {
        "article_id": "The article (see articles).",
        "page_id": _PAGE_ID,
        "term": "A term (kind " + " or ".join(sorted(TERM_KINDS)) + ") of the article's kicker, headline or "
                "subheadline.",
        "kind": "The term's kind: " + " or ".join(sorted(TERM_KINDS)) + ".",
        "tf": "How often the term occurs in the kicker, headline and subheadline together.",
        "run_id": _RUN_ID,
    },
    "article_lengths": {
        "article_id": "The article (see articles).",
        "page_id": _PAGE_ID,
        "tokens": "Tokens of the article's sentences, every kind.",
        "terms": "Tokens that are terms (words and numbers): the article's length for BM25.",
        "run_id": _RUN_ID,
    },
    "article_places": {
        "article_id": "The article (see articles).",
        "page_id": _PAGE_ID,
        "province": "Province of the place (null if its namesakes share none).",
        "city": "City of the place (null for a province, or a county a province runs directly).",
        "county": "County or district (null for a province or city).",
        "adcode": "6-digit administrative code of the place: 220302 for 吉林省四平市铁西区.",
        "matched": "The token that named it: 四平市, 四平, 铁西区.",
        "mentions": "How often that token named the place in the article (headlines and sentences).",
        "run_id": _RUN_ID,
    },
    "jumps": {
        "article_id": "The article printing the marker (see articles).",
        "page_id": _PAGE_ID,
        "paper": "Its page's paper (pages.paper).",
        "issue_date": "Its page's issue date (null: undated, so no issue to look in).",
        "page_no": "Its page's number.",
        "direction": "to for a marker saying where the story goes on (下转第5版), from for one saying where "
                     "it came from (上接第1版).",
        "marker": "The marker's words as printed (continued_to or continued_from).",
        "target_page": "The page number the marker names.",
        "status": "One of: " + ", ".join(JUMP_STATUSES) + ". matched: exactly one article on the named page "
                  "of the same issue points back, and no other marker points to it; undated: the page has no "
                  "issue_date; no_page_number: the page or the marker has no number; no_counterpart: no "
                  "article there points back (its page not loaded, or its marker not read); ambiguous: more "
                  "than one could be the other part.",
        "matched_article_id": "The other part's article (null unless matched).",
    },
    "article_parts": {
        "story_id": "The story: the article_id of its first part.",
        "part": "1-based place of the part in the story (1: where it starts).",
        "article_id": "The article that is this part (see articles).",
        "page_id": _PAGE_ID,
        "paper": "The issue's paper (pages.paper).",
        "issue_date": "The issue's date.",
        "page_no": "The page the part stands on.",
        "headline": "The story's headline: its first part's.",
    },
    "_word_stats": {
        "articles": "Current articles (rows of article_lengths).",
        "terms": "Their terms, summed (article_lengths.terms): over articles, the mean length BM25 uses.",
    },
    "_search_articles": {
        "article_id": "The article (see articles).",
        "page_id": _PAGE_ID,
        "kind": "One of: " + ", ".join(ARTICLE_KINDS) + ".",
        "headline": "Main headline (null if none).",
        "authors": "Author names parsed from the byline.",
        "photographers": "Photographer names parsed from the byline.",
        "terms": "Terms of the article's sentences (article_lengths.terms; 0 if none): its body's length for BM25.",
        "date": "The page's issue date (pages.issue_date: printed, else from its path; null if neither).",
        "page_no": "The page's number (pages.page_no: as printed, else from its path; null if neither).",
        "page_name": "Page name as printed (null if not found).",
    },
    "_manifest": {
        "table_name": "Stored table the file belongs to.",
        "file": "Path of the file relative to the warehouse root.",
        "run_id": "Run (or compaction) that wrote it.",
        "n_rows": "Rows in the file.",
        "n_bytes": "Size of the file in bytes.",
        "sha256": "sha256 (hex) of the file's bytes, verified by banmian check (null: not recorded).",
    },
}
