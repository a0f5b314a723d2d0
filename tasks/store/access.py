"""How banmian opens DuckDB: every connection knows its warehouse root; readers can only read it.

Every connection sets ``views.ROOT_VARIABLE`` to its warehouse root, which the
views join to their root-relative file paths. A reader's connection is then
locked down before it runs any user SQL:

* it is opened ``read_only``, so no table or view can change;
* ``enable_external_access = false`` with ``allowed_directories`` = the
  warehouse's ``data/``: no file outside the warehouse can be read, listed,
  attached or written, and no extension installed or loaded;
* ``lock_configuration = true``: no ``SET``/``PRAGMA``/``RESET`` can undo that;
* only one statement, of DuckDB's type SELECT (``SELECT``, ``FROM``,
  ``WITH``, ``VALUES``, ``DESCRIBE``, ``SHOW``, ``SUMMARIZE``), is run:
  ``COPY ... TO`` a file under ``data/`` is within the allowed directory,
  so only refusing the statement keeps live data from being overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

import duckdb

from banmian.tasks.store.errors import QueryRefused
from banmian.tasks.store.layout import DATA_DIR
from banmian.tasks.store.views import ROOT_VARIABLE

#: What ``banmian query`` runs; every other statement type (COPY, EXPORT, ATTACH, SET, PRAGMA, CALL,
#: EXPLAIN, CREATE, INSERT, ...) is refused before DuckDB sees it.
READ_STATEMENTS: Final = frozenset({duckdb.StatementType.SELECT})


def bind_root(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Point the views of this connection at the files under ``root``; keep DuckDB's progress bar off stdout.

    DuckDB prints its bar to stdout, terminal or not, once a statement runs for 2 s (a loaded
    machine): it would land in the middle of ``banmian query``'s table or a driver's JSON line.
    """
    con.execute(f"SET VARIABLE {ROOT_VARIABLE} = ?", [str(root)])
    con.execute("SET enable_progress_bar = false")


#: What a query raises when it needs more memory than its connection may use (its ``MemoryCap``) and cannot spill.
QueryOutOfMemory = duckdb.OutOfMemoryException


@dataclass(frozen=True)
class MemoryCap:
    """At most ``limit`` of DuckDB's memory (``memory_limit``, e.g. ``"128MB"``) for a connection's queries; what
    they need past it spills to files in ``spill``, a folder no other connection uses."""

    limit: str
    spill: Path


def lock_down(con: duckdb.DuckDBPyConnection, root: Path, cap: MemoryCap | None = None) -> None:
    """Make a (read-only) connection unable to reach any file but the warehouse's data, for good.

    A ``cap`` is set first (the lock forbids it after), and its spill folder is allowed too: DuckDB's
    ``allowed_directories`` also bound where it may spill, and a query that cannot spill fails out of memory.
    """
    bind_root(con, root)
    allowed = [f"{root / DATA_DIR}/"]
    if cap is not None:
        con.execute("SET memory_limit = ?", [cap.limit])
        con.execute("SET temp_directory = ?", [str(cap.spill)])
        allowed.append(f"{cap.spill}/")
    con.execute("SET allowed_directories = ?", [allowed])
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def single_read_statement(sql: str) -> duckdb.Statement:
    """The one read-only statement ``sql`` holds; ``QueryRefused`` (one line, says why) otherwise.

    SQL that does not parse raises DuckDB's ``ParserException``, as running it would.
    """
    statements = duckdb.extract_statements(sql)
    if not statements:
        raise QueryRefused("no SQL statement given")
    if len(statements) > 1:
        raise QueryRefused(f"one statement at a time, and this SQL holds {len(statements)}: "
                           "run them one by one")
    statement = statements[0]
    if statement.type not in READ_STATEMENTS:
        raise QueryRefused(f"{statement.type.name} statements are refused: the warehouse is read-only here "
                           "(SELECT, FROM, WITH, VALUES, DESCRIBE, SHOW and SUMMARIZE are allowed)")
    return statement


def first_line(exc: BaseException) -> str:
    """The first line of an error's message (DuckDB's run on with context lines)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
