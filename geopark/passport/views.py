"""The passport page: the visitor's stamps per route, progress and badges, read from the phone."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from . import selectors
from .badges import badge_svg
from .strings import beacon_urls, script_strings

# What the passport shows: the stamp cards of every site and the data its script keeps. A write to
# any of them moves the tags its fragments (the template's `shows`, the same models) and a site
# page's stamp panel (links.py) depend on.
SHOWS = ("heritage.Site", "routes.Route", "routes.RouteStop", "passport.Question")


def _context(lang: str) -> dict[str, Any]:
    sites, routes, data = selectors.passport_data(lang)
    on_a_route = {site.pk for item in routes for site in item.sites}
    return {
        "routes": [
            (
                item,
                badge_svg(
                    item.route.number,
                    item.colour,
                    _("Badge of route %(number)s: %(name)s")
                    % {"number": item.route.number, "name": item.route.name},
                ),
            )
            for item in routes
        ],
        "other_sites": [site for site in sites if site.pk not in on_a_route],
        "data": {**data, "beacon": beacon_urls()},
        "strings": script_strings(),
    }


def passport(request: HttpRequest) -> HttpResponse:
    # Some forty stamp cards, rendered in the template's fragments once per process and language
    # until one of SHOWS changes (issue 18, point 9). Worked out only when a fragment renders again:
    # a page whose fragments are kept reads nothing.
    lang = request.LANGUAGE_CODE
    return render(request, "passport/passport.html", {"passport": SimpleLazyObject(lambda: _context(lang))})
