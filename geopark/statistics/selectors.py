"""What the dashboard, the open-data page, their files and the API show: `tourism.aggregates`
(the one aggregation of the published figures) laid out as rows, with the year's targets read from
that year's plan (`plans.Target`, one source of truth: docs/decisions/0034).

Each reader costs a fixed number of queries: the aggregate (one), the communes' names (one), the
year's plan and its targets (two) and the register's establishments and rooms (one)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from geopark.plans import selectors as plans
from geopark.plans.models import Plan
from geopark.territory.models import Commune
from geopark.tourism.aggregates import Aggregate, aggregate, domestic
from geopark.tourism.disclosure import MIN_ESTABLISHMENTS
from geopark.tourism.models import EstablishmentKind
from geopark.tourism.selectors import Totals, add_months

# Years one may ask for: the statistics begin with the platform's predecessors' spreadsheets.
FIRST_YEAR = 2015

__all__ = ["MIN_ESTABLISHMENTS", "Aggregate"]


class BadYear(ValueError):
    pass


def last_complete_month(today: dt.date | None = None) -> dt.date:
    return add_months((today or timezone.localdate()).replace(day=1), -1)


def parse_year(text: str | None) -> int:
    """The year asked for (?year=), else the year of the last complete month; BadYear, in words,
    for anything else."""
    default = last_complete_month().year
    if not text:
        return default
    if not text.isdigit() or not FIRST_YEAR <= int(text) <= default + 1:
        raise BadYear(f"{FIRST_YEAR}–{default + 1}")
    return int(text)


def counted_month(year: int) -> dt.date:
    """The last month counted in the year to date: the last complete one in the current year, else
    December."""
    last = last_complete_month()
    return last if last.year == year else dt.date(year, 12, 1)


def year_aggregate(year: int) -> Aggregate:
    return aggregate(year, month=counted_month(year))


def commune_names() -> dict[str, str]:
    return dict(Commune.objects.values_list("code", "short_name"))


def kind_labels() -> dict[str, str]:
    return {value: str(label) for value, label in EstablishmentKind.choices}


def year_plan(year: int) -> Plan | None:
    return plans.plan_list().filter(year=year).first()


def target_rows(year: int) -> list[plans.TargetRow]:
    """The year's targets with what the statistics say so far: those of the plan of that year
    (the board adds a plan, which may hold targets only, for a year that has none)."""
    plan = year_plan(year)
    if plan is None:
        return []
    on = add_months(counted_month(year), 1)
    return plans.target_rows(plan, on=on)


# --- rows of the files and the API --------------------------------------------------------------

COLUMNS = (
    "month",
    "group",
    "commune",
    "kind",
    "establishments",
    "visitors",
    "domestic_visitors",
    "international_visitors",
    "overnight_guests",
    "revenue_vnd",
    "withheld",
)


@dataclass(frozen=True)
class Row:
    month: str  # YYYY-MM
    group: str  # province | commune | kind
    commune: str
    kind: str
    totals: Totals

    def values(self) -> dict:
        t = self.totals
        return {
            "month": self.month,
            "group": self.group,
            "commune": self.commune,
            "kind": self.kind,
            "establishments": t.establishments,
            "visitors": t.visitors,
            "domestic_visitors": domestic(t),
            "international_visitors": t.international_visitors,
            "overnight_guests": t.overnight_guests,
            "revenue_vnd": t.revenue_vnd,
            "withheld": t.withheld,
        }


def series_rows(agg: Aggregate) -> list[Row]:
    """Every published month of the year (up to the last counted), for the province, each commune
    and each kind; a withheld total stays a row, marked withheld, with its figures empty."""
    last = agg.month_index
    rows: list[Row] = []
    groups = [("province", agg.province)]
    groups += [("commune", s) for s in agg.communes.values()]
    groups += [("kind", s) for s in agg.kinds.values()]
    for i, month in enumerate(agg.months[: last + 1]):
        for group, series in groups:
            rows.append(Row(f"{month:%Y-%m}", group, series.commune, series.kind, series.months[i]))
    return rows


def bench_urls() -> dict[str, str]:
    return {
        "open-data tourism page": "/vi/open-data/tourism/",
        "open-data tourism CSV": "/vi/open-data/tourism/tourism.csv",
        "API statistics tourism": "/api/v1/statistics/tourism",
    }
