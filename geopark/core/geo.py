"""Geo maths on plain (lat, lon) pairs in WGS84 degrees. One place for every distance and time."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG)

# Mountain roads wind: the straight line between two stops is shorter than the road. These
# factors turn a schematic (straight-segment) length into an estimate of road distance and time.
ROAD_WINDING_FACTOR = 1.3
AVERAGE_SPEED_KMH = 40.0


@dataclass(frozen=True)
class BBox:
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.min_lat <= lat <= self.max_lat and self.min_lon <= lon <= self.max_lon

    @classmethod
    def parse(cls, text: str) -> BBox:
        """Read "minLon,minLat,maxLon,maxLat"; raise ValueError with a readable reason."""
        parts = [p.strip() for p in (text or "").split(",")]
        if len(parts) != 4:
            raise ValueError("bbox needs four numbers: minLon,minLat,maxLon,maxLat")
        try:
            min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
        except ValueError as exc:
            raise ValueError("bbox values must be numbers") from exc
        if not all(math.isfinite(v) for v in (min_lon, min_lat, max_lon, max_lat)):
            raise ValueError("bbox values must be finite numbers")
        if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
            raise ValueError("bbox longitudes must be between -180 and 180")
        if not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
            raise ValueError("bbox latitudes must be between -90 and 90")
        if min_lon > max_lon or min_lat > max_lat:
            raise ValueError("bbox minimum must not exceed its maximum")
        return cls(min_lon, min_lat, max_lon, max_lat)


def validate_lat_lon(lat: float | None, lon: float | None) -> None:
    """Raise ValueError unless both are given and lie on the Earth."""
    if lat is None or lon is None:
        raise ValueError("latitude and longitude must be given together")
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError("coordinates must be finite numbers")
    if not -90 <= lat <= 90:
        raise ValueError("latitude must be between -90 and 90")
    if not -180 <= lon <= 180:
        raise ValueError("longitude must be between -180 and 180")


def haversine_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres between two (lat, lon) points."""
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    dlat, dlon = lat2 - lat1, lon2 - lon1
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def path_length_m(points: Sequence[tuple[float, float]]) -> float:
    """Length in metres of a line through (lat, lon) points in order."""
    return sum(haversine_m(points[i], points[i + 1]) for i in range(len(points) - 1))


def estimated_road_km(straight_m: float) -> float:
    return straight_m / 1000 * ROAD_WINDING_FACTOR


def driving_minutes(road_km: float, speed_kmh: float = AVERAGE_SPEED_KMH) -> int:
    return round(road_km / speed_kmh * 60)


def radius_for_area_m(area_km2: float) -> float:
    """Radius of a circle with the given area: how a commune-level position is drawn."""
    return math.sqrt(max(area_km2, 0.0) * 1_000_000 / math.pi)


def centroid(points: Iterable[tuple[float, float]]) -> tuple[float, float] | None:
    pts = list(points)
    if not pts:
        return None
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
