"""banmian report: one HTML file, drawn from a real run's warehouse, that a real Chromium opens offline.

The sample is ingested by the real flow (Prefect's test API, DuckDB, Parquet),
which writes ``report.html`` into the warehouse and links it; ``banmian
report`` then writes another copy, which headless Chromium opens with every
network request refused: no console error, every chart an ``<svg>`` of
non-zero size. The screenshot goes to ``out/report.png``, and to
``docs/report.png`` (shown by the README) when missing or with
``BANMIAN_UPDATE_SCREENSHOTS=1``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest
from playwright.sync_api import Page, Route
from tests.banmian.test_ui_browser import VIEWPORT, browser, chromium, page, screenshot  # noqa: F401 - fixtures
from tests.flows.test_ingest import latest_artifact
from tests.support.paths import SAMPLE
from tests.support.warehouse_fixtures import commit, synthetic_page

from banmian import report as report_module
from banmian.cli import main
from banmian.flows.ingest import ingest
from banmian.report import REPORT_FILE, SPILL_PREFIX, report_connection, write_report
from banmian.report_data import choose_period, rising_keywords
from banmian.report_flow import REPORT_ARTIFACT_KEY, REPORT_SUMMARY_ARTIFACT_KEY
from banmian.tasks.model import Article, Block, PageMeta, PageResult
from banmian.tasks.store.warehouse import Warehouse

#: The charts a report of the sample draws: articles over time, authors, photographers, places, keywords,
#: coverage, confidence (the sample has no rejects and no page 1: those sections say so in words).
SAMPLE_CHARTS: Final = 7
#: Every chart's size and what a reader sees, from the page as Chromium laid it out.
CHARTS_JS: Final = ("() => [...document.querySelectorAll('figure.chart > svg')].map(s => {"
                    " const r = s.getBoundingClientRect(); return [r.width, r.height]; })")


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> Path:
    """The bundled sample ingested by the real flow; the warehouse root."""
    root = tmp_path_factory.mktemp("report") / "wh"
    state = ingest(source=str(SAMPLE), warehouse=str(root), return_state=True)
    assert state.is_completed()
    return root


def report(capsys: pytest.CaptureFixture[str], wh: Path, out: Path, *args: str) -> tuple[int, str]:
    code = main(["report", "--warehouse", str(wh), "--out", str(out), *args])
    return code, capsys.readouterr().out


@pytest.fixture
def offline_page(page: Page) -> Iterator[tuple[Page, list[str]]]:
    """A Chromium page that refuses every request but file:// ones, and the console errors it logs."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def refuse(route: Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            errors.append(f"fetched {route.request.url}")
            route.abort()

    page.route("**/*", refuse)
    yield page, errors


def test_the_flow_writes_and_links_the_report(sample_run: Path) -> None:
    written = sample_run / REPORT_FILE
    assert written.is_file() and "Articles per issue and kind" in written.read_text(encoding="utf-8")
    assert latest_artifact(REPORT_ARTIFACT_KEY)["data"] == f"[{written}]({written.absolute().as_uri()})"
    figures = latest_artifact(REPORT_SUMMARY_ARTIFACT_KEY)["data"]
    articles = Warehouse(sample_run).query("SELECT count(*) AS n FROM articles").column(0)[0].as_py()
    assert "| pages | issues (dates) | articles |" in figures and f"| 2 | 0 | {articles} |" in figures


def test_the_report_opens_offline_with_every_chart_drawn(sample_run: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str],
                                                         offline_page: tuple[Page, list[str]]) -> None:
    out = tmp_path / "report.html"
    code, said = report(capsys, sample_run, out)
    assert code == 0 and said.startswith(f"Wrote {out}")
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text and not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", text)
    page, errors = offline_page
    page.goto(out.as_uri(), wait_until="load")
    sizes = page.evaluate(CHARTS_JS)
    assert len(sizes) == SAMPLE_CHARTS and all(w > 0 and h > 0 for w, h in sizes), sizes
    shown = page.inner_text("body")
    for name in ("铁西区", "伊萱", "No file was rejected."):  # a place, an author, an empty section in words
        assert name in shown
    assert errors == []
    page.set_viewport_size({"width": VIEWPORT["width"], "height": page.evaluate("document.body.scrollHeight")})
    screenshot(page, "report.png")  # the whole report, for the README


