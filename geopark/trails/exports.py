"""A trail as GPX and KML, by the writers the routes' files use (trips.exports): its surveyed track
with elevations and a waypoint per placed point of interest."""

from __future__ import annotations

from collections.abc import Callable

from geopark.core.i18n import translated_value
from geopark.trips.exports import Waypoint, line_gpx, line_kml

from .models import Trail


def _waypoints(trail: Trail, lang: str, url_of: Callable[[str], str]) -> list[Waypoint]:
    found = []
    for point in trail.points.all():
        position = point.position
        if position is None:
            continue
        if point.site_id and not point.name_vi:
            name, link, kind = (
                translated_value(point.site, "name", lang),
                url_of(point.site.get_absolute_url()),
                point.site.site_type,
            )
        else:
            name, link, kind = translated_value(point, "name", lang), "", ""
        found.append(Waypoint(position[0], position[1], name, link, kind))
    return found


def trail_gpx(trail: Trail, lang: str, url_of: Callable[[str], str]) -> str:
    return line_gpx(
        translated_value(trail, "name", lang), _waypoints(trail, lang, url_of), trail.points3d, "surveyed"
    )


def trail_kml(trail: Trail, lang: str, url_of: Callable[[str], str]) -> bytes:
    return line_kml(
        translated_value(trail, "name", lang), _waypoints(trail, lang, url_of), trail.points3d, "surveyed"
    )


def trail_geojson(trail: Trail, lang: str) -> dict:
    """The trail's line and its placed points, for the page's map (map.js "points" kind)."""
    features: list[dict] = []
    if trail.has_track:
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in trail.latlngs]},
                "properties": {"kind": "line", "name": translated_value(trail, "name", lang)},
            }
        )
    for point in trail.points.all():
        position = point.position
        if position is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [position[1], position[0]]},
                "properties": {
                    "kind": "point",
                    "name": point.label,
                    "url": point.site.get_absolute_url() if point.site_id else "",
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
