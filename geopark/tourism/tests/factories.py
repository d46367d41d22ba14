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
