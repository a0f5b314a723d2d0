"""Real PDFs for the PDF path's tests, drawn by ``tests.pdfsim`` from simulated pages (small, deterministic).

Needs the CJK font of ``tests.pdfsim.render`` (Debian's fonts-wqy-zenhei, installed by ``.ci/run``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from tests.pagesim.habits import load
from tests.pagesim.simulate import simulate_page
from tests.pdfsim.render import render

#: Pages drawn: enough for a floor to mean something, few enough to draw in a few seconds.
PAGES: Final = 4
SEED: Final = 7


@dataclass(frozen=True)
class PdfFixtures:
    """Page PDFs (one page each) with their gold, an issue PDF of the first two, a scan and an encrypted PDF."""

    pages: list[tuple[Path, dict[str, Any]]]
    issue: Path
    scan: Path
    encrypted: Path


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> PdfFixtures:
    root = tmp_path_factory.mktemp("pdfs")
    cfg = load("gate")
    sims = [simulate_page(cfg, SEED, i) for i in range(PAGES)]
    pages = []
    for sim in sims:
        path = root / f"{sim.name}.pdf"
        render([(sim.name, sim.layout)], path)
        pages.append((path, sim.gold))
    issue = root / "issue" / "issue.pdf"
    issue.parent.mkdir()
    render([(s.name, s.layout) for s in sims[:2]], issue)
    return PdfFixtures(pages, issue, scanned_pdf(root / "scan.pdf"), encrypted_pdf(root / "locked.pdf"))


def scanned_pdf(path: Path) -> Path:
    """A page that is only a picture (a scan): no text layer."""
    from PIL import Image

    picture = path.with_suffix(".png")
    Image.new("L", (60, 80), 200).save(picture)
    canvas = Canvas(str(path), pagesize=(595, 842))
    canvas.drawImage(str(picture), 40, 40, 515, 760)
    canvas.showPage()
    canvas.save()
    return path


def encrypted_pdf(path: Path) -> Path:
    """A page with text that opens only with a password."""
    canvas = Canvas(str(path), pagesize=(595, 842), encrypt=StandardEncryption("secret", ownerPassword="owner"))
    canvas.drawString(72, 720, "locked page")
    canvas.showPage()
    canvas.save()
    return path
