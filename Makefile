# Two commands on a fresh machine: `make run` and `make test`. Everything else they need, they install.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export FLASK_APP := wsgi.py

.PHONY: run test test-fast bench bench-search bench-pages loadtest faults mutation lint audit migrate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.run-installed $@

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the accessibility checks in the browser tests will be skipped"; fi

run: $(VENV)/.run-installed
	$(BIN)/flask db upgrade
	$(BIN)/flask seed-demo --if-empty
	$(BIN)/flask run --host 127.0.0.1 --port $(PORT)

test: $(VENV)/.test-installed node_modules/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: $(VENV)/.test-installed
	$(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS)

bench: $(VENV)/.test-installed
	$(BIN)/python -m bench.analysis

# Search speed on 100 000 generated stories, SQLite and PostgreSQL (see bench/search.py; BENCH_ARGS="--stories 2000").
bench-search: $(VENV)/.test-installed
	$(BIN)/python -m bench.search $(BENCH_ARGS)

# List pages (queue, My stories, audit log, /healthz) with 1 000, 10 000 and 50 000 waiting stories under gunicorn
# (see bench/pages.py; BENCH_ARGS="--sizes 1000" for a quick run, "--database both" for PostgreSQL too).
bench-pages: $(VENV)/.test-installed
	$(BIN)/python -m bench.pages $(BENCH_ARGS)

# Load test (see bench/loadtest.py): contributors, moderators, trainers and trainees at once against gunicorn on
# PostgreSQL with the 100 000-story data set, 50 users for 2 minutes; checks afterwards that no acknowledged write was
# lost. Not part of `make test`. LOADTEST_ARGS="--stories 5000 --users 10 --seconds 20" for a quick run.
loadtest: $(VENV)/.test-installed
	$(BIN)/python -m bench.loadtest $(LOADTEST_ARGS)

# Faults under gunicorn: a worker SIGKILLed mid-burst, a private PostgreSQL restarted, a private Redis stopped, a
# full disk (a small tmpfs) and a locked SQLite file; one line each (see bench/faults.py). Needs root. Not in `make test`.
faults: $(VENV)/.test-installed
	$(BIN)/python -m bench.faults $(FAULTS_ARGS)

# Mutation testing (mutmut) of the gate, security, keys, identifiers, sanitize and links modules, each against its own
# tests, on copies under bench/mutation/.work/, niced (see bench/mutation/run.py; MUTATION_ARGS="--only keys").
mutation: $(VENV)/.test-installed
	$(BIN)/python -m bench.mutation.run $(MUTATION_ARGS)

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .

# Known vulnerabilities in the pinned runtime requirements (pip-audit). Needs a network path to a vulnerability
# database (PyPI's, or OSV with PIP_AUDIT_ARGS="--vulnerability-service osv"); --strict fails when it cannot reach
# one rather than passing on nothing checked. Not part of `make test`.
audit: $(VENV)/.test-installed
	$(BIN)/pip-audit --requirement requirements.txt --strict --progress-spinner off $(PIP_AUDIT_ARGS)

migrate: $(VENV)/.run-installed
	$(BIN)/flask db upgrade

clean:
	rm -rf $(VENV) node_modules .pytest_cache
