"""The SQL of the warehouse's views and of its documentation (``COMMENT ON``), as text.

Pure: the writer executes :func:`catalogue_script` inside its commit
transaction, after the manifest is updated, so the views always read the
exact list of live Parquet files.

* Base views (``BASE_VIEWS``) read the stored Parquet and show only current
  page versions (``_page_versions.superseded_by_run IS NULL``).
* They hold file paths relative to the warehouse root, joined at query time
  to the DuckDB variable ``banmian_root`` (``ROOT_VARIABLE``), which every
  banmian connection sets to its warehouse: a copied or moved warehouse reads
  its own files, never the original's. (DuckDB resolves a relative path
  against the working directory before ``file_search_path``, so that setting
  would let a copy read the original's files.) Without the variable, in a
  plain duckdb shell, the paths are relative to the working directory.
* Reporting views come from ``sql/<name>.sql`` (package ``banmian.sql``),
  one view per file, documented by its header: ``-- grain: ...`` first,
  then ``-- column NAME: doc`` lines and the view's description.
* Table macros come from ``sql/macros/<name>.sql`` (e.g. ``search``), one
  per file, documented the same way (their column docs go into their
  comment), created after the reporting views.
* ``SCALAR_MACROS`` are expressions the reporting views and macros share
  (``printed_date``), created before them.
* ``DERIVED_TABLES`` are small native tables computed from the base views
  in the same script (``_word_stats`` and ``_search_articles`` for ``search``).
* Every table, view and column gets a ``COMMENT ON`` from
  ``banmian.tasks.store.schema`` or the view's header.

Values go to DuckDB as parameters everywhere else; only here, where DDL
takes none, are file paths and comments quoted (:func:`sql_literal`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Final, Literal

import pyarrow as pa

from banmian.tasks.model import PAGE_META_KEYS
from banmian.tasks.store import schema
from banmian.tasks.store.stories import STORY_VIEWS

#: The reporting views, installed as package data of ``banmian.sql`` (a real directory: banmian is never zipped).
SQL_DIR: Final = Path(str(resources.files("banmian.sql")))
#: The table macros (``search``), package data of ``banmian.sql`` too.
MACRO_DIR: Final = SQL_DIR / "macros"

#: Views over stored Parquet, created before the reporting views in sql/.
BASE_VIEWS: Final = ("pages", "pages_history", "articles", "blocks", "sentences", "residue") + schema.WORD_TABLES \
    + tuple(STORY_VIEWS)
#: Tables and views a user sees (reporting views come on top).
USER_RELATIONS: Final = BASE_VIEWS + ("page_sources", "runs", "rejects", "schema_version")

_CURRENT: Final = "v.superseded_by_run IS NULL"
#: The DuckDB variable (``SET VARIABLE``) holding the warehouse root the views read their files under.
ROOT_VARIABLE: Final = "banmian_root"
_ROOT: Final = f"coalesce(getvariable('{ROOT_VARIABLE}'), '.')"
#: Small tables derived from the base views, re-created with them in every commit's transaction (so they
#: always agree), for numbers a query would otherwise scan a whole view for: search()'s article count and
#: total length (``_word_stats``; a 10,000-page warehouse's article_lengths view is 65,000 rows), and what it
#: filters, weighs and shows of each article (``_search_articles``: no articles or pages file read per query).
_SEARCH_ARTICLES: Final = """
        SELECT a.article_id, a.page_id, a.kind, a.headline, a.authors, a.photographers,
               coalesce(l.terms, 0)::INTEGER AS terms, h.issue_date AS date, h.page_no, h.page_name
        FROM {articles} AS a
        LEFT JOIN {article_lengths} AS l USING (article_id)
        JOIN {pages} AS h ON h.page_id = a.page_id{current}
        ORDER BY a.article_id"""
DERIVED_TABLES: Final = {
    "_word_stats": "SELECT count(*)::BIGINT AS articles, coalesce(sum(terms), 0)::BIGINT AS terms FROM article_lengths",
    # search()'s filters, lengths and what it shows, so a query reads only the postings of its terms
    "_search_articles": _SEARCH_ARTICLES.format(articles="articles", article_lengths="article_lengths",
                                                pages="pages_history", current=" AND h.superseded_by_run IS NULL"),
}
#: Derived tables a run's commit brings up to date instead of re-creating (:func:`new_search_articles`): re-made,
#: ``_search_articles`` read every current article and page (~0.6 s at 1,000 pages, growing with the warehouse).
KEPT_BY_RUNS: Final = ("_search_articles",)
#: Scalar macros shared by the reporting views and table macros: name -> (parameter, expression, doc).
SCALAR_MACROS: Final = {
    "printed_date": ("printed",
                     r"coalesce(try_strptime(regexp_extract(printed, '\d{4}年\d{1,2}月\d{1,2}日'), '%Y年%m月%d日')::DATE, "
                     r"try_cast(regexp_extract(printed, '\d{4}-\d{2}-\d{2}') AS DATE))",
                     "printed_date(pages.date): the DATE a page's printed date names, read as 2023年8月25日 "
                     "or 2023-08-25 anywhere in it; null if it holds neither."),
}
#: What a file of sql/ creates, as ``COMMENT ON`` names it.
ReportKind = Literal["VIEW", "MACRO TABLE"]


def sql_literal(value: str) -> str:
    """A SQL string literal: single quotes doubled. For DDL, which takes no parameters.

    >>> sql_literal("it's")
    "'it''s'"
    """
    return "'" + value.replace("'", "''") + "'"


def sql_ident(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


_SCALAR_TYPES: Final = (
    (pa.types.is_string, "VARCHAR"),
    (pa.types.is_large_string, "VARCHAR"),
    (pa.types.is_int32, "INTEGER"),
    (pa.types.is_int64, "BIGINT"),
    (pa.types.is_float64, "DOUBLE"),
    (pa.types.is_boolean, "BOOLEAN"),
    (pa.types.is_date32, "DATE"),
)


def duckdb_type(t: pa.DataType) -> str:
    """The DuckDB type that reading a Parquet column of Arrow type ``t`` yields.

    >>> duckdb_type(pa.list_(pa.string()))
    'VARCHAR[]'
    """
    for is_type, name in _SCALAR_TYPES:
        if is_type(t):
            return name
    if pa.types.is_timestamp(t):
        return "TIMESTAMP WITH TIME ZONE" if t.tz else "TIMESTAMP"
    if pa.types.is_list(t):
        return duckdb_type(t.value_type) + "[]"
    if pa.types.is_map(t):
        return f"MAP({duckdb_type(t.key_type)}, {duckdb_type(t.item_type)})"
    raise TypeError(f"no DuckDB type for {t}")


def file_path_sql(rel: str) -> str:
    """SQL for the absolute path of a root-relative file: the root comes from ``ROOT_VARIABLE``.

    >>> file_path_sql("data/pages/a.parquet")
    "coalesce(getvariable('banmian_root'), '.') || '/data/pages/a.parquet'"
    """
    return f"{_ROOT} || {sql_literal('/' + rel)}"


def stored_relation(sch: pa.Schema, files: Sequence[str]) -> str:
    """SQL relation over the given Parquet files (root-relative) with at least every column of ``sch``.

    Files written before a column was added (see ``schema.SCHEMA_VERSION``)
    read it as NULL: the files are read ``union_by_name``, and united by name
    with a typed empty relation that has every column, even if no file has it.
    """
    cols = ", ".join(f"CAST(NULL AS {duckdb_type(f.type)}) AS {sql_ident(f.name)}" for f in sch)
    typed_empty = f"SELECT {cols} WHERE false"
    if not files:
        return f"({typed_empty})"
    listed = ", ".join(file_path_sql(f) for f in files)
    return f"(SELECT * FROM read_parquet([{listed}], union_by_name = true) UNION ALL BY NAME {typed_empty})"


def _columns(alias: str, names: Sequence[str]) -> str:
    return ", ".join(f"{alias}.{sql_ident(n)}" for n in names)


def base_view_sql(files: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """``CREATE OR REPLACE VIEW`` for each base view, over root-relative file paths."""
    rel = {name: stored_relation(sch, files.get(name, [])) for name, sch in schema.STORED.items()}
    meta = _columns("s", PAGE_META_KEYS + schema.PAGE_DATING_COLUMNS)
    views = {
        "pages": f"""
            CREATE OR REPLACE VIEW pages AS
            WITH canonical AS (
                SELECT page_id, min(path) AS source_path
                FROM page_sources WHERE current GROUP BY page_id
            )
            SELECT s.page_id, c.source_path, s.size, src.mtime, s.encoding, s.n_chars, s.visible_chars,
                   s.run_id, {meta}
            FROM {rel['pages']} AS s
            JOIN _page_versions AS v
              ON v.page_id = s.page_id AND v.run_id = s.run_id AND {_CURRENT}
            JOIN canonical AS c ON c.page_id = s.page_id
            JOIN page_sources AS src ON src.path = c.source_path AND src.page_id = s.page_id
        """,
        "pages_history": f"""
            CREATE OR REPLACE VIEW pages_history AS
            SELECT s.page_id, s.run_id, s.path, s.size, s.mtime, s.encoding, s.n_chars, s.visible_chars,
                   {meta}, s.result_digest, v.superseded_by_run
            FROM {rel['pages']} AS s
            JOIN _page_versions AS v ON v.page_id = s.page_id AND v.run_id = s.run_id
        """,
    }
    for name in schema.CONTENT_TABLES:
        views[name] = f"""
            CREATE OR REPLACE VIEW {name} AS
            SELECT {_columns("t", schema.STORED[name].names)} FROM {rel[name]} AS t
            SEMI JOIN _page_versions AS v
              ON v.page_id = t.page_id AND v.run_id = t.run_id AND {_CURRENT}
        """
    views.update(STORY_VIEWS)  # continued stories, matched over the current articles (``stories``)
    return views


@dataclass(frozen=True)
class ReportView:
    """A reporting view (or table macro) from ``sql/<name>.sql`` with its documentation."""

    name: str
    sql: str
    comment: str
    column_comments: dict[str, str]
    kind: ReportKind = "VIEW"

    def comments(self) -> list[str]:
        """``COMMENT ON`` the view and its columns; a macro's columns are told in its own comment."""
        if self.kind == "VIEW":
            return relation_comments(self.name, self.kind, self.comment, self.column_comments)
        columns = " ".join(f"Column {col}: {doc}" for col, doc in self.column_comments.items())
        return relation_comments(self.name, self.kind, f"{self.comment} {columns}".strip(), {})


