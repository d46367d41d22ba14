"""The one aggregation (`tourism.aggregates.aggregate`) against totals worked out by hand, and the
plans' target rows reading it."""

from __future__ import annotations

import datetime as dt

import pytest

from geopark.plans.selectors import target_rows
from geopark.plans.tests.factories import PlanFactory, TargetFactory
from geopark.tourism.aggregates import aggregate, domestic

pytestmark = pytest.mark.django_db


def test_the_year_to_date_of_the_province_each_commune_and_kind_matches_the_hand_sums(seven):
    agg = aggregate(2026, month=dt.date(2026, 2, 1))
    ytd, before = agg.province.year_to_date, agg.province.previous_year_to_date
    # 7 establishments × 200 visitors × 2 months; a year before 7 × 100 × 2 (January–February only).
    assert (ytd.establishments, ytd.visitors, ytd.international_visitors, ytd.revenue_vnd) == (
        7,
        2800,
        280,
        28_000_000,
    )
    assert domestic(ytd) == 2520
    assert (before.visitors, before.revenue_vnd) == (1400, 14_000_000)
    assert agg.communes["06001"].year_to_date.visitors == 3 * 200 * 2
    assert agg.communes["06002"].year_to_date.visitors == 4 * 200 * 2
    assert agg.kinds["accommodation"].year_to_date.visitors == 1200
    # The restaurant alone in Bắc Sơn hides among its homestays: Bắc Sơn's total is shown, so
    # neither kind's total may be (Bắc Sơn minus the homestays would be the restaurant's own).
    assert agg.kinds["homestay"].year_to_date.withheld
    assert agg.kinds["restaurant"].year_to_date.withheld


def test_each_month_stands_beside_the_same_month_a_year_before(seven):
    agg = aggregate(2026, month=dt.date(2026, 2, 1))
    assert [t.visitors for t in agg.province.months[:3]] == [1400, 1400, None]
    assert [t.visitors for t in agg.province.previous_months[:4]] == [700, 700, 700, None]
    assert agg.province.months[0].overnight_guests == 6 * 80


def test_the_plan_targets_read_the_same_aggregate(seven):
    plan = PlanFactory()
    TargetFactory(plan=plan, key="visitors", value=4_700_000, tourism_metric="visitors")
    TargetFactory(plan=plan, key="domestic", value=4_150_000, tourism_metric="domestic_visitors")
    rows = target_rows(plan, on=dt.date(2026, 3, 5))
    assert {row.target.key: row.achieved for row in rows} == {"visitors": 2800, "domestic": 2520}
    assert rows[0].as_of == dt.date(2026, 2, 1)


def test_head_counts_are_the_last_counted_month_s_not_a_sum_of_months(seven):
    agg = aggregate(2026, month=dt.date(2026, 2, 1))
    # February 2026: 7 establishments × (3 × 2 + 2) staff, × (2 + 2) trained; January's are not added.
    assert (agg.province.year_to_date.staff, agg.province.year_to_date.trained_staff) == (56, 28)
    assert agg.province.months[0].staff == 7 * (3 + 2)
    assert agg.communes["06001"].year_to_date.staff == 3 * 8
    # Withheld with the rest of a total that could disclose one establishment's.
    assert agg.kinds["restaurant"].year_to_date.staff is None
    assert agg.kinds["restaurant"].months[0].trained_staff is None


def test_the_workers_targets_compare_with_the_reported_staff(seven):
    plan = PlanFactory()
    TargetFactory(plan=plan, key="direct-workers", value=5_400, tourism_metric="staff")
    TargetFactory(plan=plan, key="trained-workers", value=2_100, tourism_metric="trained_staff")
    TargetFactory(plan=plan, key="workers", value=10_000, tourism_metric="")
    rows = {row.target.key: row.achieved for row in target_rows(plan, on=dt.date(2026, 3, 5))}
    assert rows == {"direct-workers": 56, "trained-workers": 28, "workers": None}
