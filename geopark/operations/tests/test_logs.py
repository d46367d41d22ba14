"""Production logs are JSON lines with one record per request; LOG_FORMAT=text turns them back
into text."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from geopark.operations.logs import logging_config

REQUEST = (
    "import django; django.setup(); from django.test import Client; "
    "Client().get('/healthz', HTTP_HOST='geopark.example.org'); "
    "Client().get('/robots.txt', HTTP_HOST='geopark.example.org')"
)


def _run_production(tmp_path, **env: str) -> list[str]:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_URL", "LOG_"))
    }
    result = subprocess.run(
        [sys.executable, "-c", REQUEST],
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "a-long-random-production-key-for-tests-only-0123456789",
            "DJANGO_ALLOWED_HOSTS": "geopark.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            # Python's own warnings (WhiteNoise's "No directory at" on a fresh clone) are not log
            # records and would sit between the JSON lines.
            "PYTHONWARNINGS": "ignore",
            **env,
        },
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_production_writes_one_json_line_per_request_with_method_path_status_and_duration(tmp_path):
    records = [json.loads(line) for line in _run_production(tmp_path)]
    requests = [record for record in records if record["logger"] == "geopark.request"]
    # The process's SQLite file does not exist (and is not created), so /healthz says unhealthy.
    assert [(r["method"], r["path"], r["status"]) for r in requests] == [
        ("GET", "/healthz", 503),
        ("GET", "/robots.txt", 301),
    ]
    assert all(isinstance(r["duration_ms"], int | float) and r["duration_ms"] >= 0 for r in requests)
    assert all(r["level"] == "INFO" and r["time"] for r in requests)


def test_log_format_text_gives_lines_for_people(tmp_path):
    lines = _run_production(tmp_path, LOG_FORMAT="text")
    request_lines = [line for line in lines if "geopark.request" in line]
    assert len(request_lines) == 2
    assert "GET /healthz 503" in request_lines[0]
    assert not request_lines[0].startswith("{")


def test_an_unknown_log_format_is_refused_rather_than_silently_ignored():
    with pytest.raises(ValueError, match="LOG_FORMAT"):
        logging_config("yaml", "INFO")
