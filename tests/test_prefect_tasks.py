"""The pure helpers of the Prefect tasks: batches, the coverage rows and the run summary artifact."""

from __future__ import annotations

import pytest

from banmian.tasks.model import Reject, RunSummary
from banmian.tasks.prefect_tasks import PageCoverage, batches, coverage_table, summary_markdown


def test_batches_cover_every_item_once_with_1_based_positions() -> None:
    assert batches(list("abcde"), 2) == [(1, 2, ["a", "b"]), (3, 4, ["c", "d"]), (5, 5, ["e"])]
    assert batches([], 3) == []
    with pytest.raises(ValueError, match="at least 1"):
        batches([1], 0)


@pytest.mark.parametrize(("row", "share"), [
    (PageCoverage("/a", "loaded", "utf-8", chars=200, articles=3, residue_chars=50), 0.25),
    (PageCoverage("/b", "no_articles", "utf-8", chars=20, residue_chars=20, reason="no_articles"), 1.0),
    (PageCoverage("/c", "loaded", "utf-8", chars=0), None),                # no visible text
    (PageCoverage("/d", "known_content", "utf-8", chars=200), None),       # not segmented by this run
    (PageCoverage("/e", "rejected", reason="binary"), None),
])
def test_a_coverage_row_has_a_share_only_for_a_segmented_page(row: PageCoverage, share: float | None) -> None:
    assert row.residue_share == share


def test_coverage_table_puts_the_pages_to_look_at_first() -> None:
    table = coverage_table([
        PageCoverage("/good", "loaded", "utf-8", chars=100, articles=2, residue_chars=1),
        PageCoverage("/known", "known_content", "utf-8", chars=100),
        PageCoverage("/poor", "loaded", "gb18030", chars=100, articles=1, residue_chars=60),
        PageCoverage("/bad", "rejected", reason="binary"),
    ])
    assert [r["file"] for r in table] == ["/bad", "/poor", "/good", "/known"]
    assert table[1] == {"file": "/poor", "status": "loaded", "reason": "", "encoding": "gb18030", "chars": 100,
                        "articles": 1, "residue_chars": 60, "residue_share": "60.0%"}
    assert table[3]["residue_share"] == ""


def _summary(share: float | None) -> RunSummary:
    return RunSummary(run_id="r1", pages_loaded=2, pages_skipped=1, pages_replaced=0, articles=9,
                      residue_chars=123, residue_share=share, rejects=1, status="partial",
                      warehouse="/wh", duration_s=1.25)


def test_the_summary_shows_the_runs_own_residue_share_and_every_reject() -> None:
    text = summary_markdown(_summary(0.0412), [Reject("/in/x|y.txt", "binary", "a binary file", 9)], "/in", 3)
    assert "# banmian run `r1`: partial" in text
    assert "| 2 | 1 | 0 | 9 | 123 chars (4.1%) | 1 | 1.2 s |" in text
    assert "| `/in/x\\|y.txt` | binary | a binary file |" in text
    assert "3 files were skipped without reading them" in text
    assert "(n/a)" in summary_markdown(_summary(None), [], "/in", 0)
