"""``Warehouse.repair``: a lost catalogue rebuilt from its copy; lost pages rebuilt from their sources, or dropped.

The warehouse and its damage are real files; the sources are the synthetic
pages of warehouse_fixtures, handed to repair by a reader that knows which
"source files" still exist (tests/banmian/test_cli.py repairs from real
page files through ``banmian repair``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from tests.support.warehouse_fixtures import CHECKED, PAGES, commit, count, data_files, page_and_result, rows
from tests.support.warehouse_fixtures import state_checksum as checksum

from banmian.tasks.model import DecodedPage, PageResult
from banmian.tasks.store.catalogue import CatalogueCopyError
from banmian.tasks.store.warehouse import Warehouse, WarehouseDamaged

#: What a repair must give back exactly (pages_history gains the repair's versions; run ids differ).
RESTORED = tuple(name for name in CHECKED if name != "pages_history")
#: The native tables, compared whole after a rebuild of the catalogue.
NATIVE = ("runs", "rejects", "page_sources", "_page_versions", "_manifest", "schema_version")


class Sources:
    """Source files as repair reads them again: the pages still there, by path."""

    def __init__(self, pages: list[tuple[DecodedPage, PageResult]]) -> None:
        self.pages = {page.path: (page, result) for page, result in pages}
        self.read: list[str] = []

    def __call__(self, path: str, page_id: str) -> tuple[DecodedPage, PageResult] | None:
        self.read.append(path)
        found = self.pages.get(path)
        return found if found is not None and found[0].sha256 == page_id else None


def live_file(wh: Warehouse, table: str, nth: int = 0) -> Path:
    """The table's ``nth`` live file in the order the runs wrote them (run ids of one second sort at random)."""
    files = wh.query("SELECT m.file FROM _manifest AS m LEFT JOIN runs AS r USING (run_id) WHERE m.table_name = ? "
                     "ORDER BY r.started_at NULLS LAST, m.file", [table]).column(0)
    return wh.root / str(files[nth])


def pages_in(wh: Warehouse, path: Path) -> set[str]:
    """Page ids whose rows a live file holds (read before it is damaged)."""
    return {str(v) for v in wh.query(f"SELECT DISTINCT page_id FROM read_parquet('{path}')").column(0).to_pylist()}


# -- lost Parquet files ----------------------------------------------------------

@pytest.mark.parametrize("table", ["articles", "pages", "residue"])
def test_a_lost_file_is_rebuilt_from_the_sources(loaded: Warehouse, table: str) -> None:
    before = checksum(loaded, RESTORED)
    path = live_file(loaded, table)
    held = pages_in(loaded, path)
    path.unlink()
    sources = Sources(PAGES)
    report = loaded.repair(sources)
    assert report.complete and set(report.rebuilt) == held
    assert [p.where for p in report.damaged] == [path.relative_to(loaded.root).as_posix()]
    assert sorted(sources.read) == sorted(p.path for p, _ in PAGES if p.sha256 in held)
    assert checksum(loaded, RESTORED) == before
    assert loaded.check().problems == []
    assert rows(loaded, "SELECT source, pages_loaded, status FROM runs WHERE run_id = ?", [report.run_id]) == [
        {"source": "banmian repair", "pages_loaded": len(held), "status": "complete"}]


def test_a_file_with_other_bytes_is_rebuilt_too(loaded: Warehouse) -> None:
    before = checksum(loaded, RESTORED)
    path = live_file(loaded, "sentences", 1)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert loaded.repair(Sources(PAGES)).complete
    assert checksum(loaded, RESTORED) == before and loaded.check().problems == []


def test_a_page_no_source_holds_is_dropped_and_reported(loaded: Warehouse) -> None:
    path = live_file(loaded, "blocks", 1)  # the second run's: PAGES[3:]
    held = pages_in(loaded, path)
    gone = PAGES[3]
    path.unlink()
    report = loaded.repair(Sources([p for p in PAGES if p is not gone]))
    assert not report.complete
    assert [(d.page_id, d.paths) for d in report.dropped] == [(gone[0].sha256, (gone[0].path,))]
    assert set(report.rebuilt) == held - {gone[0].sha256}
    assert count(loaded, "SELECT count(*) FROM pages") == len(PAGES) - 1
    for name in ("articles", "blocks", "sentences", "residue"):
        assert count(loaded, f"SELECT count(*) FROM {name} WHERE page_id = ?", [gone[0].sha256]) == 0
    assert rows(loaded, "SELECT path, reason FROM rejects WHERE run_id = ?", [report.run_id]) == [
        {"path": gone[0].path, "reason": "vanished"}]
    assert rows(loaded, "SELECT status FROM runs WHERE run_id = ?", [report.run_id]) == [{"status": "partial"}]
    assert loaded.check().problems == []
    with loaded.writer() as w:  # the source comes back: the next run loads it again
        assert commit(w, [gone]).pages_loaded == 1
    assert count(loaded, "SELECT count(*) FROM pages") == len(PAGES)


