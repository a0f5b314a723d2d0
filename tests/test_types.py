"""mypy passes on the work and its orchestration (banmian.tasks, banmian.flows), as ``make typecheck`` runs it."""

from mypy import api

from tests.support.paths import REPO


def test_mypy_finds_no_type_errors(monkeypatch) -> None:
    monkeypatch.chdir(REPO)  # pyproject.toml's [tool.mypy] (mypy_path = .typecheck) is read from here
    out, err, status = api.run(["-p", "banmian.tasks", "-p", "banmian.flows"])
    assert status == 0, out + err
