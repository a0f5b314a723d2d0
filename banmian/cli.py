"""The ``banmian`` command: run the ingest flow, segment files, query, compact, check and repair the warehouse.

Exit codes: 0 clean, 1 partial (some inputs rejected, pages without articles, or the report not written after
the run's commit), 2 failure or usage error.
``check``: 0 whole, 1 problems found (one line each), 2 could not check. ``repair``: 0 nothing lost (or
nothing to do), 1 some pages could not be rebuilt and were dropped, 2 could not repair.

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
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any, NoReturn, TextIO

from banmian import SAMPLE_DIR, __version__
from banmian.flows.defaults import BATCH_SIZE
# no duckdb: `query` checks for a warehouse before importing it
from banmian.tasks.store.layout import CATALOGUE_DIR, CATALOGUE_FILE, DATA_DIR, DB_FILE

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
    """Decode and segment files (text pages and page PDFs) without Prefect or a warehouse; JSON out."""
    from banmian.tasks.ingest.discover import SourceNotFound, discover, read_file
    from banmian.tasks.model import Reject

    sink = _SegmentSink(_segment_out_dir(args.out), compare=args.compare)
    for arg in args.files:
        try:
            files, rejects = discover(arg)
        except SourceNotFound as exc:
            print(f"banmian segment: {exc}", file=sys.stderr)
            sink.failed += 1
            continue
        for rej in rejects:
            sink.reject(rej)
        for raw in files:
            data = read_file(raw)
            if isinstance(data, Reject):
                sink.reject(data)
                continue
            for page, result in _segmented_pages(raw.path, data, raw.mtime):
                sink.take(page, result)
    return sink.finish()


def _segment_out_dir(out: str | None) -> Path | None:
    """``--out DIR``, made if missing; None without it."""
    if not out:
        return None
    out_dir = Path(out)
    if out_dir.exists() and not out_dir.is_dir():
        raise CliError(f"--out {out_dir} exists and is not a directory")
    out_dir.mkdir(parents=True, exist_ok=True)
    return out_dir


def _segmented_pages(path: str, data: bytes, mtime: float) -> Iterator[tuple[Any, Any]]:
    """``(page or reject, result or reject)`` of each page of a file: one for text, one per page for a PDF."""
    from banmian.tasks.ingest.decode import decode_page
    from banmian.tasks.ingest.pages import segment_decoded
    from banmian.tasks.model import Reject
    from banmian.tasks.pdf.pages import is_pdf, pdf_pages

    if is_pdf(path, data):
        yield from pdf_pages(path, data, mtime)
        return
    page = decode_page(path, data, mtime)
    yield page, None if isinstance(page, Reject) else segment_decoded(page)


def _out_stem(path: str) -> str:
    """The JSON file name of a page: its file's stem, and ``-pN`` for page N of a multi-page PDF.

    >>> _out_stem("/in/p3.txt"), _out_stem("/in/issue.pdf#page=2")
    ('p3', 'issue-p2')
    """
    base, _, page = path.partition("#page=")
    return Path(base).stem + (f"-p{page}" if page else "")


class _SegmentSink:
    """Where ``banmian segment`` puts each page: DIR/<stem>.json with ``--out``, else JSON on stdout at the end."""

    def __init__(self, out_dir: Path | None, compare: bool = False) -> None:
        self.out_dir = out_dir
        self.compare = compare  # show where the PDF and text paths disagree, instead of the results
        self.failed = 0
        self.written: dict[str, str] = {}
        self.results: list[tuple[str, dict[str, Any]]] = []

    def reject(self, rej: Any) -> None:
        print(f"banmian segment: {rej.path}: {rej.detail} ({rej.reason})", file=sys.stderr)
        self.failed += 1

    def take(self, page: Any, result: Any) -> None:
        """One page's result (or the reject of the page or of its segmentation)."""
        from banmian.tasks.model import Reject

        for refused in (page, result):
            if isinstance(refused, Reject):
                self.reject(refused)
                return
        if self.compare:
            self.show_comparison(page, result)
            return
        if self.out_dir is None:
            self.results.append((page.path, result.to_json()))
            return
        stem = _out_stem(page.path)
        target = self.out_dir / f"{stem}.json"
        if stem in self.written:
            print(f"banmian segment: {page.path}: not written, {target} already holds {self.written[stem]}",
                  file=sys.stderr)
            self.failed += 1
            return
        target.write_text(json.dumps(result.to_eval(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        self.written[stem] = page.path
        print(f"{page.path} -> {target}: {len(result.articles)} articles, {len(result.residue)} residue lines")

    def show_comparison(self, page: Any, result: Any) -> None:
        """``--compare``: a PDF page's two readings side by side (a text page has only one)."""
        from banmian.tasks.pdf.compare import compare_paths
        from banmian.tasks.pdf.pages import PDF_ENCODING

        if page.encoding != PDF_ENCODING:
            print(f"{page.path}: a text page, read by the text path only ({len(result.articles)} articles)")
            return
        print("\n".join(compare_paths(page.text, result).lines(page.path)))
        self.results.append((page.path, {}))

    def finish(self) -> int:
        """Print what is held for stdout (JSON for one page, JSON Lines for several); the exit code."""
        if self.out_dir is None and not self.compare:
            if len(self.results) == 1:
                print(json.dumps(self.results[0][1], ensure_ascii=False, indent=1))
            else:  # JSON Lines: one object per page
                for path, res in self.results:
                    print(json.dumps({"file": path, **res}, ensure_ascii=False))
        if self.failed and not (self.written or self.results):
            return EXIT_FAILURE
        return EXIT_PARTIAL if self.failed else EXIT_OK


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


def run_failure(exc: BaseException, log_path: Path) -> str:
    """The one line a failed ``banmian run`` prints; a run committed before the failure says so first."""
    from banmian.tasks.store.errors import CheckpointFailed

    if isinstance(exc, CheckpointFailed):  # "committed run X; checkpoint failed (...)"
        return f"{exc} (Prefect's log: {log_path})"
    return f"the run failed: {type(exc).__name__}: {exc} (Prefect's log: {log_path})"


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
    return run_exit_status(summary)


def run_exit_status(summary: Any) -> int:
    """``banmian run``'s exit status: partial (1) if some input was rejected or the report was not written.

    The report is drawn after the commit, so its failure leaves the load committed; like a reject it is
    something the user must see and act on, not a failed run.
    """
    partial = summary.status == "partial" or summary.rejects or summary.report_error
    return EXIT_PARTIAL if partial else EXIT_OK


def _run_flow(args: argparse.Namespace, warehouse: str, home: Path, printer: StoryPrinter, log_path: Path) -> Any:
    """Run the ingest flow on the API ``PREFECT_API_URL`` names, else on a running ``banmian server`` of this
    Prefect home (``prefect_env.running_server``), else on Prefect's temporary API started here; its summary."""
    out, started = printer.out, printer.started
    exported = not os.environ.get("PREFECT_API_URL")  # this run sets it, and takes it back at the end
    reused = _reuse_running_server(home) if exported else None
    own_server = exported and not reused
    print(f"banmian {__version__}: ingesting {_pretty_path(args.source)} into {_pretty_path(warehouse)}/"
          f"{f' (Prefect: the running banmian server at {reused})' if reused else ''}", file=out)
    if own_server:
        print(f"[{time.monotonic() - started:5.1f}s] Starting Prefect's local API (state in "
              f"{_pretty_path(str(home))}/; the first start takes 10-20 s) ...", file=out, flush=True)
    clock = time.perf_counter()
    if own_server:
        _start_own_server(out, started)
    server_started = time.perf_counter()
    import prefect  # noqa: F401 - imported here, after configure() and PREFECT_API_URL

    from banmian.flows.ingest import ingest
    from banmian.flows.timings import add_timings
    from banmian.tasks.ingest.discover import SourceNotFound
    from banmian.tasks.store.warehouse import SchemaError, WarehouseBusy

    imported = time.perf_counter()
    run_flow = _with_workers(ingest, args, out, started)
    add_timings({"imports": imported - server_started,
                 "prefect_start": server_started - clock + time.perf_counter() - imported})
    for name in ("prefect.flow_runs", "prefect.task_runs"):
        logging.getLogger(name).addHandler(printer)
    try:
        with _api_of_this_run():
            return run_flow(source=args.source, warehouse=warehouse, full_refresh=args.full_refresh,
                            batch_size=args.batch_size, wait=not args.no_wait, keep_runs=args.keep_runs,
                            path_pattern=args.path_pattern)
    except WarehouseBusy as exc:
        raise CliError(f"warehouse busy: {exc}") from None
    except (SourceNotFound, SchemaError) as exc:
        raise CliError(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - reported in one line; details in the log
        interrupt = _interrupt_behind(exc)
        if interrupt is not None:
            raise interrupt from None
        raise CliError(run_failure(exc, log_path)) from None
    finally:
        if exported:  # a later run in this process looks for its API afresh
            os.environ.pop("PREFECT_API_URL", None)


def _start_own_server(out: TextIO, started: float) -> None:
    """Start Prefect's temporary API here and point Prefect (this process's clients, Dask workers) at it.

    Started before Prefect is imported, by a module that imports neither Prefect nor its server code
    (FastAPI, its ORM, ~1,000 modules, ~78 MB of the run's peak RSS): the run's process never holds them (issue 19).
    """
    from banmian.prefect_server import start_owned_server

    server = start_owned_server()
    print(f"[{time.monotonic() - started:5.1f}s] Prefect ready.", file=out, flush=True)
    os.environ["PREFECT_API_URL"] = server.api_url


def _api_of_this_run() -> AbstractContextManager[Any]:
    """Prefect's settings pointed at the API ``PREFECT_API_URL`` names now, if Prefect read its settings before this
    run set it (a second run in one process, as ``banmian bench --rerun`` makes); else nothing to do."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    url = os.environ.get("PREFECT_API_URL")
    if not url or PREFECT_API_URL.value() == url:
        return nullcontext()
    return temporary_settings(updates={PREFECT_API_URL: url})


def _reuse_running_server(home: Path) -> str | None:
    """Point Prefect at the ``banmian server`` of this Prefect home if one answers (before Prefect is imported:
    it reads its settings once); its URL, or None."""
    from banmian.prefect_env import running_server

    url = running_server(home)
    if url:
        os.environ["PREFECT_API_URL"] = f"{url}/api"
    return url


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
    """The flow as is, or with its segmentation batches on Dask (``--workers N``, ``--dask-address``).

    A run with nothing to read starts no cluster: a local one takes seconds to start (a no-op re-run of
    10,000 pages on 2 workers spent 23.6 s of its 78 s starting and stopping one, on a loaded VM).
    """
    if args.workers <= 1 and not args.dask_address:
        return ingest
    if not args.full_refresh and not _anything_to_read(args.source, args.warehouse):
        print(f"[{time.monotonic() - started:5.1f}s] Every page file is unchanged since it was loaded: "
              "no Dask cluster started.", file=out, flush=True)
        return ingest
    from banmian.flows.parallel import dask_task_runner

    where = f"the Dask cluster at {args.dask_address}" if args.dask_address else f"{args.workers} local worker processes"
    print(f"[{time.monotonic() - started:5.1f}s] Segmenting on {where}.", file=out, flush=True)
    return ingest.with_options(task_runner=dask_task_runner(args.workers, args.dask_address))


def _anything_to_read(source: str, warehouse: str) -> bool:
    """Whether a run over ``source`` would read any file: one not loaded yet, or whose size or mtime moved.

    A read-only look before the run takes the writer lock, so it only decides whether to start workers:
    the run itself decides again under the lock. Any doubt (no warehouse, a busy or older one, a source
    that cannot be listed) answers True.
    """
    from banmian.flows.ingest import split_unchanged
    from banmian.tasks.ingest.discover import discover
    from banmian.tasks.store.warehouse import Warehouse

    if not (Path(warehouse) / DB_FILE).is_file():
        return True
    try:
        files, _ = discover(source)
        current = Warehouse(warehouse).query("SELECT path, size, mtime, page_id FROM page_sources WHERE current")
    except Exception:  # noqa: BLE001 - the run reports these itself; here they only mean "start the workers"
        return True
    known = {row["path"]: (row["size"], row["mtime"], row["page_id"]) for row in current.to_pylist()}
    to_read, _ = split_unchanged(files, known, full_refresh=False)
    return bool(to_read)


def _print_run_summary(summary: Any, args: argparse.Namespace, warehouse: str, elapsed: float,
                       prefect_home: Path, facts: dict[str, Any], out: TextIO) -> None:
    """The closing lines: what the run did, where the data is, how to look at it."""
    wh_flag = "" if os.path.abspath(args.warehouse) == os.path.abspath(DEFAULT_WAREHOUSE) \
        else f" --warehouse {_shell_quote(args.warehouse)}"
    share = facts.get("residue_share")
    residue = f"{summary.residue_chars} residue chars" + (f" ({share:.1%} of the text)" if share is not None else "")
    no_articles = facts.get("pages_without_articles") or 0
    print("", file=out)
    failed_report = "; its report was not written (see below)" if summary.report_error else ""
    print(f"Run {summary.run_id}: {summary.status}{failed_report}. {summary.pages_loaded} pages loaded, "
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
    if summary.report_error:
        print(f"Report:  NOT WRITTEN: {summary.report_error}", file=out)
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
# banmian query / compact / check / repair
# ---------------------------------------------------------------------------

def _has_catalogue_copy(root: Path) -> bool:
    return (root / CATALOGUE_DIR / CATALOGUE_FILE).is_file()


def _existing_warehouse(path: str, mending: bool = False) -> Any:
    """The Warehouse at ``path``; a CliError (not a new empty warehouse) if there is none.

    ``mending`` (check, repair): a warehouse whose catalogue is lost but whose copy is there will do.
    """
    root = Path(path)
    if not (root / DB_FILE).is_file() and not (mending and _has_catalogue_copy(root)):
        if _has_catalogue_copy(root):
            raise CliError(f"{root.absolute() / DB_FILE} is missing: `banmian repair"
                           f"{_warehouse_flag(path)}` rebuilds it from {CATALOGUE_DIR}/")
        raise CliError(f"no warehouse at {root.absolute()}: create it with `banmian run`{_warehouse_flag(path)}")
    from banmian.tasks.store.warehouse import Warehouse
    return Warehouse(root)


def output_file(arg: str) -> Path:
    """``--out FILE`` as a Path; a CliError if its folder does not exist (export, report)."""
    out = Path(arg)
    if not out.parent.is_dir():
        raise CliError(f"--out {arg}: no such folder {out.parent}")
    return out


def add_period_arguments(parser: argparse.ArgumentParser, what: str) -> None:
    """``--from DATE`` and ``--to DATE`` (YYYY-MM-DD) bounding the printed date of ``what`` (export, report)."""
    from banmian.search import _date

    for flag, dest, side in (("--from", "date_from", "on or after"), ("--to", "date_to", "on or before")):
        parser.add_argument(flag, dest=dest, type=_date, metavar="DATE",
                            help=f"only {what} printed {side} DATE (YYYY-MM-DD); undated pages drop out")


def _warehouse_flag(path: str) -> str:
    return "" if path == DEFAULT_WAREHOUSE else f" --warehouse {_shell_quote(path)}"


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _store_failure(exc: BaseException) -> CliError | None:
    """The one-line CliError for a warehouse that is busy, damaged, unwritable or too new; None for others."""
    import duckdb

    from banmian.tasks.store.catalogue import CatalogueCopyError
    from banmian.tasks.store.warehouse import CheckpointFailed, SchemaError, WarehouseBusy, WarehouseDamaged

    if isinstance(exc, WarehouseBusy):
        return CliError(f"warehouse busy: {exc}")
    if isinstance(exc, (WarehouseDamaged, SchemaError, CheckpointFailed, CatalogueCopyError)):
        return CliError(_one_line(exc))
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if exc.filename else ""
        return CliError(f"cannot write to the warehouse ({exc.strerror or exc}{where})")
    if isinstance(exc, duckdb.Error):
        return CliError(f"the warehouse cannot be used: {_one_line(exc)}; `banmian check` tells what is wrong")
    return None


@contextmanager
def _store_errors() -> Iterator[None]:
    """Turn a warehouse failure into a one-line CliError (exit 2), never a traceback."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - sorted by _store_failure; others propagate unchanged
        failure = _store_failure(exc)
        if failure is None:
            raise
        raise failure from None


def cmd_query(args: argparse.Namespace) -> int:
    """Run one read-only SQL statement; print its first ``--max-rows`` rows as an aligned table, and the count."""
    import duckdb

    from banmian.tasks.store.warehouse import QueryRefused

    wh = _existing_warehouse(args.warehouse)
    with _store_errors():  # busy, damaged: one line too
        try:
            preview = wh.preview(args.sql, args.max_rows)
        except QueryRefused as exc:
            raise CliError(f"refused: {exc}") from None
        except duckdb.PermissionException as exc:
            raise CliError(_denied(_one_line(exc), wh.root)) from None
        except duckdb.Error as exc:
            raise CliError(f"query failed: {str(exc).strip()}") from None
    table, total = preview.table, preview.total_rows
    if not table.column_names:
        print("(no result)")
        return EXIT_OK
    shown = list(zip(*(table.column(c).to_pylist() for c in table.column_names), strict=True))
    print(format_table(table.column_names, shown, max_col_width=args.max_width))
    more = f", {total - len(shown)} not shown (--max-rows)" if total > len(shown) else ""
    print(f"({total} row{'s' if total != 1 else ''}{more})")
    return EXIT_OK


def _denied(message: str, root: Path) -> str:
    """The line for a file access DuckDB denied; a view of an older banmian's copied warehouse says how to mend it.

    >>> print(_denied('Permission Error: Cannot access file "/etc/passwd" - disabled', Path("/w")))
    refused: Cannot access file "/etc/passwd" - disabled (banmian query reads only the warehouse's own data)
    >>> _denied('Permission Error: Cannot access file "/old/data/pages/a.parquet" - disabled', Path("/w")).endswith(
    ...     "one writer (`banmian run` or `banmian compact`) mends it)")
    True
    """
    text = message.removeprefix("Permission Error: ")
    if f"/{DATA_DIR}/" in text and ".parquet" in text and str(root) not in text:
        return (f"refused: {text} (the views of this copied or moved warehouse still hold the absolute paths an "
                "older banmian wrote; one writer (`banmian run` or `banmian compact`) mends it)")
    return f"refused: {text} (banmian query reads only the warehouse's own data)"


def cmd_compact(args: argparse.Namespace) -> int:
    """Merge the warehouse's Parquet files and drop rows of superseded page versions."""
    wh = _existing_warehouse(args.warehouse)
    with _store_errors():
        s = wh.compact(wait=not args.no_wait)
    print(f"Compacted {wh.root}: {s.files_before} -> {s.files_after} files, "
          f"{s.bytes_before / 1e6:.2f} -> {s.bytes_after / 1e6:.2f} MB, {s.rows_dropped} superseded rows "
          f"and {s.rejects_pruned} old reject rows dropped, catalogue {s.catalogue_bytes_before / 1e6:.2f} -> "
          f"{s.catalogue_bytes_after / 1e6:.2f} MB, {s.duration_s:.1f} s.")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Verify every file against the manifest, and the catalogue and its copy; one line per problem."""
    wh = _existing_warehouse(args.warehouse, mending=True)
    with _store_errors():
        report = wh.check(wait=not args.no_wait)
    for problem in report.problems:
        print(problem)
    checked = f"{report.files} files ({report.bytes / 1e6:.2f} MB)"
    if report.problems:
        n = len(report.problems)
        print(f"{n} problem{'s' if n != 1 else ''} in {wh.root} ({checked} checked): "
              f"run `banmian repair{_warehouse_flag(args.warehouse)}`")
        return EXIT_PARTIAL
    print(f"{wh.root}: whole. {checked} match their size and sha256; the catalogue and its copy agree.")
    return EXIT_OK


def rederive_page(path: str, page_id: str) -> Any:
    """The page at ``path`` read and segmented again, if it still holds ``page_id``; else None (for repair)."""
    from banmian.tasks.ingest.decode import decode_page
    from banmian.tasks.ingest.discover import read_file
    from banmian.tasks.ingest.pages import segment_decoded
    from banmian.tasks.model import RawFile, Reject

    try:
        stat = os.stat(path)
    except OSError:
        return None
    data = read_file(RawFile(path, stat.st_size, stat.st_mtime))
    page = data if isinstance(data, Reject) else decode_page(path, data, stat.st_mtime)
    if isinstance(page, Reject) or page.sha256 != page_id:
        return None
    return page, segment_decoded(page)


def _print_repair(report: Any) -> None:
    """What repair did, one line per fact."""
    if report.catalogue_rebuilt:
        kept = f" (the damaged one is kept as {', '.join(report.set_aside)})" if report.set_aside else ""
        print(f"Rebuilt {DB_FILE} from {CATALOGUE_DIR}/{kept}.")
    for problem in report.damaged:
        print(f"{problem}: taken out of the warehouse")
    if report.rebuilt:
        print(f"{len(report.rebuilt)} pages read again from their sources and stored by run {report.run_id}.")
    for page in report.dropped:
        where = ", ".join(page.paths) or "no current path"
        print(f"page {page.page_id[:16]} ({where}): no source holds it any more; its rows were dropped")
    if report.history_lost:
        print(f"{report.history_lost} superseded page versions lost their pages_history row.")
    if not (report.catalogue_rebuilt or report.damaged):
        print("Nothing to repair: every file matches the manifest.")


def cmd_repair(args: argparse.Namespace) -> int:
    """Rebuild the catalogue from its copy, and lost pages from their sources; report what could not be."""
    from banmian.tasks.text.segment import models_version

    wh = _existing_warehouse(args.warehouse, mending=True)
    with _store_errors():
        report = wh.repair(rederive_page, wait=not args.no_wait, models=models_version())
    _print_repair(report)
    return EXIT_OK if report.complete else EXIT_PARTIAL


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="banmian",
        description="Chinese newspaper page text -> articles in a Parquet + DuckDB warehouse.",
        epilog="Exit codes: 0 clean, 1 partial (some inputs rejected, pages without articles, or the report not "
               "written; for check: problems found; for repair: pages dropped), 2 failure or usage error.")
    parser.add_argument("--version", action="version", version=f"banmian {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="ingest pages into the warehouse (a Prefect flow run)",
                         description="Ingest pages (*.txt, and *.pdf: one page per PDF page) into the warehouse: unchanged files are skipped, "
                                     "bad files are rejected with a reason, the run commits atomically.")
    run.add_argument("--source", default=str(SAMPLE_DIR),
                     help="directory (all *.txt and *.pdf below it), glob pattern or single file "
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
    run.add_argument("--path-pattern", type=path_pattern_argument, default=None, metavar="REGEX",
                     help="read a page's issue from its path when its furniture prints none, with the named "
                          "groups year, month, day, page and paper (…/2023-08-25/03.txt, rmrb2018010207.txt "
                          "and 20230825_03.txt are read without one)")
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
    seg.add_argument("files", nargs="+", metavar="FILE",
                     help="page files, .txt or .pdf (each PDF page is a page; directories and globs also work)")
    seg.add_argument("--out", metavar="DIR", help="write DIR/<file stem>.json (the shape `banmian score` reads)")
    seg.add_argument("--compare", action="store_true",
                     help="for each PDF page, show where the PDF path and the text path (on the PDF's text) "
                          "disagree: articles only one finds, headlines that differ")
    seg.set_defaults(func=cmd_segment)

    # `banmian score` is defined in banmian/score.py
    from banmian.score import add_command as add_score_command

    add_score_command(sub)
    from banmian.bench_command import add_command as add_bench_command

    add_bench_command(sub)

    # `banmian search` is defined in banmian/search.py
    from banmian.search import add_command as add_search_command

    add_search_command(sub)
    from banmian.export import add_command as add_export_command

    add_export_command(sub)
    from banmian.report_command import add_command as add_report_command

    add_report_command(sub)

    query = sub.add_parser("query", help="run read-only SQL against the warehouse",
                           description="Run one read-only statement (SELECT, FROM, WITH, VALUES, DESCRIBE, SHOW, "
                                       "SUMMARIZE); anything that could write, or read outside the warehouse, is "
                                       "refused. Tables/views: pages, articles, blocks, sentences, residue, "
                                       "page_sources, runs, rejects, pages_history, tokens, article_terms, "
                                       "article_keywords, article_places; the table macro search('words').")
    query.add_argument("sql", metavar="SQL")
    query.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, metavar="DIR")
    query.add_argument("--max-rows", type=_positive_int, default=200, help="rows to print (default 200)")
    query.add_argument("--max-width", type=_positive_int, default=60, help="columns per cell (default 60)")
    query.set_defaults(func=cmd_query)

    _add_warehouse_command(sub, "compact", cmd_compact, "merge Parquet files, drop superseded rows",
                           "Merge each table's Parquet files into one and drop rows of superseded page versions.")
    _add_warehouse_command(sub, "check", cmd_check, "verify every file of the warehouse against its manifest",
                           "Verify every Parquet file against the size and sha256 the manifest keeps, and that "
                           "the catalogue and its copy are readable. One line per problem. Exit 0: whole; "
                           "1: problems found; 2: could not check.")
    _add_warehouse_command(sub, "repair", cmd_repair,
                           "rebuild a damaged warehouse from its catalogue copy and sources",
                           "Rebuild banmian.duckdb from catalogue/ if it is lost, and the pages of damaged Parquet "
                           "files from their source files if these still hold them; pages no source holds are "
                           "dropped and listed. Exit 0: nothing lost; 1: some pages dropped; 2: could not repair.")

    # `banmian server` and `banmian serve` are defined in banmian/serve.py
    from banmian.serve import add_commands

    add_commands(sub)
    return parser


def _add_warehouse_command(sub: Any, name: str, func: Callable[[argparse.Namespace], int], help_text: str,
                           description: str) -> None:
    """A subcommand that takes the warehouse's writer lock: ``--warehouse`` and ``--no-wait``."""
    cmd = sub.add_parser(name, help=help_text, description=description)
    cmd.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, metavar="DIR")
    cmd.add_argument("--no-wait", action="store_true", help="fail at once if a run is using the warehouse")
    cmd.set_defaults(func=func)


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


def path_pattern_argument(text: str) -> str:
    """An argparse type: a ``--path-pattern`` that compiles and names only groups banmian reads (run and serve)."""
    from banmian.tasks.ingest.dating import BadPathPattern, compile_path_pattern
    try:
        compile_path_pattern(text)
    except BadPathPattern as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--path-pattern ")) from None
    return text


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
