"""Fault points: named places where a test may SIGKILL the writer; inert unless BANMIAN_FAULT names one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from banmian.tasks.store.faults import FAULT_ENV, Fault, parse_fault

#: Reaches after_commit five times, saying so before each.
REACH_FIVE_TIMES = """
from banmian.tasks.store.faults import fault_point
for i in range(1, 6):
    print(i, flush=True)
    fault_point("after_commit")
print("survived", flush=True)
"""


@pytest.mark.parametrize(("spec", "fault"), [
    ("", None),
    ("  ", None),
    ("after_commit@3", Fault("after_commit", 3)),
    (" before_lock_release@1\n", Fault("before_lock_release", 1)),
])
def test_parse_fault(spec: str, fault: Fault | None) -> None:
    assert parse_fault(spec) == fault


@pytest.mark.parametrize("spec", ["after_commit", "after_commit@0", "after_commit@x", "after_comit@1", "@2"])
def test_a_fault_that_names_no_point_or_occurrence_is_refused(spec: str) -> None:
    with pytest.raises(ValueError, match=FAULT_ENV):
        parse_fault(spec)


def _reach(fault: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != FAULT_ENV}
    if fault is not None:
        env[FAULT_ENV] = fault
    return subprocess.run([sys.executable, "-c", REACH_FIVE_TIMES], env=env, capture_output=True, text=True,
                          check=False)


def test_the_named_occurrence_kills_the_process() -> None:
    done = _reach("after_commit@3")
    assert done.returncode == -signal.SIGKILL
    assert done.stdout.split() == ["1", "2", "3"]


@pytest.mark.parametrize("fault", [None, "inside_commit@1", "after_commit@6"])
def test_points_not_named_or_not_reached_do_nothing(fault: str | None) -> None:
    done = _reach(fault)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "2", "3", "4", "5", "survived"]


def test_a_mistyped_fault_stops_the_process_at_import() -> None:
    done = _reach("after_comit@1")
    assert done.returncode == 1 and "ValueError" in done.stderr and "survived" not in done.stdout

