"""The trip planner's API: plan a trip, read a stored plan, and a route as GPX or KML."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router

from geopark.core.api import LANG_CODES, Lang, ProblemsOut, request_language
from geopark.operations import ratelimit

from . import exports, selectors, services
from .planner import Infeasible

router = Router(tags=["trip plans"])

PLAN_LIMIT = ratelimit.Limit("trip-plans", 60, 3600)
MAX_DEPTH = 4  # {"start": {"lat": …}} is 2 deep; lists of slugs 2: anything deeper is not a request


def _depth(value: Any) -> int:
    """How deeply lists and objects nest, without recursion (a hostile body cannot exhaust the stack)."""
    deepest, todo = 0, [(value, 1)]
    while todo:
        item, level = todo.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                return level
            todo.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _error(status: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status)


def plan_out(request: HttpRequest, plan) -> dict[str, Any]:
    with translation.override(plan.lang):
        url = request.build_absolute_uri(plan.get_absolute_url())
    return {
        "id": plan.pk,
        "url": url,
        "created_at": plan.created_at.isoformat(),
        "request": plan.request,
        **plan.itinerary,
    }


REQUEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["start", "days", "date"],
                    "properties": {
                        "start": {
                            "description": '{"place": "lang-son-city" | "ha-noi" | "huu-nghi-border-gate"}, {"partner": slug} or {"lat": …, "lon": …}',
                            "type": "object",
                        },
                        "days": {"type": "integer", "minimum": 1, "maximum": services.MAX_DAYS},
                        "interests": {"type": "array", "items": {"enum": list(services.INTERESTS)}},
                        "means": {"enum": ["car", "motorbike", "coach"]},
                        "pace": {"enum": ["relaxed", "normal", "brisk"]},
                        "lang": {"enum": list(LANG_CODES)},
                        "date": {"type": "string", "format": "date"},
                        "pinned": {"type": "array", "items": {"type": "string"}},
                        "excluded": {"type": "array", "items": {"type": "string"}},
                    },
                },
                "example": {
                    "start": {"place": "lang-son-city"},
                    "days": 2,
                    "interests": ["geology", "temples"],
                    "means": "car",
                    "lang": "en",
                    "date": "2027-03-01",
                    "pinned": [],
                    "excluded": [],
                },
            }
        },
    }
}


@router.post(
    "/trip-plans",
    summary="Plan a trip: a day-by-day itinerary, stored, with its shareable address",
    description=(
        "201 with the itinerary (days → stops with arrival, departure, visit, drive minutes and km) and "
        "`url`, the plan's page. 400 for a request the planner cannot read, with the reason in the "
        "request's language (`lang`, else Accept-Language); 415 unless the body is JSON; 422 when no "
        "plan can meet the request, with why; 429 after 60 plans an hour from one address."
    ),
    openapi_extra=REQUEST_BODY,
    response={201: dict, 400: dict, 415: dict, 422: dict, 429: dict},
)
def create_plan(request: HttpRequest):
    if request.content_type != "application/json":
        with translation.override(request_language(request)):
            return _error(415, _("Send the request as JSON (Content-Type: application/json)."))
    try:
        body = json.loads(request.body or b"null")
    except (ValueError, RecursionError):
        with translation.override(request_language(request)):
            return _error(400, _("The request body is not valid JSON."))
    lang = request_language(request, body)
    with translation.override(lang):
        if _depth(body) > MAX_DEPTH:
            return _error(400, _("The request is nested too deeply."))
        try:
            trip = services.parse(body, lang)
        except services.BadRequest as error:
            return _error(400, str(error))
        use = ratelimit.take(PLAN_LIMIT, ratelimit.client_address(request))
        if not use:
            return _error(429, _("Too many plans from your address; please try again in an hour."))
        try:
            plan = services.create_plan(trip)
        except Infeasible as error:
            use.give_back()
            return _error(422, services.infeasible_message(error))
        except BaseException:
            use.give_back()
            raise
        return JsonResponse(plan_out(request, plan), status=201)


@router.get(
    "/trip-plans/{plan_id}", summary="A stored trip plan, as it was planned", response={200: dict, 404: dict}
)
def read_plan(request: HttpRequest, plan_id: str):
    plan = selectors.plan_by_id(plan_id[:16])
    if plan is None:
        return _error(404, _("No trip plan “%(id)s”.") % {"id": plan_id[:16]})
    return JsonResponse(plan_out(request, plan))


def _site_url(request: HttpRequest):
    return lambda site: request.build_absolute_uri(site.get_absolute_url())


def _file_response(media_type: str) -> dict:
    return {
        "responses": {
            "200": {"description": "The file", "content": {media_type: {"schema": {"type": "string"}}}}
        }
    }


@router.get(
    "/routes/{number}.gpx",
    openapi_extra=_file_response("application/gpx+xml"),
    summary="A route as GPX: its line and a waypoint per stop",
    response={404: dict, 422: ProblemsOut},
    tags=["routes"],
)
def route_gpx(request: HttpRequest, number: int, lang: Lang = Lang.vi):
    return _route_file(request, number, lang, "gpx")


@router.get(
    "/routes/{number}.kml",
    openapi_extra=_file_response("application/vnd.google-earth.kml+xml"),
    summary="A route as KML: its line and a placemark per stop",
    response={404: dict, 422: ProblemsOut},
    tags=["routes"],
)
def route_kml(request: HttpRequest, number: int, lang: Lang = Lang.vi):
    return _route_file(request, number, lang, "kml")


# A route's file per extension: the writer and its media type.
ROUTE_FILES = {
    "gpx": (exports.route_gpx, "application/gpx+xml"),
    "kml": (exports.route_kml, "application/vnd.google-earth.kml+xml"),
}


def _route_file(request: HttpRequest, number: int, lang: Lang, kind: str):
    found = selectors.route_for_export(number)
    if found is None:
        with translation.override(lang.value):
            return _error(404, _("No route number %(number)d.") % {"number": number})
    write, media_type = ROUTE_FILES[kind]
    with translation.override(lang.value):
        body = write(*found, lang.value, _site_url(request))
    response = HttpResponse(body, content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="route-{number}.{kind}"'
    return response
