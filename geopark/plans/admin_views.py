"""The board's office in the Wagtail admin: the board's overview (tasks by status per agency and
per section), the timeline, an officer's own tasks with the "report progress" form, a task's file
with every report, and the evidence files.

Registered by wagtail_hooks.py (the admin login guards them); each view checks what the person may
see: the board (`plans.view_all_tasks`) everything, an officer their agency's tasks, a commune
officer also what the plan asks of communes (selectors.visible_tasks)."""

from __future__ import annotations

import datetime as dt
import functools

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from geopark.operations.documents import harden_download

from . import charts, selectors, services
from .forms import ProgressForm
from .models import Plan, ProgressReport, Task
from .status import task_status

OFFICER_PERMISSIONS = ("plans.view_all_tasks", "plans.add_progressreport", "plans.view_commune_tasks")


class Refused(Exception):
    """What a person may not see or do here, said in words (Wagtail would turn a bare
    PermissionDenied into a silent redirect to the dashboard)."""


def refusing(view):
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except Refused as refused:
            return render(
                request,
                "plans/admin/refused.html",
                {**_header(_("Not allowed"), "warning"), "message": str(refused)},
                status=403,
            )

    return wrapper


def _require_board(request: HttpRequest) -> None:
    if not selectors.is_board(request.user):
        raise Refused(_("Only the board's plan managers see every task."))


def _crumbs(*items: tuple[str, str | None]) -> list[dict]:
    return [{"url": reverse("wagtailadmin_home"), "label": _("Home")}] + [
        {"url": url or "", "label": label} for label, url in items
    ]


def _plan(request: HttpRequest) -> Plan:
    slug = request.GET.get("plan", "")
    plans = selectors.plan_list()
    plan = plans.filter(slug=slug).first() if slug else plans.first()
    if plan is None:
        raise Http404(_("No plan with this address.") if slug else _("There is no plan yet."))
    return plan


def _on(request: HttpRequest) -> dt.date:
    """The day the statuses are computed for: ?on=YYYY-MM-DD (the board looks at a task list as it
    stood on a report's due date), else today."""
    try:
        return dt.date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return selectors.today()


def _header(title: str, icon: str = "list-ul") -> dict:
    return {"page_title": title, "header_title": title, "header_icon": icon}


@refusing
def board(request: HttpRequest) -> HttpResponse:
    _require_board(request)
    plan = _plan(request)
    today = _on(request)
    rows = selectors.task_rows(plan, on=today)
    by_agency = selectors.counts_by_agency(rows)
    by_section = selectors.counts_by_section(rows)
    return render(
        request,
        "plans/admin/board.html",
        {
            **_header(_("Plan board")),
            "breadcrumbs_items": _crumbs((_("Plan board"), None)),
            "plan": plan,
            "plans": list(selectors.plan_list()),
            "today": today,
            "totals": selectors.status_totals(rows),
            "by_agency": by_agency,
            "by_section": by_section,
            "agency_chart": charts.status_bars(by_agency, label=_("Tasks by status for each lead agency")),
            "section_chart": charts.status_bars(by_section, label=_("Tasks by status in each section")),
            "attention": [row for row in rows if row.status in ("late", "at_risk")],
        },
    )


@refusing
def timeline(request: HttpRequest) -> HttpResponse:
    _require_board(request)
    plan = _plan(request)
    today = _on(request)
    rows = selectors.task_rows(plan, on=today)
    return render(
        request,
        "plans/admin/timeline.html",
        {
            **_header(_("Plan timeline"), "calendar"),
            "breadcrumbs_items": _crumbs(
                (_("Plan board"), reverse("plans_admin:board")), (_("Timeline"), None)
            ),
            "plan": plan,
            "chart": charts.timeline(rows, year=plan.year, today=today),
        },
    )


@refusing
def my_tasks(request: HttpRequest) -> HttpResponse:
    if not any(request.user.has_perm(p) for p in OFFICER_PERMISSIONS):
        raise Refused(_("This page is for the officers of the agencies in a plan."))
    plan = _plan(request)
    today = selectors.today()
    rows = selectors.task_rows(plan, on=today, tasks=selectors.visible_tasks(request.user))
    agency = selectors.membership_agency(request.user)
    reportable = set(Task.objects.involving(agency).values_list("pk", flat=True)) if agency else set()
    return render(
        request,
        "plans/admin/my_tasks.html",
        {
            **_header(_("My plan tasks"), "tasks"),
            "breadcrumbs_items": _crumbs((_("My plan tasks"), None)),
            "plan": plan,
            "plans": list(selectors.plan_list()),
            "agency": agency,
            "rows": rows,
            "reportable": reportable if request.user.has_perm("plans.add_progressreport") else set(),
            "today": today,
        },
    )


def _visible_task(request: HttpRequest, pk: int) -> Task:
    task = get_object_or_404(Task.objects.select_related("section__plan", "lead"), pk=pk)
    if not selectors.visible_tasks(request.user).filter(pk=task.pk).exists():
        raise Refused(_("This task is not one of your agency's."))
    return task


@refusing
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = _visible_task(request, pk)
    history = selectors.task_history(task)
    status = task_status(task, history[0] if history else None, selectors.today())
    return render(
        request,
        "plans/admin/task_detail.html",
        {
            **_header(f"{task.number}", "doc-full"),
            "breadcrumbs_items": _crumbs(
                (_("My plan tasks"), reverse("plans_admin:my_tasks")), (task.number, None)
            ),
            "task": task,
            "cooperating": list(task.cooperating.all()),
            "history": history,
            "status": status,
            "can_report": selectors.can_report(request.user, task),
        },
    )


@refusing
def report_progress(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(Task.objects.select_related("section__plan", "lead"), pk=pk)
    if not selectors.can_report(request.user, task):
        raise Refused(_("Your agency is not the lead or a cooperating agency of this task."))
    form = ProgressForm(
        request.POST or None, request.FILES or None, initial={"reported_on": selectors.today()}
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.record_progress(
                    task=task,
                    user=request.user,
                    reported_on=data["reported_on"],
                    status=data["status"],
                    quantity=data["quantity"],
                    narrative=data["narrative"],
                    evidence=data["evidence"],
                    links=data["links"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Progress recorded for task %(number)s.") % {"number": task.number}
                )
                return redirect("plans_admin:task_detail", pk=task.pk)
        status = 400
    return render(
        request,
        "plans/admin/report_form.html",
        {
            **_header(_("Report progress"), "edit"),
            "breadcrumbs_items": _crumbs(
                (_("My plan tasks"), reverse("plans_admin:my_tasks")),
                (task.number, reverse("plans_admin:task_detail", args=[task.pk])),
                (_("Report progress"), None),
            ),
            "task": task,
            "form": form,
            "max_times": services.MAX_TIMES_TARGET,
        },
        status=status,
    )


@refusing
def evidence(request: HttpRequest, pk: int) -> FileResponse:
    report = get_object_or_404(ProgressReport.objects.select_related("task"), pk=pk)
    _visible_task(request, report.task_id)
    if not report.evidence:
        raise Http404
    response = FileResponse(
        report.evidence.open("rb"), as_attachment=True, filename=report.evidence.name.rsplit("/", 1)[-1]
    )
    return harden_download(response)
