"""The plan's targets against the tourism statistics published so far."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from geopark.plans import selectors
from geopark.tourism.services import rebuild_totals
from geopark.tourism.tests.factories import EstablishmentFactory, MonthlyFigureFactory

from .factories import PlanFactory, TargetFactory

pytestmark = pytest.mark.django_db


def test_targets_compare_with_the_year_so_far_and_the_active_establishments():
    plan = PlanFactory()
    visitors = TargetFactory(plan=plan, key="visitors", value=Decimal(4_700_000), tourism_metric="visitors")
    domestic = TargetFactory(
        plan=plan, key="domestic", value=Decimal(4_150_000), tourism_metric="domestic_visitors"
    )
    rooms = TargetFactory(plan=plan, key="rooms", value=Decimal(4600), tourism_metric="rooms")
    workers = TargetFactory(plan=plan, key="workers", value=Decimal(10_000))
    hotels = EstablishmentFactory.create_batch(3, rooms=40)
    for hotel in hotels:
        for month in (1, 2, 3):
            MonthlyFigureFactory(
                establishment=hotel, month=dt.date(2026, month, 1), visitors=1000, international_visitors=100
            )
        MonthlyFigureFactory(
            establishment=hotel, month=dt.date(2025, 12, 1), visitors=9999
        )  # the year before
    rebuild_totals()
    rows = {row.target.key: row for row in selectors.target_rows(plan, on=dt.date(2026, 3, 20))}
    # Up to February: the last full month before 20 March.
    assert rows[visitors.key].achieved == 6000
    assert rows[visitors.key].as_of == dt.date(2026, 2, 1)
    assert rows[domestic.key].achieved == 5400
    assert rows[rooms.key].achieved == 120
    assert rows[workers.key].achieved is None
    assert rows[visitors.key].share == pytest.approx(6000 / 4_700_000)


def test_a_plan_not_yet_begun_has_nothing_to_compare():
    plan = PlanFactory()
    TargetFactory(plan=plan, key="visitors", tourism_metric="visitors")
    (row,) = selectors.target_rows(plan, on=dt.date(2026, 1, 15))
    assert row.achieved is None
