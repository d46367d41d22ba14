"""/api/v1/statistics/tourism: the open-data page's series as JSON, from the same aggregation
(`tourism.aggregates`) and in the same shape as its JSON file."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from geopark.core.api import Message, ProblemsOut

from . import exports, selectors

router = Router(tags=["statistics"])


class RowOut(Schema):
    month: str = Field(description="YYYY-MM")
    group: str = Field(description="province, commune or kind")
    commune: str = Field(description="The commune's code when group is commune.")
    kind: str = Field(description="The kind of establishment when group is kind.")
    establishments: int
    visitors: int | None
    domestic_visitors: int | None
    international_visitors: int | None
    overnight_guests: int | None
    revenue_vnd: int | None
    withheld: bool


class SeriesOut(Schema):
    year: int
    last_month: str = Field(description="The last month counted (YYYY-MM).")
    min_establishments: int
    note: str
    months: list[RowOut]


class YearQuery(Schema):
    year: str | None = Field(
        None, max_length=4, description="Four digits; default: the year of the last complete month."
    )


@router.get(
    "/statistics/tourism",
    response={200: SeriesOut, 400: Message, 422: ProblemsOut},
    summary="A year's tourism totals per month: the province, each commune and each kind (withheld where they could disclose an establishment's figures)",
)
def tourism(request: HttpRequest, q: Query[YearQuery]):
    try:
        year = selectors.parse_year(q.year)
    except selectors.BadYear as exc:
        return Status(
            400,
            {
                "detail": _("year: ask for a year between %(range)s, written in four digits.")
                % {"range": str(exc)}
            },
        )
    return exports.as_json(selectors.year_aggregate(year))
