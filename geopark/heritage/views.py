from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from geopark.core.i18n import is_fallback

from . import selectors
from .models import SiteType

PAGE_SIZE = 24


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def site_list(request: HttpRequest) -> HttpResponse:
    from geopark.routes.selectors import route_list  # routes sits above heritage; read-only use

    site_type = request.GET.get("type", "")
    if site_type not in SiteType.values:
        site_type = ""
    filters = selectors.SiteFilters(
        site_type=site_type,
        route=_int_or_none(request.GET.get("route")),
        commune=request.GET.get("commune", "")[:10],
    )
    page = Paginator(selectors.site_list(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "heritage/site_list.html",
        {
            "page_obj": page,
            "sites": page.object_list,
            "filters": filters,
            "type_choices": selectors.type_choices_with_counts(),
            "communes": selectors.communes_with_sites(),
            "routes": route_list(),
        },
    )


def site_detail(request: HttpRequest, slug: str) -> HttpResponse:
    site = selectors.site_by_slug(slug)
    if site is None:
        raise Http404(_("No site with this address."))
    return render(
        request,
        "heritage/site_detail.html",
        {
            "site": site,
            "stops": list(site.route_stops.all()),
            "nearby": selectors.nearby_sites(site),
            "description_is_fallback": is_fallback(site, "description"),
            "translation_status": site.translation_status(request.LANGUAGE_CODE),
        },
    )


def site_short_link(request: HttpRequest, code: str) -> HttpResponse:
    """The address printed on signboards and QR codes: /s/<code>, forever."""
    site = selectors.site_by_code(code)
    if site is None:
        raise Http404(_("No site with this code."))
    return redirect("heritage:site_detail", slug=site.slug)
