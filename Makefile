# The two commands of the README: `make run` and `make test`. Everything else supports them.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup system-deps test lint translations messages bench-pages bench-scale bench bench-http backup restore bench-load bench-lighthouse bench-plan-report

## Set up, load the Lang Son geopark into SQLite and serve it at http://127.0.0.1:8000/
# Generated reports need no worker of their own: a thread of the server makes them (geopark/reporting/queue.py).
run: setup translations
	bash scripts/system-deps.sh --runtime
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_geopark
	$(MANAGE) ensure_admin
	@echo ""
	@echo "  Geopark Platform:  http://$(HOST):$(PORT)/   (admin: http://$(HOST):$(PORT)/admin/)"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

## Set up and run every test (SQLite by default; PostgreSQL when DATABASE_URL points at one)
test: setup system-deps translations
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy geopark/*/services.py geopark/*/selectors.py
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
		DJANGO_ALLOWED_HOSTS=geopark.example.org $(MANAGE) check --deploy --fail-level WARNING
	$(VENV)/bin/pytest

setup: $(VENV)/.installed

# uv: the one on PATH, else one of our own in var/bootstrap. Never `pip install` into the system
# Python: Debian 12 and Ubuntu 24.04 refuse it ("externally-managed-environment", PEP 668).
BOOTSTRAP := var/bootstrap
UV := $(or $(shell command -v uv 2>/dev/null),$(BOOTSTRAP)/bin/uv)

$(VENV)/.installed: pyproject.toml uv.lock $(filter $(BOOTSTRAP)/%,$(UV))
	$(UV) sync --frozen
	touch $@

## A virtual environment that holds only uv (Debian's python3 needs python3-venv for it, installed
## by scripts/system-deps.sh when run as root).
$(BOOTSTRAP)/bin/uv:
	bash scripts/system-deps.sh --bootstrap
	rm -rf $(BOOTSTRAP)
	python3 -m venv $(BOOTSTRAP)
	$(BOOTSTRAP)/bin/python -m pip install --quiet --disable-pip-version-check uv

## Debian packages the browser tests need (Chromium); installed only when missing.
system-deps:
	bash scripts/system-deps.sh

translations: setup
	$(MANAGE) compiletranslations

## Re-extract translatable strings into locale/*/LC_MESSAGES/django.po (needs gettext)
messages: setup
	$(MANAGE) makemessages --all --no-obsolete --ignore=.venv --ignore=var --ignore=static/vendor --ignore=bench/lighthouse
	$(MANAGE) makemessages --all -d djangojs --ignore=.venv --ignore=var --ignore=static/vendor --ignore=bench/lighthouse

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy geopark/*/services.py geopark/*/selectors.py

## Database dump + media + manifest (row counts, sha256) in one archive: var/backups/<UTC time>.tar
BACKUP_DIR ?= var/backups
backup: setup
	$(MANAGE) backup --output $(BACKUP_DIR)

## Bring BACKUP=var/backups/<file>.tar back into an empty database (FORCE=1 drops a non-empty one's tables)
restore: setup
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/<file>.tar [FORCE=1]"; exit 2; }
	$(MANAGE) restore "$(BACKUP)" $(if $(FORCE),--force)

## In-process timings and query counts of every public page and API endpoint (after `make run`)
bench-pages: setup
	$(PY) bench/pages.py

## Every measurement of issue 5: HTTP throughput and latency, then Lighthouse.
bench: bench-http bench-lighthouse

## wrk against this platform, a plain `wagtail start` site and a static file (same gunicorn settings);
## a markdown table, also saved to var/bench/report.md. BENCH_ARGS="--quick" for a short smoke run.
bench-http: setup translations
	bash scripts/system-deps.sh --bench
	$(PY) bench/http_bench.py $(BENCH_ARGS)

## 200 connections for 60 s (wrk, loopback) over pages and API calls; fails on any error or non-2xx/3xx.
## BENCH_LOAD_ARGS="--duration 10" for a short run.
bench-load: setup translations
	bash scripts/system-deps.sh --bench
	$(PY) bench/load.py $(BENCH_LOAD_ARGS)

## Lighthouse (phone profile, Debian's Chromium) on the home, site, route, map, news and search pages
## in vi and en: performance, accessibility, best practices, SEO, transfer and LCP; fails under 98 or
## a home page of 200 KB or more. Needs Node.js 20+ (npm). LIGHTHOUSE_ARGS="--runs 1 --pages home".
bench-lighthouse: setup system-deps translations
	test -d bench/lighthouse/node_modules || (cd bench/lighthouse && npm ci --no-audit --no-fund)
	$(PY) bench/lighthouse.py $(LIGHTHOUSE_ARGS)

## The yearly report of a plan of 300 tasks and 2,000 progress entries as DOCX, PDF and XLSX, in a
## scratch SQLite file; prints each time and fails at 10 s. ARGS="--keep var/bench/reports" keeps the files.
bench-plan-report: setup translations
	bash scripts/system-deps.sh --runtime
	$(PY) bench/plan_report.py $(ARGS)

## The same at scale: shipped data against 10,000 sites and 100,000 news (generate_synthetic), in
## scratch SQLite files; add ARGS="--postgres postgres://user:pass@host/db" for PostgreSQL
bench-scale: setup
	$(PY) bench/scale.py $(ARGS)
