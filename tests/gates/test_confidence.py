"""Confidence means what it says: on held-out generated pages, articles rated 0.9 or more are exactly right at least
95% of the time (floors.json section ``confidence``; the table is ``python -m tests.training.confidence --calibration``)."""

import pytest

from tests.gates.floors import above_floors, below_floors
from tests.gates.measure import Figures, measure_confidence

SECTION = "confidence"


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> Figures:
    return measure_confidence(tmp_path_factory.mktemp("confidence"))


def test_confidence_holds_its_floors(figures: Figures) -> None:
    assert figures["exact_when_sure"] >= 0.95, figures  # the bar, whatever floors.json says
    failures = below_floors(SECTION, figures)
    assert not failures, failures


def test_confidence_floors_keep_up_with_the_figures(figures: Figures) -> None:
    lagging = above_floors(SECTION, figures)
    assert not lagging, lagging
