"""A dated copy of the bundled sample, loaded by a real ``banmian run``, gives issue dates and pages."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from tests.banmian.test_cli import assert_no_noise, run_cli
from tests.support.paths import SAMPLE
from tests.support.warehouse_fixtures import count, rows

from banmian.tasks.store.warehouse import Warehouse

#: A layout no convention reads: <paper>/<year>/<month><day>/p<page>.txt.
PATTERN = r"(?P<paper>[a-z]+)/(?P<year>\d{4})/(?P<month>\d\d)(?P<day>\d\d)/p(?P<page>\d+)\.txt$"


def test_a_dated_copy_of_the_sample_gives_issue_dates_and_pages(tmp_path: Path) -> None:
    first, second = sorted(SAMPLE.glob("*.txt"))
    archive = tmp_path / "archive"
    (archive / "2023-08-25").mkdir(parents=True)
    (archive / "sjrb" / "2023" / "0826").mkdir(parents=True)
    shutil.copy(first, archive / "2023-08-25" / "01.txt")
    shutil.copy(second, archive / "sjrb" / "2023" / "0826" / "p3.txt")
    proc = run_cli("run", "--source", str(archive), "--warehouse", "wh", "--path-pattern", PATTERN,
                   cwd=tmp_path, prefect_home=tmp_path / "ph")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert_no_noise(proc)

    wh = Warehouse(tmp_path / "wh")
    pages = rows(wh, "SELECT paper, issue_date, date_source, page_no, page_source FROM pages ORDER BY issue_date")
    assert pages == [
        {"paper": None, "issue_date": date(2023, 8, 25), "date_source": "path", "page_no": "1", "page_source": "path"},
        {"paper": "sjrb", "issue_date": date(2023, 8, 26), "date_source": "path", "page_no": "3",
         "page_source": "path"},
    ]
    assert count(wh, "SELECT count(*) FROM articles WHERE issue_date IS NULL OR page_no IS NULL") == 0
    per_issue = rows(wh, "SELECT paper, issue_date, sum(articles) AS articles FROM articles_per_issue "
                         "GROUP BY ALL ORDER BY issue_date")
    by_page = rows(wh, "SELECT issue_date, count(*) AS n FROM articles GROUP BY ALL ORDER BY issue_date")
    assert [(r["paper"], r["issue_date"], r["articles"]) for r in per_issue] == \
        [(None, date(2023, 8, 25), by_page[0]["n"]), ("sjrb", date(2023, 8, 26), by_page[1]["n"])]
    assert rows(wh, "SELECT paper, issue_date, pages, page_nos FROM issues ORDER BY issue_date") == [
        {"paper": None, "issue_date": date(2023, 8, 25), "pages": 1, "page_nos": ["1"]},
        {"paper": "sjrb", "issue_date": date(2023, 8, 26), "pages": 1, "page_nos": ["3"]}]


def test_the_bundled_sample_gets_no_invented_date(seed_wh: Path) -> None:
    """The seeds print no date and their names name none: no issue, and date_source says why."""
    wh = Warehouse(seed_wh)
    assert rows(wh, "SELECT DISTINCT issue_date, date_source FROM pages") == [{"issue_date": None, "date_source": "none"}]
    assert count(wh, "SELECT count(*) FROM issues") == count(wh, "SELECT count(*) FROM articles_per_issue") == 0


def test_a_path_pattern_with_unknown_groups_is_refused_before_the_run(tmp_path: Path) -> None:
    proc = run_cli("run", "--warehouse", "wh", "--path-pattern", r"(?P<date>\d{8})", cwd=tmp_path)
    assert proc.returncode == 2 and "--path-pattern" in proc.stderr and "year, month, day" in proc.stderr
    assert_no_noise(proc)
    assert not (tmp_path / "wh").exists()


def test_serve_refuses_a_bad_path_pattern_before_it_serves(tmp_path: Path) -> None:
    """``serve`` takes run's ``--path-pattern`` and checks it the same way, before it looks for a server."""
    proc = run_cli("serve", "--path-pattern", r"(?P<date>\d{8})", cwd=tmp_path)
    assert proc.returncode == 2 and "--path-pattern" in proc.stderr and "year, month, day" in proc.stderr
