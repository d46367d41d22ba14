# The two commands of the README: `make run` and `make test`. Everything else supports them.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup system-deps test lint translations messages bench-pages

## Set up, load the Lang Son geopark into SQLite and serve it at http://127.0.0.1:8000/
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
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
		DJANGO_ALLOWED_HOSTS=geopark.example.org $(MANAGE) check --deploy --fail-level WARNING
	$(VENV)/bin/pytest

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml uv.lock
	python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	python3 -m uv sync --frozen
	touch $@

## Debian packages the browser tests need (Chromium); installed only when missing.
system-deps:
	bash scripts/system-deps.sh

translations: setup
	$(MANAGE) compiletranslations

## Re-extract translatable strings into locale/*/LC_MESSAGES/django.po (needs gettext)
messages: setup
	$(MANAGE) makemessages --all --no-obsolete --ignore=.venv --ignore=var --ignore=static/vendor
	$(MANAGE) makemessages --all -d djangojs --ignore=.venv --ignore=var --ignore=static/vendor

lint: setup
	$(VENV)/bin/ruff check .

## In-process timings and query counts of every public page and API endpoint (after `make run`)
bench-pages: setup
	$(PY) bench/pages.py
