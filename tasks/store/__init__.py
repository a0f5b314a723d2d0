"""Rows out: the Parquet + DuckDB warehouse (start at ``warehouse``, which says where each part lives).

Pure: ``plan`` (what a run changes), ``records`` and ``schema`` (the rows and
their types), ``ids``, ``coverage`` (the residue share), ``views`` (SQL text),
``layout`` (file names). With files and DuckDB: ``warehouse`` (read, lock,
write), ``writer``, ``files``, ``lock``, ``migrate``; ``faults`` for the kill test.
"""
