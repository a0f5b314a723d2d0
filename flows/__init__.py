"""Prefect flows of banmian (ingest)."""
