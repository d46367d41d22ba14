"""Template helpers: language links that keep you on the same page, and per-language formatting."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from geopark.core import formatting

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per published language: code, native name, the URL of this same page in it, and
    whether it is the current language. Wagtail pages link to their own translation."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    path = request.get_full_path() if request else "/"
    # Asked twice per page (the header's switch and the head's hreflang links): the translations
    # are read once per request.
    memo_key = (getattr(page, "pk", None), path, current)
    memo = getattr(request, "_language_links", None) if request is not None else None
    if memo is not None and memo[0] == memo_key:
        return memo[1]
    links = []
    translations = {}
    if page is not None and hasattr(page, "get_translations"):
        translations = {
            p.locale.language_code: p for p in page.get_translations(inclusive=True).select_related("locale")
        }
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].url or f"/{code}/"
        else:
            url = translate_url(path, code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    if request is not None:
        request._language_links = (memo_key, links)
    return links


@register.filter
def km(value: float | None) -> str:
    return "" if value is None else formatting.format_km(value)


@register.filter
def minutes(value: int | None) -> str:
    return "" if value is None else formatting.format_minutes(value)


@register.filter
def number(value: float | int | None, digits: int | None = None) -> str:
    return "" if value is None else formatting.format_number(value, digits=digits)


@register.filter
def vnd(value: float | int | None) -> str:
    return "" if value is None else formatting.format_vnd(value)


@register.filter
def longdate(value) -> str:
    return "" if value is None else formatting.format_date(value)


@register.simple_tag
def route_colour(number: int, part: str = "fill") -> str:
    return settings.GEOPARK_ROUTE_COLOURS.get(number, {}).get(part, "#555555")


@register.filter
def field_in(obj: Any, base: str) -> str:
    """`{{ site|field_in:"name" }}`: the text in the current language, falling back to Vietnamese."""
    from geopark.core.i18n import translated_value

    return translated_value(obj, base)


@register.simple_tag
def map_settings() -> dict[str, str]:
    """What a map needs from settings: tile URL (may be empty), attribution, and the route
    colours as JSON for a data- attribute."""
    import json

    return {
        "tile_url": settings.GEOPARK_TILE_URL,
        "tile_attribution": settings.GEOPARK_TILE_ATTRIBUTION,
        "route_colours": json.dumps({str(k): v for k, v in settings.GEOPARK_ROUTE_COLOURS.items()}),
        # An optional geological overlay: a WMS service with its layers, or a tile URL template.
        "geology_wms_url": settings.GEOPARK_GEOLOGY_WMS_URL if settings.GEOPARK_GEOLOGY_WMS_LAYERS else "",
        "geology_wms_layers": settings.GEOPARK_GEOLOGY_WMS_LAYERS,
        "geology_tile_url": settings.GEOPARK_GEOLOGY_TILE_URL,
        "geology_attribution": settings.GEOPARK_GEOLOGY_ATTRIBUTION,
    }


@register.filter
def page_links(page_obj: Any) -> list[Any]:
    """The page numbers a pagination bar shows: the first, the last and two either side of the
    current one, with `Paginator.ELLIPSIS` for the gaps (a list of 8,000 pages is no help to anyone)."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))
