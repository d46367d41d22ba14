from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from geopark.core.sitemaps import I18nSitemap

from .models import Partner


class PartnerSitemap(I18nSitemap):
    """Every public partner's page."""

    changefreq = "monthly"
    row_fields = ("slug", "updated_at")
    slug_url_name = "partners:partner_detail"

    def items(self) -> QuerySet[Partner]:
        return Partner.objects.public()

    def lastmod(self, item: Any) -> Any:  # a row: see row_fields
        return item.updated_at
