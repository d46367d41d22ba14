"""Test settings: fast hashing, local memory cache, no rate-limit lockouts between tests."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-key-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# One stamp per test process, so a test run never touches a running site's page cache.
GEOPARK_PAGE_CACHE_STAMP = os.environ.get(
    "GEOPARK_PAGE_CACHE_STAMP", str(Path(tempfile.gettempdir()) / f"geopark-test-{os.getpid()}.stamp")
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
ALLOWED_HOSTS = ["*"]
# Tests make reports by calling the worker themselves; a thread would hold the test database open.
GEOPARK_REPORT_WORKER = "off"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests must never reach a tile server.
GEOPARK_TILE_URL = ""
# Page views are counted only by the tests that ask (analytics/tests): others would flush into
# whichever test's database is open when a batch falls due.
GEOPARK_ANALYTICS = False
