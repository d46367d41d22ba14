"""/api/v1/tourism/…: tourism statistics as open data.

Public: monthly and year-to-date sums over establishments (withheld when fewer than
`selectors.MIN_ESTABLISHMENTS` make them up, or when other published sums would give such a group's
figures by subtraction: `disclosure`), and the list of active establishments with their name, kind,
commune, address and rooms. Never public: one establishment's own figures."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from geopark.core.api import Lang, Message, PageOut, PastLastPage, ProblemsOut, page_window

from . import selectors
from .models import Establishment, EstablishmentKind

router = Router(tags=["tourism"])

MONTH_PATTERN = r"^20[0-9]{2}-(0[1-9]|1[0-2])$"
MAX_MONTHS = 120
PAGE_SIZE = 50


class TotalsOut(Schema):
    establishments: int = Field(description="How many establishments reported.")
    withheld: bool = Field(
        description=(
            "True when the sums are not published: fewer than min_establishments reported, or other "
            "published sums would give a few establishments' figures by subtraction."
        )
    )
    visitors: int | None
    international_visitors: int | None
    overnight_guests: int | None
    revenue_vnd: int | None


class MonthOut(TotalsOut):
    month: str = Field(description="YYYY-MM")


class MonthlyOut(Schema):
    start: str
    end: str
    commune: str | None
    kind: str | None
    min_establishments: int
    months: list[MonthOut]


class YearToDateOut(Schema):
    month: str = Field(description="The last month counted (YYYY-MM); the period starts in January.")
    commune: str | None
    kind: str | None
    min_establishments: int
    current: TotalsOut
    previous: TotalsOut = Field(description="The same months of the year before.")


class CommuneRef(Schema):
    code: str
    name: str


class EstablishmentOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    commune: CommuneRef | None
    address: str
    rooms: int | None


class EstablishmentPage(PageOut):
    items: list[EstablishmentOut]


class FilterQuery(Schema):
    commune: str | None = Field(None, max_length=10, description="A 2025 commune or ward code.")
    kind: EstablishmentKind | None = None


class MonthlyQuery(FilterQuery):
    start: str | None = Field(None, alias="from", pattern=MONTH_PATTERN, description="First month, YYYY-MM.")
    end: str | None = Field(None, alias="to", pattern=MONTH_PATTERN, description="Last month, YYYY-MM.")


class YearToDateQuery(FilterQuery):
    month: str | None = Field(None, pattern=MONTH_PATTERN, description="Last month counted, YYYY-MM.")


class EstablishmentQuery(FilterQuery):
    lang: Lang = Lang.vi
    page: int = Field(1, ge=1, le=100_000)


def _month(text: str) -> dt.date:
    return dt.date(int(text[:4]), int(text[5:7]), 1)


def _last_complete_month() -> dt.date:
    return selectors.add_months(timezone.localdate().replace(day=1), -1)


def _filters(q: FilterQuery) -> selectors.StatisticsFilters | Status:
    commune = (q.commune or "").strip()
    if commune and not selectors.commune_exists(commune):
        return Status(
            400, {"detail": _("commune: no commune or ward has the code “%(code)s”.") % {"code": commune}}
        )
    return selectors.StatisticsFilters(commune=commune, kind=q.kind.value if q.kind else "")


def _totals_out(totals: selectors.Totals) -> dict:
    return {**dataclasses.asdict(totals), "withheld": totals.withheld}


@router.get(
    "/tourism/monthly",
    response={200: MonthlyOut, 400: Message, 422: ProblemsOut},
    summary="Tourism totals per month over all reporting establishments (default: the last 12 complete months)",
)
def monthly(request: HttpRequest, q: Query[MonthlyQuery]):
    end = _month(q.end) if q.end else _last_complete_month()
    start = _month(q.start) if q.start else selectors.add_months(end, -11)
    if start > end:
        return Status(
            400,
            {
                "detail": _("from: %(start)s is after to: %(end)s.")
                % {"start": f"{start:%Y-%m}", "end": f"{end:%Y-%m}"}
            },
        )
    if selectors.months_between(start, end) > MAX_MONTHS:
        return Status(400, {"detail": _("Ask for at most %(n)d months at a time.") % {"n": MAX_MONTHS}})
    filters = _filters(q)
    if isinstance(filters, Status):
        return filters
    rows = selectors.monthly_totals(start=start, end=end, filters=filters)
    return {
        "start": f"{start:%Y-%m}",
        "end": f"{end:%Y-%m}",
        "commune": filters.commune or None,
        "kind": filters.kind or None,
        "min_establishments": selectors.MIN_ESTABLISHMENTS,
        "months": [{"month": f"{row.month:%Y-%m}", **_totals_out(row.totals)} for row in rows],
    }


@router.get(
    "/tourism/year-to-date",
    response={200: YearToDateOut, 400: Message, 422: ProblemsOut},
    summary="Tourism totals from January to a month (default: the last complete one) against the year before",
)
def year_to_date(request: HttpRequest, q: Query[YearToDateQuery]):
    month = _month(q.month) if q.month else _last_complete_month()
    filters = _filters(q)
    if isinstance(filters, Status):
        return filters
    ytd = selectors.year_to_date(month=month, filters=filters)
    return {
        "month": f"{month:%Y-%m}",
        "commune": filters.commune or None,
        "kind": filters.kind or None,
        "min_establishments": selectors.MIN_ESTABLISHMENTS,
        "current": _totals_out(ytd.current),
        "previous": _totals_out(ytd.previous),
    }


def establishment_out(establishment: Establishment, kind_labels: dict[str, str]) -> dict:
    """Public fields only; `kind_labels` in the language of the answer."""
    commune = establishment.commune
    return {
        "id": establishment.pk,
        "name": establishment.name,
        "kind": establishment.kind,
        "kind_label": kind_labels.get(establishment.kind, establishment.kind),
        "commune": {"code": commune.code, "name": commune.name} if commune else None,
        "address": establishment.address,
        "rooms": establishment.rooms,
    }


@router.get(
    "/tourism/establishments",
    response={200: EstablishmentPage, 400: Message, 422: ProblemsOut},
    summary="Active tourism establishments (public fields only), 50 per page",
)
def establishments(request: HttpRequest, q: Query[EstablishmentQuery]):
    filters = _filters(q)
    if isinstance(filters, Status):
        return filters
    qs = selectors.establishment_list(filters)
    try:
        window = page_window(qs.count(), q.page, PAGE_SIZE)
    except PastLastPage as exc:
        # Said in the request's language, as this API's other messages are.
        return Status(
            400,
            {
                "detail": _("page: %(page)d is past the last page (%(pages)d).")
                % {"page": exc.page, "pages": exc.pages}
            },
        )
    with translation.override(q.lang.value):
        # Translated once, not per item (get_kind_display translates every choice each time).
        kind_labels = {value: str(label) for value, label in EstablishmentKind.choices}
        items = [establishment_out(e, kind_labels) for e in qs[window.start : window.stop]]
    return {**window.as_dict(), "items": items}
