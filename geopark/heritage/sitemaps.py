from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from geopark.core.sitemaps import I18nSitemap

from .models import Site


class SiteSitemap(I18nSitemap):
    changefreq = "monthly"
    row_fields = ("slug", "updated_at")
    slug_url_name = "heritage:site_detail"

    def items(self) -> QuerySet[Site]:
        return Site.objects.public()

    def lastmod(self, item: Any) -> Any:  # a row: see row_fields
        return item.updated_at
