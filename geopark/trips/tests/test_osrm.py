"""The OSRM provider against a stub server on a real socket that answers /table and /route in
OSRM's own response format (http://project-osrm.org/docs/v5.24.0/api/), and the planner's fallback
to the estimate when the server fails."""

from __future__ import annotations

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from geopark.heritage.tests.factories import SiteFactory
from geopark.trips import services
from geopark.trips.travel import OsrmProvider, TravelError

# The table OSRM answers for three points: seconds and metres (OSRM's example shape, with waypoints).
DURATIONS = [[0, 1800.5, 3600], [1790, 0, 1200], [3610, 1210, 0]]
DISTANCES = [[0, 25000, 52000.4], [24900, 0, 16000], [52100, 16100, 0]]


class Osrm(BaseHTTPRequestHandler):
    seen: list[str] = []
    broken = False

    def do_GET(self):
        Osrm.seen.append(self.path)
        url = urlsplit(self.path)
        parts = url.path.split("/")  # ["", "table", "v1", "driving", "lon,lat;lon,lat"]
        coordinates = [tuple(map(float, c.split(","))) for c in parts[4].split(";")]
        waypoints = [{"hint": "x", "distance": 4.2, "name": "QL1A", "location": list(c)} for c in coordinates]
        if Osrm.broken:
            self._send(400, {"code": "InvalidQuery", "message": "Query string malformed close to position 3"})
        elif parts[1] == "table":
            n = len(coordinates)
            assert parse_qs(url.query)["annotations"] == ["duration,distance"]
            self._send(
                200,
                {
                    "code": "Ok",
                    "durations": [row[:n] for row in DURATIONS[:n]],
                    "distances": [row[:n] for row in DISTANCES[:n]],
                    "sources": waypoints,
                    "destinations": waypoints,
                },
            )
        elif parts[1] == "route":
            line = [list(c) for c in coordinates]
            self._send(
                200,
                {
                    "code": "Ok",
                    "routes": [
                        {
                            "geometry": {"type": "LineString", "coordinates": line},
                            "legs": [
                                {
                                    "steps": [],
                                    "summary": "",
                                    "weight": 1800.5,
                                    "duration": 1800.5,
                                    "distance": 25000,
                                }
                            ],
                            "weight_name": "routability",
                            "weight": 1800.5,
                            "duration": 1800.5,
                            "distance": 25000,
                        }
                    ],
                    "waypoints": waypoints,
                },
            )

    def _send(self, status, data):
        raw = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args):
        pass


@pytest.fixture
def osrm():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Osrm)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Osrm.seen, Osrm.broken = [], False
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


POINTS = [(21.8537, 106.7615), (21.85, 106.75), (21.80, 106.80)]


def test_the_matrix_comes_from_the_servers_table_in_minutes_and_km(osrm):
    matrix = OsrmProvider(osrm).matrix(POINTS, "car")
    assert matrix.minutes[0][1] == pytest.approx(1800.5 / 60)
    assert matrix.km[0][2] == pytest.approx(52.0004)
    assert Osrm.seen[0].startswith("/table/v1/driving/106.761500,21.853700;106.750000,21.850000;")


def test_a_coach_is_slower_than_the_car_on_the_same_roads(osrm):
    car = OsrmProvider(osrm).matrix(POINTS, "car")
    coach = OsrmProvider(osrm).matrix(POINTS, "coach")
    assert coach.minutes[0][1] > car.minutes[0][1]
    assert coach.km == car.km


def test_the_line_of_a_drive_comes_from_the_servers_route(osrm):
    line = OsrmProvider(osrm).line(POINTS[:2], "car")
    assert line == [POINTS[0], POINTS[1]]
    assert Osrm.seen[0].startswith("/route/v1/driving/")
    assert "geometries=geojson" in Osrm.seen[0]


def test_an_error_answer_or_no_server_is_a_travel_error(osrm):
    Osrm.broken = True
    with pytest.raises(TravelError, match="InvalidQuery"):
        OsrmProvider(osrm).matrix(POINTS, "car")
    with pytest.raises(TravelError):
        OsrmProvider("http://127.0.0.1:9/", timeout=1).matrix(POINTS, "car")


@pytest.mark.django_db
def test_the_planner_uses_the_configured_server_and_falls_back_to_the_estimate(osrm, settings, geopark):
    settings.GEOPARK_OSRM_URL = osrm
    SiteFactory(slug="hang-a", lat=21.85, lon=106.75)
    SiteFactory(slug="hang-c", lat=21.80, lon=106.80)
    trip = services.parse(
        {
            "start": {"place": "lang-son-city"},
            "days": 1,
            "date": (timezone.localdate() + dt.timedelta(days=9)).isoformat(),
        },
        "en",
    )
    itinerary, _ = services.build(trip)
    assert itinerary["travel_times"] == "osrm"
    first = itinerary["days"][0]["stops"][0]
    assert (first["slug"], first["drive_minutes"], first["km"]) == ("hang-a", 30, 25.0)
    # The day's road, as the server drew it (the stub draws through the points it was given).
    assert itinerary["days"][0]["line"] == [[21.8537, 106.7615], [21.85, 106.75], [21.8, 106.8]]
    assert Osrm.seen[-1].startswith("/route/v1/driving/106.761500,21.853700;106.750000,21.850000;")
    Osrm.broken = True
    fallback = services.build(trip)[0]
    assert fallback["travel_times"] == "estimate"
    assert "line" not in fallback["days"][0]
