"""Staff pages in the Wagtail admin: assessments, monitoring, visitor reports and the site dossier.

Registered by wagtail_hooks.py, so Wagtail's admin login guards them; each view then checks the
one permission its work needs (see users.services for who has which)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.paginator import WagtailPaginator

from geopark.heritage.models import Site

from . import assessment as brilha
from . import charts, exports, selectors, services
from .forms import AssessmentForm, FollowUpFields, ModerateReportForm, ReportToInspectionForm
from .models import FollowUpAction, ReportState, VisitorReport

VIEW_ASSESSMENTS = "conservation.view_assessment"
ADD_ASSESSMENT = "conservation.add_assessment"
VIEW_INSPECTIONS = "conservation.view_inspection"
CLOSE_FOLLOW_UP = "conservation.change_followupaction"
MODERATE = "conservation.moderate_visitorreport"
# Turning a report into an inspection is a scientist's act (users.services: the Scientists hold it),
# so scientists read the reports too; only moderators decide on them.
ADD_INSPECTION = "conservation.add_inspection"
# What a follow-up made from a visitor report is due in, unless the moderator says otherwise.
FOLLOW_UP_DEFAULT_DELAY = dt.timedelta(days=30)
# Rows per page of the assessment and monitoring tables: a page's cost must not grow with the inventory.
PAGE_SIZE = 100
# The page parameter of Wagtail's pagination bar (wagtailadmin/shared/pagination_nav.html links with it).
PAGE_PARAM = "p"


def _require(request: HttpRequest, *perms: str) -> None:
    if not any(request.user.has_perm(p) for p in perms):
        raise PermissionDenied


def _page(request: HttpRequest, rows: selectors.PagedRows) -> Page:
    """The page of `rows` that ?p= asks for, as Wagtail's own listings read it (and its pagination
    bar links to it); a number out of range or not a number gives the last or the first page."""
    return WagtailPaginator(rows, PAGE_SIZE).get_page(request.GET.get(PAGE_PARAM))


def _pagination(page: Page) -> dict:
    """What Wagtail's pagination bar (wagtailadmin/shared/pagination_nav.html) reads."""
    return {"page_obj": page, "elided_page_range": page.paginator.get_elided_page_range(page.number)}


def _crumbs(*items: tuple[str, str | None]) -> list[dict]:
    return [{"url": reverse("wagtailadmin_home"), "label": _("Home")}] + [
        {"url": url or "", "label": label} for label, url in items
    ]


# --- Assessments ------------------------------------------------------------------------------


