"""``banmian report [--from DATE --to DATE] --out report.html``: the warehouse as one page to look at.

One self-contained HTML file: its charts are inline SVG drawn offline
(``banmian.report_charts``: Altair and vl-convert), its style is inline, and
it loads no script, font or image, so it opens anywhere with no network. It
shows, for the period (the issue dates of ``--from``/``--to``; all issues
without them):

* the headline figures (pages, issues, articles, names, residue, rejects, to review);
* articles per issue and kind over time;
* top authors and photographers;
* top places (``article_places``);
* rising keywords (``keyword_trend_by_week``), or the top ones while fewer than two weeks are dated;
* page coverage and residue (``page_coverage``);
* rejects (``rejects_per_reason``);
* the articles least sure of their segmentation (``articles.confidence``, ``articles_to_review``);
* front-page stories (``front_page_stories``).

A section with nothing to show says so in words. The numbers come from
``banmian.report_data``; the ingest flow writes the same report into the
warehouse after each run that changed it (``banmian.report_flow``).
"""

from __future__ import annotations

import html
import logging
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Final

from banmian import __version__
from banmian import report_data as data
from banmian.report_data import Headline, Rows

logger = logging.getLogger(__name__)

#: Where the ingest flow writes the report, under the warehouse root (``banmian report``'s default is ./report.html).
REPORT_FILE: Final = "report.html"
#: DuckDB's memory for the report's queries (``memory_limit``; its default is 80% of RAM): past it their hash tables
#: and sorts spill to disk. 10,000 pages: the report's peak 452 -> 377 MB (96MB: 373, 192MB: 401; 64MB fails).
REPORT_MEMORY_LIMIT: Final = "128MB"
#: Prefix of the folder, in the warehouse root (the disk sized for the data), where the report's queries spill.
SPILL_PREFIX: Final = ".report-spill-"
#: Style of the page: the reader's system fonts, one 960 px column; no web font, no external file.
STYLE: Final = """
body { font-family: system-ui, "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; margin: 0 auto;
       max-width: 960px; padding: 24px; color: #222; background: #fff; }
h1 { font-size: 24px; margin-bottom: 4px; } h2 { font-size: 18px; margin: 32px 0 4px; }
.meta, .note { color: #666; font-size: 13px; } .empty { color: #999; font-style: italic; }
.figures { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0; }
.figure { border: 1px solid #ddd; border-radius: 6px; padding: 6px 12px; min-width: 80px; }
.figure b { display: block; font-size: 22px; } .figure span { color: #666; font-size: 12px; }
.pair { display: flex; flex-wrap: wrap; gap: 24px; }
table { border-collapse: collapse; font-size: 13px; margin-top: 8px; }
td, th { border-bottom: 1px solid #eee; padding: 3px 8px; text-align: left; vertical-align: top; }
figure.chart { margin: 8px 0; }
"""


@dataclass(frozen=True)
class Section:
    """One part of the report: a title, a sentence on what it shows, then its charts and table, or why empty."""

    key: str
    title: str
    note: str
    charts: tuple[str, ...] = ()
    table: str = ""
    empty: str = ""


def format_share(share: float | None) -> str:
    """A share as the report prints it.

    >>> format_share(0.0049), format_share(None)
    ('0.5%', 'n/a')
    """
    return "n/a" if share is None else f"{share:.1%}"


def html_table(rows: Rows, columns: Sequence[str]) -> str:
    """An HTML table of ``columns`` of ``rows``, every cell escaped (a floating share as a percentage).

    >>> html_table([{"headline": "<b>", "confidence": 0.25}], ["headline", "confidence"])
    '<table><tr><th>headline</th><th>confidence</th></tr><tr><td>&lt;b&gt;</td><td>25.0%</td></tr></table>'
    """
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{_cell(row.get(c))}</td>" for c in columns) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_share(value)
    return html.escape(str(value))


def _charted(key: str, rows: Rows, chart: Callable[[Rows], Any]) -> tuple[str, ...]:
    """The one chart of ``rows`` as SVG, or none if there are no rows."""
    from banmian.report_charts import to_svg

    return (to_svg(chart(rows), f"{key}-"),) if rows else ()


# ---------------------------------------------------------------------------
# The sections: each runs its query and draws its chart
# ---------------------------------------------------------------------------

def over_time_section(con: Any, headline: Headline) -> Section:
    from banmian.report_charts import over_time_chart

    bucket = data.time_bucket(headline.first_issue, headline.last_issue)
    rows = data.articles_over_time(con, bucket)
    undated = (f" {headline.undated_pages} pages print no date we can read: their articles stand in one bar, "
               "undated." if headline.undated_pages else "")
    return Section("over-time", "Articles per issue and kind",
                   f"How many news stories, features and photos each issue carried (one bar per {bucket})." + undated,
                   charts=_charted("over-time", rows, lambda r: over_time_chart(r, bucket)),
                   empty="No articles in this period yet.")


