"""Factories for the model villages, and the people who assess and review (named personas)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from geopark.plans.models import Agency, AgencyKind, AgencyMembership
from geopark.plans.roles import COMMUNE_OFFICERS
from geopark.plans.roles import ROLE_PERMISSIONS as PLAN_ROLES
from geopark.territory.models import Commune
from geopark.territory.tests.factories import CommuneFactory
from geopark.villages.models import (
    Assessment,
    AssessmentStatus,
    Candidate,
    CandidateKind,
    CriteriaSet,
    Criterion,
    Score,
    SetKind,
    Theme,
)
from geopark.villages.roles import ROLE_PERMISSIONS, VILLAGE_REVIEWERS


class CriteriaSetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CriteriaSet
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"tieu-chi-{n}")
    kind = SetKind.VILLAGE
    year = 2026
    title_vi = "Thôn, làng kiểu mẫu"
    title_en = "Model village"
    open = True


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    criteria_set = factory.SubFactory(CriteriaSetFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    theme = Theme.GEOHERITAGE
    title_vi = factory.Sequence(lambda n: f"Tiêu chí {n}")
    evidence_vi = "Ảnh, biên bản"
    weight = Decimal(10)
    max_score = Decimal(10)


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"lang-{n}")
    kind = CandidateKind.VILLAGE
    commune = factory.SubFactory(CommuneFactory)
    name_vi = factory.Sequence(lambda n: f"Làng {n}")


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    criteria_set = factory.SubFactory(CriteriaSetFactory)
    candidate = factory.SubFactory(CandidateFactory)
    status = AssessmentStatus.DRAFT


def scored(assessment: Assessment, values: dict[Criterion, Decimal | int]) -> Assessment:
    Score.objects.bulk_create(
        Score(assessment=assessment, criterion=c, self_score=Decimal(v)) for c, v in values.items()
    )
    return assessment


def role_group(name: str) -> Group:
    """The role's group with what the plans and the villages grant it, as ensure_roles would."""
    group, _ = Group.objects.get_or_create(name=name)
    for app_label, codename in ROLE_PERMISSIONS.get(name, set()) | PLAN_ROLES.get(name, set()):
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return group


def commune_agency(commune: Commune) -> Agency:
    return Agency.objects.get_or_create(
        slug=f"xa-{commune.code}",
        defaults={"name_vi": commune.name, "kind": AgencyKind.COMMUNE, "commune": commune},
    )[0]


def person(username: str, *roles: str, commune: Commune | None = None):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", f"{username}-secret-pw")
    for role in roles:
        user.groups.add(role_group(role))
    if commune is not None:
        AgencyMembership.objects.create(user=user, agency=commune_agency(commune))
    return user


def commune_officer(commune: Commune, username: str = "hung"):
    """Hùng works for his commune's People's Committee (Commune officers)."""
    return person(username, COMMUNE_OFFICERS, commune=commune)


def reviewer(username: str = "bao"):
    """Bảo scores the communes for the board (Model village reviewers)."""
    return person(username, VILLAGE_REVIEWERS)


NOW = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
