"""Where the tests find the repository, the bundled sample and the gates' vendored material."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: The bundled seed pages (package data of banmian.data).
SAMPLE = REPO / "data" / "sample"
GATES = REPO / "tests" / "gates"
#: Hand gold of the seed pages, one NAME.gold.json per SAMPLE/NAME.txt.
SEED_GOLD = GATES / "gold" / "seeds"
#: Eight real pages of another paper, and README.md listing their articles and headlines.
WILD = GATES / "wild"
#: Hand gold of the wild pages, body by body (built from line spans by its build.py).
WILD_GOLD = GATES / "gold" / "wild"
#: The quality floors of every gate, one section per gate.
FLOORS = GATES / "floors.json"
