"""The eight real pages in tests/gates/wild (人民日报, another paper; no full gold).

What is known of each page is the table in tests/gates/wild/README.md: how
many essays it holds and their headlines. Segmentation must never raise or
lose a character on them; the essay counts and the headlines are held to
floors.json's section ``wild`` (issue 3's target: every listed headline heads
an article, every count within one; today all 31 headlines head one, all 8
counts are within one and 5 are exact).
"""

import pytest

from banmian.tasks.text.accounting import invented_characters, lost_characters
from tests.gates.floors import above_floors, below_floors
from tests.gates.measure import Figures, Segmented, read_listing, wild_figures, wild_pages

SECTION = "wild"
LISTING = read_listing()


@pytest.fixture(scope="module")
def pages() -> list[Segmented]:
    return wild_pages(LISTING)


@pytest.fixture(scope="module")
def figures(pages: list[Segmented]) -> Figures:
    return wild_figures(LISTING, pages)


def test_listing_was_read() -> None:
    assert len(LISTING) == 8
    assert sum(len(page.headlines) for page in LISTING) == 31
    assert sum(page.articles for page in LISTING) == 31


def test_wild_figures_hold_their_floors(figures: Figures) -> None:
    failures = below_floors(SECTION, figures)
    assert not failures, failures


def test_wild_floors_keep_up_with_the_figures(figures: Figures) -> None:
    lagging = above_floors(SECTION, figures)
    assert not lagging, lagging


@pytest.mark.parametrize("index", range(len(LISTING)), ids=[page.file for page in LISTING])
def test_wild_page_loses_and_invents_nothing(pages: list[Segmented], index: int) -> None:
    page = pages[index]
    assert not lost_characters(page.text, page.result)
    assert not invented_characters(page.text, page.result)
