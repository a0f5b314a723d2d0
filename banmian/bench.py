"""Segmentation throughput on one core: ``python -m banmian.bench [FILES...] [--seconds S] [--profile]``.

Reads the pages (default: the bundled sample, ``data/sample/*.txt``), decodes
them as the pipeline does, warms up, then runs :func:`banmian.tasks.text.segment.segment_page`
(which includes cleaning) over them in a loop for ``S`` seconds and prints
pages/s, lines/s, MB/s (of decoded UTF-8 text) and the peak RSS. ``--profile``
adds a cProfile run and prints its top 20 functions by self time.

The same few pages go round and round, so memoised helpers (``functools``
caches in ``tasks``, e.g. the tokenizer's word-break answers) are warm after
the first pass, which new pages would not find. ``--cold`` clears those
caches before every page, so each page is timed as if never seen.

Only the pure segmentation code is imported: no Prefect, no DuckDB.

``banmian bench --pages N [--workers K]`` (:func:`cmd_bench`) times the
whole ``banmian run`` flow instead: see its help.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from banmian import SAMPLE_DIR, project_root
from banmian.bench_stacks import StackSampler
from banmian.flows.timings import TIMINGS_ENV, current_phase
from banmian.tasks.ingest.decode import decode_page
from banmian.tasks.model import Reject
from banmian.tasks.text.segment import segment_page


@dataclass(frozen=True)
class Result:
    """Throughput of one timed run."""

    pages: int
    lines: int
    nbytes: int
    seconds: float

    def report(self) -> str:
        s = max(self.seconds, 1e-9)
        return (
            f"pages/s: {self.pages / s:,.1f}\n"
            f"lines/s: {self.lines / s:,.0f}\n"
            f"MB/s: {self.nbytes / s / 1e6:,.2f}\n"
            f"pages: {self.pages} in {self.seconds:.2f} s"
        )


def load_pages(paths: Sequence[Path]) -> list[str]:
    """Decoded text of each readable page; undecodable files are skipped with a note."""
    texts: list[str] = []
    for path in paths:
        page = decode_page(str(path), path.read_bytes(), 0.0)
        if isinstance(page, Reject):
            print(f"skipped {path}: {page.reason}", file=sys.stderr)
            continue
        texts.append(page.text)
    return texts


def cache_clearers() -> list[Callable[[], None]]:
    """``cache_clear`` of every functools cache in the loaded ``banmian.tasks`` modules."""
    return [
        obj.cache_clear
        for name, module in sorted(sys.modules.items())
        if name.startswith("banmian.tasks.")
        for obj in vars(module).values()
        if callable(getattr(obj, "cache_clear", None))
    ]


def run(texts: Sequence[str], seconds: float, cold: bool = False) -> Result:
    """Segment the pages round-robin until ``seconds`` have passed (at least one full pass)."""
    clearers = cache_clearers() if cold else []
    lines = sum(len(t.splitlines()) for t in texts)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    passes = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        for text in texts:
            for clear in clearers:
                clear()
            segment_page(text)
        passes += 1
        if time.perf_counter() >= deadline:
            break
    elapsed = time.perf_counter() - start
    return Result(len(texts) * passes, lines * passes, nbytes * passes, elapsed)


def _rusage_mb(who: int) -> float:
    """Peak RSS in MB of ``who`` (``resource.RUSAGE_SELF`` or ``RUSAGE_CHILDREN``; ru_maxrss is KiB on Linux,
    bytes on macOS)."""
    rss = resource.getrusage(who).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB."""
    return _rusage_mb(resource.RUSAGE_SELF)


def profile(texts: Sequence[str], seconds: float, cold: bool = False, top: int = 20) -> str:
    """cProfile of a timed run: the ``top`` functions by self time."""
    prof = cProfile.Profile()
    prof.enable()
    run(texts, seconds, cold)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


