"""Which build of the segmentation modules runs: the mypyc-compiled one or this source.

``make`` runs ``scripts/build_native.py``, which compiles ``tasks.segment``
and the ``tasks`` modules it imports with mypyc into ``build/mypyc/tasks/``
(never next to the sources) and records the sha256 of each source it
compiled in ``build/mypyc/manifest.json``. Importing ``tasks`` calls
:func:`check`: the compiled modules go first on the package's path only when
every one of them was compiled from exactly the source that is here now, and
for this Python. Otherwise (an edited file, no build, another Python, or
``BANMIAN_PURE=1``) every module is the plain Python in this directory, so an
edit takes effect at once, compiled again by the next ``make``.

The compiled modules call each other directly and share their classes, so
they are used all together or not at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import sysconfig
from collections.abc import Mapping
from pathlib import Path

#: The sources: this package's directory.
TASKS_DIR = Path(__file__).resolve().parent
#: Where scripts/build_native.py puts the compiled modules (``tasks/*.so``) and the manifest.
BUILD_DIR = TASKS_DIR.parent / "build" / "mypyc"
#: Environment variable: set to anything but ``""``/``0`` to run the plain Python.
PURE_ENV = "BANMIAN_PURE"
#: The suffix of this Python's extension modules (``.cpython-311-x86_64-linux-gnu.so``).
EXT_SUFFIX: str = sysconfig.get_config_var("EXT_SUFFIX") or ""


def source_hash(path: Path) -> str:
    """sha256 of a source file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def module_file(module: str, suffix: str = ".py") -> str:
    """A module's file name in the package's directory: ``tasks.lines`` -> ``lines.py`` (or ``lines`` + ``suffix``)."""
    return module.rpartition(".")[2] + suffix


def source_path(module: str) -> Path:
    """``tasks.lines`` -> ``<TASKS_DIR>/lines.py``."""
    return TASKS_DIR / module_file(module)


def read_manifest(build_dir: Path = BUILD_DIR) -> dict | None:
    """The build's manifest, or None when there is no readable one."""
    try:
        return json.loads((build_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def stale_sources(manifest: Mapping) -> list[str]:
    """Compiled modules whose source here differs from the one compiled (or is gone)."""
    stale = []
    for module, digest in manifest.get("modules", {}).items():
        try:
            same = source_hash(source_path(module)) == digest
        except OSError:
            same = False
        if not same:
            stale.append(module)
    return stale


def check(build_dir: Path = BUILD_DIR, environ: Mapping[str, str] = os.environ) -> tuple[Path | None, str]:
    """The directory of compiled modules to use (None: plain Python), and why, in a few words."""
    if environ.get(PURE_ENV, "") not in ("", "0"):
        return None, f"pure Python ({PURE_ENV}={environ[PURE_ENV]})"
    manifest = read_manifest(build_dir)
    if manifest is None:
        return None, "pure Python (no compiled build: make native)"
    if manifest.get("ext_suffix") != EXT_SUFFIX:
        return None, f"pure Python (compiled for {manifest.get('ext_suffix')}, this is {EXT_SUFFIX}: make native)"
    stale = stale_sources(manifest)
    if stale:
        files = ", ".join(f"tasks/{module_file(m)}" for m in stale)
        return None, f"pure Python ({files} changed since the compiled build: make native)"
    compiled = build_dir / "tasks"
    missing = [m for m in manifest["modules"] if not (compiled / module_file(m, EXT_SUFFIX)).is_file()]
    if not manifest["modules"] or missing:
        return None, "pure Python (incomplete compiled build: make native)"
    return compiled, f"compiled with mypyc {manifest.get('mypy', '?')} ({len(manifest['modules'])} modules)"
