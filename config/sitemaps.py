"""The sitemap at /sitemap.xml: every public page in every language (see geopark/core/sitemaps.py).

Apps that list records bring a Sitemap class; pages that are views are named here. A section whose
app is not installed is simply left out."""

from __future__ import annotations

from django.apps import apps
from django.contrib.sitemaps import Sitemap

from geopark.core.sitemaps import I18nSitemap, ViewSitemap, WagtailPageSitemap
from geopark.events.sitemaps import EventSitemap
from geopark.heritage.sitemaps import SiteSitemap
from geopark.routes.sitemaps import RouteSitemap

VIEW_NAMES = [
    "heritage:site_list",
    "routes:route_list",
    "map",
    "events:event_list",
    "events:event_month",
    "events:event_past",
    "education:education",
]


class CollectionItemSitemap(I18nSitemap):
    changefreq = "monthly"
    slug_url_name = "museum:item_detail"

    def items(self):
        return apps.get_model("museum", "CollectionItem").objects.public().order_by("pk")


def build_sitemaps() -> dict[str, Sitemap]:
    sitemaps: dict[str, Sitemap] = {
        "pages": WagtailPageSitemap(),
        "views": ViewSitemap(list(VIEW_NAMES)),
        "sites": SiteSitemap(),
        "routes": RouteSitemap(),
        "events": EventSitemap(),
    }
    if apps.is_installed("geopark.museum"):
        sitemaps["views"].names.append("museum:item_list")
        sitemaps["collection"] = CollectionItemSitemap()
    return sitemaps


SITEMAPS = build_sitemaps()
