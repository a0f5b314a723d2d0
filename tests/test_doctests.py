"""The examples in the docstrings of every module of banmian hold."""

import doctest
import importlib
import pkgutil

import pytest

#: The packages whose modules are walked: banmian's own, and those installed from other top-level folders.
ROOTS = ("banmian", "banmian.tasks", "banmian.flows")


def _modules() -> list[str]:
    names = set()
    for root in ROOTS:
        package = importlib.import_module(root)
        names.add(root)
        names.update(info.name for info in pkgutil.walk_packages(package.__path__, f"{root}."))
    return sorted(names)


MODULES = _modules()


def test_every_module_is_found():
    assert {"banmian.tasks.text.credits", "banmian.tasks.text.lexicon", "banmian.tasks.text.lines",
            "banmian.tasks.text.paragraphs", "banmian.tasks.text.segment"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, verbose=False, report=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} docstring examples in {name} fail (see stdout)"
