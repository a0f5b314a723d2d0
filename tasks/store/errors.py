"""What can go wrong with a warehouse, as exceptions whose message is the one line a user reads.

``WarehouseBusy`` (``lock``) and ``SchemaError`` (``migrate``) live beside the code that raises them.
"""

from __future__ import annotations

from banmian.tasks.model import RunSummary


class WarehouseDamaged(Exception):
    """A file the catalogue lists is missing or not what it was, or the catalogue itself is unreadable.

    The message names the file and says what to run (``banmian check``, ``banmian repair``);
    ``detail`` is what is wrong, without that advice.
    """

    def __init__(self, message: str, detail: str | None = None) -> None:
        super().__init__(message)
        self.detail = detail or message

    def __reduce__(self) -> tuple[type[WarehouseDamaged], tuple[str, str]]:
        return (WarehouseDamaged, (str(self), self.detail))


class CheckpointFailed(Exception):
    """A transaction committed, but what follows the commit failed (the catalogue copy, DuckDB's CHECKPOINT).

    The commit stands: DuckDB's WAL holds it until a checkpoint folds it into
    the database, which the next open does. The message reads ``committed run
    X; checkpoint failed (...)``; ``failures`` is what failed, ``summary`` the
    committed run's (when the transaction was a run's).
    """

    def __init__(self, what: str, failures: str, summary: RunSummary | None = None) -> None:
        super().__init__(f"committed {what}; {failures}: the commit stands, and the next run completes it")
        self.what = what
        self.failures = failures
        self.summary = summary

    def __reduce__(self) -> tuple[type[CheckpointFailed], tuple[str, str, RunSummary | None]]:
        """Pickled with its arguments (Prefect may carry a task's exception across processes)."""
        return (CheckpointFailed, (self.what, self.failures, self.summary))


class QueryRefused(ValueError):
    """SQL that ``Warehouse.query`` does not run: not exactly one read-only statement."""
