"""Reads of the trip planner: the sites it may propose, their opening rules, the places to sleep,
the stored plans, and the routes it exports."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import QuerySet

from geopark.heritage.models import Site
from geopark.partners.models import STAY_KINDS, Partner
from geopark.routes import selectors as routes
from geopark.routes.models import Route, RouteGeometry

from .models import OpeningHours, TripPlan
from .planner import Rule


def public_sites() -> QuerySet[Site]:
    """Public sites with what the planner needs (their place, for commune-level positions)."""
    return Site.objects.public().select_related("commune").order_by("name_vi")


def site_choices(lang: str) -> list[tuple[str, str]]:
    """(slug, name) of the public sites that have a position on the map, for the form's "add" list."""
    sites = [
        s
        for s in public_sites().only(
            "slug", "name_vi", "name_en", "name_zh", "lat", "lon", "precision", "commune"
        )
        if s.map_position
    ]
    return sorted(
        ((s.slug, getattr(s, f"name_{lang}") or s.name_vi) for s in sites), key=lambda pair: pair[1]
    )


def rules_by_site(site_ids: list[int]) -> dict[int, tuple[Rule, ...]]:
    found: dict[int, list[Rule]] = defaultdict(list)
    for r in OpeningHours.objects.filter(site_id__in=site_ids):
        found[r.site_id].append(
            Rule(r.weekday_from, r.weekday_to, r.month_from, r.month_to, r.closed, r.opens, r.closes)
        )
    return {k: tuple(v) for k, v in found.items()}


def lodgings() -> list[Partner]:
    """Published accommodation partners that have a position (their own pin or their commune's)."""
    stays = (
        Partner.objects.public()
        .filter(kind__in=STAY_KINDS)
        .select_related("commune", "establishment__commune")
    )
    return [p for p in stays.order_by("slug") if p.map_position]


def lodging_by_slug(slug: str) -> Partner | None:
    return next((p for p in lodgings() if p.slug == slug), None)


def plan_by_id(plan_id: str) -> TripPlan | None:
    return TripPlan.objects.filter(pk=plan_id).first()


def route_for_export(number: int) -> tuple[Route, RouteGeometry] | None:
    route = routes.route_by_number(number)
    if route is None:
        return None
    return route, routes.geometry(route)
