"""Reads of the plans, shared by the board's pages, the agencies' pages, the public page, the API
and the generated reports. Each read takes a fixed number of queries however many tasks a plan has
(the latest report of every task comes in one query).

Stable names (the report generation reads them): `plan_by_key`, `task_rows`, `counts_by_section`,
`counts_by_agency`, `status_totals`, `target_rows`, `section_rows`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.utils import timezone

from geopark.territory.models import Commune
from geopark.tourism.aggregates import aggregate
from geopark.tourism.models import Establishment

from .models import Agency, Plan, PlanSection, ProgressReport, Target, Task, TaskQuerySet, TourismMetric
from .status import STATUS_ORDER, Status, task_status


def today() -> dt.date:
    return timezone.localdate()


# --- plans -----------------------------------------------------------------------------------------


def plan_list() -> QuerySet[Plan]:
    return Plan.objects.order_by("-year", "slug")


def plan_by_key(key: str) -> Plan | None:
    """A plan by its slug or its number ("45/KH-UBND")."""
    return Plan.objects.filter(Q(slug=key) | Q(number=key) & ~Q(number="")).order_by("-year").first()


def section_rows(plan: Plan) -> list[PlanSection]:
    """The plan's sections in order, each with `parent` loaded."""
    return list(plan.sections.select_related("parent").order_by("order", "number"))


# --- tasks -----------------------------------------------------------------------------------------


@dataclass
class TaskRow:
    """A task as the pages and reports show it: the task (with section and lead loaded), its
    cooperating agencies, its latest progress report (or None) and its status on `today`."""

    task: Task
    cooperating: list[Agency]
    latest: ProgressReport | None
    status: Status

    @property
    def section(self) -> PlanSection:
        return self.task.section

    @property
    def lead(self) -> Agency:
        return self.task.lead

    @property
    def quantity(self) -> Decimal | None:
        return self.latest.quantity if self.latest else None

    @property
    def share(self) -> float | None:
        """Achieved quantity over target, 0–1 (capped), when the task has a target."""
        if self.task.target_value is None:
            return None
        achieved = self.quantity or Decimal(0)
        return min(float(achieved / self.task.target_value), 1.0)


def tasks_of(plan: Plan) -> QuerySet[Task]:
    return Task.objects.of_plan(plan)


def _latest_reports(task_ids: list[int]) -> dict[int, ProgressReport]:
    """The latest report of each task: one query (a subquery picks each task's newest)."""
    if not task_ids:
        return {}
    newest = (
        ProgressReport.objects.filter(task=OuterRef("task"))
        .order_by("-reported_on", "-created_at", "-pk")
        .values("pk")[:1]
    )
    reports = ProgressReport.objects.filter(task_id__in=task_ids, pk=Subquery(newest)).select_related(
        "agency"
    )
    return {report.task_id: report for report in reports}


def task_rows(
    plan: Plan,
    *,
    on: dt.date | None = None,
    tasks: TaskQuerySet | None = None,
    status: str = "",
    agency: str = "",
    section: str = "",
) -> list[TaskRow]:
    """The plan's tasks with latest progress and status, in the plan's order; filtered by status,
    by agency (slug: lead or cooperating) and by section (number, and the sections under it).
    `tasks` narrows to what a person may see (`visible_tasks`). Three queries."""
    on = on or today()
    queryset = (tasks if tasks is not None else Task.objects.all()).of_plan(plan)
    if agency:
        queryset = queryset.filter(
            pk__in=Task.objects.filter(Q(lead__slug=agency) | Q(cooperating__slug=agency)).values("pk")
        )
    if section:
        queryset = queryset.filter(Q(section__number=section) | Q(section__number__startswith=f"{section}."))
    queryset = queryset.select_related("section", "lead").prefetch_related(
        Prefetch("cooperating", queryset=Agency.objects.order_by("name_vi"))
    )
    task_list = list(queryset.order_by("section__order", "order", "pk"))
    latest = _latest_reports([t.pk for t in task_list])
    rows = [
        TaskRow(t, list(t.cooperating.all()), latest.get(t.pk), task_status(t, latest.get(t.pk), on))
        for t in task_list
    ]
    if status:
        rows = [row for row in rows if row.status == status]
    return rows


def task_history(task: Task) -> list[ProgressReport]:
    """Every report on a task, newest first."""
    return list(task.progress.select_related("agency", "reported_by"))


@dataclass
class StatusCounts:
    """How many tasks in each status, for one section or agency."""

    key: str
    label: str
    counts: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def ordered(self) -> list[tuple[Status, int]]:
        return [(status, self.counts[status]) for status in STATUS_ORDER]


def status_totals(rows: list[TaskRow]) -> StatusCounts:
    return StatusCounts("", "", Counter(row.status for row in rows))


def counts_by_section(rows: list[TaskRow]) -> list[StatusCounts]:
    """Status counts per section the tasks are in, in the plan's order."""
    found: dict[int, StatusCounts] = {}
    for row in rows:
        section = row.section
        entry = found.setdefault(section.pk, StatusCounts(section.number, section.title))
        entry.counts[row.status] += 1
    return list(found.values())


