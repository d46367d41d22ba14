"""The geo-passport's beacons: a phone tells that a stamp was collected, or a route's badge earned.

Only what is counted is accepted: a site's code, how the stamp was collected and whether the
question was answered; a route's number. No identifier is sent or stored; the answer has no body
and sets no cookie. The address is read only to limit how often it posts, under a keyed hash that
expires with the hour (operations.ratelimit)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router

from geopark.core.api import request_language
from geopark.operations import ratelimit

from . import selectors, services

router = Router(tags=["geo-passport"])

# A phone collects a few dozen stamps on a long day; a school group behind one address a few hundred.
BEACON_LIMIT = ratelimit.Limit("passport-beacons", 600, 3600)
MAX_BODY = 512  # {"site": "LSG-R4-01", "method": "location", "answered": true} is 60 bytes


def _error(status: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status)


class Refused(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def _body(request: HttpRequest, keys: set[str]) -> dict[str, Any]:
    """The JSON object of a beacon, with exactly `keys`; else Refused with the reason."""
    if request.content_type not in ("application/json", "text/plain"):
        raise Refused(415, _("Send the beacon as JSON (Content-Type: application/json)."))
    if len(request.body) > MAX_BODY:
        raise Refused(400, _("A beacon is a few words; this one is too long."))
    try:
        body = json.loads(request.body or b"null")
    except (ValueError, RecursionError):
        raise Refused(400, _("The beacon is not valid JSON.")) from None
    if not isinstance(body, dict):
        raise Refused(400, _("A beacon is a JSON object."))
    if set(body) != keys:
        raise Refused(
            400, _("A beacon has exactly these fields: %(fields)s.") % {"fields": ", ".join(sorted(keys))}
        )
    return body


def _address_key(request: HttpRequest) -> str:
    # The rate limit needs to tell addresses apart, not to know them: a keyed hash is kept, for the hour.
    address = ratelimit.client_address(request)
    return hashlib.sha256(f"{settings.SECRET_KEY}:passport:{address}".encode()).hexdigest()[:32]


def _limited(request: HttpRequest, count) -> HttpResponse:
    use = ratelimit.take(BEACON_LIMIT, _address_key(request))
    if not use:
        return _error(429, _("Too many beacons from your address; please try again in an hour."))
    try:
        count()
    except BaseException:
        use.give_back()
        raise
    return HttpResponse(status=204)


BEACON_DOC = (
    "204 when counted. 400 with the reason in the request's language (`lang`, else Accept-Language) for "
    "a body that is not a JSON object with exactly these fields and types; 404 for an unknown {what}; "
    "415 for another content type; 429 after 600 beacons an hour from one address."
)


@router.post(
    "/passport/stamps",
    summary="Count a geo-passport stamp: a site's code, how it was collected, whether its question was answered",
    description=BEACON_DOC.format(what="site"),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["site", "method", "answered"],
                        "properties": {
                            "site": {"type": "string"},
                            "method": {"enum": list(services.METHODS)},
                            "answered": {"type": "boolean"},
                        },
                    },
                    "example": {"site": "LSG-R4-01", "method": "scan", "answered": True},
                }
            },
        }
    },
    response={204: None, 400: dict, 404: dict, 415: dict, 429: dict},
)
def count_stamp(request: HttpRequest):
    with translation.override(request_language(request)):
        try:
            body = _body(request, {"site", "method", "answered"})
            code, method, answered = body["site"], body["method"], body["answered"]
            if not isinstance(code, str) or not code or len(code) > 40:
                raise Refused(400, _("“site” is a site's code, such as LSG-R4-01."))
            if method not in services.METHODS:
                raise Refused(400, _("“method” is “scan” or “location”."))
            if not isinstance(answered, bool):
                raise Refused(400, _("“answered” is true or false."))
            site = selectors.site_by_code(code)
            if site is None:
                raise Refused(404, _("No public site has the code “%(code)s”.") % {"code": code})
        except Refused as refused:
            return _error(refused.status, refused.detail)
        return _limited(request, lambda: services.count_stamp(site.pk, method, answered))


@router.post(
    "/passport/badges",
    summary="Count a geo-passport badge: the number of the route whose every site was stamped",
    description=BEACON_DOC.format(what="route"),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["route"],
                        "properties": {"route": {"type": "integer"}},
                    },
                    "example": {"route": 1},
                }
            },
        }
    },
    response={204: None, 400: dict, 404: dict, 415: dict, 429: dict},
)
def count_badge(request: HttpRequest):
    with translation.override(request_language(request)):
        try:
            number = _body(request, {"route"})["route"]
            if isinstance(number, bool) or not isinstance(number, int) or not 0 < number < 1000:
                raise Refused(400, _("“route” is a route's number, such as 1."))
            route = selectors.route_by_number(number)
            if route is None:
                raise Refused(404, _("No public route has the number %(number)s.") % {"number": number})
        except Refused as refused:
            return _error(refused.status, refused.detail)
        return _limited(request, lambda: services.count_badge(route.pk))
