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
    stops = [f for f in geojson["features"] if f["properties"]["kind"] == "stop"]
    assert stops[0]["geometry"]["coordinates"] == [106.75, 21.85]


def test_a_plans_map_draws_each_days_drive_in_the_days_colour_straight_when_no_road_is_known(client, db):
    stored_plan("p1")
    features = client.get("/en/plan/p1/plan.geojson").json()["features"]
    leg, start, stop = features  # the line first, so the pins are drawn over it
    assert start["properties"] == {"kind": "start", "name": "Start: Lạng Sơn city"}
    assert start["geometry"]["coordinates"] == [106.7615, 21.8537]
    assert leg["geometry"] == {"type": "LineString", "coordinates": [[106.7615, 21.8537], [106.75, 21.85]]}
    assert leg["properties"] == {"kind": "leg", "day": 1, "colour": "#1d5e40", "road": False, "name": "Day 1"}
    assert (stop["properties"]["label"], stop["properties"]["colour"]) == ("1.1", "#1d5e40")
    for lang, words in (("en", "Day 1: straight from stop to stop"), ("zh", "第 1 天：各站点之间的直线")):
        html = client.get(f"/{lang}/plan/p1/").content.decode()
        legend = html[
            html.index('class="plan-legend"') : html.index("</ul>", html.index('class="plan-legend"'))
        ]
        assert f"</span>{words}</li>" in legend
        assert "plan-legend__line--straight" in legend


def test_a_plans_days_start_where_the_night_before_ended():
    from geopark.trips.services import day_paths

    stop = {"lat": 21.8, "lon": 106.8}
    itinerary = {
        "start": {"lat": 21.0, "lon": 105.8},
        "days": [
            {"stops": [stop], "lodging": {"lat": 21.9, "lon": 106.9}},
            {"stops": [], "lodging": None},  # a day of rest draws nothing
            {"stops": [{"lat": 22.0, "lon": 107.0}], "lodging": None},
        ],
    }
    assert day_paths(itinerary) == [
        [(21.0, 105.8), (21.8, 106.8), (21.9, 106.9)],
        [],
        [(21.9, 106.9), (22.0, 107.0)],
    ]
