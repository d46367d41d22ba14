"""GET /api/v1/cooperation/summary?year=: the cooperation log's totals by year, country and kind,
each total split into what the records add and what the opening balance holds (selectors.summary)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import translation
from ninja import Router, Schema, Status

from geopark.core.api import Lang, Message, ProblemsOut

from . import selectors

router = Router(tags=["cooperation"])

FIRST_YEAR, LAST_YEAR = 1990, 2100


class FigureOut(Schema):
    records: int
    balance: int
    total: int
    more_than: bool
    balance_as_of: dt.date | None


class BalanceOut(Schema):
    record_kind: str
    direction: str
    network: str
    country: str
    since_year: int | None
    as_of: dt.date
    count: int
    more_than: bool
    source: str
    source_text: str


class YearOut(Schema):
    year: int
    received: int
    sent: int
    activities: int


class CountryOut(Schema):
    country: str
    name: str
    received: FigureOut
    sent: FigureOut


class KindOut(Schema):
    group: str
    key: str
    label: str
    records: int
    balance: int
    total: int
    more_than: bool


class SummaryOut(Schema):
    year: int | None
    delegations_received: FigureOut
    delegations_sent: FigureOut
    network_activities: FigureOut
    by_year: list[YearOut]
    by_country: list[CountryOut]
    by_kind: list[KindOut]
    balances: list[BalanceOut]
    domestic_delegations: dict[str, int]
    undated_records: int


def _figure(figure: selectors.Figure) -> dict:
    return {
        "records": figure.records,
        "balance": figure.balance,
        "total": figure.total,
        "more_than": figure.more_than,
        "balance_as_of": figure.as_of,
    }


@router.get(
    "/cooperation/summary",
    response={200: SummaryOut, 400: Message, 422: ProblemsOut},
    summary="The cooperation log's totals",
)
def cooperation_summary(request: HttpRequest, year: int | None = None, lang: Lang = Lang.vi):
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        return Status(
            400, {"detail": f"year {year} is out of range; use a year from {FIRST_YEAR} to {LAST_YEAR}."}
        )
    with translation.override(lang.value):
        result = selectors.summary(year)
        return {
            "year": result.year,
            "delegations_received": _figure(result.received),
            "delegations_sent": _figure(result.sent),
            "network_activities": _figure(result.activities),
            "by_year": [vars(row) for row in result.by_year],
            "by_country": [
                {"country": r.code, "name": r.name, "received": _figure(r.received), "sent": _figure(r.sent)}
                for r in result.by_country
            ],
            "by_kind": [{**vars(k), "total": k.total} for k in result.by_kind],
            "balances": result.balances,
            "domestic_delegations": dict(result.domestic),
            "undated_records": result.undated,
        }