def people_section(con: Any) -> Section:
    from banmian.report_charts import top_chart

    authors, photographers = data.top_credits(con, "author"), data.top_credits(con, "photographer")
    charts = (_charted("authors", authors, lambda r: top_chart(r, "name", "articles", "articles (authors)"))
              + _charted("photographers", photographers,
                         lambda r: top_chart(r, "name", "articles", "articles (photographers)")))
    return Section("people", "Top authors and photographers",
                   f"The names bylines credit most often, up to {data.TOP_N} of each (articles that credit them).",
                   charts=charts, empty="No byline credits a name yet.")


def places_section(con: Any) -> Section:
    from banmian.report_charts import top_chart

    rows = data.top_places(con)
    return Section("places", "Top places",
                   "The provinces, cities and counties named in most articles (cpca's gazetteer, article_places).",
                   charts=_charted("places", rows, lambda r: top_chart(r, "place", "articles", "articles naming it")),
                   empty="No article names a place of the gazetteer yet.")


def keywords_section(con: Any) -> Section:
    from banmian.report_charts import rising_chart, top_chart

    rising = data.rising_keywords(con)
    if rising:
        return Section("keywords", "Rising keywords",
                       f"The words whose share of the articles grew most in the last {data.RECENT_WEEKS} weeks "
                       "(at most half the weeks) over the weeks before (keyword_trend_by_week).",
                       charts=_charted("keywords", rising, rising_chart))
    top = data.top_keywords(con)
    return Section("keywords", "Top keywords",
                   "Fewer than two weeks of dated issues, so no word can be seen rising yet: these are the words "
                   "most articles are about (among each article's 10 keywords by TF-IDF, article_keywords).",
                   charts=_charted("keywords", top, lambda r: top_chart(r, "term", "articles", "articles about it")),
                   empty="No keywords yet.")


def coverage_section(con: Any, headline: Headline) -> Section:
    from banmian.report_charts import coverage_chart

    rows = data.coverage_by_page(con)
    return Section("coverage", "Page coverage and residue",
                   f"Residue is page text kept out of every article: {format_share(headline.residue_share)} of the "
                   f"period's text. Up to {data.COVERAGE_PAGES} pages with the largest share, worst first (page_coverage).",
                   charts=_charted("coverage", rows, coverage_chart),
                   table=html_table(rows, ["page", "article_chars", "residue_chars", "unassigned_chars",
                                           "residue_share"]) if rows else "",
                   empty="No page loaded in this period yet.")


def rejects_section(con: Any) -> Section:
    from banmian.report_charts import top_chart

    rows = data.rejects_by_reason(con)
    return Section("rejects", "Rejects",
                   "Why input files did not become pages, all runs the warehouse keeps (rejects_per_reason); "
                   "no_articles is a warning: those pages were loaded, their text as residue.",
                   charts=_charted("rejects", rows, lambda r: top_chart(r, "reason", "paths", "files", "severity")),
                   table=html_table(rows, ["reason", "severity", "paths", "times", "example_path"]) if rows else "",
                   empty="No file was rejected.")


def review_section(con: Any) -> Section:
    from banmian.report_charts import confidence_chart

    bands = data.confidence_histogram(con)
    rows = data.least_sure(con)
    return Section("review", "Least sure of their segmentation",
                   "Confidence is the probability that an article's body is exactly right; below the model's "
                   f"threshold it is flagged for review. The {data.REVIEW_ROWS} least sure, with what to check "
                   "(articles_to_review).",
                   charts=_charted("review", bands, confidence_chart),
                   table=html_table(rows, ["confidence", "page", "ordinal", "kind", "headline", "review"])
                   if rows else "",
                   empty="No article has a confidence yet (loaded before schema 3: a full refresh rates them).")


def front_page_section(con: Any) -> Section:
    rows = data.front_page(con)
    return Section("front-page", "Front-page stories",
                   "The lead story (the longest) of page 1 of the latest issues (front_page_stories).",
                   table=html_table(rows, ["issue_date", "page_no", "headline", "kind", "n_chars", "page"])
                   if rows else "",
                   empty="No page printed as page 1 (第1版) yet: page numbers come from the page's own furniture.")


def report_sections(con: Any, headline: Headline) -> list[Section]:
    """Every section of the report, in order."""
    return [over_time_section(con, headline), people_section(con), places_section(con), keywords_section(con),
            coverage_section(con, headline), rejects_section(con), review_section(con), front_page_section(con)]


# ---------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------

