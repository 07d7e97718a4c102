# Every command a developer or CI needs. `make site` builds the site; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test serve install install-test chromium lint typecheck pytest format bench clean compiled clean-compiled

site: install  ## Build the site into site/
	$(BIN)/mkdocs build --strict

serve: install  ## Preview with live reload on http://127.0.0.1:8000
	$(BIN)/mkdocs serve

test: install-test chromium lint typecheck pytest  ## Every check: lint, format, types, tests

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'

chromium:  ## Debian's chromium for the browser tests (never a downloaded browser build)
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint:
	$(BIN)/ruff check generator tests scripts
	$(BIN)/ruff format --check generator tests scripts

format:
	$(BIN)/ruff format generator tests scripts
	$(BIN)/ruff check --fix generator tests scripts

typecheck:
	$(BIN)/mypy

pytest:
	$(BIN)/pytest

bench: install-test  ## Benchmarks: they print figures, they do not pass or fail
	$(BIN)/python scripts/bench_build.py
	$(BIN)/python scripts/bench_extract.py

compiled: install-test  ## The extractor compiled with mypyc (~1/5 faster; needs a C compiler)
	$(BIN)/python scripts/compile_extractor.py

clean-compiled:  ## Back to running the extractor's sources
	$(BIN)/python scripts/compile_extractor.py --clean
	rm -rf build/__native* build/generator build/lib.* build/temp.* build/ops.txt build/setup.py

clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache
