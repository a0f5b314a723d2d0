"""The examples in the docstrings of every module in tasks/ hold."""

import doctest
import importlib
import pkgutil

import pytest

import tasks

MODULES = sorted(f"tasks.{m.name}" for m in pkgutil.iter_modules(tasks.__path__))


def test_every_module_is_found():
    assert {"tasks.credits", "tasks.lexicon", "tasks.lines", "tasks.paragraphs", "tasks.segment"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, verbose=False, report=True)
    assert result.failed == 0, f"{result.failed} of {result.attempted} docstring examples in {name} fail (see stdout)"
