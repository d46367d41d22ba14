"""The "Cooperation summary" admin page: the log's totals with their opening balances, as a chart
and tables, for the whole log or one year (?year=)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from . import charts, selectors

VIEW_PERMISSIONS = ("cooperation.view_delegation", "cooperation.view_networkactivity")


def may_view(user) -> bool:
    return any(user.has_perm(p) for p in VIEW_PERMISSIONS)


def summary(request: HttpRequest) -> HttpResponse:
    if not may_view(request.user):
        raise PermissionDenied
    try:
        year = int(request.GET["year"]) if request.GET.get("year") else None
    except ValueError:
        year = None
    result = selectors.summary(year)
    title = _("Cooperation summary")
    rows = [
        (_("Delegations received"), result.received.balance, result.received.records),
        (_("Delegations sent"), result.sent.balance, result.sent.records),
        (_("Network activities"), result.activities.balance, result.activities.records),
    ]
    return render(
        request,
        "cooperation/admin/summary.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "globe",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": "", "label": title},
            ],
            "summary": result,
            "years": selectors.record_years(),
            "chart": charts.stacked_bars(rows, label=_("Cooperation totals: opening balance and records")),
        },
    )
