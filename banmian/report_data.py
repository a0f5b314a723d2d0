"""The numbers of ``banmian report``: one query function per section, over the warehouse's views.

Every query reads the articles of the report's period through one temporary
view, ``report_articles`` (:func:`choose_period`): the current articles with
their issue date, filtered by ``--from``/``--to``. The issue date is the
page's (``ISSUE_DATE``: from its furniture or its path, ``pages.date_source``). Page-grain views
(``page_coverage``) are filtered by the pages of those articles' issues,
article-grain ones (``article_keywords``, ``article_places``,
``articles_to_review``) by their article ids. Rejects have no date: the
report shows all that the warehouse keeps.

Each function returns plain rows (``list[dict]``): the charts and tables
take them as they are, and an empty list means "no data yet" for its section.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Final, Literal

Rows = list[dict[str, Any]]
#: How the articles-over-time chart groups issues: one bar per issue day, week or month.
Bucket = Literal["day", "week", "month"]

#: The issue date of an article (``a``: articles, ``p``: its page): the page's, from its furniture or its path.
ISSUE_DATE: Final = "p.issue_date"
#: The page number of an article's page, normalised (第一版 and 01 are 1).
PAGE_NO: Final = "p.page_no"
#: Most bars a time axis gets before issues are grouped by week, then by month: ~60 stay readable at 900 px.
MAX_TIME_BARS: Final = 60
#: Names, places and words shown in a top-N chart: a chart's height at 18 px a bar.
TOP_N: Final = 15
#: Pages shown in the coverage chart, worst residue first (the warehouse has them all in page_coverage).
COVERAGE_PAGES: Final = 25
#: Articles listed as least sure of their segmentation: one screenful of the table.
REVIEW_ROWS: Final = 20
#: Front-page stories listed: the lead stories of the latest issues.
FRONT_PAGE_ROWS: Final = 30
#: Weeks that count as "recent" when a word's share is compared with the weeks before (at most half of them).
RECENT_WEEKS: Final = 4
#: Words shown rising: lines a chart can tell apart by colour.
RISING_WORDS: Final = 8
#: A rising word is used by at least this many articles: one article's word is no trend.
MIN_TREND_ARTICLES: Final = 2
#: Width of a bin of the confidence histogram (confidence is a probability, 0 to 1).
CONFIDENCE_BIN: Final = 0.1


def period_sql(date_from: date | None, date_to: date | None) -> str:
    """The WHERE condition on ``ISSUE_DATE`` for the report's period (dates are inlined: DDL takes no parameters).

    >>> period_sql(None, None)
    'true'
    >>> period_sql(date(2023, 3, 1), None)
    "p.issue_date >= DATE '2023-03-01'"
    """
    bounds = []
    if date_from is not None:
        bounds.append(f"{ISSUE_DATE} >= DATE '{date_from.isoformat()}'")
    if date_to is not None:
        bounds.append(f"{ISSUE_DATE} <= DATE '{date_to.isoformat()}'")
    return " AND ".join(bounds) or "true"


def choose_period(con: Any, date_from: date | None, date_to: date | None) -> None:
    """Create the temporary views ``report_articles`` and ``report_pages`` for the period on ``con``.

    Undated pages drop out once a bound is given, as in ``banmian export``. The articles' columns are
    named, not ``a.*``: ``issue_date`` and ``page_no`` here are the report's, whatever ``articles`` adds.
    """
    con.execute(f"""
        CREATE OR REPLACE TEMP VIEW report_articles AS
        SELECT a.article_id, a.page_id, a.kind, a.authors, a.photographers, a.n_chars, a.confidence, a.review,
               {ISSUE_DATE} AS issue_date, {PAGE_NO} AS page_no
        FROM articles AS a JOIN pages AS p ON p.page_id = a.page_id
        WHERE {period_sql(date_from, date_to)}""")
    con.execute(f"""
        CREATE OR REPLACE TEMP VIEW report_pages AS
        SELECT p.* FROM pages AS p WHERE {period_sql(date_from, date_to)}""")


def rows(con: Any, sql: str, params: list[object] | None = None) -> Rows:
    """The result of ``sql`` as a list of dicts."""
    result = con.execute(sql, params or [])
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def has_relation(con: Any, name: str) -> bool:
    """True if the warehouse has the view or table ``name`` (a view in sql/ appears at the first commit after it)."""
    found = rows(con, "SELECT 1 FROM duckdb_views() WHERE view_name = ? "
                      "UNION ALL SELECT 1 FROM duckdb_tables() WHERE table_name = ?", [name, name])
    return bool(found)


@dataclass(frozen=True)
class Headline:
    """The figures the report opens with, and the run's markdown summary repeats."""

    pages: int
    issues: int
    undated_pages: int
    articles: int
    first_issue: date | None
    last_issue: date | None
    names: int
    residue_share: float | None
    rejected_files: int
    to_review: int


