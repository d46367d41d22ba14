"""Monthly reports in the Wagtail admin, for statistics officers, commune officers and
establishments' own reporters: the report form, the workbook template, its upload with a progress
bar and an error report, and the establishments that have not reported a month.

Registered by wagtail_hooks.py under /admin/tourism/ (the admin login guards them); each view asks
`submissions` what the person may see and report for."""

from __future__ import annotations

import datetime as dt
import functools

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from geopark.territory.models import Commune

from . import submissions, workbook
from .forms import ReportForm, UploadForm
from .models import REPORT_FIELDS, ImportJob, MonthlyFigure


class Refused(Exception):
    """What a person may not see or do here, said in words (403), or what can no longer be done
    (another status, such as 410 for a file no longer kept)."""

    def __init__(self, message: str, status: int = 403) -> None:
        super().__init__(message)
        self.status = status


def refusing(view):
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            if not submissions.may_report(request.user):
                raise Refused(_("You do not report tourism figures for any establishment."))
            return view(request, *args, **kwargs)
        except Refused as refused:
            return render(
                request,
                "tourism/admin/refused.html",
                {**_header(_("Not allowed"), "warning"), "message": str(refused)},
                status=refused.status,
            )

    return wrapper


def _header(title: str, icon: str = "table") -> dict:
    return {"page_title": title, "header_title": title, "header_icon": icon}


def _month(request: HttpRequest, default: dt.date) -> dt.date:
    text = request.GET.get("month", "")
    try:
        return dt.date(int(text[:4]), int(text[5:7]), 1) if len(text) == 7 and text[4] == "-" else default
    except ValueError:
        return default


@refusing
def report(request: HttpRequest) -> HttpResponse:
    establishments = submissions.reportable(request.user).filter(active=True).select_related("commune")
    initial: dict = {"month": submissions.due_month()}
    chosen = request.GET.get("establishment", "")
    if chosen.isdigit():
        establishment = establishments.filter(pk=int(chosen)).first()
        if establishment is None:
            raise Refused(_("You do not report the figures of this establishment."))
        initial["establishment"] = establishment
        month = _month(request, initial["month"])
        initial["month"] = month
        figure = MonthlyFigure.objects.filter(establishment=establishment, month=month).first()
        if figure is not None:
            initial |= figure.values.as_dict()
    form = ReportForm(request.POST or None, establishments=establishments, initial=initial)
    warnings: list[str] = []
    status = 200
    if request.method == "POST":
        if "establishment" in form.data and form.data["establishment"].isdigit():
            if not submissions.reportable(request.user).filter(pk=int(form.data["establishment"])).exists():
                raise Refused(_("You do not report the figures of this establishment."))
        if form.is_valid():
            data = form.cleaned_data
            try:
                change = submissions.submit(
                    establishment=data["establishment"],
                    month=data["month"],
                    values=form.values(),
                    by=request.user,
                    reason=data["reason"],
                    confirmed=data["confirm"],
                )
            except submissions.NeedsConfirmation as unusual:
                warnings = [w.message for w in unusual.warnings]
            except ValidationError as error:
                _add(form, error)
            else:
                if change.changed:
                    messages.success(
                        request,
                        _("Figures of %(name)s for %(month)s recorded (version %(version)s).")
                        % {
                            "name": data["establishment"].name,
                            "month": f"{data['month']:%m/%Y}",
                            "version": change.revision.version,
                        },
                    )
                else:
                    messages.info(request, _("These figures were already recorded; nothing changed."))
                return redirect(
                    f"{reverse('tourism_admin:report')}?establishment={data['establishment'].pk}&month={data['month']:%Y-%m}"
                )
        status = 400
    history = []
    establishment = form.initial.get("establishment")
    if establishment is not None:
        figure = MonthlyFigure.objects.filter(
            establishment=establishment, month=form.initial["month"]
        ).first()
        history = list(figure.revisions.all()) if figure else []
    return render(
        request,
        "tourism/admin/report_form.html",
        {
            **_header(_("Monthly report"), "edit"),
            "form": form,
            "warnings": warnings,
            "revisions": history,
            "figure_fields": REPORT_FIELDS,
        },
        status=status,
    )


