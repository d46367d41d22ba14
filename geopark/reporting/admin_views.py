"""The admin's report page: ask for a report, watch it being made, download it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from . import queue, services
from .forms import LetterheadForm, ReportRequestForm
from .models import GeneratedReport, Letterhead, Status
from .render import FORMATS

VIEW = "reporting.view_generatedreport"
ADD = "reporting.add_generatedreport"
EDIT_LETTERHEAD = "reporting.change_letterhead"


def _require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _status(report: GeneratedReport) -> dict:
    return {
        "id": report.pk,
        "status": report.status,
        "status_label": report.get_status_display(),
        "progress": report.progress,
        # The step matters while the report is being made; once done, the status says it all.
        "step": _(report.step) if report.step and not report.finished else "",
        "fingerprint": report.fingerprint,
        "error": report.error,
        "download": reverse("reporting_admin:download", args=[report.pk])
        if report.status == Status.DONE
        else "",
    }


def index(request: HttpRequest) -> HttpResponse:
    _require(request, VIEW)
    form = ReportRequestForm(request.POST or None)
    if request.method == "POST":
        _require(request, ADD)
        if form.is_valid():
            try:
                services.request_report(**form.cleaned_data, user=request.user)
            except services.InvalidRequest as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The report is queued; this page shows its progress."))
                return redirect("reporting_admin:index")
    # A queued report left by a restart is picked up as soon as someone looks at the list.
    queue.ensure_started()
    reports = GeneratedReport.objects.select_related("requested_by")[:100]
    return render(
        request,
        "reporting/admin/index.html",
        {
            "page_title": _("Periodic reports"),
            "header_title": _("Periodic reports"),
            "header_icon": "doc-full",
            "form": form,
            "can_add": request.user.has_perm(ADD),
            "can_edit_letterhead": request.user.has_perm(EDIT_LETTERHEAD),
            "reports": reports,
            "status_url": reverse("reporting_admin:status"),
        },
        status=400 if form.errors else 200,
    )


def status(request: HttpRequest) -> JsonResponse:
    _require(request, VIEW)
    try:
        ids = [int(value) for value in request.GET.get("ids", "").split(",") if value][:100]
    except ValueError:
        return JsonResponse({"error": _("ids must be numbers separated by commas.")}, status=400)
    return JsonResponse({"reports": [_status(r) for r in GeneratedReport.objects.filter(pk__in=ids)]})


def download(request: HttpRequest, pk: int) -> FileResponse:
    _require(request, VIEW)
    report = get_object_or_404(GeneratedReport, pk=pk, status=Status.DONE)
    return FileResponse(
        report.file.open("rb"),
        as_attachment=True,
        filename=report.download_name(),
        content_type=FORMATS[report.format].mime,
    )


def letterhead(request: HttpRequest) -> HttpResponse:
    """Who issues and signs the reports: one record, edited here (the first is used)."""
    _require(request, EDIT_LETTERHEAD)
    current = Letterhead.current()
    form = LetterheadForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The letterhead is saved; the next reports use it."))
        return redirect("reporting_admin:index")
    return render(
        request,
        "reporting/admin/letterhead.html",
        {
            "page_title": _("Letterhead"),
            "header_title": _("Letterhead"),
            "header_icon": "doc-full",
            "form": form,
        },
        status=400 if form.errors else 200,
    )
