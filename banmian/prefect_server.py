"""Prefect's temporary API server as banmian's own child: it never outlives ``banmian run``.

Prefect starts its temporary ("ephemeral") API server as a plain subprocess
(``prefect.server.api.server.SubprocessASGIServer``): in our process group,
so the terminal's Ctrl-C killed the API while the flow still had to report
its crash to it (minutes of connection retries), and after a SIGTERM or
SIGKILL of ``banmian run`` it stayed alive, holding the caller's pipes.

:class:`OwnedServer` starts the same uvicorn command, but in its own
session (a Ctrl-C in the terminal reaches only ``banmian run``, which stops
the server last) and through :mod:`banmian.server_child` (the kernel kills it
when ``banmian run`` dies, however it dies). Import this module only after
``banmian.prefect_env.configure()``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import prefect
from prefect.server.api.server import SubprocessASGIServer
from prefect.settings import get_current_settings


class OwnedServer(SubprocessASGIServer):
    """``SubprocessASGIServer`` whose uvicorn runs in its own session and dies with this process."""

    def _run_uvicorn_command(self) -> subprocess.Popen[Any]:
        """Prefect 3.8's command and environment (see the base class), wrapped by ``banmian.server_child``."""
        server_env = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
        uvicorn_args = [
            "--app-dir", str(prefect.__module_path__.parent), "--factory", "prefect.server.api.server:create_app",
            "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "error", "--lifespan", "on",
        ]
        return subprocess.Popen(
            [sys.executable, "-m", "banmian.server_child", str(os.getpid()), "uvicorn", *uvicorn_args],
            env={**os.environ, **server_env, **get_current_settings().to_environment_variables(exclude_unset=True)},
            start_new_session=True,
        )


def start_owned_server() -> SubprocessASGIServer:
    """Start the temporary API server every Prefect client of this process will use, and return it.

    Prefect's clients find the temporary server as ``SubprocessASGIServer()``
    (the instance kept under the port ``None``); ours takes that place before
    any of them asks, as ``prefect.testing.utilities`` does for its test server.
    Call it from the main thread: the kernel ties the server's life to the
    thread that started it.
    """
    existing = SubprocessASGIServer._instances.get(None)
    if existing is not None and not isinstance(existing, OwnedServer):
        if existing.running:
            return existing  # started before banmian could own it: stopped by shutdown_prefect all the same
        del SubprocessASGIServer._instances[None]
    server = OwnedServer()  # kept under the port None by SubprocessASGIServer.__new__
    server.start()
    return server
