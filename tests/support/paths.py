"""Where the tests find the repository, the bundled sample and ../shared."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "data" / "sample"
SHARED = REPO.parent / "shared"
GATES = REPO / "tests" / "gates"
#: Hand gold of the seed pages, one NAME.gold.json per SAMPLE/NAME.txt.
SEED_GOLD = GATES / "gold" / "seeds"


def shared(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a clear reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: the shared seeds/gold/eval live beside the repository")
    return path
