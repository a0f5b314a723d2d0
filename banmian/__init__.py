"""banmian: raw text of Chinese newspaper pages -> a queryable warehouse of articles.

Importing this package imports nothing heavy (no Prefect, no DuckDB), so
``banmian segment`` starts fast; the command line lives in :mod:`banmian.cli`.
"""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

#: The project checkout (the package is installed editable, so this is the repo).
REPO_ROOT: Path = Path(__file__).resolve().parent.parent

#: The pages bundled with the project, the default source of ``banmian run``.
SAMPLE_DIR: Path = REPO_ROOT / "data" / "sample"
