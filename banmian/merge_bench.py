"""How the merge of a clustered table's sorted runs scales with the runs (issue 19): a harness, no Prefect.

    python -m banmian.merge_bench [--runs 50 500] [--rows-per-run 98000] [--vocabulary 20000]

A commit of N pages writes one sorted run of ``article_terms`` per batch of 200 pages (~98,000 rows a
batch of generated pages: 50 runs at 10,000 pages, 500 at 100,000) and merges them into the table's
file (``table_files.TableFiles.finish``). For each number of runs, a fresh process synthesises that many
runs of rows of the article_terms shape (Zipf-distributed terms over ``--vocabulary`` words, so the runs'
keys interleave and repeat, as real terms do), adds them as the commit does, then merges them, and
prints the merge's wall and CPU seconds, its peak RSS (sampled) and the process's before it, and the CPU
seconds per million rows. Each size runs in its own process so that one's peak RSS is not the other's.
The last line is the CPU ratio of the largest to the smallest size against the ratio of their rows
(a merge linear in the rows has them equal).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyarrow as pa

#: Rows of article_terms in a batch of 200 generated pages (tests.pagegen, seed 0: 98,329 and 96,688).
ROWS_PER_RUN = 98_000
#: Terms an article has (the generated pages: ~74 rows an article).
TERMS_PER_ARTICLE = 74
#: Articles a page has (the generated pages: 1,328 articles over 200 pages).
ARTICLES_PER_PAGE = 6.6
#: Distinct terms the synthetic runs draw from, and the Zipf exponent of their frequencies.
VOCABULARY = 20_000
ZIPF_EXPONENT = 1.0
def synthetic_run(run: int, rows: int, vocabulary: int) -> pa.Table:
    """One batch's article_terms rows: articles of ``TERMS_PER_ARTICLE`` Zipf-drawn terms."""
    import numpy as np
    import pyarrow as pa

    from banmian.tasks.store import schema

    rng = np.random.default_rng(run)
    weights = 1.0 / np.arange(1, vocabulary + 1) ** ZIPF_EXPONENT
    words = pa.array([chr(0x4E00 + i % 20_000) + chr(0x4E00 + (i * 7919) % 20_000) * (1 + i % 2)
                      for i in range(vocabulary)])
    articles = max(1, rows // TERMS_PER_ARTICLE)
    pages = max(1, int(articles / ARTICLES_PER_PAGE))
    article = np.arange(rows) // TERMS_PER_ARTICLE % articles
    article_ids = pa.array([f"{run:06d}{a:010x}" for a in range(articles)])
    page_ids = pa.array([f"{run:08d}{p:056x}" for p in range(pages)])
    return pa.table({
        "article_id": article_ids.take(pa.array(article)),
        "page_id": page_ids.take(pa.array(article * pages // articles)),
        "term": words.take(pa.array(rng.choice(vocabulary, size=rows, p=weights / weights.sum()))),
        "kind": pa.array(["word"] * rows),
        "tf": pa.array(rng.integers(1, 20, rows), pa.int32()),
        "doc_terms": pa.array(rng.integers(50, 900, articles)[article], pa.int32()),
        "run_id": pa.array(["run-bench"] * rows),
    }, schema=schema.STORED["article_terms"])


def measure(runs: int, rows: int, vocabulary: int) -> str:
    """Add ``runs`` synthetic runs to a fresh ``TableFiles`` and merge them; one line of figures."""
    from banmian.bench import ProcessSampler, peak_rss_mb
    from banmian.tasks.store.table_files import TableFiles

    with tempfile.TemporaryDirectory(prefix="merge-bench-") as tmp:
        files = TableFiles(Path(tmp), "bench")
        for run in range(runs):
            files.add({"article_terms": synthetic_run(run, rows, vocabulary)})
        before_mb = peak_rss_mb()
        wall, cpu = time.perf_counter(), time.process_time()
        with ProcessSampler() as sampler:  # this process's RSS over the merge (ru_maxrss keeps the adds' too)
            (entry,) = files.finish()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        assert entry.n_rows == runs * rows
    return (f"runs {runs:4d}  rows {runs * rows / 1e6:6.2f} M  merge wall {wall:7.1f} s  CPU {cpu:7.1f} s  "
            f"({cpu / (runs * rows / 1e6):.2f} CPU s per M rows)  peak RSS {sampler.rss_peak_mb:6.0f} MB in the merge "
            f"({before_mb:.0f} MB before it)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, nargs="+", default=[50, 500], help="numbers of runs to merge")
    parser.add_argument("--rows-per-run", type=int, default=ROWS_PER_RUN)
    parser.add_argument("--vocabulary", type=int, default=VOCABULARY)
    parser.add_argument("--one", action="store_true", help="measure the first --runs in this process")
    args = parser.parse_args(argv)
    if args.one:
        print(measure(args.runs[0], args.rows_per_run, args.vocabulary), flush=True)
        return 0
    cpu: dict[int, float] = {}
    for runs in args.runs:
        line = subprocess.run([sys.executable, "-m", "banmian.merge_bench", "--one", "--runs", str(runs),
                               "--rows-per-run", str(args.rows_per_run), "--vocabulary", str(args.vocabulary)],
                              check=True, capture_output=True, text=True).stdout.strip()
        print(line, flush=True)
        cpu[runs] = float(line.split("CPU")[1].split()[0])
    small, large = min(cpu), max(cpu)
    if small != large:
        print(f"CPU {large} runs / {small} runs: {cpu[large] / cpu[small]:.1f}x for {large / small:.1f}x the rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
