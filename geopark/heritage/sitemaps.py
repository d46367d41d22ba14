from __future__ import annotations

from django.db.models import QuerySet

from geopark.core.sitemaps import I18nSitemap

from .models import Site


class SiteSitemap(I18nSitemap):
    changefreq = "monthly"
    slug_url_name = "heritage:site_detail"

    def items(self) -> QuerySet[Site]:
        return Site.objects.public().only("slug", "updated_at")

    def lastmod(self, item: Site):
        return item.updated_at