def _add(form: ReportForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, problems in error.error_dict.items():
        for problem in problems:
            form.add_error(name if name in form.fields else None, problem)


@refusing
def template(request: HttpRequest) -> HttpResponse:
    """The template for a month (?month=YYYY-MM, or the twelve months of ?year=) and the person's
    establishments, or one commune's (?commune=code)."""
    establishments = submissions.reportable(request.user).filter(active=True).select_related("commune")
    code = request.GET.get("commune", "")
    if code:
        establishments = establishments.filter(commune__code=code)
    year = request.GET.get("year", "")
    if year.isdigit() and 2000 <= int(year) <= 2100:
        last = submissions.today().replace(day=1)
        months = [m for m in (dt.date(int(year), n, 1) for n in range(1, 13)) if m <= last]
        name = f"{year}"
    else:
        months = [_month(request, submissions.due_month())]
        name = f"{months[0]:%Y-%m}"
    content = workbook.template(establishments.order_by("commune__short_name", "name", "pk"), months)
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="tourism-figures-{code or "all"}-{name}.xlsx"'
    return response


@refusing
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            job = submissions.queue_import(
                user=request.user,
                file_name=data["file"].name,
                content=data["file"].read(),
                import_good_rows=data["import_good_rows"],
                confirm_warnings=data["confirm_warnings"],
            )
            return redirect("tourism_admin:job", pk=job.pk)
        status = 400
    user = request.user
    communes = (
        Commune.objects.filter(establishments__in=submissions.reportable(user))
        .distinct()
        .order_by("short_name")
    )
    return render(
        request,
        "tourism/admin/upload.html",
        {
            **_header(_("Import monthly figures"), "upload"),
            "form": form,
            "communes": communes,
            "due": submissions.due_month(),
        },
        status=status,
    )


def _job(request: HttpRequest, pk: int) -> ImportJob:
    job = get_object_or_404(ImportJob.objects.defer("content"), pk=pk)
    if job.user_id != request.user.pk:
        raise Refused(_("This import is someone else's."))
    return job


@refusing
def job(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    if request.method == "POST" and job.finished and job.warnings and not job.confirm_warnings:
        if not job.file_kept:
            raise Refused(
                _(
                    "The file of this import is no longer kept (files are kept %(days)d days). Upload it again."
                )
                % {"days": submissions.IMPORT_FILE_KEEP_DAYS},
                status=410,
            )
        # "These figures are right": the same file again, its warnings confirmed. The copy in the
        # new job is the one kept.
        with transaction.atomic():
            again = submissions.queue_import(
                user=request.user,
                file_name=job.file_name,
                content=bytes(ImportJob.objects.get(pk=pk).content),
                import_good_rows=job.import_good_rows,
                confirm_warnings=True,
            )
            ImportJob.objects.filter(pk=pk).update(content=b"", file_discarded_at=timezone.now())
        return redirect("tourism_admin:job", pk=again.pk)
    return render(
        request,
        "tourism/admin/job.html",
        {**_header(_("Import of %(file)s") % {"file": job.file_name}, "upload"), "job": job},
    )


@refusing
def job_status(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "percent": job.percent,
            "processed": job.processed,
            "rows": job.rows,
            "finished": job.finished,
        }
    )


@refusing
def missing(request: HttpRequest) -> HttpResponse:
    month = _month(request, submissions.due_month())
    if month > submissions.today().replace(day=1):
        month = submissions.due_month()
    rows = list(submissions.missing(request.user, month))
    reported = submissions.reportable(request.user).filter(active=True, figures__month=month).count()
    return render(
        request,
        "tourism/admin/missing.html",
        {
            **_header(_("Not reported yet"), "warning"),
            "month": month,
            "previous": submissions.add_months(month, -1),
            "next": submissions.add_months(month, 1) if month < submissions.due_month() else None,
            "establishments": rows,
            "reported": reported,
        },
    )