#: Pathological page shapes, one block of text each (issue 16, row 6): short lines between blanks (each its
#: own block), short lines, thousands of heads over one-paragraph stories. ``tests/text/test_linearity.py``
#: counts the work they cost; ``--scaling`` times them.
SCALING_SHAPES: Final[dict[str, Callable[[int], str]]] = {
    "short_lines_between_blanks": lambda i: f"短句{i}。\n\n",
    "short_lines": lambda i: f"第{i}行\n",
    "head_and_story": lambda i: f"标题第{i}号\n\n本报讯 今天全市开展安全检查工作第{i}次。\n\n",
}
#: Blocks of the small and the big page of ``--scaling``: 10x apart, the big one near the 20,000-line limit.
SCALING_BLOCKS: Final = (1_000, 10_000)


def scaling_report() -> str:
    """Seconds to segment each shape at 1k and 10k blocks, and their ratio (10 is linear, 100 quadratic)."""
    lines = [f"{'shape':<28} {'1k blocks s':>11} {'10k blocks s':>12} {'ratio':>6}"]
    for name, block in SCALING_SHAPES.items():
        seconds = []
        for n in SCALING_BLOCKS:
            text = "".join(block(i) for i in range(n))
            clock = time.process_time()
            segment_page(text)
            seconds.append(time.process_time() - clock)
        lines.append(f"{name:<28} {seconds[0]:>11.2f} {seconds[1]:>12.2f} {seconds[1] / max(seconds[0], 1e-9):>6.1f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m banmian.bench", description="Segmentation throughput on one core.")
    parser.add_argument("files", nargs="*", type=Path, help="page files or directories of *.txt (default: data/sample)")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of the timed run (default 5)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile top 20 by self time")
    parser.add_argument("--cold", action="store_true", help="clear the tasks' memo caches before every page")
    parser.add_argument("--scaling", action="store_true",
                        help="time pathological pages of 1k and 10k blocks instead (CPU seconds; 10x is linear)")
    args = parser.parse_args(argv)
    if args.scaling:
        print(scaling_report())
        return 0

    paths = [f for p in (args.files or [SAMPLE_DIR]) for f in (sorted(p.glob("*.txt")) if p.is_dir() else [p])]
    texts = load_pages(paths)
    if not texts:
        print("no pages to run", file=sys.stderr)
        return 2
    run(texts, min(1.0, args.seconds / 5), args.cold)  # warm-up: regex compiles, tokenizer dictionary, caches
    result = run(texts, args.seconds, args.cold)
    print(f"files: {len(texts)}{' (cold caches)' if args.cold else ''}")
    print(result.report())
    print(f"peak RSS MB: {peak_rss_mb():.1f}")
    if args.profile:
        print(profile(texts, args.seconds, args.cold))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


# ---------------------------------------------------------------------------
# banmian bench: the whole `banmian run` flow, with its phases
# ---------------------------------------------------------------------------

#: Pages segmented again, in this process alone, for the "vs segmentation alone" ratio: 300 real-sized
#: pages take ~7 s and give pages/s within a few per cent of a full pass (measured on 2k generated pages).
SEGMENT_SAMPLE: Final = 300
#: Phases timed on the flow's side, in wall seconds, in the order of a run (``banmian.flows.timings``).
WALL_PHASES: Final = ("imports", "prefect_start", "discover", "batches_wall", "commit", "publish", "report", "prune")
#: Work inside the batches, summed over batches (worker seconds when batches run in parallel);
#: ``decode_segment_cpu`` is the CPU time of the same decode+segment work, which load does not inflate;
#: ``rows``: turning the pages into the stored rows (``records.page_tables``), done in the batches.
BATCH_PHASES: Final = ("read", "decode", "segment", "decode_segment_cpu", "rows", "stage")
#: Seconds between two samples of the run's processes (CPU time and RSS of each, ``ProcessSampler``).
SAMPLE_EVERY_S: Final = 0.25
#: What a process of the run is, by a piece of its command line (else "other"); this process is "flow".
#: A spawned child is a Dask worker, or the report being drawn (``report_flow.write_report_apart``).
PROCESS_ROLES: Final = (("server_child", "prefect server"), ("multiprocessing.spawn", "worker (or report)"),
                        ("resource_tracker", "other"))


