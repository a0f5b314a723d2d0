"""The benchmark command runs and prints its figures (its speed is not asserted here)."""

import re
import subprocess
import sys

from tests.support.paths import REPO, SAMPLE

FIGURES = re.compile(
    r"files: 2( \(cold caches\))?\n"
    r"pages/s: [\d,]+\.\d\n"
    r"lines/s: [\d,]+\n"
    r"MB/s: [\d,]+\.\d\d\n"
    r"pages: \d+ in \d+\.\d\d s\n"
    r"peak RSS MB: \d+\.\d\n"
)


def bench(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "banmian.bench", *args],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=True,
    )
    return done.stdout


def test_bench_prints_throughput_on_the_sample():
    out = bench("--seconds", "0.2")
    assert FIGURES.fullmatch(out), out


def test_bench_takes_files_cold_caches_and_profile():
    out = bench(*map(str, sorted(SAMPLE.glob("*.txt"))), "--seconds", "0.2", "--cold", "--profile")
    assert FIGURES.match(out), out
    assert "(cold caches)" in out
    assert "function calls" in out and "Ordered by: internal time" in out


def test_bench_imports_neither_prefect_nor_duckdb():
    code = (
        "import sys, banmian.bench; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'prefect', 'duckdb'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
