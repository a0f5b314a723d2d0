"""floors.json and its ratchet: every gate has its section, floors only rise on their own."""

import json
from pathlib import Path

import pytest

from tests.gates.floors import RATCHET_SLACK, left_behind, load_floors, shortfalls
from tests.gates.measure import MEASURES, SCORED_FIGURES
from tests.gates.update_floors import updated, write_floors
from tests.support.paths import FLOORS

SECTION = {"at_least": {"f1": 0.9}, "at_most": {"cer": 0.02}}


def test_every_gate_has_a_section_and_every_scored_figure_a_floor() -> None:
    floors = load_floors()
    assert set(floors) == set(MEASURES)
    for name in ("seeds", "generated"):
        assert sorted(f for figures in floors[name].values() for f in figures) == sorted(SCORED_FIGURES)


@pytest.mark.parametrize("f1, cer, worse, ahead", [
    (0.9, 0.02, [], []),
    (0.9 + RATCHET_SLACK, 0.02 - RATCHET_SLACK, [], []),
    (0.8999, 0.02, ["f1"], []),
    (0.9, 0.0201, ["cer"], []),
    (0.9021, 0.02, [], ["f1"]),
    (0.9, 0.0179, [], ["cer"]),
    (0.85, 0.01, ["f1"], ["cer"]),
])
def test_floors_fail_below_and_ratchet_above(f1: float, cer: float, worse: list[str], ahead: list[str]) -> None:
    measured = {"f1": f1, "cer": cer}
    assert [line.split()[1] for line in shortfalls("s", SECTION, measured)] == worse
    assert [line.split()[1] for line in left_behind("s", SECTION, measured)] == ahead


def test_a_floor_without_a_measurement_fails() -> None:
    assert shortfalls("s", SECTION, {"f1": 0.95}) == ["s: cer has a floor but was not measured"]


def test_update_raises_only_and_keeps_the_file_readable(tmp_path: Path) -> None:
    doc = {"about": "text", "s": SECTION, "t": {"at_least": {"n": 3}}}
    new, lines = updated(doc, {"s": {"f1": 0.95, "cer": 0.03}})
    assert new == {"about": "text", "s": {"at_least": {"f1": 0.95}, "at_most": {"cer": 0.02}},
                   "t": {"at_least": {"n": 3}}}
    assert lines == ["s: f1 at_least 0.9 -> 0.95"]
    write_floors(new, tmp_path / "floors.json")
    assert load_floors(tmp_path / "floors.json") == {k: v for k, v in new.items() if k != "about"}


def test_a_section_with_another_key_is_refused(tmp_path: Path) -> None:
    doc = json.loads(FLOORS.read_text(encoding="utf-8"))
    doc["wild"]["at_best"] = {"headlines_found": 31}
    (tmp_path / "floors.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ValueError, match="at_best"):
        load_floors(tmp_path / "floors.json")