def test_a_period_narrows_the_report_and_a_dated_warehouse_shows_its_issues(word_wh: Path, tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = report(capsys, word_wh, tmp_path / "all.html")
    whole = (tmp_path / "all.html").read_text(encoding="utf-8")
    assert code == 0 and "2023-03-06" in whole and "2023-03-20" in whole and "undated" in whole
    code, said = report(capsys, word_wh, tmp_path / "march.html", "--from", "2023-03-10", "--to", "2023-03-31")
    march = (tmp_path / "march.html").read_text(encoding="utf-8")
    assert code == 0 and "2023-03-20" in march and "2023-03-06" not in march and "undated" not in march
    assert "issues from 2023-03-10 to 2023-03-31" in march and "on 1 page." in said


#: Four weekly issues of two articles: 春耕 comes up in the last two weeks, 教师 fades out of them.
WEEKS: Final = [("2023-03-06", "教师节表彰大会召开，教师代表发言。"), ("2023-03-13", "教师培训开班，教师认真学习。"),
                 ("2023-03-20", "春耕生产全面展开，农民忙春耕。"), ("2023-03-27", "春耕备耕有序推进，春耕物资充足。")]


def test_rising_keywords_are_those_of_the_recent_weeks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = []
    for i, (day, text) in enumerate(WEEKS):
        articles = [Article(kind="news", headline=f"第{i}{j}条", blocks=[Block("p", text)], first_line=1 + 5 * j)
                    for j in range(2)]
        pages.append((synthetic_page(f"/in/week{i}.txt", f"{day}\n{text}"),
                      PageResult(articles=articles, residue=[], meta=PageMeta(date=day))))
    root = tmp_path / "wh"
    with Warehouse(root).writer() as w:
        commit(w, pages)
    with Warehouse(root).read_connection() as con:
        choose_period(con, None, None)
        trend = rising_keywords(con)
    assert trend[0]["term"] == "春耕" and "教师" not in {r["term"] for r in trend}
    assert [r["share"] for r in trend if r["term"] == "春耕"] == [0, 0, 1, 1]  # one point a week, 0 when unused
    code, _ = report(capsys, root, tmp_path / "r.html")
    assert code == 0 and "Rising keywords" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_an_empty_warehouse_or_period_says_no_data_yet(tmp_path: Path, word_wh: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "wh"
    with Warehouse(root).writer() as w:
        commit(w, [])
    code, said = report(capsys, root, tmp_path / "empty.html")
    empty = (tmp_path / "empty.html").read_text(encoding="utf-8")
    assert code == 1 and "0 articles" in said
    assert "<svg" not in empty and "No articles in this period yet." in empty and "No file was rejected." in empty
    code, _ = report(capsys, word_wh, tmp_path / "none.html", "--from", "1990-01-01", "--to", "1990-12-31")
    assert code == 1 and "No byline credits a name yet." in (tmp_path / "none.html").read_text(encoding="utf-8")


def test_no_warehouse_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["report", "--warehouse", str(tmp_path / "nowhere"), "--out", str(tmp_path / "r.html")])
    assert code == 2 and capsys.readouterr().err.startswith("banmian report: no warehouse at")
    assert not (tmp_path / "r.html").exists()


def test_every_chart_spec_passes_altairs_schema() -> None:
    """``to_svg`` draws without Altair's validation (it cost seconds a run): the specs are checked here."""
    from banmian import report_charts as charts

    issue = [{"issue": "2023-08-25", "kind": "news", "articles": 3}, {"issue": "undated", "kind": "photo", "articles": 1}]
    specs = [
        charts.top_chart([{"name": "张三", "articles": 2}], "name", "articles", "articles"),
        charts.top_chart([{"reason": "empty", "n": 1, "kind": "x"}], "reason", "n", "files", colour="kind"),
        charts.over_time_chart(issue, "day"),
        charts.rising_chart([{"week": "2023-08-21", "term": "经济", "share": 0.5}]),
        charts.coverage_chart([{"page": "a.txt", "article_chars": 9, "residue_chars": 1, "residue_share": 0.1}]),
        charts.confidence_chart([{"band": "0.9", "status": "to review", "articles": 2}]),
    ]
    for chart in specs:
        assert chart.to_dict(validate=True)["$schema"].startswith("https://vega.github.io/schema/vega-lite/")


def _undated(html_text: str) -> str:
    return re.sub(r"made \d{4}-\d\d-\d\d \d\d:\d\d UTC", "made", html_text)


def test_only_the_reports_connection_is_capped_and_spills_in_its_own_folder(word_wh: Path) -> None:
    default = Warehouse(word_wh).query("SELECT current_setting('memory_limit') AS m").column(0)[0].as_py()
    with report_connection(word_wh, report_module.REPORT_MEMORY_LIMIT) as con:
        capped, spill = con.execute("SELECT current_setting('memory_limit'), current_setting('temp_directory')"
                                    ).fetchone()
        assert Path(spill).parent == word_wh and Path(spill).name.startswith(SPILL_PREFIX) and Path(spill).is_dir()
    assert capped != default and capped.endswith("MiB") and float(capped.split()[0]) < 128
    assert not list(word_wh.glob(f"{SPILL_PREFIX}*"))  # removed after


def test_a_report_past_its_memory_cap_is_drawn_again_uncapped_the_same(
        word_wh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """A real OutOfMemory from DuckDB (a 1MB cap): the report is drawn without the cap, as it is with it."""
    write_report(word_wh, tmp_path / "capped.html")
    monkeypatch.setattr(report_module, "REPORT_MEMORY_LIMIT", "1MB")
    with caplog.at_level("WARNING", logger=report_module.__name__):
        write_report(word_wh, tmp_path / "past.html")
    assert "need more than 1MB" in caplog.text
    capped, past = ((tmp_path / name).read_text(encoding="utf-8") for name in ("capped.html", "past.html"))
    assert _undated(past) == _undated(capped)
