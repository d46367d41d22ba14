"""Reads of the routes shared by pages and the API."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from geopark.heritage.selectors import active_hazards_prefetch

from .models import Route, RouteGeometry, RouteStop


def _stops() -> QuerySet[RouteStop]:
    # Active hazard notices travel with each stop's site, so the route page warns next to the stop.
    return RouteStop.objects.filter(site__live=True).select_related(
        "site", "site__commune", "site__former_commune"
    ).prefetch_related(active_hazards_prefetch("site__")).order_by("sort_order")


def route_list() -> QuerySet[Route]:
    return Route.objects.public().prefetch_related(Prefetch("stops", queryset=_stops()))


def route_by_number(number: int) -> Route | None:
    return route_list().filter(number=number).first()


def geometry(route: Route) -> RouteGeometry:
    """The route's line and estimates; uses the prefetched stops."""
    return RouteGeometry(route, list(route.stops.all()))