def period_text(date_from: date | None, date_to: date | None) -> str:
    """The period as the report's subtitle says it.

    >>> period_text(None, None), period_text(date(2023, 3, 1), None)
    ('all issues', 'issues from 2023-03-01')
    """
    if date_from is None and date_to is None:
        return "all issues"
    parts = [f"from {date_from.isoformat()}" if date_from else "", f"to {date_to.isoformat()}" if date_to else ""]
    return "issues " + " ".join(p for p in parts if p)


def headline_pairs(h: Headline) -> list[tuple[str, str]]:
    """The headline figures as (label, value), in the order the report and the run's summary show them."""
    issues = str(h.issues) if not h.first_issue else f"{h.issues} ({h.first_issue} – {h.last_issue})"
    return [("pages", str(h.pages)), ("issues (dates)", issues), ("articles", str(h.articles)),
            ("names credited", str(h.names)), ("residue", format_share(h.residue_share)),
            ("files rejected", str(h.rejected_files)), ("articles to review", str(h.to_review))]


def section_html(s: Section) -> str:
    """One section: its title, its note, then its charts and table, or its empty text."""
    body = "".join(f'<figure class="chart">{svg}</figure>' for svg in s.charts) + s.table
    if not body:
        body = f'<p class="empty">{html.escape(s.empty or "No data yet.")}</p>'
    charts = f'<div class="pair">{body}</div>' if len(s.charts) > 1 else body
    return f'<section id="{s.key}"><h2>{html.escape(s.title)}</h2><p class="note">{html.escape(s.note)}</p>{charts}</section>'


def report_html(headline: Headline, sections: Sequence[Section], warehouse: str, period: str) -> str:
    """The whole report as one HTML document: inline style and SVG, no script, nothing fetched."""
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    figures = "".join(f'<div class="figure"><b>{html.escape(v)}</b><span>{html.escape(k)}</span></div>'
                      for k, v in headline_pairs(headline))
    return (f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>banmian report: {html.escape(warehouse)}</title><style>{STYLE}</style></head><body>"
            f"<h1>banmian report</h1><p class=\"meta\">{html.escape(warehouse)} · {html.escape(period)} · "
            f"made {made} by banmian {__version__}</p>"
            f'<div class="figures">{figures}</div>'
            + "".join(section_html(s) for s in sections) + "</body></html>\n")


@contextmanager
def report_connection(root: Path, memory_limit: str | None) -> Iterator[Any]:
    """A read connection whose queries hold at most ``memory_limit`` and spill the rest to a folder of their own
    (removed after), so that the report's process does not grow with the warehouse; None: DuckDB's default.

    Only the report's connection is capped: a user's ``banmian query`` keeps DuckDB's defaults. The folder is
    the report's own because two processes spilling into DuckDB's default one (``banmian.duckdb.tmp``) would
    share its file names.
    """
    from banmian.tasks.store.warehouse import MemoryCap, Warehouse

    wh = Warehouse(root)
    with tempfile.TemporaryDirectory(prefix=SPILL_PREFIX, dir=wh.root) as spill, \
            wh.read_connection(MemoryCap(memory_limit, Path(spill)) if memory_limit else None) as con:
        yield con


def report_figures(root: Path, date_from: date | None, date_to: date | None,
                   memory_limit: str | None) -> tuple[Headline, list[Section]]:
    """The headline figures and every section of the report of the period, its queries held to ``memory_limit``."""
    with report_connection(root, memory_limit) as con:
        data.choose_period(con, date_from, date_to)
        headline = data.headline_figures(con)
        return headline, report_sections(con, headline)


def read_headline(root: Path) -> Headline:
    """The headline figures of the whole warehouse at ``root``, without drawing the report."""
    from banmian.tasks.store.warehouse import Warehouse

    with Warehouse(root).read_connection() as con:
        data.choose_period(con, None, None)
        return data.headline_figures(con)


def write_report(root: Path, out: Path, date_from: date | None = None, date_to: date | None = None) -> Headline:
    """Write the report of the warehouse at ``root`` to ``out`` (via a temporary name); return its headline figures."""
    from banmian.tasks.store.warehouse import QueryOutOfMemory

    try:
        headline, sections = report_figures(root, date_from, date_to, REPORT_MEMORY_LIMIT)
    except QueryOutOfMemory:
        # Part of some queries' memory does not spill (they fail under 56-64MB at 2,000 pages, 64-72MB at
        # 10,000): past the cap the report is drawn again uncapped, as before the cap, rather than not at all.
        logger.warning("The report's queries need more than %s; drawing it without that cap", REPORT_MEMORY_LIMIT)
        headline, sections = report_figures(root, date_from, date_to, None)
    page = report_html(headline, sections, str(root), period_text(date_from, date_to))
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        tmp.write_text(page, encoding="utf-8")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return headline
