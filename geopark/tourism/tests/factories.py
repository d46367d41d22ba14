from __future__ import annotations

import datetime as dt

import factory

from geopark.territory.tests.factories import CommuneFactory
from geopark.tourism.models import Establishment, EstablishmentKind, MonthlyFigure


class EstablishmentFactory(factory.django.DjangoModelFactory):
    """A hotel in a commune of its own."""

    class Meta:
        model = Establishment

    name = factory.Sequence(lambda n: f"Khách sạn Kỳ Lừa {n}")
    kind = EstablishmentKind.ACCOMMODATION
    commune = factory.SubFactory(CommuneFactory)
    address = "Đường Kỳ Lừa, Lạng Sơn"
    rooms = 40


class MonthlyFigureFactory(factory.django.DjangoModelFactory):
    """Figures written straight to the table, for reads; writes under test go through the service."""

    class Meta:
        model = MonthlyFigure

    establishment = factory.SubFactory(EstablishmentFactory)
    month = dt.date(2025, 1, 1)
    visitors = 1000
    international_visitors = 100
    overnight_guests = 500
    revenue_vnd = 400_000_000


def role_group(name: str):
    """The role's group with its permissions, as ensure_roles would make it."""
    from django.contrib.auth.models import Group, Permission

    from geopark.tourism.roles import ROLE_PERMISSIONS

    group, _ = Group.objects.get_or_create(name=name)
    for app_label, codename in ROLE_PERMISSIONS[name]:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return group


def person(username: str, role: str | None = None, *, commune=None, establishment=None):
    """A user in `role`, reporting for `commune` or `establishment` when given."""
    from django.contrib.auth import get_user_model

    from geopark.tourism.models import ReportingScope

    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw-" + username)
    if role:
        user.groups.add(role_group(role))
    if commune or establishment:
        ReportingScope.objects.create(user=user, commune=commune, establishment=establishment)
    return user
