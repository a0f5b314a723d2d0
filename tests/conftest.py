"""Test-wide setup: Prefect lives in a temp dir, and its test server starts once per session.

Prefect reads its settings when imported, so its environment is set here,
before any test module imports it. Tests never touch the user's ~/.prefect
or the project's .prefect, nor a Prefect server the user's environment names.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator

import pytest

_PREFECT_HOME = tempfile.mkdtemp(prefix="banmian-test-prefect-")
atexit.register(shutil.rmtree, _PREFECT_HOME, True)
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ.pop("PREFECT_API_URL", None)
os.environ.pop("PREFECT_API_KEY", None)
os.environ["PREFECT_PROFILES_PATH"] = os.path.join(_PREFECT_HOME, "profiles.toml")

from banmian.prefect_env import configure  # noqa: E402 - must follow the environment above

configure(_PREFECT_HOME)

# A suite started in the background by a shell without job control (``make test &`` in a script) has SIGINT
# ignored, and every process the tests start inherits that: `banmian run` and `banmian serve` would never see the
# Ctrl-C that tests/banmian/test_signals.py and test_ui_server.py send. A handler set here (not SIG_IGN) is reset to
# the default in each child at exec, as a terminal's job has it. A no-op when SIGINT is not ignored.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A real Prefect API (temporary SQLite database), started once: it takes ~10 s."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
