"""Rows out: the Arrow schemas, the rows of a page, content-derived ids, and the Parquet + DuckDB warehouse."""
