"""/api/v1/routes…: the themed routes, their lines and stops."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext
from ninja import Router, Schema, Status

from geopark.core.api import FeatureCollection, Lang, Message, ProblemsOut
from geopark.territory import names

from . import selectors
from .models import Route, RouteGeometry

router = Router(tags=["routes"])


class RouteOut(Schema):
    number: int
    slug: str
    name: str
    theme: str
    summary: str
    url: str
    colour: str
    stop_count: int
    official_points: int | None
    length_km: float | None
    driving_minutes: int | None
    is_estimate: bool
    schematic: bool


def route_out(route: Route, geometry: RouteGeometry) -> dict:
    length = geometry.length_km
    return {
        "number": route.number,
        "slug": route.slug,
        "name": route.name,
        "theme": route.theme,
        "summary": route.summary,
        "url": route.get_absolute_url(),
        "colour": settings.GEOPARK_ROUTE_COLOURS.get(route.number, {}).get("fill", "#555555"),
        "stop_count": len(geometry.stops),
        "official_points": route.official_points,
        "length_km": round(length, 1) if length is not None else None,
        "driving_minutes": geometry.driving_minutes,
        "is_estimate": geometry.is_estimate,
        "schematic": not geometry.surveyed,
    }


@router.get("/routes", response={200: list[RouteOut], 422: ProblemsOut}, summary="The themed routes")
def list_routes(request: HttpRequest, lang: Lang = Lang.vi):
    with translation.override(lang.value):
        return [route_out(r, selectors.geometry(r)) for r in selectors.route_list()]


class RouteFeatureCollection(FeatureCollection):
    """The line (properties `kind: line`) and each stop (`kind: stop`; no geometry when its place is unknown)."""

    properties: RouteOut


@router.get(
    "/routes/{number}.geojson",
    response={200: RouteFeatureCollection, 404: Message, 422: ProblemsOut},
    summary="A route's line and ordered stops",
)
def route_geojson(request: HttpRequest, number: int, lang: Lang = Lang.vi):
    route = selectors.route_by_number(number)
    if route is None:
        with translation.override(lang.value):
            return Status(404, {"detail": gettext("No route number %(number)d.") % {"number": number}})
    with translation.override(lang.value):
        geometry = selectors.geometry(route)
        features = []
        line = geometry.geojson_line()
        if line:
            features.append(
                {
                    "type": "Feature",
                    "geometry": line,
                    "properties": {"kind": "line", **route_out(route, geometry)},
                }
            )
        for stop in geometry.stops:
            position = stop.site.map_position
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [position[1], position[0]]}
                    if position
                    else None,
                    "properties": {
                        "kind": "stop",
                        "order": stop.position,
                        "order_confirmed": stop.order_confirmed,
                        "slug": stop.site.slug,
                        "name": stop.site.name,
                        "url": stop.site.get_absolute_url(),
                        "commune": names.unit_name(stop.site.commune.name, stop.site.commune.kind)
                        if stop.site.commune
                        else "",
                        "commune_official": stop.site.commune.name if stop.site.commune else "",
                        "precision": stop.site.precision,
                        "uncertainty_m": stop.site.map_uncertainty_m,
                    },
                }
            )
        return {"type": "FeatureCollection", "properties": route_out(route, geometry), "features": features}
