"""Run mypy over the installed package layout: ``python -m tests.support.typecheck [PACKAGE ...]``.

banmian is one package, ``banmian.*``, installed from several top-level
folders (``tasks/`` is ``banmian.tasks``, ``flows/`` is ``banmian.flows``),
and an editable install maps them with an import hook that mypy cannot
follow. So mypy reads a mirror: a temporary ``banmian/`` directory whose
entries are symbolic links to ``banmian/*``, ``tasks/``, ``flows/``, ``sql/``
and ``data/``, exactly as the wheel lays them out.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from mypy import api

REPO = Path(__file__).resolve().parents[2]
#: Folders installed as subpackages of ``banmian`` (pyproject.toml's package-dir).
MAPPED = {"tasks": "tasks", "flows": "flows", "sql": "sql", "data": "data"}
#: What CI checks: the work and its orchestration.
DEFAULT_PACKAGES = ("banmian.tasks", "banmian.flows")


def mirror(root: Path) -> Path:
    """Lay ``banmian`` out under ``root`` as the wheel does, with links into the checkout; returns ``root``."""
    package = root / "banmian"
    package.mkdir()
    for entry in (REPO / "banmian").iterdir():
        if entry.name != "__pycache__":
            (package / entry.name).symlink_to(entry)
    for name, folder in MAPPED.items():
        (package / name).symlink_to(REPO / folder, target_is_directory=True)
    return root


def run_mypy(packages: Sequence[str] = DEFAULT_PACKAGES) -> tuple[int, str]:
    """mypy's exit status and report for ``packages``, with the project's ``[tool.mypy]`` settings."""
    with tempfile.TemporaryDirectory(prefix="banmian-mypy-") as tmp:
        root = mirror(Path(tmp))
        args = ["--config-file", str(REPO / "pyproject.toml"), "--cache-dir", str(root / ".mypy_cache")]
        for package in packages:
            args += ["-p", package]
        old = os.environ.get("MYPYPATH")
        os.environ["MYPYPATH"] = str(root)
        try:
            out, err, status = api.run(args)
        finally:
            if old is None:
                os.environ.pop("MYPYPATH", None)
            else:
                os.environ["MYPYPATH"] = old
        return status, (out + err).replace(str(root) + "/", "")


def main(argv: Sequence[str] | None = None) -> int:
    status, report = run_mypy(list(argv if argv is not None else sys.argv[1:]) or DEFAULT_PACKAGES)
    print(report, end="")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