def headline_figures(con: Any) -> Headline:
    """Pages, issues, articles, credited names, residue share, rejects and articles to review, for the period."""
    pages = rows(con, f"""
        SELECT count(*) AS pages, count(DISTINCT {ISSUE_DATE}) AS issues,
               count(*) FILTER (WHERE {ISSUE_DATE} IS NULL) AS undated_pages,
               min({ISSUE_DATE}) AS first_issue, max({ISSUE_DATE}) AS last_issue,
               sum(c.residue_chars) / nullif(sum(c.visible_chars), 0) AS residue_share
        FROM report_pages AS p JOIN page_coverage AS c USING (page_id)""")[0]
    articles = rows(con, """
        SELECT count(*) AS articles, count(review) AS to_review,
               (SELECT count(DISTINCT name) FROM (SELECT unnest(authors || photographers) AS name
                                                  FROM report_articles)) AS names
        FROM report_articles""")[0]
    rejected = rows(con, "SELECT coalesce(sum(paths), 0) AS n FROM rejects_per_reason WHERE severity = 'rejected'")
    return Headline(pages=pages["pages"], issues=pages["issues"], undated_pages=pages["undated_pages"],
                    articles=articles["articles"], first_issue=pages["first_issue"], last_issue=pages["last_issue"],
                    names=articles["names"], residue_share=pages["residue_share"],
                    rejected_files=int(rejected[0]["n"]), to_review=articles["to_review"])


def time_bucket(first: date | None, last: date | None, max_bars: int = MAX_TIME_BARS) -> Bucket:
    """One bar per issue day while the period fits ``max_bars`` of them, else per week, else per month.

    >>> time_bucket(date(2023, 1, 1), date(2023, 1, 31)), time_bucket(date(2023, 1, 1), date(2023, 6, 30))
    ('day', 'week')
    >>> time_bucket(date(2018, 1, 1), date(2023, 12, 31)), time_bucket(None, None)
    ('month', 'day')
    """
    if first is None or last is None:
        return "day"
    days = (last - first).days + 1
    if days <= max_bars:
        return "day"
    return "week" if days <= max_bars * 7 else "month"


def articles_over_time(con: Any, bucket: Bucket) -> Rows:
    """Articles per issue (day, week or month) and kind; undated pages form one bar, ``undated``, last."""
    return rows(con, f"""
        SELECT issue, kind, articles FROM (
            SELECT coalesce(strftime(date_trunc('{bucket}', issue_date), '%Y-%m-%d'), 'undated') AS issue,
                   kind, count(*) AS articles
            FROM report_articles GROUP BY 1, 2)
        ORDER BY issue = 'undated', issue, kind""")


def top_credits(con: Any, role: Literal["author", "photographer"], limit: int = TOP_N) -> Rows:
    """The names credited most often in ``role``: name, articles, characters of their paragraphs."""
    column = "authors" if role == "author" else "photographers"
    return rows(con, f"""
        SELECT name, count(*) AS articles, sum(n_chars)::BIGINT AS n_chars
        FROM (SELECT unnest({column}) AS name, n_chars FROM report_articles)
        GROUP BY name ORDER BY articles DESC, n_chars DESC, name LIMIT ?""", [limit])


def top_places(con: Any, limit: int = TOP_N) -> Rows:
    """The places named in most articles (article_places): the place as province·city·county, articles, mentions."""
    return rows(con, """
        SELECT concat_ws('·', any_value(province), any_value(city), any_value(county)) AS place,
               count(DISTINCT article_id) AS articles, sum(mentions)::BIGINT AS mentions
        FROM article_places WHERE article_id IN (SELECT article_id FROM report_articles)
        GROUP BY adcode ORDER BY articles DESC, mentions DESC, place LIMIT ?""", [limit])


