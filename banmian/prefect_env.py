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
from pathlib import Path

from banmian import project_root

#: Where Prefect keeps its SQLite database, results and logs for this project (gitignored).
DEFAULT_PREFECT_HOME: Path = project_root() / ".prefect"


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
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.server.api.server import SubprocessASGIServer

    for worker in (APILogWorker, EventsWorker):
        try:
            worker.drain_all(timeout=timeout)
        except Exception:  # noqa: BLE001 - best effort: the run is already committed
            pass
    for server in list(SubprocessASGIServer._instances.values()):
        try:
            server.stop()
        except Exception:  # noqa: BLE001
            pass
