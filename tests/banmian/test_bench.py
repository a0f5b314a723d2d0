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


RUN_FIGURES = re.compile(
    r"banmian bench: 20 pages \(generated, seed 3\) in \S+\n"
    r"pages: 20, workers: 1, exit code: [01]\n"
    r"wall s: \d+\.\d\d\n"
    r"pages/s: [\d,]+\.\d\n"
    r"phases, wall s: imports [\d.]+, prefect_start [\d.]+, discover [\d.]+, batches_wall [\d.]+, "
    r"commit [\d.]+, publish [\d.]+, report [\d.]+, prune [\d.]+, other [\d.]+\n"
    r"inside batches, s summed over batches: read [\d.]+, decode [\d.]+, segment [\d.]+, decode_segment_cpu [\d.]+(, rows [\d.]+)?(, stage [\d.]+)?\n"
    r"peak RSS MB: this process [\d.]+ \(at [\d.]+ s\), largest ended child [\d.]+\n"
    r"peak RSS MB of this process by phase: [a-z_]+ \d+(, [a-z_]+ \d+)*\n"
    r"peak RSS MB of each child \(sampled; the phase it started in\): [a-z ()]+ from [a-z_]+ \d+(, [a-z ()]+ from [a-z_]+ \d+)*\n"
    r"cores used \(CPU s / wall s\): [\d.]+\n"
    r"CPU s by process: flow [\d.]+(, [a-z ()]+ [\d.]+)*\n"
    r"segmentation: batches wall s [\d.]+, decode\+segment CPU s [\d.]+ summed over batches, [\d.]+ cores segmenting\n"
    r"the flow's main thread in: [a-z ]+ [\d.]+%(, [a-z ]+ [\d.]+%)* of \d+ s "
    r"\(apart: server start \d+ s, imports \d+ s\)\n"
    r"load averages \(1/5/15 min\) at start -> end: [\d.]+/[\d.]+/[\d.]+ -> [\d.]+/[\d.]+/[\d.]+\n"
    r"vs read\+decode alone \([\d.]+ s\): [\d,]+\.\dx the time\n"
    r"vs segmentation alone, one process \([\d,]+\.\d pages/s over 20 pages\): [\d,]+\.\d\dx the time\n"
    r"re-run, nothing changed: wall s [\d.]+, less the server start [\d.]+ \([\d.]+% of the first run\), "
    r"exit code [01]\n"
    r"re-run on a warm banmian server, nothing changed: wall s [\d.]+ \([\d.]+% of the first run\), "
    r"CPU s [\d.]+ \([\d.]+% of the first run's\), phases imports [\d.]+, .*, exit code [01]\n"
)


def test_bench_runs_the_real_flow_and_reports_every_phase(tmp_path):
    """``banmian bench`` over 20 generated pages, and again over them (``--rerun``), and again on a ``banmian
    server`` it starts (``--rerun-warm``): the report's shape (never its times)."""
    done = subprocess.run(
        [sys.executable, "-m", "banmian.cli", "bench", "--pages", "20", "--seed", "3", "--tmp", str(tmp_path),
         "--rerun", "--rerun-warm"],
        cwd=tmp_path, capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert RUN_FIGURES.fullmatch(done.stdout), done.stdout
    assert list(tmp_path.iterdir()) == []  # the pages and the warehouse were temporary
