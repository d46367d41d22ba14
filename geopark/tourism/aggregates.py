"""The one aggregation of tourism statistics that every published figure comes from: the statistics
dashboard, its exports, the open-data page and its downloads, the statistics API and the board's
plan reports (through `plans.selectors.target_rows`).

It lives here, below both the plans and the statistics app, because the plans' reports must use
it too and an app never imports one above it (docs/architecture.md). It reads only `MonthTotal`,
the sums the services keep, and shows a figure only when `disclosure` lets it (`Totals.of`): a
month's total when it is `published`; a year to date when every month it sums is. Domestic
visitors are the visitors minus the international ones of the same published total, so they
disclose nothing more.

One query whatever the number of establishments or years: the two years' rows of the province, of
every commune and of every kind (no commune × kind cell: too small to show, and not needed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .models import MonthTotal, parse_scope
from .selectors import Totals, _period_totals

EMPTY = Totals.of(0, False, None, None, None, None)


def domestic(totals: Totals) -> int | None:
    if totals.visitors is None or totals.international_visitors is None:
        return None
    return totals.visitors - totals.international_visitors


@dataclass(frozen=True)
class Series:
    """One group of establishments (the province, a commune or a kind) over the year."""

    commune: str  # code, "" when not a commune's
    kind: str  # EstablishmentKind value, "" when not a kind's
    months: list[Totals]  # January to December of the year
    previous_months: list[Totals]  # the same months of the year before
    year_to_date: Totals  # January to the last month counted
    previous_year_to_date: Totals  # the same months a year before


@dataclass(frozen=True)
class Aggregate:
    year: int
    month: dt.date  # the last month counted in the year to date
    months: list[dt.date]  # January to December of the year
    province: Series
    communes: dict[str, Series] = field(default_factory=dict)  # by commune code
    kinds: dict[str, Series] = field(default_factory=dict)  # by kind

    @property
    def month_index(self) -> int:
        return self.month.month - 1


def _series(commune: str, kind: str, rows: list[MonthTotal], year: int, month: dt.date) -> Series:
    by_month = {row.month: row for row in rows}

    def of(m: dt.date) -> Totals:
        row = by_month.get(m)
        if row is None:
            return EMPTY
        return Totals.of_row(row)

    this_year = [dt.date(year, m, 1) for m in range(1, 13)]
    last_year = [dt.date(year - 1, m, 1) for m in range(1, 13)]
    return Series(
        commune=commune,
        kind=kind,
        months=[of(m) for m in this_year],
        previous_months=[of(m) for m in last_year],
        year_to_date=_period_totals(rows, dt.date(year, 1, 1), month),
        previous_year_to_date=_period_totals(rows, dt.date(year - 1, 1, 1), month.replace(year=year - 1)),
    )


def aggregate(year: int, *, month: dt.date | None = None) -> Aggregate:
    """The year's published tourism figures: per month, year to date up to `month` (default
    December; always within `year`), each against the year before, for the province, each commune
    and each kind. One query."""
    month = dt.date(year, 12, 1) if month is None or month.year != year else month.replace(day=1)
    rows = list(
        MonthTotal.objects.filter(month__gte=dt.date(year - 1, 1, 1), month__lte=dt.date(year, 12, 1))
        .exclude(scope__contains="|")
        .order_by("scope", "month")
    )
    grouped: dict[tuple[str, str], list[MonthTotal]] = {}
    for row in rows:
        grouped.setdefault(parse_scope(row.scope), []).append(row)
    province = _series("", "", grouped.pop(("", ""), []), year, month)
    communes = {c: _series(c, "", r, year, month) for (c, k), r in sorted(grouped.items()) if c}
    kinds = {k: _series("", k, r, year, month) for (c, k), r in sorted(grouped.items()) if k and not c}
    return Aggregate(
        year=year,
        month=month,
        months=[dt.date(year, m, 1) for m in range(1, 13)],
        province=province,
        communes=communes,
        kinds=kinds,
    )
