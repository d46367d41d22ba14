"""GET /api/v1/geopark/boundary.geojson: the outline when the dataset has one, else a JSON 404."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


# A synthetic square, not any real boundary.
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[106.5, 21.6], [106.9, 21.6], [106.9, 22.0], [106.5, 22.0], [106.5, 21.6]]],
}


def test_no_boundary_is_a_json_404(client, geopark):
    response = client.get("/api/v1/geopark/boundary.geojson")
    assert response.status_code == 404
    assert "no published boundary" in response.json()["detail"]


def test_no_geopark_at_all_is_a_json_404(client, db):
    assert client.get("/api/v1/geopark/boundary.geojson").status_code == 404


def test_the_boundary_is_served_as_a_feature_collection(client, geopark):
    geopark.boundary = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "geometry": SQUARE, "properties": {}}],
    }
    geopark.save()
    response = client.get("/api/v1/geopark/boundary.geojson")
    assert response.status_code == 200
    assert response.json()["features"][0]["geometry"] == SQUARE
    assert response["Access-Control-Allow-Origin"] == "*"
