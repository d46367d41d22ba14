"""Driving times and distances between points: one provider at a time (`provider()`).

- `EstimateProvider` (the default): road km = great-circle km × a road factor; minutes at a speed
  per means of travel, a mountain speed on short legs and a trunk-road speed on long ones (the
  drive from Hà Nội or the border gate is on national roads). See `calibrate` for the factor.
- `OsrmProvider`, used when `GEOPARK_OSRM_URL` names an OSRM server: its `/table` service gives
  the matrix of durations and distances, `/route` the line of a day's drive.

Both answer the same two questions, so the planner does not know which one it asks."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings

from geopark.core.geo import haversine_m

Point = tuple[float, float]  # (lat, lon)

# The detour index of the province's roads: how much longer the road is than the straight line.
# Calibrated as `calibrate` explains; 1.45 is the value the calibration keeps for mountain roads.
ROAD_FACTOR = 1.45
# A detour index outside these bounds says the route's data is incomplete, not the roads' shape
# (published detour indices of rural and mountain road networks lie between about 1.2 and 1.8).
PLAUSIBLE_FACTOR = (1.2, 1.8)
# Legs longer than this run mostly on national roads (QL1A, QL4B, the expressway), faster.
TRUNK_LEG_KM = 40.0
SPEEDS_KMH = {
    # means: (mountain and commune roads, national roads)
    "car": (40.0, 60.0),
    "motorbike": (35.0, 45.0),
    "coach": (32.0, 55.0),
}
MEANS = tuple(SPEEDS_KMH)


class TravelError(Exception):
    """The provider could not answer (the routing server is down or answered nonsense)."""


@dataclass(frozen=True)
class Matrix:
    minutes: list[list[float]]
    km: list[list[float]]


class EstimateProvider:
    name = "estimate"

    def __init__(self, road_factor: float = ROAD_FACTOR) -> None:
        self.road_factor = road_factor

    def leg(self, a: Point, b: Point, means: str) -> tuple[float, float]:
        """(minutes, km) from a to b."""
        km = haversine_m(a, b) / 1000 * self.road_factor
        mountain, trunk = SPEEDS_KMH[means]
        speed = trunk if km > TRUNK_LEG_KM else mountain
        return km / speed * 60, km

    def matrix(self, points: Sequence[Point], means: str) -> Matrix:
        legs = [[self.leg(a, b, means) if a != b else (0.0, 0.0) for b in points] for a in points]
        return Matrix([[m for m, _ in row] for row in legs], [[k for _, k in row] for row in legs])

    def line(self, points: Sequence[Point], means: str) -> list[Point]:
        return list(points)


class OsrmProvider:
    """An OSRM server (http://project-osrm.org/docs/v5.24.0/api/): `/table/v1/{profile}/{lon,lat;…}
    ?annotations=duration,distance` and `/route/v1/{profile}/{…}?overview=full&geometries=geojson`.
    The profile is "driving" for every means; a coach's and a motorbike's times are the car's times
    scaled by the ratio of their speeds in the estimate."""

    name = "osrm"

    def __init__(self, base_url: str, timeout: float = 5.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def _get(self, path: str) -> dict:
        try:
            with urllib.request.urlopen(f"{self.base_url}{path}", timeout=self.timeout) as response:
                body = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            # OSRM answers its errors (InvalidQuery, NoTable, TooBig …) as 400 with a JSON body.
            try:
                body = json.loads(exc.read().decode("utf-8"))
            except ValueError:
                body = {"code": f"HTTP {exc.code}"}
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise TravelError(f"routing server: {exc}") from exc
        if not isinstance(body, dict) or body.get("code") != "Ok":
            raise TravelError(
                f"routing server answered {str(body.get('code') if isinstance(body, dict) else body)[:80]}"
            )
        return body

    @staticmethod
    def _coordinates(points: Sequence[Point]) -> str:
        return ";".join(f"{lon:.6f},{lat:.6f}" for lat, lon in points)

    @staticmethod
    def _slowdown(means: str) -> float:
        return SPEEDS_KMH["car"][0] / SPEEDS_KMH[means][0]

    def matrix(self, points: Sequence[Point], means: str) -> Matrix:
        body = self._get(f"/table/v1/driving/{self._coordinates(points)}?annotations=duration,distance")
        durations, distances = body.get("durations"), body.get("distances")
        n = len(points)
        if not (
            isinstance(durations, list)
            and isinstance(distances, list)
            and len(durations) == n == len(distances)
        ):
            raise TravelError("routing server: the table does not match the points")
        slow = self._slowdown(means)
        try:
            minutes = [[float(s) / 60 * slow for s in row] for row in durations]
            km = [[float(m) / 1000 for m in row] for row in distances]
        except (TypeError, ValueError) as exc:  # null: no road between two points
            raise TravelError("routing server: no road between two of the points") from exc
        return Matrix(minutes, km)

    def line(self, points: Sequence[Point], means: str) -> list[Point]:
        if len(points) < 2:
            return list(points)
        body = self._get(f"/route/v1/driving/{self._coordinates(points)}?overview=full&geometries=geojson")
        try:
            coordinates = body["routes"][0]["geometry"]["coordinates"]
            return [(float(lat), float(lon)) for lon, lat in coordinates]
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise TravelError("routing server: no route geometry") from exc


def provider() -> EstimateProvider | OsrmProvider:
    url = getattr(settings, "GEOPARK_OSRM_URL", "")
    return OsrmProvider(url) if url else EstimateProvider()


@dataclass(frozen=True)
class Calibration:
    number: int
    official_km: float
    path_km: float
    placed: int
    official_points: int

    @property
    def ratio(self) -> float:
        return self.official_km / self.path_km

    @property
    def usable(self) -> bool:
        """A route counts only when every official point is placed and the ratio is plausible: with
        points missing, the stops' path is shorter than the route and the ratio overstates winding."""
        low, high = PLAUSIBLE_FACTOR
        return self.placed >= self.official_points and low <= self.ratio <= high


def calibrate(
    routes: Sequence[tuple[int, float | None, int, list[Point]]],
) -> tuple[float, list[Calibration]]:
    """The road factor from routes given as (number, official km, official points, stops' positions
    in order): the mean of official km ÷ great-circle km through the stops, over the routes where
    that ratio means something (`Calibration.usable`); ROAD_FACTOR when none does."""
    found = []
    for number, official_km, official_points, points in routes:
        if not official_km or len(points) < 2:
            continue
        path = sum(haversine_m(points[i], points[i + 1]) for i in range(len(points) - 1)) / 1000
        if path > 0:
            found.append(Calibration(number, float(official_km), path, len(points), official_points or 0))
    usable = [c.ratio for c in found if c.usable]
    return (sum(usable) / len(usable) if usable else ROAD_FACTOR), found
