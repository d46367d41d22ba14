from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from geopark.operations.pagecache import remembered

from . import selectors
from .seo import route_structured_data


def route_list(request: HttpRequest) -> HttpResponse:
    # The same for every visitor: read once per process until a route, site or notice changes (what
    # they read moves "*"; operations.pagecache.remembered), or the day turns (notices).
    routes = remembered(
        "routes.route_list",
        (),
        lambda: [(route, selectors.geometry(route)) for route in selectors.route_list()],
        vary=timezone.localdate(),
    )
    return render(request, "routes/route_list.html", {"routes": routes})


def _published_route(number: int) -> tuple[object, object]:
    route = selectors.route_by_number(number)
    return route, (selectors.geometry(route) if route is not None else None)


def route_detail(request: HttpRequest, number: int, slug: str = "") -> HttpResponse:
    route, geometry = remembered(
        "routes.route_detail", (), lambda: _published_route(number), vary=(number, timezone.localdate())
    )
    if route is None:
        raise Http404(_("No route with this number."))
    if slug != route.slug:
        return redirect(route.get_absolute_url(), permanent=True)
    return render_route(request, route, geometry)


def render_route(request: HttpRequest, route, geometry=None) -> HttpResponse:
    """The public page of `route`: a live one, or a draft in the admin's preview (`Route.serve_preview`)."""
    geometry = geometry if geometry is not None else selectors.geometry(route)
    return render(
        request,
        "routes/route_detail.html",
        {
            "route": route,
            "geometry": geometry,
            "stops": geometry.stops,
            "structured_data": route_structured_data(route, geometry.stops, request),
        },
    )
