# Earnings Call Viewer: `make run` opens the app, `make test` runs every check.
# Both set everything up first (system libraries when run as root, a virtualenv, the project).

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SYSDEPS_STAMP := $(VENV)/.sysdeps
FUZZ_MINUTES ?= 10
# pytest-xdist workers for `make test` (auto: one per core; 0 runs in this process).
TEST_WORKERS ?= auto
FUZZ_INPUTS ?= 100000
FUZZ_JOBS ?= 1
# Interface translations (docs/I18N.md): Qt Linguist sources and the compiled catalogues the
# app loads. The .qm files are committed too (a checkout runs without Qt's tools) and a test
# fails when one differs from its .ts; these rules rebuild a stale one before run/test/package.
I18N_TS := $(wildcard resources/i18n/*.ts)
I18N_QM := $(I18N_TS:.ts=.qm)


.PHONY: run test lint bench fuzz screenshot package package-test package-bench install-desktop sysdeps venv clean help i18n i18n-check

help:
	@echo "make run          open the viewer on the bundled sample transcript"
	@echo "make test         lint + the whole test suite (offscreen Qt)"
	@echo "make lint         ruff check, ruff format --check, mypy strict on viewer/"
	@echo "make bench        speed and memory ratios against baselines measured in the same run"
	@echo "make fuzz         FUZZ_MINUTES (default 10) of fuzzing: hypothesis 'fuzz' profile, then the driver (FUZZ_INPUTS per reader, FUZZ_JOBS processes)"
	@echo "make screenshot   PNGs of the window in each mode under build/screenshots/"
	@echo "make package      standalone onedir build in dist/earnings-viewer/ plus an archive"
	@echo "make package-test run the built app as a user would, check the size budgets"
	@echo "make package-bench  the same, and fail when start-up is over 1.2x the source run"
	@echo "make install-desktop  install the Linux desktop entry and icon for this user"
	@echo "make i18n         extract the interface strings into resources/i18n/*.ts, compile the .qm"
	@echo "make i18n-check   fail on untranslated or obsolete strings, or a stale .qm"

# Let Python cache bytecode as it does by default (some images set PYTHONDONTWRITEBYTECODE):
# without it every test subprocess and every pytest worker compiles the whole package again.
unexport PYTHONDONTWRITEBYTECODE

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

i18n: venv
	$(PY) packaging/translations.py update
	$(PY) packaging/translations.py release

i18n-check: venv
	$(PY) packaging/translations.py check

resources/i18n/%.qm: resources/i18n/%.ts | venv
	$(PY) packaging/translations.py release $<

run: sysdeps venv $(I18N_QM)
	$(PY) -m viewer $(ARGS)

lint: venv
	$(PY) -m ruff check viewer tests bench packaging
	$(PY) -m ruff format --check viewer tests bench packaging
	$(PY) -m mypy viewer

test: sysdeps venv lint $(I18N_QM)
	$(PY) -m compileall -q viewer
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

bench: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

fuzz: sysdeps venv
	@half=$$(( $(FUZZ_MINUTES) * 30 )); \
	HYPOTHESIS_PROFILE=fuzz QT_QPA_PLATFORM=offscreen timeout -s INT $$half \
		$(PY) -m pytest -q -p no:cacheprovider tests/fuzz tests/core/test_truncation.py; rc=$$?; \
	$(PY) -m tests.fuzz.driver --minutes $$(( $(FUZZ_MINUTES) / 2 + ($(FUZZ_MINUTES) < 2) )) \
		--inputs $(FUZZ_INPUTS) --jobs $(FUZZ_JOBS) || exit 1; \
	if [ $$rc -ne 0 ] && [ $$rc -ne 2 ] && [ $$rc -ne 124 ]; then exit $$rc; fi

screenshot: sysdeps venv $(I18N_QM)
	QT_QPA_PLATFORM=offscreen $(PY) packaging/screenshots.py build/screenshots

package: sysdeps venv $(I18N_QM)
	$(PY) packaging/build.py

package-test: package
	$(PY) packaging/smoke_test.py

package-bench: package
	$(PY) packaging/smoke_test.py --timing

install-desktop: venv
	bash packaging/linux/install-desktop.sh

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
