"""The statistics' part of the query-count world (tests/test_query_counts.py)."""

from django.utils import timezone

from geopark.tourism.models import EstablishmentKind
from geopark.tourism.selectors import add_months
from geopark.tourism.services import rebuild_totals

from . import factories


def report_tourism(commune, establishments: int) -> None:
    """Homestays in the commune (and as many elsewhere) reporting the last 14 months, written
    straight to the table as the bulk writers do, then summed."""
    last = timezone.localdate().replace(day=1)
    for i in range(establishments):
        establishment = factories.EstablishmentFactory(
            commune=commune if i % 2 else None, kind=EstablishmentKind.HOMESTAY, rooms=5
        )
        for n in range(1, 15):
            factories.MonthlyFigureFactory(establishment=establishment, month=add_months(last, -n))
    rebuild_totals()


def seed(world: dict) -> None:
    report_tourism(world["commune"], establishments=3)


def grow(world: dict) -> None:
    report_tourism(world["commune"], establishments=60)  # past a page of establishments (50)