def test_lost_history_is_counted(loaded: Warehouse) -> None:
    changed = page_and_result(PAGES[0][0].path, "改版", mtime=1_800_000_000.0)
    with loaded.writer() as w:
        commit(w, [changed])
        w.compact()  # one pages file: every version's page row
    before = checksum(loaded, RESTORED)
    live_file(loaded, "pages").unlink()
    report = loaded.repair(Sources(PAGES[1:] + [changed]))
    assert report.history_lost == 1 and not report.complete and not report.dropped
    assert checksum(loaded, RESTORED) == before


def test_a_damaged_file_of_superseded_rows_only_leaves(loaded: Warehouse) -> None:
    with loaded.writer() as w:
        commit(w, [page_and_result(p.path, p.text, variant=1) for p, _ in PAGES[:3]], full_refresh=False)
        commit(w, [page_and_result(p.path, p.text, variant=1) for p, _ in PAGES[:3]], full_refresh=True)
    before = checksum(loaded, CHECKED)
    path = live_file(loaded, "articles", 0)  # the first run's: all its versions superseded
    path.unlink()
    report = loaded.repair(Sources([]))
    assert report.complete and report.rebuilt == [] and report.dropped == []
    assert checksum(loaded, CHECKED) == before and loaded.check().problems == []


def test_nothing_to_repair(loaded: Warehouse) -> None:
    before = checksum(loaded, CHECKED + NATIVE)
    report = loaded.repair(Sources(PAGES))
    assert report.complete and not report.damaged and report.run_id is None
    assert checksum(loaded, CHECKED + NATIVE) == before


# -- a lost catalogue -------------------------------------------------------------

def truncate_to(size: int) -> object:
    def damage(db: Path) -> None:
        os.truncate(db, size)
    damage.__name__ = f"truncated_to_{size}"
    return damage


@pytest.mark.parametrize("damage", [Path.unlink, truncate_to(0), truncate_to(100), truncate_to(12288),
                                    truncate_to(1_000_000)], ids=lambda d: getattr(d, "__name__", str(d)))
def test_a_lost_catalogue_is_rebuilt_from_its_copy(loaded: Warehouse, damage: object) -> None:
    with loaded.writer() as w:
        commit(w, [], rejects=[])
        w.compact()
    before = checksum(loaded, CHECKED + NATIVE)
    files = data_files(loaded)
    getattr(damage, "__call__")(loaded.db_path)
    report = loaded.repair(Sources(PAGES))
    assert report.catalogue_rebuilt and report.complete and not report.damaged
    assert checksum(loaded, CHECKED + NATIVE) == before
    assert data_files(loaded) == files and loaded.check().problems == []
    kept = [loaded.root / name for name in report.set_aside]
    assert all(p.exists() for p in kept) and (kept != []) == (getattr(damage, "__name__") != "unlink")


def test_a_lost_catalogue_and_a_lost_file_together(loaded: Warehouse) -> None:
    before = checksum(loaded, RESTORED)
    live_file(loaded, "residue", 1).unlink()
    loaded.db_path.unlink()
    report = loaded.repair(Sources(PAGES))
    assert report.catalogue_rebuilt and report.complete and len(report.damaged) == 1
    assert checksum(loaded, RESTORED) == before


def test_without_catalogue_nor_copy_nothing_can_be_rebuilt(loaded: Warehouse) -> None:
    loaded.db_path.unlink()
    shutil.rmtree(loaded.root / "catalogue")
    with pytest.raises(CatalogueCopyError, match="^banmian.duckdb is missing, and cannot be rebuilt: "
                                                 "catalogue/CATALOGUE.json is missing$"):
        loaded.repair(Sources(PAGES))


def test_a_run_never_starts_afresh_over_a_lost_catalogue(loaded: Warehouse) -> None:
    """A writer used to create an empty catalogue and sweep every file away as unlisted."""
    files = data_files(loaded)
    loaded.db_path.unlink()
    with pytest.raises(WarehouseDamaged, match="run `banmian repair` to rebuild the catalogue"):
        with loaded.writer():
            pass
    assert data_files(loaded) == files and not loaded.db_path.exists()
