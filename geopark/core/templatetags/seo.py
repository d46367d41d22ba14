"""Head tags for search engines and social networks, and `{% capture %}` to reuse a block's text."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe

from geopark.core import illustrations, seo

from .geopark import language_links

register = template.Library()


class CaptureNode(template.Node):
    # Declaring the child node list lets a {% block %} inside be overridden by child templates.
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist: template.NodeList, var: str) -> None:
        self.nodelist = nodelist
        self.var = var

    def render(self, context: template.Context) -> str:
        # The rendered text is already escaped; whitespace is collapsed for use in attributes.
        context[self.var] = mark_safe(" ".join(self.nodelist.render(context).split()))
        return ""


@register.tag
def capture(parser: template.base.Parser, token: template.base.Token) -> CaptureNode:
    """`{% capture as name %}…{% endcapture %}`: render once, use as {{ name }} anywhere after.

    base.html wraps the title and description blocks in it so the same text feeds <title>, the meta
    description, Open Graph and Twitter cards (Django renders a block only once)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


def _as_list(data: Any) -> list[dict[str, Any]]:
    if not data:
        return []
    return [d for d in (data if isinstance(data, list | tuple) else [data]) if d]


# The records a page may be about, by the name its view gives them in the context.
_RECORD_KEYS = ("site", "route", "event", "item", "partner")
_RECORD_LABELS = frozenset(
    {"heritage.site", "routes.route", "events.event", "museum.collectionitem", "partners.partner"}
)


def _illustration_og_url(context: template.Context, page: Any, request: Any) -> str:
    from .illustrations import illustration_path

    for key in _RECORD_KEYS:
        obj = context.get(key)
        if getattr(getattr(obj, "_meta", None), "label_lower", "") in _RECORD_LABELS:
            motif, seed = illustrations.for_object(obj)
            break
    else:
        if page is not None and getattr(page, "depth", 0) > 2:
            motif, seed = illustrations.for_object(page)
        else:
            motif, seed = illustrations.page_motif(request.path if request is not None else "/")
    return illustration_path(motif, seed, "png")


@register.inclusion_tag("includes/seo_head.html", takes_context=True)
def seo_head(context: template.Context, title: str = "", description: str = "") -> dict[str, Any]:
    request = context.get("request")
    page = context.get("page")
    lang = translation.get_language() or settings.LANGUAGE_CODE
    alternates = [
        {"code": link["code"], "url": seo.absolute_url(request, link["url"])}
        for link in language_links(context)
    ]
    default = next((a for a in alternates if a["code"] == settings.LANGUAGE_CODE), None)
    if default is not None:
        # x-default: the original-language version, the same choice the sitemap makes.
        alternates.append({"code": "x-default", "url": default["url"]})

    structured = context.get("structured_data")
    if structured is None and page is not None and hasattr(page, "get_structured_data"):
        structured = page.get_structured_data(request)
    og_image = context.get("og_image")
    if not og_image and page is not None and hasattr(page, "get_og_image_url"):
        og_image = page.get_og_image_url(request)
    if og_image:
        # Every share image the apps build is a `fill-1200x630` rendition (seo.OG_IMAGE_SIZE).
        og_size = context.get("og_image_size") or seo.OG_IMAGE_SIZE
    else:
        # No photo: the page's illustration, drawn once as a PNG (social networks do not read SVG).
        og_image = _illustration_og_url(context, page, request)
        og_size = (illustrations.OG_WIDTH, illustrations.OG_HEIGHT)
    og_type = context.get("og_type") or getattr(page, "og_type", "") or "website"
    geopark = context.get("site_geopark")
    site_name = (getattr(geopark, "name", "") if geopark else "") or settings.WAGTAIL_SITE_NAME
    return {
        "canonical": context.get("canonical_url") or (seo.canonical_url(request) if request else ""),
        "alternates": alternates,
        "title": title,
        "description": description,
        "site_name": site_name,
        "og_type": og_type,
        "og_image": seo.absolute_url(request, og_image or ""),
        "og_image_width": og_size[0],
        "og_image_height": og_size[1],
        "og_locale": seo.og_locale(lang),
        "og_locale_alternates": [seo.og_locale(code) for code, _ in settings.LANGUAGES if code != lang],
        "json_ld_blocks": [seo.json_ld(block) for block in _as_list(structured)],
    }
