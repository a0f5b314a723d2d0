"""Dask worker preload: ready a segmentation worker before its first batch (``banmian run --workers``).

A ``LocalCluster`` worker is a fresh interpreter. Without this, its first
batch pays for importing Prefect and the task modules when the task is
unpickled (~3–5 CPU s a worker, measured with cProfile on each worker at
1,000 pages) and for loading the models, lexicon and tokenizer dictionary
inside the timed segmentation, and for the tokenizer's dictionary and the
gazetteer inside its first batch's rows. ``dask_setup`` (Dask's preload hook) does
that once, at cluster start, while the flow process starts its run; the
pages a worker then segments are segmented exactly as before (the caches
it fills are of pure functions).
"""

from __future__ import annotations

from typing import Any


def warm_up() -> None:
    """Import the task modules, then segment the bundled sample pages once and make their stored rows
    (models, lexicon, tokenizer and its dictionary, the places' gazetteer)."""
    import banmian.tasks.prefect_tasks  # noqa: F401 - the import a batch's unpickling would pay
    from banmian import SAMPLE_DIR
    from banmian.tasks.ingest.decode import decode_page
    from banmian.tasks.ingest.pages import segment_decoded
    from banmian.tasks.model import DecodedPage
    from banmian.tasks.store.records import page_tables

    pages = [decode_page(str(path), path.read_bytes(), 0.0) for path in sorted(SAMPLE_DIR.glob("*.txt"))]
    page_tables([(page, segment_decoded(page)) for page in pages if isinstance(page, DecodedPage)], "warm-up")


def dask_setup(worker: Any) -> None:  # noqa: ARG001 - Dask's preload hook passes the worker
    """Dask's preload hook, run in each worker process as it starts."""
    warm_up()
