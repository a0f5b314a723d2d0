"""Which issue a page belongs to: its date and page number from its own furniture, else from its file's path.

Archives name their files after the issue when the pages print no date (or
their furniture was lost to OCR). Three conventions are read without being
told, on the file's name and its folder's:

    …/2023-08-25/03.txt    a folder per issue, a file per page
    rmrb2018010207.txt     paper, yyyymmdd, page
    20230825_03.txt        yyyymmdd, page (also 20230825-03.txt)

and ``banmian run --path-pattern REGEX`` reads any other, with the named
groups ``year``, ``month``, ``day``, ``page`` and ``paper``. A number that
is not a valid day is no date: nothing is guessed (:func:`path_facts`).
The page's own furniture wins over its path; ``PageDating`` records which
gave each fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final, TypeVar

from banmian.tasks.model import DateSource, DecodedPage, PageDating, PageMeta, PageResult, Reject
from banmian.tasks.text.dates import page_number, printed_date, valid_date

T = TypeVar("T")

#: The named groups a ``--path-pattern`` may use.
PATH_GROUPS: Final = ("year", "month", "day", "page", "paper")

_DAY: Final = r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})"
_PAGE: Final = r"(?P<page>\d{1,3})"
_SUFFIX: Final = r"\.(?:txt|pdf)$"
#: The conventions read without a pattern, tried in order on the path's last folder and file name.
CONVENTIONS: Final = (
    re.compile(rf"(?:^|/)(?P<year>\d{{4}})-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})/(?:{_PAGE}{_SUFFIX})?"),
    re.compile(rf"(?:^|/)(?P<paper>[A-Za-z]+)_?{_DAY}_?(?P<page>\d{{2,3}}){_SUFFIX}"),
    re.compile(rf"(?:^|/){_DAY}[_-]{_PAGE}{_SUFFIX}"),
)
#: A PDF page's path: ``FILE.pdf#page=N`` (``banmian.tasks.pdf.pages``).
_PDF_PAGE: Final = re.compile(r"#page=(\d+)$")


class BadPathPattern(ValueError):
    """A ``--path-pattern`` that is no regular expression, or names groups banmian does not read."""


@dataclass(frozen=True, slots=True)
class PathFacts:
    """What a file's path says about its page: the issue's day, the page number, the paper."""

    issue_date: date | None = None
    page_no: str | None = None
    paper: str | None = None


def compile_path_pattern(pattern: str) -> re.Pattern[str]:
    """A ``--path-pattern``, checked: it compiles and its named groups are among ``PATH_GROUPS``.

    >>> compile_path_pattern(r"(?P<paper>\\w+)/(?P<page>\\d+)\\.txt").groupindex.keys()
    dict_keys(['paper', 'page'])
    >>> compile_path_pattern(r"(?P<date>\\d+)")
    Traceback (most recent call last):
    ...
    banmian.tasks.ingest.dating.BadPathPattern: --path-pattern names the group(s) date; use year, month, day, page, paper
    """
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise BadPathPattern(f"--path-pattern is not a regular expression: {exc}") from exc
    unknown = [g for g in compiled.groupindex if g not in PATH_GROUPS]
    if unknown:
        raise BadPathPattern(f"--path-pattern names the group(s) {', '.join(unknown)}; "
                             f"use {', '.join(PATH_GROUPS)}")
    named = set(compiled.groupindex)
    if named & {"year", "month", "day"} and not {"year", "month", "day"} <= named:
        raise BadPathPattern("--path-pattern names a date with the three groups year, month and day")
    if not named & {"year", "page"}:
        raise BadPathPattern("--path-pattern must name a date (year, month, day) or a page group")
    return compiled


def _group(m: re.Match[str], name: str) -> str | None:
    """A named group's text, if the pattern has the group and it took part in the match."""
    return m.group(name) if name in m.re.groupindex else None


def facts_of_match(m: re.Match[str]) -> PathFacts:
    """The facts a matched convention or pattern names; none if the date it matched is no valid day.

    A file name whose date reads 2018-13-02 is not named by the convention at
    all, so its other numbers are not taken for a page either.
    """
    day = [_group(m, g) for g in ("year", "month", "day")]
    issue = None
    if any(day):
        issue = valid_date(*(int(v) if v and v.isdigit() else 0 for v in day))
        if issue is None:
            return PathFacts()
    page = _group(m, "page") or ""
    return PathFacts(issue, page_number(page) if page.isdigit() and int(page) > 0 else None,
                     _group(m, "paper") or None)


def path_facts(path: str, pattern: re.Pattern[str] | None = None) -> PathFacts:
    """What ``path`` says: ``pattern`` (searched in the whole path) first, then the ``CONVENTIONS``.

    A PDF page's path (``issue.pdf#page=2``) gives its page number when the file name gives none.

    >>> path_facts("/in/2023-08-25/03.txt")
    PathFacts(issue_date=datetime.date(2023, 8, 25), page_no='3', paper=None)
    >>> path_facts("/in/rmrb2018010207.txt"), path_facts("/in/rmrb2018130207.txt")
    (PathFacts(issue_date=datetime.date(2018, 1, 2), page_no='7', paper='rmrb'), PathFacts(issue_date=None, page_no=None, paper=None))
    """
    plain = path.replace("\\", "/")
    pdf_page = _PDF_PAGE.search(plain)
    if pdf_page:
        plain = plain[:pdf_page.start()]
    found = PathFacts()
    for rule in ((pattern,) if pattern else ()) + CONVENTIONS:
        m = rule.search(plain)
        if m:
            found = facts_of_match(m)
            if found.issue_date is not None or found.page_no is not None:
                break
            found = PathFacts()
    if pdf_page and found.page_no is None and found.issue_date is not None:
        found = PathFacts(found.issue_date, pdf_page.group(1), found.paper)
    return found


def date_page(path: str, meta: PageMeta, pattern: re.Pattern[str] | None = None) -> PageDating:
    """The page's issue date and number: what its furniture prints, else what its path says (``path_facts``).

    >>> date_page("/in/2023-08-25/03.txt", {"date": "2023年8月26日 星期六"})
    PageDating(issue_date=datetime.date(2023, 8, 26), date_source='furniture', paper=None, page_no='3', page_name=None, page_source='path')
    >>> date_page("/in/sample.txt", {})
    PageDating(issue_date=None, date_source='none', paper=None, page_no=None, page_name=None, page_source='none')
    """
    facts = path_facts(path, pattern)
    printed_no = meta.get("page_no")
    issue_date, date_source = _first_known(printed_date(meta.get("date", "")), facts.issue_date)
    page_no, page_source = _first_known(page_number(printed_no) if printed_no else None, facts.page_no)
    return PageDating(issue_date, date_source, facts.paper, page_no, meta.get("page_name") or None, page_source)


def _first_known(printed: T | None, from_path: T | None) -> tuple[T | None, DateSource]:
    """The printed value if there is one, else the path's, with where it came from.

    >>> _first_known(None, 3), _first_known(None, None)
    ((3, 'path'), (None, 'none'))
    """
    if printed is not None:
        return printed, "furniture"
    return (from_path, "path") if from_path is not None else (None, "none")


def dated(page: DecodedPage | Reject, result: PageResult | Reject | None,
          pattern: re.Pattern[str] | None = None) -> PageResult | Reject | None:
    """``result`` with its page's dating (:func:`date_page`), where a page was segmented; else as it is."""
    if isinstance(page, DecodedPage) and isinstance(result, PageResult):
        result.dating = date_page(page.path, result.meta, pattern)
    return result
