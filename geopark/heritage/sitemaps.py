from __future__ import annotations

from django.db.models import QuerySet

from geopark.core.sitemaps import I18nSitemap

from .models import Site


class SiteSitemap(I18nSitemap):
    changefreq = "monthly"
    lastmod_field = "updated_at"

    def items(self) -> QuerySet[Site]:
        return Site.objects.public().only("slug", "updated_at").order_by("code")

    def lastmod(self, item: Site):
        return item.updated_at