def process_role(cmdline: str) -> str:
    """The role of a child process of ``banmian bench`` from its command line.

    >>> process_role("python -B -c from multiprocessing.spawn import spawn_main; spawn_main(tracker_fd=33)")
    'worker (or report)'
    >>> process_role("python -m banmian.server_child 123 uvicorn")
    'prefect server'
    """
    return next((role for piece, role in PROCESS_ROLES if piece in cmdline), "other")


class ProcessSampler:
    """CPU seconds of each process of the run (this one and its children), sampled in a thread.

    A child's figure is its last sample (a child that ends loses at most ``SAMPLE_EVERY_S`` of it).
    Tells where a parallel run's CPU goes: the flow process (which also hosts the Dask scheduler and
    nannies), each Dask worker, the Prefect server. Also the flow process's RSS over time, so the peak
    can be placed in the run.
    """

    def __init__(self) -> None:
        import threading

        import psutil  # type: ignore[import-untyped]  # Dask's dependency (prefect-dask); no stubs here

        self._me = psutil.Process()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="bench-sampler", daemon=True)
        self.cpu: dict[int, tuple[str, float]] = {}
        self.rss_peak_mb, self.rss_peak_at_s = 0.0, 0.0
        self.rss_by_phase: dict[str, float] = {}  # peak RSS of this process in each phase (``current_phase``)
        self.child_rss: dict[int, tuple[str, float]] = {}  # each child's label and sampled peak RSS MB
        self._start = time.perf_counter()
        self._cpu0 = self._cpu_of(self._me)

    @staticmethod
    def _cpu_of(proc: object) -> float:
        times = proc.cpu_times()  # type: ignore[attr-defined]
        return float(times.user + times.system)

    def _sample(self) -> None:
        import psutil

        rss = self._me.memory_info().rss / 2**20
        if rss > self.rss_peak_mb:
            self.rss_peak_mb, self.rss_peak_at_s = rss, time.perf_counter() - self._start
        phase = current_phase() or "other"
        self.rss_by_phase[phase] = max(rss, self.rss_by_phase.get(phase, 0.0))
        self.cpu[self._me.pid] = ("flow", self._cpu_of(self._me) - self._cpu0)
        for child in self._me.children(recursive=True):
            try:
                role = process_role(" ".join(child.cmdline()))
                self.cpu[child.pid] = (role, self._cpu_of(child))
                self._note_child_rss(child.pid, f"{role} from {phase}", child.memory_info().rss / 2**20)
            except psutil.Error:
                continue

    def _note_child_rss(self, pid: int, label: str, rss_mb: float) -> None:
        """Keep a child's peak RSS, labelled by the phase it was first seen in (a worker starts in the batches,
        the commit's and the report's children in theirs): ``RUSAGE_CHILDREN`` cannot tell them apart, and
        its figure is at least this process's RSS when it started one (a child spawned by vfork and exec
        inherits its parent's high-water mark), so it says nothing of the children themselves."""
        first_label, peak = self.child_rss.get(pid, (label, 0.0))
        self.child_rss[pid] = (first_label, max(peak, rss_mb))

    def _loop(self) -> None:
        while not self._stop.wait(SAMPLE_EVERY_S):
            self._sample()

    def __enter__(self) -> ProcessSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def line(self) -> str:
        """``flow 12.3, worker (or report) 4.5, prefect server 6.8``: CPU s by process, largest first."""
        rows = sorted(self.cpu.values(), key=lambda row: (row[0] != "flow", -row[1]))
        return ", ".join(f"{role} {cpu:.2f}" for role, cpu in rows if cpu >= 0.05)

    def child_rss_line(self) -> str:
        """``worker (or report) from batches_wall 416, prefect server from other 228``: largest first."""
        rows = sorted(self.child_rss.values(), key=lambda row: -row[1])
        return ", ".join(f"{label} {mb:.0f}" for label, mb in rows if mb >= 1)

    def rss_line(self) -> str:
        """``batches_wall 402, commit 655, other 380``: the flow's peak RSS MB in each phase, in run order."""
        order = {phase: i for i, phase in enumerate(WALL_PHASES)}
        phases = sorted(self.rss_by_phase, key=lambda phase: order.get(phase, len(order)))
        return ", ".join(f"{phase} {self.rss_by_phase[phase]:.0f}" for phase in phases)


