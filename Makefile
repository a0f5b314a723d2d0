# banmian: `make run` ingests the bundled sample, `make test` runs the test suite.
# Both first make sure .venv exists and holds the project and its pinned dependencies;
# that setup is skipped while .venv/.installed is newer than pyproject.toml and constraints.txt.
# Then `make native` compiles the segmentation modules with mypyc into build/mypyc (about five
# times as fast); it does nothing while they are up to date. Compiled modules are used only while they
# match the sources byte for byte (tasks/_native.py), so an edited file always runs as written.
# BANMIAN_PURE=1 skips the compiled build and runs plain Python; NATIVE_FLAGS=--strict (CI) fails
# when the build does.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
STAMP := $(VENV)/.installed
PIP_FLAGS ?= --quiet --disable-pip-version-check
NATIVE_FLAGS ?=
# BANMIAN_PURE=1 (anything but empty or 0): plain Python, no compiled build
NATIVE := $(if $(filter-out 0,$(BANMIAN_PURE)),,native)

.PHONY: setup native run test clean-venv clean-native
.DEFAULT_GOAL := run

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), f"banmian needs Python 3.11, $(PYTHON) is {sys.version.split()[0]}"'
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install $(PIP_FLAGS) -c constraints.txt -e '.[test,native]'
	@touch $@

native: $(STAMP)
	@$(VENV)/bin/python scripts/build_native.py $(NATIVE_FLAGS)

run: $(STAMP) $(NATIVE)
	$(VENV)/bin/banmian run $(ARGS)

test: $(STAMP) $(NATIVE)
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

clean-venv:
	rm -rf $(VENV)

clean-native:
	rm -rf build/mypyc build/mypyc-work build/mypyc.log build/mypyc-failed.json
