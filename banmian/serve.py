"""``banmian server`` and ``banmian serve``: a local Prefect UI, and the ingest flow on a schedule.

``banmian server`` runs ``prefect server start`` (API + UI) bound to
loopback, with the project's Prefect home (``<repo>/.prefect`` unless
``PREFECT_HOME`` is set) and analytics off, so no data leaves the machine.

``banmian serve --cron "0 6 * * *"`` registers the ``banmian-ingest`` flow
as the deployment ``banmian-ingest/daily`` with that schedule on that
server and executes its runs (scheduled ones, and those started from the UI
or with ``prefect deployment run``) until Ctrl-C. On exit the schedule is
paused by default, so runs do not pile up as "Late" while nothing serves
them; ``--keep-schedule`` leaves it active. Serving again resumes it.

``prefect.yaml`` at the repository root describes the same deployment for
users who run work pools and workers instead of ``serve``.

Nothing here imports Prefect at module level: ``banmian --help`` stays fast,
and Prefect's environment is set (:mod:`banmian.prefect_env`) before it is.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
from typing import TYPE_CHECKING, TextIO

from banmian import SAMPLE_DIR, __version__
from banmian.flows.defaults import BATCH_SIZE, FLOW_NAME

if TYPE_CHECKING:  # Prefect is imported only where it runs (module docstring)
    from prefect.deployments.runner import RunnerDeployment

LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 4200
DEFAULT_CRON = "0 6 * * *"
DEFAULT_DEPLOYMENT = "daily"
#: How long ``banmian server`` gives Prefect to stop after Ctrl-C before killing it.
STOP_TIMEOUT_S = 20.0


def base_url(host: str = LOOPBACK, port: int = DEFAULT_PORT) -> str:
    return f"http://{host}:{port}"


#: Prefect's database vacuum for the long-running server (values the user exported win):
#: besides old events (Prefect's default), delete finished flow runs older than
#: PREFECT_SERVER_SERVICES_DB_VACUUM_RETENTION_PERIOD (Prefect's default: 90 days) with
#: their logs and artifacts, and once a day logs and artifacts whose flow run is gone.
SERVER_VACUUM_DEFAULTS = {
    "PREFECT_SERVER_SERVICES_DB_VACUUM_ENABLED": "events,flow_runs,orphans",
}


def server_environment(host: str = LOOPBACK, port: int = DEFAULT_PORT,
                       env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of ``prefect server start``: loopback, this port, no analytics, no upsell,
    and the database vacuum on (:data:`SERVER_VACUUM_DEFAULTS`).

    Expects :func:`banmian.prefect_env.configure` to have filled in
    ``PREFECT_HOME`` (the server keeps its SQLite database there).
    """
    env = dict(os.environ if env is None else env)
    for key, value in SERVER_VACUUM_DEFAULTS.items():
        env.setdefault(key, value)
    url = base_url(host, port)
    env.update({
        "PREFECT_SERVER_API_HOST": host,
        "PREFECT_SERVER_API_PORT": str(port),
        "PREFECT_API_URL": f"{url}/api",       # what the server's own clients would use
        "PREFECT_UI_API_URL": f"{url}/api",    # what the browser talks to, even if the user's PREFECT_API_URL differs
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_UI_SHOW_PROMOTIONAL_CONTENT": "false",
    })
    return env


def server_command(host: str = LOOPBACK, port: int = DEFAULT_PORT) -> list[str]:
    """``prefect server start`` with this interpreter (so the project's pinned Prefect),
    never prompting (it would offer to edit the user's Prefect profile).

    It runs through :mod:`banmian.server_child`, tied to this process: when
    ``banmian server`` is killed in a way it cannot handle (``kill -9``, the
    OOM killer), the kernel stops the Prefect server too, instead of leaving it
    holding the port and the Prefect home's database.
    """
    return [sys.executable, "-m", "banmian.server_child", str(os.getpid()), "prefect", "--no-prompt",
            "server", "start", "--host", host, "--port", str(port), "--analytics-off"]


