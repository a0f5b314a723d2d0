"""Segmentation batches on a real Dask cluster (two worker processes) store exactly what a serial run stores."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from distributed import LocalCluster
from tests.pagegen.generate import write_set
from tests.support.paths import SAMPLE

from banmian.flows.ingest import ingest
from banmian.flows.parallel import dask_task_runner
from banmian.tasks.store.staging import STAGING_DIR
from banmian.tasks.store.warehouse import Warehouse

pytestmark = pytest.mark.usefixtures("prefect_harness")

#: The tables whose rows a run writes; their run ids differ between two runs, nothing else may.
CONTENT = ("pages", "articles", "blocks", "sentences", "residue", "page_sources", "rejects")


def _contents(root: Path) -> dict[str, list[str]]:
    """Every row of every content table, run ids left out, in a stable order."""
    wh = Warehouse(root)
    out = {}
    for table in CONTENT:
        rows = wh.query(f"SELECT * FROM {table}").to_pylist()
        out[table] = sorted(repr({k: v for k, v in row.items() if "run" not in k}) for row in rows)
    return out


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as c:
        yield c


def test_two_dask_workers_store_what_a_serial_run_stores(tmp_path: Path, cluster: LocalCluster) -> None:
    source = tmp_path / "in"
    write_set(tmp_path / "gen", 10, 7, sidecar=False)
    shutil.copytree(tmp_path / "gen" / "pages", source)
    for page in SAMPLE.glob("*.txt"):
        shutil.copy(page, source / page.name)
    (source / "empty.txt").write_bytes(b"")  # a reject, in a batch of its own
    serial = ingest(source=str(source), warehouse=str(tmp_path / "serial"), batch_size=3)
    on_dask = ingest.with_options(task_runner=dask_task_runner(2, cluster.scheduler_address))
    parallel = on_dask(source=str(source), warehouse=str(tmp_path / "dask"), batch_size=3)
    assert (parallel.pages_loaded, parallel.articles, parallel.rejects, parallel.status) == \
        (serial.pages_loaded, serial.articles, serial.rejects, serial.status) == (12, serial.articles, 1, "partial")
    assert _contents(tmp_path / "dask") == _contents(tmp_path / "serial")
    assert len(cluster.workers) == 2
    assert cluster.scheduler.transition_counter > 0  # the batches did run on the cluster
    assert not (tmp_path / "dask" / STAGING_DIR).exists()
