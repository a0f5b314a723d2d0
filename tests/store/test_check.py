"""``Warehouse.check``: every damaged file, one line each; a run and a compaction refuse a damaged warehouse.

Damage is done to real files of a real warehouse, the ways disks and people
do it: a file deleted, truncated, grown, its bytes changed in place.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.support.warehouse_fixtures import commit, count, data_files, page_and_result, state_checksum

from banmian.tasks.store.check import Problem
from banmian.tasks.store.warehouse import Warehouse, WarehouseDamaged


def a_live_file(wh: Warehouse, table: str = "articles") -> Path:
    return wh.root / str(wh.query("SELECT file FROM _manifest WHERE table_name = ? ORDER BY file LIMIT 1",
                                  [table]).column(0)[0])


def delete(path: Path) -> None:
    path.unlink()


def truncate(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def grow(path: Path) -> None:
    with open(path, "ab") as fh:
        fh.write(b"\0" * 100)


def flip_a_byte(path: Path) -> None:
    """Same size, one byte changed in the middle (a bad sector, a stray write)."""
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def overwrite(path: Path) -> None:
    """Another valid Parquet file in its place (a `COPY ... TO` over a live file)."""
    shutil.copyfile(next(p for p in (path.parent.parent / "pages").glob("*.parquet")), path)


DAMAGE: list[tuple[Callable[[Path], None], str]] = [
    (delete, "missing"),
    (truncate, "is {half} bytes, the manifest says {size}"),
    (grow, "is {grown} bytes, the manifest says {size}"),
    (flip_a_byte, "its bytes changed: the sha256 differs from the manifest's"),
    (overwrite, "is {other} bytes, the manifest says {size}"),
]


def test_a_whole_warehouse_has_no_problem(loaded: Warehouse) -> None:
    report = loaded.check()
    assert report.problems == []
    assert report.files == count(loaded, "SELECT count(*) FROM _manifest") == len(data_files(loaded))
    assert report.bytes == sum(p.stat().st_size for p in data_files(loaded))


@pytest.mark.parametrize(("damage", "what"), DAMAGE, ids=[d.__name__ for d, _ in DAMAGE])
def test_each_damaged_file_is_one_line(loaded: Warehouse, damage: Callable[[Path], None], what: str) -> None:
    path = a_live_file(loaded)
    rel = path.relative_to(loaded.root).as_posix()
    size = path.stat().st_size
    other = next((path.parent.parent / "pages").glob("*.parquet")).stat().st_size
    damage(path)
    expected = what.format(size=size, half=size // 2, grown=size + 100, other=other)
    assert loaded.check().problems == [Problem(rel, expected)]
    assert str(loaded.check().problems[0]) == f"{rel}: {expected}"


def test_every_damaged_file_is_listed(loaded: Warehouse) -> None:
    damaged = [a_live_file(loaded, t) for t in ("pages", "blocks", "residue")]
    delete(damaged[0])
    truncate(damaged[1])
    flip_a_byte(damaged[2])
    assert sorted(p.where for p in loaded.check().problems) == sorted(
        p.relative_to(loaded.root).as_posix() for p in damaged)


@pytest.mark.parametrize("damage", [delete, truncate], ids=["missing", "short"])
def test_a_run_notices_a_missing_or_short_file_before_it_commits(loaded: Warehouse,
                                                                damage: Callable[[Path], None]) -> None:
    path = a_live_file(loaded, "sentences")
    damage(path)
    files_before = data_files(loaded)
    with loaded.writer() as w:
        with pytest.raises(WarehouseDamaged) as info:
            commit(w, [page_and_result("/in/new.txt", "新的一版")])
    message = str(info.value)
    assert path.relative_to(loaded.root).as_posix() in message and "`banmian repair`" in message
    assert "nothing was written" in message
    assert data_files(loaded) == files_before
    assert count(loaded, "SELECT count(*) FROM runs") == 2


def test_compaction_refuses_a_file_whose_bytes_changed(loaded: Warehouse) -> None:
    """It would merge the damage into a new file with a healthy checksum."""
    flip_a_byte(a_live_file(loaded, "blocks"))
    files_before = data_files(loaded)
    with pytest.raises(WarehouseDamaged, match="sha256 differs"):
        loaded.compact()
    assert data_files(loaded) == files_before


def test_a_lost_catalogue_is_a_problem_and_the_files_are_still_checked(loaded: Warehouse) -> None:
    truncate(a_live_file(loaded, "pages"))
    loaded.db_path.unlink()
    report = loaded.check()
    assert [p.where for p in report.problems] == ["banmian.duckdb", a_live_file_name(report, "pages")]
    assert "missing; `banmian repair` rebuilds it from catalogue/" in report.problems[0].what
    assert report.files == len(data_files(loaded))


def a_live_file_name(report: object, table: str) -> str:
    return next(p.where for p in getattr(report, "problems") if p.where.startswith(f"data/{table}/"))


def test_a_truncated_catalogue_is_unreadable(loaded: Warehouse) -> None:
    os.truncate(loaded.db_path, loaded.db_path.stat().st_size // 2)
    problems = loaded.check().problems
    assert [p.where for p in problems] == ["banmian.duckdb"]
    assert problems[0].what.startswith("unreadable (")


def test_the_catalogue_copy_is_checked(loaded: Warehouse) -> None:
    copy = loaded.root / "catalogue"
    runs_file = next(copy.glob("runs-*.parquet"))
    flip_a_byte(runs_file)
    assert [str(p) for p in loaded.check().problems] == [
        f"catalogue/CATALOGUE.json: catalogue/{runs_file.name} does not match the sha256 CATALOGUE.json gives; "
        "the next run (or `banmian repair`) writes it anew"]
    with loaded.writer():
        pass  # every transaction writes the copy anew
    assert loaded.check().problems == []
    shutil.rmtree(copy)
    assert [p.what.split(";")[0] for p in loaded.check().problems] == ["catalogue/CATALOGUE.json is missing"]


def test_a_copy_behind_the_catalogue_is_a_problem(loaded: Warehouse, tmp_path: Path) -> None:
    saved = tmp_path / "saved-copy"
    shutil.copytree(loaded.root / "catalogue", saved)
    with loaded.writer() as w:
        commit(w, [page_and_result("/in/new.txt", "新的一版")])
    shutil.rmtree(loaded.root / "catalogue")
    shutil.copytree(saved, loaded.root / "catalogue")  # as a kill right after the COMMIT leaves it
    assert [p.what.split(" (")[0] for p in loaded.check().problems] == ["is behind banmian.duckdb"]
    before = state_checksum(loaded)
    with loaded.writer():
        pass
    assert loaded.check().problems == [] and state_checksum(loaded) == before
