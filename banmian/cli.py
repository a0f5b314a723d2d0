"""The ``banmian`` command: run the ingest flow, segment files, query and compact the warehouse.

Exit codes: 0 clean, 1 partial (some inputs rejected, or pages without articles), 2 failure or usage error.

Each subcommand imports only what it needs, inside its function: ``segment``
never imports Prefect or DuckDB (it starts in a fraction of a second), and
``run`` sets Prefect's environment before importing it.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TextIO

from banmian import SAMPLE_DIR, __version__
from banmian.flows.defaults import BATCH_SIZE
from banmian.tasks.store.layout import DB_FILE  # no duckdb: `query` checks for a warehouse before importing it

EXIT_OK, EXIT_PARTIAL, EXIT_FAILURE = 0, 1, 2
#: Exit status after Ctrl-C: 128 + SIGINT, as a shell reports a process killed by it.
EXIT_INTERRUPTED = 128 + signal.SIGINT
#: Signals that stop ``banmian run`` the way Ctrl-C does (systemd, a worker, a container, a closed terminal).
TERMINATION_SIGNALS: tuple[signal.Signals, ...] = (signal.SIGTERM, signal.SIGHUP)
DEFAULT_WAREHOUSE = "warehouse"


class CliError(Exception):
    """A failure to report in one line (no traceback) with exit code 2."""


# ---------------------------------------------------------------------------
# Text tables with wide (CJK) characters
# ---------------------------------------------------------------------------

def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: East Asian wide/fullwidth characters take two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def truncate_to_width(text: str, max_width: int) -> str:
    """``text`` cut to at most ``max_width`` columns, ending in … when cut."""
    if display_width(text) <= max_width:
        return text
    out, width = [], 0
    for ch in text:
        w = display_width(ch)
        if width + w > max_width - 1:
            break
        out.append(ch)
        width += w
    return "".join(out) + "…"


def pad_to_width(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def format_cell(value: Any) -> str:
    """One value as table text: NULL for null, lists as JSON, newlines and tabs made visible."""
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, (list, dict, tuple)):
        value = json.dumps(value, ensure_ascii=False, default=str)
    return str(value).replace("\r", "").replace("\n", "⏎").replace("\t", " ")


def format_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_col_width: int = 60) -> str:
    """An aligned text table; numeric columns right-aligned, cells cut at ``max_col_width`` columns."""
    cells = [[truncate_to_width(format_cell(v), max_col_width) for v in row] for row in rows]
    heads = [truncate_to_width(c, max_col_width) for c in columns]
    widths = [max([display_width(h)] + [display_width(r[i]) for r in cells]) for i, h in enumerate(heads)]
    numeric = [bool(rows) and all(isinstance(r[i], (int, float)) and not isinstance(r[i], bool)
                                  for r in rows if r[i] is not None) for i in range(len(columns))]
    lines = [" | ".join(pad_to_width(h, w) for h, w in zip(heads, widths, strict=True)).rstrip(),
             "-+-".join("-" * w for w in widths)]
    for r in cells:
        padded = (pad_to_width(c, w, right=n) for c, w, n in zip(r, widths, numeric, strict=True))
        lines.append(" | ".join(padded).rstrip())
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# banmian segment
# ---------------------------------------------------------------------------

def cmd_segment(args: argparse.Namespace) -> int:
    """Decode and segment files without Prefect or a warehouse; JSON out."""
    from banmian.tasks.ingest.decode import decode_page
    from banmian.tasks.ingest.discover import SourceNotFound, discover, read_file
    from banmian.tasks.model import Reject
    from banmian.tasks.ingest.pages import segment_decoded

    out_dir = Path(args.out) if args.out else None
    if out_dir is not None:
        if out_dir.exists() and not out_dir.is_dir():
            raise CliError(f"--out {out_dir} exists and is not a directory")
        out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    written: dict[str, str] = {}
    results: list[tuple[str, dict[str, Any]]] = []
    for arg in args.files:
        try:
            files, rejects = discover(arg)
        except SourceNotFound as exc:
            print(f"banmian segment: {exc}", file=sys.stderr)
            failed += 1
            continue
        for rej in rejects:
            print(f"banmian segment: {rej.path}: {rej.detail} ({rej.reason})", file=sys.stderr)
            failed += 1
        for raw in files:
            data = read_file(raw)
            page = data if isinstance(data, Reject) else decode_page(raw.path, data, raw.mtime)
            if isinstance(page, Reject):
                print(f"banmian segment: {page.path}: {page.detail} ({page.reason})", file=sys.stderr)
                failed += 1
                continue
            result = segment_decoded(page)
            if out_dir is None:
                results.append((raw.path, result.to_json()))
                continue
            stem = Path(raw.path).stem
            if stem in written:
                print(f"banmian segment: {raw.path}: not written, {out_dir / (stem + '.json')} "
                      f"already holds {written[stem]}", file=sys.stderr)
                failed += 1
                continue
            target = out_dir / f"{stem}.json"
            target.write_text(json.dumps(result.to_eval(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            written[stem] = raw.path
            print(f"{raw.path} -> {target}: {len(result.articles)} articles, {len(result.residue)} residue lines")
    if out_dir is None:
        if len(results) == 1:
            print(json.dumps(results[0][1], ensure_ascii=False, indent=1))
        else:  # JSON Lines: one object per file
            for path, res in results:
                print(json.dumps({"file": path, **res}, ensure_ascii=False))
    if failed and not (written or results):
        return EXIT_FAILURE
    return EXIT_PARTIAL if failed else EXIT_OK


# ---------------------------------------------------------------------------
# banmian run
# ---------------------------------------------------------------------------

class StoryPrinter(logging.Handler):
    """Shows the flow's story lines (log records marked ``banmian_story``) as concise terminal lines."""

    def __init__(self, out: TextIO, started: float) -> None:
        super().__init__(level=logging.INFO)
        self.out = out
        self.started = started
        self.facts: dict[str, Any] = {}  # structured extras of story lines, e.g. residue_share

    def emit(self, record: logging.LogRecord) -> None:
        if not getattr(record, "banmian_story", False):
            return
        for key in ("run_id", "residue_share", "pages_without_articles"):
            if hasattr(record, key):
                self.facts[key] = getattr(record, key)
        try:
            self.out.write(f"[{time.monotonic() - self.started:5.1f}s] {record.getMessage()}\n")
            self.out.flush()
        except Exception:  # noqa: BLE001 - a progress line must never break the run
            pass


