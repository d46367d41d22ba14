"""Synthetic statistics: the requested amount, plausible seasons, and removable without a trace."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Sum
from django.utils import timezone

from geopark.territory.tests.factories import CommuneFactory
from geopark.tourism.models import SYNTHETIC_PREFIX, Establishment, MonthlyFigure, MonthlyFigureRevision
from geopark.tourism.synthetic import generate_statistics, remove_statistics, season_factor

from .factories import EstablishmentFactory, MonthlyFigureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def communes(db):
    return CommuneFactory.create_batch(5)


def test_every_establishment_reports_every_month_of_the_years_asked(communes):
    created = generate_statistics(establishments=12, years=2, seed=3, progress=False)
    assert created == 12 * 24
    assert Establishment.objects.synthetic().count() == 12
    assert MonthlyFigure.objects.count() == created
    assert MonthlyFigureRevision.objects.filter(before__isnull=True).count() == created
    months = sorted(set(MonthlyFigure.objects.values_list("month", flat=True)))
    assert len(months) == 24
    assert all(m.day == 1 for m in months)
    assert months[-1] < timezone.localdate().replace(day=1)


def test_synthetic_establishments_are_marked_and_spread_over_the_communes(communes):
    generate_statistics(establishments=40, years=1, seed=1, progress=False)
    synthetic = Establishment.objects.synthetic()
    assert all(e.name.startswith(SYNTHETIC_PREFIX) for e in synthetic)
    assert synthetic.values("commune").distinct().count() == len(communes)


def test_synthetic_figures_obey_the_rules_real_ones_do(communes):
    generate_statistics(establishments=20, years=1, seed=2, progress=False)
    for figure in MonthlyFigure.objects.select_related("establishment"):
        figure.full_clean()
        # Every business has somebody working there, some of them trained (the workers targets).
        assert figure.staff >= 1
        assert 0 <= figure.trained_staff <= figure.staff
    for e in Establishment.objects.all():
        e.full_clean()


def test_synthetic_visitors_peak_at_tet_and_grow_year_on_year(communes):
    generate_statistics(establishments=60, years=3, seed=4, progress=False)
    totals = dict(MonthlyFigure.objects.values_list("month").annotate(Sum("visitors")))
    by_year: dict[int, int] = {}
    for month, visitors in totals.items():
        by_year[month.year] = by_year.get(month.year, 0) + visitors
    complete = sorted(year for year in by_year if sum(m.year == year for m in totals) == 12)
    assert all(by_year[b] > by_year[a] for a, b in zip(complete, complete[1:], strict=False))
    for year in complete:
        tet = max(totals[dt.date(year, 1, 1)], totals[dt.date(year, 2, 1)])
        assert tet > totals[dt.date(year, 11, 1)] * 1.5


def test_the_tet_boost_goes_to_the_month_tet_falls_in():
    assert season_factor(dt.date(2025, 1, 1)) > season_factor(dt.date(2025, 2, 1))  # Tết 29 Jan 2025
    assert season_factor(dt.date(2026, 2, 1)) > season_factor(dt.date(2026, 1, 1))  # Tết 17 Feb 2026


def test_the_same_seed_gives_the_same_data_and_a_rerun_replaces_it(communes):
    generate_statistics(establishments=5, years=1, seed=9, progress=False)
    first = sorted(MonthlyFigure.objects.values_list("visitors", "revenue_vnd"))
    generate_statistics(establishments=5, years=1, seed=9, progress=False)
    assert Establishment.objects.synthetic().count() == 5
    assert sorted(MonthlyFigure.objects.values_list("visitors", "revenue_vnd")) == first


def test_removal_takes_the_synthetic_data_and_nothing_real(communes):
    real = MonthlyFigureFactory(establishment=EstablishmentFactory(commune=communes[0]))
    generate_statistics(establishments=8, years=1, seed=1, progress=False)
    assert remove_statistics() == 8 * 12
    assert list(Establishment.objects.all()) == [real.establishment]
    assert list(MonthlyFigure.objects.all()) == [real]
    assert remove_statistics() == 0


def test_generation_works_before_any_commune_is_loaded(db):
    assert generate_statistics(establishments=3, years=1, progress=False) == 36
    assert not Establishment.objects.filter(commune__isnull=False).exists()


def test_negative_amounts_are_refused(db):
    with pytest.raises(ValueError, match="negative"):
        generate_statistics(establishments=-1, progress=False)


def test_the_open_data_shows_generated_and_removed_statistics_at_once(client, communes):
    """Bulk writes send no signals; the published totals must not be served from before them."""
    today = timezone.localdate()
    last = dt.date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)
    url = f"/api/v1/tourism/monthly?from={last:%Y-%m}&to={last:%Y-%m}"
    assert client.get(url).json()["months"][0]["establishments"] == 0
    generate_statistics(establishments=5, years=1, progress=False)
    assert client.get(url).json()["months"][0]["establishments"] == 5
    remove_statistics()
    assert client.get(url).json()["months"][0]["establishments"] == 0
