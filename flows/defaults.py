"""The ingest flow's name and defaults, importable without Prefect.

``banmian --help``, ``banmian serve`` and the retention of old runs need
them before (or without) importing Prefect, so they live here and not in
:mod:`banmian.flows.ingest`.
"""

from __future__ import annotations

from typing import Final

#: The flow's name in Prefect: runs, deployments (``banmian-ingest/daily``) and retention all use it.
FLOW_NAME: Final = "banmian-ingest"

#: Pages per read/segment task run. Measured: a task run costs ~4 ms of Prefect API calls (local
#: server), a real page ~24 ms to segment (shared/wild), so orchestration is negligible from ~10
#: pages on; 200 keeps a 10,000-page run to 50 task runs of each kind in the UI, and a failed
#: batch (its files become batch_failed rejects) to 200 files.
BATCH_SIZE: Final = 200