def is_healthy(api_url: str, timeout: float = 2.0) -> bool:
    """Whether a Prefect API answers ``GET {api_url}/health``."""
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def port_in_use(host: str, port: int) -> bool:
    """Something listens on ``host:port`` (a bind fails, TIME_WAIT aside, as for a server that reuses addresses)."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return True
    return False


# ---------------------------------------------------------------------------
# banmian server
# ---------------------------------------------------------------------------

def run_server(host: str = LOOPBACK, port: int = DEFAULT_PORT, *, out: TextIO | None = None,
               ready_timeout: float = 120.0) -> int:
    """Run the Prefect API and UI in the foreground until Ctrl-C (or SIGTERM); return its exit code.

    Prefect runs as a child process in our process group, so a terminal's
    Ctrl-C reaches it directly; a signal sent to this process alone is
    forwarded (as SIGTERM, which uvicorn handles like a first Ctrl-C, so a
    doubled signal never turns into a forced, unclean exit).
    """
    from banmian.prefect_env import configure, forget_server, note_server

    out = out or sys.stdout
    home = configure(quiet_console=False)
    url = base_url(host, port)
    _refuse_a_busy_port(host, port)
    print(f"banmian {__version__}: starting the Prefect API and UI on {url} "
          f"(state in {home}; analytics off; loopback only) ...", file=out, flush=True)

    proc = subprocess.Popen(server_command(host, port), env=server_environment(host, port))
    note_server(home, url)  # `banmian run` on this home uses this server while it answers
    stopping: list[int] = []

    def forward(signum: int, _frame: object) -> None:
        if not stopping and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        stopping.append(signum)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        _announce_when_ready(proc, url, stopping, ready_timeout, out)
        returncode = _wait_for_exit(proc, stopping)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        forget_server(home, url)
        if proc.poll() is None:  # an exception in this function: never leave the server behind
            proc.kill()
            proc.wait()
    if stopping:
        print("banmian server: stopped.", file=out, flush=True)
        return 0 if returncode in (0, -signal.SIGTERM, -signal.SIGINT) else returncode
    return returncode


def _refuse_a_busy_port(host: str, port: int) -> None:
    from banmian.cli import CliError

    if port_in_use(host, port):
        hint = " (a Prefect server is already answering there)" if is_healthy(f"{base_url(host, port)}/api") else ""
        raise CliError(f"port {port} on {host} is in use{hint}; pick another with --port")


def _announce_when_ready(proc: subprocess.Popen[bytes], url: str, stopping: list[int], ready_timeout: float,
                         out: TextIO) -> None:
    """Say where the UI is once the API answers (or that it does not, after ``ready_timeout``)."""
    started = time.monotonic()
    while proc.poll() is None and not stopping:
        if is_healthy(f"{url}/api", timeout=1.0):
            print(_server_ready_message(url, time.monotonic() - started), file=out, flush=True)
            return
        if time.monotonic() - started > ready_timeout:
            print(f"banmian server: the API does not answer at {url}/api after {ready_timeout:.0f} s; "
                  f"see Prefect's output above.", file=sys.stderr, flush=True)
            return
        time.sleep(0.5)


def _wait_for_exit(proc: subprocess.Popen[bytes], stopping: list[int]) -> int:
    """Prefect's exit code; once asked to stop, it gets ``STOP_TIMEOUT_S`` before it is killed."""
    kill_at: float | None = None
    while True:
        try:
            return proc.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            if stopping and kill_at is None:
                kill_at = time.monotonic() + STOP_TIMEOUT_S
            if kill_at is not None and time.monotonic() > kill_at:
                print(f"banmian server: Prefect did not stop within {STOP_TIMEOUT_S:.0f} s, killing it.",
                      file=sys.stderr, flush=True)
                proc.kill()
                kill_at = float("inf")


def _server_ready_message(url: str, seconds: float) -> str:
    api = "" if url == base_url() else f" --api-url {url}/api"
    return (f"\nPrefect UI ready after {seconds:.0f} s: {url}\n"
            f"Serve the ingest flow on a schedule, from another terminal:\n"
            f"    banmian serve --cron \"{DEFAULT_CRON}\"{api}\n"
            f"Point other Prefect clients (prefect CLI, workers) at this server with:\n"
            f"    export PREFECT_API_URL={url}/api\n"
            f"Ctrl-C stops the server.\n")


# ---------------------------------------------------------------------------
# banmian serve
# ---------------------------------------------------------------------------

def local_timezone() -> str:
    """The machine's IANA time zone name (for cron schedules), or UTC if it cannot be told."""
    try:
        import tzlocal  # a dependency of Prefect's dependencies; optional here

        name = tzlocal.get_localzone_name()
    except Exception:  # noqa: BLE001 - any trouble: fall back to UTC
        return "UTC"
    return "UTC" if not name or name in ("Etc/UTC", "Etc/Universal", "Universal", "Zulu") else name


def validate_schedule(cron: str, timezone: str) -> None:
    """Raise CliError with Prefect's own reason if the cron string or time zone is invalid."""
    from prefect.client.schemas.schedules import CronSchedule
    from pydantic import ValidationError

    from banmian.cli import CliError

    try:
        CronSchedule(cron=cron, timezone=timezone)
    except ValidationError as exc:
        reasons = "; ".join(str(e.get("msg", e)).removeprefix("Value error, ") for e in exc.errors())
        raise CliError(f"invalid schedule: {reasons}") from None


