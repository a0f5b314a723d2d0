"""Run a Python module as a child process that dies with its parent.

    python -m banmian.server_child PARENT_PID MODULE [ARGS...]

``banmian run`` starts Prefect's temporary API server (uvicorn) through this
wrapper. The server gets its own process group, so the terminal's Ctrl-C
reaches only ``banmian run``, which then tells the still running API that the
flow crashed and stops the server itself. What no handler can catch (SIGKILL,
the OOM killer, a crash) is covered here: on Linux the kernel sends the child
``PARENT_DEATH_SIGNAL`` the moment its parent dies (``PR_SET_PDEATHSIG``), so
no API server is left holding the caller's pipes.

``banmian server`` starts ``prefect server start`` the same way, so a
``kill -9`` of it does not leave the Prefect server holding the port; the
test suite starts its ``banmian server``/``serve`` processes through it too
(``python -m banmian.server_child PYTEST_PID banmian ...``).
"""

from __future__ import annotations

import ctypes
import os
import runpy
import signal
import sys
from collections.abc import Sequence
from typing import Final

#: prctl(2) option: the signal the kernel sends this process when its parent dies.
PR_SET_PDEATHSIG: Final = 1
#: SIGKILL, not SIGTERM: an orphaned server has no one to answer; its SQLite state survives a kill.
PARENT_DEATH_SIGNAL: Final = signal.SIGKILL


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when ``parent`` (the process that started it) dies.

    The parent may already be gone when this runs (we were reparented): then
    exit at once rather than serve no one. Outside Linux there is no such
    call; the parent's own clean-up (``banmian.prefect_server``) remains.
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, int(PARENT_DEATH_SIGNAL), 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if os.getppid() != parent:
        os._exit(0)


def main(argv: Sequence[str]) -> None:
    """``PARENT_PID MODULE ARGS...``: tie this process to the parent, then run ``MODULE`` as ``python -m`` would."""
    parent, module, *args = argv
    die_with_parent(int(parent))
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