def assessment_overview(request: HttpRequest) -> HttpResponse:
    """Every site side by side, sortable by each value (?sort=), a page at a time (?p=), with a chart
    and exports of every site."""
    _require(request, VIEW_ASSESSMENTS)
    table = selectors.AssessmentTable(sort=request.GET.get("sort", "-scientific"))
    current = table.sort
    fmt = request.GET.get("format")
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = HttpResponse(exports.as_csv(list(table)), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="assessments-{stamp}.csv"'
        return response
    if fmt == "xlsx":
        response = HttpResponse(
            exports.as_xlsx(list(table)),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="assessments-{stamp}.xlsx"'
        return response
    columns = (
        [("code", _("Code")), ("name", _("Site"))]
        + [(v.value, brilha.VALUE_ABBREVIATIONS[v]) for v in brilha.Value]
        + [("date", _("Date"))]
    )
    titles = {v.value: brilha.VALUE_LABELS[v] for v in brilha.Value}
    headers = []
    for key, label in columns:
        descending_first = key not in ("code", "name")
        if current.lstrip("-") == key:
            next_sort = key if current.startswith("-") else f"-{key}"
            state = "descending" if current.startswith("-") else "ascending"
        else:
            next_sort, state = (f"-{key}" if descending_first else key), "none"
        headers.append(
            {"key": key, "label": label, "sort": next_sort, "state": state, "title": titles.get(key, label)}
        )
    page = _page(request, table)
    assessed = table.assessed_rows()
    return render(
        request,
        "conservation/admin/assessment_overview.html",
        {
            "page_title": _("Assessments"),
            "header_title": _("Assessments"),
            "header_icon": "table",
            "breadcrumbs_items": _crumbs((_("Assessments"), None)),
            "rows": page.object_list,
            **_pagination(page),
            "total": page.paginator.count,
            "headers": headers,
            "sort": current,
            "assessed_count": table.assessed_count,
            "chart": charts.comparison_chart(assessed) if assessed else "",
            "values": [
                (v.value, brilha.VALUE_ABBREVIATIONS[v], brilha.VALUE_LABELS[v]) for v in brilha.Value
            ],
            "can_assess": request.user.has_perm(ADD_ASSESSMENT),
        },
    )


def assessment_create(request: HttpRequest, site_id: int) -> HttpResponse:
    _require(request, ADD_ASSESSMENT)
    site = get_object_or_404(Site, pk=site_id)
    current = site.current_assessment
    if request.method == "POST":
        form = AssessmentForm(request.POST)
        if form.is_valid():
            try:
                services.assessment_record(
                    site=site,
                    by=request.user,
                    scores=form.scores(),
                    assessed_on=form.cleaned_data["assessed_on"],
                    notes=form.cleaned_data["notes"],
                )
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    for error in errors:
                        form.add_error(field if field in form.fields else None, error)
            else:
                messages.success(request, _("Assessment of “%(name)s” recorded.") % {"name": site.name_vi})
                return redirect("conservation_admin:site_file", site_id=site.pk)
        messages.error(request, _("The assessment was not saved: please correct the errors below."))
    else:
        initial = {"assessed_on": timezone.localdate()}
        if current is not None:
            # Start from the last scores: an assessor usually changes a few, and must still check all.
            initial.update({AssessmentForm.field_name(k): v for k, v in current.scores.items()})
        form = AssessmentForm(initial=initial)
    return render(
        request,
        "conservation/admin/assessment_form.html",
        {
            "page_title": _("Assess a site"),
            "header_title": _("Assess “%(name)s”") % {"name": site.name_vi},
            "header_icon": "table",
            "breadcrumbs_items": _crumbs(
                (_("Assessments"), reverse("conservation_admin:assessments")),
                (site.name_vi, reverse("conservation_admin:site_file", args=[site.pk])),
                (_("New assessment"), None),
            ),
            "site": site,
            "form": form,
            "current": current,
            "levels": range(0, brilha.MAX_SCORE + 1),
            "values": [(brilha.VALUE_ABBREVIATIONS[v], brilha.VALUE_LABELS[v]) for v in brilha.Value],
        },
    )


def site_file(request: HttpRequest, site_id: int) -> HttpResponse:
    """One site's conservation record: assessments over time, condition trend, actions, hazards."""
    _require(request, VIEW_ASSESSMENTS, VIEW_INSPECTIONS)
    site = selectors.site_file(site_id)
    if site is None:
        raise Http404
    history = selectors.assessment_history(site)
    inspections = list(site.inspections.all())
    schedule = next(iter(selectors.inspection_schedule(site=site)), None)
    return render(
        request,
        "conservation/admin/site_file.html",
        {
            "page_title": site.name_vi,
            "header_title": site.name_vi,
            "header_icon": "site",
            "breadcrumbs_items": _crumbs(
                (_("Assessments"), reverse("conservation_admin:assessments")), (site.name_vi, None)
            ),
            "site": site,
            "history": list(reversed(history)),
            "history_chart": charts.history_chart(history) if history else "",
            "inspections": list(reversed(inspections)),
            "condition_chart": charts.condition_sparkline(inspections) if inspections else "",
            "follow_ups": list(site.follow_ups.all()),
            "schedule": schedule,
            "today": timezone.localdate(),
            "criteria": brilha.CRITERIA,
            "can_assess": request.user.has_perm(ADD_ASSESSMENT),
            "can_inspect": request.user.has_perm("conservation.add_inspection"),
            "can_see_assessments": request.user.has_perm(VIEW_ASSESSMENTS),
        },
    )


def dossier_pdf(request: HttpRequest, site_id: int) -> HttpResponse:
    _require(request, VIEW_ASSESSMENTS)
    from .dossier import render_dossier

    site = selectors.site_file(site_id)
    if site is None:
        raise Http404
    response = HttpResponse(render_dossier(site, request=request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="dossier-{site.code}.pdf"'
    return response


# --- Monitoring -------------------------------------------------------------------------------


def monitoring(request: HttpRequest) -> HttpResponse:
    """Sites due for inspection and open follow-up actions, overdue ones first and marked."""
    _require(request, VIEW_INSPECTIONS)
    today = timezone.localdate()
    page = _page(request, selectors.OverdueInspections(today=today))
    return render(
        request,
        "conservation/admin/monitoring.html",
        {
            "page_title": _("Monitoring"),
            "header_title": _("Monitoring"),
            "header_icon": "warning",
            "breadcrumbs_items": _crumbs((_("Monitoring"), None)),
            "overdue": page.object_list,
            **_pagination(page),
            "overdue_count": page.paginator.count,
            "follow_ups": list(selectors.open_follow_ups()),
            "today": today,
            "intervals": [
                (brilha.RISK_LABELS[k] if k else _("not assessed"), days)
                for k, days in brilha.INSPECTION_INTERVAL_DAYS.items()
            ],
            "can_close": request.user.has_perm(CLOSE_FOLLOW_UP),
            "can_inspect": request.user.has_perm("conservation.add_inspection"),
        },
    )


@require_POST
def follow_up_done(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, CLOSE_FOLLOW_UP)
    action = get_object_or_404(FollowUpAction, pk=pk)
    services.follow_up_complete(action=action, by=request.user)
    messages.success(request, _("Action marked as done."))
    return redirect("conservation_admin:monitoring")


# --- Visitor reports --------------------------------------------------------------------------


def report_queue(request: HttpRequest) -> HttpResponse:
    _require(request, MODERATE, ADD_INSPECTION)
    state = request.GET.get("state", ReportState.NEW)
    if state not in ReportState.values and state != "all":
        state = ReportState.NEW
    reports = VisitorReport.objects.select_related("site").order_by("-submitted_at")
    if state != "all":
        reports = reports.filter(state=state)
    return render(
        request,
        "conservation/admin/report_queue.html",
        {
            "page_title": _("Visitor reports"),
            "header_title": _("Visitor reports"),
            "header_icon": "mail",
            "breadcrumbs_items": _crumbs((_("Visitor reports"), None)),
            "reports": reports[:200],
            "state": state,
            "states": [("all", _("All"))] + list(ReportState.choices),
        },
    )


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, MODERATE, ADD_INSPECTION)
    report = get_object_or_404(VisitorReport.objects.select_related("site", "moderated_by"), pk=pk)
    action = request.POST.get("action") if request.method == "POST" else None
    can_moderate, can_inspect = request.user.has_perm(MODERATE), request.user.has_perm(ADD_INSPECTION)
    if (action in ("moderate", "follow_up") and not can_moderate) or (
        action == "inspection" and not can_inspect
    ):
        raise PermissionDenied
    moderate_form = ModerateReportForm(request.POST if action == "moderate" else None, prefix="m")
    inspection_form = ReportToInspectionForm(
        request.POST if action == "inspection" else None, prefix="i", signer=services.signature(request.user)
    )
    follow_up_form = FollowUpFields(
        request.POST if action == "follow_up" else None,
        prefix="f",
        initial={"description": report.description, "due_on": timezone.localdate() + FOLLOW_UP_DEFAULT_DELAY},
    )
    try:
        if action == "moderate" and moderate_form.is_valid():
            services.report_moderate(
                report=report,
                by=request.user,
                state=moderate_form.cleaned_data["state"],
                note=moderate_form.cleaned_data["note"],
            )
            messages.success(request, _("Report %(ref)s updated.") % {"ref": report.reference})
            return redirect("conservation_admin:reports")
        if action == "inspection" and inspection_form.is_valid():
            inspection = services.report_to_inspection(
                report=report,
                by=request.user,
                condition=inspection_form.cleaned_data["condition"],
                threats=inspection_form.cleaned_data["threats"],
                notes=inspection_form.cleaned_data["notes"],
            )
            messages.success(
                request,
                _("Report %(ref)s recorded as an inspection of %(date)s.")
                % {"ref": report.reference, "date": inspection.inspected_on.isoformat()},
            )
            return redirect("conservation_admin:reports")
        if action == "follow_up" and follow_up_form.is_valid():
            data = follow_up_form.cleaned_data
            services.report_to_follow_up(
                report=report,
                by=request.user,
                description=data["description"],
                due_on=data["due_on"],
                owner=data["owner"],
                owner_name=data["owner_name"],
            )
            messages.success(
                request, _("Report %(ref)s turned into a follow-up action.") % {"ref": report.reference}
            )
            return redirect("conservation_admin:reports")
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    if action:
        messages.error(request, _("Nothing was changed: please correct the errors below."))
    return render(
        request,
        "conservation/admin/report_detail.html",
        {
            "page_title": _("Visitor report"),
            "header_title": _("Visitor report %(ref)s") % {"ref": report.reference},
            "header_icon": "mail",
            "breadcrumbs_items": _crumbs(
                (_("Visitor reports"), reverse("conservation_admin:reports")),
                (report.reference or "", None),
            ),
            "report": report,
            "moderate_form": moderate_form,
            "inspection_form": inspection_form,
            "follow_up_form": follow_up_form,
            "is_open": report.state != ReportState.CONVERTED,
            "can_moderate": can_moderate,
            "can_inspect": can_inspect,
        },
    )


def report_photo(request: HttpRequest, pk: int) -> FileResponse:
    """The visitor's photo, for moderators and scientists only: it is never published."""
    _require(request, MODERATE, ADD_INSPECTION)
    report = get_object_or_404(VisitorReport, pk=pk)
    if not report.photo:
        raise Http404
    extension = report.photo.name.rsplit(".", 1)[-1].lower()
    content_type = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}.get(
        extension, "application/octet-stream"
    )
    response = FileResponse(report.photo.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