def deployment_parameters(source: str, warehouse: str, full_refresh: bool, batch_size: int,
                          path_pattern: str | None) -> dict[str, object]:
    """The ingest flow's parameters each scheduled run gets: what ``banmian run`` would pass with the same options.

    >>> deployment_parameters("/in", "/wh", False, 200, r"(?P<year>\\d{4})")["path_pattern"]
    '(?P<year>\\\\d{4})'
    >>> "path_pattern" in deployment_parameters("/in", "/wh", False, 200, None)
    False
    """
    parameters: dict[str, object] = {"source": source, "warehouse": warehouse, "full_refresh": full_refresh,
                                     "batch_size": batch_size}
    if path_pattern is not None:  # left out otherwise: a deployment made before the option keeps its shape
        parameters["path_pattern"] = path_pattern
    return parameters


def serve_flow(cron: str = DEFAULT_CRON, source: str = str(SAMPLE_DIR), warehouse: str = "warehouse",
               pause_on_shutdown: bool = True, *, name: str = DEFAULT_DEPLOYMENT, timezone: str | None = None,
               api_url: str | None = None, full_refresh: bool = False, batch_size: int = BATCH_SIZE,
               path_pattern: str | None = None, out: TextIO | None = None) -> int:
    """Serve ``banmian-ingest`` as the deployment ``banmian-ingest/<name>`` on ``cron`` until Ctrl-C.

    Runs execute in subprocesses of this process (Prefect's ``serve``), one
    at a time (runs share the warehouse). ``source`` and ``warehouse`` are
    stored as absolute paths, so runs do not depend on a working directory.
    """
    from banmian.prefect_env import configure, forget_server, note_server

    out = out or sys.stdout
    configure(quiet_console=False)  # a serve terminal shows Prefect's runner and run logs
    api_url = (api_url or os.environ.get("PREFECT_API_URL") or f"{base_url()}/api").rstrip("/")
    os.environ["PREFECT_API_URL"] = api_url  # before Prefect is imported: settings are read once
    timezone = timezone or local_timezone()
    validate_schedule(cron, timezone)
    source, warehouse = _absolute_paths(source, warehouse)
    _require_server(api_url)

    from prefect.deployments.runner import RunnerDeployment
    from prefect.schedules import Cron
    from prefect.types.entrypoint import EntrypointType

    from banmian.flows.ingest import ingest

    ui_url = api_url.removesuffix("/api")
    deployment = ingest.to_deployment(
        name=name,
        schedules=[Cron(cron, timezone=timezone)],
        parameters=deployment_parameters(source, warehouse, full_refresh, batch_size, path_pattern),
        description=f"banmian ingest of {source} into {warehouse}, served by `banmian serve`.",
        tags=["banmian"],
        version=__version__,
        # "banmian.flows.ingest.ingest", not a file path relative to today's working directory
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
    assert isinstance(deployment, RunnerDeployment)  # to_deployment is sync_compatible: called from sync code
    deployment_id = deployment.apply()  # serve() applies it again (same name: an update); we want the id now
    on_exit = ("paused (--keep-schedule keeps it active)" if pause_on_shutdown
               else "kept active (runs will wait as Late until something serves them again)")
    print(f"banmian {__version__}: serving flow {FLOW_NAME!r} as deployment '{FLOW_NAME}/{name}'\n"
          f"  schedule:   {cron} ({timezone})\n"
          f"  source:     {source}\n"
          f"  warehouse:  {warehouse}\n"
          f"  deployment: {ui_url}/deployments/deployment/{deployment_id}\n"
          f"  runs:       {ui_url}/runs\n"
          f"  run now:    PREFECT_API_URL={api_url} prefect deployment run '{FLOW_NAME}/{name}'\n"
          f"              (or \"Run\" on the deployment's page)\n"
          f"Ctrl-C stops serving; the schedule is then {on_exit}.", file=out, flush=True)
    _serve_until_stopped(deployment, pause_on_shutdown)
    print(f"banmian serve: stopped serving '{FLOW_NAME}/{name}'; its schedule is "
          f"{'paused' if pause_on_shutdown else 'still active'}.", file=out, flush=True)
    return 0


def _absolute_paths(source: str, warehouse: str) -> tuple[str, str]:
    """``source`` and ``warehouse`` as the deployment stores them: absolute; a CliError if unusable."""
    from banmian.cli import CliError, _check_source

    _check_source(source)
    warehouse = os.path.abspath(os.path.expanduser(warehouse))
    if os.path.exists(warehouse) and not os.path.isdir(warehouse):
        raise CliError(f"--warehouse {warehouse} exists and is not a directory")
    return os.path.abspath(os.path.expanduser(source)), warehouse


def _require_server(api_url: str) -> None:
    from banmian.cli import CliError

    if not is_healthy(api_url, timeout=3.0):
        raise CliError(f"no Prefect server answers at {api_url}: start one with `banmian server` "
                       f"(in another terminal), or point PREFECT_API_URL / --api-url at yours")


def _serve_until_stopped(deployment: RunnerDeployment, pause_on_shutdown: bool) -> None:
    """Execute the deployment's runs, one at a time, until Ctrl-C or SIGTERM; then stop Prefect cleanly."""
    from prefect import serve

    from banmian.prefect_env import shutdown_prefect

    try:
        with warnings.catch_warnings():
            # Prefect 3.8's runner, on SIGTERM, calls its async stop() without awaiting it; the
            # shutdown still completes (schedules paused), only this warning would be printed.
            warnings.filterwarnings("ignore", message="coroutine 'Runner.astop' was never awaited",
                                    category=RuntimeWarning)
            # limit=1: runs share the warehouse (a second one would wait for its lock anyway)
            serve(deployment, pause_on_shutdown=pause_on_shutdown, print_starting_message=False, limit=1)
    except SystemExit as exc:  # Prefect's runner exits with SystemExit(0) on SIGTERM
        if exc.code not in (0, None):
            raise
    shutdown_prefect()


# ---------------------------------------------------------------------------
# Command line (registered by banmian.cli.build_parser)
# ---------------------------------------------------------------------------

def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 1-65535, got {value}")
    return value


def _path_pattern(text: str) -> str:
    """``banmian run``'s check of a ``--path-pattern`` (an argparse type), for ``serve`` too."""
    from banmian.cli import path_pattern_argument

    return path_pattern_argument(text)


def cmd_server(args: argparse.Namespace) -> int:
    return run_server(LOOPBACK, args.port)


def cmd_serve(args: argparse.Namespace) -> int:
    return serve_flow(args.cron, args.source, args.warehouse, pause_on_shutdown=not args.keep_schedule,
                      name=args.name, timezone=args.timezone, api_url=args.api_url,
                      full_refresh=args.full_refresh, path_pattern=args.path_pattern)


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``server`` and ``serve`` to banmian's subcommands (``sub`` from ``add_subparsers``)."""
    server = sub.add_parser(
        "server", help="start the Prefect API and UI on this machine (loopback only)",
        description="Run `prefect server start` on 127.0.0.1 with the project's Prefect home "
                    "(.prefect/, or $PREFECT_HOME) and analytics off, until Ctrl-C. "
                    "The UI is then at http://127.0.0.1:PORT.")
    server.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    server.set_defaults(func=cmd_server)

    serve = sub.add_parser(
        "serve", help="run the ingest flow on a schedule, watched in the Prefect UI",
        description="Serve the banmian-ingest flow as a Prefect deployment with a cron schedule, "
                    "executing its runs until Ctrl-C. Needs a Prefect server: `banmian server`, "
                    "or PREFECT_API_URL / --api-url.")
    serve.add_argument("--cron", default=DEFAULT_CRON,
                       help=f'cron schedule, e.g. "{DEFAULT_CRON}" (the default: daily at 06:00)')
    serve.add_argument("--timezone", metavar="TZ",
                       help="IANA time zone of the schedule, e.g. Asia/Shanghai (default: this machine's)")
    serve.add_argument("--source", default=str(SAMPLE_DIR),
                       help="directory (all *.txt below it), glob pattern or single file "
                            "(default: the bundled sample, data/sample)")
    serve.add_argument("--warehouse", default="warehouse", metavar="DIR",
                       help="warehouse directory, created if missing (default: ./warehouse)")
    serve.add_argument("--full-refresh", action="store_true", help="every run re-reads every file")
    serve.add_argument("--path-pattern", type=_path_pattern, default=None, metavar="REGEX",
                       help="as for `banmian run`: read a page's issue from its path, with the named groups "
                            "year, month, day, page and paper")
    serve.add_argument("--name", default=DEFAULT_DEPLOYMENT,
                       help=f"deployment name: runs show as {FLOW_NAME}/NAME (default {DEFAULT_DEPLOYMENT})")
    serve.add_argument("--api-url", metavar="URL",
                       help=f"Prefect API (default: $PREFECT_API_URL, else {base_url()}/api)")
    on_exit = serve.add_mutually_exclusive_group()
    on_exit.add_argument("--pause-on-exit", dest="keep_schedule", action="store_false",
                         help="pause the schedule when serving stops (the default)")
    on_exit.add_argument("--keep-schedule", dest="keep_schedule", action="store_true",
                         help="leave the schedule active when serving stops")
    serve.set_defaults(func=cmd_serve, keep_schedule=False)