def counts_by_agency(rows: list[TaskRow], *, cooperating: bool = False) -> list[StatusCounts]:
    """Status counts per lead agency (and per cooperating agency when asked), by name."""
    found: dict[int, StatusCounts] = {}
    for row in rows:
        for agency in [row.lead, *(row.cooperating if cooperating else [])]:
            entry = found.setdefault(agency.pk, StatusCounts(agency.slug, agency.name))
            entry.counts[row.status] += 1
    return sorted(found.values(), key=lambda entry: entry.label)


# --- who sees what ---------------------------------------------------------------------------------


def membership_agency(user) -> Agency | None:
    membership = getattr(user, "agency_membership", None) if user.is_authenticated else None
    return membership.agency if membership else None


def is_board(user) -> bool:
    return user.is_authenticated and user.has_perm("plans.view_all_tasks")


def visible_tasks(user) -> QuerySet[Task]:
    """The tasks a person may see: the board every task; a commune officer what the plans ask of
    communes and their own agency's tasks; an agency officer their agency's tasks; others none."""
    if is_board(user):
        return Task.objects.all()
    if not user.is_authenticated:
        return Task.objects.none()
    agency = membership_agency(user)
    query = Task.objects.none()
    if agency is not None:
        query = Task.objects.involving(agency)
    if user.has_perm("plans.view_commune_tasks"):
        query = Task.objects.filter(pk__in=query.values("pk")) | Task.objects.asking_communes()
    return query


def can_report(user, task: Task) -> bool:
    agency = membership_agency(user)
    return (
        agency is not None
        and user.has_perm("plans.add_progressreport")
        and Task.objects.involving(agency).filter(pk=task.pk).exists()
    )


# --- targets ---------------------------------------------------------------------------------------


@dataclass
class TargetRow:
    target: Target
    achieved: Decimal | None  # from the tourism statistics, when the target names one
    as_of: dt.date | None  # the last month counted

    @property
    def share(self) -> float | None:
        if self.achieved is None or not self.target.value:
            return None
        return float(self.achieved / self.target.value)


def _tourism_figures(year: int, on: dt.date) -> tuple[dict[str, Decimal | None], dt.date | None]:
    """The year's tourism figures so far (January to the last full month before `on`, within
    the plan's year), as the statistics module publishes them."""
    last_month = dt.date(on.year, on.month, 1) - dt.timedelta(days=1)
    if last_month.year < year:
        return {}, None
    month = dt.date(year, 12, 1) if last_month.year > year else last_month.replace(day=1)
    # The one aggregation every published tourism figure comes from (tourism.aggregates).
    totals = aggregate(year, month=month).province.year_to_date
    figures: dict[str, Decimal | None] = dict.fromkeys(
        (
            TourismMetric.VISITORS,
            TourismMetric.INTERNATIONAL,
            TourismMetric.DOMESTIC,
            TourismMetric.REVENUE,
            TourismMetric.STAFF,
            TourismMetric.TRAINED_STAFF,
        )
    )
    if not totals.withheld:
        visitors = Decimal(totals.visitors or 0)
        international = Decimal(totals.international_visitors or 0)
        figures.update(
            {
                TourismMetric.VISITORS: visitors,
                TourismMetric.INTERNATIONAL: international,
                TourismMetric.DOMESTIC: visitors - international,
                TourismMetric.REVENUE: Decimal(totals.revenue_vnd or 0),
                # Head counts: the last counted month's, of the establishments that reported then.
                TourismMetric.STAFF: Decimal(totals.staff or 0),
                TourismMetric.TRAINED_STAFF: Decimal(totals.trained_staff or 0),
            }
        )
    # Establishments and rooms as the register has them now; none registered is "not known yet".
    active = Establishment.objects.filter(active=True, synthetic=False).aggregate(
        count=Count("pk"), rooms=Sum("rooms")
    )
    if active["count"]:
        figures[TourismMetric.ESTABLISHMENTS] = Decimal(active["count"])
        figures[TourismMetric.ROOMS] = Decimal(active["rooms"] or 0)
    return figures, month


def target_rows(plan: Plan, *, on: dt.date | None = None) -> list[TargetRow]:
    """The plan's targets, each with what the statistics say so far when it names a metric."""
    targets = list(plan.targets.order_by("order", "key"))
    figures: dict[str, Decimal | None] = {}
    as_of = None
    if any(t.tourism_metric for t in targets):
        figures, as_of = _tourism_figures(plan.year, on or today())
    return [
        TargetRow(
            t,
            figures.get(t.tourism_metric) if t.tourism_metric else None,
            as_of if t.tourism_metric else None,
        )
        for t in targets
    ]


def commune_count() -> int:
    return Commune.objects.count()


def bench_urls() -> dict[str, str]:
    """Pages the scale benchmark times: the newest plan's public page and its tasks."""
    plan = plan_list().first()
    if plan is None:
        return {}
    return {
        "plan page": f"/vi/plans/{plan.slug}/",
        "plan tasks API": f"/api/v1/plans/{plan.slug}/tasks",
    }
