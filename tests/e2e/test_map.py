"""What a visitor sees on the map page, in a real browser."""

from __future__ import annotations

import pytest

from geopark.heritage.models import Site

pytestmark = pytest.mark.browser


def open_map(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#geopark-map[data-ready='true']", timeout=15_000)


def pinned_count(route: int | None = None) -> int:
    qs = Site.objects.public().pinned()
    if route:
        qs = qs.filter(route_stops__route__number=route)
    return qs.distinct().count()


def test_map_shows_one_marker_per_located_site_and_filters_by_route(page, live_server, langson):
    open_map(page, f"{live_server.url}/vi/map/")
    assert page.evaluate("window.geoparkMap.markerCount()") == pinned_count() == 7
    # Places known only to their commune are areas, not markers.
    assert page.evaluate("window.geoparkMap.areaCount()") == Site.objects.filter(precision="commune").count()
    assert page.locator(".map__fallback").is_hidden()

    page.select_option("#map-filter-route", "4")
    page.wait_for_function("window.geoparkMap.markerCount() === 2")
    assert page.evaluate("window.geoparkMap.markerCount()") == pinned_count(route=4)
    assert page.evaluate("window.geoparkMap.lineCount()") == 1


def test_map_draws_sites_and_routes_with_the_tile_server_unreachable(page, live_server, langson, settings):
    settings.GEOPARK_TILE_URL = "http://127.0.0.1:9/{z}/{x}/{y}.png"
    open_map(page, f"{live_server.url}/en/map/")
    assert page.evaluate("window.geoparkMap.markerCount()") == 7
    assert page.evaluate("window.geoparkMap.lineCount()") >= 1


def test_language_switcher_keeps_the_visitor_on_the_map(page, live_server, langson):
    open_map(page, f"{live_server.url}/vi/map/")
    page.locator(".lang-switch a[hreflang='en']").click()
    page.wait_for_url(f"{live_server.url}/en/map/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Map of" in page.locator("h1").inner_text()
    page.wait_for_selector("#geopark-map[data-ready='true']")
    assert page.evaluate("window.geoparkMap.markerCount()") == 7


def test_a_map_of_many_sites_fills_in_page_by_page_until_every_site_is_shown(page, live_server, langson):
    """1,200 more pins: three pages of the GeoJSON; the map follows the `next` links."""
    geopark = Site.objects.first().geopark
    Site.objects.bulk_create(
        [
            Site(
                geopark=geopark,
                code=f"MANY-{i:04d}",
                slug=f"many-{i}",
                site_type="geological",
                name_vi=f"Điểm {i}",
                lat=21.6 + (i % 40) / 100,
                lon=106.4 + (i // 40) / 100,
                precision="published",
                live=True,
            )
            for i in range(1200)
        ]
    )
    requests = []
    page.on("request", lambda r: requests.append(r.url) if "/sites.geojson" in r.url else None)
    open_map(page, f"{live_server.url}/vi/map/")
    page.wait_for_selector("#geopark-map[data-complete='true']", timeout=30_000)
    assert page.evaluate("window.geoparkMap.markerCount()") == pinned_count() == 1207
    assert len(requests) == 3
    assert page.locator(".map__error").count() == 0
