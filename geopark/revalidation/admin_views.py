"""The "UNESCO revalidation" admin page: the recognition and the countdown to the next
revalidation, the recommendations with their status history, the criteria checklist, and the
progress report's export."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from geopark.reporting import services as reporting
from geopark.territory.selectors import current_geopark

from . import selectors, services
from .forms import ExportForm

VIEW = "revalidation.view_cycle"
REPORT = "reporting.add_generatedreport"


def may_view(user) -> bool:
    return user.has_perm(VIEW)


def countdown_context(today=None) -> dict:
    today = today or timezone.localdate()
    cycle = selectors.current_cycle(today)
    return {
        "cycle": cycle,
        "milestones": cycle.milestones(today) if cycle else [],
        "geopark": current_geopark(),
    }


@require_http_methods(["GET", "POST"])
def overview(request: HttpRequest) -> HttpResponse:
    if not may_view(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    context = countdown_context(today)
    cycle = context["cycle"]
    form = ExportForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm(REPORT):
            raise PermissionDenied
        if cycle is None:
            form.add_error(None, _("There is no revalidation cycle to report on; add one first."))
        elif form.is_valid():
            try:
                services.request_report(cycle, **form.cleaned_data, user=request.user)
            except reporting.InvalidRequest as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, _("The progress report is queued; the reports page shows its progress.")
                )
                return redirect("reporting_admin:index")
    title = _("UNESCO revalidation")
    recommendations = list(selectors.recommendations(cycle)) if cycle else []
    for recommendation in recommendations:
        recommendation.overdue = recommendation.is_overdue(today)
    return render(
        request,
        "revalidation/admin/overview.html",
        {
            **context,
            "page_title": title,
            "header_title": title,
            "header_icon": "globe",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": "", "label": title},
            ],
            "today": today,
            "recommendations": recommendations,
            "progress": selectors.progress(cycle, today) if cycle else None,
            "checklist": selectors.checklist(),
            "form": form,
            "may_report": request.user.has_perm(REPORT),
            "may_add": request.user.has_perm("revalidation.add_recommendation"),
        },
        status=400 if request.method == "POST" else 200,
    )