@contextmanager
def stderr_into(path: Path) -> Iterator[TextIO]:
    """Send everything written to file descriptor 2 into ``path``, yielding a stream to the real stderr.

    Prefect's console logs, its temporary API server (a subprocess that
    inherits fd 2) and any shutdown chatter end up in the log file rather
    than the user's terminal; banmian's own messages use the yielded stream.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    real_stderr = os.fdopen(os.dup(saved), "w", encoding="utf-8", errors="replace", buffering=1)
    with open(path, "w", encoding="utf-8") as log:
        os.dup2(log.fileno(), 2)
        try:
            yield real_stderr
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            real_stderr.close()


def _check_source(source: str) -> None:
    """Fail fast, before Prefect's ~10 s start, if the source does not exist or its name is not text.

    A source named with GBK bytes would fail inside Prefect, whose flow parameters are UTF-8 JSON.
    """
    from banmian.tasks.ingest.discover import SourceNotFound, discover, require_text_source

    try:
        require_text_source(source)
        path = Path(source).expanduser()
        if path.exists() or path.is_symlink():
            return
        discover(source)
    except SourceNotFound as exc:
        raise CliError(str(exc)) from None


class Terminated(KeyboardInterrupt):
    """A termination signal reached ``banmian run``: it unwinds like Ctrl-C, and exits with 128 + the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextmanager
