"""The sitemap at /sitemap.xml: every public page in every language (see geopark/core/sitemaps.py).

The page tree's pages, then the apps' list pages that are views (GeoparkApp.sitemap_views), then
each app's sections of records (GeoparkApp.sitemaps), in the order of INSTALLED_APPS."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap

from geopark.core.plugins import geopark_apps, load
from geopark.core.sitemaps import ViewSitemap, WagtailPageSitemap


def build_sitemaps() -> dict[str, Sitemap]:
    sitemaps: dict[str, Sitemap] = {
        "pages": WagtailPageSitemap(),
        "views": ViewSitemap([name for app in geopark_apps() for name in app.sitemap_views]),
    }
    for app in geopark_apps():
        for section, path in app.sitemaps.items():
            sitemaps[section] = load(path)()
    return sitemaps


SITEMAPS = build_sitemaps()
