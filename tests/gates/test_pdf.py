"""Regression gate of the PDF path (issue 20): 24 pdfsim pages (config gate, seed 2026) drawn as real PDFs.

``tests.pdfsim`` draws the page simulator's layouts with reportlab; the PDF path segments each PDF and
is scored against the simulator's gold, and the text path is scored on the same PDF's ``pdftotext``
text. floors.json's section ``pdf`` holds the figures (issue 20's targets: article_f1 0.99, exact_body
0.97, headline_acc 0.99, and the PDF path not behind the text path on any page); they follow what is
measured, as the other gates' do. Seed 11 (100 pages) is the development set; configs unread-a and
unread-b are scored only (``python -m tests.pdfsim.score``).
"""

from pathlib import Path

import pytest

from tests.gates.floors import above_floors, below_floors
from tests.gates.measure import PDF_PAGES, Figures, PdfScored, measure_pdf_pages, pdf_figures

SECTION = "pdf"


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> list[PdfScored]:
    return measure_pdf_pages(tmp_path_factory.mktemp(SECTION))


@pytest.fixture(scope="module")
def figures(scored: list[PdfScored]) -> Figures:
    return pdf_figures(scored)


def test_pdf_figures_hold_their_floors(figures: Figures) -> None:
    assert figures["pages"] == PDF_PAGES
    failures = below_floors(SECTION, figures)
    assert not failures, failures


def test_pdf_floors_keep_up_with_the_figures(figures: Figures) -> None:
    lagging = above_floors(SECTION, figures)
    assert not lagging, lagging


def test_pdf_pages_behind_the_text_path_are_named(scored: list[PdfScored]) -> None:
    """The pages behind the text path, by name, when the count falls below its floor (a readable failure)."""
    behind = [page.name for page in scored if not page.not_behind_text()]
    assert len(scored) - len(behind) == pdf_figures(scored)["pages_not_behind_text"]
    failures = below_floors(SECTION, pdf_figures(scored))
    assert "pages_not_behind_text" not in failures, behind


def test_pdf_pages_lose_and_invent_nothing(scored: list[PdfScored]) -> None:
    unaccounted = {page.name: page.unaccounted for page in scored if page.unaccounted}
    assert not unaccounted, unaccounted
