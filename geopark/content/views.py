from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from geopark.heritage import selectors as heritage
from geopark.heritage.models import SiteType
from geopark.routes import selectors as routes


def map_page(request: HttpRequest) -> HttpResponse:
    """The full map. Its data comes from the API; the page itself carries the filters and the
    tile settings, and a plain list of sites for people without JavaScript."""
    return render(
        request,
        "content/map.html",
        {
            "geopark": heritage.current_geopark(),
            "routes": routes.route_list(),
            "type_choices": SiteType.choices,
            "tile_url": settings.GEOPARK_TILE_URL,
            "tile_attribution": settings.GEOPARK_TILE_ATTRIBUTION,
        },
    )
