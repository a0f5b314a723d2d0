"""``banmian search "营商环境" [--from --to --author --kind] [--limit]``: articles ranked by BM25, with snippets.

The ranking is the warehouse's ``search()`` table macro (``sql/macros/search.sql``);
this command cuts the query with the tokenizer the articles were cut with
(``banmian.tasks.text.words``) and hands the macro those terms as they are
(``cut := false``), then prints each hit: its rank and score, the page's
printed date and page, the headline, and a snippet of the body, with the
query's terms marked 【thus】 in both (a headline counts in the ranking:
BM25F, see the macro).
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Container, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from banmian.tasks.model import ARTICLE_KINDS
from banmian.tasks.text.words import cut, query_terms

#: Hits printed unless --limit says otherwise: a screenful.
DEFAULT_LIMIT: Final = 10
#: Characters of body shown around the first match: about two lines of a terminal.
SNIPPET_CHARS: Final = 80
#: Where a snippet starts, in characters before its first match: enough to show what leads to it.
SNIPPET_LEAD: Final = 20
OPEN_MARK, CLOSE_MARK = "【", "】"
EXIT_OK, EXIT_NOTHING, EXIT_FAILURE = 0, 1, 2

#: The query: the macro's ranked rows for the terms (a blank-separated string), with the body of each hit.
#: The bodies are joined by page too: DuckDB hands the hits' pages to the articles' scan, which then reads
#: only the row groups holding them (articles' files are sorted by page, ``schema.CLUSTERED``).
SEARCH_SQL: Final = """
    SELECT s.rank, s.score, s.terms, s.date, s.page_no, s.page_name, s.kind, s.headline, s.authors, a.body
    FROM (SELECT * FROM search(?, date_from := ?, date_to := ?, author := ?, kind := ?, cut := false)
          LIMIT ?) AS s
    JOIN articles AS a ON a.page_id = s.page_id AND a.article_id = s.article_id
    ORDER BY s.rank
"""


@dataclass(frozen=True)
class Hit:
    """One ranked article, as printed."""

    rank: int
    score: float
    terms: list[str]
    date: date | None
    page_no: str | None
    page_name: str | None
    kind: str
    headline: str | None
    authors: list[str]
    body: str


def marked(token: str, wanted: Container[str]) -> str:
    """``token``, marked 【thus】 if it is one of the ``wanted`` terms.

    >>> marked("营商", {"营商"}), marked("优化", {"营商"})
    ('【营商】', '优化')
    """
    return f"{OPEN_MARK}{token}{CLOSE_MARK}" if token in wanted else token


def mark_terms(text: str, terms: Sequence[str]) -> str:
    """``text`` with every token that is one of ``terms`` marked, as search counted them (a headline, whole).

    >>> mark_terms("优化营商环境", ["营商"])
    '优化【营商】环境'
    """
    wanted = set(terms)
    return "".join(marked(t, wanted) for t in cut(text))


def snippet(body: str, terms: Sequence[str], width: int = SNIPPET_CHARS, lead: int = SNIPPET_LEAD) -> str:
    """About ``width`` characters of ``body`` from a little before its first term, every term marked.

    Terms are marked where the tokenizer reads them as whole tokens, as search
    counted them; line breaks become spaces; … marks text cut off.

    >>> snippet("今年以来，全县持续优化营商环境，营商主体增加。", ["营商", "环境"], width=12, lead=4)
    '…持续优化【营商】【环境】，【营商】主体…'
    >>> snippet("没有匹配。", ["营商"])
    '没有匹配。'
    """
    wanted = set(terms)
    tokens = cut(body)
    starts = [0]
    for token in tokens:
        starts.append(starts[-1] + len(token))
    first = next((starts[i] for i, t in enumerate(tokens) if t in wanted), 0)
    begin = max(0, first - lead)
    end = min(len(body), begin + width)
    shown = "".join(marked(t, wanted) for i, t in enumerate(tokens) if begin <= starts[i] < end)
    return ("…" if begin > 0 else "") + " ".join(shown.split()) + ("…" if end < len(body) else "")


def where_printed(hit: Hit) -> str:
    """The page's printed date and page as one label: ``2023-08-25 第3版 综合新闻``; ``(undated)`` if none.

    >>> where_printed(Hit(1, 1.0, [], date(2023, 8, 25), "3", "综合新闻", "news", None, [], ""))
    '2023-08-25 第3版 综合新闻'
    >>> where_printed(Hit(1, 1.0, [], None, None, None, "news", None, [], ""))
    '(undated)'
    """
    parts = [hit.date.isoformat()] if hit.date else []
    if hit.page_no:
        parts.append(f"第{hit.page_no}版")
    if hit.page_name:
        parts.append(hit.page_name)
    return " ".join(parts) or "(undated)"


def format_hit(hit: Hit) -> str:
    """Three lines: rank, score, where printed and headline; kind and credits; the snippet. Matches are marked."""
    credits = "、".join(hit.authors)
    headline = mark_terms(hit.headline, hit.terms) if hit.headline else "(no headline)"
    head = f"{hit.rank:>3}. [{hit.score:.2f}] {where_printed(hit)}  {headline}"
    about = f"     {hit.kind}" + (f" · {credits}" if credits else "") + f" · matched {' '.join(hit.terms)}"
    body = textwrap.indent(snippet(hit.body, hit.terms), "     ")
    return "\n".join([head, about, body])


def run_search(warehouse: Any, query: str, args: argparse.Namespace) -> list[Hit]:
    """The ranked hits of ``query`` in ``warehouse`` (a ``Warehouse``) under the command's filters."""
    terms = query_terms(query)
    if not terms:
        return []
    params = [" ".join(terms), args.date_from, args.date_to, args.author, args.kind, args.limit]
    table = warehouse.query(SEARCH_SQL, params)
    return [Hit(**row) for row in table.to_pylist()]


