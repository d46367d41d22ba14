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


def test_on_a_phone_the_map_leads_with_pins_by_kind_names_close_up_a_commune_filter_and_every_route(
    page, live_server, langson
):
    from geopark.routes.models import Route

    page.set_viewport_size({"width": 390, "height": 844})
    open_map(page, f"{live_server.url}/en/map/")
    # The map starts within the first screen, with room to see it.
    assert page.locator("#geopark-map").bounding_box()["y"] < 844 - 300
    # Each pin shows its kind and is named, with its kind, for screen readers.
    pin = page.locator(".leaflet-marker-icon.site-marker").first
    assert pin.locator(".site-pin use").get_attribute("href").split("#")[1].startswith("kind-")
    assert " · " in pin.get_attribute("title")
    # Names appear only close up.
    assert page.locator(".site-name:visible").count() == 0
    page.evaluate("window.geoparkMap.map.setZoom(13, {animate: false})")
    # (wait_for_function would evaluate a string, which the site's CSP forbids)
    page.locator(".site-name").first.wait_for(state="visible")
    # One commune's places, pins and areas.
    site = Site.objects.public().pinned().exclude(commune=None).first()
    in_commune = Site.objects.public().filter(commune=site.commune)
    page.select_option("#map-filter-commune", site.commune.code)
    assert page.evaluate("window.geoparkMap.markerCount()") == in_commune.pinned().count()
    assert page.evaluate("window.geoparkMap.areaCount()") == in_commune.filter(precision="commune").count()
    # Every route of the legend is drawn or said to have no line yet.
    page.select_option("#map-filter-commune", "")
    legend = page.locator(".map-panel--legend .legend").inner_text()
    assert (
        page.evaluate("window.geoparkMap.lineCount()") + legend.count("no line yet") == Route.objects.count()
    )
