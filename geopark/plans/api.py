"""/api/v1/plans…: the plans, their sections and targets, and their tasks (with progress only when
the board has made the plan's progress public)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.http import HttpRequest
from django.utils import translation
from ninja import Router, Schema, Status

from geopark.core.api import Lang, Message, ProblemsOut

from . import selectors
from .models import Agency, Plan
from .status import Status as TaskStatus

router = Router(tags=["plans"])


class PlanOut(Schema):
    slug: str
    number: str
    title: str
    year: int
    issuing_body: str
    issued_on: dt.date | None
    progress_public: bool
    half_year_report_due: dt.date
    year_report_due: dt.date
    url: str


class SectionOut(Schema):
    number: str
    parent: str | None
    title: str


class TargetOut(Schema):
    key: str
    label: str
    value: Decimal
    unit: str
    approximate: bool
    tourism_metric: str
    achieved: Decimal | None
    achieved_as_of: dt.date | None


class PlanDetailOut(PlanOut):
    sections: list[SectionOut]
    targets: list[TargetOut]


class AgencyOut(Schema):
    slug: str
    name: str


class TaskOut(Schema):
    number: str
    section: str
    title: str
    lead: AgencyOut
    cooperating: list[AgencyOut]
    period: str
    start: dt.date
    deadline: dt.date
    target_value: Decimal | None
    target_unit: str
    per_commune: bool
    # Only when the plan's progress is public (null otherwise).
    status: str | None = None
    achieved: Decimal | None = None
    last_reported_on: dt.date | None = None


def plan_out(plan: Plan) -> dict:
    return {
        "slug": plan.slug,
        "number": plan.number,
        "title": plan.title,
        "year": plan.year,
        "issuing_body": plan.issuing_body,
        "issued_on": plan.issued_on,
        "progress_public": plan.progress_public,
        "half_year_report_due": plan.half_year_report_due,
        "year_report_due": plan.year_report_due,
        "url": plan.get_absolute_url(),
    }


def _agency(agency) -> dict:
    return {"slug": agency.slug, "name": agency.name}


def _plan_or_404(slug: str) -> Plan | None:
    return selectors.plan_list().filter(slug=slug).first()


@router.get("/plans", response={200: list[PlanOut], 422: ProblemsOut}, summary="The plans")
def list_plans(request: HttpRequest, lang: Lang = Lang.vi):
    with translation.override(lang.value):
        return [plan_out(p) for p in selectors.plan_list()]


@router.get(
    "/plans/{slug}",
    response={200: PlanDetailOut, 404: Message, 422: ProblemsOut},
    summary="A plan with its sections and targets",
)
def plan_detail(request: HttpRequest, slug: str, lang: Lang = Lang.vi):
    plan = _plan_or_404(slug)
    if plan is None:
        return Status(404, {"detail": f"No plan '{slug}'."})
    with translation.override(lang.value):
        return {
            **plan_out(plan),
            "sections": [
                {"number": s.number, "parent": s.parent.number if s.parent else None, "title": s.title}
                for s in selectors.section_rows(plan)
            ],
            "targets": [
                {
                    "key": row.target.key,
                    "label": row.target.label,
                    "value": row.target.value,
                    "unit": row.target.unit,
                    "approximate": row.target.approximate,
                    "tourism_metric": row.target.tourism_metric,
                    "achieved": row.achieved,
                    "achieved_as_of": row.as_of,
                }
                for row in selectors.target_rows(plan)
            ],
        }


@router.get(
    "/plans/{slug}/tasks",
    response={200: list[TaskOut], 400: Message, 404: Message, 422: ProblemsOut},
    summary="A plan's tasks; filter by status (when progress is public), agency and section",
)
def plan_tasks(
    request: HttpRequest,
    slug: str,
    status: str = "",
    agency: str = "",
    section: str = "",
    lang: Lang = Lang.vi,
):
    plan = _plan_or_404(slug)
    if plan is None:
        return Status(404, {"detail": f"No plan '{slug}'."})
    if status and status not in TaskStatus.values:
        return Status(
            400, {"detail": f"Unknown status '{status}'; use one of: {', '.join(TaskStatus.values)}."}
        )
    if status and not plan.progress_public:
        return Status(
            400, {"detail": "This plan's progress is not public, so its tasks cannot be filtered by status."}
        )
    if agency and not Agency.objects.filter(slug=agency).exists():
        return Status(404, {"detail": f"No agency '{agency}'."})
    if section and not plan.sections.filter(number=section).exists():
        return Status(404, {"detail": f"No section '{section}' in this plan."})
    with translation.override(lang.value):
        rows = selectors.task_rows(plan, status=status, agency=agency, section=section)
        public = plan.progress_public
        return [
            {
                "number": row.task.number,
                "section": row.section.number,
                "title": row.task.title,
                "lead": _agency(row.lead),
                "cooperating": [_agency(a) for a in row.cooperating],
                "period": row.task.period,
                "start": row.task.start,
                "deadline": row.task.deadline,
                "target_value": row.task.target_value,
                "target_unit": row.task.target_unit,
                "per_commune": row.task.per_commune,
                "status": row.status.value if public else None,
                "achieved": row.quantity if public else None,
                "last_reported_on": row.latest.reported_on if public and row.latest else None,
            }
            for row in rows
        ]
