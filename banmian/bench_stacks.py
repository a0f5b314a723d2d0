"""Whose code the flow's main thread is in, sampled, for ``banmian bench``: Prefect's own share of a run (issue 19).

Every ``STACK_EVERY_S`` the main thread's stack is read (``sys._current_frames``)
and the sample goes to the owner of its innermost frame that belongs to one of
banmian, Prefect (``prefect``, ``prefect_dask``) or Dask (``distributed``,
``dask``): a task body that Prefect calls is banmian's, Prefect's
bookkeeping around it (task runs, states, logs to the API) is Prefect's, and
waiting on a Dask future is Dask's (the workers' time). Samples inside the
start of Prefect's temporary API server are put apart as ``server start``, which a
running ``banmian server`` saves, and those inside an import as ``imports``. Each
sample counts the seconds since the one before, so a sampler the loaded
machine lets run late still accounts for all of the time. cProfile would see the main thread too, but
slows the Python it profiles several times over; sampling costs a stack walk
every 20 ms.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from types import FrameType
from typing import Final, Literal

from banmian import project_root

Owner = Literal["banmian", "prefect", "dask", "imports", "server start", "other"]
#: Seconds between two samples of the main thread's stack.
STACK_EVERY_S: Final = 0.02
#: Pieces of a site-packages path that make a frame Prefect's or Dask's.
_PACKAGES: Final[tuple[tuple[str, Owner], ...]] = (
    ("/prefect/", "prefect"), ("/prefect_dask/", "prefect"), ("/distributed/", "dask"), ("/dask/", "dask"))
#: The function in whose frames the temporary API server is started (``banmian.prefect_server``).
_SERVER_START: Final = "start_owned_server"
#: The file name of the frames of an import under way.
_IMPORTING: Final = "<frozen importlib._bootstrap>"


def frame_owner(filename: str, own_root: str) -> Owner | None:
    """Whose code a frame of ``filename`` runs: banmian's (under ``own_root``, not in a venv), Prefect's,
    Dask's, or None (the standard library, another package).

    >>> frame_owner("/r/flows/ingest.py", "/r/")
    'banmian'
    >>> frame_owner("/v/site-packages/prefect/task_engine.py", "/r/")
    'prefect'
    >>> frame_owner("/v/site-packages/distributed/client.py", "/r/") is None, frame_owner("/usr/lib/threading.py", "/r/")
    (False, None)
    """
    if "site-packages" not in filename:
        return "banmian" if filename.startswith(own_root) and "/.venv/" not in filename else None
    return next((owner for piece, owner in _PACKAGES if piece in filename), None)


def stack_owner(frames: Sequence[tuple[str, str]], own_root: str) -> Owner:
    """The owner of a stack given innermost first as ``(filename, function)``: inside the server's start,
    inside an import, else the owner of its innermost frame that has one.

    >>> stack_owner([("/v/site-packages/prefect/logging/handlers.py", "emit"), ("/r/flows/ingest.py", "ingest")], "/r/")
    'prefect'
    >>> stack_owner([("/usr/lib/threading.py", "wait"), ("/r/banmian/prefect_server.py", "start_owned_server")], "/r/")
    'server start'
    """
    if any(function == _SERVER_START for _, function in frames):
        return "server start"
    if any(filename == _IMPORTING for filename, _ in frames):
        return "imports"
    for filename, _ in frames:
        owner = frame_owner(filename, own_root)
        if owner is not None:
            return owner
    return "other"


def _frames(frame: FrameType | None) -> list[tuple[str, str]]:
    found = []
    while frame is not None:
        found.append((frame.f_code.co_filename, frame.f_code.co_name))
        frame = frame.f_back
    return found


class StackSampler:
    """Samples the main thread's stack in a thread of its own while the ``with`` block runs."""

    def __init__(self) -> None:
        self.seconds: defaultdict[Owner, float] = defaultdict(float)
        self._root = str(project_root()) + "/"
        self._main = threading.main_thread().ident
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="bench-stacks", daemon=True)

    def _loop(self) -> None:
        last = time.perf_counter()
        while not self._stop.wait(STACK_EVERY_S):
            frame = sys._current_frames().get(self._main or 0)
            now = time.perf_counter()
            if frame is not None:
                self.seconds[stack_owner(_frames(frame), self._root)] += now - last
            last = now

    def __enter__(self) -> StackSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def line(self) -> str:
        """``banmian 80.2%, dask 15.0%, prefect 3.1%, ... of 300 s``: shares of the time outside the server's
        start and the imports (each given apart, in seconds)."""
        counted = {owner: s for owner, s in self.seconds.items() if owner not in ("server start", "imports")}
        total = max(sum(counted.values()), 1e-9)
        shares = ", ".join(f"{owner} {s / total:.1%}" for owner, s in sorted(counted.items(), key=lambda kv: -kv[1]))
        return (f"{shares or '(no samples)'} of {total:.0f} s (apart: server start "
                f"{self.seconds['server start']:.0f} s, imports {self.seconds['imports']:.0f} s)")

