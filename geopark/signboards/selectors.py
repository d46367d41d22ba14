"""Reads of the signboards app: the sites a board is printed for, and the scans per day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet, Sum
from django.utils import timezone

from geopark.heritage.models import Site
from geopark.routes.models import Route

from .models import ScanDay

# How far back the board's chart and table look.
DAYS = 90


def printable_sites() -> QuerySet[Site]:
    """The public sites with a code, which is what a board's short address needs."""
    return Site.objects.public().exclude(code="").select_related("geopark").order_by("code")


def site_by_code(code: str) -> Site | None:
    return printable_sites().filter(code__iexact=code).first()


def routes() -> QuerySet[Route]:
    return Route.objects.public().order_by("number")


def route_sites(number: int) -> list[Site] | None:
    """The public sites of a route in its order; None when there is no such public route."""
    route = routes().filter(number=number).first()
    if route is None:
        return None
    stops = (
        route.stops.filter(site__in=printable_sites()).select_related("site__geopark").order_by("sort_order")
    )
    return [stop.site for stop in stops]


@dataclass(frozen=True)
class ScanSummary:
    days: list[dt.date]  # oldest first
    per_day: list[int]  # all sites' scans on each day
    per_site: list[tuple[Site, int]]  # sites with scans in the period, most first


def scans(today: dt.date | None = None, days: int = DAYS) -> ScanSummary:
    """The last `days` days' scans: per day (for the chart) and per site. Two queries."""
    today = today or timezone.localdate()
    start = today - dt.timedelta(days=days - 1)
    rows = ScanDay.objects.filter(day__gte=start, day__lte=today)
    by_day = dict(rows.values_list("day").annotate(n=Sum("scans")).order_by())
    totals = dict(rows.values_list("site").annotate(n=Sum("scans")).order_by())
    sites = Site.objects.filter(pk__in=totals).only("pk", "code", "name_vi", "name_en", "name_zh")
    per_site = sorted(((s, totals[s.pk]) for s in sites), key=lambda pair: (-pair[1], pair[0].code))
    day_list = [start + dt.timedelta(days=i) for i in range(days)]
    return ScanSummary(days=day_list, per_day=[by_day.get(d, 0) for d in day_list], per_site=per_site)
