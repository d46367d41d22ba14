"""The trails' public pages: the list and a trail's page (its files and map data come from the API)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import charts, selectors, tracks
from .models import Trail


def _trail(slug: str) -> Trail:
    trail = selectors.trail_by_slug(slug)
    if trail is None:
        raise Http404(_("No trail at this address."))
    return trail


def trail_list(request: HttpRequest) -> HttpResponse:
    return render(request, "trails/trail_list.html", {"trails": selectors.trail_list()})


def trail_detail(request: HttpRequest, slug: str) -> HttpResponse:
    trail = _trail(slug)
    profile = tracks.profile(trail.points3d) if trail.has_track else []
    context = {
        "trail": trail,
        "points": list(trail.points.all()),
        "profile_chart": charts.elevation_profile(profile, name=trail.name) if len(profile) >= 2 else "",
        "profile_table": charts.profile_table(profile) if len(profile) >= 2 else [],
    }
    return render(request, "trails/trail_detail.html", context)