_COLUMN_DOC: Final = re.compile(r"^column\s+(\w+)\s*:\s*(.+)$")


def _header(text: str) -> list[str]:
    """The leading ``--`` lines of a file, without their ``--``."""
    header: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("--"):
            break
        if stripped:
            header.append(stripped[2:].strip())
    return header


def parse_report_view(path: Path, kind: ReportKind = "VIEW") -> ReportView:
    """Read one reporting view (or table macro); its leading ``--`` lines document it.

    The first must be ``-- grain: ...``; ``-- column NAME: doc`` lines document
    columns; other header lines are the view's description.
    """
    text = path.read_text(encoding="utf-8")
    name = path.stem
    header = _header(text)
    if not header or not header[0].lower().startswith("grain:"):
        raise ValueError(f"{path}: must start with a '-- grain: ...' comment")
    created = kind.split()[0]
    if not re.search(rf"create\s+or\s+replace\s+{created}\s+{re.escape(name)}\b", text, re.I):
        raise ValueError(f"{path}: must CREATE OR REPLACE {created} {name}")
    documented = [(line, _COLUMN_DOC.match(line)) for line in header]
    columns = {m.group(1): m.group(2).strip() for _, m in documented if m}
    description = " ".join(line for line, m in documented if not m)
    return ReportView(name, text, description, columns, kind)