def termination_as_interrupt() -> Iterator[None]:
    """While inside, ``TERMINATION_SIGNALS`` raise ``Terminated`` in the main thread, as SIGINT raises KeyboardInterrupt.

    Left at their default, they end the process at once: no word to the user,
    the flow run left "Running" in Prefect. Raised as an exception, the flow
    run is marked crashed and the temporary API server is stopped on the way
    out. (During a flow run Prefect catches SIGTERM first, records the crash,
    then sends it again to this handler.)
    """
    def raise_terminated(signum: int, frame: object) -> None:
        raise Terminated(signum)

    previous = {sig: signal.signal(sig, raise_terminated) for sig in TERMINATION_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _run_committed(warehouse: str, run_id: str | None) -> bool | None:
    """Whether the warehouse holds run ``run_id`` (None: it could not be read).

    Asked after an interruption: the commit is one transaction, so the
    warehouse, not the point the flow had reached, tells whether it happened.
    """
    if run_id is None or not (Path(warehouse) / DB_FILE).is_file():
        return False  # the flow had not yet found its files, or never created the warehouse
    from banmian.tasks.store.warehouse import Warehouse

    try:
        found = Warehouse(warehouse).query("SELECT count(*) AS n FROM runs WHERE run_id = ?", [run_id])
    except Exception:  # noqa: BLE001 - a busy or damaged warehouse: say we cannot tell
        return None
    return bool(found.column("n")[0].as_py())


def _interrupted(exc: KeyboardInterrupt, warehouse: str, run_id: str | None, err: TextIO) -> int:
    """Say how ``banmian run`` was stopped and whether its run was committed; return the exit status."""
    stopped = f"terminated by {exc.args[0]}" if isinstance(exc, Terminated) else "interrupted"
    committed = _run_committed(warehouse, run_id)
    if committed:
        outcome = f"committed run {run_id} (the steps after the commit were cut short)"
    elif committed is None:
        outcome = (f"could not tell whether run {run_id} was committed: "
                   f"see `banmian query \"SELECT * FROM runs WHERE run_id = '{run_id}'\"`")
    else:
        outcome = "nothing was committed by the unfinished run"
    print(f"banmian run: {stopped}; {outcome}.", file=err, flush=True)
    return 128 + exc.signum if isinstance(exc, Terminated) else EXIT_INTERRUPTED


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"


def cmd_run(args: argparse.Namespace) -> int:
    """Run the ingest flow with concise progress on stdout and Prefect's own output in a log file.

    Ctrl-C, SIGTERM or SIGHUP stop it within seconds: the flow run is marked
    crashed, the temporary API server stopped, and the user told whether the
    run was committed (``_interrupted``).
    """
    started = time.monotonic()
    _check_source(args.source)
    warehouse = os.path.abspath(args.warehouse)
    if os.path.exists(warehouse) and not os.path.isdir(warehouse):
        raise CliError(f"--warehouse {args.warehouse} exists and is not a directory")

    from banmian.prefect_env import configure, shutdown_prefect

    home = configure(quiet_console=False)  # console output goes to the log file, so keep it all
    log_path = home / "logs" / "banmian-run.log"
    out = sys.stdout
    stopped: KeyboardInterrupt | None = None
    with stderr_into(log_path) as err, termination_as_interrupt():
        printer = StoryPrinter(out, started)
        try:
            summary = _run_flow(args, warehouse, home, printer, log_path)
        except CliError as exc:
            print(f"banmian run: {exc}", file=err)
            return EXIT_FAILURE
        except KeyboardInterrupt as exc:
            stopped = exc
        finally:
            for name in ("prefect.flow_runs", "prefect.task_runs"):
                logging.getLogger(name).removeHandler(printer)
            shutdown_prefect()
    if stopped is not None:
        _exit_at_once(_interrupted(stopped, warehouse, printer.facts.get("run_id"), sys.stderr))

    _print_run_summary(summary, args, warehouse, time.monotonic() - started, home, printer.facts, out)
    return EXIT_PARTIAL if summary.status == "partial" or summary.rejects else EXIT_OK


def _run_flow(args: argparse.Namespace, warehouse: str, home: Path, printer: StoryPrinter, log_path: Path) -> Any:
    """Start Prefect's temporary API (unless ``PREFECT_API_URL`` names one) and run the ingest flow; its summary."""
    out, started = printer.out, printer.started
    own_server = not os.environ.get("PREFECT_API_URL")
    print(f"banmian {__version__}: ingesting {_pretty_path(args.source)} into {_pretty_path(warehouse)}/", file=out)
    if own_server:
        print(f"[{time.monotonic() - started:5.1f}s] Starting Prefect's local API (state in "
              f"{_pretty_path(str(home))}/; the first start takes 10-20 s) ...", file=out, flush=True)
    clock = time.perf_counter()
    import prefect  # noqa: F401 - imported here, after configure()

    from banmian.flows.ingest import ingest
    from banmian.flows.timings import add_timings
    from banmian.prefect_server import start_owned_server
    from banmian.tasks.ingest.discover import SourceNotFound
    from banmian.tasks.store.warehouse import SchemaError, WarehouseBusy

    imported = time.perf_counter()
    if own_server:
        server = start_owned_server()
        print(f"[{time.monotonic() - started:5.1f}s] Prefect ready.", file=out, flush=True)
        os.environ["PREFECT_API_URL"] = server.api_url  # for Dask workers: they report to this API
    run_flow = _with_workers(ingest, args, out, started)
    add_timings({"imports": imported - clock, "prefect_start": time.perf_counter() - imported})
    for name in ("prefect.flow_runs", "prefect.task_runs"):
        logging.getLogger(name).addHandler(printer)
    try:
        return run_flow(source=args.source, warehouse=warehouse, full_refresh=args.full_refresh,
                      batch_size=args.batch_size, wait=not args.no_wait, keep_runs=args.keep_runs)
    except WarehouseBusy as exc:
        raise CliError(f"warehouse busy: {exc}") from None
    except (SourceNotFound, SchemaError) as exc:
        raise CliError(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - reported in one line; details in the log
        interrupt = _interrupt_behind(exc)
        if interrupt is not None:
            raise interrupt from None
        raise CliError(f"the run failed: {type(exc).__name__}: {exc} (Prefect's log: {log_path})") from None


def _interrupt_behind(exc: BaseException) -> KeyboardInterrupt | None:
    """The Ctrl-C (or ``Terminated``) that an exception was raised while handling, if any.

    Prefect 3.8 can lose an interrupt that lands while a task run is being
    created: its crash handling then fails with ``ValueError: Task run is not
    set``, which is what reaches us.
    """
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return cause
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


def _exit_at_once(status: int) -> NoReturn:
    """Exit now, skipping the interpreter's teardown: the user asked us to stop.

    Everything that matters is done (flow run marked, server stopped, the
    warehouse closed, our message written); what is left is the
    interpreter collecting the run's pages object by object, which took
    5-7 s after 200 pages and grows with the run.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(status)


def _with_workers(ingest: Any, args: argparse.Namespace, out: TextIO, started: float) -> Any:
    """The flow as is, or with its segmentation batches on Dask (``--workers N``, ``--dask-address``)."""
    if args.workers <= 1 and not args.dask_address:
        return ingest
    from banmian.flows.parallel import dask_task_runner

    where = f"the Dask cluster at {args.dask_address}" if args.dask_address else f"{args.workers} local worker processes"
    print(f"[{time.monotonic() - started:5.1f}s] Segmenting on {where}.", file=out, flush=True)
    return ingest.with_options(task_runner=dask_task_runner(args.workers, args.dask_address))


def _print_run_summary(summary: Any, args: argparse.Namespace, warehouse: str, elapsed: float,
                       prefect_home: Path, facts: dict[str, Any], out: TextIO) -> None:
    """The closing lines: what the run did, where the data is, how to look at it."""
    wh_flag = "" if os.path.abspath(args.warehouse) == os.path.abspath(DEFAULT_WAREHOUSE) \
        else f" --warehouse {_shell_quote(args.warehouse)}"
    share = facts.get("residue_share")
    residue = f"{summary.residue_chars} residue chars" + (f" ({share:.1%} of the text)" if share is not None else "")
    no_articles = facts.get("pages_without_articles") or 0
    print("", file=out)
    print(f"Run {summary.run_id}: {summary.status}. {summary.pages_loaded} pages loaded, "
          f"{summary.pages_skipped} skipped, {summary.pages_replaced} replaced; "
          f"{summary.articles} articles; {residue}; {summary.rejects} rejects"
          f"{f' ({no_articles} of them pages loaded without articles)' if no_articles else ''}; "
          f"{elapsed:.1f} s in all.", file=out)
    print(f"Data:    {_pretty_path(warehouse)}/ (Parquet under data/, DuckDB catalogue {DB_FILE})", file=out)
    me = _own_command()
    print(f"Query:   {me} query{wh_flag} \"SELECT headline, byline FROM articles LIMIT 10\"", file=out)
    if summary.rejects:
        print(f"Rejects: {me} query{wh_flag} \"SELECT path, reason, detail FROM rejects "
              f"WHERE run_id = '{summary.run_id}'\"", file=out)
    prefect_cli = Path(sys.executable).parent / "prefect"
    print(f"Prefect: flow runs and artifacts are kept in {_pretty_path(str(prefect_home))}/ ({_kept_runs(args)}); "
          f"browse them with PREFECT_HOME={_shell_quote(str(prefect_home))} {_pretty_path(str(prefect_cli))} "
          f"server start", file=out)


def _kept_runs(args: argparse.Namespace) -> str:
    """What ``--keep-runs`` / ``$BANMIAN_KEEP_RUNS`` amount to, in words."""
    from banmian.flows.retention import keep_runs_setting

    try:
        keep = keep_runs_setting(args.keep_runs)
    except ValueError as exc:
        return f"none pruned: {exc}"
    return "all runs" if keep == 0 else f"the newest {keep} runs"


def _own_command() -> str:
    """How the user can call banmian again: plain ``banmian`` if that is on PATH, else this script's path."""
    import shutil

    script = Path(sys.argv[0])
    if script.name != "banmian":
        return "banmian"
    on_path = shutil.which("banmian")
    if on_path and Path(on_path).resolve() == script.resolve():
        return "banmian"
    return _pretty_path(str(script))


def _pretty_path(path: str) -> str:
    """``path`` relative to the current directory when it lies below it (shorter lines), else as is."""
    try:
        rel = Path(path).resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return path
    return str(rel) if str(rel) != "." else "."


def _shell_quote(text: str) -> str:
    import shlex
    return shlex.quote(text)


# ---------------------------------------------------------------------------
# banmian query / compact
# ---------------------------------------------------------------------------

def _existing_warehouse(path: str) -> Any:
    """The Warehouse at ``path``; a CliError (not a new empty warehouse) if there is none."""
    root = Path(path)
    if not (root / DB_FILE).is_file():
        raise CliError(f"no warehouse at {root.absolute()}: create it with `banmian run`"
                       + ("" if path == DEFAULT_WAREHOUSE else f" --warehouse {_shell_quote(path)}"))
    from banmian.tasks.store.warehouse import Warehouse
    return Warehouse(root)


def cmd_query(args: argparse.Namespace) -> int:
    """Run one read-only SQL statement and print the result as an aligned table."""
    import duckdb

    from banmian.tasks.store.warehouse import WarehouseBusy

    wh = _existing_warehouse(args.warehouse)
    try:
        table = wh.query(args.sql)
    except WarehouseBusy as exc:
        raise CliError(f"warehouse busy: {exc}") from None
    except duckdb.Error as exc:
        raise CliError(f"query failed: {str(exc).strip()}") from None
    columns = table.column_names
    if not columns:
        print("(no result)")
        return EXIT_OK
    rows = list(zip(*(table.column(c).to_pylist() for c in columns), strict=True)) if table.num_rows else []
    shown = rows[: args.max_rows]
    print(format_table(columns, shown, max_col_width=args.max_width))
    more = f", {len(rows) - len(shown)} not shown (--max-rows)" if len(rows) > len(shown) else ""
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''}{more})")
    return EXIT_OK


