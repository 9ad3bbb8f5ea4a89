# Alternative LEP – the two commands a newcomer runs are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: demo serve install install-dev static-deps test-deps lint migrations-check \
        test test-sqlite test-postgres test-browser clean

## demo: install, migrate, load the demo partnership and serve it at http://127.0.0.1:8000
demo: install static-deps
	$(BIN)/altlep demo

serve: install
	$(BIN)/altlep serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev,spark]"

## static-deps: front-end packages from the npm registry, as pinned in package-lock.json
static-deps:
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: pages work without htmx; install Node.js for in-place updates"; fi

## test-deps: Debian's chromium, postgresql and a Java runtime (for Spark), when missing
test-deps:
	@missing=""; \
	[ -x "$(CHROMIUM)" ] || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

lint: install-dev
	$(BIN)/ruff check .

migrations-check: install-dev
	$(BIN)/python manage.py makemigrations --check --dry-run

## test: lint, migrations check, whole suite on SQLite and on PostgreSQL, browser tests in
## Chromium; the Spark test (no database in it) runs in the SQLite pass only
test: test-deps install-dev static-deps lint migrations-check test-sqlite test-postgres

test-sqlite:
	@echo "== pytest on SQLite (includes browser tests in headless Chromium)"
	env -u DATABASE_URL ALTLEP_ENV=test $(BIN)/pytest -q -p no:cacheprovider

test-postgres:
	@echo "== pytest on PostgreSQL (a temporary server started for this run)"
	ALTLEP_ENV=test scripts/with-postgres $(BIN)/pytest -q -p no:cacheprovider -m "not spark"

test-browser:
	env -u DATABASE_URL ALTLEP_ENV=test $(BIN)/pytest -q -m browser

clean:
	rm -rf $(VENV) node_modules var build *.egg-info
