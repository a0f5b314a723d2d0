# banmian: `make run` ingests the bundled sample, `make test` runs the test suite.
# Both first make sure .venv exists and holds the project and its pinned dependencies;
# that setup is skipped while .venv/.installed is newer than pyproject.toml and constraints.txt.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
STAMP := $(VENV)/.installed
PIP_FLAGS ?= --quiet --disable-pip-version-check

.PHONY: setup run test typecheck model clean-venv
.DEFAULT_GOAL := run

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), f"banmian needs Python 3.11, $(PYTHON) is {sys.version.split()[0]}"'
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install $(PIP_FLAGS) -c constraints.txt -e '.[test]'
	@touch $@

run: $(STAMP)
	$(VENV)/bin/banmian run $(ARGS)

test: $(STAMP)
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

# The segmenter's learned weights (tasks/text/segment/*_model.json), from generated pages; deterministic.
model: $(STAMP)
	$(VENV)/bin/python -m tests.training

typecheck: $(STAMP)
	$(VENV)/bin/python -m mypy -p banmian.tasks -p banmian.flows

clean-venv:
	rm -rf $(VENV)
