"""Reads of the routes shared by pages and the API."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from geopark.heritage.route_links import RouteLinks
from geopark.heritage.selectors import active_hazards_prefetch

from .models import Route, RouteGeometry, RouteStop


def _stops() -> QuerySet[RouteStop]:
    # Active hazard notices travel with each stop's site, so the route page warns next to the stop.
    return (
        RouteStop.objects.filter(site__live=True)
        .select_related("site", "site__commune", "site__former_commune")
        .prefetch_related(active_hazards_prefetch("site__"))
        .order_by("sort_order")
    )


def route_list() -> QuerySet[Route]:
    return Route.objects.public().prefetch_related(Prefetch("stops", queryset=_stops()))


def route_by_number(number: int) -> Route | None:
    return route_list().filter(number=number).first()


def geometry(route: Route) -> RouteGeometry:
    """The route's line and estimates; uses the prefetched stops."""
    return RouteGeometry(route, list(route.stops.all()))


class SiteRouteLinks(RouteLinks):
    """The routes heritage shows beside its sites (registered in `RoutesConfig.ready`)."""

    def prefetch(self) -> list[Prefetch]:
        # A route still a draft is not shown beside its sites.
        stops = RouteStop.objects.filter(route__live=True).select_related("route").order_by("route__number")
        return [Prefetch("route_stops", queryset=stops)]

    def on_route(self, number: int) -> Exists:
        # EXISTS rather than a join: no DISTINCT over every column of every site.
        return Exists(RouteStop.objects.filter(site=OuterRef("pk"), route__number=number, route__live=True))

    def choices(self) -> QuerySet[Route]:
        return route_list()

    def stops(self, site: Any) -> list[RouteStop]:
        return list(site.route_stops.all())

    def refs(self, site: Any) -> list[dict[str, Any]]:
        return [
            {
                "number": stop.route.number,
                "name": stop.route.name,
                "order": stop.position,
                "order_confirmed": stop.order_confirmed,
            }
            for stop in site.route_stops.all()
        ]

    def documentation(self) -> list[dict[str, Any]]:
        rows = []
        # Drafts too: the editors document a route before it is published. One query for the routes
        # and one for their stops with the sites' positions, whatever the number of routes.
        stops = RouteStop.objects.select_related("site", "site__commune").order_by("sort_order")
        for route in Route.objects.order_by("number").prefetch_related(Prefetch("stops", queryset=stops)):
            line = RouteGeometry(route, list(route.stops.all()))
            rows.append(
                {
                    "number": route.number,
                    "name": route.name,
                    "live": route.live,
                    "stops": len(line.stops),
                    "official_points": route.official_points,
                    "placed": line.placed_stop_count,
                    "unconfirmed": sum(1 for stop in line.stops if not stop.order_confirmed),
                    "official_km": route.official_length_km,
                    "drawn_km": line.length_km,
                }
            )
        return rows
