"""The examples in the docstrings of every module in tasks/ hold.

The docstrings are read from the source files, and the examples run in the
imported module's namespace: in the mypyc-compiled modules too (whose
functions doctest's own finder does not see), so the examples test the code
that runs.
"""

import ast
import doctest
import importlib

import pytest

from tasks import _native

MODULES = sorted(f"tasks.{p.stem}" for p in _native.TASKS_DIR.glob("*.py") if p.stem != "__init__")


def test_every_module_is_found():
    assert {"tasks.credits", "tasks.lexicon", "tasks.lines", "tasks.paragraphs", "tasks.segment"} <= set(MODULES)


def docstring_tests(name: str) -> list[doctest.DocTest]:
    """The doctests of the module's docstring and of its functions', classes' and methods' (as doctest finds them)."""
    module = importlib.import_module(name)
    path = _native.source_path(name)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = [(name, tree)]
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            nodes.append((f"{name}.{node.name}", node))
        if isinstance(node, ast.ClassDef):
            nodes += [(f"{name}.{node.name}.{n.name}", n) for n in node.body
                      if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    parser = doctest.DocTestParser()
    tests = []
    for qualname, node in nodes:
        doc = ast.get_docstring(node, clean=False)
        if doc and ">>>" in doc:
            lineno = 0 if isinstance(node, ast.Module) else node.lineno
            tests.append(parser.get_doctest(doc, dict(vars(module)), qualname, str(path), lineno))
    return tests


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    runner = doctest.DocTestRunner(verbose=False)
    for test in docstring_tests(name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} docstring examples in {name} fail (see stdout)"
    assert result.attempted or ">>>" not in _native.source_path(name).read_text(encoding="utf-8")
