"""Segmentation batches on a real Dask cluster (two worker processes) store exactly what a serial run stores."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from distributed import LocalCluster
from tests.pagegen.generate import write_set
from tests.support.paths import SAMPLE

from banmian.flows.ingest import ingest
from banmian.flows.parallel import batches_in_flight, dask_task_runner
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


def test_the_flow_holds_a_few_batches_per_worker_not_the_run(tmp_path: Path, cluster: LocalCluster,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches read but not yet segmented stay within ``batches_in_flight`` (issue 19: the pages the flow
    held grew with the run, up to 32 batches), and every batch is still gathered."""
    import banmian.flows.ingest as flow_module

    write_set(tmp_path / "gen", 12, 3, sidecar=False)
    read, gathered, most = [0], [0], [0]
    real_read, real_segmented = flow_module._read, flow_module._segmented

    def counted_read(*args):
        read[0] += 1
        most[0] = max(most[0], read[0] - gathered[0])
        return real_read(*args)

    def counted_segmented(*args):
        gathered[0] += 1
        return real_segmented(*args)

    monkeypatch.setattr(flow_module, "_read", counted_read)
    monkeypatch.setattr(flow_module, "_segmented", counted_segmented)
    on_dask = ingest.with_options(task_runner=dask_task_runner(2, cluster.scheduler_address))
    summary = on_dask(source=str(tmp_path / "gen" / "pages"), warehouse=str(tmp_path / "wh"), batch_size=1)
    assert summary.pages_loaded == 12
    assert read[0] == gathered[0] == 12
    assert most[0] == batches_in_flight(2) == 4
