"""Segmentation batches in parallel processes: Prefect's Dask task runner, on a local or existing cluster.

``banmian run --workers N`` runs the ingest flow with a
``prefect_dask.DaskTaskRunner`` over a ``distributed.LocalCluster`` of N
single-threaded worker processes (segmentation is pure Python, so threads
would share one core); ``--dask-address tcp://host:8786`` uses a running
Dask scheduler instead. Only the segmentation batches go to the workers:
discovery, reading, the commit and the writer lock stay in the flow's
process. Batches hand back small handles (``banmian.tasks.store.staging``),
so the workers must see the source and the warehouse at the same paths, and
reach the same Prefect API (``PREFECT_API_URL``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from prefect.task_runners import TaskRunner

#: Dask settings of the local cluster's workers. Dask's statistical profiler samples each worker's
#: stack every 10 ms and reads source lines for it (linecache): ~4-6 s of each worker's CPU at 1,000
#: pages under cProfile, work no one reads here (the dashboard is off).
WORKER_CONFIG: Final = {"distributed.worker.profile.enabled": False}
#: Run in each worker as it starts (``dask_setup``): imports and models loaded before the first batch.
WORKER_PRELOAD: Final = "banmian.flows.worker_setup"

#: Batches each worker thread gets at least, when there are pages enough: with 5 batches of 200 for
#: 2 workers (1,000 pages) one worker segments 3 and the other waits through the last; with 8 or more
#: the last batch leaves a worker idle for at most 1/8 of the phase.
BATCHES_PER_SLOT: Final = 4
#: Pages a Dask batch holds at least, whatever the split: a task run costs a few API calls (~4 ms).
MIN_DASK_BATCH: Final = 20

#: Batches submitted but not yet finished, per worker thread: one running and one waiting, so a worker
#: never idles between batches (reading a batch here takes far less than segmenting it there). Each one
#: in flight costs the flow ~3 MB of RSS at 200 generated pages (~1.25 MB raw: the batch, its pickled task
#: in the client and the in-process scheduler). With a window of 32 batches for any cluster, the flow's
#: RSS in the batches grew with the pages up to that: 381 MB at 2,000 pages, 425 at 5,000 (2 workers).
IN_FLIGHT_PER_SLOT: Final = 2
#: Batches in flight at most, on however big a cluster (~100 MB of raw pages held by the flow).
MAX_IN_FLIGHT: Final = 32


def dask_task_runner(workers: int, address: str | None = None) -> TaskRunner:
    """A ``DaskTaskRunner`` on a new local cluster of ``workers`` processes, or on the scheduler at ``address``."""
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_class="distributed.LocalCluster", cluster_kwargs={
        "n_workers": workers, "processes": True, "threads_per_worker": 1, "dashboard_address": None,
        "config": dict(WORKER_CONFIG), "preload": [WORKER_PRELOAD]})


def dask_batch_size(batch_size: int, pages: int, slots: int) -> int:
    """Pages a batch holds on ``slots`` Dask worker threads: ``batch_size`` at most, less when that would
    leave fewer than ``BATCHES_PER_SLOT`` batches a slot (but not below ``MIN_DASK_BATCH``).

    >>> dask_batch_size(200, 1_000, 2), dask_batch_size(200, 10_000, 2), dask_batch_size(200, 50, 2)
    (125, 200, 20)
    >>> dask_batch_size(3, 13, 2)
    3
    """
    even = -(-pages // max(slots * BATCHES_PER_SLOT, 1))
    return min(batch_size, max(even, MIN_DASK_BATCH))


def batches_in_flight(slots: int) -> int:
    """Batches submitted and not yet gathered, at most, on ``slots`` worker threads: enough to keep each
    busy, no more, so the pages held in the flow's process do not grow with the run.

    >>> batches_in_flight(2), batches_in_flight(0), batches_in_flight(64)
    (4, 2, 32)
    """
    return min(max(slots, 1) * IN_FLIGHT_PER_SLOT, MAX_IN_FLIGHT)


def dask_slots() -> int:
    """Worker threads of the Dask cluster the current flow run submits to (0 when not on Dask)."""
    from prefect.context import FlowRunContext

    ctx = FlowRunContext.get()
    if ctx is None or not runs_on_dask():
        return 0
    client: Any = getattr(ctx.task_runner, "client")  # noqa: B009 - a DaskTaskRunner's, once it has started
    return sum(client.nthreads().values())


def runs_on_dask() -> bool:
    """Whether the current flow run submits its tasks to Dask (else batches run one after another, in-process)."""
    from prefect.context import FlowRunContext

    ctx = FlowRunContext.get()
    return ctx is not None and type(ctx.task_runner).__name__ == "DaskTaskRunner"
