"""Fixtures of the command-line tests: the Prefect server + served deployment of the UI tests."""

from tests.support.prefect_server import ui_stack  # noqa: F401 - a session fixture both UI test modules use
