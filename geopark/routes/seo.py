"""schema.org TouristTrip for a route page, its stops as an ordered ItemList."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from geopark.core.seo import absolute_url, drop_empty

from .models import Route, RouteStop


def route_structured_data(route: Route, stops: list[RouteStop], request: HttpRequest) -> dict[str, Any]:
    items = [
        {
            "@type": "ListItem",
            "position": stop.position,
            "item": drop_empty(
                {
                    "@type": "TouristAttraction",
                    "name": stop.site.name,
                    "url": absolute_url(request, stop.site.get_absolute_url()),
                }
            ),
        }
        for stop in stops
    ]
    return drop_empty(
        {
            "@context": "https://schema.org",
            "@type": "TouristTrip",
            "name": route.name,
            "description": route.summary or route.theme,
            "url": absolute_url(request, route.get_absolute_url()),
            "itinerary": {
                "@type": "ItemList",
                "itemListOrder": "https://schema.org/ItemListOrderAscending",
                "numberOfItems": len(items),
                "itemListElement": items,
            },
        }
    )
