"""Retention of Prefect's own records of ingest runs: keep the newest N, delete the rest.

Every run of ``banmian-ingest`` leaves a flow run, its task runs and states,
its logs and its artifacts in Prefect's database (``.prefect/prefect.db``);
results are never persisted, but these records would still grow without
bound. So at the end of each run the flow keeps the newest ``keep`` runs of
``banmian-ingest`` (the run that prunes counts as one of them) and deletes
older ones through the Prefect API.

What deleting a flow run removes, in Prefect 3.8 (read in its server code,
``prefect/server/database/orm_models.py`` and ``server/api/flow_runs.py``):

* its task runs and the states of both cascade in the database (foreign keys
  with ``ON DELETE CASCADE``);
* its logs have no foreign key: the API's DELETE schedules a background job
  that deletes them by ``flow_run_id`` a moment later. We wait for it (a few
  seconds at most), because a ``banmian run`` stops its temporary server right
  after the flow, and a job not yet run would leave the logs behind for good;
* its artifacts are NOT deleted by the API (nothing references them), so they
  are deleted here, one by one, before their flow run.

Only finished runs (completed, failed, cancelled, crashed) are ever deleted:
scheduled, late, pending, running, paused and cancelling runs are neither
deleted nor counted. Pruning is housekeeping: the flow logs a warning if it
fails and the run's outcome is unchanged.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final
from uuid import UUID

from banmian.flows.defaults import FLOW_NAME

if TYPE_CHECKING:  # Prefect is imported only when pruning runs (module docstring of banmian.serve)
    from prefect.client.orchestration import SyncPrefectClient

#: Environment variable with the number of runs to keep; 0 keeps all.
KEEP_RUNS_ENV: Final = "BANMIAN_KEEP_RUNS"
#: Runs kept by default: about three months of daily runs.
DEFAULT_KEEP_RUNS: Final = 100
#: Page size when reading runs: the server's maximum (PREFECT_SERVER_API_DEFAULT_LIMIT, 200).
_PAGE: Final = 200
#: At most this many runs are deleted by one run; a backlog goes in a few runs, not one long one.
MAX_DELETED_PER_RUN: Final = 1000
#: Flow run ids per filter query.
_IDS_PER_QUERY: Final = 100
#: How long to wait for the server's background job to delete the deleted runs' logs.
LOG_WAIT_SECONDS: Final = 10.0


def keep_runs_setting(value: int | None = None, environ: Mapping[str, str] | None = None) -> int:
    """How many ingest runs to keep: ``value`` if given, else ``$BANMIAN_KEEP_RUNS``, else 100; 0 keeps all.

    Raises ValueError for a negative or non-integer setting.
    """
    if value is None:
        text = (os.environ if environ is None else environ).get(KEEP_RUNS_ENV, "").strip()
        if not text:
            return DEFAULT_KEEP_RUNS
        try:
            value = int(text)
        except ValueError:
            raise ValueError(f"{KEEP_RUNS_ENV}={text!r} is not a whole number") from None
        source = KEEP_RUNS_ENV
    else:
        source = "keep_runs"
    if value < 0:
        raise ValueError(f"{source} must be 0 (keep all) or more, got {value}")
    return value


@dataclass
class PruneResult:
    """What one pruning pass did."""

    keep: int
    flow_runs_deleted: int = 0
    artifacts_deleted: int = 0
    logs_left: int = 0       # logs of deleted runs the server had not deleted when we stopped waiting
    more_to_delete: bool = False  # hit MAX_DELETED_PER_RUN; the next run goes on


def _chunks(ids: Sequence[UUID], size: int = _IDS_PER_QUERY) -> list[list[UUID]]:
    return [list(ids[i:i + size]) for i in range(0, len(ids), size)]


def runs_to_delete(client: SyncPrefectClient, keep: int, current_run_id: UUID | None = None,
                   flow_name: str = FLOW_NAME, limit: int = MAX_DELETED_PER_RUN) -> list[UUID]:
    """Ids of the finished runs of ``flow_name`` beyond the newest ``keep`` (by start time).

    The current run, if any, is not finished yet but counts as one of the
    ``keep``: after it ends, exactly ``keep`` finished runs remain.
    """
    from prefect.client.schemas.filters import (
        FlowFilter,
        FlowFilterName,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import TERMINAL_STATES
    from prefect.client.schemas.sorting import FlowRunSort

    if keep <= 0:
        return []
    finished_to_keep = keep - 1 if current_run_id is not None else keep
    flow_filter = FlowFilter(name=FlowFilterName(any_=[flow_name]))
    finished = FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(any_=sorted(TERMINAL_STATES))))
    found: list[UUID] = []
    offset = finished_to_keep
    while len(found) < limit:
        page = client.read_flow_runs(flow_filter=flow_filter, flow_run_filter=finished,
                                     sort=FlowRunSort.START_TIME_DESC, limit=_PAGE, offset=offset)
        found += [run.id for run in page if run.id != current_run_id and run.state is not None
                  and run.state.is_final()]
        if len(page) < _PAGE:
            break
        offset += len(page)
    return found[:limit]


def _delete_artifacts(client: SyncPrefectClient, flow_run_ids: Sequence[UUID]) -> int:
    """Delete every artifact of these flow runs (the API does not when it deletes a run)."""
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
    from prefect.exceptions import ObjectNotFound

    deleted = 0
    for chunk in _chunks(flow_run_ids):
        artifact_filter = ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=chunk))
        seen: set[UUID] = set()
        while True:
            batch = [a for a in client.read_artifacts(artifact_filter=artifact_filter, limit=_PAGE, offset=0)
                     if a.id not in seen]
            if not batch:
                break
            for artifact in batch:
                seen.add(artifact.id)  # never loop on one the server will not delete
                try:
                    client.delete_artifact(artifact.id)
                    deleted += 1
                except ObjectNotFound:
                    pass
    return deleted


def _count_logs(client: SyncPrefectClient, flow_run_ids: Sequence[UUID]) -> int:
    """Logs still stored for these flow runs (at most one page per chunk is counted)."""
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    return sum(len(client.read_logs(LogFilter(flow_run_id=LogFilterFlowRunId(any_=chunk)), limit=_PAGE, offset=0))
               for chunk in _chunks(flow_run_ids))


def prune_flow_runs(keep: int, current_run_id: UUID | None = None, *, flow_name: str = FLOW_NAME,
                    client: SyncPrefectClient | None = None, log_wait: float = LOG_WAIT_SECONDS) -> PruneResult:
    """Delete the finished runs of ``flow_name`` beyond the newest ``keep``, with their artifacts and logs.

    ``keep`` 0 keeps everything. ``client`` is a sync Prefect client (one is
    opened if not given). Errors are raised: the caller decides they are
    only worth a warning.
    """
    result = PruneResult(keep=keep)
    if keep <= 0:
        return result
    if client is None:
        from prefect.client.orchestration import get_client

        with get_client(sync_client=True) as own:
            return prune_flow_runs(keep, current_run_id, flow_name=flow_name, client=own, log_wait=log_wait)

    from prefect.exceptions import ObjectNotFound

    ids = runs_to_delete(client, keep, current_run_id, flow_name, MAX_DELETED_PER_RUN + 1)
    result.more_to_delete = len(ids) > MAX_DELETED_PER_RUN
    ids = ids[:MAX_DELETED_PER_RUN]
    if not ids:
        return result
    result.artifacts_deleted = _delete_artifacts(client, ids)
    deleted: list[UUID] = []
    for run_id in ids:
        try:
            client.delete_flow_run(run_id)  # task runs and states cascade; logs: a server job
        except ObjectNotFound:
            continue  # deleted meanwhile (another run pruning)
        deleted.append(run_id)
    result.flow_runs_deleted = len(deleted)
    deadline = time.monotonic() + log_wait
    while deleted:
        result.logs_left = _count_logs(client, deleted)
        if not result.logs_left or time.monotonic() >= deadline:
            break
        time.sleep(0.2)
    return result
