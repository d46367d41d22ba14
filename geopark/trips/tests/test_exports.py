"""Routes and plans as GPX (read back with gpxpy) and KML (read back with an XML parser): a
waypoint per placed stop, in order, with the line."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import gpxpy
import pytest

from geopark.heritage.tests.factories import SiteFactory
from geopark.routes.tests.factories import RouteFactory, RouteStopFactory
from geopark.trips.tests.factories import stored_plan

pytestmark = pytest.mark.django_db
KML = "{http://www.opengis.net/kml/2.2}"


@pytest.fixture
def route(geopark):
    route = RouteFactory(number=4, geopark=geopark)
    RouteStopFactory(route=route, sort_order=0, site=SiteFactory(name_en="Tam Thanh", lat=21.86, lon=106.74))
    RouteStopFactory(route=route, sort_order=1, site=SiteFactory(name_en="Unplaced", unknown_position=True))
    RouteStopFactory(route=route, sort_order=2, site=SiteFactory(name_en="Na Duong", lat=21.70, lon=106.97))
    return route


def test_a_route_downloads_as_gpx_with_its_stops_as_waypoints_and_its_line(client, route):
    response = client.get("/api/v1/routes/4.gpx?lang=en")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/gpx+xml")
    assert 'filename="route-4.gpx"' in response["Content-Disposition"]
    gpx = gpxpy.parse(response.content.decode())
    assert [(w.name, w.latitude, w.longitude) for w in gpx.waypoints] == [
        ("1. Tam Thanh", 21.86, 106.74),
        ("3. Na Duong", 21.70, 106.97),
    ]
    assert gpx.waypoints[0].link.endswith("/en/sites/" + route.stops.first().site.slug + "/")
    assert [(p.latitude, p.longitude) for p in gpx.tracks[0].segments[0].points] == [
        (21.86, 106.74),
        (21.70, 106.97),
    ]
    assert gpx.tracks[0].type == "schematic"


def test_a_route_downloads_as_kml_with_placemarks_and_its_line(client, route):
    response = client.get("/api/v1/routes/4.kml?lang=en")
    assert response.status_code == 200
    assert "kml" in response["Content-Type"]
    root = ET.fromstring(response.content)
    marks = root.findall(f"{KML}Document/{KML}Placemark")
    assert [m.findtext(f"{KML}name") for m in marks] == ["1. Tam Thanh", "3. Na Duong", "Route 4"]
    assert marks[0].findtext(f"{KML}Point/{KML}coordinates") == "106.740000,21.860000"
    assert (
        marks[2].findtext(f"{KML}LineString/{KML}coordinates") == "106.740000,21.860000 106.970000,21.700000"
    )


def test_an_unknown_route_has_no_download_and_says_so_in_the_asked_language(client, db):
    assert client.get("/api/v1/routes/9.gpx").status_code == 404
    refused = client.get("/api/v1/routes/9.kml?lang=zh")
    assert refused.status_code == 404
    assert refused.json()["detail"] == "没有9号线路。"
    assert client.get("/api/v1/routes/9.gpx?lang=en").json()["detail"] == "No route number 9."


def test_an_unknown_trip_plan_is_said_in_words(client, db):
    refused = client.get("/api/v1/trip-plans/nothing-here", HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 404
    assert "nothing-here" in refused.json()["detail"]


def test_a_stored_plan_downloads_as_gpx_and_kml_in_the_pages_language(client, db):
    stored_plan("p1")
    gpx = gpxpy.parse(client.get("/zh/plan/p1/plan.gpx").content.decode())
    assert [(w.name, w.comment) for w in gpx.waypoints] == [("1.1 A洞", "2027-03-01 08:12–09:27")]
    root = ET.fromstring(client.get("/en/plan/p1/plan.kml").content)
    assert root.findtext(f"{KML}Document/{KML}Folder/{KML}Placemark/{KML}name") == "Cave A"
    geojson = client.get("/en/plan/p1/plan.geojson").json()
    assert geojson["features"][0]["geometry"]["coordinates"] == [106.75, 21.85]
