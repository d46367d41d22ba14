"""Things that only break in production: static files collection, CSP, the health check."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command


def test_static_files_collect_with_the_production_manifest_storage(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0, stdout=StringIO())
    manifest = (tmp_path / "static" / "staticfiles.json").read_text()
    for name in ("css/site.css", "js/map.js", "vendor/leaflet/leaflet.js", "vendor/fonts/be-vietnam-pro-vietnamese-400-normal.woff2"):
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
def test_health_check_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok"}


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
