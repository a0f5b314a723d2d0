"""Compaction writes the catalogue anew: the space of pruned rows goes back to the disk, nothing else changes."""

from __future__ import annotations

import hashlib

from tests.support.warehouse_fixtures import PAGES, Reject, commit, state_checksum

from banmian.tasks.store.warehouse import Warehouse

#: Objects of the catalogue that only ``refresh_views`` and the migrations create.
OBJECTS = ("SELECT 'view ' || view_name || ': ' || coalesce(comment, '') FROM duckdb_views() WHERE NOT internal "
           "UNION ALL SELECT 'macro ' || function_name FROM duckdb_functions() WHERE NOT internal "
           "AND function_type IN ('macro', 'table_macro') "
           "UNION ALL SELECT 'table ' || table_name || ': ' || coalesce(comment, '') FROM duckdb_tables() "
           "UNION ALL SELECT 'column ' || table_name || '.' || column_name || ': ' || coalesce(comment, '') "
           "FROM duckdb_columns() WHERE NOT internal ORDER BY 1")


def _noise(seed: str) -> str:
    """Text DuckDB cannot compress much: a reject's detail that differs from every other."""
    return "".join(hashlib.sha256(f"{seed}/{i}".encode()).hexdigest() for i in range(5))


def _catalogue(wh: Warehouse) -> list[str]:
    return sorted(str(v) for v in wh.query(OBJECTS).column(0).to_pylist())


def test_compaction_gives_back_the_space_of_pruned_rejects(wh: Warehouse) -> None:
    with wh.writer() as w:
        commit(w, PAGES[:3])
        for run in range(12):
            commit(w, [], rejects=[Reject(f"/in/bad{run}-{i}.txt", "empty", _noise(f"{run}/{i}"), 0)
                                   for i in range(1000)])
    before, objects, size = state_checksum(wh), _catalogue(wh), wh.db_path.stat().st_size
    summary = wh.compact(keep_reject_runs=1)
    assert summary.rejects_pruned == 11 * 1000
    assert summary.catalogue_bytes_before == size and summary.catalogue_bytes_after == wh.db_path.stat().st_size
    assert wh.db_path.stat().st_size < size * 0.6
    assert state_checksum(wh) == before and _catalogue(wh) == objects
    assert wh.check().problems == []
