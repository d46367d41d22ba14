"""The public open-data page of tourism statistics and its files: the aggregated monthly series
of the province, its communes and kinds, never an establishment's own figures (`tourism.aggregates`
shows only what `tourism.disclosure` lets it)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import exports, presentation, selectors


def bad_year(
    request: HttpRequest, allowed: str, template: str = "statistics/bad_request.html"
) -> HttpResponse:
    message = _("year: ask for a year between %(range)s, written in four digits.") % {"range": allowed}
    return render(request, template, {"message": message}, status=400)


def context(year: int) -> dict:
    """Everything the open-data page and the dashboard show of a year: a fixed number of queries."""
    agg = selectors.year_aggregate(year)
    communes, kinds = selectors.commune_names(), selectors.kind_labels()
    by_commune = presentation.group_rows(agg.communes, communes)
    by_kind = presentation.group_rows(agg.kinds, kinds)
    return {
        "year": year,
        "years": list(range(selectors.last_complete_month().year, selectors.FIRST_YEAR - 1, -1))[:8],
        "aggregate": agg,
        "summary": presentation.summary(agg),
        "monthly": presentation.monthly_rows(agg),
        "groups": [
            (_("By commune or ward, year to date"), by_commune, "communes", "communes"),
            (_("By kind of establishment, year to date"), by_kind, "kinds", "kinds"),
        ],
        "charts": presentation.chart_data(agg, communes, kinds),
        "note": exports.explanation(),
        "min_establishments": selectors.MIN_ESTABLISHMENTS,
    }


def open_data(request: HttpRequest) -> HttpResponse:
    try:
        year = selectors.parse_year(request.GET.get("year"))
    except selectors.BadYear as exc:
        return bad_year(request, str(exc))
    return render(request, "statistics/open_data.html", context(year))


def download(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in exports.FORMATS:
        raise Http404(_("No file in this format."))
    try:
        year = selectors.parse_year(request.GET.get("year"))
    except selectors.BadYear as exc:
        return bad_year(request, str(exc))
    return exports.response(fmt, selectors.year_aggregate(year))
