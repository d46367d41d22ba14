"""The full map's optional layers: a geological map from settings, and the geopark boundary."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext

pytestmark = pytest.mark.django_db

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


def map_html(client, lang: str = "en") -> str:
    response = client.get(f"/{lang}/map/")
    assert response.status_code == 200
    return response.content.decode()


def test_with_nothing_configured_the_map_offers_no_extra_layer(client, geopark, settings):
    settings.GEOPARK_GEOLOGY_WMS_URL = settings.GEOPARK_GEOLOGY_TILE_URL = ""
    html = map_html(client)
    assert "data-geology" not in html
    assert "data-boundary" not in html
    assert "legend__geology" not in html
    assert "legend__boundary" not in html


def test_a_geology_tile_url_puts_a_geology_layer_on_the_map(client, geopark, settings):
    settings.GEOPARK_GEOLOGY_TILE_URL = "https://geology.example.org/{z}/{x}/{y}.png"
    settings.GEOPARK_GEOLOGY_ATTRIBUTION = "Geology © Example Survey"
    html = map_html(client, "vi")
    assert 'data-geology-tile="https://geology.example.org/{z}/{x}/{y}.png"' in html
    assert 'data-geology-attribution="Geology © Example Survey"' in html
    with translation.override("vi"):
        assert f'data-t-geology="{gettext("Geological map")}"' in html


def test_a_wms_service_needs_its_layers(client, geopark, settings):
    settings.GEOPARK_GEOLOGY_WMS_URL = "https://maps.example.org/wms"
    settings.GEOPARK_GEOLOGY_WMS_LAYERS = ""
    assert "data-geology" not in map_html(client)
    settings.GEOPARK_GEOLOGY_WMS_LAYERS = "geology,faults"
    html = map_html(client)
    assert 'data-geology-wms="https://maps.example.org/wms"' in html
    assert 'data-geology-layers="geology,faults"' in html


def test_the_boundary_is_drawn_only_when_the_dataset_has_one(client, geopark):
    assert "data-boundary" not in map_html(client)
    geopark.boundary = SQUARE
    geopark.save()
    html = map_html(client)
    assert 'data-boundary="/api/v1/geopark/boundary.geojson"' in html
    assert "legend__boundary" in html


def test_the_admin_home_lists_a_missing_boundary(client, admin_user, geopark):
    client.force_login(admin_user)
    with translation.override("vi"):
        missing = gettext("Geopark boundary: missing (add an official boundary.geojson to the dataset)")
        loaded = gettext("Geopark boundary: loaded from the dataset")
    assert missing in client.get("/admin/").content.decode()
    geopark.boundary = SQUARE
    geopark.save()
    html = client.get("/admin/").content.decode()
    assert loaded in html
    assert missing not in html
