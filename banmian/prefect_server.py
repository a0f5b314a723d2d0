"""Prefect's temporary API server as banmian's own child: it never outlives ``banmian run``.

Prefect starts its temporary ("ephemeral") API server as a plain subprocess
(``prefect.server.api.server.SubprocessASGIServer``): in our process group,
so the terminal's Ctrl-C killed the API while the flow still had to report
its crash to it (minutes of connection retries), and after a SIGTERM or
SIGKILL of ``banmian run`` it stayed alive, holding the caller's pipes.

:class:`OwnedServer` starts the same uvicorn command, but in its own
session (a Ctrl-C in the terminal reaches only ``banmian run``, which stops
the server last) and through :mod:`banmian.server_child` (the kernel kills it
when ``banmian run`` dies, however it dies).

It imports neither Prefect nor its server code: ``banmian run`` starts it
before Prefect is imported and points ``PREFECT_API_URL`` at it, so the run's
process never holds Prefect's server code (FastAPI, its ORM, ~1,000 modules,
~78 MB of the flow's peak RSS: issue 19) only to start a child. Import this
module only after ``banmian.prefect_env.configure()``.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Final

from banmian.serve import LOOPBACK, is_healthy, port_in_use

#: The ports Prefect 3.8 picks its temporary server's from (``SubprocessASGIServer._port_range``).
PORT_RANGE: Final = range(8000, 9000)
#: Ports tried before giving up: Prefect's own figure (a free port in its range is found at once).
PORT_ATTEMPTS: Final = 10
#: uvicorn's exit status when its port was taken meanwhile: then another port is tried, as Prefect does.
PORT_TAKEN_EXIT: Final = 3
#: Seconds between two health checks while the server starts (Prefect's own poll).
POLL_S: Final = 0.1
#: Prefect's default of PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS (``configure`` sets it to 90).
DEFAULT_STARTUP_TIMEOUT_S: Final = 20.0
#: Seconds a stopped server gets to exit before it is killed (Prefect's ``SubprocessASGIServer.stop``).
STOP_TIMEOUT_S: Final = 5.0
#: The environment Prefect 3.8 gives its temporary server: no UI, and the server knows it is temporary.
EPHEMERAL_ENV: Final = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}


def free_port() -> int:
    """A free port of :data:`PORT_RANGE` (chosen at random, as Prefect does, so that parallel runs rarely meet)."""
    for _ in range(PORT_ATTEMPTS):
        port = random.choice(PORT_RANGE)
        if not port_in_use(LOOPBACK, port):
            return port
    raise RuntimeError("no free port for Prefect's temporary API server")


def _site_packages() -> str:
    """The directory Prefect is installed in, found without importing it (uvicorn's ``--app-dir``, as Prefect's)."""
    spec = importlib.util.find_spec("prefect")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("Prefect is not installed")
    return str(Path(list(spec.submodule_search_locations)[0]).parent)


def uvicorn_command(port: int, parent: int) -> list[str]:
    """Prefect 3.8's uvicorn command for its temporary server, run through ``banmian.server_child`` tied to ``parent``."""
    return [sys.executable, "-m", "banmian.server_child", str(parent), "uvicorn",
            "--app-dir", _site_packages(), "--factory", "prefect.server.api.server:create_app",
            "--host", LOOPBACK, "--port", str(port), "--log-level", "error", "--lifespan", "on"]


def _startup_timeout() -> float:
    """Seconds the server gets to answer: Prefect's setting, as ``configure`` or the user set it."""
    return float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS") or DEFAULT_STARTUP_TIMEOUT_S)


class OwnedServer:
    """Prefect's temporary API server in a session of its own, dying with this process."""

    def __init__(self) -> None:
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def api_url(self) -> str:
        """The URL Prefect's clients (``PREFECT_API_URL``) and Dask workers reach it at."""
        return f"http://{LOOPBACK}:{self.port}/api"

    def _spawn(self) -> subprocess.Popen[bytes]:
        """Start uvicorn on a free port. The settings reach it as they reach Prefect here: through the environment
        (``configure``'s defaults, the user's exports) and the Prefect home's profile, which it reads itself."""
        self.port = free_port()
        env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
        return subprocess.Popen(uvicorn_command(self.port, os.getpid()), env={**env, **EPHEMERAL_ENV},
                                start_new_session=True)

    def start(self) -> None:
        """Start the server and wait until its API answers; stop it and raise if it does not in time."""
        self.process = self._spawn()
        atexit.register(self.stop)
        deadline = time.monotonic() + _startup_timeout()
        while time.monotonic() < deadline:
            if self.process.poll() == PORT_TAKEN_EXIT:
                self.process = self._spawn()
            elif self.process.returncode is not None:
                raise RuntimeError(f"Prefect's temporary API server exited with code {self.process.returncode}")
            elif is_healthy(self.api_url, POLL_S * 10):
                return
            time.sleep(POLL_S)
        self.stop()
        raise RuntimeError("Timed out while attempting to connect to ephemeral Prefect API server.")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after :data:`STOP_TIMEOUT_S`); safe to call again."""
        process, self.process = self.process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


#: The servers started in this process and not stopped yet (``banmian.prefect_env.shutdown_prefect`` stops them).
_RUNNING: list[OwnedServer] = []


def start_owned_server() -> OwnedServer:
    """Start the temporary API server this process's clients will use, and return it.

    Call it from the main thread (the kernel ties the server's life to the thread that started it), and before
    Prefect is imported, then set ``PREFECT_API_URL`` to its ``api_url``: Prefect reads its settings once.
    """
    server = OwnedServer()
    _RUNNING.append(server)
    server.start()
    return server


def stop_owned_servers() -> None:
    """Stop every server :func:`start_owned_server` started here."""
    while _RUNNING:
        _RUNNING.pop().stop()
