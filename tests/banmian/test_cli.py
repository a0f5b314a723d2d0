"""The ``banmian`` command in subprocesses, as a user runs it: output, exit codes, no traceback noise."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.support.bad_inputs import make_bad_inputs
from tests.support.paths import REPO, SAMPLE, SEED_GOLD
from tests.support.query_cases import QUERY_CASES, Outcome
from tests.support.warehouse_fixtures import run_info

from banmian.cli import display_width, format_table, main, rederive_page, truncate_to_width
from banmian.tasks.store.warehouse import Warehouse


def _banmian() -> list[str]:
    """The installed console script when there is one (as `make run` uses it), else the module."""
    script = Path(sys.executable).parent / "banmian"
    return [str(script)] if script.exists() else [sys.executable, "-m", "banmian.cli"]


def run_cli(*args: str, cwd: Path, prefect_home: Path | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if prefect_home is not None:
        env["PREFECT_HOME"] = str(prefect_home)
    env.pop("PREFECT_API_URL", None)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [env.get("PYTHONPATH")])])
    return subprocess.run([*_banmian(), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout, stdin=subprocess.DEVNULL)


def assert_no_noise(proc: subprocess.CompletedProcess[str]) -> None:
    for stream in (proc.stdout, proc.stderr):
        assert "Traceback" not in stream, stream
        assert "Exception" not in stream, stream
        assert "Stopping temporary server" not in stream and "| INFO" not in stream, stream


# ---------------------------------------------------------------------------
# banmian segment: no Prefect, fast
# ---------------------------------------------------------------------------

def test_segment_out_writes_the_eval_shape(tmp_path: Path) -> None:
    pages = sorted(SAMPLE.glob("*.txt"))
    proc = run_cli("segment", *map(str, pages), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert_no_noise(proc)
    for page in pages:
        out = tmp_path / "out" / f"{page.stem}.json"
        text = out.read_text(encoding="utf-8")
        assert "\\u" not in text  # ensure_ascii=False: Chinese stays readable
        doc = json.loads(text)
        assert set(doc) == {"articles"} and doc["articles"]
        for a in doc["articles"]:
            assert set(a) == {"kind", "headline", "subheadline", "byline", "authors", "photographers", "blocks"}
            assert a["kind"] in ("news", "photo", "feature")
            assert all(set(b) == {"kind", "text"} and b["kind"] in ("p", "h") for b in a["blocks"])


def test_segment_out_is_scored_by_banmian_score(tmp_path: Path) -> None:
    proc = run_cli("segment", str(SAMPLE), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    scored = run_cli("score", str(SEED_GOLD), str(tmp_path / "out"), "--json", cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    total = json.loads(scored.stdout)["total"]
    assert total["pages"] == 2 and total["article_f1"] == 1.0


def test_segment_prints_full_json_without_out(tmp_path: Path) -> None:
    page = sorted(SAMPLE.glob("*.txt"))[0]
    proc = run_cli("segment", str(page), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert set(doc) == {"articles", "residue", "meta"}
    assert "first_line" in doc["articles"][0]


def test_segment_bad_file_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    good = sorted(SAMPLE.glob("*.txt"))[0]
    proc = run_cli("segment", str(good), str(tmp_path / "bin.txt"), str(tmp_path / "missing.txt"),
                   "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert proc.returncode == 1
    assert_no_noise(proc)
    assert "bin.txt" in proc.stderr and "(binary)" in proc.stderr and "missing.txt" in proc.stderr
    assert (tmp_path / "out" / f"{good.stem}.json").exists()


def test_segment_does_not_import_prefect_or_duckdb(tmp_path: Path) -> None:
    code = ("import sys; from banmian.cli import main; "
            "main(['segment', sys.argv[1], '--out', sys.argv[2]]); "
            "heavy = [m for m in ('prefect', 'duckdb', 'pyarrow') if m in sys.modules]; "
            "print('HEAVY:' + ','.join(heavy))")
    proc = subprocess.run([sys.executable, "-c", code, str(sorted(SAMPLE.glob("*.txt"))[0]), str(tmp_path)],
                          capture_output=True, text=True, check=True, cwd=REPO)
    assert proc.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_segment_starts_fast(tmp_path: Path) -> None:
    page = sorted(SAMPLE.glob("*.txt"))[0]
    run_cli("segment", str(page), cwd=tmp_path)  # warm the file cache
    started = time.perf_counter()
    proc = run_cli("segment", str(page), cwd=tmp_path)
    assert proc.returncode == 0
    assert time.perf_counter() - started < 3.0


# ---------------------------------------------------------------------------
# banmian run / query / compact: real Prefect (its own temporary API), real DuckDB
# ---------------------------------------------------------------------------

def test_run_query_compact_end_to_end(tmp_path: Path) -> None:
    home = tmp_path / "prefect-home"
    proc = run_cli("run", cwd=tmp_path, prefect_home=home)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert_no_noise(proc)
    assert proc.stderr == ""
    assert "2 pages loaded" in proc.stdout and "complete" in proc.stdout
    assert "banmian query" in proc.stdout and "Data:    warehouse/" in proc.stdout
    assert (home / "logs" / "banmian-run.log").exists()

    again = run_cli("run", cwd=tmp_path, prefect_home=home)
    assert again.returncode == 0 and "2 skipped" in again.stdout
    assert_no_noise(again)

    bad = make_bad_inputs(tmp_path / "bad", huge_mb=1)
    partial = run_cli("run", "--source", str(bad), "--warehouse", "wh-bad", cwd=tmp_path, prefect_home=home)
    assert partial.returncode == 1, partial.stdout + partial.stderr
    assert_no_noise(partial)
    assert "partial" in partial.stdout and "not_text" in partial.stdout

    q = run_cli("query", "SELECT kind, count(*) AS n FROM articles GROUP BY kind ORDER BY kind", cwd=tmp_path)
    assert q.returncode == 0, q.stderr
    assert_no_noise(q)
    lines = q.stdout.splitlines()
    assert lines[0].split(" | ")[0].strip() == "kind" and "rows)" in lines[-1]
    assert any(line.startswith("news") for line in lines)

    headlines = run_cli("query", "SELECT headline FROM articles WHERE headline IS NOT NULL LIMIT 3", cwd=tmp_path)
    assert headlines.returncode == 0 and "(3 rows)" in headlines.stdout

    refused = run_cli("query", "DROP VIEW articles", cwd=tmp_path)
    assert refused.returncode == 2 and refused.stderr.startswith("banmian query: refused: DROP statements")
    assert_no_noise(refused)

    compact = run_cli("compact", cwd=tmp_path)
    assert compact.returncode == 0, compact.stderr
    assert "Compacted" in compact.stdout


def test_run_missing_source_fails_fast_and_clearly(tmp_path: Path) -> None:
    started = time.perf_counter()
    proc = run_cli("run", "--source", str(tmp_path / "nope"), cwd=tmp_path, prefect_home=tmp_path / "ph")
    assert proc.returncode == 2
    assert "does not exist" in proc.stderr
    assert_no_noise(proc)
    assert time.perf_counter() - started < 10  # before Prefect starts


@pytest.mark.parametrize("args,message", [
    (["query", "SELECT 1"], "no warehouse at"),
    (["compact"], "no warehouse at"),
    (["frobnicate"], "invalid choice"),
    (["run", "--batch-size", "0"], "must be at least 1"),
    (["run", "--keep-runs", "-1"], "must be at least 0"),
    (["run", "--warehouse", "/dev/null"], "is not a directory"),
])
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert_no_noise(proc)
    assert not (tmp_path / "warehouse").exists()  # looking never creates a warehouse


def test_query_busy_or_bad_sql_is_one_line(tmp_path: Path) -> None:
    from banmian.tasks.store.warehouse import Warehouse
    with Warehouse(tmp_path / "warehouse").writer():
        pass  # an empty, valid warehouse
    proc = run_cli("query", "SELEC nonsense", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.startswith("banmian query: query failed")
    assert_no_noise(proc)


# ---------------------------------------------------------------------------
# banmian query on a warehouse of real pages (no Prefect)
# ---------------------------------------------------------------------------

def load_real_pages(root: Path, sources: Path) -> Warehouse:
    """A warehouse of the bundled pages, copied to ``sources``, decoded and segmented as a run does."""
    sources.mkdir(parents=True, exist_ok=True)
    for page in sorted(SAMPLE.glob("*.txt")):
        shutil.copy2(page, sources / page.name)
    pages = [rederive_page(str(p), hashlib.sha256(p.read_bytes()).hexdigest()) for p in sorted(sources.glob("*.txt"))]
    wh = Warehouse(root)
    with wh.writer() as w:
        w.commit_run(run_info(str(sources), len(pages)), pages, [], [])
    return wh


@pytest.fixture(scope="module")
def sample_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Warehouse:
    """A warehouse that the query cases must leave unchanged (they all read it)."""
    base = tmp_path_factory.mktemp("cli-query")
    (base / "elsewhere").mkdir()
    return load_real_pages(base / "warehouse", base / "pages")


def one_line_error(err: str, prefix: str) -> None:
    assert err.startswith(prefix) and err.count("\n") == 1, err


@pytest.mark.parametrize(("name", "sql", "outcome"), QUERY_CASES, ids=[case[0] for case in QUERY_CASES])
def test_query_is_read_only(sample_warehouse: Warehouse, capsys: pytest.CaptureFixture[str], name: str, sql: str,
                            outcome: Outcome) -> None:
    """The table of tests/support/query_cases.py through the command: refusals are one line and exit 2."""
    wh = sample_warehouse
    live = wh.root / str(wh.query("SELECT file FROM _manifest ORDER BY file LIMIT 1").column(0)[0])
    sql = sql.format(live=live, db=wh.db_path, data=wh.root / "data", elsewhere=wh.root.parent / "elsewhere")
    code = main(["query", "--warehouse", str(wh.root), sql])
    out, err = capsys.readouterr()
    if outcome == "ok":
        assert code == 0 and err == "" and "row" in out.splitlines()[-1]
    elif outcome == "error":
        assert code == 2 and err.startswith("banmian query: query failed: ")
    else:
        assert code == 2 and out == ""
        one_line_error(err, "banmian query: refused: ")


def test_query_prints_what_is_shown_and_counts_the_rest(sample_warehouse: Warehouse) -> None:
    proc = run_cli("query", "--warehouse", str(sample_warehouse.root), "--max-rows", "5",
                   "SELECT i FROM range(1000000) AS t(i) ORDER BY i", cwd=sample_warehouse.root.parent)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert [line.strip() for line in lines[2:-1]] == ["0", "1", "2", "3", "4"]
    assert lines[-1] == "(1000000 rows, 999995 not shown (--max-rows))"


# ---------------------------------------------------------------------------
# Table formatting (pure)
# ---------------------------------------------------------------------------

def test_wide_characters_align() -> None:
    table = format_table(["标题", "n"], [("深化服务改革", 1), ("abc", 22), (None, 3)])
    lines = table.splitlines()
    bar_columns = {display_width(line[: line.index("|")]) for line in lines if "|" in line}
    assert len(bar_columns) == 1, table  # the separator sits in the same terminal column on every line
    assert "NULL" in table
    assert lines[3].endswith("22") and lines[2].endswith(" 1")  # numbers right-aligned


def test_display_width_and_truncation() -> None:
    assert display_width("中文ab") == 6
    assert display_width("Ａ") == 2  # fullwidth
    assert display_width("e\u0301") == 1  # combining accent
    cut = truncate_to_width("深化服务改革解决群众难题", 9)
    assert cut.endswith("…") and display_width(cut) <= 9


def test_project_root_is_the_checkout() -> None:
    from banmian import SAMPLE_DIR, project_root
    assert project_root() == REPO and SAMPLE_DIR == SAMPLE
