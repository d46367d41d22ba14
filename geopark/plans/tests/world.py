"""The plans' part of the query-count world (GeoparkApp.query_count_world): a plan whose tasks,
each with two reports, grow from 5 to 65 (past a page), so that a page's queries can be compared at
two sizes; `build(size)` adds `size` tasks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from geopark.plans.models import Agency, AgencyKind, Plan, PlanSection, ProgressReport, Target, Task


def build(size: int) -> Plan:
    plan, _ = Plan.objects.get_or_create(
        slug="ke-hoach-2026",
        defaults={
            "title_vi": "Kế hoạch năm 2026",
            "title_en": "2026 plan",
            "year": 2026,
            "issuing_body": "UBND tỉnh",
            "progress_public": True,
            "half_year_report_due": dt.date(2026, 6, 15),
            "year_report_due": dt.date(2026, 12, 15),
        },
    )
    agencies = [
        Agency.objects.get_or_create(
            slug=f"world-agency-{i}", defaults={"name_vi": f"Sở {i}", "kind": AgencyKind.DEPARTMENT}
        )[0]
        for i in range(5)
    ]
    sections = [
        PlanSection.objects.get_or_create(
            plan=plan, number=f"III.{i}", defaults={"title_vi": f"Mục {i}", "order": i}
        )[0]
        for i in range(1, 4)
    ]
    Target.objects.get_or_create(
        plan=plan,
        key="visitors",
        defaults={
            "label_vi": "Lượt khách",
            "value": Decimal(4_700_000),
            "unit_vi": "lượt",
            "tourism_metric": "visitors",
        },
    )
    start = Task.objects.filter(section__plan=plan).count()
    tasks = Task.objects.bulk_create(
        Task(
            section=sections[i % 3],
            number=f"W-{i}",
            title_vi=f"Nhiệm vụ {i}",
            lead=agencies[i % 5],
            start=dt.date(2026, 1, 1),
            deadline=dt.date(2026, 1 + i % 12, 28),
            target_value=Decimal(10) if i % 2 else None,
            target_unit_vi="cái" if i % 2 else "",
            order=i,
        )
        for i in range(start, start + size)
    )
    Task.cooperating.through.objects.bulk_create(
        Task.cooperating.through(task_id=t.pk, agency_id=agencies[(n + 1) % 5].pk)
        for n, t in enumerate(tasks)
    )
    ProgressReport.objects.bulk_create(
        ProgressReport(
            task=t,
            agency=t.lead,
            reported_on=dt.date(2026, 2, day),
            status="in_progress",
            quantity=Decimal(day),
            narrative="…",
        )
        for t in tasks
        for day in (1, 2)
    )
    return plan


def seed(world: dict) -> None:
    world["plan"] = build(5)


def grow(world: dict) -> None:
    build(60)
