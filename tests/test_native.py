"""The mypyc-compiled segmentation modules: used only when they match the sources, and alike the plain Python.

``make native`` (scripts/build_native.py) compiles them into build/mypyc;
``tasks/_native.py`` decides at import whether they run. The comparison
segments the same pages in two fresh interpreters, one compiled and one with
``BANMIAN_PURE=1``, and wants the same ``repr`` of every result. It is
skipped when there is no up-to-date build (``make test`` makes one first).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from _paths import REPO, SAMPLE, SHARED
from tasks import _native
from test_properties import PIECES
from tests.pagegen import write_set

#: Segments the texts of a JSON file (a list) and prints {"compiled", "native", "results"} as JSON.
SEGMENT = """
import json, sys
import tasks
from tasks.segment import segment_page
texts = json.loads(open(sys.argv[1], encoding="utf-8").read())
print(json.dumps({"compiled": tasks.COMPILED, "native": tasks.NATIVE,
                  "results": [repr(segment_page(t)) for t in texts]}))
"""


def segment_in_subprocess(texts_file: Path, pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != _native.PURE_ENV}
    if pure:
        env[_native.PURE_ENV] = "1"
    done = subprocess.run([sys.executable, "-c", SEGMENT, str(texts_file)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600, check=True)
    return json.loads(done.stdout)


def random_texts(n: int, seed: int) -> list[str]:
    """Pages glued from newspaper pieces and random characters (any code point, surrogates too)."""
    rng = random.Random(seed)
    def noise() -> str:
        return "".join(chr(rng.choice([rng.randrange(0x20, 0x7f), rng.randrange(0x3000, 0x3040),
                                       rng.randrange(0x4e00, 0x9fff), rng.randrange(0xff00, 0xff60),
                                       rng.randrange(0, 0x110000)])) for _ in range(rng.randrange(7)))
    return ["".join(rng.choice(PIECES) if rng.random() < 0.7 else noise() for _ in range(rng.randrange(200)))
            for _ in range(n)]


@pytest.fixture(scope="module")
def up_to_date_build() -> Path:
    compiled, why = _native.check(environ={})
    if compiled is None:
        pytest.skip(f"no up-to-date compiled build ({why})")
    return compiled


def test_compiled_and_pure_segment_every_page_alike(up_to_date_build, tmp_path):
    pages = sorted(SAMPLE.glob("*.txt"))
    pages += [p for d in ("seeds", "wild") for p in sorted((SHARED / d).glob("*.txt"))]
    write_set(tmp_path / "gen", 120, 5, sidecar=False)
    pages += sorted((tmp_path / "gen" / "pages").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in pages] + random_texts(300, 1)
    texts_file = tmp_path / "texts.json"
    texts_file.write_text(json.dumps(texts), encoding="utf-8")

    compiled = segment_in_subprocess(texts_file, pure=False)
    pure = segment_in_subprocess(texts_file, pure=True)
    assert compiled["compiled"], compiled["native"]
    assert not pure["compiled"], pure["native"]
    differ = [i for i, (a, b) in enumerate(zip(compiled["results"], pure["results"])) if a != b]
    assert not differ, f"{len(differ)} of {len(texts)} pages differ, first: {texts[differ[0]][:200]!r}"
    assert len(compiled["results"]) == len(pure["results"]) == len(texts)


def test_compiled_modules_load_from_the_build(up_to_date_build):
    done = subprocess.run([sys.executable, "-c", "import tasks.segment, tasks.decode; "
                           "print(tasks.segment.__file__); print(tasks.decode.__file__)"],
                          cwd=REPO, capture_output=True, text=True, check=True,
                          env={k: v for k, v in os.environ.items() if k != _native.PURE_ENV})
    segment, decode = done.stdout.split()
    assert Path(segment).is_relative_to(up_to_date_build) and segment.endswith(_native.EXT_SUFFIX)
    assert decode == str(_native.TASKS_DIR / "decode.py")  # not compiled: the source


# --- the import-time check, on a build made up in tmp_path ---------------------------------


def fake_build(build: Path, **changes) -> Path:
    """A build dir whose manifest names tasks.lines and tasks.clean with their current hashes."""
    modules = {m: _native.source_hash(_native.source_path(m)) for m in ("tasks.lines", "tasks.clean")}
    manifest = {"modules": modules, "ext_suffix": _native.EXT_SUFFIX, "mypy": "x"} | changes
    (build / "tasks").mkdir(parents=True)
    for m in modules:
        (build / "tasks" / _native.module_file(m, _native.EXT_SUFFIX)).write_bytes(b"")
    (build / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return build


def test_a_build_of_these_sources_is_used(tmp_path):
    assert _native.check(fake_build(tmp_path), environ={}) == (tmp_path / "tasks", "compiled with mypyc x (2 modules)")


@pytest.mark.parametrize("value", ["1", "yes"])
def test_banmian_pure_turns_it_off(tmp_path, value):
    compiled, why = _native.check(fake_build(tmp_path), environ={"BANMIAN_PURE": value})
    assert compiled is None and "BANMIAN_PURE" in why
    assert _native.check(tmp_path, environ={"BANMIAN_PURE": "0"})[0] is not None


def test_an_edited_source_turns_it_off(tmp_path):
    build = fake_build(tmp_path)
    manifest = json.loads((build / "manifest.json").read_text())
    manifest["modules"]["tasks.lines"] = "0" * 64  # compiled from another tasks/lines.py
    (build / "manifest.json").write_text(json.dumps(manifest))
    compiled, why = _native.check(build, environ={})
    assert compiled is None and "tasks/lines.py changed" in why and "clean" not in why


def test_another_python_a_missing_module_or_no_build_turn_it_off(tmp_path):
    assert _native.check(fake_build(tmp_path / "a", ext_suffix=".cpython-312-x.so"), environ={})[0] is None
    build = fake_build(tmp_path / "b")
    (build / "tasks" / ("lines" + _native.EXT_SUFFIX)).unlink()
    assert _native.check(build, environ={})[0] is None
    assert _native.check(tmp_path / "none", environ={}) == (None, "pure Python (no compiled build: make native)")
    shutil.rmtree(build / "tasks")
    (build / "manifest.json").write_text("{not json")
    assert _native.check(build, environ={})[0] is None
