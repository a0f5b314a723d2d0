"""What can go wrong with a warehouse, as exceptions whose message is the one line a user reads.

``WarehouseBusy`` (``lock``) and ``SchemaError`` (``migrate``) live beside the code that raises them.
"""

from __future__ import annotations


class QueryRefused(ValueError):
    """SQL that ``Warehouse.query`` does not run: not exactly one read-only statement."""
