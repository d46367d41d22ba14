from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from geopark.core.i18n import is_fallback

from . import selectors
from .models import Period

PAGE_SIZE = 24


def item_list(request: HttpRequest) -> HttpResponse:
    period = request.GET.get("period", "")
    filters = selectors.CollectionFilters(
        taxon=request.GET.get("taxon", "").strip()[:100],
        period=period if period in Period.values else "",
        site=request.GET.get("site", "").strip()[:30],
    )
    page = Paginator(selectors.collection_list(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "museum/item_list.html",
        {
            "page_obj": page,
            "items": page.object_list,
            "filters": filters,
            "taxa": selectors.taxon_choices(),
            "periods": selectors.period_choices(),
            "sites": selectors.find_sites(),
        },
    )


def item_detail(request: HttpRequest, slug: str) -> HttpResponse:
    item = selectors.item_by_slug(slug)
    if item is None:
        raise Http404(_("No collection item at this address."))
    return render(
        request,
        "museum/item_detail.html",
        {
            "item": item,
            "images": list(item.images.all()),
            "notes_is_fallback": is_fallback(item, "notes"),
            "name_is_fallback": is_fallback(item, "common_name"),
        },
    )
