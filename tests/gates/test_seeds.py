"""Golden pages: the bundled seeds segment exactly as their hand gold (tests/gates/gold/seeds) says.

Scored by banmian.score against floors.json's section ``seeds``: every figure 1.0 and body_cer 0.0
(issue 2's bar).
"""

import pytest

from banmian.tasks.text.accounting import invented_characters, lost_characters
from tests.gates.floors import above_floors, below_floors
from tests.gates.measure import Figures, Segmented, seed_figures, seed_pages
from tests.support.paths import SAMPLE, SEED_GOLD

SECTION = "seeds"


@pytest.fixture(scope="module")
def pages() -> dict[str, Segmented]:
    return {page.name: page for page in seed_pages()}


@pytest.fixture(scope="module")
def figures(pages: dict[str, Segmented], tmp_path_factory: pytest.TempPathFactory) -> Figures:
    return seed_figures(list(pages.values()), tmp_path_factory.mktemp(SECTION))


def test_every_seed_page_has_its_gold() -> None:
    assert sorted(p.stem for p in SAMPLE.glob("*.txt")) == sorted(
        p.name.removesuffix(".gold.json") for p in SEED_GOLD.glob("*.gold.json"))


def test_seed_figures_hold_their_floors(figures: Figures) -> None:
    assert figures["pages"] == 2
    failures = below_floors(SECTION, figures)
    assert not failures, failures


def test_seed_floors_keep_up_with_the_figures(figures: Figures) -> None:
    lagging = above_floors(SECTION, figures)
    assert not lagging, lagging


@pytest.mark.parametrize("name", sorted(p.stem for p in SAMPLE.glob("*.txt")))
def test_seed_loses_and_invents_nothing(pages: dict[str, Segmented], name: str) -> None:
    page = pages[name]
    assert not lost_characters(page.text, page.result)
    assert not invented_characters(page.text, page.result)


@pytest.mark.parametrize("name", sorted(p.stem for p in SAMPLE.glob("*.txt")))
def test_seed_residue_is_only_decoration(pages: dict[str, Segmented], name: str) -> None:
    """On the seeds, residue is the subtitle dashes and the second copies of crossheads."""
    assert {r.reason for r in pages[name].result.residue} <= {"decoration", "duplicate_crosshead"}
