"""Factories for plans, and the people of the board's office (named personas)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from geopark.plans.models import (
    Agency,
    AgencyKind,
    AgencyMembership,
    Period,
    Plan,
    PlanSection,
    ProgressReport,
    ReportedStatus,
    Target,
    Task,
)
from geopark.plans.roles import AGENCY_OFFICERS, COMMUNE_OFFICERS, PLAN_MANAGERS, ROLE_PERMISSIONS


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"agency-{n}")
    name_vi = factory.Sequence(lambda n: f"Sở số {n}")
    name_en = factory.Sequence(lambda n: f"Department {n}")
    kind = AgencyKind.DEPARTMENT
    email = factory.LazyAttribute(lambda o: f"{o.slug}@example.org")


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        django_get_or_create = ("slug",)

    slug = "ke-hoach-2026"
    number = "45/KH-UBND"
    title_vi = "Kế hoạch phát triển du lịch năm 2026"
    title_en = "2026 tourism plan"
    title_zh = "2026年旅游计划"
    year = 2026
    issuing_body = "UBND tỉnh Lạng Sơn"
    issued_on = dt.date(2026, 2, 10)
    progress_public = True
    half_year_report_due = dt.date(2026, 6, 15)
    year_report_due = dt.date(2026, 12, 15)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanSection

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: f"III.{n}")
    title_vi = factory.Sequence(lambda n: f"Mục {n}")
    title_en = factory.Sequence(lambda n: f"Section {n}")


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    section = factory.SubFactory(SectionFactory)
    number = factory.Sequence(lambda n: f"T-{n}")
    title_vi = factory.Sequence(lambda n: f"Nhiệm vụ {n}")
    title_en = factory.Sequence(lambda n: f"Task {n}")
    lead = factory.SubFactory(AgencyFactory)
    period = Period.ALL_YEAR
    start = dt.date(2026, 1, 1)
    deadline = dt.date(2026, 12, 31)


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    plan = factory.SubFactory(PlanFactory)
    key = factory.Sequence(lambda n: f"target-{n}")
    label_vi = "Tổng lượt khách"
    label_en = "Visitors"
    value = Decimal(4_700_000)
    unit_vi = "lượt khách"
    unit_en = "visits"


class ProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressReport

    task = factory.SubFactory(TaskFactory)
    agency = factory.LazyAttribute(lambda o: o.task.lead)
    reported_on = dt.date(2026, 3, 1)
    status = ReportedStatus.IN_PROGRESS
    narrative = "Đang triển khai."


def role_group(name: str) -> Group:
    """The role's group with its permissions, as ensure_roles would make it."""
    group, _ = Group.objects.get_or_create(name=name)
    for app_label, codename in ROLE_PERMISSIONS[name]:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return group


def person(username: str, role: str | None = None, agency: Agency | None = None):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", f"{username}-secret-pw")
    if role:
        user.groups.add(role_group(role))
    if agency:
        AgencyMembership.objects.create(user=user, agency=agency)
    return user


def board_member(username: str = "bao"):
    """Bảo runs the plan in the board's office (Plan managers)."""
    return person(username, PLAN_MANAGERS)


def agency_officer(agency: Agency, username: str = "lan"):
    """Lan reports for her department (Agency officers)."""
    return person(username, AGENCY_OFFICERS, agency)


def commune_officer(agency: Agency, username: str = "hung"):
    """Hùng works for a commune's People's Committee (Commune officers)."""
    return person(username, COMMUNE_OFFICERS, agency)
