"""The passport page: the visitor's stamps per route, progress and badges, read from the phone."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import selectors
from .badges import badge_svg
from .strings import beacon_urls, script_strings


def passport(request: HttpRequest) -> HttpResponse:
    sites, routes, data = selectors.passport_data(request.LANGUAGE_CODE)
    on_a_route = {site.pk for item in routes for site in item.sites}
    return render(
        request,
        "passport/passport.html",
        {
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
        },
    )
