"""banmian as a user installs it: the wheel, in a fresh venv, run from a directory that is not the checkout.

An editable install finds sql/ and data/ in the checkout; a wheel has only
what pyproject.toml packages. Missing package data fails quietly (no report
views, a sample directory that is not there), so this test builds the wheel,
installs it alone into a throwaway venv and runs ``banmian run`` on the
bundled sample there, then asks every view for its rows.

The venv gets its dependencies without a download: after the wheel is
installed, a .pth file adds the site-packages directories of the interpreter
running the tests. Directories a .pth adds are not searched for further .pth
files, so the checkout's editable install (itself a .pth) stays invisible, and
the venv's own site-packages, with the wheel, comes first. Building the wheel
does download: pip fetches setuptools for the isolated build, as a user's
``pip install`` would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from banmian.tasks.store.warehouse import BASE_VIEWS
from tests.support.paths import REPO, SAMPLE

#: What the build does not need from the checkout (environments, outputs, caches, the tests).
NOT_BUILT = (".git", ".venv", "*.egg-info", "build", "dist", "__pycache__", ".prefect", ".pytest_cache",
             ".hypothesis", "warehouse", "out", "tests")
#: A safety net, not a measure: a build or run that hangs fails instead of blocking the suite.
HANG_S = 900
REPORT_VIEWS = tuple(sorted(p.stem for p in (REPO / "sql").glob("*.sql")))


def run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=HANG_S, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, f"{args} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


def user_environment() -> dict[str, str]:
    """This environment without what points at the checkout or the tests' Prefect: no PYTHONPATH, no PREFECT_*."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("PREFECT_")}


def dependency_dirs() -> list[str]:
    """The site-packages directories of the running interpreter (those its .pth files added included)."""
    return [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages") and Path(p).is_dir()]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """banmian's wheel, built from a copy of the checkout (the build writes into its source tree)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(*NOT_BUILT))
    run([sys.executable, "-m", "build", "--wheel", "--outdir", work / "dist", source], cwd=work)
    (built,) = (work / "dist").glob("banmian-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A throwaway venv holding the wheel; returns its bin/ directory."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    run([bin_dir / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
         "--no-index", wheel], cwd=env_dir, env=user_environment())
    site = Path(sysconfig.get_path("purelib", vars={"base": str(env_dir), "platbase": str(env_dir)}))
    (site / "_banmian_test_deps.pth").write_text("\n".join(dependency_dirs()) + "\n", encoding="utf-8")
    return bin_dir


def test_wheel_holds_the_views_and_the_sample(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"banmian/sql/{v}.sql" for v in REPORT_VIEWS} <= names
    assert {f"banmian/data/sample/{p.name}" for p in SAMPLE.glob("*.txt")} <= names
    assert {"banmian/flows/ingest.py", "banmian/tasks/text/segment/__init__.py"} <= names


def test_installed_banmian_is_the_wheel_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    code = "import banmian, banmian.tasks; print(banmian.__file__); print(banmian.tasks.__file__)"
    proc = run([installed / "python", "-c", code], cwd=tmp_path, env=user_environment())
    for path in proc.stdout.split():
        assert Path(path).is_relative_to(installed.parent), path


def test_run_on_the_sample_makes_every_view(installed: Path, tmp_path: Path) -> None:
    ran = run([installed / "banmian", "run", "--warehouse", "wh"], cwd=tmp_path, env=user_environment())
    assert f"{len(list(SAMPLE.glob('*.txt')))} pages loaded" in ran.stdout, ran.stdout
    assert (tmp_path / ".prefect").is_dir()  # an installed banmian keeps Prefect's state where it runs
    views = BASE_VIEWS + REPORT_VIEWS
    sql = " UNION ALL ".join(f"SELECT '{v}' AS view, count(*) AS n FROM {v}" for v in views)
    asked = run([installed / "banmian", "query", "--warehouse", "wh", "--max-rows", "100", sql],
                cwd=tmp_path, env=user_environment())
    lines = asked.stdout.splitlines()[2:-1]  # the rows: under the header and its rule, above "(N rows)"
    rows = {view.strip(): int(n) for view, n in (line.split(" | ") for line in lines)}
    assert set(rows) == set(views), asked.stdout
    assert rows["pages"] == rows["page_coverage"] == 2 and rows["articles"] > 0
