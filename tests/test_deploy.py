"""Things that only break in production: static files collection, CSP, the health check."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command


def test_static_files_collect_with_the_production_manifest_storage(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0, stdout=StringIO())
    manifest = (tmp_path / "static" / "staticfiles.json").read_text()
    for name in (
        "css/site.css",
        "js/map.js",
        "vendor/leaflet/leaflet.js",
        "vendor/fonts/be-vietnam-pro-vietnamese-400-normal.woff2",
    ):
        assert name in manifest


@pytest.mark.django_db
def test_public_pages_forbid_inline_scripts_and_the_admin_allows_wagtails_own(client, admin_user):
    public = client.get("/api/v1/routes")["Content-Security-Policy"]
    assert "script-src 'self'" in public
    assert "unsafe-inline" not in public.split("script-src")[1].split(";")[0]
    client.force_login(admin_user)
    admin = client.get("/admin/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in admin.split("script-src")[1].split(";")[0]


@pytest.mark.django_db
def test_health_check_reports_the_database_and_the_cache_and_is_never_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "writes": "ok",
        "migrations": "ok",
        "cache": "ok",
    }
    assert "no-store" in response["Cache-Control"]


@pytest.fixture
def closed_port():
    """A port bound but not listening: connecting to it is refused at once, and nothing else can
    take it while the test runs."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def _health_in_a_fresh_process(**env: str) -> tuple[int, dict]:
    """/healthz of a process configured by `env` alone, as a node is: this process's own database
    connection and cache cannot be pointed elsewhere without the settings-change machinery
    touching them first."""
    code = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz', HTTP_HOST='geopark.example.org'); print(json.dumps([r.status_code, r.json(), "
        "r['Cache-Control']]))"
    )
    steering = ("DJANGO_", "DATABASE_", "REDIS_URL", "LOG_")
    full_env = {
        **{key: value for key, value in os.environ.items() if not key.startswith(steering)},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "a-long-random-production-key-for-tests-only-0123456789",
        "DJANGO_ALLOWED_HOSTS": "geopark.example.org",
        "LOG_LEVEL": "CRITICAL",
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=full_env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    status, body, cache_control = json.loads(result.stdout.strip().splitlines()[-1])
    assert "no-store" in cache_control
    return status, body


def test_health_check_answers_503_naming_an_unreachable_cache(closed_port, tmp_path):
    status, body = _health_in_a_fresh_process(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", REDIS_URL=f"redis://127.0.0.1:{closed_port}/0"
    )
    # The database file does not exist either (and is not created): only the cache is looked at here.
    assert (status, body["status"], body["cache"]) == (503, "unhealthy", "unavailable")


def test_health_check_answers_503_naming_an_unreachable_database(closed_port):
    status, body = _health_in_a_fresh_process(
        DATABASE_URL=f"postgres://nobody:nothing@127.0.0.1:{closed_port}/nothing"
    )
    assert (status, body) == (
        503,
        {
            "status": "unhealthy",
            "database": "unavailable",
            "writes": "not checked",
            "migrations": "not checked",
            "cache": "ok",
        },
    )


@pytest.mark.django_db
def test_ensure_admin_never_uses_a_fixed_password(monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.delenv("GEOPARK_ADMIN_USERNAME", raising=False)
    monkeypatch.delenv("GEOPARK_ADMIN_PASSWORD", raising=False)
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    assert len(password) >= 16
    assert get_user_model().objects.get(username="admin").check_password(password)
    again = StringIO()
    call_command("ensure_admin", stdout=again)
    assert password not in again.getvalue()
    assert "exists" in again.getvalue()


@pytest.mark.django_db
def test_ensure_admin_takes_the_account_from_the_environment(monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("GEOPARK_ADMIN_USERNAME", "board")
    monkeypatch.setenv("GEOPARK_ADMIN_PASSWORD", "a-long-board-password")
    call_command("ensure_admin", stdout=StringIO())
    user = get_user_model().objects.get(username="board")
    assert user.is_superuser
    assert user.check_password("a-long-board-password")
