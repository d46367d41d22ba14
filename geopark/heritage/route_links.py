"""The routes a site is on, as the routes app tells heritage.

Routes stand above heritage (a route is an ordered list of sites), so heritage does not import them;
yet a list of sites filters by route and shows each site's route badges, a site's page lists its
stops and the sites API gives each site's routes. The routes app hands heritage its own `RouteLinks`
when it is ready (`RoutesConfig.ready`), and heritage asks whichever is registered. This default,
in place until then, puts no site on any route.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q


class RouteLinks:
    def prefetch(self) -> list[Prefetch]:
        """What to fetch with a list of sites so that `stops` and `refs` cost no query per site."""
        return []

    def on_route(self, number: int) -> Any:
        """A filter (for `QuerySet.filter`) keeping the sites on the published route `number`."""
        return Q(pk__in=[])

    def choices(self) -> Any:
        """The routes a list of sites can be filtered by, each with a `number` and a `name`."""
        return []

    def stops(self, site: Any) -> list[Any]:
        """The site's stops on published routes, by route number (read from the prefetch)."""
        return []

    def refs(self, site: Any) -> list[dict[str, Any]]:
        """The site's routes as the API gives them: number, name, order and order_confirmed."""
        return []

    def documentation(self) -> list[dict[str, Any]]:
        """How far each route is documented, for the editors' dashboard (never a public page): per
        route its number, name, stops, official_points, placed (stops with a position), unconfirmed
        (stops whose order no source confirms), official_km and drawn_km (the schematic line)."""
        return []


_registered = RouteLinks()


def register(links: RouteLinks) -> None:
    global _registered
    _registered = links


def route_links() -> RouteLinks:
    return _registered
