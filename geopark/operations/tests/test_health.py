"""/healthz says unhealthy whenever the node cannot serve: its database missing, read-only or not
migrated. Each database here is real: the request runs on a connection to a SQLite file that is
not there, opened read-only, or without the migrations, or to the PostgreSQL test server with
read-only transactions. An unreachable cache is in tests/test_deploy.py (a fresh process)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.db.utils import load_backend

pytestmark = pytest.mark.django_db

ALL_OK = {"status": "ok", "database": "ok", "writes": "ok", "migrations": "ok", "cache": "ok"}


@pytest.fixture
def database_at() -> Iterator[Callable[..., None]]:
    """Replaces the default connection, for this thread, by one with the given settings."""
    original = connections["default"]
    replaced = []

    def use(**settings) -> None:
        base = {**original.settings_dict, **settings}
        wrapper = load_backend(base["ENGINE"]).DatabaseWrapper(base, "default")
        replaced.append(wrapper)
        connections["default"] = wrapper

    yield use
    for wrapper in replaced:
        wrapper.close()
    connections["default"] = original


def sqlite(name: str | Path) -> dict:
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(name), "OPTIONS": {}, "TEST": {}}


def migrated_sqlite_file(path: Path) -> Path:
    """A copy of the test database, migrated, as a SQLite file (the PostgreSQL suite migrates one)."""
    default = connections["default"]
    if default.vendor == "sqlite":
        default.ensure_connection()
        target = sqlite3.connect(path)
        default.connection.backup(target)
        target.close()
    else:
        env = {
            key: value for key, value in os.environ.items() if not key.startswith(("DATABASE_", "DJANGO_"))
        }
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput"],
            cwd=settings.BASE_DIR,
            check=True,
            capture_output=True,
            timeout=600,
            env={
                **env,
                "DJANGO_SETTINGS_MODULE": "config.settings.test",
                "DATABASE_URL": f"sqlite:///{path}",
            },
        )
    return path


def test_health_is_ok_and_names_each_check_when_the_node_can_serve(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == ALL_OK
    assert "no-store" in response["Cache-Control"]


def test_health_is_unhealthy_and_creates_no_file_when_the_sqlite_database_is_missing(
    client, database_at, tmp_path
):
    missing = tmp_path / "db.sqlite3"
    database_at(**sqlite(missing))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unhealthy",
        "database": "missing",
        "writes": "not checked",
        "migrations": "not checked",
        "cache": "ok",
    }
    assert not missing.exists()
    assert list(tmp_path.iterdir()) == []


def test_health_is_unhealthy_when_the_sqlite_database_is_read_only(client, database_at, tmp_path):
    path = migrated_sqlite_file(tmp_path / "db.sqlite3")
    # As the site's user would open a file it may not write (root ignores file permissions).
    database_at(**sqlite(f"file:{path}?mode=ro"))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {**ALL_OK, "status": "unhealthy", "writes": "read-only"}


def test_health_is_unhealthy_when_the_database_has_no_migrations(client, database_at, tmp_path):
    path = tmp_path / "db.sqlite3"
    with sqlite3.connect(path) as empty:
        empty.execute("CREATE TABLE notes (text varchar)")
    database_at(**sqlite(path))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {**ALL_OK, "status": "unhealthy", "migrations": "pending"}


def test_health_is_ok_on_a_migrated_sqlite_file_and_leaves_no_trace_of_its_write(
    client, database_at, tmp_path
):
    path = migrated_sqlite_file(tmp_path / "db.sqlite3")
    database_at(**sqlite(path))
    assert client.get("/healthz").json() == ALL_OK
    with sqlite3.connect(path) as check:
        assert check.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE '%healthz%'").fetchone() == (
            0,
        )


@pytest.mark.postgresql
def test_health_is_unhealthy_when_postgresql_refuses_writes(client, database_at):
    if connections["default"].vendor != "postgresql":
        pytest.skip("PostgreSQL suite: run with DATABASE_URL=postgres://…")
    options = dict(connections["default"].settings_dict.get("OPTIONS", {}))
    options["options"] = "-c default_transaction_read_only=on"
    database_at(OPTIONS=options)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {**ALL_OK, "status": "unhealthy", "writes": "read-only"}
