"""The optional boundary.geojson of a dataset: the geopark's official outline.

A geopark that has published its boundary ships it as a GeoJSON Polygon or MultiPolygon (bare, as a
Feature or as a FeatureCollection of polygon features). It is checked (closed rings, valid shape,
longitude/latitude order) and stored on the geopark as a FeatureCollection. Without the file the
geopark has no boundary: the platform never draws one from guesses such as district outlines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from shapely.geometry import shape
from shapely.validation import explain_validity

from geopark.core.loading import LoadReport

from .models import Geopark

FILENAME = "boundary.geojson"
MAX_BYTES = 5 * 1024 * 1024
POLYGONS = {"Polygon", "MultiPolygon"}


class BoundaryError(ValueError):
    """Why a boundary file cannot be used, for the person who maintains the dataset."""


def parse_boundary(doc: Any) -> dict[str, Any]:
    """A FeatureCollection of the polygon features in `doc`; raises BoundaryError."""
    if not isinstance(doc, dict):
        raise BoundaryError("not a GeoJSON object")
    kind = doc.get("type")
    if kind == "FeatureCollection":
        features = doc.get("features")
        if not isinstance(features, list) or not features:
            raise BoundaryError("the FeatureCollection has no features")
    elif kind == "Feature":
        features = [doc]
    elif kind in POLYGONS:
        features = [{"type": "Feature", "geometry": doc, "properties": {}}]
    else:
        raise BoundaryError(f"type '{kind}' is not a Polygon, MultiPolygon, Feature or FeatureCollection")
    cleaned = []
    for number, feature in enumerate(features, start=1):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not isinstance(geometry, dict) or geometry.get("type") not in POLYGONS:
            raise BoundaryError(f"feature {number} is not a Polygon or MultiPolygon")
        try:
            geom = shape(geometry)
        except (ValueError, TypeError, AttributeError, IndexError) as exc:
            raise BoundaryError(f"feature {number} has malformed coordinates: {exc}") from None
        if geom.is_empty:
            raise BoundaryError(f"feature {number} is empty")
        min_lon, min_lat, max_lon, max_lat = geom.bounds
        if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
            raise BoundaryError(
                f"feature {number} has coordinates off the Earth (GeoJSON is longitude, latitude)"
            )
        if not geom.is_valid:
            raise BoundaryError(f"feature {number} is not a valid shape: {explain_validity(geom)}")
        properties = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        cleaned.append({"type": "Feature", "geometry": geometry, "properties": properties})
    return {"type": "FeatureCollection", "features": cleaned}


def load_boundary(folder: Path, geopark: Geopark, report: LoadReport) -> None:
    """Store the dataset's boundary on the geopark, or clear it when the dataset has none."""
    path = folder / FILENAME
    if not path.exists():
        if geopark.boundary is not None:
            geopark.boundary = None
            geopark.save(update_fields=["boundary"])
            report.updated["boundary"] += 1
        return
    try:
        if path.stat().st_size > MAX_BYTES:
            raise BoundaryError(
                f"the file is larger than {MAX_BYTES // 1024 // 1024} MB; simplify the outline"
            )
        with path.open(encoding="utf-8") as handle:
            doc = json.load(handle)
        boundary = parse_boundary(doc)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        report.error(FILENAME, 0, f"not valid JSON: {exc}")
        return
    except BoundaryError as exc:
        report.error(FILENAME, 0, str(exc))
        return
    box = geopark.bbox
    corners = [shape(f["geometry"]).bounds for f in boundary["features"]]
    if not all(box.contains(s, w) and box.contains(n, e) for w, s, e, n in corners):
        report.warn(FILENAME, 0, "the boundary reaches outside the geopark's bounding box in geopark.toml")
    if geopark.boundary == boundary:
        report.unchanged["boundary"] += 1
        return
    if geopark.boundary is None:
        report.created["boundary"] += 1
    else:
        report.updated["boundary"] += 1
    geopark.boundary = boundary
    geopark.save(update_fields=["boundary"])
