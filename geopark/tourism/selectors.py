"""Reads of tourism statistics shared by the API (and later the dashboards): totals over several
establishments, never one establishment's own figures.

Each total is one aggregate query over `MonthlyFigure` (indexed on month), whatever the number of
establishments or months. A total that fewer than `MIN_ESTABLISHMENTS` establishments make up is
withheld, because it would disclose what one or two businesses reported (a commune with a single
hotel would otherwise publish that hotel's revenue)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum

from geopark.territory.models import Commune

from .models import Establishment, MonthlyFigure

MIN_ESTABLISHMENTS = 3


@dataclass(frozen=True)
class StatisticsFilters:
    commune: str = ""  # the 2025 commune's code
    kind: str = ""  # an EstablishmentKind value


@dataclass(frozen=True)
class Totals:
    """Sums over the establishments that reported; the figures are None when withheld."""

    establishments: int
    visitors: int | None
    international_visitors: int | None
    overnight_guests: int | None
    revenue_vnd: int | None

    @property
    def withheld(self) -> bool:
        return self.establishments < MIN_ESTABLISHMENTS

    @classmethod
    def of(
        cls, establishments: int, visitors: object, international: object, overnight: object, revenue: object
    ) -> Totals:
        if establishments < MIN_ESTABLISHMENTS:
            return cls(establishments, None, None, None, None)
        # int(): PostgreSQL sums a bigint column as numeric, which arrives as a Decimal.
        return cls(establishments, int(visitors or 0), int(international or 0), int(overnight or 0), int(revenue or 0))


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


def figures(filters: StatisticsFilters | None = None) -> QuerySet[MonthlyFigure]:
    filters = filters or StatisticsFilters()
    qs = MonthlyFigure.objects.all()
    if filters.commune:
        qs = qs.filter(establishment__commune__code=filters.commune)
    if filters.kind:
        qs = qs.filter(establishment__kind=filters.kind)
    return qs


def monthly_totals(*, start: dt.date, end: dt.date, filters: StatisticsFilters | None = None) -> list[MonthTotals]:
    """Every month from `start` to `end` (firsts of months), with months nobody reported for as
    zero establishments: one query."""
    rows = (
        figures(filters)
        .filter(month__gte=start, month__lte=end)
        .values("month")
        .annotate(
            n=Count("*"),
            visitors_sum=Sum("visitors"),
            international_sum=Sum("international_visitors"),
            overnight_sum=Sum("overnight_guests"),
            revenue_sum=Sum("revenue_vnd"),
        )
        .order_by("month")
    )
    by_month = {
        row["month"]: Totals.of(
            row["n"], row["visitors_sum"], row["international_sum"], row["overnight_sum"], row["revenue_sum"]
        )
        for row in rows
    }
    empty = Totals.of(0, None, None, None, None)
    months = (add_months(start, i) for i in range(months_between(start, end)))
    return [MonthTotals(month=m, totals=by_month.get(m, empty)) for m in months]


def year_to_date(*, month: dt.date, filters: StatisticsFilters | None = None) -> YearToDate:
    """January to `month` of its year against the same months of the year before: one query.
    Both periods count whoever reported in them, so establishments that began reporting this year
    show as growth; `establishments` says how many there were."""
    current = Q(month__gte=month.replace(month=1), month__lte=month)
    previous = Q(month__gte=dt.date(month.year - 1, 1, 1), month__lte=month.replace(year=month.year - 1))
    sums = {}
    for key, period in (("current", current), ("previous", previous)):
        sums[f"{key}_n"] = Count("establishment", distinct=True, filter=period)
        for name in ("visitors", "international_visitors", "overnight_guests", "revenue_vnd"):
            sums[f"{key}_{name}"] = Sum(name, filter=period)
    row = figures(filters).filter(current | previous).aggregate(**sums)

    def totals(key: str) -> Totals:
        return Totals.of(
            row[f"{key}_n"], row[f"{key}_visitors"], row[f"{key}_international_visitors"],
            row[f"{key}_overnight_guests"], row[f"{key}_revenue_vnd"],
        )

    return YearToDate(month=month, current=totals("current"), previous=totals("previous"))


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
