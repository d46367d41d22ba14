"""Reading a surveyed route track from an uploaded GPX or GeoJSON file."""

from __future__ import annotations

import json

import gpxpy
import gpxpy.gpx
from django.utils.translation import gettext as _

from geopark.core.geo import validate_lat_lon

MAX_TRACK_BYTES = 5 * 1024 * 1024


class TrackError(ValueError):
    pass


def parse_track(data: bytes, filename: str) -> list[list[float]]:
    """Return [[lon, lat], …] from a GPX or GeoJSON file, or raise TrackError with a reason."""
    if len(data) > MAX_TRACK_BYTES:
        raise TrackError(_("The track file is larger than 5 MB."))
    name = filename.lower()
    if name.endswith(".gpx"):
        coords = _from_gpx(data)
    elif name.endswith((".geojson", ".json")):
        coords = _from_geojson(data)
    else:
        raise TrackError(_("Upload a .gpx or .geojson file."))
    if len(coords) < 2:
        raise TrackError(_("The track needs at least two points."))
    for lon, lat in coords:
        try:
            validate_lat_lon(lat, lon)
        except ValueError:
            raise TrackError(_("The track has a point with impossible coordinates.")) from None
    return coords


def _from_gpx(data: bytes) -> list[list[float]]:
    try:
        gpx = gpxpy.parse(data.decode("utf-8", errors="strict"))
    except (UnicodeDecodeError, gpxpy.gpx.GPXException, ValueError):
        raise TrackError(_("This is not a readable GPX file.")) from None
    coords: list[list[float]] = []
    for track in gpx.tracks:
        for segment in track.segments:
            coords.extend([p.longitude, p.latitude] for p in segment.points)
    if not coords:
        for route in gpx.routes:
            coords.extend([p.longitude, p.latitude] for p in route.points)
    return coords


def _from_geojson(data: bytes) -> list[list[float]]:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise TrackError(_("This is not a readable GeoJSON file.")) from None
    geometries = []
    if isinstance(doc, dict) and doc.get("type") == "FeatureCollection":
        geometries = [f.get("geometry") for f in doc.get("features", []) if isinstance(f, dict)]
    elif isinstance(doc, dict) and doc.get("type") == "Feature":
        geometries = [doc.get("geometry")]
    elif isinstance(doc, dict):
        geometries = [doc]
    coords: list[list[float]] = []
    for geom in geometries:
        if not isinstance(geom, dict):
            continue
        if geom.get("type") == "LineString":
            lines = [geom.get("coordinates") or []]
        elif geom.get("type") == "MultiLineString":
            lines = geom.get("coordinates") or []
        else:
            continue
        for line in lines:
            for point in line:
                if not (isinstance(point, list | tuple) and len(point) >= 2):
                    raise TrackError(_("The GeoJSON line has a malformed point."))
                try:
                    coords.append([float(point[0]), float(point[1])])
                except (TypeError, ValueError):
                    raise TrackError(_("The GeoJSON line has a malformed point.")) from None
    if not coords:
        raise TrackError(_("The GeoJSON file holds no LineString."))
    return coords
