"""The statistics dashboard in the Wagtail admin, for the board and the statistics officers
(`statistics.view_dashboard`, roles.py): the year to date against the year's targets and the year
before, the last month against the same month a year before, and the year by month, commune,
segment and kind; with its files (the open-data series plus the targets).

It shows what the open-data page shows, from the same aggregation: a dashboard that showed the
board a commune's unpublished total would be a way round the suppression for everyone the board
shares a screen or a spreadsheet with."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from . import exports, presentation, selectors, views

PERMISSION = "statistics.view_dashboard"
REFUSED_TEMPLATE = "statistics/admin/refused.html"


def _header(title: str) -> dict:
    return {
        "page_title": title,
        "header_title": title,
        "header_icon": "table",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": title},
        ],
    }


def _refused(request: HttpRequest) -> HttpResponse:
    # Said in words: Wagtail would turn a bare PermissionDenied into a silent redirect home.
    message = _("Only the board, statistics officers and researchers see the statistics dashboard.")
    return render(request, REFUSED_TEMPLATE, {**_header(_("Not allowed")), "message": message}, status=403)


def dashboard(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(PERMISSION):
        return _refused(request)
    try:
        year = selectors.parse_year(request.GET.get("year"))
    except selectors.BadYear as exc:
        return views.bad_year(request, str(exc), REFUSED_TEMPLATE)
    targets = selectors.target_rows(year)
    plan = targets[0].target.plan if targets else None
    context = views.context(year) | {
        **_header(_("Statistics dashboard")),
        "targets": presentation.target_rows(targets),
        "plan": plan,
    }
    return render(request, "statistics/admin/dashboard.html", context)


def export(request: HttpRequest, fmt: str) -> HttpResponse:
    if not request.user.has_perm(PERMISSION):
        return _refused(request)
    if fmt not in exports.FORMATS:
        raise Http404(_("No file in this format."))
    try:
        year = selectors.parse_year(request.GET.get("year"))
    except selectors.BadYear as exc:
        return views.bad_year(request, str(exc), REFUSED_TEMPLATE)
    return exports.response(fmt, selectors.year_aggregate(year), targets=selectors.target_rows(year))
