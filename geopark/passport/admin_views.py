"""The board's geo-passport page: stamps and badges per day (charts), per site and per route, and
one site's or one route's days when asked (?site=<code>, ?route=<number>)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from geopark.core.formatting import format_number
from geopark.signboards.charts import scans_by_day

from . import selectors
from .models import Question

PERMISSION = "passport.view_passport_counts"


def index(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    counts = selectors.counts()
    title = _("Geo-passport")
    focus, focus_chart, refused = None, None, ""
    if code := request.GET.get("site", "")[:40]:
        focus = selectors.site_by_code(code)
        if focus is None:
            refused = _("No public site has the code “%(code)s”.") % {"code": code}
        else:
            days, series = selectors.site_series(focus)
            focus_chart = scans_by_day(
                days, series, _("Stamps per day at %(site)s, last 90 days") % {"site": focus.name}
            )
    elif number := request.GET.get("route", ""):
        focus = selectors.route_by_number(int(number)) if number.isdigit() and len(number) < 4 else None
        if focus is None:
            refused = _("No public route has the number %(number)s.") % {"number": number[:4]}
        else:
            days, series = selectors.route_series(focus)
            focus_chart = scans_by_day(
                days, series, _("Badges per day of %(route)s, last 90 days") % {"route": focus.name}
            )
    total_stamps, total_badges = sum(counts.stamps_per_day), sum(counts.badges_per_day)
    return render(
        request,
        "passport/admin/index.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "pick",
            "counts": counts,
            "total_stamps": format_number(total_stamps),
            "total_badges": format_number(total_badges),
            "stamps_n": total_stamps,
            "badges_n": total_badges,
            "stamps_chart": scans_by_day(
                counts.days, counts.stamps_per_day, _("Stamps per day, all sites, last 90 days")
            ),
            "badges_chart": scans_by_day(
                counts.days, counts.badges_per_day, _("Badges per day, all routes, last 90 days")
            ),
            "focus": focus,
            "focus_chart": focus_chart,
            "refused": refused,
            "questions": Question.objects.count(),
            "can_edit_questions": request.user.has_perm("passport.view_question"),
        },
        status=404 if refused else 200,
    )
