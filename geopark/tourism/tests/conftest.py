"""Fixtures of the tourism tests: three communes' establishments reporting for two years."""

from __future__ import annotations

import datetime as dt

import pytest

from geopark.territory.tests.factories import CommuneFactory
from geopark.tourism.models import EstablishmentKind
from geopark.tourism.services import rebuild_totals

from .factories import EstablishmentFactory, MonthlyFigureFactory


@pytest.fixture
def recorder(db):
    """Rosa types in the figures establishments send to the board."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(
        "rosa", "rosa@example.org", "rosa-secret-pw", first_name="Rosa", last_name="Hoàng"
    )


@pytest.fixture
def reporting(db):
    """Four hotels and a restaurant in Hữu Liên and one hotel alone in Bắc Sơn, each reporting
    January–March of 2024 and 2025 with figures that make sums easy to check."""
    huu_lien = CommuneFactory(code="06001", short_name="Hữu Liên", name="Xã Hữu Liên")
    bac_son = CommuneFactory(code="06002", short_name="Bắc Sơn", name="Xã Bắc Sơn")
    hotels = [EstablishmentFactory(name=f"Hotel {i}", commune=huu_lien) for i in range(4)]
    restaurant = EstablishmentFactory(
        name="Quán Hữu Liên", kind=EstablishmentKind.RESTAURANT, commune=huu_lien, rooms=None
    )
    lonely = EstablishmentFactory(name="Bắc Sơn Lodge", commune=bac_son)
    for year, scale in ((2024, 1), (2025, 2)):
        for month in (1, 2, 3):
            for e in [*hotels, restaurant, lonely]:
                MonthlyFigureFactory(
                    establishment=e,
                    month=dt.date(year, month, 1),
                    visitors=100 * scale * month,
                    international_visitors=10 * scale,
                    overnight_guests=50 * scale,
                    revenue_vnd=1_000_000 * scale,
                )
    rebuild_totals()  # figures written straight to the table, as the bulk writers do
    return {
        "huu_lien": huu_lien,
        "bac_son": bac_son,
        "hotels": hotels,
        "restaurant": restaurant,
        "lonely": lonely,
    }
