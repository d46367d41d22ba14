"""The environment and management commands of an app server that a test starts for real (gunicorn
with production settings), shared by the tests that need one."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from pgcluster import HOST

REPO = Path(__file__).resolve().parent.parent


def app_env(extra: Mapping[str, str]) -> dict[str, str]:
    """Production settings on loopback, without this shell's own database, cache or geopark
    settings (a developer's DATABASE_URL must never reach a test server)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "GEOPARK_", "REDIS_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
            "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "GEOPARK_TILE_URL": "",
            "PYTHONUNBUFFERED": "1",
            **extra,
        }
    )
    return env


def manage(env: Mapping[str, str], *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, (
        f"manage.py {' '.join(args)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
    )
