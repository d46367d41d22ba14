"""The one function that decides whether a month's report is refused, warned or recorded, at each
boundary of each rule."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from geopark.tourism.models import EstablishmentKind, FigureValues
from geopark.tourism.plausibility import assess

TODAY = dt.date(2026, 12, 7)
FEBRUARY = dt.date(2026, 2, 1)  # 28 days
# A homestay of 5 rooms in February: 200 visitors, 20 international, 150 stayed 300 nights,
# 100 room nights, 60 million VND (300,000 per visitor), 4 staff of whom 2 trained.
GOOD = FigureValues(
    visitors=200,
    international_visitors=20,
    overnight_guests=150,
    revenue_vnd=60_000_000,
    guest_nights=300,
    rooms_available=5,
    rooms_sold=100,
    staff=4,
    trained_staff=2,
)


def verdict(month=FEBRUARY, previous=None, year_before=None, kind=EstablishmentKind.HOMESTAY, **changes):
    values = dataclasses.replace(GOOD, **changes)
    result = assess(values, kind=kind, month=month, today=TODAY, previous=previous, year_before=year_before)
    findings = result.refusals or result.warnings
    return result.verdict, {f.field for f in findings}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, ("ok", set())),
        ({"rooms_sold": 140}, ("ok", set())),  # 5 rooms × 28 days, exactly
        ({"rooms_sold": 141}, ("refuse", {"rooms_sold"})),
        ({"international_visitors": 200}, ("ok", set())),
        ({"international_visitors": 201}, ("refuse", {"international_visitors"})),
        ({"overnight_guests": 200, "guest_nights": 300}, ("ok", set())),
        ({"overnight_guests": 201, "guest_nights": 300}, ("refuse", {"overnight_guests"})),
        ({"guest_nights": 150}, ("ok", set())),
        ({"guest_nights": 149}, ("refuse", {"guest_nights"})),
        ({"trained_staff": 4}, ("ok", set())),
        ({"trained_staff": 5}, ("refuse", {"trained_staff"})),
        ({"staff": -1, "trained_staff": 0}, ("refuse", {"staff"})),
        ({"revenue_vnd": -1}, ("refuse", {"revenue_vnd"})),
    ],
    ids=lambda v: str(v),
)
def test_the_impossible_is_refused_from_the_first_unit_past_each_limit(changes, expected):
    assert verdict(**changes) == expected


def test_rooms_sold_are_bounded_by_the_days_of_the_month_itself():
    assert verdict(month=dt.date(2026, 3, 1), rooms_sold=155)[0] == "ok"  # 5 × 31
    assert verdict(month=dt.date(2026, 3, 1), rooms_sold=156)[0] == "refuse"


def test_the_current_month_may_be_reported_but_not_the_next():
    assert verdict(month=dt.date(2026, 12, 1)) == ("ok", set())
    assert verdict(month=dt.date(2027, 1, 1)) == ("refuse", {"month"})


@pytest.mark.parametrize("earlier", ["previous", "year_before"])
def test_ten_times_the_earlier_month_is_warned_and_just_under_is_not(earlier):
    before = dataclasses.replace(
        GOOD, visitors=100, revenue_vnd=1_000_000_000, overnight_guests=10, international_visitors=0
    )
    assert verdict(**{earlier: before}, visitors=999, overnight_guests=10, revenue_vnd=300_000_000) == (
        "ok",
        set(),
    )
    assert verdict(**{earlier: before}, visitors=1000, overnight_guests=10, revenue_vnd=300_000_000) == (
        "warn",
        {"visitors"},
    )


@pytest.mark.parametrize(
    ("kind", "visitors", "revenue", "expected"),
    [
        # A homestay: 100,000–3,000,000 per visitor, warned below a fifth of the low end or above
        # five times the high end (20,000 and 15,000,000).
        (EstablishmentKind.HOMESTAY, 100, 2_000_000, "ok"),
        (EstablishmentKind.HOMESTAY, 100, 1_999_900, "warn"),
        (EstablishmentKind.HOMESTAY, 100, 1_500_000_000, "ok"),
        (EstablishmentKind.HOMESTAY, 100, 1_500_000_100, "warn"),
        # The 100,000,000 visitors of a 5-room homestay with an ordinary revenue: 0.6 VND each.
        (EstablishmentKind.HOMESTAY, 100_000_000, 60_000_000, "warn"),
        (EstablishmentKind.ATTRACTION, 100, 0, "ok"),  # a free attraction
        (EstablishmentKind.RESTAURANT, 100, 500_000_000, "ok"),
        (EstablishmentKind.RESTAURANT, 100, 500_000_100, "warn"),
    ],
)
def test_revenue_per_visitor_far_outside_its_kinds_range_is_warned(kind, visitors, revenue, expected):
    changes = {
        "visitors": visitors,
        "revenue_vnd": revenue,
        "overnight_guests": 0,
        "guest_nights": 0,
        "international_visitors": 0,
    }
    assert verdict(kind=kind, **changes)[0] == expected


def test_messages_are_in_the_persons_language():
    from django.utils import translation

    values = dataclasses.replace(GOOD, international_visitors=201)
    with translation.override("vi"):
        message = assess(values, kind="homestay", month=FEBRUARY, today=TODAY).refusals[0].message
    assert "quốc tế" in message.lower()
