# Earnings Call Viewer: `make run` opens the app, `make test` runs every check.
# Both set everything up first (system libraries when run as root, a virtualenv, the project).

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SYSDEPS_STAMP := $(VENV)/.sysdeps


.PHONY: run test lint bench screenshot package package-test install-desktop sysdeps venv clean help

help:
	@echo "make run          open the viewer on the bundled sample transcript"
	@echo "make test         lint + the whole test suite (offscreen Qt)"
	@echo "make lint         ruff + mypy (strict on viewer/core)"
	@echo "make bench        speed and memory ratios against baselines measured in the same run"
	@echo "make screenshot   PNGs of the window in each mode under build/screenshots/"
	@echo "make package      standalone onedir build in dist/earnings-viewer/ plus an archive"
	@echo "make package-test run the built app as a user would, print size and start-up budgets"
	@echo "make install-desktop  install the Linux desktop entry and icon for this user"

sysdeps: $(SYSDEPS_STAMP)
$(SYSDEPS_STAMP): packaging/system-deps.sh
	@bash packaging/system-deps.sh
	@mkdir -p $(VENV) && touch $@

$(PY):
	$(PYTHON) -m venv $(VENV)

venv: $(STAMP)
$(STAMP): pyproject.toml setup.py | $(PY)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,package]'
	@touch $@

run: sysdeps venv
	$(PY) -m viewer $(ARGS)

lint: venv
	$(PY) -m ruff check viewer tests bench packaging
	$(PY) -m mypy viewer/core

test: sysdeps venv lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

bench: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

screenshot: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(PY) packaging/screenshots.py build/screenshots

package: sysdeps venv
	$(PY) packaging/build.py

package-test: package
	$(PY) packaging/smoke_test.py

install-desktop: venv
	bash packaging/linux/install-desktop.sh

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
