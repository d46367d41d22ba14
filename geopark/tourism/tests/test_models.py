"""A month's figures are refused when they cannot be true, by validation and by the database."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from geopark.tourism.models import EstablishmentKind, MonthlyFigure

from .factories import EstablishmentFactory, MonthlyFigureFactory

pytestmark = pytest.mark.django_db


def figure(**changes) -> MonthlyFigure:
    values = {
        "month": dt.date(2025, 3, 1),
        "visitors": 500,
        "international_visitors": 50,
        "overnight_guests": 200,
        "revenue_vnd": 90_000_000,
    }
    values.update(changes)
    return MonthlyFigure(establishment=EstablishmentFactory(), **values)


def test_consistent_figures_pass_validation():
    figure().full_clean()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"international_visitors": 501}, "international_visitors"),
        ({"overnight_guests": 501}, "overnight_guests"),
        ({"revenue_vnd": -1}, "revenue_vnd"),
        ({"visitors": -5, "international_visitors": 0, "overnight_guests": 0}, "visitors"),
        ({"month": dt.date(2025, 3, 15)}, "month"),
    ],
)
def test_impossible_figures_are_refused_with_the_field_at_fault(changes, field):
    with pytest.raises(ValidationError) as refused:
        figure(**changes).full_clean()
    assert field in refused.value.message_dict


def test_figures_for_a_month_that_has_not_begun_are_refused():
    today = timezone.localdate()
    next_month = dt.date(today.year + (today.month == 12), today.month % 12 + 1, 1)
    with pytest.raises(ValidationError) as refused:
        figure(month=next_month).full_clean()
    assert "month" in refused.value.message_dict


@pytest.mark.parametrize(
    "changes",
    [
        {"international_visitors": 501},
        {"overnight_guests": 501},
        {"revenue_vnd": -1},
        {"month": dt.date(2025, 3, 15)},
    ],
)
def test_the_database_refuses_impossible_figures_that_skip_validation(changes):
    with pytest.raises(IntegrityError), transaction.atomic():
        figure(**changes).save()


def test_an_establishment_has_one_row_per_month():
    existing = MonthlyFigureFactory(month=dt.date(2025, 3, 1))
    twin = figure()
    twin.establishment = existing.establishment
    with pytest.raises(ValidationError):
        twin.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


def test_only_lodgings_state_rooms():
    EstablishmentFactory.build(kind=EstablishmentKind.HOMESTAY, rooms=5, commune=None).full_clean()
    restaurant = EstablishmentFactory.build(kind=EstablishmentKind.RESTAURANT, rooms=5, commune=None)
    with pytest.raises(ValidationError) as refused:
        restaurant.full_clean()
    assert "rooms" in refused.value.message_dict
