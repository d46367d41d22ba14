"""The full map's optional layers in a real browser: the geopark boundary and a geological map."""

from __future__ import annotations

import pytest

from geopark.territory.models import Geopark

pytestmark = pytest.mark.browser

# A synthetic square for the test only: Lang Son publishes no boundary and the dataset ships none.
SQUARE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[106.5, 21.6], [106.9, 21.6], [106.9, 22.0], [106.5, 22.0], [106.5, 21.6]]],
            },
        }
    ],
}


def open_map(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#geopark-map[data-ready='true']", timeout=15_000)


def test_the_boundary_is_drawn_and_a_geology_layer_can_be_switched_on(page, live_server, langson, settings):
    Geopark.objects.update(boundary=SQUARE)
    settings.GEOPARK_GEOLOGY_TILE_URL = "http://127.0.0.1:9/geology/{z}/{x}/{y}.png"
    open_map(page, f"{live_server.url}/en/map/")
    assert page.evaluate("window.geoparkMap.boundaryCount()") == 1
    assert page.evaluate("window.geoparkMap.overlayNames()") == ["Geopark boundary", "Geological map"]
    # The sites still draw, with the geology server unreachable.
    assert page.evaluate("window.geoparkMap.markerCount()") == 7
    control = page.locator(".leaflet-control-layers")
    control.hover()
    geology = control.get_by_label("Geological map")
    assert not geology.is_checked()
    tiles = ".leaflet-tile-pane .leaflet-layer"  # the tests run without a base layer: only geology
    assert page.locator(tiles).count() == 0
    geology.check()
    assert page.locator(tiles).count() == 1
    boundary = control.get_by_label("Geopark boundary")
    boundary.uncheck()
    assert page.evaluate("window.geoparkMap.boundaryCount()") == 0


def test_without_boundary_or_geology_the_map_has_no_layer_box(page, live_server, langson):
    open_map(page, f"{live_server.url}/vi/map/")
    assert page.evaluate("window.geoparkMap.overlayNames()") == []
    assert page.locator(".leaflet-control-layers").count() == 0