@dataclass(frozen=True)
class RunFigures:
    """What one benchmarked ``banmian run`` measured."""

    pages: int
    wall_s: float
    exit_code: int
    phases: dict[str, float]
    peak_rss_self_mb: float
    peak_rss_child_mb: float
    cpu_s: float
    cpu_by_process: str = ""
    rss_peak_at_s: float = 0.0
    rss_by_phase: str = ""
    main_thread: str = ""  # whose code the flow's main thread ran (``bench_stacks.StackSampler.line``)
    load: str = ""  # the machine's load averages at the start and at the end of the run
    child_rss: str = ""  # each child's sampled peak RSS (``ProcessSampler.child_rss_line``)


def _cpu_seconds() -> float:
    """User+system CPU time of this process and of its children that have ended."""
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


def bench_pages(out: Path, n: int, source: Path | None, seed: int) -> list[Path]:
    """The pages to run: ``n`` generated ones (``tests.pagegen``), or (up to ``n`` of) ``source``'s *.txt."""
    pages = out / "pages"
    if source is None:
        if str(project_root()) not in sys.path:
            sys.path.append(str(project_root()))  # tests.pagegen lives in the checkout, not the package
        try:
            from tests.pagegen.generate import write_set
        except ImportError:
            raise SystemExit("banmian bench: generating pages needs the repository's tests/ "
                             "(run from the checkout), or give --source DIR") from None
        write_set(out, n, seed, sidecar=False)
        return sorted(pages.glob("*.txt"))
    found = sorted(source.rglob("*.txt")) if source.is_dir() else [source]
    pages.mkdir(parents=True)
    copied = []
    for i, path in enumerate(found[:n] if n else found):
        target = pages / f"{i:06d}_{path.name}"
        shutil.copyfile(path, target)
        copied.append(target)
    return copied


def run_flow(pages_dir: Path, warehouse: Path, timings: Path, workers: int, extra: Sequence[str],
             log_name: str = "run.log") -> RunFigures:
    """Run ``banmian run`` in this process (its output to ``log_name`` by the warehouse), timing it and its phases."""
    from banmian.cli import main as cli_main

    os.environ[TIMINGS_ENV] = str(timings)
    argv = ["run", "--source", str(pages_dir), "--warehouse", str(warehouse), *extra]
    if workers > 1:
        argv += ["--workers", str(workers)]
    cpu0, start, load0 = _cpu_seconds(), time.perf_counter(), load_averages()
    with (open(warehouse.parent / log_name, "w", encoding="utf-8") as log, contextlib.redirect_stdout(log),
          ProcessSampler() as sampler, StackSampler() as stacks):
        code = cli_main(argv)
    wall = time.perf_counter() - start
    phases = json.loads(timings.read_text(encoding="utf-8")) if timings.exists() else {}
    n = len(list(pages_dir.glob("*.txt")))
    return RunFigures(n, wall, code, phases, peak_rss_mb(),
                      _rusage_mb(resource.RUSAGE_CHILDREN), _cpu_seconds() - cpu0, sampler.line(),
                      sampler.rss_peak_at_s, sampler.rss_line(), stacks.line(), f"{load0} -> {load_averages()}",
                      sampler.child_rss_line())


def load_averages() -> str:
    """The machine's load averages over 1, 5 and 15 minutes, e.g. ``7.1/6.5/5.9`` (wall times depend on it)."""
    return "/".join(f"{load:.1f}" for load in os.getloadavg())


def read_decode_seconds(paths: Sequence[Path]) -> float:
    """Seconds to read and decode every page once: the floor any ingest of these files pays."""
    start = time.perf_counter()
    load_pages(paths)
    return time.perf_counter() - start


