"""Seven establishments in two communes reporting January–March 2025 and January–February 2026,
with figures chosen so that every total is easy to work out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from geopark.territory.tests.factories import CommuneFactory
from geopark.tourism.models import EstablishmentKind
from geopark.tourism.services import rebuild_totals
from geopark.tourism.tests.factories import EstablishmentFactory, MonthlyFigureFactory

MONTHS_2025 = [dt.date(2025, m, 1) for m in (1, 2, 3)]
MONTHS_2026 = [dt.date(2026, m, 1) for m in (1, 2)]


@pytest.fixture
def seven(db):
    """Hữu Liên: three hotels. Bắc Sơn: three homestays and a restaurant. Each reports, every month,
        100 visitors of whom 10 international and 1,000,000 đồng in 2025; twice that in 2026. Each has
    3 × month + 1 staff in 2025 (+ 2 in 2026), month + 1 (+ 2) of them trained."""
    huu_lien = CommuneFactory(code="06001", short_name="Hữu Liên", name="Xã Hữu Liên")
    bac_son = CommuneFactory(code="06002", short_name="Bắc Sơn", name="Xã Bắc Sơn")
    hotels = [EstablishmentFactory(commune=huu_lien) for _ in range(3)]
    homestays = [
        EstablishmentFactory(commune=bac_son, kind=EstablishmentKind.HOMESTAY, rooms=5) for _ in range(3)
    ]
    restaurant = EstablishmentFactory(commune=bac_son, kind=EstablishmentKind.RESTAURANT, rooms=None)
    for months, scale in ((MONTHS_2025, 1), (MONTHS_2026, 2)):
        for month in months:
            for e in [*hotels, *homestays, restaurant]:
                MonthlyFigureFactory(
                    establishment=e,
                    month=month,
                    visitors=100 * scale,
                    international_visitors=10 * scale,
                    overnight_guests=40 * scale if e != restaurant else 0,
                    revenue_vnd=1_000_000 * scale,
                    # Head counts that differ month by month, so that a sum of months and the last
                    # month's count cannot be mistaken for each other.
                    staff=3 * month.month + scale,
                    trained_staff=month.month + scale,
                )
    rebuild_totals()
    return {"huu_lien": huu_lien, "bac_son": bac_son}
