"""Prefect settings for banmian, applied through the environment BEFORE prefect is imported.

Prefect reads its settings once, at import. Left alone it would keep its
database and results in the user's ``~/.prefect`` (shared with every other
project, and absent or read-only in CI), phone home with analytics, and print
INFO lines for every task to the terminal. So every entry point of banmian
that runs a flow calls :func:`configure` first; tests point it at a temp dir.

Anything the user set explicitly (``PREFECT_HOME``, ``PREFECT_API_URL`` for
their own server, ...) wins: we only fill in defaults.
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path
from typing import Final

from banmian import project_root

#: Where Prefect keeps its SQLite database, results and logs for this project (gitignored).
DEFAULT_PREFECT_HOME: Path = project_root() / ".prefect"
#: The file in the Prefect home where a running ``banmian server`` leaves its address, so that
#: ``banmian run`` on the same home (the same database) uses it instead of starting its own API.
SERVER_NOTE: Final = "banmian-server.url"
#: How long ``banmian run`` waits for that server's /health: a local server answers in milliseconds.
SERVER_PROBE_TIMEOUT_S: Final = 2.0
#: Prefect's temporary API server's module: whoever starts one has imported it (its ~1,000 modules are not worth importing to
#: find none running, issue 19).
_SERVER_MODULE: Final = "prefect.server.api.server"
#: banmian's own temporary API server's module (it imports neither Prefect nor its server code).
_OWNED_SERVER_MODULE: Final = "banmian.prefect_server"


def configure(home: str | os.PathLike[str] | None = None, *, quiet_console: bool = True) -> Path:
    """Set Prefect's environment for banmian and return the Prefect home in use.

    ``home`` overrides the default ``<repo>/.prefect`` (but not a
    ``PREFECT_HOME`` the user exported). With ``quiet_console`` Prefect's own
    console handler only shows warnings; INFO logs still reach the Prefect
    API, so the UI tells the whole story.
    """
    if "prefect" in sys.modules and os.environ.get("PREFECT_HOME") is None:
        # Too late to move Prefect's home: settings were read at import.
        raise RuntimeError("banmian.prefect_env.configure() must run before prefect is imported")
    prefect_home = Path(os.environ.setdefault("PREFECT_HOME", str(home or DEFAULT_PREFECT_HOME)))
    prefect_home.mkdir(parents=True, exist_ok=True)
    defaults = {
        # No analytics from the server, nor from the client SDK.
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        # Results (if any task ever persists one) stay inside the Prefect home.
        "PREFECT_RESULTS_LOCAL_STORAGE_PATH": str(prefect_home / "storage"),
        # The temporary API's first start creates its database: slow on a cold CI machine.
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
        # No "update available" or OS resource metric side work for a batch job.
        "PREFECT_TELEMETRY_ENABLE_RESOURCE_METRICS": "false",
        "PREFECT_LOGGING_COLORS": "false",  # console output may well go to a log file
    }
    if quiet_console:
        defaults["PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"] = "WARNING"
    for key, value in defaults.items():
        os.environ.setdefault(key, value)
    return prefect_home


def shutdown_prefect(timeout: float = 5.0) -> None:
    """Send the last logs and events to the API, then stop the temporary API server, now.

    Left to the interpreter's exit hooks, the same work races interpreter
    shutdown and can print tracebacks after the program's last line; doing it
    here, in order, keeps the end of ``banmian run`` clean.
    """
    if "prefect" in sys.modules:
        _drain_prefect_workers(timeout)
    _stop_temporary_servers()


def _drain_prefect_workers(timeout: float) -> None:
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        try:
            worker.drain_all(timeout=timeout)
        except Exception:  # noqa: BLE001 - best effort: the run is already committed
            pass


def _stop_temporary_servers() -> None:
    """Stop banmian's own temporary server (``banmian.prefect_server``) and any Prefect started itself.

    Only modules already imported are looked at: a run on a running banmian server imported neither, and
    Prefect's server code (~1,000 modules) is not worth importing to find none running (issue 19).
    """
    owned = sys.modules.get(_OWNED_SERVER_MODULE)
    if owned is not None:
        owned.stop_owned_servers()
    server_module = sys.modules.get(_SERVER_MODULE)
    if server_module is None:
        return
    for server in list(server_module.SubprocessASGIServer._instances.values()):
        try:
            server.stop()
        except Exception:  # noqa: BLE001
            pass


def note_server(home: Path, url: str) -> None:
    """Leave ``url`` (``http://host:port``) in ``home`` for ``banmian run`` to find (written whole)."""
    tmp = home / f".{SERVER_NOTE}.{uuid.uuid4().hex}"
    tmp.write_text(f"{url}\n", encoding="utf-8")
    os.replace(tmp, home / SERVER_NOTE)


def forget_server(home: Path, url: str) -> None:
    """Remove the note of ``url`` (not one a later server left for itself)."""
    note = home / SERVER_NOTE
    try:
        if note.read_text(encoding="utf-8").strip() == url:
            note.unlink()
    except OSError:
        pass  # gone already


def running_server(home: Path, timeout: float = SERVER_PROBE_TIMEOUT_S) -> str | None:
    """The URL of the ``banmian server`` noted in ``home`` if its API answers now, else None.

    A note left by a server that was killed names an address nothing (or
    something else) answers at: then None, and ``banmian run`` starts its
    own API as if there were no note.
    """
    from banmian.serve import is_healthy

    try:
        url = (home / SERVER_NOTE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return url if url and is_healthy(f"{url}/api", timeout) else None
