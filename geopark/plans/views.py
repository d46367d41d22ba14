"""The public pages: the list of plans and a page per plan with its targets and, when the board
makes it public, its progress, as charts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from geopark.operations import pagecache

from . import charts, selectors


def plan_list(request: HttpRequest) -> HttpResponse:
    return render(request, "plans/plan_list.html", {"plans": list(selectors.plan_list())})


# What a plan's page shows: the plan, its sections, tasks, reports and targets, and the tourism
# figures and communes its indicators count. The template's fragment `shows` the same models.
SHOWS = (
    "plans.Plan",
    "plans.PlanSection",
    "plans.Task",
    "plans.ProgressReport",
    "plans.Target",
    "plans.Agency",
    "tourism.MonthTotal",
    "tourism.MonthlyFigure",
    "tourism.Establishment",
    "territory.Commune",
)


def plan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # Some hundred task rows: worked out once per process, language and day, until one of SHOWS
    # changes (issue 18, point 9). The day is part of it: a task's status follows the date.
    today = selectors.today()
    tags = tuple(tag for label in SHOWS for tag in pagecache.tags_for_model(apps.get_model(label)))
    context = pagecache.remembered(
        "plans.detail", tags, lambda: _detail(slug, today), vary=(slug, get_language(), today)
    )
    if context is None:
        raise Http404(_("No plan with this address."))
    return render(request, "plans/plan_detail.html", context)


def _detail(slug: str, today: dt.date) -> dict[str, Any] | None:
    plan = selectors.plan_list().filter(slug=slug).first()
    if plan is None:
        return None
    rows = selectors.task_rows(plan, on=today)
    targets = selectors.target_rows(plan, on=today)
    context = {
        "plan": plan,
        "rows": rows,
        "sections": selectors.section_rows(plan),
        "targets": targets,
        "target_chart": charts.target_bars(targets) if any(t.share is not None for t in targets) else "",
        "as_of": next((t.as_of for t in targets if t.as_of), None),
        "today": today,
    }
    if plan.progress_public:
        context |= {
            "totals": selectors.status_totals(rows),
            "section_chart": charts.status_bars(
                selectors.counts_by_section(rows), label=_("Tasks by status in each section")
            ),
        }
    return context
