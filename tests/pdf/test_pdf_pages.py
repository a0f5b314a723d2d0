"""The PDF path on real PDFs (drawn by ``tests.pdfsim``): nothing lost, scored against gold, and wired into
ingest: discovery, one page per PDF page, rejects for scans, locked and damaged files, the warehouse, the CLI."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Final

import pytest

from banmian.cli import main as cli_main
from banmian.score import score_page, summarize
from banmian.tasks.ingest.discover import discover
from banmian.tasks.model import RawFile, Reject
from banmian.tasks.pdf.pages import NO_TEXT_HINT, is_pdf, pdf_pages
from banmian.tasks.pdf.segment import segment_pdf
from banmian.tasks.prefect_tasks import decode_and_segment
from banmian.tasks.store.warehouse import RunInfo, Warehouse
from banmian.tasks.text.accounting import invented_characters, lost_characters

from .conftest import PdfFixtures

#: Floors on the fixture's pages (seed 7, 4 gate pages), measured when set: article_f1 0.899,
#: exact_body 0.778, headline_acc 0.812; a little under, so only a real regression trips them.
FLOORS: Final = {"article_f1": 0.88, "exact_body": 0.75, "headline_acc": 0.78}


def raw(path: Path) -> tuple[RawFile, bytes]:
    st = path.stat()
    return RawFile(str(path), st.st_size, st.st_mtime), path.read_bytes()


def test_every_character_of_a_pdf_page_is_in_an_article_or_residue(pdfs: PdfFixtures) -> None:
    for path, _ in pdfs.pages:
        (page,) = segment_pdf(path.read_bytes())
        assert page.glyphs > 1000
        assert not lost_characters(page.text, page.result), path.name
        assert not invented_characters(page.text, page.result), path.name


def test_pdf_path_scores_at_its_floors_against_gold(pdfs: PdfFixtures) -> None:
    tallies = [score_page(gold, segment_pdf(path.read_bytes())[0].result.to_eval()) for path, gold in pdfs.pages]
    scores = summarize(tallies)
    assert all(scores[k] >= floor for k, floor in FLOORS.items()), scores


def test_every_pdf_page_of_an_issue_is_a_page_of_its_own(pdfs: PdfFixtures) -> None:
    raw_file, data = raw(pdfs.issue)
    found = list(pdf_pages(raw_file.path, data, raw_file.mtime))
    assert [page.path for page, _ in found] == [f"{pdfs.issue}#page=1", f"{pdfs.issue}#page=2"]
    assert len({page.sha256 for page, _ in found}) == 2
    for (page, result), (single, _) in zip(found, pdfs.pages):
        alone = segment_pdf(single.read_bytes())[0].result
        assert result.to_eval() == alone.to_eval()
        assert result.meta["source_kind"] == "pdf" and json.loads(result.meta["geometry"])["columns"] >= 2


def test_a_known_pdf_page_is_not_segmented_again(pdfs: PdfFixtures) -> None:
    raw_file, data = raw(pdfs.pages[0][0])
    ((page, result),) = pdf_pages(raw_file.path, data, raw_file.mtime)
    ((again, skipped),) = pdf_pages(raw_file.path, data, raw_file.mtime, {page.sha256})
    assert skipped is None and again.sha256 == page.sha256 and again.encoding == "pdf"


@pytest.mark.parametrize("case, reason", [
    ("scan", "no_text_layer"),
    ("encrypted", "encrypted_pdf"),
    ("truncated", "damaged_pdf"),
    ("not_a_pdf", "damaged_pdf"),
])
def test_unreadable_pdfs_are_rejects_with_a_reason(pdfs: PdfFixtures, tmp_path: Path, case: str, reason: str) -> None:
    data = {"scan": lambda: pdfs.scan.read_bytes(), "encrypted": lambda: pdfs.encrypted.read_bytes(),
            "truncated": lambda: pdfs.pages[0][0].read_bytes()[:2000],
            "not_a_pdf": lambda: "第1版 要闻".encode()}[case]()
    found = list(pdf_pages(str(tmp_path / f"{case}.pdf"), data, 0.0))
    assert len(found) == 1
    rej, result = found[0]
    assert isinstance(rej, Reject) and result is None
    assert rej.reason == reason and rej.detail
    if case == "scan":
        assert rej.detail == NO_TEXT_HINT and "OCR" in rej.detail


def test_is_pdf_by_name_or_bytes(pdfs: PdfFixtures) -> None:
    assert is_pdf("page.txt", pdfs.pages[0][0].read_bytes())
    assert not is_pdf("page.txt", "第1版".encode())


def test_directories_yield_their_pdfs_beside_their_text(pdfs: PdfFixtures) -> None:
    files, rejects = discover(str(pdfs.issue.parent.parent))
    names = {Path(f.path).name for f in files}
    assert {"issue.pdf", "scan.pdf", "locked.pdf"} | {p.name for p, _ in pdfs.pages} <= names
    assert not rejects


def test_pdf_pages_land_in_the_warehouse_with_their_kind_and_geometry(pdfs: PdfFixtures, tmp_path: Path) -> None:
    items = [raw(pdfs.pages[2][0]), raw(pdfs.issue), raw(pdfs.scan), raw(pdfs.encrypted)]
    batch = decode_and_segment(items, frozenset())
    assert sorted(r.reason for r in batch.rejects) == ["encrypted_pdf", "no_text_layer"]
    assert len(batch.pages) == 3
    run = RunInfo("r1", datetime.now(timezone.utc), str(tmp_path), len(items), partial=True)
    with Warehouse(tmp_path / "wh").writer() as writer:
        summary = writer.commit_run(run, batch.pages, [], batch.rejects)
    assert summary.pages_loaded == 3
    wh = Warehouse(tmp_path / "wh")
    rows = wh.query("SELECT source_path AS path, encoding, source_kind AS kind, geometry "
                    "FROM pages ORDER BY source_path").to_pylist()
    assert [Path(r["path"]).name for r in rows] == ["gate-s7-0002.pdf", "issue.pdf#page=1", "issue.pdf#page=2"]
    assert all(r["encoding"] == "pdf" and r["kind"] == "pdf" for r in rows)
    assert all(json.loads(r["geometry"])["body_size"] > 0 for r in rows)
    rejects = wh.query("SELECT reason FROM rejects ORDER BY reason").column("reason").to_pylist()
    assert rejects == ["encrypted_pdf", "no_text_layer"]
    assert wh.query("SELECT count(*) AS n FROM articles").column("n")[0].as_py() > 10


def test_cli_segments_each_page_of_an_issue_and_names_what_it_cannot_read(
        pdfs: PdfFixtures, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert cli_main(["segment", "--out", str(out), str(pdfs.issue), str(pdfs.scan)]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["issue-p1.json", "issue-p2.json"]
    assert json.loads((out / "issue-p1.json").read_text(encoding="utf-8"))["articles"]
    assert "(no_text_layer)" in capsys.readouterr().err


def test_cli_compare_shows_where_the_two_paths_disagree(pdfs: PdfFixtures, capsys: pytest.CaptureFixture[str]) -> None:
    path = pdfs.pages[0][0]
    assert cli_main(["segment", "--compare", str(path)]) == 0
    first, *rest = capsys.readouterr().out.splitlines()
    pdf_count = len(segment_pdf(path.read_bytes())[0].result.articles)
    assert first.startswith(f"{path}: PDF path {pdf_count} articles, text path ")
    assert all(ln.startswith(("  only PDF:  ", "  only text: ", "  headline:  ")) for ln in rest)
