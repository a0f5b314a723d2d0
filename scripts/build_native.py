"""Compile the segmentation modules with mypyc into build/mypyc (``make native``; ``make run``/``make test`` call it).

    python scripts/build_native.py [--strict] [--force] [--check]

Compiles ``tasks.segment`` and every ``tasks`` module it imports, directly or
not, into one mypyc group: ``build/mypyc/tasks/*.so`` and a
``manifest.json`` with the sha256 of each source compiled. Importing
``tasks`` uses them only while every source still has that hash
(:mod:`tasks._native`); the sources are never shadowed.

Does nothing when the build is up to date (same sources, mypy, Python and
this script). A failed build leaves plain Python running: it prints why and
exits 0, unless ``--strict`` (CI); it is not retried for the same sources
unless ``--force``. ``--check`` only says whether the build is up to date.
The build is made in a fresh directory and swapped in whole, so a running
process keeps the modules it loaded.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tasks import _native  # noqa: E402 - after the path

#: Compiled: these and every tasks module they import.
ROOTS = ("tasks.segment",)
#: One group: the modules call each other as C functions. Its shared library is tasks/_compiled__mypyc*.so.
GROUP = "tasks._compiled"
#: gcc -O1: compiles in about 13 s where -O3 takes 20, for under 2% more instructions a page.
OPT_LEVEL = "1"
WORK_DIR = REPO / "build" / "mypyc-work"  # C sources, objects, mypy's cache: reused by the next build
LOG = REPO / "build" / "mypyc.log"
FAILED = REPO / "build" / "mypyc-failed.json"


def closure(roots: tuple[str, ...] = ROOTS) -> list[str]:
    """The roots and every ``tasks`` module they import, read from the sources (``ast``)."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        tree = ast.parse(_native.source_path(module).read_bytes())
        for node in ast.walk(tree):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            todo += [n for n in names if n.startswith("tasks.") and n.count(".") == 1 and n != "tasks._native"]
    return sorted(seen)


def wanted(modules: list[str]) -> dict:
    """The manifest a build of ``modules`` made now would have."""
    return {
        "modules": {m: _native.source_hash(_native.source_path(m)) for m in modules},
        "ext_suffix": _native.EXT_SUFFIX,
        "python": sys.version.split()[0],
        "mypy": metadata.version("mypy"),
        "builder": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
    }


def build(modules: list[str], manifest: dict) -> None:
    """Compile ``modules`` and swap the result in as build/mypyc; raises CalledProcessError on failure."""
    out = _native.BUILD_DIR.with_name(f"mypyc.new-{os.getpid()}")
    shutil.rmtree(out, ignore_errors=True)
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    files = [str(_native.source_path(m).relative_to(REPO)) for m in modules]
    setup = (
        "import sys\n"
        "from setuptools import setup\n"
        "from mypyc.build import mypycify\n"
        f"ext = mypycify(['--cache-dir', {str(WORK_DIR / 'mypy-cache')!r}] + {files!r},\n"
        f"               target_dir={str(WORK_DIR / 'c')!r}, group_name={GROUP!r}, opt_level={OPT_LEVEL!r})\n"
        "setup(name='banmian-native', ext_modules=ext, script_args=['build_ext',\n"
        f"      '--build-lib', {str(out)!r}, '--build-temp', {str(WORK_DIR / 'obj')!r}])\n"
    )
    LOG.parent.mkdir(parents=True, exist_ok=True)
    try:
        with LOG.open("w") as log:
            subprocess.run([sys.executable, "-c", setup], cwd=REPO, stdout=log, stderr=subprocess.STDOUT, check=True)
        (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        old = _native.BUILD_DIR.with_name(f"mypyc.old-{os.getpid()}")
        if _native.BUILD_DIR.exists():
            _native.BUILD_DIR.rename(old)
        out.rename(_native.BUILD_DIR)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="exit 1 when the build fails (CI)")
    parser.add_argument("--force", action="store_true", help="build even when up to date or failed before")
    parser.add_argument("--check", action="store_true", help="exit 0 when up to date, 1 otherwise; build nothing")
    args = parser.parse_args(argv)

    modules = closure()
    try:
        manifest = wanted(modules)
    except metadata.PackageNotFoundError:
        print("native build: mypy is not installed (pip install -c constraints.txt -e '.[native]'); "
              "the segmentation runs as plain Python", file=sys.stderr)
        return 1 if args.strict or args.check else 0
    up_to_date = _native.read_manifest() == manifest
    if args.check:
        print("compiled build up to date" if up_to_date else "compiled build missing or stale")
        return 0 if up_to_date else 1
    if up_to_date and not args.force:
        return 0
    try:
        failed_before = json.loads(FAILED.read_text(encoding="utf-8")) == manifest
    except (OSError, ValueError):
        failed_before = False
    if failed_before and not args.force and not args.strict:
        print(f"native build: failed before for these sources (see {LOG.relative_to(REPO)}); plain Python runs. "
              "scripts/build_native.py --force retries", file=sys.stderr)
        return 0
    print(f"native build: compiling {len(modules)} modules with mypyc {manifest['mypy']} "
          f"({', '.join(_native.module_file(m, '') for m in modules)})...", file=sys.stderr)
    start = time.perf_counter()
    try:
        build(modules, manifest)
    except (subprocess.CalledProcessError, OSError) as exc:
        FAILED.write_text(json.dumps(manifest) + "\n", encoding="utf-8")
        tail = LOG.read_text(errors="replace").splitlines()[-15:] if LOG.exists() else []
        why = f"exit status {exc.returncode}" if isinstance(exc, subprocess.CalledProcessError) else str(exc)
        print("\n".join(tail), file=sys.stderr)
        print(f"native build FAILED ({why}; log: {LOG.relative_to(REPO)}): the segmentation runs as plain Python",
              file=sys.stderr)
        return 1 if args.strict else 0
    FAILED.unlink(missing_ok=True)
    print(f"native build: done in {time.perf_counter() - start:.0f} s -> {_native.BUILD_DIR.relative_to(REPO)}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
