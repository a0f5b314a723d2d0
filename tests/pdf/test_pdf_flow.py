"""PDF pages through the ingest flow (real Prefect test harness, real warehouse): a directory of PDFs and text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.support.paths import SAMPLE

from banmian.flows.ingest import ingest
from banmian.tasks.store.warehouse import Warehouse

from .conftest import PdfFixtures

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_a_directory_of_pdfs_and_text_loads_once_with_its_scans_rejected(pdfs: PdfFixtures, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for path in (pdfs.issue, pdfs.pages[3][0], pdfs.scan, *sorted(SAMPLE.glob("*.txt"))[:1]):
        shutil.copy2(path, src / path.name)
    first = ingest(source=str(src), warehouse=str(tmp_path / "wh"))
    assert (first.pages_loaded, first.rejects, first.status) == (4, 1, "partial")  # 2 + 1 PDF pages, 1 text page
    wh = Warehouse(tmp_path / "wh")
    kinds = wh.query("SELECT coalesce(source_kind, 'text') AS kind, count(*) AS n FROM pages "
                     "GROUP BY ALL ORDER BY kind").to_pylist()
    assert kinds == [{"kind": "pdf", "n": 3}, {"kind": "text", "n": 1}]
    rejects = wh.query("SELECT path, reason, detail FROM rejects").to_pylist()
    assert [(Path(r["path"]).name, r["reason"]) for r in rejects] == [("scan.pdf", "no_text_layer")]
    assert "OCR" in rejects[0]["detail"]

    again = ingest(source=str(src), warehouse=str(tmp_path / "wh"))
    assert (again.pages_loaded, again.articles) == (0, 0)  # unchanged files skipped, an issue's pages known
    assert wh.query("SELECT count(*) AS n FROM pages").column("n")[0].as_py() == 4
