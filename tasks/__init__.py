"""banmian's work, as plain typed functions: ``text`` (pure text logic), ``ingest`` (files in), ``store`` (rows out).

``model`` holds the shapes that pass between the stages; ``prefect_tasks``
wraps the stages as thin Prefect tasks. Nothing but ``prefect_tasks`` imports
Prefect, and nothing but ``store`` imports DuckDB.
"""