def load_report_views(sql_dir: Path = SQL_DIR) -> list[ReportView]:
    """Every reporting view, in filename order (they read only base views).

    An install that lost its ``.sql`` files is broken, not empty: it raises.
    """
    views = [parse_report_view(p) for p in sorted(sql_dir.glob("*.sql"))]
    if not views:
        raise FileNotFoundError(f"No reporting views (*.sql) in {sql_dir}: the banmian install is incomplete.")
    return views


def load_macros(macro_dir: Path = MACRO_DIR) -> list[ReportView]:
    """Every table macro (``search``), in filename order; like the views, they read base views."""
    return [parse_report_view(p, "MACRO TABLE") for p in sorted(macro_dir.glob("*.sql"))]


def _comment_sql(kind: str, name: str, text: str) -> str:
    return f"COMMENT ON {kind} {name} IS {sql_literal(text)};"


def relation_comments(name: str, kind: str, doc: str, columns: Mapping[str, str]) -> list[str]:
    """``COMMENT ON`` the relation and each documented column."""
    out = [_comment_sql(kind, sql_ident(name), doc)]
    out += [_comment_sql("COLUMN", f"{sql_ident(name)}.{sql_ident(col)}", cdoc)
            for col, cdoc in columns.items()]
    return out


def new_search_articles(files: Mapping[str, Sequence[str]]) -> str:
    """The ``_search_articles`` rows of the page versions stored in ``files`` (stored table -> root-relative
    paths), read from those files alone: a run's commit adds them, every version it writes being current.
    The same rows ``DERIVED_TABLES`` gives of those versions (``tests/store/test_search.py``)."""
    rel = {name: stored_relation(schema.STORED[name], files.get(name, []))
           for name in ("articles", "article_lengths", "pages")}
    return _SEARCH_ARTICLES.format(**rel, current="")


def catalogue_script(files: Mapping[str, Sequence[str]], sql_dir: Path = SQL_DIR,
                     kept: Collection[str] = ()) -> str:
    """Every view over ``files`` (stored table -> root-relative paths), then every comment, as one script.

    One script, so that a run's commit stays short. The derived tables are re-created, but those ``kept``.
    """
    script = [ddl.strip() + ";" for ddl in base_view_sql(files).values()]
    for name, (param, expression, doc) in SCALAR_MACROS.items():
        script += [f"CREATE OR REPLACE MACRO {name}({param}) AS {expression};", _comment_sql("MACRO", name, doc)]
    script += [f"CREATE OR REPLACE TABLE {name} AS {query.strip()};" for name, query in DERIVED_TABLES.items()
               if name not in kept]
    for view in load_report_views(sql_dir) + load_macros(sql_dir / MACRO_DIR.name):
        script.append(view.sql.strip().rstrip(";") + ";")
        script += view.comments()
    for name, doc in schema.TABLE_COMMENTS.items():
        kind = "VIEW" if name in BASE_VIEWS else "TABLE"
        script += relation_comments(name, kind, doc, schema.COLUMN_COMMENTS.get(name, {}))
    return "\n".join(script)