def cmd_search(args: argparse.Namespace) -> int:
    """Print the ranked hits; exit 1 when nothing matches."""
    import duckdb

    from banmian.cli import CliError, _existing_warehouse
    from banmian.tasks.store.warehouse import WarehouseBusy

    wh = _existing_warehouse(args.warehouse)
    try:
        hits = run_search(wh, args.query, args)
    except WarehouseBusy as exc:
        raise CliError(f"warehouse busy: {exc}") from None
    except duckdb.Error as exc:  # e.g. a warehouse whose views predate search(): a run re-creates them
        raise CliError(f"search failed: {str(exc).strip()}") from None
    if not hits:
        print(f"No article matches {args.query!r}" + (" with these filters." if _filtered(args) else "."))
        return EXIT_NOTHING
    print("\n\n".join(format_hit(h) for h in hits))
    return EXIT_OK


def _filtered(args: argparse.Namespace) -> bool:
    return any(v is not None for v in (args.date_from, args.date_to, args.author, args.kind))


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``banmian search``."""
    from banmian.cli import DEFAULT_WAREHOUSE, _positive_int

    parser.add_argument("query", metavar="QUERY", help="words to look for, e.g. 营商环境 (cut like the articles)")
    parser.add_argument("--from", dest="date_from", type=_date, metavar="DATE",
                        help="only pages printed on or after DATE (YYYY-MM-DD); undated pages drop out")
    parser.add_argument("--to", dest="date_to", type=_date, metavar="DATE",
                        help="only pages printed on or before DATE (YYYY-MM-DD); undated pages drop out")
    parser.add_argument("--author", metavar="NAME", help="only articles crediting NAME (author or photographer)")
    parser.add_argument("--kind", choices=ARTICLE_KINDS, help="only articles of this kind")
    parser.add_argument("--limit", type=_positive_int, default=DEFAULT_LIMIT, metavar="N",
                        help=f"hits to print (default {DEFAULT_LIMIT})")
    parser.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, metavar="DIR")
    parser.set_defaults(func=cmd_search)


def add_command(sub: Any) -> None:
    """Add ``search`` to banmian's subcommands (``sub`` from ``add_subparsers``)."""
    add_arguments(sub.add_parser(
        "search", help="find articles by words, best first (BM25)",
        description="Rank the articles by BM25 over their words and print the best with their page and a "
                    "snippet; the query is cut into words as the articles were. Exit 1 if nothing matches."))


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m banmian.search QUERY [...]``, the same as ``banmian search``."""
    from banmian.cli import main as cli_main

    return cli_main(["search", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
