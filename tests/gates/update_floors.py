"""Lock gains in: ``python -m tests.gates.update_floors [SECTION ...]`` raises floors.json to the measurement.

Measures every gate (or the sections named: seeds, generated, wild) as the
gate tests do, moves each floor up to its measurement where that is better
(each ceiling down), never lowers one, rewrites tests/gates/floors.json and
prints what changed. Commit it with the change that earned the gain; a floor
is lowered only by editing the file, in a diff a reviewer sees.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tests.gates.floors import Section, raised
from tests.gates.measure import MEASURES, Figures
from tests.support.paths import FLOORS


def changes(name: str, before: Section, after: Section) -> list[str]:
    """One line per floor that moved.

    >>> changes("wild", {"at_least": {"found": 30}}, {"at_least": {"found": 31}})
    ['wild: found at_least 30 -> 31']
    """
    return [f"{name}: {figure} {direction} {floor} -> {after[direction][figure]}"
            for direction, floors in before.items() for figure, floor in floors.items()
            if after[direction][figure] != floor]


def updated(doc: dict[str, Any], measured: Mapping[str, Figures]) -> tuple[dict[str, Any], list[str]]:
    """floors.json's content with the measured sections' floors raised, and the lines saying what moved."""
    out, lines = dict(doc), []
    for name, figures in measured.items():
        out[name] = raised(doc[name], figures)
        lines += changes(name, doc[name], out[name])
    return out, lines


def write_floors(doc: dict[str, Any], path: Path = FLOORS) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def measure(sections: Sequence[str]) -> dict[str, Figures]:
    """The figures of the sections named, measured in a scratch directory."""
    measured = {}
    with tempfile.TemporaryDirectory(prefix="banmian-floors-") as work:
        for name in sections:
            measured[name] = MEASURES[name](Path(work) / name)
    return measured


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, raise, rewrite floors.json; exit 0 whether or not a floor moved, 2 on an unknown section."""
    parser = argparse.ArgumentParser(prog="python -m tests.gates.update_floors", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sections", nargs="*", metavar="SECTION",
                        help=f"sections to measure ({', '.join(MEASURES)}; default: all)")
    args = parser.parse_args(argv)
    unknown = set(args.sections) - set(MEASURES)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    doc, lines = updated(json.loads(FLOORS.read_text(encoding="utf-8")), measure(args.sections or list(MEASURES)))
    if not lines:
        print(f"{FLOORS}: no floor to raise")
        return 0
    write_floors(doc)
    print("\n".join([f"{FLOORS}: raised", *lines]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
