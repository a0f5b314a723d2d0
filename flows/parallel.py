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

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from prefect.task_runners import TaskRunner

#: Batches submitted but not yet finished, at most: enough to keep a few dozen workers busy, while the
#: flow holds only their raw bytes (200 pages of ~8 KB each: ~1.6 MB a batch, ~50 MB in all).
MAX_IN_FLIGHT: Final = 32


def dask_task_runner(workers: int, address: str | None = None) -> TaskRunner:
    """A ``DaskTaskRunner`` on a new local cluster of ``workers`` processes, or on the scheduler at ``address``."""
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_class="distributed.LocalCluster", cluster_kwargs={
        "n_workers": workers, "processes": True, "threads_per_worker": 1, "dashboard_address": None})


def runs_on_dask() -> bool:
    """Whether the current flow run submits its tasks to Dask (else batches run one after another, in-process)."""
    from prefect.context import FlowRunContext

    ctx = FlowRunContext.get()
    return ctx is not None and type(ctx.task_runner).__name__ == "DaskTaskRunner"
