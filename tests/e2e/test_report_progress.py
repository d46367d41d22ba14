"""The report page in a real browser: its progress bars and download links follow the worker
without a reload (reporting/progress.js polling the status URL, under the site's CSP)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from geopark.reporting import services
from geopark.reporting.tests.factories import sample_document
from geopark.reporting.tests.test_queue import ask, source  # noqa: F401  (the sample report source)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_page_shows_a_queued_report_then_its_finished_bar_and_download_link_without_reloading(
    page,
    live_server,
    source,  # noqa: F811
):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    report = ask(format="xlsx")
    page.goto(f"{live_server.url}/admin/reports/")
    row = page.locator(f"tr[data-report='{report.pk}']")
    assert row.locator("progress").get_attribute("value") == "0"
    queued = row.locator("[data-role=step]").inner_text()
    assert row.locator("[data-role=download] a").count() == 0
    services.run_pending()
    row.locator("[data-role=download] a").wait_for(timeout=15_000)
    assert row.locator("progress").evaluate("bar => bar.value") == 100
    assert row.locator("[data-role=step]").inner_text() != queued
    assert (
        row.locator("[data-role=fingerprint] code").get_attribute("title")
        == sample_document(tasks=3).fingerprint()
    )
