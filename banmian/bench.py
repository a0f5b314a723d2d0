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
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from banmian import SAMPLE_DIR
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


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def profile(texts: Sequence[str], seconds: float, cold: bool = False, top: int = 20) -> str:
    """cProfile of a timed run: the ``top`` functions by self time."""
    prof = cProfile.Profile()
    prof.enable()
    run(texts, seconds, cold)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m banmian.bench", description="Segmentation throughput on one core.")
    parser.add_argument("files", nargs="*", type=Path, help="page files or directories of *.txt (default: data/sample)")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of the timed run (default 5)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile top 20 by self time")
    parser.add_argument("--cold", action="store_true", help="clear the tasks' memo caches before every page")
    args = parser.parse_args(argv)

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
