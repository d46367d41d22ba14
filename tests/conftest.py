"""Fixtures for the deployment tests: what config.settings.production makes of an environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Variables that steer the production settings; the caller's own environment must not leak in.
STEERING_PREFIXES = ("DJANGO_", "DATABASE_", "REDIS_URL", "GEOPARK_S3_", "AWS_", "LOG_", "STATIC_ROOT")


def production_settings(names: list[str], **env: str) -> dict[str, Any]:
    """Import config.settings.production in a fresh interpreter with `env` and return the named
    settings as JSON values. A process of its own because settings are read once per process."""
    code = (
        "import importlib, json, sys; m = importlib.import_module('config.settings.production'); "
        "print(json.dumps({n: getattr(m, n, None) for n in sys.argv[1:]}, default=str))"
    )
    clean = {key: value for key, value in os.environ.items() if not key.startswith(STEERING_PREFIXES)}
    base = {
        "DJANGO_SECRET_KEY": "a-long-random-production-key-for-tests-only-0123456789",
        "DJANGO_ALLOWED_HOSTS": "geopark.example.org",
    }
    result = subprocess.run(
        [sys.executable, "-c", code, *names],
        env={**clean, **base, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def production() -> Callable[..., dict[str, Any]]:
    return production_settings
