"""The examples in the docstrings of every module of banmian, and of the quality gates' helpers, hold."""

import doctest
import importlib
import pkgutil

import pytest

#: The packages whose modules are walked: banmian's own, those installed from other top-level folders,
#: and the gates' helpers (floors, measure, update_floors; their test modules are left to pytest).
ROOTS = ("banmian", "banmian.tasks", "banmian.flows", "tests.gates")


def _modules() -> list[str]:
    names = set()
    for root in ROOTS:
        package = importlib.import_module(root)
        names.add(root)
        names.update(info.name for info in pkgutil.walk_packages(package.__path__, f"{root}.")
                     if not info.name.rpartition(".")[2].startswith("test_"))
    return sorted(names)


MODULES = _modules()


def test_every_module_is_found():
    assert {"banmian.tasks.text.credits", "banmian.tasks.text.lexicon", "banmian.tasks.text.lines",
            "banmian.tasks.text.paragraphs", "banmian.tasks.text.segment", "banmian.score",
            "tests.gates.floors"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, verbose=False, report=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} docstring examples in {name} fail (see stdout)"
