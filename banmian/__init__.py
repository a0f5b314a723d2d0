"""banmian: raw text of Chinese newspaper pages -> a queryable warehouse of articles.

Importing this package imports nothing heavy (no Prefect, no DuckDB), so
``banmian segment`` starts fast; the command line lives in :mod:`banmian.cli`.
The work is in :mod:`banmian.tasks`, the flows in :mod:`banmian.flows`, the
reporting views in :mod:`banmian.sql`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__version__ = "0.2.0"

#: The pages bundled with banmian (package data of ``banmian.data``), the default source of ``banmian run``.
SAMPLE_DIR: Path = Path(str(resources.files("banmian.data"))) / "sample"


def project_root(start: Path | None = None) -> Path:
    """The banmian checkout being worked in, else the working directory: where ``.prefect/`` and ``warehouse/`` live.

    In a checkout (an editable install, ``make run``) that is the repository,
    wherever the command is run from; an installed wheel has no checkout, so
    it is the directory the command runs in.
    """
    here = Path(__file__).resolve().parent.parent
    if (here / "pyproject.toml").is_file() and (here / "tasks").is_dir():
        return here
    return (start or Path.cwd()).resolve()
