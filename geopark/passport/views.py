"""The passport page: the visitor's stamps per route, progress and badges, read from the phone."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from geopark.operations import pagecache

from . import selectors
from .badges import badge_svg
from .strings import beacon_urls, script_strings

# What the passport shows: the stamp cards of every site and the data its script keeps. A write to
# any of them moves the tags the page's remembered context and its fragment depend on (the
# template's `shows` names the same models).
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
    # Some forty stamp cards: worked out once per process and language, until one of SHOWS changes
    # (issue 18, point 9: a page-cache miss costs what changed, not the whole page).
    tags = tuple(tag for label in SHOWS for tag in pagecache.tags_for_model(apps.get_model(label)))
    context = pagecache.remembered(
        "passport.page", tags, lambda: _context(request.LANGUAGE_CODE), vary=request.LANGUAGE_CODE
    )
    return render(request, "passport/passport.html", context)
