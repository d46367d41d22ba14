"""Browser tests drive Debian's Chromium through Playwright against a live test server."""

from __future__ import annotations

import os
from io import StringIO
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Playwright's sync API runs an event loop in the test thread; the ORM calls made by fixtures in
# that same thread are safe here because nothing else shares the connection.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("GEOPARK_REQUIRE_BROWSER"):
            pytest.fail(
                "Chromium is required (GEOPARK_REQUIRE_BROWSER is set) but /usr/bin/chromium is missing"
            )
        pytest.skip("Debian chromium is not installed (make system-deps installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def langson(transactional_db):
    """The shipped Lang Son dataset, loaded into the live server's database."""
    from django.conf import settings
    from django.core.management import call_command

    call_command(
        "load_geopark",
        data=settings.BASE_DIR / "data" / "langson",
        no_progress=True,
        stdout=StringIO(),
        stderr=StringIO(),
    )
