"""A route saved for offline in a real browser: its pages open without a network with the
saved-copy banner, a page not saved shows the offline page in its language, and a safety notice
changed on the server is never served from the saved copy once the network is back."""

from __future__ import annotations

import pytest

from geopark.heritage.tests.factories import HazardNoticeFactory, SiteFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory

pytestmark = pytest.mark.browser

ROUTE = "/en/routes/1-thuong-ngan/"


@pytest.fixture
def route(transactional_db):
    route = RouteFactory(number=1, slug="thuong-ngan")
    sites = [SiteFactory(geopark=route.geopark, slug=f"cave-{i}", name_en=f"Cave {i}") for i in range(2)]
    for order, site in enumerate(sites):
        RouteStopFactory(route=route, site=site, sort_order=order)
    notice = HazardNoticeFactory(site=sites[0], text_en="The path is slippery after rain.")
    return {"route": route, "sites": sites, "notice": notice}


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context
    context.close()


def save_route(page, base: str) -> None:
    page.goto(base + ROUTE)
    # The worker installs (offline pages stored) and takes the page over.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15_000)
    page.get_by_role("button", name="Save for offline").click()
    status = page.locator("[data-offline-status]")
    status.filter(has_text="Saved on").wait_for(timeout=15_000)
    assert "— 3 pages" in status.inner_text()


def test_a_saved_route_and_its_sites_open_offline_marked_as_the_saved_copy(context, live_server, route):
    page = context.new_page()
    save_route(page, live_server.url)

    context.set_offline(True)
    page.reload()
    assert page.locator("h1").inner_text() == "Route 1"
    banner = page.locator(".offline-banner")
    assert "this is the copy saved on this phone on" in banner.inner_text()
    assert "The path is slippery after rain." in page.locator(".stops").inner_text()

    page.get_by_role("link", name="Cave 0").first.click()
    page.wait_for_url(f"{live_server.url}/en/sites/cave-0/")
    assert page.locator("h1").inner_text() == "Cave 0"
    assert page.locator(".offline-banner").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # Not saved: the offline page, in the language of the address, never the browser's error.
    page.goto(f"{live_server.url}/en/sites/")
    assert page.locator("h1").inner_text() == "You are offline"
    assert page.get_by_role("link", name="Route 1, saved on").is_visible()
    page.goto(f"{live_server.url}/zh/events/")
    assert page.locator("h1").inner_text() == "您已离线"


def test_a_changed_safety_notice_is_fetched_from_the_server_once_back_online(context, live_server, route):
    page = context.new_page()
    save_route(page, live_server.url)
    site_page = f"{live_server.url}/en/sites/cave-0/"

    context.set_offline(True)
    page.goto(site_page)
    assert page.locator(".hazard__text").inner_text() == "The path is slippery after rain."

    notice = route["notice"]
    notice.text_en = "Rockfall: the path is closed."
    notice.save()
    context.set_offline(False)
    page.reload()
    assert page.locator(".hazard__text").inner_text() == "Rockfall: the path is closed."
    assert page.locator(".offline-banner").count() == 0

    # The saved copy was refreshed on the way: offline again, the new notice is what is kept.
    context.set_offline(True)
    page.reload()
    assert page.locator(".offline-banner").is_visible()
    assert page.locator(".hazard__text").inner_text() == "Rockfall: the path is closed."
