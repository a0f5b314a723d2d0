"""The ``banmian`` command in subprocesses, as a user runs it: output, exit codes, no traceback noise."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from tests.support.bad_inputs import make_bad_inputs
from tests.support.paths import REPO, SAMPLE, SEED_GOLD
from tests.support.query_cases import QUERY_CASES, Outcome
from tests.support.warehouse_fixtures import run_info

from banmian.cli import display_width, format_table, main, rederive_page, run_failure, truncate_to_width
from banmian.tasks.store.errors import CheckpointFailed
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

    again = run_cli("run", "--workers", "2", cwd=tmp_path, prefect_home=home)
    assert again.returncode == 0 and "2 skipped" in again.stdout
    assert "no Dask cluster started" in again.stdout and "Segmenting on" not in again.stdout, again.stdout
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


def test_a_run_whose_report_fails_says_so_and_exits_partial(tmp_path: Path) -> None:
    """The report's child fails for real after the commit (its file's name is taken by a folder): the data is
    loaded, the closing summary says why and how to re-make the report, and the exit status is 1, as for rejects."""
    (tmp_path / "wh" / "report.html").mkdir(parents=True)
    proc = run_cli("run", "--warehouse", "wh", cwd=tmp_path, prefect_home=tmp_path / "ph")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert_no_noise(proc)
    assert "complete; its report was not written (see below). 2 pages loaded" in proc.stdout
    report_line = next(line for line in proc.stdout.splitlines() if line.startswith("Report:  NOT WRITTEN: "))
    assert "IsADirectoryError" in report_line
    assert report_line.endswith(f"re-make the report with: banmian report --warehouse {tmp_path / 'wh'} "
                                f"--out {tmp_path / 'wh' / 'report.html'}")
    assert Warehouse(tmp_path / "wh").query("SELECT count(*) AS n FROM pages").column(0)[0].as_py() == 2


def test_a_killed_report_child_is_said_to_be_killed() -> None:
    """A report child killed by a signal (the OOM killer) comes back as a bare BrokenProcessPool: say what it means."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from banmian.report_flow import report_failure

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as child:
        killed = child.submit(os.abort)  # the child dies of SIGABRT, as it would of the OOM killer's SIGKILL
        with pytest.raises(BrokenProcessPool) as raised:
            killed.result()
    reason = report_failure(raised.value, Path("/w h"), Path("/w h/report.html"))
    assert reason == ("its process was killed before it finished (out of memory?). The run's data is committed; "
                      "re-make the report with: banmian report --warehouse '/w h' --out '/w h/report.html'")


def test_a_cluster_is_started_only_for_files_to_read(tmp_path: Path) -> None:
    """``--workers`` starts no cluster when every file is unchanged; a new or touched file, or no warehouse, needs one."""
    from banmian import SAMPLE_DIR
    from banmian.cli import _anything_to_read

    sample_copy = tmp_path / "src"
    sample_copy.mkdir()
    for page in SAMPLE_DIR.glob("*.txt"):
        shutil.copy2(page, sample_copy / page.name)
    proc = run_cli("run", "--source", str(sample_copy), "--warehouse", "wh", cwd=tmp_path, prefect_home=tmp_path / "ph")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    wh = str(tmp_path / "wh")
    assert not _anything_to_read(str(sample_copy), wh)
    assert _anything_to_read(str(sample_copy), str(tmp_path / "no-warehouse"))
    page = next(sample_copy.glob("*.txt"))
    os.utime(page, (page.stat().st_atime, page.stat().st_mtime + 60))
    assert _anything_to_read(str(sample_copy), wh)
    (sample_copy / "new.txt").write_text("第1版\n新的一页。\n", encoding="utf-8")
    assert _anything_to_read(str(sample_copy), wh)


def test_run_missing_source_fails_fast_and_clearly(tmp_path: Path) -> None:
    proc = run_cli("run", "--source", str(tmp_path / "nope"), cwd=tmp_path, prefect_home=tmp_path / "ph")
    assert proc.returncode == 2
    assert "does not exist" in proc.stderr
    assert_no_noise(proc)
    assert "Starting Prefect" not in proc.stdout and not (tmp_path / "ph").exists()  # refused before Prefect starts