def cmd_compact(args: argparse.Namespace) -> int:
    """Merge the warehouse's Parquet files and drop rows of superseded page versions."""
    from banmian.tasks.store.warehouse import WarehouseBusy

    wh = _existing_warehouse(args.warehouse)
    try:
        s = wh.compact(wait=not args.no_wait)
    except WarehouseBusy as exc:
        raise CliError(f"warehouse busy: {exc}") from None
    print(f"Compacted {wh.root}: {s.files_before} -> {s.files_after} files, "
          f"{s.bytes_before / 1e6:.2f} -> {s.bytes_after / 1e6:.2f} MB, {s.rows_dropped} superseded rows "
          f"and {s.rejects_pruned} old reject rows dropped, {s.duration_s:.1f} s.")
    return EXIT_OK


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="banmian",
        description="Chinese newspaper page text -> articles in a Parquet + DuckDB warehouse.",
        epilog="Exit codes: 0 clean, 1 partial (some inputs rejected, or pages without articles), "
               "2 failure or usage error.")
    parser.add_argument("--version", action="version", version=f"banmian {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="ingest pages into the warehouse (a Prefect flow run)",
                         description="Ingest *.txt pages into the warehouse: unchanged files are skipped, "
                                     "bad files are rejected with a reason, the run commits atomically.")
    run.add_argument("--source", default=str(SAMPLE_DIR),
                     help="directory (all *.txt below it), glob pattern or single file "
                          "(default: the bundled sample, data/sample)")
    run.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, metavar="DIR",
                     help="warehouse directory, created if missing (default: ./warehouse)")
    run.add_argument("--full-refresh", action="store_true",
                     help="re-read and re-segment every file, and forget paths no longer found")
    run.add_argument("--no-wait", action="store_true",
                     help="fail at once if another run is using the warehouse, instead of waiting")
    run.add_argument("--keep-runs", type=_non_negative_int, default=None, metavar="N",
                     help="Prefect keeps its records (flow runs, task runs, logs, artifacts) of the newest N "
                          "ingest runs and deletes older ones after the run; 0 keeps all "
                          "(default: $BANMIAN_KEEP_RUNS, else 100)")
    run.add_argument("--batch-size", type=_positive_int, default=BATCH_SIZE, help=argparse.SUPPRESS)
    run.add_argument("--workers", type=_positive_int, default=1, metavar="N",
                     help="segment batches in N worker processes (a local Dask cluster; default 1: in-process)")
    run.add_argument("--dask-address", metavar="tcp://HOST:8786",
                     help="segment batches on this running Dask scheduler; its workers must see the source "
                          "and warehouse at the same paths and reach the same Prefect API ($PREFECT_API_URL)")
    run.set_defaults(func=cmd_run)

    seg = sub.add_parser("segment", help="segment files into JSON (no Prefect, no warehouse)",
                         description="Decode and segment page files. With --out, write DIR/<stem>.json in the "
                                     "evaluation shape; without, print the full result as JSON (one file) "
                                     "or JSON Lines (several files).")
    seg.add_argument("files", nargs="+", metavar="FILE", help="page files (directories and globs also work)")
    seg.add_argument("--out", metavar="DIR", help="write DIR/<file stem>.json (shape read by shared/eval/score.py)")
    seg.set_defaults(func=cmd_segment)

    # `banmian score` is defined in banmian/score.py
    from banmian.score import add_command as add_score_command

    add_score_command(sub)
    from banmian.bench_command import add_command as add_bench_command

    add_bench_command(sub)

    # `banmian search` is defined in banmian/search.py
    from banmian.search import add_command as add_search_command

    add_search_command(sub)

    query = sub.add_parser("query", help="run read-only SQL against the warehouse",
                           description="Run one read-only SQL statement. Tables/views: pages, articles, blocks, "
                                       "sentences, residue, page_sources, runs, rejects, pages_history, "
                                       "tokens, article_terms, article_keywords, article_places; "
                                       "the table macro search('words').")
    query.add_argument("sql", metavar="SQL")
    query.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, metavar="DIR")
    query.add_argument("--max-rows", type=_positive_int, default=200, help="rows to print (default 200)")
    query.add_argument("--max-width", type=_positive_int, default=60, help="columns per cell (default 60)")
    query.set_defaults(func=cmd_query)

    compact = sub.add_parser("compact", help="merge Parquet files, drop superseded rows")
    compact.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, metavar="DIR")
    compact.add_argument("--no-wait", action="store_true", help="fail at once if a run is using the warehouse")
    compact.set_defaults(func=cmd_compact)

    # `banmian server` and `banmian serve` are defined in banmian/serve.py
    from banmian.serve import add_commands

    add_commands(sub)
    return parser


def _int_at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number no smaller than ``minimum``, with a clear message otherwise."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value
    return parse


_positive_int = _int_at_least(1)
_non_negative_int = _int_at_least(0)


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point: parse, dispatch, and turn known failures into one line and exit 2."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except CliError as exc:
        print(f"banmian {args.command}: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print(f"banmian {args.command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `banmian query ... | head`
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:
            pass
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