def segment_alone_rate(paths: Sequence[Path], sample: int = SEGMENT_SAMPLE) -> tuple[float, int]:
    """Pages/s of decode+segment in this one process over an even sample of the pages, and its size."""
    step = max(1, len(paths) // sample)
    texts = load_pages(list(paths)[::step][:sample])
    start = time.perf_counter()
    for text in texts:
        segment_page(text)
    return len(texts) / max(time.perf_counter() - start, 1e-9), len(texts)


def _phase_line(phases: dict[str, float], names: Sequence[str]) -> str:
    return ", ".join(f"{name} {phases[name]:.2f}" for name in names if name in phases) or "(none recorded)"


def segmentation_line(phases: dict[str, float]) -> str:
    """The batches' wall time against the CPU time of their decode+segment work, summed over the workers: the
    cores kept busy segmenting, which a loaded machine lowers less than it stretches the wall time (compare
    ``--workers 2`` with ``--workers 1`` on both)."""
    wall, cpu = phases.get("batches_wall", 0.0), phases.get("decode_segment_cpu", 0.0)
    return (f"batches wall s {wall:.2f}, decode+segment CPU s {cpu:.2f} summed over batches, "
            f"{cpu / max(wall, 1e-9):.2f} cores segmenting")


def bench_report(fig: RunFigures, workers: int, read_decode_s: float, seg_rate: float, seg_sample: int) -> str:
    """The figures of a benchmarked run, one measure per line."""
    rate = fig.pages / max(fig.wall_s, 1e-9)
    accounted = sum(fig.phases.get(p, 0.0) for p in WALL_PHASES)
    return "\n".join([
        f"pages: {fig.pages}, workers: {max(workers, 1)}, exit code: {fig.exit_code}",
        f"wall s: {fig.wall_s:.2f}",
        f"pages/s: {rate:,.1f}",
        f"phases, wall s: {_phase_line(fig.phases, WALL_PHASES)}, other {max(fig.wall_s - accounted, 0.0):.2f}",
        f"inside batches, s summed over batches: {_phase_line(fig.phases, BATCH_PHASES)}",
        f"peak RSS MB: this process {fig.peak_rss_self_mb:.1f} (at {fig.rss_peak_at_s:.1f} s), "
        f"largest ended child {fig.peak_rss_child_mb:.1f}",
        f"peak RSS MB of this process by phase: {fig.rss_by_phase or '(not sampled)'}",
        f"peak RSS MB of each child (sampled; the phase it started in): {fig.child_rss or '(not sampled)'}",
        f"cores used (CPU s / wall s): {fig.cpu_s / max(fig.wall_s, 1e-9):.2f}",
        f"CPU s by process: {fig.cpu_by_process or '(not sampled)'}",
        f"segmentation: {segmentation_line(fig.phases)}",
        f"the flow's main thread in: {fig.main_thread or '(not sampled)'}",
        f"load averages (1/5/15 min) at start -> end: {fig.load or '(not read)'}",
        f"vs read+decode alone ({read_decode_s:.2f} s): {fig.wall_s / max(read_decode_s, 1e-9):,.1f}x the time",
        f"vs segmentation alone, one process ({seg_rate:,.1f} pages/s over {seg_sample} pages): "
        f"{seg_rate / max(rate, 1e-9):.2f}x the time",
    ])


def rerun_line(first: RunFigures, again: RunFigures) -> str:
    """The run again over the same pages, nothing changed (issue 19: at most 5% of the first run with a warm
    server): its wall time, and that less its Prefect server's start, which a running server saves."""
    noop = max(again.wall_s - again.phases.get("prefect_start", 0.0), 0.0)
    return (f"re-run, nothing changed: wall s {again.wall_s:.2f}, less the server start {noop:.2f} "
            f"({noop / max(first.wall_s, 1e-9):.1%} of the first run), exit code {again.exit_code}")


def cmd_bench(args: argparse.Namespace) -> int:
    """``banmian bench``: time a real ``banmian run`` over generated or given pages, then the two baselines."""
    with tempfile.TemporaryDirectory(prefix="banmian-bench-", dir=args.tmp) as tmp:
        root = Path(tmp)
        paths = bench_pages(root, args.pages, args.source, args.seed)
        if not paths:
            print("banmian bench: no pages to run", file=sys.stderr)
            return 2
        print(f"banmian bench: {len(paths)} pages "
              f"({'from ' + str(args.source) if args.source else f'generated, seed {args.seed}'}) in {root}",
              flush=True)
        extra = ["--dask-address", args.dask_address] if args.dask_address else []
        fig = run_flow(root / "pages", root / "warehouse", root / "timings.json", args.workers, extra)
        read_decode_s = read_decode_seconds(paths)
        seg_rate, seg_sample = segment_alone_rate(paths)
        print(bench_report(fig, args.workers, read_decode_s, seg_rate, seg_sample))
        if fig.exit_code == 2:
            print((root / "run.log").read_text(encoding="utf-8"), file=sys.stderr)
        if getattr(args, "rerun", False):
            again = run_flow(root / "pages", root / "warehouse", root / "timings-again.json", args.workers, extra,
                             "rerun.log")
            print(rerun_line(fig, again))
        if getattr(args, "rerun_warm", False):
            with warm_server():
                warm = run_apart(root / "pages", root / "warehouse", root / "timings-warm.json", args.workers, extra)
            print(warm_rerun_line(fig, warm))
        return 0 if fig.exit_code in (0, 1) else fig.exit_code


#: Seconds ``banmian bench`` waits at most for the ``banmian server`` it starts to answer (a safety net).
SERVER_READY_S: Final = 300.0


@contextlib.contextmanager
def warm_server() -> Iterator[str]:
    """A ``banmian server`` of this Prefect home on a free loopback port, answering, until the block ends
    (stopped with SIGTERM, as its Ctrl-C; killed if it lingers)."""
    import signal
    import socket
    import subprocess

    from banmian.prefect_env import configure, running_server

    home = configure()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "banmian.cli", "server", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + SERVER_READY_S
        while (url := running_server(home)) is None or not url.endswith(f":{port}"):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"banmian bench: `banmian server --port {port}` did not start")
            time.sleep(0.5)
        yield url
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def run_apart(pages_dir: Path, warehouse: Path, timings: Path, workers: int, extra: Sequence[str]) -> RunFigures:
    """``banmian run`` as a user starts it, in a process of its own (it finds a running ``banmian server``):
    its wall time from start to exit, and its phases."""
    import subprocess

    argv = [sys.executable, "-m", "banmian.cli", "run", "--source", str(pages_dir), "--warehouse", str(warehouse),
            *extra, *(["--workers", str(workers)] if workers > 1 else [])]
    start, children0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(warehouse.parent / "warm.log", "w", encoding="utf-8") as log:
        code = subprocess.run(argv, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, TIMINGS_ENV: str(timings)},
                              check=False).returncode
    wall, children = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = children.ru_utime + children.ru_stime - children0.ru_utime - children0.ru_stime
    phases = json.loads(timings.read_text(encoding="utf-8")) if timings.exists() else {}
    return RunFigures(len(list(pages_dir.glob("*.txt"))), wall, code, phases, 0.0, 0.0, cpu)


def warm_rerun_line(first: RunFigures, warm: RunFigures) -> str:
    """The run again, nothing changed, as a new ``banmian run`` on a warm ``banmian server`` (issue 19: at most
    5% of the first run): its wall time from process start to exit, and where it went."""
    return (f"re-run on a warm banmian server, nothing changed: wall s {warm.wall_s:.2f} "
            f"({warm.wall_s / max(first.wall_s, 1e-9):.1%} of the first run), CPU s {warm.cpu_s:.2f} "
            f"({warm.cpu_s / max(first.cpu_s, 1e-9):.1%} of the first run's), "
            f"phases {_phase_line(warm.phases, WALL_PHASES)}, exit code {warm.exit_code}")
