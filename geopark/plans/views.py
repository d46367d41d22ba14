"""The public pages: the list of plans and a page per plan with its targets and, when the board
makes it public, its progress, as charts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from . import charts, selectors
from .models import Plan


def plan_list(request: HttpRequest) -> HttpResponse:
    return render(request, "plans/plan_list.html", {"plans": list(selectors.plan_list())})


def plan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    plan = selectors.plan_list().filter(slug=slug).first()
    if plan is None:
        raise Http404(_("No plan with this address."))
    today = selectors.today()
    # Some hundred task rows, rendered in the template's fragment once per process, language and
    # day (a task's status follows the date) until a plan record, a tourism figure or a commune
    # changes (issue 18, point 9). Worked out only when the fragment renders again.
    details = SimpleLazyObject(lambda: _details(plan, today))
    return render(request, "plans/plan_detail.html", {"plan": plan, "today": today, "details": details})


def _details(plan: Plan, today: dt.date) -> dict[str, Any]:
    rows = selectors.task_rows(plan, on=today)
    targets = selectors.target_rows(plan, on=today)
    context = {
        "rows": rows,
        "sections": selectors.section_rows(plan),
        "targets": targets,
        "target_chart": charts.target_bars(targets) if any(t.share is not None for t in targets) else "",
        "as_of": next((t.as_of for t in targets if t.as_of), None),
    }
    if plan.progress_public:
        context |= {
            "totals": selectors.status_totals(rows),
            "section_chart": charts.status_bars(
                selectors.counts_by_section(rows), label=_("Tasks by status in each section")
            ),
        }
    return context