def test_runs_in_one_process_each_start_their_own_api(tmp_path: Path) -> None:
    """The temporary API's address is exported for Dask workers during a run, and taken back after it."""
    code = ("import os, sys; from banmian.cli import main; "
            "first = main(['run', '--warehouse', sys.argv[1]]); left = os.environ.get('PREFECT_API_URL'); "
            "second = main(['run', '--warehouse', sys.argv[1], '--full-refresh']); print('CODES', first, second, left)")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "ph")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "wh")], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert proc.stdout.strip().splitlines()[-1] == "CODES 0 0 None", proc.stdout[-2000:] + proc.stderr[-2000:]


@pytest.mark.parametrize("args,message", [
    (["query", "SELECT 1"], "no warehouse at"),
    (["compact"], "no warehouse at"),
    (["check"], "no warehouse at"),
    (["repair"], "no warehouse at"),
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
# banmian query / check / repair / compact on a warehouse of real pages (no Prefect)
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
    assert wh.check().problems == []


def test_query_prints_what_is_shown_and_counts_the_rest(sample_warehouse: Warehouse) -> None:
    proc = run_cli("query", "--warehouse", str(sample_warehouse.root), "--max-rows", "5",
                   "SELECT i FROM range(1000000) AS t(i) ORDER BY i", cwd=sample_warehouse.root.parent)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert [line.strip() for line in lines[2:-1]] == ["0", "1", "2", "3", "4"]
    assert lines[-1] == "(1000000 rows, 999995 not shown (--max-rows))"


def test_check_and_repair_a_lost_file_from_the_source_pages(tmp_path: Path) -> None:
    wh = load_real_pages(tmp_path / "warehouse", tmp_path / "pages")
    sql = "SELECT page_id, ordinal, headline, body FROM articles ORDER BY page_id, ordinal"
    before = wh.query(sql)
    whole = run_cli("check", cwd=tmp_path)
    assert whole.returncode == 0 and "whole" in whole.stdout, whole.stdout + whole.stderr
    lost = wh.root / str(wh.query("SELECT file FROM _manifest WHERE table_name = 'articles'").column(0)[0])
    lost.unlink()
    broken = run_cli("check", cwd=tmp_path)
    rel = lost.relative_to(wh.root).as_posix()
    assert broken.returncode == 1 and broken.stdout.splitlines()[0] == f"{rel}: missing", broken.stdout
    assert "run `banmian repair`" in broken.stdout.splitlines()[-1]
    repaired = run_cli("repair", cwd=tmp_path)
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert f"{rel}: missing: taken out of the warehouse" in repaired.stdout
    assert "2 pages read again from their sources" in repaired.stdout
    assert_no_noise(repaired)
    models = wh.query("SELECT models FROM runs WHERE source = 'banmian repair'").column(0).to_pylist()
    assert len(models) == 1 and str(models[0]).startswith("boundary:")  # recorded as for any run
    assert wh.query(sql).equals(before)
    assert run_cli("check", cwd=tmp_path).returncode == 0


def test_repair_drops_what_no_source_holds_and_says_so(tmp_path: Path) -> None:
    wh = load_real_pages(tmp_path / "warehouse", tmp_path / "pages")
    gone = sorted((tmp_path / "pages").glob("*.txt"))[0]
    gone.unlink()
    (wh.root / str(wh.query("SELECT file FROM _manifest WHERE table_name = 'sentences'").column(0)[0])).unlink()
    proc = run_cli("repair", cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"({gone}): no source holds it any more; its rows were dropped" in proc.stdout
    assert "1 pages read again" in proc.stdout
    assert wh.query("SELECT count(*) AS n FROM pages").column(0)[0].as_py() == 1
    assert run_cli("check", cwd=tmp_path).returncode == 0


def test_repair_rebuilds_a_truncated_catalogue(tmp_path: Path) -> None:
    wh = load_real_pages(tmp_path / "warehouse", tmp_path / "pages")
    sql = "SELECT * FROM page_coverage ORDER BY page_id"
    before = wh.query(sql)
    os.truncate(wh.db_path, 100_000)
    query = run_cli("query", sql, cwd=tmp_path)
    assert query.returncode == 2 and "`banmian repair`" in query.stderr
    assert_no_noise(query)
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 1 and check.stdout.startswith("banmian.duckdb: unreadable (")
    proc = run_cli("repair", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("Rebuilt banmian.duckdb from catalogue/ (the damaged one is kept as banmian.duckdb"
                                  ".damaged-")
    assert wh.query(sql).equals(before)
    wh.db_path.unlink()
    missing = run_cli("query", sql, cwd=tmp_path)
    assert missing.returncode == 2 and "banmian.duckdb is missing: `banmian repair` rebuilds it" in missing.stderr
    assert run_cli("repair", cwd=tmp_path).returncode == 0 and wh.query(sql).equals(before)


@contextmanager
def read_only(root: Path) -> Iterator[None]:
    """Make a directory tree unwritable for this user: chmod, or for root (who ignores modes) chattr +i."""
    if os.geteuid() != 0:
        paths = [root, *root.rglob("*")]
        modes = {p: p.stat().st_mode for p in paths}
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "-R", "+i", str(root)],
                                                        capture_output=True).returncode != 0:
        pytest.skip("running as root on a file system without chattr +i: no way to make a directory read-only")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-R", "-i", str(root)], check=True)


def test_compact_on_a_read_only_warehouse_is_one_line(tmp_path: Path) -> None:
    load_real_pages(tmp_path / "warehouse", tmp_path / "pages")
    with read_only(tmp_path / "warehouse"):
        proc = run_cli("compact", cwd=tmp_path)
        assert proc.returncode == 2 and proc.stdout == ""
        one_line_error(proc.stderr, "banmian compact: cannot write to the warehouse (")
        assert_no_noise(proc)
        assert run_cli("query", "SELECT count(*) FROM articles", cwd=tmp_path).returncode == 0
        assert run_cli("check", cwd=tmp_path).returncode == 0


def test_a_run_committed_before_its_checkpoint_failed_says_committed(tmp_path: Path) -> None:
    """What `banmian run` prints when the commit stood and what follows failed (a full disk: test_disk_full.py)."""
    exc = CheckpointFailed("run 20261206T000000Z-abc", "checkpoint failed (Could not write file: No space left)")
    line = run_failure(pickle.loads(pickle.dumps(exc)), tmp_path / "run.log")  # as Prefect may carry it
    assert line.startswith("committed run 20261206T000000Z-abc; checkpoint failed (Could not write file")
    assert "the commit stands" in line and "failed:" not in line
    assert run_failure(OSError("disk"), tmp_path / "run.log").startswith("the run failed: OSError: disk")


def _truncate_catalogue(root: Path) -> None:
    os.truncate(root / "banmian.duckdb", 100_000)


def _delete_a_file(root: Path) -> None:
    next((root / "data" / "blocks").glob("*.parquet")).unlink()


def _flip_a_byte(root: Path) -> None:
    path = next((root / "data" / "sentences").glob("*.parquet"))
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(("damage", "says"), [
    (_truncate_catalogue, "banmian compact: cannot open "),
    (_delete_a_file, "banmian compact: the warehouse is damaged: data/blocks/"),
    (_flip_a_byte, "banmian compact: the warehouse is damaged: data/sentences/"),
], ids=["truncated-catalogue", "missing-file", "changed-file"])
def test_compact_on_a_damaged_warehouse_is_one_line(tmp_path: Path, damage: Callable[[Path], None],
                                                    says: str) -> None:
    wh = load_real_pages(tmp_path / "warehouse", tmp_path / "pages")
    damage(wh.root)
    proc = run_cli("compact", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    one_line_error(proc.stderr, says)
    assert "banmian repair" in proc.stderr
    assert_no_noise(proc)


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
