"""Routes: schematic geometry and its estimates, surveyed tracks, and the routes API."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from geopark.core import geo
from geopark.heritage.tests.factories import SiteFactory
from geopark.routes import selectors
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory
from geopark.routes.tracks import TrackError, parse_track

pytestmark = pytest.mark.django_db

GPX = b"""<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><trkseg>
    <trkpt lat="21.85" lon="106.75"></trkpt>
    <trkpt lat="21.80" lon="106.80"></trkpt>
    <trkpt lat="21.70" lon="106.96"></trkpt>
  </trkseg></trk>
</gpx>"""


@pytest.fixture
def route4(geopark):
    route = RouteFactory(number=4, geopark=geopark, name_en="Road to the Water Palace")
    a = SiteFactory(geopark=geopark, slug="tam-thanh", lat=21.85557, lon=106.74680)
    unknown = SiteFactory(geopark=geopark, slug="somewhere", unknown_position=True)
    b = SiteFactory(geopark=geopark, slug="na-duong", lat=21.69194, lon=106.96667, uncertainty_m=2000)
    for order, site in enumerate([a, unknown, b]):
        RouteStopFactory(route=route, site=site, sort_order=order)
    return route


def test_schematic_line_runs_through_placed_stops_in_order_and_is_an_estimate(route4):
    g = selectors.geometry(selectors.route_by_number(4))
    assert not g.surveyed
    assert g.is_estimate
    assert g.latlngs == [(21.85557, 106.74680), (21.69194, 106.96667)]
    assert g.placed_stop_count == 2
    straight = geo.haversine_m((21.85557, 106.74680), (21.69194, 106.96667))
    assert g.length_km == pytest.approx(straight / 1000 * geo.ROAD_WINDING_FACTOR)
    assert g.driving_minutes % 5 == 0
    assert abs(g.driving_minutes - geo.driving_minutes(g.length_km)) <= 2.5


def test_stops_sharing_a_commune_centroid_add_one_vertex_not_a_detour(geopark):
    from geopark.territory.tests.factories import CommuneFactory

    route = RouteFactory(number=3, geopark=geopark)
    commune = CommuneFactory(lat=21.68, lon=106.35)
    sites = [
        SiteFactory(geopark=geopark, lat=21.5, lon=106.4),
        SiteFactory(geopark=geopark, commune_only=True, commune=commune),
        SiteFactory(geopark=geopark, commune_only=True, commune=commune),
        SiteFactory(geopark=geopark, lat=21.8, lon=106.5),
    ]
    for order, site in enumerate(sites):
        RouteStopFactory(route=route, site=site, sort_order=order)
    g = selectors.geometry(selectors.route_by_number(3))
    assert g.latlngs == [(21.5, 106.4), (21.68, 106.35), (21.8, 106.5)]


def test_a_route_with_fewer_than_two_placed_stops_has_no_line_or_length(geopark):
    route = RouteFactory(number=2, geopark=geopark)
    RouteStopFactory(route=route, site=SiteFactory(geopark=geopark, unknown_position=True), sort_order=0)
    g = selectors.geometry(selectors.route_by_number(2))
    assert g.geojson_line() is None
    assert g.length_km is None
    assert g.driving_minutes is None


def test_a_surveyed_track_replaces_the_schematic_line(route4):
    route4.track = parse_track(GPX, "route4.gpx")
    route4.save()
    g = selectors.geometry(selectors.route_by_number(4))
    assert g.surveyed
    assert not g.is_estimate
    assert g.geojson_line()["coordinates"][0] == [106.75, 21.85]
    assert len(g.latlngs) == 3


def test_geojson_tracks_are_read_too():
    doc = {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": [[106.7, 21.8], [106.8, 21.9]]},
    }
    assert parse_track(json.dumps(doc).encode(), "t.geojson") == [[106.7, 21.8], [106.8, 21.9]]


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"hello", "t.txt", "Upload a .gpx or .geojson"),
        (b"<gpx><broken", "t.gpx", "not a readable GPX"),
        (b"{not json", "t.geojson", "not a readable GeoJSON"),
        (b'{"type": "Point", "coordinates": [1, 2]}', "t.geojson", "no LineString"),
        (b'{"type": "LineString", "coordinates": [[1, 2]]}', "t.geojson", "at least two points"),
        (b'{"type": "LineString", "coordinates": [[1, 2], [500, 2]]}', "t.geojson", "impossible coordinates"),
        (b'{"type": "LineString", "coordinates": [[1, 2], ["x"]]}', "t.geojson", "malformed point"),
        (b"x" * (5 * 1024 * 1024 + 1), "t.gpx", "larger than 5 MB"),
    ],
)
def test_bad_track_files_are_refused_with_a_reason(data, name, reason):
    with translation.override("en"), pytest.raises(TrackError, match=reason):
        parse_track(data, name)


def test_routes_api_lists_routes_with_estimates_labelled(client, route4):
    data = client.get("/api/v1/routes?lang=en").json()
    assert data[0]["number"] == 4
    assert data[0]["name"] == "Road to the Water Palace"
    assert data[0]["is_estimate"] is True
    assert data[0]["schematic"] is True
    assert data[0]["stop_count"] == 3
    assert data[0]["length_km"] > 28
    assert data[0]["colour"].startswith("#")


def test_route_geojson_has_the_line_and_every_stop_in_order(client, route4):
    doc = client.get("/api/v1/routes/4.geojson?lang=vi").json()
    kinds = [f["properties"]["kind"] for f in doc["features"]]
    assert kinds == ["line", "stop", "stop", "stop"]
    stops = doc["features"][1:]
    assert [s["properties"]["order"] for s in stops] == [1, 2, 3]
    assert stops[1]["geometry"] is None  # position unknown: listed, never placed
    assert doc["features"][0]["geometry"]["type"] == "LineString"


def test_unknown_route_is_a_json_404_and_bad_number_a_422(client, db):
    response = client.get("/api/v1/routes/9.geojson?lang=en")
    assert response.status_code == 404
    assert response.json()["detail"] == "No route number 9."
    assert client.get("/api/v1/routes/x.geojson").status_code in (404, 422)
    assert client.get("/api/v1/routes?lang=xx").status_code == 422


def test_routes_api_query_count_does_not_grow_with_stops(client, route4):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            client.get("/api/v1/routes")
        return len(ctx.captured_queries)

    few = count()
    for i in range(40):
        RouteStopFactory(route=route4, site=SiteFactory(geopark=route4.geopark), sort_order=10 + i)
    assert count() == few
