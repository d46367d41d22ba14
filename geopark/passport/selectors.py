"""Reads of the geo-passport: what the passport page and a site's stamp panel ship to the phone
(sites with the circle a stamp is collected in, routes, questions as salted answer hashes), and the
board's counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet, Sum
from django.urls import reverse
from django.utils import timezone

from geopark.core.illustrations import ROUTE_COLOURS
from geopark.heritage.models import Site
from geopark.routes.models import Route, RouteStop

from .answers import answer_hash
from .models import BadgeDay, Question, StampDay

# Within this distance of a site's position a stamp is collected, plus how far the position itself
# may be off (a published coordinate's uncertainty, or the commune's radius for a site known only
# to its commune): a position known to within 500 m is collected within 650 m.
BASE_RADIUS_M = 150
# How far back the board's charts and tables look.
DAYS = 90


def stamp_sites() -> QuerySet[Site]:
    """The public sites with a code (the signboard's short address needs one)."""
    return Site.objects.public().exclude(code="").select_related("commune").order_by("code")


def radius_m(site: Site) -> int | None:
    """The circle around the site's known position in which its stamp is collected; None when its
    position is not known at all (then only its signboard gives the stamp)."""
    if site.map_position is None:
        return None
    return BASE_RADIUS_M + int(site.map_uncertainty_m or 0)


def site_out(site: Site) -> dict[str, Any]:
    position = site.map_position
    return {
        "code": site.code,
        "name": str(site.name),
        "url": site.get_absolute_url(),
        "lat": position[0] if position else None,
        "lon": position[1] if position else None,
        "radius": radius_m(site),
    }


def question_out(question: Question) -> dict[str, Any]:
    return {
        "text": question.text,
        "salt": question.salt,
        "hashes": sorted({answer_hash(question.salt, answer) for answer in question.answer_list}),
    }


def questions(lang: str, sites: QuerySet[Site] | list[Site]) -> dict[str, dict[str, dict[str, Any]]]:
    """{site code: {audience: question}} in `lang`, for the given sites. One query."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    rows = (
        Question.objects.filter(language=lang, site__in=sites)
        .select_related("site")
        .only("site__code", "audience", "text", "answers", "salt")
    )
    for question in rows:
        found.setdefault(question.site.code, {})[question.audience] = question_out(question)
    return found


@dataclass(frozen=True)
class PassportRoute:
    route: Route
    colour: str
    sites: list[Site]


def passport_routes(sites: list[Site]) -> list[PassportRoute]:
    """The public routes with their stamp sites in order (routes without one are left out). Two queries."""
    by_id = {site.pk: site for site in sites}
    routes = list(Route.objects.public().order_by("number"))
    stops = RouteStop.objects.filter(route__in=routes, site_id__in=by_id).order_by("route_id", "sort_order")
    members: dict[int, list[Site]] = {}
    for stop in stops.only("route_id", "site_id"):
        members.setdefault(stop.route_id, []).append(by_id[stop.site_id])
    return [
        PassportRoute(route, ROUTE_COLOURS.get(route.number, "#1d5e40"), members[route.pk])
        for route in routes
        if members.get(route.pk)
    ]


def route_out(item: PassportRoute) -> dict[str, Any]:
    return {
        "number": item.route.number,
        "name": str(item.route.name),
        "sites": [site.code for site in item.sites],
    }


def passport_data(lang: str) -> tuple[list[Site], list[PassportRoute], dict[str, Any]]:
    """The passport page's sites, routes and the data its script keeps (works offline once loaded)."""
    sites = list(stamp_sites())
    routes = passport_routes(sites)
    data = {
        "sites": [site_out(site) for site in sites],
        "routes": [route_out(item) for item in routes],
        "questions": questions(lang, sites),
    }
    return sites, routes, data


def site_panel_data(site: Site, lang: str) -> dict[str, Any] | None:
    """What a site page's stamp panel ships: the site, its questions, and the routes it is on with
    their sites (so a badge is earned there too). None when the site cannot carry a stamp. Two queries."""
    if not site.code or not site.live:
        return None
    routes = Route.objects.public().filter(stops__site=site)
    stops = (
        RouteStop.objects.filter(route__in=routes, site__in=Site.objects.public().exclude(code=""))
        .select_related("route")
        .only(
            "route__number", "route__name_vi", "route__name_en", "route__name_zh", "site__code", "sort_order"
        )
        .select_related("site")
        .order_by("route__number", "sort_order")
    )
    grouped: dict[int, dict[str, Any]] = {}
    for stop in stops:
        entry = grouped.setdefault(
            stop.route.number, {"number": stop.route.number, "name": str(stop.route.name), "sites": []}
        )
        entry["sites"].append(stop.site.code)
    return {
        "sites": [site_out(site)],
        "routes": list(grouped.values()),
        "questions": questions(lang, [site]),
        "passport_url": reverse("passport:passport"),
    }


# The board's counts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteCount:
    site: Site
    by_scan: int
    by_location: int
    answered: int

    @property
    def stamps(self) -> int:
        return self.by_scan + self.by_location


@dataclass(frozen=True)
class Counts:
    days: list[dt.date]  # oldest first
    stamps_per_day: list[int]
    badges_per_day: list[int]
    per_site: list[SiteCount]  # sites with stamps in the period, most first
    per_route: list[tuple[Route, int]]  # routes with badges in the period, most first


def _days(today: dt.date, days: int) -> list[dt.date]:
    start = today - dt.timedelta(days=days - 1)
    return [start + dt.timedelta(days=i) for i in range(days)]


def counts(today: dt.date | None = None, days: int = DAYS) -> Counts:
    """The last `days` days' stamps and badges, per day and per site or route. Six queries."""
    day_list = _days(today or timezone.localdate(), days)
    stamps = StampDay.objects.filter(day__gte=day_list[0], day__lte=day_list[-1])
    badges = BadgeDay.objects.filter(day__gte=day_list[0], day__lte=day_list[-1])
    stamp_days = {
        row["day"]: row["s"] + row["l"]
        for row in stamps.values("day").annotate(s=Sum("by_scan"), l=Sum("by_location")).order_by()
    }
    badge_days = dict(badges.values_list("day").annotate(n=Sum("badges")).order_by())
    site_rows = {
        row["site"]: row
        for row in stamps.values("site")
        .annotate(s=Sum("by_scan"), l=Sum("by_location"), a=Sum("answered"))
        .order_by()
    }
    sites = Site.objects.filter(pk__in=site_rows).only("pk", "code", "name_vi", "name_en", "name_zh")
    per_site = sorted(
        (SiteCount(s, site_rows[s.pk]["s"], site_rows[s.pk]["l"], site_rows[s.pk]["a"]) for s in sites),
        key=lambda c: (-c.stamps, c.site.code),
    )
    route_totals = dict(badges.values_list("route").annotate(n=Sum("badges")).order_by())
    routes = Route.objects.filter(pk__in=route_totals).only("pk", "number", "name_vi", "name_en", "name_zh")
    per_route = sorted(((r, route_totals[r.pk]) for r in routes), key=lambda pair: (-pair[1], pair[0].number))
    return Counts(
        days=day_list,
        stamps_per_day=[stamp_days.get(d, 0) for d in day_list],
        badges_per_day=[badge_days.get(d, 0) for d in day_list],
        per_site=per_site,
        per_route=per_route,
    )


def site_series(
    site: Site, today: dt.date | None = None, days: int = DAYS
) -> tuple[list[dt.date], list[int]]:
    day_list = _days(today or timezone.localdate(), days)
    rows = {
        row.day: row.stamps
        for row in StampDay.objects.filter(site=site, day__gte=day_list[0], day__lte=day_list[-1])
    }
    return day_list, [rows.get(d, 0) for d in day_list]


def route_series(
    route: Route, today: dt.date | None = None, days: int = DAYS
) -> tuple[list[dt.date], list[int]]:
    day_list = _days(today or timezone.localdate(), days)
    rows = dict(
        BadgeDay.objects.filter(route=route, day__gte=day_list[0], day__lte=day_list[-1]).values_list(
            "day", "badges"
        )
    )
    return day_list, [rows.get(d, 0) for d in day_list]


def site_by_code(code: str) -> Site | None:
    return stamp_sites().filter(code__iexact=code).first()


def route_by_number(number: int) -> Route | None:
    return Route.objects.public().filter(number=number).first()
