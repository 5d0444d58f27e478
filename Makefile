# rnnviz: make run | make test | make screenshots | make bench | make clean | make distclean
# Works from a clean clone: the first target creates .venv and installs the pinned requirements;
# later calls reinstall only when a requirements file changed (a stamp named after its hash).

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
PORT ?= 8501
PYTEST_ARGS ?=
BENCH_ARGS ?=

REQ_HASH := $(shell cat requirements.txt 2>/dev/null | sha256sum | cut -c1-16)
DEV_HASH := $(shell cat requirements.txt requirements-dev.txt 2>/dev/null | sha256sum | cut -c1-16)
APP_STAMP := $(VENV)/.installed-app-$(REQ_HASH)
DEV_STAMP := $(VENV)/.installed-dev-$(DEV_HASH)
# torch is pinned to the CPU build in requirements.txt; fail loudly if pip ever brought another.
CHECK_TORCH := $(PY) -c "import torch, sys; v = torch.__version__; sys.exit(0 if v.split('+')[0] == '2.13.0' else 'expected torch 2.13.0, got ' + v)"

.PHONY: help venv deps dev-deps run test screenshots bench load clean distclean

help:
	@echo "make run          serve the app (PORT=$(PORT)); creates .venv and installs requirements.txt"
	@echo "make test         install requirements-dev.txt, run the whole test suite (browser tests included)"
	@echo "make screenshots  refresh docs/screenshots/ (one full-page PNG per page)"
	@echo "make bench        python -m rnnviz bench (BENCH_ARGS='--reviews 2000' to pass options)"
	@echo "make clean        remove caches and test artifacts; make distclean also removes .venv"

$(PY):
	@test -n "$(PYTHON)" || { echo "no python3.11 or python3 on PATH" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

venv: $(PY)

$(APP_STAMP): | $(PY)
	$(PY) -m pip install -r requirements.txt
	@$(CHECK_TORCH)
	@rm -f $(VENV)/.installed-app-*
	@touch $@

$(DEV_STAMP): | $(PY)
	$(PY) -m pip install -r requirements-dev.txt
	@$(CHECK_TORCH)
	@rm -f $(VENV)/.installed-dev-* $(VENV)/.installed-app-*
	@touch $@ $(APP_STAMP)

deps: $(APP_STAMP)

dev-deps: $(DEV_STAMP)

run: $(APP_STAMP)
	@echo "rnnviz: open http://localhost:$(PORT) (Ctrl+C stops the server)"
	$(PY) -m rnnviz.ui.serve --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: $(DEV_STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

screenshots: $(DEV_STAMP)
	RNNVIZ_SCREENSHOT_DIR=docs/screenshots $(PY) -m pytest -m browser -k test_page_renders tests/test_browser.py $(PYTEST_ARGS)

bench: $(APP_STAMP)
	$(PY) -m rnnviz bench $(BENCH_ARGS)

LOAD_ARGS ?= --sessions 40 --duration 60

load: $(DEV_STAMP)
	$(PY) scripts/load_test.py $(LOAD_ARGS)

clean:
	rm -rf artifacts .pytest_cache .hypothesis
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