def rising_keywords(con: Any, limit: int = RISING_WORDS) -> Rows:
    """Weekly share of the words rising most: week, term, share, for the ``limit`` words whose share of the
    recent weeks' articles grew most over the weeks before (keyword_trend_by_week). Empty with fewer than two
    dated weeks in the period."""
    return rows(con, f"""
        WITH trend AS (
            SELECT week, term, articles, share FROM keyword_trend_by_week
            WHERE week IN (SELECT DISTINCT date_trunc('week', issue_date)::DATE FROM report_articles)
        ), weeks AS (
            SELECT week, row_number() OVER (ORDER BY week DESC) AS back FROM (SELECT DISTINCT week FROM trend)
        ), span AS (
            SELECT count(*) AS n, least({RECENT_WEEKS}, count(*) // 2) AS recent FROM weeks
        ), rise AS (
            SELECT t.term,
                   coalesce(sum(t.share) FILTER (WHERE w.back <= s.recent), 0) / s.recent
                   - coalesce(sum(t.share) FILTER (WHERE w.back > s.recent), 0) / (s.n - s.recent) AS rise
            FROM trend AS t JOIN weeks AS w USING (week) CROSS JOIN span AS s
            WHERE s.recent > 0
            GROUP BY t.term, s.n, s.recent
            HAVING sum(t.articles) >= {MIN_TREND_ARTICLES} AND rise > 0
            ORDER BY rise DESC, t.term LIMIT ?
        )
        SELECT strftime(w.week, '%Y-%m-%d') AS week, r.term, coalesce(t.share, 0) AS share
        FROM rise AS r CROSS JOIN weeks AS w
        LEFT JOIN trend AS t ON t.term = r.term AND t.week = w.week
        ORDER BY w.week, r.rise DESC, r.term""", [limit])


def top_keywords(con: Any, limit: int = TOP_N) -> Rows:
    """The words most articles are about (among their 10 keywords by TF-IDF, article_keywords): term, articles."""
    return rows(con, """
        SELECT term, count(*) AS articles, sum(tfidf) AS weight
        FROM article_keywords WHERE article_id IN (SELECT article_id FROM report_articles)
        GROUP BY term ORDER BY articles DESC, weight DESC, term LIMIT ?""", [limit])


def coverage_by_page(con: Any, limit: int = COVERAGE_PAGES) -> Rows:
    """The pages with the largest share of residue (page_coverage): page, characters in articles and residue."""
    return rows(con, """
        SELECT coalesce('第' || c.page_no || '版 · ', '') || regexp_extract(c.source_path, '[^/]+$') AS page,
               c.body_chars + c.heading_chars AS article_chars, c.residue_chars, c.unassigned_chars,
               c.residue_share
        FROM page_coverage AS c SEMI JOIN report_pages AS p ON p.page_id = c.page_id
        ORDER BY c.residue_share DESC NULLS LAST, c.source_path LIMIT ?""", [limit])


def rejects_by_reason(con: Any) -> Rows:
    """Why files were rejected (rejects_per_reason): reason, severity, distinct paths, an example."""
    return rows(con, "SELECT reason, severity, paths, times, example_path FROM rejects_per_reason "
                     "ORDER BY paths DESC, reason")


def confidence_histogram(con: Any) -> Rows:
    """Articles per band of confidence (the probability that the body is exactly right), flagged or not."""
    return rows(con, f"""
        SELECT round(floor(least(confidence, 0.999) / {CONFIDENCE_BIN}) * {CONFIDENCE_BIN}, 2) AS band,
               CASE WHEN review IS NULL THEN 'sure enough' ELSE 'to review' END AS status, count(*) AS articles
        FROM report_articles WHERE confidence IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2""")


def least_sure(con: Any, limit: int = REVIEW_ROWS) -> Rows:
    """The articles least sure of their segmentation (articles_to_review), least sure first."""
    return rows(con, """
        SELECT r.confidence, regexp_extract(r.source_path, '[^/]+$') AS page, r.ordinal, r.kind, r.headline,
               r.review
        FROM articles_to_review AS r SEMI JOIN report_articles AS a ON a.article_id = r.article_id
        ORDER BY r.confidence, r.source_path, r.ordinal LIMIT ?""", [limit])


def front_page(con: Any, limit: int = FRONT_PAGE_ROWS) -> Rows:
    """The lead stories of page 1 of the latest issues (front_page_stories); empty if the view is not there yet."""
    if not has_relation(con, "front_page_stories"):
        return []
    return rows(con, """
        SELECT f.issue_date, f.page_no, f.headline, f.kind, f.n_chars, regexp_extract(f.source_path, '[^/]+$') AS page
        FROM front_page_stories AS f SEMI JOIN report_articles AS a ON a.article_id = f.article_id
        WHERE f.size_rank = 1
        ORDER BY f.issue_date DESC NULLS LAST, f.source_path LIMIT ?""", [limit])
