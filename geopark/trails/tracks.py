"""A trail's track: read from an uploaded GPX file, checked, and measured (length, ascent, descent,
the elevation profile). Pure functions; the region to check against is passed in.

Safety: gpxpy parses with lxml when it is installed (it is, here) and otherwise with the standard
library; neither refuses a document type with entity definitions by itself. So the bytes are first
read with defusedxml, which refuses any DTD, entity or external reference (billion laughs, quadratic
blow-up, XXE), and only a file that passes is given to gpxpy. The size is checked before any parsing.

Measuring (docs/decisions/0047-trails.md):
- length: the sum of great-circle distances between successive points (core.geo, one place for
  every distance), horizontal, as trail signs and guidebooks give it;
- ascent and descent: GPS and barometric elevations jitter by a few metres from point to point, and
  summing every small rise would count that noise as climbing (a flat walk of 1,000 points showing
  hundreds of metres). A change is counted only once the elevation has moved more than
  `ELEVATION_THRESHOLD_M` from the last counted level (hysteresis): a real climb is counted in full,
  the jitter below the threshold is not. Known only when most points carry an elevation.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import gpxpy
import gpxpy.gpx
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from django.utils.translation import gettext as _

from geopark.core.geo import BBox, haversine_m

MAX_GPX_BYTES = 5 * 1024 * 1024
MAX_POINTS = 50_000
ELEVATION_THRESHOLD_M = 5.0
# Elevations outside these are an instrument's error (the Dead Sea shore to above Everest).
MIN_ELEVATION_M, MAX_ELEVATION_M = -450.0, 9000.0
# A track may start or end a little outside the geopark's bounding box (a car park over the line).
REGION_MARGIN_DEG = 0.05
# The share of points that must carry an elevation for ascent and descent to be given.
ELEVATION_COVERAGE = 0.9

# A point: (lat, lon, elevation in metres or None).
Point = tuple[float, float, float | None]


class TrackError(ValueError):
    """An upload that cannot be a trail's track; the message says why, in the active language."""


@dataclass(frozen=True)
class Measures:
    length_m: float
    ascent_m: float | None
    descent_m: float | None
    min_elevation_m: float | None
    max_elevation_m: float | None


def read_gpx(data: bytes, region: BBox | None) -> list[Point]:
    """The track points of a GPX file (its tracks, else its routes), checked; raises TrackError."""
    if len(data) > MAX_GPX_BYTES:
        raise TrackError(_("The GPX file is larger than 5 MB."))
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise TrackError(
            _("The file declares a document type or entities, which a GPX file never needs; it was refused.")
        ) from None
    except SafeET.ParseError:
        raise TrackError(_("This is not a readable GPX file: the XML is malformed.")) from None
    if root.tag.rsplit("}", 1)[-1] != "gpx":
        raise TrackError(_("This is not a GPX file (its root element is not <gpx>)."))
    try:
        gpx = gpxpy.parse(data.decode("utf-8"))
    except (UnicodeDecodeError, gpxpy.gpx.GPXException, ValueError):
        raise TrackError(_("This is not a readable GPX file.")) from None
    points: list[Point] = []
    for track in gpx.tracks:
        for segment in track.segments:
            points.extend((p.latitude, p.longitude, p.elevation) for p in segment.points)
    if not points:
        for route in gpx.routes:
            points.extend((p.latitude, p.longitude, p.elevation) for p in route.points)
    check_points(points, region)
    return points


def check_points(points: Sequence[Point], region: BBox | None) -> None:
    if len(points) < 2:
        raise TrackError(_("The GPX file has no track: it needs at least two track points."))
    if len(points) > MAX_POINTS:
        raise TrackError(
            _("The track has more than %(n)s points; simplify it before uploading.")
            % {"n": f"{MAX_POINTS:,}"}
        )
    for lat, lon, ele in points:
        if not (math.isfinite(lat) and math.isfinite(lon)) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise TrackError(_("The track has a point with impossible coordinates."))
        if region is not None and not _near(region, lat, lon):
            raise TrackError(
                _("The track has a point at %(lat).5f, %(lon).5f, outside the geopark.")
                % {"lat": lat, "lon": lon}
            )
        if ele is not None and not (math.isfinite(ele) and MIN_ELEVATION_M <= ele <= MAX_ELEVATION_M):
            raise TrackError(_("The track has an impossible elevation (%(ele)s m).") % {"ele": f"{ele:g}"})


def _near(region: BBox, lat: float, lon: float) -> bool:
    m = REGION_MARGIN_DEG
    return region.min_lat - m <= lat <= region.max_lat + m and region.min_lon - m <= lon <= region.max_lon + m


def distances_m(points: Sequence[Point]) -> list[float]:
    """The distance from the start to each point, along the track."""
    out, total = [0.0], 0.0
    for a, b in zip(points, points[1:], strict=False):
        total += haversine_m((a[0], a[1]), (b[0], b[1]))
        out.append(total)
    return out


def climb(elevations: Sequence[float], threshold: float = ELEVATION_THRESHOLD_M) -> tuple[float, float]:
    """(ascent, descent) in metres, counting a change only beyond `threshold` from the last counted
    level (hysteresis), so that jitter smaller than the threshold is not counted as climbing."""
    if not elevations:
        return 0.0, 0.0
    ascent = descent = 0.0
    level = elevations[0]
    for ele in elevations[1:]:
        if ele - level > threshold:
            ascent += ele - level
            level = ele
        elif level - ele > threshold:
            descent += level - ele
            level = ele
    # The last stretch below the threshold still counts when it ends the walk higher or lower.
    last = elevations[-1]
    if last > level:
        ascent += last - level
    else:
        descent += level - last
    return ascent, descent


def measure(points: Sequence[Point]) -> Measures:
    length = distances_m(points)[-1] if points else 0.0
    elevations = [p[2] for p in points if p[2] is not None]
    if not points or len(elevations) < ELEVATION_COVERAGE * len(points):
        return Measures(length, None, None, None, None)
    ascent, descent = climb(elevations)
    return Measures(length, ascent, descent, min(elevations), max(elevations))


def profile(points: Sequence[Point], samples: int = 200) -> list[tuple[float, float]]:
    """(distance m, elevation m) along the track, at most `samples` of them (evenly taken), for the
    chart: a long track's thousands of points would make a heavy picture and a table nobody reads."""
    along = distances_m(points)
    pairs = [(d, p[2]) for d, p in zip(along, points, strict=True) if p[2] is not None]
    if len(pairs) <= samples:
        return [(d, float(e)) for d, e in pairs]
    step = (len(pairs) - 1) / (samples - 1)
    return [(pairs[round(i * step)][0], float(pairs[round(i * step)][1])) for i in range(samples)]
