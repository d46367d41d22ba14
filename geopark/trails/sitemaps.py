from __future__ import annotations

from django.db.models import QuerySet

from geopark.core.sitemaps import I18nSitemap

from .models import Trail


class TrailSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self) -> QuerySet[Trail]:
        return Trail.objects.public().only("slug").order_by("sort_order", "slug")
