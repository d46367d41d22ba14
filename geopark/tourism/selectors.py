"""Reads of tourism statistics shared by the API (and later the dashboards): totals over several
establishments, never one establishment's own figures.

Each total is one query over `MonthTotal`, the sums per month and group of establishments that
`services` keep beside the figures: at most a row per month asked for, whatever the number of
establishments (summing 120,000 figures per request took 30–100 ms; this reads a dozen rows).

A total is shown only when `MonthTotal.published` says so (`disclosure`): never one that fewer than
`MIN_ESTABLISHMENTS` establishments make up (a commune with a single hotel would publish that
hotel's revenue), nor one that, subtracted from or added to other published totals, would give
such a group's figures. A year-to-date total is shown only when each month it sums is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from geopark.territory.models import Commune

from .disclosure import MIN_ESTABLISHMENTS
from .models import FIGURE_FIELDS, STOCK_FIELDS, Establishment, MonthTotal, total_scope


@dataclass(frozen=True)
class StatisticsFilters:
    commune: str = ""  # the 2025 commune's code
    kind: str = ""  # an EstablishmentKind value


# A summed figure as the database gives it: an int, a Decimal (PostgreSQL's sum of a bigint), or None.
Figure = int | Decimal | None


@dataclass(frozen=True)
class Totals:
    """Sums over the establishments that reported; the figures are None when withheld."""

    establishments: int
    visitors: int | None
    international_visitors: int | None
    overnight_guests: int | None
    revenue_vnd: int | None
    # Head counts of the establishments that reported (a month's; a period's last month's).
    staff: int | None = None
    trained_staff: int | None = None

    @property
    def withheld(self) -> bool:
        return self.visitors is None

    @classmethod
    def of(
        cls,
        establishments: int,
        published: bool,
        visitors: Figure,
        international: Figure,
        overnight: Figure,
        revenue: Figure,
        staff: Figure = None,
        trained_staff: Figure = None,
    ) -> Totals:
        if not published or establishments < MIN_ESTABLISHMENTS:
            return cls(establishments, None, None, None, None)
        # int(): PostgreSQL sums a bigint column as numeric, which arrives as a Decimal.
        return cls(
            establishments,
            int(visitors or 0),
            int(international or 0),
            int(overnight or 0),
            int(revenue or 0),
            int(staff or 0),
            int(trained_staff or 0),
        )

    @classmethod
    def of_row(cls, row: MonthTotal) -> Totals:
        """One month's published total."""
        return cls.of(
            row.establishments,
            row.published,
            *(getattr(row, name) for name in FIGURE_FIELDS),
            *(getattr(row, name) for name in STOCK_FIELDS),
        )


@dataclass(frozen=True)
class MonthTotals:
    month: dt.date
    totals: Totals


@dataclass(frozen=True)
class YearToDate:
    month: dt.date  # the last month counted
    current: Totals  # January to `month`
    previous: Totals  # the same months a year before


def add_months(month: dt.date, n: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(start: dt.date, end: dt.date) -> int:
    """How many months from `start` to `end`, both counted."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _totals(filters: StatisticsFilters | None, start: dt.date, end: dt.date) -> list[MonthTotal]:
    filters = filters or StatisticsFilters()
    scope = total_scope(commune=filters.commune, kind=filters.kind)
    return list(MonthTotal.objects.filter(scope=scope, month__gte=start, month__lte=end).order_by("month"))


def monthly_totals(
    *, start: dt.date, end: dt.date, filters: StatisticsFilters | None = None
) -> list[MonthTotals]:
    """Every month from `start` to `end` (firsts of months), with months nobody reported for as
    zero establishments: one query."""
    by_month = {row.month: Totals.of_row(row) for row in _totals(filters, start, end)}
    empty = Totals.of(0, False, None, None, None, None)
    months = (add_months(start, i) for i in range(months_between(start, end)))
    return [MonthTotals(month=m, totals=by_month.get(m, empty)) for m in months]


def _period_totals(rows: list[MonthTotal], start: dt.date, end: dt.date) -> Totals:
    rows = [row for row in rows if start <= row.month <= end]
    # Months nobody reported in have no row, so the last row's count is the period's.
    establishments = rows[-1].year_to_date_establishments if rows else 0
    # The sum of months is a union of each month's safe groups only when every month is published.
    published = bool(rows) and all(row.published for row in rows)
    # Flows add up over the months; head counts are the last counted month's, a total already
    # published on its own, so the period discloses nothing more through them.
    return Totals.of(
        establishments,
        published,
        *(sum(getattr(row, name) for row in rows) for name in FIGURE_FIELDS),
        *(getattr(rows[-1], name) if rows else None for name in STOCK_FIELDS),
    )


def year_to_date(*, month: dt.date, filters: StatisticsFilters | None = None) -> YearToDate:
    """January to `month` of its year against the same months of the year before: one query.
    Both periods count whoever reported in them, so establishments that began reporting this year
    show as growth; `establishments` says how many there were."""
    previous_start, previous_end = dt.date(month.year - 1, 1, 1), month.replace(year=month.year - 1)
    rows = _totals(filters, previous_start, month)
    return YearToDate(
        month=month,
        current=_period_totals(rows, month.replace(month=1), month),
        previous=_period_totals(rows, previous_start, previous_end),
    )


def establishment_list(filters: StatisticsFilters | None = None) -> QuerySet[Establishment]:
    """Active establishments with their commune joined in: one query per page."""
    filters = filters or StatisticsFilters()
    qs = Establishment.objects.active().select_related("commune")
    if filters.commune:
        qs = qs.filter(commune__code=filters.commune)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    return qs.order_by("name", "pk")


def commune_exists(code: str) -> bool:
    return Commune.objects.filter(code=code).exists()
