from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import selectors
from .seo import route_structured_data


def route_list(request: HttpRequest) -> HttpResponse:
    routes = [(route, selectors.geometry(route)) for route in selectors.route_list()]
    return render(request, "routes/route_list.html", {"routes": routes})


def route_detail(request: HttpRequest, number: int, slug: str = "") -> HttpResponse:
    route = selectors.route_by_number(number)
    if route is None:
        raise Http404(_("No route with this number."))
    if slug != route.slug:
        return redirect(route.get_absolute_url(), permanent=True)
    return render_route(request, route)


def render_route(request: HttpRequest, route) -> HttpResponse:
    """The public page of `route`: a live one, or a draft in the admin's preview (`Route.serve_preview`)."""
    geometry = selectors.geometry(route)
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
