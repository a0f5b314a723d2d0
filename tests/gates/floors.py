"""The gates' quality floors (tests/gates/floors.json) and the ratchet that keeps them tight.

floors.json has one section per gate (seeds, generated, wild); each holds
``at_least`` figures (higher is better) and ``at_most`` ones (lower is
better: body_cer). A gate fails when a measured figure is worse than its
floor. It also fails when a figure is better than its floor by more than
RATCHET_SLACK: the gain must be locked in with
``python -m tests.gates.update_floors``, which moves floors only up (and
ceilings only down). So floors never drop silently: lowering one is an
edit of floors.json that a reviewer sees.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Final, Literal, get_args

from tests.support.paths import FLOORS

#: How far a figure may beat its floor before the gate asks for the floor to be raised: about 2.5
#: articles of the generated set's 1,322 (one is 0.0008 of a share), and less than one of anything
#: counted on the wild pages. Gains smaller than this may wait for the next raise.
RATCHET_SLACK: Final = 0.002
#: Places a gain is rounded to, well past the four the scorer reports.
GAIN_DIGITS: Final = 9
UPDATE_COMMAND: Final = "python -m tests.gates.update_floors"
#: Keys of floors.json that are not gate sections: its explanation, and the log of floors lowered.
NOT_SECTIONS: Final = frozenset({"about", "lowered"})

Direction = Literal["at_least", "at_most"]
DIRECTIONS: Final = get_args(Direction)
Section = dict[str, dict[str, float]]  # direction -> figure -> floor


def load_floors(path: Path = FLOORS) -> dict[str, Section]:
    """Section name -> its floors, from floors.json (not its explanation "about", nor the "lowered" log).

    Every floor ever lowered is logged in "lowered" with its date, figures and reason.
    """
    doc = json.loads(path.read_text(encoding="utf-8"))
    sections = {name: section for name, section in doc.items() if name not in NOT_SECTIONS}
    for name, section in sections.items():
        if not set(section) <= set(DIRECTIONS):
            raise ValueError(f"{path}: section {name} has {sorted(section)}, not only {DIRECTIONS}")
    return sections


def worse(direction: Direction, measured: float, floor: float) -> bool:
    """Whether ``measured`` fails a floor that holds in ``direction``.

    >>> worse("at_least", 0.98, 0.99), worse("at_most", 0.01, 0.02)
    (True, False)
    """
    return measured < floor if direction == "at_least" else measured > floor


def gain(direction: Direction, measured: float, floor: float) -> float:
    """How much better than its floor ``measured`` is (negative when worse).

    Rounded to GAIN_DIGITS places: figures carry four, and a float subtraction must not turn
    a gain of exactly the slack into more than the slack.

    >>> gain("at_least", 0.967, 0.965), 0.967 - 0.965
    (0.002, 0.0020000000000000018)
    >>> gain("at_most", 0.008, 0.01)
    0.002
    """
    return round(measured - floor if direction == "at_least" else floor - measured, GAIN_DIGITS)


def shortfalls(name: str, section: Section, measured: Mapping[str, float]) -> list[str]:
    """One line for each figure of ``section`` that ``measured`` misses or does worse than.

    >>> shortfalls("s", {"at_least": {"f1": 0.9}, "at_most": {"cer": 0.01}}, {"f1": 0.95, "cer": 0.02})
    ['s: cer = 0.02, worse than its floor (at_most 0.01)']
    """
    lines = []
    for direction in DIRECTIONS:
        for figure, floor in section.get(direction, {}).items():
            if figure not in measured:
                lines.append(f"{name}: {figure} has a floor but was not measured")
            elif worse(direction, measured[figure], floor):
                lines.append(f"{name}: {figure} = {measured[figure]}, worse than its floor ({direction} {floor})")
    return lines


def left_behind(name: str, section: Section, measured: Mapping[str, float],
                slack: float = RATCHET_SLACK) -> list[str]:
    """One line for each figure that beats its floor by more than ``slack``, saying how to raise the floor.

    >>> left_behind("s", {"at_least": {"f1": 0.9, "acc": 0.9}}, {"f1": 0.95, "acc": 0.901})  # doctest: +ELLIPSIS
    ['s: f1 = 0.95 beats its floor (at_least 0.9) by more than 0.002: lock the gain in with `python -m ...`']
    """
    lines = []
    for direction in DIRECTIONS:
        for figure, floor in section.get(direction, {}).items():
            if figure in measured and gain(direction, measured[figure], floor) > slack:
                lines.append(f"{name}: {figure} = {measured[figure]} beats its floor ({direction} {floor}) "
                             f"by more than {slack}: lock the gain in with `{UPDATE_COMMAND}`")
    return lines


def raised(section: Section, measured: Mapping[str, float]) -> Section:
    """``section`` with every floor moved to its measurement where that is better; never lowered.

    >>> floors = {"at_least": {"f1": 0.9, "acc": 0.9}, "at_most": {"cer": 0.01}}
    >>> raised(floors, {"f1": 0.95, "acc": 0.8, "cer": 0.005})
    {'at_least': {'f1': 0.95, 'acc': 0.9}, 'at_most': {'cer': 0.005}}
    """
    out: Section = {}
    for direction in DIRECTIONS:
        if direction not in section:
            continue
        out[direction] = {}
        for figure, floor in section[direction].items():
            better = figure in measured and gain(direction, measured[figure], floor) > 0
            out[direction][figure] = measured[figure] if better else floor
    return out


def below_floors(name: str, measured: Mapping[str, float]) -> str:
    """What a gate reports when section ``name`` of floors.json is not met: its shortfalls, one a line."""
    return "\n".join(shortfalls(name, load_floors()[name], measured))


def above_floors(name: str, measured: Mapping[str, float]) -> str:
    """What a gate reports when section ``name`` of floors.json lags its measurement: one line a figure."""
    return "\n".join(left_behind(name, load_floors()[name], measured))
