"""The pure text logic: characters, cleaning, line kinds, paragraphs, credits and segmentation.

Nothing here imports Prefect, DuckDB or the file system: text in, model objects out.
"""
